package org.unionstats.cli;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.unionstats.serving.query.ResultFormat;
import org.unionstats.serving.query.ResultTable;
import org.unionstats.serving.security.TrinoUsers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run one SQL statement on the local Trino (through JDBC) and print the result.",
                "Tables are unionstats.<schema>.<table>; the default schema is kpi. CSV cells that a spreadsheet",
                "would run as a formula (starting with = + - @) get a leading '."})
final class QueryCommand implements Callable<Integer> {

    private final Serving serving;

    @Parameters(index = "0", description = "The SQL, or - to read it from standard input.")
    String sql;

    @Option(names = "--user", defaultValue = TrinoUsers.ANALYST, description = "analyst, pipeline or admin. Default: ${DEFAULT-VALUE}.")
    String user;

    @Option(names = "--json", description = "Print the rows as a JSON array of objects.")
    boolean json;

    @Option(names = "--csv", description = "Print the rows as CSV.")
    boolean csv;

    @Option(names = "--max-rows", defaultValue = "10000", description = "Stop after this many rows. Default: ${DEFAULT-VALUE}.")
    int maxRows;

    QueryCommand(CliContext context) {
        this.serving = context.serving();
    }

    @Override
    public Integer call() throws Exception {
        Arguments.require(!(json && csv), "choose one of --json and --csv");
        Arguments.require(TrinoUsers.ALL.contains(user), "--user: '" + user + "' is none of " + String.join(", ", TrinoUsers.ALL));
        Arguments.require(maxRows > 0, "--max-rows must be at least 1");
        String statement = "-".equals(sql) ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8) : sql;
        Arguments.require(!statement.isBlank(), "no SQL to run");
        ResultTable result = serving.query(user, statement, maxRows);
        System.out.print(json ? ResultFormat.json(result) : csv ? ResultFormat.csv(result) : ResultFormat.table(result));
        return 0;
    }
}
