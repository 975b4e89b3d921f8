package org.stancekit.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.stancekit.BadInputException;
import org.stancekit.score.Article;
import org.stancekit.score.ArticleResult;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes summaries as they come: {@link #article} after each article (streamed), then {@link #finish} writes the
 * per-period and corpus numbers. Shares, means and interval ends are rounded to 4 decimals, the same in every format.
 * {@link #close()} flushes but never closes the {@link Writer}.
 *
 * <ul>
 *   <li>{@code csv}: {@code scope,article_id,date,actor,mentions,articles,<label>...,uncertain,<label>_share...,
 *       uncertain_share,mean_net,ci_low,ci_high}, one row per actor; {@code scope} is {@code article} (date = the
 *       article's date as given), {@code date} (date = the period key, article_id empty) or {@code corpus}.</li>
 *   <li>{@code json}: one object {@code {"labels", "min_confidence", "articles": [...], "by_date": {"period",
 *       "periods": [...]}, "corpus": {...}}}.</li>
 *   <li>{@code table}: aligned text for reading.</li>
 * </ul>
 */
public abstract class SummaryWriter implements Closeable {
    /** The format names {@link #create} accepts. */
    public static final List<String> FORMATS = List.of("csv", "json", "table");

    final Writer out;
    final Summarizer summarizer;

    SummaryWriter(Writer out, Summarizer summarizer) {
        this.out = out;
        this.summarizer = summarizer;
    }

    public static SummaryWriter create(String format, Writer out, Summarizer summarizer) {
        String f = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
        return switch (f) {
            case "csv" -> new Csv(out, summarizer);
            case "json" -> new Json(out, summarizer);
            case "table" -> new Table(out, summarizer);
            default -> throw new BadInputException("unknown --format '" + format + "'; use csv, json or table");
        };
    }

    /** One article's summary, as {@link Summarizer#add} returned it. */
    public abstract void article(ArticleResult result, List<ActorSummary> actors) throws IOException;

    /** The per-period (dated articles only) and corpus numbers; call once, after the last article. */
    public abstract void finish(Period period) throws IOException;

    @Override
    public void close() throws IOException {
        out.flush();
    }

    /**
     * The columns of the CSV summary: {@code scope, article_id, date, actor, mentions, articles}, a count per label of
     * {@link Summarizer#countLabels()}, a share per label ({@code <label>_share}), {@code mean_net, ci_low, ci_high}.
     */
    public static List<String> csvHeader(Summarizer summarizer) {
        List<String> header = new ArrayList<>(List.of("scope", "article_id", "date", "actor", "mentions", "articles"));
        List<String> labels = summarizer.countLabels();
        header.addAll(labels);
        for (String l : labels) header.add(l + "_share");
        header.addAll(List.of("mean_net", "ci_low", "ci_high"));
        return header;
    }

    /**
     * One row of the CSV summary, in {@link #csvHeader} order: scope, id and date as given, the mention, article and
     * label counts as {@code Long}s, shares, mean and interval ends as text rounded half-up to 4 decimals ({@code ""}
     * when undefined). Used by the CSV format and by the Spark job's summary.
     *
     * @param scope {@code article}, {@code date} or {@code corpus}
     * @param id    the article id, {@code ""} outside the article scope
     * @param date  the article's date as given, or the period key; {@code ""} when none
     */
    public static List<Object> csvRow(Summarizer summarizer, String scope, String id, String date, ActorSummary a) {
        List<Object> r = new ArrayList<>(List.of(scope, id, date, a.actor(), a.mentions(), a.articles()));
        List<String> labels = summarizer.countLabels();
        for (String l : labels) r.add(a.count(l));
        for (String l : labels) r.add(plain(a.share(l)));
        r.add(plain(a.meanNet()));
        r.add(plain(a.ciLow()));
        r.add(plain(a.ciHigh()));
        return r;
    }

    /** {@code v} rounded half-up to 4 decimals; null for NaN. */
    static BigDecimal round4(double v) {
        if (!Double.isFinite(v)) return null;
        BigDecimal d = BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP);
        return d.signum() == 0 ? BigDecimal.ZERO.setScale(4) : d;
    }

    static String plain(double v) {
        BigDecimal d = round4(v);
        return d == null ? "" : d.toPlainString();
    }

    // ----------------------------------------------------------------------------------------------------- csv

    private static final class Csv extends SummaryWriter {
        private CSVPrinter printer;

        Csv(Writer out, Summarizer s) {
            super(out, s);
        }

        private CSVPrinter printer() throws IOException {
            if (printer == null) {
                printer = new CSVPrinter(out, CSVFormat.RFC4180);
                printer.printRecord(csvHeader(summarizer));
            }
            return printer;
        }

        private void row(String scope, String id, String date, ActorSummary a) throws IOException {
            printer().printRecord(csvRow(summarizer, scope, id, date, a));
        }

        @Override
        public void article(ArticleResult result, List<ActorSummary> actors) throws IOException {
            Article a = result.article();
            printer();
            for (ActorSummary s : actors) row("article", a.id(), a.date() == null ? "" : a.date(), s);
            printer.flush();
        }

        @Override
        public void finish(Period period) throws IOException {
            printer();
            for (Summarizer.PeriodSummary p : summarizer.byPeriod(period)) {
                for (ActorSummary s : p.actors()) row("date", "", p.key(), s);
            }
            for (ActorSummary s : summarizer.corpus()) row("corpus", "", "", s);
            printer.flush();
        }
    }

    // ---------------------------------------------------------------------------------------------------- json

    private static final class Json extends SummaryWriter {
        private final JsonGenerator g;

        Json(Writer out, Summarizer s) {
            super(out, s);
            try {
                g = JsonMapper.builder().build().getFactory().createGenerator(out)
                        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                        .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
                g.setPrettyPrinter(new DefaultPrettyPrinter());
                g.writeStartObject();
                g.writeArrayFieldStart("labels");
                for (String l : s.countLabels()) g.writeString(l);
                g.writeEndArray();
                g.writeNumberField("min_confidence", BigDecimal.valueOf(s.minConfidence()));
                g.writeStringField("net_stance", "mean of P(favor) - P(against) per sentence naming the actor");
                g.writeStringField("interval", "95%, Student t; clustered by article over two or more articles");
                g.writeArrayFieldStart("articles");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private void actors(List<ActorSummary> list) throws IOException {
            g.writeArrayFieldStart("actors");
            for (ActorSummary a : list) {
                g.writeStartObject();
                g.writeStringField("actor", a.actor());
                g.writeNumberField("mentions", a.mentions());
                g.writeNumberField("articles", a.articles());
                g.writeObjectFieldStart("counts");
                for (String l : summarizer.countLabels()) g.writeNumberField(l, a.count(l));
                g.writeEndObject();
                g.writeObjectFieldStart("shares");
                for (String l : summarizer.countLabels()) number("" + l, a.share(l));
                g.writeEndObject();
                number("mean_net", a.meanNet());
                number("ci_low", a.ciLow());
                number("ci_high", a.ciHigh());
                g.writeEndObject();
            }
            g.writeEndArray();
        }

        private void number(String key, double v) throws IOException {
            BigDecimal d = round4(v);
            if (d == null) g.writeNullField(key);
            else g.writeNumberField(key, d);
        }

        @Override
        public void article(ArticleResult result, List<ActorSummary> actors) throws IOException {
            Article a = result.article();
            g.writeStartObject();
            g.writeStringField("article_id", a.id());
            if (a.title() != null) g.writeStringField("title", a.title());
            if (a.date() != null) g.writeStringField("date", a.date());
            g.writeNumberField("sentences", result.sentences().size());
            actors(actors);
            g.writeEndObject();
            g.flush();
            out.flush();
        }

        @Override
        public void finish(Period period) throws IOException {
            g.writeEndArray();
            g.writeObjectFieldStart("by_date");
            g.writeStringField("period", period.id());
            g.writeNumberField("undated_articles", summarizer.undatedArticles());
            g.writeArrayFieldStart("periods");
            for (Summarizer.PeriodSummary p : summarizer.byPeriod(period)) {
                g.writeStartObject();
                g.writeStringField("date", p.key());
                g.writeStringField("start", p.start().toString());
                g.writeNumberField("articles", p.articles());
                actors(p.actors());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeObjectFieldStart("corpus");
            g.writeNumberField("articles", summarizer.articles());
            g.writeNumberField("sentences", summarizer.sentences());
            actors(summarizer.corpus());
            g.writeEndObject();
            g.writeEndObject();
            g.flush();
            out.write('\n');
            out.flush();
        }
    }

    // --------------------------------------------------------------------------------------------------- table

    private static final class Table extends SummaryWriter {
        private boolean first = true;

        Table(Writer out, Summarizer s) {
            super(out, s);
        }

        @Override
        public void article(ArticleResult result, List<ActorSummary> actors) throws IOException {
            Article a = result.article();
            StringBuilder sb = new StringBuilder();
            String head = "article " + oneLine(a.id()) + (a.date() != null ? "  " + oneLine(a.date()) : "")
                    + "  (" + result.sentences().size() + " sentences)";
            if (a.title() != null) head += "  " + cut(oneLine(a.title()), 60);
            block(sb, head, actors);
            out.write(sb.toString());
            out.flush();
        }

        @Override
        public void finish(Period period) throws IOException {
            StringBuilder sb = new StringBuilder();
            List<Summarizer.PeriodSummary> periods = summarizer.byPeriod(period);
            for (Summarizer.PeriodSummary p : periods) {
                block(sb, "date " + p.key() + " (" + period.id() + ", " + p.articles() + " article"
                        + (p.articles() == 1 ? "" : "s") + ")", p.actors());
            }
            block(sb, "corpus  (" + summarizer.articles() + " article" + (summarizer.articles() == 1 ? "" : "s")
                    + ", " + summarizer.sentences() + " sentences)", summarizer.corpus());
            out.write(sb.toString());
            out.flush();
        }

        private void block(StringBuilder sb, String head, List<ActorSummary> actors) {
            if (!first) sb.append('\n');
            first = false;
            sb.append("== ").append(head).append('\n');
            if (actors.isEmpty()) {
                sb.append("  (no actors)\n");
                return;
            }
            int w = "actor".length();
            for (ActorSummary a : actors) w = Math.max(w, oneLine(a.actor()).length());
            w = Math.min(w, 32);
            List<String> labels = summarizer.countLabels();
            StringBuilder h = new StringBuilder("  ").append(pad("actor", w)).append("  mentions");
            for (String l : labels) h.append("  ").append(pad(cut(l, 11), 11));
            h.append("     net  95% CI");
            sb.append(h.toString().stripTrailing()).append('\n');
            for (ActorSummary a : actors) {
                StringBuilder r = new StringBuilder("  ").append(pad(cut(oneLine(a.actor()), w), w))
                        .append(String.format(Locale.ROOT, "  %8d", a.mentions()));
                for (String l : labels) {
                    r.append("  ").append(pad(String.format(Locale.ROOT, "%4d %5.1f%%", a.count(l),
                            100 * a.share(l)), 11));
                }
                r.append("  ").append(Double.isNaN(a.meanNet()) ? "      -"
                        : String.format(Locale.ROOT, "%+7.3f", a.meanNet()));
                r.append("  ").append(a.hasInterval() ? String.format(Locale.ROOT, "[%+.3f, %+.3f]", a.ciLow(),
                        a.ciHigh()) : "-");
                sb.append(r).append('\n');
            }
        }

        private static String pad(String s, int w) {
            return s.length() >= w ? s : s + " ".repeat(w - s.length());
        }

        private static String cut(String s, int w) {
            return s.length() <= w ? s : s.substring(0, Math.max(0, w - 3)) + "...";
        }

        private static String oneLine(String s) {
            if (s == null) return "";
            StringBuilder b = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                b.append(c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) ? ' ' : c);
            }
            return b.toString();
        }
    }
}
