package org.unionstats.regions;

import java.io.Serializable;
import java.util.Objects;

/**
 * One row of the region dimension (schemas/reference/regions.csv).
 *
 * <p>Absent values are {@code null}, never the empty string: the national root has no parent, province or
 * city; a province has no city; a county-level unit directly under a province (Beijing's districts, 济源市 …)
 * has no city; {@code zoneType} is null for ordinary units.
 *
 * @param code 6-digit code, e.g. {@code 130306}; the national root is {@code 000000}
 * @param name Chinese name, e.g. {@code 抚宁区}
 * @param level level in the hierarchy
 * @param parentCode code of the parent, null only for the national root
 * @param provinceCode code of the province the unit belongs to (its own code for a province)
 * @param cityCode code of the prefecture-level city the unit belongs to (its own code for a city)
 * @param zoneType {@code functional_zone}, {@code nbs_only}, or null
 */
public record Region(
        String code,
        String name,
        RegionLevel level,
        String parentCode,
        String provinceCode,
        String cityCode,
        String zoneType)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** {@code zone_type} of the NBS functional zones (开发区, 高新区, 新区 …, codes xxxx7x). */
    public static final String FUNCTIONAL_ZONE = "functional_zone";

    /** {@code zone_type} of units that exist in the NBS code list but not in GB/T 2260. */
    public static final String NBS_ONLY = "nbs_only";

    public Region {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        parentCode = blankToNull(parentCode);
        provinceCode = blankToNull(provinceCode);
        cityCode = blankToNull(cityCode);
        zoneType = blankToNull(zoneType);
    }

    /** True for NBS functional zones (开发区, 高新区, 新区 …), which have no GB/T 2260 code. */
    public boolean isFunctionalZone() {
        return FUNCTIONAL_ZONE.equals(zoneType);
    }

    /** True for units that only the NBS code list has (e.g. 加格达奇区 232761). */
    public boolean isNbsOnly() {
        return NBS_ONLY.equals(zoneType);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
