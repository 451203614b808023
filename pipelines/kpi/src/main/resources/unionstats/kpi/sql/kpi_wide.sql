-- Every KPI of every org, period and breakdown in one wide row (v_/q_<kpi>: value, qualifier rank; n_/d_<kpi>: numerator,
-- denominator, for a ratio or a change on a year earlier only), with the org's level and the period's type. kpi_values, the family tables, the basic-union table,
-- the findings and the scorecard are all projections of this one frame. The dimensions are small: broadcast.
SELECT /*+ BROADCAST(o), BROADCAST(c) */ k.*, o.org_level, c.period_type
FROM kpi_derived k
JOIN (SELECT org_code, org_level FROM dim_orgs) o ON o.org_code = k.org_code
JOIN calendar c ON c.period = k.period
