package org.unionstats.serving.security;

import java.util.List;

/** The three users of the embedded default and what the access rules (rules.json) let them do. */
public final class TrinoUsers {

    /** Everything, including other catalogs. */
    public static final String ADMIN = "admin";
    /** Creates and updates the published tables and views, syncs partitions. */
    public static final String PIPELINE = "pipeline";
    /** Reads kpi, warehouse (with the dimensions) and ops, except the quarantine's raw rows; writes nothing. */
    public static final String ANALYST = "analyst";

    public static final List<String> ALL = List.of(ADMIN, PIPELINE, ANALYST);

    private TrinoUsers() {}
}
