package io.dynabox.tests;

import static io.dynabox.tests.TableFixtures.all;
import static io.dynabox.tests.TableFixtures.assertError;
import static io.dynabox.tests.TableFixtures.hash;
import static io.dynabox.tests.TableFixtures.range;
import static io.dynabox.tests.TableFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsAction;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsMode;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsStatus;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsSummary;
import software.amazon.awssdk.services.dynamodb.model.DescribeContributorInsightsResponse;
import software.amazon.awssdk.services.dynamodb.model.ListContributorInsightsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateContributorInsightsResponse;

/** UpdateContributorInsights, DescribeContributorInsights, ListContributorInsights: statuses per table and per global index. */
@ParameterizedClass
@EnumSource(Door.class)
class ContributorInsightsTest extends DoorTest {

    private void createTable(String name) {
        client.createTable(b -> b.tableName(name).attributeDefinitions(s("pk"), s("sk"), s("g")).keySchema(hash("pk"), range("sk"))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .globalSecondaryIndexes(g -> g.indexName("byG").keySchema(hash("g")).projection(all())));
    }

    @Test
    void insightsGoOnAndOffPerTableAndIndex() {
        createTable("orders");
        DescribeContributorInsightsResponse off = client.describeContributorInsights(b -> b.tableName("orders"));
        assertThat(off.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.DISABLED);
        assertThat(off.hasContributorInsightsRuleList()).isFalse();

        UpdateContributorInsightsResponse enabling = client.updateContributorInsights(b -> b.tableName("orders")
                .contributorInsightsAction(ContributorInsightsAction.ENABLE));
        assertThat(enabling.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.ENABLING);
        assertThat(enabling.tableName()).isEqualTo("orders");
        assertThat(enabling.contributorInsightsMode()).isEqualTo(ContributorInsightsMode.ACCESSED_AND_THROTTLED_KEYS);

        DescribeContributorInsightsResponse on = client.describeContributorInsights(b -> b.tableName("orders"));
        assertThat(on.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.ENABLED);
        assertThat(on.contributorInsightsRuleList()).hasSize(4)
                .allMatch(r -> r.startsWith("DynamoDBContributorInsights-") && r.contains("-orders-"));
        assertThat(on.lastUpdateDateTime()).isNotNull();
        assertThat(on.indexName()).isNull();

        client.updateContributorInsights(b -> b.tableName("orders").indexName("byG")
                .contributorInsightsAction(ContributorInsightsAction.ENABLE).contributorInsightsMode(ContributorInsightsMode.THROTTLED_KEYS));
        DescribeContributorInsightsResponse index = client.describeContributorInsights(b -> b.tableName("orders").indexName("byG"));
        assertThat(index.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.ENABLED);
        assertThat(index.indexName()).isEqualTo("byG");
        assertThat(index.contributorInsightsMode()).isEqualTo(ContributorInsightsMode.THROTTLED_KEYS);
        // throttled keys only, and the index has no sort key: one rule (observed in 2026)
        assertThat(index.contributorInsightsRuleList()).singleElement().asString().startsWith("DynamoDBContributorInsights-PKT-orders-byG-");

        UpdateContributorInsightsResponse disabling = client.updateContributorInsights(b -> b.tableName("orders")
                .contributorInsightsAction(ContributorInsightsAction.DISABLE));
        assertThat(disabling.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.DISABLING);
        assertThat(client.describeContributorInsights(b -> b.tableName("orders")).contributorInsightsStatus())
                .isEqualTo(ContributorInsightsStatus.DISABLED);

        // the service lists insights that are on or changing, not those that are off
        List<ContributorInsightsSummary> summaries = client.listContributorInsights(b -> {}).contributorInsightsSummaries();
        assertThat(summaries).extracting(ContributorInsightsSummary::indexName).containsExactly("byG");
        assertThat(summaries).extracting(ContributorInsightsSummary::contributorInsightsStatus)
                .containsExactly(ContributorInsightsStatus.ENABLED);
    }

