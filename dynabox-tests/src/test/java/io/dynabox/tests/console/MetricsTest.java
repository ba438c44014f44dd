package io.dynabox.tests.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynabox.sdk.Dynabox;
import io.dynabox.sdk.DynaboxNamespace;
import io.dynabox.server.DynaboxServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** {@code GET /metrics}: Prometheus's text format, counting requests of every door into the engine. */
class MetricsTest {
    private Dynabox dynabox;
    private DynaboxServer server;
    private DynaboxNamespace namespace;
    private DynamoDbClient client;

    @BeforeEach
    void start() {
        dynabox = Dynabox.inMemory();
        server = dynabox.startServer();
        namespace = dynabox.newNamespace();
        client = namespace.dynamoDbClient();
        client.createTable(b -> b.tableName("orders")
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("owner").attributeType(ScalarAttributeType.S))
                .globalSecondaryIndexes(i -> i.indexName("byowner")
                        .keySchema(k -> k.attributeName("owner").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))
                .billingMode(BillingMode.PAY_PER_REQUEST));
    }

    @AfterEach
    void stop() {
        dynabox.close();
    }

    @Test
    void countsRequestsErrorsAndLatencyByActionAndTable() {
        for (int i = 0; i < 3; i++) {
            String pk = "k" + i;
            client.putItem(b -> b.tableName("orders").item(Map.of("pk", AttributeValue.fromS(pk), "owner", AttributeValue.fromS("ada"))));
        }
        assertThatThrownBy(() -> client.putItem(b -> b.tableName("orders").item(Map.of("pk", AttributeValue.fromS("k0")))
                .conditionExpression("attribute_not_exists(pk)"))).isInstanceOf(ConditionalCheckFailedException.class);
        assertThatThrownBy(() -> client.getItem(b -> b.tableName("missing").key(Map.of("pk", AttributeValue.fromS("a")))))
                .isInstanceOf(ResourceNotFoundException.class);
        client.listTables();

        String text = scrape();
        assertThat(text)
                .contains("dynabox_requests_total{action=\"PutItem\",table=\"orders\"} 4.0\n")
                .contains("dynabox_requests_total{action=\"GetItem\",table=\"missing\"} 1.0\n")
                .contains("dynabox_requests_total{action=\"ListTables\",table=\"\"} 1.0\n")
                .contains("dynabox_errors_total{action=\"PutItem\",error=\"ConditionalCheckFailedException\",table=\"orders\"} 1.0\n")
                .contains("dynabox_errors_total{action=\"GetItem\",error=\"ResourceNotFoundException\",table=\"missing\"} 1.0\n")
                .contains("dynabox_request_duration_seconds_count{action=\"PutItem\",table=\"orders\"} 4\n")
                .contains("dynabox_request_duration_seconds_bucket{action=\"PutItem\",table=\"orders\",le=\"+Inf\"} 4\n")
                .doesNotContain("dynabox_errors_total{action=\"ListTables\"");
        // each put: one unit on the table and one on the index; the failed conditional put consumed one unit on the
        // table (the existing item's size, as the service charges a failed condition) and none on the index
        assertThat(text)
                .contains("dynabox_consumed_capacity_units_total{action=\"PutItem\",index=\"\",table=\"orders\",unit=\"write\"} 4.0\n")
                .contains("dynabox_consumed_capacity_units_total{action=\"PutItem\",index=\"byowner\",table=\"orders\",unit=\"write\"} 3.0\n")
                .contains("dynabox_consumed_capacity_units_total{action=\"PutItem\",index=\"\",table=\"orders\",unit=\"read\"} 0.0\n");
    }

    @Test
    void foldsTheSeriesOfATableThatIsGoneIntoOnePerActionAMinuteAfterItsLastRequest() {
        for (String name : new String[] {"scratch-1", "scratch-2"}) {
            client.createTable(b -> b.tableName(name).keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .billingMode(BillingMode.PAY_PER_REQUEST));
            client.putItem(b -> b.tableName(name).item(Map.of("pk", AttributeValue.fromS("a"))));
            client.deleteTable(b -> b.tableName(name));
        }
        client.putItem(b -> b.tableName("orders").item(Map.of("pk", AttributeValue.fromS("a"))));
        assertThatThrownBy(() -> client.getItem(b -> b.tableName("missing").key(Map.of("pk", AttributeValue.fromS("a")))))
                .isInstanceOf(ResourceNotFoundException.class);

        // within the minute, a scraper still sees each table's own figures
        dynabox.clock().advance(Duration.ofSeconds(59));
        assertThat(scrape())
                .contains("dynabox_requests_total{action=\"PutItem\",table=\"scratch-1\"} 1.0\n")
                .contains("dynabox_consumed_capacity_units_total{action=\"PutItem\",index=\"\",table=\"scratch-2\",unit=\"write\"} 1.0\n")
                .doesNotContain("(gone)");

        dynabox.clock().advance(Duration.ofSeconds(2));
        String text = scrape();
        assertThat(text)
                .doesNotContain("scratch-1").doesNotContain("scratch-2").doesNotContain("\"missing\"")
                .contains("dynabox_requests_total{action=\"PutItem\",table=\"(gone)\"} 2.0\n")
                .contains("dynabox_requests_total{action=\"CreateTable\",table=\"(gone)\"} 2.0\n")
                .contains("dynabox_requests_total{action=\"DeleteTable\",table=\"(gone)\"} 2.0\n")
                .contains("dynabox_request_duration_seconds_count{action=\"PutItem\",table=\"(gone)\"} 2\n")
                .contains("dynabox_errors_total{action=\"GetItem\",error=\"ResourceNotFoundException\",table=\"(gone)\"} 1.0\n")
                .contains("dynabox_consumed_capacity_units_total{action=\"PutItem\",index=\"\",table=\"(gone)\",unit=\"write\"} 2.0\n")
                // a table that exists keeps its own series however long it is idle
                .contains("dynabox_requests_total{action=\"PutItem\",table=\"orders\"} 1.0\n");

        // a table made again under a gone name has its own series again, from zero
        client.createTable(b -> b.tableName("scratch-1").keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        assertThat(scrape())
                .contains("dynabox_requests_total{action=\"CreateTable\",table=\"scratch-1\"} 1.0\n")
                .contains("dynabox_requests_total{action=\"CreateTable\",table=\"(gone)\"} 2.0\n");
    }

    @Test
    void givesItemsAndBytesOfEachTableAndIndexAsDescribeTableDoes() {
        client.putItem(b -> b.tableName("orders").item(Map.of("pk", AttributeValue.fromS("a"), "owner", AttributeValue.fromS("ada"),
                "total", AttributeValue.fromN("12.5"))));
        client.putItem(b -> b.tableName("orders").item(Map.of("pk", AttributeValue.fromS("b"))));
        TableDescription table = client.describeTable(b -> b.tableName("orders")).table();
        String labels = "namespace=\"" + namespace.accessKeyId() + "_us-east-1\",table=\"orders\"}";

        String text = scrape();
        assertThat(table.itemCount()).isEqualTo(2);
        assertThat(text)
                .contains("dynabox_table_items{index=\"\"," + labels + " 2.0\n")
                .contains("dynabox_table_size_bytes{index=\"\"," + labels + " " + table.tableSizeBytes() + ".0\n")
                .contains("dynabox_table_items{index=\"byowner\"," + labels + " 1.0\n")
                .contains("dynabox_table_size_bytes{index=\"byowner\"," + labels + " "
                        + table.globalSecondaryIndexes().get(0).indexSizeBytes() + ".0\n");
    }

    @Test
    void includesTheJvmsFiguresAndIsPrometheusText() {
        HttpResponse<String> response = Http.get(server.endpoint(), "/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body())
                .contains("# TYPE dynabox_requests_total counter\n")
                .contains("# TYPE dynabox_request_duration_seconds histogram\n")
                .contains("# TYPE jvm_memory_used_bytes gauge\n")
                .contains("jvm_threads_current ");
    }

    @Test
    void isNotADynamoDbPathForOtherMethods() {
        // only GET is Dynabox's: a POST to /metrics is a DynamoDB request like any other path's
        HttpResponse<String> response = Http.post(server.endpoint(), "/metrics", "{}",
                "Content-Type", "application/x-amz-json-1.0", "X-Amz-Target", "DynamoDB_20120810.Metrics");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("UnknownOperationException");
    }

    private String scrape() {
        HttpResponse<String> response = Http.get(server.endpoint(), "/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
