package io.dynabox.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.ItemSize;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The empty database a file store keeps ready, so that a namespace's first table does not wait for its file to be made. */
class SpareDatabaseTest {
    private static final String NS = "key_us-east-1";

    @TempDir
    Path dir;

    @Test
    void aNewNamespaceTakesTheSpareAndAnotherIsMade() throws Exception {
        try (SqliteStore store = new SqliteStore(dir, false)) {
            Object spareFile = fileKey(awaitSpare(store));
            Keyspace table = store.keyspace(NS, "t", null);
            Path namespaceFile = dir.resolve(NS + ".db");
            assertThat(fileKey(namespaceFile)).isEqualTo(spareFile); // renamed into place, not created anew
            store.apply(List.of(put(table, "a")));
            store.awaitDurable();
            assertThat(fileKey(awaitSpare(store))).isNotEqualTo(spareFile);
            assertThat(store.namespaceIds()).containsExactly(NS);
        }
        assertThat(dir.resolve(SpareDatabase.FILE)).doesNotExist();
        try (SqliteStore store = new SqliteStore(dir, false)) {
            assertThat(store.keyspace(NS, "t", null).get(key("a"))).isEqualTo(item("a"));
        }
    }

    @Test
    void aSpareLeftBehindIsMadeAgain() throws Exception {
        Files.writeString(dir.resolve(SpareDatabase.FILE), "not a database: what a killed server left half written");
        try (SqliteStore store = new SqliteStore(dir, false)) {
            Object spareFile = fileKey(awaitSpare(store));
            Keyspace table = store.keyspace(NS, "t", null);
            store.apply(List.of(put(table, "a")));
            store.awaitDurable();
            assertThat(table.get(key("a"))).isEqualTo(item("a"));
            assertThat(fileKey(dir.resolve(NS + ".db"))).isEqualTo(spareFile);
        }
    }

    /** Waits until the store's spare is made (on a thread of its own). */
    private Path awaitSpare(SqliteStore store) throws Exception {
        long giveUp = System.nanoTime() + 30_000_000_000L;
        while (!store.spare().ready()) {
            if (System.nanoTime() > giveUp) throw new AssertionError("no spare database in " + dir);
            Thread.sleep(10);
        }
        return dir.resolve(SpareDatabase.FILE);
    }

    private static Object fileKey(Path file) throws Exception {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    private static byte[] key(String id) {
        return id.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, AttributeValue> item(String id) {
        return Map.of("id", AttributeValue.s(id));
    }

    private static Mutation put(Keyspace keyspace, String id) {
        return Mutation.put(keyspace, key(id), item(id), ItemSize.of(item(id)));
    }
}
