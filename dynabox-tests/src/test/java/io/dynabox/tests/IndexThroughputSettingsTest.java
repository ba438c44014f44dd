package io.dynabox.tests;

import static io.dynabox.tests.TableFixtures.all;
import static io.dynabox.tests.TableFixtures.assertValidation;
import static io.dynabox.tests.TableFixtures.hash;
import static io.dynabox.tests.TableFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;

/** A global index's own OnDemandThroughput and WarmThroughput: kept, described and updated as the service does. */
@ParameterizedClass
@EnumSource(Door.class)
class IndexThroughputSettingsTest extends DoorTest {

    private GlobalSecondaryIndexDescription index() {
        return client.describeTable(b -> b.tableName("orders")).table().globalSecondaryIndexes().get(0);
    }

    private void createOnDemand() {
        client.createTable(b -> b.tableName("orders").attributeDefinitions(s("pk"), s("g")).keySchema(hash("pk"))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .globalSecondaryIndexes(g -> g.indexName("byG").keySchema(hash("g")).projection(all())
                        .onDemandThroughput(o -> o.maxReadRequestUnits(100L).maxWriteRequestUnits(50L))
                        .warmThroughput(w -> w.readUnitsPerSecond(15_000L).writeUnitsPerSecond(5_000L))));
    }

    @Test
    void anIndexKeepsItsOwnOnDemandAndWarmThroughput() {
        createOnDemand();
        GlobalSecondaryIndexDescription created = index();
        assertThat(created.onDemandThroughput().maxReadRequestUnits()).isEqualTo(100L);
        assertThat(created.onDemandThroughput().maxWriteRequestUnits()).isEqualTo(50L);
        assertThat(created.warmThroughput().readUnitsPerSecond()).isEqualTo(15_000L);
        assertThat(created.warmThroughput().writeUnitsPerSecond()).isEqualTo(5_000L);

        client.updateTable(b -> b.tableName("orders").globalSecondaryIndexUpdates(u -> u.update(i -> i.indexName("byG")
                .onDemandThroughput(o -> o.maxReadRequestUnits(200L)))));
        assertThat(index().onDemandThroughput().maxReadRequestUnits()).isEqualTo(200L);
        assertThat(index().onDemandThroughput().maxWriteRequestUnits()).isEqualTo(50L);
        client.updateTable(b -> b.tableName("orders").globalSecondaryIndexUpdates(u -> u.update(i -> i.indexName("byG")
                .onDemandThroughput(o -> o.maxWriteRequestUnits(-1L)))));
        assertThat(index().onDemandThroughput().maxReadRequestUnits()).isEqualTo(200L);
        assertThat(index().onDemandThroughput().maxWriteRequestUnits()).isNull();

        client.updateTable(b -> b.tableName("orders").globalSecondaryIndexUpdates(u -> u.update(i -> i.indexName("byG")
                .warmThroughput(w -> w.readUnitsPerSecond(20_000L)))));
        assertThat(index().warmThroughput().readUnitsPerSecond()).isEqualTo(20_000L);
        assertThat(index().warmThroughput().writeUnitsPerSecond()).isEqualTo(5_000L);
        assertValidation(() -> client.updateTable(b -> b.tableName("orders").globalSecondaryIndexUpdates(u -> u.update(i -> i.indexName("byG")
                        .warmThroughput(w -> w.readUnitsPerSecond(13_000L))))),
                "One or more parameter values were invalid: Requested ReadUnitsPerSecond for WarmThroughput for index byG is lower than current WarmThroughput, decreasing WarmThroughput is not supported");
    }

    @Test
    void badIndexSettingsGetTheServiceErrors() {
        assertValidation(() -> client.createTable(b -> b.tableName("orders").attributeDefinitions(s("pk"), s("g")).keySchema(hash("pk"))
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .globalSecondaryIndexes(g -> g.indexName("byG").keySchema(hash("g")).projection(all())
                                .onDemandThroughput(o -> o.maxReadRequestUnits(0L)))),
                "One or more parameter values were invalid: Requested MaxReadRequestUnits for OnDemandThroughput for index : byG is outside of valid range");
        assertValidation(() -> client.createTable(b -> b.tableName("orders").attributeDefinitions(s("pk"), s("g")).keySchema(hash("pk"))
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .globalSecondaryIndexes(g -> g.indexName("byG").keySchema(hash("g")).projection(all())
                                .warmThroughput(w -> w.readUnitsPerSecond(100L)))),
                "One or more parameter values were invalid: Requested ReadUnitsPerSecond for WarmThroughput for index byG is lower than initial throughput for OnDemand.");
        createOnDemand();
        assertValidation(() -> client.updateTable(b -> b.tableName("orders").globalSecondaryIndexUpdates(u -> u.update(i -> i.indexName("byG")
                        .onDemandThroughput(o -> o.maxReadRequestUnits(-5L))))),
                "One or more parameter values were invalid: Requested MaxReadRequestUnits for OnDemandThroughput for index : byG is outside of valid range");
        assertThat(index().onDemandThroughput().maxReadRequestUnits()).isEqualTo(100L);
    }
}
