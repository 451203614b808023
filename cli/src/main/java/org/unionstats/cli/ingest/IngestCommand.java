package org.unionstats.cli.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionstats.cli.Arguments;
import org.unionstats.cli.CliContext;
import org.unionstats.ingest.IngestConfig;
import org.unionstats.ingest.IngestSummary;
import org.unionstats.ingest.plan.ArrivalLog;
import org.unionstats.runs.PseudonymKeys;
import org.unionstats.runs.WarehouseLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Ingest every submission of an inbox into the warehouse's Parquet tables (Apache Beam).",
                "Unrecognised options (--runner=FlinkRunner, ...) go to Beam as pipeline options."})
public final class IngestCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(IngestCommand.class);

    private final CliContext context;

    @Option(names = "--inbox", required = true, description = "Batch root: <submitter>/<period>/<record type>.<csv|xlsx|jsonl>.")
    String inbox;

    @Option(names = "--warehouse", required = true, description = "Warehouse root (local folder or URI).")
    String warehouse;

    @Option(names = "--json", description = "Print the receipts as one JSON document.")
    boolean json;

    @Option(names = "--shards", defaultValue = "1", description = "Parquet files per partition per run. Default: ${DEFAULT-VALUE}.")
    int shards;

    @Option(names = "--pseudonym-key-file", description = "HMAC key file (base64). Default: <state folder>/pseudonym.key; env "
            + PseudonymKeys.ENV + " wins.")
    Path keyFile;

    @Option(names = "--arrivals", paramLabel = "CSV", description = {"Loading an archive: a log of when its files were received",
            "(header source_file,received_at; inbox-relative path, ISO-8601 time with offset). Files first seen in this run",
            "take these times as their receipt time; others are received now."})
    Path arrivals;

    @Mixin
    IngestLimitOptions limits = new IngestLimitOptions();

    @Unmatched
    List<String> beamArgs = new ArrayList<>();

    IngestCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        IngestConfig config = IngestService.config(inbox, warehouse, context.pseudonymKey(keyFile), shards, beamArgs)
                .withLimits(limits.limits());
        if (arrivals != null) {
            config = config.withArrivals(Arguments.parse(() -> ArrivalLog.read(arrivals)));
        }
        IngestSummary summary;
        try (WarehouseLock lock = WarehouseLock.forCommand(warehouse, "ingest")) {
            summary = new IngestService(LOG::info).run(config);
        }
        if (json) {
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(IngestReport.toJson(summary)));
        } else {
            IngestReport.print(summary, System.out);
        }
        return 0;
    }
}
