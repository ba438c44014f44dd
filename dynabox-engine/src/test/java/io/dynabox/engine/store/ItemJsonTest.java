package io.dynabox.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.Bytes;
import io.dynabox.engine.value.DynamoNumber;
import io.dynabox.engine.wire.AttributeValues;
import io.dynabox.engine.wire.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A stored item's JSON is the wire's JSON of the item, byte for byte, and decodes back to the same item. */
class ItemJsonTest {

    @Test
    void everyTypeAndEveryEscapeAsJacksonWritesThemAndBack() throws Exception {
        Map<String, AttributeValue> nested = new LinkedHashMap<>();
        nested.put("deep", new AttributeValue.L(List.of(new AttributeValue.NULL(), new AttributeValue.BOOL(false),
                new AttributeValue.M(Map.of()), new AttributeValue.L(List.of()))));
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("id", new AttributeValue.S("plain"));
        item.put("quote\"back\\slash", new AttributeValue.S("line\nfeed\ttab\rcr\bbs\fff\u0000nul\u001fus\u007fdel"));
        item.put("unicode", new AttributeValue.S("é€𝄞 ¿"));
        item.put("lone", new AttributeValue.S("a\ud800b\udfff"));
        item.put("empty", new AttributeValue.S(""));
        // UTF-8's one-, two- and three-byte edges, and escapes after a character outside ASCII
        item.put("edges\u00e9", new AttributeValue.S("\u007f\u0080\u07ff\u0800\ud7ff\ue000\uffff\u00e9\"q\\\n\u0001x"));
        item.put("n", new AttributeValue.N(DynamoNumber.parse("-12.50e3")));
        item.put("b", new AttributeValue.B(Bytes.wrap(new byte[] {0, 1, (byte) 0xff})));
        item.put("t", new AttributeValue.BOOL(true));
        item.put("null", new AttributeValue.NULL());
        item.put("ss", new AttributeValue.SS(new LinkedHashSet<>(List.of("a", "\"b\""))));
        item.put("ns", new AttributeValue.NS(Set.of(DynamoNumber.of(7))));
        item.put("bs", new AttributeValue.BS(Set.of(Bytes.wrap(new byte[] {9}))));
        item.put("m", new AttributeValue.M(nested));
        byte[] json = ItemJson.encode(item);
        assertThat(new String(json, StandardCharsets.UTF_8))
                .isEqualTo(new String(Json.write(AttributeValues.writeItem(item)), StandardCharsets.UTF_8));
        assertThat(ItemJson.decode(json)).isEqualTo(item).isEqualTo(AttributeValues.readItem(Json.MAPPER.readTree(json)));
        assertThat(ItemJson.encode(Map.of())).asString(StandardCharsets.UTF_8).isEqualTo("{}");
        assertThat(ItemJson.decode("{}".getBytes(StandardCharsets.UTF_8))).isEmpty();

        // a read answers with the stored JSON as it is: the same bytes as writing the item
        ObjectNode raw = Json.object();
        raw.putRawValue("Item", Json.raw(json));
        raw.putArray("Items").addRawValue(Json.raw(json)).addRawValue(Json.raw(json));
        ObjectNode written = Json.object();
        written.set("Item", AttributeValues.writeItem(item));
        written.putArray("Items").add(AttributeValues.writeItem(item)).add(AttributeValues.writeItem(item));
        assertThat(Json.write(raw)).isEqualTo(Json.write(written));
        // a log line's text of such an answer (escaped as a Writer escapes) reads back as the same answer
        assertThat(Json.MAPPER.readTree(raw.toString())).isEqualTo(written);
    }

    @Test
    void aRawItemLargerThanTheWritersBufferIsWrittenWhole() {
        Map<String, AttributeValue> item = Map.of("big", new AttributeValue.S("x".repeat(300_000) + "é"));
        byte[] json = ItemJson.encode(item);
        ObjectNode raw = Json.object().put("Count", 1);
        raw.putRawValue("Item", Json.raw(json));
        assertThat(Json.write(raw)).asString(StandardCharsets.UTF_8)
                .isEqualTo("{\"Count\":1,\"Item\":" + new String(json, StandardCharsets.UTF_8) + "}");
        assertThat(ItemJson.decode(json)).isEqualTo(item);
    }
}
