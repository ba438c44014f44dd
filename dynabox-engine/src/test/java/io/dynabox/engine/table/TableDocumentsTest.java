package io.dynabox.engine.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynabox.engine.store.MemoryStore;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.wire.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableDocumentsTest {

    @Test
    void everyFieldOfADefinitionAndTheStatusRoundTrip() {
        KeySchema key = new KeySchema("pk", AttributeValue.Type.S, "sk", AttributeValue.Type.N);
        IndexDefinition lsi = new IndexDefinition("byDate", false, new KeySchema("pk", AttributeValue.Type.S, "d", AttributeValue.Type.S),
                new Projection(Projection.KEYS_ONLY, null), null, Table.ACTIVE, false, null, null);
        IndexDefinition gsi = new IndexDefinition("byOwner", true, new KeySchema("owner", AttributeValue.Type.B, null, null),
                new Projection(Projection.INCLUDE, List.of("a", "b")), new Throughput(5, 6, 1.5, null, 2), Table.CREATING, true,
                io.dynabox.engine.wire.Json.object().put("MaxReadRequestUnits", 100), new TableDefinition.Warm(20, 30));
        TableDefinition definition = new TableDefinition("t", "id-1", "arn:aws:dynamodb:us-east-1:000000000000:table/t", 1700000000.123,
                key, Map.of("pk", AttributeValue.Type.S, "sk", AttributeValue.Type.N, "d", AttributeValue.Type.S, "owner", AttributeValue.Type.B),
                TableDefinition.PROVISIONED, 1690000000.5, Throughput.of(10, 20), List.of(lsi), List.of(gsi),
                true, "NEW_IMAGE", "2026-11-22T03:00:00.000", Json.object().put("Status", "ENABLED"),
                List.of(Map.entry("k1", "v1"), Map.entry("k2", "")), "STANDARD_INFREQUENT_ACCESS", true,
                Json.object().put("MaxReadRequestUnits", 4), 1695000000.25, new TableDefinition.Warm(12000, 4000));
        MemoryStore store = new MemoryStore();
        Table table = new Table(definition, store, "ns", Table.UPDATING, 1234L);

        Table read = TableDocuments.read(TableDocuments.write(table), store, "ns");

        assertThat(read.definition()).isEqualTo(definition);
        assertThat(read.status(1000L)).isEqualTo(Table.UPDATING);
        assertThat(read.status(1234L)).isEqualTo(Table.ACTIVE);
    }

    @Test
    void unknownMembersAreIgnoredAndABrokenDocumentIsReported() {
        String document = "{\"definition\":{\"name\":\"t\",\"keySchema\":{\"partitionName\":\"id\",\"partitionType\":\"S\"},"
                + "\"attributeDefinitions\":{\"id\":\"S\"},\"localIndexes\":[],\"globalIndexes\":[],\"tags\":[],\"addedLater\":1},"
                + "\"status\":\"ACTIVE\",\"settledAtMillis\":0,\"alsoLater\":true}";
        Table table = TableDocuments.read(document.getBytes(StandardCharsets.UTF_8), new MemoryStore(), "ns");
        assertThat(table.name()).isEqualTo("t");
        assertThat(table.definition().keySchema().hasSort()).isFalse();
        assertThatThrownBy(() -> TableDocuments.read("{\"definition\":".getBytes(StandardCharsets.UTF_8), new MemoryStore(), "ns"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the stored metadata of a table cannot be read");
    }
}
