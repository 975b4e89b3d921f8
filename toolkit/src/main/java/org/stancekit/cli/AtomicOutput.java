package org.stancekit.cli;

import org.stancekit.BadInputException;
import org.stancekit.StanceKitException;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where a command writes: standard output, or a file written to a temporary sibling and moved into place by
 * {@link #close()} only after {@link #commit()}; an uncommitted file is deleted, so a failed run leaves any earlier file
 * alone.
 */
final class AtomicOutput implements Closeable {
    private final Path target, tmp;
    private final Writer writer;
    private boolean complete;

    private AtomicOutput(Path target, Path tmp, Writer writer) {
        this.target = target;
        this.tmp = tmp;
        this.writer = writer;
    }

    /** Refuses a directory, and an existing file unless {@code force}; {@code option} names the flag in messages. */
    static void check(Path file, boolean force, String option) {
        if (file == null) return;
        if (Files.isDirectory(file)) {
            throw new BadInputException(file + ": is a directory; give " + option + " a file name");
        }
        if (Files.exists(file) && !force) {
            throw new BadInputException(file + ": already exists; use --force to overwrite it");
        }
    }

    /** Standard output (flushed, never closed) when {@code file} is null, else a temporary file beside it. */
    static AtomicOutput open(Path file, PrintStream stdout) {
        if (file == null) {
            return new AtomicOutput(null, null,
                    new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8)));
        }
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
            // createFile, unlike createTempFile (0600), gives the usual permissions (the umask applies)
            Path tmp = Files.createFile(parent.resolve("." + file.getFileName() + "." + java.util.UUID.randomUUID()
                    + ".tmp"));
            return new AtomicOutput(file, tmp, Files.newBufferedWriter(tmp, StandardCharsets.UTF_8));
        } catch (IOException e) { // an I/O failure (exit 1), said in one line without the exception's name
            String why = e instanceof NoSuchFileException ? "no such directory: " + e.getMessage()
                    : e instanceof java.nio.file.FileAlreadyExistsException ? "not a directory: " + e.getMessage()
                    : e instanceof AccessDeniedException ? "permission denied" : e.getMessage();
            throw new StanceKitException("cannot write " + file + " (" + why + ")", StanceKitException.EXIT_FAILURE, e);
        }
    }

    /** Writes {@code content} to {@code file} atomically. */
    static void write(Path file, String content) throws IOException {
        try (AtomicOutput o = open(file, null)) {
            o.writer().write(content);
            o.commit();
        }
    }

    Writer writer() {
        return writer;
    }

    /** The output is complete: {@link #close()} moves it into place. */
    void commit() {
        complete = true;
    }

    @Override
    public void close() throws IOException {
        if (target == null) {
            writer.flush();
            return;
        }
        writer.close();
        if (complete) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } else {
            Files.deleteIfExists(tmp);
        }
    }
}
