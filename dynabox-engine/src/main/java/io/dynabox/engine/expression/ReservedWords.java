package io.dynabox.engine.expression;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service's reserved words (the developer guide's list of 573, in reserved-words.txt),
 * which may not be used bare as attribute names in expressions; case does not matter.
 */
public final class ReservedWords {
    private static final Set<String> WORDS = load();
    /** Names already judged, so the hot path does not upper-case each one again. */
    private static final Map<String, Boolean> ANSWERS = new ConcurrentHashMap<>();
    private static final int MAX_ANSWERS = 10_000;

    private ReservedWords() {}

    public static boolean isReserved(String name) {
        // names come from cached parses, so the same strings recur: their answers are kept (up to a bound)
        Boolean known = ANSWERS.get(name);
        if (known != null) return known;
        // the service's parser reads "size" as the function's keyword, so it passes as a name (DynamoDB Local agrees)
        boolean reserved = WORDS.contains(name.toUpperCase(Locale.ROOT)) && !name.equalsIgnoreCase("SIZE");
        if (ANSWERS.size() < MAX_ANSWERS) ANSWERS.put(name, reserved);
        return reserved;
    }

    public static int count() {
        return WORDS.size();
    }

    private static Set<String> load() {
        try (InputStream in = ReservedWords.class.getResourceAsStream("reserved-words.txt")) {
            Set<String> words = new HashSet<>();
            for (String word : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\\s+")) {
                if (!word.isEmpty()) words.add(word);
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
