package org.unionstats.ingest.read;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.unionstats.ingest.IngestLimits;
import org.unionstats.ingest.text.SafeText;
import org.unionstats.warehouse.quarantine.QuarantineCode;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * XLSX: the first sheet, one header row; numbers and dates as cells or as text; blank rows
 * ignored. Read by streaming with POI's event API ({@link XSSFReader}, {@link XSSFSheetXMLHandler},
 * {@link ReadOnlySharedStringsTable}), never loaded as a workbook:
 *
 * <ol>
 *   <li>the zip's directory is checked first: entries, and each part's declared size and
 *       compression ratio ({@code WORKBOOK_TOO_LARGE});</li>
 *   <li>POI's {@link ZipSecureFile} enforces the same limits on the bytes actually inflated, and
 *       the sheet stream is counted once more;</li>
 *   <li>rows are sent on as they are parsed; cells are kept only under the header (a stray
 *       cell in column XFD does not widen any row) and at most one cell-limit long.</li>
 * </ol>
 * Number formats come from a SAX pass over the styles part (only the formats, not the styles).
 */
final class XlsxSubmissionReader {

    /** Parts smaller than this may compress as well as they like (POI's grace size too). */
    static final long RATIO_GRACE_BYTES = 100 * 1024;

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;

    private XlsxSubmissionReader() {}

