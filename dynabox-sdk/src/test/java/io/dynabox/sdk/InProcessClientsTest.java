package io.dynabox.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbAsyncTable;
import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The in-process door under each kind of SDK client: sync, async, enhanced, paginators, waiters, users' own builders. */
class InProcessClientsTest {
    static final Dynabox DYNABOX = Dynabox.inMemory();

    @AfterAll
    static void close() {
        DYNABOX.close();
    }

    static CreateTableRequest table(String name) {
        return CreateTableRequest.builder().tableName(name)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .build();
    }

    static Map<String, AttributeValue> key(String id) {
        return Map.of("id", AttributeValue.fromS(id));
    }

    @Test
    void syncClientWithWaiter() {
        try (DynaboxNamespace namespace = DYNABOX.newNamespace()) {
            DynamoDbClient client = namespace.dynamoDbClient();
            client.createTable(table("things"));
            assertThat(client.waiter().waitUntilTableExists(b -> b.tableName("things")).matched().response()).isPresent();
            client.putItem(b -> b.tableName("things").item(Map.of("id", AttributeValue.fromS("a"), "n", AttributeValue.fromN("1e3"))));
            assertThat(client.getItem(b -> b.tableName("things").key(key("a"))).item()).containsEntry("n", AttributeValue.fromN("1000"));
            client.deleteTable(b -> b.tableName("things"));
            assertThat(client.waiter().waitUntilTableNotExists(b -> b.tableName("things")).matched().exception()).isPresent();
        }
    }

    @Test
    void asyncClientAnswersAndFails() {
        try (DynaboxNamespace namespace = DYNABOX.newNamespace()) {
            DynamoDbAsyncClient client = namespace.dynamoDbAsyncClient();
            client.createTable(table("things")).join();
            client.waiter().waitUntilTableExists(b -> b.tableName("things")).join();
            client.putItem(b -> b.tableName("things").item(Map.of("id", AttributeValue.fromS("a"), "s", AttributeValue.fromS("x")))).join();
            assertThat(client.getItem(b -> b.tableName("things").key(key("a"))).join().item()).containsEntry("s", AttributeValue.fromS("x"));
            assertThatThrownBy(() -> client.getItem(b -> b.tableName("missing").key(key("a"))).join())
                    .isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(ResourceNotFoundException.class)
                    .hasMessageStartingWith("Requested resource not found");
        }
    }

    @Test
    void paginatorsWalkEveryPage() {
        try (DynaboxNamespace namespace = DYNABOX.newNamespace()) {
            for (int i = 0; i < 7; i++) namespace.dynamoDbClient().createTable(table("table-" + i));
            List<String> names = namespace.dynamoDbClient().listTablesPaginator(b -> b.limit(3)).tableNames().stream().toList();
            assertThat(names).hasSize(7).startsWith("table-0").endsWith("table-6");
            List<String> asyncNames = new ArrayList<>();
            namespace.dynamoDbAsyncClient().listTablesPaginator(b -> b.limit(2)).tableNames().subscribe(asyncNames::add).join();
            assertThat(asyncNames).isEqualTo(names);
        }
    }

