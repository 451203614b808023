package org.unionstats.samples;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run wrote; also written as JSON to {@code <out>/_generated.json}.
 *
 * @param files submission files written (damaged and corrected ones included; the summary file and the arrival log
 *     {@code _arrivals.csv} excluded)
 * @param rowsByRecordType data rows per record type code in every readable file, including rows of files that a
 *     later correction replaces, duplicate rows and rows with mistakes. This is what an ingestion reads: rows read
 *     = accepted + replaced + duplicates + quarantined. The rows of damaged workbooks are not included.
 *     {@code balances} counts the 存量报告 rows (opening and year-end member balances, hardship on-file balances).
 * @param mistakesByKind rows carrying each kind of injected mistake ({@code event_date_outside_period},
 *     {@code impossible_date}, {@code unknown_org_code}, {@code label_typo}, {@code duplicate_row},
 *     {@code missing_required}, {@code birth_year_out_of_range}, {@code lifted_out_before_filed},
 *     {@code lifted_out_without_date}, {@code bad_credit_code}, {@code unit_mismatch},
 *     {@code unknown_indicator}), counted in every file written; plus file-level entries: {@code damaged_xlsx}
 *     (workbooks that cannot be opened), {@code damaged_xlsx_rows} (rows lost in them), {@code corrected_files}
 *     (second versions) and {@code replaced_rows} (rows in readable files that a later version replaces); and
 *     {@code balance_mismatch}: unions whose reported year-end member balance differs from the opening balance plus
 *     their events (counted once per union, however many files carry it)
 * @param memberEvents distinct member events (joins, leaves and both halves of transfers) in the files that count,
 *     i.e. without duplicates and without the replaced first versions
 * @param membersAtStart members of all reporting unions the day before the first period (the opening balances sent)
 * @param hardshipOnFileAtStart hardship families on file the day before the first period, in the reporting counties
 * @param lateFiles files that arrived after the deadline (15 days after their period's end)
 * @param silentUnits county-level units that sent nothing at all
 * @param unitsMissingAPeriod county-level units that sent nothing for one period, with that period
 */
public record GenerationSummary(
        int files,
        Map<String, Long> rowsByRecordType,
        Map<String, Long> mistakesByKind,
        long memberEvents,
        long membersAtStart,
        long hardshipOnFileAtStart,
        int lateFiles,
        List<String> silentUnits,
        Map<String, String> unitsMissingAPeriod) {

    public static final String FILE_NAME = "_generated.json";
    /** The arrival log: every file written and when it arrived. */
    public static final String ARRIVALS_FILE_NAME = "_arrivals.csv";

    public GenerationSummary {
        rowsByRecordType = Map.copyOf(rowsByRecordType);
        mistakesByKind = Map.copyOf(mistakesByKind);
        silentUnits = silentUnits == null ? List.of() : List.copyOf(silentUnits);
        unitsMissingAPeriod = unitsMissingAPeriod == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(unitsMissingAPeriod));
    }

    /** Sum of {@link #rowsByRecordType()}. */
    public long totalRows() {
        return rowsByRecordType.values().stream().mapToLong(Long::longValue).sum();
    }

    public long mistakes(String kind) {
        return mistakesByKind.getOrDefault(kind, 0L);
    }
}
