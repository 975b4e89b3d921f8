package org.stancekit.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.stancekit.BadInputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Imports of two human-annotated news datasets that StanceKit uses to measure a model on news it was not trained on:
 * BASIL's entity-directed polarity spans (stance) and SemEval-2007 Task 14's news headlines (sentence sentiment). Both
 * write through {@link Importers#writeAtomically}, so a failed import leaves no file behind.
 */
public final class NewsImporters {
    /** Columns of the CSV {@link #importBasil} writes. */
    public static final List<String> BASIL_HEADER =
            List.of("id", "group", "text", "actor", "mention", "mention_start", "mention_end", "stance");
    /** Columns of the CSV {@link #importAffectiveText} writes. */
    public static final List<String> AFFECTIVE_TEXT_HEADER = List.of("id", "text", "sentiment", "valence");
    /** The coarse sentence labels of SemEval-2007 Task 14, in the order the import report counts them. */
    static final List<String> AFFECTIVE_TEXT_LABELS = List.of("positive", "negative", "neutral");

    private static final Pattern INSTANCE = Pattern.compile("<instance id=\"([^\"]+)\">(.*)</instance>");

    private NewsImporters() {}

    /**
     * BASIL (Fan et al. 2019; the release's {@code articles/} and {@code annotations/} folders under {@code dir}).
     * Annotators marked the spans of 300 articles that carry bias toward a named entity, with a polarity (pos/neg) and
     * an aim; this writes one row per sentence and entity for the spans aimed directly at the entity ({@code dir}),
     * with favor for pos and against for neg, when the sentence names the entity: its full name (case aside), else,
     * for a name of two or three capitalised words, its last word ("Trump" for Donald_Trump). The mention's offsets
     * are written, the actor is the entity ({@code Donald_Trump}) and the group the article's triplet (one event told
     * by three outlets). Skipped, and counted: indirect aims, spans not found in any sentence, sentences that do not
     * name the entity, and a sentence whose spans give the entity both polarities. BASIL has no neutral label: a
     * sentence without a span is not a judgement that it is neutral, so none is written.
     */
    public static Importers.ImportReport importBasil(Path dir, Path out, boolean force) {
        if (!Files.exists(dir)) throw new BadInputException(dir + ": no such folder");
        Path annotations = dir.resolve("annotations"), articles = dir.resolve("articles");
        if (!Files.isDirectory(annotations) || !Files.isDirectory(articles)) {
            throw new BadInputException(dir + ": not a BASIL folder (expected articles/ and annotations/ in it)");
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(annotations)) {
            files = s.filter(p -> p.getFileName().toString().endsWith("_ann.json")).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException(annotations + ": cannot list (" + e.getMessage() + ")");
        }
        if (files.isEmpty()) throw new BadInputException(annotations + ": no *_ann.json files");
        return Importers.writeAtomically(dir, out, force, BASIL_HEADER, printer -> {
            Map<String, Long> counts = Importers.newCounts();
            long rows = 0, skipped = 0;
            for (Path ann : files) {
                String name = ann.getFileName().toString();
                Path rel = annotations.relativize(ann);
                Path art = articles.resolve(rel).resolveSibling(name.substring(0, name.length() - "_ann.json".length())
                        + ".json");
                JsonNode a = readJson(ann), b = readJson(art);
                String annFile = ann.toString(), artFile = art.toString();
                String uuid = Importers.requireString(b, "uuid", artFile, 1, "uuid");
                String triplet = b.hasNonNull("triplet-uuid") ? b.get("triplet-uuid").asText() : uuid;
                List<String> sentences = sentences(b, artFile);
                JsonNode spans = a.get("phrase-level-annotations");
                if (spans == null || !spans.isArray()) {
                    throw Importers.jsonError(annFile, 1, "phrase-level-annotations", "expected an array, found "
                            + ArticleReader.describe(spans));
                }
                // (sentence, entity) -> polarities, in the order the spans come
                Map<Integer, Map<String, Set<String>>> found = new TreeMap<>();
                for (int i = 0; i < spans.size(); i++) {
                    JsonNode sp = spans.get(i);
                    String field = "phrase-level-annotations[" + i + "]";
                    if (!sp.isObject()) {
                        throw Importers.jsonError(annFile, 1, field, "expected an object, found "
                                + ArticleReader.describe(sp));
                    }
                    String txt = Importers.requireString(sp, "txt", annFile, 1, field + ".txt");
                    String target = Importers.requireString(sp, "target", annFile, 1, field + ".target");
                    String polarity = Importers.requireString(sp, "polarity", annFile, 1, field + ".polarity");
                    String aim = sp.hasNonNull("aim") ? sp.get("aim").asText() : "";
                    if (!polarity.equals("pos") && !polarity.equals("neg")) {
                        throw Importers.jsonError(annFile, 1, field + ".polarity", "expected pos or neg, got '"
                                + ArticleReader.shorten(polarity) + "'");
                    }
                    if (!aim.equals("dir")) {
                        skipped++;
                        continue;
                    }
                    int s = -1;
                    for (int k = 0; k < sentences.size() && s < 0; k++) if (sentences.get(k).contains(txt)) s = k;
                    if (s < 0) {
                        skipped++;
                        continue;
                    }
                    found.computeIfAbsent(s, k -> new LinkedHashMap<>())
                            .computeIfAbsent(target.strip(), k -> new LinkedHashSet<>()).add(polarity);
                }
                for (var bySentence : found.entrySet()) {
                    String text = sentences.get(bySentence.getKey());
                    for (var e : bySentence.getValue().entrySet()) {
                        int[] m = mention(e.getKey(), text);
                        if (m == null || e.getValue().size() > 1) {
                            skipped += 1;
                            continue;
                        }
                        String stance = e.getValue().contains("pos") ? "favor" : "against";
                        String actor = e.getKey().replace('|', '/');
                        printer.printRecord(uuid + ":" + bySentence.getKey() + ":" + actor, triplet, text, actor,
                                text.substring(m[0], m[1]), m[0], m[1], stance);
                        counts.merge(stance, 1L, Long::sum);
                        rows++;
                    }
                }
            }
            return new Importers.ImportReport(rows, skipped, counts);
        });
    }

    /**
     * Where {@code text} names the BASIL entity {@code target} ({@code Donald_Trump}): its full name, case aside; else,
     * for two or three capitalised words, the last word as written; at word boundaries. Null when it does not.
     */
    static int[] mention(String target, String text) {
        String name = target.replace('_', ' ').strip();
        if (name.isEmpty()) return null;
        Matcher full = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text);
        if (full.find()) return new int[]{full.start(), full.end()};
        String[] words = name.split(" +");
        if (words.length < 2 || words.length > 3) return null;
        for (String w : words) if (w.isEmpty() || !Character.isUpperCase(w.codePointAt(0))) return null;
        String last = words[words.length - 1];
        if (last.length() < 3) return null;
        Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(last) + "(?![\\p{L}\\p{N}])").matcher(text);
        return m.find() ? new int[]{m.start(), m.end()} : null;
    }

    private static JsonNode readJson(Path file) {
        if (!Files.isRegularFile(file)) throw new BadInputException(file + ": no such file");
        try {
            JsonNode n = Importers.MAPPER.readTree(file.toFile());
            if (n == null || !n.isObject()) {
                throw Importers.jsonError(file.toString(), 1, null, "expected a JSON object, found "
                        + ArticleReader.describe(n));
            }
            return n;
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            throw Importers.jsonError(file.toString(), line, null, "invalid JSON ("
                    + ArticleReader.shorten(e.getOriginalMessage()) + ")");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** The article's sentences in order: {@code body-paragraphs} is a list of paragraphs, each a list of sentences. */
    private static List<String> sentences(JsonNode article, String file) {
        JsonNode paragraphs = article.get("body-paragraphs");
        if (paragraphs == null || !paragraphs.isArray()) {
            throw Importers.jsonError(file, 1, "body-paragraphs", "expected an array, found "
                    + ArticleReader.describe(paragraphs));
        }
        List<String> out = new ArrayList<>();
        for (int p = 0; p < paragraphs.size(); p++) {
            JsonNode para = paragraphs.get(p);
            if (!para.isArray()) {
                throw Importers.jsonError(file, 1, "body-paragraphs[" + p + "]", "expected an array of sentences,"
                        + " found " + ArticleReader.describe(para));
            }
            for (int s = 0; s < para.size(); s++) {
                if (!para.get(s).isTextual()) {
                    throw Importers.jsonError(file, 1, "body-paragraphs[" + p + "][" + s + "]", "expected a string,"
                            + " found " + ArticleReader.describe(para.get(s)));
                }
                out.add(para.get(s).textValue());
            }
        }
        return out;
    }

    /**
     * SemEval-2007 Task 14, Affective Text (Strapparava &amp; Mihalcea 2007): news headlines, one
     * {@code <instance id="N">headline</instance>} per line of {@code xml} (not strictly XML: a raw {@code &} may
     * occur), with the valence in [-100, 100] as {@code id valence} per line of the sibling {@code .valence.gold}
     * file. Writes id, text, the task's coarse label (valence ≤ −50 negative, ≥ 50 positive, else neutral) and the
     * valence. Every instance needs a valence and every valence an instance.
     */
    public static Importers.ImportReport importAffectiveText(Path xml, Path out, Charset explicit, boolean force,
                                                             Consumer<String> warn) {
        Consumer<String> w = warn != null ? warn : s -> { };
        String name = xml.getFileName() == null ? "" : xml.getFileName().toString();
        if (!name.endsWith(".xml")) throw new BadInputException(xml + ": expected the headlines' .xml file");
        Path gold = xml.resolveSibling(name.substring(0, name.length() - 4) + ".valence.gold");
        if (Files.isRegularFile(xml) && !Files.isRegularFile(gold)) {
            throw new BadInputException(gold + ": no such file (the valence file beside " + xml + ")");
        }
        return Importers.writeAtomically(xml, out, force, AFFECTIVE_TEXT_HEADER, printer -> {
            Map<String, String> headlines = new LinkedHashMap<>();
            try (BufferedReader r = new BufferedReader(TextDecoding.open(xml, explicit, w))) {
                String line;
                long no = 0;
                while ((line = r.readLine()) != null) {
                    no++;
                    String t = line.strip();
                    if (t.isEmpty() || t.startsWith("<corpus") || t.startsWith("</corpus")) continue;
                    Matcher m = INSTANCE.matcher(t);
                    if (!m.matches()) {
                        throw new BadInputException(xml + ", line " + no + ": expected <instance id=\"N\">headline"
                                + "</instance>, found '" + ArticleReader.shorten(t) + "'");
                    }
                    String text = unescape(m.group(2)).strip();
                    if (text.isEmpty()) throw new BadInputException(xml + ", line " + no + ": empty headline");
                    if (headlines.put(m.group(1), text) != null) {
                        throw new BadInputException(xml + ", line " + no + ": instance id " + m.group(1) + " repeats");
                    }
                }
            }
            Map<String, Long> counts = Importers.labelCounts(AFFECTIVE_TEXT_LABELS);
            Set<String> seen = new LinkedHashSet<>();
            long rows = 0;
            try (BufferedReader r = new BufferedReader(TextDecoding.open(gold, explicit, w))) {
                String line;
                long no = 0;
                while ((line = r.readLine()) != null) {
                    no++;
                    if (line.isBlank()) continue;
                    String[] f = line.strip().split("\\s+");
                    if (f.length != 2) {
                        throw new BadInputException(gold + ", line " + no + ": expected 'id valence', found '"
                                + ArticleReader.shorten(line) + "'");
                    }
                    int v;
                    try {
                        v = Integer.parseInt(f[1]);
                    } catch (NumberFormatException e) {
                        v = Integer.MIN_VALUE;
                    }
                    if (v < -100 || v > 100) {
                        throw new BadInputException(gold + ", line " + no + ", column 2: expected a valence from -100"
                                + " to 100, found '" + ArticleReader.shorten(f[1]) + "'");
                    }
                    String text = headlines.get(f[0]);
                    if (text == null) {
                        throw new BadInputException(gold + ", line " + no + ", column 1: no headline with id " + f[0]
                                + " in " + xml);
                    }
                    if (!seen.add(f[0])) {
                        throw new BadInputException(gold + ", line " + no + ", column 1: id " + f[0] + " repeats");
                    }
                    String label = v <= -50 ? "negative" : v >= 50 ? "positive" : "neutral";
                    printer.printRecord(f[0], text, label, v);
                    counts.merge(label, 1L, Long::sum);
                    rows++;
                }
            }
            for (String id : headlines.keySet()) {
                if (!seen.contains(id)) throw new BadInputException(gold + ": no valence for headline id " + id);
            }
            return new Importers.ImportReport(rows, 0, counts);
        });
    }

    private static String unescape(String s) {
        if (s.indexOf('&') < 0) return s;
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
