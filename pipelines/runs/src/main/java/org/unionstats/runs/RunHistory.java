package org.unionstats.runs;
import org.unionstats.warehouse.runs.RunRecord;
import org.unionstats.warehouse.runs.RunStatus;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.unionstats.warehouse.WarehouseLayout;
import org.unionstats.warehouse.tables.AvroSchemas;

/**
 * The run history, {@code <warehouse>/pipeline_runs/}: an append-only Parquet table, one file per
 * run, written under a hidden name and renamed into place, so a reader never sees half a row.
 * Published as {@code ops.pipeline_runs} to analysts, so the arguments and error messages it keeps
 * have their secrets replaced ({@link RunArguments}).
 */
public final class RunHistory {

    public static final String TABLE = "pipeline_runs";

    private final Path folder;
    private final Schema schema = AvroSchemas.schema(TABLE);

    public RunHistory(WarehouseLayout warehouse) {
        this.folder = warehouse.localTable(TABLE);
    }

    public RunHistory(Path warehouse) {
        this(WarehouseLayout.of(warehouse));
    }

    public void append(RunRecord run) {
        Path target = folder.resolve("run-" + run.runId() + ".parquet");
        Path tmp = folder.resolve(".run-" + run.runId() + ".parquet.tmp");
        try {
            Files.createDirectories(folder);
            Files.deleteIfExists(tmp);
            try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(tmp))
                    .withSchema(schema)
                    .withDataModel(GenericData.get())
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .build()) {
                writer.write(toAvro(run));
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run history " + target, e);
        }
    }

    /** Every run, oldest first. */
    public List<RunRecord> all() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<RunRecord> runs = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".parquet")
                    && !WarehouseLayout.isHidden(f.getFileName().toString())).toList()) {
                try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file))
                        .withDataModel(GenericData.get()).build()) {
                    for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
                        runs.add(fromAvro(r));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run history in " + folder, e);
        }
        runs.sort(Comparator.comparing(RunRecord::startedAt).thenComparing(RunRecord::runId));
        return runs;
    }

    /** The last {@code n} runs, oldest first. */
    public List<RunRecord> last(int n) {
        List<RunRecord> all = all();
        return all.subList(Math.max(0, all.size() - n), all.size());
    }

    private GenericRecord toAvro(RunRecord run) {
        GenericData.Record r = new GenericData.Record(schema);
        r.put("run_id", run.runId());
        r.put("command", run.command());
        r.put("arguments", RunArguments.redact(run.arguments()));
        r.put("periods", run.periods());
        r.put("parent_run_id", run.parentRunId());
        r.put("started_at", run.startedAt().toEpochMilli());
        r.put("ended_at", run.endedAt().toEpochMilli());
        r.put("status", run.status().code());
        r.put("exit_code", run.exitCode());
        r.put("ingest_run_id", run.ingestRunId());
        r.put("files_new", run.filesNew());
        r.put("files_unchanged", run.filesUnchanged());
        r.put("rows_read", run.rowsRead());
        r.put("rows_accepted", run.rowsAccepted());
        r.put("rows_duplicates", run.rowsDuplicates());
        r.put("rows_quarantined", run.rowsQuarantined());
        r.put("kpi_partitions_written", run.kpiPartitionsWritten());
        r.put("kpi_periods_written", run.kpiPeriodsWritten() == null ? null : String.join(",", run.kpiPeriodsWritten()));
        r.put("published", run.published());
        r.put("error_message", run.errorMessage() == null ? null : RunArguments.redactUrls(run.errorMessage()));
        r.put("host", run.host());
        r.put("pid", run.pid());
        return r;
    }

    private static RunRecord fromAvro(GenericRecord r) {
        String kpiPeriods = str(r, "kpi_periods_written");
        return new RunRecord(str(r, "run_id"), str(r, "command"), str(r, "arguments"), str(r, "periods"), str(r, "parent_run_id"),
                Instant.ofEpochMilli((Long) r.get("started_at")), Instant.ofEpochMilli((Long) r.get("ended_at")),
                RunStatus.fromCode(str(r, "status")), (Integer) r.get("exit_code"),
                str(r, "ingest_run_id"), (Long) r.get("files_new"), (Long) r.get("files_unchanged"), (Long) r.get("rows_read"),
                (Long) r.get("rows_accepted"), (Long) r.get("rows_duplicates"), (Long) r.get("rows_quarantined"),
                (Integer) r.get("kpi_partitions_written"),
                kpiPeriods == null ? null : kpiPeriods.isEmpty() ? List.of() : Arrays.asList(kpiPeriods.split(",")),
                (Boolean) r.get("published"), str(r, "error_message"), str(r, "host"), (Long) r.get("pid"));
    }

    private static String str(GenericRecord r, String field) {
        Object v = r.get(field);
        return v == null ? null : v.toString();
    }
}
