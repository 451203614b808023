package org.unionstats.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A small inbox written by hand, with the outcome of every row worked out in the comments.
 * 秦皇岛 (130300) declares two basic-level unions; 抚宁区 (130306) and 昌黎县 (130322) report 2024Q3.
 */
final class FixtureInbox {

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private FixtureInbox() {}

    static void write(Path inbox) throws IOException {
        // 2 rows, both accepted. Declared by the city for its counties.
        csv(inbox, "130300/2024Q3/org_units.csv", StandardCharsets.UTF_8, false,
                "org_code,name,level,parent_org_code,region_code,established_on,workforce",
                "130306-0001,抚宁区骊城街道工会,township,130306,130306,2010-05-01,1200",
                "130322-0001,昌黎县某食品公司工会,企业,130322,130322,2015/3/8,1.7万");
        // 6 rows: row 2 accepted; row 3 accepted (Chinese date, English code); row 4 duplicate of row 2;
        // row 5 quarantined (typo 人会); row 6 quarantined (date outside 2024Q3);
        // row 7 quarantined (unknown org 130306-9999).
        csv(inbox, "130306/2024Q3/会员变动.csv", StandardCharsets.UTF_8, true,
                "会员编号,所属工会代码,变动类型,变动日期,职工类别,性别,出生年份,身份证号,联系电话",
                "HY0001,130306-0001,入会,2024-07-05,新就业形态劳动者,男,1990,130306199001011234,13812345678",
                "M0002,130306-0001,join,2024年8月1日,regular,F,1985,,",
                "HY0001,130306-0001,入会,2024-07-05,新就业形态劳动者,男,1990,130306199001011234,13812345678",
                "M0003,130306-0001,人会,2024-07-06,普通职工,女,1992,130306199201021234,13912345678",
                "M0004,130306-0001,入会,2024-06-30,普通职工,女,1992,,",
                "M0005,130306-9999,入会,2024-07-07,普通职工,女,1992,,");
        // First version: 3 rows accepted, then replaced by v2 (2 rows accepted); only v2's rows count.
        jsonl(inbox, "130322/2024Q3/member_events.jsonl", Instant.parse("2024-10-10T01:00:00Z"),
                "{\"member_id\":\"A1\",\"org_code\":\"130322-0001\",\"event_type\":\"join\",\"event_date\":\"2024-07-01\"}",
                "{\"member_id\":\"A2\",\"org_code\":\"130322-0001\",\"event_type\":\"join\",\"event_date\":\"2024-07-02\"}",
                "{\"member_id\":\"A3\",\"org_code\":\"130322-0001\",\"event_type\":\"leave\",\"event_date\":\"2024-07-03\"}");
        jsonl(inbox, "130322/2024Q3/member_events_v2.jsonl", Instant.parse("2024-10-15T01:00:00Z"),
                "{\"member_id\":\"A1\",\"org_code\":\"130322-0001\",\"event_type\":\"join\",\"event_date\":\"2024-07-01\"}",
                "{\"member_id\":\"A2\",\"org_code\":\"130322-0001\",\"event_type\":\"transfer_in\",\"event_date\":\"2024-07-02\"}");
        // GB18030: 3 rows; row 4 quarantined (lifted out without a date).
        csv(inbox, "130322/2024Q3/hardship_cases.csv", Charset.forName("GB18030"), false,
                "档案编号,所属工会代码,建档日期,致困原因,家庭人口,状态,解困脱困日期,帮扶金额（元）,户主身份证号",
                "K001,130322-0001,2023-03-01,因病,4,在档,,1.2万,130322198001011234",
                "K002,130322-0001,2022-11-20,因学,3,已解困脱困,2024-08-15,800,",
                "K003,130322-0001,2024-07-20,下岗失业,2,已解困脱困,,500,");
        // 1 competition accepted; entries: row 2 accepted, row 3 quarantined (wrong check character).
        csv(inbox, "130300/2024Q3/competitions.csv", StandardCharsets.UTF_8, false,
                "competition_id,organiser_org_code,name,kind,level,start_date,end_date,items",
                "C130300-2024Q3-01,130300,秦皇岛市职工技能大赛,技能竞赛,市级,2024-09-01,2024-10-31,12");
        csv(inbox, "130300/2024Q3/competition_entries.csv", StandardCharsets.UTF_8, false,
                "competition_id,org_code,enterprise_credit_code,worker_id,entrants,award,title",
                "C130300-2024Q3-01,130306-0001,91350100M000100Y43,,35,二等奖,工人先锋号",
                "C130300-2024Q3-01,130322-0001,91350100M000100Y44,W9,1,无,");
        // 2 rows accepted: 1.7万 persons; 近300 万元 → 3 000 000 CNY, nearly.
        xlsx(inbox, "130306/2024Q3/indicator_reports.xlsx",
                new String[] {"工会代码", "指标代码", "数值", "说明", "单位"},
                new Object[] {"130306", "workforce", "1.7万", "", "人"},
                new Object[] {"130306", "金秋助学资助金额", 300.0, "近", "万元"});
        // Refused as a whole: a damaged workbook, and a file outside any period folder.
        Files.createDirectories(inbox.resolve("130306/2024Q3"));
        Files.write(inbox.resolve("130306/2024Q3/org_units-损坏.xlsx"), new byte[] {'P', 'K', 3, 4, 0, 1, 2});
        Files.writeString(inbox.resolve("130306/member_events.csv"), "member_id\nX\n");
        // Ignored: generator notes and hidden files.
        Files.writeString(inbox.resolve("_generated.json"), "{}");
    }

    static void csv(Path inbox, String relative, Charset charset, boolean bom, String... lines) throws IOException {
        Path file = inbox.resolve(relative);
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            if (bom) {
                out.write(BOM);
            }
            out.write((String.join("\r\n", lines) + "\r\n").getBytes(charset));
        }
    }

    static void jsonl(Path inbox, String relative, Instant modified, String... lines) throws IOException {
        Path file = inbox.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    static void xlsx(Path inbox, String relative, String[] header, Object[]... rows) throws IOException {
        Path file = inbox.resolve(relative);
        Files.createDirectories(file.getParent());
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = wb.createSheet("报表");
            XSSFRow h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            for (int r = 0; r < rows.length; r++) {
                XSSFRow row = sheet.createRow(r + 1);
                for (int i = 0; i < rows[r].length; i++) {
                    if (rows[r][i] instanceof Double d) {
                        row.createCell(i).setCellValue(d);
                    } else {
                        row.createCell(i).setCellValue((String) rows[r][i]);
                    }
                }
            }
            wb.write(out);
        }
    }
}
