package io.dynabox.tests;

import static io.dynabox.tests.MultiAttributeIndexKeyTest.hash;
import static io.dynabox.tests.MultiAttributeIndexKeyTest.match;
import static io.dynabox.tests.MultiAttributeIndexKeyTest.matchesTable;
import static io.dynabox.tests.MultiAttributeIndexKeyTest.range;
import static io.dynabox.tests.ReadTables.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.server.DynaboxServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** With --db-path, a multi-attribute index's key schema and its entries come back after a restart. */
class MultiAttributeIndexPersistenceTest {
    @TempDir
    Path dir;

    @Test
    void aMultiAttributeIndexSurvivesARestart() {
        try (DynaboxServer server = DynaboxServer.start(DynaboxOptions.builder().port(0).dbPath(dir).build());
             DynamoDbClient client = PersistenceTest.client(server, "keys")) {
            client.createTable(matchesTable());
            client.putItem(b -> b.tableName("matches").item(match("m1", "winter", "na", 2, "upper")));
            client.putItem(b -> b.tableName("matches").item(match("m2", "winter", "na", 1, "lower")));
        }
        try (DynaboxServer server = DynaboxServer.start(DynaboxOptions.builder().port(0).dbPath(dir).build());
             DynamoDbClient client = PersistenceTest.client(server, "keys")) {
            assertThat(client.describeTable(b -> b.tableName("matches")).table().globalSecondaryIndexes().stream()
                    .filter(i -> i.indexName().equals("by-round")).findFirst().orElseThrow().keySchema())
                    .containsExactly(hash("tournament"), hash("region"), range("round"), range("bracket"));
            client.putItem(b -> b.tableName("matches").item(match("m3", "winter", "na", 1, "upper")));
            List<String> ids = new ArrayList<>();
            client.query(b -> b.tableName("matches").indexName("by-round").keyConditionExpression("tournament = :t AND #region = :r")
                    .expressionAttributeNames(Map.of("#region", "region")).expressionAttributeValues(Map.of(":t", s("winter"), ":r", s("na"))))
                    .items().forEach(i -> ids.add(i.get("id").s()));
            assertThat(ids).containsExactly("m2", "m3", "m1");
        }
    }
}
