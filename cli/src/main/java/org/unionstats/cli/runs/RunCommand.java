package org.unionstats.cli.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.unionstats.cli.CliContext;
import org.unionstats.runs.RunDriver;
import org.unionstats.runs.RunSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

@Command(name = "run", mixinStandardHelpOptions = true, description = {
        "Ingest an inbox (all of it, --period P, or --from P --to P), compute the KPIs it changed, and publish to the local Trino when it runs.",
        "Unchanged input: nothing done beyond detecting that. Exit codes: 0 success or unchanged, 1 failed (published tables as",
        "they were), 2 bad arguments, 3 refused by the data-quality gate, 4 the warehouse is busy with another run."})
public final class RunCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    RunOptions options;

    @Spec
    CommandSpec spec;

    @Unmatched
    List<String> beamArgs = new ArrayList<>();

    RunCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        RunSettings settings = options.settings(context, beamArgs);
        JsonLogs.use(settings.logFormat());
        return new RunDriver(settings, context.kpiJob(), context.publishStep(), System.out)
                .execute("run", spec.commandLine().getParseResult().originalArgs(), false).code();
    }
}
