package org.stancekit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.TestModels;
import org.stancekit.score.Scorer;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sentence-length limit at the command line: a sentence of {@link Scorer#MAX_TOKENS} tokens is scored whole, one
 * token more and its JSONL line says {@code "truncated": true} (its span and text are still the whole sentence).
 */
class TruncationCliTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static String sentence(int tokens) {
        StringBuilder sb = new StringBuilder("Japan");
        String[] words = {"praised", "the", "aid", "from", "France", "while", "officials", "in", "Egypt", "waited"};
        for (int i = 1; i < tokens; i++) sb.append(' ').append(words[i % words.length]);
        return sb.append('.').toString();
    }

    @Test
    void jsonlSaysTruncatedForASentenceOverTheLimit() throws Exception {
        String atLimit = sentence(Scorer.MAX_TOKENS), over = sentence(Scorer.MAX_TOKENS + 1);
        Path txt = TestModels.write(dir, "long.txt", atLimit + "\n" + over + "\n");
        Cli r = Cli.run("score", txt.toString(), "--model", TestModels.tinyBundle().toString(), "--format", "jsonl")
                .expectExit(0);
        List<String> lines = r.outLines();
        assertEquals(2, lines.size(), r.out());
        JsonNode first = JSON.readTree(lines.get(0)), second = JSON.readTree(lines.get(1));
        assertFalse(first.get("truncated").asBoolean(), "exactly MAX_TOKENS tokens: whole");
        assertTrue(second.get("truncated").isBoolean() && second.get("truncated").asBoolean(),
                "MAX_TOKENS + 1 tokens: \"truncated\": true");
        assertTrue(lines.get(1).contains("\"truncated\":true"), lines.get(1));
        assertEquals(over, second.get("text").asText(), "the whole sentence is reported");
        assertEquals(over.length(), second.get("end").asInt() - second.get("start").asInt());
        assertTrue(second.get("stances").size() >= 2, "stances toward the actors in the window: " + lines.get(1));
    }
}