    static void read(byte[] bytes, IngestLimits limits, Deadline deadline, RowSink sink) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("unionstats-submission-", ".xlsx");
            Files.write(tmp, bytes);
            configure(limits);
            checkEntries(tmp, limits);
            deadline.check();
            OPCPackage pkg = OPCPackage.open(tmp.toFile(), PackageAccess.READ);
            try {
                XSSFReader reader = new XSSFReader(pkg);
                boolean date1904 = date1904(reader);
                NumberFormats formats = NumberFormats.read(reader);
                ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
                Iterator<InputStream> sheets = reader.getSheetsData();
                if (!sheets.hasNext()) {
                    throw new UnreadableFileException("工作簿中没有工作表", "the workbook has no sheet", null);
                }
                SheetRows rows = new SheetRows(limits, deadline, sink, formats, date1904);
                try (InputStream sheet = new CountingInputStream(sheets.next(), limits.maxWorkbookPartBytes(), "sheet")) {
                    CellHandler handler = new CellHandler(strings, rows, limits.maxCellChars() + 1);
                    rows.cells = handler;
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setContentHandler(handler);
                    xml.parse(new InputSource(sheet));
                }
                rows.finish();
            } finally {
                pkg.revert();
            }
        } catch (Exception | StackOverflowError e) {
            RefusedFileException refusal = RefusedFileException.find(e);
            if (refusal != null) {
                throw refusal;
            }
            if (isZipBomb(e)) {
                throw tooLarge("解压时超过上限", "over the limit while inflating", e);
            }
            throw new UnreadableFileException(
                    "Excel 工作簿已损坏或不是 .xlsx 格式，无法打开；请在 Excel 中重新保存为 .xlsx 后再报送",
                    "the Excel workbook is damaged or not in .xlsx format and cannot be opened; save it again as .xlsx and resend it", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temporary file the system cleans up
                }
            }
        }
    }

    /** POI's own zip limits, which guard every byte it inflates. They are process-wide; every ingest sets the same values. */
    private static void configure(IngestLimits limits) {
        ZipSecureFile.setMinInflateRatio(1.0 / limits.maxCompressionRatio());
        ZipSecureFile.setMaxEntrySize(limits.maxWorkbookPartBytes());
        ZipSecureFile.setMaxFileCount(limits.maxWorkbookEntries());
        ZipSecureFile.setGraceEntrySize(RATIO_GRACE_BYTES);
    }

    /** The zip directory, before anything is inflated: entry count, declared sizes and ratios. */
    private static void checkEntries(Path file, IngestLimits limits) throws IOException {
        try (ZipSecureFile zip = new ZipSecureFile(file.toFile())) {
            int count = 0;
            for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements(); ) {
                ZipArchiveEntry entry = e.nextElement();
                if (++count > limits.maxWorkbookEntries()) {
                    throw tooLarge("文件数超过 " + limits.maxWorkbookEntries() + " 个",
                            "more than " + limits.maxWorkbookEntries() + " files inside", null);
                }
                long size = entry.getSize();
                long compressed = entry.getCompressedSize();
                String name = SafeText.echo(entry.getName());
                if (size > limits.maxWorkbookPartBytes()) {
                    throw tooLarge("「" + name + "」展开后 " + IngestLimits.bytes(size) + "，上限 " + IngestLimits.bytes(limits.maxWorkbookPartBytes()),
                            "'" + name + "' expands to " + IngestLimits.bytes(size) + ", the limit is "
                                    + IngestLimits.bytes(limits.maxWorkbookPartBytes()), null);
                }
                if (size > RATIO_GRACE_BYTES && (compressed <= 0 || size / compressed > limits.maxCompressionRatio())) {
                    String ratio = compressed <= 0 ? "∞" : Long.toString(size / compressed);
                    throw tooLarge("「" + name + "」压缩比 " + ratio + ":1，上限 " + limits.maxCompressionRatio() + ":1",
                            "'" + name + "' is compressed " + ratio + ":1, the limit is " + limits.maxCompressionRatio() + ":1", null);
                }
            }
        }
    }

    private static RefusedFileException tooLarge(String zh, String en, Throwable cause) {
        QuarantineCode.Message m = QuarantineCode.WORKBOOK_TOO_LARGE.message(Map.of("detail", zh));
        QuarantineCode.Message e = QuarantineCode.WORKBOOK_TOO_LARGE.message(Map.of("detail", en));
        return new RefusedFileException(new QuarantineCode.Message(QuarantineCode.WORKBOOK_TOO_LARGE, m.zh(), e.en()), cause);
    }

    private static boolean isZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("Zip bomb") || m.contains("exceeds the max") || m.contains(ZipSecureFile.MAX_FILE_COUNT_MSG)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** Whether the workbook counts dates from 1904 (old Mac Excel), from {@code workbookPr date1904}. */
    private static boolean date1904(XSSFReader reader) throws Exception {
        boolean[] found = {false};
        try (InputStream in = reader.getWorkbookData()) {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String local, String qName, Attributes atts) {
                    if ("workbookPr".equals(local)) {
                        String v = atts.getValue("date1904");
                        found[0] = "1".equals(v) || "true".equalsIgnoreCase(v);
                    }
                }
            });
            xml.parse(new InputSource(in));
        }
        return found[0];
    }

    /** Which cell styles show dates: the number format of every {@code cellXfs/xf}, read by SAX from the styles part. */
    static final class NumberFormats extends DefaultHandler {
        private final Map<Integer, String> custom = new HashMap<>();
        private int[] xfFormats = new int[16];
        private int xfCount;
        private boolean inCellXfs;
        private final Map<Integer, Boolean> dateStyle = new HashMap<>();

        static NumberFormats read(XSSFReader reader) throws Exception {
            NumberFormats formats = new NumberFormats();
            InputStream in;
            try {
                in = reader.getStylesData();
            } catch (Exception | Error missing) {
                return formats;
            }
            if (in == null) {
                return formats;
            }
            try (InputStream styles = in) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(formats);
                xml.parse(new InputSource(styles));
            }
            return formats;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) {
            if ("numFmt".equals(local)) {
                Integer id = integer(atts.getValue("numFmtId"));
                if (id != null && atts.getValue("formatCode") != null) {
                    custom.put(id, atts.getValue("formatCode"));
                }
            } else if ("cellXfs".equals(local)) {
                inCellXfs = true;
            } else if ("xf".equals(local) && inCellXfs) {
                if (xfCount == xfFormats.length) {
                    xfFormats = java.util.Arrays.copyOf(xfFormats, xfCount * 2);
                }
                Integer id = integer(atts.getValue("numFmtId"));
                xfFormats[xfCount++] = id == null ? 0 : id;
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            if ("cellXfs".equals(local)) {
                inCellXfs = false;
            }
        }

        boolean isDate(String styleIndex) {
            Integer index = styleIndex == null ? Integer.valueOf(0) : integer(styleIndex);
            if (index == null || index < 0 || index >= xfCount) {
                return false;
            }
            return dateStyle.computeIfAbsent(index, i -> {
                int id = xfFormats[i];
                String format = custom.containsKey(id) ? custom.get(id) : BuiltinFormats.getBuiltinFormat(id);
                return format != null && DateUtil.isADateFormat(id, format);
            });
        }

        private static Integer integer(String s) {
            try {
                return s == null ? null : Integer.valueOf(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /**
     * POI's sheet handler, told to keep at most {@code cap} characters of any one text element
     * (a longer cell arrives cut, still over the cell limit, so the row is refused without the
     * whole text ever being held), and remembering the type and style of the current cell.
     */
    static final class CellHandler extends XSSFSheetXMLHandler {
        private final int cap;
        private int chars;
        String type;
        String style;

        CellHandler(ReadOnlySharedStringsTable strings, SheetContentsHandler rows, int cap) {
            // No styles table: numbers arrive raw and are formatted by SheetRows with NumberFormats.
            super(null, null, strings, rows, new org.apache.poi.ss.usermodel.DataFormatter(), false);
            this.cap = cap;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            chars = 0;
            if ("c".equals(localName)) {
                type = attributes.getValue("t");
                style = attributes.getValue("s");
            }
            super.startElement(uri, localName, qName, attributes);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            int room = cap - chars;
            if (room <= 0) {
                return;
            }
            int n = Math.min(room, length);
            chars += n;
            super.characters(ch, start, n);
        }
    }

    /** Turns cell events into rows: header first, then data rows cut to the header's width. */
    static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final IngestLimits limits;
        private final Deadline deadline;
        private final RowSink sink;
        private final NumberFormats formats;
        private final boolean date1904;
        CellHandler cells;

        private List<String> headers;
        private TreeMap<Integer, String> headerCells;
        private String[] row;
        private int extra;
        private int firstExtra;
        private int nextColumn;

        SheetRows(IngestLimits limits, Deadline deadline, RowSink sink, NumberFormats formats, boolean date1904) {
            this.limits = limits;
            this.deadline = deadline;
            this.sink = sink;
            this.formats = formats;
            this.date1904 = date1904;
        }

        @Override
        public void startRow(int rowNum) {
            deadline.check();
            nextColumn = 0;
            extra = 0;
            firstExtra = 0;
            if (headers == null) {
                headerCells = new TreeMap<>();
            } else {
                row = new String[headers.size()];
            }
        }

        @Override
        public void cell(String reference, String formatted, XSSFComment comment) {
            int column = reference == null ? nextColumn : column(reference);
            nextColumn = column + 1;
            if (formatted == null) {
                return;
            }
            String value = value(formatted);
            boolean blank = value.isBlank();
            if (headers == null) {
                if (blank) {
                    return;
                }
                if (column >= limits.maxColumns()) {
                    throw SubmissionReader.tooManyColumns(column >= XLSX_COLUMNS ? "16384+" : Integer.toString(column + 1), limits);
                }
                headerCells.put(column, value);
            } else if (column < row.length) {
                row[column] = value;
            } else if (!blank) {
                extra++;
                if (firstExtra == 0) {
                    firstExtra = Math.min(column, XLSX_COLUMNS) + 1;
                }
            }
        }

        @Override
        public void endRow(int rowNum) {
            if (headers == null) {
                if (headerCells.isEmpty()) {
                    return;
                }
                List<String> h = new ArrayList<>();
                for (int i = 0; i <= headerCells.lastKey(); i++) {
                    h.add(headerCells.getOrDefault(i, ""));
                }
                headers = h;
                headerCells = null;
                sink.header(List.copyOf(h), "xlsx");
                return;
            }
            List<String> cellsOfRow = new ArrayList<>(row.length);
            boolean blank = true;
            for (String c : row) {
                cellsOfRow.add(c == null ? "" : c);
                blank &= c == null || c.isBlank();
            }
            if (blank && extra == 0) {
                return;
            }
            sink.row(new SourceRow(rowNum + 1, cellsOfRow, extra, firstExtra, null));
        }

        void finish() {
            if (headers == null) {
                throw new UnreadableFileException("第一个工作表为空，没有表头行", "the first sheet is empty: it has no header row", null);
            }
        }

        /** The cell as text: numbers plain (no grouping, exponent or float noise), dates as ISO dates. */
        private String value(String raw) {
            String type = cells == null ? null : cells.type;
            if (type == null || "n".equals(type)) {
                try {
                    double d = Double.parseDouble(raw.trim());
                    if (formats.isDate(cells == null ? null : cells.style) && DateUtil.isValidExcelDate(d)) {
                        return DateUtil.getLocalDateTime(d, date1904).toLocalDate().format(ISO);
                    }
                    if (Double.isFinite(d)) {
                        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
                    }
                } catch (NumberFormatException | ArithmeticException e) {
                    return raw;
                }
                return raw;
            }
            if ("b".equals(type)) {
                return raw.toLowerCase(Locale.ROOT);
            }
            if ("e".equals(type)) {
                return raw.startsWith("ERROR:") ? raw.substring("ERROR:".length()) : raw;
            }
            return raw;
        }
    }

    /** Columns in a sheet: A to XFD. */
    static final int XLSX_COLUMNS = 16_384;

    /** The 0-based column of a cell reference ({@code XFD7} → 16383); references past XFD are clamped just beyond it. */
    static int column(String reference) {
        int col = 0;
        int i = 0;
        while (i < reference.length()) {
            char c = Character.toUpperCase(reference.charAt(i));
            if (c < 'A' || c > 'Z') {
                break;
            }
            col = col * 26 + (c - 'A' + 1);
            if (col > XLSX_COLUMNS) {
                return XLSX_COLUMNS;
            }
            i++;
        }
        return Math.max(col - 1, 0);
    }

    /** Counts the bytes of a part as they are inflated, and refuses the workbook past the limit. */
    static final class CountingInputStream extends FilterInputStream {
        private final long limit;
        private final String part;
        private long count;

        CountingInputStream(InputStream in, long limit, String part) {
            super(in);
            this.limit = limit;
            this.part = part;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) {
            count += n;
            if (count > limit) {
                throw tooLarge("「" + part + "」展开后超过 " + IngestLimits.bytes(limit),
                        "'" + part + "' expands to more than " + IngestLimits.bytes(limit), null);
            }
        }
    }
}
