WITH received AS (
    SELECT submission_id, max(received_at) AS received_at
    FROM unionstats.ops.ingest_receipts
    GROUP BY submission_id
),
latest AS (
    SELECT f.item_id,
           f.status,
           f.text,
           f.period,
           row_number() OVER (PARTITION BY f.item_id ORDER BY r.received_at DESC NULLS LAST, f.period DESC, f.source_row DESC) AS n
    FROM unionstats.warehouse.feedback f
    LEFT JOIN received r ON r.submission_id = f.submission_id
)
SELECT i.item_id,
       i.letter_id,
       i.city_code,
       i.county_code,
       i.county_name,
       i.period AS issued_period,
       i.due_period,
       i.source,
       i.department,
       i.kpi_id,
       i.text,
       coalesce(l.status, 'open') AS status,
       l.period AS status_period,
       l.text AS feedback_text,
       coalesce(l.status, 'open') <> 'closed'
           AND current_date >= date_add('month', 3, date(substr(i.due_period, 1, 4) || '-'
               || lpad(cast((cast(substr(i.due_period, 6, 1) AS integer) - 1) * 3 + 1 AS varchar), 2, '0') || '-01')) AS overdue
FROM unionstats.kpi.letter_items i
LEFT JOIN latest l ON l.item_id = i.item_id AND l.n = 1
