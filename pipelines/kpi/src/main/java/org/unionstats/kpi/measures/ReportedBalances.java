package org.unionstats.kpi.measures;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.unionstats.kpi.engine.IngestedTables;
import org.unionstats.kpi.engine.SqlStage;

/**
 * The stocks' anchors: each balance a union reported ({@code balances}: members, families on the hardship register)
 * checked against the flows of its own register. A stock is a running sum of monthly deltas, and each balance adds one
 * more: the first balance of an org sets the level (reported − the flows up to it, counted before every month, so the
 * stock is carried forward and back from it by the flows); each later balance corrects it from its month by the
 * difference between the reported figure and the previous balance plus the flows between, which is also a
 * data-quality finding ({@code BALANCE_MISMATCH}). Without any balance a stock is the running sum of its flows, as
 * before balances existed.
 *
 * <p>The SQL is {@code balance_checks.sql}. Columns: {@code org_code, balance_type, as_of, reported, previous_as_of,
 * previous_value, flows_between, expected, difference, adjustment, adjustment_month, qualifier_rank}
 * ({@code expected} and {@code difference} are null for an org's first balance).
 */
public final class ReportedBalances {

    /** Balance types, as the contract's labels give them. */
    public static final String MEMBERS = "members";
    public static final String HARDSHIP_ON_FILE = "hardship_on_file";

    private ReportedBalances() {}

    /** @param hardshipRegister the register ({@link HardshipRegister#of}) */
    public static Dataset<Row> check(IngestedTables ingested, Dataset<Row> hardshipRegister, Dataset<Row> calendar) {
        return SqlStage.run("balance_checks",
                Map.of("balances", ingested.balances(), "member_events", ingested.memberEvents(),
                        "hardship_register", hardshipRegister, "calendar", calendar),
                Map.of("qualifier_rank", MeasureFamily.QUALIFIER_RANK));
    }
}
