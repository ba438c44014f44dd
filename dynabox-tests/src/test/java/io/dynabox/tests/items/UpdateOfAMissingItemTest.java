package io.dynabox.tests.items;

import static io.dynabox.tests.items.ItemFixtures.item;
import static io.dynabox.tests.items.ItemFixtures.n;
import static io.dynabox.tests.items.ItemFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.tests.Door;
import io.dynabox.tests.DoorTest;
import io.dynabox.tests.Tables;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * An UpdateItem on a missing item creates it only when its actions leave something besides the
 * key: a REMOVE or DELETE ("Nothing happens; there is no attribute to delete", API reference of
 * AttributeUpdates) does not, with an UpdateExpression or with the legacy AttributeUpdates, which
 * are one implementation. ADD of a list, which only AttributeUpdates has, appends.
 */
@ParameterizedClass
@EnumSource(Door.class)
class UpdateOfAMissingItemTest extends DoorTest {
    @BeforeEach
    void table() {
        Tables.hash(client, "things");
    }

    private boolean exists(String pk) {
        return client.getItem(b -> b.tableName("things").key(item("pk", s(pk)))).hasItem();
    }

    private void update(String pk, Consumer<UpdateItemRequest.Builder> details) {
        client.updateItem(b -> details.accept(b.tableName("things").key(item("pk", s(pk)))));
    }

    @Test
    void actionsThatAddNothingDoNotCreateTheItem() {
        update("remove", b -> b.updateExpression("REMOVE x"));
        update("delete", b -> b.updateExpression("DELETE s :v").expressionAttributeValues(Map.of(":v", AttributeValue.fromSs(List.of("a")))));
        update("legacy-delete", b -> b.attributeUpdates(Map.of("x", AttributeValueUpdate.builder().action(AttributeAction.DELETE).build())));
        update("legacy-delete-set", b -> b.attributeUpdates(Map.of("x", AttributeValueUpdate.builder().action(AttributeAction.DELETE)
                .value(AttributeValue.fromSs(List.of("a"))).build())));
        assertThat(List.of("remove", "delete", "legacy-delete", "legacy-delete-set")).noneMatch(this::exists);
    }

    @Test
    void actionsThatAddSomethingCreateIt() {
        update("set", b -> b.updateExpression("SET x = :v").expressionAttributeValues(Map.of(":v", n("1"))));
        update("legacy-put", b -> b.attributeUpdates(Map.of("x", AttributeValueUpdate.builder().value(n("1")).build())));
        update("legacy-add", b -> b.attributeUpdates(Map.of("x", AttributeValueUpdate.builder().action(AttributeAction.ADD).value(n("2")).build())));
        assertThat(List.of("set", "legacy-put", "legacy-add")).allMatch(this::exists);
    }

    @Test
    void legacyAddOfAListAppendsAndMismatchesKeepTheLegacyWords() {
        AttributeValueUpdate addList = AttributeValueUpdate.builder().action(AttributeAction.ADD)
                .value(AttributeValue.fromL(List.of(s("a")))).build();
        update("list", b -> b.attributeUpdates(Map.of("l", addList)));
        var answer = client.updateItem(b -> b.tableName("things").key(item("pk", s("list")))
                .attributeUpdates(Map.of("l", addList)).returnValues(ReturnValue.UPDATED_NEW));
        assertThat(answer.attributes()).isEqualTo(Map.of("l", AttributeValue.fromL(List.of(s("a"), s("a")))));
        update("number", b -> b.attributeUpdates(Map.of("x", AttributeValueUpdate.builder().value(s("text")).build())));
        ItemFixtures.assertValidation(() -> update("number", b -> b.attributeUpdates(Map.of("x",
                AttributeValueUpdate.builder().action(AttributeAction.ADD).value(n("1")).build()))), "Type mismatch for attribute to update");
        ItemFixtures.assertValidation(() -> update("number", b -> b.updateExpression("ADD x :one").expressionAttributeValues(Map.of(":one", n("1")))),
                "An operand in the update expression has an incorrect data type");
    }
}
