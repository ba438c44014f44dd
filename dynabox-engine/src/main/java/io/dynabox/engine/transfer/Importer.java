package io.dynabox.engine.transfer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.amazon.ion.IonReader;
import com.amazon.ion.IonType;
import com.amazon.ion.system.IonReaderBuilder;
import com.github.luben.zstd.ZstdInputStream;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.s3.Buckets;
import io.dynabox.engine.s3.NoSuchBucketException;
import io.dynabox.engine.store.Mutation;
import io.dynabox.engine.store.StoredItem;
import io.dynabox.engine.table.IndexDefinition;
import io.dynabox.engine.table.ItemWriter;
import io.dynabox.engine.table.KeySchema;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableDefinition;
import io.dynabox.engine.table.TableLimits;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.Bytes;
import io.dynabox.engine.value.DynamoNumber;
import io.dynabox.engine.value.ItemSize;
import io.dynabox.engine.wire.AttributeValues;
import io.dynabox.engine.wire.Json;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads an import's source: every object under the bucket's key prefix, decompressed (GZIP,
 * ZSTD or none), in its format: DynamoDB JSON (a {@code {"Item": {...}}} object a line), Amazon
 * Ion ({@code {Item: {...}}} values) or CSV (a header line, or the request's HeaderList, then a
 * line an item; the key attributes get the types of their definitions, every other column is a
 * string, empty columns are left out). Each item is checked as PutItem checks one (values, key
 * attributes and their types, index key types, 400 KB); an item that fails is counted as an
 * error and skipped, and the import goes on, as the service's does. A line that is not JSON at
 * all is an error of its own; an object that cannot be decompressed, or Ion that stops parsing,
 * counts one error and the rest of that object is skipped ("may skip processing the remaining
 * portion of the object"). Items with the same key overwrite each other, uncounted.
 */
final class Importer {
    private static final int BATCH = 1000;
    private static final CsvMapper CSV = new CsvMapper();

    /** What an import read: the items by key (in no order), and the counts its description shows. */
    static final class Outcome {
        final Map<ByteBuffer, StoredItem> items = new LinkedHashMap<>();
        long processedItems;
        long errors;
        long processedBytes;
        String firstError;

        void error(String why) {
            errors++;
            if (firstError == null) firstError = why;
        }
    }

    /** The options of the import that shape its reading. */
    record Source(String bucket, String prefix, String format, String compression, String csvDelimiter, List<String> csvHeader) {
    }

    private Importer() {}

    /** The keys of the source's objects; throws NoSuchBucketException. */
    static List<String> objects(Buckets buckets, Source source) {
        if (!buckets.exists(source.bucket())) throw new NoSuchBucketException(source.bucket());
        return buckets.list(source.bucket(), source.prefix());
    }

    /** Reads the objects side by side (each is decompressed and parsed on its own), then merges them in key order. */
    static Outcome read(Buckets buckets, Source source, List<String> keys, TableDefinition table) {
        List<Outcome> parts = keys.parallelStream().map(key -> readObject(buckets, source, key, table)).toList();
        Outcome outcome = new Outcome();
        for (Outcome part : parts) {
            outcome.items.putAll(part.items);
            outcome.processedItems += part.processedItems;
            outcome.processedBytes += part.processedBytes;
            outcome.errors += part.errors;
            if (outcome.firstError == null) outcome.firstError = part.firstError;
        }
        return outcome;
    }

    private static Outcome readObject(Buckets buckets, Source source, String key, TableDefinition table) {
        Outcome outcome = new Outcome();
        byte[] stored = buckets.get(source.bucket(), key);
        if (stored == null || stored.length == 0) return outcome;
        byte[] data;
        try {
            data = decompress(stored, source.compression());
        } catch (IOException | RuntimeException e) {
            outcome.processedItems++;
            outcome.error("s3://" + source.bucket() + "/" + key + " could not be decompressed as " + source.compression() + ": " + e.getMessage());
            return outcome;
        }
        outcome.processedBytes += data.length;
        switch (source.format()) {
            case "ION" -> readIon(data, key, table, outcome);
            case "CSV" -> readCsv(data, key, source, table, outcome);
            default -> readJsonLines(data, key, table, outcome);
        }
        return outcome;
    }

    private static byte[] decompress(byte[] data, String compression) throws IOException {
        if (compression == null || "NONE".equals(compression)) return data;
        try (InputStream in = "ZSTD".equals(compression) ? new ZstdInputStream(new ByteArrayInputStream(data))
                : new GZIPInputStream(new ByteArrayInputStream(data))) {
            return in.readAllBytes();
        }
    }

    private static void readJsonLines(byte[] data, String key, TableDefinition table, Outcome outcome) {
        int start = 0;
        int line = 0;
        for (int i = 0; i <= data.length; i++) {
            if (i < data.length && data[i] != '\n') continue;
            line++;
            int end = i > start && data[i - 1] == '\r' ? i - 1 : i;
            if (end > start && !blank(data, start, end)) {
                outcome.processedItems++;
                String where = key + " line " + line;
                try {
                    JsonNode record = Json.MAPPER.readTree(data, start, end - start);
                    JsonNode item = record == null ? null : record.get("Item");
                    if (item == null || !item.isObject()) {
                        outcome.error(where + ": not an object with an Item member");
                    } else {
                        add(AttributeValues.readItem(item), table, outcome, where);
                    }
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    outcome.error(where + ": not JSON: " + e.getOriginalMessage());
                } catch (IOException e) {
                    outcome.error(where + ": not JSON: " + e.getMessage());
                } catch (DynamoException e) {
                    outcome.error(where + ": " + e.getMessage());
                }
            }
            start = i + 1;
        }
    }

    private static boolean blank(byte[] data, int from, int to) {
        for (int i = from; i < to; i++) if (!Character.isWhitespace(data[i])) return false;
        return true;
    }

    private static void readIon(byte[] data, String key, TableDefinition table, Outcome outcome) {
        int value = 0;
        try (IonReader reader = IonReaderBuilder.standard().build(data)) {
            while (reader.next() != null) {
                value++;
                outcome.processedItems++;
                String where = key + " value " + value;
                try {
                    if (reader.getType() != IonType.STRUCT || reader.isNullValue()) {
                        outcome.error(where + ": not a struct with an Item field");
                        continue;
                    }
                    Map<String, AttributeValue> item = null;
                    reader.stepIn();
                    while (reader.next() != null) {
                        if ("Item".equals(reader.getFieldName()) && reader.getType() == IonType.STRUCT && !reader.isNullValue()) {
                            item = IonItems.readStruct(reader);
                        }
                    }
                    reader.stepOut();
                    if (item == null) outcome.error(where + ": not a struct with an Item field");
                    else add(checked(item), table, outcome, where);
                } catch (DynamoException | IllegalArgumentException | DynamoNumber.InvalidNumberException e) {
                    outcome.error(where + ": " + e.getMessage());
                }
            }
        } catch (IOException | RuntimeException e) {
            outcome.error(key + ": not Ion from value " + (value + 1) + " on (" + e.getMessage() + "); the rest of the object is skipped");
        }
    }

    private static void readCsv(byte[] data, String key, Source source, TableDefinition table, Outcome outcome) {
        char delimiter = source.csvDelimiter() == null ? ',' : source.csvDelimiter().charAt(0);
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(delimiter).withoutQuoteChar().withQuoteChar('"');
        List<String> header = source.csvHeader();
        try (MappingIterator<List<String>> rows = CSV.readerForListOf(String.class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .with(schema).readValues(data)) {
            int line = 0;
            while (rows.hasNextValue()) {
                List<String> row;
                line++;
                try {
                    row = rows.nextValue();
                } catch (RuntimeException e) {
                    outcome.processedItems++;
                    outcome.error(key + " line " + line + ": not CSV (" + e.getMessage() + "); the rest of the object is skipped");
                    return;
                }
                if (header == null) {
                    header = row;
                    continue;
                }
                if (row.size() == 1 && row.get(0).isEmpty()) continue;
                outcome.processedItems++;
                String where = key + " line " + line;
                if (row.size() > header.size()) {
                    outcome.error(where + ": " + row.size() + " columns, the header has " + header.size());
                    continue;
                }
                try {
                    Map<String, AttributeValue> item = new LinkedHashMap<>();
                    for (int i = 0; i < row.size(); i++) {
                        String value = row.get(i);
                        if (value.isEmpty()) continue;
                        item.put(header.get(i), csvValue(table, header.get(i), value));
                    }
                    add(checked(item), table, outcome, where);
                } catch (DynamoException | IllegalArgumentException | DynamoNumber.InvalidNumberException e) {
                    outcome.error(where + ": " + e.getMessage());
                }
            }
        } catch (IOException | RuntimeException e) {
            outcome.error(key + ": not CSV (" + e.getMessage() + "); the rest of the object is skipped");
        }
    }

    /** A CSV value: of its attribute definition's type for a key attribute, a string otherwise. */
    private static AttributeValue csvValue(TableDefinition table, String name, String value) {
        AttributeValue.Type type = table.attributeDefinitions().get(name);
        if (type == AttributeValue.Type.N) return new AttributeValue.N(DynamoNumber.parse(value.trim()));
        if (type == AttributeValue.Type.B) return new AttributeValue.B(Bytes.wrap(Base64.getDecoder().decode(value.trim())));
        return new AttributeValue.S(value);
    }

    /** Values made from Ion or CSV, checked as a request's item is (empty sets, duplicates, nesting...). */
    private static Map<String, AttributeValue> checked(Map<String, AttributeValue> item) {
        return AttributeValues.readItem(AttributeValues.writeItem(item));
    }

    private static void add(Map<String, AttributeValue> item, TableDefinition definition, Outcome outcome, String where) {
        try {
            io.dynabox.engine.operation.ItemKeys.checkItem(definition, item);
            long size = ItemSize.of(item);
            if (size > ItemSize.MAX_ITEM_BYTES) {
                outcome.error(where + ": Item size has exceeded the maximum allowed size");
                return;
            }
            byte[] key = encodeKey(definition, item);
            outcome.items.put(ByteBuffer.wrap(key), new StoredItem(key, io.dynabox.engine.store.ItemJson.encode(item), size));
        } catch (DynamoException e) {
            outcome.error(where + ": " + e.getMessage());
        }
    }

    /** The stored key, as {@link Table#encodeKey} makes it, before the table exists. */
    private static byte[] encodeKey(TableDefinition definition, Map<String, AttributeValue> item) {
        KeySchema schema = definition.keySchema();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(32);
        io.dynabox.engine.value.KeyCodec.writePartition(out, item.get(schema.partitionName()));
        if (schema.hasSort()) io.dynabox.engine.value.KeyCodec.writeSortable(out, item.get(schema.sortName()));
        return out.toByteArray();
    }

    /** Fills the new table with the items and builds its indexes; the table is CREATING, so nobody else writes to it. */
    static void fill(Table table, Outcome outcome) {
        List<Mutation> batch = new ArrayList<>(BATCH);
        for (StoredItem item : outcome.items.values()) {
            batch.add(Mutation.put(table.keyspace(), item));
            if (batch.size() == BATCH) {
                table.store().apply(batch);
                batch = new ArrayList<>(BATCH);
            }
        }
        if (!batch.isEmpty()) table.store().apply(batch);
        for (IndexDefinition index : table.definition().globalIndexes()) ItemWriter.backfill(table, index);
    }
}
