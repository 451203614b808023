package org.unionstats.kpi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A stage sees its inputs and nothing else, and says clearly what is missing. Test stages: src/test/resources. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqlStageTest {

    SparkSession spark;
    Dataset<Row> lefts;
    Dataset<Row> rights;

    @BeforeAll
    void start() {
        spark = SparkSession.builder().appName("sql-stage-test").master("local[1]").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "1").getOrCreate();
        lefts = spark.createDataFrame(List.of(RowFactory.create(1), RowFactory.create(2), RowFactory.create(3)),
                StructType.fromDDL("id INT"));
        rights = spark.createDataFrame(List.of(RowFactory.create(2, "two"), RowFactory.create(3, "three")),
                StructType.fromDDL("id INT, name STRING")).cache();
    }

    @AfterAll
    void stop() {
        spark.stop();
    }

    private Dataset<Row> join(Map<String, String> params) {
        return SqlStage.run("test_join", Map.of("lefts", lefts, "rights", rights), params);
    }

    @Test
    void runsOverItsInputsAndLeavesNoViewBehind() {
        assertThat(join(Map.of("min_id", "2")).collectAsList()).extracting(r -> r.getString(1)).containsExactly("three");
        assertThat(spark.catalog().tableExists("lefts")).isFalse();
        assertThat(spark.catalog().tableExists("rights")).isFalse();
        assertThat(rights.storageLevel()).as("a cached input stays cached").isNotEqualTo(StorageLevel.NONE());
    }

    @Test
    void placeholdersMustAllHaveValuesAndParametersMustAllBeUsed() {
        assertThatThrownBy(() -> join(Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test_join.sql").hasMessageContaining("no value for placeholder(s) [min_id]");
        assertThatThrownBy(() -> join(Map.of("min_id", "2", "max_id", "3"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter(s) [max_id] not used");
    }

    @Test
    void inputsMustAllBeReadAndEveryTableReadMustBeAnInput() {
        assertThatThrownBy(() -> SqlStage.run("test_join", Map.of("lefts", lefts, "rights", rights, "extra", lefts), Map.of("min_id", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("input(s) [extra] not read");
        assertThatThrownBy(() -> SqlStage.run("test_undeclared", Map.of("lefts", lefts)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("test_undeclared.sql").hasMessageContaining("nowhere");
        assertThat(spark.catalog().tableExists("lefts")).as("removed after a failure too").isFalse();
    }

    @Test
    void aGlobalViewOfTheSameNameIsRefused() {
        lefts.createOrReplaceTempView("lefts");
        try {
            assertThatThrownBy(() -> join(Map.of("min_id", "0"))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already exists");
            assertThat(spark.catalog().tableExists("rights")).isFalse();
        } finally {
            spark.catalog().dropTempView("lefts");
        }
    }

    @Test
    void stagesBuiltInSeveralThreadsAtOnceEachSeeTheirOwnInputs() {
        // Eight threads each build the same stage (the same view names) 10 times, with their own threshold: without the
        // stages analysed one at a time, two would register "lefts" at once and one would fail with "already exists".
        try (ConcurrentWrites threads = new ConcurrentWrites(8)) {
            List<Future<Long>> counts = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int minId = t % 4;
                counts.add(threads.submit(() -> {
                    long last = -1;
                    for (int i = 0; i < 10; i++) {
                        last = join(Map.of("min_id", Integer.toString(minId))).count();
                    }
                    return last;
                }));
            }
            threads.awaitAll();
            // Joined ids (2 and 3) above min_id: both for 0 and 1, id 3 for 2, none for 3.
            assertThat(counts).extracting(ConcurrentWrites::result).containsExactly(2L, 2L, 1L, 0L, 2L, 2L, 1L, 0L);
        }
        assertThat(spark.catalog().tableExists("lefts")).isFalse();
    }

    @Test
    void quotesLiterals() {
        assertThat(SqlStage.quote("it's a\\b")).isEqualTo("'it\\'s a\\\\b'");
        assertThat(SqlStage.quoteAll(List.of("a", "b"))).isEqualTo("'a', 'b'");
        assertThat(SqlStage.quoteAll(List.of())).isEqualTo("''");
    }
}
