package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dynabox.sdk.Dynabox;
import io.dynabox.server.DynaboxServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The HTTP door started from Java on a free port, for code that must talk HTTP (other languages, proxies). */
class ProgrammaticServerTest {
    static Dynabox dynabox;
    static DynaboxServer server;

    @BeforeAll
    static void start() {
        dynabox = Dynabox.inMemory();
        server = dynabox.startServer(); // a free port; startServer(8000) for a chosen one
    }

    @AfterAll
    static void stop() {
        dynabox.close(); // stops the server too
    }

    @Test
    void overHttp() {
        try (DynamoDbClient http = DynamoDbClient.builder()
                .endpointOverride(server.endpoint())
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dynabox", "dynabox")))
                .build()) {
            http.createTable(b -> b.tableName("over-http")
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .billingMode(BillingMode.PAY_PER_REQUEST));
            // the same credentials in-process see the same table: one engine behind both doors
            assertEquals(List.of("over-http"), dynabox.dynamoDbClient().listTables().tableNames());
        }
    }
}
