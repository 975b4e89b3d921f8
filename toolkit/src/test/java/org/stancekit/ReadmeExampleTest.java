package org.stancekit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The library example in README.md compiles against the toolkit and runs with the shipped default model. */
class ReadmeExampleTest {
    static Path projectRoot() {
        return Path.of(System.getProperty("stancekit.projectRoot", "..")).toAbsolutePath().normalize();
    }

    @Test
    void readmeLibraryExampleCompilesAndRuns(@TempDir Path tmp) throws Exception {
        String readme = Files.readString(projectRoot().resolve("README.md"));
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(m.find(), "README has a ```java block");
        String code = m.group(1);
        Matcher cls = Pattern.compile("public class (\\w+)").matcher(code);
        assertTrue(cls.find(), "the example declares a public class");
        String name = cls.group(1);
        Path src = tmp.resolve(name + ".java");
        Files.writeString(src, code);
        long lines = code.lines().filter(l -> !l.isBlank() && !l.startsWith("import")).count();
        assertTrue(lines <= 16, "the example stays short (" + lines + " lines of code)");

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diag = new ByteArrayOutputStream();
        int rc = javac.run(null, diag, diag, "-d", tmp.toString(), "-cp", System.getProperty("java.class.path"),
                src.toString());
        assertEquals(0, rc, "README example does not compile:\n" + diag.toString(StandardCharsets.UTF_8));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        String oldModel = System.getProperty("stancekit.model");
        System.setProperty("stancekit.model", projectRoot().resolve("models/default").toString());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {tmp.toUri().toURL()},
                getClass().getClassLoader())) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            Method main = loader.loadClass(name).getMethod("main", String[].class);
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(old);
            if (oldModel == null) System.clearProperty("stancekit.model");
            else System.setProperty("stancekit.model", oldModel);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("NATO praised Finland's swift accession."), printed);
        assertTrue(printed.matches("(?s).*  (NATO|Finland): (favor|against|neutral) \\(\\d[.,]\\d\\d\\).*"), printed);
        assertTrue(printed.contains("Russia:"), "Moscow is read as Russia: " + printed);
    }
}
