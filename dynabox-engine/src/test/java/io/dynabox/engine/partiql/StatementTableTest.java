package io.dynabox.engine.partiql;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.DynamoRequest;
import io.dynabox.engine.DynamoResponse;
import io.dynabox.engine.Engine;
import io.dynabox.engine.store.MemoryStore;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PartiQL statements and the exact answer to each (status and body, strict messages), on a
 * table seeded afresh for every row: {@code tab} (pk S, sk N; global index gsi1 on g) with
 * the items a/1, a/2 and m/1 below. Every row was also sent to DynamoDB Local, which gives
 * the same answer except where a comment says otherwise.
 */
class StatementTableTest {
    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=k/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";
    private static final String[] SEED = {
        "INSERT INTO tab VALUE {'pk':'a','sk':1,'x':5,'l':[1,2,{'m':'n'}],'ss':<<'a','b'>>,'b':true,'nul':null}",
        "INSERT INTO tab VALUE {'pk':'a','sk':2,'x':7,'g':'gg'}",
        "INSERT INTO tab VALUE {'pk':'m','sk':1,'a':{'b':{'c':1,'d':[5,6]}},'l':[[1,2],[3]]}",
    };

    /** 0, 1, ... n - 1, as an IN list's values. */
    static String numbers(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(Integer::toString).collect(java.util.stream.Collectors.joining(", "));
    }

