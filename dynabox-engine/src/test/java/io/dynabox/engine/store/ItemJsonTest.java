package io.dynabox.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The item column's JSON is the wire's JSON of the item, character for character, and reads back as the same item. */
class ItemJsonTest {

    @Test
    void everyTypeAndEveryEscapeAsJacksonWritesThem() throws Exception {
        Map<String, AttributeValue> nested = new LinkedHashMap<>();
        nested.put("deep", new AttributeValue.L(List.of(new AttributeValue.NULL(), new AttributeValue.BOOL(false),
                new AttributeValue.M(Map.of()), new AttributeValue.L(List.of()))));
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("id", new AttributeValue.S("plain"));
        item.put("quote\"back\\slash", new AttributeValue.S("line\nfeed\ttab\rcr\bbs\fff\u0000nul\u001fus\u007fdel"));
        item.put("unicode", new AttributeValue.S("é€𝄞 ¿"));
        item.put("lone", new AttributeValue.S("a\ud800b\udfff"));
        item.put("empty", new AttributeValue.S(""));
        item.put("n", new AttributeValue.N(DynamoNumber.parse("-12.50e3")));
        item.put("b", new AttributeValue.B(Bytes.wrap(new byte[] {0, 1, (byte) 0xff})));
        item.put("t", new AttributeValue.BOOL(true));
        item.put("null", new AttributeValue.NULL());
        item.put("ss", new AttributeValue.SS(new LinkedHashSet<>(List.of("a", "\"b\""))));
        item.put("ns", new AttributeValue.NS(Set.of(DynamoNumber.of(7))));
        item.put("bs", new AttributeValue.BS(Set.of(Bytes.wrap(new byte[] {9}))));
        item.put("m", new AttributeValue.M(nested));
        String json = ItemJson.write(item);
        assertThat(json).isEqualTo(new String(Json.write(AttributeValues.writeItem(item)), StandardCharsets.UTF_8));
        assertThat(AttributeValues.readItem(Json.MAPPER.readTree(json))).isEqualTo(item);
        assertThat(ItemJson.write(Map.of())).isEqualTo("{}");
    }
}
