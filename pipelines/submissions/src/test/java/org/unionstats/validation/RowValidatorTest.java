package org.unionstats.validation;

import org.unionstats.warehouse.quarantine.QuarantineCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.unionstats.validation.ValidationFixture.CATALOG;
import static org.unionstats.validation.ValidationFixture.REFS;
import static org.unionstats.validation.ValidationFixture.VALIDATOR;
import static org.unionstats.validation.ValidationFixture.accepted;
import static org.unionstats.validation.ValidationFixture.path;
import static org.unionstats.validation.ValidationFixture.rejected;
import static org.unionstats.validation.ValidationFixture.row;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.unionstats.contract.HeaderMapper;
import org.unionstats.contract.RecordType;
import org.unionstats.contract.SourceColumn;
import org.unionstats.submission.SubmissionPath;
import org.unionstats.values.Qualifier;

class RowValidatorTest {

    private static final String MEMBERS = "130306/2024Q3/member_events.csv";
    private static final String[] MEMBER = {
        "会员编号", "M0001", "所属工会代码", "130306-0001", "变动类型", "入会", "变动日期", "2024-07-05",
    };

    private static HeaderMapper.Mapping map(RecordType type, String... headers) {
        return new HeaderMapper(CATALOG.columns(type)).map(List.of(headers));
    }

    @Test
    void extraColumnsAreKeptMasked() {
        ValidatedRow row = accepted(MEMBERS, ValidationFixture.with(MEMBER,
                "姓名", "张三",
                "联系电话", "13812345678",
                "户主身份证号", "130306199001011234",
                "备注", "手机13812345678 身份证130306199001011234",
                "工会名称", "抚宁区某某镇总工会",
                "空列", ""));
        assertThat(row.extras()).containsExactly(
                entry("姓名", "张**"),
                entry("联系电话", "1**********"),
                entry("户主身份证号", "130306************"),
                entry("备注", "手机138****5678 身份证130306************"),
                entry("工会名称", "抚宁区某某镇总工会"));
        assertThat(row.values()).containsOnlyKeys("member_key", "org_code", "event_type", "event_date");
    }

    @Test
    void extrasAreNormalisedBeforeMasking() {
        ValidatedRow row = accepted(MEMBERS, ValidationFixture.with(MEMBER, "备注", "  电话：１３８１２３４５６７８  "));
        assertThat(row.extras()).containsExactly(entry("备注", "电话:138****5678"));
    }

    @Test
    void aRepeatedHeaderIsKeptAsAnExtraAndTheFirstOneCounts() {
        ValidatedRow row = accepted(MEMBERS, "会员编号", "M0001", "所属工会代码", "130306-0001", "变动类型", "入会",
                "变动日期", "2024-07-05", "变动类型 ", "退会");
        assertThat(row.values().get("event_type")).isEqualTo("join");
        assertThat(row.extras()).containsExactly(entry("变动类型 ", "退会"));
    }

    @Test
    void extraColumnsHeldInAnotherRecordTypesContractAreStillExtras() {
        ValidatedRow row = accepted(MEMBERS, ValidationFixture.with(MEMBER, "帮扶金额（元）", "500"));
        assertThat(row.extras()).containsExactly(entry("帮扶金额（元）", "500"));
        assertThat(row.values()).doesNotContainKey("assistance_cny");
    }

    @Test
    void missingColumnsListsRequiredColumnsTheHeaderLacks() {
        List<SourceColumn> missing = VALIDATOR.missingColumns(RecordType.MEMBER_EVENTS, map(RecordType.MEMBER_EVENTS, "会员编号", "性别"));
        assertThat(missing).extracting(SourceColumn::name).containsExactly("org_code", "event_type", "event_date");
        assertThat(VALIDATOR.missingColumns(RecordType.MEMBER_EVENTS,
                map(RecordType.MEMBER_EVENTS, "member_id", "org_code", "event_type", "event_date"))).isEmpty();
    }

    @Test
    void optionalColumnsAreNeverMissing() {
        assertThat(VALIDATOR.missingColumns(RecordType.COMPETITION_ENTRIES, map(RecordType.COMPETITION_ENTRIES,
                "竞赛编号", "参赛单位工会代码", "统一社会信用代码", "参赛人数"))).isEmpty();
        assertThat(VALIDATOR.missingColumns(RecordType.INDICATOR_REPORTS, map(RecordType.INDICATOR_REPORTS, "工会代码")))
                .extracting(SourceColumn::name).containsExactly("indicator_id", "value");
        assertThat(VALIDATOR.missingColumns(RecordType.HARDSHIP_CASES, map(RecordType.HARDSHIP_CASES)))
                .extracting(SourceColumn::name).containsExactly("case_id", "org_code", "filed_on", "status");
    }

