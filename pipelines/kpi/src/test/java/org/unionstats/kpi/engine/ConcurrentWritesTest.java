package org.unionstats.kpi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ConcurrentWritesTest {

    @Test
    void writesRunSideBySideAndTheirResultsAreKept() {
        CountDownLatch both = new CountDownLatch(2);
        try (ConcurrentWrites writes = new ConcurrentWrites(2)) {
            // Each waits for the other to have started: they only end if they run at the same time.
            Future<Long> first = writes.submit(() -> meet(both, 7L));
            Future<Long> second = writes.submit(() -> meet(both, 11L));
            writes.awaitAll();
            assertThat(ConcurrentWrites.result(first) + ConcurrentWrites.result(second)).isEqualTo(18L);
        }
    }

    @Test
    void aFailureIsThrownOnceEveryWriteHasEnded() {
        AtomicBoolean slowEnded = new AtomicBoolean();
        try (ConcurrentWrites writes = new ConcurrentWrites(2)) {
            writes.submit((Runnable) () -> {
                throw new IllegalStateException("kpi_values: disk full");
            });
            writes.submit((Runnable) () -> {
                sleep(300);
                slowEnded.set(true);
            });
            writes.submit((Runnable) () -> {
                throw new IllegalArgumentException("dq_findings: no rule");
            });
            assertThatThrownBy(writes::awaitAll).isInstanceOf(IllegalStateException.class).hasMessage("kpi_values: disk full")
                    .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage).containsExactly("dq_findings: no rule"));
            assertThat(slowEnded).as("the write still running when the first failed had ended").isTrue();
        }
    }

    @Test
    void aResultIsOnlyReadOnceItsWriteHasEnded() {
        CountDownLatch release = new CountDownLatch(1);
        try (ConcurrentWrites writes = new ConcurrentWrites(1)) {
            Future<Long> pending = writes.submit(() -> {
                await(release);
                return 1L;
            });
            assertThatThrownBy(() -> ConcurrentWrites.result(pending)).isInstanceOf(IllegalStateException.class);
            release.countDown();
            writes.awaitAll();
            assertThat(ConcurrentWrites.result(pending)).isEqualTo(1L);
        }
    }

    private static long meet(CountDownLatch latch, long value) {
        latch.countDown();
        await(latch);
        return value;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
