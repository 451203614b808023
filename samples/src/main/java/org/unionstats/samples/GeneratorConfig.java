package org.unionstats.samples;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.unionstats.period.Period;

/**
 * What to generate.
 *
 * @param out the inbox root; submitter folders are created below it
 * @param scale how much to generate and, by default, where
 * @param seed the same seed and config give the same files
 * @param periods reporting periods, in order (usually quarters)
 * @param mistakeRate share of rows that carry a realistic mistake (0 for a clean inbox)
 * @param regionScope a region code overriding the scale's default scope ({@code 130300}, {@code 000000} …)
 */
public record GeneratorConfig(
        Path out, Scale scale, long seed, List<Period> periods, double mistakeRate, Optional<String> regionScope) {

    public static final double DEFAULT_MISTAKE_RATE = 0.02;
    public static final String DEFAULT_PERIOD_RANGE = "2023Q1..2024Q4";
    public static final long DEFAULT_SEED = 20240930L;

    public GeneratorConfig {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(periods, "periods");
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("at least one period is needed");
        }
        periods = periods.stream().sorted().distinct().toList();
        if (mistakeRate < 0 || mistakeRate > 0.5) {
            throw new IllegalArgumentException("mistake rate must lie in [0, 0.5]: " + mistakeRate);
        }
        regionScope = regionScope == null ? Optional.empty() : regionScope.map(String::strip).filter(s -> !s.isEmpty());
    }

    /** The default periods 2023Q1..2024Q4. */
    public static List<Period> defaultPeriods() {
        return Period.parseRange(DEFAULT_PERIOD_RANGE);
    }

    /** A config with the default seed, periods, mistake rate and the scale's own scope. */
    public static GeneratorConfig defaults(Path out, Scale scale) {
        return new GeneratorConfig(out, scale, DEFAULT_SEED, defaultPeriods(), DEFAULT_MISTAKE_RATE, Optional.empty());
    }

    /** The region whose county-level units are generated: the override, else the scale's default. */
    public String effectiveScope() {
        return regionScope.orElse(scale.defaultRegionScope());
    }

    public GeneratorConfig withOut(Path newOut) {
        return new GeneratorConfig(newOut, scale, seed, periods, mistakeRate, regionScope);
    }

    public GeneratorConfig withSeed(long newSeed) {
        return new GeneratorConfig(out, scale, newSeed, periods, mistakeRate, regionScope);
    }

    public GeneratorConfig withMistakeRate(double rate) {
        return new GeneratorConfig(out, scale, seed, periods, rate, regionScope);
    }
}
