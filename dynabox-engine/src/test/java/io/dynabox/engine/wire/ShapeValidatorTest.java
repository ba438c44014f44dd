package io.dynabox.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Request JSON in, the service's exact first-stage answer out: SerializationException for
 * JSON of the wrong kind, ValidationException for shape constraints (recorded answers of
 * the service, from wire.md's worked examples).
 */
class ShapeValidatorTest {
    private static final String AV_MAP = "java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.AttributeValue>";
    private static final String CAST = "class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl cannot be cast to class "
            + "java.lang.Class (sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl and java.lang.Class are in module "
            + "java.base of loader 'bootstrap')";
    private static final String NOT_NULL = "failed to satisfy constraint: Member must not be null";
    private static final String PATTERN = "failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+";
    private static final String MIN3 = "failed to satisfy constraint: Member must have length greater than or equal to 3";

    private static DynamoException error(String action, String json) {
        return catchThrowableOfType(DynamoException.class, () -> {
            var body = ShapeValidator.parseBody(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
            ShapeValidator.instance().validate(action, body);
        });
    }

    static Stream<Arguments> serialization() {
        return Stream.of(
                Arguments.of("ListTables", "{'ExclusiveStartTableName': true}", "TRUE_VALUE cannot be converted to String"),
                Arguments.of("ListTables", "{'ExclusiveStartTableName': false}", "FALSE_VALUE cannot be converted to String"),
                Arguments.of("ListTables", "{'ExclusiveStartTableName': 23}", "NUMBER_VALUE cannot be converted to String"),
                Arguments.of("ListTables", "{'ExclusiveStartTableName': 34.56}", "DECIMAL_VALUE cannot be converted to String"),
                Arguments.of("ListTables", "{'ExclusiveStartTableName': []}", "Unrecognized collection type class java.lang.String"),
                Arguments.of("ListTables", "{'ExclusiveStartTableName': {}}", "Start of structure or map found where not expected"),
                Arguments.of("ListTables", "{'Limit': '23'}", "STRING_VALUE cannot be converted to Integer"),
                Arguments.of("ListTables", "{'Limit': true}", "TRUE_VALUE cannot be converted to Integer"),
                Arguments.of("ListTables", "{'Limit': []}", "Unrecognized collection type class java.lang.Integer"),
                // a power of ten no member holds, refused before anything turns it into an integer
                Arguments.of("ListTables", "{'Limit': 1e999999999}", "DECIMAL_VALUE cannot be converted to Integer"),
                Arguments.of("Scan", "{'TotalSegments': -1.5e-999999999}", "DECIMAL_VALUE cannot be converted to Integer"),
                Arguments.of("GetItem", "{'ConsistentRead': 'true'}", "Unexpected token received from parser"),
                Arguments.of("GetItem", "{'ConsistentRead': 1}", "NUMBER_VALUE cannot be converted to Boolean"),
                Arguments.of("GetItem", "{'ConsistentRead': 1.5}", "DECIMAL_VALUE cannot be converted to Boolean"),
                Arguments.of("GetItem", "{'Key': []}", "Unrecognized collection type " + AV_MAP),
                Arguments.of("GetItem", "{'Key': 'x'}", "Unexpected field type"),
                Arguments.of("GetItem", "{'Key': {'a': 'x'}}", "Unexpected value type in payload"),
                Arguments.of("GetItem", "{'Key': {'a': []}}", "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValue"),
                Arguments.of("GetItem", "{'AttributesToGet': 'a'}", "Unexpected field type"),
                Arguments.of("GetItem", "{'AttributesToGet': {}}", "Start of structure or map found where not expected"),
                Arguments.of("GetItem", "{'ExpressionAttributeNames': []}", "Unrecognized collection type java.util.Map<java.lang.String, java.lang.String>"),
                Arguments.of("PutItem", "{'Item': {'a': {'S': 5}}}", "NUMBER_VALUE cannot be converted to String"),
                Arguments.of("PutItem", "{'Item': {'a': {'N': 5}}}", "NUMBER_VALUE cannot be converted to String"),
                Arguments.of("PutItem", "{'Item': {'a': {'BOOL': 'yes'}}}", "Unexpected token received from parser"),
                Arguments.of("PutItem", "{'Item': {'a': {'SS': [1]}}}", "NUMBER_VALUE cannot be converted to String"),
                Arguments.of("PutItem", "{'Item': {'a': {'SS': 'a'}}}", "Unexpected field type"),
                Arguments.of("PutItem", "{'Item': {'a': {'M': []}}}", "Unrecognized collection type " + AV_MAP),
                Arguments.of("PutItem", "{'Item': {'a': {'L': ['x']}}}", "Unexpected value type in payload"),
                Arguments.of("PutItem", "{'Item': {'a': {'B': true}}}", "only base-64-encoded strings are convertible to bytes"),
                Arguments.of("PutItem", "{'Item': {'a': {'B': 5}}}", "only base-64-encoded strings are convertible to bytes"),
                Arguments.of("PutItem", "{'Item': {'a': {'B': []}}}", "Unrecognized collection type class java.nio.ByteBuffer"),
                Arguments.of("PutItem", "{'Item': {'a': {'B': {}}}}", "Start of structure or map found where not expected"),
                Arguments.of("PutItem", "{'Item': {'a': {'B': '23456'}}}", "Base64 encoded length is expected a multiple of 4 bytes but found: 5"),
                Arguments.of("PutItem", "{'Item': {'a': {'B': '=+/='}}}", "Invalid last non-pad Base64 character dectected"),
                Arguments.of("PutItem", "{'Item': {'a': {'B': '+/+='}}}", "Invalid last non-pad Base64 character dectected"),
                Arguments.of("PutItem", "{'Item': {'a': {'B': 'YR=='}}}", "Invalid last non-pad Base64 character dectected"),
                Arguments.of("PutItem", "{'Item': {'a': {'BS': ['YQ==', 'YWJ=']}}}", "Invalid last non-pad Base64 character dectected"),
                Arguments.of("PutItem", "{'Expected': {'a': {'Exists': 'x'}}}", "Unexpected token received from parser"),
                Arguments.of("UpdateItem", "{'AttributeUpdates': []}",
                        "Unrecognized collection type java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.AttributeValueUpdate>"),
                Arguments.of("UpdateItem", "{'AttributeUpdates': {'a': 1}}", "Unexpected value type in payload"),
                Arguments.of("CreateTable", "{'ProvisionedThroughput': []}",
                        "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.ProvisionedThroughput"),
                Arguments.of("CreateTable", "{'ProvisionedThroughput': 1}", "Unexpected field type"),
                Arguments.of("CreateTable", "{'KeySchema': [1]}", "Unexpected value type in payload"),
                Arguments.of("CreateTable", "{'KeySchema': 'x'}", "Unexpected field type"),
                Arguments.of("BatchGetItem", "{'RequestItems': {'t': {'Keys': ['x']}}}", CAST),
                Arguments.of("BatchGetItem", "{'RequestItems': {'t': {'Keys': [[]]}}}", "Unrecognized collection type " + AV_MAP),
                Arguments.of("BatchWriteItem", "{'RequestItems': {'t': 'x'}}", CAST),
                // the first mismatch in document order answers
                Arguments.of("ListTables", "{'Limit': 'x', 'ExclusiveStartTableName': 1}", "STRING_VALUE cannot be converted to Integer"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource
    void serialization(String action, String json, String message) {
        DynamoException e = error(action, json);
        assertThat(e.code()).isEqualTo(ErrorCode.SERIALIZATION);
        assertThat(e.getMessage()).isEqualTo(message);
    }

    static Stream<Arguments> tooDeep() {
        return Stream.of(
                Arguments.of("PutItem", "{'TableName': 'tab', 'Item': {'a': " + "{'L': [".repeat(60) + "{'S': 'x'}" + "]}".repeat(60) + "}}"),
                Arguments.of("PutItem", "{'TableName': 'tab', 'Item': {'a': " + "{'M': {'m': ".repeat(5000) + "{'S': 'x'}" + "}}".repeat(5000) + "}}"),
                Arguments.of("GetItem", "{'Unknown': " + "[".repeat(101) + "]".repeat(101) + "}"),
                Arguments.of("GetItem", "[".repeat(1_000_000)),
                Arguments.of("ListTables", "{'ExclusiveStartTableName': " + "{'a': ".repeat(200) + "1" + "}".repeat(200) + "}"));
    }

    /** Nesting deeper than any valid request is the service's nesting answer, found while the body is read. */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void tooDeep(String action, String json) {
        DynamoException e = error(action, json);
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
        assertThat(e.getMessage()).isEqualTo(
                "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit");
    }

    @Test
    void aBodyAsDeepAsTheDeepestValidRequestIsRead() {
        String item = "{'M': {'m': ".repeat(31) + "{'S': 'x'}" + "}}".repeat(31);
        assertThatCode(() -> ShapeValidator.instance().validate("TransactWriteItems", ShapeValidator.parseBody(
                ("{'TransactItems': [{'Update': {'TableName': 'tab', 'Key': {'k': {'S': 'a'}}, 'UpdateExpression': 'SET a = :v', "
                        + "'ExpressionAttributeValues': {':v': " + item + "}}}]}").replace('\'', '"').getBytes(StandardCharsets.UTF_8))))
                .doesNotThrowAnyException();
    }

    static Stream<Arguments> validation() {
        String a256 = "a".repeat(256);
        return Stream.of(
                Arguments.of("ListTables", "{'ExclusiveStartTableName': ''}", "2 validation errors detected: "
                        + "Value '' at 'exclusiveStartTableName' " + PATTERN + "; Value '' at 'exclusiveStartTableName' " + MIN3),
                Arguments.of("ListTables", "{'ExclusiveStartTableName': '" + a256 + "'}", "1 validation error detected: Value '" + a256
                        + "' at 'exclusiveStartTableName' failed to satisfy constraint: Member must have length less than or equal to 255"),
                Arguments.of("ListTables", "{'Limit': 0}",
                        "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"),
                Arguments.of("ListTables", "{'Limit': 101}",
                        "1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100"),
                Arguments.of("ListTables", "{'Limit': 0.5}",
                        "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"),
                Arguments.of("GetItem", "{}", "2 validation errors detected: Value null at 'key' " + NOT_NULL + "; Value null at 'tableName' " + NOT_NULL),
                Arguments.of("GetItem", "{'TableName': 'abc;', 'ReturnConsumedCapacity': 'hi', 'AttributesToGet': []}",
                        "4 validation errors detected: Value '[]' at 'attributesToGet' failed to satisfy constraint: Member must have length greater than or equal to 1; "
                                + "Value 'hi' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; "
                                + "Value null at 'key' " + NOT_NULL + "; Value 'abc;' at 'tableName' " + PATTERN),
                Arguments.of("UpdateItem", "{'TableName': 'ab', 'ReturnConsumedCapacity': 'INVALID', 'ReturnValues': 'INVALID'}",
                        "4 validation errors detected: Value 'INVALID' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; "
                                + "Value 'ab' at 'tableName' " + MIN3 + "; "
                                + "Value 'INVALID' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]; "
                                + "Value null at 'key' " + NOT_NULL),
                Arguments.of("UpdateItem", "{'TableName': 'abc', 'Key': {}, 'AttributeUpdates': {'a': {'Action': 'X'}}}",
                        "1 validation error detected: Value 'X' at 'attributeUpdates.a.member.action' failed to satisfy constraint: "
                                + "Member must satisfy enum value set: [ADD, PUT, DELETE]"),
                Arguments.of("PutItem", "{'TableName': 'abc', 'Item': {}, 'ConditionalOperator': 'XOR'}",
                        "1 validation error detected: Value 'XOR' at 'conditionalOperator' failed to satisfy constraint: Member must satisfy enum value set: [OR, AND]"),
                Arguments.of("PutItem", "{'TableName': 'abc', 'Item': {}, 'ReturnItemCollectionMetrics': 'hi'}",
                        "1 validation error detected: Value 'hi' at 'returnItemCollectionMetrics' failed to satisfy constraint: Member must satisfy enum value set: [SIZE, NONE]"),
                Arguments.of("GetItem", "{'TableName': 'abc', 'Key': {}, 'AttributesToGet': [" + "'a',".repeat(255) + "'a']}",
                        "1 validation error detected: Value '[" + "a, ".repeat(255) + "a]' at 'attributesToGet' failed to satisfy constraint: "
                                + "Member must have length less than or equal to 255"),
                Arguments.of("CreateTable", "{}", "The parameter 'TableName' is required but was not present in the request"),
                Arguments.of("CreateTable", "{'TableName': 'a;'}", "TableName must be at least 3 characters long and at most 255 characters long"),
                Arguments.of("DescribeTable", "{'TableName': '" + a256 + "'}", "TableName must be at least 3 characters long and at most 255 characters long"),
                Arguments.of("CreateTable", "{'TableName': 'abc', 'AttributeDefinitions': [], 'ProvisionedThroughput': {}}",
                        // the recording compares as a set; this is the member order computed for the current model
                        "3 validation errors detected: Value null at 'keySchema' " + NOT_NULL + "; Value null at 'provisionedThroughput.writeCapacityUnits' "
                                + NOT_NULL + "; Value null at 'provisionedThroughput.readCapacityUnits' " + NOT_NULL),
                Arguments.of("CreateTable", "{'TableName': 'abc', 'AttributeDefinitions': [{'AttributeName': 'b', 'AttributeType': 'SS'}], "
                                + "'KeySchema': [{'AttributeName': 'b', 'KeyType': 'HASH'}]}",
                        "1 validation error detected: Value 'SS' at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: "
                                + "Member must satisfy enum value set: [B, N, S]"),
                Arguments.of("CreateTable", "{'TableName': 'abc', 'AttributeDefinitions': [], 'KeySchema': [{'AttributeName': 'a', 'KeyType': 'HASH'}], "
                                + "'LocalSecondaryIndexes': [{},{},{},{},{},{},{},{},{}]}",
                        "10 validation errors detected: "
                                + "Value null at 'localSecondaryIndexes.1.member.indexName' " + NOT_NULL + "; "
                                + "Value null at 'localSecondaryIndexes.1.member.keySchema' " + NOT_NULL + "; "
                                + "Value null at 'localSecondaryIndexes.1.member.projection' " + NOT_NULL + "; "
                                + "Value null at 'localSecondaryIndexes.2.member.indexName' " + NOT_NULL + "; "
                                + "Value null at 'localSecondaryIndexes.2.member.keySchema' " + NOT_NULL + "; "
                                + "Value null at 'localSecondaryIndexes.2.member.projection' " + NOT_NULL + "; "
                                + "Value null at 'localSecondaryIndexes.3.member.indexName' " + NOT_NULL + "; "
                                + "Value null at 'localSecondaryIndexes.3.member.keySchema' " + NOT_NULL + "; "
                                + "Value null at 'localSecondaryIndexes.3.member.projection' " + NOT_NULL + "; "
                                + "Value null at 'localSecondaryIndexes.4.member.indexName' " + NOT_NULL),
                Arguments.of("CreateTable", "{'TableName': 'abc', 'AttributeDefinitions': [], 'BillingMode': 'PAY_PER_REQUEST', "
                                + "'KeySchema': [{'AttributeName': 'a', 'KeyType': 'HASH'}, {'AttributeName': 'b', 'KeyType': 'RANGE'}, {'AttributeName': 'c', 'KeyType': 'RANGE'}]}",
                        "1 validation error detected: Value '[KeySchemaElement(attributeName=a, keyType=HASH), KeySchemaElement(attributeName=b, keyType=RANGE), "
                                + "KeySchemaElement(attributeName=c, keyType=RANGE)]' at 'keySchema' failed to satisfy constraint: Member must have length less than or equal to 2"),
                Arguments.of("BatchWriteItem", "{}", "1 validation error detected: Value null at 'requestItems' " + NOT_NULL),
                Arguments.of("BatchWriteItem", "{'RequestItems': {}}",
                        "1 validation error detected: Value '{}' at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1"),
                Arguments.of("BatchWriteItem", "{'RequestItems': {'a': []}}", "2 validation errors detected: "
                        + "Value '{a=[]}' at 'requestItems' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 255, "
                        + "Member must have length greater than or equal to 3, Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+]; "
                        + "Value '{a=[]}' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 25, "
                        + "Member must have length greater than or equal to 1]"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource
    void validation(String action, String json, String message) {
        DynamoException e = error(action, json);
        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
        assertThat(e.getMessage()).isEqualTo(message);
    }

    @Test
    void atMostTenProblemsAreReported() {
        DynamoException e = error("CreateTable", "{'TableName': 'abc', 'LocalSecondaryIndexes': [{},{},{},{},{},{},{},{},{}]}");
        assertThat(e.getMessage()).startsWith("10 validation errors detected: ");
        assertThat(e.getMessage().split("; ")).hasSize(10);
    }

    @Test
    void unknownMembersAndNullsAreIgnored() {
        assertThatCode(() -> ShapeValidator.instance().validate("ListTables",
                ShapeValidator.parseBody("{\"hi\":\"yo\",\"ExclusiveStartTableName\":null,\"Limit\":null}".getBytes(StandardCharsets.UTF_8))))
                .doesNotThrowAnyException();
        // member names are case-sensitive: tableName is unknown, so TableName is missing
        assertThat(error("DescribeTable", "{'tableName': 'abc'}").getMessage())
                .isEqualTo("The parameter 'TableName' is required but was not present in the request");
    }

    @Test
    void malformedJsonIsABareSerializationException() {
        for (String body : new String[] {"hi", "{", "{\"a\":1}}", "{\"a\":}"}) {
            DynamoException e = catchThrowableOfType(DynamoException.class, () -> ShapeValidator.parseBody(body.getBytes(StandardCharsets.UTF_8)));
            assertThat(e.code()).as(body).isEqualTo(ErrorCode.SERIALIZATION);
            assertThat(e.getMessage()).as(body).isNull();
        }
        // a body that is JSON but not an object counts as an empty request
        assertThat(ShapeValidator.parseBody("7".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ShapeValidator.parseBody("[]".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
