package org.unionstats.kpi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.unionstats.kpis.Additivity;

/**
 * The roll-up on a hand-built tree: province P ← city C ← counties A and B (region grain), and basic-level union
 * A-1 with its branch A-1-2, and B-1 without branches or a parent union (basic grain). Every expected value is worked
 * out by hand in the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollUpTest {

    private static final Map<String, Additivity> AGGREGATION = Map.of(
            "joined", Additivity.ADDITIVE_FLOW,
            "enterprises", Additivity.DISTINCT_COUNT,
            "days_to_lift_out", Additivity.MEDIAN);

    SparkSession spark;
    List<Row> rolled;

    @BeforeAll
    void rollUp() {
        spark = SparkSession.builder().appName("roll-up-test").master("local[2]").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
        Dataset<Row> measures = spark.createDataFrame(List.of(
                // Region grain, 2024Q1.
                // A's joined come in two rows (a family may spread a unit's additive measures over several): 6 + 4.
                additive("A", "region", 6.0, 0),
                additive("A", "region", 4.0, 0),
                additive("B", "region", 5.0, 1),
                // e1 only at A, e2 at A and B (shared: recounted), e3 only at B (one row per unit and key, as
                // MeasureFamily asks).
                measure("A", "region", "enterprises", null, "e1", 0),
                measure("A", "region", "enterprises", null, "e2", 2),
                measure("B", "region", "enterprises", null, "e2", 0),
                measure("B", "region", "enterprises", null, "e3", 0),
                // Keys a family counted at their unit alone come as a count without a key: one more at A, two more
                // at B (qualifier 1).
                measure("A", "region", "enterprises", 1.0, null, 0),
                measure("B", "region", "enterprises", 2.0, null, 1),
                measure("A", "region", "days_to_lift_out", 10.0, null, 0),
                measure("A", "region", "days_to_lift_out", 30.0, null, 0),
                measure("B", "region", "days_to_lift_out", 20.0, null, 0),
                measure("B", "region", "days_to_lift_out", 100.0, null, 0),
                // Basic grain: e1 at both the union and its branch, e4 at the branch only.
                additive("A-1", "basic", 3.0, 0),
                additive("A-1-2", "basic", 2.0, 0),
                measure("A-1", "basic", "enterprises", null, "e1", 0),
                measure("A-1-2", "basic", "enterprises", null, "e1", 0),
                measure("A-1-2", "basic", "enterprises", null, "e4", 0),
                measure("A-1", "basic", "days_to_lift_out", 7.0, null, 0),
                measure("A-1", "basic", "days_to_lift_out", 40.0, null, 0),
                measure("A-1-2", "basic", "days_to_lift_out", 7.0, null, 0),
                measure("A-1-2", "basic", "days_to_lift_out", null, null, 1),
                // B-1, a basic-level union without branches or a parent union: its joined in two rows, 4 + 1, one of
                // them with qualifier 2; e5 found there and two keys counted there; one observation of 12 days to lift
                // out.
                additive("B-1", "basic", 4.0, 0),
                additive("B-1", "basic", 1.0, 2),
                measure("B-1", "basic", "enterprises", null, "e5", 0),
                measure("B-1", "basic", "enterprises", 2.0, null, 0),
                measure("B-1", "basic", "days_to_lift_out", 12.0, null, 0)),
                StructType.fromDDL("org_code STRING, grain STRING, period STRING, breakdown STRING, measure STRING,"
                        + " value DOUBLE, distinct_key STRING, qualifier_rank INT, m_joined DOUBLE, mq_joined INT"));
        Dataset<Row> ancestors = spark.createDataFrame(List.of(
                bridge("A", "A"), bridge("A", "C"), bridge("A", "P"),
                bridge("B", "B"), bridge("B", "C"), bridge("B", "P"),
                bridge("C", "C"), bridge("C", "P"), bridge("P", "P"),
                bridge("A-1", "A-1"), bridge("A-1", "A"), bridge("A-1", "C"), bridge("A-1", "P"),
                bridge("A-1-2", "A-1-2"), bridge("A-1-2", "A-1"), bridge("A-1-2", "A"), bridge("A-1-2", "C"),
                bridge("A-1-2", "P"),
                bridge("B-1", "B-1"), bridge("B-1", "B"), bridge("B-1", "C"), bridge("B-1", "P")),
                StructType.fromDDL("org_code STRING, ancestor_code STRING, depth INT"));
        rolled = RollUp.apply(measures, ancestors, AGGREGATION).collectAsList();
    }

    @AfterAll
    void stop() {
        spark.stop();
    }

    @Test
    void flowsAreSummedOverTheSubtree() {
        // A: 6 + 4 = 10; B: 5; C and P: 10 + 5 = 15; A-1: 3 + 2 = 5; A-1-2: 2; B-1: 4 + 1 = 5. Regional orgs take
        // region-grain rows only: B stays 5, not 10, though B-1 is under it.
        assertThat(value("A", "m_joined")).isEqualTo(10.0);
        assertThat(value("C", "m_joined")).isEqualTo(15.0);
        assertThat(value("P", "m_joined")).isEqualTo(15.0);
        assertThat(value("A-1", "m_joined")).isEqualTo(5.0);
        assertThat(value("A-1-2", "m_joined")).isEqualTo(2.0);
        assertThat(value("B", "m_joined")).isEqualTo(5.0);
        assertThat(value("B-1", "m_joined")).isEqualTo(5.0);
        assertThat(row("B-1").<Integer>getAs("mq_joined")).isEqualTo(2);
        // The weakest qualifier under C is B's (1).
        assertThat(row("C").<Integer>getAs("mq_joined")).isEqualTo(1);
    }

    @Test
    void distinctKeysAreCountedOncePerSubtreeWhereverTheyAreFound() {
        // A: {e1, e2} + 1 counted = 3; B: {e2, e3} + 2 counted = 4; C and P: {e1, e2, e3} + 1 + 2 = 6, not 3 + 4:
        // e1 and e3 found at one unit each add 1 + 1, the counted keys 1 + 2, e2 found at two is counted once.
        assertThat(value("A", "m_enterprises")).isEqualTo(3.0);
        assertThat(value("B", "m_enterprises")).isEqualTo(4.0);
        assertThat(value("C", "m_enterprises")).isEqualTo(6.0);
        assertThat(value("P", "m_enterprises")).isEqualTo(6.0);
        // {e1, e4} = 2 (e1 at both A-1 and A-1-2 counts once, e4 at A-1-2 only); A-1-2: {e1, e4} = 2.
        assertThat(value("A-1", "m_enterprises")).isEqualTo(2.0);
        assertThat(value("A-1-2", "m_enterprises")).isEqualTo(2.0);
        // B-1: {e5} + 2 counted = 3.
        assertThat(value("B-1", "m_enterprises")).isEqualTo(3.0);
        // The qualifier of e2 at A (2) reaches A, C and P, not B.
        assertThat(row("A").<Integer>getAs("mq_enterprises")).isEqualTo(2);
        // B's counted keys bring their qualifier (1) to B.
        assertThat(row("B").<Integer>getAs("mq_enterprises")).isEqualTo(1);
        assertThat(row("P").<Integer>getAs("mq_enterprises")).isEqualTo(2);
    }

    @Test
    void mediansAreRecomputedFromEveryObservation() {
        // A: median(10, 30) = 20; B: median(20, 100) = 60; C: median(10, 20, 30, 100) = (20 + 30) / 2 = 25, not the
        // median of the medians (40).
        assertThat(value("A", "m_days_to_lift_out")).isEqualTo(20.0);
        assertThat(value("B", "m_days_to_lift_out")).isEqualTo(60.0);
        assertThat(value("C", "m_days_to_lift_out")).isEqualTo(25.0);
        // A-1-2: median(7) = 7: its null observation counts for none, though its qualifier (1) still counts;
        // median(7, 7, 40) = 7, the middle of an odd count inside a repeated value.
        assertThat(value("A-1-2", "m_days_to_lift_out")).isEqualTo(7.0);
        assertThat(row("A-1-2").<Integer>getAs("mq_days_to_lift_out")).isEqualTo(1);
        assertThat(value("A-1", "m_days_to_lift_out")).isEqualTo(7.0);
        assertThat(value("B-1", "m_days_to_lift_out")).isEqualTo(12.0);
    }

    @Test
    void oneRowPerOrgPeriodAndBreakdown() {
        // A, B, C, P, A-1, A-1-2, B-1.
        assertThat(rolled).hasSize(7);
    }

    private Row row(String org) {
        return rolled.stream().filter(r -> r.<String>getAs("org_code").equals(org)).findFirst().orElseThrow();
    }

    private double value(String org, String column) {
        return row(org).<Double>getAs(column);
    }

    @Test
    void aCatalogueAndFamiliesThatDisagreeOnAMeasureStopTheRollUp() {
        Dataset<Row> measures = spark.createDataFrame(List.of(additive("A", "region", 1.0, 0)), StructType.fromDDL(
                "org_code STRING, grain STRING, period STRING, breakdown STRING, measure STRING, value DOUBLE, distinct_key STRING,"
                        + " qualifier_rank INT, m_joined DOUBLE, mq_joined INT"));
        Dataset<Row> ancestors = spark.createDataFrame(List.of(bridge("A", "A")), StructType.fromDDL("org_code STRING, ancestor_code STRING, depth INT"));
        // An additive measure no family gives as columns, and a recounted one a family gives as columns.
        assertThatThrownBy(() -> RollUp.apply(measures, ancestors, Map.of("joined", Additivity.ADDITIVE_FLOW, "left", Additivity.ADDITIVE_FLOW)))
                .hasMessageContaining("additive measures without their m_/mq_ columns [left]");
        assertThatThrownBy(() -> RollUp.apply(measures, ancestors, Map.of("joined", Additivity.DISTINCT_COUNT)))
                .hasMessageContaining("recounted measures given as columns [joined]");
    }

    /** A row of a recounted measure: its additive columns null. */
    private static Row measure(String unit, String grain, String measure, Double value, String key, int rank) {
        return RowFactory.create(unit, grain, "2024Q1", "", measure, value, key, rank, null, null);
    }

    /** A row of additive measures: no measure name, joined in its column. */
    private static Row additive(String unit, String grain, double joined, int rank) {
        return RowFactory.create(unit, grain, "2024Q1", "", null, null, null, null, joined, rank);
    }

    private static Row bridge(String org, String ancestor) {
        return RowFactory.create(org, ancestor, 0);
    }
}
