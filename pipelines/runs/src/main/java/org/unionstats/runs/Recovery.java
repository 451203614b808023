package org.unionstats.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.unionstats.files.FileTrees;
import org.unionstats.warehouse.WarehouseLayout;

/**
 * What a killed run can leave besides the ingest's staging and publish journal (which the ingest
 * recovers itself): Spark's hidden per-job staging folders inside the KPI tables (and inside the regional KPIs the KPI
 * job keeps for its later runs, {@link WarehouseLayout#KPI_REGIONAL_WIDE}). Readers ignore
 * them; they are removed once the next run holds the lock. The KPI job redoes the periods itself,
 * as its state is saved only after all its tables are written.
 */
final class Recovery {

    private Recovery() {}

    static void clearSparkLeftovers(WarehouseLayout warehouse) {
        try (Stream<Path> tables = Stream.concat(Files.list(warehouse.localRoot()), kept(warehouse))) {
            for (Path table : tables.filter(Files::isDirectory).toList()) {
                if (WarehouseLayout.isHidden(table.getFileName().toString())) {
                    continue;
                }
                try (Stream<Path> children = Files.list(table)) {
                    for (Path child : children.toList()) {
                        String c = child.getFileName().toString();
                        if (c.startsWith(".spark-staging-") || c.equals("_temporary")) {
                            FileTrees.deleteRecursively(child);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear what the killed run left in " + warehouse.root(), e);
        }
    }

    /** The tables the KPI job keeps for its later runs, in their hidden folder. */
    private static Stream<Path> kept(WarehouseLayout warehouse) throws IOException {
        Path kept = warehouse.localRoot().resolve(WarehouseLayout.KPI_KEPT);
        return Files.isDirectory(kept) ? Files.list(kept) : Stream.empty();
    }
}
