package io.dynabox.engine.partiql;

/**
 * A problem with a statement, in the service's words ({@code message}), with Dynabox's
 * explanation when the service's text is terse. The entry point turns it into a
 * ValidationException.
 */
public final class PartiqlError extends RuntimeException {
    private final String explanation;

    PartiqlError(String message, String explanation) {
        super(message, null, false, false);
        this.explanation = explanation;
    }

    public String explanation() {
        return explanation;
    }

    /** The service's position suffix: {@code at line:column:length}, counted from 1. */
    static String position(String text, int offset, int length) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return " at " + line + ":" + column + ":" + length;
    }
}
