// Library-level speed measurements for scripts/benchmark-speed (prints numbers; asserts nothing):
//
//   java -cp toolkit/target/stancekit-cli.jar scripts/bench/Speed.java latency MODEL_DIR CORPUS.jsonl
//       warm per-article latency of Scorer.score on one thread: scores the corpus twice to warm up, then times every
//       article of a third pass; prints articles, sentences, p50/p99/max in ms and sentences/s.
//   java -cp toolkit/target/stancekit-cli.jar scripts/bench/Speed.java count CORPUS.jsonl
//       the number of sentences in the corpus, as score splits them.
//   java -cp toolkit/target/stancekit-cli.jar scripts/bench/Speed.java matching CORPUS.jsonl [ALIASES=10000]
//       actor matching alone (MentionMatcher.find over every sentence), with the default lexicon and with one that
//       holds ALIASES more generated aliases; prints sentences/s and MB/s for both.
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.stancekit.actors.Actor;
import org.stancekit.actors.ActorLexicon;
import org.stancekit.actors.MentionMatcher;
import org.stancekit.score.Article;
import org.stancekit.score.ArticleResult;
import org.stancekit.score.Scorer;
import org.stancekit.text.SentenceSplitter;
import org.stancekit.text.TextSpan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

public class Speed {
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "latency" -> latency(Path.of(args[1]), articles(Path.of(args[2])));
            case "count" -> {
                SentenceSplitter splitter = new SentenceSplitter();
                ObjectMapper json = new ObjectMapper();
                long n = 0;
                for (String line : (Iterable<String>) Files.lines(Path.of(args[1]))::iterator) {
                    if (!line.isBlank()) n += splitter.split(json.readTree(line).path("text").asText()).size();
                }
                System.out.println(n);
            }
            case "matching" -> matching(articles(Path.of(args[1])), args.length > 2 ? Integer.parseInt(args[2]) : 10_000);
            default -> throw new IllegalArgumentException("latency or matching");
        }
    }

    static List<Article> articles(Path jsonl) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Article> out = new ArrayList<>();
        for (String line : (Iterable<String>) Files.lines(jsonl)::iterator) {
            if (line.isBlank()) continue;
            JsonNode n = json.readTree(line);
            out.add(new Article(n.path("id").asText(), n.path("text").asText()));
        }
        return out;
    }

    static void latency(Path model, List<Article> articles) {
        long t0 = System.nanoTime();
        Scorer scorer = Scorer.load(model);
        double loadMs = (System.nanoTime() - t0) / 1e6;
        for (int pass = 0; pass < 2; pass++) for (Article a : articles) scorer.score(a);
        long[] ns = new long[articles.size()];
        long sentences = 0, total = 0;
        for (int i = 0; i < ns.length; i++) {
            long s = System.nanoTime();
            ArticleResult r = scorer.score(articles.get(i));
            ns[i] = System.nanoTime() - s;
            total += ns[i];
            sentences += r.sentences().size();
        }
        Arrays.sort(ns);
        System.out.printf(Locale.ROOT, "load_ms\t%.0f%narticles\t%d%nsentences\t%d%np50_ms\t%.2f%np99_ms\t%.2f%n"
                        + "max_ms\t%.2f%nwarm_sentences_per_s_1_thread\t%.0f%n", loadMs, ns.length, sentences,
                ns[ns.length / 2] / 1e6, ns[(int) Math.min(ns.length - 1, Math.ceil(ns.length * 0.99) - 1)] / 1e6,
                ns[ns.length - 1] / 1e6, sentences / (total / 1e9));
    }

    static void matching(List<Article> articles, int extra) {
        SentenceSplitter splitter = new SentenceSplitter();
        List<String> sentences = new ArrayList<>();
        long chars = 0;
        for (Article a : articles) {
            for (TextSpan s : splitter.split(a.text())) {
                sentences.add(s.text());
                chars += s.text().length();
            }
        }
        ActorLexicon base = ActorLexicon.loadDefault();
        List<Actor> actors = new ArrayList<>(base.actors());
        // generated aliases: two made-up capitalised words each ("Velorin Kastrova"), spread over 100 actors
        Random rnd = new Random(42);
        String[] syl = {"ka", "ve", "lo", "rin", "tra", "mo", "sel", "dar", "nu", "vi", "qua", "zen", "por", "lei", "ost"};
        int aliases = 0;
        for (int g = 0; aliases < extra; g++) {
            List<String> names = new ArrayList<>();
            for (int j = 0; j < 100 && aliases < extra; j++, aliases++) names.add(word(rnd, syl) + " " + word(rnd, syl));
            actors.add(new Actor("generated-" + g, Actor.Kind.GROUP, names, List.of(), List.of()));
        }
        int baseAliases = base.actors().stream().mapToInt(a -> a.aliases().size() + a.leaders().size()
                + a.demonyms().size()).sum();
        Object[][] runs = {{"default", base, baseAliases}, {"default+" + extra, ActorLexicon.of(actors),
                baseAliases + extra}};
        // two rounds over both lexicons; only the second is printed (the first warms the JIT for both)
        for (int round = 0; round < 4; round++) {
            Object[] run = runs[round % 2];
            MentionMatcher m = new MentionMatcher((ActorLexicon) run[1]);
            long found = 0;
            for (int pass = 0; pass < 5; pass++) for (String s : sentences) found += m.find(s).size(); // warm-up
            long t0 = System.nanoTime();
            found = 0;
            for (int pass = 0; pass < 3; pass++) for (String s : sentences) found += m.find(s).size();
            double secs = (System.nanoTime() - t0) / 1e9;
            if (round >= 2) System.out.printf(Locale.ROOT, "matching\t%s lexicon (%d names)\t%.0f sentences/s\t%.1f M chars/s\t%d mentions%n",
                    run[0], run[2], 3 * sentences.size() / secs, 3 * chars / 1e6 / secs, found / 3);
        }
    }

    static String word(Random rnd, String[] syl) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0, n = 2 + rnd.nextInt(2); i < n; i++) sb.append(syl[rnd.nextInt(syl.length)]);
        sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
        return sb.toString();
    }
}
