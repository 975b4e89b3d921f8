package org.stancekit.cli;

import org.stancekit.TestModels;
import org.stancekit.score.Article;

import java.nio.file.Path;
import java.util.List;

/** Articles written for the report tests: a hostile one and a small dated corpus. */
final class ReportTestData {
    private ReportTestData() {}

    static final String PWN = "document.documentElement.setAttribute('data-pwned','1')";

    /** Markup and script in the id, title and text; all of it must render as text. */
    static final Article HOSTILE = new Article("x<script>" + PWN + "</script>",
            "Hostile <script>" + PWN + "</script> & \"quoted\" 'title'", "Russia <script>" + PWN
            + "</script> condemned the plan for the border. <img src=x onerror=\"" + PWN + "\"> Japan praised the aid"
            + " & the 'quick' help.\nThe talks ended </span></div></article><span class=\"s\">late</span> on Friday.",
            "2026-05-01");

    /** Four short articles, three dated (two days apart, then 17 days later), one without a date. */
    static final List<Article> CORPUS = List.of(
            new Article("c1", "Relief and anger", "Japan praised the relief convoy and thanked its drivers. "
                    + "Russia condemned the new sanctions as reckless. The EU welcomed Japan's generous offer.",
                    "2026-02-02"),
            new Article("c2", null, "The minister criticised Russia for the brutal shelling of the port. "
                    + "Officials in Brussels said the EU would review the plan next week.", "2026-02-04T10:15:00Z"),
            new Article("c3", null, "Japan and the EU signed a trade pact that both sides hailed as a success. "
                    + "Russia accused the EU of hostile meddling.", "2026-02-21"),
            new Article("c4", null, "Delegates from Japan met in Geneva to discuss the grain corridor.", null));

    static String jsonl(List<Article> articles) {
        StringBuilder sb = new StringBuilder();
        for (Article a : articles) {
            com.fasterxml.jackson.databind.node.ObjectNode o = ScoreCommandTest.JSON.createObjectNode();
            o.put("id", a.id());
            if (a.title() != null) o.put("title", a.title());
            if (a.date() != null) o.put("date", a.date());
            o.put("text", a.text());
            sb.append(o).append('\n');
        }
        return sb.toString();
    }

    static Path write(Path dir, String name, List<Article> articles) {
        return TestModels.write(dir, name, jsonl(articles));
    }
}
