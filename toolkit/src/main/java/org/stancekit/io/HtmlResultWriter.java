package org.stancekit.io;

import org.stancekit.Version;
import org.stancekit.actors.Mention;
import org.stancekit.model.Prediction;
import org.stancekit.report.ActorSummary;
import org.stancekit.report.Summarizer;
import org.stancekit.report.SvgChart;
import org.stancekit.score.Abstention;
import org.stancekit.score.Article;
import org.stancekit.score.ArticleResult;
import org.stancekit.score.Explanation;
import org.stancekit.score.SentenceResult;
import org.stancekit.score.StanceResult;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One self-contained HTML page (inline CSS and script, no network): each article with its sentences coloured by their
 * stance toward the focused actor (or by sentiment), a sentiment badge per sentence, the probabilities (and
 * explanations, when the results carry them) in each sentence's tooltip, and at the top a per-actor summary table, a
 * selector to switch the focus, and a chart of the net stance over time when articles are dated.
 *
 * <p>Streaming: articles are written as they come; the summary (only per-actor counts are kept) is written after the
 * last article and shown first by CSS ({@code order}), so the page needs no script to lay out. All text from the input
 * is escaped; a Content-Security-Policy allows only the page's own two scripts (by hash) and no network at all.
 *
 * <p>Each sentence is a {@code <span class="s">} with {@code data-st} (lines of {@code actor TAB label}),
 * {@code data-sent} (sentiment label) and a {@code title}. The page records script errors in the {@code data-errors}
 * attribute of {@code <html>} and sets {@code data-ready="1"} and {@code data-sentences} when its script has run.
 */
final class HtmlResultWriter implements ResultWriter {
    /** Records script errors on {@code <html>}; first thing in the page. */
    static final String ERROR_SCRIPT = "(function(){var d=document.documentElement,n=0;"
            + "function rec(m){n++;d.setAttribute('data-errors',String(n));"
            + "d.setAttribute('data-error-messages',(d.getAttribute('data-error-messages')||'')+String(m).slice(0,300)"
            + "+'\\n');}"
            + "window.addEventListener('error',function(e){rec(e.message||'error');});"
            + "window.addEventListener('unhandledrejection',function(e){rec('unhandled rejection: '+e.reason);});"
            + "var ce=console.error;console.error=function(){rec([].join.call(arguments,' '));"
            + "return ce.apply(console,arguments);};})();";

    /** Colours the sentences by the selected actor or by sentiment; wires the selector and the summary rows. */
    static final String MAIN_SCRIPT = "(function(){'use strict';\n"
            + "var root=document.documentElement,body=document.body,sel=document.getElementById('focus');\n"
            + "var SENT='__sentiment';\n"
            + "function cls(l){return String(l).toLowerCase().replace(/[^a-z0-9]+/g,'-');}\n"
            + "function stances(el){var m={},v=el.getAttribute('data-st');if(!v)return m;"
            + "v.split('\\n').forEach(function(l){var i=l.indexOf('\\t');if(i>0)m[l.slice(0,i)]=l.slice(i+1);});"
            + "return m;}\n"
            + "var sents=Array.prototype.slice.call(document.querySelectorAll('span.s'));\n"
            + "var parsed=sents.map(stances);\n"
            + "function apply(mode){body.setAttribute('data-focus',mode);\n"
            + " sents.forEach(function(el,i){var keep=el.className.split(' ').filter(function(x){"
            + "return x&&x.indexOf('st-')!==0&&x.indexOf('se-')!==0&&x!=='hit';});\n"
            + "  if(mode===SENT){var s=el.getAttribute('data-sent');if(s)keep.push('se-'+cls(s));}\n"
            + "  else if(Object.prototype.hasOwnProperty.call(parsed[i],mode)){keep.push('st-'+cls(parsed[i][mode]));"
            + "keep.push('hit');}\n"
            + "  el.className=keep.join(' ');});\n"
            + " Array.prototype.forEach.call(document.querySelectorAll('b.m'),function(m){"
            + "m.classList.toggle('mf',m.getAttribute('data-a')===mode);});\n"
            + " Array.prototype.forEach.call(document.querySelectorAll('tr[data-actor]'),function(tr){"
            + "tr.classList.toggle('sel',tr.getAttribute('data-actor')===mode);});\n"
            + " var n=0;sents.forEach(function(el){if(el.classList.contains('hit'))n++;});\n"
            + " var c=document.getElementById('focus-count');if(c)c.textContent=mode===SENT?'':n+' sentence'"
            + "+(n===1?'':'s')+' name it';\n"
            + " if(sel&&sel.value!==mode)sel.value=mode;}\n"
            + "if(sel)sel.addEventListener('change',function(){apply(sel.value);});\n"
            + "Array.prototype.forEach.call(document.querySelectorAll('tr[data-actor]'),function(tr){"
            + "tr.addEventListener('click',function(){apply(tr.getAttribute('data-actor'));});});\n"
            + "var first=body.getAttribute('data-focus');\n"
            + "if(!first){first=SENT;if(sel){for(var i=0;i<sel.options.length;i++){"
            + "if(sel.options[i].value!==SENT){first=sel.options[i].value;break;}}}}\n"
            + "apply(first);\n"
            + "root.setAttribute('data-sentences',String(sents.length));root.setAttribute('data-ready','1');\n"
            + "})();";

