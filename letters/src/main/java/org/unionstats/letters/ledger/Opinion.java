package org.unionstats.letters.ledger;

/** A department's opinion to a county for a quarter ({@code opinions}), as the city sent it. */
public record Opinion(String department, String kpiId, String text, String dueQuarter) {}
