package org.stancekit.io;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The fast confidence formatting writes exactly what {@code String.format("%.4f")} writes. */
class ResultRowTest {
    private static void same(double c) {
        assertEquals(String.format(Locale.ROOT, "%.4f", c), ResultRow.confidence(c), "for " + c);
    }

    @Test
    void confidenceMatchesStringFormatOnRandomProbabilities() {
        Random rnd = new Random(1);
        for (int i = 0; i < 200_000; i++) same(rnd.nextDouble());
        for (int i = 0; i < 20_000; i++) same(Math.nextUp(rnd.nextDouble())); // other low bits
    }

    @Test
    void confidenceMatchesStringFormatAtAndAroundEveryRoundingTie() {
        for (int k = 0; k <= 20_000; k++) {
            double tie = k / 20_000.0; // x.xxxx5 and exact four-decimal values
            same(tie);
            same(Math.nextUp(tie));
            same(Math.nextDown(tie));
        }
    }

    @Test
    void confidenceOutsideProbabilitiesFallsBackToStringFormat() {
        for (double c : new double[]{0.0, -0.0, 1.0, 1.00004, -0.3, 2.5, Double.NaN, Double.POSITIVE_INFINITY,
                Double.MIN_VALUE, 0.99995, 0.00005}) {
            same(c);
        }
    }
}