    private static final String CSS = String.join("\n",
            "*{box-sizing:border-box}",
            "body{font:15px/1.55 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1d1d1f;margin:0 auto;"
                    + "max-width:980px;padding:16px 20px 48px;display:flex;flex-direction:column}",
            "header{order:0}#summary{order:1}main{order:2}footer{order:3;color:#666;font-size:12px;margin-top:32px}",
            "h1{font-size:22px;margin:8px 0 4px}h2{font-size:18px;margin:0 0 2px}",
            ".note,.meta{color:#555;font-size:13px;margin:2px 0 8px}",
            "article.art{border-top:1px solid #ddd;padding:14px 0 6px}",
            ".text{white-space:pre-wrap;overflow-wrap:anywhere}",
            ".actors{font-size:13px;color:#333;margin:4px 0 10px}.actors span{margin-right:12px;white-space:nowrap}",
            "span.s{border-radius:3px;padding:1px 0;cursor:help}",
            "span.s.st-favor,span.s.se-positive{background:#cdeccf}",
            "span.s.st-against,span.s.se-negative{background:#f8c9c9}",
            "span.s.st-neutral,span.s.se-neutral{background:#e4e9f2}",
            "span.s.st-uncertain,span.s.se-uncertain{background:#fff3bf;text-decoration:underline dotted #a68a00}",
            "span.s.hit:not(.st-favor):not(.st-against):not(.st-neutral):not(.st-uncertain){background:#eee}",
            "b.m{font-weight:600}b.m.mf{text-decoration:underline 2px;text-underline-offset:2px}",
            "sup.sb{font-size:10px;font-weight:700;border-radius:7px;padding:0 4px;margin:0 2px;color:#fff;"
                    + "background:#8a8f98}",
            "sup.sb.se-positive{background:#2e7d32}sup.sb.se-negative{background:#c62828}"
                    + "sup.sb.se-uncertain{background:#a68a00}",
            "#summary{background:#fafafa;border:1px solid #e3e3e3;border-radius:6px;padding:10px 14px;margin:10px 0}",
            "#summary h2{margin-top:4px}.controls{margin:6px 0 10px}.controls select{font-size:14px}",
            ".legend span{display:inline-block;padding:0 6px;margin-right:6px;border-radius:3px;font-size:13px}",
            ".legend .favor{background:#cdeccf}.legend .against{background:#f8c9c9}.legend .neutral{background:#e4e9f2}"
                    + ".legend .uncertain{background:#fff3bf}",
            "table.sum{border-collapse:collapse;font-size:13px;width:100%;margin:8px 0}",
            "table.sum th,table.sum td{padding:3px 6px;border-bottom:1px solid #e6e6e6;text-align:right;"
                    + "white-space:nowrap}",
            "table.sum th:first-child,table.sum td:first-child{text-align:left}",
            "table.sum tr[data-actor]{cursor:pointer}table.sum tr[data-actor]:hover{background:#f0f4ff}",
            "table.sum tr.sel{background:#e6eeff}",
            ".bar{display:inline-block;height:9px;vertical-align:middle;margin-left:4px}",
            ".bar.favor{background:#43a047}.bar.against{background:#e53935}.bar.neutral{background:#9aa5b8}"
                    + ".bar.uncertain{background:#d4b106}",
            ".chart svg{max-width:100%;height:auto}",
            "@media print{#summary{break-after:page}}");

    private final Writer out;
    private final ResultWriters.Options options;
    private final Summarizer summarizer;
    private boolean started, closed;
    private int articleNo;

