package io.dynabox.engine.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How the service shows an offending value inside {@code Value '…' at '…'}: the Java
 * {@code toString} of its own request objects. Strings appear raw, lists as {@code [a, b]},
 * maps as {@code {k=v}}, structures as {@code Shape(member=value, …)}.
 */
final class ValueText {
    private ValueText() {}

    static String render(JsonNode value, ShapeValidator.Shape shape, Function<String, ShapeValidator.Shape> shapes) {
        if (value == null || value.isNull()) return "null";
        if (value.isTextual()) return value.textValue();
        if (value.isNumber()) {
            boolean integral = shape != null && (shape.type.equals("integer") || shape.type.equals("long"));
            return integral ? value.decimalValue().toBigInteger().toString() : value.asText();
        }
        if (value.isBoolean()) return String.valueOf(value.booleanValue());
        if (value.isArray()) {
            ShapeValidator.Shape member = shape != null && shape.member != null ? shapes.apply(shape.member) : null;
            List<String> parts = new ArrayList<>();
            for (JsonNode element : value) parts.add(render(element, member, shapes));
            return "[" + String.join(", ", parts) + "]";
        }
        if (shape != null && shape.type.equals("structure")) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, String> member : shape.members.entrySet()) {
                parts.add(ShapeValidator.camel(member.getKey()) + "="
                        + render(value.get(member.getKey()), shapes.apply(member.getValue()), shapes));
            }
            return shape.name + "(" + String.join(", ", parts) + ")";
        }
        ShapeValidator.Shape valueShape = shape != null && shape.value != null ? shapes.apply(shape.value) : null;
        List<String> parts = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            parts.add(field.getKey() + "=" + render(field.getValue(), valueShape, shapes));
        }
        return "{" + String.join(", ", parts) + "}";
    }
}
