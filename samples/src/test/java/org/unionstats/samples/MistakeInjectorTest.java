package org.unionstats.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unionstats.contract.RecordType;
import org.unionstats.period.Period;
import org.unionstats.values.DateParser;
import org.unionstats.values.ValueFormatException;

class MistakeInjectorTest {

    private static final Period Q3 = Period.quarter(2024, 3);

    @Test
    void impossibleDatesAreRefusedByTheContractParser() {
        Rng rng = Rng.of(5, "dates");
        for (int m = 1; m <= 12; m++) {
            String text = MistakeInjector.impossibleDate(LocalDate.of(2024, m, 15), rng);
            assertThatThrownBy(() -> DateParser.parse(text)).as(text).isInstanceOf(ValueFormatException.class);
        }
    }

    @Test
    void injectsAboutTheRateAndCountsEveryMistake() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("member_id", "M130306" + (100000 + i));
            row.put("org_code", "130306-0042");
            row.put("event_type", new Label(i % 3 == 0 ? "leave" : "join"));
            row.put("event_date", LocalDate.of(2024, 8, 1).plusDays(i % 40));
            row.put("worker_category", new Label(i % 5 == 0 ? "migrant" : "regular"));
            row.put("gender", new Label("F"));
            row.put("birth_year", 1990L);
            row.put("id_number", null);
            rows.add(row);
        }
        Group group = new Group("130306", Q3, 6, RecordType.MEMBER_EVENTS, rows);
        MistakeInjector.Result result = new MistakeInjector(0.05, Catalog.load()).inject(group, Rng.of(1, "m"));
        long total = result.counts().values().stream().mapToLong(Long::longValue).sum();
        assertThat(total).isBetween(180L, 320L);
        assertThat(result.rows()).hasSize(rows.size() + result.counts().get(MistakeInjector.DUPLICATE).intValue());
        assertThat(result.counts()).containsKeys(MistakeInjector.OUTSIDE_PERIOD, MistakeInjector.LABEL_TYPO,
                MistakeInjector.BIRTH_YEAR, MistakeInjector.MISSING_REQUIRED);
        long changed = 0;
        int j = 0;
        for (Map<String, Object> row : result.rows()) {
            if (j < rows.size() && row.equals(rows.get(j))) {
                j++;
            } else if (j > 0 && row.equals(rows.get(j - 1))) {
                continue; // the second copy of a duplicated row
            } else {
                changed++;
                j++;
            }
        }
        assertThat(changed).isEqualTo(total - result.counts().get(MistakeInjector.DUPLICATE));
        // The clean rows are untouched, so a correction can carry them.
        assertThat(rows.get(0).get("birth_year")).isEqualTo(1990L);
        assertThat(rows).allMatch(r -> Q3.contains((LocalDate) r.get("event_date")));
    }

    @Test
    void noMistakesAtRateZero() {
        List<Map<String, Object>> rows = List.of(new LinkedHashMap<>(Map.of("org_code", "130306-0001")));
        Group group = new Group("130306", Q3, 0, RecordType.ORG_UNITS, rows);
        MistakeInjector.Result result = new MistakeInjector(0, Catalog.load()).inject(group, Rng.of(1));
        assertThat(result.rows()).isEqualTo(rows);
        assertThat(result.any()).isFalse();
    }
}
