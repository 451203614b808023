package org.unionstats.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionstats.ingest.IngestConfig;
import org.unionstats.ingest.IngestRunner;
import org.unionstats.ingest.IngestSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

@Command(name = "run", mixinStandardHelpOptions = true, description = "Ingest an inbox, compute the KPIs it changed, and publish to the local Trino when it runs.")
final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Option(names = "--inbox", required = true, description = "Batch root.")
    String inbox;

    @Option(names = "--warehouse", required = true, description = "Warehouse root.")
    String warehouse;

    @Option(names = "--master", defaultValue = "local[*]", description = "Spark master for the KPI job. Default: ${DEFAULT-VALUE}.")
    String master;

    @Option(names = "--pseudonym-key-file", description = "HMAC key file (base64); env " + PseudonymKeys.ENV + " wins.")
    java.nio.file.Path keyFile;

    @Unmatched
    List<String> beamArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        IngestSummary summary = new IngestRunner(LOG::info)
                .run(new IngestConfig(inbox, warehouse, PseudonymKeys.load(keyFile), 1, beamArgs));
        IngestCommand.print(summary);
        LOG.info("computing KPIs");
        System.out.println("kpi: " + KpiCommand.run(warehouse, null, false, master, 15, "6g"));
        Serving.publishIfRunning(warehouse);
        return summary.reconciles() ? 0 : ClearErrors.FAILURE;
    }
}
