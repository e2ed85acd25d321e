"""The store's public surface: everything the window, the command line and the
composition root may use, and nothing else.

The UI and the CLI import the store only through this module (a layer
contract in ``pyproject.toml`` checks it), so the modules behind it can be
rearranged, and a second database engine added, without touching them.
Everything here takes and returns plain records, rows and messages; no
session or ORM object crosses this line. (``Store.engine`` and
``Store.reading()`` are for the store's own modules behind this one.)
"""

from __future__ import annotations

from viewer.store.bootstrap import open_or_create
from viewer.store.checks import Finding, run_checks
from viewer.store.csv_export import export_csv
from viewer.store.database import OpenedDatabase
from viewer.store.dependents import Dependents
from viewer.store.details import load_detail
from viewer.store.engine import ChangeProbe, DatabaseFileError
from viewer.store.errors import (
    ConflictError,
    HasDependents,
    InvalidRecord,
    RecordNotFound,
    StoreError,
)
from viewer.store.exchange import (
    ImportPlan,
    apply_import,
    export_data,
    export_json,
    plan_import,
    read_file,
    records_in,
)
from viewer.store.history import record_at, revert
from viewer.store.listing import (
    PAGE_SIZE,
    ListQuery,
    count_rows,
    fetch_rows,
    headers,
    key_for_name,
    row_index,
)
from viewer.store.lookups import choices, new_key
from viewer.store.paths import APP_NAME, DB_ENVIRONMENT_VARIABLE, default_database_path
from viewer.store.search import SearchHit, search
from viewer.store.store import Store

__all__ = [
    "APP_NAME",
    "DB_ENVIRONMENT_VARIABLE",
    "PAGE_SIZE",
    "ChangeProbe",
    "ConflictError",
    "DatabaseFileError",
    "Dependents",
    "Finding",
    "HasDependents",
    "ImportPlan",
    "InvalidRecord",
    "ListQuery",
    "OpenedDatabase",
    "RecordNotFound",
    "SearchHit",
    "Store",
    "StoreError",
    "apply_import",
    "choices",
    "count_rows",
    "default_database_path",
    "export_csv",
    "export_data",
    "export_json",
    "fetch_rows",
    "headers",
    "key_for_name",
    "load_detail",
    "new_key",
    "open_or_create",
    "plan_import",
    "read_file",
    "record_at",
    "records_in",
    "revert",
    "row_index",
    "run_checks",
    "search",
]
