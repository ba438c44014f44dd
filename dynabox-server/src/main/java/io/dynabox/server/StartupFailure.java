package io.dynabox.server;

import io.dynabox.engine.store.StoreException;
import java.net.BindException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;

/** What went wrong when the server could not start, and what to do about it, in one line for the command line. */
final class StartupFailure {
    private StartupFailure() {}

    static String describe(Throwable failure, Main main) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return "cannot listen on " + main.host + ":" + main.port + " (" + cause.getMessage() + "): another program holds the port;"
                        + " stop it, or choose another port with --port (0 picks a free one)";
            }
            if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
                return "cannot listen on " + main.host + ": no such address on this machine; give --host an address of it (127.0.0.1 by default)";
            }
            // the store's messages name the directory or file and the way out
            if (cause instanceof StoreException) {
                return cause.getMessage() + (cause.getMessage().contains("--db-path") ? "" : " (--db-path " + main.dbPath + ")");
            }
        }
        return "the server could not start: " + failure;
    }
}
