package org.unionstats.cli.samples;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.unionstats.cli.Arguments;
import org.unionstats.period.Period;
import org.unionstats.samples.GenerationSummary;
import org.unionstats.samples.GeneratorConfig;
import org.unionstats.samples.Scale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a realistic sample inbox, as city and county unions send it (formats, encodings, mistakes).")
public final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "Folder to write the inbox to.")
    Path out;

    @Option(names = "--scale", defaultValue = "tiny",
            description = "tiny (秦皇岛), small (河北), medium (national, ~1M member events) or a number of member events. Default: ${DEFAULT-VALUE}.")
    String scale;

    @Option(names = "--seed", defaultValue = "" + GeneratorConfig.DEFAULT_SEED, description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--periods", defaultValue = GeneratorConfig.DEFAULT_PERIOD_RANGE,
            description = "Period or range, e.g. 2024Q3 or 2023Q1..2024Q4. Default: ${DEFAULT-VALUE}.")
    String periods;

    @Option(names = "--mistakes", defaultValue = "" + GeneratorConfig.DEFAULT_MISTAKE_RATE,
            description = "Share of rows with a realistic mistake (0 to 1). Default: ${DEFAULT-VALUE}.")
    double mistakes;

    @Option(names = "--region", description = "Only this region's subtree (a 6-digit code), overriding the scale's.")
    String region;

    @Override
    public Integer call() {
        List<Period> range = Arguments.parse(() -> Period.parseRange(periods));
        Scale size = Arguments.parse(() -> Scale.parse(scale));
        GeneratorConfig config = Arguments.parse(() -> new GeneratorConfig(out, size, seed, range, mistakes, Optional.ofNullable(region)));
        long start = System.nanoTime();
        GenerationSummary summary = SampleInboxes.withDefaultRegions().generate(config);
        System.out.printf("wrote %,d files to %s in %.1f s%n", summary.files(), out, (System.nanoTime() - start) / 1e9);
        summary.rowsByRecordType().forEach((type, rows) -> System.out.printf("  %-20s %,10d rows%n", type, rows));
        long mistakesTotal = summary.mistakesByKind().values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("  injected mistakes: %,d (see %s)%n", mistakesTotal, out.resolve(GenerationSummary.FILE_NAME));
        return 0;
    }
}
