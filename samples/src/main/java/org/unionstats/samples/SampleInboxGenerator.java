package org.unionstats.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionstats.contract.RecordType;
import org.unionstats.period.Period;
import org.unionstats.regions.Region;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.regions.RegionLevel;

/**
 * Generates a realistic submission inbox: for every county-level unit in scope and every period, the files its
 * union sends (org units, balances, member events, hardship cases, competitions and entries, indicator reports),
 * plus the competitions and the target letters of the cities and provinces above them, following the submission
 * contract's path rule {@code <out>/<submitter>/<period>/<record type>….<csv|xlsx|jsonl>}. One county sends nothing at all and another
 * misses a period, so that completeness has something to show. Writes a summary to {@code <out>/_generated.json}
 * and the arrival time of every file to {@code <out>/_arrivals.csv}.
 *
 * <p>Deterministic: every county, organiser and file draws from its own random stream derived from the seed, so the
 * files do not depend on thread scheduling. Counties are generated on two threads.
 */
public final class SampleInboxGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(SampleInboxGenerator.class);

    /**
     * Member events per county and quarter below which a numbered scale also thins the hardship registers and the
     * competition entries (about the national {@link Scale#MEDIUM medium} scale's). The named scales and anything
     * denser keep every county at its calibrated size.
     */
    static final double EVENTS_PER_COUNTY_QUARTER = 45;

    /** Counties below which no county is silenced (a scope of one or two counties is asked for on purpose). */
    private static final int MIN_COUNTIES_FOR_SILENCE = 3;

    private static final int THREADS = 2;

    private final GeneratorConfig config;
    private final RegionDirectory regions;
    private final Catalog catalog;

    public SampleInboxGenerator(GeneratorConfig config, RegionDirectory regions) {
        this.config = Objects.requireNonNull(config, "config");
        this.regions = Objects.requireNonNull(regions, "regions");
        this.catalog = Catalog.load();
    }

    public GenerationSummary generate() {
        long started = System.nanoTime();
        List<Region> counties = countiesInScope();
        List<Period> periods = config.periods();
        double[] shares = periodShares(periods);
        double quarters = periods.stream().mapToDouble(p -> p.type().months() / 3.0).sum();
        double density = config.scale().named() ? 1.0
                : Math.min(1.0, config.scale().targetMemberEvents() / (counties.size() * quarters * EVENTS_PER_COUNTY_QUARTER));
        LOG.info("generating {} inbox for {} county-level units of {} over {} periods into {} (seed {}, mistake rate {})",
                config.scale().name(), counties.size(), config.effectiveScope(), periods.size(), config.out(),
                config.seed(), config.mistakeRate());
        createOut();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            // 1. The unions of every county, needed across counties by transfers and competitions.
            OrgUnitsGenerator orgGen = new OrgUnitsGenerator(config.seed(), periods);
            List<CountyOrgs> orgs = parallel(pool, counties, c -> orgGen.generate(c, cityName(c)));
            Map<String, CountyOrgs> orgsByCode = new LinkedHashMap<>();
            orgs.forEach(o -> orgsByCode.put(o.code(), o));
            // Event budgets in proportion to the counties' members, so that flows are the same share of every stock.
            double totalMembers = orgs.stream().mapToDouble(CountyOrgs::openingMembers).sum();
            Map<String, Double> budgets = new HashMap<>();
            orgs.forEach(o -> budgets.put(o.code(), config.scale().targetMemberEvents() * o.openingMembers() / totalMembers));

            // Who reports how: one silent county, one that misses a period, a quarter reporting hardship by a balance.
            String firstCounty = orgs.get(0).code();
            List<String> ranked = rankedCounties(orgs, "silence", firstCounty);
            String silent = counties.size() >= MIN_COUNTIES_FOR_SILENCE ? ranked.get(0) : null;
            String missing = counties.size() >= MIN_COUNTIES_FOR_SILENCE && periods.size() > 1 ? ranked.get(1) : null;
            int missingPeriod = missing == null ? -1 : missingPeriod(periods, missing);
            List<String> byBalanceRank = rankedCounties(orgs, "hardship-balance", null);
            byBalanceRank.remove(silent);
            java.util.Set<String> hardshipByBalance = new java.util.HashSet<>(byBalanceRank.subList(0,
                    (int) Math.round(byBalanceRank.size() * Magnitudes.HARDSHIP_BALANCE_SHARE)));
            if (missing != null) {
                int at = orgs.stream().map(CountyOrgs::code).toList().indexOf(missing);
                orgs.set(at, orgs.get(at).withMissingPeriod(missingPeriod));
            }
            List<CountyOrgs> reporting = orgs.stream().filter(o -> !o.code().equals(silent)).toList();

            // 2. Transfers between counties of the same city, planned before any county writes.
            TransferPlanner planner = new TransferPlanner(config.seed(), periods, shares);
            Map<String, List<CountyOrgs>> byParent = new TreeMap<>();
            reporting.forEach(o -> byParent.computeIfAbsent(o.county().parentCode(), k -> new ArrayList<>()).add(o));
            List<List<Transfer>> outgoing = parallel(pool, reporting, o -> planner.plan(o, budgets.get(o.code()),
                    byParent.get(o.county().parentCode()).stream().filter(s -> s != o).toList()));
            Map<String, List<Transfer>> outgoingByCounty = new HashMap<>();
            Map<String, List<Transfer>> incomingByCounty = new HashMap<>();
            for (int i = 0; i < reporting.size(); i++) {
                outgoingByCounty.put(reporting.get(i).code(), outgoing.get(i));
                for (Transfer t : outgoing.get(i)) {
                    incomingByCounty.computeIfAbsent(t.toCounty(), k -> new ArrayList<>()).add(t);
                }
            }

            // 3. Competitions of the provinces and cities above the counties (the silent county's firms do not enter).
            CompetitionGenerator competitions = new CompetitionGenerator(config.seed(), periods, density);
            List<Organiser> organisers = organisers(reporting);
            List<CompetitionGenerator.Output> organiserOutputs = parallel(pool, organisers,
                    o -> competitions.generate(o.region(), o.level(), o.counties()));
            Map<String, Map<Integer, List<Map<String, Object>>>> countySubmittedEntries = new HashMap<>();
            for (CompetitionGenerator.Output output : organiserOutputs) {
                for (CompetitionGenerator.Batch b : output.entryBatches()) {
                    if (orgsByCode.containsKey(b.submitter())) {
                        countySubmittedEntries.computeIfAbsent(b.submitter(), k -> new HashMap<>())
                                .computeIfAbsent(b.periodIndex(), k -> new ArrayList<>()).addAll(b.rows());
                    }
                }
            }

            // 4. Each county's files.
            GroupWriter writer = new GroupWriter(config.out(), config.seed(), config.mistakeRate(), catalog,
                    counties.size() <= 400 ? new GroupWriter.XlsxPolicy(0.10, 2000) : new GroupWriter.XlsxPolicy(0.05, 300));
            CountyFiles countyFiles = new CountyFiles(config.seed(), periods, shares, density, config.mistakeRate(), catalog,
                    writer, competitions);
            AtomicInteger done = new AtomicInteger();
            int step = Math.max(1, (int) Math.ceil(reporting.size() / 10.0));
            List<CountyFiles.Written> countyWritten = parallel(pool, reporting, o -> {
                CountyFiles.Reporting how = new CountyFiles.Reporting(hardshipByBalance.contains(o.code()),
                        o.code().equals(missing) ? missingPeriod : -1);
                CountyFiles.Written t = countyFiles.write(o, budgets.get(o.code()), outgoingByCounty.get(o.code()),
                        incomingByCounty.getOrDefault(o.code(), List.of()),
                        countySubmittedEntries.getOrDefault(o.code(), Map.of()), o.code().equals(firstCounty), how);
                int n = done.incrementAndGet();
                if (n % step == 0 || n == reporting.size()) {
                    LOG.info("{} of {} county-level units written ({} %)", n, reporting.size(), 100 * n / reporting.size());
                }
                return t;
            });

            // 5. The organisers' own files: competitions, and the entries they report themselves.
            List<Tally> organiserTallies = parallel(pool, indices(organisers.size()), i -> {
                Tally t = new Tally();
                Organiser o = organisers.get(i);
                CompetitionGenerator.Output output = organiserOutputs.get(i);
                for (int p = 0; p < periods.size(); p++) {
                    List<Map<String, Object>> comps = output.competitionsByPeriod().getOrDefault(p, List.of());
                    writer.write(new Group(o.region().code(), periods.get(p), p, RecordType.COMPETITIONS, comps), t, false, false);
                }
                for (CompetitionGenerator.Batch b : output.entryBatches()) {
                    if (b.submitter().equals(o.region().code())) {
                        writer.write(new Group(b.submitter(), periods.get(b.periodIndex()), b.periodIndex(),
                                RecordType.COMPETITION_ENTRIES, b.rows()), t, false, false);
                    }
                }
                return t;
            });

            // 6. The target letters of the cities and provinces, set on what their unions achieve.
            Achieved achieved = new Achieved();
            countyWritten.forEach(w -> achieved.addAll(w.achieved()));
            organiserOutputs.forEach(achieved::addEntries);
            Tally letters = new Tally();
            new TargetsGenerator(config.seed(), periods, catalog).letters(orgs, achieved)
                    .forEach(g -> writer.write(g, letters, false, false));
            // 7. The department opinions 秦皇岛 quotes in its county guidance letters.
            new OpinionsGenerator(config.seed(), periods, catalog).opinions(orgs)
                    .forEach(g -> writer.write(g, letters, false, false));

            Tally total = new Tally();
            countyWritten.forEach(w -> total.add(w.tally()));
            organiserTallies.forEach(total::add);
            total.add(letters);
            GenerationSummary summary = total.summary(silent == null ? List.of() : List.of(silent),
                    missing == null ? Map.of() : Map.of(missing, periods.get(missingPeriod).canonical()));
            writeSummary(summary);
            writeArrivals(total.arrivals);
            LOG.info("wrote {} files, {} rows, {} member events, {} members at the start in {} s", summary.files(),
                    summary.totalRows(), summary.memberEvents(), summary.membersAtStart(),
                    (System.nanoTime() - started) / 1_000_000_000.0);
            return summary;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The county codes in a deterministic order drawn from the seed and a purpose, the excluded one (the first
     * county, which carries the forced corrected and damaged files) last.
     */
    private List<String> rankedCounties(List<CountyOrgs> orgs, String purpose, String last) {
        List<String> codes = new ArrayList<>(orgs.stream().map(CountyOrgs::code).toList());
        codes.sort(java.util.Comparator.comparing((String c) -> c.equals(last))
                .thenComparingLong(c -> Rng.derive(config.seed(), purpose, c)).thenComparing(c -> c));
        return codes;
    }

    /**
     * The period a county misses: one after the last year-end balance (so that the balances of the others stay
     * whole), drawn from the seed; the last period when there is none such.
     */
    private int missingPeriod(List<Period> periods, String county) {
        int lastYearStart = 0;
        for (int p = 1; p < periods.size(); p++) {
            if (periods.get(p).start().getDayOfYear() == 1) {
                lastYearStart = p;
            }
        }
        int from = lastYearStart + 1;
        if (from >= periods.size()) {
            return periods.size() - 1;
        }
        return from + Rng.of(config.seed(), "missing-period", county).nextInt(periods.size() - from);
    }

    /** {@code _arrivals.csv}: every file written, relative to the inbox with '/', and when it arrived (+08:00). */
    private void writeArrivals(List<Tally.Arrival> arrivals) {
        List<Tally.Arrival> sorted = new ArrayList<>(arrivals);
        sorted.sort(java.util.Comparator.comparing(Tally.Arrival::path));
        java.time.format.DateTimeFormatter format = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
        StringBuilder text = new StringBuilder("source_file,received_at\n");
        try (org.apache.commons.csv.CSVPrinter csv = new org.apache.commons.csv.CSVPrinter(text,
                org.apache.commons.csv.CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
            for (Tally.Arrival a : sorted) {
                csv.printRecord(a.path(), format.format(a.at().atOffset(java.time.ZoneOffset.ofHours(8))));
            }
            Files.writeString(config.out().resolve(GenerationSummary.ARRIVALS_FILE_NAME), text, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the arrival log", e);
        }
    }

    /** A province or city union organising competitions, with the in-scope counties below it. */
    private record Organiser(Region region, String level, List<CountyOrgs> counties) {}

    private List<Organiser> organisers(List<CountyOrgs> orgs) {
        Map<String, List<CountyOrgs>> byProvince = new TreeMap<>();
        Map<String, List<CountyOrgs>> byCity = new TreeMap<>();
        for (CountyOrgs o : orgs) {
            if (o.county().provinceCode() != null) {
                byProvince.computeIfAbsent(o.county().provinceCode(), k -> new ArrayList<>()).add(o);
            }
            if (o.county().cityCode() != null) {
                byCity.computeIfAbsent(o.county().cityCode(), k -> new ArrayList<>()).add(o);
            }
        }
        List<Organiser> out = new ArrayList<>();
        byProvince.forEach((code, list) -> regions.find(code).ifPresent(r -> out.add(new Organiser(r, "province", list))));
        byCity.forEach((code, list) -> regions.find(code).ifPresent(r -> out.add(new Organiser(r, "city", list))));
        return out;
    }

    private List<Region> countiesInScope() {
        String scope = config.effectiveScope();
        Region region = regions.find(scope).orElseThrow(() -> new IllegalArgumentException(
                "unknown region scope " + scope + "; expected a code of regions.csv such as 130300 or 000000"));
        List<Region> counties = region.level() == RegionLevel.COUNTY ? List.of(region) : regions.countiesUnder(scope);
        if (counties.isEmpty()) {
            throw new IllegalArgumentException("region " + scope + " " + region.name() + " has no county-level units");
        }
        return counties;
    }

    /** The city (or, for municipalities and province-run units, the province) a county belongs to. */
    private String cityName(Region county) {
        String code = county.cityCode() != null ? county.cityCode() : county.provinceCode();
        return regions.find(code).map(Region::name).orElse(county.name());
    }

    private static double[] periodShares(List<Period> periods) {
        double total = periods.stream().mapToInt(p -> p.type().months()).sum();
        double[] shares = new double[periods.size()];
        for (int i = 0; i < shares.length; i++) {
            shares[i] = periods.get(i).type().months() / total;
        }
        return shares;
    }

    private void createOut() {
        try {
            Files.createDirectories(config.out());
            try (var entries = Files.list(config.out())) {
                if (entries.anyMatch(p -> !p.getFileName().toString().startsWith("_"))) {
                    LOG.warn("{} is not empty; files of earlier runs will mix with this one's", config.out());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + config.out(), e);
        }
    }

    private void writeSummary(GenerationSummary summary) {
        ObjectMapper json = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        try {
            json.writeValue(config.out().resolve(GenerationSummary.FILE_NAME).toFile(), summary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the summary", e);
        }
    }

    private static List<Integer> indices(int n) {
        List<Integer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }

    /** Applies the function to every item on the pool; results in the items' order. */
    private static <T, R> List<R> parallel(ExecutorService pool, List<T> items, Function<T, R> f) {
        List<Future<R>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(pool.submit(() -> f.apply(item)));
        }
        List<R> out = new ArrayList<>(items.size());
        try {
            for (Future<R> future : futures) {
                out.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            futures.forEach(fu -> fu.cancel(true));
            throw new IllegalStateException("generation interrupted", e);
        } catch (ExecutionException e) {
            futures.forEach(fu -> fu.cancel(true));
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
        return out;
    }
}
