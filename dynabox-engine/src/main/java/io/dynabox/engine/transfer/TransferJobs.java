package io.dynabox.engine.transfer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.table.Namespace;
import io.dynabox.engine.table.Table;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Runs exports and imports off the request thread, as the service runs them: the request
 * answers IN_PROGRESS at once and a job thread does the work (one job at a time, in the order
 * they came; an import reads its objects side by side), then replaces the job with its finished
 * form. The thread is made on first use and ends after a minute without work. A job still at
 * work when the engine closes stops between two batches and stays IN_PROGRESS in a store that
 * outlives the process; the next start resumes it from its beginning (an export writes its files
 * again, from the same point in time; an import reads its source again into its table, which
 * stays CREATING, overwriting the items it already wrote with the same ones).
 */
public final class TransferJobs implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TransferJobs.class.getName());

    /** Thrown inside a job when the engine is closing: the job stops and stays IN_PROGRESS. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("the engine is closing", null, false, false);
        }
    }

    private final LongSupplier clock;
    private final ThreadPoolExecutor executor;
    private volatile boolean closing;

    public TransferJobs(LongSupplier clock) {
        this.clock = clock;
        this.executor = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), work -> {
            Thread thread = new Thread(work, "dynabox-transfer-jobs");
            thread.setDaemon(true);
            return thread;
        });
        executor.allowCoreThreadTimeOut(true);
    }

    /** Starts a job the namespace's transfers hold (IN_PROGRESS). */
    public void start(Namespace namespace, Transfer job) {
        executor.execute(() -> run(namespace, job));
    }

    /** Starts again the namespace's jobs a stopped process left at work. */
    public void resume(Namespace namespace) {
        for (Transfer.Kind kind : Transfer.Kind.values()) {
            for (Transfer job : namespace.transfers().all(kind)) {
                if (job.running()) start(namespace, job);
            }
        }
    }

    void checkNotClosing() {
        if (closing) throw new Stopped();
    }

    private void run(Namespace namespace, Transfer job) {
        ObjectNode state = job.state().deepCopy();
        Table imported = null;
        try {
            if (job.kind() == Transfer.Kind.EXPORT) {
                Exporter.run(clock, namespace, namespace.transfers().buckets(), state, this::checkNotClosing);
            } else {
                imported = Imports.run(namespace, namespace.transfers().buckets(), job.tableArn(), state, this::checkNotClosing);
            }
        } catch (Stopped e) {
            return;
        } catch (RuntimeException | Error e) {
            // stopping the engine interrupts the job's reads: it stays IN_PROGRESS, to be resumed; anything else
            // (an Error too, such as running out of memory) FAILS the job rather than leaving it IN_PROGRESS
            if (closing) return;
            LOG.log(System.Logger.Level.WARNING, "the " + job.kind().word + " " + job.arn() + " failed", e);
            if (job.kind() == Transfer.Kind.IMPORT) Imports.dropTable(namespace, job.tableArn());
            state.put(job.kind().statusMember, Transfer.FAILED);
            state.put("FailureCode", "InternalError");
            state.put("FailureMessage", String.valueOf(e.getMessage()));
        }
        if (closing) return;
        long end = Math.max(clock.getAsLong(), job.settledAtMillis());
        if (Transfer.IN_PROGRESS.equals(state.get(job.kind().statusMember).textValue())) state.put(job.kind().statusMember, Transfer.COMPLETED);
        state.put("EndTime", end / 1000.0);
        // the new table turns ACTIVE when its import ends, COMPLETED or FAILED for items that were not valid
        // (at once and for good without a transient delay, as every status: TransientStatus)
        if (imported != null) Imports.settle(imported, job.settledAtMillis() == Long.MIN_VALUE ? Long.MIN_VALUE : end);
        namespace.transfers().add(job.withState(state));
    }

    /** Stops the job at work between two of its batches (it stays IN_PROGRESS) and drops those waiting. */
    @Override
    public void close() {
        closing = true;
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) LOG.log(System.Logger.Level.WARNING, "an export or import did not stop in 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
