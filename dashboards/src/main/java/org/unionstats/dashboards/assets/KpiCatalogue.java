package org.unionstats.dashboards.assets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The KPI catalogue read from the repository's schemas/kpis/*.yaml, in file and catalogue order. */
public final class KpiCatalogue {

    private final Map<String, Kpi> kpis;

    private KpiCatalogue(Map<String, Kpi> kpis) {
        this.kpis = kpis;
    }

    public static KpiCatalogue load(Path folder) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, Kpi> kpis = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the KPI catalogue in " + folder + ": " + e.getMessage(), e);
        }
        for (Path file : files) {
            JsonNode doc;
            try {
                doc = yaml.readTree(file.toFile());
            } catch (IOException e) {
                throw new IllegalStateException(file + " is not valid YAML: " + e.getMessage(), e);
            }
            String family = doc.path("family").asText();
            for (JsonNode k : doc.path("kpis")) {
                JsonNode ratio = k.path("ratio");
                Kpi kpi = new Kpi(k.path("id").asText(), family, k.path("name_zh").asText(), k.path("name_en").asText(),
                        k.path("description").asText(""), k.path("unit").asText(""), k.path("additivity").asText(""),
                        k.path("better").asText("none"), ratio.isObject() ? ratio.path("numerator").asText() : null,
                        ratio.isObject() ? ratio.path("denominator").asText() : null, ratio.path("scale").asDouble(1));
                kpis.put(kpi.id(), kpi);
            }
        }
        if (kpis.isEmpty()) {
            throw new IllegalStateException("no KPIs in " + folder);
        }
        return new KpiCatalogue(kpis);
    }

    public Kpi get(String id) {
        Kpi kpi = kpis.get(id);
        if (kpi == null) {
            throw new IllegalArgumentException("no KPI '" + id + "' in the catalogue");
        }
        return kpi;
    }

    public List<Kpi> all() {
        return new ArrayList<>(kpis.values());
    }
}
