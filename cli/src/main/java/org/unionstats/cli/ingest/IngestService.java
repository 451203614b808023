package org.unionstats.cli.ingest;

import java.util.List;
import java.util.function.Consumer;
import org.unionstats.cli.Arguments;
import org.unionstats.ingest.IngestConfig;
import org.unionstats.ingest.IngestRunner;
import org.unionstats.ingest.IngestSummary;

/** The ingest as the commands share it (ingest, demo): settings checked as arguments, then the Beam run. */
public final class IngestService {

    private final Consumer<String> log;

    public IngestService(Consumer<String> log) {
        this.log = log;
    }

    /**
     * The ingest's settings from the command line's words. Beam reads its options only when the run
     * starts, and refuses a bad one as a failure; read here first, a bad option is the caller's mistake.
     */
    public static IngestConfig config(String inbox, String warehouse, byte[] pseudonymKey, int shards, List<String> beamArgs) {
        for (String arg : beamArgs) {
            Arguments.require(arg.startsWith("--"), "unexpected argument '" + arg + "' (Beam options look like --name=value)");
        }
        Arguments.parse(() -> IngestRunner.pipelineOptions(beamArgs));
        return Arguments.parse(() -> new IngestConfig(inbox, warehouse, pseudonymKey, shards, beamArgs));
    }

    public IngestSummary run(IngestConfig config) {
        return new IngestRunner(log).run(config);
    }
}
