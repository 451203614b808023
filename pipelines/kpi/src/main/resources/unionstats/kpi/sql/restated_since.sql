-- What submissions new or withdrawn since the last KPI run change before their own periods (see Restatements): per
-- record type, the earliest date from which a changed case, union, competition, target or withdrawn file changes the
-- KPIs (since), and whether one changes them before every month (every_period). A submission changes its own periods anyway.
-- Inputs: fresh, the new submissions' ids; the new rows of member_events, competition_entries and targets
-- (new_member_events, new_entries, new_targets: their periods' partitions, any submission); register_now and
-- register_before, the hardship register of the cases the new rows touch with and without them; org_units and
-- competitions in full (their latest and first declarations count); balances; withdrawn, the record type and period start of
-- each submission gone since (its rows are gone too, so what they said is unknown).
WITH first_balances AS (
  -- A union's first balance anchors its stock before every month (balance_checks): flows up to that balance's month
  -- move the anchor, so every period.
  SELECT org_code, balance_type, TRUNC(MIN(as_of), 'MM') AS first_month
  FROM balances WHERE value IS NOT NULL AND as_of IS NOT NULL
  GROUP BY org_code, balance_type),
events AS (
  -- Member events lie inside their submission's period.
  SELECT e.org_code, MIN(e.event_date) AS since
  FROM new_member_events e LEFT SEMI JOIN fresh f ON f.submission_id = e.submission_id
  GROUP BY e.org_code),
cases AS (
  -- A case counts from its filing to its lift-out or closure (hardship_measures): a new case from its filing; a
  -- changed filing, cause, qualifier or first listing from the earlier of both filings; a changed status from the
  -- earlier of the dates it left on. Assistance alone changes only its own period. A new case inside its union's first
  -- on-file balance and listed after it is known by cause from its listing on; in the totals the balance already holds
  -- it, so they change from the date it left on, and before its filing where that lies inside the calendar.
  SELECT n.org_code, TRUNC(n.filed_on, 'MM') AS filed_month,
         COALESCE(b.case_id IS NULL AND TRUNC(n.filed_on, 'MM') <= a.first_month AND n.listed_on > a.first_month, FALSE)
           AS inside_balance,
         CASE
      WHEN b.case_id IS NULL AND TRUNC(n.filed_on, 'MM') <= a.first_month AND n.listed_on > a.first_month
        THEN LEAST(n.listed_on, n.lifted_out_on, n.closed_on)
      WHEN b.case_id IS NULL THEN LEAST(n.filed_on, n.lifted_out_on, n.closed_on)
      WHEN NOT (n.filed_on <=> b.filed_on AND n.cause <=> b.cause AND n.qualifier_rank <=> b.qualifier_rank
                AND n.listed_on <=> b.listed_on)
        THEN LEAST(n.filed_on, b.filed_on, n.lifted_out_on, b.lifted_out_on, n.closed_on, b.closed_on)
      WHEN NOT (n.status <=> b.status AND n.lifted_out_on <=> b.lifted_out_on AND n.closed_on <=> b.closed_on)
        THEN LEAST(n.lifted_out_on, b.lifted_out_on, n.closed_on, b.closed_on)
    END AS since
  FROM register_now n
  LEFT JOIN register_before b ON b.org_code = n.org_code AND b.case_id = n.case_id
  LEFT JOIN first_balances a ON a.org_code = n.org_code AND a.balance_type = 'hardship_on_file'),
orgs AS (
  SELECT o.org_code, o.name, o.level, o.parent_org_code, o.region_code, o.established_on, o.workforce, o.period,
         o.submitter, f.submission_id IS NOT NULL AS is_new
  FROM org_units o LEFT JOIN fresh f ON f.submission_id = o.submission_id
  WHERE o.org_code IN (SELECT u.org_code FROM org_units u LEFT SEMI JOIN fresh g ON g.submission_id = u.submission_id)),
-- Per touched union, with and without the new rows: its latest declaration, as basic_unions and membership_measures
-- take it (the latest period, then the first submitter), and its first workforce figure (membership_measures).
versions AS (
  SELECT TRUE AS with_new, * FROM orgs UNION ALL SELECT FALSE, * FROM orgs WHERE NOT is_new),
latest AS (
  SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY with_new, org_code ORDER BY period DESC, submitter) AS rn FROM versions)
  WHERE rn = 1),
first_workforce AS (
  SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY with_new, org_code ORDER BY period, submitter) AS rn FROM versions
                 WHERE workforce IS NOT NULL)
  WHERE rn = 1),
