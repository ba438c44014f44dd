package io.dynabox.bench;

import io.dynabox.engine.value.KeyCodec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the service's partition hash (MD5 of "Outliers" and the key bytes, which gives the
 * service's scan order) costs each key encoding, against the FNV-1a hash it replaced (kept
 * here only as the yardstick): the same key of the HTTP benchmark's size, in one JVM run, so
 * the ratio means something on a loaded machine.
 *
 * <pre>java -jar dynabox-bench/target/benchmarks.jar PartitionHashBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PartitionHashBenchmark {
    private final io.dynabox.engine.value.AttributeValue key = io.dynabox.engine.value.AttributeValue.s("user-0000123456");
    private final byte[] raw = "user-0000123456".getBytes(StandardCharsets.UTF_8);

    /** The whole partition encoding as stores write it: MD5 prefix, length, bytes. */
    @Benchmark
    public byte[] servicePartitionKey() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32);
        KeyCodec.writePartition(out, key);
        return out.toByteArray();
    }

    /** The same encoding with the FNV-1a prefix Dynabox used before. */
    @Benchmark
    public byte[] formerFnvPartitionKey() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32);
        long h = 0xcbf29ce484222325L;
        for (byte b : raw) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        for (int shift = 56; shift >= 0; shift -= 8) out.write((int) (h >>> shift));
        out.write(raw.length >>> 8);
        out.write(raw.length);
        out.write(raw, 0, raw.length);
        return out.toByteArray();
    }
}
