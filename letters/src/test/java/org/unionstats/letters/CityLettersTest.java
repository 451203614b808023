package org.unionstats.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.errors.ExitCode;
import org.unionstats.errors.UnionStatsException;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.testing.FixtureCity;
import org.unionstats.warehouse.tables.TableCatalog;

/**
 * The fixture city's letters (figures and their working in {@link FixtureCity}; what each rule says of them worked out
 * below), written as PDF, XLSX and Markdown and read back.
 */
class CityLettersTest {

    private static final LocalDate SIGNED = LocalDate.of(2024, 10, 15);

    @TempDir
    static Path tmp;

    static Path warehouse;

    private final CityLetters letters = new CityLetters(RegionDirectory.loadDefault(), TableCatalog.load());

    @BeforeAll
    static void fixture() throws Exception {
        warehouse = tmp.resolve("warehouse");
        FixtureCity.write(warehouse);
    }

    private List<Path> write(LetterFormat format, String quarter) {
        return letters.write(new LetterRequest(warehouse, FixtureCity.CITY, quarter, format, tmp.resolve(format.code() + "-" + quarter), SIGNED, Issuing.RENDER));
    }

    /**
     * 海港区: ranked 1st, 2nd, 3rd and 2nd of 3: positions 0, ½, 1, ½, mean ½: 中游. Every KPI better on the quarter; on
     * the year members (+7,750) and the growth rate (+0.2 points) better, families on file (+46, fewer is better) and
     * entrants per 100 (−0.6) worse. unions_established 65.0 % against a pace of 75.0 %: behind; members 99.4 %: on pace.
     * Priorities: P1 the target behind pace, P2 families on file (last), P5 the two rules with findings.
     */
    private static final List<String> HAIGANG = List.of(
            "关于海港区总工会2024年第三季度工作的指导意见", "海港区总工会：",
            "期末会员数183,950人+2,350人+7,750人第1/3位2024年185,000人99.4%75.0%",
            "会员增长率1.3%+0.8个百分点+0.2个百分点第2/3位",
            "期末在档困难职工户数1,236户−74户+46户第3/3位",
            "每百名会员参赛人数12.4人+2.3人−0.6人第2/3位",
            "新建工会组织数78个———2024年120个65.0%75.0%（落后）",
            "总体看，你区本季度参与全市排名的4项重点指标总体处于全市中游，有亮点也有短板。",
            "期末会员数（183,950人）居全市首位，要认真总结经验、继续保持。",
            "期末在档困难职工户数（1,236户，第3/3位）居全市末位，是本季度的突出短板，需要重点加力。",
            "与上季度相比，期末会员数、会员增长率、期末在档困难职工户数、每百名会员参赛人数4项指标向好。",
            "与上年同期相比，期末会员数、会员增长率2项指标向好；期末在档困难职工户数、每百名会员参赛人数2项指标有所退步，需查找原因、及时改进。",
            "新建工会组织数2024年目标120个，完成65.0%，低于序时进度75.0%，需加快进度、确保完成。",
            "期末会员数目标任务完成情况达到序时进度。",
            "本季度数据质量检查发现2条问题（其中错误1条），涉及期末会员数与期初及变动数不平衡、报送的存量数与上次存量加其间变动不衔接，请逐条核实更正，确保数据真实准确（详见第四部分）。",
            "本季度会员变动、困难职工家庭档案、工作指标报表3类必报报表均按时报送。",
            "1．加快推进新建工会组织数目标任务：2024年目标120个，完成65.0%，低于序时进度75.0%。",
            "2．做好困难职工家庭精准帮扶，推动在档困难职工家庭解困脱困，补齐期末在档困难职工户数（本季度1,236户，居全市第3/3位）短板。",
            "3．核对会员变动（入会、退会、转入、转出）是否报送完整、变动日期是否落在本期内，解决“期末会员数与期初及变动数不平衡”问题（1条）。",
            "4．核对两次存量报告之间的会员变动或困难职工档案是否漏报、重报，以及存量数本身，解决“报送的存量数与上次存量加其间变动不衔接”问题（1条）。",
            "【错误】海港区（130302）2024Q3：期末会员数183,950与期初181,600",
            "【提示】秦皇岛港股份有限公司工会（130302-0001）报送截至2024-09-30的会员总数5,120",
            "并于2024年第四季度内将落实情况书面反馈秦皇岛市总工会。", "秦皇岛市总工会2024年10月15日");

