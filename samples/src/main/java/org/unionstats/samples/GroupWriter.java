package org.unionstats.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.unionstats.contract.RecordType;

/**
 * Writes one group's submission: picks the file's style, injects mistakes, and now and then writes a damaged
 * workbook or a corrected second version (the first file's rows with its mistakes fixed). Sets the files'
 * modification times to their simulated arrival, and records it for the arrival log: a submitter's files for a
 * period arrive together, 2 – 14 days after the period's end during office hours (Asia/Shanghai); now and then a
 * whole folder or a single file comes after the deadline ({@link Magnitudes#DEADLINE_DAYS} days after the end);
 * corrections follow 2 – 6 days after the first version.
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
        Instant firstTime = arrival(group);
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
        setTime(first, firstTime, group, tally);
        if (corrected) {
            FileStyle second = styles.choose(group, rng, xlsx.shareFor(group.rows().size()), false);
            second = second.withBaseName(FileStyles.correctedName(style.baseName(), rng));
            Path file = writer.write(dir, group.type(), group.rows(), second, rng);
            Instant later = firstTime.plus(Duration.ofDays(rng.between(2, 6))).plus(Duration.ofMinutes(rng.between(-120, 120)));
            setTime(file, later, group, tally);
            tally.files++;
            tally.rows(type, group.rows().size());
            tally.mistakes(CORRECTED_FILES, 1);
        }
        if (group.type() == RecordType.MEMBER_EVENTS) {
            tally.memberEvents += group.rows().size();
        }
    }

    /**
     * When the group's first file arrives: its folder's arrival (one per submitter and period, late for
     * {@link Magnitudes#LATE_FOLDER_SHARE} of the folders), a few minutes apart file by file, or late on its own.
     */
    private Instant arrival(Group group) {
        Rng folder = Rng.of(seed, "arrival", group.submitter(), group.period().canonical());
        boolean lateFolder = folder.chance(Magnitudes.LATE_FOLDER_SHARE);
        int day = lateFolder ? folder.between(Magnitudes.DEADLINE_DAYS + 2, 45) : folder.between(2, Magnitudes.DEADLINE_DAYS - 1);
        int minute = folder.between(8 * 60 + 30, 17 * 60);
        Rng file = Rng.of(seed, "arrival", group.key());
        if (file.chance(Magnitudes.LATE_FILE_SHARE)) {
            day = Math.max(day, file.between(Magnitudes.DEADLINE_DAYS + 2, 40));
            minute = file.between(8 * 60 + 30, 17 * 60);
        } else {
            minute += file.between(0, 25);
        }
        return group.period().end().plusDays(day).atTime(LocalTime.of(minute / 60, minute % 60)).atZone(SHANGHAI).toInstant();
    }

    /** The first instant after the deadline of a period: the day after its {@link Magnitudes#DEADLINE_DAYS}th day. */
    static Instant deadlinePassed(Group group) {
        return group.period().end().plusDays(Magnitudes.DEADLINE_DAYS + 1L).atStartOfDay(SHANGHAI).toInstant();
    }

    private void setTime(Path file, Instant time, Group group, Tally tally) {
        tally.arrival(out.relativize(file).toString().replace('\\', '/'), time);
        if (!time.isBefore(deadlinePassed(group))) {
            tally.lateFiles++;
        }
        try {
            Files.setLastModifiedTime(file, FileTime.from(time));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the modification time of " + file, e);
        }
    }
}
