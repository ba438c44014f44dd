package io.dynabox.tests.items;

import static io.dynabox.tests.items.ItemFixtures.INVALID;
import static io.dynabox.tests.items.ItemFixtures.assertValidation;
import static io.dynabox.tests.items.ItemFixtures.item;
import static io.dynabox.tests.items.ItemFixtures.n;
import static io.dynabox.tests.items.ItemFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.tests.Door;
import io.dynabox.tests.DoorTest;
import io.dynabox.tests.Tables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** PutItem, DeleteItem, UpdateItem with AttributeUpdates, GetItem with AttributesToGet: what they store and return. */
@ParameterizedClass
@EnumSource(Door.class)
class ItemWritesTest extends DoorTest {
    @BeforeEach
    void open() {
        Tables.hash(client, "items");
    }

    private static final Map<String, AttributeValue> KEY = Map.of("pk", s("k"));

    private static AttributeValueUpdate put(AttributeValue value) {
        return AttributeValueUpdate.builder().action(AttributeAction.PUT).value(value).build();
    }

    private static AttributeValueUpdate add(AttributeValue value) {
        return AttributeValueUpdate.builder().action(AttributeAction.ADD).value(value).build();
    }

    private static AttributeValueUpdate delete(AttributeValue value) {
        return AttributeValueUpdate.builder().action(AttributeAction.DELETE).value(value).build();
    }

    private UpdateItemResponse update(ReturnValue returnValues, Map<String, AttributeValueUpdate> updates) {
        return client.updateItem(b -> b.tableName("items").key(KEY).attributeUpdates(updates).returnValues(returnValues));
    }

    private Map<String, AttributeValue> stored() {
        GetItemResponse response = client.getItem(b -> b.tableName("items").key(KEY));
        return response.hasItem() ? response.item() : null;
    }

