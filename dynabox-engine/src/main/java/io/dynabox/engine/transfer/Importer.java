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
import io.dynabox.engine.table.KeySchema;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableDefinition;
import io.dynabox.engine.table.TableLocks;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.Bytes;
import io.dynabox.engine.value.DynamoNumber;
import io.dynabox.engine.value.ItemSize;
import io.dynabox.engine.wire.AttributeValues;
import io.dynabox.engine.wire.Json;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

/**
 * Reads an import's source into its new table: every object under the bucket's key prefix,
 * streamed and decompressed (GZIP, ZSTD or none) as it is read, in its format: DynamoDB JSON (a
 * {@code {"Item": {...}}} object a line), Amazon Ion ({@code {Item: {...}}} values) or CSV (a
 * header line, or the request's HeaderList, then a line an item; the key attributes get the
 * types of their definitions, every other column is a string, empty columns are left out). The
 * items go into the table a batch at a time as they are read, so an import holds a batch per
 * object being read, whatever the size of its source. Each item is checked as PutItem checks one
 * (values, key attributes and their types, index key types, 400 KB); an item that fails is
 * counted as an error and skipped, and the import goes on, as the service's does. A line that is
 * not JSON at all is an error of its own; an object that cannot be decompressed, or Ion or CSV
 * that stops parsing, counts one error and the rest of that object is skipped ("may skip
 * processing the remaining portion of the object"). Items with the same key overwrite each other,
 * uncounted.
 */
final class Importer {
    private static final int BATCH = 1000;
    private static final CsvMapper CSV = new CsvMapper();

    /** What an import read: the counts its description shows. */
    static final class Counts {
        long processedItems;
        long errors;
        long processedBytes;
        String firstError;

        void error(String why) {
            errors++;
            if (firstError == null) firstError = why;
        }

        void add(Counts part) {
            processedItems += part.processedItems;
            processedBytes += part.processedBytes;
            errors += part.errors;
            if (firstError == null) firstError = part.firstError;
        }
    }

    /** The options of the import that shape its reading. */
    record Source(String bucket, String prefix, String format, String compression, String csvDelimiter, List<String> csvHeader) {
    }

    /** Where an object's items go: into the table, a batch at a time under its write lock. */
    private static final class Filler {
        private final Table table;
        private final Runnable checkNotStopping;
        private List<Mutation> batch = new ArrayList<>(BATCH);

        Filler(Table table, Runnable checkNotStopping) {
            this.table = table;
            this.checkNotStopping = checkNotStopping;
        }

        void put(StoredItem item) {
            batch.add(Mutation.put(table.keyspace(), item));
            if (batch.size() == BATCH) flush();
        }

        void flush() {
            checkNotStopping.run();
            if (batch.isEmpty()) return;
            List<Mutation> full = batch;
            batch = new ArrayList<>(BATCH);
            TableLocks.write(table, () -> {
                table.store().apply(full);
                return null;
            });
        }
    }

    private Importer() {}

    /** The keys of the source's objects; throws NoSuchBucketException. */
    static List<String> objects(Buckets buckets, Source source) {
        if (!buckets.exists(source.bucket())) throw new NoSuchBucketException(source.bucket());
        return buckets.list(source.bucket(), source.prefix());
    }

    /**
     * Reads the objects side by side (each is decompressed, parsed and written on its own) into
     * the table, which is CREATING, so nobody else writes to it. {@code checkNotStopping} throws
     * to stop between two batches.
     */
    static Counts read(Buckets buckets, Source source, List<String> keys, Table table, Runnable checkNotStopping) {
        // no object's failure ends the stream early: every read is over before the job goes on, so a
        // failed import drops its table, and a closing engine its store, with no read still writing
        List<ObjectRead> reads = keys.parallelStream().map(key -> ObjectRead.of(() -> readObject(buckets, source, key, table, checkNotStopping))).toList();
        Counts counts = new Counts();
        for (ObjectRead read : reads) {
            if (read.failure() instanceof RuntimeException failure) throw failure;
            if (read.failure() instanceof Error failure) throw failure;
            counts.add(read.counts());
        }
        return counts;
    }

    /** One object's read: its counts, or what it threw. */
    private record ObjectRead(Counts counts, Throwable failure) {
        static ObjectRead of(Supplier<Counts> read) {
            try {
                return new ObjectRead(read.get(), null);
            } catch (RuntimeException | Error e) {
                return new ObjectRead(null, e);
            }
        }
    }

