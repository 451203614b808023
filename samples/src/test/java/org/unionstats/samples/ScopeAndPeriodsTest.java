package org.unionstats.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.contract.RecordType;
import org.unionstats.period.Period;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.submission.SubmissionPath;

/** A scope override to one county, monthly periods and a plain-number scale. */
class ScopeAndPeriodsTest {

    private static final RegionDirectory REGIONS = RegionDirectory.loadDefault();

    @Test
    void oneCountyOverThreeMonths(@TempDir Path out) {
        List<Period> months = Period.parseRange("2024-01..2024-03");
        GeneratorConfig config = new GeneratorConfig(out, Scale.parse("600"), 42, months, 0.02, Optional.of("130322"));
        GenerationSummary summary = new SampleInboxGenerator(config, REGIONS).generate();

        assertThat(summary.memberEvents()).isBetween(480L, 720L);
        List<SubmissionPath> paths = InboxReader.files(out).stream()
                .map(f -> SubmissionPath.parse(out.relativize(f).toString().replace('\\', '/'), REGIONS))
                .toList();
        assertThat(paths).hasSize(summary.files());
        Set<String> submitters = paths.stream().map(SubmissionPath::submitter).collect(Collectors.toSet());
        // 昌黎县 itself, and at most the city and province above it (their competitions).
        assertThat(submitters).contains("130322").isSubsetOf("130322", "130300", "130000");
        assertThat(paths.stream().filter(p -> p.submitter().equals("130322") && p.recordType() == RecordType.MEMBER_EVENTS)
                .map(p -> p.period()).collect(Collectors.toSet())).containsAll(months);
    }

    @Test
    void unknownScopeIsRefused(@TempDir Path out) {
        GeneratorConfig config = new GeneratorConfig(out, Scale.TINY, 1, GeneratorConfig.defaultPeriods(), 0.02, Optional.of("999999"));
        assertThatThrownBy(() -> new SampleInboxGenerator(config, REGIONS).generate())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("999999");
    }
}
