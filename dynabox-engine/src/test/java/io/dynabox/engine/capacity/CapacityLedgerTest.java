package io.dynabox.engine.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.DynamoRequest;
import io.dynabox.engine.Engine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every request charges its ledger, asked for ReturnConsumedCapacity or not; listeners receive it. */
class CapacityLedgerTest {
    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=k/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";

    private static void call(Engine engine, String action, String body) {
        engine.handle(new DynamoRequest("DynamoDB_20120810." + action, AUTH, "20260101T000000Z", body.getBytes(StandardCharsets.UTF_8)));
    }

    /** One charge as text: action, table, index (or -), read or write, units, whether it names a partition. */
    private record Seen(String action, String charge) {
    }

    @Test
    void everyReadAndWriteIsChargedToTheTableAndIndexesItTouches() throws Exception {
        List<Seen> seen = new ArrayList<>();
        try (Engine engine = new Engine(DynaboxOptions.defaults());
             AutoCloseable subscription = engine.onCapacity((namespace, action, requestId, ledger) -> {
                 for (CapacityLedger.Charge c : ledger.charges()) {
                     seen.add(new Seen(action, c.table().name() + " " + (c.index() == null ? "-" : c.index()) + " " + (c.write() ? "write" : "read")
                             + " " + c.units() + (c.partitionHash() == null ? " all partitions" : " one partition")));
                 }
             })) {
            call(engine, "CreateTable", "{\"TableName\":\"things\",\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
                    + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"},{\"AttributeName\":\"g\",\"AttributeType\":\"S\"}],"
                    + "\"GlobalSecondaryIndexes\":[{\"IndexName\":\"by-g\",\"KeySchema\":[{\"AttributeName\":\"g\",\"KeyType\":\"HASH\"}],"
                    + "\"Projection\":{\"ProjectionType\":\"ALL\"}}],\"BillingMode\":\"PAY_PER_REQUEST\"}");
            call(engine, "PutItem", "{\"TableName\":\"things\",\"Item\":{\"id\":{\"S\":\"a\"},\"g\":{\"S\":\"x\"},\"big\":{\"S\":\"" + "y".repeat(5000) + "\"}}}");
            call(engine, "GetItem", "{\"TableName\":\"things\",\"Key\":{\"id\":{\"S\":\"a\"}},\"ConsistentRead\":true}");
            call(engine, "Query", "{\"TableName\":\"things\",\"IndexName\":\"by-g\",\"KeyConditionExpression\":\"g = :g\","
                    + "\"ExpressionAttributeValues\":{\":g\":{\"S\":\"x\"}}}");
            call(engine, "Scan", "{\"TableName\":\"things\"}");
            call(engine, "DeleteItem", "{\"TableName\":\"things\",\"Key\":{\"id\":{\"S\":\"missing\"}}}");
        }

        assertThat(seen).containsExactly(
                new Seen("PutItem", "things - write 5.0 one partition"),
                new Seen("PutItem", "things by-g write 5.0 one partition"),
                new Seen("GetItem", "things - read 2.0 one partition"),
                new Seen("Query", "things - read 0.0 one partition"),
                new Seen("Query", "things by-g read 1.0 one partition"),
                new Seen("Scan", "things - read 1.0 all partitions"),
                new Seen("DeleteItem", "things - write 1.0 one partition"));
    }

    @Test
    void unitArithmetic() {
        assertThat(CapacityUnits.readUnits(0, true)).isEqualTo(1.0);
        assertThat(CapacityUnits.readUnits(4096, true)).isEqualTo(1.0);
        assertThat(CapacityUnits.readUnits(4097, true)).isEqualTo(2.0);
        assertThat(CapacityUnits.readUnits(4097, false)).isEqualTo(1.0);
        assertThat(CapacityUnits.readUnits(1, false)).isEqualTo(0.5);
        assertThat(CapacityUnits.writeUnits(0)).isEqualTo(1);
        assertThat(CapacityUnits.writeUnits(1024)).isEqualTo(1);
        assertThat(CapacityUnits.writeUnits(1025)).isEqualTo(2);
    }
}
