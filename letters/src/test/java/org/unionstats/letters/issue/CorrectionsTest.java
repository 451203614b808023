package org.unionstats.letters.issue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unionstats.letters.compose.Letter;
import org.unionstats.letters.compose.LetterComposer;
import org.unionstats.letters.facts.Better;
import org.unionstats.letters.facts.CountyFacts;
import org.unionstats.letters.facts.KpiFacts;

class CorrectionsTest {

    /** Printed: members 183,950人, the growth rate 1.3% (2,350 / 181,600 = 0.01294), families on file 1,236户. */
    private static final List<KpiFacts> PRINTED = List.of(
            kpi("members_end", "期末会员数", "persons", 183_950.0),
            kpi("members_growth_rate", "会员增长率", "ratio", 2_350.0 / 181_600),
            kpi("hardship_on_file_end", "期末在档困难职工户数", "households", 1_236.0));

    @Test
    void listsEachValueThatWouldNowPrintDifferently() {
        // Now: members 184,100 (moved); the rate 2,360 / 181,600 = 0.01300, still 1.3% (no correction); families gone (—).
        CountyFacts now = county(List.of(kpi("members_end", "期末会员数", "persons", 184_100.0),
                kpi("members_growth_rate", "会员增长率", "ratio", 2_360.0 / 181_600)));

        assertThat(Corrections.since(edition(), now)).containsExactly("期末会员数：签发时183,950人，现为184,100人。",
                "期末在档困难职工户数：签发时1,236户，现为—。");
    }

    @Test
    void nothingMovedIsNoCorrection() {
        assertThat(Corrections.since(edition(), county(PRINTED))).isEmpty();
    }

    private static Edition edition() {
        List<PrintedFigure> figures = PRINTED.stream().map(k -> PrintedFigure.of(k, LetterComposer.row(k))).toList();
        Letter letter = new Letter("130302", "海港区", "130300", "秦皇岛市", "2024Q3", "秦皇岛市总工会县区季度指导书", "2024Q3-130302", "title",
                "海港区总工会：", "opening", figures.stream().map(PrintedFigure::row).toList(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), "closing", "秦皇岛市总工会", "2024年10月15日", List.of());
        return new Edition(1, letter, figures);
    }

    private static CountyFacts county(List<KpiFacts> kpis) {
        return new CountyFacts("130302", "海港区", false, kpis, List.of(), List.of());
    }

    private static KpiFacts kpi(String id, String name, String unit, double value) {
        return new KpiFacts(id, name, unit, Better.UP, true, value, null, null, 1, 3, false, List.of());
    }
}
