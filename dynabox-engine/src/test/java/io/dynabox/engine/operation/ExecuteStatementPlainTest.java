package io.dynabox.engine.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.capacity.ConsumedCapacity;
import io.dynabox.engine.operation.PlainOperation.PlainRequest;
import io.dynabox.engine.wire.PlainRequests;
import io.dynabox.engine.wire.ShapeValidator;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ExecuteStatement bodies → whether the streamed path reads them (plain) or leaves them to the
 * tree path (tree); what it reads, it reads as the tree path does, and only requests the
 * service model's shapes accept.
 */
class ExecuteStatementPlainTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"Statement":"SELECT * FROM t WHERE pk = ?","Parameters":[{"S":"a"}]}                                    | plain
            {"Parameters":[{"N":"1"},{"M":{"k":{"SS":["x"]}}},{"L":[]},{"B":"AAE="}],"Statement":"x"}               | plain
            {"Statement":"SELECT * FROM t","ConsistentRead":true,"ReturnConsumedCapacity":"TOTAL"}                  | plain
            {"Statement":"UPDATE t SET a = 1 WHERE pk = 'a'","ReturnConsumedCapacity":"INDEXES"}                    | plain
            {"Statement":""}                                                                                       | tree
            {"Statement":"SELECT * FROM t","Parameters":[]}                                                        | tree
            {"Statement":"SELECT * FROM t","Parameters":[null]}                                                    | tree
            {"Statement":"SELECT * FROM t","Parameters":[{"S":"a","N":"1"}]}                                       | tree
            {"Statement":"SELECT * FROM t","Parameters":[{"N":"x"}]}                                               | tree
            {"Statement":"SELECT * FROM t","Parameters":{"S":"a"}}                                                 | tree
            {"Statement":"SELECT * FROM t","Limit":1}                                                              | tree
            {"Statement":"SELECT * FROM t","NextToken":"abc"}                                                      | tree
            {"Statement":"DELETE FROM t WHERE pk = 'a'","ReturnValuesOnConditionCheckFailure":"ALL_OLD"}            | tree
            {"Statement":"SELECT * FROM t","ReturnConsumedCapacity":"ALL"}                                         | tree
            {"Statement":"SELECT * FROM t","ConsistentRead":"true"}                                                | tree
            {"Statement":1}                                                                                        | tree
            {"Parameters":[{"S":"a"}]}                                                                             | tree
            {"Statement":"SELECT * FROM t","TableName":"t"}                                                        | tree
            """)
    void executeStatement(String body, String path) {
        PlainRequest plain = read(body);
        if (path.equals("tree")) {
            assertThat(plain).isNull();
            return;
        }
        JsonNode tree = ShapeValidator.parseBody(body.getBytes(StandardCharsets.UTF_8));
        assertThatCode(() -> ShapeValidator.instance().validate("ExecuteStatement", tree)).doesNotThrowAnyException();
        ExecuteStatement.Plain read = (ExecuteStatement.Plain) plain;
        assertThat(read.statement).isEqualTo(tree.get("Statement").textValue());
        assertThat(read.parameters).isEqualTo(ExecuteStatement.parameters(tree.get("Parameters")));
        assertThat(read.consistent).isEqualTo(tree.path("ConsistentRead").asBoolean(false));
        assertThat(read.detail).isEqualTo(ConsumedCapacity.Detail.of(tree));
        assertThat(read.tableName()).isNull();
    }

    @Test
    void statementLengthsAsTheModelSays() {
        assertThat(read("{\"Statement\":\"" + "x".repeat(8192) + "\"}")).isNotNull();
        assertThat(read("{\"Statement\":\"" + "x".repeat(8193) + "\"}")).isNull();
    }

    private static PlainRequest read(String body) {
        try {
            return PlainRequests.read(body.getBytes(StandardCharsets.UTF_8), new ExecuteStatement().newPlainRequest());
        } catch (PlainRequests.NotPlain e) {
            return null;
        }
    }
}
