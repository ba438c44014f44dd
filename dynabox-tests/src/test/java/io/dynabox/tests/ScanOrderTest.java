package io.dynabox.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.server.DynaboxServer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Scan order is the service's: items come in the order of MD5("Outliers" + partition key bytes)
 * compared as unsigned bytes (as dynalite, whose tests pass against the service, orders them),
 * and parallel scan segment i of n holds the digests whose first 12 bits lie in
 * [ceil(4096 i / n), ceil(4096 (i + 1) / n)).
 */
@ParameterizedClass
@EnumSource(Door.class)
class ScanOrderTest extends DoorTest {

    /** The rule, stated independently of Dynabox's code: the digest of "Outliers" and the key's bytes. */
    static byte[] digest(byte[] keyBytes) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update("Outliers".getBytes(StandardCharsets.US_ASCII));
            return md5.digest(keyBytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The service's binary number bytes of small integers 1..99: exponent byte C1, then n + 1. */
    static byte[] smallIntegerBytes(int n) {
        return new byte[] {(byte) 0xC1, (byte) (n + 1)};
    }

    private void createTable(String name, ScalarAttributeType type) {
        client.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(type), a -> a.attributeName("sk").attributeType(ScalarAttributeType.N)));
    }

    private List<AttributeValue> scanPartitions(String table, Integer segment, Integer total) {
        List<AttributeValue> seen = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = client.scan(b -> b.tableName(table).limit(7).exclusiveStartKey(from).segment(segment).totalSegments(total));
            page.items().forEach(item -> seen.add(item.get("pk")));
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return seen;
    }

    private <K> void assertServiceOrder(String table, ScalarAttributeType type, List<K> keys, Function<K, AttributeValue> value,
                                        Function<K, byte[]> bytes) {
        createTable(table, type);
        for (K key : keys) {
            for (int sk = 2; sk >= 1; sk--) {
                int s = sk;
                client.putItem(b -> b.tableName(table).item(Map.of("pk", value.apply(key), "sk", AttributeValue.fromN("" + s))));
            }
        }
        Comparator<K> byDigest = (a, b) -> Arrays.compareUnsigned(digest(bytes.apply(a)), digest(bytes.apply(b)));
        List<AttributeValue> expected = keys.stream().sorted(byDigest)
                .flatMap(k -> java.util.stream.Stream.of(value.apply(k), value.apply(k))).collect(Collectors.toList());
        assertThat(scanPartitions(table, null, null)).containsExactlyElementsOf(expected);
        // three parallel segments: each holds the partitions whose digests start in its share of the first 12 bits
        for (int segment = 0; segment < 3; segment++) {
            int low = (4096 * segment + 2) / 3;
            int high = (4096 * (segment + 1) + 2) / 3;
            List<AttributeValue> inSegment = keys.stream().sorted(byDigest).filter(k -> {
                byte[] d = digest(bytes.apply(k));
                int first12 = ((d[0] & 0xFF) << 4) | ((d[1] & 0xFF) >>> 4);
                return first12 >= low && first12 < high;
            }).flatMap(k -> java.util.stream.Stream.of(value.apply(k), value.apply(k))).collect(Collectors.toList());
            assertThat(scanPartitions(table, segment, 3)).as("segment " + segment).containsExactlyElementsOf(inSegment);
        }
    }

    @Test
    void stringPartitionsScanInTheServicesHashOrder() {
        List<String> keys = List.of("a", "b", "c", "user#1", "user#2", "é", "zzz", "0", "", "x y").stream().filter(k -> !k.isEmpty()).toList();
        assertServiceOrder("strings", ScalarAttributeType.S, keys, AttributeValue::fromS, k -> k.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void numberPartitionsHashTheServicesBinaryNumberForm() {
        List<Integer> keys = List.of(1, 2, 3, 5, 8, 13, 21, 34, 55, 89);
        assertServiceOrder("numbers", ScalarAttributeType.N, keys, n -> AttributeValue.fromN(n.toString()), ScanOrderTest::smallIntegerBytes);
    }

    @Test
    void binaryPartitionsHashTheirBytes() {
        List<byte[]> keys = List.of(new byte[] {0}, new byte[] {1, 2}, new byte[] {(byte) 0xFF}, "hello".getBytes(StandardCharsets.UTF_8),
                new byte[] {9, 9, 9});
        assertServiceOrder("binaries", ScalarAttributeType.B, keys, k -> AttributeValue.fromB(SdkBytes.fromByteArray(k)), k -> k);
    }
}