    /** An ordered map, so the request lists updates in a known order. */
    private static Map<String, AttributeValueUpdate> updates(Object... namesAndUpdates) {
        Map<String, AttributeValueUpdate> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndUpdates.length; i += 2) map.put((String) namesAndUpdates[i], (AttributeValueUpdate) namesAndUpdates[i + 1]);
        return map;
    }

    @Test
    void putAndDeleteReturnOnlyNoneOrTheOldItem() {
        String message = "ReturnValues can only be ALL_OLD or NONE";
        for (ReturnValue value : List.of(ReturnValue.ALL_NEW, ReturnValue.UPDATED_OLD, ReturnValue.UPDATED_NEW)) {
            assertValidation(() -> client.putItem(b -> b.tableName("items").item(KEY).returnValues(value)), message);
            assertValidation(() -> client.deleteItem(b -> b.tableName("items").key(KEY).returnValues(value)), message);
            // request-level: before the table lookup
            assertValidation(() -> client.putItem(b -> b.tableName("missing").item(KEY).returnValues(value)), message);
        }
        assertThat(client.putItem(b -> b.tableName("items").item(item("pk", s("k"), "v", n("01"))).returnValues(ReturnValue.ALL_OLD)).hasAttributes()).isFalse();
        assertThat(client.putItem(b -> b.tableName("items").item(item("pk", s("k"), "v", n("2"))).returnValues(ReturnValue.ALL_OLD)).attributes())
                .isEqualTo(Map.of("pk", s("k"), "v", n("1")));
        assertThat(client.putItem(b -> b.tableName("items").item(item("pk", s("k"), "v", n("3")))).hasAttributes()).isFalse();
        assertThat(client.deleteItem(b -> b.tableName("items").key(KEY).returnValues(ReturnValue.ALL_OLD)).attributes())
                .isEqualTo(Map.of("pk", s("k"), "v", n("3")));
        assertThat(stored()).isNull();
        assertThat(client.deleteItem(b -> b.tableName("items").key(KEY).returnValues(ReturnValue.ALL_OLD)).hasAttributes()).isFalse();
    }

    @Test
    void getItemAnswersWithoutItemOnAMissAndProjectsAttributesToGet() {
        assertThat(client.getItem(b -> b.tableName("items").key(KEY)).hasItem()).isFalse();
        client.putItem(b -> b.tableName("items").item(item("pk", s("k"), "a", s("1"), "b", s("2"))));
        assertThat(client.getItem(b -> b.tableName("items").key(KEY).attributesToGet("b", "zz")).item()).isEqualTo(Map.of("b", s("2")));
        // key attributes are not added
        assertThat(client.getItem(b -> b.tableName("items").key(KEY).attributesToGet("a")).item()).isEqualTo(Map.of("a", s("1")));
        GetItemResponse nothing = client.getItem(b -> b.tableName("items").key(KEY).attributesToGet("zz"));
        assertThat(nothing.hasItem()).isTrue();
        assertThat(nothing.item()).isEmpty();
        assertValidation(() -> client.getItem(b -> b.tableName("items").key(KEY).attributesToGet("a", "b", "a")),
                INVALID + "Duplicate value in attribute name: a");
        // after the key values, before the table
        assertValidation(() -> client.getItem(b -> b.tableName("missing").key(KEY).attributesToGet("a", "a")),
                INVALID + "Duplicate value in attribute name: a");
        assertValidation(() -> client.getItem(b -> b.tableName("items").key(Map.of("pk", AttributeValue.builder().build())).attributesToGet("a", "a")),
                "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    }

    @Test
    void updateItemUpsertsTheKeyAlone() {
        assertThat(client.updateItem(b -> b.tableName("items").key(KEY).returnValues(ReturnValue.ALL_NEW)).attributes()).isEqualTo(KEY);
        assertThat(stored()).isEqualTo(KEY);
        client.deleteItem(b -> b.tableName("items").key(KEY));
        // a DELETE of an attribute of a missing item: "Nothing happens" (API reference, AttributeValueUpdate)
        update(ReturnValue.NONE, updates("gone", AttributeValueUpdate.builder().action(AttributeAction.DELETE).build()));
        assertThat(stored()).isNull();
    }

    @Test
    void attributeUpdatesPutAddAndDelete() {
        update(ReturnValue.NONE, updates("n", put(n("5")), "ss", put(AttributeValue.fromSs(List.of("a", "b"))), "l", put(AttributeValue.fromL(List.of(s("a"), n("1"))))));
        update(ReturnValue.NONE, updates("n", add(n("2.50")), "ss", add(AttributeValue.fromSs(List.of("b", "c"))),
                "l", add(AttributeValue.fromL(List.of(s("b"), n("2")))), "fresh", add(n("-3")),
                "ns", add(AttributeValue.fromNs(List.of("1", "2")))));
        Map<String, AttributeValue> item = stored();
        assertThat(item.get("n")).isEqualTo(n("7.5"));
        assertThat(item.get("ss").ss()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(item.get("l").l()).containsExactly(s("a"), n("1"), s("b"), n("2"));
        assertThat(item.get("fresh")).isEqualTo(n("-3"));
        assertThat(item.get("ns").ns()).containsExactlyInAnyOrder("1", "2");

        update(ReturnValue.NONE, updates("ss", delete(AttributeValue.fromSs(List.of("a", "zz"))), "ns", delete(AttributeValue.fromNs(List.of("1", "2.0"))),
                "n", AttributeValueUpdate.builder().action(AttributeAction.DELETE).build(), "absent", delete(AttributeValue.fromSs(List.of("x")))));
        item = stored();
        assertThat(item.get("ss").ss()).containsExactlyInAnyOrder("b", "c");
        assertThat(item).doesNotContainKeys("ns", "n", "absent");
        // PUT replaces whatever type was there
        update(ReturnValue.NONE, updates("ss", put(s("now a string"))));
        assertThat(stored().get("ss")).isEqualTo(s("now a string"));
    }

    @Test
    void attributeUpdatesOfTheWrongTypeAreRefused() {
        update(ReturnValue.NONE, updates("s", put(s("x")), "ss", put(AttributeValue.fromSs(List.of("a"))), "n", put(n("1"))));
        String mismatch = "Type mismatch for attribute to update";
        assertValidation(() -> update(ReturnValue.NONE, updates("s", add(n("1")))), mismatch);
        assertValidation(() -> update(ReturnValue.NONE, updates("ss", add(AttributeValue.fromNs(List.of("1"))))), mismatch);
        assertValidation(() -> update(ReturnValue.NONE, updates("ss", delete(AttributeValue.fromNs(List.of("1"))))), mismatch);
        assertValidation(() -> update(ReturnValue.NONE, updates("n", add(AttributeValue.fromL(List.of(n("1")))))), mismatch);
        assertValidation(() -> update(ReturnValue.NONE, updates("n", add(n("1e125")), "s", put(s("changed")))),
                "Number overflow. Attempting to store a number with magnitude larger than supported range");
        assertThat(stored().get("s")).isEqualTo(s("x"));
        assertValidation(() -> update(ReturnValue.NONE, updates("n", add(n("0." + "0".repeat(37) + "1")))),
                "Number overflow. Attempting to store a number with magnitude larger than supported range");
    }

    @Test
    void attributeUpdatesAreCheckedInTheServiceOrder() {
        assertValidation(() -> update(ReturnValue.NONE, updates("a", AttributeValueUpdate.builder().build())),
                INVALID + "Only DELETE action is allowed when no attribute value is specified");
        assertValidation(() -> update(ReturnValue.NONE, updates("a", AttributeValueUpdate.builder().action(AttributeAction.ADD).build())),
                INVALID + "Only DELETE action is allowed when no attribute value is specified");
        Map<String, AttributeValue> notSets = Map.of("S", s("x"), "N", n("1"), "BOOL", AttributeValue.fromBool(true),
                "NULL", AttributeValue.fromNul(true), "M", AttributeValue.fromM(Map.of()), "L", AttributeValue.fromL(List.of()),
                "B", AttributeValue.fromB(SdkBytes.fromUtf8String("b")));
        notSets.forEach((type, value) -> assertValidation(() -> update(ReturnValue.NONE, updates("a", delete(value))),
                INVALID + "DELETE action with value is not supported for the type " + type));
        notSets.forEach((type, value) -> {
            if (type.equals("N") || type.equals("L")) return; // numbers add, lists append
            assertValidation(() -> update(ReturnValue.NONE, updates("a", add(value))), INVALID + "ADD action is not supported for the type " + type);
        });
        // first entry first; the value of an entry before its action
        assertValidation(() -> update(ReturnValue.NONE, updates("a", add(s("x")), "b", AttributeValueUpdate.builder().build())),
                INVALID + "ADD action is not supported for the type S");
        assertValidation(() -> update(ReturnValue.NONE, updates("a", delete(AttributeValue.fromSs(List.of())))),
                INVALID + "An string set  may not be empty");
        assertValidation(() -> client.updateItem(b -> b.tableName("missing").key(KEY).attributeUpdates(updates("a", add(s("x"))))),
                INVALID + "ADD action is not supported for the type S");
        // post-table: the key cannot be updated
        assertValidation(() -> update(ReturnValue.NONE, updates("pk", put(s("other")))),
                INVALID + "Cannot update attribute pk. This attribute is part of the key");
        assertValidation(() -> update(ReturnValue.NONE, updates("pk", AttributeValueUpdate.builder().action(AttributeAction.DELETE).build())),
                INVALID + "Cannot update attribute pk. This attribute is part of the key");
    }

    @Test
    void updateItemReturnValues() {
        assertThat(update(ReturnValue.ALL_OLD, updates("a", put(s("1")))).hasAttributes()).isFalse();
        assertThat(update(ReturnValue.UPDATED_OLD, updates("b", put(s("2")))).hasAttributes()).isFalse();
        assertThat(update(ReturnValue.ALL_OLD, updates("c", put(s("3")))).attributes())
                .isEqualTo(Map.of("pk", s("k"), "a", s("1"), "b", s("2")));
        assertThat(update(ReturnValue.ALL_NEW, updates("d", put(n("4.0")))).attributes())
                .isEqualTo(Map.of("pk", s("k"), "a", s("1"), "b", s("2"), "c", s("3"), "d", n("4")));
        assertThat(update(ReturnValue.UPDATED_OLD, updates("a", put(s("1b")), "new", put(s("x")))).attributes()).isEqualTo(Map.of("a", s("1")));
        assertThat(update(ReturnValue.UPDATED_NEW, updates("a", put(s("1c")), "d", add(n("1")))).attributes())
                .isEqualTo(Map.of("a", s("1c"), "d", n("5")));
        // removed attributes are not "new"; an emptied set is removed
        update(ReturnValue.NONE, updates("set", put(AttributeValue.fromSs(List.of("x")))));
        assertThat(update(ReturnValue.UPDATED_NEW, updates("b", AttributeValueUpdate.builder().action(AttributeAction.DELETE).build(),
                "set", delete(AttributeValue.fromSs(List.of("x"))))).hasAttributes()).isFalse();
        assertThat(update(ReturnValue.UPDATED_OLD, updates("c", AttributeValueUpdate.builder().action(AttributeAction.DELETE).build())).attributes())
                .isEqualTo(Map.of("c", s("3")));
        assertThat(update(ReturnValue.NONE, updates("z", put(s("z")))).hasAttributes()).isFalse();
    }
}
