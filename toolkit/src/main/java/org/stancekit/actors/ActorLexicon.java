package org.stancekit.actors;

import org.stancekit.BadInputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The actor lexicon: an editable TSV ({@code id, kind, aliases, demonyms, leaders}, optionally a sixth column
 * {@code anaphors}; lists separated by {@code |}; {@code #} comments). Immutable once loaded. The original text is kept so that a model bundle stores the exact file it
 * was built with.
 */
public final class ActorLexicon {
    /** Where the default lexicon lives inside the jar. */
    public static final String DEFAULT_RESOURCE = "actors.tsv";
    static final String HEADER = "id\tkind\taliases\tdemonyms\tleaders";
    /** The header of a lexicon with the optional sixth column. */
    static final String HEADER_WITH_ANAPHORS = HEADER + "\tanaphors";

    private final List<Actor> actors;
    private final Map<String, Actor> byId;
    private final String source;
    private final String text;

    private ActorLexicon(List<Actor> actors, String source, String text) {
        this.actors = List.copyOf(actors);
        Map<String, Actor> map = new LinkedHashMap<>();
        for (Actor a : actors) map.put(a.id(), a);
        this.byId = Collections.unmodifiableMap(map);
        this.source = source;
        this.text = text;
    }

    /** The lexicon that ships with StanceKit. */
    public static ActorLexicon loadDefault() {
        try (InputStream in = ActorLexicon.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) throw new IllegalStateException("default actor lexicon missing from the jar");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "default actors.tsv");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the default actor lexicon", e);
        }
    }

    /** Reads a lexicon file (UTF-8). */
    public static ActorLexicon load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": actor lexicon not found");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read actor lexicon: " + e.getMessage());
        }
        String content;
        try {
            content = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException(file + ": actor lexicon is not valid UTF-8; save it as UTF-8");
        }
        return parse(content, file.toString());
    }

    /** Parses lexicon text; {@code source} names it in error messages. */
    public static ActorLexicon parse(String content, String source) {
        if (!content.isEmpty() && content.charAt(0) == '\uFEFF') content = content.substring(1);
        List<Actor> actors = new ArrayList<>();
        Map<String, Integer> idRows = new HashMap<>();
        String[] lines = content.split("\r?\n", -1);
        boolean headerSeen = false;
        int columns = 5;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int row = i + 1;
            if (line.isBlank() || line.startsWith("#")) continue;
            if (!headerSeen) {
                String header = line.strip();
                if (!header.equals(HEADER) && !header.equals(HEADER_WITH_ANAPHORS)) {
                    throw BadInputException.at(source, row, null, "expected the header line '"
                            + HEADER.replace("\t", "<TAB>") + "' (optionally followed by <TAB>anaphors)");
                }
                columns = header.equals(HEADER) ? 5 : 6;
                headerSeen = true;
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length != columns) {
                throw BadInputException.at(source, row, null,
                        "expected " + columns + " tab-separated columns, found " + cols.length);
            }
            String id = cols[0].strip();
            if (id.isEmpty()) throw BadInputException.at(source, row, "id", "empty actor id");
            Integer previous = idRows.putIfAbsent(id, row);
            if (previous != null) {
                throw BadInputException.at(source, row, "id", "actor '" + id + "' already defined on line " + previous);
            }
            Actor.Kind kind;
            try {
                kind = Actor.Kind.valueOf(cols[1].strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw BadInputException.at(source, row, "kind", "unknown kind '" + cols[1].strip()
                        + "'; use state, organisation, person, group, party or ignore");
            }
            actors.add(new Actor(id, kind, list(cols[2]), list(cols[3]), list(cols[4]),
                    columns == 6 ? list(cols[5]) : List.of()));
        }
        if (!headerSeen) throw BadInputException.at(source, 0, null, "no header line and no actors");
        return new ActorLexicon(actors, source, content);
    }

    /** A lexicon built in code (for tests and library users). */
    public static ActorLexicon of(List<Actor> actors) {
        boolean anaphors = actors.stream().anyMatch(a -> !a.anaphors().isEmpty());
        StringBuilder sb = new StringBuilder(anaphors ? HEADER_WITH_ANAPHORS : HEADER).append('\n');
        for (Actor a : actors) {
            sb.append(a.id()).append('\t').append(a.kind().label()).append('\t').append(String.join("|", a.aliases()))
                    .append('\t').append(String.join("|", a.demonyms())).append('\t')
                    .append(String.join("|", a.leaders()));
            if (anaphors) sb.append('\t').append(String.join("|", a.anaphors()));
            sb.append('\n');
        }
        return parse(sb.toString(), "lexicon built in code");
    }

    private static List<String> list(String column) {
        if (column.isBlank()) return List.of();
        return Arrays.stream(column.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** All actors, in file order, including {@code ignore} rows. */
    public List<Actor> actors() {
        return actors;
    }

    /** Actors that can be mentioned (every kind but {@code ignore}). */
    public List<Actor> namedActors() {
        return actors.stream().filter(a -> a.kind() != Actor.Kind.IGNORE).toList();
    }

    public Actor get(String id) {
        return byId.get(id);
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** Where it was read from. */
    public String source() {
        return source;
    }

    /** The exact text it was parsed from, to store in a bundle. */
    public String text() {
        return text;
    }
}
