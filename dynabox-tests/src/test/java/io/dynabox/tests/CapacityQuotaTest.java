package io.dynabox.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The account's default quota of 40,000 read and 40,000 write capacity units a table and a
 * global index, which DescribeLimits reports, applied as the service applies it: a
 * LimitExceededException naming what was asked for, after the request's validation.
 */
@ParameterizedClass
@EnumSource(Door.class)
class CapacityQuotaTest extends DoorTest {
    private static final String REFER = "Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.";

    private void createProvisioned(String name, long read, long write, long indexRead) {
        client.createTable(b -> b.tableName(name)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("g").attributeType(ScalarAttributeType.S))
                .globalSecondaryIndexes(i -> i.indexName("by-g").keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
                        .provisionedThroughput(t -> t.readCapacityUnits(indexRead).writeCapacityUnits(1L)))
                .billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(t -> t.readCapacityUnits(read).writeCapacityUnits(write)));
    }

    @Test
    void capacityAboveTheQuotaIsRefusedAtCreation() {
        assertThatThrownBy(() -> createProvisioned("big", 40_001, 1, 1))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageStartingWith("The requested ReadCapacityUnits, 40001, is above the per table maximum for the account in us-east-1. "
                        + "Per table maximum: 40000. " + REFER);
        assertThatThrownBy(() -> createProvisioned("big", 1, 50_000, 1))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageStartingWith("The requested WriteCapacityUnits, 50000, is above the per table maximum");
        assertThatThrownBy(() -> createProvisioned("big", 1, 1, 40_001))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageStartingWith("The requested ReadCapacityUnits for index by-g, 40001, is above the per index maximum for the account in us-east-1. "
                        + "Per table maximum: 40000. Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.");
        assertThat(client.listTables().tableNames()).isEmpty();
        createProvisioned("big", 40_000, 40_000, 40_000);
    }

    @Test
    void capacityAboveTheQuotaIsRefusedAtAnUpdate() {
        createProvisioned("grows", 5, 5, 5);
        assertThatThrownBy(() -> client.updateTable(b -> b.tableName("grows").provisionedThroughput(t -> t.readCapacityUnits(40_001L).writeCapacityUnits(5L))))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageStartingWith("The requested ReadCapacityUnits, 40001, is above the per table maximum for the account in us-east-1.");
        assertThatThrownBy(() -> client.updateTable(b -> b.tableName("grows").globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                        .update(u -> u.indexName("by-g").provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(40_001L))).build())))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageStartingWith("The requested WriteCapacityUnits for index by-g, 40001, is above the per index maximum");
        assertThat(client.describeTable(b -> b.tableName("grows")).table().provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
    }
}
