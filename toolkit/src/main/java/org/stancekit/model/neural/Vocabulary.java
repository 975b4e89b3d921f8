package org.stancekit.model.neural;

import org.stancekit.ModelFormatException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Word → row of the embedding matrix. Row 0 is padding, row 1 unknown words. Stored as {@code vocab.tsv}: one line per
 * row, {@code index TAB word TAB training count}. Immutable.
 */
public final class Vocabulary {
    public static final String FILE = "vocab.tsv";
    public static final String PAD = "<pad>", UNK = "<unk>";
    static final int PAD_ID = 0, UNK_ID = 1;

    private final List<String> words;
    private final int[] counts;
    private final Map<String, Integer> index = new HashMap<>();

    Vocabulary(List<String> words, int[] counts) {
        this.words = List.copyOf(words);
        this.counts = counts.clone();
        for (int i = 0; i < words.size(); i++) index.putIfAbsent(words.get(i), i);
    }

    /** Words seen at least {@code minCount} times, most frequent first (ties by name: deterministic). */
    public static Vocabulary build(Collection<List<String>> sentences, int minCount) {
        Map<String, Integer> c = new HashMap<>();
        for (List<String> s : sentences) for (String w : s) c.merge(w, 1, Integer::sum);
        List<Map.Entry<String, Integer>> kept = new ArrayList<>(c.entrySet().stream()
                .filter(e -> e.getValue() >= minCount && !e.getKey().equals(PAD) && !e.getKey().equals(UNK)).toList());
        kept.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        List<String> words = new ArrayList<>(List.of(PAD, UNK));
        int[] counts = new int[kept.size() + 2];
        for (Map.Entry<String, Integer> e : kept) {
            counts[words.size()] = e.getValue();
            words.add(e.getKey());
        }
        return new Vocabulary(words, counts);
    }

    /** True when both hold the same words under the same ids. */
    boolean sameWords(Vocabulary o) {
        return words.equals(o.words);
    }

    public int size() {
        return words.size();
    }

    public int id(String word) {
        return index.getOrDefault(word, UNK_ID);
    }

    public String word(int id) {
        return words.get(id);
    }

    void save(Path dir) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(FILE), StandardCharsets.UTF_8)) {
            for (int i = 0; i < words.size(); i++) w.write(i + "\t" + words.get(i) + "\t" + counts[i] + "\n");
        }
    }

    static Vocabulary load(Path dir) {
        Path f = dir.resolve(FILE);
        List<String> words = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        try {
            int n = 0;
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                n++;
                String[] parts = line.split("\t", -1);
                if (parts.length != 3 || !parts[0].equals(Integer.toString(words.size()))) {
                    throw new ModelFormatException(f + ": line " + n + " is not 'index TAB word TAB count' in order");
                }
                words.add(parts[1]);
                counts.add(Integer.parseInt(parts[2]));
            }
        } catch (NoSuchFileException e) {
            throw new ModelFormatException(f + ": missing from the model bundle");
        } catch (IOException | NumberFormatException e) {
            throw new ModelFormatException(f + ": unreadable (" + e.getMessage() + ")");
        }
        if (words.size() < 2 || !words.get(0).equals(PAD) || !words.get(1).equals(UNK)) {
            throw new ModelFormatException(f + ": must start with " + PAD + " and " + UNK);
        }
        return new Vocabulary(words, counts.stream().mapToInt(Integer::intValue).toArray());
    }
}
