package org.unionstats.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.unionstats.regions.RegionDirectory;

/**
 * Generates the scales named in {@code -Dunionstats.samples.scales=tiny,small} into
 * {@code -Dunionstats.samples.out} (default {@code target/samples}) and prints timings and row counts. Off unless
 * asked for: {@code mvn -pl pipelines/samples -am test -Dtest=ScaleTimingTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dunionstats.samples.scales=tiny,small}.
 */
@EnabledIfSystemProperty(named = "unionstats.samples.scales", matches = ".+")
class ScaleTimingTest {

    @Test
    void generateRequestedScales() {
        Path root = Path.of(System.getProperty("unionstats.samples.out", "target/samples"));
        for (String name : System.getProperty("unionstats.samples.scales").split(",")) {
            Scale scale = Scale.parse(name);
            GeneratorConfig config = new GeneratorConfig(root.resolve(scale.name()), scale, GeneratorConfig.DEFAULT_SEED,
                    GeneratorConfig.defaultPeriods(), GeneratorConfig.DEFAULT_MISTAKE_RATE,
                    Optional.ofNullable(System.getProperty("unionstats.samples.scope")));
            long t0 = System.nanoTime();
            GenerationSummary s = new SampleInboxGenerator(config, RegionDirectory.loadDefault()).generate();
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("scale %s: %.1f s, %d files, %d rows %s, member events %d (target %d), mistakes %s%n",
                    scale.name(), seconds, s.files(), s.totalRows(), s.rowsByRecordType(), s.memberEvents(),
                    scale.targetMemberEvents(), s.mistakesByKind());
            assertThat((double) s.memberEvents()).isBetween(0.8 * scale.targetMemberEvents(), 1.2 * scale.targetMemberEvents());
        }
    }
}
