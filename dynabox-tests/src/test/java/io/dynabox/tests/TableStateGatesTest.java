package io.dynabox.tests;

import static io.dynabox.tests.TableFixtures.assertError;
import static io.dynabox.tests.TableFixtures.hash;
import static io.dynabox.tests.TableFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsAction;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * What a table's sub-resources (Time to Live, backups, point-in-time recovery, contributor
 * insights, tags) answer while the table is being created or deleted: the service's refusals, observed
 * on the service in 2026 (docs/service-behaviour/tables.md §6.4), on a Dynabox whose tables take
 * five seconds of the test's clock to be created.
 */
@ParameterizedClass
@EnumSource(Door.class)
class TableStateGatesTest {
    private static final Duration TRANSITION = Duration.ofSeconds(5);

    @Parameter
    Door door;

    private StreamsBox box;

    @BeforeEach
    void open() {
        box = new StreamsBox(door, b -> b.delayTransientStatuses(TRANSITION));
        box.client.createTable(b -> b.tableName("slow").attributeDefinitions(s("id")).keySchema(hash("id"))
                .billingMode(BillingMode.PAY_PER_REQUEST));
    }

    @AfterEach
    void close() {
        box.close();
    }

    @Test
    void aTableBeingCreatedRefusesItsSubResourcesUntilActive() {
        assertError(() -> box.client.describeTimeToLive(b -> b.tableName("slow")), "ValidationException",
                "Cannot describe time to live while table is in CREATING state: Current table state is CREATING");
        assertError(() -> box.client.createBackup(b -> b.tableName("slow").backupName("early")), "ContinuousBackupsUnavailableException",
                "Backups are being enabled for the table: slow. Please retry later");
        assertError(() -> box.client.updateContinuousBackups(b -> b.tableName("slow")
                        .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true))), "ContinuousBackupsUnavailableException",
                "Backups are being enabled for the table: slow. Please retry later");
        assertError(() -> box.client.updateContributorInsights(b -> b.tableName("slow").contributorInsightsAction(ContributorInsightsAction.ENABLE)),
                "ValidationException", "Table or Index is not in a valid state to update Key Access Insights: "
                        + "TableStatus must be ACTIVE to enable ContributorInsights.");
        // Time to Live and tags wait for the table too (observed in 2026), each in its own words
        assertError(() -> box.client.updateTimeToLive(b -> b.tableName("slow").timeToLiveSpecification(t -> t.attributeName("exp").enabled(true))),
                "ResourceInUseException", "Attempt to change a resource which is still in use: Table slow is being created");
        String arn = box.client.describeTable(b -> b.tableName("slow")).table().tableArn();
        assertError(() -> box.client.tagResource(b -> b.resourceArn(arn).tags(t -> t.key("team").value("blue"))), "ResourceInUseException",
                "Attempt to change a resource which is still in use: Table is being created: slow");

        box.advance(TRANSITION);
        assertThat(box.client.describeTimeToLive(b -> b.tableName("slow")).timeToLiveDescription().timeToLiveStatus())
                .isEqualTo(TimeToLiveStatus.DISABLED);
        assertThat(box.client.createBackup(b -> b.tableName("slow").backupName("later")).backupDetails().backupName()).isEqualTo("later");
    }

    @Test
    void aTableBeingDeletedHasNoTimeToLiveToDescribeNorTagsToChange() {
        box.advance(TRANSITION);
        String arn = box.client.deleteTable(b -> b.tableName("slow")).tableDescription().tableArn();
        assertError(() -> box.client.describeTimeToLive(b -> b.tableName("slow")), "ValidationException",
                "Cannot describe time to live while table is in DELETING state: Current table state is DELETING");
        assertError(() -> box.client.tagResource(b -> b.resourceArn(arn).tags(t -> t.key("team").value("blue"))), "ResourceInUseException",
                "Attempt to change a resource which is still in use: Table is being deleted: slow");
        assertError(() -> box.client.untagResource(b -> b.resourceArn(arn).tagKeys("team")), "ResourceInUseException",
                "Attempt to change a resource which is still in use: Table is being deleted: slow");
        // its policy and insights still answer, and refuse a change (observed in 2026), where Dynabox said ResourceNotFound
        assertError(() -> box.client.getResourcePolicy(b -> b.resourceArn(arn)), "PolicyNotFoundException",
                "Resource-based policy not found for the provided ResourceArn: " + arn);
        assertError(() -> box.client.deleteResourcePolicy(b -> b.resourceArn(arn)), "ResourceInUseException",
                "Attempt to change a resource which is still in use: Table is being deleted: slow");
        assertThat(box.client.describeContributorInsights(b -> b.tableName("slow")).contributorInsightsStatusAsString()).isEqualTo("DISABLED");
        assertError(() -> box.client.updateContributorInsights(b -> b.tableName("slow").contributorInsightsAction(ContributorInsightsAction.ENABLE)),
                "ValidationException", "Table or Index is not in a valid state to update Key Access Insights: "
                        + "TableStatus must be ACTIVE to enable ContributorInsights.");
        // a backup finds no table (observed in 2026), where Dynabox said TableInUseException in words of its own
        assertError(() -> box.client.createBackup(b -> b.tableName("slow").backupName("late")), "TableNotFoundException", "Table not found: slow");
    }

    @Test
    void anIndexBeingCreatedTakesNoContributorInsights() {
        box.advance(TRANSITION);
        box.client.updateTable(b -> b.tableName("slow").attributeDefinitions(s("g")).globalSecondaryIndexUpdates(u -> u.create(c -> c
                .indexName("byG").keySchema(hash("g")).projection(p -> p.projectionType(ProjectionType.ALL)))));
        assertError(() -> box.client.updateContributorInsights(b -> b.tableName("slow").indexName("byG")
                        .contributorInsightsAction(ContributorInsightsAction.ENABLE)), "ValidationException",
                "Table or Index is not in a valid state to update Key Access Insights: IndexStatus must be ACTIVE to enable ContributorInsights.");
        box.advance(TRANSITION);
        box.client.updateContributorInsights(b -> b.tableName("slow").indexName("byG").contributorInsightsAction(ContributorInsightsAction.ENABLE));
    }
}
