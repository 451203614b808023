-- The submission periods the ingested record tables hold (their partitions); the job's calendar spans them.
SELECT DISTINCT period FROM (
  SELECT period FROM member_events UNION SELECT period FROM hardship_cases
  UNION SELECT period FROM indicator_reports UNION SELECT period FROM competitions
  UNION SELECT period FROM org_units)
