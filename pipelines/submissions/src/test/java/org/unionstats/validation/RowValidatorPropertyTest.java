package org.unionstats.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.unionstats.contract.HeaderMapper;
import org.unionstats.contract.RecordType;
import org.unionstats.privacy.PersonalDataMasker;
import org.unionstats.submission.SubmissionPath;
import org.unionstats.text.TextNormalizer;

/** Whatever the cells of a row hold, the validator answers with a verdict on the row, never an exception. */
class RowValidatorPropertyTest {

    private static final List<String> PATHS = List.of(
            "130306/2024Q3/member_events.csv", "130306/2024Q3/hardship_cases.csv", "130306/2024Q3/competitions.csv",
            "130306/2024Q3/competition_entries.csv", "130306/2024Q3/indicator_reports.csv", "130306/2024Q3/org_units.csv",
            "130306/2024Q3/balances.csv");

    @Provide
    Arbitrary<String> cell() {
        Arbitrary<String> parts = Arbitraries.of("", "1", "99999999999", "1.7万", "5000余人", "近90万人次", "2.05亿元", "1e999", "-5",
                "130306", "130306-0001", "JS2024-001", "入会", "在档", "2024-07-05", "45112", "万元", "元", "人", "workforce",
                "贴息贷款", "余", "近", "会员总数", "在档困难职工家庭数", "2024-06-30", "300户",
                "\u0000", "\u202E", "\uFFFD", "130306199001011234", "13812345678", " ", "１", "😀");
        Arbitrary<String> composed = parts.list().ofMaxSize(4).map(l -> String.join("", l));
        return Arbitraries.oneOf(composed, Arbitraries.strings().all().ofMaxLength(20));
    }

    @Property(tries = 400)
    void aRowAlwaysGetsAVerdict(@ForAll("cell") String a, @ForAll("cell") String b, @ForAll("cell") String c,
            @ForAll("cell") String d, @ForAll("cell") String e) {
        for (String relativePath : PATHS) {
            SubmissionPath sub = ValidationFixture.path(relativePath);
            RecordType type = sub.recordType();
            List<String> headers = new ArrayList<>();
            ValidationFixture.CATALOG.columns(type).forEach(col -> headers.add(col.zh()));
            headers.add("备注");
            List<String> cells = new ArrayList<>();
            String[] pool = {a, b, c, d, e};
            for (int i = 0; i < headers.size(); i++) {
                cells.add(pool[i % pool.length]);
            }
            HeaderMapper.Mapping mapping = new HeaderMapper(ValidationFixture.CATALOG.columns(type)).map(headers);
            RowResult result = ValidationFixture.VALIDATOR.validate(sub, mapping, cells, ValidationFixture.REFS);
            assertThat(result).isNotNull();
            if (result instanceof RowResult.Rejected rejected) {
                for (Violation v : rejected.violations()) {
                    // messages quote values already masked: masking them again changes nothing
                    assertThat(PersonalDataMasker.maskText(v.messageZh())).isEqualTo(TextNormalizer.normalize(v.messageZh()));
                    assertThat(PersonalDataMasker.maskText(v.messageEn())).isEqualTo(TextNormalizer.normalize(v.messageEn()));
                    assertThat(v.messageEn().length()).isLessThan(1200);
                }
            } else {
                ((RowResult.Accepted) result).row().extras().values()
                        .forEach(x -> assertThat(x).isEqualTo(PersonalDataMasker.maskText(x)));
            }
        }
    }
}
