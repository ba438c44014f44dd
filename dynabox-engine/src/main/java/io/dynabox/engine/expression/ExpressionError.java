package io.dynabox.engine.expression;

/**
 * A problem with an expression, in the service's words but without the
 * {@code Invalid <Member>: } prefix, which depends on the request member the text came from.
 */
public final class ExpressionError extends RuntimeException {
    public ExpressionError(String message) {
        super(message, null, false, false);
    }
}
