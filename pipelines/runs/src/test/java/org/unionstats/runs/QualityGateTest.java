package org.unionstats.runs;
import org.unionstats.warehouse.receipts.Receipt;
import org.unionstats.warehouse.receipts.ReceiptStatus;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.unionstats.regions.RegionDirectory;

class QualityGateTest {

    private static final RegionDirectory REGIONS = RegionDirectory.loadDefault();

    private static Receipt receipt(String period, String submitter, String status, long read, long quarantined) {
        return new Receipt(period, "s" + submitter + read, submitter + "/" + period + "/f.csv", submitter, ReceiptStatus.fromCode(status), read, quarantined);
    }

    @Test
    void aCountyOverTheShareIsNamedWithItsFigures() {
        List<Receipt> receipts = List.of(
                receipt("2024Q3", "130306", "current", 100, 10),
                receipt("2024Q3", "130306-0001", "current", 100, 20), // basic unions count with their county
                receipt("2024Q3", "130322", "current", 100, 1),
                receipt("2024Q3", "130322", "replaced", 100, 90),      // replaced files no longer count
                receipt("2024Q2", "130303", "current", 100, 90));      // not a period of this run
        QualityGate gate = new QualityGate(0.1, 20);
        List<QualityGate.Breach> breaches = gate.breaches(receipts, Set.of("2024Q3"), REGIONS);
        assertThat(breaches).singleElement().satisfies(b -> {
            assertThat(b.county()).isEqualTo("130306");
            assertThat(b.countyName()).isEqualTo("抚宁区");
            assertThat(b.share()).isEqualTo(0.15);
        });
        assertThat(gate.refusal(breaches)).contains("above 10%").contains("130306 抚宁区 2024Q3: 15.0% quarantined (30 of 200 rows)");
    }

    @Test
    void smallCountiesAreNotJudgedAndTheGateCanBeOff() {
        List<Receipt> receipts = List.of(receipt("2024Q3", "130306", "refused", 1, 1));
        assertThat(new QualityGate(0.2, 20).breaches(receipts, Set.of("2024Q3"), REGIONS)).isEmpty();
        assertThat(new QualityGate(0.2, 0).breaches(receipts, Set.of("2024Q3"), REGIONS)).hasSize(1);
        assertThat(QualityGate.OFF.breaches(receipts, Set.of("2024Q3"), REGIONS)).isEmpty();
        assertThat(new QualityGate(0.005, 0).refusal(List.of())).contains("above 0.5%");
    }

    @Test
    void theShareMustBeAFraction() {
        assertThatThrownBy(() -> new QualityGate(20.0, 0)).hasMessageContaining("between 0 and 1");
    }
}
