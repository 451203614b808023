package org.unionstats.ingest.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.unionstats.contract.ContractCatalog;
import org.unionstats.contract.HeaderMapper;
import org.unionstats.contract.RecordType;
import org.unionstats.contract.SourceColumn;
import org.unionstats.ingest.IngestLimits;
import org.unionstats.ingest.plan.PlannedFile;
import org.unionstats.ingest.read.Deadline;
import org.unionstats.ingest.read.RefusedFileException;
import org.unionstats.ingest.read.RowSink;
import org.unionstats.ingest.read.SourceRow;
import org.unionstats.ingest.read.SubmissionReader;
import org.unionstats.ingest.text.SafeText;
import org.unionstats.text.TextHazards;
import org.unionstats.text.TextNormalizer;
import org.unionstats.validation.RecordBuilder;
import org.unionstats.validation.ReferenceCodes;
import org.unionstats.validation.RowResult;
import org.unionstats.validation.RowValidator;
import org.unionstats.validation.ValidatedRow;
import org.unionstats.validation.Violation;
import org.unionstats.warehouse.WarehouseLayout;
import org.unionstats.warehouse.quarantine.QuarantineCode;
import org.unionstats.warehouse.receipts.ReceiptStatus;

/**
 * Checks one submitted file end to end as it streams by: reads it, checks the header (damaged,
 * control characters, duplicates, missing columns) and every raw cell (damaged bytes, control
 * characters, length, cells beyond the header) before the row validator sees it, validates
 * every row, sorts out duplicates and conflicts, and accounts for every row read in its receipt.
 * Whatever goes wrong with the file, the outcome says so; it never throws for the file's sake.
 *
 * <p>Every text it writes passes {@link SafeText}: raw rows, extras, messages and the file name.
 */