    /**
     * 山海关区: 2nd, 3rd, 2nd, 3rd of 3: positions ½, 1, ½, 1, mean ¾ ≥ ⅔: 靠后. Every KPI worse on the quarter and the
     * year. No targets. Reports: 2 of 3 received (66.7 %), 1 on time (33.3 %). Priorities: P2 the two KPIs last (two
     * work areas), P3 members at the end (membership work already asked for) and families on file, P4 the reports.
     */
    private static final List<String> SHANHAIGUAN = List.of(
            "关于山海关区总工会2024年第三季度工作的指导意见",
            "期末会员数41,320人−180人−580人第2/3位———", "会员增长率−0.4%−0.5个百分点−0.6个百分点第3/3位",
            "本季度未下达目标任务。",
            "总体看，你区本季度参与全市排名的4项重点指标总体排名靠后，工作推进力度有待加强。",
            "会员增长率（−0.4%，第3/3位）、每百名会员参赛人数（3.1人，第3/3位）居全市末位，是本季度的突出短板，需要重点加力。",
            "与上季度相比，期末会员数、会员增长率、期末在档困难职工户数、每百名会员参赛人数4项指标有所退步，需查找原因、及时改进。",
            "与上年同期相比，期末会员数、会员增长率、期末在档困难职工户数、每百名会员参赛人数4项指标有所退步，需查找原因、及时改进。",
            "本季度应报会员变动、困难职工家庭档案、工作指标报表3类报表，其中工作指标报表未报送，困难职工家庭档案逾期报送，报送完整率66.7%、及时率33.3%，请严格按期报送。",
            "1．深入开展建会入会集中行动，扩大工会组织覆盖，做好会员发展和会籍管理，补齐会员增长率（本季度−0.4%，居全市第3/3位）短板。",
            "2．广泛开展劳动和技能竞赛，扩大企业和职工参与面，补齐每百名会员参赛人数（本季度3.1人，居全市第3/3位）短板。",
            "3．扭转期末会员数下降势头（较上季度−180人，较上年同期−580人）。",
            "4．扭转期末在档困难职工户数上升势头（较上季度+4户，较上年同期+22户），做好困难职工家庭精准帮扶，推动在档困难职工家庭解困脱困。",
            "5．按期报齐困难职工家庭档案、工作指标报表，确保统计数据完整、及时。",
            "会员变动：按时报送", "困难职工家庭档案：逾期报送", "工作指标报表：未报送", "本季度未发现数据质量问题。");

    /**
     * 北戴河新区: 3rd, 1st, 1st, 1st of 3: mean ¼ ≤ ⅓: 前列. Families on file unchanged (持平); nothing a year earlier.
     * Two targets for members: the city's (16,200, 95.6 %) is shown. Priorities: P2 members (last), P5 the workforce.
     */
    private static final List<String> BEIDAIHE_NEW_AREA = List.of(
            "关于北戴河新区总工会2024年第三季度工作的指导意见",
            "期末会员数15,480人+1,280人—第3/3位2024年16,200人95.6%75.0%", "会员增长率9.0%+5.5个百分点—第1/3位",
            "期末在档困难职工户数85户持平—第1/3位",
            "总体看，你区本季度参与全市排名的4项重点指标总体处于全市前列，各项工作推进有力。",
            "会员增长率（9.0%）、期末在档困难职工户数（85户）、每百名会员参赛人数（20.3人）居全市首位，要认真总结经验、继续保持。",
            "期末会员数（15,480人，第3/3位）居全市末位，是本季度的突出短板，需要重点加力。",
            "与上季度相比，期末会员数、会员增长率、每百名会员参赛人数3项指标向好。",
            "期末会员数目标任务完成情况达到序时进度。",
            "本季度数据质量检查发现1条问题，涉及职工人数少于会员数，请逐条核实更正，确保数据真实准确（详见第四部分）。",
            "1．深入开展建会入会集中行动，扩大工会组织覆盖，做好会员发展和会籍管理，补齐期末会员数（本季度15,480人，居全市第3/3位）短板。",
            "2．核对工作指标中的职工人数是否只报了部分单位，以及会员变动是否重复入会、漏报退会，解决“职工人数少于会员数”问题（1条）。");

