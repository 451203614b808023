package org.unionstats.cli;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.concurrent.Callable;
import org.unionstats.serving.query.QueryRunner;
import org.unionstats.serving.query.ResultFormat;
import org.unionstats.serving.query.ResultTable;
import org.unionstats.serving.query.TrinoConnections;
import org.unionstats.serving.security.TrinoUsers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run one SQL statement on the local Trino (through JDBC) and print the result.",
                "Tables are unionstats.<schema>.<table>; the default schema is kpi."})
final class QueryCommand implements Callable<Integer> {

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

    @Override
    public Integer call() throws Exception {
        if (json && csv) {
            throw new IllegalArgumentException("choose one of --json and --csv");
        }
        String statement = "-".equals(sql) ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8) : sql;
        ResultTable result;
        try (Connection trino = TrinoConnections.open(Serving.runningTrino(), user)) {
            trino.setSchema("kpi");
            result = QueryRunner.run(trino, statement, maxRows);
        }
        System.out.print(json ? ResultFormat.json(result) : csv ? ResultFormat.csv(result) : ResultFormat.table(result));
        return 0;
    }
}
