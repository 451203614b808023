package org.unionstats.kpi.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A run's table writes submitted as concurrent Spark jobs. Each write is one or two queries over frames already kept,
 * and on a small input most of a query's time is on the driver (analysis, planning, code generation), one thread
 * while the executors wait: two writes side by side keep both cores busy. Spark runs jobs submitted from several
 * threads of one session side by side, sharing the executors.
 *
 * <p>A failed write does not stop the others: every write submitted ends before {@link #awaitAll} returns or throws,
 * so no write is still running when the run fails or goes on.
 */
public final class ConcurrentWrites implements AutoCloseable {

    private final ExecutorService pool;
    private final List<Future<?>> pending = new ArrayList<>();

    /** @param threads how many writes run at once */
    public ConcurrentWrites(int threads) {
        AtomicInteger created = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "kpi-write-" + created.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts a write; its result once {@link #awaitAll} has returned. */
    public <T> Future<T> submit(Supplier<T> write) {
        Future<T> f = pool.submit(write::get);
        pending.add(f);
        return f;
    }

    public void submit(Runnable write) {
        pending.add(pool.submit(write));
    }

    /** Waits for every write submitted; throws the first failure, in submission order, with the others suppressed. */
    public void awaitAll() {
        RuntimeException failure = null;
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the KPI tables to be written", e);
            }
        }
        pending.clear();
        if (failure != null) {
            throw failure;
        }
    }

    /** The result of a write that has ended ({@link #awaitAll} returned). */
    public static <T> T result(Future<T> write) {
        if (!write.isDone()) {
            throw new IllegalStateException("the write has not ended");
        }
        try {
            return write.get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
