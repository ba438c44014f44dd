package io.dynabox.engine.partiql;

import io.dynabox.engine.error.DynamoException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The entry to PartiQL for the actions: statements parsed once per distinct text (or their
 * error, remembered the same way), like the expression cache; a problem answers as the
 * service's ValidationException.
 */
public final class Statements {
    private static final int CACHE_LIMIT = 10_000;
    private static final ConcurrentHashMap<String, Object> CACHE = new ConcurrentHashMap<>();

    private Statements() {}

    public static Statement parse(String text) {
        Object cached = CACHE.get(text);
        if (cached == null) {
            try {
                cached = Parser.parse(text);
            } catch (PartiqlError e) {
                cached = e;
            }
            if (CACHE.size() >= CACHE_LIMIT) CACHE.clear();
            CACHE.put(text, cached);
        }
        if (cached instanceof PartiqlError e) throw validation(e);
        return (Statement) cached;
    }

    /** The ValidationException for a problem found binding or planning a statement. */
    public static DynamoException validation(PartiqlError e) {
        return DynamoException.validation(e.getMessage(), e.explanation());
    }
}
