package io.dynabox.engine.operation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.Engine;
import io.dynabox.engine.RawRequests;
import io.dynabox.engine.store.MemoryStore;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Table descriptions byte for byte, with a fixed clock: members in alphabetical order, which
 * members appear in which answer, timestamps as the service prints them, and the members the
 * AWS SDK for Java in use cannot show (warm throughput).
 */
class TableDescriptionWireTest {
    private static final long NOW = 1_700_000_000_123L;
    private static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/tab1";
    private static final String TABLE_ID = "\"TableId\":\"[0-9a-f-]{36}\"";
    private static final String PROVISIONED = "{\"TableName\":\"tab1\",\"KeySchema\":[{\"AttributeName\":\"a\",\"KeyType\":\"HASH\"}],"
            + "\"AttributeDefinitions\":[{\"AttributeName\":\"a\",\"AttributeType\":\"S\"}],"
            + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":5,\"WriteCapacityUnits\":6}";
    private static final String ON_DEMAND = "{\"TableName\":\"tab1\",\"KeySchema\":[{\"AttributeName\":\"a\",\"KeyType\":\"HASH\"}],"
            + "\"AttributeDefinitions\":[{\"AttributeName\":\"g\",\"AttributeType\":\"N\"},{\"AttributeName\":\"a\",\"AttributeType\":\"S\"}],"
            + "\"BillingMode\":\"PAY_PER_REQUEST\",\"GlobalSecondaryIndexes\":[{\"IndexName\":\"byG\","
            + "\"KeySchema\":[{\"AttributeName\":\"g\",\"KeyType\":\"HASH\"}],\"Projection\":{\"ProjectionType\":\"INCLUDE\","
            + "\"NonKeyAttributes\":[\"z\",\"b\"]}}]";

    private final AtomicLong clock = new AtomicLong(NOW);
    private final Engine engine = new Engine(DynaboxOptions.defaults(), new MemoryStore(), clock::get);

    @AfterEach
    void close() {
        engine.close();
    }

    private String call(String action, String body) {
        return new String(RawRequests.response(engine, action, body).body(), StandardCharsets.UTF_8);
    }

    /** The body with its random TableId checked and taken out. */
    private static String withoutTableId(String body) {
        assertThat(body).containsPattern(TABLE_ID);
        return body.replaceAll(TABLE_ID + ",", "");
    }

    @Test
    void provisionedTableCreatedDescribedAndDeleted() {
        assertThat(withoutTableId(call("CreateTable", PROVISIONED + "}"))).isEqualTo("{\"TableDescription\":{"
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"a\",\"AttributeType\":\"S\"}],\"CreationDateTime\":1.700000000123E9,"
                + "\"DeletionProtectionEnabled\":false,\"ItemCount\":0,\"KeySchema\":[{\"AttributeName\":\"a\",\"KeyType\":\"HASH\"}],"
                + "\"ProvisionedThroughput\":{\"NumberOfDecreasesToday\":0,\"ReadCapacityUnits\":5,\"WriteCapacityUnits\":6},"
                + "\"TableArn\":\"" + ARN + "\",\"TableName\":\"tab1\",\"TableSizeBytes\":0,\"TableStatus\":\"CREATING\"}}");
        assertThat(withoutTableId(call("DescribeTable", "{\"TableName\":\"tab1\"}"))).isEqualTo("{\"Table\":{"
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"a\",\"AttributeType\":\"S\"}],\"CreationDateTime\":1.700000000123E9,"
                + "\"DeletionProtectionEnabled\":false,\"ItemCount\":0,\"KeySchema\":[{\"AttributeName\":\"a\",\"KeyType\":\"HASH\"}],"
                + "\"ProvisionedThroughput\":{\"NumberOfDecreasesToday\":0,\"ReadCapacityUnits\":5,\"WriteCapacityUnits\":6},"
                + "\"TableArn\":\"" + ARN + "\",\"TableName\":\"tab1\",\"TableSizeBytes\":0,\"TableStatus\":\"ACTIVE\","
                + "\"WarmThroughput\":{\"ReadUnitsPerSecond\":5,\"Status\":\"ACTIVE\",\"WriteUnitsPerSecond\":6}}}");
        assertThat(withoutTableId(call("DeleteTable", "{\"TableName\":\"tab1\"}"))).isEqualTo("{\"TableDescription\":{"
                + "\"DeletionProtectionEnabled\":false,\"ItemCount\":0,"
                + "\"ProvisionedThroughput\":{\"NumberOfDecreasesToday\":0,\"ReadCapacityUnits\":5,\"WriteCapacityUnits\":6},"
                + "\"TableArn\":\"" + ARN + "\",\"TableName\":\"tab1\",\"TableSizeBytes\":0,\"TableStatus\":\"DELETING\"}}");
    }

