package org.unionstats.cli;

import org.unionstats.runs.PseudonymKeys;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.unionstats.runs.RunDriver;
import org.unionstats.runs.RunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

@Command(name = "run", mixinStandardHelpOptions = true, description = {
        "Ingest an inbox (all of it, --period P, or --from P --to P), compute the KPIs it changed, and publish to the local Trino when it runs.",
        "Unchanged input: nothing done beyond detecting that. Exit codes: 0 success or unchanged, 1 failed (published tables as",
        "they were), 2 bad arguments, 3 refused by the data-quality gate, 4 the warehouse is busy with another run."})
final class RunCommand implements Callable<Integer> {

    @Mixin
    RunOptions options;

    @Spec
    CommandSpec spec;

    @Unmatched
    List<String> beamArgs = new ArrayList<>();

    @Override
    public Integer call() {
        return new RunDriver(options, PseudonymKeys.load(options.keyFile), beamArgs, TrinoPublishStep.localTrino(), System.out)
                .execute("run", spec.commandLine().getParseResult().originalArgs(), false);
    }
}
