package io.dynabox.bench;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.DynamoRequest;
import io.dynabox.engine.DynamoResponse;
import io.dynabox.engine.Engine;
import io.dynabox.engine.store.MemoryStore;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableLocks;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The control plane's costs on a 100,000-item table (items of about 200 bytes, in memory),
 * through the engine's front door:
 * <ul>
 * <li>{@code createBackup}: CreateBackup (then DeleteBackup, outside the measured call);
 * <li>{@code backupCopyUnderReadLock}: the part of a backup that holds the table's read lock,
 *     which is how long a concurrent writer can wait for it;
 * <li>{@code writersDuringBackups}: PutItem's latency (SampleTime: see its maximum) while
 *     another thread takes backups without pause;
 * <li>{@code restoreToPointInTime}: RestoreTableToPointInTime of the 100,000 items (the
 *     restored table is deleted outside the measured call);
 * <li>{@code putItemRecoveryOff} / {@code putItemRecoveryOn}: PutItem of a new key into a
 *     table without and with point-in-time recovery: their ratio is the recovery log's cost.
 * </ul>
 *
 * <pre>java -jar dynabox-bench/target/benchmarks.jar ControlPlaneBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class ControlPlaneBenchmark {
    private static final String AUTHORIZATION =
            "AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";
    private static final String DATE = "20260101T000000Z";
    static final int ITEMS = 100_000;
    private static final String DATA = "x".repeat(180);
    private static final Pattern BACKUP_ARN = Pattern.compile("\"BackupArn\":\"([^\"]+)\"");

    @State(Scope.Benchmark)
    public static class Tables {
        final AtomicLong clock = new AtomicLong(System.currentTimeMillis());
        Engine engine;
        Table big;
        final AtomicLong nextKey = new AtomicLong();
        long restorePoint;

        @Setup(Level.Trial)
        public void load() {
            engine = new Engine(DynaboxOptions.defaults(), new MemoryStore(), clock::get);
            for (String table : new String[] {"big", "plain", "recovered"}) {
                call(engine, "CreateTable", "{\"TableName\":\"" + table + "\",\"BillingMode\":\"PAY_PER_REQUEST\","
                        + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
                        + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}]}");
            }
            call(engine, "UpdateContinuousBackups", "{\"TableName\":\"big\",\"PointInTimeRecoverySpecification\":{\"PointInTimeRecoveryEnabled\":true}}");
            call(engine, "UpdateContinuousBackups", "{\"TableName\":\"recovered\",\"PointInTimeRecoverySpecification\":{\"PointInTimeRecoveryEnabled\":true}}");
            clock.addAndGet(1000);
            for (int i = 0; i < ITEMS; i++) call(engine, "PutItem", put("big", "k" + i));
            restorePoint = clock.addAndGet(1000);
            // a thousand changes after the restore point, for the restore to undo
            clock.addAndGet(1000);
            for (int i = 0; i < 1000; i++) call(engine, "PutItem", put("big", "k" + i * 7));
            clock.addAndGet(600_000);
            big = engine.namespace("bench", "us-east-1").table("big", clock.get());
        }

        @TearDown(Level.Trial)
        public void close() {
            engine.close();
        }
    }

    /** The backup a createBackup call made, deleted after the call so backups do not pile up. */
    @State(Scope.Thread)
    public static class MadeBackup {
        String arn;

        @TearDown(Level.Invocation)
        public void delete(Tables t) {
            if (arn != null) call(t.engine, "DeleteBackup", "{\"BackupArn\":\"" + arn + "\"}");
            arn = null;
        }
    }

    /** The table a restore call made, deleted after the call. */
    @State(Scope.Thread)
    public static class MadeTable {
        int restores;

        String next() {
            return "restored" + restores;
        }

        @TearDown(Level.Invocation)
        public void delete(Tables t) {
            call(t.engine, "DeleteTable", "{\"TableName\":\"" + next() + "\"}");
            restores++;
        }
    }

    @Benchmark
    public DynamoResponse createBackup(Tables t, MadeBackup made) {
        DynamoResponse created = call(t.engine, "CreateBackup", "{\"TableName\":\"big\",\"BackupName\":\"bench\"}");
        Matcher arn = BACKUP_ARN.matcher(new String(created.body(), StandardCharsets.UTF_8));
        if (arn.find()) made.arn = arn.group(1);
        return created;
    }

    @Benchmark
    public int backupCopyUnderReadLock(Tables t) {
        return TableLocks.read(t.big, () -> t.big.keyspace().entries().size());
    }

    @Benchmark
    @Group("writersDuringBackups")
    @BenchmarkMode(Mode.SampleTime)
    public DynamoResponse writer(Tables t) {
        return call(t.engine, "PutItem", put("big", "k" + ThreadLocalRandom.current().nextInt(ITEMS)));
    }

    @Benchmark
    @Group("writersDuringBackups")
    @BenchmarkMode(Mode.SampleTime)
    public int backupTaker(Tables t) {
        return TableLocks.read(t.big, () -> t.big.keyspace().entries().size());
    }

    @Benchmark
    public DynamoResponse restoreToPointInTime(Tables t, MadeTable made) {
        return call(t.engine, "RestoreTableToPointInTime", "{\"SourceTableName\":\"big\",\"TargetTableName\":\"" + made.next()
                + "\",\"RestoreDateTime\":" + t.restorePoint / 1000.0 + "}");
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public DynamoResponse putItemRecoveryOff(Tables t) {
        return call(t.engine, "PutItem", put("plain", "n" + t.nextKey.incrementAndGet()));
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public DynamoResponse putItemRecoveryOn(Tables t) {
        return call(t.engine, "PutItem", put("recovered", "n" + t.nextKey.incrementAndGet()));
    }

    private static String put(String table, String key) {
        return "{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"" + key + "\"},\"data\":{\"S\":\"" + DATA + "\"}}}";
    }

    static DynamoResponse call(Engine engine, String action, String body) {
        DynamoResponse response = engine.handle(new DynamoRequest("DynamoDB_20120810." + action, AUTHORIZATION, DATE,
                body.getBytes(StandardCharsets.UTF_8)));
        if (response.status() != 200) throw new IllegalStateException(action + ": " + new String(response.body(), StandardCharsets.UTF_8));
        return response;
    }
}
