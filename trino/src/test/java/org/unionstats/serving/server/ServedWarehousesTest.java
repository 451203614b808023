package org.unionstats.serving.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.environment.Environment;

/** Publishing links a warehouse into the catalog's file-system root; nothing else is reachable from there. */
class ServedWarehousesTest {

    @TempDir
    Path dir;

    private ServedWarehouses served() {
        return ServedWarehouses.of(TrinoConfig.of(new Environment(dir, dir.resolve("state"), Map.of())));
    }

    @Test
    void aWarehouseIsReachedThroughALinkInsideTheRoot() throws Exception {
        Path warehouse = Files.createDirectories(dir.resolve("demo/warehouse"));
        Files.createDirectories(warehouse.resolve("member_events/period=2024Q3"));
        String expected = served().locationOf(warehouse);
        String location = served().link(warehouse);
        assertThat(location).isEqualTo(expected);
        assertThat(location).startsWith("local:///warehouses/warehouse-").doesNotContain(dir.toString());
        TrinoConfig config = TrinoConfig.of(new Environment(dir, dir.resolve("state"), Map.of()));
        Path link = config.fileSystemRoot().resolve(location.substring("local:///".length()));
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(link.resolve("member_events/period=2024Q3")).isDirectory();
        assertThat(served().target(location)).contains(warehouse.toRealPath());

        assertThat(served().link(dir.resolve("demo/./warehouse"))).as("the same warehouse, the same link").isEqualTo(location);
        Path other = Files.createDirectories(dir.resolve("other/warehouse"));
        String second = served().link(other);
        assertThat(second).as("two warehouses of the same name differ").isNotEqualTo(location);

        assertThat(served().keepOnly(second)).hasSize(1);
        assertThat(Files.exists(link)).as("the warehouse published before is no longer reachable").isFalse();
        assertThat(served().target(second)).contains(other.toRealPath());
    }

    @Test
    void aLocationOutsideTheLinksIsNoWarehouse() throws Exception {
        served().link(Files.createDirectories(dir.resolve("warehouse")));
        assertThat(served().target("local:///warehouses/../../..")).isEmpty();
        assertThat(served().target("local://" + dir.resolve("warehouse"))).isEmpty();
        assertThat(served().target("file:///etc")).isEmpty();
    }

    @Test
    void aWarehouseThatHoldsTheStateFolderOrDoesNotExistIsRefused() {
        assertThatThrownBy(() -> served().link(dir)).hasMessageContaining("must not contain each other");
        assertThatThrownBy(() -> served().link(dir.resolve("nowhere"))).hasMessageContaining("no warehouse folder");
    }

    @Test
    void namesAreReadableStableAndSafe() {
        assertThat(ServedWarehouses.name(Path.of("/srv/unionstats/warehouse"))).matches("warehouse-[0-9a-f]{12}")
                .isEqualTo(ServedWarehouses.name(Path.of("/srv/unionstats/warehouse")));
        assertThat(ServedWarehouses.name(Path.of("/srv/../仓库 x"))).matches("[A-Za-z0-9._-]+-[0-9a-f]{12}");
        assertThat(ServedWarehouses.name(Path.of("/srv/.hidden"))).startsWith("_hidden-");
    }
}
