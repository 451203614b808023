package org.unionstats.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/unionstats}: the front door for every job. */
@Command(name = "unionstats",
        mixinStandardHelpOptions = true,
        version = "unionstats 0.1.0",
        description = "Trade-union statistics warehouse: sample data, ingestion, KPIs, serving through Trino.",
        subcommands = {GenerateCommand.class, IngestCommand.class, KpiCommand.class, KpisCommand.class, RunCommand.class,
                ScorecardCommand.class, DemoCommand.class, BenchCommand.class,
                TrinoCommand.class, PublishCommand.class, QueryCommand.class, CredentialsCommand.class,
                SupersetCommand.class, DashboardsCommand.class,
                org.unionstats.cli.runs.BackfillCommand.class, org.unionstats.cli.runs.RunsCommand.class,
                CommandLine.HelpCommand.class})
public final class UnionStats {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new UnionStats());
        cli.setExecutionExceptionHandler(new ClearErrors());
        // SQL may start with a comment ("-- ..."): an argument, not an option.
        cli.getSubcommands().get("query").setUnmatchedOptionsArePositionalParams(true);
        return cli;
    }
}
