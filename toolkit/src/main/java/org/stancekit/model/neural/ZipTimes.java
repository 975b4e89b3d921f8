package org.stancekit.model.neural;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites a zip archive with a fixed modification time on every entry. DL4J stamps each entry of a saved network
 * with the time of writing, so two trainings that give the same weights still wrote different files; with the time
 * fixed, the bytes depend only on the entries' names and contents (and on the JDK's deflater).
 */
final class ZipTimes {
    /** The time written on every entry (local date-time, as the zip format stores it; within the DOS range). */
    static final LocalDateTime FIXED = LocalDateTime.of(2000, 1, 1, 0, 0);

    private ZipTimes() {
    }

    /** Copies {@code from}'s entries, in order and with their names and bytes, to a new archive {@code to}. */
    static void copyWithFixedTimes(Path from, Path to) throws IOException {
        try (InputStream raw = Files.newInputStream(from);
             ZipInputStream in = new ZipInputStream(raw);
             OutputStream sink = Files.newOutputStream(to, StandardOpenOption.CREATE_NEW);
             ZipOutputStream out = new ZipOutputStream(sink)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTimeLocal(FIXED);
                out.putNextEntry(copy);
                in.transferTo(out);
                out.closeEntry();
            }
        }
    }
}
