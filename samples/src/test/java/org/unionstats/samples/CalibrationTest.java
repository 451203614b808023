package org.unionstats.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.unionstats.contract.RecordType;
import org.unionstats.period.Period;
import org.unionstats.regions.Region;
import org.unionstats.submission.SubmissionPath;
import org.unionstats.samples.TinyInboxes.Inbox;
import org.unionstats.samples.TinyInboxes.Row;

/**
 * The tiny inbox against the magnitudes it is calibrated on (docs/sample-data.md, "Where the magnitudes come from"),
 * measured on the generated files as the contract's validator reads them, not on the generator's state.
 */
class CalibrationTest {

    private static final LocalDate OPENING = LocalDate.of(2022, 12, 31);
    private static final LocalDate YEAR_END = LocalDate.of(2023, 12, 31);
    private static final List<Period> PERIODS = GeneratorConfig.defaultPeriods();

    private static String county(String orgCode) {
        return orgCode.substring(0, 6);
    }

    private static boolean isMembers(Row r) {
        return r.text("balance_type").equals("members");
    }

    /** Members balances as at the date, by union. */
    private static Map<String, Long> memberBalances(Inbox inbox, LocalDate asOf) {
        Map<String, Long> out = new TreeMap<>();
        for (Row r : TinyInboxes.accepted(inbox, RecordType.BALANCES)) {
            if (isMembers(r) && r.get("as_of").equals(asOf)) {
                out.put(r.text("org_code"), r.number("value"));
            }
        }
        return out;
    }

    private static Map<String, Long> byCounty(Map<String, Long> byUnion) {
        Map<String, Long> out = new TreeMap<>();
        byUnion.forEach((org, v) -> out.merge(county(org), v, Long::sum));
        return out;
    }

    private static int delta(Row event) {
        String type = event.text("event_type");
        return type.equals("join") || type.equals("transfer_in") ? 1 : -1;
    }

    private static List<String> reportingCounties() {
        List<String> all = TinyInboxes.REGIONS.countiesUnder("130300").stream().map(Region::code).toList();
        List<String> out = new ArrayList<>(all);
        out.removeAll(TinyInboxes.standard().summary().silentUnits());
        return out;
    }

    @Test
    void countiesHaveTensOfThousandsOfMembersAndTheCityHundredsOfThousands() {
        Map<String, Long> counties = byCounty(memberBalances(TinyInboxes.standard(), OPENING));
        assertThat(counties.keySet()).containsExactlyInAnyOrderElementsOf(reportingCounties());
        counties.forEach((code, members) -> assertThat(members).as(code).isBetween(10_000L, 300_000L));
        long city = counties.values().stream().mapToLong(Long::longValue).sum();
        assertThat(city).isBetween(200_000L, 999_999L);
        // The summary counts the same opening members (the validator reads every opening balance).
        assertThat(TinyInboxes.standard().summary().membersAtStart()).isEqualTo(city);
        // Unions of very different sizes: enterprise unions of a handful, joint unions of thousands.
        Map<String, Long> unions = memberBalances(TinyInboxes.standard(), OPENING);
        assertThat(unions.values().stream().mapToLong(Long::longValue).min().orElseThrow()).isLessThan(30);
        assertThat(unions.values().stream().mapToLong(Long::longValue).max().orElseThrow()).isGreaterThan(5_000);
    }

    @Test
    void quarterlyNetGrowthOfEveryCountyIsAFewTenthsOfAPercent() {
        Inbox inbox = TinyInboxes.standard();
        Map<String, Long> stock = byCounty(memberBalances(inbox, OPENING));
        Map<String, Map<Period, Long>> net = new TreeMap<>();
        for (Row e : TinyInboxes.accepted(inbox, RecordType.MEMBER_EVENTS)) {
            net.computeIfAbsent(county(e.text("org_code")), k -> new TreeMap<>()).merge(e.period(), (long) delta(e), Long::sum);
        }
        List<Double> all = new ArrayList<>();
        for (String c : reportingCounties()) {
            long s = stock.get(c);
            for (Period p : PERIODS) {
                long n = net.getOrDefault(c, Map.of()).getOrDefault(p, 0L);
                double growth = (double) n / s;
                assertThat(growth).as(c + " " + p.canonical()).isBetween(-0.01, 0.03);
                all.add(growth);
                s += n;
            }
        }
        double mean = all.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(mean).isBetween(0.0, 0.01);
    }

