package org.unionstats.dashboards.superset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.unionstats.dashboards.assets.WarehouseDatasets;
import org.unionstats.environment.Environment;

/**
 * The Python that serves the letters' PDFs inside Superset and the Java around it agree: the address the dataset's links
 * point at, the dataset whose row decides access, and the variable that names the archives.
 */
class LetterServingTest {

    static final Path SUPERSET = Path.of(System.getProperty("unionstats.root", "..")).toAbsolutePath().normalize().resolve("dashboards/superset");

    private static String assignment(String python, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + " = \"([^\"]*)\"$").matcher(python);
        assertThat(m.find()).as(name + " in unionstats_letters.py").isTrue();
        return m.group(1);
    }

    @Test
    void theBlueprintServesWhereTheLinksPointForTheRowsOfTheLettersDataset() throws Exception {
        String python = Files.readString(SUPERSET.resolve("unionstats_letters.py"));
        assertThat(python).contains("url_prefix=\"" + WarehouseDatasets.LETTERS_URL.replaceAll("/$", "") + "\"");
        assertThat(assignment(python, "DATASET")).isEqualTo(WarehouseDatasets.ISSUED_LETTERS);

        SupersetServer server = new SupersetServer(SupersetSettings.of(new Environment(Path.of("/srv/unionstats"), Path.of("/srv/state"),
                Map.of())), new Environment(Path.of("/srv/unionstats"), Path.of("/srv/state"), Map.of()), m -> {});
        assertThat(server.variables()).containsEntry(assignment(python, "ARCHIVES_VARIABLE"), "/srv/state/trino/files/warehouses/*/_letters");
    }

    @Test
    void supersetRegistersTheBlueprint() throws Exception {
        String config = Files.readString(SUPERSET.resolve("superset_config.py"));
        assertThat(config).contains("from unionstats_letters import blueprint as _letters").containsPattern("(?m)^BLUEPRINTS = \\[_letters\\]$");
    }
}
