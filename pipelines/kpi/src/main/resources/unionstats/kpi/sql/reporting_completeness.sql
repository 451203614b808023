-- Reporting completeness and timeliness per org, quarter and record type (see ReportingCompleteness). Placeholders:
-- deadline_days; scope, the quoted region codes whose county-level units owe reports; required_record_types and
-- received_statuses, quoted lists; all_record_type, the quoted name of the row that sums the required record types.
WITH quarters AS (
  SELECT period, start_date, end_date,
         -- the first instant after the deadline day, in the session time zone
         CAST(DATE_ADD(end_date, ${deadline_days} + 1) AS TIMESTAMP) AS deadline_passed
  FROM calendar WHERE period_type = 'quarter'),
counties AS (
  -- Every county-level unit in scope owes reports, whether it ever sent a file or not.
  SELECT o.org_code FROM dim_orgs o
  LEFT SEMI JOIN org_ancestors a ON a.org_code = o.org_code AND a.ancestor_code IN (${scope})
  WHERE o.org_level = 'county'),
required AS (
  SELECT EXPLODE(ARRAY(${required_record_types})) AS record_type),
received AS (
  SELECT SUBSTRING(r.submitter, 1, 6) AS county_code, q.period, r.record_type,
         -- When the ingest first saw the file, never its modification time (the sender sets that).
         MIN(COALESCE(r.received_at, r.ingested_at)) AS first_received_at
  FROM ingest_receipts r
  JOIN calendar p ON p.period = r.period
  JOIN quarters q ON p.start_date >= q.start_date AND p.end_date <= q.end_date
  WHERE r.status IN (${received_statuses}) AND r.record_type IN (${required_record_types})
  GROUP BY SUBSTRING(r.submitter, 1, 6), q.period, r.record_type),
county_rows AS (
  SELECT c.org_code, q.period, t.record_type, 1 AS expected,
         IF(r.first_received_at IS NOT NULL, 1, 0) AS received,
         IF(r.first_received_at < q.deadline_passed, 1, 0) AS on_time
  FROM counties c
  CROSS JOIN quarters q
  CROSS JOIN required t
  LEFT JOIN received r
    ON r.county_code = c.org_code AND r.period = q.period AND r.record_type = t.record_type),
rolled AS (
  SELECT a.ancestor_code AS org_code, k.period, x.record_type,
         SUM(k.expected) AS expected, SUM(k.received) AS received, SUM(k.on_time) AS on_time
  FROM county_rows k
  JOIN org_ancestors a ON a.org_code = k.org_code
  LATERAL VIEW EXPLODE(ARRAY(k.record_type, ${all_record_type})) x AS record_type
  GROUP BY a.ancestor_code, k.period, x.record_type)
SELECT r.org_code, o.org_level, 'quarter' AS period_type, r.record_type,
       CAST(r.expected AS BIGINT) AS expected, CAST(r.received AS BIGINT) AS received,
       CAST(r.on_time AS BIGINT) AS on_time,
       CAST(r.received AS DOUBLE) / r.expected AS completeness_rate,
       CAST(r.on_time AS DOUBLE) / r.expected AS timeliness_rate,
       r.period
FROM rolled r
JOIN dim_orgs o ON o.org_code = r.org_code
