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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.KeyType;

/**
 * Index keys have the table's key size limits (partition 2048 bytes, sort 1024), with the
 * service's own text naming the index; an index backfilled on existing items leaves out the
 * items whose values could not be its keys (the service's index key violations) instead of failing.
 */
@ParameterizedClass
@EnumSource(Door.class)
class IndexKeyLimitsTest extends DoorTest {

    @Test
    void writesOverAnIndexKeyLimitAreRefusedNamingTheIndex() {
        ItemFixtures.createIndexedTable(client, "indexed");
        client.putItem(b -> b.tableName("indexed").item(item("pk", s("a"), "sk", s("b"), "g", s("x".repeat(2048)), "l", s("y".repeat(1024)))));
        assertValidation(() -> client.putItem(b -> b.tableName("indexed").item(item("pk", s("a"), "sk", s("b"), "g", s("x".repeat(2049))))),
                INVALID + "Size limit exceeded for Index Key g Actual Size: 2049 bytes Max Size: 2048 bytes IndexName: gsi1");
        assertValidation(() -> client.putItem(b -> b.tableName("indexed").item(item("pk", s("a"), "sk", s("b"), "l", s("é".repeat(513))))),
                INVALID + "Size limit exceeded for Index Key l Actual Size: 1026 bytes Max Size: 1024 bytes IndexName: lsi1");
        assertValidation(() -> client.updateItem(b -> b.tableName("indexed").key(item("pk", s("a"), "sk", s("b")))
                        .updateExpression("SET g = :g").expressionAttributeValues(Map.of(":g", s("x".repeat(3000))))),
                INVALID + "Size limit exceeded for Index Key g Actual Size: 3000 bytes Max Size: 2048 bytes IndexName: gsi1");
        // numbers are never size-checked
        client.putItem(b -> b.tableName("indexed").item(item("pk", s("a"), "sk", s("c"), "m", n("9".repeat(38)))));
    }

    @Test
    void aBackfillLeavesOutItemsWhoseValuesCannotBeIndexKeys() {
        Tables.hash(client, "things");
        client.putItem(b -> b.tableName("things").item(item("pk", s("fits"), "tag", s("t".repeat(2048)))));
        client.putItem(b -> b.tableName("things").item(item("pk", s("too-big"), "tag", s("t".repeat(2049)))));
        client.putItem(b -> b.tableName("things").item(item("pk", s("empty"), "tag", s(""))));
        client.putItem(b -> b.tableName("things").item(item("pk", s("none"))));
        client.updateTable(b -> b.tableName("things")
                .attributeDefinitions(a -> a.attributeName("tag").attributeType(ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byTag")
                        .keySchema(k -> k.attributeName("tag").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))));
        for (int i = 0; i < 100; i++) {
            var index = client.describeTable(b -> b.tableName("things")).table().globalSecondaryIndexes().get(0);
            if (index.indexStatus() == IndexStatus.ACTIVE && !Boolean.TRUE.equals(index.backfilling())) break;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        var entries = client.scan(b -> b.tableName("things").indexName("byTag")).items();
        assertThat(entries).extracting(e -> e.get("pk").s()).containsExactly("fits");
        assertThat(client.scan(b -> b.tableName("things")).count()).isEqualTo(4); // the table keeps them all
    }
}
