package org.unionstats.ingest.pipeline;

import java.util.List;
import org.apache.avro.generic.GenericRecord;

/**
 * What one file gave: its accepted rows (none when it was replaced or refused), its quarantine
 * entries and its receipt.
 */
public record SubmissionOutcome(List<GenericRecord> accepted, List<GenericRecord> quarantine, GenericRecord receipt) {

    public SubmissionOutcome {
        accepted = List.copyOf(accepted);
        quarantine = List.copyOf(quarantine);
    }
}
