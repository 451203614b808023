package org.unionstats.serving.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.process.ChildProcess;

class ServerProcessesTest {

    @TempDir
    Path dir;

    @Test
    void aServerIsFoundThroughItsPidFileAndStoppedWithItsChildren() throws Exception {
        Process server = ChildProcess.of("sh", "-c", "sleep 60 & sleep 60; wait").startInBackground();
        Path pidFile = dir.resolve("server.pid");
        Files.writeString(pidFile, server.pid() + "\n");
        assertThat(ServerProcesses.fromPidFile(pidFile, "no-such-marker")).as("a pid reused by another program").isEmpty();
        ProcessHandle found = ServerProcesses.fromPidFile(pidFile, "sleep 60").orElseThrow();
        waitForChildren(found);
        var children = found.descendants().toList();
        assertThat(children).isNotEmpty();

        assertThat(ServerProcesses.stop(found, Duration.ofSeconds(5))).isTrue();
        assertThat(found.isAlive()).isFalse();
        assertThat(children).allSatisfy(c -> assertThat(ChildProcess.waitForExit(c, Duration.ofSeconds(10))).isTrue());
        assertThat(ServerProcesses.fromPidFile(pidFile, "sleep 60")).isEmpty();
        ServerProcesses.deletePidFile(pidFile);
        assertThat(pidFile).doesNotExist();
    }

    private static void waitForChildren(ProcessHandle process) throws InterruptedException {
        for (int i = 0; i < 100 && process.descendants().count() < 2; i++) {
            Thread.sleep(20);
        }
    }

    @Test
    void findsADaemonisedServerByItsCommandLine() throws Exception {
        Process server = new ProcessBuilder("sleep", "41.5").start();
        try {
            assertThat(ServerProcesses.findRunning("sleep", "41.5")).map(ProcessHandle::pid).contains(server.pid());
            assertThat(ServerProcesses.findRunning("sleep", "no-such-marker-41.5")).isEmpty();
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void waitsUntilReadyAndFailsWithTheLogWhenTheServerStops() throws Exception {
        Process server = new ProcessBuilder("sleep", "30").start();
        try {
            AtomicInteger polls = new AtomicInteger();
            ServerProcesses.awaitReady("Test", server.toHandle(), Duration.ofSeconds(20), () -> polls.incrementAndGet() >= 2, () -> "log");
            assertThat(polls.get()).isEqualTo(2);
        } finally {
            server.destroyForcibly().waitFor();
        }
        assertThatThrownBy(() -> ServerProcesses.awaitReady("Test", server.toHandle(), Duration.ofSeconds(20), () -> false, () -> "see log"))
                .hasMessageContaining("Test stopped while starting; see log");
    }
}
