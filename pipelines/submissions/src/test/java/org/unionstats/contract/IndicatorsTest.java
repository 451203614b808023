package org.unionstats.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IndicatorsTest {

    private static final Indicators INDICATORS = Indicators.load();

    private static Indicator get(String id) {
        return INDICATORS.find(id).orElseThrow();
    }

    @Test
    void catalogueHoldsTheContractsIndicatorsInFileOrder() {
        assertThat(INDICATORS.all()).extracting(Indicator::id).containsExactly(
                "workforce", "service_stations", "student_aid_recipients", "student_aid_cny",
                "training_person_times", "job_fairs", "jobs_offered", "legal_aid_cases",
                "hotline_calls_12351", "innovation_items", "innovation_value_cny", "subsidised_loans_cny");
    }

    @ParameterizedTest
    @CsvSource({
        "workforce, 职工人数, persons, stock",
        "service_stations, 户外劳动者服务站点, stations, stock",
        "student_aid_recipients, 金秋助学资助人数, persons, flow",
        "student_aid_cny, 金秋助学资助金额, CNY, flow",
        "training_person_times, 技能培训人次, person_times, flow",
        "job_fairs, 招聘会场次, events, flow",
        "jobs_offered, 提供就业岗位, jobs, flow",
        "legal_aid_cases, 法律援助案件, cases, flow",
        "hotline_calls_12351, 12351热线受理, calls, flow",
        "innovation_items, 五小创新成果, items, flow",
        "innovation_value_cny, 创新创造价值, CNY, flow",
        "subsidised_loans_cny, 贴息贷款, CNY, flow",
    })
    void contractTableOfIndicators(String id, String zhName, String unit, String kind) {
        Indicator byId = get(id);
        assertThat(byId.zhName()).isEqualTo(zhName);
        assertThat(byId.unit()).isEqualTo(unit);
        assertThat(byId.kind()).isEqualTo(kind);
        assertThat(byId.isStock()).isEqualTo("stock".equals(kind));
        assertThat(INDICATORS.find(zhName)).contains(byId);
    }

    @Test
    void chineseUnitsAndAliases() {
        Indicator aid = get("student_aid_cny");
        assertThat(aid.unitZh()).isEqualTo("元");
        assertThat(aid.nameAliases()).containsExactly("金秋助学金额", "助学金额");
        assertThat(aid.unitAliases()).containsExactly("人民币", "yuan", "RMB");
        Indicator training = get("training_person_times");
        assertThat(training.unitZh()).isEqualTo("人次");
        assertThat(training.unitAliases()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "助学金额, student_aid_cny",
        "金秋助学人数, student_aid_recipients",
        "服务站点, service_stations",
        "12351热线, hotline_calls_12351",
        "在岗职工人数, workforce",
        "五小成果, innovation_items",
        "贴息贷款金额, subsidised_loans_cny",
    })
    void findByAlias(String alias, String id) {
        assertThat(INDICATORS.find(alias)).map(Indicator::id).contains(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jobs_offered", "JOBS_OFFERED", "Jobs Offered", "jobs-offered", " 提供就业岗位 ", "提供岗位", "ｊｏｂｓ＿ｏｆｆｅｒｅｄ"})
    void findIsLooseAboutCaseSpacesAndWidth(String written) {
        assertThat(INDICATORS.find(written)).map(Indicator::id).contains("jobs_offered");
    }

    @ParameterizedTest
    @ValueSource(strings = {"会员人数", "members", "", "元"})
    void unknownIndicatorsAreNotFound(String written) {
        assertThat(INDICATORS.find(written)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "元, 1",
        "CNY, 1",
        "cny, 1",
        "人民币, 1",
        "RMB, 1",
        "yuan, 1",
        "' 元 ', 1",
        "（元）, 1",
        "万元, 10000",
        "万 元, 10000",
        "万CNY, 10000",
        "亿元, 100000000",
    })
    void unitFactorForAnAmountInYuan(String written, String factor) {
        assertThat(Indicators.unitFactor(get("student_aid_cny"), written))
                .hasValueSatisfying(f -> assertThat(f).isEqualByComparingTo(new BigDecimal(factor)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"人", "个", "万人", "万", "美元", "千元", "persons"})
    void unitsThatDisagreeWithAnAmountInYuan(String written) {
        assertThat(Indicators.unitFactor(get("student_aid_cny"), written)).isEmpty();
    }

    @Test
    void anEmptyUnitMeansTheCataloguesUnit() {
        assertThat(Indicators.unitFactor(get("student_aid_cny"), "")).contains(BigDecimal.ONE);
        assertThat(Indicators.unitFactor(get("workforce"), "  ")).contains(BigDecimal.ONE);
    }

    @Test
    void unitFactorForCountsOfPeople() {
        Indicator workforce = get("workforce");
        assertThat(Indicators.unitFactor(workforce, "人")).contains(BigDecimal.ONE);
        assertThat(Indicators.unitFactor(workforce, "persons")).contains(BigDecimal.ONE);
        assertThat(Indicators.unitFactor(workforce, "名")).contains(BigDecimal.ONE);
        assertThat(Indicators.unitFactor(workforce, "人数")).contains(BigDecimal.ONE);
        assertThat(Indicators.unitFactor(workforce, "万人")).contains(BigDecimal.valueOf(10_000));
        assertThat(Indicators.unitFactor(workforce, "元")).isEqualTo(Optional.empty());
        assertThat(Indicators.unitFactor(workforce, "人次")).isEmpty();
    }

    @Test
    void personTimesAreNotPersons() {
        assertThat(Indicators.unitFactor(get("training_person_times"), "人次")).contains(BigDecimal.ONE);
        assertThat(Indicators.unitFactor(get("training_person_times"), "person_times")).contains(BigDecimal.ONE);
        assertThat(Indicators.unitFactor(get("training_person_times"), "人")).isEmpty();
        // 人次 is an accepted alias for hotline calls, not for people
        assertThat(Indicators.unitFactor(get("hotline_calls_12351"), "人次")).contains(BigDecimal.ONE);
        assertThat(Indicators.unitFactor(get("student_aid_recipients"), "人次")).isEmpty();
    }

    @Test
    void indicatorListsAreDefensiveCopies() {
        java.util.List<String> aliases = new java.util.ArrayList<>(java.util.List.of("a"));
        Indicator indicator = new Indicator("x", "某", "items", "项", "flow", aliases, java.util.List.of());
        aliases.add("b");
        assertThat(indicator.nameAliases()).containsExactly("a");
        assertThat(indicator.isStock()).isFalse();
    }
}
