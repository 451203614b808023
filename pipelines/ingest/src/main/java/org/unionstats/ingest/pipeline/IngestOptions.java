package org.unionstats.ingest.pipeline;

import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.DefaultValueFactory;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** The ingest pipeline's own options, given on the command line beside the runner's ({@code --winnerJoinShards=64}). */
public interface IngestOptions extends PipelineOptions {

    /** Shards on a runner other than the DirectRunner: enough for a cluster's workers. */
    int CLUSTER_WINNER_JOIN_SHARDS = 32;

    @Description("Shards of the join of each row with its submission group's winner. Default: the DirectRunner's target"
            + " parallelism there, " + CLUSTER_WINNER_JOIN_SHARDS + " on other runners.")
    @Default.InstanceFactory(WinnerJoinShards.class)
    Integer getWinnerJoinShards();

    void setWinnerJoinShards(Integer shards);

    /**
     * On the DirectRunner, one shard per worker thread: its groupings copy a key's buffered rows on every bundle the key
     * receives, and the write after the join receives a bundle per shard, so every extra shard costs a copy of the rows.
     */
    final class WinnerJoinShards implements DefaultValueFactory<Integer> {
        @Override
        public Integer create(PipelineOptions options) {
            // Named in full: PipelineOptions declares a DirectRunner class of its own.
            return options.getRunner() == org.apache.beam.runners.direct.DirectRunner.class
                    ? options.as(DirectOptions.class).getTargetParallelism()
                    : CLUSTER_WINNER_JOIN_SHARDS;
        }
    }
}