    HtmlResultWriter(Writer out, ResultWriters.Options options) {
        this.out = out;
        this.options = options;
        this.summarizer = new Summarizer(options.stanceLabels(), options.minConfidence());
    }

    private void start() throws IOException {
        if (started) return;
        started = true;
        String title = options.title() == null ? "StanceKit report" : options.title();
        StringBuilder b = new StringBuilder(8192);
        b.append("<!DOCTYPE html>\n<html lang=\"en\" data-errors=\"0\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("script-src '").append(sha256(ERROR_SCRIPT)).append("' '").append(sha256(MAIN_SCRIPT))
                .append("'; style-src 'unsafe-inline'; img-src data:\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"StanceKit ").append(esc(Version.get())).append("\">\n")
                .append("<title>").append(esc(title)).append("</title>\n")
                .append("<script>").append(ERROR_SCRIPT).append("</script>\n")
                .append("<style>\n").append(CSS).append("\n</style>\n</head>\n<body");
        if (options.focus() != null) b.append(" data-focus=\"").append(esc(options.focus())).append('"');
        b.append(">\n<header><h1>").append(esc(title)).append("</h1>\n<p class=\"note\">Each sentence is coloured by ")
                .append("its stance toward the selected actor; hover a sentence for the probabilities")
                .append(options.minConfidence() > 0 ? String.format(Locale.ROOT,
                        "; labels below %.2f confidence are shown as uncertain", options.minConfidence()) : "")
                .append(". The badge after a sentence is its sentiment (+, &#8722;, 0, ?).</p></header>\n<main>\n");
        out.write(b.toString());
    }

    @Override
    public void write(ArticleResult result) throws IOException {
        start();
        List<ActorSummary> actors = summarizer.add(result);
        Article a = result.article();
        articleNo++;
        StringBuilder b = new StringBuilder(4096 + a.text().length() * 2);
        b.append("<article class=\"art\" id=\"article-").append(articleNo).append("\" data-id=\"").append(esc(a.id()))
                .append("\" data-n=\"").append(result.sentences().size()).append("\">\n<h2>")
                .append(esc(a.title() != null ? a.title() : a.id())).append("</h2>\n<p class=\"meta\">")
                .append(esc(a.id()));
        if (a.date() != null) b.append(" &#183; ").append(esc(a.date()));
        int n = result.sentences().size();
        b.append(" &#183; ").append(n).append(n == 1 ? " sentence" : " sentences").append("</p>\n");
        b.append("<p class=\"actors\">");
        if (actors.isEmpty()) b.append("No actors named.");
        for (ActorSummary s : actors) {
            b.append("<span><b>").append(esc(s.actor())).append("</b> ").append(s.mentions()).append(": ");
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, Long> e : s.counts().entrySet()) {
                if (e.getValue() > 0) parts.add(e.getValue() + " " + esc(e.getKey()));
            }
            b.append(String.join(", ", parts)).append("</span> ");
        }
        b.append("</p>\n<div class=\"text\">");
        appendText(b, a.text(), result.sentences());
        b.append("</div>\n</article>\n");
        out.write(b.toString());
        out.flush();
    }

    /** The article text as written, each sentence a span; falls back to the sentence texts if offsets do not fit. */
    private void appendText(StringBuilder b, String text, List<SentenceResult> sentences) {
        int pos = 0;
        boolean fits = true;
        for (SentenceResult s : sentences) {
            if (s.start() < pos || s.end() < s.start() || s.end() > text.length()) {
                fits = false;
                break;
            }
            pos = s.end();
        }
        pos = 0;
        for (SentenceResult s : sentences) {
            if (fits) {
                b.append(esc(text.substring(pos, s.start())));
                sentence(b, s, text.substring(s.start(), s.end()), s.start());
                pos = s.end();
            } else {
                if (b.charAt(b.length() - 1) != '>') b.append(' ');
                sentence(b, s, s.text(), -1);
                b.append(' ');
            }
        }
        if (fits) b.append(esc(text.substring(pos)));
    }

