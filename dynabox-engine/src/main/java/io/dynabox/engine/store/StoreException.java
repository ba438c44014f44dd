package io.dynabox.engine.store;

/**
 * A store that cannot do what it was asked: a database that cannot be opened at start-up
 * (the message says which file and why), or a read or write that failed on disk, which
 * the engine answers with an InternalServerError.
 */
public final class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
