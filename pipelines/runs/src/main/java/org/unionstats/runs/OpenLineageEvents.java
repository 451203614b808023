package org.unionstats.runs;
import org.unionstats.warehouse.runs.RunRecord;
import org.unionstats.warehouse.runs.RunStatus;


import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClient;
import io.openlineage.client.transports.FileConfig;
import io.openlineage.client.transports.FileTransport;
import io.openlineage.client.transports.HttpConfig;
import io.openlineage.client.transports.HttpTransport;
import io.openlineage.client.transports.Transport;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.unionstats.contract.RecordType;
import org.unionstats.warehouse.WarehouseLayout;

/**
 * OpenLineage run events for every run: START when it begins, COMPLETE or FAIL when it ends, with
 * the inbox and the record tables it read as inputs and the tables it wrote as outputs, so a
 * lineage service (Marquez, DataHub, …) shows what fed each KPI table. Sent to an HTTP endpoint
 * ({@code --lineage-url}) or appended as JSON lines to a file ({@code --lineage-file}).
 */
public final class OpenLineageEvents implements LineageEvents {

    /** What the KPI job reads: the record tables (but the ledger's opinions and feedback, which feed the letters) and the receipts. */
    static final List<String> KPI_INPUTS = Stream.concat(Stream.of(RecordType.values())
                    .filter(t -> t != RecordType.OPINIONS && t != RecordType.FEEDBACK).map(RecordType::code),
            Stream.of(WarehouseLayout.RECEIPTS)).toList();

    private static final URI PRODUCER = URI.create("urn:unionstats:cli:0.1.0");

    private final OpenLineage ol = new OpenLineage(PRODUCER);
    private final OpenLineageClient client;
    private final String namespace;

    public OpenLineageEvents(Transport transport, String namespace) {
        this.client = new OpenLineageClient(transport);
        this.namespace = namespace;
    }

    /** An HTTP endpoint, e.g. {@code http://marquez:5000} (events go to {@code /api/v1/lineage}). */
    public static OpenLineageEvents http(URI url, String namespace) {
        HttpConfig config = new HttpConfig();
        config.setUrl(url);
        config.setTimeoutInMillis(10_000);
        return new OpenLineageEvents(new HttpTransport(config), namespace);
    }

    /** A local JSON-lines file, one event per line. */
    public static OpenLineageEvents file(Path file, String namespace) {
        return new OpenLineageEvents(new FileTransport(new FileConfig(file.toAbsolutePath().toString())), namespace);
    }

    @Override
    public void start(RunContext run) {
        client.emit(event(run, OpenLineage.RunEvent.EventType.START, null, inputs(run, null), List.of()));
    }

    @Override
    public void end(RunContext run, RunRecord record, List<String> outputTables) {
        boolean failed = record.status() == RunStatus.FAILED;
        List<OpenLineage.OutputDataset> outputs = new ArrayList<>();
        for (String table : outputTables) {
            outputs.add(ol.newOutputDatasetBuilder().namespace(warehouseNamespace()).name(tableName(run, table)).build());
        }
        client.emit(event(run, failed ? OpenLineage.RunEvent.EventType.FAIL : OpenLineage.RunEvent.EventType.COMPLETE, record,
                inputs(run, record), outputs));
    }

    private OpenLineage.RunEvent event(RunContext run, OpenLineage.RunEvent.EventType type, RunRecord record,
            List<OpenLineage.InputDataset> inputs, List<OpenLineage.OutputDataset> outputs) {
        OpenLineage.RunFacetsBuilder facets = ol.newRunFacetsBuilder()
                .processing_engine(ol.newProcessingEngineRunFacet("0.1.0", "unionstats", "0.1.0"));
        if (run.selection().from() != null) {
            facets.nominalTime(ol.newNominalTimeRunFacet(run.selection().from().start().atStartOfDay(ZoneOffset.UTC),
                    run.selection().to().end().plusDays(1).atStartOfDay(ZoneOffset.UTC)));
        }
        if (run.parentRunId() != null) {
            facets.parent(ol.newParentRunFacet(ol.newParentRunFacetRun(uuid(run.parentRunId())),
                    ol.newParentRunFacetJob(namespace, "unionstats." + run.command())));
        }
        if (record != null && record.errorMessage() != null) {
            facets.errorMessage(ol.newErrorMessageRunFacet(record.errorMessage(), "java", null));
        }
        return ol.newRunEventBuilder()
                .eventType(type)
                .eventTime(ZonedDateTime.now(ZoneOffset.UTC))
                .run(ol.newRunBuilder().runId(uuid(run.runId())).facets(facets.build()).build())
                .job(ol.newJobBuilder().namespace(namespace).name(run.parentRunId() == null ? "unionstats." + run.command()
                        : "unionstats." + run.command() + ".period").build())
                .inputs(inputs)
                .outputs(outputs)
                .build();
    }

    private List<OpenLineage.InputDataset> inputs(RunContext run, RunRecord record) {
        List<OpenLineage.InputDataset> inputs = new ArrayList<>();
        OpenLineage.InputDatasetBuilder inbox = ol.newInputDatasetBuilder().namespace("file").name(absolute(run.inbox()));
        if (record != null && record.rowsRead() != null) {
            inbox.inputFacets(ol.newInputDatasetInputFacetsBuilder()
                    .dataQualityMetrics(ol.newDataQualityMetricsInputDatasetFacetBuilder().rowCount(record.rowsRead()).build())
                    .build());
        }
        inputs.add(inbox.build());
        if (record != null && record.kpiPeriodsWritten() != null && !record.kpiPeriodsWritten().isEmpty()) {
            KPI_INPUTS.forEach(t -> inputs.add(ol.newInputDatasetBuilder().namespace(warehouseNamespace()).name(tableName(run, t)).build()));
        }
        return inputs;
    }

    private static String warehouseNamespace() {
        return "file";
    }

    private static String tableName(RunContext run, String table) {
        return WarehouseLayout.of(run.warehouse()).localTable(table).toString();
    }

    private static String absolute(String location) {
        return location.contains("://") ? location : Path.of(location).toAbsolutePath().normalize().toString();
    }

    /** OpenLineage run ids are UUIDs: a stable one from our run id. */
    static UUID uuid(String runId) {
        return UUID.nameUUIDFromBytes(("unionstats:" + runId).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "OpenLineage events (namespace " + namespace + ")";
    }
}
