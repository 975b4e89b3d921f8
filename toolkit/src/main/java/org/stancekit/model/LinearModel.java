package org.stancekit.model;

import org.stancekit.ModelFormatException;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A multinomial logistic (maximum-entropy) model over sparse binary features: one weight per (label, feature) and a
 * bias per label; prediction is a sparse dot product and a softmax, divided by a temperature fitted for calibration.
 * Immutable and thread-safe. Weights are held as 32-bit floats, exactly as stored, so a saved and reloaded model gives
 * bit-identical probabilities.
 *
 * <p>Stored in its own plain format (no Java serialization): {@code features.txt.gz}, one feature name per line (the
 * line number is the feature index), and {@code weights.bin}: magic {@code SKLW}, format version, label count k,
 * feature count p, then k×p weights and k biases as big-endian float32.
 */
public final class LinearModel {
    public static final String FEATURES_FILE = "features.txt.gz";
    public static final String WEIGHTS_FILE = "weights.bin";
    private static final int MAGIC = 0x534B4C57; // "SKLW"
    private static final int FORMAT = 1;

    private final List<String> labels;
    private final String[] featureNames;
    private final Index hashed; // null when two known names share a 64-bit hash: then lookups go by name
    private final Map<String, Integer> index; // only when hashed is null
    private final float[][] weights; // [label][feature]
    private final float[] bias;
    private final double temperature;

    public LinearModel(List<String> labels, List<String> featureNames, float[][] weights, float[] bias,
                       double temperature) {
        this.labels = List.copyOf(labels);
        this.featureNames = featureNames.toArray(String[]::new);
        if (weights.length != labels.size() || bias.length != labels.size()) {
            throw new IllegalArgumentException("weights for " + weights.length + " labels, expected " + labels.size());
        }
        for (float[] row : weights) {
            if (row.length != this.featureNames.length) {
                throw new IllegalArgumentException(row.length + " weights per label, expected " + featureNames.size());
            }
        }
        this.weights = weights;
        this.bias = bias;
        this.temperature = temperature;
        this.hashed = Index.of(this.featureNames, weights);
        if (hashed == null) {
            this.index = new HashMap<>(this.featureNames.length * 2);
            for (int i = 0; i < this.featureNames.length; i++) index.put(this.featureNames[i], i);
        } else {
            this.index = null;
        }
    }

    private LinearModel(LinearModel m, float[] bias, double temperature) {
        this.labels = m.labels;
        this.featureNames = m.featureNames;
        this.weights = m.weights;
        this.index = m.index;
        this.hashed = m.hashed;
        this.bias = bias;
        this.temperature = temperature;
    }

    public List<String> labels() {
        return labels;
    }

    public int featureCount() {
        return featureNames.length;
    }

    public double temperature() {
        return temperature;
    }

    /** The same weights with another softmax temperature (calibration). */
    public LinearModel withTemperature(double t) {
        return new LinearModel(this, bias, t);
    }

    /** The same weights with {@code delta[k]} added to the bias of label k (a prior shift chosen on dev data). */
    public LinearModel withBiasShift(double[] delta) {
        float[] b = bias.clone();
        for (int k = 0; k < b.length; k++) b[k] = (float) (b[k] + delta[k]);
        return new LinearModel(this, b, temperature);
    }

    /** Distinct indices of the known features among {@code features}, in order; unknown features are dropped. */
    public int[] indices(List<String> features) {
        int[] idx = new int[features.size()];
        int n = 0;
        for (String f : features) {
            int i;
            if (hashed != null) {
                int at = hashed.get(FeatureSink.hash(f));
                i = at < 0 ? -1 : hashed.feature(at);
            } else {
                Integer boxed = index.get(f);
                i = boxed == null ? -1 : boxed;
            }
            if (i >= 0) idx[n++] = i;
        }
        return distinct(Arrays.copyOf(idx, n));
    }

    /**
     * The same indices as {@code indices(featurizer.features(input))}, found without building the feature names: each
     * name is hashed (64-bit FNV-1a) while the featurizer writes it and looked up among the known names' hashes. An
     * unknown name could only be taken for a known one if their 64-bit hashes collide (odds about 2^-46 per name for a
     * model with 300,000 features); if two known names collide, this model looks names up as strings instead.
     */
    public <I> int[] indices(Featurizer<I> featurizer, I input) {
        if (hashed == null) return indices(featurizer.features(input));
        int[] slots = slots(featurizer, input);
        for (int i = 0; i < slots.length; i++) slots[i] = hashed.feature(slots[i]);
        return slots;
    }

