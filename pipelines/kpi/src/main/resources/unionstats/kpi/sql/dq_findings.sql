-- Data-quality findings over the KPI totals (kpi_totals: a column per KPI; see DataQualityFindings for the rules).
-- Placeholders:
--   tolerance, min_siblings, outlier_threshold: the rules' numbers; outlier_rules: VALUES rows of the outlier rules;
--   outlier_kpi_count, outlier_kpi_stack: the outlier rules' KPIs as STACK arguments ("'<id>', <id>" each);
--   <name>_text: a number as a message shows it (1,234 when whole, else 1,234.50);
--   value_percent, median_percent: a rate as a message shows it (12.5%).
WITH totals AS (
  SELECT org_code, org_level, period, members_start, members_end, members_joined, members_transferred_in, members_left,
         members_balance_correction AS members_correction, hardship_on_file_start AS on_file_start,
         hardship_newly_filed AS newly_filed, hardship_lifted_out AS lifted_out, workforce
  FROM kpi_totals),
named AS (
  SELECT t.*, COALESCE(o.org_name, t.org_code) AS org_name,
         COALESCE(members_start, 0) + COALESCE(members_joined, 0) + COALESCE(members_transferred_in, 0)
           - COALESCE(members_left, 0) + COALESCE(members_correction, 0) AS members_expected,
         COALESCE(on_file_start, 0) + COALESCE(newly_filed, 0) AS caseload
  FROM totals t LEFT JOIN dim_orgs o ON o.org_code = t.org_code),
mismatches AS (
  -- A reported balance that the previous balance plus the flows between does not give.
  SELECT b.*, q.period, o.org_level, COALESCE(o.org_name, b.org_code) AS org_name,
         IF(b.balance_type = 'members', 'members_end', 'hardship_on_file_end') AS kpi_id,
         IF(b.balance_type = 'members', '会员总数', '在档困难职工家庭数') AS what_zh,
         IF(b.balance_type = 'members', 'members', 'families on the hardship register') AS what_en,
         IF(b.balance_type = 'members', '会员变动（入会、退会、转入、转出）', '困难职工档案（建档、脱困、销档）') AS flows_zh,
         IF(b.balance_type = 'members', 'member events (joins, leaves, transfers)', 'hardship cases (filed, lifted out, closed)') AS flows_en
  FROM balance_checks b
  JOIN calendar q ON q.period_type = 'quarter' AND b.as_of BETWEEN q.start_date AND q.end_date
  LEFT JOIN dim_orgs o ON o.org_code = b.org_code
  WHERE b.difference IS NOT NULL AND ABS(b.difference) > ${tolerance}),
outlier_rules AS (
  SELECT * FROM VALUES ${outlier_rules} AS r(rule_id, kpi_id, name_zh, name_en, advice_zh, advice_en)),
candidates AS (
  SELECT r.rule_id, r.name_zh, r.name_en, r.advice_zh, r.advice_en, k.org_code, k.org_level, k.kpi_id, k.value,
         k.period, o.org_name, COALESCE(o.city_code, o.parent_code) AS group_code,
         COALESCE(o.city_name, p.org_name, o.city_code, o.parent_code) AS group_name
  FROM (SELECT org_code, org_level, period, kpi_id, value
        FROM kpi_totals LATERAL VIEW STACK(${outlier_kpi_count}, ${outlier_kpi_stack}) s AS kpi_id, value
        WHERE period_type = 'quarter' AND org_level = 'county') k
  JOIN outlier_rules r ON r.kpi_id = k.kpi_id
  JOIN dim_orgs o ON o.org_code = k.org_code
  LEFT JOIN dim_orgs p ON p.org_code = COALESCE(o.city_code, o.parent_code)
  WHERE k.value IS NOT NULL),
with_median AS (
  SELECT c.*, MEDIAN(value) OVER siblings AS median, COUNT(*) OVER siblings AS n
  FROM candidates c
  WINDOW siblings AS (PARTITION BY group_code, kpi_id, period)),
with_mad AS (
  SELECT m.*, MEDIAN(ABS(value - median)) OVER (PARTITION BY group_code, kpi_id, period) AS mad
  FROM with_median m),
scored AS (
  SELECT *, IF(mad > 0, 0.6745 * (value - median) / mad, NULL) AS m_score
  FROM with_mad
  WHERE n >= ${min_siblings} AND mad > 0)
SELECT 'MEMBERS_BALANCE' AS rule_id, 'error' AS severity, org_code, org_level, 'members_end' AS kpi_id,
       members_end AS value, members_expected AS reference,
       CONCAT(org_name, '（', org_code, '）', period, '：期末会员数 ', ${members_end_text}, ' 与 期初 ', ${members_start_text}, ' + 入会 ', ${members_joined_text},
              ' + 转入 ', ${members_transferred_in_text}, ' − 减少（退会、转出）', ${members_left_text}, ' + 存量核对差额 ', ${members_correction_text}, ' = ', ${members_expected_text}, ' 不平衡，相差 ', ${members_difference_text},
              '。请核对本期会员变动（入会、退会、转入、转出）是否报送完整、变动日期是否落在本期内。') AS message_zh,
       CONCAT(org_name, ' (', org_code, '), ', period, ': ', ${members_end_text}, ' members at the end of the period, but ', ${members_start_text},
              ' at the start + ', ${members_joined_text}, ' joined + ', ${members_transferred_in_text}, ' transferred in − ', ${members_left_text}, ' left or transferred out + ',
              ${members_correction_text}, ' corrected by reported balances = ', ${members_expected_text},
              ' (difference ', ${members_difference_text}, '). Check that every join, leave and transfer of the period was submitted',
              ' with a date inside the period.') AS message_en,
       period
