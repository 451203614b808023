package org.unionstats.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.unionstats.contract.RecordType;

/**
 * Writes one group's submission: picks the file's style, injects mistakes, and now and then writes a damaged
 * workbook or a corrected second version (the first file's rows with its mistakes fixed). Sets the files'
 * modification times: period end + 10 days at 09:00 Asia/Shanghai, corrections 5 days later.
 */
final class GroupWriter {

    static final String DAMAGED_XLSX = "damaged_xlsx";
    static final String DAMAGED_XLSX_ROWS = "damaged_xlsx_rows";
    static final String CORRECTED_FILES = "corrected_files";
    static final String REPLACED_ROWS = "replaced_rows";

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final double DAMAGED_SHARE = 1 / 200.0;

    private final Path out;
    private final long seed;
    private final double mistakeRate;
    private final FileStyles styles;
    private final MistakeInjector injector;
    private final SubmissionWriter writer;
    private final XlsxPolicy xlsx;

    /** When XLSX is chosen: POI is slow, so big files and large runs get fewer workbooks. */
    record XlsxPolicy(double share, int maxRows) {
        double shareFor(int rows) {
            return rows <= maxRows ? share : 0;
        }
    }

    GroupWriter(Path out, long seed, double mistakeRate, Catalog catalog, XlsxPolicy xlsx) {
        this.out = out;
        this.seed = seed;
        this.mistakeRate = mistakeRate;
        this.styles = new FileStyles(catalog);
        this.injector = new MistakeInjector(mistakeRate, catalog);
        this.writer = new SubmissionWriter(catalog);
        this.xlsx = xlsx;
    }

    /**
     * @param forceCorrection write a corrected second version whatever the dice say (one per run at least)
     * @param forceDamaged write the first version as a damaged workbook (one per run at least)
     */
    void write(Group group, Tally tally, boolean forceCorrection, boolean forceDamaged) {
        if (group.rows().isEmpty()) {
            return;
        }
        Rng rng = Rng.of(seed, "file", group.key());
        Path dir = out.resolve(group.submitter()).resolve(PeriodSpelling.folder(group.period(),
                Rng.of(seed, "folder", group.submitter(), group.period().canonical())));
        String type = group.type().code();
        boolean mistakes = mistakeRate > 0;
        boolean damaged = mistakes && (forceDamaged || rng.chance(DAMAGED_SHARE));
        FileStyle style = styles.choose(group, rng, xlsx.shareFor(group.rows().size()), damaged);
        FileTime firstTime = time(group, 10);
        Path first;
        boolean corrected;
        if (damaged) {
            first = writer.writeDamaged(dir, group.type(), group.rows(), style, rng);
            tally.mistakes(DAMAGED_XLSX, 1);
            tally.mistakes(DAMAGED_XLSX_ROWS, group.rows().size());
            corrected = true; // the union notices and sends the data again
        } else {
            MistakeInjector.Result injected = injector.inject(group, rng, style.columns());
            first = writer.write(dir, group.type(), injected.rows(), style, rng);
            tally.rows(type, injected.rows().size());
            tally.mistakes(injected.counts());
            corrected = mistakes && (forceCorrection || rng.chance(injected.any() ? 0.02 : 0.004));
            if (corrected) {
                tally.mistakes(REPLACED_ROWS, injected.rows().size());
            }
        }
        tally.files++;
        setTime(first, firstTime);
        if (corrected) {
            FileStyle second = styles.choose(group, rng, xlsx.shareFor(group.rows().size()), false);
            second = second.withBaseName(FileStyles.correctedName(style.baseName(), rng));
            Path file = writer.write(dir, group.type(), group.rows(), second, rng);
            setTime(file, time(group, 15));
            tally.files++;
            tally.rows(type, group.rows().size());
            tally.mistakes(CORRECTED_FILES, 1);
        }
        if (group.type() == RecordType.MEMBER_EVENTS) {
            tally.memberEvents += group.rows().size();
        }
    }

    private static FileTime time(Group group, int daysAfterEnd) {
        return FileTime.from(group.period().end().plusDays(daysAfterEnd).atTime(LocalTime.of(9, 0)).atZone(SHANGHAI).toInstant());
    }

    private static void setTime(Path file, FileTime time) {
        try {
            Files.setLastModifiedTime(file, time);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the modification time of " + file, e);
        }
    }
}
