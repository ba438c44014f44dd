package io.dynabox.engine.feed;

import io.dynabox.engine.table.Table;
import java.util.List;

/**
 * A reader of the change feed. It is called once per table per commit, in commit order,
 * while the writer still holds the table's write lock (for a transaction or batch over
 * several tables: the locks of all of them, one call per table, the same {@link Change#group}):
 * so it sees each table's changes exactly in their order, and nobody reads the table
 * between the write and the call. Keep what you need and return quickly; never write to a
 * table from here. An exception is logged and does not undo the committed write.
 */
@FunctionalInterface
public interface FeedSubscriber {
    void committed(Table table, List<Change> changes);

    /**
     * The changes of a {@link #committed} call that did not reach the disk after all (a file
     * store's commit failed, and the items are as they were before them): forget them. Called
     * later, on the store's committer thread, without the table's lock; by then every change
     * after them has failed too, so they are the last ones the subscriber took.
     */
    default void retracted(Table table, List<Change> changes) {
    }
}
