package io.dynabox.tests.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.wire.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * A seeded source of requests for the fuzz test: well-formed requests of many actions
 * against the fuzz tables, then mutated at one of three layers: the JSON tree (a member
 * removed, replaced by a value of another type, a number of a million digits, a value
 * nested hundreds deep, an expression of random tokens or deep parentheses), the body's
 * bytes (flipped, cut, spliced), or the HTTP framing itself. The same seed gives the same
 * requests.
 */
final class FuzzRequests {
    static final String HASH_TABLE = "fz_hash";
    static final String RANGE_TABLE = "fz_range";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] ACTIONS = {"GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query", "Scan", "BatchGetItem",
            "BatchWriteItem", "TransactWriteItems", "TransactGetItems", "DescribeTable", "ListTables", "UpdateTable", "CreateTable"};
    private static final String[] TOKENS = {"a", "b", "#n", "#m", ":v", ":w", "AND", "OR", "NOT", "BETWEEN", "IN", "=", "<>", "<", "<=",
            ">", ">=", "(", ")", "(", ")", ",", ".", "[", "]", "0", "7", "size", "attribute_exists", "begins_with", "contains",
            "SET", "REMOVE", "ADD", "DELETE", "+", "-", "if_not_exists", "list_append", "pk", "sk", "'", "\u00e9", "\u0000"};

    /** One request: an action (null: none) and a body, or raw bytes sent as they are instead of an HTTP request. */
    record Request(String action, byte[] body, byte[] raw, String contentType) {
        boolean framing() {
            return raw != null;
        }
    }

    private final Random random;

    FuzzRequests(long seed) {
        this.random = new Random(seed);
    }

    Request next() {
        int layer = random.nextInt(100);
        if (layer < 8) return new Request(null, null, malformedHttp(), null);
        String action = ACTIONS[random.nextInt(ACTIONS.length)];
        ObjectNode body = valid(action);
        int mutations = layer < 25 ? 0 : 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) mutate(body);
        byte[] bytes = Json.write(body);
        if (random.nextInt(100) < 12) bytes = mutateBytes(bytes);
        if (random.nextInt(100) < 3) action = random.nextBoolean() ? "NoSuchAction" : null;
        String contentType = random.nextInt(100) < 3 ? "text/plain" : "application/x-amz-json-1.0";
        return new Request(action, bytes, null, contentType);
    }

    // ---- well-formed requests

    ObjectNode valid(String action) {
        ObjectNode body = NODES.objectNode();
        boolean range = random.nextBoolean();
        String table = range ? RANGE_TABLE : HASH_TABLE;
        switch (action) {
            case "GetItem", "DeleteItem" -> {
                body.put("TableName", table).set("Key", key(range));
                if (random.nextBoolean()) body.put("ConditionExpression", "attribute_exists(pk)");
            }
            case "PutItem" -> {
                body.put("TableName", table).set("Item", item(range));
                if (random.nextBoolean()) {
                    body.put("ConditionExpression", "attribute_not_exists(pk) OR #n < :v");
                    body.putObject("ExpressionAttributeNames").put("#n", "n");
                    body.putObject("ExpressionAttributeValues").set(":v", value(2));
                }
            }
            case "UpdateItem" -> {
                body.put("TableName", table).set("Key", key(range));
                body.put("UpdateExpression", "SET #n = :v, m.x = if_not_exists(m.x, :w) ADD c :one");
                body.putObject("ExpressionAttributeNames").put("#n", "n");
                ObjectNode values = body.putObject("ExpressionAttributeValues");
                values.set(":v", value(3));
                values.set(":w", value(1));
                values.putObject(":one").put("N", "1");
                body.put("ReturnValues", "ALL_NEW");
            }
            case "Query" -> {
                body.put("TableName", RANGE_TABLE).put("KeyConditionExpression", "pk = :p AND sk BETWEEN :a AND :b");
                ObjectNode values = body.putObject("ExpressionAttributeValues");
                values.putObject(":p").put("S", "p" + random.nextInt(5));
                values.putObject(":a").put("N", "0");
                values.putObject(":b").put("N", Integer.toString(random.nextInt(100)));
                if (random.nextBoolean()) body.put("Limit", 1 + random.nextInt(20)).put("ScanIndexForward", random.nextBoolean());
            }
            case "Scan" -> {
                body.put("TableName", table);
                if (random.nextBoolean()) {
                    body.put("FilterExpression", "size(s) > :z");
                    body.putObject("ExpressionAttributeValues").putObject(":z").put("N", "2");
                }
                if (random.nextBoolean()) body.put("Segment", 0).put("TotalSegments", 2);
            }
            case "BatchGetItem" -> {
                ArrayNode keys = body.putObject("RequestItems").putObject(table).putArray("Keys");
                for (int i = 0; i < 1 + random.nextInt(5); i++) keys.add(key(range));
            }
            case "BatchWriteItem" -> {
                ArrayNode writes = body.putObject("RequestItems").putArray(table);
                for (int i = 0; i < 1 + random.nextInt(5); i++) {
                    if (random.nextBoolean()) writes.addObject().putObject("PutRequest").set("Item", item(range));
                    else writes.addObject().putObject("DeleteRequest").set("Key", key(range));
                }
            }
            case "TransactWriteItems" -> {
                ArrayNode items = body.putArray("TransactItems");
                ObjectNode put = items.addObject().putObject("Put");
                put.put("TableName", table).set("Item", item(range));
                ObjectNode check = items.addObject().putObject("ConditionCheck");
                check.put("TableName", range ? HASH_TABLE : RANGE_TABLE).set("Key", key(!range));
                check.put("ConditionExpression", "attribute_not_exists(zz)");
            }
            case "TransactGetItems" -> {
                ObjectNode get = body.putArray("TransactItems").addObject().putObject("Get");
                get.put("TableName", table).set("Key", key(range));
            }
            case "DescribeTable" -> body.put("TableName", table);
            case "ListTables" -> body.put("Limit", 1 + random.nextInt(10));
            case "UpdateTable" -> body.put("TableName", table).put("BillingMode", "PAY_PER_REQUEST");
            case "CreateTable" -> { // the fuzz tables exist: a well-formed CreateTable is refused as in use
                body.put("TableName", table).put("BillingMode", "PAY_PER_REQUEST");
                body.putArray("KeySchema").addObject().put("AttributeName", "pk").put("KeyType", "HASH");
                body.putArray("AttributeDefinitions").addObject().put("AttributeName", "pk").put("AttributeType", "S");
            }
            default -> throw new IllegalArgumentException(action);
        }
        return body;
    }

    private ObjectNode key(boolean range) {
        ObjectNode key = NODES.objectNode();
        key.putObject("pk").put("S", "p" + random.nextInt(5));
        if (range) key.putObject("sk").put("N", Integer.toString(random.nextInt(100)));
        return key;
    }

    private ObjectNode item(boolean range) {
        ObjectNode item = key(range);
        for (int i = 0; i < random.nextInt(4); i++) item.set("a" + random.nextInt(6), value(3));
        return item;
    }

    /** A well-formed attribute value, nested at most {@code depth} levels. */
    private ObjectNode value(int depth) {
        ObjectNode value = NODES.objectNode();
        switch (random.nextInt(depth > 0 ? 10 : 7)) {
            case 0 -> value.put("S", randomText(random.nextInt(20)));
            case 1 -> value.put("N", Integer.toString(random.nextInt(2000) - 1000));
            case 2 -> value.put("B", "AQID");
            case 3 -> value.put("BOOL", random.nextBoolean());
            case 4 -> value.put("NULL", true);
            case 5 -> value.putArray("SS").add("x").add("y" + random.nextInt(9));
            case 6 -> value.putArray("NS").add("1").add("2." + random.nextInt(9));
            case 7, 8 -> value.putObject("M").set("k" + random.nextInt(3), value(depth - 1));
            default -> value.putArray("L").add(value(depth - 1)).add(value(depth - 1));
        }
        return value;
    }

    // ---- mutations of the JSON tree

    private void mutate(ObjectNode body) {
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(body, objects);
        ObjectNode target = objects.get(random.nextInt(objects.size()));
        List<String> names = new ArrayList<>();
        target.fieldNames().forEachRemaining(names::add);
        String name = names.isEmpty() || random.nextInt(8) == 0 ? randomMemberName() : names.get(random.nextInt(names.size()));
        switch (random.nextInt(10)) {
            case 0 -> target.remove(name);
            case 1, 2 -> target.set(name, hostileValue());
            case 3 -> target.set(name, hostileAttributeValue());
            case 4 -> target.put(name, hostileExpression());
            case 5 -> target.put(name, hostileNumberText());
            case 6 -> target.set(name, nested(1 + random.nextInt(random.nextBoolean() ? 40 : 400)));
            case 7 -> target.put(name, randomText(random.nextInt(random.nextInt(10) == 0 ? 5000 : 50)));
            case 8 -> target.put(name, random.nextLong());
            default -> {
                JsonNode old = target.get(name);
                if (old != null && old.isArray() && old.size() > 0) target.set(name, NODES.arrayNode().add(old).add(old));
                else target.putArray(name);
            }
        }
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> into) {
        if (node.isObject()) into.add((ObjectNode) node);
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) collectObjects(it.next(), into);
    }

    private String randomMemberName() {
        String[] names = {"TableName", "Key", "Item", "S", "N", "M", "L", "SS", "NS", "BS", "B", "NULL", "BOOL", "Limit",
                "ConditionExpression", "FilterExpression", "UpdateExpression", "KeyConditionExpression", "ProjectionExpression",
                "ExpressionAttributeNames", "ExpressionAttributeValues", "ExclusiveStartKey", "Segment", "TotalSegments",
                "ReturnValues", "ReturnConsumedCapacity", "Select", "IndexName", "ConsistentRead", "pk", "sk", ":v", "#n"};
        return names[random.nextInt(names.length)];
    }

    private JsonNode hostileValue() {
        return switch (random.nextInt(9)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(new java.math.BigDecimal(random.nextInt(10) + "e" + (random.nextInt(3) == 0 ? 999999999 : random.nextInt(400))));
            case 3 -> NODES.numberNode(-random.nextInt(5));
            case 4 -> NODES.textNode("");
            case 5 -> NODES.arrayNode().add(randomText(3)).add(randomText(3));
            case 6 -> NODES.objectNode().put("S", randomText(3)).put("N", "1");
            case 7 -> NODES.objectNode();
            default -> NODES.textNode(randomText(random.nextInt(300)));
        };
    }

    private JsonNode hostileAttributeValue() {
        ObjectNode value = NODES.objectNode();
        switch (random.nextInt(8)) {
            case 0 -> value.put("N", hostileNumberText());
            case 1 -> value.putArray("NS").add("1").add("1.0");
            case 2 -> value.putArray("SS");
            case 3 -> value.put("B", "not base64!");
            case 4 -> value.put("NULL", false);
            case 5 -> value.put("S", "x").put("N", "1");
            case 6 -> value.put("N", "1".repeat(random.nextInt(3) == 0 ? 1_000_000 : 40));
            default -> {
                ObjectNode inner = value;
                for (int i = 0; i < 30 + random.nextInt(10); i++) inner = inner.putObject("M").putObject("k");
                inner.put("S", "deep");
            }
        }
        return value;
    }

    private String hostileNumberText() {
        return switch (random.nextInt(8)) {
            case 0 -> "1e" + random.nextInt(300);
            case 1 -> "-0." + "0".repeat(random.nextInt(200)) + "1";
            case 2 -> "9".repeat(1 + random.nextInt(60));
            case 3 -> "1e9223372036854775808";
            case 4 -> " 1";
            case 5 -> "0x1F";
            case 6 -> "9".repeat(random.nextInt(5) == 0 ? 200_000 : 1000) + "e-5";
            default -> Double.toString(random.nextGaussian() * 1e10);
        };
    }

    private String hostileExpression() {
        return switch (random.nextInt(5)) {
            case 0 -> "(".repeat(2000) + "a = b" + ")".repeat(2000);
            case 1 -> "NOT ".repeat(1 + random.nextInt(1000)) + "a = :v";
            case 2 -> "(a = :v AND ".repeat(1 + random.nextInt(400)) + "a = :v" + ")".repeat(random.nextInt(400));
            default -> {
                StringBuilder expression = new StringBuilder();
                int tokens = random.nextInt(random.nextInt(10) == 0 ? 2000 : 30);
                for (int i = 0; i < tokens; i++) expression.append(TOKENS[random.nextInt(TOKENS.length)]).append(random.nextBoolean() ? " " : "");
                yield expression.toString();
            }
        };
    }

    private JsonNode nested(int depth) {
        JsonNode node = NODES.textNode("x");
        for (int i = 0; i < depth; i++) node = random.nextBoolean() ? NODES.arrayNode().add(node) : NODES.objectNode().set("M", node);
        return node;
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(20);
            text.append(kind == 0 ? (char) (0xD800 + random.nextInt(0x800)) : kind == 1 ? (char) random.nextInt(32)
                    : kind == 2 ? (char) (0x80 + random.nextInt(0x7000)) : (char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    // ---- mutations of the bytes and of the framing

    private byte[] mutateBytes(byte[] bytes) {
        byte[] result = bytes.clone();
        switch (random.nextInt(4)) {
            case 0 -> {
                for (int i = 0; i < 1 + random.nextInt(5) && result.length > 0; i++) result[random.nextInt(result.length)] = (byte) random.nextInt(256);
            }
            case 1 -> result = java.util.Arrays.copyOf(result, random.nextInt(result.length + 1));
            case 2 -> {
                byte[] junk = new byte[1 + random.nextInt(20)];
                random.nextBytes(junk);
                int at = random.nextInt(result.length + 1);
                byte[] spliced = new byte[result.length + junk.length];
                System.arraycopy(result, 0, spliced, 0, at);
                System.arraycopy(junk, 0, spliced, at, junk.length);
                System.arraycopy(result, at, spliced, at + junk.length, result.length - at);
                result = spliced;
            }
            default -> result = ("[" + new String(result, StandardCharsets.UTF_8) + "]").getBytes(StandardCharsets.UTF_8);
        }
        return result;
    }

    private byte[] malformedHttp() {
        String post = "POST / HTTP/1.1\r\nHost: x\r\n";
        String[] frames = {
                "HELLO WORLD\r\n\r\n",
                post + "Content-Length: abc\r\n\r\n",
                post + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
                post + "nocolon\r\nContent-Length: 2\r\n\r\n{}",
                post + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
                post + "X-Big: " + "a".repeat(9000) + "\r\n\r\n",
                "GET /" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
                post + "Content-Length: -1\r\n\r\n",
                "POST / HTTP/9.9\r\nHost: x\r\nContent-Length: 0\r\n\r\n",
                "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u01fc\u0003\u0003\r\n\r\n"};
        return frames[random.nextInt(frames.length)].getBytes(StandardCharsets.ISO_8859_1);
    }
}
