package org.unionstats.ingest;

/** The run failed; the published tables are as they were before it. */
public final class IngestFailedException extends RuntimeException {

    public IngestFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
