"""Scheduled unionstats runs for Apache Airflow (2.x; tested with 2.10.5).

Two DAGs, one per reporting rhythm:

* ``unionstats_monthly``: runs after each month; the data interval's month is the period (2024-07).
* ``unionstats_quarterly``: runs after each quarter; the data interval's quarter is the period (2024Q3).

Each DAG has one task per stage, every one calling ``bin/unionstats run --period P --stages S``:
ingest -> kpi -> publish. The CLI holds the warehouse lock, keeps the run history
(``ops.pipeline_runs``) and skips work whose input did not change, so retries and re-runs are safe.
Exit codes decide what Airflow does: 1 (failed; tables as they were) and 4 (warehouse busy) are
retried; 2 (bad arguments) and 3 (refused by the data-quality gate) fail at once, without retries,
since running again cannot help until someone fixes the call or the data.

Configuration (environment of the scheduler and workers):

* ``UNIONSTATS_BIN``        the CLI (default: ``bin/unionstats`` of the checkout this file lives in)
* ``UNIONSTATS_INBOX``      the inbox root (required)
* ``UNIONSTATS_WAREHOUSE``  the warehouse root (required)
* ``UNIONSTATS_RUN_ARGS``   more options for every stage, e.g. ``--max-quarantine-share 0.2 --kpi-heap 4g --wait 30m``;
  ``--outbox /srv/unionstats/outbox --delivery-config /etc/unionstats/delivery.yaml`` says where the quarterly
  guidance letters go: the ``kpi`` task of a run that writes a quarter renders each city's letters into the outbox
  and, when the delivery file configures SMTP, mails them (docs/letters.md, "Delivery"). The SMTP password comes
  from the environment variable the delivery file names, never from the file or the command line.
* ``UNIONSTATS_ALERT_FILE`` where the failure callback appends one JSON line per failed task (default: the task log only)
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

from airflow import DAG
from airflow.exceptions import AirflowException, AirflowFailException
from airflow.operators.python import PythonOperator

REPOSITORY = Path(__file__).resolve().parents[3]
STAGES = ("ingest", "kpi", "publish")
NO_RETRY_EXIT_CODES = {2: "bad arguments", 3: "input refused by the data-quality gate"}


def period_of(start: datetime, rhythm: str) -> str:
    """The reporting period a data interval stands for: 2024-07 (monthly) or 2024Q3 (quarterly)."""
    if rhythm == "monthly":
        return f"{start.year}-{start.month:02d}"
    return f"{start.year}Q{(start.month - 1) // 3 + 1}"


def command(stage: str, period: str) -> list[str]:
    inbox = os.environ.get("UNIONSTATS_INBOX")
    warehouse = os.environ.get("UNIONSTATS_WAREHOUSE")
    if not inbox or not warehouse:
        raise AirflowFailException("set UNIONSTATS_INBOX and UNIONSTATS_WAREHOUSE for the scheduler")
    cli = os.environ.get("UNIONSTATS_BIN", str(REPOSITORY / "bin" / "unionstats"))
    return [cli, "run", "--inbox", inbox, "--warehouse", warehouse, "--period", period, "--stages", stage,
            "--log-format", "json", *shlex.split(os.environ.get("UNIONSTATS_RUN_ARGS", ""))]


def run_stage(stage: str, rhythm: str, data_interval_start: datetime, **_context) -> str:
    period = period_of(data_interval_start, rhythm)
    argv = command(stage, period)
    print("running: " + shlex.join(argv), flush=True)
    result = subprocess.run(argv, stdout=subprocess.PIPE, stderr=None, text=True)
    print(result.stdout, flush=True)
    if result.returncode in NO_RETRY_EXIT_CODES:
        raise AirflowFailException(f"unionstats {stage} {period}: {NO_RETRY_EXIT_CODES[result.returncode]} "
                                   f"(exit code {result.returncode}); not retried")
    if result.returncode != 0:
        raise AirflowException(f"unionstats {stage} {period} failed with exit code {result.returncode}; will retry")
    return period


def notify_failure(context) -> None:
    """Failure callback: one JSON line per failed task; swap in e-mail or chat here."""
    ti = context["task_instance"]
    alert = {
        "dag_id": ti.dag_id,
        "task_id": ti.task_id,
        "run_id": context.get("run_id"),
        "try_number": ti.try_number,
        "error": str(context.get("exception")),
        "at": datetime.now(timezone.utc).isoformat(),
    }
    print("unionstats alert: " + json.dumps(alert, ensure_ascii=False), flush=True)
    target = os.environ.get("UNIONSTATS_ALERT_FILE")
    if target:
        with open(target, "a", encoding="utf-8") as f:
            f.write(json.dumps(alert, ensure_ascii=False) + "\n")


def build(rhythm: str, schedule: str) -> DAG:
    with DAG(
        dag_id=f"unionstats_{rhythm}",
        description=f"unionstats {rhythm} run: ingest, KPIs and publishing for the period that just ended",
        schedule=schedule,
        start_date=datetime(2023, 1, 1, tzinfo=timezone.utc),
        catchup=False,
        max_active_runs=1,
        default_args={
            "retries": 2,
            "retry_delay": timedelta(minutes=10),
            "retry_exponential_backoff": True,
            "on_failure_callback": notify_failure,
            "execution_timeout": timedelta(hours=6),
        },
        tags=["unionstats"],
    ) as dag:
        previous = None
        for stage in STAGES:
            task = PythonOperator(
                task_id=stage,
                python_callable=run_stage,
                op_kwargs={"stage": stage, "rhythm": rhythm},
            )
            if previous is not None:
                previous >> task
            previous = task
    return dag


# Monthly: at midnight (UTC) on the 1st, for the month that ended; the logical date is the month's first day.
unionstats_monthly = build("monthly", "0 0 1 * *")
# Quarterly: on the 1st of January, April, July and October, for the quarter that ended (logical date: its first day).
unionstats_quarterly = build("quarterly", "0 0 1 1,4,7,10 *")
