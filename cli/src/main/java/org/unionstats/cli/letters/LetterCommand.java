package org.unionstats.cli.letters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.unionstats.cli.Arguments;
import org.unionstats.letters.CityLetters;
import org.unionstats.letters.Issuing;
import org.unionstats.letters.LetterFormat;
import org.unionstats.letters.LetterRequest;
import org.unionstats.period.Period;
import org.unionstats.period.PeriodType;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.warehouse.tables.TableCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "letter", mixinStandardHelpOptions = true,
        description = "The city's quarterly guidance letters (季度指导书), one per county-level unit: its headline KPIs with the change"
                + " on the quarter and the year, rank in the city and target attainment; an evaluation and next quarter's priorities by"
                + " the rules of docs/letters.md; reporting and data-quality notes.")
public final class LetterCommand implements Callable<Integer> {

    /** The letters are dated in the time zone of the unions that sign them. */
    public static final ZoneId SIGNED_IN = ZoneId.of("Asia/Shanghai");

    @Option(names = "--warehouse", required = true, description = "Warehouse root (after the kpi job).")
    Path warehouse;

    @Option(names = "--city", required = true, description = "City code, e.g. 130300 (秦皇岛市); for the districts of a municipality, its code (110000).")
    String city;

    @Option(names = "--period", required = true, description = "Quarter, e.g. 2024Q3.")
    String period;

    @Option(names = "--format", defaultValue = "pdf",
            description = "pdf: one A4 PDF per county-level unit; xlsx: one workbook, a sheet per unit, to edit; md: Markdown. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--out", required = true, description = "Folder to write the letters into (made if missing).")
    Path out;

    @Option(names = "--date", description = "The date the letters are signed, e.g. 2024-10-15. Default: today (Asia/Shanghai).")
    String date;

    @Option(names = "--issue", description = "Issue the letters: record each letter never issued, every paragraph and figure as printed,"
            + " as its edition 1 (tables letters_issued, letter_figures), its PDF archived in the warehouse (_letters/), and its"
            + " priorities and department opinions as items of the follow-up ledger (letter_items). Letters already issued are"
            + " rendered as issued.")
    boolean issue;

    @Option(names = "--reissue", description = "With or without --issue: also issue a new edition of each issued letter whose words the"
            + " KPI tables now change (after a correction).")
    boolean reissue;

    @Override
    public Integer call() {
        String quarter = Arguments.parse(() -> quarter(period));
        LetterFormat letterFormat = Arguments.parse(() -> LetterFormat.parse(format));
        LocalDate signed = date == null ? LocalDate.now(SIGNED_IN) : Arguments.parse(() -> date(date));
        Arguments.require(Files.isDirectory(warehouse), "--warehouse: no warehouse folder " + warehouse);
        List<Path> files = new CityLetters(RegionDirectory.loadDefault(), TableCatalog.load())
                .write(new LetterRequest(warehouse, city, quarter, letterFormat, out, signed, issuing()));
        System.out.printf("%d %s file(s) of city %s, %s, in %s:%n", files.size(), letterFormat.code(), city, quarter, out);
        files.forEach(f -> System.out.println("  " + f.getFileName()));
        return 0;
    }

    private Issuing issuing() {
        if (reissue) {
            return Issuing.REISSUE;
        }
        return issue ? Issuing.ISSUE : Issuing.RENDER;
    }

    static String quarter(String text) {
        Period p = Period.parse(text);
        if (p.type() != PeriodType.QUARTER) {
            throw new IllegalArgumentException("--period: the letters are quarterly: give a quarter such as 2024Q3, not " + text);
        }
        return p.canonical();
    }

    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--date: '" + text + "' is not a date such as 2024-10-15");
        }
    }
}
