package org.stancekit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.TestModels;
import org.stancekit.bundle.ModelBundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same data, settings and seed give the same bundle, byte for byte, except the timestamps: {@code created} in
 * {@code bundle.json} and {@code created}/{@code training_seconds} in each {@code model.json}.
 */
class TrainDeterminismTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> CLOCK_KEYS = List.of("created", "training_seconds");

    @TempDir
    Path dir;

    @Test
    void twoTrainingRunsGiveIdenticalBundlesExceptTimestamps() throws IOException {
        List<String> args = new ArrayList<>(List.of("train", "--seed", "7", "--dev-split", "0.2"));
        for (Path csv : TestModels.trainingCsvs()) args.addAll(List.of("--data", csv.toString()));
        Path a = dir.resolve("a"), b = dir.resolve("b");
        train(args, a);
        train(args, b);

        Map<String, byte[]> fa = InterruptedTrainTest.snapshot(a), fb = InterruptedTrainTest.snapshot(b);
        assertEquals(fa.keySet(), fb.keySet(), "same files");
        assertTrue(fa.keySet().containsAll(List.of("bundle.json", "actors.tsv", "stance/model.json",
                "stance/weights.bin", "sentiment/model.json", "sentiment/weights.bin")), fa.keySet()::toString);
        for (String f : fa.keySet()) {
            if (f.equals(ModelBundle.BUNDLE_FILE) || f.endsWith("/" + ModelBundle.MODEL_FILE)) {
                JsonNode ja = withoutClock(fa.get(f)), jb = withoutClock(fb.get(f));
                assertEquals(ja, jb, f + " equal apart from " + CLOCK_KEYS);
            } else {
                assertArrayEquals(fa.get(f), fb.get(f), f + " byte-identical");
            }
        }
    }

    private static void train(List<String> args, Path out) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("--output", out.toString()));
        Cli.run(all.toArray(String[]::new)).expectExit(0);
    }

    /** The JSON with the clock's keys removed, at any depth. */
    private static JsonNode withoutClock(byte[] bytes) throws IOException {
        JsonNode node = JSON.readTree(bytes);
        strip(node);
        return node;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove(CLOCK_KEYS);
            o.elements().forEachRemaining(TrainDeterminismTest::strip);
        } else if (node.isArray()) {
            node.elements().forEachRemaining(TrainDeterminismTest::strip);
        }
    }
}
