package io.dynabox.engine.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An empty database of the current schema, made ahead of time in the store's directory, so
 * that the first CreateTable of a namespace finds its file made: creating one (a new file, WAL
 * mode, the schema) waits for the disk several times, which every test suite's first table paid
 * (hundreds of milliseconds on a busy disk). When a namespace needs its file, the spare is
 * renamed into place and the next one is made in the background.
 *
 * <p>Its name does not end in {@code .db}, so the store never takes it for a namespace; one
 * left behind by a process that was killed is made again at the next start.
 */
final class SpareDatabase {
    static final String FILE = "dynabox-spare.sqlite";
    private static final String[] SIDE_FILES = {"-wal", "-shm", "-journal"};

    private final Path path;
    // guarded by this
    private boolean ready;
    private boolean closed;
    private Thread maker;

    SpareDatabase(Path directory) {
        this.path = directory.resolve(FILE);
    }

    /** Whether a spare is ready to be taken. */
    synchronized boolean ready() {
        return ready;
    }

    /** Starts making the spare on a thread of its own, unless one is being made. */
    synchronized void makeInBackground() {
        if (closed || maker != null) return;
        maker = new Thread(this::make, "dynabox-sqlite-spare");
        maker.setDaemon(true);
        maker.start();
    }

    private void make() {
        boolean made = false;
        try {
            deleteFiles();
            SqliteFile.createEmpty(path);
            made = true;
        } catch (IOException | RuntimeException e) {
            // no spare: the next namespace creates its file itself, as it did before spares
            System.getLogger(SpareDatabase.class.getName()).log(System.Logger.Level.DEBUG, "no spare database: " + e);
        }
        synchronized (this) {
            ready = made && !closed;
            maker = null;
            notifyAll();
        }
    }

    /**
     * Moves the spare to {@code target} (which must not exist) if one is ready, and starts making
     * the next; otherwise does nothing, and the caller's open creates the file.
     */
    void moveTo(Path target) {
        synchronized (this) {
            if (!ready) return;
            ready = false;
            try {
                Files.move(path, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                return; // the open that follows creates the file
            }
        }
        makeInBackground();
    }

    /** Waits for a spare being made, then deletes it: the directory holds only the namespaces' files. */
    void close() {
        synchronized (this) {
            closed = true;
            while (maker != null) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            ready = false;
        }
        try {
            deleteFiles();
        } catch (IOException e) {
            // a spare left behind is made again at the next start
        }
    }

    private void deleteFiles() throws IOException {
        Files.deleteIfExists(path);
        for (String side : SIDE_FILES) Files.deleteIfExists(path.resolveSibling(FILE + side));
    }
}
