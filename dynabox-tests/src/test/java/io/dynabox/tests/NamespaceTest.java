package io.dynabox.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.sdk.Dynabox;
import io.dynabox.server.DynaboxServer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The access key and region of a request choose its namespace; --shared-db makes one for all. */
@ParameterizedClass
@EnumSource(Door.class)
class NamespaceTest {
    @Parameter
    Door door;

    private static void createTable(DynamoDbClient client, String name) {
        client.createTable(b -> b.tableName(name)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST));
    }

    @Test
    void eachAccessKeyAndRegionSeesOnlyItsOwnTables() {
        String key = "ns-" + UUID.randomUUID();
        try (DynamoDbClient east = door.client(key, Region.US_EAST_1);
             DynamoDbClient west = door.client(key, Region.US_WEST_2);
             DynamoDbClient otherKey = door.client(key + "-other", Region.US_EAST_1)) {
            createTable(east, "only_east");
            createTable(west, "only_west");

            assertThat(east.listTables().tableNames()).containsExactly("only_east");
            assertThat(west.listTables().tableNames()).containsExactly("only_west");
            assertThat(otherKey.listTables().tableNames()).isEmpty();
            assertThat(east.describeTable(b -> b.tableName("only_east")).table().tableArn())
                    .isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/only_east");
            assertThat(west.describeTable(b -> b.tableName("only_west")).table().tableArn())
                    .isEqualTo("arn:aws:dynamodb:us-west-2:000000000000:table/only_west");
        }
    }

    /** The access key a_b in region c and the key a in region b-c are two namespaces (ids ACCESSKEY_region used to let a_b+c and a+b_c meet). */
    @Test
    void accessKeysWithUnderscoresDoNotMeetOtherNamespaces() {
        String key = "ns_" + UUID.randomUUID().toString().replace('-', '_');
        try (DynamoDbClient first = door.client(key + "_x", Region.of("local"));
             DynamoDbClient second = door.client(key, Region.of("x-local"))) {
            createTable(first, "first_table");
            createTable(second, "second_table");
            assertThat(first.listTables().tableNames()).containsExactly("first_table");
            assertThat(second.listTables().tableNames()).containsExactly("second_table");
        }
    }

    /** Regions are checked as the service checks its signing scope; an underscore or a capital is not in any region's name. */
    @Test
    void aRegionNoServiceHasIsRefusedAsTheServiceRefusesIt() {
        // the SDK itself refuses a region that cannot be in a host name (b_c) unless the endpoint is given, as the HTTP doors do
        List<String> regions = new ArrayList<>(List.of("US-EAST-1", "us.east.1", "r".repeat(60)));
        if (door != Door.IN_PROCESS) regions.add("b_c");
        for (String region : regions) {
            try (DynamoDbClient client = door.client("ns-" + UUID.randomUUID(), Region.of(region))) {
                assertThatThrownBy(client::listTables)
                        .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                            assertThat(e.awsErrorDetails().errorMessage())
                                    .isEqualTo("Credential should be scoped to a valid region, not '" + region + "'. ");
                            assertThat(e.statusCode()).isEqualTo(400);
                        });
            }
        }
    }

    /** A 300-character access key gets a namespace like any other (with --db-path its file name is shortened with a hash). */
    @Test
    void aLongAccessKeyWorks() {
        String key = "k".repeat(300) + UUID.randomUUID();
        try (DynamoDbClient client = door.client(key)) {
            createTable(client, "long_key_table");
            assertThat(client.listTables().tableNames()).containsExactly("long_key_table");
        }
    }

    @Test
    void sharedDbGivesEveryCallerTheSameTables() {
        try (Dynabox shared = Dynabox.withOptions(DynaboxOptions.builder().sharedDb(true).build());
             DynaboxServer server = shared.startServer(0);
             DynamoDbClient first = sharedClient(shared, server, "first", Region.US_EAST_1);
             DynamoDbClient second = sharedClient(shared, server, "second", Region.EU_WEST_1)) {
            createTable(first, "common");
            assertThat(second.listTables().tableNames()).containsExactly("common");
        }
    }

    private DynamoDbClient sharedClient(Dynabox shared, DynaboxServer server, String accessKey, Region region) {
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "secret"));
        if (door == Door.HTTP) {
            return DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(server.endpoint())
                    .region(region).credentialsProvider(credentials).build();
        }
        return shared.dynamoDbClientBuilder().region(region).credentialsProvider(credentials).build();
    }
}
