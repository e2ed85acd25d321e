"""CSL-JSON files read as sources: json, then each item checked against the
CSL-JSON schema (the Citation Style Language project's ``csl-data.json``,
shipped in ``resources/schema``) with jsonschema.

An item is left out, with a problem naming it and the field, when the schema
finds an error in a field this app reads (:data:`READ_FIELDS`): a name that is
no name object, a date that is no date. Fields it does not read, and fields
the schema does not know (tools add their own), are passed over: they would
not be kept anyway; a type the schema does not list (a newer CSL's, or a
tool's own) is read as the nearest kind. An item without an id is read (it
gets a key made from its author, year and title); one without a type is not.
"""

from __future__ import annotations

import json
from typing import Any

from jsonschema.exceptions import ValidationError, best_match

from viewer.domain.quoting import printable, quoted, shortened
from viewer.domain.reference_items import ReadItem
from viewer.domain.reference_reading import CSL_FIELDS, UnreadableField, source_from_csl
from viewer.domain.serial import Problem
from viewer.store.csl_schema import ItemCheck, item_check

# The item's fields that become a source's (and its keys).
READ_FIELDS = frozenset({*CSL_FIELDS.values(), "id", "citation-key"})
_MESSAGE_LIMIT = 160


def read_csl_json(text: str) -> tuple[list[ReadItem], list[Problem]]:
    """The items of a CSL-JSON file's text; or no items and the problem that
    stops the whole file (not JSON, or JSON that is not a list)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return [], [
            Problem(
                "",
                f"the file is not JSON ({error.msg} at line {error.lineno}, column "
                f"{error.colno}), so not CSL-JSON; nothing was read",
            )
        ]
    if not isinstance(data, list):
        found = "an object" if isinstance(data, dict) else f"a {type(data).__name__}"
        return [], [
            Problem(
                "",
                f"the file holds {found}, where CSL-JSON is a list of items ([{{...}}, ...]); "
                "nothing was read",
            )
        ]
    check = item_check()
    return [_read_item(index, item, check) for index, item in enumerate(data, 1)], []


def _read_item(index: int, item: Any, check: ItemCheck) -> ReadItem:
    if not isinstance(item, dict):
        return ReadItem(f"item {index}", "", None, "", "is not an object ({...}): not read")
    wanted = _wanted_key(item)
    label = f"item {index}" + (f" (id {quoted(str(item['id']), 60)})" if "id" in item else "")
    errors = _errors_that_matter(check.errors(item), item)
    if errors:
        error = best_match(errors)
        field = _path(error)
        message = shortened(printable(error.message), _MESSAGE_LIMIT)
        return ReadItem(label, wanted, None, field, f"{message} (CSL-JSON schema): not read")
    try:
        source = source_from_csl(item)
    except UnreadableField as error:
        return ReadItem(label, wanted, None, error.field, f"{error.message}: not read")
    return ReadItem(label, wanted, source)


def _wanted_key(item: dict[str, Any]) -> str:
    """The key the item gives itself: its citation key, else its id."""
    for field in ("citation-key", "id"):
        value = item.get(field)
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            return str(value)
    return ""


def _errors_that_matter(
    errors: list[ValidationError], item: dict[str, Any]
) -> list[ValidationError]:
    return [error for error in errors if _matters(error, item)]


def _matters(error: ValidationError, item: dict[str, Any]) -> bool:
    if error.validator == "required":
        return "type" not in item
    if not error.absolute_path:
        return bool(error.validator != "additionalProperties")
    # A type the schema does not list (a newer CSL's, or a tool's own) is
    # read as the nearest kind, "other" at worst.
    unknown_type = list(error.absolute_path) == ["type"] and error.validator == "enum"
    return bool(error.absolute_path[0] in READ_FIELDS) and not unknown_type


def _path(error: ValidationError) -> str:
    if error.validator == "required":
        return "type"
    path = ""
    for part in error.absolute_path:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path
