package org.unionstats.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unionstats.ingest.read.RefusedFileException;
import org.unionstats.warehouse.quarantine.QuarantineCode;

/** Whatever the work on one file does, the caller gets that file's refusal and goes on. */
class FileIsolationTest {

    private static QuarantineCode.Message run(java.util.concurrent.Callable<QuarantineCode.Message> work, Duration limit) {
        try (FileIsolation isolation = new FileIsolation()) {
            return isolation.run(work, limit, "1", reason -> reason);
        }
    }

    @Test
    void aRefusalKeepsItsReason() {
        QuarantineCode.Message tooMany = QuarantineCode.TOO_MANY_ROWS.message(Map.of("limit", 3));
        assertThat(run(() -> {
            throw new RefusedFileException(tooMany);
        }, Duration.ofSeconds(5))).isEqualTo(tooMany);
    }

    @Test
    void anyExceptionIsACheckFailureWithItsMessageMasked() {
        QuarantineCode.Message m = run(() -> {
            throw new NumberFormatException("For input string: \"130306199001011234\" near 13812345678");
        }, Duration.ofSeconds(5));
        assertThat(m.code()).isEqualTo(QuarantineCode.CHECK_FAILED);
        assertThat(m.en()).contains("NumberFormatException").contains("For input string")
                .doesNotContain("130306199001011234").doesNotContain("13812345678");
    }

    @Test
    void runningOutOfMemoryIsACheckFailure() {
        QuarantineCode.Message m = run(() -> {
            throw new OutOfMemoryError("Java heap space");
        }, Duration.ofSeconds(5));
        assertThat(m.code()).isEqualTo(QuarantineCode.CHECK_FAILED);
        assertThat(m.en()).contains("out of memory");
    }

    @Test
    void workThatNeverLooksAtTheClockIsCutOff() {
        long started = System.nanoTime();
        QuarantineCode.Message m;
        try (FileIsolation isolation = new FileIsolation(Duration.ofMillis(100))) {
            m = isolation.run(() -> {
                Thread.sleep(60_000);
                return null;
            }, Duration.ofMillis(100), "0.1", reason -> reason);
        }
        assertThat(m.code()).isEqualTo(QuarantineCode.TIMED_OUT);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }
}
