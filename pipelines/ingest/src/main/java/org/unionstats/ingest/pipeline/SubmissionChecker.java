package org.unionstats.ingest.pipeline;

import org.unionstats.warehouse.quarantine.QuarantineCode;import org.unionstats.warehouse.receipts.ReceiptStatus;

import org.unionstats.warehouse.WarehouseLayout;


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
import org.unionstats.ingest.plan.PlannedFile;
import org.unionstats.ingest.read.SourceRow;
import org.unionstats.ingest.read.SubmissionReader;
import org.unionstats.ingest.read.SubmissionTable;
import org.unionstats.ingest.read.UnreadableFileException;
import org.unionstats.privacy.PersonalDataMasker;
import org.unionstats.validation.RecordBuilder;
import org.unionstats.validation.ReferenceCodes;
import org.unionstats.validation.RowResult;
import org.unionstats.validation.RowValidator;
import org.unionstats.validation.ValidatedRow;
import org.unionstats.validation.Violation;

/**
 * Checks one submitted file end to end: reads it, validates every row, sorts out duplicates and
 * conflicts, and accounts for every row read in its receipt. Whatever goes wrong with the file,
 * the outcome says so; it never throws.
 */
public final class SubmissionChecker implements Serializable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ContractCatalog catalog;
    private final RowValidator validator;
    private final Map<RecordType, HeaderMapper> headerMappers = new HashMap<>();
    private transient Schema quarantineSchema;
    private transient Schema receiptSchema;

    public SubmissionChecker(ContractCatalog catalog, RowValidator validator) {
        this.catalog = catalog;
        this.validator = validator;
        for (RecordType type : RecordType.values()) {
            headerMappers.put(type, new HeaderMapper(catalog.columns(type)));
        }
    }

    /** A checker on the contract, regions and indicators shipped on the classpath. */
    public static SubmissionChecker create(byte[] pseudonymKey) {
        ContractCatalog catalog = ContractCatalog.load();
        return new SubmissionChecker(catalog, new RowValidator(catalog, org.unionstats.regions.RegionDirectory.loadDefault(),
                org.unionstats.contract.Indicators.load(), new org.unionstats.privacy.Pseudonymizer(pseudonymKey)));
    }

    public SubmissionOutcome check(PlannedFile file, byte[] bytes, ReferenceCodes refs, String runId, long ingestedAt) {
        Run run = new Run(file, runId, ingestedAt);
        if (file.path() == null) {
            return run.refuse(QuarantineCode.BAD_PATH.detail(file.pathErrorZh(), file.pathErrorEn()));
        }
        SubmissionTable table;
        try {
            table = SubmissionReader.read(file.path().format(), bytes);
        } catch (UnreadableFileException e) {
            return run.refuse(QuarantineCode.UNREADABLE_FILE.detail(e.messageZh(), e.messageEn()));
        }
        run.format = table.encoding();
        RecordType type = file.path().recordType();
        HeaderMapper.Mapping mapping = headerMappers.get(type).map(table.headers());
        List<SourceColumn> missing = validator.missingColumns(type, mapping);
        if (!missing.isEmpty()) {
            String names = missing.stream().map(SourceColumn::displayName).collect(Collectors.joining("、"));
            return run.refuse(QuarantineCode.MISSING_COLUMN.message(Map.of("columns", names,
                    "headers_zh", String.join("、", table.headers()), "headers_en", String.join(", ", table.headers()))));
        }
        Schema schema = catalog.schema(type);
        List<String> keyFields = catalog.naturalKey(type);
        Map<List<Object>, Seen> seen = new HashMap<>();
        for (SourceRow row : table.rows()) {
            run.rowsRead++;
            if (row.parseError() != null) {
                run.quarantine(row, mapping, Violation.of(QuarantineCode.BAD_JSON_LINE, null, Map.of("error", row.parseError())));
                continue;
            }
            RowResult result = validator.validate(file.path(), mapping, row.cells(), refs);
            if (result instanceof RowResult.Rejected rejected) {
                run.quarantine(row, mapping, rejected.violations().toArray(Violation[]::new));
                continue;
            }
            ValidatedRow valid = ((RowResult.Accepted) result).row();
            List<Object> key = keyFields.stream().map(valid.values()::get).toList();
            Seen earlier = seen.get(key);
            if (earlier == null) {
                seen.put(key, new Seen(row.rowNumber(), valid.values()));
                run.accept(schema, row, valid);
            } else if (earlier.values().equals(valid.values())) {
                run.duplicates++;
            } else {
                run.quarantine(row, mapping, Violation.of(QuarantineCode.CONFLICTING_ROW, null, Map.of("earlier_row", earlier.rowNumber(),
                        "keys_zh", String.join("、", keyFields), "keys_en", String.join(", ", keyFields))));
            }
        }
        return run.outcome();
    }

    private record Seen(int rowNumber, Map<String, Object> values) {}

    /** The state of checking one file. */
    private final class Run {
        final PlannedFile file;
        final String runId;
        final long ingestedAt;
        final List<GenericRecord> accepted = new ArrayList<>();
        final List<GenericRecord> quarantine = new ArrayList<>();
        String format;
        long rowsRead;
        long acceptedCount;
        long duplicates;
        boolean refused;

        Run(PlannedFile file, String runId, long ingestedAt) {
            this.file = file;
            this.runId = runId;
            this.ingestedAt = ingestedAt;
            this.format = file.path() == null ? "unknown" : file.path().format().name().toLowerCase(java.util.Locale.ROOT);
        }

        void accept(Schema schema, SourceRow row, ValidatedRow valid) {
            acceptedCount++;
            if (!file.isCurrent()) {
                return;
            }
            Map<String, Object> values = new LinkedHashMap<>(valid.values());
            values.put("submitter", file.path().submitter());
            values.put("submission_id", file.submissionId());
            values.put("source_file", file.relativePath());
            values.put("source_row", row.rowNumber());
            values.put("qualifier", valid.qualifier().code());
            values.put("extras", valid.extras().isEmpty() ? null : json(valid.extras()));
            accepted.add(RecordBuilder.build(schema, values));
        }

        void quarantine(SourceRow row, HeaderMapper.Mapping mapping, Violation... violations) {
            Map<String, String> raw = new LinkedHashMap<>();
            for (int i = 0; i < mapping.headers().size(); i++) {
                SourceColumn column = mapping.columns().get(i);
                String cell = i < row.cells().size() ? row.cells().get(i) : "";
                raw.put(mapping.headers().get(i),
                        PersonalDataMasker.maskCell(mapping.headers().get(i), cell, column != null && column.personal()));
            }
            Violation first = violations[0];
            String zh = java.util.Arrays.stream(violations).map(Violation::messageZh).collect(Collectors.joining("；"));
            String en = java.util.Arrays.stream(violations).map(Violation::messageEn).collect(Collectors.joining("; "));
            quarantine.add(entry(row.rowNumber(), first.column(), json(raw), first.code(), zh, en));
        }

        SubmissionOutcome refuse(QuarantineCode.Message reason) {
            refused = true;
            rowsRead = 1;
            quarantine.add(entry(null, null, null, reason.code().code(), reason.zh(), reason.en()));
            return outcome();
        }

        GenericRecord entry(Integer rowNumber, String column, String raw, String code, String zh, String en) {
            Map<String, Object> v = new HashMap<>();
            v.put("run_id", runId);
            v.put("submission_id", file.submissionId());
            v.put("source_file", file.relativePath());
            v.put("submitter", file.path() == null ? null : file.path().submitter());
            v.put("record_type", file.path() == null ? null : file.path().recordType().code());
            v.put("source_row", rowNumber);
            v.put("column_name", column);
            v.put("raw_row", raw);
            v.put("error_code", code);
            v.put("message_zh", zh);
            v.put("message_en", en);
            return RecordBuilder.build(quarantineSchema(), v);
        }

        SubmissionOutcome outcome() {
            Map<String, Object> v = new HashMap<>();
            v.put("submission_id", file.submissionId());
            v.put("sha256", file.sha256());
            v.put("source_file", file.relativePath());
            v.put("submitter", file.path() == null ? null : file.path().submitter());
            v.put("record_type", file.path() == null ? null : file.path().recordType().code());
            v.put("format", format);
            v.put("file_modified_at", file.modifiedMillis());
            v.put("rows_read", rowsRead);
            v.put("accepted", acceptedCount);
            v.put("duplicates", duplicates);
            v.put("quarantined", (long) quarantine.size());
            v.put("status", (refused ? ReceiptStatus.REFUSED : file.isCurrent() ? ReceiptStatus.CURRENT : ReceiptStatus.REPLACED).code());
            v.put("replaced_by", file.replacedBy());
            v.put("run_id", runId);
            v.put("ingested_at", ingestedAt);
            return new SubmissionOutcome(accepted, quarantine, RecordBuilder.build(receiptSchema(), v));
        }
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
