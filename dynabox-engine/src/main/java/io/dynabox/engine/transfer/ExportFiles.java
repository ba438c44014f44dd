package io.dynabox.engine.transfer;

import com.amazon.ion.IonType;
import com.amazon.ion.IonWriter;
import com.amazon.ion.system.IonTextWriterBuilder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.s3.Buckets;
import io.dynabox.engine.store.ItemJson;
import io.dynabox.engine.store.StoredItem;
import io.dynabox.engine.table.KeySchema;
import io.dynabox.engine.table.RecoveryLog;
import io.dynabox.engine.wire.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * An export's objects, in the service's layout under {@code [S3Prefix/]AWSDynamoDB/ExportId/}:
 * {@code _started} (empty, written first), the data files {@code data/NAME.json.gz} or
 * {@code data/NAME.ion.gz} (gzip; one line, or one Ion value, an item or change; at least one
 * file, empty for an empty table), {@code manifest-files.json} (a JSON line per data file: its
 * item count, base64 MD5, ETag and key), {@code manifest-summary.json}, and each manifest's
 * base64 MD5 in {@code manifest-files.md5} and {@code manifest-summary.md5}.
 *
 * <p>Full exports write {@code {"Item": {...}}} lines; incremental ones
 * {@code {"Metadata": {"WriteTimestampMicros": {"N": ...}}, "Keys": {...}, "NewImage": {...}, "OldImage": {...}}}
 * (NewImage absent for a deleted item; OldImage only for NEW_AND_OLD_IMAGES and items that existed at
 * the start). Data files hold consecutive ranges of the table's hashed keyspace, as the service's
 * partitions do; they are written as the export pages through the table, compressed side by side.
 */
final class ExportFiles {
    /** Items per data file: small enough to compress files side by side. */
    static final int ITEMS_PER_FILE = 20_000;
    private static final char[] NAME_CHARACTERS = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private ExportFiles() {}

    /** What goes into data files: an item of a full export, or a change of an incremental one. */
    sealed interface Line permits FullItem, Changed {
        void json(OutputStream out) throws IOException;

        void ion(IonWriter out) throws IOException;

        long size();
    }

    record FullItem(StoredItem item) implements Line {
        private static final byte[] OPEN = "{\"Item\":".getBytes(StandardCharsets.UTF_8);

        @Override
        public void json(OutputStream out) throws IOException {
            out.write(OPEN);
            out.write(item.json());
            out.write('}');
        }

        @Override
        public void ion(IonWriter out) throws IOException {
            out.stepIn(IonType.STRUCT);
            out.setFieldName("Item");
            IonItems.writeItem(out, item.item());
            out.stepOut();
        }

        @Override
        public long size() {
            return item.size();
        }
    }

    record Changed(RecoveryLog.KeyChange change, KeySchema schema, boolean withOldImage) implements Line {
        @Override
        public void json(OutputStream out) throws IOException {
            StoredItem any = change.end() != null ? change.end() : change.start();
            StringBuilder text = new StringBuilder(256);
            text.append("{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"").append(change.lastChangeMillis() * 1000).append("\"}},\"Keys\":");
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            out.write(ItemJson.encode(ItemJson.attributes(any.json(), schema.partitionName(), schema.sortName())));
            if (change.end() != null) {
                out.write(",\"NewImage\":".getBytes(StandardCharsets.UTF_8));
                out.write(change.end().json());
            }
            if (withOldImage && change.start() != null) {
                out.write(",\"OldImage\":".getBytes(StandardCharsets.UTF_8));
                out.write(change.start().json());
            }
            out.write('}');
        }

        @Override
        public void ion(IonWriter out) throws IOException {
            StoredItem any = change.end() != null ? change.end() : change.start();
            out.stepIn(IonType.STRUCT);
            out.setFieldName("Metadata");
            out.stepIn(IonType.STRUCT);
            out.setFieldName("WriteTimestampMicros");
            out.writeDecimal(java.math.BigDecimal.valueOf(change.lastChangeMillis() * 1000));
            out.stepOut();
            out.setFieldName("Keys");
            IonItems.writeItem(out, ItemJson.attributes(any.json(), schema.partitionName(), schema.sortName()));
            if (change.end() != null) {
                out.setFieldName("NewImage");
                IonItems.writeItem(out, change.end().item());
            }
            if (withOldImage && change.start() != null) {
                out.setFieldName("OldImage");
                IonItems.writeItem(out, change.start().item());
            }
            out.stepOut();
        }

        @Override
        public long size() {
            return (change.end() == null ? 0 : change.end().size()) + (withOldImage && change.start() != null ? change.start().size() : 0);
        }
    }

    /** The objects written: the summary's key and the totals it holds. */
    record Written(String manifestSummaryKey, long itemCount, long billedSizeBytes) {
    }

    /** What an export writes, a page at a time (each read under the table's read lock by the page source). */
    interface Pages {
        /** The next lines, or null once every line has been given. */
        List<? extends Line> next();
    }