public final class SubmissionChecker implements Serializable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ContractCatalog catalog;
    private final RowValidator validator;
    private final IngestLimits limits;
    private final Map<RecordType, HeaderMapper> headerMappers = new HashMap<>();
    private transient Schema quarantineSchema;
    private transient Schema receiptSchema;

    public SubmissionChecker(ContractCatalog catalog, RowValidator validator) {
        this(catalog, validator, IngestLimits.defaults());
    }

    public SubmissionChecker(ContractCatalog catalog, RowValidator validator, IngestLimits limits) {
        this.catalog = catalog;
        this.validator = validator;
        this.limits = limits;
        for (RecordType type : RecordType.values()) {
            headerMappers.put(type, new HeaderMapper(catalog.columns(type)));
        }
    }

    /** A checker on the contract, regions and indicators shipped on the classpath. */
    public static SubmissionChecker create(byte[] pseudonymKey) {
        return create(pseudonymKey, IngestLimits.defaults());
    }

    public static SubmissionChecker create(byte[] pseudonymKey, IngestLimits limits) {
        ContractCatalog catalog = ContractCatalog.load();
        return new SubmissionChecker(catalog, new RowValidator(catalog, org.unionstats.regions.RegionDirectory.loadDefault(),
                org.unionstats.contract.Indicators.load(), new org.unionstats.privacy.Pseudonymizer(pseudonymKey), limits.cellLimits()), limits);
    }

    public IngestLimits limits() {
        return limits;
    }

    /** Checks a file with the time limit starting now. */
    public SubmissionOutcome check(PlannedFile file, byte[] bytes, ReferenceCodes refs, String runId, long ingestedAt) {
        return check(file, bytes, refs, runId, ingestedAt, Deadline.after(limits.timePerFile(), limits.seconds()));
    }

    public SubmissionOutcome check(PlannedFile file, byte[] bytes, ReferenceCodes refs, String runId, long ingestedAt, Deadline deadline) {
        Run run = new Run(file, runId, ingestedAt, refs, deadline);
        if (file.refusal() != null) {
            return run.refuse(file.refusal());
        }
        if (file.path() == null) {
            return run.refuse(QuarantineCode.BAD_PATH.detail("文件路径无法识别", "the path cannot be read"));
        }
        try {
            SubmissionReader.read(file.path().format(), bytes, limits, deadline, run);
        } catch (RefusedFileException e) {
            return run.refuse(e.reason());
        }
        if (run.mapping == null || run.rowsRead == 0) {
            return run.refuse(QuarantineCode.EMPTY_SUBMISSION.message(Map.of()));
        }
        return run.outcome();
    }

    /** The file's refusal for {@code reason}, without reading it: what the isolation around the check falls back on. */
    public SubmissionOutcome refuse(PlannedFile file, QuarantineCode.Message reason, String runId, long ingestedAt) {
        return new Run(file, runId, ingestedAt, null, null).refuse(reason);
    }

    private record Seen(int rowNumber, Map<String, Object> values) {}

    /** The state of checking one file; it receives the file's rows from the reader. */
    private final class Run implements RowSink {
        final PlannedFile file;
        final String runId;
        final long ingestedAt;
        final ReferenceCodes refs;
        final Deadline deadline;
        final List<GenericRecord> accepted = new ArrayList<>();
        final List<GenericRecord> quarantine = new ArrayList<>();
        final Map<List<Object>, Seen> seen = new HashMap<>();
        HeaderMapper.Mapping mapping;
        Schema schema;
        List<String> keyFields;
        String format;
        long rowsRead;
        long acceptedCount;
        long duplicates;
        boolean refused;

        Run(PlannedFile file, String runId, long ingestedAt, ReferenceCodes refs, Deadline deadline) {
            this.file = file;
            this.runId = runId;
            this.ingestedAt = ingestedAt;
            this.refs = refs;
            this.deadline = deadline;
            this.format = file.path() == null ? "unknown" : file.path().format().name().toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public void header(List<String> headers, String readFormat) {
            format = readFormat;
            for (int i = 0; i < headers.size(); i++) {
                String h = headers.get(i);
                if (TextHazards.isDamaged(h)) {
                    throw new RefusedFileException(QuarantineCode.BAD_ENCODING.message(Map.of()));
                }
                if (TextHazards.firstControl(h) >= 0) {
                    throw new RefusedFileException(QuarantineCode.CONTROL_CHARACTER.message(Map.of(
                            "column_zh", "表头第 " + (i + 1) + " 列", "column", "header column " + (i + 1))));
                }
            }
            RecordType type = file.path().recordType();
            HeaderMapper mapper = headerMappers.get(type);
            duplicateHeaders(headers, mapper);
            mapping = mapper.map(headers);
            List<SourceColumn> missing = validator.missingColumns(type, mapping);
            if (!missing.isEmpty()) {
                String names = missing.stream().map(SourceColumn::displayName).collect(Collectors.joining("、"));
                throw new RefusedFileException(QuarantineCode.MISSING_COLUMN.message(Map.of("columns", names,
                        "headers_zh", headersForMessage(headers, mapping, true), "headers_en", headersForMessage(headers, mapping, false))));
            }
            schema = catalog.schema(type);
            keyFields = catalog.naturalKey(type);
        }

        /** Two headers that read as the same (after normalisation) or name the same column refuse the file: neither may win silently. */
        private void duplicateHeaders(List<String> headers, HeaderMapper mapper) {
            Map<String, Integer> byKey = new HashMap<>();
            Map<String, Integer> byColumn = new HashMap<>();
            for (int i = 0; i < headers.size(); i++) {
                String key = TextNormalizer.headerKey(headers.get(i));
                if (key == null || key.isEmpty()) {
                    continue;
                }
                SourceColumn column = mapper.map(List.of(headers.get(i))).columns().get(0);
                Integer earlier = byKey.putIfAbsent(key, i);
                if (earlier == null && column != null) {
                    earlier = byColumn.putIfAbsent(column.name(), i);
                }
                if (earlier != null) {
                    String shown = SafeText.echo(headers.get(earlier));
                    String other = SafeText.echo(headers.get(i));
                    throw new RefusedFileException(QuarantineCode.DUPLICATE_HEADER.message(Map.of(
                            "header", shown.equals(other) ? shown : shown + " / " + other,
                            "columns", (earlier + 1) + ", " + (i + 1))));
                }
            }
        }

        @Override
        public void row(SourceRow row) {
            rowsRead++;
            if (rowsRead > limits.maxRows()) {
                throw new RefusedFileException(QuarantineCode.TOO_MANY_ROWS.message(Map.of("limit", limits.maxRows())));
            }
            deadline.check();
            if (row.problem() != null) {
                quarantine(row, row.problem());
                return;
            }
            List<Violation> problems = cellProblems(row);
            if (!problems.isEmpty()) {
                quarantine(row, problems.toArray(Violation[]::new));
                return;
            }
            RowResult result = validator.validate(file.path(), mapping, row.cells(), refs);
            if (result instanceof RowResult.Rejected rejected) {
                quarantine(row, rejected.violations().toArray(Violation[]::new));
                return;
            }
            ValidatedRow valid = ((RowResult.Accepted) result).row();
            List<Object> key = keyFields.stream().map(valid.values()::get).toList();
            Seen earlier = seen.get(key);
            if (earlier == null) {
                seen.put(key, new Seen(row.rowNumber(), valid.values()));
                accept(row, valid);
            } else if (earlier.values().equals(valid.values())) {
                duplicates++;
            } else {
                quarantine(row, Violation.of(QuarantineCode.CONFLICTING_ROW, null, Map.of("earlier_row", earlier.rowNumber(),
                        "keys_zh", String.join("、", keyFields), "keys_en", String.join(", ", keyFields))));
            }
        }

        /** What is wrong with the raw cells, before any value is read: damaged text, controls, length, cells beyond the header. */
        private List<Violation> cellProblems(SourceRow row) {
            List<Violation> problems = new ArrayList<>();
            boolean damaged = false;
            for (int i = 0; i < row.cells().size(); i++) {
                String cell = row.cells().get(i);
                if (cell == null || cell.isEmpty()) {
                    continue;
                }
                String column = columnName(i);
                if (TextHazards.isDamaged(cell)) {
                    if (!damaged) {
                        problems.add(Violation.of(QuarantineCode.BAD_ENCODING, column, Map.of()));
                        damaged = true;
                    }
                } else if (TextHazards.firstControl(cell) >= 0) {
                    problems.add(Violation.of(QuarantineCode.CONTROL_CHARACTER, column,
                            Map.of("column_zh", columnZh(i), "column", columnEn(i))));
                } else if (cell.length() > limits.maxCellChars() && cell.codePointCount(0, cell.length()) > limits.maxCellChars()) {
                    problems.add(Violation.of(QuarantineCode.VALUE_TOO_LONG, column, Map.of("column_zh", columnZh(i), "column", columnEn(i),
                            "length", cell.codePointCount(0, cell.length()), "limit", limits.maxCellChars())));
                }
            }
            if (row.extraCells() > 0) {
                problems.add(Violation.of(QuarantineCode.EXTRA_CELLS, null, Map.of("count", row.extraCells(), "first", row.firstExtraColumn())));
            }
            return problems;
        }

        private String columnName(int i) {
            SourceColumn c = i < mapping.columns().size() ? mapping.columns().get(i) : null;
            return c != null ? c.name() : SafeText.echo(i < mapping.headers().size() ? mapping.headers().get(i) : "");
        }

        private String columnZh(int i) {
            SourceColumn c = i < mapping.columns().size() ? mapping.columns().get(i) : null;
            return c != null ? c.zh() : "「" + columnName(i) + "」列";
        }

        private String columnEn(int i) {
            SourceColumn c = i < mapping.columns().size() ? mapping.columns().get(i) : null;
            return c != null ? c.name() : "column '" + columnName(i) + "'";
        }

        void accept(SourceRow row, ValidatedRow valid) {
            acceptedCount++;
            Map<String, Object> values = new LinkedHashMap<>(valid.values());
            values.put("submitter", file.path().submitter());
            values.put("submission_id", file.submissionId());
            values.put("source_file", file.sourceFile());
            values.put("source_row", row.rowNumber());
            values.put("qualifier", valid.qualifier().code());
            values.put("extras", valid.extras().isEmpty() ? null : json(safeExtras(valid.extras())));
            accepted.add(RecordBuilder.build(schema, values));
        }

        void quarantine(SourceRow row, Violation... violations) {
            Map<String, String> raw = new LinkedHashMap<>();
            for (int i = 0; i < mapping.headers().size(); i++) {
                SourceColumn column = mapping.columns().get(i);
                String cell = i < row.cells().size() ? row.cells().get(i) : "";
                String header = mapping.headers().get(i);
                raw.put(SafeText.echo(header), SafeText.cell(header, cell, column != null && column.personal()));
            }
            Violation first = violations[0];
            String zh = java.util.Arrays.stream(violations).map(Violation::messageZh).collect(Collectors.joining("；"));
            String en = java.util.Arrays.stream(violations).map(Violation::messageEn).collect(Collectors.joining("; "));
            quarantine.add(entry(row.rowNumber(), first.column() == null ? null : SafeText.echo(first.column()), json(raw), first.code(),
                    zh, en));
        }

        SubmissionOutcome refuse(QuarantineCode.Message reason) {
            refused = true;
            rowsRead = 1;
            acceptedCount = 0;
            duplicates = 0;
            accepted.clear();
            quarantine.clear();
            seen.clear();
            quarantine.add(entry(null, null, null, reason.code().code(), reason.zh(), reason.en()));
            return outcome();
        }

        GenericRecord entry(Integer rowNumber, String column, String raw, String code, String zh, String en) {
            Map<String, Object> v = new HashMap<>();
            v.put("run_id", runId);
            v.put("submission_id", file.submissionId());
            v.put("source_file", file.sourceFile());
            v.put("submitter", file.path() == null ? null : file.path().submitter());
            v.put("record_type", file.path() == null ? null : file.path().recordType().code());
            v.put("source_row", rowNumber);
            v.put("column_name", column);
            v.put("raw_row", raw);
            v.put("error_code", code);
            v.put("message_zh", SafeText.message(zh));
            v.put("message_en", SafeText.message(en));
            return RecordBuilder.build(quarantineSchema(), v);
        }

        /**
         * The receipt as far as the file itself can tell: {@code refused}, or {@code current} for
         * a file that was read. Whether it stays current (or is replaced by a later file of its
         * group) is decided once every file is checked.
         */
        SubmissionOutcome outcome() {
            Map<String, Object> v = new HashMap<>();
            v.put("submission_id", file.submissionId());
            v.put("sha256", file.sha256());
            v.put("source_file", file.sourceFile());
            v.put("submitter", file.path() == null ? null : file.path().submitter());
            v.put("record_type", file.path() == null ? null : file.path().recordType().code());
            v.put("format", SafeText.echo(format));
            v.put("file_modified_at", file.modifiedMillis());
            v.put("rows_read", rowsRead);
            v.put("accepted", acceptedCount);
            v.put("duplicates", duplicates);
            v.put("quarantined", (long) quarantine.size());
            v.put("status", (refused ? ReceiptStatus.REFUSED : ReceiptStatus.CURRENT).code());
            v.put("replaced_by", null);
            v.put("run_id", runId);
            v.put("ingested_at", ingestedAt);
            // The run that first saw this content at this path, never the file's modification time.
            v.put("received_at", file.receivedAtOr(ingestedAt));
            return new SubmissionOutcome(accepted, quarantine, RecordBuilder.build(receiptSchema(), v), refused);
        }
    }

    /**
     * The file's headers for a message a clerk reads. Headers the contract knows are safe to
     * repeat; the others pass through the masker and are cut. When no header is known at all the
     * first row is probably data (a file without a header row), so none of it is repeated.
     */
    static String headersForMessage(List<String> headers, HeaderMapper.Mapping mapping, boolean zh) {
        boolean anyKnown = mapping.columns().stream().anyMatch(java.util.Objects::nonNull);
        if (!anyKnown) {
            return zh ? "（没有可识别的表头，共 " + headers.size() + " 列；第一行可能是数据而不是表头，为保护个人信息不予显示）"
                    : "(no header the contract knows, " + headers.size() + " columns; the first row may be data rather than a header,"
                            + " and is not shown to protect personal data)";
        }
        String joined = headers.stream().map(SafeText::echo).collect(Collectors.joining(zh ? "、" : ", "));
        return SafeText.message(joined);
    }

    private static Map<String, String> safeExtras(Map<String, String> extras) {
        Map<String, String> out = new LinkedHashMap<>();
        extras.forEach((k, v) -> out.put(SafeText.echo(k), SafeText.message(v)));
        return out;
    }

    private Schema quarantineSchema() {
        if (quarantineSchema == null) {
            quarantineSchema = ContractCatalog.tableSchema(WarehouseLayout.QUARANTINE);
        }
        return quarantineSchema;
    }

    private Schema receiptSchema() {
        if (receiptSchema == null) {
            receiptSchema = ContractCatalog.tableSchema(WarehouseLayout.RECEIPTS);
        }
        return receiptSchema;
    }

    private static String json(Map<String, String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
