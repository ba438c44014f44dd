package io.dynabox.bench.suite;

import io.dynabox.sdk.DynaboxNamespace;
import io.dynabox.sdk.junit.DynaboxTable;
import io.dynabox.sdk.junit.DynaboxTest;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The suite in Dynabox through the HTTP door: the extension's server, and a client per test
 * (each test's namespace has its own credentials) over one shared HTTP connection pool.
 */
@DynaboxTest
@DynaboxTable(name = "users", hashKey = "pk", rangeKey = "sk", rangeKeyType = ScalarAttributeType.N)
@DynaboxTable(name = "orders", hashKey = "pk", rangeKey = "sk", rangeKeyType = ScalarAttributeType.N)
@DynaboxTable(name = "items", hashKey = "pk", rangeKey = "sk", rangeKeyType = ScalarAttributeType.N)
@DynaboxTable(name = "events", hashKey = "pk", rangeKey = "sk", rangeKeyType = ScalarAttributeType.N)
@DynaboxTable(name = "sessions", hashKey = "pk", rangeKey = "sk", rangeKeyType = ScalarAttributeType.N)
public class HttpSuite extends SuiteTests {
    static final SdkHttpClient HTTP = UrlConnectionHttpClient.create();
    private DynamoDbClient client;
    private SuiteDb db;

    @BeforeAll
    static void load(DynamoDbClient client) {
        SuiteDb.load(new SdkDb(client));
    }

    @BeforeEach
    void open(URI endpoint, DynaboxNamespace namespace) {
        client = DynamoDbClient.builder().httpClient(HTTP).endpointOverride(endpoint).region(namespace.region())
                .credentialsProvider(namespace.credentialsProvider()).build();
        db = new SdkDb(client);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Override
    SuiteDb db() {
        return db;
    }
}
