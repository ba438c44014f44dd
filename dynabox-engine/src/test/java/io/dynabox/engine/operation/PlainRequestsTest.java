package io.dynabox.engine.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.capacity.ConsumedCapacity;
import io.dynabox.engine.expression.ExpressionAttributes;
import io.dynabox.engine.operation.PlainOperation.PlainRequest;
import io.dynabox.engine.store.ItemJson;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.ItemSize;
import io.dynabox.engine.wire.AttributeValues;
import io.dynabox.engine.wire.PlainRequests;
import io.dynabox.engine.wire.ShapeValidator;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Request bodies → whether the streamed path reads them (plain) or leaves them to the tree
 * path (tree); what it reads, it reads as the tree path does, and only requests the service
 * model's shapes accept.
 */
class PlainRequestsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"TableName":"t_1.x-y","Key":{"pk":{"S":"a"}}}                                                      | plain
            {"Key":{"pk":{"N":"1e3"},"sk":{"B":"AAE="}},"TableName":"abc","ConsistentRead":true}                 | plain
            {"TableName":"abc","Key":{"pk":{"S":""}},"ReturnConsumedCapacity":"INDEXES","ConsistentRead":false}  | plain
            {"TableName":"abc","Key":{}}                                                                         | plain
            {"TableName":"abc","Key":{"pk":{"S":"a"}},"ReturnConsumedCapacity":"ALL"}                          | tree
            {"TableName":"ab","Key":{"pk":{"S":"a"}}}                                                            | tree
            {"TableName":"a/b","Key":{"pk":{"S":"a"}}}                                                           | tree
            {"TableName":"arn:aws:dynamodb:us-east-1:000000000000:table/abc","Key":{"pk":{"S":"a"}}}             | tree
            {"TableName":"abc"}                                                                                  | tree
            {"Key":{"pk":{"S":"a"}}}                                                                             | tree
            {"TableName":"abc","Key":{"pk":{"S":"a"}},"ProjectionExpression":"pk"}                             | tree
            {"TableName":"abc","Key":{"pk":{"S":"a"}},"ConsistentRead":null}                                   | tree
            {"TableName":"abc","Key":{"pk":{"S":"a"}},"ConsistentRead":"true"}                                 | tree
            {"TableName":"abc","Key":{"pk":{"S":"a"}},"TableName":"abd"}                                       | tree
            {"TableName":"abc","Key":{"pk":{"S":"a"},"pk":{"S":"b"}}}                                          | tree
            {"TableName":"abc","Key":{"pk":{"S":"a","N":"1"}}}                                                 | tree
            {"TableName":"abc","Key":{"pk":{"S":"a","X":"1"}}}                                                 | tree
            {"TableName":"abc","Key":{"pk":{}}}                                                                | tree
            {"TableName":"abc","Key":{"pk":null}}                                                              | tree
            {"TableName":"abc","Key":{"pk":{"S":null}}}                                                        | tree
            {"TableName":"abc","Key":{"pk":{"N":"1x"}}}                                                        | tree
            {"TableName":"abc","Key":{"pk":{"B":"AAE"}}}                                                       | tree
            {"TableName":"abc","Key":{"pk":{"S":1}}}                                                           | tree
            {"TableName":"abc","Key":{"pk":{"S":"a"}}} {}                                                      | tree
            {"TableName":"abc","Key":{"pk":{"S":"a"}}                                                          | tree
            [{"TableName":"abc","Key":{"pk":{"S":"a"}}}]                                                       | tree
            """)
    void getItem(String body, String path) {
        PlainRequest plain = read(new GetItem(), body);
        if (path.equals("tree")) {
            assertThat(plain).isNull();
            return;
        }
        JsonNode tree = validTree("GetItem", body);
        GetItem.Plain read = (GetItem.Plain) plain;
        assertThat(read.tableName).isEqualTo(tree.get("TableName").textValue());
        assertThat(read.key).isEqualTo(AttributeValues.readItem(tree.get("Key")));
        assertThat(read.consistent).isEqualTo(tree.path("ConsistentRead").asBoolean(false));
        assertThat(read.detail).isEqualTo(ConsumedCapacity.Detail.of(tree));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"TableName":"abc","Item":{"pk":{"S":"a"},"n":{"N":"-0.50"},"b":{"BOOL":false},"z":{"NULL":true}}}             | plain
            {"TableName":"abc","Item":{"pk":{"S":"a"},"l":{"L":[{"S":"x"},{"M":{"k":{"NS":["1","2"]}}},{"L":[]}]}}}   | plain
            {"TableName":"abc","Item":{"ss":{"SS":["a","b"]},"bs":{"BS":["AA==","AQ=="]},"m":{"M":{}}},"ReturnValues":"ALL_OLD"} | plain
            {"TableName":"abc","Item":{"pk":{"S":"a"}},"ReturnValues":"NONE","ReturnItemCollectionMetrics":"SIZE","ReturnConsumedCapacity":"TOTAL"} | plain
            {"TableName":"abc","Item":{"pk":{"S":"a"}},"ReturnValues":"ALL_NEW"}                                           | tree
            {"TableName":"abc","Item":{"pk":{"S":"a"}},"ConditionExpression":"attribute_not_exists(pk)"}                 | plain
            {"TableName":"abc","Item":{"pk":{"S":"a"}},"Expected":{}}                                                      | tree
            {"TableName":"abc","Item":{"ss":{"SS":["a","a"]}}}                                                           | tree
            {"TableName":"abc","Item":{"ns":{"NS":["1","1.0"]}}}                                                         | tree
            {"TableName":"abc","Item":{"ss":{"SS":[]}}}                                                                  | tree
            {"TableName":"abc","Item":{"ss":{"SS":["a",null]}}}                                                          | tree
            {"TableName":"abc","Item":{"z":{"NULL":false}}}                                                              | tree
            {"TableName":"abc","Item":{"l":{"L":[null]}}}                                                                | tree
            {"TableName":"abc","Item":{"m":{"M":{"a":null}}}}                                                            | tree
            {"TableName":"abc","Item":{"m":{"M":{"a":{"S":"x"},"a":{"S":"y"}}}}}                                         | tree
            {"TableName":"abc","Item":{"n":{"N":"1e126"}}}                                                               | tree
            """)
    void putItem(String body, String path) {
        PlainRequest plain = read(new PutItem(), body);
        if (path.equals("tree")) {
            assertThat(plain).isNull();
            return;
        }
        JsonNode tree = validTree("PutItem", body);
        PutItem.Plain read = (PutItem.Plain) plain;
        assertThat(read.tableName).isEqualTo(tree.get("TableName").textValue());
        Map<String, AttributeValue> item = AttributeValues.readItem(tree.get("Item"));
        assertThat(read.item).isEqualTo(item);
        assertThat(new String(read.item.json(), StandardCharsets.UTF_8)).isEqualTo(new String(ItemJson.encode(item), StandardCharsets.UTF_8));
        assertThat(read.item.itemSize()).isEqualTo(ItemSize.of(item));
        assertThat(read.returnOld).isEqualTo(tree.path("ReturnValues").asText("NONE").equals("ALL_OLD"));
        assertThat(read.metricsWanted).isEqualTo(tree.path("ReturnItemCollectionMetrics").asText("NONE").equals("SIZE"));
        assertThat(read.detail).isEqualTo(ConsumedCapacity.Detail.of(tree));
        assertThat(read.condition.condition(read.condition.attributes())).isEqualTo(Conditions.of(tree, ExpressionAttributes.of(tree)));
    }

    /**
     * A PutItem's strings: those whose UTF-8 the store keeps as it is are copied from the request,
     * the others decoded and written as the store writes any; either way the stored form is
     * byte for byte the store's encoding of the values the tree path reads, and so are the size
     * and every value looked up (each string on its own, then all at once).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ``
            plain ASCII with spaces, / and ~ and DEL \u007f
            é and ß (two bytes), € and 中文 and \uffff (three bytes)
            😀 outside the BMP (a surrogate pair, escaped in the store)
            an escaped quote \\" and backslash \\\\ and slash \\/
            an escaped newline \\n and tab \\t and \\u0001 and \\u00e9 and \\ud83d\\ude00
            a lone surrogate \\ud800 and \\udfff
            \\u0041 spelled as an escape
            """)
    void putItemStringsAreStoredAsTheStoreWritesThem(String text) {
        String body = "{\"TableName\":\"abc\",\"Item\":{\"pk\":{\"S\":\"" + text + "\"},\"n\":{\"N\":\"1.50\"},"
                // as a name after a letter: a name of no characters is refused
                + "\"k" + text + "\":{\"S\":\"" + text + "\"},\"m\":{\"M\":{\"in\":{\"S\":\"" + text + "\"}}},\"tail\":{\"S\":\"x" + text + "\"}}}";
        JsonNode tree = validTree("PutItem", body);
        Map<String, AttributeValue> item = AttributeValues.readItem(tree.get("Item"));
        NewItem read = ((PutItem.Plain) read(new PutItem(), body)).item;
        assertThat(read.json()).isEqualTo(ItemJson.encode(item));
        assertThat(read.itemSize()).isEqualTo(ItemSize.of(item));
        for (String name : item.keySet()) assertThat(read.get(name)).as(name).isEqualTo(item.get(name));
        assertThat(((PutItem.Plain) read(new PutItem(), body)).item).isEqualTo(item).containsExactlyEntriesOf(item);
    }

    /** White space between the tokens (pretty-printed JSON): strings are still copied from where they are. */
    @org.junit.jupiter.api.Test
    void putItemStringsAreFoundBetweenWhiteSpace() {
        String body = "{ \"TableName\" : \"abc\" ,\n \"Item\" : {\n  \"pk\" : { \"S\" :  \"k é 1\" } ,\t\"d\":{\"S\"\n:\r\n\"x y\\u0041\"} ,"
                + " \"e\": {\"S\":\"plain\" } , \"n\" : { \"N\" : \"1.50\" } \n }\n}";
        Map<String, AttributeValue> item = AttributeValues.readItem(validTree("PutItem", body).get("Item"));
        NewItem read = ((PutItem.Plain) read(new PutItem(), body)).item;
        assertThat(read.json()).isEqualTo(ItemJson.encode(item));
        assertThat(read.itemSize()).isEqualTo(ItemSize.of(item));
        assertThat(read).isEqualTo(item);
    }

    /**
     * A string's end is found eight bytes at a time: each kind of byte at every place in and
     * across those words. {@code plainBytes}: how many bytes the character takes when the
     * string stays plain; 0 where it ends the string; -1 where the string is not plain.
     */
    @ParameterizedTest
    @CsvSource({"22, 0", "5c, -1", "01, -1", "1f, -1", "20, 1", "7e, 1", "7f, 1", "e9, 2", "20ac, 3", "1f600, -1"})
    void plainStringEndsAtItsQuoteAtAnyPlace(String codePoint, int plainBytes) {
        String character = Character.toString(Integer.parseInt(codePoint, 16));
        for (int at = 0; at < 24; at++) {
            byte[] body = ("\"" + "x".repeat(at) + character + "yyyy\"tail").getBytes(StandardCharsets.UTF_8);
            int end = plainBytes < 0 ? -1 : plainBytes == 0 ? 1 + at : 1 + at + plainBytes + 4;
            assertThat(NewItem.plainStringEnd(body, 1)).as("at %d", at).isEqualTo(end);
        }
    }

    /**
     * Bytes that are not plain UTF-8 in a string: never copied as they are, but decoded by the
     * parser as the general reader decodes them, with the same outcome (refused, for the tree
     * path to answer, or read as the same values and stored as the store writes them).
     */
    @ParameterizedTest
    @CsvSource({"ff", "c0 80", "e0 80 80", "ed a0 80", "c3", "e2 82", "80", "f0 9f 98", "f0 9f 98 80", "01"})
    void putItemStringsThatAreNotPlainUtf8AreReadAsTheGeneralReaderReadsThem(String hex) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes("{\"TableName\":\"abc\",\"Item\":{\"pk\":{\"S\":\"a".getBytes(StandardCharsets.US_ASCII));
        for (String b : hex.split(" ")) out.write(Integer.parseInt(b, 16));
        out.writeBytes("b\"}}}".getBytes(StandardCharsets.US_ASCII));
        byte[] body = out.toByteArray();
        assertThat(NewItem.plainStringEnd(body, 38)).isEqualTo(-1);
        Map<String, AttributeValue> general;
        try (com.fasterxml.jackson.core.JsonParser parser = io.dynabox.engine.wire.Json.parser(body)) {
            parser.nextToken();
            parser.nextFieldName();
            parser.nextToken();
            parser.nextFieldName();
            parser.nextToken();
            general = PlainRequests.item(parser);
        } catch (java.io.IOException | PlainRequests.NotPlain e) {
            general = null;
        }
        PlainRequest read;
        try {
            read = PlainRequests.read(body, new PutItem().newPlainRequest());
        } catch (PlainRequests.NotPlain e) {
            read = null;
        }
        if (general == null) {
            assertThat(read).isNull();
            return;
        }
        NewItem item = ((PutItem.Plain) read).item;
        assertThat(item).isEqualTo(general);
        assertThat(item.json()).isEqualTo(ItemJson.encode(general));
        assertThat(item.itemSize()).isEqualTo(ItemSize.of(general));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"TableName":"abc","Key":{"pk":{"S":"a"},"sk":{"N":"2"}}}                                                     | plain
            {"TableName":"abc","Key":{"pk":{"S":"a"}},"ReturnValues":"ALL_OLD","ReturnConsumedCapacity":"NONE","ReturnItemCollectionMetrics":"NONE"} | plain
            {"TableName":"abc","Key":{"pk":{"S":"a"}},"ReturnValues":"UPDATED_OLD"}                                      | tree
            {"TableName":"abc","Key":{"pk":{"S":"a"}},"ConditionExpression":"attribute_exists(pk)"}                      | plain
            {"TableName":"abc","Key":{"pk":{"S":"a"}},"ConditionExpression":"#n = :v","ExpressionAttributeNames":{"#n":"n"},"ExpressionAttributeValues":{":v":{"N":"1"}},"ReturnValuesOnConditionCheckFailure":"ALL_OLD"} | plain
            {"TableName":"abc","Key":{"pk":{"S":"a"}},"ExpressionAttributeValues":{":v":{"N":"1"}}}                      | tree
            {"TableName":"abc","Key":{"pk":{"S":"a"}},"ConditionExpression":"a","ReturnValuesOnConditionCheckFailure":"ALL_NEW"} | tree
            {"TableName":"abc","Key":{"pk":{"S":"a"}},"Expected":{"pk":{"Exists":false}}}                                | tree
            {"TableName":"abc","Key":{"pk":{"SS":[]}}}                                                                   | tree
            """)
    void deleteItem(String body, String path) {
        PlainRequest plain = read(new DeleteItem(), body);
        if (path.equals("tree")) {
            assertThat(plain).isNull();
            return;
        }
        JsonNode tree = validTree("DeleteItem", body);
        DeleteItem.Plain read = (DeleteItem.Plain) plain;
        assertThat(read.tableName).isEqualTo(tree.get("TableName").textValue());
        assertThat(read.key).isEqualTo(AttributeValues.readItem(tree.get("Key")));
        assertThat(read.returnOld).isEqualTo(tree.path("ReturnValues").asText("NONE").equals("ALL_OLD"));
        assertThat(read.metricsWanted).isEqualTo(tree.path("ReturnItemCollectionMetrics").asText("NONE").equals("SIZE"));
        assertThat(read.detail).isEqualTo(ConsumedCapacity.Detail.of(tree));
        assertThat(read.condition.expression).isEqualTo(tree.path("ConditionExpression").textValue());
        assertThat(read.condition.oldItemOnFailure).isEqualTo(Conditions.oldItemOnFailure(tree));
        ExpressionAttributes attributes = ExpressionAttributes.of(tree);
        assertThat(read.condition.condition(read.condition.attributes())).isEqualTo(Conditions.of(tree, attributes));
    }

    @org.junit.jupiter.api.Test
    void nestingPastTheLimitIsLeftToTheTreePath() {
        String deep = "{\"L\":[".repeat(32) + "{\"S\":\"x\"}" + "]}".repeat(32);
        assertThat(read(new PutItem(), "{\"TableName\":\"abc\",\"Item\":{\"a\":" + deep + "}}")).isNull();
        String deepest = "{\"L\":[".repeat(31) + "{\"S\":\"x\"}" + "]}".repeat(31);
        assertThat(read(new PutItem(), "{\"TableName\":\"abc\",\"Item\":{\"a\":" + deepest + "}}")).isNotNull();
    }

    private static PlainRequest read(PlainOperation operation, String body) {
        try {
            return PlainRequests.read(body.getBytes(StandardCharsets.UTF_8), operation.newPlainRequest());
        } catch (PlainRequests.NotPlain e) {
            return null;
        }
    }

    /** The tree path accepts what the streamed path read. */
    private static JsonNode validTree(String action, String body) {
        JsonNode tree = ShapeValidator.parseBody(body.getBytes(StandardCharsets.UTF_8));
        assertThatCode(() -> ShapeValidator.instance().validate(action, tree)).doesNotThrowAnyException();
        return tree;
    }
}
