package org.unionstats.runs;

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
}
