package io.dynabox.engine.expression;

import io.dynabox.engine.error.DynamoException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The entry to the expression language for the operations: parse (cached by text), bind to
 * the request's placeholders, and answer problems as {@code Invalid <Member>: …}.
 * {@code member} is the request member the text came from (ConditionExpression,
 * FilterExpression, KeyConditionExpression, UpdateExpression, ProjectionExpression).
 */
public final class Expressions {
    public static final int MAX_EXPRESSION_BYTES = 4096;
    private static final int CACHE_LIMIT = 10_000;
    /** Parsed trees (or their syntax errors) by kind and text: parsing is done once per distinct text. */
    private static final ConcurrentHashMap<String, Object> CACHE = new ConcurrentHashMap<>();

    private Expressions() {}

    public static Condition condition(String member, String text, ExpressionAttributes attributes) {
        Parser.Parsed<Condition> parsed = parse(member, 'C', text, Parser::condition);
        return bind(member, () -> Binder.condition(parsed, attributes));
    }

    public static UpdateExpression update(String text, ExpressionAttributes attributes) {
        String member = "UpdateExpression";
        Parser.Parsed<UpdateExpression> parsed = parse(member, 'U', text, Parser::update);
        return bind(member, () -> Binder.update(parsed, attributes));
    }

    public static List<DocumentPath> projection(String text, ExpressionAttributes attributes) {
        String member = "ProjectionExpression";
        Parser.Parsed<List<DocumentPath>> parsed = parse(member, 'P', text, Parser::projection);
        return bind(member, () -> Binder.projection(parsed, attributes));
    }

    @SuppressWarnings("unchecked")
    private static <T> Parser.Parsed<T> parse(String member, char kind, String text, Function<String, Parser.Parsed<T>> parser) {
        if (text.isEmpty()) throw invalid(member, "The expression can not be empty;");
        int bytes = text.length() > MAX_EXPRESSION_BYTES / 3 ? text.getBytes(StandardCharsets.UTF_8).length : text.length();
        if (bytes > MAX_EXPRESSION_BYTES) {
            throw invalid(member, "Expression size has exceeded the maximum allowed size; expression size: " + bytes);
        }
        String key = kind + text;
        Object cached = CACHE.get(key);
        if (cached == null) {
            try {
                cached = parser.apply(text);
            } catch (ExpressionError e) {
                cached = e;
            }
            if (CACHE.size() >= CACHE_LIMIT) CACHE.clear();
            CACHE.put(key, cached);
        }
        if (cached instanceof ExpressionError e) throw invalid(member, e.getMessage());
        return (Parser.Parsed<T>) cached;
    }

    private static <T> T bind(String member, java.util.function.Supplier<T> binding) {
        try {
            return binding.get();
        } catch (ExpressionError e) {
            throw invalid(member, e.getMessage());
        }
    }

    private static DynamoException invalid(String member, String message) {
        return DynamoException.validation("Invalid " + member + ": " + message);
    }
}
