package org.unionstats.regions;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The region dimension: national root, provinces, prefecture-level cities and county-level units, loaded from
 * {@code schemas/reference/regions.csv} (built by {@code schemas/reference/build_regions.py}).
 *
 * <p>The hierarchy is ragged: county-level units of the municipalities and the province-administered
 * county-level units (e.g. 110101 东城区, 419001 济源市) hang directly under their province.
 *
 * <p>Instances are immutable and thread-safe, and {@link Serializable} so they can be shipped to Beam workers.
 * Every lookup by an unknown (or null) code yields an empty result, except {@link #pathName(String)}.
 */
public final class RegionDirectory implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Classpath location of the dimension shipped by the common module. */
    public static final String DEFAULT_RESOURCE = "unionstats/schemas/reference/regions.csv";

    /** Code of the national root row. */
    public static final String ROOT_CODE = "000000";

    private static final String[] REQUIRED_COLUMNS = {
        "code", "name", "level", "parent_code", "province_code", "city_code", "zone_type"
    };

    private static final Comparator<Region> BY_CODE = Comparator.comparing(Region::code);

    /** All regions, sorted by code. */
    private final List<Region> regions;
    /** Code → region. */
    private final Map<String, Region> byCode;
    /** Parent code → children sorted by code. */
    private final Map<String, List<Region>> childrenByCode;

    private RegionDirectory(List<Region> sortedRegions) {
        Map<String, Region> index = new HashMap<>();
        for (Region r : sortedRegions) {
            if (index.putIfAbsent(r.code(), r) != null) {
                throw new IllegalArgumentException("duplicate region code " + r.code());
            }
        }
        Map<String, List<Region>> kids = new HashMap<>();
        int roots = 0;
        for (Region r : sortedRegions) {
            if (r.parentCode() == null) {
                if (r.level() != RegionLevel.NATIONAL) {
                    throw new IllegalArgumentException("region " + r.code() + " has no parent");
                }
                roots++;
                continue;
            }
            Region parent = index.get(r.parentCode());
            if (parent == null) {
                throw new IllegalArgumentException(
                        "region " + r.code() + " has unknown parent " + r.parentCode());
            }
            // A parent sits strictly above its child, which also rules out cycles.
            if (parent.level().ordinal() >= r.level().ordinal()) {
                throw new IllegalArgumentException("region " + r.code() + " (" + r.level().code()
                        + ") has parent " + parent.code() + " at level " + parent.level().code());
            }
            kids.computeIfAbsent(r.parentCode(), k -> new ArrayList<>()).add(r);
        }
        if (roots != 1) {
            throw new IllegalArgumentException("expected exactly one national root, found " + roots);
        }
        Map<String, List<Region>> frozenKids = new HashMap<>();
        kids.forEach((k, v) -> frozenKids.put(k, List.copyOf(v))); // already in code order
        this.regions = List.copyOf(sortedRegions);
        this.byCode = Map.copyOf(index);
        this.childrenByCode = Map.copyOf(frozenKids);
    }

    /** The dimension shipped on the classpath at {@value #DEFAULT_RESOURCE}; loaded once and shared. */
    public static RegionDirectory loadDefault() {
        return DefaultHolder.INSTANCE;
    }

    private static final class DefaultHolder {
        static final RegionDirectory INSTANCE = loadResource(DEFAULT_RESOURCE);
    }

    private static RegionDirectory loadResource(String resource) {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        if (cl == null) {
            cl = RegionDirectory.class.getClassLoader();
        }
        InputStream in = cl.getResourceAsStream(resource);
        if (in == null) {
            in = RegionDirectory.class.getClassLoader().getResourceAsStream(resource);
        }
        if (in == null) {
            throw new IllegalStateException("classpath resource not found: " + resource);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * Reads a regions.csv (header row with at least the columns code, name, level, parent_code,
     * province_code, city_code, zone_type; other columns are ignored). The reader is read to the end; closing
     * it is left to the caller.
     *
     * @throws IllegalArgumentException if the data is malformed (missing columns, duplicate codes, unknown
     *     level, dangling parent, not exactly one national root)
     * @throws UncheckedIOException if reading fails
     */
    public static RegionDirectory load(Reader csv) {
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .get();
        TreeMap<String, Region> sorted = new TreeMap<>();
        try {
            CSVParser parser = CSVParser.parse(csv, format);
            Map<String, Integer> header = parser.getHeaderMap();
            for (String column : REQUIRED_COLUMNS) {
                if (!header.containsKey(column)) {
                    throw new IllegalArgumentException("regions csv lacks column " + column
                            + " (header: " + header.keySet() + ")");
                }
            }
            for (CSVRecord rec : parser) {
                String code = rec.get("code").strip();
                if (!code.matches("\\d{6}")) {
                    throw new IllegalArgumentException(
                            "line " + rec.getRecordNumber() + ": bad region code '" + code + "'");
                }
                Region region = new Region(
                        code,
                        rec.get("name").strip(),
                        RegionLevel.fromCode(rec.get("level")),
                        rec.get("parent_code"),
                        rec.get("province_code"),
                        rec.get("city_code"),
                        rec.get("zone_type"));
                if (sorted.putIfAbsent(code, region) != null) {
                    throw new IllegalArgumentException("duplicate region code " + code);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read regions csv", e);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("malformed regions csv: " + e.getMessage(), e);
        }
        return new RegionDirectory(new ArrayList<>(sorted.values()));
    }

    /** The region with this code, or empty. */
    public Optional<Region> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    /** Whether a region with this code exists. */
    public boolean contains(String code) {
        return code != null && byCode.containsKey(code);
    }

    /** Direct children sorted by code; empty for a county-level unit or an unknown code. */
    public List<Region> children(String code) {
        if (code == null) {
            return List.of();
        }
        return childrenByCode.getOrDefault(code, List.of());
    }

    /**
     * Ancestors from the parent up to and including the national root, e.g. for 130306:
     * 130300, 130000, 000000. Empty for the root and for an unknown code.
     */
    public List<Region> ancestors(String code) {
        Region r = code == null ? null : byCode.get(code);
        if (r == null) {
            return List.of();
        }
        List<Region> out = new ArrayList<>(3);
        while (r.parentCode() != null) {
            r = byCode.get(r.parentCode());
            out.add(r);
        }
        return List.copyOf(out);
    }

    /**
     * All county-level units strictly below this region (functional zones and NBS-only units included),
     * sorted by code. Empty for a county-level unit itself and for an unknown code; for the national root,
     * every county-level unit.
     */
    public List<Region> countiesUnder(String code) {
        if (!contains(code)) {
            return List.of();
        }
        List<Region> out = new ArrayList<>();
        Deque<Region> stack = new ArrayDeque<>(children(code));
        while (!stack.isEmpty()) {
            Region r = stack.pop();
            if (r.level() == RegionLevel.COUNTY) {
                out.add(r);
            }
            stack.addAll(children(r.code()));
        }
        out.sort(BY_CODE);
        return List.copyOf(out);
    }

    /** Every region (national root included), sorted by code. */
    public List<Region> all() {
        return regions;
    }

    /** Number of regions, national root included. */
    public int size() {
        return regions.size();
    }

    /**
     * Names from the province down to this region, joined by '/', e.g. {@code 河北省/秦皇岛市/抚宁区} for 130306
     * or {@code 北京市/东城区} for 110101. The national root's path is its own name ({@code 全国}).
     *
     * @throws NoSuchElementException for an unknown code
     */
    public String pathName(String code) {
        Region r = find(code).orElseThrow(() -> new NoSuchElementException("unknown region code: " + code));
        if (r.level() == RegionLevel.NATIONAL) {
            return r.name();
        }
        Deque<String> names = new ArrayDeque<>();
        for (Region cur = r; cur != null && cur.level() != RegionLevel.NATIONAL;
                cur = cur.parentCode() == null ? null : byCode.get(cur.parentCode())) {
            names.addFirst(cur.name());
        }
        return String.join("/", names);
    }

    @Override
    public String toString() {
        return "RegionDirectory[" + regions.size() + " regions]";
    }
}
