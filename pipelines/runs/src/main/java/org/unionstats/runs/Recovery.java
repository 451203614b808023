package org.unionstats.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What a killed run can leave besides the ingest's staging and publish journal (which the ingest
 * recovers itself): Spark's hidden per-job staging folders inside the KPI tables. Readers ignore
 * them; they are removed once the next run holds the lock. The KPI job redoes the periods itself,
 * as its state is saved only after all its tables are written.
 */
final class Recovery {

    private Recovery() {}

    static void clearSparkLeftovers(Path warehouse) {
        try (Stream<Path> tables = Files.list(warehouse)) {
            for (Path table : tables.filter(Files::isDirectory).toList()) {
                String name = table.getFileName().toString();
                if (name.startsWith("_") || name.startsWith(".")) {
                    continue;
                }
                try (Stream<Path> children = Files.list(table)) {
                    for (Path child : children.toList()) {
                        String c = child.getFileName().toString();
                        if (c.startsWith(".spark-staging-") || c.equals("_temporary")) {
                            deleteTree(child);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear what the killed run left in " + warehouse, e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
