package org.stancekit.cli;

import org.stancekit.io.TextDecoding;
import picocli.CommandLine;

import java.nio.charset.Charset;
import java.util.concurrent.Callable;

/** What every subcommand shares: the streams, help/version, and warnings to stderr. */
@CommandLine.Command(mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class)
abstract class BaseCommand implements Callable<Integer> {
    Main.Io io;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    void warn(String message) {
        io.err().println("warning: " + message);
    }

    void note(String message) {
        io.err().println(message);
    }

    static Charset charset(String name) {
        return name == null ? null : TextDecoding.parseCharset(name);
    }
}