    /**
     * Writes an export's objects; {@code summary} holds the manifest summary's members known before
     * (ARN, times, table, bucket ...), to which the keys, counts and sizes are added. The lines are
     * read a page at a time and each data file is written once its lines are in: held at once are the
     * lines of the files being compressed (one per processor) and of the one being gathered, whatever
     * the table's size. {@code checkNotStopping} is run before each data file.
     */
    static Written write(Buckets buckets, String bucket, String prefix, String exportId, boolean ion, Pages pages,
                         ObjectNode summary, Runnable checkNotStopping) {
        String base = (prefix == null || prefix.isEmpty() ? "" : prefix.endsWith("/") ? prefix : prefix + "/")
                + "AWSDynamoDB/" + exportId + "/";
        buckets.put(bucket, base + "_started", new byte[0]);
        String extension = ion ? ".ion.gz" : ".json.gz";
        int inFlight = Math.max(1, Runtime.getRuntime().availableProcessors());
        ArrayDeque<CompletableFuture<ObjectNode>> writing = new ArrayDeque<>();
        List<ObjectNode> entries = new ArrayList<>();
        long itemCount = 0;
        long billed = 0;
        List<Line> file = new ArrayList<>();
        boolean anyFile = false;
        try {
            for (List<? extends Line> page = pages.next(); page != null; page = pages.next()) {
                for (Line line : page) {
                    file.add(line);
                    itemCount++;
                    billed += line.size();
                    if (file.size() == ITEMS_PER_FILE) {
                        checkNotStopping.run();
                        if (writing.size() == inFlight) entries.add(join(writing.removeFirst()));
                        writing.addLast(dataFile(buckets, bucket, base + "data/" + name() + extension, ion, file));
                        anyFile = true;
                        file = new ArrayList<>();
                    }
                }
            }
            // at least one data file, empty for an empty table
            if (!file.isEmpty() || !anyFile) writing.addLast(dataFile(buckets, bucket, base + "data/" + name() + extension, ion, file));
            while (!writing.isEmpty()) entries.add(join(writing.removeFirst()));
        } catch (RuntimeException | Error e) {
            // a failed or stopped export has no file still being written into the bucket once it ends
            writing.forEach(written -> written.exceptionally(failure -> null).join());
            throw e;
        }
        ByteArrayOutputStream manifest = new ByteArrayOutputStream();
        for (ObjectNode entry : entries) {
            manifest.writeBytes(Json.write(entry));
            manifest.write('\n');
        }
        byte[] manifestFiles = manifest.toByteArray();
        buckets.put(bucket, base + "manifest-files.json", manifestFiles);
        buckets.put(bucket, base + "manifest-files.md5", base64Md5(manifestFiles));
        summary.put("manifestFilesS3Key", base + "manifest-files.json");
        summary.put("billedSizeBytes", billed);
        summary.put("itemCount", itemCount);
        summary.put("outputFormat", ion ? "ION" : "DYNAMODB_JSON");
        byte[] summaryBytes = Json.write(summary);
        buckets.put(bucket, base + "manifest-summary.json", summaryBytes);
        buckets.put(bucket, base + "manifest-summary.md5", base64Md5(summaryBytes));
        return new Written(base + "manifest-summary.json", itemCount, billed);
    }

    /** Compresses and writes one data file off the export's thread (files are compressed side by side); answers its manifest entry. */
    private static CompletableFuture<ObjectNode> dataFile(Buckets buckets, String bucket, String key, boolean ion, List<Line> lines) {
        return CompletableFuture.supplyAsync(() -> {
            byte[] data = compress(lines, ion);
            buckets.put(bucket, key, data);
            byte[] md5 = md5(data);
            return Json.object().put("itemCount", lines.size()).put("md5Checksum", Base64.getEncoder().encodeToString(md5))
                    .put("etag", HexFormat.of().formatHex(md5)).put("dataFileS3Key", key);
        });
    }

    /** A data file's manifest entry once it is written; its failure (S3's, say) as thrown inside. */
    private static ObjectNode join(CompletableFuture<ObjectNode> file) {
        try {
            return file.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            if (e.getCause() instanceof Error cause) throw cause;
            throw e;
        }
    }

    private static byte[] compress(List<? extends Line> lines, boolean ion) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024 + lines.size() * 256);
        try (GZIPOutputStream gzip = new FastGzip(bytes)) {
            if (ion) {
                try (IonWriter writer = IonTextWriterBuilder.standard().withWriteTopLevelValuesOnNewLines(true)
                        .withInitialIvmHandling(IonTextWriterBuilder.InitialIvmHandling.ENSURE).build(gzip)) {
                    for (Line line : lines) line.ion(writer);
                }
            } else {
                for (Line line : lines) {
                    line.json(gzip);
                    gzip.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** gzip at the fastest level: an export of 100 MB compresses in a fraction of the time of the default level. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }

    /** A data file's name: 26 characters of base 32, as the service's are. */
    private static String name() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] name = new char[26];
        for (int i = 0; i < name.length; i++) name[i] = NAME_CHARACTERS[random.nextInt(NAME_CHARACTERS.length)];
        return new String(name);
    }

    static byte[] md5(byte[] data) {
        try {
            return MessageDigest.getInstance("MD5").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }

    private static byte[] base64Md5(byte[] data) {
        return Base64.getEncoder().encode(md5(data));
    }
}
