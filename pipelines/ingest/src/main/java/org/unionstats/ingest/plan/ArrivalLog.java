package org.unionstats.ingest.plan;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * When the files of an archive were received, for loading submissions that arrived before this warehouse saw them
 * (a mail or upload log kept by the receiving office): a CSV with the header {@code source_file,received_at}, the
 * inbox-relative path with {@code /} and an ISO-8601 instant with its offset ({@code 2024-10-12T09:00:00+08:00}). A
 * file first seen in a run takes its logged time as its receipt's {@code received_at} (never later than the run);
 * files not in the log, and files seen before, keep the usual rule. It is given by the operator on the command line,
 * never read from the inbox, which the senders write.
 */
public final class ArrivalLog {

    /** No log: every new file is received when the run starts. */
    public static final ArrivalLog NONE = new ArrivalLog(Map.of());

    /** Refuses a log bigger than this many rows; an inbox holds far fewer files. */
    static final int MAX_ROWS = 5_000_000;

    private final Map<String, Long> receivedAt;

    private ArrivalLog(Map<String, Long> receivedAt) {
        this.receivedAt = Map.copyOf(receivedAt);
    }

    /** Reads a log; a malformed one is refused whole, with the row that is wrong. */
    public static ArrivalLog read(Path csv) {
        Map<String, Long> times = new HashMap<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
            for (CSVRecord row : format.parse(in)) {
                if (row.getRecordNumber() > MAX_ROWS) {
                    throw new IllegalArgumentException("arrival log " + csv + " has over " + MAX_ROWS + " rows");
                }
                if (!row.isMapped("source_file") || !row.isMapped("received_at") || !row.isSet("received_at")) {
                    throw new IllegalArgumentException("arrival log " + csv + " row " + (row.getRecordNumber() + 1)
                            + ": expected the columns source_file,received_at");
                }
                String file = row.get("source_file").strip();
                try {
                    times.merge(file, OffsetDateTime.parse(row.get("received_at").strip()).toInstant().toEpochMilli(), Math::min);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("arrival log " + csv + " row " + (row.getRecordNumber() + 1)
                            + ": received_at is not an ISO-8601 time with an offset, e.g. 2024-10-12T09:00:00+08:00");
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the arrival log " + csv + ": " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("arrival log " + csv + " is not a CSV with the header source_file,received_at");
        }
        return new ArrivalLog(times);
    }

    /** When a file (inbox-relative path) arrived, if the log says. */
    public Optional<Long> receivedAt(String sourceFile) {
        return Optional.ofNullable(receivedAt.get(sourceFile));
    }

    public int size() {
        return receivedAt.size();
    }
}
