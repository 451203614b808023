package org.unionstats.cli.samples;

import java.nio.file.Files;
import java.nio.file.Path;
import org.unionstats.errors.UnionStatsException;
import org.unionstats.regions.Region;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.regions.RegionLevel;
import org.unionstats.samples.GenerationSummary;
import org.unionstats.samples.GeneratorConfig;
import org.unionstats.samples.SampleInboxGenerator;

/** Sample inboxes as the commands share them (generate, demo, bench): generated on request, or once. */
public final class SampleInboxes {

    private final RegionDirectory regions;

    public SampleInboxes(RegionDirectory regions) {
        this.regions = regions;
    }

    public static SampleInboxes withDefaultRegions() {
        return new SampleInboxes(RegionDirectory.loadDefault());
    }

    /** Whether an inbox was generated there already (its summary file is there). */
    public static boolean isGenerated(Path inbox) {
        return Files.exists(inbox.resolve(GenerationSummary.FILE_NAME));
    }

    /** Writes the inbox; a region scope the directory does not know, or without counties, is a bad argument. */
    public GenerationSummary generate(GeneratorConfig config) {
        checkScope(config.effectiveScope());
        return new SampleInboxGenerator(config, regions).generate();
    }

    /** The generator refuses such a scope too, but only as a failure: checked first, it is the caller's mistake. */
    private void checkScope(String scope) {
        Region region = regions.find(scope).orElseThrow(() -> UnionStatsException.badArguments(
                "unknown region scope " + scope + "; expected a code of regions.csv such as 130300 or 000000"));
        if (region.level() != RegionLevel.COUNTY && regions.countiesUnder(scope).isEmpty()) {
            throw UnionStatsException.badArguments("region " + scope + " " + region.name() + " has no county-level units");
        }
    }
}
