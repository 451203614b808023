package org.unionstats.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.unionstats.contract.RecordType;
import org.unionstats.period.Period;
import org.unionstats.regions.Region;
import org.unionstats.samples.TinyInboxes.Row;

/**
 * The department opinions of the tiny inbox (秦皇岛 130300, 2023Q1..2024Q4): every quarter, one to three for each of the
 * nine county-level units, accepted by the contract, due by the end of the same or the next quarter.
 */
class OpinionsGeneratorTest {

    private final TinyInboxes.Inbox inbox = TinyInboxes.standard();
    private final List<Row> opinions = TinyInboxes.accepted(inbox, RecordType.OPINIONS);

    @Test
    void everyCountyGetsAFewOpinionsEveryQuarter() {
        List<String> counties = TinyInboxes.REGIONS.countiesUnder("130300").stream().map(Region::code).toList();
        for (Period quarter : Period.parseRange("2023Q1..2024Q4")) {
            Map<String, Long> perCounty = opinions.stream().filter(r -> r.period().equals(quarter))
                    .collect(Collectors.groupingBy(r -> r.text("county_code"), Collectors.counting()));
            assertThat(perCounty).as(quarter.canonical()).containsOnlyKeys(counties);
            assertThat(perCounty.values()).allMatch(n -> n >= 1 && n <= 3);
        }
        assertThat(opinions).allMatch(r -> r.text("issuer_code").equals("130300"));
    }

    @Test
    void opinionsAreDueThisQuarterOrTheNextAndWrittenByADepartment() {
        for (Row r : opinions) {
            Period due = Period.parse(r.text("due_period"));
            assertThat(due).isIn(r.period(), r.period().plus(1));
            assertThat(r.text("text")).startsWith("要").hasSizeLessThanOrEqualTo(300);
        }
        assertThat(opinions.stream().map(r -> r.text("department")).distinct())
                .containsExactlyInAnyOrder("组织部", "宣传教育部", "权益保障部", "经济技术部", "办公室");
        assertThat(opinions).anyMatch(r -> "members_joined".equals(r.text("kpi_id")));
    }
}
