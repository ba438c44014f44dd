package io.dynabox.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Access key and region in, namespace id out: DynamoDB Local's ACCESSKEY_region, one id per pair. */
class NamespaceIdTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            AKID  | us-east-1 | AKID_us-east-1
            a_b   | c         | a_b_c
            a     | b_c       | a_b%5Fc
            a     | b%5Fc     | a_b%255Fc
            a_b   | local     | a_b_local
            """)
    void idsAreDistinctForDistinctPairs(String accessKey, String region, String id) {
        assertThat(Engine.namespaceId(accessKey, region, false)).isEqualTo(id);
        assertThat(Engine.namespaceId(accessKey, region, true)).isEqualTo("shared");
    }
}
