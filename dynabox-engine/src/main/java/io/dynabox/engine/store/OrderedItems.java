package io.dynabox.engine.store;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.locks.StampedLock;

/**
 * Stored items ordered by key (unsigned bytes): a B+tree whose nodes hold up to 64 keys in
 * arrays, with each key's first eight bytes (the partition key's hash, for every keyspace)
 * beside it as a long, so a search compares longs in one array and rarely reads a key. A
 * skip list of a million random keys walks a score of cache-missing nodes per insert (a
 * large share of a PutItem's cost and most of a BatchWriteItem's); this tree touches about
 * four nodes.
 *
 * <p>The items themselves are bytes in {@link ItemSlabs}; a leaf holds their handles in a long
 * array beside the prefixes, and reads the key through the handle when prefixes are equal. So a
 * leaf has no reference to a stored item: inserting one dirties no card the garbage collector
 * must scan, and nothing of the item is copied or marked by it. Reads answer a
 * {@link StoredItem} whose JSON is read where it lies in its slab (no entry is ever written
 * over), made before the read is validated.
 *
 * <p>Safe for any number of threads: changes take the tree's write lock (they come one
 * table at a time anyway, under the table's lock), point reads search optimistically
 * ({@link #find}), and iterators copy up to a leaf's worth of entries at a time under the
 * read lock, then find their place again by the last key they gave. So, like a concurrent
 * skip list's, they are weakly consistent and never fail.
 * Emptied leaves are removed and thin neighbours merged, so the tree stays about as large as
 * what it holds.
 */
final class OrderedItems {
    private static final int CAPACITY = 64;
    private static final int MERGE_BELOW = CAPACITY / 4;

    private final StampedLock lock = new StampedLock();
    private Node root = new Leaf();
    // what an insert below hands up after it split a node: the new right node and its least key
    private Node splitRight;
    private long splitPrefix;
    private byte[] splitKey;

    private final ItemSlabs slabs = new ItemSlabs();

    private abstract static sealed class Node permits Leaf, Inner {
        int size; // keys held
        final long[] prefixes = new long[CAPACITY];
    }

    private static final class Leaf extends Node {
        final long[] handles = new long[CAPACITY]; // of the entries in ItemSlabs
        Leaf next;
        Leaf previous;
    }

    /** keys[i] is the least key under children[i + 1]; there are size + 1 children. */
    private static final class Inner extends Node {
        final byte[][] keys = new byte[CAPACITY][];
        final Node[] children = new Node[CAPACITY + 1];
    }

    /** The first eight bytes as an unsigned number (zeros after a shorter key): the same order as the bytes. */
    static long prefix(byte[] key) {
        long prefix = 0;
        for (int i = 0; i < 8; i++) prefix = prefix << 8 | (i < key.length ? key[i] & 0xFF : 0);
        return prefix;
    }

    private static int compare(long prefixA, byte[] a, long prefixB, byte[] b) {
        int c = Long.compareUnsigned(prefixA, prefixB);
        return c != 0 ? c : Arrays.compareUnsigned(a, b);
    }

