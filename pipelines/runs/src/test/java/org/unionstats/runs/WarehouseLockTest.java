package org.unionstats.runs;
import org.unionstats.warehouse.runs.RunStatus;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.errors.ExitCode;
import org.unionstats.warehouse.WarehouseLayout;

class WarehouseLockTest {

    @TempDir
    Path warehouse;

    private static LockHolder holder(String id) {
        return LockHolder.thisProcess(id, "run --period 2024Q3", Instant.parse("2026-11-21T10:00:00Z"));
    }

    @Test
    void aSecondWriterIsRefusedWithTheHolderNamed() {
        try (WarehouseLock first = WarehouseLock.acquire(warehouse, holder("first"), Duration.ZERO, m -> { })) {
            assertThat(first.abandoned()).isEmpty();
            assertThat(WarehouseLock.holder(warehouse)).get().extracting(LockHolder::runId).isEqualTo("first");
            assertThatThrownBy(() -> WarehouseLock.acquire(warehouse, holder("second"), Duration.ZERO, m -> { }))
                    .isInstanceOf(WarehouseBusyException.class)
                    .hasMessageContaining("run first")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid())
                    .hasMessageContaining("2026-11-21T10:00:00Z")
                    .hasMessageContaining("--wait");
        }
        assertThat(WarehouseLock.holder(warehouse)).as("a clean release empties the file").isEmpty();
    }

    @Test
    void aWaitingWriterGetsTheWarehouseWhenTheHolderIsDone() throws Exception {
        WarehouseLock first = WarehouseLock.acquire(warehouse, holder("first"), Duration.ZERO, m -> { });
        List<String> told = new ArrayList<>();
        CompletableFuture<WarehouseLock> second = CompletableFuture.supplyAsync(
                () -> WarehouseLock.acquire(warehouse, holder("second"), Duration.ofSeconds(30), told::add));
        Thread.sleep(1500);
        assertThat(second).isNotDone();
        first.close();
        try (WarehouseLock lock = second.get()) {
            assertThat(lock.abandoned()).isEmpty();
            assertThat(told).singleElement().asString().contains("waiting for the warehouse").contains("run first");
        }
    }

    @Test
    void aHolderLeftInTheFileIsARunThatWasKilled() throws Exception {
        Files.writeString(WarehouseLayout.of(warehouse).lock(),
                "{\"runId\":\"killed\",\"pid\":4242,\"host\":\"h\",\"command\":\"run --period 2024Q3\",\"startedAt\":\"2026-11-21T09:00:00Z\"}");
        try (WarehouseLock lock = WarehouseLock.acquire(warehouse, holder("next"), Duration.ZERO, m -> { })) {
            assertThat(lock.abandoned()).get().extracting(LockHolder::runId, LockHolder::pid).containsExactly("killed", 4242L);
            assertThat(WarehouseLock.holder(warehouse)).get().extracting(LockHolder::runId).isEqualTo("next");
        }
    }

    @Test
    void singleStageCommandsTakeTheSameLockAndRecordAKilledRun() throws Exception {
        assertThat(WarehouseLock.forCommand("s3://bucket/warehouse", "ingest")).as("no lock on object storage").isNull();
        try (WarehouseLock run = WarehouseLock.acquire(warehouse, holder("scheduled"), Duration.ZERO, m -> { })) {
            assertThatThrownBy(() -> WarehouseLock.forCommand(warehouse.toString(), "kpi"))
                    .isInstanceOf(WarehouseBusyException.class).hasMessageContaining("run scheduled");
        }
        Files.writeString(WarehouseLayout.of(warehouse).lock(),
                "{\"runId\":\"killed\",\"pid\":4242,\"host\":\"h\",\"command\":\"run --period 2024Q3\",\"startedAt\":\"2026-11-21T09:00:00Z\"}");
        try (WarehouseLock lock = WarehouseLock.forCommand(warehouse.toString(), "ingest")) {
            assertThat(lock).isNotNull();
        }
        assertThat(new RunHistory(warehouse).all()).singleElement().satisfies(r -> {
            assertThat(r.runId()).isEqualTo("killed");
            assertThat(r.status()).isEqualTo(RunStatus.ABANDONED);
        });
    }

    @Test
    void aBusyWarehouseIsExitCodeFour() {
        assertThat(new WarehouseBusyException("busy").exitCode()).isEqualTo(ExitCode.BUSY);
        assertThat(ExitCode.BUSY.code()).isEqualTo(4);
    }
}
