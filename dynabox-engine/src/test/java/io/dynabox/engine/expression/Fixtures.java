package io.dynabox.engine.expression;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.wire.AttributeValues;
import io.dynabox.engine.wire.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Helpers for the expression tables: items and requests written as DynamoDB JSON with single quotes. */
final class Fixtures {
    private Fixtures() {}

    static JsonNode json(String text) {
        try {
            return Json.parse(text.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static Map<String, AttributeValue> item(String text) {
        return AttributeValues.readItem(json(text));
    }

    static String text(Map<String, AttributeValue> item) {
        return new String(Json.write(AttributeValues.writeItem(item)), StandardCharsets.UTF_8).replace('"', '\'');
    }

    /** The placeholders of a request given as {names}, {values} JSON (either may be empty text). */
    static ExpressionAttributes attributes(String names, String values) {
        StringBuilder request = new StringBuilder("{");
        if (!names.isEmpty()) request.append("'ExpressionAttributeNames':").append(names);
        if (!values.isEmpty()) request.append(names.isEmpty() ? "" : ",").append("'ExpressionAttributeValues':").append(values);
        return ExpressionAttributes.of(json(request.append('}').toString()));
    }
}
