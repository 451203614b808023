package org.unionstats.warehouse.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QuarantineCodeTest {

    @Test
    void fillsNamedValuesInBothLanguages() {
        QuarantineCode.Message m = QuarantineCode.END_BEFORE_START.message(Map.of("end", "2024-08-01", "start", "2024-08-10"));
        assertThat(m.zh()).isEqualTo("结束日期 2024-08-01 早于开始日期 2024-08-10");
        assertThat(m.en()).isEqualTo("end_date 2024-08-01 is before start_date 2024-08-10");
        assertThat(m.code()).isEqualTo(QuarantineCode.END_BEFORE_START);
    }

    @Test
    void refusesATemplateLeftHalfFilled() {
        assertThatThrownBy(() -> QuarantineCode.END_BEFORE_START.message(Map.of("end", "2024-08-01")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{start}");
    }

    @Test
    void valuesAreNotReadAsTemplatesOrRegexReplacements() {
        QuarantineCode.Message m = QuarantineCode.BAD_JSON_LINE.message(Map.of("error", "$1 {start} \\"));
        assertThat(m.en()).isEqualTo("the line is not a valid JSON object: $1 {start} \\");
    }

    @Test
    void parserWordsPassThrough() {
        QuarantineCode.Message m = QuarantineCode.BAD_DATE.detail("日期无法识别", "unreadable date");
        assertThat(m.zh()).isEqualTo("日期无法识别");
        assertThat(m.code().code()).isEqualTo("BAD_DATE");
    }

    @Test
    void notMonthEndNamesTheColumnTheDateAndTheMonthsEnds() {
        QuarantineCode.Message m = QuarantineCode.NOT_MONTH_END.message(Map.of("column_zh", "截至日期", "column", "as_of",
                "date", "2024-06-15", "month_end", "2024-06-30", "previous_month_end", "2024-05-31"));
        assertThat(m.zh()).isEqualTo("截至日期须为月末（如 2024-06-30）：本行填写的 2024-06-15 不是某月的最后一天；请填写截至 2024-06-30 或 2024-05-31 的数");
        assertThat(m.en()).isEqualTo("as_of must be the last day of a month (e.g. 2024-06-30): 2024-06-15 is not; report the count as at"
                + " 2024-06-30 or 2024-05-31");
        assertThat(m.code().code()).isEqualTo("NOT_MONTH_END");
        assertThat(QuarantineCode.NOT_MONTH_END.scope()).isEqualTo(QuarantineCode.Scope.ROW);
    }

    @Test
    void variantsAreStoredUnderTheContractsCodes() {
        // The contract (docs/submission-contract.md) lists these codes; variants only word the message differently.
        Set<String> stored = Arrays.stream(QuarantineCode.values()).map(QuarantineCode::code).collect(Collectors.toSet());
        assertThat(stored).contains("BAD_PATH", "UNREADABLE_FILE", "MISSING_COLUMN", "BAD_NUMBER", "OUT_OF_RANGE",
                "DATE_OUTSIDE_PERIOD", "CONFLICTING_ROW");
        assertThat(QuarantineCode.WHOLE_NUMBER_REQUIRED.code()).isEqualTo("BAD_NUMBER");
        assertThat(QuarantineCode.COMPETITION_OUTSIDE_PERIOD.code()).isEqualTo("DATE_OUTSIDE_PERIOD");
        assertThat(QuarantineCode.BAD_PATH.scope()).isEqualTo(QuarantineCode.Scope.FILE);
    }
}
