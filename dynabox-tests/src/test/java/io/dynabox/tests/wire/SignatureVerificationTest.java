package io.dynabox.tests.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.sdk.Dynabox;
import io.dynabox.server.DynaboxServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * {@code --credentials}: SigV4 signatures verified against a file of keys and secrets, with the
 * service's errors and texts, through both doors; signed by the AWS SDK's own signer.
 */
class SignatureVerificationTest {
    static Path credentials;
    static DynaboxServer server;
    static Dynabox inProcess;

    enum Door {
        HTTP(secret -> DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(server.endpoint())),
        /** The in-process door with the SDK's real signer (a builder of the user's own). */
        IN_PROCESS(secret -> DynamoDbClient.builder().httpClient(inProcess.httpClient()).endpointOverride(URI.create("http://localhost:8000"))),
        /** Dynabox's own in-process clients, which do not sign ({@code Signature=in-process}). */
        IN_PROCESS_UNSIGNED(secret -> inProcess.dynamoDbClientBuilder());

        final Function<String, DynamoDbClientBuilder> builder;

        Door(Function<String, DynamoDbClientBuilder> builder) {
            this.builder = builder;
        }

        DynamoDbClient client(String accessKey, String secret) {
            return builder.apply(secret).region(Region.EU_WEST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
                    .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none())).build();
        }
    }

    @BeforeAll
    static void start() throws IOException {
        credentials = Files.createTempFile("dynabox-credentials", ".ini");
        Files.writeString(credentials, "[default]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = wJalrXUtnFEMI\n\n[other]\n"
                + "aws_access_key_id=second\naws_secret_access_key=s3cr3t\n");
        DynaboxOptions options = DynaboxOptions.builder().port(0).credentials(credentials).build();
        server = DynaboxServer.start(options);
        inProcess = Dynabox.withOptions(options);
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        inProcess.close();
        Files.deleteIfExists(credentials);
    }

    @ParameterizedTest
    @EnumSource(Door.class)
    void theRightSecretIsAccepted(Door door) {
        try (DynamoDbClient client = door.client("AKIDEXAMPLE", "wJalrXUtnFEMI")) {
            assertThat(client.listTables().tableNames()).isEmpty();
        }
        try (DynamoDbClient client = door.client("second", "s3cr3t")) {
            assertThat(client.listTables().tableNames()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Door.class)
    void anUnknownKeyIsAnUnrecognizedClient(Door door) {
        try (DynamoDbClient client = door.client("nobody", "wJalrXUtnFEMI")) {
            DynamoDbException error = catchThrowableOfType(client::listTables, DynamoDbException.class);
            assertThat(error.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
            assertThat(error.awsErrorDetails().errorMessage()).startsWith("The security token included in the request is invalid.");
            assertThat(error.statusCode()).isEqualTo(400);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Door.class, names = {"HTTP", "IN_PROCESS"})
    void aWrongSecretIsAnInvalidSignature(Door door) {
        try (DynamoDbClient client = door.client("AKIDEXAMPLE", "not-the-secret")) {
            DynamoDbException error = catchThrowableOfType(client::listTables, DynamoDbException.class);
            assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
            assertThat(error.awsErrorDetails().errorMessage()).startsWith("The request signature we calculated does not match the signature "
                    + "you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\n"
                    + "The Canonical String for this request should have been\n'POST\n/\n\n");
        }
    }

    /** A request with the given date and authorization, sent through an SDK HTTP client of the door as it is. */
    private static String send(SdkHttpClient http, URI endpoint, String date, String authorization) {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Content-Type", "application/x-amz-json-1.0").putHeader("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .putHeader("X-Amz-Date", date).putHeader("Authorization", authorization)
                .putHeader("Content-Length", Integer.toString(body.length)).build();
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(request)
                    .contentStreamProvider(() -> new ByteArrayInputStream(body)).build()).call();
            return new String(response.responseBody().orElseThrow().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void expiredAndFutureDatesAreRefusedWithTheServicesTextsThroughBothDoors() {
        String auth = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20170101/us-east-1/dynamodb/aws4_request SignedHeaders=x-amz-date;host Signature=123";
        String futureAuth = auth.replace("20170101", "30200101");
        try (SdkHttpClient http = UrlConnectionHttpClient.create()) {
            for (SdkHttpClient door : new SdkHttpClient[] {http, inProcess.httpClient()}) {
                String expired = send(door, server.endpoint(), "20170101T010101Z", auth);
                assertThat(expired).startsWith("{\"__type\":\"com.amazon.coral.service#InvalidSignatureException\",\"message\":"
                        + "\"Signature expired: 20170101T010101Z is now earlier than ");
                assertThat(expired).matches(".* than \\d{8}T\\d{6}Z \\(\\d{8}T\\d{6}Z - 15 min\\.\\).*");
                String future = send(door, server.endpoint(), "30200101T010101Z", futureAuth);
                assertThat(future).startsWith("{\"__type\":\"com.amazon.coral.service#InvalidSignatureException\",\"message\":"
                        + "\"Signature not yet current: 30200101T010101Z is still later than ");
                assertThat(future).matches(".* than \\d{8}T\\d{6}Z \\(\\d{8}T\\d{6}Z \\+ 15 min\\.\\).*");
                String badDate = send(door, server.endpoint(), "yesterday", auth);
                assertThat(badDate).contains("IncompleteSignatureException")
                        .contains("Date must be in ISO-8601 'basic format'. Got 'yesterday'. See http://en.wikipedia.org/wiki/ISO_8601");
            }
        }
    }
}