    /** 卢龙县 sent nothing: no figures, no ranking, every report missing. */
    private static final List<String> LULONG = List.of(
            "关于卢龙县总工会2024年第三季度工作的指导意见", "卢龙县总工会：", "你县本季度没有指标数据（未报送或尚未计算）。",
            "本季度未下达目标任务。", "你县本季度没有可用的指标数据，无法对工作进行量化评价。",
            "本季度应报会员变动、困难职工家庭档案、工作指标报表3类报表均未报送，报送完整率0.0%、及时率0.0%，请严格按期报送。",
            "1．按期报齐会员变动、困难职工家庭档案、工作指标报表，确保统计数据完整、及时。");

    private static final Map<String, List<String>> EXPECTED = Map.of("130302", HAIGANG, "130303", SHANHAIGUAN, "130372", BEIDAIHE_NEW_AREA,
            "130324", LULONG);

    @Test
    void eachCountysPdfHasItsNameFiguresRankAttainmentEvaluationAndPriorities() throws IOException {
        List<Path> files = write(LetterFormat.PDF, FixtureCity.QUARTER);
        assertThat(files).extracting(f -> f.getFileName().toString()).containsExactly("2024Q3-130302-海港区-季度指导书.pdf",
                "2024Q3-130303-山海关区-季度指导书.pdf", "2024Q3-130324-卢龙县-季度指导书.pdf", "2024Q3-130372-北戴河新区-季度指导书.pdf");
        for (Path file : files) {
            String code = file.getFileName().toString().substring(7, 13);
            String text = compact(pdfText(file));
            for (String expected : EXPECTED.get(code)) {
                assertThat(text).as(file.getFileName().toString()).contains(compact(expected));
            }
            assertThat(text).doesNotContain("长安区");
        }
        String haigang = compact(pdfText(files.get(0)));
        assertThat(haigang).as("only the reporting county's own findings").doesNotContain("北戴河新区（130372）");
    }

    @Test
    void thePdfIsA4WithTheCjkFontEmbedded() throws IOException {
        Path file = write(LetterFormat.PDF, FixtureCity.QUARTER).get(0);
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            for (PDPage page : pdf.getPages()) {
                assertThat(page.getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
                assertThat(page.getMediaBox().getHeight()).isEqualTo(PDRectangle.A4.getHeight());
            }
            List<PDFont> fonts = new ArrayList<>();
            for (COSName name : pdf.getPage(0).getResources().getFontNames()) {
                fonts.add(pdf.getPage(0).getResources().getFont(name));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(f -> {
                assertThat(f.isEmbedded()).as(f.getName()).isTrue();
                assertThat(f.getName()).contains("NotoSansSC");
            });
        }
        assertThat(Files.size(file)).as("a subset of the font, not all of it").isLessThan(500_000);
    }

    @Test
    void theWorkbookHasASheetPerCountyReadBackCellByCell() throws IOException {
        List<Path> files = write(LetterFormat.XLSX, FixtureCity.QUARTER);
        assertThat(files).extracting(f -> f.getFileName().toString()).containsExactly("2024Q3-130300-秦皇岛市-县区季度指导书.xlsx");
        try (Workbook workbook = WorkbookFactory.create(files.get(0).toFile(), null, true)) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(4);
            assertThat(workbook.getSheetName(0)).isEqualTo("海港区");
            Sheet haigang = workbook.getSheet("海港区");
            assertThat(row(haigang, "期末会员数")).containsExactly("期末会员数", "183,950人", "+2,350人", "+7,750人", "第1/3位", "2024年 185,000人",
                    "99.4%", "75.0%");
            assertThat(row(haigang, "新建工会组织数")).containsExactly("新建工会组织数", "78个", "—", "—", "—", "2024年 120个", "65.0%", "75.0%（落后）");
            String all = compact(String.join("", column(haigang)));
            for (String expected : HAIGANG.subList(7, HAIGANG.size())) {
                assertThat(all).contains(compact(expected));
            }
            assertThat(compact(String.join("", column(workbook.getSheet("卢龙县"))))).contains(compact(LULONG.get(5)));
        }
    }

