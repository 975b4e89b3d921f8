package org.stancekit.cli;

import org.stancekit.model.Task;

import java.util.EnumSet;
import java.util.Set;

/** Values of {@code --task}. */
enum TaskOption {
    stance, sentiment, both;

    Set<Task> tasks() {
        return switch (this) {
            case stance -> EnumSet.of(Task.STANCE);
            case sentiment -> EnumSet.of(Task.SENTIMENT);
            case both -> EnumSet.allOf(Task.class);
        };
    }
}
