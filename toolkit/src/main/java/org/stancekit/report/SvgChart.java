package org.stancekit.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Charts of the mean net stance as standalone SVG (no library, no script, no external reference): over time, one line
 * per actor with a dot per period (hover shows the numbers) and a whisker for its 95% interval; or, when no article is
 * dated, one dot and whisker per actor over the corpus. The y axis runs from -1 (all against) to +1 (all favor).
 */
public final class SvgChart {
    /** Okabe-Ito colours (colour-blind safe), then greys. */
    static final String[] COLORS = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",
            "#999999"};
    /** The most lines a chart draws. */
    public static final int MAX_ACTORS = COLORS.length;

    private static final int W = 820, H = 430, LEFT = 64, RIGHT = 190, TOP = 44, BOTTOM = 56;

    private SvgChart() {}

    /** The {@code n} actors with the most mentions over the corpus (at most {@link #MAX_ACTORS}). */
    public static List<String> topActors(Summarizer s, int n) {
        List<String> out = new ArrayList<>();
        for (ActorSummary a : s.corpus()) {
            if (out.size() >= Math.min(n, MAX_ACTORS)) break;
            out.add(a.actor());
        }
        return out;
    }

    /**
     * A standalone SVG document: the net stance over time when some articles are dated, else per actor over the
     * corpus. {@code actors} are drawn in that order (at most {@link #MAX_ACTORS}).
     */
    public static String document(Summarizer s, Period period, List<String> actors) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg(s, period, actors);
    }

    /** The {@code <svg>} element alone, to put inside an HTML page. */
    public static String svg(Summarizer s, Period period, List<String> actors) {
        List<String> shown = actors.size() > MAX_ACTORS ? actors.subList(0, MAX_ACTORS) : actors;
        return s.datedArticles() > 0 ? overTime(s, period, shown) : corpus(s, shown);
    }

    private static String overTime(Summarizer s, Period period, List<String> actors) {
        List<Summarizer.PeriodSummary> periods = s.byPeriod(period);
        StringBuilder b = open("Net stance over time (by " + period.id() + ")");
        double x0 = periods.get(0).start().toEpochDay(), x1 = periods.get(periods.size() - 1).start().toEpochDay();
        double plotW = W - LEFT - RIGHT;
        java.util.function.DoubleUnaryOperator x = d -> x1 == x0 ? LEFT + plotW / 2
                : LEFT + 12 + (d - x0) / (x1 - x0) * (plotW - 24);
        yAxis(b);
        // x ticks: at most 8 labels
        int step = Math.max(1, (int) Math.ceil(periods.size() / 8.0));
        for (int i = 0; i < periods.size(); i += step) {
            double px = x.applyAsDouble(periods.get(i).start().toEpochDay());
            b.append(line(px, H - BOTTOM, px, H - BOTTOM + 5, "#444", 1, null));
            b.append(text(px, H - BOTTOM + 18, periods.get(i).key(), "middle", 11, "#333"));
        }
        b.append(text(LEFT + plotW / 2, H - 12, period.id() + (periods.size() == 1 ? "" : "s")
                + " (dated articles only)", "middle", 12, "#333"));
        for (int k = 0; k < actors.size(); k++) {
            String actor = actors.get(k), color = COLORS[k];
            b.append("<g class=\"series\" data-actor=\"").append(esc(actor)).append("\">\n");
            StringBuilder path = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            double dodge = (k - (actors.size() - 1) / 2.0) * 3; // whiskers of one period side by side
            for (Summarizer.PeriodSummary p : periods) {
                ActorSummary a = find(p.actors(), actor);
                if (a == null || Double.isNaN(a.meanNet())) continue;
                double px = x.applyAsDouble(p.start().toEpochDay()) + dodge, py = y(a.meanNet());
                path.append(path.length() == 0 ? "M" : " L").append(f(px)).append(',').append(f(py));
                if (a.hasInterval()) {
                    dots.append(line(px, y(a.ciLow()), px, y(a.ciHigh()), color, 1.2, "0.45"));
                }
                dots.append("<circle cx=\"").append(f(px)).append("\" cy=\"").append(f(py)).append("\" r=\"")
                        .append(a.mentions() >= 10 ? "4" : "3").append("\" fill=\"").append(color).append("\"><title>")
                        .append(esc(actor + ", " + p.key() + ": " + describe(a))).append("</title></circle>\n");
            }
            if (path.length() > 0) {
                b.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(color)
                        .append("\" stroke-width=\"2\"/>\n");
            }
            b.append(dots).append("</g>\n");
        }
        legend(b, s, actors);
        return b.append("</svg>\n").toString();
    }

    private static String corpus(Summarizer s, List<String> actors) {
        StringBuilder b = new StringBuilder();
        int rowH = 34, top = TOP + 16, h = top + Math.max(1, actors.size()) * rowH + BOTTOM;
        b.append(header(W, h, "Net stance per actor over the corpus (no dated articles)"));
        double left = LEFT + 110, right = W - 60;
        java.util.function.DoubleUnaryOperator x = v -> left + (v + 1) / 2 * (right - left);
        for (double v = -1; v <= 1.0001; v += 0.5) {
            double px = x.applyAsDouble(v);
            b.append(line(px, top - 6, px, h - BOTTOM, v == 0 ? "#555" : "#ddd", 1, null));
            b.append(text(px, h - BOTTOM + 18, String.format(Locale.ROOT, "%+.1f", v).replace("+0.0", "0"), "middle",
                    11, "#333"));
        }
        b.append(text((left + right) / 2, h - 14, "net stance: mean P(favor) - P(against); whisker = 95% interval",
                "middle", 12, "#333"));
        List<ActorSummary> all = s.corpus();
        for (int k = 0; k < actors.size(); k++) {
            ActorSummary a = find(all, actors.get(k));
            double py = top + k * rowH + rowH / 2.0;
            b.append(text(left - 10, py + 4, actors.get(k), "end", 12, "#222"));
            if (a == null || Double.isNaN(a.meanNet())) continue;
            String color = COLORS[k % COLORS.length];
            b.append("<g class=\"series\" data-actor=\"").append(esc(a.actor())).append("\">");
            if (a.hasInterval()) {
                b.append(line(x.applyAsDouble(a.ciLow()), py, x.applyAsDouble(a.ciHigh()), py, color, 2, "0.6"));
            }
            b.append("<circle cx=\"").append(f(x.applyAsDouble(a.meanNet()))).append("\" cy=\"").append(f(py))
                    .append("\" r=\"5\" fill=\"").append(color).append("\"><title>")
                    .append(esc(a.actor() + ": " + describe(a))).append("</title></circle></g>\n");
        }
        return b.append("</svg>\n").toString();
    }

    private static StringBuilder open(String title) {
        StringBuilder b = new StringBuilder();
        b.append(header(W, H, title));
        return b;
    }

    private static String header(int w, int h, String title) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"" + h + "\" viewBox=\"0 0 " + w
                + " " + h + "\" font-family=\"sans-serif\" role=\"img\" class=\"stancekit-chart\">\n"
                + "<title>" + esc(title) + "</title>\n"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
                + text(w / 2.0, 24, title, "middle", 15, "#111");
    }

    private static void yAxis(StringBuilder b) {
        for (double v = -1; v <= 1.0001; v += 0.5) {
            double py = y(v);
            b.append(line(LEFT, py, W - RIGHT, py, Math.abs(v) < 1e-9 ? "#555" : "#ddd", 1, null));
            b.append(text(LEFT - 8, py + 4, String.format(Locale.ROOT, "%+.1f", v).replace("+0.0", "0"), "end", 11,
                    "#333"));
        }
        b.append(text(LEFT - 8, y(0.75) + 4, "favor", "end", 11, "#2a7a2a"));
        b.append(text(LEFT - 8, y(-0.75) + 4, "against", "end", 11, "#b22222"));
        double cy = (y(1) + y(-1)) / 2;
        b.append("<text x=\"16\" y=\"").append(f(cy)).append("\" font-size=\"12\" fill=\"#333\" text-anchor=\"middle\""
                + " transform=\"rotate(-90 16 ").append(f(cy)).append(")\">net stance</text>\n");
    }

    private static void legend(StringBuilder b, Summarizer s, List<String> actors) {
        double lx = W - RIGHT + 16, ly = TOP + 8;
        List<ActorSummary> all = s.corpus();
        for (int k = 0; k < actors.size(); k++) {
            ActorSummary a = find(all, actors.get(k));
            double py = ly + k * 20;
            b.append(line(lx, py, lx + 18, py, COLORS[k], 3, null));
            String label = actors.get(k) + (a == null ? "" : " (" + a.mentions() + ")");
            b.append(text(lx + 24, py + 4, label.length() > 26 ? label.substring(0, 25) + "…" : label, "start", 12,
                    "#222"));
        }
        if (!actors.isEmpty()) {
            b.append(text(lx, ly + actors.size() * 20 + 10, "(sentences naming it)", "start", 10, "#666"));
        }
    }

    private static String describe(ActorSummary a) {
        String s = String.format(Locale.ROOT, "net %+.3f", a.meanNet());
        if (a.hasInterval()) s += String.format(Locale.ROOT, " [%+.3f, %+.3f]", a.ciLow(), a.ciHigh());
        return s + ", " + a.mentions() + " sentence" + (a.mentions() == 1 ? "" : "s") + " in " + a.articles()
                + " article" + (a.articles() == 1 ? "" : "s");
    }

    private static ActorSummary find(List<ActorSummary> list, String actor) {
        for (ActorSummary a : list) if (a.actor().equals(actor)) return a;
        return null;
    }

    private static double y(double v) {
        return TOP + (1 - v) / 2 * (H - TOP - BOTTOM);
    }

    private static String line(double x1, double y1, double x2, double y2, String color, double width, String opacity) {
        return "<line x1=\"" + f(x1) + "\" y1=\"" + f(y1) + "\" x2=\"" + f(x2) + "\" y2=\"" + f(y2) + "\" stroke=\""
                + color + "\" stroke-width=\"" + f(width) + "\"" + (opacity == null ? "" : " stroke-opacity=\""
                + opacity + "\"") + "/>\n";
    }

    private static String text(double x, double y, String s, String anchor, int size, String color) {
        return "<text x=\"" + f(x) + "\" y=\"" + f(y) + "\" font-size=\"" + size + "\" fill=\"" + color
                + "\" text-anchor=\"" + anchor + "\">" + esc(s) + "</text>\n";
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** XML text and attribute escaping; characters XML 1.0 forbids become U+FFFD. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF) {
                        b.append('\uFFFD');
                    } else if (Character.isSurrogate(c)) {
                        if (Character.isHighSurrogate(c) && i + 1 < s.length()
                                && Character.isLowSurrogate(s.charAt(i + 1))) {
                            b.append(c).append(s.charAt(++i));
                        } else {
                            b.append('\uFFFD');
                        }
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
