package org.unionstats.cli.letters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.unionstats.cli.Arguments;
import org.unionstats.letters.facts.WarehouseTables;
import org.unionstats.letters.yearly.CountyEvaluation;
import org.unionstats.letters.yearly.EvaluationStore;
import org.unionstats.letters.yearly.YearlyEvaluation;
import org.unionstats.warehouse.WarehouseLayout;
import org.unionstats.warehouse.tables.TableCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "evaluation", mixinStandardHelpOptions = true,
        description = "The yearly evaluation (年度考核) of a city's county-level units: annual target attainment (40), rank on the"
                + " headline KPIs at the fourth quarter (30), follow-up items due in the year closed (20), required reports on time"
                + " (10), out of 100 over the parts that apply (docs/letters.md). Prints it and writes kpi.county_evaluation.")
public final class EvaluationCommand implements Callable<Integer> {

    @Option(names = "--warehouse", required = true, description = "Warehouse root (after the kpi job).")
    Path warehouse;

    @Option(names = "--city", required = true, description = "City code, e.g. 130300 (秦皇岛市).")
    String city;

    @Option(names = "--year", required = true, description = "Year, e.g. 2024.")
    int year;

    @Option(names = "--out", description = "Also write the table as CSV into this folder (evaluation-<city>-<year>.csv).")
    Path out;

    @Override
    public Integer call() {
        Arguments.require(Files.isDirectory(warehouse), "--warehouse: no warehouse folder " + warehouse);
        Arguments.require(year >= 2000 && year <= 2100, "--year: give a year such as 2024, not " + year);
        WarehouseLayout layout = WarehouseLayout.of(warehouse);
        List<CountyEvaluation> evaluations = new YearlyEvaluation(new WarehouseTables(layout, TableCatalog.load())).evaluate(city, year);
        Path written = new EvaluationStore(layout).write(city, year, evaluations);
        List<String> lines = lines(evaluations);
        System.out.printf("yearly evaluation of city %s, %d (%s):%n", city, year, written);
        lines.forEach(l -> System.out.println("  " + l.replace(',', '\t')));
        if (out != null) {
            try {
                Files.createDirectories(out);
                Path csv = out.resolve("evaluation-" + city + "-" + year + ".csv");
                Files.write(csv, lines, StandardCharsets.UTF_8);
                System.out.println("written to " + csv);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write into " + out, e);
            }
        }
        return 0;
    }

    /** A header and a row per unit; a part that does not apply is shown as —. */
    static List<String> lines(List<CountyEvaluation> evaluations) {
        List<String> lines = new ArrayList<>();
        lines.add("county_code,county_name,targets,target_score,kpis_ranked,rank_score,items_due,items_closed,follow_up_score,"
                + "reports_expected,reports_on_time,reporting_score,total_score,rank_in_city");
        for (CountyEvaluation e : evaluations) {
            lines.add(String.join(",", e.countyCode(), e.countyName(), String.valueOf(e.targets()), score(e.targetScore()),
                    String.valueOf(e.kpisRanked()), score(e.rankScore()), String.valueOf(e.itemsDue()), String.valueOf(e.itemsClosed()),
                    score(e.followUpScore()), String.valueOf(e.reportsExpected()), String.valueOf(e.reportsOnTime()),
                    score(e.reportingScore()), score(e.total()), String.valueOf(e.rankInCity())));
        }
        return lines;
    }

    private static String score(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.1f", v);
    }
}
