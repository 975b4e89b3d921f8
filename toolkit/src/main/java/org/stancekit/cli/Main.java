package org.stancekit.cli;

import org.stancekit.StanceKitException;
import org.stancekit.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The {@code stancekit} command. The only place that exits: {@link #main} maps the int from {@link #run} to the process
 * exit code. Exit codes: 0 ok, 1 failure, 2 bad usage or bad input, 3 finished but some inputs were bad and skipped.
 */
@Command(name = "stancekit", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Per-sentence stance toward actors and sentiment in news articles.",
        subcommands = {ScoreCommand.class, SummarizeCommand.class, TrainCommand.class, EvaluateCommand.class,
                CrossValidateCommand.class,
                InfoCommand.class, ActorsCommand.class, ImportCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:failure (an I/O error, a bug)", "2:bad usage or bad input (file, row and column named)",
                "3:finished, but some inputs were bad and were skipped (see stderr)"})
public final class Main implements Runnable {
    public static final int EXIT_OK = 0, EXIT_PARTIAL = 3;

    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Log more (library logging at info level, stack traces of failures).")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Streams the commands use; tests give their own. */
    final Io io;

    record Io(PrintStream out, PrintStream err, InputStream in) {}

    Main(Io io) {
        this.io = io;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.in));
    }

    /** Runs the command line in-process and returns the exit code. Never exits. */
    public static int run(String[] args, PrintStream out, PrintStream err, InputStream in) {
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        }
        Io io = new Io(out, err, in);
        CommandLine cl = new CommandLine(new Main(io), new Factory(io));
        cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            // exit code 2 promises one line on stderr: the problem, then where to read the usage
            String message = String.valueOf(ex.getMessage()).replaceAll("\\s*\\R\\s*", " ").strip();
            ex.getCommandLine().getErr().println("stancekit: " + message + " (try '"
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return StanceKitException.EXIT_BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            if (ex instanceof StanceKitException ske) {
                e.println("stancekit: " + ske.getMessage());
                if (verbose) ex.printStackTrace(e);
                return ske.exitCode();
            }
            e.println("stancekit: unexpected error: " + ex + (verbose ? "" : " (run with --verbose for details)"));
            if (verbose) ex.printStackTrace(e);
            return StanceKitException.EXIT_FAILURE;
        });
        try {
            return cl.execute(args);
        } finally {
            cl.getOut().flush();
            cl.getErr().flush();
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Gives every command the same streams. */
    private record Factory(Io io) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == Main.class) return cls.cast(new Main(io));
            if (BaseCommand.class.isAssignableFrom(cls)) {
                K k = CommandLine.defaultFactory().create(cls);
                ((BaseCommand) k).io = io;
                return k;
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"stancekit " + Version.get() + " (Java " + System.getProperty("java.version") + ")"};
        }
    }
}
