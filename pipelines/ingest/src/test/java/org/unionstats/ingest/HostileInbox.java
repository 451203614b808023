package org.unionstats.ingest;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One inbox of broken and hostile files, written by code (nothing binary is committed), with the
 * outcome each file must get. {@link #writeEarlierSubmissions} is the batch a first run ingests;
 * {@link #writeHostileFiles} adds the rest, including corrections of those earlier submissions.
 * Small on purpose: the largest file is 300 KiB, the zip bomb a few dozen.
 */
final class HostileInbox {

    /** Limits of the hostile run: defaults, with sizes small enough for an over-limit file to stay small. */
    static final IngestLimits LIMITS = IngestLimits.defaults().withMaxFileBytes(256 * 1024).withMaxRows(1000);

    static final String FAKE_KEY = "FAKE-PSEUDONYM-KEY-5f2c9e1d7b3a";
    static final String PASSWD_LINE = "root:x:0:0:root:/root:/bin/bash";
    static final String OUTSIDE_CANARY = "OUTSIDE-FOLDER-CANARY-7731";
    static final String NAME_CANARY = "NAME-REFUSED-CANARY-4412";
    static final String OVERFLOW_CANARY = "OVERFLOW-CANARY-9090";
    /** ID numbers, phone numbers and names that appear in files; none may reach the warehouse in clear. */
    static final List<String> PERSONAL = List.of("130306199001011234", "130306199201021234", "130322198001011234",
            "130322197512301234", "130306198808081234", "13812345678", "13912345678", "13698765432", "13511112222", "张三丰");

    /** What one file must end as. {@code code} is the first (or only) quarantine code expected, null for none. */
    record Expect(String sourceFile, String status, String code, String fragment, long read, long accepted, long quarantined) {}

    final List<Expect> expected = new ArrayList<>();
    final Path inbox;
    final Path outside;
    boolean fifo;

    HostileInbox(Path inbox, Path outside) {
        this.inbox = inbox;
        this.outside = outside;
    }

    private static final String MEMBER_HEADER = "会员编号,所属工会代码,变动类型,变动日期";

    /** The first batch: accepted submissions that later corrections must not wipe. */
    void writeEarlierSubmissions() throws IOException {
        csv("130300/2024Q3/org_units.csv", "org_code,name,level,parent_org_code,region_code",
                "130306-0001,抚宁区骊城街道工会,township,130306,130306",
                "130322-0001,昌黎县某食品公司工会,企业,130322,130322");
        csv("130306/2024Q3/member_events.csv", MEMBER_HEADER + ",身份证号,联系电话",
                "M1,130306-0001,入会,2024-07-05,130306199001011234,13812345678",
                "M2,130306-0001,入会,2024-07-06,130306199201021234,13912345678");
        touch("130306/2024Q3/member_events.csv", "2024-10-01T00:00:00Z");
        csv("130322/2024Q3/hardship_cases.csv", "档案编号,所属工会代码,建档日期,致困原因,家庭人口,状态,户主身份证号",
                "K001,130322-0001,2023-03-01,因病,4,在档,130322198001011234",
                "K002,130322-0001,2022-11-20,因学,3,在档,130322197512301234");
        touch("130322/2024Q3/hardship_cases.csv", "2024-10-01T00:00:00Z");
    }

    /** Everything else, in the same inbox. */
    void writeHostileFiles() throws IOException {
        // The path parser used to overflow on this version number and stop the batch.
        csv("130306/2024Q3/member_events_v99999999999.csv", MEMBER_HEADER, OVERFLOW_CANARY + ",130306-0001,入会,2024-07-05");
        expect("130306/2024Q3/member_events_v99999999999.csv", "refused", "BAD_PATH", "version number", 1, 0, 1);

        // Corrections of earlier accepted submissions: header only, and damaged. The earlier ones stay current.
        csv("130306/2024Q3/member_events_v2.csv", MEMBER_HEADER);
        expect("130306/2024Q3/member_events_v2.csv", "refused", "EMPTY_SUBMISSION", "earlier accepted submission stays in force", 1, 0, 1);
        write("130322/2024Q3/hardship_cases_更正.xlsx", HostileFiles.damagedWorkbook());
        expect("130322/2024Q3/hardship_cases_更正.xlsx", "refused", "UNREADABLE_FILE", "damaged", 1, 0, 1);

        // A stray cell in column XFD of one data row; an empty formatted cell in XFD of the header.
        write("130322/2024Q3/indicator_reports.xlsx", HostileFiles.workbookWithStrayCell(new String[] {"工会代码", "指标代码", "数值", "单位"},
                new String[][] {{"130322", "workforce", "1200", "人"}, {"130322", "金秋助学资助金额", "5", "万元"}}, 1, false));
        expect("130322/2024Q3/indicator_reports.xlsx", "current", "EXTRA_CELLS", "from column 16384", 2, 1, 1);
        // A header cell in XFD: 16 384 columns.
        write("130300/2024Q3/indicator_reports.xlsx", HostileFiles.workbookWithStrayCell(new String[] {"工会代码", "指标代码", "数值"},
                new String[][] {{"130300", "workforce", "1"}}, -1, true));
        expect("130300/2024Q3/indicator_reports.xlsx", "refused", "TOO_MANY_COLUMNS", "16384", 1, 0, 1);

        // JSON Lines that add a new key on every line.
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            keys.append("{\"org_code\":\"130322-").append(String.format("%04d", 100 + i)).append("\",\"name\":\"x\",\"level\":\"企业\",")
                    .append("\"parent_org_code\":\"130322\",\"region_code\":\"130322\",\"note_").append(i).append("\":\"x\"}\n");
        }
        write("130322/2024Q3/org_units.jsonl", keys.toString().getBytes(StandardCharsets.UTF_8));
        expect("130322/2024Q3/org_units.jsonl", "refused", "TOO_MANY_COLUMNS", "257+", 1, 0, 1);

        // A zip bomb: a small file whose sheet inflates to 20 MiB.
        write("130322/2024Q3/competitions.xlsx", HostileFiles.zipBombWorkbook(20L << 20));
        expect("130322/2024Q3/competitions.xlsx", "refused", "WORKBOOK_TOO_LARGE", "compressed", 1, 0, 1);

        // Links: to a key and a password file outside the inbox, to nothing, to a folder, to the inbox itself.
        Files.createDirectories(outside.resolve("folder"));
        Files.writeString(outside.resolve("pseudonym.key"), FAKE_KEY + "\n");
        Files.writeString(outside.resolve("passwd"), PASSWD_LINE + "\nclerk:x:1000:1000:张三丰 13698765432:/home/clerk:/bin/sh\n");
        Files.writeString(outside.resolve("folder/member_events.csv"), MEMBER_HEADER + "\n" + OUTSIDE_CANARY + ",130306-0001,入会,2024-10-05\n");
        link("130300/2024Q3/competition_entries_2024.csv", outside.resolve("pseudonym.key"));
        expect("130300/2024Q3/competition_entries_2024.csv", "refused", "BAD_PATH", "symbolic link", 1, 0, 1);
        link("130306/2024Q3/org_units.csv", outside.resolve("passwd"));
        expect("130306/2024Q3/org_units.csv", "refused", "BAD_PATH", "symbolic link", 1, 0, 1);
        link("130306/2024Q3/competitions.csv", outside.resolve("missing.csv"));
        expect("130306/2024Q3/competitions.csv", "refused", "BAD_PATH", "symbolic link", 1, 0, 1);
        link("130306/2024Q4", outside.resolve("folder"));
        expect("130306/2024Q4", "refused", "BAD_PATH", "symbolic link", 1, 0, 1);
        link("130322/loop", inbox);
        expect("130322/loop", "refused", "BAD_PATH", "symbolic link", 1, 0, 1);
        link("130306/2024Q3/.pseudonym.key", outside.resolve("pseudonym.key")); // hidden: ignored, no receipt

        // A real GB18030 file still reads.
        csv("130306/2024Q3/hardship_cases.csv", Charset.forName("GB18030"), "档案编号,所属工会代码,建档日期,致困原因,家庭人口,状态",
                "K101,130306-0001,2024-08-01,因病,3,在档");
        expect("130306/2024Q3/hardship_cases.csv", "current", null, null, 1, 1, 0);

        // Names with a direction override, a control character and a zero-width space; an overlong name.
        for (String name : List.of("member_events\u202Egpj.csv", "member_events\u0007.csv", "member_events\u200B.csv")) {
            csv("130322/2024Q3/" + name, MEMBER_HEADER, NAME_CANARY + ",130322-0001,入会,2024-07-05");
            String shown = "130322/2024Q3/" + org.unionstats.text.TextHazards.escape(name);
            expect(shown, "refused", "BAD_PATH", "control", 1, 0, 1);
        }
        String overlong = "member_events_" + "x".repeat(180) + ".csv";
        csv("130322/2024Q3/" + overlong, MEMBER_HEADER, NAME_CANARY + ",130322-0001,入会,2024-07-05");
        expect("130322/2024Q3/" + overlong, "refused", "BAD_PATH", "too long", 1, 0, 1);

        // A phone number in a file name: accepted, and the name is masked everywhere.
        csv("130306/2024Q3/indicator_reports_联系人13511112222.csv", "工会代码,指标代码,数值,单位", "130306,workforce,1200,人");
        expect("130306/2024Q3/indicator_reports_联系人135****2222.csv", "current", null, null, 1, 1, 0);

        // UTF-8 without BOM and one damaged byte: that row only.
        byte[] good = (MEMBER_HEADER + "\nU1,130322-0001,入会,2024-07-05\nU2,130322-0001,退会,2024-07-06\nU3,130322-0001,入")
                .getBytes(StandardCharsets.UTF_8);
        byte[] damaged = new byte[good.length + 1 + 12];
        System.arraycopy(good, 0, damaged, 0, good.length);
        damaged[good.length] = (byte) 0xFF;
        System.arraycopy(",2024-07-07\n".getBytes(StandardCharsets.UTF_8), 0, damaged, good.length + 1, 12);
        write("130322/2024Q3/member_events.csv", damaged);
        expect("130322/2024Q3/member_events.csv", "current", "BAD_ENCODING", "not valid text", 3, 2, 1);

        // NUL, a direction override and a zero-width space inside cells.
        csv("130306/2024-07/member_events.csv", MEMBER_HEADER,
                "C1,130306-0001,入会,2024-07-05",
                "C\u00002,130306-0001,入会,2024-07-05",
                "C3,130306-0001,\u202E会入,2024-07-05",
                "C4,130306-0001\u200B,入会,2024-07-05");
        expect("130306/2024-07/member_events.csv", "current", "CONTROL_CHARACTER", "invisible control", 4, 1, 3);

        // Cells beyond the header.
        csv("130306/2024-08/member_events.csv", MEMBER_HEADER, "E1,130306-0001,入会,2024-08-05", "E2,130306-0001,入会,2024-08-06,多余,13511112222");
        expect("130306/2024-08/member_events.csv", "current", "EXTRA_CELLS", "data beyond the header (cells: 2", 2, 1, 1);

        // The same header twice (after normalisation).
        csv("130306/2024-09/member_events.csv", MEMBER_HEADER + ",变动 日期", "D1,130306-0001,入会,2024-09-05,2024-09-06");
        expect("130306/2024-09/member_events.csv", "refused", "DUPLICATE_HEADER", "more than once", 1, 0, 1);

        // Over the size and row limits of this run.
        StringBuilder big = new StringBuilder(MEMBER_HEADER).append('\n');
        while (big.length() < 300 * 1024) {
            big.append("B").append(big.length()).append(",130322-0001,入会,2024-07-05,130322198001011234\n");
        }
        csv("130322/2024-07/member_events.csv", big.toString().strip());
        expect("130322/2024-07/member_events.csv", "refused", "FILE_TOO_LARGE", "over the limit of 256 KiB", 1, 0, 1);
        StringBuilder rows = new StringBuilder(MEMBER_HEADER).append('\n');
        for (int i = 0; i < 1001; i++) {
            rows.append("R").append(i).append(",130322-0001,入会,2024-08-05\n");
        }
        csv("130322/2024-08/member_events.csv", rows.toString().strip());
        expect("130322/2024-08/member_events.csv", "refused", "TOO_MANY_ROWS", "more than 1000 rows", 1, 0, 1);

        // A line of commas: a hundred thousand cells the parser must not build.
        csv("130300/2024-07/member_events.csv", MEMBER_HEADER, ",".repeat(100_000));
        expect("130300/2024-07/member_events.csv", "refused", "TOO_MANY_COLUMNS", "1025+", 1, 0, 1);

        // JSON Lines: too many keys on a line, a broken line quoting personal data, a number too long.
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 300; i++) {
            many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        write("130322/2024-09/member_events.jsonl", String.join("\n",
                "{\"member_id\":\"J1\",\"org_code\":\"130322-0001\",\"event_type\":\"join\",\"event_date\":\"2024-09-01\"}",
                many + "}",
                "{\"member_id\": 130306198808081234, phone: 13698765432}",
                "{\"member_id\":\"J3\",\"org_code\":\"130322-0001\",\"event_type\":\"join\",\"event_date\":\"2024-09-02\",\"n\":"
                        + "1".repeat(40) + "}",
                "{\"member_id\":\"J2\",\"org_code\":\"130322-0001\",\"event_type\":\"join\",\"event_date\":\"2024-09-03\"}")
                .getBytes(StandardCharsets.UTF_8));
        expect("130322/2024-09/member_events.jsonl", "current", "TOO_MANY_KEYS", "keys", 5, 2, 3);

        // No header row: the first row is personal data and must not be quoted.
        csv("130306/2024-10/member_events.csv", "M9,130306-0001,入会,2024-10-01,张三丰,130306198808081234,13698765432");
        expect("130306/2024-10/member_events.csv", "refused", "MISSING_COLUMN", "not shown", 1, 0, 1);

        // Not a file, and too deep.
        Path deep = Files.createDirectories(inbox.resolve("130306/a/b/c/d/e/f"));
        Files.writeString(deep.resolve("member_events.csv"), OUTSIDE_CANARY);
        expect("130306/a/b/c/d/e", "refused", "BAD_PATH", "nested too deep", 1, 0, 1);
        Path pipe = inbox.resolve("130306/2024Q3/hardship_cases_pipe.csv");
        try {
            fifo = new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0 && Files.exists(pipe);
        } catch (IOException | InterruptedException e) {
            fifo = false;
        }
        if (fifo) {
            expect("130306/2024Q3/hardship_cases_pipe.csv", "refused", "BAD_PATH", "not a regular file", 1, 0, 1);
        }
    }

    private void expect(String sourceFile, String status, String code, String fragment, long read, long accepted, long quarantined) {
        expected.add(new Expect(sourceFile, status, code, fragment, read, accepted, quarantined));
    }

    private void csv(String relative, String... lines) throws IOException {
        csv(relative, StandardCharsets.UTF_8, lines);
    }

    private void csv(String relative, Charset charset, String... lines) throws IOException {
        write(relative, (String.join("\n", lines) + "\n").getBytes(charset));
    }

    private void write(String relative, byte[] bytes) throws IOException {
        Path file = inbox.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2024-10-10T00:00:00Z")));
    }

    private void touch(String relative, String instant) throws IOException {
        Files.setLastModifiedTime(inbox.resolve(relative), FileTime.from(Instant.parse(instant)));
    }

    private void link(String relative, Path target) throws IOException {
        Path link = inbox.resolve(relative);
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, target);
    }
}
