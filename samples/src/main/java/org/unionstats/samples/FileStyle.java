package org.unionstats.samples;

import java.util.List;

/**
 * How one file is written: format and encoding, header language and decoration, column order, an unknown extra
 * column, and how dates, enumerations and numbers are spelled.
 *
 * @param columns English names of the contract columns written, in file order
 * @param extraColumn an unknown column appended ("备注", "联系电话", "remark", "phone"), or null
 * @param baseName file name without extension, starting with the record type's code or Chinese name
 */
record FileStyle(
        Format format,
        boolean chineseHeaders,
        HeaderDecoration decoration,
        List<String> columns,
        String extraColumn,
        DateStyle dateStyle,
        LabelStyle labelStyle,
        boolean thousandsSeparators,
        boolean xlsxNumericCells,
        boolean xlsxDateCells,
        String baseName) {

    enum Format {
        CSV_UTF8("csv"),
        CSV_UTF8_BOM("csv"),
        CSV_GB18030("csv"),
        XLSX("xlsx"),
        JSONL("jsonl");

        final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        boolean isCsv() {
            return extension.equals("csv");
        }
    }

    enum HeaderDecoration {
        NONE,
        /** " 会员编号 " */
        SPACES,
        /** 帮扶金额(元) instead of 帮扶金额（元）, or the other way round */
        SWAPPED_PARENTHESES,
        /** ｏｒｇ＿ｃｏｄｅ, 帮扶金额（元）: full-width forms of ASCII characters, as Chinese input methods type them */
        FULL_WIDTH
    }

    enum DateStyle {
        ISO, SLASH, DOT, CHINESE, COMPACT
    }

    enum LabelStyle {
        CHINESE, CODE, MIXED
    }

    String fileName() {
        return baseName + "." + format.extension;
    }

    FileStyle withBaseName(String name) {
        return new FileStyle(format, chineseHeaders, decoration, columns, extraColumn, dateStyle, labelStyle,
                thousandsSeparators, xlsxNumericCells, xlsxDateCells, name);
    }
}
