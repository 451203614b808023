-- The hardship register: each case as its latest record says, with the end of the period whose submission first
-- reported it closed (closures carry no date), the start of the first period whose submission listed it, and the
-- weakest qualifier of all its records.
SELECT org_code, case_id, filed_on, COALESCE(cause, 'other') AS cause, status, lifted_out_on,
       closed_on, listed_on, qualifier_rank
FROM (
  SELECT h.*, ROW_NUMBER() OVER (PARTITION BY org_code, case_id ORDER BY p.end_date DESC) AS rn,
         MIN(IF(status = 'closed', p.end_date, NULL)) OVER (PARTITION BY org_code, case_id) AS closed_on,
         MIN(p.start_date) OVER (PARTITION BY org_code, case_id) AS listed_on,
         MAX(${qualifier_rank}) OVER (PARTITION BY org_code, case_id) AS qualifier_rank
  FROM hardship_cases h JOIN calendar p ON p.period = h.period)
WHERE rn = 1