    @Test
    void joinsOutnumberLeavesAndNewFormWorkersAreATenthToASeventhOfJoins() {
        long joins = 0;
        long leaves = 0;
        long known = 0;
        long newForm = 0;
        for (Row e : TinyInboxes.accepted(TinyInboxes.standard(), RecordType.MEMBER_EVENTS)) {
            switch (e.text("event_type")) {
                case "join" -> {
                    joins++;
                    if (e.get("worker_category") != null) {
                        known++;
                        newForm += e.text("worker_category").equals("new_form") ? 1 : 0;
                    }
                }
                case "leave" -> leaves++;
                default -> { }
            }
        }
        assertThat(joins).isGreaterThan(leaves * 3 / 2);
        assertThat(leaves).isGreaterThan(joins / 10);
        assertThat((double) newForm / known).isBetween(0.10, 0.15);
    }

    /** Opening balance plus the events up to the year's end, by union, from the clean inbox's rows. */
    private static Map<String, Long> expectedYearEnd() {
        Inbox clean = TinyInboxes.clean();
        Map<String, Long> expected = new TreeMap<>(memberBalances(clean, OPENING));
        for (Row e : TinyInboxes.accepted(clean, RecordType.MEMBER_EVENTS)) {
            if (!((LocalDate) e.get("event_date")).isAfter(YEAR_END)) {
                expected.merge(e.text("org_code"), (long) delta(e), Long::sum);
            }
        }
        return expected;
    }

    @Test
    void yearEndBalancesAreOpeningPlusEventsExceptTheMiscountedOnes() {
        Map<String, Long> expected = expectedYearEnd();
        // Without mistakes every union's year-end balance is its opening balance plus its events.
        Map<String, Long> clean = memberBalances(TinyInboxes.clean(), YEAR_END);
        assertThat(clean.keySet()).isSubsetOf(expected.keySet()).hasSizeGreaterThan(300);
        clean.forEach((org, v) -> assertThat(v).as(org).isEqualTo(expected.get(org)));
        assertThat(TinyInboxes.clean().summary().mistakes(MistakeInjector.BALANCE_MISMATCH)).isZero();

        // With the default mistake rate about 1.5 % of the unions report a figure a little off.
        Inbox inbox = TinyInboxes.standard();
        Map<String, Long> reported = memberBalances(inbox, YEAR_END);
        assertThat(reported.keySet()).isEqualTo(clean.keySet());
        int mismatched = 0;
        for (Map.Entry<String, Long> e : reported.entrySet()) {
            long want = expected.get(e.getKey());
            long diff = Math.abs(e.getValue() - want);
            if (diff != 0) {
                mismatched++;
                assertThat(diff).as(e.getKey() + " off by").isLessThanOrEqualTo(Math.max(5, Math.round(want * 0.045)));
            }
        }
        assertThat(mismatched).isEqualTo(inbox.summary().mistakes(MistakeInjector.BALANCE_MISMATCH)).isPositive()
                .isLessThan(reported.size() / 20);
    }

    @Test
    void nobodyLeavesAnEmptyUnionAndLeaversAreOpeningMembersOrEarlierNewcomers() {
        Inbox clean = TinyInboxes.clean();
        Map<String, Long> opening = memberBalances(clean, OPENING);
        List<Row> events = new ArrayList<>(TinyInboxes.accepted(clean, RecordType.MEMBER_EVENTS));
        events.sort(Comparator.comparing((Row e) -> (LocalDate) e.get("event_date")));
        Map<String, TreeMap<LocalDate, Long>> deltasByUnion = new HashMap<>();
        Map<String, Long> openingLeavers = new HashMap<>();
        Map<String, String> lastByMemberAndUnion = new HashMap<>();
        for (Row e : events) {
            String org = e.text("org_code");
            deltasByUnion.computeIfAbsent(org, k -> new TreeMap<>()).merge((LocalDate) e.get("event_date"), (long) delta(e), Long::sum);
            String key = e.text("member_key") + "|" + org;
            String previous = lastByMemberAndUnion.put(key, e.text("event_type"));
            if (delta(e) < 0) {
                // An opening member (never seen before) or someone who joined or transferred in before.
                assertThat(previous).as("an exit of " + key).isIn(null, "join", "transfer_in");
                if (previous == null) {
                    openingLeavers.merge(org, 1L, Long::sum);
                }
                lastByMemberAndUnion.put(key, "gone");
            } else {
                assertThat(previous).as("a second entry of " + key).isNull();
            }
        }
        for (Map.Entry<String, TreeMap<LocalDate, Long>> u : deltasByUnion.entrySet()) {
            long stock = opening.getOrDefault(u.getKey(), 0L);
            for (Map.Entry<LocalDate, Long> d : u.getValue().entrySet()) {
                stock += d.getValue();
                assertThat(stock).as(u.getKey() + " on " + d.getKey()).isNotNegative();
            }
        }
        openingLeavers.forEach((org, n) -> assertThat(n).as(org).isLessThanOrEqualTo(opening.getOrDefault(org, 0L)));
    }

