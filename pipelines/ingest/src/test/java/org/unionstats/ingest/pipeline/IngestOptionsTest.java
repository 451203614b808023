package org.unionstats.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.testing.CrashingRunner;
import org.junit.jupiter.api.Test;
import org.unionstats.ingest.IngestRunner;

class IngestOptionsTest {

    @Test
    void onTheDirectRunnerTheJoinHasAShardPerWorkerThread() {
        PipelineOptions options = IngestRunner.pipelineOptions(List.of("--targetParallelism=5"));
        assertThat(options.as(IngestOptions.class).getWinnerJoinShards()).isEqualTo(5);
        assertThat(IngestRunner.pipelineOptions(List.of()).as(IngestOptions.class).getWinnerJoinShards())
                .isEqualTo(IngestRunner.pipelineOptions(List.of()).as(DirectOptions.class).getTargetParallelism());
    }

    @Test
    void onAnotherRunnerEnoughShardsForAClustersWorkers() {
        PipelineOptions options = IngestRunner.pipelineOptions(List.of("--runner=" + CrashingRunner.class.getName()));
        assertThat(options.as(IngestOptions.class).getWinnerJoinShards()).isEqualTo(IngestOptions.CLUSTER_WINNER_JOIN_SHARDS);
    }

    @Test
    void theCommandLineSetsThemAndRefusesWhatIsNotANumber() {
        assertThat(IngestRunner.pipelineOptions(List.of("--winnerJoinShards=64")).as(IngestOptions.class).getWinnerJoinShards())
                .isEqualTo(64);
        assertThatThrownBy(() -> IngestRunner.pipelineOptions(List.of("--winnerJoinShards=many")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IngestRunner.pipelineOptions(List.of("--winnerJoinShards=0")))
                .hasMessage("--winnerJoinShards must be at least 1");
    }
}
