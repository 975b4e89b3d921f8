package org.stancekit.io;

import org.stancekit.model.Prediction;
import org.stancekit.score.Abstention;
import org.stancekit.score.Article;
import org.stancekit.score.ArticleResult;
import org.stancekit.score.Explanation;
import org.stancekit.score.SentenceResult;
import org.stancekit.score.StanceResult;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Aligned plain text for a terminal:
 * <pre>
 * == a17: Council approves budget  (2024-05-02)  [2 sentences]
 *   #0  negative 0.81   mayor: against 0.77   council: favor 0.62
 *       The council approved the budget on Tuesday after the mayor called it reckless.
 *   #1  neutral  0.55   (no actors)
 *       The vote was 7 to 2.
 * </pre>
 * Sentence text is folded onto at most {@value #MAX_TEXT_LINES} lines of about {@value #WIDTH} characters and cut with
 * {@code ...} beyond. With colour on, favor/positive are green, against/negative red and the header bold. Below the
 * minimum confidence a label reads {@code uncertain}. When the results carry explanations, a {@code why} line per label
 * lists the top contributions ({@code +0.83 "condemned" just before Russia}).
 */
final class TableResultWriter implements ResultWriter {
    static final int WIDTH = 100;
    static final int MAX_TEXT_LINES = 3;

    private static final String GREEN = "\u001B[32m";
    private static final String RED = "\u001B[31m";
    private static final String BOLD = "\u001B[1m";
    private static final String DIM = "\u001B[2m";
    private static final String RESET = "\u001B[0m";

    private final Writer out;
    private final boolean color;
    private final double minConfidence;
    private boolean first = true;

    TableResultWriter(Writer out, boolean color) {
        this(out, color, 0);
    }

    TableResultWriter(Writer out, boolean color, double minConfidence) {
        this.out = out;
        this.color = color;
        this.minConfidence = minConfidence;
    }

    @Override
    public void write(ArticleResult result) throws IOException {
        StringBuilder sb = new StringBuilder();
        if (!first) sb.append('\n');
        first = false;
        Article a = result.article();
        List<SentenceResult> sentences = result.sentences();
        String head = "== " + oneLine(a.id()) + (a.title() != null ? ": " + oneLine(a.title()) : "");
        sb.append(paint(BOLD, head));
        if (a.date() != null) sb.append("  (").append(oneLine(a.date())).append(')');
        sb.append("  [").append(sentences.size()).append(sentences.size() == 1 ? " sentence]" : " sentences]");
        sb.append('\n');
        if (sentences.isEmpty()) {
            sb.append("  ").append(paint(DIM, "(no sentences)")).append('\n');
        }
        int idxWidth = 1;
        int labelWidth = 1;
        for (SentenceResult s : sentences) {
            idxWidth = Math.max(idxWidth, String.valueOf(s.index()).length());
            if (s.sentiment() != null) {
                labelWidth = Math.max(labelWidth, Abstention.label(s.sentiment(), minConfidence).length());
            }
        }
        for (SentenceResult s : sentences) {
            appendSentence(sb, s, idxWidth, labelWidth);
        }
        out.write(sb.toString());
        out.flush();
    }

    private void appendSentence(StringBuilder sb, SentenceResult s, int idxWidth, int labelWidth) {
        String index = "#" + s.index();
        String prefix = "  " + " ".repeat(idxWidth + 1 - index.length()) + index + "  ";
        String indent = " ".repeat(prefix.length());
        StringBuilder line = new StringBuilder(prefix);
        int visible = prefix.length();
        Prediction sent = s.sentiment();
        String label = sent == null ? "-" : Abstention.label(sent, minConfidence);
        String conf = sent == null ? "    " : conf(sent.confidence());
        line.append(paint(colourOf(label), label)).append(" ".repeat(Math.max(0, labelWidth - label.length())))
                .append(' ').append(conf);
        visible += Math.max(labelWidth, label.length()) + 1 + conf.length();
        int stanceColumn = visible + 3;

        List<String> plain = new ArrayList<>();
        List<String> painted = new ArrayList<>();
        for (StanceResult st : s.stances()) {
            Prediction p = st.stance();
            String l = p == null ? "-" : Abstention.label(p, minConfidence);
            String c = p == null ? "" : " " + conf(p.confidence());
            plain.add(oneLine(st.actor()) + ": " + l + c);
            painted.add(oneLine(st.actor()) + ": " + paint(colourOf(l), l) + c);
        }
        if (plain.isEmpty()) {
            plain.add("(no actors)");
            painted.add(paint(DIM, "(no actors)"));
        }
        if (s.truncated()) {
            plain.add("[long sentence: scored in part]");
            painted.add(paint(DIM, "[long sentence: scored in part]"));
        }
        // stances after the sentiment, folded under each other when the line gets long
        line.append("   ");
        int col = stanceColumn;
        for (int i = 0; i < plain.size(); i++) {
            int w = plain.get(i).length();
            if (i > 0) {
                if (col + 3 + w > WIDTH) {
                    line.append('\n').append(" ".repeat(stanceColumn));
                    col = stanceColumn;
                } else {
                    line.append("   ");
                    col += 3;
                }
            }
            line.append(painted.get(i));
            col += w;
        }
        sb.append(line).append('\n');
        for (String t : wrap(oneLine(s.text()).strip().replaceAll("\\s+", " "), WIDTH - indent.length(),
                MAX_TEXT_LINES)) {
            sb.append(indent).append(t).append('\n');
        }
        appendWhy(sb, indent, "sentiment", s.sentimentExplanation());
        for (StanceResult st : s.stances()) appendWhy(sb, indent, oneLine(st.actor()), st.explanation());
    }

    private void appendWhy(StringBuilder sb, String indent, String what, Explanation e) {
        if (e == null) return;
        StringBuilder line = new StringBuilder("why " + what + " " + e.label() + ":");
        String sep = " ";
        for (Explanation.Contribution c : e.top()) {
            line.append(sep).append(String.format(Locale.ROOT, "%+.2f ", c.value())).append(oneLine(c.description()));
            sep = "; ";
        }
        for (String t : wrap(line.toString(), WIDTH - indent.length(), MAX_TEXT_LINES)) {
            sb.append(indent).append(paint(DIM, t)).append('\n');
        }
    }

    /** Greedy word wrap to {@code width}, at most {@code maxLines} lines, the last cut with "..." if needed. */
    static List<String> wrap(String text, int width, int maxLines) {
        List<String> lines = new ArrayList<>();
        if (text.isEmpty()) return lines;
        int width1 = Math.max(width, 10);
        int pos = 0;
        int n = text.length();
        while (pos < n && lines.size() < maxLines) {
            if (n - pos <= width1) {
                lines.add(text.substring(pos));
                pos = n;
                break;
            }
            int cut = text.lastIndexOf(' ', pos + width1);
            if (cut <= pos) cut = pos + width1; // one very long word: hard cut
            lines.add(text.substring(pos, cut));
            pos = cut;
            while (pos < n && text.charAt(pos) == ' ') pos++;
        }
        if (pos < n && !lines.isEmpty()) {
            String last = lines.get(lines.size() - 1);
            if (last.length() > width1 - 4) {
                int cut = last.lastIndexOf(' ', width1 - 4);
                last = last.substring(0, cut > 0 ? cut : width1 - 4);
            }
            lines.set(lines.size() - 1, last + " ...");
        }
        return lines;
    }

    private String colourOf(String label) {
        return switch (label.toLowerCase(Locale.ROOT)) {
            case "favor", "favour", "positive" -> GREEN;
            case "against", "negative" -> RED;
            default -> null;
        };
    }

    private String paint(String code, String s) {
        return color && code != null ? code + s + RESET : s;
    }

    private static String conf(double c) {
        return String.format(Locale.ROOT, "%.2f", c);
    }

    /** Newlines, tabs and other control characters (escape, say, which could drive the terminal) become spaces. */
    static String oneLine(String s) {
        if (s == null) return "";
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
                if (b == null) b = new StringBuilder(s);
                b.setCharAt(i, ' ');
            }
        }
        return b == null ? s : b.toString();
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
