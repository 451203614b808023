-- Test stage: reads a table nobody passes in.
SELECT * FROM lefts JOIN nowhere USING (id)