unions AS (
  -- Where a union sits (and its name) holds for every period; its founding date dates its establishment and its first
  -- workforce figure (an unknown one: before every month). A later workforce figure counts from its own period on.
  SELECT LEAST(n.established_on, b.established_on) AS since,
         b.org_code IS NOT NULL AND NOT (n.name <=> b.name AND n.level <=> b.level AND n.parent_org_code <=> b.parent_org_code
                                         AND n.region_code <=> b.region_code)
           OR n.established_on IS NULL OR b.org_code IS NOT NULL AND b.established_on IS NULL AS every_period
  FROM (SELECT * FROM latest WHERE with_new) n
  LEFT JOIN (SELECT * FROM latest WHERE NOT with_new) b ON b.org_code = n.org_code
  LEFT JOIN (SELECT * FROM first_workforce WHERE with_new) nf ON nf.org_code = n.org_code
  LEFT JOIN (SELECT * FROM first_workforce WHERE NOT with_new) bf ON bf.org_code = n.org_code
  WHERE b.org_code IS NULL
     OR NOT (n.name <=> b.name AND n.level <=> b.level AND n.parent_org_code <=> b.parent_org_code
             AND n.region_code <=> b.region_code AND n.established_on <=> b.established_on)
     OR NOT (nf.period <=> bf.period AND nf.workforce <=> bf.workforce)),
entered AS (
  SELECT DISTINCT e.competition_id FROM new_entries e LEFT SEMI JOIN fresh f ON f.submission_id = e.submission_id),
comps AS (
  SELECT c.competition_id, c.organiser_org_code, c.start_date, c.end_date, c.period, c.submitter,
         f.submission_id IS NOT NULL AS is_new
  FROM competitions c LEFT JOIN fresh f ON f.submission_id = c.submission_id
  WHERE c.competition_id IN (SELECT competition_id FROM entered
                             UNION SELECT k.competition_id FROM competitions k LEFT SEMI JOIN fresh g ON g.submission_id = k.submission_id)),
-- The latest record of a competition, as competition_measures takes it.
comp_now AS (
  SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY competition_id ORDER BY period DESC, submitter) AS rn FROM comps)
  WHERE rn = 1),
comp_before AS (
  SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY competition_id ORDER BY period DESC, submitter) AS rn FROM comps
                 WHERE NOT is_new)
  WHERE rn = 1),
contests AS (
  -- A competition and its entries count in every period its dates overlap: from the earlier of both starts.
  SELECT LEAST(n.start_date, b.start_date) AS since
  FROM comp_now n
  LEFT JOIN comp_before b ON b.competition_id = n.competition_id
  LEFT JOIN entered x ON x.competition_id = n.competition_id
  WHERE x.competition_id IS NOT NULL OR b.competition_id IS NULL
     OR NOT (n.organiser_org_code <=> b.organiser_org_code AND n.start_date <=> b.start_date AND n.end_date <=> b.end_date)),
members_anchor AS (
  SELECT MAX(first_month) AS latest FROM first_balances WHERE balance_type = 'members'),
restated AS (
SELECT 'hardship_cases' AS record_type, c.since,
       c.inside_balance AND c.filed_month > (SELECT MIN(start_date) FROM calendar)
         OR COALESCE(b.first_month >= TRUNC(c.since, 'MM'), FALSE) AS every_period
FROM cases c LEFT JOIN first_balances b ON b.org_code = c.org_code AND b.balance_type = 'hardship_on_file'
WHERE c.since IS NOT NULL
UNION ALL
SELECT 'member_events', e.since, COALESCE(b.first_month >= TRUNC(e.since, 'MM'), FALSE)
FROM events e LEFT JOIN first_balances b ON b.org_code = e.org_code AND b.balance_type = 'members'
UNION ALL
SELECT 'org_units', since, every_period FROM unions
UNION ALL
SELECT 'competitions', since, FALSE FROM contests
UNION ALL
-- A target is evaluated at the end of every quarter of its period.
SELECT 'targets', p.start_date, FALSE
FROM new_targets t LEFT SEMI JOIN fresh f ON f.submission_id = t.submission_id
JOIN calendar p ON p.period = t.target_period
UNION ALL
-- A withdrawn file's rows are unknown: its own period at least; every period for the records that restate earlier
-- ones, and for member events when some union's first balance is at or after that period's start.
SELECT w.record_type, w.start_date,
       w.record_type IN ('hardship_cases', 'org_units', 'competitions', 'competition_entries', 'targets', 'balances')
         OR w.record_type = 'member_events' AND COALESCE(m.latest >= w.start_date, FALSE)
FROM withdrawn w CROSS JOIN members_anchor m)
-- One row per record type.
SELECT record_type, MIN(since) AS since, BOOL_OR(every_period) AS every_period
FROM restated
GROUP BY record_type
