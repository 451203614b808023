#!/usr/bin/env bash
# Runs unionstats for the period that just ended: for sites that schedule with cron, not Airflow.
#   run-previous-period.sh monthly|quarterly [--dry-run] [more bin/unionstats run options]
# Needs UNIONSTATS_INBOX and UNIONSTATS_WAREHOUSE. A quarterly run also delivers the quarter's guidance letters:
# pass --outbox DIR and --delivery-config FILE among the options (docs/letters.md, "Delivery"). The exit code is bin/unionstats's:
# 0 done or nothing changed, 1 failed (tables as they were; the next run retries),
# 2 bad arguments, 3 refused by the data-quality gate, 4 warehouse busy.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
RHYTHM="${1:?usage: run-previous-period.sh monthly|quarterly [--dry-run] [options]}"
shift
DRY_RUN=0
if [ "${1:-}" = "--dry-run" ]; then DRY_RUN=1; shift; fi

# The last day of the previous month, from today (UNIONSTATS_TODAY=YYYY-MM-DD overrides today).
TODAY="${UNIONSTATS_TODAY:-$(date -u +%F)}"
LAST_MONTH_END="$(date -u -d "${TODAY:0:7}-01 -1 day" +%F)"
YEAR="${LAST_MONTH_END:0:4}"
MONTH="$((10#${LAST_MONTH_END:5:2}))"
case "$RHYTHM" in
  monthly)   PERIOD="$(printf '%s-%02d' "$YEAR" "$MONTH")" ;;
  quarterly) PERIOD="${YEAR}Q$(( (MONTH - 1) / 3 + 1 ))" ;;
  *) echo "run-previous-period.sh: monthly or quarterly, not '$RHYTHM'" >&2; exit 2 ;;
esac

CMD=("${UNIONSTATS_BIN:-$ROOT/bin/unionstats}" run --inbox "${UNIONSTATS_INBOX:?set UNIONSTATS_INBOX}"
     --warehouse "${UNIONSTATS_WAREHOUSE:?set UNIONSTATS_WAREHOUSE}" --period "$PERIOD" --log-format json --wait 2h "$@")
if [ "$DRY_RUN" = 1 ]; then
  printf '%q ' "${CMD[@]}"; echo
  exit 0
fi
exec "${CMD[@]}"
