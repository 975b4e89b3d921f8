package org.stancekit.report;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Additive sufficient statistics for one actor in one scope (an article, a day, the corpus): label counts (the model's
 * labels, then {@code uncertain}), and sums for the mean net stance and its interval, at mention level
 * ({@code n, sumX, sumX2}) and at article level ({@code articles, sumS2, sumN2, sumSN}, where an article contributes
 * its own sum S and mention count N). Everything adds, so days merge into weeks and months exactly.
 */
final class ActorStats implements Serializable {
    private static final long serialVersionUID = 1L;

    final long[] counts;
    long n;
    double sumX, sumX2;
    long articles;
    double sumS2, sumN2, sumSN;

    ActorStats(int labels) {
        counts = new long[labels + 1];
    }

    /** One mention: the index of its reported label ({@code counts.length - 1} = uncertain) and its net stance. */
    void addMention(int label, double net) {
        counts[label]++;
        n++;
        sumX += net;
        sumX2 += net * net;
    }

    /** Adds one article's statistics (its mentions of this actor) as one cluster. */
    void addArticle(ActorStats a) {
        addAll(a);
        articles++;
        sumS2 += a.sumX * a.sumX;
        sumN2 += (double) a.n * a.n;
        sumSN += a.sumX * a.n;
    }

    /** Adds statistics of disjoint articles (a day into a week). */
    void addAll(ActorStats o) {
        for (int i = 0; i < counts.length; i++) counts[i] += o.counts[i];
        n += o.n;
        sumX += o.sumX;
        sumX2 += o.sumX2;
        articles += o.articles;
        sumS2 += o.sumS2;
        sumN2 += o.sumN2;
        sumSN += o.sumSN;
    }

    double mean() {
        return n == 0 ? Double.NaN : sumX / n;
    }

    /**
     * Half-width of the 95% interval of the mean, or NaN when there is none. With two or more articles: the standard
     * error of a ratio estimator clustered by article, {@code sqrt(J/(J-1) * sum_j (S_j - m N_j)^2) / N}, and Student's t
     * with J-1 degrees of freedom. Within one article: {@code s / sqrt(n)} over its mentions and t with n-1.
     */
    double halfWidth() {
        double m = mean();
        if (articles >= 2) {
            double resid = sumS2 - 2 * m * sumSN + m * m * sumN2;
            double var = (double) articles / (articles - 1) * Math.max(0, resid) / ((double) n * n);
            return tCritical95(articles - 1) * Math.sqrt(var);
        }
        if (n >= 2) {
            double s2 = Math.max(0, (sumX2 - n * m * m) / (n - 1));
            return tCritical95(n - 1) * Math.sqrt(s2 / n);
        }
        return Double.NaN;
    }

    private static final double[] T975 = {Double.NaN, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262,
            2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064,
            2.060, 2.056, 2.052, 2.048, 2.045, 2.042};

    /** The 0.975 quantile of Student's t: a table up to 30 degrees of freedom, a Cornish-Fisher expansion beyond. */
    static double tCritical95(long df) {
        if (df < 1) return Double.NaN;
        if (df < T975.length) return T975[(int) df];
        double z = 1.959963984540054, v = df;
        double z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z;
        return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
                + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v);
    }

    /**
     * The same statistics with the label counts moved: count {@code i} goes to slot {@code to[i]} (the uncertain slot,
     * the last, stays last).
     */
    ActorStats relabelled(int[] to) {
        ActorStats c = copy();
        Arrays.fill(c.counts, 0);
        for (int i = 0; i < to.length; i++) c.counts[to[i]] += counts[i];
        c.counts[counts.length - 1] += counts[counts.length - 1];
        return c;
    }

    ActorStats copy() {
        ActorStats c = new ActorStats(counts.length - 1);
        c.addAll(this);
        return c;
    }

    @Override
    public String toString() {
        return Arrays.toString(counts) + " n=" + n + " mean=" + mean();
    }
}