    @Test
    void hardshipRegistersAreLikeYulinsAndAQuarterOfTheCountiesReportThemByABalance() {
        Inbox inbox = TinyInboxes.standard();
        Map<String, Long> byBalance = new TreeMap<>();
        for (Row r : TinyInboxes.accepted(inbox, RecordType.BALANCES)) {
            if (r.text("balance_type").equals("hardship_on_file")) {
                assertThat(r.get("as_of")).isEqualTo(OPENING);
                assertThat(r.text("org_code")).isEqualTo(r.path().submitter());
                byBalance.put(r.text("org_code"), r.number("value"));
            }
        }
        // Every case: when filed, when lifted out, the period it was first reported closed.
        Map<String, LocalDate> filed = new HashMap<>();
        Map<String, LocalDate> lifted = new HashMap<>();
        Map<String, Period> closed = new HashMap<>();
        Map<String, Set<String>> snapshot = new TreeMap<>();
        for (Row r : TinyInboxes.accepted(inbox, RecordType.HARDSHIP_CASES)) {
            String id = r.text("case_id");
            String c = county(r.text("org_code"));
            filed.put(id, (LocalDate) r.get("filed_on"));
            if (r.text("status").equals("lifted_out")) {
                lifted.put(id, (LocalDate) r.get("lifted_out_on"));
            } else if (r.text("status").equals("closed")) {
                closed.merge(id, r.period(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
            if (r.period().equals(PERIODS.get(0)) && !((LocalDate) r.get("filed_on")).isAfter(OPENING)) {
                snapshot.computeIfAbsent(c, k -> new TreeSet<>()).add(id);
            }
        }
        List<String> counties = reportingCounties();
        assertThat(byBalance).hasSize((int) Math.round(counties.size() * 0.25));
        Map<String, Long> onFile = new TreeMap<>(byBalance);
        for (String c : counties) {
            if (!byBalance.containsKey(c)) {
                onFile.put(c, (long) snapshot.getOrDefault(c, Set.of()).size());
            } else {
                // A balance county lists its earlier cases only when they change: far fewer than its register.
                assertThat(snapshot.getOrDefault(c, Set.of()).size()).as(c).isLessThan((int) (byBalance.get(c) * 0.8));
            }
        }
        assertThat(onFile.keySet()).containsExactlyInAnyOrderElementsOf(counties);
        long city = 0;
        for (String c : counties) {
            long start = onFile.get(c);
            city += start;
            assertThat(start).as(c + " on file at the start").isBetween(150L, 700L);
            for (int year : new int[] {2023, 2024}) {
                long filedIn = count(filed, c, year);
                long liftedIn = count(lifted, c, year);
                long closedIn = closed.entrySet().stream().filter(e -> e.getKey().contains(c) && e.getValue().year() == year).count();
                double rate = (double) liftedIn / (start + filedIn);
                assertThat(rate).as(c + " lift-out rate " + year).isBetween(0.10, 0.40);
                start = start + filedIn - liftedIn - closedIn;
                assertThat(start).as(c + " on file at the end of " + year).isBetween(150L, 700L);
            }
        }
        // The summary's figure, less the few snapshot rows the injected mistakes spoil.
        assertThat((double) city).isCloseTo(inbox.summary().hardshipOnFileAtStart(), within(inbox.summary().hardshipOnFileAtStart() * 0.03));
    }

    private static long count(Map<String, LocalDate> dates, String county, int year) {
        return dates.entrySet().stream()
                .filter(e -> e.getKey().contains(county) && e.getValue() != null && e.getValue().getYear() == year)
                .count();
    }

    @Test
    void competitionEntrantsAreWellUnderOneInTwoMembersAYear() {
        Inbox inbox = TinyInboxes.standard();
        Map<String, Integer> startYear = new HashMap<>();
        for (Row r : TinyInboxes.accepted(inbox, RecordType.COMPETITIONS)) {
            startYear.put(r.text("competition_id"), ((LocalDate) r.get("start_date")).getYear());
        }
        Map<String, Long> members = byCounty(memberBalances(inbox, OPENING));
        Map<String, Long> entrants = new TreeMap<>();
        Set<String> enterprises = new HashSet<>();
        for (Row r : TinyInboxes.accepted(inbox, RecordType.COMPETITION_ENTRIES)) {
            Integer year = startYear.get(r.text("competition_id"));
            if (year != null) {
                entrants.merge(county(r.text("org_code")) + "|" + year, r.number("entrants"), Long::sum);
                enterprises.add(r.text("enterprise_credit_code") + "|" + year);
            }
        }
        long cityMembers = members.values().stream().mapToLong(Long::longValue).sum();
        for (int year : new int[] {2023, 2024}) {
            long city = 0;
            for (Map.Entry<String, Long> m : members.entrySet()) {
                long n = entrants.getOrDefault(m.getKey() + "|" + year, 0L);
                city += n;
                assertThat(100.0 * n / m.getValue()).as(m.getKey() + " entrants per 100 members in " + year).isLessThan(50);
            }
            assertThat(100.0 * city / cityMembers).as("city entrants per 100 members in " + year).isBetween(5.0, 30.0);
            final int y = year;
            assertThat(enterprises.stream().filter(e -> e.endsWith("|" + y)).count()).as("enterprises in " + year)
                    .isGreaterThan(200);
        }
    }

    @Test
    void oneCountyIsSilentAndAnotherMissesAPeriod() {
        Inbox inbox = TinyInboxes.standard();
        Map<String, Set<Period>> sent = new TreeMap<>();
        for (Path f : InboxReader.files(inbox.root())) {
            SubmissionPath p = SubmissionPath.parse(TinyInboxes.relative(inbox.root(), f), TinyInboxes.REGIONS);
            sent.computeIfAbsent(p.submitter(), k -> new TreeSet<>()).add(p.period());
        }
        List<String> counties = TinyInboxes.REGIONS.countiesUnder("130300").stream().map(Region::code).toList();
        List<String> silent = counties.stream().filter(c -> !sent.containsKey(c)).toList();
        assertThat(silent).hasSize(1).isEqualTo(inbox.summary().silentUnits());
        assertThat(silent).doesNotContain("130302"); // 海港区 carries the forced corrected and damaged files
        Map<String, String> missing = new TreeMap<>();
        for (String c : counties) {
            if (sent.containsKey(c) && sent.get(c).size() < PERIODS.size()) {
                Set<Period> gaps = new TreeSet<>(PERIODS);
                gaps.removeAll(sent.get(c));
                assertThat(gaps).as(c).hasSize(1);
                missing.put(c, gaps.iterator().next().canonical());
            }
        }
        assertThat(missing).hasSize(1).isEqualTo(inbox.summary().unitsMissingAPeriod());
        // The clean inbox is silent in the same places.
        assertThat(TinyInboxes.clean().summary().silentUnits()).isEqualTo(silent);
        assertThat(TinyInboxes.clean().summary().unitsMissingAPeriod()).isEqualTo(missing);
    }

    @Test
    void theArrivalLogListsEveryFileAtItsModificationTimeAndAFewAreLate() throws IOException {
        Inbox inbox = TinyInboxes.standard();
        List<String> lines = Files.readAllLines(inbox.root().resolve(GenerationSummary.ARRIVALS_FILE_NAME), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("source_file,received_at");
        Map<String, OffsetDateTime> logged = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            int comma = line.lastIndexOf(',');
            String received = line.substring(comma + 1);
            assertThat(received).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
            assertThat(logged.put(line.substring(0, comma), OffsetDateTime.parse(received))).isNull();
        }
        List<Path> files = InboxReader.files(inbox.root());
        assertThat(logged.keySet()).isEqualTo(files.stream().map(f -> TinyInboxes.relative(inbox.root(), f))
                .collect(Collectors.toCollection(TreeSet::new)));
        int late = 0;
        for (Path f : files) {
            String rel = TinyInboxes.relative(inbox.root(), f);
            OffsetDateTime at = logged.get(rel);
            assertThat(at.toInstant()).as(rel).isEqualTo(TinyInboxes.mtime(f).toInstant());
            Period period = SubmissionPath.parse(rel, TinyInboxes.REGIONS).period();
            LocalDate day = at.toLocalDate();
            assertThat(day).as(rel).isAfter(period.end());
            if (day.isAfter(period.end().plusDays(15))) {
                late++;
            }
        }
        assertThat(late).isEqualTo(inbox.summary().lateFiles());
        assertThat((double) late / files.size()).isBetween(0.01, 0.10);
        assertThat(inbox.summary().files()).isEqualTo(files.size());
    }

    @Test
    void balancesRowsAreCountedInTheSummary() {
        GenerationSummary s = TinyInboxes.standard().summary();
        long unions = memberBalances(TinyInboxes.standard(), OPENING).size();
        assertThat(s.rowsByRecordType().get("balances")).isGreaterThanOrEqualTo(2 * unions);
        assertThat(s.totalRows()).isLessThanOrEqualTo(42_000);
        assertThat(s.memberEvents()).isCloseTo(22_000, within(4_000L));
    }
}
