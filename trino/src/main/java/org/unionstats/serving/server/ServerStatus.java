package org.unionstats.serving.server;

/** What {@code trino status} reports. */
public record ServerStatus(boolean running, boolean ready, long pid, String url) {

    public static ServerStatus stopped(String url) {
        return new ServerStatus(false, false, -1, url);
    }

    public String describe() {
        if (!running) {
            return "Trino is not running";
        }
        return (ready ? "Trino is running at " : "Trino is starting at ") + url + " (pid " + pid + ")";
    }
}
