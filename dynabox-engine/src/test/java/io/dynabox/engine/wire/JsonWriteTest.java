package io.dynabox.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Answers written without a generator are the bytes the mapper writes for the same tree. */
class JsonWriteTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Item       | {"pk":{"S":"a"},"n":{"N":"1"}}
            Attributes | {"s":{"S":"\\u00e9 \\"q\\" ☃"}}
            Item       | {}
            """)
    void aStoredItemAloneIsCopiedAsTheMapperWritesIt(String name, String item) throws Exception {
        ObjectNode answer = Json.object();
        answer.putRawValue(name, Json.raw(item.getBytes(StandardCharsets.UTF_8)));
        assertThat(new String(Json.write(answer), StandardCharsets.UTF_8))
                .isEqualTo(new String(Json.MAPPER.writeValueAsBytes(answer), StandardCharsets.UTF_8))
                .isEqualTo("{\"" + name + "\":" + item + "}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Items | {"pk":{"S":"a"},"n":{"N":"1"}}
            Items | {"s":{"S":"\\u00e9 \\"q\\" ☃"}}
            Items | {}
            """)
    void aStoredItemAloneInAListIsCopiedAsTheMapperWritesIt(String name, String item) throws Exception {
        ObjectNode answer = Json.object();
        answer.putArray(name).addRawValue(Json.raw(item.getBytes(StandardCharsets.UTF_8)));
        assertThat(new String(Json.write(answer), StandardCharsets.UTF_8))
                .isEqualTo(new String(Json.MAPPER.writeValueAsBytes(answer), StandardCharsets.UTF_8))
                .isEqualTo("{\"" + name + "\":[" + item + "]}");
        ObjectNode twoItems = Json.object();
        twoItems.putArray(name).addRawValue(Json.raw(item.getBytes(StandardCharsets.UTF_8))).addRawValue(Json.raw(item.getBytes(StandardCharsets.UTF_8)));
        assertThat(Json.write(twoItems)).isEqualTo(Json.MAPPER.writeValueAsBytes(twoItems));
        ObjectNode none = Json.object();
        none.putArray(name);
        assertThat(new String(Json.write(none), StandardCharsets.UTF_8)).isEqualTo("{\"" + name + "\":[]}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Item    | {"pk":{"S":"a"}}
            Item_1  | {"pk":{"S":"a"}}
            """)
    void otherAnswersGoThroughTheMapper(String name, String item) throws Exception {
        ObjectNode answer = Json.object();
        answer.putRawValue(name, Json.raw(item.getBytes(StandardCharsets.UTF_8)));
        answer.put("Count", 1);
        assertThat(Json.write(answer)).isEqualTo(Json.MAPPER.writeValueAsBytes(answer));
        ObjectNode underscored = Json.object();
        underscored.putRawValue(name, Json.raw(item.getBytes(StandardCharsets.UTF_8)));
        assertThat(Json.write(underscored)).isEqualTo(Json.MAPPER.writeValueAsBytes(underscored));
    }
}
