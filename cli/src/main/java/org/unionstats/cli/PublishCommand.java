package org.unionstats.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publish a warehouse to the running Trino: schemas warehouse, kpi and ops, external Parquet tables with",
                "their partitions synced, views, and comments (the data dictionary). Safe to repeat; 'run' does it by itself."})
final class PublishCommand implements Callable<Integer> {

    private final Serving serving;

    @Option(names = "--warehouse", required = true, description = "Warehouse root (local folder).")
    Path warehouse;

    PublishCommand(CliContext context) {
        this.serving = context.serving();
    }

    @Override
    public Integer call() throws Exception {
        Arguments.require(Files.isDirectory(warehouse), "--warehouse: no warehouse folder " + warehouse);
        System.out.println(serving.publish(serving.runningTrino(), warehouse).describe());
        return 0;
    }
}
