package org.unionstats.cli.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.unionstats.cli.Arguments;
import org.unionstats.cli.CliContext;
import org.unionstats.runs.RunDriver;
import org.unionstats.runs.RunSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = {"Run every period from --from to --to in order, as one run each (ingest, gate, KPIs, publish).",
                "Stops at the first failed or refused period; the same command again resumes there (finished periods are",
                "found unchanged). Exit codes: 0 done, 1 failed, 2 bad arguments, 3 refused by the data-quality gate, 4 busy."})
public final class BackfillCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    RunOptions options;

    @Spec
    CommandSpec spec;

    @Unmatched
    List<String> beamArgs = new ArrayList<>();

    BackfillCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Arguments.require(options.isRange(), "backfill needs --from and --to (e.g. --from 2023Q1 --to 2024Q4)");
        RunSettings settings = options.settings(context, beamArgs);
        JsonLogs.use(settings.logFormat());
        return new RunDriver(settings, context.kpiJob(), context.publishStep(), System.out)
                .execute("backfill", spec.commandLine().getParseResult().originalArgs(), true).code();
    }
}
