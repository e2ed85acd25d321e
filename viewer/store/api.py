"""The store's public surface: everything the window, the command line and the
composition root may use, and nothing else.

The UI and the CLI import the store only through this module (a layer
contract in ``pyproject.toml`` checks it), so the modules behind it can be
rearranged, and a second database engine added, without touching them.
Names are loaded when first used (see ``__getattr__``). Everything here
takes and returns plain records, rows and messages; no
session or ORM object crosses this line. (``Store.engine`` and
``Store.reading()`` are for the store's own modules behind this one.)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from viewer.store.backend import Probe
    from viewer.store.backups import (
        DEFAULT_KEEP,
        BackupInfo,
        backup_folder,
        daily_backup,
        list_backups,
        newest_good_backup,
        restore_backup,
        set_aside_damaged,
        take_backup,
    )
    from viewer.store.bootstrap import open_damaged, open_or_create
    from viewer.store.chain_check import (
        CHAIN_TOPIC,
        NOTED_HEAD_TOPIC,
        ChainHead,
        chain_head,
        verify_chain,
    )
    from viewer.store.checks import repair_search_index, run_checks
    from viewer.store.claim_choices import claim_choices, claim_labels
    from viewer.store.copy import CopyOutcome, copy_database
    from viewer.store.csv_export import export_csv
    from viewer.store.database import OpenedDatabase
    from viewer.store.dependents import Dependents
    from viewer.store.details import load_detail
    from viewer.store.duplicates import (
        DUPLICATE_KINDS,
        DuplicateCandidate,
        DuplicateGroup,
        find_duplicates,
    )
    from viewer.store.engine import ChangeProbe
    from viewer.store.errors import (
        ConflictError,
        HasDependents,
        InvalidRecord,
        RecordNotFound,
        RecordUnreadable,
        StaleRecord,
        StoreError,
    )
    from viewer.store.evidence import evidence_counts, evidence_report, evidence_rows
    from viewer.store.exchange import (
        ImportPlan,
        MergeOutcome,
        apply_import,
        export_data,
        export_json,
        merge_import,
        plan_import,
        read_file,
        records_in,
    )
    from viewer.store.file_errors import (
        DamagedDatabase,
        DatabaseBusy,
        DatabaseFileError,
        DatabaseGone,
        DiskFull,
        ForeignDatabase,
        ReadOnlyStore,
    )
    from viewer.store.findings import Finding
    from viewer.store.history import record_at, revert
    from viewer.store.import_file import (
        IMPORT_FORMATS,
        ImportFormat,
        import_format_of,
        plan_file,
    )
    from viewer.store.listing import (
        PAGE_SIZE,
        ListQuery,
        count_rows,
        fetch_rows,
        headers,
        key_for_name,
        row_index,
    )
    from viewer.store.locations import (
        AddressError,
        Location,
        ServerAddress,
        parse_location,
        parse_server,
    )
    from viewer.store.lookups import COMPLETION_LIMIT, complete, labels_for, new_key
    from viewer.store.open_elsewhere import Openness, database_openness
    from viewer.store.overview import accord_overview, busiest_accord
    from viewer.store.paths import (
        APP_NAME,
        DB_ENVIRONMENT_VARIABLE,
        default_database_path,
        default_location,
    )
    from viewer.store.properties import DatabaseProperties, database_properties
    from viewer.store.record_import import plan_records
    from viewer.store.record_merge import (
        MergeRefused,
        MergeResult,
        merge_records,
        remerge_records,
        unmerge_records,
    )
    from viewer.store.reference_export import (
        REFERENCE_FORMATS,
        ReferenceFormat,
        export_references,
    )
    from viewer.store.reference_import import (
        NOT_CARRIED,
        read_references,
        reference_format_of,
    )
    from viewer.store.report_data import accord_keys, report_data
    from viewer.store.roles import (
        RoleNameError,
        apply_roles,
        grant_hints,
        role_script,
        team_roles,
    )
    from viewer.store.saved_searches import (
        SavedSearch,
        delete_saved_search,
        save_search,
        saved_searches,
    )
    from viewer.store.search import Facets, SearchHit, counts, facets, search
    from viewer.store.server_database import OpenedServer
    from viewer.store.server_engine import Notice, ServerChangeProbe, store_password
    from viewer.store.store import Store
    from viewer.store.synth import SynthError, synthesise
    from viewer.store.synth_accord import synthesise_accord
    from viewer.store.synth_records import SynthSize
    from viewer.store.timelinejs_export import TimelineExport, export_timelinejs

# Where each name lives. A name is imported the first time it is asked for,
# so that a command pays only for what it uses: `check` never loads the
# exchange code, `--version` loads none of it.
_HOMES = {
    "DEFAULT_KEEP": "viewer.store.backups",
    "BackupInfo": "viewer.store.backups",
    "backup_folder": "viewer.store.backups",
    "daily_backup": "viewer.store.backups",
    "list_backups": "viewer.store.backups",
    "newest_good_backup": "viewer.store.backups",
    "restore_backup": "viewer.store.backups",
    "set_aside_damaged": "viewer.store.backups",
    "take_backup": "viewer.store.backups",
    "open_damaged": "viewer.store.bootstrap",
    "Openness": "viewer.store.open_elsewhere",
    "database_openness": "viewer.store.open_elsewhere",
    "open_or_create": "viewer.store.bootstrap",
    "accord_overview": "viewer.store.overview",
    "busiest_accord": "viewer.store.overview",
    "CHAIN_TOPIC": "viewer.store.chain_check",
    "NOTED_HEAD_TOPIC": "viewer.store.chain_check",
    "ChainHead": "viewer.store.chain_check",
    "Finding": "viewer.store.findings",
    "chain_head": "viewer.store.chain_check",
    "verify_chain": "viewer.store.chain_check",
    "run_checks": "viewer.store.checks",
    "repair_search_index": "viewer.store.checks",
    "CopyOutcome": "viewer.store.copy",
    "copy_database": "viewer.store.copy",
    "export_csv": "viewer.store.csv_export",
    "OpenedDatabase": "viewer.store.database",
    "Dependents": "viewer.store.dependents",
    "load_detail": "viewer.store.details",
    "DUPLICATE_KINDS": "viewer.store.duplicates",
    "DuplicateCandidate": "viewer.store.duplicates",
    "DuplicateGroup": "viewer.store.duplicates",
    "find_duplicates": "viewer.store.duplicates",
    "ChangeProbe": "viewer.store.engine",
    "Probe": "viewer.store.backend",
    "DamagedDatabase": "viewer.store.file_errors",
    "DatabaseBusy": "viewer.store.file_errors",
    "DatabaseFileError": "viewer.store.file_errors",
    "DatabaseGone": "viewer.store.file_errors",
    "DiskFull": "viewer.store.file_errors",
    "ForeignDatabase": "viewer.store.file_errors",
    "ReadOnlyStore": "viewer.store.file_errors",
    "ConflictError": "viewer.store.errors",
    "HasDependents": "viewer.store.errors",
    "InvalidRecord": "viewer.store.errors",
    "RecordNotFound": "viewer.store.errors",
    "RecordUnreadable": "viewer.store.errors",
    "StaleRecord": "viewer.store.errors",
    "StoreError": "viewer.store.errors",
    "ImportPlan": "viewer.store.exchange",
    "MergeOutcome": "viewer.store.exchange",
    "merge_import": "viewer.store.exchange",
    "apply_import": "viewer.store.exchange",
    "export_data": "viewer.store.exchange",
    "export_json": "viewer.store.exchange",
    "plan_import": "viewer.store.exchange",
    "plan_records": "viewer.store.record_import",
    "IMPORT_FORMATS": "viewer.store.import_file",
    "ImportFormat": "viewer.store.import_file",
    "import_format_of": "viewer.store.import_file",
    "plan_file": "viewer.store.import_file",
    "read_file": "viewer.store.exchange",
    "records_in": "viewer.store.exchange",
    "record_at": "viewer.store.history",
    "revert": "viewer.store.history",
    "AddressError": "viewer.store.locations",
    "Location": "viewer.store.locations",
    "ServerAddress": "viewer.store.locations",
    "parse_location": "viewer.store.locations",
    "parse_server": "viewer.store.locations",
    "OpenedServer": "viewer.store.server_database",
    "Notice": "viewer.store.server_engine",
    "ServerChangeProbe": "viewer.store.server_engine",
    "store_password": "viewer.store.server_engine",
    "ListQuery": "viewer.store.listing",
    "PAGE_SIZE": "viewer.store.listing",
    "count_rows": "viewer.store.listing",
    "fetch_rows": "viewer.store.listing",
    "headers": "viewer.store.listing",
    "key_for_name": "viewer.store.listing",
    "row_index": "viewer.store.listing",
    "claim_choices": "viewer.store.claim_choices",
    "claim_labels": "viewer.store.claim_choices",
    "COMPLETION_LIMIT": "viewer.store.lookups",
    "complete": "viewer.store.lookups",
    "labels_for": "viewer.store.lookups",
    "new_key": "viewer.store.lookups",
    "APP_NAME": "viewer.store.paths",
    "DB_ENVIRONMENT_VARIABLE": "viewer.store.paths",
    "default_database_path": "viewer.store.paths",
    "default_location": "viewer.store.paths",
    "DatabaseProperties": "viewer.store.properties",
    "database_properties": "viewer.store.properties",
    "accord_keys": "viewer.store.report_data",
    "report_data": "viewer.store.report_data",
    "RoleNameError": "viewer.store.roles",
    "apply_roles": "viewer.store.roles",
    "grant_hints": "viewer.store.roles",
    "role_script": "viewer.store.roles",
    "team_roles": "viewer.store.roles",
    "SavedSearch": "viewer.store.saved_searches",
    "delete_saved_search": "viewer.store.saved_searches",
    "save_search": "viewer.store.saved_searches",
    "saved_searches": "viewer.store.saved_searches",
    "Facets": "viewer.store.search",
    "counts": "viewer.store.search",
    "facets": "viewer.store.search",
    "SearchHit": "viewer.store.search",
    "search": "viewer.store.search",
    "MergeRefused": "viewer.store.record_merge",
    "MergeResult": "viewer.store.record_merge",
    "merge_records": "viewer.store.record_merge",
    "remerge_records": "viewer.store.record_merge",
    "unmerge_records": "viewer.store.record_merge",
    "REFERENCE_FORMATS": "viewer.store.reference_export",
    "ReferenceFormat": "viewer.store.reference_export",
    "export_references": "viewer.store.reference_export",
    "NOT_CARRIED": "viewer.store.reference_import",
    "read_references": "viewer.store.reference_import",
    "reference_format_of": "viewer.store.reference_import",
    "Store": "viewer.store.store",
    "SynthError": "viewer.store.synth",
    "synthesise": "viewer.store.synth",
    "synthesise_accord": "viewer.store.synth_accord",
    "SynthSize": "viewer.store.synth_records",
    "TimelineExport": "viewer.store.timelinejs_export",
    "export_timelinejs": "viewer.store.timelinejs_export",
    "evidence_counts": "viewer.store.evidence",
    "evidence_rows": "viewer.store.evidence",
    "evidence_report": "viewer.store.evidence",
}


if not TYPE_CHECKING:  # for mypy the names are the imports above: a misspelt one is an error

    def __getattr__(name: str) -> Any:
        home = _HOMES.get(name)
        if home is None:
            raise AttributeError(f"viewer.store.api has no {name!r}")
        value = getattr(importlib.import_module(home), name)
        globals()[name] = value
        return value


__all__ = [
    "APP_NAME",
    "CHAIN_TOPIC",
    "COMPLETION_LIMIT",
    "DB_ENVIRONMENT_VARIABLE",
    "DEFAULT_KEEP",
    "DUPLICATE_KINDS",
    "IMPORT_FORMATS",
    "NOTED_HEAD_TOPIC",
    "NOT_CARRIED",
    "PAGE_SIZE",
    "REFERENCE_FORMATS",
    "AddressError",
    "BackupInfo",
    "ChainHead",
    "ChangeProbe",
    "ConflictError",
    "CopyOutcome",
    "DamagedDatabase",
    "DatabaseBusy",
    "DatabaseFileError",
    "DatabaseGone",
    "DatabaseProperties",
    "Dependents",
    "DiskFull",
    "DuplicateCandidate",
    "DuplicateGroup",
    "Facets",
    "Finding",
    "ForeignDatabase",
    "HasDependents",
    "ImportFormat",
    "ImportPlan",
    "InvalidRecord",
    "ListQuery",
    "Location",
    "MergeOutcome",
    "MergeRefused",
    "MergeResult",
    "Notice",
    "OpenedDatabase",
    "OpenedServer",
    "Openness",
    "Probe",
    "ReadOnlyStore",
    "RecordNotFound",
    "RecordUnreadable",
    "ReferenceFormat",
    "RoleNameError",
    "SavedSearch",
    "SearchHit",
    "ServerAddress",
    "ServerChangeProbe",
    "StaleRecord",
    "Store",
    "StoreError",
    "SynthError",
    "SynthSize",
    "TimelineExport",
    "accord_keys",
    "accord_overview",
    "apply_import",
    "apply_roles",
    "backup_folder",
    "busiest_accord",
    "chain_head",
    "claim_choices",
    "claim_labels",
    "complete",
    "copy_database",
    "count_rows",
    "counts",
    "daily_backup",
    "database_openness",
    "database_properties",
    "default_database_path",
    "default_location",
    "delete_saved_search",
    "evidence_counts",
    "evidence_report",
    "evidence_rows",
    "export_csv",
    "export_data",
    "export_json",
    "export_references",
    "export_timelinejs",
    "facets",
    "fetch_rows",
    "find_duplicates",
    "grant_hints",
    "headers",
    "import_format_of",
    "key_for_name",
    "labels_for",
    "list_backups",
    "load_detail",
    "merge_import",
    "merge_records",
    "new_key",
    "newest_good_backup",
    "open_damaged",
    "open_or_create",
    "parse_location",
    "parse_server",
    "plan_file",
    "plan_import",
    "plan_records",
    "read_file",
    "read_references",
    "record_at",
    "records_in",
    "reference_format_of",
    "remerge_records",
    "repair_search_index",
    "report_data",
    "restore_backup",
    "revert",
    "role_script",
    "row_index",
    "run_checks",
    "save_search",
    "saved_searches",
    "search",
    "set_aside_damaged",
    "store_password",
    "synthesise",
    "synthesise_accord",
    "take_backup",
    "team_roles",
    "unmerge_records",
    "verify_chain",
]
