-- Test stage: every left row with the right side's name, above a threshold.
SELECT l.id, r.name FROM lefts l JOIN rights r ON r.id = l.id WHERE l.id > ${min_id}
