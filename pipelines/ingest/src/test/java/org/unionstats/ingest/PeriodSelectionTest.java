package org.unionstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.period.Period;

/** {@code run --period}: only submissions of the selected periods are planned, hashed and ingested. */
class PeriodSelectionTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();

    @TempDir
    Path tmp;

    @Test
    void onlySelectedPeriodsAreIngestedAndTheRestFollowLater() throws Exception {
        Path inbox = tmp.resolve("inbox");
        FixtureInbox.write(inbox);
        FixtureInbox.csv(inbox, "130300/2024Q4/org_units.csv", StandardCharsets.UTF_8, false,
                "org_code,name,level,parent_org_code,region_code,established_on,workforce",
                "130306-0002,抚宁区某公司工会,企业,130306,130306,2012-05-01,300");
        String warehouse = tmp.resolve("warehouse").toString();

        IngestSummary q4 = ingest(inbox, warehouse, Period.parse("2024Q4"), Period.parse("2024Q4"));
        assertThat(q4.files()).extracting(IngestSummary.FileReceipt::path).containsExactly("130300/2024Q4/org_units.csv");

        IngestSummary q3 = ingest(inbox, warehouse, Period.parse("2024Q3"), Period.parse("2024Q3"));
        assertThat(q3.files()).hasSize(9).extracting(IngestSummary.FileReceipt::period).containsOnly("2024Q3");
        assertThat(q3.unchangedFiles()).as("files of other periods are neither hashed nor counted").isZero();

        IngestSummary all = ingest(inbox, warehouse, null, null);
        assertThat(all.files()).as("only the misplaced file, which has no period, was left")
                .extracting(IngestSummary.FileReceipt::path).containsExactly("130306/member_events.csv");
        assertThat(all.unchangedFiles()).isEqualTo(10);
    }

    @Test
    void monthsWithinTheSelectedQuarterAreSelected() {
        IngestConfig config = new IngestConfig("in", "wh", KEY, 1, List.of(), Period.parse("2024Q3"), Period.parse("2024Q3"));
        assertThat(config.selects(Period.parse("2024-08"))).isTrue();
        assertThat(config.selects(Period.parse("2024Q3"))).isTrue();
        assertThat(config.selects(Period.parse("2024-10"))).isFalse();
        assertThat(config.selects(Period.parse("2024H2"))).as("a half-year is wider than the selection").isFalse();
        assertThat(config.selects(null)).isFalse();
        assertThat(new IngestConfig("in", "wh", KEY, 1, List.of()).selects(null)).isTrue();
    }

    @Test
    void aSelectionNeedsBothEndsInOrder() {
        assertThatThrownBy(() -> new IngestConfig("in", "wh", KEY, 1, List.of(), Period.parse("2024Q3"), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IngestConfig("in", "wh", KEY, 1, List.of(), Period.parse("2024Q4"), Period.parse("2024Q3")))
                .hasMessageContaining("forwards");
    }

    private static IngestSummary ingest(Path inbox, String warehouse, Period from, Period to) {
        return new IngestRunner(m -> { }).run(new IngestConfig(inbox.toString(), warehouse, KEY, 1, List.of(), from, to));
    }
}