    private void sentence(StringBuilder b, SentenceResult s, String shown, int offset) {
        double min = options.minConfidence();
        String focus = options.focus();
        StringBuilder classes = new StringBuilder("s");
        StringBuilder st = new StringBuilder();
        for (StanceResult r : s.stances()) {
            if (r.stance() == null) continue;
            String label = Abstention.label(r.stance(), min);
            if (st.length() > 0) st.append('\n');
            st.append(r.actor()).append('\t').append(label);
            if (r.actor().equals(focus)) classes.append(" st-").append(cssClass(label)).append(" hit");
        }
        String sent = s.sentiment() == null ? null : Abstention.label(s.sentiment(), min);
        b.append("<span class=\"").append(classes).append("\" data-i=\"").append(s.index()).append('"');
        if (st.length() > 0) b.append(" data-st=\"").append(esc(st.toString())).append('"');
        if (sent != null) b.append(" data-sent=\"").append(esc(sent)).append('"');
        b.append(" title=\"").append(esc(tooltip(s))).append("\">");
        appendMentions(b, s, shown, offset);
        b.append("</span>");
        if (sent != null) {
            String mark = switch (sent) {
                case "positive" -> "+";
                case "negative" -> "&#8722;";
                case "neutral" -> "0";
                case Abstention.UNCERTAIN -> "?";
                default -> esc(sent.substring(0, Math.min(3, sent.length())));
            };
            b.append("<sup class=\"sb se-").append(cssClass(sent)).append("\" title=\"sentiment: ").append(esc(sent))
                    .append("\">").append(mark).append("</sup>");
        }
    }

    /** The sentence text with each actor mention in a {@code <b class="m" data-a="ACTOR">}. */
    private static void appendMentions(StringBuilder b, SentenceResult s, String shown, int offset) {
        if (offset < 0) {
            b.append(esc(shown));
            return;
        }
        List<Mention> ms = new ArrayList<>();
        for (StanceResult r : s.stances()) ms.addAll(r.mentions());
        ms.sort(Comparator.comparingInt(Mention::start).thenComparingInt(m -> -m.end()));
        int pos = 0;
        for (Mention m : ms) {
            int from = m.start() - offset, to = m.end() - offset;
            if (from < pos || to > shown.length() || to <= from) continue; // overlapping or outside: leave plain
            b.append(esc(shown.substring(pos, from))).append("<b class=\"m\" data-a=\"").append(esc(m.actor()))
                    .append("\">").append(esc(shown.substring(from, to))).append("</b>");
            pos = to;
        }
        b.append(esc(shown.substring(pos)));
    }

    private String tooltip(SentenceResult s) {
        double min = options.minConfidence();
        StringBuilder t = new StringBuilder("Sentence ").append(s.index() + 1);
        if (s.truncated()) t.append(" (long: scored in part)");
        if (s.sentiment() != null) {
            t.append("\nsentiment: ").append(Abstention.label(s.sentiment(), min)).append(' ')
                    .append(probabilities(s.sentiment()));
            why(t, s.sentimentExplanation());
        }
        for (StanceResult r : s.stances()) {
            if (r.stance() == null) continue;
            t.append('\n').append(r.actor()).append(": ").append(Abstention.label(r.stance(), min)).append(' ')
                    .append(probabilities(r.stance()));
            why(t, r.explanation());
        }
        return t.toString();
    }

    private static void why(StringBuilder t, Explanation e) {
        if (e == null || e.top().isEmpty()) return;
        t.append("\n   why ").append(e.label()).append(':');
        for (Explanation.Contribution c : e.top()) {
            t.append("\n     ").append(String.format(Locale.ROOT, "%+.2f ", c.value())).append(c.description());
        }
    }

