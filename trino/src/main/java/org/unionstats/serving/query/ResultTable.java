package org.unionstats.serving.query;

import java.util.List;

/** A query's result, in memory: column names and types, and rows of JDBC values. */
public record ResultTable(List<String> columns, List<String> types, List<List<Object>> rows) {}