    @Test
    void aDeletedIndexTakesItsInsightsWithIt() {
        createTable("orders");
        client.updateContributorInsights(b -> b.tableName("orders").indexName("byG").contributorInsightsAction(ContributorInsightsAction.ENABLE));
        client.updateTable(b -> b.tableName("orders").globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName("byG"))));
        // listed no more (observed in 2026), where the index's entry stayed ENABLED for good
        assertThat(client.listContributorInsights(b -> b.tableName("orders")).contributorInsightsSummaries()).isEmpty();
        // and an index of its name made again starts without
        client.updateTable(b -> b.tableName("orders").attributeDefinitions(s("g"))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byG").keySchema(hash("g")).projection(all()))));
        assertThat(client.describeContributorInsights(b -> b.tableName("orders").indexName("byG")).contributorInsightsStatus())
                .isEqualTo(ContributorInsightsStatus.DISABLED);
    }

    @Test
    void askingForTheSettledStateChangesNothing() {
        createTable("orders");
        UpdateContributorInsightsResponse neverOn = client.updateContributorInsights(b -> b.tableName("orders")
                .contributorInsightsAction(ContributorInsightsAction.DISABLE));
        assertThat(neverOn.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.DISABLED);
        assertThat(neverOn.contributorInsightsMode()).isNull();
        DescribeContributorInsightsResponse untouched = client.describeContributorInsights(b -> b.tableName("orders"));
        assertThat(untouched.contributorInsightsMode()).isNull();
        assertThat(untouched.lastUpdateDateTime()).isNull();

        client.updateContributorInsights(b -> b.tableName("orders").contributorInsightsAction(ContributorInsightsAction.ENABLE));
        DescribeContributorInsightsResponse on = client.describeContributorInsights(b -> b.tableName("orders"));
        UpdateContributorInsightsResponse again = client.updateContributorInsights(b -> b.tableName("orders")
                .contributorInsightsAction(ContributorInsightsAction.ENABLE));
        assertThat(again.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.ENABLED);
        assertThat(client.describeContributorInsights(b -> b.tableName("orders")).contributorInsightsRuleList())
                .isEqualTo(on.contributorInsightsRuleList());

        // a new mode is a change, and turning on without a mode asks for the default one
        assertThat(client.updateContributorInsights(b -> b.tableName("orders").contributorInsightsAction(ContributorInsightsAction.ENABLE)
                .contributorInsightsMode(ContributorInsightsMode.THROTTLED_KEYS)).contributorInsightsStatus())
                .isEqualTo(ContributorInsightsStatus.ENABLING);
        UpdateContributorInsightsResponse back = client.updateContributorInsights(b -> b.tableName("orders")
                .contributorInsightsAction(ContributorInsightsAction.ENABLE));
        assertThat(back.contributorInsightsStatus()).isEqualTo(ContributorInsightsStatus.ENABLING);
        assertThat(back.contributorInsightsMode()).isEqualTo(ContributorInsightsMode.ACCESSED_AND_THROTTLED_KEYS);
        // a change of mode keeps the rules made when insights were turned on (observed in 2026)
        assertThat(client.describeContributorInsights(b -> b.tableName("orders")).contributorInsightsRuleList())
                .isEqualTo(on.contributorInsightsRuleList());
        client.updateContributorInsights(b -> b.tableName("orders").contributorInsightsAction(ContributorInsightsAction.ENABLE)
                .contributorInsightsMode(ContributorInsightsMode.THROTTLED_KEYS));
        assertThat(client.describeContributorInsights(b -> b.tableName("orders")).contributorInsightsRuleList())
                .containsExactly(on.contributorInsightsRuleList().get(2), on.contributorInsightsRuleList().get(3))
                .allMatch(rule -> rule.contains("-PKT-") || rule.contains("-SKT-"));
        // turning off names the mode in force, whatever mode the request names
        UpdateContributorInsightsResponse off = client.updateContributorInsights(b -> b.tableName("orders")
                .contributorInsightsAction(ContributorInsightsAction.DISABLE).contributorInsightsMode(ContributorInsightsMode.ACCESSED_AND_THROTTLED_KEYS));
        assertThat(off.contributorInsightsMode()).isEqualTo(ContributorInsightsMode.THROTTLED_KEYS);
    }

    @Test
    void listsPage() {
        for (int i = 0; i < 5; i++) {
            String name = "tab" + i;
            createTable(name);
            client.updateContributorInsights(b -> b.tableName(name).contributorInsightsAction(ContributorInsightsAction.ENABLE));
        }
        List<String> tables = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListContributorInsightsResponse page = client.listContributorInsights(b -> b.maxResults(2).nextToken(next));
            page.contributorInsightsSummaries().forEach(s -> tables.add(s.tableName()));
            token = page.nextToken();
        } while (token != null);
        assertThat(tables).containsExactly("tab0", "tab1", "tab2", "tab3", "tab4");
        assertThat(client.listContributorInsights(b -> b.tableName("tab3")).contributorInsightsSummaries())
                .extracting(ContributorInsightsSummary::tableName).containsExactly("tab3");
    }

    @Test
    void missingTablesAndIndexesAreNotFound() {
        createTable("orders");
        assertError(() -> client.describeContributorInsights(b -> b.tableName("nope")), "ResourceNotFoundException",
                "Requested resource not found: Table: nope not found");
        assertError(() -> client.updateContributorInsights(b -> b.tableName("orders").indexName("nope")
                .contributorInsightsAction(ContributorInsightsAction.ENABLE)), "ResourceNotFoundException",
                "Requested resource not found: Index: nope not found for table: orders");
    }
}
