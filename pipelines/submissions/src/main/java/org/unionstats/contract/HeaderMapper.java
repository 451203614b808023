package org.unionstats.contract;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unionstats.text.TextNormalizer;

/**
 * Maps a submission's header row to the contract's columns: Chinese or English names, any
 * order, spaces and full-width characters tolerated. Unknown headers are kept as extras.
 */
public final class HeaderMapper implements Serializable {

    private final Map<String, SourceColumn> byKey = new HashMap<>();

    public HeaderMapper(List<SourceColumn> columns) {
        for (SourceColumn column : columns) {
            List<String> names = new ArrayList<>(column.aliases());
            names.add(column.name());
            names.add(column.zh());
            for (String name : names) {
                byKey.putIfAbsent(TextNormalizer.headerKey(name), column);
            }
        }
    }

    /**
     * @param headers the header row as written
     * @return for each position, the contract column it fills, or null for an extra column;
     *     a second header naming an already mapped column is treated as an extra
     */
    public Mapping map(List<String> headers) {
        List<SourceColumn> positions = new ArrayList<>(headers.size());
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            SourceColumn column = byKey.get(TextNormalizer.headerKey(headers.get(i)));
            if (column != null && seen.putIfAbsent(column.name(), i) != null) {
                column = null;
            }
            positions.add(column);
        }
        return new Mapping(List.copyOf(headers), positions);
    }

    /** The header row read against the contract. */
    public record Mapping(List<String> headers, List<SourceColumn> columns) implements Serializable {

        public Mapping {
            columns = java.util.Collections.unmodifiableList(new ArrayList<>(columns));
        }

        public boolean has(SourceColumn column) {
            return columns.contains(column);
        }
    }
}
