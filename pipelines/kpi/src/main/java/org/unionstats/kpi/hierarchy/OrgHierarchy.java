package org.unionstats.kpi.hierarchy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.unionstats.kpi.engine.SqlStage;
import org.unionstats.regions.Region;
import org.unionstats.regions.RegionDirectory;

/**
 * The union hierarchy: regional federations from the region dimension (national → province →
 * city → county; ragged where districts sit directly under a province-rank federation), and
 * basic-level unions from org_units under them. Gives the {@code dim_orgs} dimension and the
 * {@code org_ancestors} bridge (every org with itself and all its ancestors) that roll-ups join.
 */
public final class OrgHierarchy {

    public static final StructType DIM_SCHEMA = new StructType()
            .add("org_code", DataTypes.StringType, false)
            .add("org_name", DataTypes.StringType, false)
            .add("org_level", DataTypes.StringType, false)
            .add("union_kind", DataTypes.StringType, true)
            .add("parent_code", DataTypes.StringType, true)
            .add("region_code", DataTypes.StringType, true)
            .add("province_code", DataTypes.StringType, true)
            .add("province_name", DataTypes.StringType, true)
            .add("city_code", DataTypes.StringType, true)
            .add("city_name", DataTypes.StringType, true)
            .add("county_code", DataTypes.StringType, true)
            .add("county_name", DataTypes.StringType, true)
            .add("path_name", DataTypes.StringType, false)
            .add("is_functional_zone", DataTypes.BooleanType, false);

    public static final StructType BRIDGE_SCHEMA = new StructType()
            .add("org_code", DataTypes.StringType, false)
            .add("ancestor_code", DataTypes.StringType, false)
            .add("depth", DataTypes.IntegerType, false);

    public static final StructType GRAIN_SCHEMA = new StructType()
            .add("org_code", DataTypes.StringType, false)
            .add("unit_code", DataTypes.StringType, false)
            .add("grain", DataTypes.StringType, false);

    /** A basic-level union as org_units declares it (latest declaration). */
    public record BasicUnion(String code, String name, String kind, String parentCode, String regionCode) {

        /** The basic-level unions of the ingested {@code org_units}, each as last declared. */
        public static List<BasicUnion> declaredIn(Dataset<Row> orgUnits) {
            List<BasicUnion> unions = new ArrayList<>();
            for (Row r : SqlStage.run("basic_unions", Map.of("org_units", orgUnits)).collectAsList()) {
                unions.add(new BasicUnion(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4)));
            }
            return unions;
        }
    }

    private final RegionDirectory regions;
    private final Map<String, BasicUnion> unions = new HashMap<>();

    public OrgHierarchy(RegionDirectory regions, List<BasicUnion> basicUnions) {
        this.regions = regions;
        basicUnions.forEach(u -> unions.put(u.code(), u));
    }

    /** Parent of any org: a basic union's declared parent if known, else its county; a region's parent region. */
    String parentOf(String code) {
        BasicUnion union = unions.get(code);
        if (union != null) {
            String parent = union.parentCode();
            if (parent != null && !parent.equals(code) && (unions.containsKey(parent) || regions.contains(parent))) {
                return parent;
            }
            return code.substring(0, 6);
        }
        return regions.find(code).map(Region::parentCode).orElse(null);
    }

    /** The org itself, then its parent, up to the national root; a cycle in declarations is cut. */
    public List<String> lineage(String code) {
        List<String> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String c = code; c != null && seen.add(c); c = parentOf(c)) {
            chain.add(c);
        }
        return chain;
    }

    public Dataset<Row> bridge(SparkSession spark) {
        List<Row> rows = new ArrayList<>();
        for (String code : allCodes()) {
            List<String> chain = lineage(code);
            for (int depth = 0; depth < chain.size(); depth++) {
                rows.add(RowFactory.create(code, chain.get(depth), depth));
            }
        }
        return spark.createDataFrame(rows, BRIDGE_SCHEMA);
    }

    /**
     * The units base measures are computed at, before roll-up: every basic-level union counts at
     * the {@code basic} grain as itself and at the {@code region} grain as its nearest regional
     * federation; a regional federation counts at the {@code region} grain as itself. Pre-summing
     * at the region grain keeps the roll-up to regions proportional to the number of regions,
     * not of basic unions.
     */
    public Dataset<Row> grains(SparkSession spark) {
        List<Row> rows = new ArrayList<>();
        for (String code : allCodes()) {
            if (!unions.containsKey(code)) {
                rows.add(RowFactory.create(code, code, "region"));
                continue;
            }
            rows.add(RowFactory.create(code, code, "basic"));
            lineage(code).stream().filter(regions::contains).findFirst()
                    .ifPresent(region -> rows.add(RowFactory.create(code, region, "region")));
        }
        return spark.createDataFrame(rows, GRAIN_SCHEMA);
    }

    public Dataset<Row> dimension(SparkSession spark) {
        List<Row> rows = new ArrayList<>();
        for (String code : allCodes()) {
            BasicUnion union = unions.get(code);
            Region region = regions.find(code.substring(0, 6)).orElse(null);
            String name = union != null ? union.name() : region.name();
            String level = union != null ? "basic" : region.level().code();
            Region county = null;
            Region city = null;
            Region province = null;
            for (String c : lineage(code)) {
                Region r = regions.find(c).orElse(null);
                if (r == null) {
                    continue;
                }
                switch (r.level()) {
                    case COUNTY -> county = county == null ? r : county;
                    case CITY -> city = city == null ? r : city;
                    case PROVINCE -> province = province == null ? r : province;
                    default -> { }
                }
            }
            List<String> topDown = new ArrayList<>(lineage(code));
            Collections.reverse(topDown);
            String path = topDown.stream().skip(1)
                    .map(c -> unions.containsKey(c) ? unions.get(c).name() : regions.find(c).map(Region::name).orElse(c))
                    .reduce((a, b) -> a + "/" + b).orElse(name);
            rows.add(RowFactory.create(code, name, level, union != null ? union.kind() : null, parentOf(code),
                    region == null ? null : region.code(),
                    province == null ? null : province.code(), province == null ? null : province.name(),
                    city == null ? null : city.code(), city == null ? null : city.name(),
                    county == null ? null : county.code(), county == null ? null : county.name(),
                    path, union == null && region.isFunctionalZone()));
        }
        return spark.createDataFrame(rows, DIM_SCHEMA);
    }

    private List<String> allCodes() {
        List<String> codes = new ArrayList<>();
        regions.all().forEach(r -> codes.add(r.code()));
        unions.keySet().stream().sorted().forEach(codes::add);
        return codes;
    }
}
