package org.stancekit.cli;

import org.stancekit.BadInputException;
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

    /** {@code e} with the data files in front, for a problem of the data as a whole that names none of them. */
    static BadInputException naming(List<Path> files, BadInputException e) {
        if (e.getMessage() != null && e.getMessage().startsWith("--")) return e; // an option's own file, not the data
        for (Path f : files) {
            if (e.getMessage() != null && e.getMessage().contains(f.toString())) return e;
        }
        StringBuilder names = new StringBuilder();
        for (Path f : files) names.append(names.length() == 0 ? "" : ", ").append(f);
        return new BadInputException(names + ": " + e.getMessage(), e);
    }
}
