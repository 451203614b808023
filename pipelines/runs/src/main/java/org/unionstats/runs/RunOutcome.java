package org.unionstats.runs;
import org.unionstats.warehouse.runs.RunRecord;


import org.unionstats.ingest.IngestSummary;

/** What one run did: its history row, the ingest receipts (null when it failed before), and one line saying so. */
public record RunOutcome(RunRecord record, IngestSummary ingest, String headline) {}
