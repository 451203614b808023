package org.unionstats.ingest.pipeline;

import java.util.List;
import org.apache.avro.generic.GenericRecord;

/**
 * What one file gave: its accepted rows, its quarantine entries and its receipt. Whether the
 * accepted rows count is decided after every file is checked: only those of the latest file of
 * its group that was read ({@link #refused()} false) do.
 *
 * @param refused the file was refused as a whole (it has no accepted rows and supersedes nothing)
 */
public record SubmissionOutcome(List<GenericRecord> accepted, List<GenericRecord> quarantine, GenericRecord receipt, boolean refused) {

    public SubmissionOutcome {
        accepted = List.copyOf(accepted);
        quarantine = List.copyOf(quarantine);
    }
}
