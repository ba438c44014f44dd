package io.dynabox.engine.store;

import com.fasterxml.jackson.core.JsonGenerator;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.Bytes;
import io.dynabox.engine.value.DynamoNumber;
import io.dynabox.engine.wire.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * An item as DynamoDB JSON text, the {@code item} column of the file: streamed straight
 * from the values (the same text as {@code AttributeValues.writeItem}, without building a
 * JSON tree first, which took a good part of a write's time on the file store).
 */
final class ItemJson {
    private ItemJson() {}

    static String write(Map<String, AttributeValue> item) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            writeMap(g, item);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an item as JSON", e);
        }
        return out.toString();
    }

    private static void writeMap(JsonGenerator g, Map<String, AttributeValue> values) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, AttributeValue> e : values.entrySet()) {
            g.writeFieldName(e.getKey());
            writeValue(g, e.getValue());
        }
        g.writeEndObject();
    }

    private static void writeValue(JsonGenerator g, AttributeValue value) throws IOException {
        g.writeStartObject();
        switch (value.type()) {
            case S -> g.writeStringField("S", ((AttributeValue.S) value).value());
            case N -> g.writeStringField("N", ((AttributeValue.N) value).value().toString());
            case B -> g.writeStringField("B", ((AttributeValue.B) value).value().base64());
            case BOOL -> g.writeBooleanField("BOOL", ((AttributeValue.BOOL) value).value());
            case NULL -> g.writeBooleanField("NULL", true);
            case SS -> {
                g.writeArrayFieldStart("SS");
                for (String s : ((AttributeValue.SS) value).values()) g.writeString(s);
                g.writeEndArray();
            }
            case NS -> {
                g.writeArrayFieldStart("NS");
                for (DynamoNumber n : ((AttributeValue.NS) value).values()) g.writeString(n.toString());
                g.writeEndArray();
            }
            case BS -> {
                g.writeArrayFieldStart("BS");
                for (Bytes b : ((AttributeValue.BS) value).values()) g.writeString(b.base64());
                g.writeEndArray();
            }
            case M -> {
                g.writeFieldName("M");
                writeMap(g, ((AttributeValue.M) value).values());
            }
            case L -> {
                g.writeArrayFieldStart("L");
                for (AttributeValue v : ((AttributeValue.L) value).values()) writeValue(g, v);
                g.writeEndArray();
            }
        }
        g.writeEndObject();
    }
}
