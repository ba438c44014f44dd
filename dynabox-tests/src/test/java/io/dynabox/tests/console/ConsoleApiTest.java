package io.dynabox.tests.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.sdk.Dynabox;
import io.dynabox.sdk.DynaboxNamespace;
import io.dynabox.server.DynaboxServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The console's page and JSON endpoints, as the browser calls them (the browser itself: ConsoleBrowserTest). */
class ConsoleApiTest {
    private static final String[] CONSOLE_CALL = {"Content-Type", "application/json", "X-Dynabox-Console", "1"};

    private Dynabox dynabox;

    @AfterEach
    void stop() {
        if (dynabox != null) dynabox.close();
    }

    private URI start(boolean readOnly) {
        dynabox = Dynabox.withOptions(DynaboxOptions.builder().consoleReadOnly(readOnly).build());
        return dynabox.startServer().endpoint();
    }

    private DynamoDbClient ordersIn(DynaboxNamespace namespace) {
        DynamoDbClient client = namespace.dynamoDbClient();
        client.createTable(b -> b.tableName("orders")
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        client.putItem(b -> b.tableName("orders").item(Map.of("pk", AttributeValue.fromS("a"), "n", AttributeValue.fromN("1"))));
        return client;
    }

    private static String call(String namespace, String action, String request) {
        return "{\"namespace\":\"" + namespace + "\",\"action\":\"" + action + "\",\"request\":" + request + "}";
    }

    private static String id(DynaboxNamespace namespace) {
        return namespace.accessKeyId() + "_" + namespace.region().id();
    }

    @Test
    void servesItsPageAndScriptsFromTheJar() {
        URI endpoint = start(false);
        HttpResponse<String> page = Http.get(endpoint, "/dynabox/console");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("<title>Dynabox console</title>").contains("/dynabox/console/console.js")
                .doesNotContain("http://").doesNotContain("https://");
        HttpResponse<String> script = Http.get(endpoint, "/dynabox/console/console.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(script.body()).contains("function renderItems");
        assertThat(Http.get(endpoint, "/dynabox/console/nothing-here").statusCode()).isEqualTo(404);
    }

    @Test
    void runsActionsInTheNamespaceItNames() {
        URI endpoint = start(false);
        DynaboxNamespace namespace = dynabox.newNamespace();
        DynamoDbClient client = ordersIn(namespace);

        HttpResponse<String> namespaces = Http.get(endpoint, "/dynabox/console/api/namespaces", "X-Dynabox-Console", "1");
        assertThat(namespaces.body()).contains("\"readOnly\":false").contains("\"" + id(namespace) + "\"");

        HttpResponse<String> scan = Http.post(endpoint, "/dynabox/console/api/call", call(id(namespace), "Scan", "{\"TableName\":\"orders\"}"), CONSOLE_CALL);
        assertThat(scan.statusCode()).isEqualTo(200);
        assertThat(scan.body()).contains("\"pk\":{\"S\":\"a\"}").contains("\"n\":{\"N\":\"1\"}").contains("\"Count\":1,\"ScannedCount\":1");

        HttpResponse<String> put = Http.post(endpoint, "/dynabox/console/api/call",
                call(id(namespace), "PutItem", "{\"TableName\":\"orders\",\"Item\":{\"pk\":{\"S\":\"b\"}}}"), CONSOLE_CALL);
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(client.getItem(b -> b.tableName("orders").key(Map.of("pk", AttributeValue.fromS("b")))).hasItem()).isTrue();
    }

    @Test
    void answersWithTheEnginesErrors() {
        URI endpoint = start(false);
        DynaboxNamespace namespace = dynabox.newNamespace();
        ordersIn(namespace);
        HttpResponse<String> missing = Http.post(endpoint, "/dynabox/console/api/call",
                call(id(namespace), "GetItem", "{\"TableName\":\"nope\",\"Key\":{\"pk\":{\"S\":\"a\"}}}"), CONSOLE_CALL);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("ResourceNotFoundException").contains("Requested resource not found");
    }

    @Test
    void refusesCallsWithoutItsHeaderSoOtherSitesCannotDriveIt() {
        URI endpoint = start(false);
        DynaboxNamespace namespace = dynabox.newNamespace();
        ordersIn(namespace);
        HttpResponse<String> forged = Http.post(endpoint, "/dynabox/console/api/call",
                call(id(namespace), "DeleteTable", "{\"TableName\":\"orders\"}"), "Content-Type", "text/plain");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(namespace.dynamoDbClient().listTables().tableNames()).containsExactly("orders");
    }

    @Test
    void readOnlyConsoleReadsButChangesNothing() {
        URI endpoint = start(true);
        DynaboxNamespace namespace = dynabox.newNamespace();
        DynamoDbClient client = ordersIn(namespace);

        assertThat(Http.get(endpoint, "/dynabox/console/api/namespaces", "X-Dynabox-Console", "1").body()).contains("\"readOnly\":true");
        assertThat(Http.post(endpoint, "/dynabox/console/api/call", call(id(namespace), "Scan", "{\"TableName\":\"orders\"}"), CONSOLE_CALL)
                .statusCode()).isEqualTo(200);
        for (String[] write : new String[][] {
                {"PutItem", "{\"TableName\":\"orders\",\"Item\":{\"pk\":{\"S\":\"b\"}}}"},
                {"DeleteItem", "{\"TableName\":\"orders\",\"Key\":{\"pk\":{\"S\":\"a\"}}}"},
                {"DeleteTable", "{\"TableName\":\"orders\"}"},
                {"ExecuteStatement", "{\"Statement\":\"DELETE FROM orders WHERE pk = 'a'\"}"}}) {
            HttpResponse<String> refused = Http.post(endpoint, "/dynabox/console/api/call", call(id(namespace), write[0], write[1]), CONSOLE_CALL);
            assertThat(refused.statusCode()).as(write[0]).isEqualTo(403);
            assertThat(refused.body()).as(write[0]).contains("read-only");
        }
        assertThat(client.scan(b -> b.tableName("orders")).count()).isEqualTo(1);
    }
}
