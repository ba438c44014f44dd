package io.dynabox.tests.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dynabox.tests.Door;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Compressed requests and responses through both doors, with the real SDK on both ends: an
 * interceptor compresses the request body (as SDKs that compress requests do) and asks for a
 * compressed answer, which the SDK checks (CRC32 of the bytes sent) and decompresses.
 */
@ParameterizedClass
@EnumSource(Door.class)
class CompressedBodyTest {
    private static final String TABLE = "compressed";

    @Parameter
    Door door;

    private String accessKey;
    private final List<String> answerEncodings = new ArrayList<>();

    @BeforeEach
    void createTable() {
        accessKey = "compress-" + UUID.randomUUID();
        try (DynamoDbClient plain = door.client(accessKey)) {
            plain.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)));
        }
    }

    /** A client whose request bodies are rewritten by {@code body} and sent with these extra headers. */
    private DynamoDbClient client(UnaryOperator<byte[]> body, Map<String, String> headers) {
        ExecutionInterceptor compressing = new ExecutionInterceptor() {
            private byte[] sent;

            // the SDK asks for the content first, then for the request, whose Content-Length must match
            @Override
            public Optional<RequestBody> modifyHttpContent(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
                sent = body.apply(read(context.requestBody().orElseThrow()));
                return Optional.of(RequestBody.fromBytes(sent));
            }

            @Override
            public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
                SdkHttpRequest.Builder request = context.httpRequest().toBuilder();
                headers.forEach(request::putHeader);
                request.putHeader("Content-Length", Integer.toString(sent.length));
                return request.build();
            }

            @Override
            public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
                answerEncodings.add(context.httpResponse().firstMatchingHeader("Content-Encoding").orElse("none"));
            }
        };
        return door.builder(accessKey, Region.US_EAST_1)
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()).addExecutionInterceptor(compressing))
                .build();
    }

    @Test
    void gzipRequestsAreReadAndLargeAnswersComeBackGzipped() {
        String big = "x".repeat(5000);
        try (DynamoDbClient gzipping = client(CompressedBodyTest::gzip, Map.of("Content-Encoding", "gzip", "Accept-Encoding", "gzip"))) {
            gzipping.putItem(b -> b.tableName(TABLE).item(Map.of("id", AttributeValue.fromS("a"), "big", AttributeValue.fromS(big))));
            gzipping.putItem(b -> b.tableName(TABLE).item(Map.of("id", AttributeValue.fromS("small"))));
            answerEncodings.clear();
            Map<String, AttributeValue> item = gzipping.getItem(b -> b.tableName(TABLE).key(Map.of("id", AttributeValue.fromS("a")))).item();
            assertThat(item.get("big").s()).isEqualTo(big);
            assertThat(gzipping.getItem(b -> b.tableName(TABLE).key(Map.of("id", AttributeValue.fromS("small")))).item()).hasSize(1);
        }
        // the answer of over 4 KiB was compressed, the small one was not
        assertThat(answerEncodings).containsExactly("gzip", "none");
    }

    @Test
    void deflateRequestsAreRead() {
        try (DynamoDbClient deflating = client(CompressedBodyTest::deflate, Map.of("Content-Encoding", "deflate"))) {
            deflating.putItem(b -> b.tableName(TABLE).item(Map.of("id", AttributeValue.fromS("d"))));
        }
        try (DynamoDbClient plain = door.client(accessKey)) {
            assertThat(plain.getItem(b -> b.tableName(TABLE).key(Map.of("id", AttributeValue.fromS("d")))).hasItem()).isTrue();
        }
    }

    @Test
    void undecodableBodiesAreInternalServerErrorsAndWriteNothing() {
        List<Object[]> cases = List.of(
                new Object[] {"gzip", UnaryOperator.<byte[]>identity()},                                   // not gzip at all
                new Object[] {"gzip", (UnaryOperator<byte[]>) b -> new byte[0]},                         // empty
                new Object[] {"gzip", (UnaryOperator<byte[]>) b -> { byte[] g = gzip(b); return java.util.Arrays.copyOf(g, g.length - 1); }},
                new Object[] {"br", (UnaryOperator<byte[]>) CompressedBodyTest::gzip},                    // an encoding the service does not decode
                new Object[] {"garbage", UnaryOperator.<byte[]>identity()});
        for (Object[] bad : cases) {
            @SuppressWarnings("unchecked")
            UnaryOperator<byte[]> body = (UnaryOperator<byte[]>) bad[1];
            try (DynamoDbClient broken = client(body, Map.of("Content-Encoding", (String) bad[0]))) {
                DynamoDbException error = catchThrowableOfType(() -> broken.putItem(b -> b.tableName(TABLE)
                        .item(Map.of("id", AttributeValue.fromS("never")))), DynamoDbException.class);
                assertThat(error.statusCode()).as((String) bad[0]).isEqualTo(500);
                assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InternalServerError");
                assertThat(error.awsErrorDetails().errorMessage()).startsWith("Internal server error");
            }
        }
        try (DynamoDbClient plain = door.client(accessKey)) {
            assertThat(plain.getItem(b -> b.tableName(TABLE).key(Map.of("id", AttributeValue.fromS("never")))).hasItem()).isFalse();
        }
    }

    private static byte[] read(RequestBody body) {
        try (InputStream in = body.contentStreamProvider().newStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] deflate(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out)) {
            deflate.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
