package io.dynabox.engine.operation.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.wire.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A resource policy's document in the service's canonical form, as GetResourcePolicy returns it
 * (observed in 2026): minified, members in a fixed order, a Statement object as a list of one,
 * one-element Action and Resource lists as strings, an account id as a principal as the account's
 * root ARN, the effect capitalised. Two documents that read the same are one policy: putting
 * the other is no change. A document without Version reads back with the default one.
 */
public final class PolicyDocuments {
    private static final List<String> TOP_ORDER = List.of("Version", "Id", "Statement");
    private static final List<String> STATEMENT_ORDER = List.of("Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction",
            "Resource", "NotResource", "Condition");
    private static final Set<String> LISTS_OF_ONE = Set.of("Action", "NotAction", "Resource", "NotResource");
    /** The policy language's version a document without one is read with. */
    private static final String DEFAULT_VERSION = "2008-10-17";

    private PolicyDocuments() {}

    /** The canonical form of a document already checked to be a JSON object, without a default Version. */
    public static String canonical(String document) {
        JsonNode parsed;
        try {
            parsed = Json.MAPPER.readTree(document);
        } catch (Exception e) {
            return document; // a document kept by an earlier build and no longer readable is returned as kept
        }
        if (parsed == null || !parsed.isObject()) return document;
        ObjectNode top = ordered((ObjectNode) parsed, TOP_ORDER);
        JsonNode statement = top.get("Statement");
        if (statement != null && statement.isObject()) top.set("Statement", Json.MAPPER.createArrayNode().add(statement));
        if (top.get("Statement") instanceof ArrayNode statements) {
            for (int i = 0; i < statements.size(); i++) {
                if (statements.get(i) instanceof ObjectNode one) statements.set(i, canonicalStatement(one));
            }
        }
        return new String(Json.write(top), StandardCharsets.UTF_8);
    }

    /** The document as GetResourcePolicy answers it. */
    static String asRead(String stored) {
        String canonical = canonical(stored);
        if (canonical.startsWith("{\"Version\"") || !canonical.startsWith("{")) return canonical;
        return canonical.equals("{}") ? "{\"Version\":\"" + DEFAULT_VERSION + "\"}"
                : "{\"Version\":\"" + DEFAULT_VERSION + "\"," + canonical.substring(1);
    }

    private static ObjectNode canonicalStatement(ObjectNode statement) {
        ObjectNode node = ordered(statement, STATEMENT_ORDER);
        JsonNode effect = node.get("Effect");
        if (effect != null && effect.isTextual()) {
            String text = effect.textValue();
            if (text.equalsIgnoreCase("allow")) node.put("Effect", "Allow");
            else if (text.equalsIgnoreCase("deny")) node.put("Effect", "Deny");
        }
        for (String member : LISTS_OF_ONE) {
            JsonNode value = node.get(member);
            if (value != null && value.isArray() && value.size() == 1) node.set(member, value.get(0));
        }
        for (String member : List.of("Principal", "NotPrincipal")) {
            if (node.get(member) instanceof ObjectNode principals) node.set(member, canonicalPrincipals(principals));
        }
        return node;
    }

    private static ObjectNode canonicalPrincipals(ObjectNode principals) {
        ObjectNode node = Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = principals.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            boolean aws = entry.getKey().equals("AWS");
            Set<JsonNode> values = new LinkedHashSet<>();
            for (JsonNode value : entry.getValue().isArray() ? entry.getValue() : Json.MAPPER.createArrayNode().add(entry.getValue())) {
                values.add(aws && value.isTextual() && value.textValue().matches("\\d{12}")
                        ? Json.MAPPER.getNodeFactory().textNode("arn:aws:iam::" + value.textValue() + ":root") : value);
            }
            if (values.size() == 1) {
                node.set(entry.getKey(), values.iterator().next());
            } else {
                ArrayNode list = node.putArray(entry.getKey());
                values.forEach(list::add);
            }
        }
        return node;
    }

    /** The object's members with {@code order}'s first, in that order, then the others as they came. */
    private static ObjectNode ordered(ObjectNode object, List<String> order) {
        ObjectNode node = Json.object();
        for (String member : order) if (object.has(member)) node.set(member, object.get(member));
        List<String> rest = new ArrayList<>();
        object.fieldNames().forEachRemaining(rest::add);
        for (String member : rest) if (!order.contains(member)) node.set(member, object.get(member));
        return node;
    }
}
