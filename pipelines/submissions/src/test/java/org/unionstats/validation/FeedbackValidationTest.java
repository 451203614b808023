package org.unionstats.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionstats.validation.ValidationFixture.row;
import static org.unionstats.validation.ValidationFixture.with;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.unionstats.contract.LetterItemId;

/**
 * 意见反馈: 海港区 (130302) answers the items of the 2024Q3 letter 秦皇岛 issued to it (2024Q3-130302-01 … 03); the
 * letter to 昌黎县 (130322) has items of its own.
 */
class FeedbackValidationTest {

    private static final String COUNTY = "130302/2024Q4/意见反馈.csv";

    private static final ReferenceCodes ISSUED = new ReferenceCodes(Set.of(), Set.of(),
            Set.of("2024Q3-130302-01", "2024Q3-130302-02", "2024Q3-130302-03", "2024Q3-130322-01"));

    private static final String[] ROW = {
        "事项编号", "2024Q3-130302-02",
        "办理状态", "已办结",
        "反馈内容", "已召开专题会议部署，10月完成快递行业集中入会，新入会会员386人。",
    };

    private static RowResult validate(String... pairs) {
        return ValidationFixture.validate(COUNTY, ISSUED, row(pairs));
    }

    private static ValidatedRow accepted(String... pairs) {
        RowResult result = validate(pairs);
        assertThat(result).isInstanceOf(RowResult.Accepted.class);
        return ((RowResult.Accepted) result).row();
    }

    private static Violation single(String... pairs) {
        List<Violation> violations = ValidationFixture.rejected(validate(pairs));
        assertThat(violations).hasSize(1);
        return violations.get(0);
    }

    @Test
    void feedbackOnAnItemOfTheCountysLetterIsTyped() {
        ValidatedRow row = accepted(ROW);
        assertThat(row.values()).containsOnlyKeys("item_id", "status", "text");
        assertThat(row.values().get("item_id")).isEqualTo("2024Q3-130302-02");
        assertThat(row.values().get("status")).isEqualTo("closed");
    }

    @ParameterizedTest
    @CsvSource({
        "已答复, answered",
        "办理中, answered",
        "answered, answered",
        "已办结, closed",
        "closed, closed",
    })
    void statusInChineseOrEnglish(String written, String code) {
        assertThat(accepted(with(ROW, "办理状态", written)).values().get("status")).isEqualTo(code);
    }

    @Test
    void englishHeadersAndALooseSpellingOfTheIdAreAccepted() {
        ValidatedRow row = accepted("item_id", "2024q3-130302-3", "status", "answered", "text", "正在推进，12月底前办结。");
        assertThat(row.values().get("item_id")).isEqualTo("2024Q3-130302-03");
    }

    @Test
    void anItemNoIssuedLetterHasIsRefusedSayingWhich() {
        Violation v = single(with(ROW, "事项编号", "2024Q3-130302-09"));
        assertThat(v.code()).isEqualTo("UNKNOWN_LETTER_ITEM");
        assertThat(v.column()).isEqualTo("item_id");
        assertThat(v.messageZh()).isEqualTo("事项编号「2024Q3-130302-09」不是已签发指导书中的事项：请核对指导书「2024Q3-130302」上的事项编号（指导书签发后方可反馈）");
        assertThat(v.messageEn()).isEqualTo("item_id '2024Q3-130302-09' is not an item of an issued letter: check the item ids printed in"
                + " letter 2024Q3-130302 (feedback answers letters once issued)");
    }

    @Test
    void aMalformedIdIsRefused() {
        Violation v = single(with(ROW, "事项编号", "第3项"));
        assertThat(v.code()).isEqualTo("UNKNOWN_LETTER_ITEM");
        assertThat(v.messageZh()).isEqualTo("事项编号「第3项」格式不对：应为指导书上的事项编号，如 2024Q3-130302-03（季度-县区代码-序号）");
    }

    @Test
    void anItemAddressedToAnotherCountyIsRefusedSayingWhose() {
        Violation v = single(with(ROW, "事项编号", "2024Q3-130322-01"));
        assertThat(v.code()).isEqualTo("ITEM_OF_OTHER_COUNTY");
        assertThat(v.column()).isEqualTo("item_id");
        assertThat(v.messageZh()).isEqualTo("事项 2024Q3-130322-01 是写给 130322（昌黎县）的，不是写给报送单位 130302（海港区）的：只能反馈本单位的事项");
        assertThat(v.messageEn()).isEqualTo("item 2024Q3-130322-01 is addressed to 130322 (昌黎县), not to the submitter 130302 (海港区);"
                + " a county answers only its own items");
    }

    @Test
    void aPhoneNumberInTheFeedbackIsRefused() {
        Violation v = single(with(ROW, "反馈内容", "已办结，联系人王某 13933501234"));
        assertThat(v.code()).isEqualTo("PERSONAL_DATA_IN_TEXT");
        assertThat(v.messageZh()).startsWith("反馈内容 中有疑似身份证号码或手机号码").doesNotContain("1234");
    }

    @Test
    void anUnknownStatusIsRefused() {
        assertThat(single(with(ROW, "办理状态", "已收到")).code()).isEqualTo("BAD_LABEL");
    }

    @Test
    void itemIdsReadAndPrintTheSame() {
        LetterItemId id = LetterItemId.of("2024Q3-130302", 7);
        assertThat(id.toString()).isEqualTo("2024Q3-130302-07");
        assertThat(id.countyCode()).isEqualTo("130302");
        assertThat(LetterItemId.parse(" 2024q3-130302-07 ")).contains(id);
        assertThat(LetterItemId.parse("2024Q3-130302")).isEmpty();
        assertThat(LetterItemId.parse("2024Q5-130302-01")).isEmpty();
    }
}
