package org.unionstats.ingest.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.unionstats.period.Period;

class IngestPlannerSelectionTest {

    private static final Predicate<Period> Q3 = p -> p != null && p.equals(Period.parse("2024Q3"));

    @Test
    void thePeriodFolderDecides() {
        assertThat(IngestPlanner.isSelected("130306/2024Q3/member_events.csv", Q3)).isTrue();
        assertThat(IngestPlanner.isSelected("130306/2024年第三季度/member_events.csv", Q3)).as("any spelling the contract reads").isTrue();
        assertThat(IngestPlanner.isSelected("130306/2024Q4/member_events.csv", Q3)).isFalse();
    }

    @Test
    void aFileWithoutAPeriodFolderGoesOnlyToAnUnrestrictedRun() {
        assertThat(IngestPlanner.isSelected("130306/member_events.csv", Q3)).isFalse();
        assertThat(IngestPlanner.isSelected("member_events.csv", Q3)).isFalse();
        assertThat(IngestPlanner.isSelected("130306/member_events.csv", p -> true)).isTrue();
    }
}