    @Test
    void queryAndScanPaginators() {
        try (DynaboxNamespace namespace = DYNABOX.newNamespace()) {
            namespace.createTables("""
                    {"TableName": "events", "BillingMode": "PAY_PER_REQUEST",
                     "AttributeDefinitions": [{"AttributeName": "stream", "AttributeType": "S"}, {"AttributeName": "seq", "AttributeType": "N"}],
                     "KeySchema": [{"AttributeName": "stream", "KeyType": "HASH"}, {"AttributeName": "seq", "KeyType": "RANGE"}]}""");
            DynamoDbClient client = namespace.dynamoDbClient();
            for (int i = 0; i < 25; i++) {
                String seq = Integer.toString(i);
                client.putItem(b -> b.tableName("events").item(Map.of("stream", AttributeValue.fromS(seq.length() == 1 ? "a" : "b"),
                        "seq", AttributeValue.fromN(seq))));
            }
            List<Map<String, AttributeValue>> a = client.queryPaginator(b -> b.tableName("events").limit(3)
                    .keyConditions(Map.of("stream", Condition.builder().comparisonOperator(ComparisonOperator.EQ)
                            .attributeValueList(AttributeValue.fromS("a")).build()))).items().stream().toList();
            assertThat(a).extracting(item -> item.get("seq").n()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
            assertThat(client.scanPaginator(b -> b.tableName("events").limit(4)).items().stream().count()).isEqualTo(25);
            List<Map<String, AttributeValue>> scanned = new ArrayList<>();
            namespace.dynamoDbAsyncClient().scanPaginator(b -> b.tableName("events").limit(7)).items().subscribe(scanned::add).join();
            assertThat(scanned).hasSize(25);
        }
    }

    @DynamoDbBean
    public static class Customer {
        private String id;
        private String name;

        @DynamoDbPartitionKey
        public String getId() { return id; }
        public void setId(String id) { this.id = id; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
    }

    @Test
    void enhancedClients() {
        try (DynaboxNamespace namespace = DYNABOX.newNamespace()) {
            DynamoDbTable<Customer> customers = namespace.enhancedClient().table("customers", TableSchema.fromBean(Customer.class));
            customers.createTable();
            Customer ada = new Customer();
            ada.setId("1");
            ada.setName("Ada");
            customers.putItem(ada);
            assertThat(customers.getItem(Key.builder().partitionValue("1").build()).getName()).isEqualTo("Ada");

            DynamoDbAsyncTable<Customer> async = namespace.enhancedAsyncClient().table("customers", TableSchema.fromBean(Customer.class));
            assertThat(async.getItem(Key.builder().partitionValue("1").build()).join().getName()).isEqualTo("Ada");
        }
    }

    @Test
    void usersOwnBuilderKeepsRegionCredentialsAndInterceptors() {
        List<String> seen = new ArrayList<>();
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                seen.add(context.request().getClass().getSimpleName());
            }
        };
        try (DynamoDbClient mine = DynamoDbClient.builder()
                .httpClient(DYNABOX.httpClient())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("mine", "secret")))
                .overrideConfiguration(c -> c.addExecutionInterceptor(recorder))
                .build()) {
            mine.createTable(table("own"));
            assertThat(mine.describeTable(b -> b.tableName("own")).table().tableArn())
                    .isEqualTo("arn:aws:dynamodb:eu-west-1:000000000000:table/own");
            assertThat(seen).containsExactly("CreateTableRequest", "DescribeTableRequest");
            // the same credentials in another region, and the default namespace, see nothing of it
            try (DynaboxNamespace otherRegion = DYNABOX.namespace("mine", Region.US_WEST_2)) {
                assertThat(otherRegion.dynamoDbClient().listTables().tableNames()).isEmpty();
            }
            assertThat(DYNABOX.namespace("mine", Region.EU_WEST_1).dynamoDbClient().listTables().tableNames()).containsExactly("own");
        }
    }

    /** Records the Authorization header of each request as it goes to the http client. */
    static final class SentAuthorization implements ExecutionInterceptor {
        final List<String> headers = new ArrayList<>();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            headers.add(context.httpRequest().firstMatchingHeader("Authorization").orElse(null));
        }
    }

    @Test
    void dynaboxClientsSendTheSigV4ScopeWithoutComputingASignature() {
        SentAuthorization sent = new SentAuthorization();
        try (DynaboxNamespace namespace = DYNABOX.namespace("scoped", Region.EU_CENTRAL_1);
             DynamoDbClient client = namespace.dynamoDbClientBuilder().overrideConfiguration(c -> c.addExecutionInterceptor(sent)).build();
             DynamoDbAsyncClient async = namespace.dynamoDbAsyncClientBuilder().overrideConfiguration(c -> c.addExecutionInterceptor(sent)).build()) {
            client.createTable(table("scoped"));
            assertThat(async.listTables().join().tableNames()).containsExactly("scoped");
            assertThat(sent.headers).hasSize(2).allSatisfy(header -> assertThat(header)
                    .matches("AWS4-HMAC-SHA256 Credential=scoped/\\d{8}/eu-central-1/dynamodb/aws4_request, "
                            + "SignedHeaders=host;x-amz-date, Signature=in-process"));
            // the scope chose the namespace: the same key in another region sees nothing
            assertThat(DYNABOX.namespace("scoped", Region.EU_WEST_1).dynamoDbClient().listTables().tableNames()).isEmpty();
        }
    }

    @Test
    void dynaboxBuilderWithCredentialsOfYourOwnChoosesTheirNamespace() {
        SentAuthorization sent = new SentAuthorization();
        List<String> tokens = new ArrayList<>();
        ExecutionInterceptor tokenRecorder = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                tokens.add(context.httpRequest().firstMatchingHeader("X-Amz-Security-Token").orElse(null));
            }
        };
        try (DynamoDbClient client = DYNABOX.dynamoDbClientBuilder()
                .region(Region.US_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create("session-key", "secret", "token-1")))
                .overrideConfiguration(c -> c.addExecutionInterceptor(sent).addExecutionInterceptor(tokenRecorder))
                .build()) {
            client.createTable(table("mine"));
            assertThat(DYNABOX.namespace("session-key", Region.US_WEST_1).dynamoDbClient().listTables().tableNames()).containsExactly("mine");
            assertThat(DYNABOX.dynamoDbClient().listTables().tableNames()).doesNotContain("mine");
            assertThat(tokens).containsExactly("token-1");
            assertThat(sent.headers.get(0)).contains("Credential=session-key/").contains("/us-west-1/dynamodb/aws4_request");
        }
    }

    @Test
    void usersOwnBuilderSignsForReal() {
        SentAuthorization sent = new SentAuthorization();
        try (DynamoDbClient mine = DynamoDbClient.builder()
                .httpClient(DYNABOX.httpClient())
                .region(Region.EU_NORTH_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("signer", "secret")))
                .overrideConfiguration(c -> c.addExecutionInterceptor(sent))
                .build()) {
            mine.createTable(table("signed"));
            assertThat(mine.listTables().tableNames()).containsExactly("signed");
            // and Dynabox's own builder, given the SDK's SigV4 scheme back
            try (DynamoDbClient signing = DYNABOX.namespace("signer", Region.EU_NORTH_1).dynamoDbClientBuilder()
                    .putAuthScheme(AwsV4AuthScheme.create())
                    .overrideConfiguration(c -> c.addExecutionInterceptor(sent))
                    .build()) {
                assertThat(signing.listTables().tableNames()).containsExactly("signed");
            }
            assertThat(sent.headers).hasSize(3).allSatisfy(header -> assertThat(header)
                    .matches("AWS4-HMAC-SHA256 Credential=signer/\\d{8}/eu-north-1/dynamodb/aws4_request, "
                            + "SignedHeaders=[a-z0-9;-]*x-amz-date[a-z0-9;-]*, Signature=[0-9a-f]{64}"));
        }
    }

    @Test
    void asyncBuilderOfYourOwn() {
        try (DynamoDbAsyncClient mine = DynamoDbAsyncClient.builder()
                .httpClient(DYNABOX.asyncHttpClient())
                .region(Region.AP_SOUTHEAST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("async-own", "secret")))
                .build()) {
            mine.createTable(table("things")).join();
            assertThat(mine.listTables().join().tableNames()).containsExactly("things");
        }
    }
}
