package org.unionstats.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.unionstats.contract.RecordType;
import org.unionstats.samples.FileStyle.DateStyle;
import org.unionstats.samples.FileStyle.Format;
import org.unionstats.samples.FileStyle.HeaderDecoration;
import org.unionstats.samples.FileStyle.LabelStyle;

/**
 * Draws a file's style: about half UTF-8 CSV (half of those with a BOM), a fifth GB18030 CSV, a tenth XLSX and the
 * rest JSON Lines; Chinese or English headers; now and then shuffled columns or an unknown extra column.
 */
final class FileStyles {

    /** Optional columns a union may leave out of its file altogether. */
    private static final Set<String> OMITTABLE = Set.of("id_number", "head_id_number", "worker_category", "qualifier");

    private final Catalog catalog;

    FileStyles(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param xlsxShare chance of an XLSX file (0 when the file is too big for POI to be worth it)
     * @param forceXlsx always XLSX (for the damaged workbook)
     */
    FileStyle choose(Group group, Rng rng, double xlsxShare, boolean forceXlsx) {
        double x = rng.nextDouble();
        Format format;
        if (forceXlsx) {
            format = Format.XLSX;
        } else if (x < xlsxShare) {
            format = Format.XLSX;
        } else {
            double y = rng.nextDouble();
            format = y < 0.30 ? Format.CSV_UTF8 : y < 0.61 ? Format.CSV_UTF8_BOM : y < 0.83 ? Format.CSV_GB18030 : Format.JSONL;
        }
        boolean chinese = switch (format) {
            case CSV_GB18030 -> true; // a Windows Excel export in China: Chinese headers
            case XLSX -> rng.chance(0.8);
            case JSONL -> false; // keys are the English column names
            default -> rng.chance(0.55);
        };
        double h = rng.nextDouble();
        HeaderDecoration decoration = format == Format.JSONL ? HeaderDecoration.NONE
                : h < 0.10 ? HeaderDecoration.SPACES
                : h < 0.22 ? HeaderDecoration.SWAPPED_PARENTHESES
                : h < 0.26 ? HeaderDecoration.FULL_WIDTH : HeaderDecoration.NONE;
        List<String> columns = new ArrayList<>();
        for (Catalog.Column c : catalog.columns(group.type())) {
            boolean omit = OMITTABLE.contains(c.name()) && !c.required()
                    && rng.chance(c.name().equals("qualifier") ? 0.15 : 0.25);
            if (omit && !(c.name().equals("qualifier") && hasValues(group, c.name()))) {
                continue;
            }
            columns.add(c.name());
        }
        if (rng.chance(0.25)) {
            rng.shuffle(columns);
        }
        String extra = null;
        double e = rng.nextDouble();
        if (e < 0.08) {
            extra = chinese ? "备注" : "remark";
        } else if (e < 0.13) {
            extra = chinese ? "联系电话" : "phone";
        }
        double d = rng.nextDouble();
        DateStyle dates = d < 0.45 ? DateStyle.ISO : d < 0.65 ? DateStyle.SLASH : d < 0.73 ? DateStyle.DOT
                : d < 0.88 ? DateStyle.CHINESE : DateStyle.COMPACT;
        double l = rng.nextDouble();
        LabelStyle labels = format == Format.JSONL
                ? (l < 0.6 ? LabelStyle.CODE : LabelStyle.CHINESE)
                : l < 0.65 ? LabelStyle.CHINESE : l < 0.9 ? LabelStyle.CODE : LabelStyle.MIXED;
        return new FileStyle(format, chinese, decoration, List.copyOf(columns), extra, dates, labels,
                rng.chance(0.08), rng.chance(0.6), rng.chance(0.5), baseName(group, rng));
    }

    /** Whether any row has a value in the column (qualifiers must not be dropped when there are some). */
    private static boolean hasValues(Group group, String column) {
        return group.rows().stream().anyMatch(r -> r.get(column) != null);
    }

    private static String baseName(Group group, Rng rng) {
        RecordType type = group.type();
        boolean chinese = rng.chance(0.45);
        String base = chinese ? type.zhName() : type.code();
        double x = rng.nextDouble();
        if (x < 0.7) {
            return base;
        }
        if (x < 0.8) {
            return base + (chinese ? "-" : "_") + group.period().canonical();
        }
        if (x < 0.9) {
            return base + "_" + group.submitter();
        }
        return chinese ? base + rng.pick(new String[] {"情况", "统计表", "汇总表", "明细"}) : base + "_export";
    }

    /** Name of a corrected second version of a file. */
    static String correctedName(String firstBase, Rng rng) {
        boolean chinese = firstBase.codePointAt(0) > 0x2E80;
        if (chinese) {
            return firstBase + rng.pick(new String[] {"-第二版", "（更正）", "-更正版", "第2版"});
        }
        return firstBase + rng.pick(new String[] {"_v2", "_v2", "-corrected"});
    }
}
