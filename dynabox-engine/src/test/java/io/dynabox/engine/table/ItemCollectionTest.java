package io.dynabox.engine.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.store.MemoryStore;
import io.dynabox.engine.value.AttributeValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Item collections of a table with a local index: their size follows every write, and 10 GB is the limit. */
class ItemCollectionTest {
    private final Table table = table();

    private static Table table() {
        KeySchema key = new KeySchema("pk", AttributeValue.Type.S, "sk", AttributeValue.Type.S);
        IndexDefinition lsi = new IndexDefinition("byRank", false, new KeySchema("pk", AttributeValue.Type.S, "rank", AttributeValue.Type.N),
                new Projection(Projection.INCLUDE, List.of("note")), null, Table.ACTIVE, false, null, null);
        TableDefinition definition = new TableDefinition("t", "id-1", "arn:aws:dynamodb:us-east-1:000000000000:table/t", 1700000000.0,
                key, Map.of("pk", AttributeValue.Type.S, "sk", AttributeValue.Type.S, "rank", AttributeValue.Type.N),
                TableDefinition.PAY_PER_REQUEST, 1700000000.0, null, List.of(lsi), List.of(), false, null, null, null,
                List.of(), null, false, null, null, new TableDefinition.Warm(12000, 4000));
        return new Table(definition, new MemoryStore(), "ns", Table.ACTIVE, 0);
    }

    private void write(Map<String, AttributeValue> item) {
        byte[] key = table.encodeKey(item);
        ItemWriter.apply(table, ItemWriter.plan(table, key, table.keyspace().get(key), item));
    }

    private void delete(Map<String, AttributeValue> item) {
        byte[] key = table.encodeKey(item);
        ItemWriter.apply(table, ItemWriter.plan(table, key, table.keyspace().get(key), null));
    }

    /** A fresh count of what is stored, by a table object that has kept no sizes yet. */
    private long counted(String pk) {
        Table fresh = new Table(table.definition(), table.store(), "ns", Table.ACTIVE, 0);
        return ItemWriter.collectionSize(fresh, ItemWriter.partitionPrefix(table.definition(), Map.of("pk", AttributeValue.s(pk))));
    }

    private long kept(String pk) {
        return ItemWriter.collectionSize(table, ItemWriter.partitionPrefix(table.definition(), Map.of("pk", AttributeValue.s(pk))));
    }

    private static Map<String, AttributeValue> item(String sk, Long rank, String note, String other) {
        Map<String, AttributeValue> item = new java.util.LinkedHashMap<>();
        item.put("pk", AttributeValue.s("p"));
        item.put("sk", AttributeValue.s(sk));
        if (rank != null) item.put("rank", AttributeValue.n(rank));
        if (note != null) item.put("note", AttributeValue.s(note));
        if (other != null) item.put("other", AttributeValue.s(other));
        return item;
    }

    @Test
    void theSizeKeptFollowsEveryKindOfWrite() {
        assertThat(kept("p")).isZero();
        write(item("a", 1L, "n", "o"));
        write(item("b", null, "n", "o"));
        assertThat(kept("p")).isEqualTo(counted("p")).isPositive();
        write(item("a", 2L, "longer note", "o")); // the index key moves
        write(item("b", 3L, null, "other value")); // the item enters the index
        write(item("a", 2L, "longer note", "x")); // only an attribute the index does not hold
        assertThat(kept("p")).isEqualTo(counted("p"));
        write(item("a", null, null, null)); // the item leaves the index
        delete(item("b", null, null, null));
        assertThat(kept("p")).isEqualTo(counted("p"));
        delete(item("a", null, null, null));
        assertThat(kept("p")).isZero();
    }

    @Test
    void aWriteThatWouldGrowACollectionPastTenGigabytesIsRefused() {
        write(item("a", 1L, "n", null));
        byte[] prefix = ItemWriter.partitionPrefix(table.definition(), item("a", null, null, null));
        table.addToItemCollection(prefix, ItemWriter.MAX_ITEM_COLLECTION_BYTES - kept("p") - 10);
        assertThatThrownBy(() -> write(item("b", 2L, "a note that does not fit", null)))
                .isInstanceOf(DynamoException.class)
                .satisfies(e -> assertThat(((DynamoException) e).code()).isEqualTo(ErrorCode.ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED))
                .hasMessage("Collection size exceeded.");
        // shrinking writes and deletes are still allowed
        write(item("a", null, null, null));
        delete(item("a", null, null, null));
    }
}
