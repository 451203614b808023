#!/usr/bin/env bash
# Installs the Spark distribution that PyPI's pyspark ships (with bin/spark-submit and sbin/) into a
# virtualenv outside the checkout, and prints its SPARK_HOME. The version must be the one the KPI
# job is compiled against (pipelines/kpi/pom.xml: spark.version 4.2.0, Scala 2.13).
set -euo pipefail
VERSION="${PYSPARK_VERSION:-4.2.0}"
PYTHON="${PYTHON:-python3.11}"
VENV="${UNIONSTATS_PYSPARK_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/unionstats/pyspark-$VERSION}"
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import pyspark" 2>/dev/null; then
  echo "installing pyspark==$VERSION into $VENV (a few minutes the first time)" >&2
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check "pyspark==$VERSION" >&2
fi
"$VENV/bin/python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))'
