package org.unionstats.samples;

import org.unionstats.regions.Region;

/**
 * How big a county-level unit is relative to an ordinary county: central districts of cities are larger,
 * county-level cities a little larger, autonomous counties and development zones smaller. A stable jitter per code
 * keeps neighbours from looking identical.
 */
final class SizeWeights {

    private SizeWeights() {}

    static double weight(Region county, long seed) {
        return base(county) * Rng.of(seed, "weight", county.code()).logNormal(1.0, 0.25);
    }

    static double base(Region county) {
        String name = county.name();
        int suffix = Integer.parseInt(county.code().substring(4));
        if (county.isFunctionalZone()) {
            return 0.6;
        }
        if (county.isNbsOnly()) {
            return 0.5;
        }
        boolean municipality = county.cityCode() == null; // districts of 北京, 天津, 上海, 重庆 and province-run units
        if (name.endsWith("区")) {
            if (municipality) {
                return suffix <= 10 ? 3.2 : 2.0;
            }
            return suffix <= 10 ? 2.6 : 1.8;
        }
        if (name.endsWith("市")) {
            return 1.6;
        }
        if (name.contains("自治") || name.endsWith("旗")) {
            return 0.8;
        }
        return 1.0;
    }
}