    private static Counts readObject(Buckets buckets, Source source, String key, Table table, Runnable checkNotStopping) {
        Counts counts = new Counts();
        Filler filler = new Filler(table, checkNotStopping);
        try (InputStream stored = buckets.open(source.bucket(), key)) {
            if (stored == null) return counts;
            CountingStream data = new CountingStream(decompress(new BufferedInputStream(stored, 1 << 16), source.compression()));
            try {
                switch (source.format()) {
                    case "ION" -> readIon(data, key, table.definition(), counts, filler);
                    case "CSV" -> readCsv(data, key, source, table.definition(), counts, filler);
                    default -> readJsonLines(data, key, table.definition(), counts, filler);
                }
            } catch (IOException e) {
                counts.processedItems++;
                counts.error("s3://" + source.bucket() + "/" + key + " could not be read as " + source.compression()
                        + " from byte " + data.count + " of its data on (" + e.getMessage() + "); the rest of the object is skipped");
            } finally {
                counts.processedBytes += data.count;
                closeDecompressor(data);
            }
        } catch (IOException e) {
            counts.processedItems++;
            counts.error("s3://" + source.bucket() + "/" + key + " could not be decompressed as " + source.compression() + ": " + e.getMessage());
        }
        filler.flush();
        // a file store commits in the background: the import is done once its items are durable
        table.store().awaitDurable();
        return counts;
    }

    /**
     * Frees the decompressor's native memory (GZIP's Inflater, zstd's context) at once, on every
     * way out, instead of whenever the collector finds it: the try above closes only the object's
     * stream. What was read is counted already, so a failure to close loses nothing.
     */
    private static void closeDecompressor(InputStream data) {
        try {
            data.close();
        } catch (IOException e) {
            System.getLogger(Importer.class.getName()).log(System.Logger.Level.DEBUG, "closing a decompressed object failed: " + e.getMessage());
        }
    }

    private static InputStream decompress(InputStream data, String compression) throws IOException {
        if (compression == null || "NONE".equals(compression)) return data;
        return "ZSTD".equals(compression) ? new ZstdInputStream(data) : new GZIPInputStream(data, 1 << 16);
    }

    /** The bytes read through it: the import's ProcessedSizeBytes counts the source's data, decompressed. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) count += n;
            return n;
        }
    }

    private static void readJsonLines(InputStream data, String key, TableDefinition table, Counts counts, Filler filler) throws IOException {
        LineReader lines = new LineReader(data);
        int line = 0;
        for (int length = lines.next(); length >= 0; length = lines.next()) {
            line++;
            byte[] bytes = lines.buffer();
            int end = length > 0 && bytes[length - 1] == '\r' ? length - 1 : length;
            if (end == 0 || blank(bytes, 0, end)) continue;
            counts.processedItems++;
            String where = key + " line " + line;
            try {
                JsonNode record = Json.MAPPER.readTree(bytes, 0, end);
                JsonNode item = record == null ? null : record.get("Item");
                if (item == null || !item.isObject()) {
                    counts.error(where + ": not an object with an Item member");
                } else {
                    add(AttributeValues.readItem(item), table, counts, filler, where);
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                counts.error(where + ": not JSON: " + e.getOriginalMessage());
            } catch (DynamoException e) {
                counts.error(where + ": " + e.getMessage());
            }
        }
    }

    private static boolean blank(byte[] data, int from, int to) {
        for (int i = from; i < to; i++) if (!Character.isWhitespace(data[i])) return false;
        return true;
    }

    private static void readIon(InputStream data, String key, TableDefinition table, Counts outcome, Filler filler) {
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
                    else add(checked(item), table, outcome, filler, where);
                } catch (DynamoException | IllegalArgumentException | DynamoNumber.InvalidNumberException e) {
                    outcome.error(where + ": " + e.getMessage());
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof TransferJobs.Stopped stopped) throw stopped;
            outcome.error(key + ": not Ion from value " + (value + 1) + " on (" + e.getMessage() + "); the rest of the object is skipped");
        }
    }

    private static void readCsv(InputStream data, String key, Source source, TableDefinition table, Counts outcome, Filler filler) {
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
                    add(checked(item), table, outcome, filler, where);
                } catch (DynamoException | IllegalArgumentException | DynamoNumber.InvalidNumberException e) {
                    outcome.error(where + ": " + e.getMessage());
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof TransferJobs.Stopped stopped) throw stopped;
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

    private static void add(Map<String, AttributeValue> item, TableDefinition definition, Counts outcome, Filler filler, String where) {
        try {
            io.dynabox.engine.operation.ItemKeys.checkItem(definition, item);
            long size = ItemSize.of(item);
            if (size > ItemSize.MAX_ITEM_BYTES) {
                outcome.error(where + ": Item size has exceeded the maximum allowed size");
                return;
            }
            byte[] key = encodeKey(definition, item);
            filler.put(new StoredItem(key, io.dynabox.engine.store.ItemJson.encode(item), size));
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
}
