package org.unionstats.kpi.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.warehouse.WarehouseLayout;

/** Which kept register a run reads: only the one kept whole from exactly the receipts the KPI state names. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeptHardshipRegisterTest {

    private static final Set<String> BEFORE = Set.of("2024Q1|s1|130306/2024Q1/hardship_cases.csv|current");
    private static final Set<String> AFTER = Set.of("2024Q1|s1|130306/2024Q1/hardship_cases.csv|current",
            "2024Q2|s2|130306/2024Q2/hardship_cases.csv|current");

    @TempDir
    Path tmp;

    SparkSession spark;
    Dataset<Row> register;

    @BeforeAll
    void start() {
        spark = SparkSession.builder().appName("kept-register-test").master("local[1]").config("spark.ui.enabled", "false")
                .getOrCreate();
        register = spark.createDataFrame(List.of(
                RowFactory.create("130306-0001", "F1", Date.valueOf("2023-12-31"), "education", "closed", null,
                        Date.valueOf("2024-03-31"), Date.valueOf("2023-10-01"), 0),
                RowFactory.create("130306-0001", "F2", Date.valueOf("2024-01-10"), "illness", "on_file", null, null,
                        Date.valueOf("2024-01-01"), 1)),
                StructType.fromDDL("org_code STRING, case_id STRING, filed_on DATE, cause STRING, status STRING, lifted_out_on DATE,"
                        + " closed_on DATE, listed_on DATE, qualifier_rank INT"));
    }

    @AfterAll
    void stop() {
        spark.stop();
    }

    @Test
    void theRegisterKeptFromTheSavedReceiptsIsReadBackAsItWas() {
        KeptHardshipRegister kept = new KeptHardshipRegister(spark, WarehouseLayout.of(tmp));
        assertThat(kept.covering(BEFORE)).isEmpty();
        kept.keep(register, BEFORE);
        Dataset<Row> read = kept.covering(BEFORE).orElseThrow();
        assertThat(read.count()).isEqualTo(2);
        assertThat(read.exceptAll(register).count()).isZero();
        // Kept from other receipts: not the one a run whose state saved these receipts may read.
        assertThat(kept.covering(AFTER)).isEmpty();
    }

    @Test
    void aRegisterWhoseWriteDidNotCompleteIsNotRead() throws Exception {
        KeptHardshipRegister kept = new KeptHardshipRegister(spark, WarehouseLayout.of(tmp));
        kept.keep(register, AFTER);
        try (var files = Files.walk(tmp.resolve(WarehouseLayout.KPI_HARDSHIP_REGISTER))) {
            for (Path done : files.filter(f -> f.getFileName().toString().equals("_SUCCESS")).toList()) {
                Files.delete(done);
            }
        }
        assertThat(kept.covering(AFTER)).isEmpty();
    }

    @Test
    void onceTheStateIsSavedOnlyItsRegisterStays() throws Exception {
        KeptHardshipRegister kept = new KeptHardshipRegister(spark, WarehouseLayout.of(tmp));
        kept.keep(register, BEFORE);
        kept.keep(register.limit(1), AFTER);
        kept.keepOnly(AFTER);
        try (var folders = Files.list(tmp.resolve(WarehouseLayout.KPI_HARDSHIP_REGISTER))) {
            assertThat(folders.toList()).hasSize(1);
        }
        assertThat(kept.covering(BEFORE)).isEmpty();
        assertThat(kept.covering(AFTER).orElseThrow().count()).isEqualTo(1);
    }

    @Test
    void theFingerprintNamesTheReceiptsWhateverTheirOrder() {
        List<String> sorted = List.copyOf(new TreeSet<>(AFTER));
        assertThat(KeptHardshipRegister.fingerprint(new LinkedHashSet<>(List.of(sorted.get(1), sorted.get(0)))))
                .isEqualTo(KeptHardshipRegister.fingerprint(new LinkedHashSet<>(sorted)))
                .isNotEqualTo(KeptHardshipRegister.fingerprint(BEFORE));
    }
}
