package org.stancekit.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.TestModels;
import org.stancekit.score.Article;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Opens the HTML report in headless Chromium (Debian's {@code /usr/bin/chromium}, or {@code STANCEKIT_CHROMIUM}) and
 * reads the DOM after the page's script ran. Skipped when Chromium is not installed, unless
 * {@code STANCEKIT_REQUIRE_CHROMIUM=1} (set by {@code .ci/run}), which makes a missing browser a failure.
 */
class HtmlReportBrowserTest {
    @TempDir
    Path dir;

    static Path chromium() {
        String override = System.getenv("STANCEKIT_CHROMIUM");
        Path p = Path.of(override != null && !override.isBlank() ? override : "/usr/bin/chromium");
        if (!Files.isExecutable(p)) {
            if ("1".equals(System.getenv("STANCEKIT_REQUIRE_CHROMIUM"))) {
                fail("STANCEKIT_REQUIRE_CHROMIUM=1 but " + p + " is not installed (apt-get install chromium)");
            }
            Assumptions.assumeTrue(false, p + " is not installed: skipping the browser test");
        }
        return p;
    }

    record Page(String dom, String log) {
        String rootAttribute(String name) {
            Matcher m = Pattern.compile("<html[^>]*\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(dom);
            return m.find() ? m.group(1) : null;
        }

        String bodyAttribute(String name) {
            Matcher m = Pattern.compile("<body[^>]*\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(dom);
            return m.find() ? m.group(1) : null;
        }
    }

    Page open(Path html) throws IOException, InterruptedException {
        Path chromium = chromium();
        Path profile = Files.createTempDirectory(dir, "profile"), home = Files.createTempDirectory(dir, "home");
        Path out = dir.resolve("dom.html"), err = dir.resolve("chromium.log");
        ProcessBuilder pb = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
                "--virtual-time-budget=5000", "--dump-dom", html.toUri().toString());
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        pb.environment().put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish in 120 s");
        }
        String log = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "chromium exit code; log:\n" + log);
        return new Page(Files.readString(out, StandardCharsets.UTF_8), log);
    }

    static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    static void assertLoadedCleanly(Page page, int sentences) {
        assertTrue(page.dom().startsWith("<!DOCTYPE html>") || page.dom().startsWith("<html"), page.dom());
        assertEquals("1", page.rootAttribute("data-ready"), "the page's script ran to the end; log:\n" + page.log());
        assertEquals("0", page.rootAttribute("data-errors"), "script errors: " + page.rootAttribute(
                "data-error-messages") + "\nlog:\n" + page.log());
        assertFalse(page.log().contains("Uncaught"), page.log());
        assertFalse(page.log().contains("Refused to"), "no Content-Security-Policy violation: " + page.log());
        assertEquals(String.valueOf(sentences), page.rootAttribute("data-sentences"));
        assertEquals(sentences, count(page.dom(), "<span class=\"s[ \"]"));
    }

    @Test
    void reportLoadsWithoutErrorsAndShowsEverySentence() throws Exception {
        chromium(); // skip before any work when there is no browser
        List<Article> articles = new ArrayList<>(ReportTestData.CORPUS);
        articles.add(1, ReportTestData.HOSTILE);
        Path in = ReportTestData.write(dir, "in.jsonl", articles);
        Path html = dir.resolve("report.html");
        Cli.run("score", in.toString(), "--model", TestModels.tinyBundle().toString(), "--format", "html",
                "--output", html.toString(), "--explain", "--min-confidence", "0.5").expectExit(0);
        int sentences = articles.stream().mapToInt(a -> TestModels.tinyScorer().score(a).sentences().size()).sum();

        Page page = open(html);
        assertLoadedCleanly(page, sentences);
        assertEquals(null, page.rootAttribute("data-pwned"), "the article's script did not run");
        assertFalse(page.dom().contains("<img"), "nor became an element");
        assertTrue(page.dom().contains("&lt;script&gt;document.documentElement"), "shown as text");
        // without --focus the script colours by the most mentioned actor
        String focus = page.bodyAttribute("data-focus");
        Matcher first = Pattern.compile("<tr data-actor=\"([^\"]+)\"").matcher(page.dom());
        assertTrue(first.find());
        assertEquals(first.group(1), focus);
        assertTrue(count(page.dom(), "<span class=\"s st-[a-z-]+ hit\"") > 0);
    }

    @Test
    void focusedReportColoursTheActorsSentences() throws Exception {
        chromium();
        Path in = ReportTestData.write(dir, "in.jsonl", ReportTestData.CORPUS);
        Path html = dir.resolve("focus.html");
        Cli.run("score", in.toString(), "--model", TestModels.tinyBundle().toString(), "--format", "html",
                "--output", html.toString(), "--focus", "Japan").expectExit(0);
        int sentences = ReportTestData.CORPUS.stream()
                .mapToInt(a -> TestModels.tinyScorer().score(a).sentences().size()).sum();
        long naming = ReportTestData.CORPUS.stream().flatMap(a -> TestModels.tinyScorer().score(a).sentences()
                .stream()).filter(s -> s.stances().stream().anyMatch(st -> st.actor().equals("Japan"))).count();

        Page page = open(html);
        assertLoadedCleanly(page, sentences);
        assertEquals("Japan", page.bodyAttribute("data-focus"));
        assertEquals(naming, count(page.dom(), "<span class=\"s st-[a-z-]+ hit\""));
        assertTrue(page.dom().contains("<tr data-actor=\"Japan\" class=\"sel\">"), "its summary row is selected");
        assertTrue(page.dom().contains(naming + " sentences name it"));
    }
}
