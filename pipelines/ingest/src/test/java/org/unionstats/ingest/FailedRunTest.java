package org.unionstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.ingest.warehouse.Publisher;
import org.unionstats.warehouse.WarehouseLayout;

/** A run that fails leaves the published tables as they were; a publish cut short is completed by the next run. */
class FailedRunTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    private IngestSummary ingest(Path inbox, Path warehouse) {
        return new IngestRunner(m -> { }).run(new IngestConfig(inbox.toString(), warehouse.toString(), KEY, 1, List.of()));
    }

    @Test
    void aRunThatCannotWriteLeavesThePublishedTablesAlone() throws Exception {
        Path inbox = tmp.resolve("inbox");
        Path warehouse = tmp.resolve("warehouse");
        FixtureInbox.write(inbox);
        ingest(inbox, warehouse);
        List<String> before = snapshot(warehouse);

        // A correction arrives, but the run cannot write its staging folder (a file is in the way).
        FixtureInbox.csv(inbox, "130306/2024Q3/会员变动-第二版.csv", StandardCharsets.UTF_8, false,
                "会员编号,所属工会代码,变动类型,变动日期", "HY0009,130306-0001,入会,2024-07-09");
        Files.writeString(warehouse.resolve("_staging"), "in the way");
        assertThatThrownBy(() -> ingest(inbox, warehouse))
                .isInstanceOf(IngestFailedException.class)
                .hasMessageContaining("published tables unchanged");
        Files.delete(warehouse.resolve("_staging"));
        assertThat(snapshot(warehouse)).isEqualTo(before);

        // The next run completes normally and picks the correction up.
        IngestSummary next = ingest(inbox, warehouse);
        assertThat(next.files()).extracting(IngestSummary.FileReceipt::path).containsExactly("130306/2024Q3/会员变动-第二版.csv");
    }

    @Test
    void anInterruptedPublishIsCompletedByTheNextRun() throws Exception {
        Path warehouse = tmp.resolve("warehouse");
        WarehouseLayout layout = new WarehouseLayout(warehouse.toString());
        // A run staged a new partition file and wrote its journal, then died before moving anything.
        Path staged = warehouse.resolve("_staging/run1/member_events/period=2024Q3/part-run1-00000-of-00001.parquet");
        Path old = warehouse.resolve("member_events/period=2024Q3/part-run0-00000-of-00001.parquet");
        Files.createDirectories(staged.getParent());
        Files.createDirectories(old.getParent());
        Files.writeString(staged, "new");
        Files.writeString(old, "old");
        Publisher publisher = new Publisher(layout);
        Publisher.Journal journal = publisher.plan("run1", List.<String[]>of(new String[] {"member_events", "2024Q3"}), List.of());
        assertThat(journal.deletes()).containsExactly(old.toString());
        Files.createDirectories(warehouse.resolve("_publish"));
        Files.writeString(warehouse.resolve("_publish/run1.json"), new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(journal));

        assertThat(publisher.recover()).isEqualTo(1);

        Path published = warehouse.resolve("member_events/period=2024Q3/part-run1-00000-of-00001.parquet");
        assertThat(published).hasContent("new");
        assertThat(old).doesNotExist();
        assertThat(warehouse.resolve("_publish/run1.json")).doesNotExist();
        assertThat(warehouse.resolve("_staging")).doesNotExist();
        // Recovering again finds nothing to do.
        assertThat(publisher.recover()).isZero();
    }

    private static List<String> snapshot(Path warehouse) throws Exception {
        try (Stream<Path> files = Files.walk(warehouse)) {
            return files.filter(Files::isRegularFile).map(p -> warehouse.relativize(p) + ":" + p.toFile().lastModified()).sorted().toList();
        }
    }
}
