package org.unionstats.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderMapperTest {

    private static final ContractCatalog CATALOG = ContractCatalog.load();
    private static final HeaderMapper MEMBERS = new HeaderMapper(CATALOG.columns(RecordType.MEMBER_EVENTS));
    private static final HeaderMapper HARDSHIP = new HeaderMapper(CATALOG.columns(RecordType.HARDSHIP_CASES));

    /** The English name of the column at each position, "-" for an extra. */
    private static List<String> names(HeaderMapper.Mapping mapping) {
        List<String> out = new ArrayList<>();
        for (SourceColumn c : mapping.columns()) {
            out.add(c == null ? "-" : c.name());
        }
        return out;
    }

    private static List<String> names(HeaderMapper mapper, String... headers) {
        return names(mapper.map(Arrays.asList(headers)));
    }

    @Test
    void chineseHeadersInContractOrder() {
        assertThat(names(MEMBERS, "会员编号", "所属工会代码", "变动类型", "变动日期", "职工类别", "性别", "出生年份", "身份证号"))
                .containsExactly("member_id", "org_code", "event_type", "event_date",
                        "worker_category", "gender", "birth_year", "id_number");
    }

    @Test
    void englishHeadersInAnyOrder() {
        assertThat(names(MEMBERS, "gender", "event_date", "member_id", "id_number", "org_code", "event_type"))
                .containsExactly("gender", "event_date", "member_id", "id_number", "org_code", "event_type");
    }

    @Test
    void mixedLanguagesAndAliases() {
        assertThat(names(MEMBERS, "变动日期", "member_id", "会员号", "所属工会", "类型", "公民身份号码", "出生年"))
                .containsExactly("event_date", "member_id", "-", "org_code", "event_type", "id_number", "birth_year");
    }

    @Test
    void mappedColumnsAreTheCatalogsOwnColumns() {
        HeaderMapper.Mapping mapping = MEMBERS.map(List.of("会员编号"));
        SourceColumn memberId = mapping.columns().get(0);
        assertThat(memberId).isEqualTo(CATALOG.columns(RecordType.MEMBER_EVENTS).get(0));
        assertThat(memberId.field()).isEqualTo("member_key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"帮扶金额（元）", "帮扶金额(元)", " 帮扶金额 （元） ", "帮扶金额（ 元 ）", "\u3000帮扶金额（元）\u3000",
            "帮扶金额", "帮扶资金", "assistance_cny", "Assistance CNY", "ASSISTANCE-CNY"})
    void assistanceHeaderSpellings(String header) {
        HeaderMapper.Mapping mapping = HARDSHIP.map(List.of(header));
        assertThat(mapping.columns().get(0)).isNotNull()
                .extracting(SourceColumn::field).isEqualTo("assistance_cny");
    }

    @Test
    void surroundingSpacesZeroWidthCharactersAndTheBomAreTolerated() {
        assertThat(names(MEMBERS, "\uFEFF会员编号", "  所属工会代码  ", "变动\u200B类型", "Event Type", " EVENT_DATE "))
                .containsExactly("member_id", "org_code", "event_type", "-", "event_date");
    }

    @Test
    void englishHeadersAreMatchedLoosely() {
        assertThat(names(MEMBERS, "Event Type", "EVENT-DATE", "Member ID", "birth year"))
                .containsExactly("event_type", "event_date", "member_id", "birth_year");
    }

    @Test
    void unknownExtraColumnsMapToNull() {
        HeaderMapper.Mapping mapping = MEMBERS.map(List.of("姓名", "会员编号", "备注", "", "联系电话"));
        assertThat(mapping.columns()).hasSize(5);
        assertThat(mapping.columns().get(0)).isNull();
        assertThat(mapping.columns().get(1).name()).isEqualTo("member_id");
        assertThat(mapping.columns().get(2)).isNull();
        assertThat(mapping.columns().get(3)).isNull();
        assertThat(mapping.columns().get(4)).isNull();
    }

    @Test
    void aRepeatedHeaderBecomesAnExtra() {
        HeaderMapper.Mapping mapping = MEMBERS.map(List.of("会员编号", "变动类型", "member_id", "会员编号"));
        assertThat(names(mapping)).containsExactly("member_id", "event_type", "-", "-");
    }

    @Test
    void headersAreKeptAsWritten() {
        List<String> headers = List.of(" 会员编号 ", "帮扶金额（元）", "备注");
        HeaderMapper.Mapping mapping = MEMBERS.map(headers);
        assertThat(mapping.headers()).containsExactly(" 会员编号 ", "帮扶金额（元）", "备注");
    }

    @Test
    void hasTellsWhichColumnsTheHeaderRowFills() {
        List<SourceColumn> columns = CATALOG.columns(RecordType.MEMBER_EVENTS);
        HeaderMapper.Mapping mapping = MEMBERS.map(List.of("变动日期", "会员编号"));
        assertThat(mapping.has(columns.get(0))).isTrue();  // member_id
        assertThat(mapping.has(columns.get(3))).isTrue();  // event_date
        assertThat(mapping.has(columns.get(1))).isFalse(); // org_code
    }

    @Test
    void mappingIsImmutable() {
        List<String> headers = new ArrayList<>(List.of("会员编号"));
        HeaderMapper.Mapping mapping = MEMBERS.map(headers);
        headers.set(0, "changed");
        assertThat(mapping.headers()).containsExactly("会员编号");
        assertThatThrownBy(() -> mapping.columns().set(0, null)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> mapping.headers().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void headersOfAnotherRecordTypeAreExtras() {
        assertThat(names(MEMBERS, "档案编号", "帮扶金额（元）", "会员编号")).containsExactly("-", "-", "member_id");
    }

    @Test
    void eachRecordTypeMapsItsOwnChineseHeaders() {
        HeaderMapper indicators = new HeaderMapper(CATALOG.columns(RecordType.INDICATOR_REPORTS));
        assertThat(names(indicators, "工会代码", "指标名称", "数值", "单位", "说明"))
                .containsExactly("org_code", "indicator_id", "value", "unit", "qualifier");
        HeaderMapper entries = new HeaderMapper(CATALOG.columns(RecordType.COMPETITION_ENTRIES));
        assertThat(names(entries, "竞赛编号", "参赛单位工会代码", "统一社会信用代码", "参赛职工编号", "参赛人数", "获奖等级", "荣誉称号"))
                .containsExactly("competition_id", "org_code", "enterprise_credit_code", "worker_id", "entrants", "award", "title");
    }

    @Test
    void balancesHeadersInChineseEnglishAndAliases() {
        HeaderMapper balances = new HeaderMapper(CATALOG.columns(RecordType.BALANCES));
        assertThat(names(balances, "所属工会代码", "存量项目", "截至日期", "数量", "说明"))
                .containsExactly("org_code", "balance_type", "as_of", "value", "qualifier");
        assertThat(names(balances, "Value", "AS-OF", "balance_type", "org_code"))
                .containsExactly("value", "as_of", "balance_type", "org_code");
        assertThat(names(balances, "工会代码", "项目", "统计截止日期", "人数", "备注"))
                .containsExactly("org_code", "balance_type", "as_of", "value", "-");
        assertThat(names(balances, "所属工会", "指标", "截止日期", "户数"))
                .containsExactly("org_code", "balance_type", "as_of", "value");
        assertThat(names(balances, "截至日期（月末）", "变动日期")).as("headers of other columns or types are extras")
                .containsExactly("-", "-");
    }

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void everyNameZhHeaderAndAliasMapsToItsOwnColumn(RecordType type) {
        HeaderMapper mapper = new HeaderMapper(CATALOG.columns(type));
        for (SourceColumn column : CATALOG.columns(type)) {
            List<String> spellings = new ArrayList<>(column.aliases());
            spellings.add(column.name());
            spellings.add(column.zh());
            for (String spelling : spellings) {
                assertThat(mapper.map(List.of(spelling)).columns().get(0))
                        .as(type.code() + ": header " + spelling).isEqualTo(column);
            }
        }
    }
}
