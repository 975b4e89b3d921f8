package org.stancekit.cli;

import org.stancekit.actors.MentionMatcher;
import org.stancekit.data.LabelledData;
import org.stancekit.data.TrainingCsv;
import org.stancekit.model.Task;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Reads the labelled CSVs a command was given. */
final class Data {
    private Data() {}

    static LabelledData read(List<Path> files, ColumnOptions columns, MentionMatcher matcher, Set<Task> tasks,
                             Consumer<String> warn) {
        TrainingCsv reader = new TrainingCsv(columns.columns(), matcher, BaseCommand.charset(columns.encoding), warn);
        List<LabelledData> parts = new ArrayList<>();
        for (Path f : files) parts.add(reader.read(f, tasks));
        return LabelledData.concat(parts);
    }
}
