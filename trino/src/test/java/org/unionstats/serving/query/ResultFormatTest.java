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
    void trailingSemicolonsAreDropped() {
        assertThat(QueryRunner.stripSemicolon("SELECT 1;;\n")).isEqualTo("SELECT 1");
    }
}
