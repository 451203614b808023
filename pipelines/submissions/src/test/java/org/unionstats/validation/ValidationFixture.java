package org.unionstats.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.unionstats.contract.ContractCatalog;
import org.unionstats.contract.HeaderMapper;
import org.unionstats.contract.Indicators;
import org.unionstats.privacy.Pseudonymizer;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.submission.SubmissionPath;

/** Shared, real reference data for the validation tests, and a compact way to write a row. */
final class ValidationFixture {

    static final ContractCatalog CATALOG = ContractCatalog.load();
    static final RegionDirectory REGIONS = RegionDirectory.loadDefault();
    static final Indicators INDICATORS = Indicators.load();
    static final byte[] KEY = "unionstats-test-key-0001".getBytes(StandardCharsets.UTF_8);
    static final Pseudonymizer PSEUDONYMIZER = new Pseudonymizer(KEY);
    static final RowValidator VALIDATOR = new RowValidator(CATALOG, REGIONS, INDICATORS, PSEUDONYMIZER);

    /** Basic-level unions declared in org_units, and declared competitions. */
    static final ReferenceCodes REFS = new ReferenceCodes(
            Set.of("130306-0001", "130306-0042", "130322-0001"), Set.of("JS2024-001"));

    static final String VALID_CREDIT_CODE = "91350100M000100Y43";

    private ValidationFixture() {}

    /** A header row and one data row, written as header/value pairs. */
    record Row(List<String> headers, List<String> cells) {}

    static Row row(String... headerValuePairs) {
        if (headerValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("header/value pairs expected");
        }
        List<String> headers = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < headerValuePairs.length; i += 2) {
            headers.add(headerValuePairs[i]);
            cells.add(headerValuePairs[i + 1]);
        }
        return new Row(headers, cells);
    }

    /**
     * A copy of header/value pairs with some values replaced (by header) or, for headers not in
     * the base, appended.
     */
    static String[] with(String[] base, String... overrides) {
        List<String> out = new ArrayList<>(List.of(base));
        for (int i = 0; i < overrides.length; i += 2) {
            int at = -1;
            for (int j = 0; j < out.size(); j += 2) {
                if (out.get(j).equals(overrides[i])) {
                    at = j;
                    break;
                }
            }
            if (at >= 0) {
                out.set(at + 1, overrides[i + 1]);
            } else {
                out.add(overrides[i]);
                out.add(overrides[i + 1]);
            }
        }
        return out.toArray(String[]::new);
    }

    /** A copy of header/value pairs without the given headers. */
    static String[] without(String[] base, String... headers) {
        List<String> drop = List.of(headers);
        List<String> out = new ArrayList<>();
        for (int j = 0; j < base.length; j += 2) {
            if (!drop.contains(base[j])) {
                out.add(base[j]);
                out.add(base[j + 1]);
            }
        }
        return out.toArray(String[]::new);
    }

    static SubmissionPath path(String relativePath) {
        return SubmissionPath.parse(relativePath, REGIONS);
    }

    static RowResult validate(String relativePath, ReferenceCodes refs, Row row) {
        SubmissionPath sub = path(relativePath);
        HeaderMapper.Mapping mapping = new HeaderMapper(CATALOG.columns(sub.recordType())).map(row.headers());
        return VALIDATOR.validate(sub, mapping, row.cells(), refs);
    }

    static RowResult validate(String relativePath, String... headerValuePairs) {
        return validate(relativePath, REFS, row(headerValuePairs));
    }

    static ValidatedRow accepted(String relativePath, String... headerValuePairs) {
        RowResult result = validate(relativePath, headerValuePairs);
        assertThat(result).as("row should be accepted").isInstanceOf(RowResult.Accepted.class);
        return ((RowResult.Accepted) result).row();
    }

    static List<Violation> rejected(String relativePath, String... headerValuePairs) {
        return rejected(validate(relativePath, headerValuePairs));
    }

    static List<Violation> rejected(RowResult result) {
        assertThat(result).as("row should be rejected").isInstanceOf(RowResult.Rejected.class);
        List<Violation> violations = ((RowResult.Rejected) result).violations();
        assertThat(violations).isNotEmpty();
        return violations;
    }

    /** The only violation of a rejected row. */
    static Violation single(String relativePath, String... headerValuePairs) {
        List<Violation> violations = rejected(relativePath, headerValuePairs);
        assertThat(violations).as("exactly one violation").hasSize(1);
        return violations.get(0);
    }
}
