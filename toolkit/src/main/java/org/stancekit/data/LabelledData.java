package org.stancekit.data;

import java.util.ArrayList;
import java.util.List;

/** Examples read from one or more CSV files, with the files' provenance. */
public record LabelledData(List<StanceExample> stance, List<SentimentExample> sentiment, List<DataFile> files) {
    public LabelledData {
        stance = List.copyOf(stance);
        sentiment = List.copyOf(sentiment);
        files = List.copyOf(files);
    }

    public static LabelledData concat(List<LabelledData> parts) {
        List<StanceExample> st = new ArrayList<>();
        List<SentimentExample> se = new ArrayList<>();
        List<DataFile> files = new ArrayList<>();
        for (LabelledData d : parts) {
            st.addAll(d.stance);
            se.addAll(d.sentiment);
            files.addAll(d.files);
        }
        return new LabelledData(st, se, files);
    }
}
