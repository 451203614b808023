package org.unionstats.ingest.pipeline;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.unionstats.ingest.read.Deadline;
import org.unionstats.ingest.read.RefusedFileException;
import org.unionstats.ingest.text.SafeText;
import org.unionstats.warehouse.quarantine.QuarantineCode;

/**
 * Runs the work on one file so that nothing it does can stop the batch: the work runs on a
 * worker thread of its own, and whatever happens there (a refusal, any exception, an
 * {@link OutOfMemoryError}, the time running out) becomes that file's refusal.
 *
 * <p>Time is enforced twice: readers and the checker look at a {@link Deadline} on every row
 * (a clean stop), and the wait for the worker ends {@link #GRACE} after the limit in any case
 * (work stuck where no row is read: the worker is interrupted and, if it ignores that, left to end on its own on its
 * daemon thread).
 */
final class FileIsolation implements AutoCloseable {

    /** How long after the limit the wait gives up on a worker that did not stop by itself. */
    static final Duration GRACE = Duration.ofSeconds(10);

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Duration grace;

    FileIsolation() {
        this(GRACE);
    }

    FileIsolation(Duration grace) {
        this.grace = grace;
    }

    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "unionstats-file-check-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /**
     * The outcome of {@code work}, or {@code refuse} applied to the reason it failed.
     *
     * @param seconds the limit as messages state it
     */
    <T> T run(Callable<T> work, Duration limit, String seconds, Function<QuarantineCode.Message, T> refuse) {
        Future<T> future;
        try {
            future = workers.submit(work);
        } catch (RuntimeException e) {
            return refuse.apply(failed(e));
        }
        try {
            return future.get(limit.plus(grace).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return refuse.apply(Deadline.timedOut(seconds).reason());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            RefusedFileException refusal = RefusedFileException.find(cause);
            return refuse.apply(refusal != null ? refusal.reason() : failed(cause));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking a file", e);
        }
    }

    /** The reason for a failure nobody foresaw: its kind, and its message masked and cut (it may quote the file). */
    static QuarantineCode.Message failed(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return QuarantineCode.CHECK_FAILED.message(Map.of("detail", "内存不足 / out of memory"));
        }
        if (e instanceof StackOverflowError) {
            return QuarantineCode.CHECK_FAILED.message(Map.of("detail", "嵌套过深 / nested too deep"));
        }
        String what = e.getClass().getSimpleName();
        String message = e.getMessage();
        return QuarantineCode.CHECK_FAILED.message(Map.of("detail",
                SafeText.echo(message == null || message.isBlank() ? what : what + ": " + message)));
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
