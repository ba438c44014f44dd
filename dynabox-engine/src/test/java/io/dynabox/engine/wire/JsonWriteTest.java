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

    @org.junit.jupiter.api.Test
    void pagesAndBatchesWithStoredItemsFirstAreTheBytesTheMapperWrites() throws Exception {
        byte[] one = "{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":\"1\"}}".getBytes(StandardCharsets.UTF_8);
        byte[] two = "{\"s\":{\"S\":\"\\u00e9 \\\"q\\\" ☃\"}}".getBytes(StandardCharsets.UTF_8);
        ObjectNode page = Json.object();
        page.putArray("Items").addRawValue(Json.raw(one)).addRawValue(Json.raw(two)).addRawValue(Json.raw(one));
        page.put("Count", 3);
        page.put("ScannedCount", 5);
        page.putObject("LastEvaluatedKey").putObject("pk").put("S", "a\u0001\"\\/é");
        page.putObject("ConsumedCapacity").put("TableName", "t").put("CapacityUnits", 0.5);
        ObjectNode batch = Json.object();
        ObjectNode responses = batch.putObject("Responses");
        responses.putArray("my-table.v_1").addRawValue(Json.raw(one)).addRawValue(Json.raw(two));
        responses.putArray("other");
        batch.putObject("UnprocessedKeys");
        batch.putArray("ConsumedCapacity").addObject().put("TableName", "other").put("CapacityUnits", 1.0);
        ObjectNode empty = Json.object();
        empty.putArray("Items");
        empty.put("Count", 0);
        ObjectNode itemsOnly = Json.object();
        itemsOnly.putArray("Items").addRawValue(Json.raw(one)).addRawValue(Json.raw(two));
        ObjectNode nestedOnly = Json.object();
        nestedOnly.putObject("Responses").putArray("t").addRawValue(Json.raw(two));
        for (ObjectNode answer : java.util.List.of(page, batch, empty, itemsOnly, nestedOnly)) {
            assertThat(new String(Json.write(answer), StandardCharsets.UTF_8))
                    .isEqualTo(new String(Json.MAPPER.writeValueAsBytes(answer), StandardCharsets.UTF_8));
        }
        assertThat(new String(Json.write(page), StandardCharsets.UTF_8)).startsWith("{\"Items\":[" + new String(one, StandardCharsets.UTF_8) + ",");
    }

    @org.junit.jupiter.api.Test
    void answersWhoseFirstMemberIsNotStoredItemsAreTheMappersToo() throws Exception {
        ObjectNode projected = Json.object();
        projected.putArray("Items").addObject().putObject("a").put("S", "x");
        projected.put("Count", 1);
        ObjectNode countFirst = Json.object();
        countFirst.put("Count", 1);
        countFirst.putArray("Items").addRawValue(Json.raw("{}".getBytes(StandardCharsets.UTF_8)));
        ObjectNode oddName = Json.object();
        oddName.putObject("Responses").putArray("t\"x").addRawValue(Json.raw("{}".getBytes(StandardCharsets.UTF_8)));
        ObjectNode emptyResponses = Json.object();
        emptyResponses.putObject("Responses");
        emptyResponses.putObject("UnprocessedKeys");
        for (ObjectNode answer : java.util.List.of(projected, countFirst, oddName, emptyResponses)) {
            assertThat(Json.write(answer)).isEqualTo(Json.MAPPER.writeValueAsBytes(answer));
        }
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
