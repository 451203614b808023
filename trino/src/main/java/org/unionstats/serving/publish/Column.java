package org.unionstats.serving.publish;

/** A column as Trino gets it: name, Trino type, bilingual comment. */
public record Column(String name, String type, String comment) {}