    /** Distinct index slots of the input's known features, in order of first appearance. */
    private <I> int[] slots(Featurizer<I> featurizer, I input) {
        FeatureSink.Hashes sink = new FeatureSink.Hashes(hashed);
        featurizer.features(input, sink);
        return distinct(sink.found());
    }

    /**
     * {@code predict(featurizer.features(input))}, without building feature names; the weights are read from the
     * index slots the lookups already brought into the cache, in the same order, so the sums are the same.
     */
    public <I> Prediction predict(Featurizer<I> featurizer, I input) {
        if (hashed == null) return predict(featurizer.features(input));
        int[] slots = slots(featurizer, input);
        double[] s = new double[labels.size()];
        for (int k = 0; k < s.length; k++) {
            double z = bias[k];
            for (int slot : slots) z += hashed.weight(slot, k);
            s[k] = z;
        }
        return Prediction.of(labels, softmax(s, temperature));
    }

    /** The distinct values of {@code found}, in order of first appearance (a small open-addressing set). */
    private static int[] distinct(int[] found) {
        int n = found.length;
        if (n < 2) return found;
        int cap = Integer.highestOneBit(n * 2) * 2;
        int[] set = new int[cap]; // value + 1, 0 = empty
        int m = 0, mask = cap - 1;
        for (int v : found) {
            for (int s = (v * 0x9E3779B9) >>> 7 & mask; ; s = (s + 1) & mask) {
                if (set[s] == 0) {
                    set[s] = v + 1;
                    found[m++] = v;
                    break;
                }
                if (set[s] == v + 1) break;
            }
        }
        return m == n ? found : Arrays.copyOf(found, m);
    }

    /** Raw scores (before softmax) per label. */
    public double[] scores(int[] indices) {
        double[] s = new double[labels.size()];
        for (int k = 0; k < s.length; k++) {
            double z = bias[k];
            float[] w = weights[k];
            for (int i : indices) z += w[i];
            s[k] = z;
        }
        return s;
    }

    public double[] probabilities(List<String> features) {
        return softmax(scores(indices(features)), temperature);
    }

    public Prediction predict(List<String> features) {
        return Prediction.of(labels, probabilities(features));
    }

    /** Per feature, its weight for {@code label} minus the mean weight over labels: what pushed toward that label. */
    public Map<String, Double> contributions(List<String> features, String label) {
        int k = labels.indexOf(label);
        Map<String, Double> out = new HashMap<>();
        for (int i : indices(features)) {
            double mean = 0;
            for (float[] w : weights) mean += w[i];
            mean /= weights.length;
            out.put(featureNames[i], (weights[k][i] - mean) / temperature);
        }
        return out;
    }

