package org.stancekit.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.ModelFormatException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinearModelTest {
    private static LinearModel model(double temperature) {
        float[][] w = {{1.5f, -0.5f, 0f}, {-1f, 2f, 0.25f}, {0f, 0f, -0.75f}};
        return new LinearModel(List.of("favor", "against", "neutral"), List.of("u=good", "u=bad", "u=said"), w,
                new float[] {0.1f, 0.2f, 0.3f}, temperature);
    }

    @Test
    void sparseDotProductAndSoftmax() {
        LinearModel m = model(1.0);
        double[] p = m.probabilities(List.of("u=good", "u=unknown", "u=good"));
        // duplicates and unknown features are ignored: scores are bias + w[good]
        double[] s = {1.6, -0.8, 0.3};
        double z = Math.exp(s[0]) + Math.exp(s[1]) + Math.exp(s[2]);
        assertArrayEquals(new double[] {Math.exp(s[0]) / z, Math.exp(s[1]) / z, Math.exp(s[2]) / z}, p, 1e-6);
        assertEquals("favor", m.predict(List.of("u=good")).label());
        assertEquals("against", m.predict(List.of("u=bad")).label());
    }

    @Test
    void temperatureSoftensWithoutChangingTheLabel() {
        Prediction sharp = model(1.0).predict(List.of("u=bad"));
        Prediction soft = model(3.0).predict(List.of("u=bad"));
        assertEquals(sharp.label(), soft.label());
        assertTrue(soft.confidence() < sharp.confidence());
        double sum = soft.probabilities().values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(1.0, sum, 1e-12);
    }

    @Test
    void contributionsAreSignedTowardTheLabel() {
        Map<String, Double> c = model(1.0).contributions(List.of("u=good", "u=bad"), "against");
        assertTrue(c.get("u=bad") > 0);
        assertTrue(c.get("u=good") < 0);
    }

    @Test
    void saveAndLoadGiveIdenticalProbabilities(@TempDir Path dir) throws Exception {
        LinearModel m = model(1.7);
        m.save(dir);
        LinearModel back = LinearModel.load(dir, m.labels(), 1.7);
        for (List<String> f : List.of(List.of("u=good"), List.of("u=bad", "u=said"), List.<String>of())) {
            assertArrayEquals(m.probabilities(f), back.probabilities(f));
        }
    }

    @Test
    void truncatedOrForeignWeightsAreRefused(@TempDir Path dir) throws Exception {
        LinearModel m = model(1.0);
        m.save(dir);
        Path w = dir.resolve(LinearModel.WEIGHTS_FILE);
        byte[] bytes = Files.readAllBytes(w);
        Files.write(w, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> LinearModel.load(dir, m.labels(), 1));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        Files.write(w, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        e = assertThrows(ModelFormatException.class, () -> LinearModel.load(dir, m.labels(), 1));
        assertTrue(e.getMessage().contains("not a StanceKit weights file"), e.getMessage());
    }

    @Test
    void labelCountMismatchIsRefused(@TempDir Path dir) throws Exception {
        model(1.0).save(dir);
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> LinearModel.load(dir, List.of("a", "b"), 1));
        assertTrue(e.getMessage().contains("3 labels"), e.getMessage());
    }
}
