package io.dynabox.engine.table;

import java.util.List;

/** Which attributes an index holds: KEYS_ONLY, INCLUDE (with NonKeyAttributes) or ALL. */
public record Projection(String type, List<String> nonKeyAttributes) {
    public static final String ALL = "ALL";
    public static final String KEYS_ONLY = "KEYS_ONLY";
    public static final String INCLUDE = "INCLUDE";

    public Projection {
        nonKeyAttributes = nonKeyAttributes == null ? null : List.copyOf(nonKeyAttributes);
    }
}
