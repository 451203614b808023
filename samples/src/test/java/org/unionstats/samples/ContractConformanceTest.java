package org.unionstats.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.contract.ContractCatalog;
import org.unionstats.contract.HeaderMapper;
import org.unionstats.contract.Indicators;
import org.unionstats.contract.RecordType;
import org.unionstats.privacy.Pseudonymizer;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.submission.SubmissionPath;
import org.unionstats.validation.ReferenceCodes;
import org.unionstats.validation.RowResult;
import org.unionstats.validation.RowValidator;

/**
 * Runs every generated row through the contract's own row validator (common module): a clean inbox must be
 * accepted row for row, and with mistakes every injected row-level mistake must be refused, no more, no fewer.
 */
class ContractConformanceTest {

    private static final RegionDirectory REGIONS = RegionDirectory.loadDefault();

    @Test
    void cleanInboxIsAcceptedRowForRow() throws IOException {
        GenerationSummary summary = TinyInboxes.clean().summary();
        Verdicts v = validate(TinyInboxes.clean().root());
        assertThat(v.rejections).as("first rejections").isEmpty();
        assertThat(v.accepted).isEqualTo(summary.totalRows());
    }

    @Test
    void everyInjectedMistakeIsRefused(@TempDir Path out) throws IOException {
        GeneratorConfig config = GeneratorConfig.defaults(out, Scale.TINY).withSeed(11).withMistakeRate(0.05);
        GenerationSummary summary = new SampleInboxGenerator(config, REGIONS).generate();
        Verdicts v = validate(out);
        long rowMistakes = 0;
        for (Map.Entry<String, Long> e : summary.mistakesByKind().entrySet()) {
            // Duplicates are accepted twice and a miscounted balance is a valid row: only the warehouse sees them.
            if (!e.getKey().equals(MistakeInjector.DUPLICATE) && !e.getKey().equals(MistakeInjector.BALANCE_MISMATCH)
                    && !e.getKey().startsWith("damaged")
                    && !e.getKey().equals(GroupWriter.CORRECTED_FILES) && !e.getKey().equals(GroupWriter.REPLACED_ROWS)) {
                rowMistakes += e.getValue();
            }
        }
        assertThat(rowMistakes).isGreaterThan(200);
        assertThat(v.rejected).as("rejections by code %s, mistakes %s", v.byCode, summary.mistakesByKind()).isEqualTo(rowMistakes);
        assertThat(v.accepted + v.rejected).isEqualTo(summary.totalRows());
        assertThat(summary.mistakes(MistakeInjector.BALANCE_MISMATCH)).isPositive();
    }

    private static final class Verdicts {
        long accepted;
        long rejected;
        final List<String> rejections = new ArrayList<>();
        final Map<String, Long> byCode = new TreeMap<>();
    }

    private static Verdicts validate(Path root) throws IOException {
        ContractCatalog catalog = ContractCatalog.load();
        RowValidator validator = new RowValidator(catalog, REGIONS, Indicators.load(),
                new Pseudonymizer("samples-conformance-test-key".getBytes(StandardCharsets.UTF_8)));
        Map<String, InboxReader.Table> tables = new TreeMap<>();
        for (Path f : InboxReader.files(root)) {
            try {
                tables.put(root.relativize(f).toString().replace('\\', '/'), InboxReader.read(f));
            } catch (Exception damaged) {
                // the damaged workbook: ingestion quarantines the file as a whole
            }
        }
        Set<String> orgs = new HashSet<>();
        Set<String> competitions = new HashSet<>();
        for (Map.Entry<String, InboxReader.Table> e : tables.entrySet()) {
            RecordType type = SubmissionPath.parse(e.getKey(), REGIONS).recordType();
            for (Map<String, String> row : e.getValue().rows()) {
                if (type == RecordType.ORG_UNITS) {
                    orgs.add(SampleInboxGeneratorTest.value(row, "org_code", "工会代码").strip());
                } else if (type == RecordType.COMPETITIONS) {
                    competitions.add(SampleInboxGeneratorTest.value(row, "competition_id", "竞赛编号").strip());
                }
            }
        }
        ReferenceCodes refs = new ReferenceCodes(orgs, competitions);
        Verdicts v = new Verdicts();
        for (Map.Entry<String, InboxReader.Table> e : tables.entrySet()) {
            SubmissionPath sub = SubmissionPath.parse(e.getKey(), REGIONS);
            InboxReader.Table t = e.getValue();
            HeaderMapper.Mapping mapping = new HeaderMapper(catalog.columns(sub.recordType())).map(t.header());
            assertThat(validator.missingColumns(sub.recordType(), mapping)).as(e.getKey()).isEmpty();
            for (Map<String, String> row : t.rows()) {
                List<String> cells = new ArrayList<>();
                for (String h : t.header()) {
                    cells.add(row.getOrDefault(h, ""));
                }
                RowResult result = validator.validate(sub, mapping, cells, refs);
                if (result instanceof RowResult.Rejected r) {
                    v.rejected++;
                    v.byCode.merge(sub.recordType().code() + ":" + r.violations().get(0).code(), 1L, Long::sum);
                    if (v.rejections.size() < 10) {
                        v.rejections.add(e.getKey() + " " + cells + " → " + r.violations());
                    }
                } else {
                    v.accepted++;
                }
            }
        }
        return v;
    }

}
