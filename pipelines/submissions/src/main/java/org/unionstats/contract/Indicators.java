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
import org.unionstats.values.Unit;

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
     * How many of an indicator's (or a KPI's) units one written unit (the 单位 column) is worth: 1 when it names
     * the unit ({@link CatalogueMeasure#measure}: 元, 人民币, 名 for persons ...), 10 000 for 万元 against 元, 10⁸
     * for 亿元; empty when it disagrees with the catalogue. Empty or blank means the catalogue's unit.
     */
    public static Optional<BigDecimal> unitFactor(CatalogueMeasure indicator, String written) {
        String key = TextNormalizer.headerKey(written == null ? "" : written);
        if (key.isEmpty()) {
            return Optional.of(BigDecimal.ONE);
        }
        Unit unit = indicator.measure();
        if (unit.accepts(key)) {
            return Optional.of(BigDecimal.ONE);
        }
        if (key.length() > 1 && key.startsWith("万") && unit.accepts(key.substring(1))) {
            return Optional.of(BigDecimal.valueOf(10_000));
        }
        if (key.length() > 1 && key.startsWith("亿") && unit.accepts(key.substring(1))) {
            return Optional.of(BigDecimal.valueOf(100_000_000));
        }
        return Optional.empty();
    }

    private static List<String> split(String cell) {
        return cell == null || cell.isBlank() ? List.of() : Arrays.asList(cell.split("\\|"));
    }
}
