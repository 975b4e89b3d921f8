package org.stancekit;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The toolkit's version, from the build. */
public final class Version {
    private static final Properties BUILD = load();

    private Version() {}

    public static String get() {
        return BUILD.getProperty("version", "dev");
    }

    /** The version of a library we were built with ({@code smile}, {@code jackson}), from the build. */
    public static String library(String name) {
        return BUILD.getProperty(name, "unknown");
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            // no build information: versions read "dev"/"unknown"
        }
        return p;
    }
}
