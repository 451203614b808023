package org.unionstats.runs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.warehouse.receipts.Receipt;

/**
 * The data-quality gate a run passes before KPIs are computed and published: per county (the
 * submitter's 6-digit region) and submission period, the share of quarantined rows among the rows
 * read of its current and refused files must not exceed {@code maxQuarantineShare}. Counties with
 * fewer than {@code minRows} rows read are not judged (one bad row of two is no signal).
 *
 * @param maxQuarantineShare 0..1; null turns the gate off
 */
public record QualityGate(Double maxQuarantineShare, long minRows) {

    public static final QualityGate OFF = new QualityGate(null, 0);

    public QualityGate {
        if (maxQuarantineShare != null && (maxQuarantineShare < 0 || maxQuarantineShare > 1)) {
            throw new IllegalArgumentException("--max-quarantine-share must be between 0 and 1, e.g. 0.2");
        }
        if (minRows < 0) {
            throw new IllegalArgumentException("--gate-min-rows must not be negative");
        }
    }

    /** One county and period over the threshold. */
    public record Breach(String county, String countyName, String period, long quarantined, long rowsRead) {

        public double share() {
            return rowsRead == 0 ? 0 : (double) quarantined / rowsRead;
        }

        public String describe() {
            return String.format("%s %s %s: %.1f%% quarantined (%,d of %,d rows)", county, countyName, period, 100 * share(),
                    quarantined, rowsRead);
        }
    }

    public boolean isOn() {
        return maxQuarantineShare != null;
    }

    /** The counties and periods over the threshold, among the receipts of the given submission periods. */
    public List<Breach> breaches(Collection<Receipt> receipts, Set<String> periods, RegionDirectory regions) {
        if (!isOn()) {
            return List.of();
        }
        Map<String, long[]> byCountyPeriod = new TreeMap<>();
        for (Receipt r : receipts) {
            if (r.counts() && r.submitter() != null && r.submitter().length() >= 6 && periods.contains(r.period())) {
                long[] counts = byCountyPeriod.computeIfAbsent(r.submitter().substring(0, 6) + "|" + r.period(), k -> new long[2]);
                counts[0] += r.quarantined();
                counts[1] += r.rowsRead();
            }
        }
        List<Breach> breaches = new ArrayList<>();
        byCountyPeriod.forEach((key, counts) -> {
            String county = key.substring(0, 6);
            Breach b = new Breach(county, regions.find(county).map(x -> x.name()).orElse(""), key.substring(7), counts[0], counts[1]);
            if (counts[1] >= Math.max(1, minRows) && b.share() > maxQuarantineShare) {
                breaches.add(b);
            }
        });
        return breaches;
    }

    /** The message of a refused run: the rule and every county over it. */
    public String refusal(List<Breach> breaches) {
        StringBuilder m = new StringBuilder("refused by the data-quality gate (quarantine share above "
                + java.math.BigDecimal.valueOf(100 * maxQuarantineShare).stripTrailingZeros().toPlainString() + "%): ");
        for (int i = 0; i < breaches.size(); i++) {
            m.append(i == 0 ? "" : "; ").append(breaches.get(i).describe());
        }
        return m.toString();
    }
}
