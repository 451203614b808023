package org.unionstats.dashboards.assets;

/** A dataset column: name, Trino type, Chinese label, and whether it is the time axis. */
public record Column(String name, String type, String labelZh, boolean temporal) {

    public static Column of(String name, String type, String labelZh) {
        return new Column(name, type, labelZh, false);
    }

    public static Column time(String name, String type, String labelZh) {
        return new Column(name, type, labelZh, true);
    }
}
