"""The issued guidance letters' PDFs for logged-in Superset users (registered through BLUEPRINTS in superset_config.py).

GET /unionstats/letters/<path in the letter archive>, the link of the dataset dash_issued_letters. A user gets a PDF
only when Superset, asked as that user, returns its row of dash_issued_letters: the same datasource access and
row-level security as every chart (a city's leaders read their city's letters, a leader without a region none).
The archives are those of the warehouses Trino serves (UNIONSTATS_LETTER_ARCHIVES, a glob the launcher sets from the
warehouse layout); nothing outside them is served. Refusals are a short message, never a stack trace.
"""
import glob
import logging
import os
import re

from flask import Blueprint, Response, send_file
from flask_login import current_user

ARCHIVES_VARIABLE = "UNIONSTATS_LETTER_ARCHIVES"
DATASET = "dash_issued_letters"
# Codes, quarters and edition numbers: letters, digits, '-' and '_' between the slashes, '.pdf' at the end.
_PATH = re.compile(r"[0-9A-Za-z_-]+(?:/[0-9A-Za-z_-]+)*\.pdf")

logger = logging.getLogger(__name__)
blueprint = Blueprint("unionstats_letters", __name__, url_prefix="/unionstats/letters")


def _refuse(status, message):
    return Response(message + "\n", status=status, mimetype="text/plain", headers={"Cache-Control": "no-store"})


def in_archive(root, relative):
    """The file the path names inside the archive root, or None: well-formed, inside the root after symlinks, a file."""
    if not _PATH.fullmatch(relative):
        return None
    root = os.path.realpath(root)
    candidate = os.path.realpath(os.path.join(root, relative))
    if os.path.commonpath([root, candidate]) != root or not os.path.isfile(candidate):
        return None
    return candidate


def _readable(relative):
    """Whether the logged-in user reads this letter's row of the dataset, through Superset's own chart-data path."""
    from superset.commands.chart.data.get_data_command import ChartDataCommand
    from superset.common.query_context_factory import QueryContextFactory
    from superset.connectors.sqla.models import SqlaTable
    from superset.exceptions import SupersetSecurityException
    from superset.extensions import db

    dataset = db.session.query(SqlaTable).filter_by(table_name=DATASET).one_or_none()
    if dataset is None:
        return False
    context = QueryContextFactory().create(
        datasource={"id": dataset.id, "type": "table"},
        queries=[{"columns": ["pdf_path"], "filters": [{"col": "pdf_path", "op": "==", "val": relative}], "row_limit": 1}],
        force=True,
    )
    command = ChartDataCommand(context)
    try:
        command.validate()
    except SupersetSecurityException:
        return False
    rows = command.run()["queries"][0]["data"]
    return any(row.get("pdf_path") == relative for row in rows)


@blueprint.route("/<path:relative>")
def letter(relative):
    if not current_user.is_authenticated:
        return _refuse(403, "请先登录 / Log in first")
    if not _PATH.fullmatch(relative):
        return _refuse(404, "没有这份指导书 / No such letter")
    try:
        readable = _readable(relative)
    except Exception:  # pylint: disable=broad-except
        logger.exception("cannot check access to the letter %s", relative)
        return _refuse(503, "暂时无法查看指导书，请稍后再试 / The letters cannot be opened now; try again later")
    if not readable:
        return _refuse(403, "无权查看这份指导书 / You may not open this letter")
    for archive in sorted(glob.glob(os.environ.get(ARCHIVES_VARIABLE, ""))):
        file = in_archive(archive, relative)
        if file is not None:
            return send_file(file, mimetype="application/pdf", download_name=os.path.basename(file), max_age=0)
    return _refuse(404, "没有这份指导书的 PDF / No PDF of this letter")