    @Test
    void cellsBeyondTheHeaderRowAreIgnored() {
        SubmissionPath sub = path(MEMBERS);
        HeaderMapper.Mapping mapping = map(RecordType.MEMBER_EVENTS, "会员编号", "所属工会代码", "变动类型", "变动日期");
        RowResult result = VALIDATOR.validate(sub, mapping,
                List.of("M0001", "130306-0001", "入会", "2024-07-05", "surplus"), REFS);
        assertThat(result).isInstanceOf(RowResult.Accepted.class);
        assertThat(((RowResult.Accepted) result).row().extras()).isEmpty();
    }

    @Test
    void nullCellsAreEmpty() {
        SubmissionPath sub = path(MEMBERS);
        HeaderMapper.Mapping mapping = map(RecordType.MEMBER_EVENTS, "会员编号", "所属工会代码", "变动类型", "变动日期", "性别");
        RowResult result = VALIDATOR.validate(sub, mapping,
                java.util.Arrays.asList("M0001", "130306-0001", "入会", "2024-07-05", null), REFS);
        assertThat(((RowResult.Accepted) result).row().values()).doesNotContainKey("gender");
    }

    @Test
    void rejectedViolationsAreImmutable() {
        List<Violation> violations = rejected(MEMBERS, ValidationFixture.with(MEMBER, "变动类型", "x"));
        assertThatThrownBy(() -> violations.add(Violation.detail(QuarantineCode.BAD_VALUE, null, "x", "x")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void validatedRowIsAnImmutableCopy() {
        Map<String, Object> values = new HashMap<>(Map.of("a", 1));
        Map<String, String> extras = new HashMap<>(Map.of("b", "c"));
        ValidatedRow row = new ValidatedRow(values, Qualifier.OVER, extras);
        values.put("x", 2);
        extras.clear();
        assertThat(row.values()).containsOnly(entry("a", 1));
        assertThat(row.extras()).containsOnly(entry("b", "c"));
        assertThatThrownBy(() -> row.values().put("y", 3)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void referenceCodes() {
        assertThat(ReferenceCodes.none().orgCodes()).isEmpty();
        assertThat(ReferenceCodes.none().competitionIds()).isEmpty();
        java.util.Set<String> orgs = new java.util.HashSet<>(Set.of("130306-0001"));
        ReferenceCodes refs = new ReferenceCodes(orgs, Set.of("JS2024-001"));
        orgs.add("130306-0002");
        assertThat(refs.orgCodes()).containsExactly("130306-0001");
        assertThat(refs.competitionIds()).containsExactly("JS2024-001");
    }

    @Test
    void validatorSurvivesJavaSerialization() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(VALIDATOR);
            out.writeObject(REFS);
        }
        RowValidator copy;
        ReferenceCodes refs;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (RowValidator) in.readObject();
            refs = (ReferenceCodes) in.readObject();
        }
        ValidationFixture.Row row = row(MEMBER);
        RowResult result = copy.validate(path(MEMBERS), map(RecordType.MEMBER_EVENTS, row.headers().toArray(String[]::new)),
                row.cells(), refs);
        assertThat(((RowResult.Accepted) result).row().values())
                .containsEntry("member_key", "464194a4ca6c0a6d7c556831b8eea991")
                .containsEntry("event_date", LocalDate.of(2024, 7, 5));
    }

    @Test
    void acceptedRowsBuildValidWarehouseRecords() {
        ValidatedRow valid = accepted("130306/2024Q3/hardship_cases.csv",
                "档案编号", "KH-1", "所属工会代码", "130306-0001", "建档日期", "2024-07-01", "家庭人口", "3",
                "状态", "在档", "帮扶金额（元）", "1.2万", "户主身份证号", "130306198001011234");
        Map<String, Object> values = new HashMap<>(valid.values());
        values.put("submitter", "130306");
        values.put("submission_id", "0123456789abcdef");
        values.put("source_file", "130306/2024Q3/hardship_cases.csv");
        values.put("source_row", 2);
        values.put("qualifier", valid.qualifier().code());
        GenericRecord record = RecordBuilder.build(CATALOG.schema(RecordType.HARDSHIP_CASES), values);
        assertThat(GenericData.get().validate(record.getSchema(), record)).isTrue();
        assertThat(record.get("filed_on")).isEqualTo(19905);
        assertThat(record.get("household_size")).isEqualTo(3);
        assertThat(record.get("head_id_key")).isEqualTo("a13b9022902999e8dba84ecabe462b65");
        assertThat(RecordBuilderTest.decimal(record, "assistance_cny")).isEqualTo(new BigDecimal("12000.00"));
    }

    @Test
    void amountBeyondTheSchemasPrecisionIsRefused() {
        RowResult result = ValidationFixture.validate("130306/2024Q3/hardship_cases.csv",
                "档案编号", "KH-1", "所属工会代码", "130306-0001", "建档日期", "2024-07-01", "状态", "在档",
                "帮扶金额（元）", "12345678901234567");
        assertThat(result).isInstanceOf(RowResult.Rejected.class);
    }
}
