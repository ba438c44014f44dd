package io.dynabox.tests.readme.snippets;

import io.dynabox.sdk.Dynabox;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** README, "Plain Java": compiled here so that README's code cannot drift from the API. */
final class PlainJava {
    private PlainJava() {}

    static void plainJava(ExecutionInterceptor myInterceptor) {
        try (Dynabox dynabox = Dynabox.inMemory()) {
            DynamoDbClient dynamo = dynabox.dynamoDbClient();              // region us-east-1, fake credentials
            DynamoDbAsyncClient async = dynabox.dynamoDbAsyncClient();
            DynamoDbEnhancedClient enhanced = dynabox.enhancedClient();

            // or your own builder: your region, credentials, overrides and interceptors
            DynamoDbClient mine = DynamoDbClient.builder()
                    .httpClient(dynabox.httpClient())                     // asyncHttpClient() for the async builder
                    .region(Region.EU_WEST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("me", "x")))
                    .overrideConfiguration(c -> c.addExecutionInterceptor(myInterceptor))
                    .build();
        }
    }
}
