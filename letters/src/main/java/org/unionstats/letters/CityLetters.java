package org.unionstats.letters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.unionstats.errors.ExitCode;
import org.unionstats.errors.UnionStatsException;
import org.unionstats.letters.compose.Letter;
import org.unionstats.letters.compose.LetterComposer;
import org.unionstats.letters.evaluation.CountyContext;
import org.unionstats.letters.evaluation.Evaluation;
import org.unionstats.letters.facts.CityFacts;
import org.unionstats.letters.facts.CountyFacts;
import org.unionstats.letters.facts.FactsReader;
import org.unionstats.letters.facts.WarehouseTables;
import org.unionstats.letters.issue.Corrections;
import org.unionstats.letters.issue.Edition;
import org.unionstats.letters.issue.EditionStore;
import org.unionstats.letters.issue.LetterArchive;
import org.unionstats.letters.issue.PrintedFigure;
import org.unionstats.letters.ledger.Items;
import org.unionstats.letters.ledger.Ledger;
import org.unionstats.letters.ledger.LedgerItem;
import org.unionstats.letters.ledger.LedgerReader;
import org.unionstats.regions.Region;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.regions.RegionLevel;
import org.unionstats.warehouse.WarehouseLayout;
import org.unionstats.warehouse.tables.TableCatalog;

/**
 * A city union's quarterly guidance letters (季度指导书) to its county-level units: one for each, those that reported
 * nothing included, read from the KPI tables, evaluated by the rules of docs/letters.md and written in the requested
 * format; a letter issued before is written as issued, with the figures corrected since (docs/letters.md, Issued
 * editions).
 */
public final class CityLetters {

    private final RegionDirectory regions;
    private final TableCatalog catalog;

    public CityLetters(RegionDirectory regions, TableCatalog catalog) {
        this.regions = regions;
        this.catalog = catalog;
    }

    /** @return the files written */
    public List<Path> write(LetterRequest request) {
        Region city = city(regions, request.cityCode());
        WarehouseTables tables = new WarehouseTables(WarehouseLayout.of(request.warehouse()), catalog);
        CityFacts facts = new FactsReader(tables).read(city.code(), request.quarter());
        if (facts.counties().stream().allMatch(c -> c.kpis().isEmpty() && c.reporting().isEmpty())) {
            throw new UnionStatsException(ExitCode.FAILURE, "no KPIs of " + city.name() + " (" + city.code() + ") in " + request.quarter()
                    + " in " + request.warehouse() + ": has the kpi job run for that quarter? / 指标库中没有该地市本季度的指标，请先运行 kpi");
        }
        List<Letter> letters = issued(request, tables, facts);
        try {
            Files.createDirectories(request.out());
            return request.format().writer().write(letters, request.out());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the letters into " + request.out(), e);
        }
    }

    /**
     * Each letter as it goes out: the latest issued edition with what has moved since, or the letter composed now, issued
     * first when asked for (edition 1 of a letter never issued; with a reissue, one more of a letter whose words changed).
     */
    private List<Letter> issued(LetterRequest request, WarehouseTables tables, CityFacts facts) {
        EditionStore store = new EditionStore(WarehouseLayout.of(request.warehouse()), tables);
        Map<String, Edition> latest = store.latest(facts.code(), facts.quarter());
        Ledger ledger = new LedgerReader(tables).read(facts.code(), facts.quarter());
        List<Letter> composed = new LetterComposer(request.date()).compose(facts, ledger);
        List<Letter> letters = new ArrayList<>();
        List<Edition> issue = new ArrayList<>();
        for (int i = 0; i < composed.size(); i++) {
            Letter now = composed.get(i);
            CountyFacts county = facts.counties().get(i);
            Edition last = latest.get(now.reference());
            boolean issuing = request.issuing() != Issuing.RENDER && last == null
                    || request.issuing() == Issuing.REISSUE && last != null && !last.letter().sameWordsAs(now);
            if (issuing) {
                issue.add(new Edition(last == null ? 1 : last.number() + 1, now, figures(county, now), items(facts, county, ledger, now)));
                letters.add(now);
            } else if (last != null) {
                letters.add(last.letter().withCorrections(Corrections.since(last, county)));
            } else {
                letters.add(now);
            }
        }
        new LetterArchive(WarehouseLayout.of(request.warehouse())).keep(issue);
        store.issue(facts.code(), facts.quarter(), issue, Instant.now());
        return letters;
    }

    /** A letter's priorities and opinions as the ledger's items, numbered as printed. */
    private static List<LedgerItem> items(CityFacts facts, CountyFacts county, Ledger ledger, Letter letter) {
        CountyContext context = new CountyContext(county, facts.code(), facts.name(), facts.quarter());
        return Items.of(letter.reference(), facts.quarter(), Evaluation.prioritiesByRule(context), ledger.opinions(county.code()));
    }

    /** A letter's KPI rows with the numbers they were printed from: the composer writes a row per KPI of the county, in order. */
    private static List<PrintedFigure> figures(CountyFacts county, Letter letter) {
        List<PrintedFigure> figures = new ArrayList<>();
        for (int r = 0; r < letter.kpis().size(); r++) {
            figures.add(PrintedFigure.of(county.kpis().get(r), letter.kpis().get(r)));
        }
        return figures;
    }

    /**
     * The city a code names: a region whose children include county-level units (a city, or a municipality for its
     * districts). Anything else is the caller's mistake, said with what to give instead.
     */
    static Region city(RegionDirectory regions, String code) {
        Region region = regions.find(code).orElseThrow(() -> UnionStatsException.badArguments("unknown city code " + code
                + ": no region of regions.csv has it; give a city's code such as 130300 (秦皇岛市) / 未知的地市代码 " + code));
        if (region.level() == RegionLevel.COUNTY) {
            Region parent = regions.find(region.parentCode()).orElseThrow();
            throw UnionStatsException.badArguments(code + " is a county-level unit (" + region.name() + "): letters go from its city, "
                    + parent.code() + " (" + parent.name() + ") / " + code + " 是县级单位，请给出所属地市代码 " + parent.code());
        }
        List<Region> children = regions.children(code);
        if (children.stream().noneMatch(r -> r.level() == RegionLevel.COUNTY)) {
            String example = children.isEmpty() ? "" : ", such as " + children.get(0).code() + " (" + children.get(0).name() + ")";
            throw UnionStatsException.badArguments(code + " (" + region.name() + ") has no county-level units of its own: give one of its"
                    + " cities" + example + " / 请给出地市代码");
        }
        return region;
    }
}
