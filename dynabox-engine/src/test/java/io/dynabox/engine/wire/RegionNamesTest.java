package io.dynabox.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Region names → whether Dynabox serves them: {@code [a-z][a-z0-9]*(-[a-z0-9]+)*}, at most 50 characters. */
class RegionNamesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            us-east-1                                          | true
            us-gov-west-1                                      | true
            local                                              | true
            a                                                  | true
            a1-2b-c3                                           | true
            abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwx | true
            abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxy | false
            ''                                                 | false
            1us                                                | false
            -us                                                | false
            us-                                                | false
            us--east                                           | false
            US-east-1                                          | false
            us_east_1                                          | false
            us.east                                            | false
            'us east'                                          | false
            é                                                  | false
            """)
    void acceptsNamesShapedLikeRegions(String region, boolean valid) {
        assertThat(RegionNames.isValid(region)).isEqualTo(valid);
    }
}
