package io.dynabox.tests.items;

import static io.dynabox.tests.items.ItemFixtures.INVALID;
import static io.dynabox.tests.items.ItemFixtures.assertError;
import static io.dynabox.tests.items.ItemFixtures.assertValidation;
import static io.dynabox.tests.items.ItemFixtures.item;
import static io.dynabox.tests.items.ItemFixtures.n;
import static io.dynabox.tests.items.ItemFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.tests.Door;
import io.dynabox.tests.DoorTest;
import io.dynabox.tests.Tables;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;

/** The checks of item values, keys and index keys, in the service's order and words, through both doors. */
@ParameterizedClass
@EnumSource(Door.class)
class ItemValidationTest extends DoorTest {
    private static final String EMPTY = "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
    private static final String NESTING = "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit";
    private static final String NO_MATCH = "The provided key element does not match the schema";

    @BeforeEach
    void open() {
        Tables.hash(client, "hash");
        ItemFixtures.createRangeTable(client, "range");
        ItemFixtures.createIndexedTable(client, "indexed");
    }

    private static AttributeValue nested(int wrappers) {
        AttributeValue value = s("leaf");
        for (int i = 0; i < wrappers; i++) value = i % 2 == 0 ? AttributeValue.fromL(List.of(value)) : AttributeValue.fromM(Map.of("m", value));
        return value;
    }

