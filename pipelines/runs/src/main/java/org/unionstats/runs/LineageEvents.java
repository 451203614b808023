package org.unionstats.runs;
import org.unionstats.warehouse.runs.RunRecord;


import java.util.List;

/** Where a run reports what it read and wrote (OpenLineage START / COMPLETE / FAIL events). */
public interface LineageEvents {

    LineageEvents NONE = new LineageEvents() {
        @Override
        public void start(RunContext run) {}

        @Override
        public void end(RunContext run, RunRecord record, List<String> outputTables) {}
    };

    void start(RunContext run);

    /** COMPLETE for success, unchanged and refused runs; FAIL for failed ones. */
    void end(RunContext run, RunRecord record, List<String> outputTables);
}
