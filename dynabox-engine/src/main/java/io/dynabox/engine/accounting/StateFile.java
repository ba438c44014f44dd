package io.dynabox.engine.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.wire.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Supplier;

/**
 * A JSON document kept beside the databases of {@code --db-path} for counters that live in memory (accounting,
 * contributor insights): read back at start-up, written every few seconds when something changed (by a daemon
 * thread) and at close, each time to a new file moved over the old one, so a crash never leaves half a file.
 */
final class StateFile implements AutoCloseable {
    private static final long SAVE_EVERY_MILLIS = 5000;

    private final Path file;
    private final Supplier<JsonNode> state;
    private volatile boolean dirty;
    private final Thread saver;

    /** Saves {@code state} to {@code file} (in {@code dbPath}); a null {@code dbPath} keeps nothing. */
    StateFile(Path dbPath, String name, Supplier<JsonNode> state) {
        this.file = dbPath == null ? null : dbPath.resolve(name);
        this.state = state;
        this.saver = file == null ? null : startSaver(name);
    }

    /** What the file holds, or null when there is none (or it cannot be read: logged, and the counters start empty). */
    JsonNode load() {
        if (file == null || !Files.exists(file)) return null;
        try {
            return Json.parse(Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            log().log(System.Logger.Level.WARNING, "cannot read " + file + " (" + e.getMessage() + "): the counters start empty");
            return null;
        }
    }

    /** Something changed: the next save writes it. */
    void changed() {
        if (!dirty) dirty = true; // a volatile read costs less than a volatile write on every request
    }

    private synchronized void save() {
        if (file == null || !dirty) return;
        dirty = false;
        Path written = file.resolveSibling(file.getFileName() + ".new");
        try {
            Files.write(written, Json.write(state.get()));
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            dirty = true;
            log().log(System.Logger.Level.WARNING, "cannot write " + file + ": " + e.getMessage());
        }
    }

    private Thread startSaver(String name) {
        Thread thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(SAVE_EVERY_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                save();
            }
        }, "dynabox-save-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void close() {
        if (saver != null) {
            saver.interrupt();
            save();
        }
    }

    private static System.Logger log() {
        return System.getLogger(StateFile.class.getName());
    }
}