    /** The key's index in the node, or -(insertion point) - 1 when it is not there. */
    private static int search(Inner node, long prefix, byte[] key) {
        int low = 0;
        int high = node.size - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int c = compare(node.prefixes[middle], node.keys[middle], prefix, key);
            if (c < 0) low = middle + 1;
            else if (c > 0) high = middle - 1;
            else return middle;
        }
        return -(low + 1);
    }

    /** The same in a leaf, whose keys are read from the slabs. */
    private int search(Leaf leaf, long prefix, byte[] key) {
        int low = 0;
        int high = leaf.size - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int c = Long.compareUnsigned(leaf.prefixes[middle], prefix);
            if (c == 0) c = slabs.compareKey(leaf.handles[middle], key);
            if (c < 0) low = middle + 1;
            else if (c > 0) high = middle - 1;
            else return middle;
        }
        return -(low + 1);
    }

    /** The child of an inner node whose keys may include the key. */
    private static int childIndex(Inner node, long prefix, byte[] key) {
        int found = search(node, prefix, key);
        return found >= 0 ? found + 1 : -found - 1;
    }

    /**
     * The item stored under the key, or null. Point reads come from every GetItem and
     * PutItem, so they first search without taking the lock (no write to shared memory) and
     * keep the answer when no change began meanwhile; a search that raced a change (and may
     * have seen half-moved arrays, or failed on them) is done again under the read lock.
     */
    StoredItem find(byte[] key) {
        long prefix = prefix(key);
        long stamp = lock.tryOptimisticRead();
        if (stamp != 0) {
            try {
                StoredItem found = lookup(prefix, key);
                if (lock.validate(stamp)) return found;
            } catch (RuntimeException raced) {
                // a change was moving entries under the search: search again under the lock
            }
        }
        stamp = lock.readLock();
        try {
            return lookup(prefix, key);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    private StoredItem lookup(long prefix, byte[] key) {
        Leaf leaf = leafOf(prefix, key);
        int found = search(leaf, prefix, key);
        return found >= 0 ? slabs.item(leaf.handles[found], key) : null;
    }

    /** The leaf where the key is, or would be. */
    private Leaf leafOf(long prefix, byte[] key) {
        Node node = root;
        while (node instanceof Inner inner) node = inner.children[childIndex(inner, prefix, key)];
        return (Leaf) node;
    }

    /** Stores the item (its JSON, of {@code size} bytes by DynamoDB's rules) under the key; answers the size of what it replaced, or -1 when there was nothing. */
    long put(byte[] key, byte[] json, long size) {
        long prefix = prefix(key);
        long stamp = lock.writeLock();
        try {
            long handle = slabs.add(key, json, size);
            long previous = insert(root, prefix, key, handle);
            if (splitRight != null) {
                Inner top = new Inner();
                top.children[0] = root;
                top.children[1] = splitRight;
                top.prefixes[0] = splitPrefix;
                top.keys[0] = splitKey;
                top.size = 1;
                root = top;
                splitRight = null;
                splitKey = null;
            }
            long replaced = previous == -1 ? -1 : slabs.size(previous);
            if (previous != -1) empty(slabs.free(previous));
            empty(slabs.takeRetiredThin());
            return replaced;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /**
     * Moves the live entries of a slab {@link ItemSlabs} found thin to the newest slab, each
     * handle changed where the tree keeps it, then drops the slab (no-op for -1). Each entry
     * moved was bought by at least as many bytes freed, so a write pays for at most about its
     * own size in moves.
     */
    private void empty(int slab) {
        while (slab >= 0) {
            for (long handle : slabs.liveEntries(slab)) {
                byte[] key = slabs.key(handle);
                long prefix = prefix(key);
                Leaf leaf = leafOf(prefix, key);
                leaf.handles[search(leaf, prefix, key)] = slabs.copy(handle);
            }
            slabs.drop(slab);
            slab = slabs.takeRetiredThin();
        }
    }

    /** Inserts the handle under the key; answers the handle it replaced, or -1. */
    private long insert(Node node, long prefix, byte[] key, long handle) {
        if (node instanceof Leaf leaf) return insertIntoLeaf(leaf, prefix, key, handle);
        Inner inner = (Inner) node;
        int child = childIndex(inner, prefix, key);
        long previous = insert(inner.children[child], prefix, key, handle);
        if (splitRight != null) addChild(inner, child);
        return previous;
    }

    private long insertIntoLeaf(Leaf leaf, long prefix, byte[] key, long handle) {
        int found = search(leaf, prefix, key);
        if (found >= 0) {
            long previous = leaf.handles[found];
            leaf.handles[found] = handle;
            return previous;
        }
        int at = -found - 1;
        if (leaf.size < CAPACITY) {
            insertAt(leaf, at, prefix, handle);
            return -1;
        }
        Leaf right = new Leaf();
        int half = CAPACITY / 2;
        System.arraycopy(leaf.prefixes, half, right.prefixes, 0, CAPACITY - half);
        System.arraycopy(leaf.handles, half, right.handles, 0, CAPACITY - half);
        right.size = CAPACITY - half;
        leaf.size = half;
        right.next = leaf.next;
        if (right.next != null) right.next.previous = right;
        right.previous = leaf;
        leaf.next = right;
        if (at <= half) insertAt(leaf, at, prefix, handle);
        else insertAt(right, at - half, prefix, handle);
        splitRight = right;
        splitPrefix = right.prefixes[0];
        splitKey = slabs.key(right.handles[0]);
        return -1;
    }

    private static void insertAt(Leaf leaf, int at, long prefix, long handle) {
        int tail = leaf.size - at;
        System.arraycopy(leaf.prefixes, at, leaf.prefixes, at + 1, tail);
        System.arraycopy(leaf.handles, at, leaf.handles, at + 1, tail);
        leaf.prefixes[at] = prefix;
        leaf.handles[at] = handle;
        leaf.size++;
    }

    /** Moves keys from {@code from} on into the empty inner node {@code right}. */
    private static void moveUpperHalf(Inner node, Inner right, int from) {
        int moved = node.size - from;
        System.arraycopy(node.prefixes, from, right.prefixes, 0, moved);
        System.arraycopy(node.keys, from, right.keys, 0, moved);
        Arrays.fill(node.keys, from, node.size, null);
        right.size = moved;
        node.size = from;
    }

    /** Child {@code child} of the node split into itself and {@link #splitRight}: add the new one after it, splitting this node in turn when full. */
    private void addChild(Inner node, int child) {
        Node newChild = splitRight;
        long newPrefix = splitPrefix;
        byte[] newKey = splitKey;
        splitRight = null;
        if (node.size < CAPACITY) {
            insertSeparator(node, child, newPrefix, newKey, newChild);
            return;
        }
        // keys [0, half) stay with children [0, half], key half moves up, the rest go right
        int half = CAPACITY / 2;
        Inner right = new Inner();
        long upPrefix = node.prefixes[half];
        byte[] upKey = node.keys[half];
        System.arraycopy(node.children, half + 1, right.children, 0, CAPACITY - half);
        Arrays.fill(node.children, half + 1, CAPACITY + 1, null);
        moveUpperHalf(node, right, half + 1);
        node.keys[half] = null;
        node.size = half;
        if (child <= half) insertSeparator(node, child, newPrefix, newKey, newChild);
        else insertSeparator(right, child - half - 1, newPrefix, newKey, newChild);
        splitRight = right;
        splitPrefix = upPrefix;
        splitKey = upKey;
    }

    private static void insertSeparator(Inner node, int at, long prefix, byte[] key, Node child) {
        int tail = node.size - at;
        System.arraycopy(node.prefixes, at, node.prefixes, at + 1, tail);
        System.arraycopy(node.keys, at, node.keys, at + 1, tail);
        System.arraycopy(node.children, at + 1, node.children, at + 2, tail);
        node.prefixes[at] = prefix;
        node.keys[at] = key;
        node.children[at + 1] = child;
        node.size++;
    }

    /** Bytes the slabs hold (tests see that emptied and thin slabs go). */
    long slabBytes() {
        long stamp = lock.readLock();
        try {
            return slabs.bytes();
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** Removes the key's entry; answers its size, or -1 when there was none. */
    long remove(byte[] key) {
        long prefix = prefix(key);
        long stamp = lock.writeLock();
        try {
            Inner[] path = new Inner[depth()];
            int[] taken = new int[path.length];
            Node node = root;
            int level = 0;
            while (node instanceof Inner inner) {
                path[level] = inner;
                taken[level] = childIndex(inner, prefix, key);
                node = inner.children[taken[level++]];
            }
            Leaf leaf = (Leaf) node;
            int found = search(leaf, prefix, key);
            if (found < 0) return -1;
            long removed = leaf.handles[found];
            int tail = leaf.size - found - 1;
            System.arraycopy(leaf.prefixes, found + 1, leaf.prefixes, found, tail);
            System.arraycopy(leaf.handles, found + 1, leaf.handles, found, tail);
            leaf.size--;
            if (level > 0) tidy(leaf, path, taken, level - 1);
            long size = slabs.size(removed);
            empty(slabs.free(removed));
            return size;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    private int depth() {
        int depth = 0;
        for (Node node = root; node instanceof Inner inner; node = inner.children[0]) depth++;
        return depth;
    }

    /** After a removal from the leaf: drop it when empty, or merge it with a neighbour under the same parent when both are thin. */
    private void tidy(Leaf leaf, Inner[] path, int[] taken, int level) {
        Inner parent = path[level];
        int child = taken[level];
        if (leaf.size == 0) {
            unlink(leaf);
            removeChild(path, taken, level);
            return;
        }
        if (leaf.size >= MERGE_BELOW) return;
        if (child < parent.size && parent.children[child + 1] instanceof Leaf right && leaf.size + right.size <= CAPACITY / 2) {
            append(leaf, right);
            taken[level] = child + 1;
            removeChild(path, taken, level);
        } else if (child > 0 && parent.children[child - 1] instanceof Leaf left && left.size + leaf.size <= CAPACITY / 2) {
            append(left, leaf);
            removeChild(path, taken, level);
        }
    }

    /** Moves every entry of {@code right}, the next leaf, to the end of {@code left}, and unlinks {@code right}. */
    private static void append(Leaf left, Leaf right) {
        System.arraycopy(right.prefixes, 0, left.prefixes, left.size, right.size);
        System.arraycopy(right.handles, 0, left.handles, left.size, right.size);
        left.size += right.size;
        right.size = 0;
        unlink(right);
    }

    private static void unlink(Leaf leaf) {
        if (leaf.previous != null) leaf.previous.next = leaf.next;
        if (leaf.next != null) leaf.next.previous = leaf.previous;
    }

    /** Removes child taken[level] of path[level], and the parent itself when that was its last child. */
    private void removeChild(Inner[] path, int[] taken, int level) {
        Inner node = path[level];
        int child = taken[level];
        if (node.size == 0) { // its only child: the node goes too
            if (level == 0) {
                root = new Leaf();
            } else {
                removeChild(path, taken, level - 1);
            }
            return;
        }
        // child 0 goes with the key after it; any other child with the key before it
        int separator = child == 0 ? 0 : child - 1;
        int tail = node.size - separator - 1;
        System.arraycopy(node.prefixes, separator + 1, node.prefixes, separator, tail);
        System.arraycopy(node.keys, separator + 1, node.keys, separator, tail);
        System.arraycopy(node.children, child + 1, node.children, child, node.size - child);
        node.size--;
        node.keys[node.size] = null;
        node.children[node.size + 1] = null;
        if (level == 0 && node.size == 0) root = node.children[0]; // a root with one child: the child is the root
    }

    /**
     * The entries with keys between the bounds (null: open), ascending or descending. Weakly
     * consistent: it sees every entry present throughout the walk, may or may not see those
     * changed meanwhile, and never gives a key twice or out of order.
     */
    Iterator<StoredItem> range(byte[] from, boolean fromInclusive, byte[] to, boolean toInclusive, boolean descending) {
        return descending ? new Walk(to, toInclusive, from, fromInclusive, false) : new Walk(from, fromInclusive, to, toInclusive, true);
    }

    /**
     * Every entry, in key order, as one consistent copy, made in one walk along the leaf chain
     * under the read lock (writers wait for it: a small object and a copy of the key per entry;
     * the JSON is read in place).
     */
    StoredItem[] snapshot(int sizeHint) {
        long stamp = lock.readLock();
        try {
            Node node = root;
            while (node instanceof Inner inner) node = inner.children[0];
            StoredItem[] all = new StoredItem[Math.max(sizeHint, 16)];
            int count = 0;
            for (Leaf leaf = (Leaf) node; leaf != null; leaf = leaf.next) {
                if (count + leaf.size > all.length) all = Arrays.copyOf(all, Math.max(all.length * 2, count + leaf.size));
                for (int i = 0; i < leaf.size; i++) all[count++] = slabs.item(leaf.handles[i], null);
            }
            return count == all.length ? all : Arrays.copyOf(all, count);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** Copies entries a leaf or so at a time, from where the last copy ended. */
    private final class Walk implements Iterator<StoredItem> {
        private final boolean ascending;
        private final byte[] end;
        private final long endPrefix;
        private final boolean endInclusive;
        private byte[] resume; // the next copy starts after this key (or at it, while resumeInclusive)
        private boolean resumeInclusive;
        // the entries copied: where each is, a slab and an offset (made into a StoredItem only when
        // given, so a walk that stops early pays for no more than it gave; an entry's bytes in its
        // slab never change, so that is safe after the lock is released)
        private byte[][] chunkSlabs = new byte[16][]; // a first page is often small
        private int[] chunkOffsets = new int[16];
        private int position;
        private int count;
        private boolean exhausted;

        Walk(byte[] start, boolean startInclusive, byte[] end, boolean endInclusive, boolean ascending) {
            this.ascending = ascending;
            this.end = end;
            this.endPrefix = end == null ? 0 : prefix(end);
            this.endInclusive = endInclusive;
            this.resume = start;
            this.resumeInclusive = startInclusive;
        }

        @Override
        public boolean hasNext() {
            if (position < count) return true;
            if (exhausted) return false;
            copy();
            return position < count;
        }

        @Override
        public StoredItem next() {
            if (!hasNext()) throw new NoSuchElementException();
            StoredItem item = ItemSlabs.item(chunkSlabs[position], chunkOffsets[position], null);
            chunkSlabs[position++] = null;
            return item;
        }

        private void copy() {
            if (count == chunkSlabs.length && chunkSlabs.length < CAPACITY) { // next() let go of every slab it gave
                chunkSlabs = new byte[CAPACITY][];
                chunkOffsets = new int[CAPACITY];
            }
            position = 0;
            count = 0;
            long stamp = lock.readLock();
            try {
                Leaf leaf = leafFor(resume);
                int at = startIn(leaf);
                while (leaf != null && count < chunkSlabs.length) {
                    if (at < 0 || at >= leaf.size) {
                        leaf = ascending ? leaf.next : leaf.previous;
                        if (leaf != null) at = ascending ? 0 : leaf.size - 1;
                        continue;
                    }
                    if (beyondEnd(leaf.prefixes[at], leaf.handles[at])) {
                        exhausted = true;
                        break;
                    }
                    long handle = leaf.handles[at];
                    chunkSlabs[count] = slabs.slab(handle);
                    chunkOffsets[count++] = ItemSlabs.offsetOf(handle);
                    at += ascending ? 1 : -1;
                }
                if (leaf == null) exhausted = true;
            } finally {
                lock.unlockRead(stamp);
            }
            if (count > 0) {
                resume = ItemSlabs.key(chunkSlabs[count - 1], chunkOffsets[count - 1]);
                resumeInclusive = false;
            }
        }

        /** The leaf where the resume key is or would be; the first or last leaf without one. */
        private Leaf leafFor(byte[] key) {
            Node node = root;
            if (key == null) {
                while (node instanceof Inner inner) node = inner.children[ascending ? 0 : inner.size];
                return (Leaf) node;
            }
            return leafOf(prefix(key), key);
        }

        /** Index in the leaf of the first entry to give (it may be past either end: the walk moves on to the neighbour). */
        private int startIn(Leaf leaf) {
            if (resume == null) return ascending ? 0 : leaf.size - 1;
            int found = search(leaf, prefix(resume), resume);
            if (found >= 0) return resumeInclusive ? found : found + (ascending ? 1 : -1);
            int insertion = -found - 1;
            return ascending ? insertion : insertion - 1;
        }

        private boolean beyondEnd(long prefix, long handle) {
            if (end == null) return false;
            int c = Long.compareUnsigned(prefix, endPrefix);
            if (c == 0) c = slabs.compareKey(handle, end);
            if (!ascending) c = -c;
            return c > 0 || (c == 0 && !endInclusive);
        }
    }
}
