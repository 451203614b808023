package org.unionstats.ingest.warehouse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.unionstats.warehouse.WarehouseLayout;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a run's staged files the published tables. A run writes everything under its staging
 * folder first; only when the pipeline has succeeded does the publisher write a journal of
 * the file moves and deletes, carry it out, and remove it. A run that dies before the journal
 * leaves the published tables untouched; one that dies during it is completed by the next
 * run's {@link #recover()}. Every step is safe to repeat.
 */
public final class Publisher {

    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WarehouseLayout layout;

    public Publisher(WarehouseLayout layout) {
        this.layout = layout;
    }

    /** The file operations of one publish. */
    public record Journal(String runId, List<String> deletes, List<Move> moves) {}

    public record Move(String from, String to) {}

    /**
     * @param replaced partitions (table, period) whose live files give way to the staged ones
     * @param appended tables whose staged files are added beside the live ones (quarantine)
     */
    public Journal plan(String runId, List<String[]> replaced, List<String> appended) {
        List<String> deletes = new ArrayList<>();
        List<Move> moves = new ArrayList<>();
        for (String[] tablePeriod : replaced) {
            String live = layout.partition(tablePeriod[0], tablePeriod[1]);
            WarehouseFiles.files(live).forEach(m -> deletes.add(m.resourceId().toString()));
            movesFor(layout.stagedPartition(runId, tablePeriod[0], tablePeriod[1]), live, moves);
        }
        for (String table : appended) {
            for (MatchResult.Metadata m : WarehouseFiles.match(layout.stagedTableFilesGlob(runId, table))) {
                ResourceId file = m.resourceId();
                String partition = file.getCurrentDirectory().getFilename();
                moves.add(new Move(file.toString(), layout.table(table) + "/" + partition + "/" + file.getFilename()));
            }
        }
        return new Journal(runId, deletes, moves);
    }

    private static void movesFor(String stagedPartition, String livePartition, List<Move> moves) {
        for (MatchResult.Metadata m : WarehouseFiles.match(stagedPartition + "/*.parquet")) {
            moves.add(new Move(m.resourceId().toString(), livePartition + "/" + m.resourceId().getFilename()));
        }
    }

    public void publish(Journal journal) {
        String path = journalPath(journal.runId());
        try (WritableByteChannel channel = FileSystems.create(FileSystems.matchNewResource(path, false), MimeTypes.TEXT);
                OutputStream out = Channels.newOutputStream(channel)) {
            out.write(JSON.writeValueAsString(journal).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the publish journal " + path, e);
        }
        apply(journal);
        delete(List.of(path));
        removeStaging(journal.runId());
    }

    /** Completes any publish a killed run left half done, and clears abandoned staging folders. */
    public int recover() {
        int recovered = 0;
        for (MatchResult.Metadata m : WarehouseFiles.match(layout.journals() + "/*.json")) {
            try {
                Journal journal = JSON.readValue(Channels.newInputStream(FileSystems.open(m.resourceId())), Journal.class);
                LOG.warn("completing the publish of run {} that was interrupted", journal.runId());
                apply(journal);
                delete(List.of(m.resourceId().toString()));
                recovered++;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the publish journal " + m.resourceId(), e);
            }
        }
        List<String> abandoned = new ArrayList<>();
        WarehouseFiles.match(layout.stagingRoot() + "/**").forEach(f -> abandoned.add(f.resourceId().toString()));
        delete(abandoned);
        LocalDirectories.deleteEmpty(layout.stagingRoot());
        return recovered;
    }

    private void apply(Journal journal) {
        delete(journal.deletes());
        if (journal.moves().isEmpty()) {
            return;
        }
        List<ResourceId> from = new ArrayList<>();
        List<ResourceId> to = new ArrayList<>();
        for (Move move : journal.moves()) {
            from.add(FileSystems.matchNewResource(move.from(), false));
            to.add(FileSystems.matchNewResource(move.to(), false));
            LocalDirectories.ensureParent(move.to());
        }
        try {
            FileSystems.rename(from, to, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
        } catch (IOException e) {
            throw new UncheckedIOException("publishing failed; the next run completes it", e);
        }
    }

    private void removeStaging(String runId) {
        List<String> leftovers = new ArrayList<>();
        WarehouseFiles.match(layout.staging(runId) + "/**").forEach(f -> leftovers.add(f.resourceId().toString()));
        delete(leftovers);
        LocalDirectories.deleteEmpty(layout.staging(runId));
        LocalDirectories.deleteEmpty(layout.stagingRoot());
    }

    private static void delete(List<String> files) {
        if (files.isEmpty()) {
            return;
        }
        try {
            FileSystems.delete(files.stream().map(f -> FileSystems.matchNewResource(f, false)).toList(),
                    MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + files.get(0), e);
        }
    }

    private String journalPath(String runId) {
        return layout.journal(runId);
    }
}