    static double[] softmax(double[] s, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) max = Math.max(max, v);
        double sum = 0;
        double[] p = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            p[i] = Math.exp((s[i] - max) / temperature);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) p[i] /= sum;
        return p;
    }

    /**
     * Open addressing from 64-bit name hashes to features. A slot holds the hash, the feature index + 1 (0 = empty slot)
     * and the feature's weights for every label packed as floats, so that a lookup and the dot product touch one place
     * in memory. In front of it, a two-bit Bloom filter small enough to stay in the CPU cache: about 40% of the names a
     * sentence yields are unknown to the model, and most of those never touch the table. Lookups return a slot's offset.
     */
    static final class Index {
        private final long[] slots;
        private final int stride, mask;
        private final long[] filter;
        private final int filterMask;

        private Index(int capacity, int labels, int filterBits) {
            stride = 2 + (labels + 1) / 2;
            slots = new long[capacity * stride];
            mask = capacity - 1;
            filter = new long[filterBits / 64];
            filterMask = filterBits - 1;
        }

        /** The index of {@code names} with {@code weights[label][feature]}, or null when two names share a hash. */
        static Index of(String[] names, float[][] weights) {
            // load factor between 3/8 and 3/4; the filter has 8 to 16 bits per name
            int capacity = Integer.highestOneBit(Math.max(4, names.length + names.length / 3)) * 2;
            Index ix = new Index(capacity, weights.length, Math.max(64, capacity * 8));
            for (int i = 0; i < names.length; i++) {
                int at = ix.put(FeatureSink.hash(names[i]), i);
                if (at < 0) return null;
                for (int k = 0; k < weights.length; k++) {
                    long bits = Float.floatToRawIntBits(weights[k][i]) & 0xFFFFFFFFL;
                    ix.slots[at + 2 + k / 2] |= (k % 2 == 0) ? bits : bits << 32;
                }
            }
            return ix;
        }

        /** Inserts {@code h}; the slot's offset, or -1 when {@code h} is there already. */
        private int put(long h, int feature) {
            long m = mix(h);
            int b1 = (int) (m >>> 40) & filterMask, b2 = (int) (m >>> 20) & filterMask;
            filter[b1 >>> 6] |= 1L << b1;
            filter[b2 >>> 6] |= 1L << b2;
            for (int s = (int) m & mask; ; s = (s + 1) & mask) {
                int at = s * stride;
                if (slots[at + 1] == 0) {
                    slots[at] = h;
                    slots[at + 1] = feature + 1L;
                    return at;
                }
                if (slots[at] == h) return -1;
            }
        }

        /** The offset of the slot holding {@code h}, or -1. */
        int get(long h) {
            long m = mix(h);
            int b1 = (int) (m >>> 40) & filterMask, b2 = (int) (m >>> 20) & filterMask;
            if ((filter[b1 >>> 6] & (1L << b1)) == 0 || (filter[b2 >>> 6] & (1L << b2)) == 0) return -1;
            for (int s = (int) m & mask; ; s = (s + 1) & mask) {
                int at = s * stride;
                if (slots[at + 1] == 0) return -1;
                if (slots[at] == h) return at;
            }
        }

        int feature(int at) {
            return (int) (slots[at + 1] - 1);
        }

        float weight(int at, int label) {
            long packed = slots[at + 2 + label / 2];
            return Float.intBitsToFloat((int) (label % 2 == 0 ? packed : packed >>> 32));
        }

        private static long mix(long h) {
            h ^= h >>> 33; // the bits of FNV-1a mix poorly on their own
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            return h;
        }
    }

    /** Writes {@link #FEATURES_FILE} and {@link #WEIGHTS_FILE} into {@code dir}. */
    public void save(Path dir) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve(FEATURES_FILE)));
             BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            for (String f : featureNames) {
                // one name per line: a line break inside a name would shift every index after it
                w.write(f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0 ? f.replace('\n', ' ').replace('\r', ' ') : f);
                w.write('\n');
            }
        }
        try (DataOutputStream out = new DataOutputStream(
                new java.io.BufferedOutputStream(Files.newOutputStream(dir.resolve(WEIGHTS_FILE)), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(labels.size());
            out.writeInt(featureNames.length);
            for (float[] row : weights) {
                for (float v : row) out.writeFloat(v);
            }
            for (float b : bias) out.writeFloat(b);
        }
    }

    /** Reads a model saved by {@link #save}; labels and temperature come from {@code model.json}. */
    public static LinearModel load(Path dir, List<String> labels, double temperature) {
        List<String> names = new ArrayList<>();
        Path featuresFile = dir.resolve(FEATURES_FILE);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(featuresFile));
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) names.add(line);
        } catch (NoSuchFileException e) {
            throw new ModelFormatException(featuresFile + ": missing from the model bundle");
        } catch (IOException e) {
            throw new ModelFormatException(featuresFile + ": unreadable (" + e.getMessage() + "); the bundle is corrupt");
        }
        Path weightsFile = dir.resolve(WEIGHTS_FILE);
        try (DataInputStream in = new DataInputStream(
                new java.io.BufferedInputStream(Files.newInputStream(weightsFile), 1 << 16))) {
            if (in.readInt() != MAGIC) throw new ModelFormatException(weightsFile + ": not a StanceKit weights file");
            int format = in.readInt();
            if (format != FORMAT) {
                throw new ModelFormatException(weightsFile + ": weights format " + format + ", this StanceKit reads "
                        + FORMAT);
            }
            int k = in.readInt(), p = in.readInt();
            if (k != labels.size()) {
                throw new ModelFormatException(weightsFile + ": weights for " + k + " labels but model.json lists "
                        + labels.size());
            }
            if (p != names.size()) {
                throw new ModelFormatException(weightsFile + ": weights for " + p + " features but " + FEATURES_FILE
                        + " lists " + names.size());
            }
            float[][] w = new float[k][p];
            for (float[] row : w) {
                for (int i = 0; i < p; i++) row[i] = in.readFloat();
            }
            float[] b = new float[k];
            for (int i = 0; i < k; i++) b[i] = in.readFloat();
            if (in.read() != -1) throw new ModelFormatException(weightsFile + ": trailing bytes; the bundle is corrupt");
            return new LinearModel(labels, names, w, b, temperature);
        } catch (NoSuchFileException e) {
            throw new ModelFormatException(weightsFile + ": missing from the model bundle");
        } catch (EOFException e) {
            throw new ModelFormatException(weightsFile + ": truncated; the bundle is corrupt");
        } catch (IOException e) {
            throw new ModelFormatException(weightsFile + ": unreadable (" + e.getMessage() + ")");
        }
    }
}
