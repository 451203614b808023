#!/usr/bin/env bash
# The KPI job through spark-submit, as on a cluster:
#   pipelines/runs/spark-submit/submit-kpi.sh MASTER --warehouse DIR [--full | --periods P]
# MASTER: spark://host:7077, local-cluster[2,1,1024], yarn, k8s://...  SPARK_HOME: a Spark 4.2 (Scala 2.13)
# distribution (default: the one pipelines/runs/spark-submit/install-pyspark.sh installs). Spark's own jars
# come from SPARK_HOME; the job's other libraries go with --jars.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
MASTER="${1:?usage: submit-kpi.sh MASTER --warehouse DIR [job options]}"
shift
SPARK_HOME="${SPARK_HOME:-$("$ROOT/pipelines/runs/spark-submit/install-pyspark.sh")}"
KPI="${UNIONSTATS_KPI_TARGET:-$ROOT/pipelines/kpi/target}"
JARS="$(for j in "$KPI"/lib/*.jar; do [ -e "$SPARK_HOME/jars/$(basename "$j")" ] || echo "$j"; done | grep -v -e '/spark-' -e '/hadoop-client-' | paste -sd,)"
exec "$SPARK_HOME/bin/spark-submit" --master "$MASTER" --driver-memory "${KPI_DRIVER_MEMORY:-1g}" \
  --conf spark.executor.memory="${KPI_EXECUTOR_MEMORY:-1g}" \
  --class org.unionstats.kpi.KpiJob --jars "$JARS" "$KPI/unionstats-kpi-0.1.0-SNAPSHOT.jar" --master "$MASTER" "$@"