    @Test
    void onDemandTableWithAGlobalIndex() {
        String index = "{\"IndexArn\":\"" + ARN + "/index/byG\",\"IndexName\":\"byG\",\"IndexSizeBytes\":0,\"IndexStatus\":\"%s\",\"ItemCount\":0,"
                + "\"KeySchema\":[{\"AttributeName\":\"g\",\"KeyType\":\"HASH\"}],"
                + "\"Projection\":{\"NonKeyAttributes\":[\"b\",\"z\"],\"ProjectionType\":\"INCLUDE\"},"
                + "\"ProvisionedThroughput\":{\"NumberOfDecreasesToday\":0,\"ReadCapacityUnits\":0,\"WriteCapacityUnits\":0}%s}";
        String definitions = "\"AttributeDefinitions\":[{\"AttributeName\":\"a\",\"AttributeType\":\"S\"},{\"AttributeName\":\"g\",\"AttributeType\":\"N\"}],";
        assertThat(withoutTableId(call("CreateTable", ON_DEMAND + "}"))).isEqualTo("{\"TableDescription\":{" + definitions
                + "\"BillingModeSummary\":{\"BillingMode\":\"PAY_PER_REQUEST\"},\"CreationDateTime\":1.700000000123E9,"
                + "\"DeletionProtectionEnabled\":false,\"GlobalSecondaryIndexes\":[" + String.format(index, "CREATING", "") + "],"
                + "\"ItemCount\":0,\"KeySchema\":[{\"AttributeName\":\"a\",\"KeyType\":\"HASH\"}],"
                + "\"ProvisionedThroughput\":{\"NumberOfDecreasesToday\":0,\"ReadCapacityUnits\":0,\"WriteCapacityUnits\":0},"
                + "\"TableArn\":\"" + ARN + "\",\"TableName\":\"tab1\",\"TableSizeBytes\":0,\"TableStatus\":\"CREATING\"}}");
        String warm = ",\"WarmThroughput\":{\"ReadUnitsPerSecond\":12000,\"Status\":\"ACTIVE\",\"WriteUnitsPerSecond\":4000}";
        assertThat(withoutTableId(call("DescribeTable", "{\"TableName\":\"tab1\"}"))).isEqualTo("{\"Table\":{" + definitions
                + "\"BillingModeSummary\":{\"BillingMode\":\"PAY_PER_REQUEST\",\"LastUpdateToPayPerRequestDateTime\":1.700000000123E9},"
                + "\"CreationDateTime\":1.700000000123E9,\"DeletionProtectionEnabled\":false,"
                + "\"GlobalSecondaryIndexes\":[" + String.format(index, "ACTIVE", warm) + "],"
                + "\"ItemCount\":0,\"KeySchema\":[{\"AttributeName\":\"a\",\"KeyType\":\"HASH\"}],"
                + "\"ProvisionedThroughput\":{\"NumberOfDecreasesToday\":0,\"ReadCapacityUnits\":0,\"WriteCapacityUnits\":0},"
                + "\"TableArn\":\"" + ARN + "\",\"TableName\":\"tab1\",\"TableSizeBytes\":0,\"TableStatus\":\"ACTIVE\"" + warm + "}}");
    }