    static Arguments row(String statement, String answer) {
        return Arguments.of(statement, answer);
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                row("SELECT * FROM tab WHERE pk='a'", "200 {\"Items\":[{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"},\"x\":{\"N\":\"5\"},\"l\":{\"L\":[{\"N\":\"1\"},{\"N\":\"2\"},{\"M\":{\"m\":{\"S\":\"n\"}}}]},\"ss\":{\"SS\":[\"a\",\"b\"]},\"b\":{\"BOOL\":true},\"nul\":{\"NULL\":true}},{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"2\"},\"x\":{\"N\":\"7\"},\"g\":{\"S\":\"gg\"}}]}"),
                row("SELECT * FROM tab WHERE pk='a' ORDER BY sk DESC", "200 {\"Items\":[{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"2\"},\"x\":{\"N\":\"7\"},\"g\":{\"S\":\"gg\"}},{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"},\"x\":{\"N\":\"5\"},\"l\":{\"L\":[{\"N\":\"1\"},{\"N\":\"2\"},{\"M\":{\"m\":{\"S\":\"n\"}}}]},\"ss\":{\"SS\":[\"a\",\"b\"]},\"b\":{\"BOOL\":true},\"nul\":{\"NULL\":true}}]}"),
                row("SELECT x, l[2].m FROM tab WHERE pk='a' AND sk=1", "200 {\"Items\":[{\"x\":{\"N\":\"5\"},\"l[2]\":{\"M\":{\"m\":{\"S\":\"n\"}}}}]}"),
                row("SELECT a.b.c, a.b.d FROM tab WHERE pk='m'", "200 {\"Items\":[{\"c\":{\"N\":\"1\"},\"d\":{\"L\":[{\"N\":\"5\"},{\"N\":\"6\"}]}}]}"),
                row("SELECT a.b.d[1], l[0][1] FROM tab WHERE pk='m'", "200 {\"Items\":[{\"d[1]\":{\"N\":\"6\"},\"l[0][1]\":{\"N\":\"2\"}}]}"),
                row("SELECT \"a\".\"b\" FROM \"tab\" WHERE \"pk\" = 'm'", "200 {\"Items\":[{\"b\":{\"M\":{\"c\":{\"N\":\"1\"},\"d\":{\"L\":[{\"N\":\"5\"},{\"N\":\"6\"}]}}}}]}"),
                row("SELECT a['b'] FROM tab WHERE pk='m'", "200 {\"Items\":[{\"b\":{\"M\":{\"c\":{\"N\":\"1\"},\"d\":{\"L\":[{\"N\":\"5\"},{\"N\":\"6\"}]}}}}]}"),
                row("SELECT pk, sk FROM \"tab\".\"gsi1\" WHERE g='gg'", "200 {\"Items\":[{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"2\"}}]}"),
                row("SELECT sk FROM tab WHERE pk='a' AND sk BETWEEN 2 AND 5", "200 {\"Items\":[{\"sk\":{\"N\":\"2\"}}]}"),
                row("SELECT sk FROM tab WHERE pk='a' AND sk > 1", "200 {\"Items\":[{\"sk\":{\"N\":\"2\"}}]}"),
                // DynamoDB Local answers no item here, as if 2 > sk were sk > 2; the comparison means sk < 2
                row("SELECT sk FROM tab WHERE pk='a' AND 2 > sk", "200 {\"Items\":[{\"sk\":{\"N\":\"1\"}}]}"),
                row("SELECT sk FROM tab WHERE pk='a' AND x > 5", "200 {\"Items\":[{\"sk\":{\"N\":\"2\"}}]}"),
                row("SELECT sk FROM tab WHERE pk='a' AND x IN [5, 8]", "200 {\"Items\":[{\"sk\":{\"N\":\"1\"}}]}"),
                row("SELECT sk FROM tab WHERE pk='a' AND x NOT BETWEEN 6 AND 9", "200 {\"Items\":[{\"sk\":{\"N\":\"1\"}}]}"),
                row("SELECT sk FROM tab WHERE pk='a' AND x IS MISSING", "200 {\"Items\":[]}"),
                row("SELECT sk FROM tab WHERE pk='a' AND g IS NOT MISSING", "200 {\"Items\":[{\"sk\":{\"N\":\"2\"}}]}"),
                row("SELECT sk FROM tab WHERE pk='a' AND nul IS NULL", "200 {\"Items\":[{\"sk\":{\"N\":\"1\"}}]}"),
                row("SELECT sk FROM tab WHERE pk='a' AND contains(ss, 'b')", "200 {\"Items\":[{\"sk\":{\"N\":\"1\"}}]}"),
                row("SELECT sk FROM tab WHERE pk='a' AND attribute_type(x, 'N') AND NOT x = 7", "200 {\"Items\":[{\"sk\":{\"N\":\"1\"}}]}"),
                row("SELECT sk FROM tab WHERE pk='a' AND size(l) = 3", "200 {\"Items\":[{\"sk\":{\"N\":\"1\"}}]}"),
                row("SELECT sk FROM tab WHERE pk='a' AND (x = 5 OR x = 7) AND b = true", "200 {\"Items\":[{\"sk\":{\"N\":\"1\"}}]}"),
                row("SELECT sk FROM tab WHERE pk='a' AND l = [1, 2, {'m': 'n'}]", "200 {\"Items\":[{\"sk\":{\"N\":\"1\"}}]}"),
                row("SELECT sk FROM tab WHERE begins_with(g, 'g')", "200 {\"Items\":[{\"sk\":{\"N\":\"2\"}}]}"),
                row("SELECT pk FROM tab WHERE a.b.c = 1", "200 {\"Items\":[{\"pk\":{\"S\":\"m\"}}]}"),
                row("select pk from tab where pk = 'm';", "200 {\"Items\":[{\"pk\":{\"S\":\"m\"}}]}"),
                row("SELECT * FROM tab WHERE x = \"missing attribute\"", "200 {\"Items\":[]}"),
                row("SELECT * FROM nope", "400 {\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\",\"message\":\"Requested resource not found\"}"),
                // the service names no index here (Query adds its name); DynamoDB Local adds it
                row("SELECT * FROM \"tab\".\"nope\"", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"The table does not have the specified index\"}"),
                row("SELECT * FROM \"tab\".\"gsi1\".\"more\" WHERE g = 'gg'", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"A path may contain at most 2 components in the FROM clause\"}"),
                row("SELECT * FROM \"tab\".\"\" WHERE pk = 'a'", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Path component cannot be an empty string\"}"),
                row("SELECT * FROM \"\" WHERE pk = 'a'", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Path component cannot be an empty string\"}"),
                // the service's words (DynamoDB Local repeats the statement)
                row("SLECT * FROM tab WHERE pk = 'a'", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Statement wasn't well formed, can't be processed: Expected data manipulation\"}"),
                row("SELECT pk FROM tab WHERE pk = 'a' AND x < true", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Incorrect operand type for operator or function; operator or function: <, operand type: BOOL\"}"),
                row("SELECT pk FROM tab WHERE pk = 'a' AND x >= <<'s'>>", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Incorrect operand type for operator or function; operator or function: >=, operand type: SS\"}"),
                row("SELECT pk FROM tab WHERE pk = 'a' AND x BETWEEN 1 AND [2]", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Incorrect operand type for operator or function; operator or function: BETWEEN, operand type: L\"}"),
                row("SELECT pk FROM tab WHERE pk = 'a' AND x <> true", "200 {\"Items\":[{\"pk\":{\"S\":\"a\"}},{\"pk\":{\"S\":\"a\"}}]}"),
                // one partition read per value, in the list's order
                row("SELECT pk, sk FROM tab WHERE pk IN ['m', 'a', 'zz']", "200 {\"Items\":[{\"pk\":{\"S\":\"m\"},\"sk\":{\"N\":\"1\"}},{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"}},{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"2\"}}]}"),
                row("SELECT sk FROM tab WHERE pk IN ['a', 'm'] AND sk > 1", "200 {\"Items\":[{\"sk\":{\"N\":\"2\"}}]}"),
                row("SELECT pk FROM tab WHERE x IN [" + numbers(101) + "]", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"The IN operator is provided with too many operands; number of operands: 101\"}"),
                row("SELECT pk FROM tab WHERE x IN [" + numbers(100) + "] AND pk = 'a'", "200 {\"Items\":[{\"pk\":{\"S\":\"a\"}},{\"pk\":{\"S\":\"a\"}}]}"),
                row("SELECT * FROM tab WHERE pk = '' AND sk = 1", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk\"}"),
                row("SELECT * FROM tab WHERE pk IN ['a', '']", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk\"}"),
                // the whole key: one item read
                row("SELECT sk FROM tab WHERE pk = 'a' AND sk = 2 AND x = 7", "200 {\"Items\":[{\"sk\":{\"N\":\"2\"}}]}"),
                row("SELECT sk FROM tab WHERE pk = 'a' AND sk = 2 AND x = 8", "200 {\"Items\":[]}"),
                row("SELECT * FROM tab ORDER BY sk", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Must have WHERE clause in the statement when using ORDER BY clause.\"}"),
                row("SELECT * FROM tab WHERE pk = 'a' ORDER BY x", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Variable reference x in ORDER BY clause must be part of the primary key\"}"),
                row("SELECT * FROM tab WHERE x = 5 ORDER BY sk", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Must have at least one non-optional hash key condition in WHERE clause when using ORDER BY clause.\"}"),
                row("SELECT * FROM tab WHERE pk = 1", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Key attribute's data type should match its data type in table's schema: Key pk\"}"),
                row("SELECT count(*) FROM tab", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Unexpected path component at 1:8:5\"}"),
                row("SELECT * FROM tab WHERE x = ?", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Number of parameters in request and statement don't match.\"}"),
                row("SELECT * FROM tab WHERE x = 'a' LIMIT 1", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Unsupported clause: LIMIT at 1:39:1\"}"),
                row("SELECT * FROM tab WHERE x = `a`", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Ion Literals are not supported: SYMBOL under key root at 1:29:3\"}"),
                row("SELECT pk, pk FROM tab", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Duplicate identifiers in select clause: pk\"}"),
                row("SELECT a.b.c, a.b.d[1], l[0][1], l[1], a.b FROM tab", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, b, d, [1]]\"}"),
                row("SELECT * FROM", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Statement wasn't well formed, can't be processed: SELECT * FROM\"}"),
                row("SELECT *, pk FROM tab", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Statement wasn't well formed, can't be processed: SELECT *, pk FROM tab\"}"),
                row("SELECT * FROM tab WHERE x = 1 + 1", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Unsupported operator in Condition Expression. Operator: +\"}"),
                row("SELECT * FROM tab WHERE foo(x)", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Unrecognized function: foo\"}"),
                row("SELECT * FROM tab WHERE attribute_type(x, 'Q')", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Invalid attribute type name found; type: Q, valid types: {N,BS,L,B,NULL,M,S,SS,NS,BOOL}\"}"),
                row("SELECT * FROM tab WHERE begins_with(x)", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Incorrect number of operands for operator or function; operator or function: begins_with, number of operands: 1\"}"),
                row("SELECT * FROM tab WHERE exists(x)", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Unrecognized function: exists\"}"),
                row("SELECT * FROM tab WHERE x = 'unterminated", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Statement wasn't well formed, can't be processed: SELECT * FROM tab WHERE x = 'unterminated\"}"),
                row("EXISTS(SELECT * FROM tab WHERE pk = 'm' AND sk = 1)", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"EXISTS can only be used in ExecuteTransaction write requests.\"}"),
                row("INSERT INTO tab VALUE {'pk':'z','sk':1,'s':'x','n':-1.50,'bool':false,'nul':null,'l':[1,'two',[3]],'m':{'k':<<1,2>>},'ss':<<'a','b'>>,'e':''}", "200 {\"Items\":[]}"),
                // DynamoDB Local's __type is DuplicateItem; the service's model names the error DuplicateItemException
                row("INSERT INTO tab VALUE {'pk':'a','sk':1}", "400 {\"__type\":\"com.amazonaws.dynamodb.v20120810#DuplicateItemException\",\"message\":\"Duplicate primary key exists in table\"}"),
                row("INSERT INTO \"tab\".\"gsi1\" VALUE {'pk':'z','sk':1}", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"FROM clause may only contain a single table name in data manipulation statements\"}"),
                row("INSERT INTO tab VALUE ?", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Unsupported format in item expression. Please use struct format {...} to express item values for insert statement. at 1:23:1\"}"),
                row("INSERT INTO tab VALUE [1]", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Unsupported format in item expression. Please use struct format {...} to express item values for insert statement. at 1:23:1\"}"),
                row("INSERT INTO tab VALUE {'pk':'', 'sk':1}", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk\"}"),
                row("INSERT INTO tab VALUE {'pk':'b'}", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Key attribute should be present in the item: Key sk\"}"),
                row("INSERT INTO tab VALUE {'pk':'b','sk':'x'}", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Key attribute's data type should match its data type in table's schema: Key sk\"}"),
                row("INSERT INTO tab VALUE {'pk':'b','sk':3, 'ss': <<'a','a'>>}", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Input collection contains duplicates\"}"),
                row("INSERT INTO tab VALUE {'pk':'b','sk':3, 'ss': <<'a',1>>}", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags at 1:53:1\"}"),
                row("INSERT INTO tab VALUE {'pk':'b','sk':4, 'e': <<>>}", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Empty bags are not supported at 1:46:2\"}"),
                row("INSERT INTO tab VALUE {'pk':'b','sk':5, 'm': MISSING}", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Unsupported data type: MISSING under key root at 1:46:7\"}"),
                row("INSERT INTO tab VALUE {'pk':'b','sk':6} WHERE x = 1", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Statement wasn't well formed, can't be processed: INSERT INTO tab VALUE {'pk':'b','sk':6} WHERE x = 1\"}"),
                row("INSERT INTO tab VALUES {'pk':'b','sk':6}", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Statement wasn't well formed, can't be processed: INSERT INTO tab VALUES {'pk':'b','sk':6}\"}"),
                row("INSERT INTO tab VALUE {'pk':'b','sk':6, 'pk':'c'}", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Duplicate keys in tuple. Key: pk under root at 1:41:4\"}"),
                row("INSERT INTO tab VALUE {\"pk\":'b','sk':7}", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Tuple keys must be of type String. Actual type: VariableReference under root at 1:24:4\"}"),
                row("INSERT INTO tab VALUE {'pk':'b','sk':8, 'n2': 12345678901234567890123456789012345678901}", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"DynamoDB only supports precision up to 38 digits\"}"),
                // DynamoDB Local shortens this to "...Type mismatch for Index Key"; PutItem's full message is the service's
                row("INSERT INTO tab VALUE {'pk':'b','sk':9, 'g': 5}", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"One or more parameter values were invalid: Type mismatch for Index Key g Expected: S Actual: N IndexName: gsi1\"}"),
                row("UPDATE tab SET x = x + 1 WHERE pk='a' AND sk=1 RETURNING ALL NEW *", "200 {\"Items\":[{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"},\"x\":{\"N\":\"6\"},\"l\":{\"L\":[{\"N\":\"1\"},{\"N\":\"2\"},{\"M\":{\"m\":{\"S\":\"n\"}}}]},\"ss\":{\"SS\":[\"a\",\"b\"]},\"b\":{\"BOOL\":true},\"nul\":{\"NULL\":true}}]}"),
                row("UPDATE tab SET x = 10 - x WHERE pk='a' AND sk=1 RETURNING ALL OLD *", "200 {\"Items\":[{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"},\"x\":{\"N\":\"5\"},\"l\":{\"L\":[{\"N\":\"1\"},{\"N\":\"2\"},{\"M\":{\"m\":{\"S\":\"n\"}}}]},\"ss\":{\"SS\":[\"a\",\"b\"]},\"b\":{\"BOOL\":true},\"nul\":{\"NULL\":true}}]}"),
                row("UPDATE tab REMOVE x WHERE pk='a' AND sk=1 RETURNING MODIFIED OLD *", "200 {\"Items\":[{\"x\":{\"N\":\"5\"}}]}"),
                row("UPDATE tab SET l = list_append(l, [9]) SET ss = set_add(ss, <<'c'>>) WHERE pk='a' AND sk=1 RETURNING MODIFIED NEW *", "200 {\"Items\":[{\"l\":{\"L\":[{\"N\":\"1\"},{\"N\":\"2\"},{\"M\":{\"m\":{\"S\":\"n\"}}},{\"N\":\"9\"}]},\"ss\":{\"SS\":[\"a\",\"b\",\"c\"]}}]}"),
                row("UPDATE tab SET ss = set_delete(ss, <<'a', 'b'>>), y = 3 WHERE pk='a' AND sk=1 RETURNING MODIFIED NEW *", "200 {\"Items\":[{\"y\":{\"N\":\"3\"}}]}"),
                row("UPDATE tab SET l[2].m = 'z' WHERE pk='a' AND sk=1 RETURNING MODIFIED NEW *", "200 {\"Items\":[{\"l\":{\"L\":[{\"N\":\"1\"},{\"N\":\"2\"},{\"M\":{\"m\":{\"S\":\"z\"}}}]}}]}"),
                row("UPDATE tab SET a.b.c = 2, a.b.e = 'new' REMOVE l[0] WHERE pk='m' AND sk=1 RETURNING ALL NEW *", "200 {\"Items\":[{\"pk\":{\"S\":\"m\"},\"sk\":{\"N\":\"1\"},\"a\":{\"M\":{\"b\":{\"M\":{\"c\":{\"N\":\"2\"},\"d\":{\"L\":[{\"N\":\"5\"},{\"N\":\"6\"}]},\"e\":{\"S\":\"new\"}}}}},\"l\":{\"L\":[{\"L\":[{\"N\":\"3\"}]}]}}]}"),
                row("UPDATE tab SET x = 1 WHERE pk='a' AND sk=1 AND x = 5", "200 {\"Items\":[]}"),
                row("UPDATE tab SET x = 1 WHERE pk='a' AND sk=1 AND x = 100", "400 {\"__type\":\"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException\",\"message\":\"The conditional request failed\"}"),
                row("UPDATE tab SET x = 1 WHERE pk='zz' AND sk=1", "400 {\"__type\":\"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException\",\"message\":\"The conditional request failed\"}"),
                row("UPDATE tab SET x = 1 WHERE pk='a'", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Where clause does not contain a mandatory equality on all key attributes\"}"),
                row("UPDATE tab SET x = 1 WHERE pk='a' AND sk > 1", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Where clause does not contain a mandatory equality on all key attributes\"}"),
                row("UPDATE tab SET x = 1 WHERE pk = 'a' AND sk = 1 OR x = 3", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Where clause does not contain a mandatory equality on all key attributes\"}"),
                row("UPDATE tab SET x = 1 WHERE pk = 'a' AND sk = 1 AND sk = 2", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Multiple conditions on same key sk. Only single item Update/Insert/Delete are supported\"}"),
                row("UPDATE tab SET x = 1 WHERE pk = 'a' AND sk = '1'", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Key attribute's data type should match its data type in table's schema: Key sk\"}"),
                row("UPDATE tab SET pk = 'b' WHERE pk='a' AND sk=1", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key\"}"),
                row("UPDATE tab SET x = x + 'a' WHERE pk='a' AND sk=1", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Incorrect operand type for operator or function; operator or function: +, operand type: S\"}"),
                row("UPDATE tab SET l = list_append(l, 'a') WHERE pk='a' AND sk=1", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Incorrect operand type for operator or function; operator or function: list_append, operand type: S\"}"),
                row("UPDATE tab SET x = y WHERE pk='a' AND sk=1", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"The provided expression refers to an attribute that does not exist in the item\"}"),
                row("UPDATE tab SET x = set_add(zz, <<'q'>>) WHERE pk='a' AND sk=1", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"The first argument to SET_ADD must equal the assignment value\"}"),
                row("UPDATE tab SET x = 1, x = 2 WHERE pk='a' AND sk=1", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [x], path two: [x]\"}"),
                row("UPDATE tab SET a = 1, a.b = 2 WHERE pk='a' AND sk=1", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a]\"}"),
                row("UPDATE tab WHERE pk='a' AND sk=1", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Statement wasn't well formed, can't be processed: UPDATE tab WHERE pk='a' AND sk=1\"}"),
                row("UPDATE tab SET x = 1 WHERE pk='a' AND sk=1 RETURNING ALL OLD", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Statement wasn't well formed, can't be processed: UPDATE tab SET x = 1 WHERE pk='a' AND sk=1 RETURNING ALL OLD\"}"),
                row("UPDATE \"tab\".\"gsi1\" SET x = 1 WHERE pk='a' AND sk=1", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"This operation is not supported on an index\"}"),
                row("DELETE FROM tab WHERE pk='a' AND sk=2 RETURNING ALL OLD *", "200 {\"Items\":[{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"2\"},\"x\":{\"N\":\"7\"},\"g\":{\"S\":\"gg\"}}]}"),
                row("DELETE FROM tab WHERE pk='a' AND sk=1 AND x = 5", "200 {\"Items\":[]}"),
                row("DELETE FROM tab WHERE pk='a' AND sk=1 AND x = 99", "400 {\"__type\":\"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException\",\"message\":\"The conditional request failed\"}"),
                row("DELETE FROM tab WHERE pk='zz' AND sk=2 AND x = 1", "200 {\"Items\":[]}"),
                row("DELETE FROM tab WHERE pk='a'", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Where clause does not contain a mandatory equality on all key attributes\"}"),
                row("DELETE FROM tab WHERE pk='a' AND sk=1 RETURNING ALL NEW *", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Invalid returning clause: RETURNING ALL NEW *. Only RETURNING ALL OLD * is allowed in DELETE statements.\"}"),
                row("SELECT * FROM missing", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Unexpected from source\"}"),
                row("SELECT * FROM tab WHERE missing = 1", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"MISSING must be compared using IS operator\"}"),
                row("SELECT * FROM tab WHERE value = 1", "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Statement wasn't well formed, can't be processed: SELECT * FROM tab WHERE value = 1\"}"),
                row("SELECT pk FROM tab WHERE \"value\" IS MISSING AND pk = 'm'", "200 {\"Items\":[{\"pk\":{\"S\":\"m\"}}]}"),
                row("SELECT * FROM tab WHERE status = 1", "200 {\"Items\":[]}")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void answers(String statement, String answer) {
        Engine engine = new Engine(DynaboxOptions.builder().strictMessages(true).build(), new MemoryStore(), () -> 1_800_000_000_000L);
        call(engine, "CreateTable", "{\"TableName\":\"tab\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},"
                + "{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},"
                + "{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"},{\"AttributeName\":\"g\",\"AttributeType\":\"S\"}],"
                + "\"GlobalSecondaryIndexes\":[{\"IndexName\":\"gsi1\",\"KeySchema\":[{\"AttributeName\":\"g\",\"KeyType\":\"HASH\"}],"
                + "\"Projection\":{\"ProjectionType\":\"ALL\"}}],\"BillingMode\":\"PAY_PER_REQUEST\"}");
        for (String seed : SEED) assertThat(statement(engine, seed)).isEqualTo("200 {\"Items\":[]}");
        assertThat(statement(engine, statement)).isEqualTo(answer);
    }

    static String statement(Engine engine, String statement) {
        return call(engine, "ExecuteStatement", "{\"Statement\":" + io.dynabox.engine.wire.Json.MAPPER.valueToTree(statement) + "}");
    }

    static String call(Engine engine, String action, String body) {
        DynamoResponse response = engine.handle(new DynamoRequest("DynamoDB_20120810." + action, AUTH, "20260101T000000Z",
                body.getBytes(StandardCharsets.UTF_8)));
        return response.status() + " " + new String(response.body(), StandardCharsets.UTF_8);
    }
}