    @Test
    void markdownHasALetterPerCounty() throws IOException {
        List<Path> files = write(LetterFormat.MD, FixtureCity.QUARTER);
        assertThat(files).hasSize(4);
        String shanhaiguan = Files.readString(files.get(1), StandardCharsets.UTF_8);
        assertThat(shanhaiguan).startsWith("**秦皇岛市总工会县区季度指导书**")
                .contains("# 关于山海关区总工会2024年第三季度工作的指导意见", "| 期末会员数 | 41,320人 | −180人 | −580人 | 第2/3位 | — | — | — |",
                        "本季度未下达目标任务。", "5. 按期报齐困难职工家庭档案、工作指标报表，确保统计数据完整、及时。");
    }

    @Test
    void theLetterOfTheQuarterAsked() throws IOException {
        // 2024Q2: 海港区 181,600 members, first; the target then 98.2 % against a pace of 50.0 %.
        String text = compact(pdfText(write(LetterFormat.PDF, FixtureCity.PREVIOUS).get(0)));
        assertThat(text).contains("关于海港区总工会2024年第二季度工作的指导意见", "期末会员数181,600人——第1/3位2024年185,000人98.2%50.0%",
                "2024年第三季度内将落实情况").doesNotContain("183,950");
    }

    @Test
    void aCodeThatIsNoCityIsTheCallersMistakeSayingWhatToGive() {
        assertThatThrownBy(() -> letters.write(new LetterRequest(warehouse, "999999", FixtureCity.QUARTER, LetterFormat.PDF, tmp.resolve("x"), SIGNED, Issuing.RENDER)))
                .isInstanceOfSatisfying(UnionStatsException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_ARGUMENTS))
                .hasMessageContaining("unknown city code 999999").hasMessageContaining("130300");
        assertThatThrownBy(() -> letters.write(new LetterRequest(warehouse, "130302", FixtureCity.QUARTER, LetterFormat.PDF, tmp.resolve("x"), SIGNED, Issuing.RENDER)))
                .isInstanceOfSatisfying(UnionStatsException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_ARGUMENTS))
                .hasMessageContaining("130302 is a county-level unit (海港区)").hasMessageContaining("130300 (秦皇岛市)");
        assertThatThrownBy(() -> letters.write(new LetterRequest(warehouse, "130000", FixtureCity.QUARTER, LetterFormat.PDF, tmp.resolve("x"), SIGNED, Issuing.RENDER)))
                .isInstanceOfSatisfying(UnionStatsException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_ARGUMENTS))
                .hasMessageContaining("130000 (河北省) has no county-level units of its own");
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    @Test
    void aQuarterTheKpiJobHasNotComputedIsAFailure() {
        assertThatThrownBy(() -> write(LetterFormat.PDF, "2023Q1"))
                .isInstanceOfSatisfying(UnionStatsException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.FAILURE))
                .hasMessageContaining("no KPIs of 秦皇岛市 (130300) in 2023Q1");
    }

    /** The text of every page, without the page numbers (— 1 —) that end each page's content. */
    private static String pdfText(Path file) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            return new PDFTextStripper().getText(pdf).replaceAll("(?m)^— \\d+ —$", "");
        }
    }

    /** Without white space (ideographic spaces too): lines break anywhere in Chinese text, and table cells follow each other. */
    private static String compact(String text) {
        return text.replaceAll("[\\s\\u3000]+", "");
    }

    private static List<String> row(Sheet sheet, String first) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && row.getCell(0).getStringCellValue().equals(first)) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(c.getStringCellValue()));
                return cells;
            }
        }
        throw new AssertionError("no row " + first + " in sheet " + sheet.getSheetName());
    }

    private static List<String> column(Sheet sheet) {
        List<String> cells = new ArrayList<>();
        for (Row row : sheet) {
            Cell cell = row.getCell(0);
            if (cell != null) {
                cells.add(cell.getStringCellValue());
            }
        }
        return cells;
    }
}
