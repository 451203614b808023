package org.unionstats.samples;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.unionstats.contract.ContractCatalog;
import org.unionstats.contract.Indicator;
import org.unionstats.contract.Indicators;
import org.unionstats.contract.RecordType;
import org.unionstats.contract.SourceColumn;
import org.unionstats.contract.TargetKpis;

/**
 * The contract as the generator needs it: per record type the columns (English and Chinese headers, required
 * flags) and, for enumerations, the Chinese label of each English code; the indicator catalogue; and the names of the
 * KPIs a target may name. Everything is
 * read from the common module's catalogue so that the samples follow the contract when it changes.
 */
final class Catalog {

    /** One column of a record type. */
    record Column(String name, String zh, boolean required, Map<String, String> labelByCode) {
        boolean isEnum() {
            return !labelByCode.isEmpty();
        }
    }

    private final Map<RecordType, List<Column>> columns = new EnumMap<>(RecordType.class);
    private final List<Indicator> indicators;
    private final TargetKpis targetKpis;

    private Catalog(ContractCatalog contract, Indicators indicatorCatalogue) {
        this.targetKpis = contract.targetKpis();
        for (RecordType type : RecordType.values()) {
            List<Column> list = new ArrayList<>();
            for (SourceColumn c : contract.columns(type)) {
                list.add(new Column(c.name(), c.zh(), c.required(), invert(c.labels())));
            }
            columns.put(type, List.copyOf(list));
        }
        this.indicators = List.copyOf(indicatorCatalogue.all());
    }

    static Catalog load() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final Catalog INSTANCE = new Catalog(ContractCatalog.load(), Indicators.load());
    }

    /** Code → Chinese label; when several labels share a code the shortest (then first in order) wins. */
    private static Map<String, String> invert(Map<String, String> labels) {
        Map<String, String> byCode = new TreeMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(labels).entrySet()) {
            byCode.merge(e.getValue(), e.getKey(), (a, b) -> b.length() < a.length() ? b : a);
        }
        return Collections.unmodifiableMap(byCode);
    }

    List<Column> columns(RecordType type) {
        return columns.get(type);
    }

    Column column(RecordType type, String name) {
        for (Column c : columns.get(type)) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("the contract has no column " + name + " in " + type.code());
    }

    /** The Chinese label of an enumeration code, or the code itself when the catalogue has none. */
    String label(RecordType type, String column, String code) {
        return column(type, column).labelByCode().getOrDefault(code, code);
    }

    List<Indicator> indicators() {
        return indicators;
    }

    /** Every name a target letter may give a targetable KPI: its id, Chinese name and aliases. */
    List<String> kpiNames(String kpiId) {
        return targetKpis.find(kpiId).orElseThrow(() -> new IllegalArgumentException("KPI " + kpiId + " takes no target")).names();
    }
}
