package org.unionstats.contract;

import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.unionstats.text.TextNormalizer;

/** The indicator catalogue: ids, Chinese names and units that indicator_reports may use. */
public final class Indicators implements Serializable {

    private final List<Indicator> all;
    private final Map<String, Indicator> byName = new HashMap<>();

    private Indicators(List<Indicator> all) {
        this.all = List.copyOf(all);
        for (Indicator indicator : all) {
            byName.put(TextNormalizer.headerKey(indicator.id()), indicator);
            byName.putIfAbsent(TextNormalizer.headerKey(indicator.zhName()), indicator);
            indicator.nameAliases().forEach(a -> byName.putIfAbsent(TextNormalizer.headerKey(a), indicator));
        }
    }

    public static Indicators load() {
        String csv = ContractCatalog.readResource("reference/indicators.csv");
        List<Indicator> list = new ArrayList<>();
        try {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(csv))) {
                list.add(new Indicator(r.get("indicator_id"), r.get("name_zh"), r.get("unit"), r.get("unit_zh"),
                        r.get("kind"), split(r.get("name_aliases")), split(r.get("unit_aliases"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Indicators(list);
    }

    public List<Indicator> all() {
        return all;
    }

    /** Finds an indicator by id, Chinese name or alias. */
    public Optional<Indicator> find(String idOrName) {
        return Optional.ofNullable(byName.get(TextNormalizer.headerKey(idOrName)));
    }

    /**
     * How many of the indicator's units one written unit is worth: 1 when it names the unit,
     * 10 000 for 万元 against 元, empty when it disagrees with the catalogue.
     */
    public static Optional<BigDecimal> unitFactor(Indicator indicator, String written) {
        String key = TextNormalizer.headerKey(written);
        BigDecimal factor = BigDecimal.ONE;
        if (!key.isEmpty() && !matchesUnit(indicator, key)) {
            if (key.startsWith("万") && matchesUnit(indicator, key.substring(1))) {
                factor = BigDecimal.valueOf(10_000);
            } else if (key.startsWith("亿") && matchesUnit(indicator, key.substring(1))) {
                factor = BigDecimal.valueOf(100_000_000);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(factor);
    }

    private static boolean matchesUnit(Indicator indicator, String key) {
        if (key.equals(TextNormalizer.headerKey(indicator.unit())) || key.equals(TextNormalizer.headerKey(indicator.unitZh()))) {
            return true;
        }
        return indicator.unitAliases().stream().anyMatch(a -> TextNormalizer.headerKey(a).equals(key));
    }

    private static List<String> split(String cell) {
        return cell == null || cell.isBlank() ? List.of() : Arrays.asList(cell.split("\\|"));
    }
}
