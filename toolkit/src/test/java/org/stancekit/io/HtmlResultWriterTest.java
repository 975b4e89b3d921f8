package org.stancekit.io;

import org.junit.jupiter.api.Test;
import org.stancekit.score.Article;
import org.stancekit.score.ArticleResult;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlResultWriterTest {
    static String render(ResultWriters.Options o, ArticleResult... results) throws IOException {
        StringWriter out = new StringWriter();
        try (ResultWriter w = ResultWriters.create("html", out, o)) {
            for (ArticleResult r : results) w.write(r);
        }
        return out.toString();
    }

    @Test
    void escapesMarkupQuotesControlsAndLoneSurrogates() {
        assertEquals("&lt;b a=&quot;1&quot; b=&#39;2&#39;&gt;&amp;amp;&lt;/b&gt;",
                HtmlResultWriter.esc("<b a=\"1\" b='2'>&amp;</b>"));
        assertEquals("a&#10;b&#9;c\uFFFDd\uFFFDe", HtmlResultWriter.esc("a\nb\tc\u0000d\u001Be"));
        assertEquals("x\uFFFDy \uD83D\uDE00", HtmlResultWriter.esc("x\uD800y \uD83D\uDE00"), "pairs kept");
        assertEquals("plain", HtmlResultWriter.esc("plain"));
        assertEquals("very-positive", HtmlResultWriter.cssClass("Very Positive"));
        assertEquals("0.00", HtmlResultWriter.signed(-0.001));
        assertEquals("+0.25", HtmlResultWriter.signed(0.25));
    }

    @Test
    void sentencesMentionsLabelsAndTooltips() throws IOException {
        ArticleResult r = ResultWritersTest.sample();
        String html = render(new ResultWriters.Options(false, 0.75, "lee", List.of("against", "neutral", "favor"),
                "Strike <day>"), r);
        assertEquals(2, html.split("<span class=\"s", -1).length - 1, "one span per sentence");
        // lee: favor 0.77 stays; union: against 0.8 stays; sentiment 0.7 of sentence 2 is below 0.75
        assertTrue(html.contains("data-st=\"lee&#9;favor&#10;union&#9;against\""), html);
        assertTrue(html.contains("<span class=\"s st-favor hit\" data-i=\"0\""), "focus coloured on the server");
        assertTrue(html.contains("data-sent=\"uncertain\""));
        assertTrue(html.contains("<b class=\"m\" data-a=\"lee\">Mayor Lee</b>"), html);
        assertTrue(html.contains("lee: favor (against 0.12, neutral 0.11, favor 0.77)"), "probabilities on hover");
        assertTrue(html.contains("<title>Strike &lt;day&gt;</title>"));
        assertTrue(html.contains("<tr data-actor=\"lee\">"));
        assertTrue(html.contains("<div class=\"text\">"));
        assertTrue(html.contains("<div class=\"chart\"><svg"), "a dated article gives a chart");
    }

    @Test
    void sentenceOffsetsThatDoNotFitTheTextFallBackToTheSentenceTexts() throws IOException {
        ArticleResult r = ResultWritersTest.sample();
        ArticleResult shifted = new ArticleResult(new Article("b", null, "short", null), r.sentences());
        String html = render(ResultWriters.Options.defaults(), shifted);
        assertTrue(html.contains("Buses ran late."), html);
        assertEquals(2, html.split("<span class=\"s", -1).length - 1);
    }

    @Test
    void anEmptyReportIsStillAPage() throws IOException {
        String html = render(ResultWriters.Options.defaults());
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.trim().endsWith("</html>"));
        assertTrue(html.contains("0 articles, 0 sentences"));
    }
}
