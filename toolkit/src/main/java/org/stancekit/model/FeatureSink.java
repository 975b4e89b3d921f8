package org.stancekit.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a {@link Featurizer} writes the names of its active features, one piece at a time: {@code part(...)} calls
 * followed by {@code end()} make one feature name. {@link #names()} builds the names as strings (training,
 * explanations); {@link LinearModel#indices(Featurizer, Object)} hashes the pieces as they come and looks the feature
 * up without ever building its name, which is what makes scoring fast. Both see exactly the same pieces, so both give
 * the same features. Not thread-safe; one per featurization.
 */
public abstract class FeatureSink {
    /** Appends a piece of the current feature name. */
    public abstract FeatureSink part(String s);

    /** Appends one character of the current feature name. */
    public abstract FeatureSink part(char c);

    /** Appends {@code n} in decimal, as {@link Integer#toString(int)} writes it. */
    public final FeatureSink part(int n) {
        if (n < 0) {
            part('-');
            if (n == Integer.MIN_VALUE) return part("2147483648");
            n = -n;
        }
        if (n < 10) return part((char) ('0' + n));
        int div = 1;
        while (n / div >= 10) div *= 10;
        for (; div > 0; div /= 10) part((char) ('0' + (n / div) % 10));
        return this;
    }

    /** Ends the current feature name. */
    public abstract void end();

    /** A whole feature name at once. */
    public final void add(String name) {
        part(name).end();
    }

    /** A sink that collects the feature names as strings, in order. */
    public static Names names() {
        return new Names();
    }

    /** Collects feature names as strings. */
    public static final class Names extends FeatureSink {
        private final StringBuilder current = new StringBuilder(32);
        private final List<String> out = new ArrayList<>();

        @Override
        public FeatureSink part(String s) {
            current.append(s);
            return this;
        }

        @Override
        public FeatureSink part(char c) {
            current.append(c);
            return this;
        }

        @Override
        public void end() {
            out.add(current.toString());
            current.setLength(0);
        }

        public List<String> list() {
            return out;
        }
    }

    /**
     * The 64-bit FNV-1a hash of a feature name's UTF-16 chars: what {@link Hashes} computes piece by piece and
     * {@link LinearModel} computes for its known names when it loads.
     */
    static long hash(String name) {
        long h = Hashes.OFFSET;
        for (int i = 0; i < name.length(); i++) h = (h ^ name.charAt(i)) * Hashes.PRIME;
        return h;
    }

    /** Hashes each feature name as it is written and hands the hash to {@link LinearModel.Index}. */
    static final class Hashes extends FeatureSink {
        static final long OFFSET = 0xcbf29ce484222325L, PRIME = 0x100000001b3L;
        private final LinearModel.Index index;
        private long h = OFFSET;
        private int[] found = new int[256];
        private int n;

        Hashes(LinearModel.Index index) {
            this.index = index;
        }

        @Override
        public FeatureSink part(String s) {
            long x = h;
            for (int i = 0, len = s.length(); i < len; i++) x = (x ^ s.charAt(i)) * PRIME;
            h = x;
            return this;
        }

        @Override
        public FeatureSink part(char c) {
            h = (h ^ c) * PRIME;
            return this;
        }

        @Override
        public void end() {
            int i = index.get(h); // the slot's offset
            h = OFFSET;
            if (i < 0) return;
            if (n == found.length) found = java.util.Arrays.copyOf(found, n * 2);
            found[n++] = i;
        }

        /** The index slots found so far (with repeats, in order). */
        int[] found() {
            return java.util.Arrays.copyOf(found, n);
        }
    }
}
