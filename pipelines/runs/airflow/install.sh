#!/usr/bin/env bash
# Installs Apache Airflow from PyPI into a virtualenv outside the checkout (kept across fresh
# clones; pip's cache makes a re-install quick) and prints the venv's path.
# Airflow's constraints files are not on PyPI, so the pin is the Airflow release itself.
set -euo pipefail
VERSION="${AIRFLOW_VERSION:-2.10.5}"
PYTHON="${PYTHON:-python3.11}"
VENV="${UNIONSTATS_AIRFLOW_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/unionstats/airflow-$VERSION}"
if [ ! -x "$VENV/bin/airflow" ]; then
  echo "installing apache-airflow==$VERSION into $VENV (a few minutes the first time)" >&2
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check "apache-airflow==$VERSION" >&2
fi
echo "$VENV"
