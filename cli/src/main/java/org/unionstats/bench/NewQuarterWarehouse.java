package org.unionstats.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.unionstats.files.FileTrees;
import org.unionstats.period.Period;
import org.unionstats.period.PeriodType;
import org.unionstats.warehouse.WarehouseLayout;

/**
 * The workload of the one-new-quarter benchmark: a copy of a warehouse's ingested tables without one quarter's
 * partitions (the warehouse as it was before that quarter's submissions arrived), and those partitions put back (the
 * quarter arriving). Only the tables the ingest writes are copied: the KPI tables, and the KPI job's state, are what the
 * measured runs write.
 */
public final class NewQuarterWarehouse {

    private final Path root;
    private final Path held;
    private final List<Path> heldPartitions;

    private NewQuarterWarehouse(Path root, Path held, List<Path> heldPartitions) {
        this.root = root;
        this.held = held;
        this.heldPartitions = heldPartitions;
    }

    /** A copy of {@code source}'s ingested tables in {@code target}, with the partitions of {@code quarter} held back. */
    public static NewQuarterWarehouse withoutQuarter(Path source, Path target, Period quarter, List<String> ingestTables) {
        Path held = target.resolveSibling(target.getFileName() + "-held");
        FileTrees.deleteRecursively(held);
        copyIngested(source, target, ingestTables);
        List<Path> moved = new ArrayList<>();
        try {
            for (String table : ingestTables) {
                for (Path partition : partitions(target.resolve(table))) {
                    if (within(partition, quarter)) {
                        Path to = held.resolve(table).resolve(partition.getFileName());
                        Files.createDirectories(to.getParent());
                        Files.move(partition, to);
                        moved.add(to);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hold back " + quarter + " in " + target, e);
        }
        return new NewQuarterWarehouse(target, held, List.copyOf(moved));
    }

    /** A copy of {@code source}'s ingested tables in {@code target} (emptied first). */
    public static void copyIngested(Path source, Path target, List<String> ingestTables) {
        FileTrees.deleteRecursively(target);
        try {
            Files.createDirectories(target);
            for (String table : ingestTables) {
                Path from = source.resolve(table);
                if (Files.isDirectory(from)) {
                    copyTree(from, target.resolve(table));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the ingested tables of " + source + " to " + target, e);
        }
    }

    /**
     * A copy of this warehouse as it is (its KPI tables and the KPI job's state included) in {@code target} (emptied
     * first), with the quarter arrived there: the held-back partitions copied in. This warehouse keeps them held back.
     */
    public void copyArrived(Path target) {
        FileTrees.deleteRecursively(target);
        try {
            copyTree(root, target);
            for (Path partition : heldPartitions) {
                copyTree(partition, target.resolve(held.relativize(partition)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + root + " with the held-back partitions to " + target, e);
        }
    }

    /** Copies the folder {@code from} and everything under it to {@code to}. */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> tree = Files.walk(from)) {
            for (Path p : (Iterable<Path>) tree::iterator) {
                Path copy = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(copy);
                } else if (Files.isRegularFile(p)) {
                    Files.copy(p, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** The latest quarter any ingested table has a partition in. */
    public static Optional<Period> latestQuarter(Path warehouse, List<String> ingestTables) {
        return ingestTables.stream().flatMap(t -> partitions(warehouse.resolve(t)).stream())
                .map(NewQuarterWarehouse::periodOf).flatMap(Optional::stream)
                .map(p -> Period.containing(PeriodType.QUARTER, p.end()))
                .max(Period::compareTo);
    }

    /** The quarter's submissions arrive: its partitions are put back. */
    public void arrive() {
        try {
            for (Path partition : heldPartitions) {
                Path to = root.resolve(held.relativize(partition));
                Files.createDirectories(to.getParent());
                Files.move(partition, to);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put the held-back partitions back into " + root, e);
        }
        FileTrees.deleteRecursively(held);
    }

    public Path root() {
        return root;
    }

    /** How many table partitions were held back. */
    public int heldPartitions() {
        return heldPartitions.size();
    }

    private static boolean within(Path partition, Period quarter) {
        return periodOf(partition).filter(quarter::encloses).isPresent();
    }

    /** The period of a {@code period=<P>} folder; empty for other folders and for {@code period=unknown}. */
    private static Optional<Period> periodOf(Path partition) {
        return WarehouseLayout.periodOf(partition.getFileName().toString()).flatMap(text -> {
            try {
                return Optional.of(Period.parse(text));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    private static List<Path> partitions(Path table) {
        if (!Files.isDirectory(table)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(table)) {
            return children.filter(Files::isDirectory).filter(p -> periodOf(p).isPresent()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + table, e);
        }
    }
}