FROM named
WHERE members_end IS NOT NULL AND ABS(members_end - members_expected) > ${tolerance}
UNION ALL
SELECT 'LIFTED_OUT_EXCEEDS_CASELOAD', 'error', org_code, org_level, 'hardship_lifted_out', lifted_out, caseload,
       CONCAT(org_name, '（', org_code, '）', period, '：解困脱困 ', ${lifted_out_text}, ' 户，超过期内帮扶对象 ', ${caseload_text},
              ' 户（期初在档 ', ${on_file_start_text}, ' + 新增建档 ', ${newly_filed_text}, '）。脱困家庭必须期初在档或本期新建档，',
              '请核对困难职工档案的建档日期、脱困日期和档案状态。'),
       CONCAT(org_name, ' (', org_code, '), ', period, ': ', ${lifted_out_text}, ' families lifted out of hardship, more than the ',
              ${caseload_text}, ' families on file in the period (', ${on_file_start_text}, ' on file at the start + ', ${newly_filed_text}, ' newly filed).',
              ' A family can only be lifted out once it is on file: check the filing dates, lift-out dates and',
              ' status of the hardship cases.'),
       period
FROM named
WHERE lifted_out IS NOT NULL AND lifted_out > caseload
UNION ALL
SELECT 'WORKFORCE_BELOW_MEMBERS', 'warning', org_code, org_level, 'workforce', workforce, members_end,
       CONCAT(org_name, '（', org_code, '）', period, '：报送的职工人数 ', ${workforce_text}, ' 少于期末会员数 ', ${members_end_text},
              '。会员不应多于职工，请核对工作指标中的职工人数（是否只报了部分单位）以及会员变动是否有重复入会、漏报退会。'),
       CONCAT(org_name, ' (', org_code, '), ', period, ': the reported workforce of ', ${workforce_text},
              ' is below the ', ${members_end_text}, ' members at the end of the period. Members cannot outnumber employees:',
              ' check the workforce in indicator_reports (only part of the county reported?) and the member events',
              ' (duplicate joins, leaves not reported).'),
       period
FROM named
WHERE org_level = 'county' AND workforce IS NOT NULL AND members_end IS NOT NULL AND workforce < members_end
UNION ALL
SELECT rule_id, 'warning', org_code, org_level, kpi_id, value, median,
       CONCAT(group_name, org_name, '（', org_code, '）', period, name_zh, '为 ', ${value_percent}, '，明显偏离全市 ',
              CAST(n AS STRING), ' 个县级工会的中位数 ', ${median_percent}, '（修正Z分数 ', FORMAT_NUMBER(m_score, 1),
              '，超出 ±${outlier_threshold}）。', advice_zh),
       CONCAT(org_name, ' (', org_code, ', ', group_name, '), ', period, ': ', name_en, ' ', ${value_percent},
              ' is far from the median ', ${median_percent}, ' of the ', CAST(n AS STRING), ' county-level unions of ', group_name,
              ' (modified z-score ', FORMAT_NUMBER(m_score, 1), ', beyond ±${outlier_threshold}). ', advice_en),
       period
FROM scored
WHERE ABS(m_score) > ${outlier_threshold}
UNION ALL
SELECT 'BALANCE_MISMATCH', 'warning', org_code, org_level, kpi_id, reported, expected,
       CONCAT(org_name, '（', org_code, '）报送截至 ', CAST(as_of AS STRING), ' 的', what_zh, ' ', ${reported_text}, '，与上次报送（截至 ',
              CAST(previous_as_of AS STRING), '）的 ', ${previous_text}, ' 加其间', flows_zh, ' ', ${flows_between_signed}, ' = ', ${expected_text},
              ' 不一致，相差 ', ${difference_signed}, '。自该月起按报送数计算；请核对其间的', flows_zh, '是否漏报、重报，或存量数是否有误。'),
       CONCAT(org_name, ' (', org_code, ') reported ', ${reported_text}, ' ', what_en, ' as of ', CAST(as_of AS STRING), ', but the ',
              ${previous_text}, ' reported as of ', CAST(previous_as_of AS STRING), ' plus the ', what_en, ' flows between (', ${flows_between_signed},
              ') give ', ${expected_text}, ': a difference of ', ${difference_signed}, '. From that month the reported figure counts;',
              ' check the ', flows_en, ' between the two dates for missing or repeated records, or the reported balance itself.'),
       period
FROM mismatches
