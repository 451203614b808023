package org.unionstats.cli;

import org.unionstats.cli.ingest.IngestCommand;
import org.unionstats.cli.kpi.KpiCommand;
import org.unionstats.cli.kpi.KpisCommand;
import org.unionstats.cli.kpi.ScorecardCommand;
import org.unionstats.cli.letters.EvaluationCommand;
import org.unionstats.cli.letters.LetterCommand;
import org.unionstats.cli.runs.BackfillCommand;
import org.unionstats.cli.runs.RunCommand;
import org.unionstats.cli.runs.RunsCommand;
import org.unionstats.cli.samples.GenerateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/unionstats}: the front door for every job. */
@Command(name = "unionstats",
        mixinStandardHelpOptions = true,
        version = "unionstats 0.1.0",
        description = "Trade-union statistics warehouse: sample data, ingestion, KPIs, serving through Trino.",
        subcommands = {GenerateCommand.class, IngestCommand.class, KpiCommand.class, KpisCommand.class, RunCommand.class,
                ScorecardCommand.class, LetterCommand.class, EvaluationCommand.class, DemoCommand.class, BenchCommand.class,
                TrinoCommand.class, PublishCommand.class, QueryCommand.class, CredentialsCommand.class,
                SupersetCommand.class, DashboardsCommand.class,
                BackfillCommand.class, RunsCommand.class,
                CommandLine.HelpCommand.class})
public final class UnionStats {

    public static void main(String[] args) {
        System.exit(commandLine(CliContext.fromSystem()).execute(args));
    }

    /** The command line of this process as it is now (the tests set system properties before they build one). */
    static CommandLine commandLine() {
        return commandLine(CliContext.fromSystem());
    }

    static CommandLine commandLine(CliContext context) {
        CommandLine cli = new CommandLine(new UnionStats(), new CommandFactory(context));
        cli.setExecutionExceptionHandler(new ClearErrors());
        // SQL may start with a comment ("-- ..."): an argument, not an option.
        cli.getSubcommands().get("query").setUnmatchedOptionsArePositionalParams(true);
        return cli;
    }
}
