package org.stancekit.train;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProbabilityScoresTest {
    @Test
    void overconfidenceShowsAsTheGapBetweenConfidenceAndAccuracy() {
        // four examples, always 0.9 sure, right half the time: ECE = |0.5 - 0.9| = 0.4
        double[][] p = {{0.9, 0.1}, {0.9, 0.1}, {0.1, 0.9}, {0.1, 0.9}};
        int[] gold = {0, 1, 1, 0};
        ProbabilityScores s = ProbabilityScores.of(p, gold);
        assertEquals(4, s.n());
        assertEquals(0.4, s.ece(), 1e-12);
        assertEquals(0.9, s.meanConfidence(), 1e-12);
        assertEquals(0.5, s.accuracy(), 1e-12);
        assertEquals(-(2 * Math.log(0.9) + 2 * Math.log(0.1)) / 4, s.logLoss(), 1e-12);
        assertTrue(s.eceNoiseFloor() >= 0 && s.eceNoiseFloor() < 0.4, "a calibrated model would do better");
        assertTrue(s.toText().contains("ECE(10 bins)=0.4000"), s.toText());
    }

    @Test
    void aCalibratedCoinShowsNoGap() {
        double[][] p = {{0.5, 0.5}, {0.5, 0.5}};
        ProbabilityScores s = ProbabilityScores.of(p, new int[]{0, 1});
        assertEquals(0.0, s.ece(), 1e-12, "confidence 0.5, accuracy 0.5 (the tie goes to the first label)");
        assertEquals(Math.log(2), s.logLoss(), 1e-12);
    }
}