    static Stream<Object[]> badValues() {
        return Stream.of(
                new Object[] {AttributeValue.builder().build(), EMPTY},
                new Object[] {AttributeValue.fromM(Map.of("a", AttributeValue.builder().build())), EMPTY},
                new Object[] {AttributeValue.builder().s("a").n("1").build(),
                        "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes"},
                new Object[] {AttributeValue.builder().s("a").n("b").build(), "The parameter cannot be converted to a numeric value: b"},
                new Object[] {n(""), "The parameter cannot be converted to a numeric value"},
                new Object[] {n("1e126"), "Number overflow. Attempting to store a number with magnitude larger than supported range"},
                new Object[] {n("0e126"), "Number overflow. Attempting to store a number with magnitude larger than supported range"},
                new Object[] {n("1e-131"), "Number underflow. Attempting to store a number with magnitude smaller than supported range"},
                new Object[] {n("1" + "0".repeat(37) + "1"), "Attempting to store more than 38 significant digits in a Number"},
                new Object[] {AttributeValue.builder().nul(false).build(), INVALID + "Null attribute value types must have the value of true"},
                new Object[] {AttributeValue.builder().ss(List.of()).build(), INVALID + "An string set  may not be empty"},
                new Object[] {AttributeValue.builder().ns(List.of()).build(), INVALID + "An number set  may not be empty"},
                new Object[] {AttributeValue.builder().bs(List.of()).build(), INVALID + "Binary sets should not be empty"},
                new Object[] {AttributeValue.fromSs(List.of("a", "b", "a")), INVALID + "Input collection [a, b, a] contains duplicates."},
                new Object[] {AttributeValue.fromNs(List.of("1", "1.0")), "Input collection contains duplicates"},
                new Object[] {AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("b"), SdkBytes.fromUtf8String("b"))),
                        INVALID + "Input collection [Yg==, Yg==]of type BS contains duplicates."},
                new Object[] {nested(32), NESTING});
    }

    @Test
    void badValuesAreRefusedBeforeTheTableIsLookedUp() {
        badValues().forEach(row -> {
            AttributeValue bad = (AttributeValue) row[0];
            String message = (String) row[1];
            for (String table : List.of("hash", "missing")) {
                assertValidation(() -> client.putItem(b -> b.tableName(table).item(item("pk", s("k"), "v", bad))), message);
                assertValidation(() -> client.getItem(b -> b.tableName(table).key(item("pk", bad))), message);
                assertValidation(() -> client.deleteItem(b -> b.tableName(table).key(item("pk", bad))), message);
                assertValidation(() -> client.updateItem(b -> b.tableName(table).key(item("pk", s("k")))
                        .attributeUpdates(Map.of("v", AttributeValueUpdate.builder().value(bad).build()))), message);
            }
        });
    }

    @Test
    void valuesNestedThirtyTwoLevelsDeepAreAccepted() {
        client.putItem(b -> b.tableName("hash").item(item("pk", s("deep"), "v", nested(31))));
        assertThat(client.getItem(b -> b.tableName("hash").key(item("pk", s("deep")))).item().get("v")).isEqualTo(nested(31));
    }

    @Test
    void attributeNamesAreUnder64KilobytesAtAnyDepth() {
        // longer than Jackson's default name limit (50,000), within the service's
        String longest = "é".repeat(32_767) + "x"; // 65,535 bytes in UTF-8
        client.putItem(b -> b.tableName("hash").item(item("pk", s("names"), longest, s("v"), "m", AttributeValue.fromM(Map.of(longest, n("1"))))));
        assertThat(client.getItem(b -> b.tableName("hash").key(item("pk", s("names")))).item()).containsKey(longest);

        String tooLong = "é".repeat(32_768); // 65,536 bytes
        String message = "Attribute name is too large, must be less than 65536 bytes";
        assertValidation(() -> client.putItem(b -> b.tableName("hash").item(item("pk", s("names"), tooLong, s("v")))), message);
        assertValidation(() -> client.putItem(b -> b.tableName("hash").item(item("pk", s("names"), "m",
                AttributeValue.fromM(Map.of(tooLong, n("1")))))), message);
    }

    @Test
    void numbersAreStoredInCanonicalForm() {
        client.putItem(b -> b.tableName("hash").item(item("pk", s("n"),
                "a", n("-0015.789e6"), "b", n("0042.1200"), "c", n("1E125"), "d", n("-0"), "e", n(".5"),
                "f", AttributeValue.fromNs(List.of("1e3", "2.50")),
                "g", AttributeValue.fromL(List.of(n("1.0"))), "h", AttributeValue.fromM(Map.of("x", n("+7"))))));
        Map<String, AttributeValue> got = client.getItem(b -> b.tableName("hash").key(item("pk", s("n")))).item();
        assertThat(got.get("a").n()).isEqualTo("-15789000");
        assertThat(got.get("b").n()).isEqualTo("42.12");
        assertThat(got.get("c").n()).isEqualTo("1" + "0".repeat(125));
        assertThat(got.get("d").n()).isEqualTo("0");
        assertThat(got.get("e").n()).isEqualTo("0.5");
        assertThat(got.get("f").ns()).containsExactlyInAnyOrder("1000", "2.5");
        assertThat(got.get("g").l()).containsExactly(n("1"));
        assertThat(got.get("h").m()).containsEntry("x", n("7"));
    }

    @Test
    void numberKeysAreTheSameKeyWhateverTheirSpelling() {
        client.putItem(b -> b.tableName("range").item(item("pk", s("a"), "sk", n("1e3"), "v", s("first"))));
        client.putItem(b -> b.tableName("range").item(item("pk", s("a"), "sk", n("1000.00"), "v", s("second"))));
        Map<String, AttributeValue> got = client.getItem(b -> b.tableName("range").key(item("pk", s("a"), "sk", n("10E2")))).item();
        assertThat(got).containsEntry("sk", n("1000")).containsEntry("v", s("second"));
    }

    @Test
    void emptyStringsBinariesAndSetMembersAreAllowedOutsideKeys() {
        client.putItem(b -> b.tableName("hash").item(item("pk", s("e"), "s", s(""), "b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[0])),
                "ss", AttributeValue.fromSs(List.of("")), "m", AttributeValue.fromM(Map.of("x", s(""))),
                "l", AttributeValue.fromL(List.of()), "mm", AttributeValue.fromM(Map.of()))));
        Map<String, AttributeValue> got = client.getItem(b -> b.tableName("hash").key(item("pk", s("e")))).item();
        assertThat(got.get("s").s()).isEmpty();
        assertThat(got.get("b").b().asByteArray()).isEmpty();
        assertThat(got.get("ss").ss()).containsExactly("");
        assertThat(got.get("m").m()).containsEntry("x", s(""));
        assertThat(got.get("l").l()).isEmpty();
        assertThat(got.get("mm").m()).isEmpty();
    }

    @Test
    void emptyKeyValuesAreRefusedAfterTheTableLookup() {
        String emptyS = "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk";
        assertValidation(() -> client.putItem(b -> b.tableName("hash").item(item("pk", s("")))), emptyS);
        assertValidation(() -> client.getItem(b -> b.tableName("hash").key(item("pk", s("")))), emptyS);
        assertValidation(() -> client.deleteItem(b -> b.tableName("hash").key(item("pk", s("")))), emptyS);
        assertValidation(() -> client.updateItem(b -> b.tableName("hash").key(item("pk", s("")))), emptyS);
        assertError(() -> client.getItem(b -> b.tableName("missing").key(item("pk", s("")))), "ResourceNotFoundException",
                "Requested resource not found");
        assertValidation(() -> client.putItem(b -> b.tableName("indexed").item(item("pk", s("a"), "sk", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[0]))))),
                "One or more parameter values were invalid: Type mismatch for key sk expected: S actual: B");
    }

    @Test
    void keysMustMatchTheSchema() {
        for (Map<String, AttributeValue> key : List.of(item(), item("other", s("a")), item("pk", n("1")), item("pk", s("a"), "extra", s("b")),
                item("pk", AttributeValue.fromSs(List.of("a"))), item("pk", AttributeValue.fromBool(true)))) {
            assertValidation(() -> client.getItem(b -> b.tableName("hash").key(key)), NO_MATCH);
            assertValidation(() -> client.deleteItem(b -> b.tableName("hash").key(key)), NO_MATCH);
            assertValidation(() -> client.updateItem(b -> b.tableName("hash").key(key)), NO_MATCH);
        }
        assertValidation(() -> client.getItem(b -> b.tableName("range").key(item("pk", s("a")))), NO_MATCH);
        assertValidation(() -> client.getItem(b -> b.tableName("range").key(item("pk", s("a"), "sk", s("1")))), NO_MATCH);
        // the count of key attributes is a post-table check
        assertError(() -> client.getItem(b -> b.tableName("missing").key(item())), "ResourceNotFoundException", "Requested resource not found");
    }

    @Test
    void itemsMustCarryTheirKeys() {
        assertValidation(() -> client.putItem(b -> b.tableName("range").item(item("sk", n("1")))), INVALID + "Missing the key pk in the item");
        assertValidation(() -> client.putItem(b -> b.tableName("range").item(item("pk", s("a")))), INVALID + "Missing the key sk in the item");
        assertValidation(() -> client.putItem(b -> b.tableName("range").item(item("pk", n("1"), "sk", n("1")))),
                INVALID + "Type mismatch for key pk expected: S actual: N");
        assertValidation(() -> client.putItem(b -> b.tableName("range").item(item("pk", s("a"), "sk", AttributeValue.fromNs(List.of("1"))))),
                INVALID + "Type mismatch for key sk expected: N actual: NS");
        assertValidation(() -> client.putItem(b -> b.tableName("range").item(item("pk", s("a"), "sk", AttributeValue.fromNul(true)))),
                INVALID + "Type mismatch for key sk expected: N actual: NULL");
    }

    @Test
    void keySizesAreLimited() {
        client.putItem(b -> b.tableName("hash").item(item("pk", s("x".repeat(2048)))));
        client.putItem(b -> b.tableName("hash").item(item("pk", s("é".repeat(1024)))));
        String hashTooBig = INVALID + "Size of hashkey has exceeded the maximum size limit of2048 bytes";
        assertValidation(() -> client.putItem(b -> b.tableName("hash").item(item("pk", s("x".repeat(2049))))), hashTooBig);
        assertValidation(() -> client.putItem(b -> b.tableName("hash").item(item("pk", s("é".repeat(1024) + "x")))), hashTooBig);
        assertValidation(() -> client.getItem(b -> b.tableName("hash").key(item("pk", s("x".repeat(2049))))), hashTooBig);
        String rangeTooBig = INVALID + "Aggregated size of all range keys has exceeded the size limit of 1024 bytes";
        client.putItem(b -> b.tableName("indexed").item(item("pk", s("a"), "sk", s("x".repeat(1024)))));
        assertValidation(() -> client.putItem(b -> b.tableName("indexed").item(item("pk", s("a"), "sk", s("x".repeat(1025))))), rangeTooBig);
        assertValidation(() -> client.deleteItem(b -> b.tableName("indexed").key(item("pk", s("a"), "sk", s("x".repeat(1025))))), rangeTooBig);
        // number keys are never size-checked
        client.putItem(b -> b.tableName("range").item(item("pk", s("a"), "sk", n("9".repeat(38)))));
    }

    @Test
    void indexKeysMustHaveTheIndexTypes() {
        assertValidation(() -> client.putItem(b -> b.tableName("indexed").item(item("pk", s("a"), "sk", s("b"), "g", n("1")))),
                INVALID + "Type mismatch for Index Key g Expected: S Actual: N IndexName: gsi1");
        assertValidation(() -> client.putItem(b -> b.tableName("indexed").item(item("pk", s("a"), "sk", s("b"), "r", s("x")))),
                INVALID + "Type mismatch for Index Key r Expected: B Actual: S IndexName: gsi2");
        assertValidation(() -> client.putItem(b -> b.tableName("indexed").item(item("pk", s("a"), "sk", s("b"), "l", AttributeValue.fromBool(true)))),
                INVALID + "Type mismatch for Index Key l Expected: S Actual: BOOL IndexName: lsi1");
        // global indexes from the last defined to the first, then local ones from the last to the first
        assertValidation(() -> client.putItem(b -> b.tableName("indexed").item(item("pk", s("a"), "sk", s("b"),
                        "g", n("1"), "h", s("1"), "l", n("1"), "m", s("1")))),
                INVALID + "Type mismatch for Index Key h Expected: N Actual: S IndexName: gsi2");
        assertValidation(() -> client.putItem(b -> b.tableName("indexed").item(item("pk", s("a"), "sk", s("b"), "l", n("1"), "m", s("1")))),
                INVALID + "Type mismatch for Index Key m Expected: N Actual: S IndexName: lsi2");
        assertValidation(() -> client.putItem(b -> b.tableName("indexed").item(item("pk", s("a"), "sk", s("b"), "g", s("")))),
                "One or more parameter values are not valid. A value specified for a secondary index key is not supported. "
                        + "The AttributeValue for a key attribute cannot contain an empty string value. IndexName: gsi1, IndexKey: g");
        assertValidation(() -> client.updateItem(b -> b.tableName("indexed").key(item("pk", s("a"), "sk", s("b")))
                        .attributeUpdates(Map.of("g", AttributeValueUpdate.builder().value(n("1")).build()))),
                INVALID + "Type mismatch for Index Key g Expected: S Actual: N IndexName: gsi1");
        // an update expression that empties an index key is told so in its own words
        assertValidation(() -> client.updateItem(b -> b.tableName("indexed").key(item("pk", s("a"), "sk", s("b")))
                        .updateExpression("SET g = :e").expressionAttributeValues(Map.of(":e", s("")))),
                "One or more parameter values are not valid. The update expression attempted to update a secondary index key to a value "
                        + "that is not supported. The AttributeValue for a key attribute cannot contain an empty string value.");
        // an item without an index key is simply not in that index
        client.putItem(b -> b.tableName("indexed").item(item("pk", s("a"), "sk", s("b"), "g", s("x"))));
    }

    @Test
    void attributeNamesHaveAtLeastOneCharacter() {
        assertValidation(() -> client.putItem(b -> b.tableName("hash").item(item("pk", s("a"), "", s("x")))), "Empty attribute name");
        assertValidation(() -> client.putItem(b -> b.tableName("hash").item(item("pk", s("a"), "m", AttributeValue.fromM(Map.of("", s("x")))))),
                "Empty attribute name");
        assertThat(client.getItem(b -> b.tableName("hash").key(item("pk", s("a")))).hasItem()).isFalse();
    }

    @Test
    void itemsUpTo400KilobytesAreStored() {
        // 2 bytes of name and value for pk, 1 byte for the name p: the rest is the string
        Map<String, AttributeValue> atLimit = item("pk", s("k"), "p", s("x".repeat(409_600 - 3 - 1)));
        client.putItem(b -> b.tableName("hash").item(atLimit));
        assertThat(client.getItem(b -> b.tableName("hash").key(item("pk", s("k")))).item().get("p").s()).hasSize(409_596);
        Map<String, AttributeValue> overLimit = item("pk", s("k"), "p", s("x".repeat(409_600 - 3)));
        String tooBig = "Item size has exceeded the maximum allowed size";
        assertValidation(() -> client.putItem(b -> b.tableName("hash").item(overLimit)), tooBig);
        // a request-level check: it wins over the missing table
        assertValidation(() -> client.putItem(b -> b.tableName("missing").item(overLimit)), tooBig);
        // numbers count by their digit pairs: 1 byte of name, 20 bytes for 38 digits
        Map<String, AttributeValue> withNumber = item("pk", s("k"), "n", n("1".repeat(38)), "p", s("x".repeat(409_600 - 3 - 21 - 1)));
        client.putItem(b -> b.tableName("hash").item(withNumber));
        withNumber.put("n", n("1".repeat(37) + "0"));
        client.putItem(b -> b.tableName("hash").item(withNumber));
        withNumber.put("n", n("1." + "1".repeat(37)));
        assertValidation(() -> client.putItem(b -> b.tableName("hash").item(withNumber)), tooBig);
    }

    @Test
    void updatesMayNotGrowAnItemPast400Kilobytes() {
        client.putItem(b -> b.tableName("hash").item(item("pk", s("k"), "p", s("x".repeat(409_600 - 4)))));
        assertValidation(() -> client.updateItem(b -> b.tableName("hash").key(item("pk", s("k")))
                        .attributeUpdates(Map.of("q", AttributeValueUpdate.builder().value(AttributeValue.fromBool(true)).build()))),
                "Item size to update has exceeded the maximum allowed size");
        assertThat(client.getItem(b -> b.tableName("hash").key(item("pk", s("k")))).item()).doesNotContainKey("q");
    }

    @Test
    void missingTablesAreNotFound() {
        String notFound = "Requested resource not found";
        assertError(() -> client.putItem(b -> b.tableName("missing").item(item("pk", s("a")))), "ResourceNotFoundException", notFound);
        assertError(() -> client.getItem(b -> b.tableName("missing").key(item("pk", s("a")))), "ResourceNotFoundException", notFound);
        assertError(() -> client.deleteItem(b -> b.tableName("missing").key(item("pk", s("a")))), "ResourceNotFoundException", notFound);
        assertError(() -> client.updateItem(b -> b.tableName("missing").key(item("pk", s("a")))), "ResourceNotFoundException", notFound);
    }
}
