"""Superset configuration for unionstats (kept in the repository; `bin/unionstats superset start` uses it).

Secrets never live here: the secret key and the admin password come from the git-ignored local
credentials file (`.local/credentials.json`, entry services.superset), whose path the launcher
passes in UNIONSTATS_CREDENTIALS. Metadata goes to SQLite under the state folder by default;
production sets SUPERSET_DATABASE_URI to PostgreSQL (see docs/dashboards.md).
"""
import json
import os
import sys

_state = os.environ.get("UNIONSTATS_SUPERSET_HOME", os.path.join(os.path.dirname(__file__), "..", "..", ".local", "superset"))
_credentials_file = os.environ.get("UNIONSTATS_CREDENTIALS", os.path.join(_state, "..", "credentials.json"))


def _superset_credentials():
    try:
        with open(_credentials_file, encoding="utf-8") as f:
            return json.load(f).get("services", {}).get("superset", {})
    except FileNotFoundError:
        return {}


SECRET_KEY = os.environ.get("SUPERSET_SECRET_KEY") or _superset_credentials().get("secret_key")
if not SECRET_KEY:
    raise RuntimeError("no Superset secret key: run 'bin/unionstats superset start' (it writes one to " + _credentials_file + ")")

# Metadata database: SQLite for the embedded default, PostgreSQL in production, e.g.
#   SUPERSET_DATABASE_URI=postgresql+psycopg2://superset:...@db-host:5432/superset
SQLALCHEMY_DATABASE_URI = os.environ.get(
    "SUPERSET_DATABASE_URI", "sqlite:///" + os.path.abspath(os.path.join(_state, "superset.db")) + "?check_same_thread=false")

# The dashboards are for union leaders: Chinese by default, English on request.
BABEL_DEFAULT_LOCALE = "zh"
LANGUAGES = {
    "zh": {"flag": "cn", "name": "简体中文"},
    "en": {"flag": "us", "name": "English"},
}

# The REST API manages roles and users (deploy creates the leader roles and the demo users).
FAB_ADD_SECURITY_API = True
# Dashboards may be limited to roles; row-level security is always on.
FEATURE_FLAGS = {
    "DASHBOARD_RBAC": True,
    "DASHBOARD_NATIVE_FILTERS": True,
}

# Data is what submitters sent, so it is treated as hostile: markup in the warehouse is shown as text.
# Table charts are generated with allow_render_html off (dashboards/assets/charts/); whatever HTML
# Superset still renders (markdown, handlebars, a chart someone enables HTML on) is sanitised,
# with no extensions to the sanitiser's allow list.
HTML_SANITIZATION = True
HTML_SANITIZATION_SCHEMA_EXTENSIONS = {}

# The issued letters' PDFs, served to whoever reads the letter's row of dash_issued_letters (unionstats_letters.py).
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from unionstats_letters import blueprint as _letters  # noqa: E402

BLUEPRINTS = [_letters]

# Local, single-host serving: no CSRF exemption, no example data, no telemetry.
WTF_CSRF_ENABLED = True
SUPERSET_WEBSERVER_TIMEOUT = 120
SQLLAB_TIMEOUT = 120
ROW_LIMIT = 50000
CACHE_CONFIG = {"CACHE_TYPE": "SimpleCache", "CACHE_DEFAULT_TIMEOUT": 300}
DATA_CACHE_CONFIG = {"CACHE_TYPE": "SimpleCache", "CACHE_DEFAULT_TIMEOUT": 300}
# Superset's rate limiter warns about its in-memory store; one local host needs none.
RATELIMIT_ENABLED = False
# Numbers the Chinese way in tables: thousands separators, no SI suffixes.
D3_FORMAT = {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["¥", ""]}
