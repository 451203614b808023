package org.unionstats.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChildProcessTest {

    @Test
    void capturesBothStreamsAndTheExitCode() {
        List<String> seen = new ArrayList<>();
        ChildProcess.Result r = ChildProcess.of("sh", "-c", "echo out; echo err >&2; exit 3").onStdout(seen::add).run();
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.succeeded()).isFalse();
        assertThat(r.stdout()).containsExactly("out");
        assertThat(r.stderr()).containsExactly("err");
        assertThat(seen).containsExactly("out");
    }

    @Test
    void passesEnvironmentAndStandardInput() {
        ChildProcess.Result r = ChildProcess.of("sh", "-c", "read secret; echo \"$GREETING $secret\"")
                .environment(Map.of("GREETING", "hello")).input("s3cret\n").runChecked();
        assertThat(r.stdoutText()).isEqualTo("hello s3cret");
    }

    @Test
    void leavesOutVariablesItIsToldToUnset() {
        ChildProcess.Result r = ChildProcess.of("sh", "-c", "echo \"[${HOME:-unset}]\"").unsetEnvironment("HOME").runChecked();
        assertThat(r.stdoutText()).isEqualTo("[unset]");
    }

    @Test
    void doesNotWaitForOutputADaemonisedGrandchildHoldsOpen() {
        long start = System.nanoTime();
        ChildProcess.Result r = ChildProcess.of("sh", "-c", "(sleep 60 &) ; echo started").run();
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).containsExactly("started");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void stopsAChildThatOverrunsItsTimeout() {
        long start = System.nanoTime();
        ChildProcess.Result r = ChildProcess.of("sleep", "30").timeout(Duration.ofMillis(300)).run();
        assertThat(r.timedOut()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aFailureNamesTheProgramAndItsLastWords() {
        assertThatThrownBy(() -> ChildProcess.of("sh", "-c", "echo 'no such table' >&2; exit 1").runChecked())
                .isInstanceOf(ChildProcess.ChildProcessException.class)
                .hasMessageContaining("sh failed (exit 1)").hasMessageContaining("no such table");
    }
}