    private static String probabilities(Prediction p) {
        StringBuilder sb = new StringBuilder("(");
        boolean first = true;
        for (Map.Entry<String, Double> e : p.probabilities().entrySet()) {
            if (!first) sb.append(", ");
            first = false;
            sb.append(e.getKey()).append(' ').append(String.format(Locale.ROOT, "%.2f", e.getValue()));
        }
        return sb.append(')').toString();
    }

    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        start();
        StringBuilder b = new StringBuilder(8192);
        b.append("</main>\n<section id=\"summary\">\n<h2>Actors</h2>\n");
        List<ActorSummary> corpus = summarizer.corpus();
        b.append("<p class=\"note\">").append(summarizer.articles()).append(summarizer.articles() == 1 ? " article, "
                : " articles, ").append(summarizer.sentences()).append(" sentences, ").append(corpus.size())
                .append(corpus.size() == 1 ? " actor" : " actors").append(" named.");
        if (summarizer.hasNetStance()) {
            b.append(" Net stance = mean of P(favor) &#8722; P(against) over the sentences naming the actor, with its ")
                    .append("95% interval. Click a row to colour the text by that actor.");
        }
        b.append("</p>\n<div class=\"controls\"><label>Colour by <select id=\"focus\">")
                .append("<option value=\"__sentiment\">sentiment</option>");
        String focus = options.focus();
        boolean focusListed = false;
        for (ActorSummary a : corpus) {
            boolean selected = a.actor().equals(focus);
            focusListed |= selected;
            b.append("<option value=\"").append(esc(a.actor())).append('"').append(selected ? " selected" : "")
                    .append('>').append(esc(a.actor())).append(" (").append(a.mentions()).append(")</option>");
        }
        if (focus != null && !focusListed) {
            b.append("<option value=\"").append(esc(focus)).append("\" selected>").append(esc(focus))
                    .append(" (0)</option>");
        }
        b.append("</select></label> <span id=\"focus-count\" class=\"note\"></span></div>\n");
        b.append("<p class=\"legend\">");
        for (String l : summarizer.countLabels()) {
            b.append("<span class=\"").append(cssClass(l)).append("\">").append(esc(l)).append("</span>");
        }
        b.append("</p>\n");
        if (!corpus.isEmpty()) {
            List<String> labels = summarizer.countLabels();
            b.append("<table class=\"sum\"><thead><tr><th>actor</th><th>sentences</th><th>articles</th>");
            for (String l : labels) b.append("<th>").append(esc(l)).append("</th>");
            b.append("<th>net stance</th><th>95% interval</th></tr></thead>\n<tbody>\n");
            for (ActorSummary a : corpus) {
                b.append("<tr data-actor=\"").append(esc(a.actor())).append("\"><td>").append(esc(a.actor()))
                        .append("</td><td>").append(a.mentions()).append("</td><td>").append(a.articles())
                        .append("</td>");
                for (String l : labels) {
                    double share = a.share(l);
                    b.append("<td>").append(a.count(l)).append(String.format(Locale.ROOT, " (%.0f%%)", 100 * share))
                            .append("<span class=\"bar ").append(cssClass(l)).append("\" style=\"width:")
                            .append(String.format(Locale.ROOT, "%.0f", 40 * share)).append("px\"></span></td>");
                }
                b.append("<td>").append(Double.isNaN(a.meanNet()) ? "&#8211;" : signed(a.meanNet()))
                        .append("</td><td>").append(a.hasInterval() ? "[" + signed(a.ciLow()) + ", "
                                + signed(a.ciHigh()) + "]" : "&#8211;").append("</td></tr>\n");
            }
            b.append("</tbody></table>\n");
            if (summarizer.datedArticles() > 0 && summarizer.hasNetStance()) {
                List<String> shown = new ArrayList<>();
                if (focus != null) shown.add(focus);
                for (String id : SvgChart.topActors(summarizer, 6)) {
                    if (!shown.contains(id) && shown.size() < 6) shown.add(id);
                }
                b.append("<div class=\"chart\">")
                        .append(SvgChart.svg(summarizer, summarizer.autoPeriod(), shown)).append("</div>\n");
            }
        }
        b.append("</section>\n<footer>Made by StanceKit ").append(esc(Version.get()))
                .append(". Probabilities are calibrated on the model's dev data; see the README.</footer>\n")
                .append("<script>").append(MAIN_SCRIPT).append("</script>\n</body>\n</html>\n");
        out.write(b.toString());
        out.flush();
    }

    /** {@code +0.25}, {@code -0.40}, and {@code 0.00} rather than {@code -0.00}. */
    static String signed(double v) {
        String s = String.format(Locale.ROOT, "%+.2f", v);
        return s.equals("-0.00") || s.equals("+0.00") ? "0.00" : s;
    }

    /** A label as a CSS class suffix: lower case, runs of other characters as {@code -}. */
    static String cssClass(String label) {
        return label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /**
     * Escapes text for HTML element content and quoted attribute values: {@code & < > " '}; control characters other
     * than tab and line breaks, and unpaired surrogates, become U+FFFD.
     */
    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                case '\n' -> "&#10;";
                case '\t' -> "&#9;";
                default -> null;
            };
            if (r == null) {
                if ((c < 0x20 && c != '\r') || c == 0x7F) {
                    r = "\uFFFD";
                } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                        && Character.isLowSurrogate(s.charAt(i + 1))) {
                    if (b != null) b.append(c).append(s.charAt(i + 1));
                    i++;
                    continue;
                } else if (Character.isSurrogate(c)) {
                    r = "\uFFFD";
                }
            }
            if (r != null) {
                if (b == null) b = new StringBuilder(s.length() + 16).append(s, 0, i);
                b.append(r);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    private static String sha256(String script) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
