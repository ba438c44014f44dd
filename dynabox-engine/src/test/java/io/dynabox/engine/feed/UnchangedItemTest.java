package io.dynabox.engine.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whether a write changed its item, from the two images as the store keeps them: old | new -> unchanged. */
class UnchangedItemTest {
    private static final String LONG = "x".repeat(300);

    @ParameterizedTest(name = "{0} | {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "'{\"a\":{\"S\":\"1\"}}'                      | '{\"a\":{\"S\":\"1\"}}'                      | true",
        "'{\"a\":{\"S\":\"1\"}}'                      | '{\"a\":{\"S\":\"2\"}}'                      | false",
        "'{\"a\":{\"S\":\"1\"}}'                      | '{\"a\":{\"S\":\"12\"}}'                     | false",
        // another order of the same attributes is the same item
        "'{\"a\":{\"S\":\"1\"},\"b\":{\"N\":\"2\"}}'   | '{\"b\":{\"N\":\"2\"},\"a\":{\"S\":\"1\"}}'   | true",
        // the same bytes in another order, but other values: changed
        "'{\"a\":{\"S\":\"12\"},\"b\":{\"S\":\"21\"}}' | '{\"a\":{\"S\":\"21\"},\"b\":{\"S\":\"12\"}}' | false",
        "'{\"ab\":{\"S\":\"1\"}}'                     | '{\"ba\":{\"S\":\"1\"}}'                     | false",
        // a set in another order is the same set
        "'{\"s\":{\"SS\":[\"p\",\"q\"]}}'             | '{\"s\":{\"SS\":[\"q\",\"p\"]}}'             | true",
        // a difference at the very start or the very end of the bytes
        "'{\"a\":{\"S\":\"LONG\"},\"z\":{\"S\":\"1\"}}' | '{\"a\":{\"S\":\"LONG\"},\"z\":{\"S\":\"2\"}}' | false",
        "'{\"b\":{\"S\":\"LONG\"}}'                  | '{\"c\":{\"S\":\"LONG\"}}'                  | false",
        "'{\"a\":{\"S\":\"LONG\"},\"z\":{\"N\":\"5\"}}' | '{\"z\":{\"N\":\"5\"},\"a\":{\"S\":\"LONG\"}}' | true",
    })
    void unchanged(String oldImage, String newImage, boolean unchanged) {
        assertThat(FeedCommit.unchanged(bytes(oldImage), bytes(newImage))).isEqualTo(unchanged);
        assertThat(FeedCommit.unchanged(bytes(newImage), bytes(oldImage))).isEqualTo(unchanged);
    }

    @ParameterizedTest(name = "{0} | {1} -> {2}")
    @CsvSource(nullValues = "-", delimiter = '|', quoteCharacter = '\'', value = {
        "-                   | -                   | true",
        "-                   | '{\"a\":{\"S\":\"1\"}}' | false",
        "'{\"a\":{\"S\":\"1\"}}' | -                   | false",
    })
    void absentItems(String oldImage, String newImage, boolean unchanged) {
        assertThat(FeedCommit.unchanged(bytes(oldImage), bytes(newImage))).isEqualTo(unchanged);
    }

    private static byte[] bytes(String json) {
        return json == null ? null : json.replace("LONG", LONG).getBytes(StandardCharsets.UTF_8);
    }
}
