package org.unionstats.cli.runs;

import org.unionstats.runs.RunDriver;
import org.unionstats.runs.RunOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.unionstats.runs.PseudonymKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Unmatched;

@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = {"Run every period from --from to --to in order, as one run each (ingest, gate, KPIs, publish).",
                "Stops at the first failed or refused period; the same command again resumes there (finished periods are",
                "found unchanged). Exit codes: 0 done, 1 failed, 2 bad arguments, 3 refused by the data-quality gate, 4 busy."})
public final class BackfillCommand implements Callable<Integer> {

    @Mixin
    RunOptions options;

    @Spec
    CommandSpec spec;

    @Unmatched
    List<String> beamArgs = new ArrayList<>();

    @Override
    public Integer call() {
        if (options.from == null || options.to == null || options.period != null) {
            throw new IllegalArgumentException("backfill needs --from and --to (e.g. --from 2023Q1 --to 2024Q4)");
        }
        return new RunDriver(options, PseudonymKeys.load(options.keyFile), beamArgs, org.unionstats.cli.TrinoPublishStep.localTrino(), System.out)
                .execute("backfill", spec.commandLine().getParseResult().originalArgs(), true);
    }
}
