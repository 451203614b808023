package org.unionstats.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The comparison for the KPI benchmark: DuckDB runs the membership family's equivalent SQL on
 * the same Parquet (joins, leaves, transfers in, member stock at start and end, growth rate, for
 * every period of {@code dim_periods} and every org through {@code org_ancestors}), writing one
 * Parquet file. Prints {@code rows <n>}.
 */
public final class DuckDbKpiBaseline {

    private DuckDbKpiBaseline() {}

    public static void main(String[] args) throws Exception {
        String wh = args[0];
        String out = args[1];
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("CREATE VIEW me AS SELECT * FROM read_parquet('" + wh + "/member_events/*/*.parquet', hive_partitioning = true)");
            st.execute("CREATE VIEW cal AS SELECT * FROM read_parquet('" + wh + "/dim_periods/*.parquet')");
            st.execute("CREATE VIEW anc AS SELECT * FROM read_parquet('" + wh + "/org_ancestors/*.parquet')");
            st.execute("""
                    COPY (
                      WITH flows AS (
                        SELECT e.org_code, c.period,
                               SUM(IF(e.event_type = 'join', 1, 0)) AS joined,
                               SUM(IF(e.event_type IN ('leave', 'transfer_out'), 1, 0)) AS left_,
                               SUM(IF(e.event_type = 'transfer_in', 1, 0)) AS transferred_in
                        FROM me e JOIN cal c ON e.event_date BETWEEN c.start_date AND c.end_date
                        GROUP BY ALL),
                      stocks AS (
                        SELECT e.org_code, c.period,
                               SUM(IF(e.event_date < c.start_date, e.delta, 0)) AS members_start, SUM(e.delta) AS members_end
                        FROM (SELECT org_code, event_date, IF(event_type IN ('join', 'transfer_in'), 1, -1) AS delta FROM me) e
                        JOIN cal c ON e.event_date <= c.end_date
                        GROUP BY ALL),
                      leaf AS (
                        SELECT COALESCE(f.org_code, s.org_code) AS org_code, COALESCE(f.period, s.period) AS period,
                               f.joined, f.left_, f.transferred_in, s.members_start, s.members_end
                        FROM flows f FULL JOIN stocks s ON s.org_code = f.org_code AND s.period = f.period),
                      rolled AS (
                        SELECT a.ancestor_code AS org_code, l.period, SUM(joined) AS members_joined, SUM(left_) AS members_left,
                               SUM(transferred_in) AS members_transferred_in, SUM(members_start) AS members_start,
                               SUM(members_end) AS members_end
                        FROM leaf l JOIN anc a ON a.org_code = l.org_code
                        JOIN cal c ON c.period = l.period
                        WHERE NOT (a.ancestor_code LIKE '%%-%%' AND c.period_type = 'month')
                        GROUP BY ALL)
                      SELECT *, members_end - members_start AS members_net_growth,
                             IF(members_start > 0, (members_end - members_start) / members_start, NULL) AS members_growth_rate
                      FROM rolled ORDER BY period, org_code
                    ) TO '%s' (FORMAT parquet)
                    """.formatted(out));
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet('" + out + "')")) {
                rs.next();
                System.out.println("rows " + rs.getLong(1));
            }
        }
    }
}
