package io.dynabox.engine.table;

import io.dynabox.engine.clock.SoonestExpiry;
import io.dynabox.engine.store.StoredItem;
import io.dynabox.engine.store.Store;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A namespace's on-demand backups, by ARN. They outlive their source tables. The memory store
 * keeps a copy of a backup's items here (each with arrays of its own: an item as the store reads
 * it lies in a slab shared with other items, which the backup would otherwise keep alive); a file
 * store writes them in the background and, once they are durable, they are read back from the
 * file at restore. A SYSTEM backup (of a table deleted with point-in-time recovery on) is
 * removed once past its 35 days by the first of: a request naming it, or the engine's periodic
 * sweep ({@link #forgetExpired}).
 */
public final class Backups {
    private final ConcurrentSkipListMap<String, Held> byArn = new ConcurrentSkipListMap<>();
    private final Store store;
    private final String namespaceId;
    // when the soonest SYSTEM backup expires
    private final SoonestExpiry expiries = new SoonestExpiry();

    private static final class Held {
        final Backup backup;
        volatile List<StoredItem> items; // null once durable in a store that keeps backups
        volatile boolean durable;

        Held(Backup backup, List<StoredItem> items, boolean durable) {
            this.backup = backup;
            this.items = items;
            this.durable = durable;
        }
    }

    Backups(Store store, String namespaceId) {
        this.store = store;
        this.namespaceId = namespaceId;
    }

    /** The backups a store kept for the namespace, all AVAILABLE. */
    static Backups load(Store store, String namespaceId) {
        Backups backups = new Backups(store, namespaceId);
        store.loadBackups(namespaceId).forEach((arn, document) -> {
            Backup backup = TableDocuments.readBackup(document);
            backups.byArn.put(arn, new Held(backup, null, true));
            backups.noteExpiry(backup);
        });
        return backups;
    }

    /** Keeps a new backup and its items; a file store saves them in the background. */
    public void add(Backup backup, List<StoredItem> items) {
        CompletableFuture<Void> saved = store.saveBackup(namespaceId, backup.arn(), TableDocuments.writeBackup(backup), items);
        Held held = new Held(backup, saved == null ? detached(items) : items, saved == null);
        byArn.put(backup.arn(), held);
        noteExpiry(backup);
        if (saved == null) return;
        saved.whenComplete((done, failure) -> {
            if (failure != null) {
                // kept in memory: restorable while the process lives, though not on disk
                System.getLogger(Backups.class.getName()).log(System.Logger.Level.ERROR,
                        "the backup " + backup.arn() + " could not be saved; it is kept in memory only", failure);
            } else {
                held.items = null;
            }
            held.durable = true;
        });
    }

    private static List<StoredItem> detached(List<StoredItem> items) {
        List<StoredItem> own = new ArrayList<>(items.size());
        for (StoredItem item : items) own.add(item.detached());
        return own;
    }

    public Backup find(String arn) {
        Held held = byArn.get(arn);
        return held == null ? null : held.backup;
    }

    public String status(Backup backup, long nowMillis) {
        Held held = byArn.get(backup.arn());
        boolean durable = held == null || held.durable;
        return durable && nowMillis >= backup.availableAtMillis() ? Backup.AVAILABLE : Backup.CREATING;
    }

    /** The backup's items in key order. */
    public List<StoredItem> items(Backup backup) {
        Held held = byArn.get(backup.arn());
        if (held == null) return List.of();
        List<StoredItem> items = held.items;
        return items != null ? items : store.loadBackupItems(namespaceId, backup.arn());
    }

    /** Removes the backup, answering whether it was there. */
    public boolean remove(Backup backup) {
        if (byArn.remove(backup.arn()) == null) return false;
        store.dropBackup(namespaceId, backup.arn());
        return true;
    }

    /** Removes the backup if it has expired (a SYSTEM backup past its 35 days), answering whether it had. */
    public boolean removeIfExpired(Backup backup, long nowMillis) {
        if (!backup.expiredAt(nowMillis)) return false;
        remove(backup);
        return true;
    }

    private void noteExpiry(Backup backup) {
        expiries.note(expiryOf(backup));
    }

    /** A SYSTEM backup's expiry; Long.MAX_VALUE for a backup kept until deleted. */
    private static long expiryOf(Backup backup) {
        return backup.expiresAtMillis() > 0 ? backup.expiresAtMillis() : Long.MAX_VALUE;
    }

    /**
     * Removes every backup that has expired, as a request naming one does, so a deleted table's
     * SYSTEM backup goes after 35 days though nobody asks for it; answers how many went. Reads
     * one field when none is due.
     */
    public int forgetExpired(long nowMillis) {
        return expiries.sweep(nowMillis, byArn.values(), held -> removeIfExpired(held.backup, nowMillis), held -> expiryOf(held.backup));
    }

    /** Removes every backup (the namespace is being dropped). */
    public void clear() {
        for (Held held : byArn.values()) remove(held.backup);
    }

    /** Every backup, in ARN order. */
    public Collection<Backup> all() {
        return byArn.values().stream().map(h -> h.backup).toList();
    }
}
