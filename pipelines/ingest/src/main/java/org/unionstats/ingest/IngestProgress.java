package org.unionstats.ingest;

/** What an ingest run reports while it works: stage messages, and counts while the pipeline checks files. */
public interface IngestProgress {

    void message(String text);

    /** Called every few seconds while the pipeline runs. */
    default void checking(long filesDone, long filesTotal, long rowsRead, long elapsedSeconds) {
        message(String.format("checking: %d/%d files, %,d rows read, %ds", filesDone, filesTotal, rowsRead, elapsedSeconds));
    }
}
