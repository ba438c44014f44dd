package io.dynabox.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Every setting of a Dynabox instance, in one place: the command line and the Java builder
 * both fill this record, and nothing reads configuration from anywhere else.
 *
 * @param host                     address the HTTP door binds to
 * @param port                     port of the HTTP door (0 picks a free one)
 * @param dbPath                   directory of the SQLite files, or null to keep data in memory
 * @param sharedDb                 one namespace for every caller, whatever its credentials and region
 * @param delayTransientStatuses   how long tables stay CREATING, UPDATING and DELETING
 * @param strictMessages           error messages exactly as DynamoDB's, without Dynabox's explanation
 * @param corsOrigins              origins allowed by CORS; empty means no CORS answers
 * @param optimizeDbBeforeStartup  compact the database files before serving
 */
public record DynaboxOptions(String host, int port, Path dbPath, boolean sharedDb,
                             Duration delayTransientStatuses, boolean strictMessages,
                             List<String> corsOrigins, boolean optimizeDbBeforeStartup) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8000;

    public DynaboxOptions {
        corsOrigins = List.copyOf(corsOrigins);
        if (delayTransientStatuses.isNegative()) throw new IllegalArgumentException("delay must not be negative");
    }

    public static Builder builder() {
        return new Builder();
    }

    public static DynaboxOptions defaults() {
        return builder().build();
    }

    public boolean inMemory() {
        return dbPath == null;
    }

    public Builder toBuilder() {
        return new Builder().host(host).port(port).dbPath(dbPath).sharedDb(sharedDb)
                .delayTransientStatuses(delayTransientStatuses).strictMessages(strictMessages)
                .corsOrigins(corsOrigins).optimizeDbBeforeStartup(optimizeDbBeforeStartup);
    }

    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private Path dbPath;
        private boolean sharedDb;
        private Duration delayTransientStatuses = Duration.ZERO;
        private boolean strictMessages;
        private List<String> corsOrigins = List.of();
        private boolean optimizeDbBeforeStartup;

        public Builder host(String value) { host = value; return this; }
        public Builder port(int value) { port = value; return this; }
        public Builder dbPath(Path value) { dbPath = value; return this; }
        public Builder inMemory() { dbPath = null; return this; }
        public Builder sharedDb(boolean value) { sharedDb = value; return this; }
        public Builder delayTransientStatuses(Duration value) { delayTransientStatuses = value; return this; }
        public Builder strictMessages(boolean value) { strictMessages = value; return this; }
        public Builder corsOrigins(List<String> value) { corsOrigins = value; return this; }
        public Builder optimizeDbBeforeStartup(boolean value) { optimizeDbBeforeStartup = value; return this; }

        public DynaboxOptions build() {
            return new DynaboxOptions(host, port, dbPath, sharedDb, delayTransientStatuses, strictMessages,
                    corsOrigins, optimizeDbBeforeStartup);
        }
    }
}
