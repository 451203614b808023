package org.unionstats.runs;

import org.unionstats.warehouse.runs.RunRecord;
import org.unionstats.warehouse.runs.RunStatus;
import java.net.InetAddress;
import java.time.Instant;

/** Who holds a warehouse: written into the lock file so a second run can name it. */
public record LockHolder(String runId, long pid, String host, String command, String startedAt) {

    public static LockHolder thisProcess(String runId, String command, Instant startedAt) {
        return new LockHolder(runId, ProcessHandle.current().pid(), hostName(), command, startedAt.toString());
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown host";
        }
    }

    public Instant started() {
        return Instant.parse(startedAt);
    }

    public String describe() {
        return "run " + runId + " (pid " + pid + " on " + host + ", started " + startedAt + ": " + command + ")";
    }

    /** The row the next run writes for a run that was killed while it held the warehouse. */
    public RunRecord abandoned(Instant foundAt) {
        String[] parts = command().split(" ", 2);
        return new RunRecord(runId(), parts[0], parts.length > 1 ? parts[1] : "", null, null, started(), foundAt,
                RunStatus.ABANDONED, RunStatus.ABANDONED.exitCode(), null, null, null, null, null, null, null, null, null, null,
                "the run ended without finishing (killed, or its machine stopped); the next run recovered the warehouse",
                host(), pid());
    }
}
