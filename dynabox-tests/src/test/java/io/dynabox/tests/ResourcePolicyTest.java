package io.dynabox.tests;

import static io.dynabox.tests.TableFixtures.assertError;
import static io.dynabox.tests.TableFixtures.simpleTable;
import static io.dynabox.tests.TableFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.GetResourcePolicyResponse;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** PutResourcePolicy, GetResourcePolicy, DeleteResourcePolicy: revisions, ExpectedRevisionId, validation, the service's texts. */
@ParameterizedClass
@EnumSource(Door.class)
class ResourcePolicyTest extends DoorTest {
    private static final String NOT_FOUND = "Resource-based policy not found for the provided ResourceArn: ";

    private static String policy(String action) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"000000000000\"},"
                + "\"Action\":[\"" + action + "\"],\"Resource\":\"*\"}]}";
    }

    /** {@link #policy} as GetResourcePolicy reads it back: the account as its root ARN, a list of one action as a string. */
    private static String read(String action) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},"
                + "\"Action\":\"" + action + "\",\"Resource\":\"*\"}]}";
    }

    private String createTable() {
        return client.createTable(table(simpleTable("tab1"), b -> b.streamSpecification(s -> s.streamEnabled(true)
                .streamViewType(StreamViewType.KEYS_ONLY)))).tableDescription().tableArn();
    }

    @Test
    void policiesHaveRevisionsAndTheSamePolicyIsANoOp() throws InterruptedException {
        String arn = createTable();
        assertError(() -> client.getResourcePolicy(b -> b.resourceArn(arn)), "PolicyNotFoundException", NOT_FOUND + arn);
        String first = client.putResourcePolicy(b -> b.resourceArn(arn).policy(policy("dynamodb:*"))).revisionId();
        GetResourcePolicyResponse got = client.getResourcePolicy(b -> b.resourceArn(arn));
        assertThat(got.policy()).isEqualTo(read("dynamodb:*"));
        assertThat(got.revisionId()).isEqualTo(first);
        assertThat(client.putResourcePolicy(b -> b.resourceArn(arn).policy(policy("dynamodb:*"))).revisionId()).isEqualTo(first);

        String second = client.putResourcePolicy(b -> b.resourceArn(arn).policy(policy("dynamodb:GetItem")).expectedRevisionId(first))
                .revisionId();
        assertThat(Long.parseLong(second)).isGreaterThan(Long.parseLong(first));
        assertError(() -> client.putResourcePolicy(b -> b.resourceArn(arn).policy(policy("dynamodb:PutItem")).expectedRevisionId(first)),
                "PolicyNotFoundException", NOT_FOUND + "Requested update for policy with revision id " + first
                        + ", but the policy associated to target table tab1 has revision id " + second + ".");
        assertError(() -> client.putResourcePolicy(b -> b.resourceArn(arn).policy(policy("dynamodb:PutItem")).expectedRevisionId("NO_POLICY")),
                "PolicyNotFoundException", NOT_FOUND + "Requested policy update expecting none to be present for table tab1, "
                        + "but a policy exists with revision id " + second + ".");
        assertError(() -> client.deleteResourcePolicy(b -> b.resourceArn(arn).expectedRevisionId("unknown")),
                "PolicyNotFoundException", NOT_FOUND + "Requested update for policy with revision id unknown, "
                        + "but the policy associated to target table tab1 has revision id " + second + ".");

        assertThat(client.deleteResourcePolicy(b -> b.resourceArn(arn).expectedRevisionId(second)).revisionId()).isEqualTo(second);
        assertError(() -> client.getResourcePolicy(b -> b.resourceArn(arn)), "PolicyNotFoundException", NOT_FOUND + arn);
        // deleting no policy succeeds with an empty answer, as the service's does, so that a clean-up can run twice
        assertThat(client.deleteResourcePolicy(b -> b.resourceArn(arn)).revisionId()).isNull();
        assertThat(client.deleteResourcePolicy(b -> b.resourceArn(arn)).revisionId()).isNull();
        assertThat(client.putResourcePolicy(b -> b.resourceArn(arn).policy(policy("dynamodb:*")).expectedRevisionId("NO_POLICY"))
                .revisionId()).isNotBlank();
    }

    @Test
    void documentsReadBackInTheServicesCanonicalFormAndTheSameDocumentIsNoChange() {
        String arn = createTable();
        // members out of order, spaces, a Statement object, a lower-case effect, lists of one (observed on the service in 2026)
        String loose = "{ \"Statement\": {\"Resource\": [\"*\"], \"Action\": [\"dynamodb:GetItem\"], \"Effect\": \"allow\", "
                + "\"Principal\": {\"AWS\": [\"000000000000\", \"arn:aws:iam::000000000000:root\"]}}, \"Version\": \"2012-10-17\" }";
        String first = client.putResourcePolicy(b -> b.resourceArn(arn).policy(loose)).revisionId();
        assertThat(client.getResourcePolicy(b -> b.resourceArn(arn)).policy()).isEqualTo(read("dynamodb:GetItem"));
        // the same policy written the other way is no change: the same revision
        assertThat(client.putResourcePolicy(b -> b.resourceArn(arn).policy(read("dynamodb:GetItem"))).revisionId()).isEqualTo(first);
        // without a Version, it reads back with the default one
        String table2 = client.createTable(simpleTable("tab4")).tableDescription().tableArn();
        client.putResourcePolicy(b -> b.resourceArn(table2).policy("{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\","
                + "\"Action\":\"dynamodb:DeleteItem\",\"Resource\":\"*\"}]}"));
        assertThat(client.getResourcePolicy(b -> b.resourceArn(table2)).policy()).startsWith("{\"Version\":\"2008-10-17\",\"Statement\":[");
    }

    @Test
    void aPolicyGivenAtCreationIsTheTables() {
        String arn = client.createTable(table(simpleTable("tab2"), b -> b.resourcePolicy(policy("dynamodb:GetItem")))).tableDescription().tableArn();
        // it was dropped; the service keeps it from the creation on (observed in 2026)
        GetResourcePolicyResponse got = client.getResourcePolicy(b -> b.resourceArn(arn));
        assertThat(got.policy()).isEqualTo(read("dynamodb:GetItem"));
        assertThat(got.revisionId()).matches("\\d{13}");
        assertError(() -> client.createTable(table(simpleTable("tab3"), b -> b.resourcePolicy(""))), "ValidationException",
                "One or more parameter values were invalid: Invalid policy document: This policy contains invalid Json");
        assertError(() -> client.createTable(table(simpleTable("tab3"), b -> b.resourcePolicy("{\"Statement\":[]}"))), "ValidationException",
                "One or more parameter values were invalid: Invalid policy document: Could not parse the policy: Statement is empty!");
        assertError(() -> client.describeTable(b -> b.tableName("tab3")), "ResourceNotFoundException", "Requested resource not found");
    }

    @Test
    void aStreamHasAPolicySlotOfItsOwn() {
        String arn = createTable();
        String streamArn = client.describeTable(b -> b.tableName("tab1")).table().latestStreamArn();
        client.putResourcePolicy(b -> b.resourceArn(streamArn).policy(policy("dynamodb:GetRecords")));
        assertThat(client.getResourcePolicy(b -> b.resourceArn(streamArn)).policy()).contains("GetRecords");
        assertError(() -> client.getResourcePolicy(b -> b.resourceArn(arn)), "PolicyNotFoundException", NOT_FOUND + arn);
        // a stream the table does not have, in the service's words (observed in 2026)
        assertError(() -> client.getResourcePolicy(b -> b.resourceArn(arn + "/stream/2020-01-01T00:00:00.000")), "ResourceNotFoundException",
                "Requested resource not found: Stream: 2020-01-01T00:00:00.000 not found for Table: tab1");
    }

    @Test
    void resourcesAndDocumentsAreChecked() {
        String arn = createTable();
        String missing = arn.replace("tab1", "tab1unknown");
        assertError(() -> client.getResourcePolicy(b -> b.resourceArn(missing)), "ResourceNotFoundException",
                "Requested resource not found: Table: tab1unknown not found");
        assertError(() -> client.putResourcePolicy(b -> b.resourceArn(missing).policy(policy("dynamodb:*"))), "ResourceNotFoundException",
                "Requested resource not found: Table: tab1unknown not found");
        assertError(() -> client.deleteResourcePolicy(b -> b.resourceArn(missing)), "ResourceNotFoundException",
                "Requested resource not found: Table: tab1unknown not found");
        // the service's texts, observed in 2026
        String index = arn + "/index/byX";
        assertError(() -> client.getResourcePolicy(b -> b.resourceArn(index)), "ValidationException",
                "One or more parameter values were invalid: Invalid resource arn provided, only table or stream is accepted. Provided resource arn: " + index);
        assertError(() -> client.getResourcePolicy(b -> b.resourceArn("tab1")), "ValidationException",
                "One or more parameter values were invalid: ARNs must start with 'arn:': tab1");
        assertError(() -> client.getResourcePolicy(b -> b.resourceArn("arn:aws:s3:::bucket")), "ValidationException",
                "One or more parameter values were invalid: Provided Arn is not a DynamoDB resource arn: arn:aws:s3:::bucket");
        String otherRegion = arn.replace("us-east-1", "us-west-2");
        assertError(() -> client.deleteResourcePolicy(b -> b.resourceArn(otherRegion)), "ValidationException",
                "One or more parameter values were invalid: Invalid resource Arn: " + otherRegion);
        String otherAccount = arn.replace("000000000000", "111122223333");
        assertError(() -> client.putResourcePolicy(b -> b.resourceArn(otherAccount).policy(policy("dynamodb:*"))), "AccessDeniedException",
                "This action is only supported by accounts that match the resource owner\u2019s account.");
        assertError(() -> client.putResourcePolicy(b -> b.resourceArn(arn).policy("{not json")), "ValidationException",
                "One or more parameter values were invalid: Invalid policy document: This policy contains invalid Json");
        assertError(() -> client.putResourcePolicy(b -> b.resourceArn(arn).policy("{\"Version\":\"2012-10-17\",\"Statement\":[]}")),
                "ValidationException", "One or more parameter values were invalid: Invalid policy document: Could not parse the policy: Statement is empty!");
        assertError(() -> client.putResourcePolicy(b -> b.resourceArn(arn).policy("{\"Statement\":[],\"pad\":\"" + "x".repeat(21_000) + "\"}")),
                "ValidationException", "One or more parameter values were invalid: Maximum policy size of 20480 bytes exceeded");
        assertError(() -> client.getResourcePolicy(b -> b.resourceArn(arn)), "PolicyNotFoundException", NOT_FOUND + arn);
    }

    /** The statements' rules, in the service's words (observed in 2026); a stream's policy may name the stream's actions. */
    @Test
    void statementsAreCheckedAsTheServiceChecksThem() {
        String arn = createTable();
        String invalid = "One or more parameter values were invalid: Invalid policy document: ";
        String account = "\"Principal\":{\"AWS\":\"000000000000\"}";
        assertError(() -> client.putResourcePolicy(b -> b.resourceArn(arn).policy("{\"Statement\":[{}]}")),
                "ValidationException", invalid + "Missing required field Effect");
        assertError(() -> client.putResourcePolicy(b -> b.resourceArn(arn).policy("{\"Statement\":[{\"Effect\":\"Allow\"," + account
                        + ",\"Action\":\"dynamodb:GetItem\"}]}")), "ValidationException", invalid + "Missing required field Resource");
        String statement = "{\"Sid\":\"one\",\"Effect\":\"Allow\"," + account + ",\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}";
        assertError(() -> client.putResourcePolicy(b -> b.resourceArn(arn).policy("{\"Statement\":[" + statement + "," + statement + "]}")),
                "ValidationException", invalid + "The Statement Ids in the policy are not unique");
        assertError(() -> client.putResourcePolicy(b -> b.resourceArn(arn).policy(policy("dynamodb:GetRecords").replace("[\"dynamodb:GetRecords\"]",
                        "[\"dynamodb:GetRecords\",\"dynamodb:DescribeStream\"]"))),
                "ValidationException", invalid + "The following action names are invalid: \"dynamodb:GetRecords\", \"dynamodb:DescribeStream\"");
        assertError(() -> client.putResourcePolicy(b -> b.resourceArn(arn).policy("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                        + "\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}]}")), "ValidationException",
                "Resource-based policy grants unbounded access in one or more elements. Please revise the policy to ensure least-privilege form of access");
        assertError(() -> client.putResourcePolicy(b -> b.resourceArn(arn).policy("null")), "ValidationException",
                invalid + "This text appears not to be a policy");
        assertError(() -> client.putResourcePolicy(b -> b.resourceArn(arn).policy("[]")), "ValidationException", invalid + "This policy contains invalid Json");
        // everyone within a condition is bounded access, and a Deny to everyone is no grant
        client.putResourcePolicy(b -> b.resourceArn(arn).policy("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},"
                + "\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-abc\"}}}]}"));
        client.putResourcePolicy(b -> b.resourceArn(arn).policy("{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\","
                + "\"Action\":\"dynamodb:DeleteTable\",\"Resource\":\"*\"}]}"));
    }
}
