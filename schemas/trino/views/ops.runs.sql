SELECT run_id,
       min(ingested_at) AS started_at,
       max(ingested_at) AS finished_at,
       count(*) AS files,
       sum(rows_read) AS rows_read,
       sum(accepted) AS accepted,
       sum(duplicates) AS duplicates,
       sum(quarantined) AS quarantined,
       count_if(status = 'refused') AS refused_files,
       count_if(status = 'replaced') AS replaced_files
FROM unionstats.ops.ingest_receipts
GROUP BY run_id
