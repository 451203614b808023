package org.unionstats.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryStepTest {

    @Test
    void onlyTheQuartersAmongThePeriodsWrittenAreDelivered() {
        assertThat(DeliveryStep.quarters(List.of("2024-07", "2024Q3", "2024H2", "2024", "2024Q2", "2024Q3"))).containsExactly("2024Q2", "2024Q3");
        assertThat(DeliveryStep.quarters(List.of("2024-07", "2024-08"))).isEmpty();
    }

    @Test
    void theOutboxDefaultsToAFolderBesideTheWarehouse() {
        assertThat(DeliveryStep.defaultOutbox(Path.of("/data/unionstats/warehouse"))).isEqualTo(Path.of("/data/unionstats/outbox"));
        assertThat(DeliveryStep.defaultOutbox(Path.of("/data/unionstats/warehouse/"))).isEqualTo(Path.of("/data/unionstats/outbox"));
    }
}
