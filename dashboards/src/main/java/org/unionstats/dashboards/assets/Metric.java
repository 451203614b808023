package org.unionstats.dashboards.assets;

/** A saved metric of a dataset: SQL aggregate, Chinese label, number format. */
public record Metric(String name, String expression, String labelZh, String d3format, String description) {}