    @Test
    void warmThroughputAtCreateAndUpdate() {
        String invalid = "{\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"One or more parameter values were invalid: ";
        assertThat(call("CreateTable", PROVISIONED + ",\"WarmThroughput\":{\"ReadUnitsPerSecond\":4}}")).startsWith(invalid
                + "Requested ReadUnitsPerSecond for WarmThroughput for table is lower than ReadCapacityUnits of ProvisionedThroughput");
        assertThat(call("CreateTable", ON_DEMAND + ",\"WarmThroughput\":{\"ReadUnitsPerSecond\":11999}}")).startsWith(invalid
                + "Requested ReadUnitsPerSecond for WarmThroughput for table is lower than initial throughput for OnDemand. See: "
                + "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/on-demand-capacity-mode.html#on-demand-capacity-mode-initial");
        // sent at create, it is in the answer; one member alone is enough
        assertThat(call("CreateTable", PROVISIONED + ",\"WarmThroughput\":{\"WriteUnitsPerSecond\":100}}"))
                .contains("\"WarmThroughput\":{\"ReadUnitsPerSecond\":5,\"Status\":\"ACTIVE\",\"WriteUnitsPerSecond\":100}");

        assertThat(call("UpdateTable", "{\"TableName\":\"tab1\",\"WarmThroughput\":{\"WriteUnitsPerSecond\":99}}")).startsWith(invalid
                + "Requested WriteUnitsPerSecond for WarmThroughput for table is lower than current WarmThroughput, "
                + "decreasing WarmThroughput is not supported");
        assertThat(call("UpdateTable", "{\"TableName\":\"tab1\",\"WarmThroughput\":{\"ReadUnitsPerSecond\":50}}"))
                .contains("\"TableStatus\":\"ACTIVE\",\"WarmThroughput\":{\"ReadUnitsPerSecond\":50,\"Status\":\"ACTIVE\",\"WriteUnitsPerSecond\":100}");
        assertThat(call("UpdateTable", "{\"TableName\":\"tab1\",\"WarmThroughput\":{\"ReadUnitsPerSecond\":1},\"DeletionProtectionEnabled\":true}"))
                .startsWith(invalid + "DeletionProtection modification must be the only operation in the request");
        // capacity above the warm throughput raises it; it never goes down again
        call("UpdateTable", "{\"TableName\":\"tab1\",\"ProvisionedThroughput\":{\"ReadCapacityUnits\":70,\"WriteCapacityUnits\":6}}");
        call("UpdateTable", "{\"TableName\":\"tab1\",\"ProvisionedThroughput\":{\"ReadCapacityUnits\":1,\"WriteCapacityUnits\":1}}");
        assertThat(call("DescribeTable", "{\"TableName\":\"tab1\"}"))
                .endsWith("\"WarmThroughput\":{\"ReadUnitsPerSecond\":70,\"Status\":\"ACTIVE\",\"WriteUnitsPerSecond\":100}}}");
    }

    @Test
    void throughputHistoryAndTheDailyDecreaseCounter() {
        call("CreateTable", PROVISIONED + "}");
        clock.addAndGet(1000);
        assertThat(call("UpdateTable", "{\"TableName\":\"tab1\",\"ProvisionedThroughput\":{\"ReadCapacityUnits\":4,\"WriteCapacityUnits\":7}}"))
                .contains("\"ProvisionedThroughput\":{\"LastDecreaseDateTime\":1.700000001123E9,\"LastIncreaseDateTime\":1.700000001123E9,"
                        + "\"NumberOfDecreasesToday\":0,\"ReadCapacityUnits\":5,\"WriteCapacityUnits\":6}");
        assertThat(call("DescribeTable", "{\"TableName\":\"tab1\"}"))
                .contains("\"ProvisionedThroughput\":{\"LastDecreaseDateTime\":1.700000001123E9,\"LastIncreaseDateTime\":1.700000001123E9,"
                        + "\"NumberOfDecreasesToday\":1,\"ReadCapacityUnits\":4,\"WriteCapacityUnits\":7}");
        // the counter starts again at midnight UTC
        clock.addAndGet(86_400_000L);
        assertThat(call("DescribeTable", "{\"TableName\":\"tab1\"}")).contains("\"NumberOfDecreasesToday\":0,\"ReadCapacityUnits\":4");
        call("UpdateTable", "{\"TableName\":\"tab1\",\"ProvisionedThroughput\":{\"ReadCapacityUnits\":3,\"WriteCapacityUnits\":7}}");
        assertThat(call("DescribeTable", "{\"TableName\":\"tab1\"}")).contains("\"NumberOfDecreasesToday\":1,\"ReadCapacityUnits\":3");
    }

    @Test
    void streamLabelIsTheUtcTimeOfEnabling() {
        call("CreateTable", PROVISIONED + ",\"StreamSpecification\":{\"StreamEnabled\":true,\"StreamViewType\":\"KEYS_ONLY\"}}");
        assertThat(call("DescribeTable", "{\"TableName\":\"tab1\"}")).contains("\"LatestStreamArn\":\"" + ARN
                + "/stream/2023-11-14T22:13:20.123\",\"LatestStreamLabel\":\"2023-11-14T22:13:20.123\"")
                .contains("\"StreamSpecification\":{\"StreamEnabled\":true,\"StreamViewType\":\"KEYS_ONLY\"}");
    }

    @Test
    void emptyOnDemandLimitsAreInvalid() {
        call("CreateTable", ON_DEMAND + "}");
        assertThat(call("UpdateTable", "{\"TableName\":\"tab1\",\"OnDemandThroughput\":{}}"))
                .startsWith("{\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"One or more parameter values were invalid: "
                        + "OnDemandThroughput must not be empty");
    }
}
