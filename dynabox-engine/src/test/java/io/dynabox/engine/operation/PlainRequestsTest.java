package io.dynabox.engine.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.capacity.ConsumedCapacity;
import io.dynabox.engine.expression.ExpressionAttributes;
import io.dynabox.engine.operation.PlainOperation.PlainRequest;
import io.dynabox.engine.wire.AttributeValues;
import io.dynabox.engine.wire.PlainRequests;
import io.dynabox.engine.wire.ShapeValidator;
import java.nio.charset.StandardCharsets;
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
        assertThat(read.item).isEqualTo(AttributeValues.readItem(tree.get("Item")));
        assertThat(read.returnOld).isEqualTo(tree.path("ReturnValues").asText("NONE").equals("ALL_OLD"));
        assertThat(read.metricsWanted).isEqualTo(tree.path("ReturnItemCollectionMetrics").asText("NONE").equals("SIZE"));
        assertThat(read.detail).isEqualTo(ConsumedCapacity.Detail.of(tree));
        assertThat(read.condition.condition(read.condition.attributes())).isEqualTo(Conditions.of(tree, ExpressionAttributes.of(tree)));
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
