"""The CSL-JSON schema (the Citation Style Language project's ``csl-data.json``,
shipped in ``resources/schema``) and a check of one item against it.

jsonschema takes about half a millisecond an item, most of a 50,000-item
file's reading. But items of one file are alike: the schema's verdict on an
item depends only on its shape — which fields, the JSON types of their
values, how many names and date parts — and on its ``type``, unless the
schema looks at values themselves (a pattern, a length, a bound). So where
it does not (:func:`_values_matter`, checked when loaded), a shape found
valid once is not checked again; an item with errors is always checked whole,
so that the messages name its own values.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from jsonschema import Draft7Validator
from jsonschema.exceptions import ValidationError

# Keywords whose verdict depends on a value, not only on its type and place.
_VALUE_KEYWORDS = frozenset(
    {
        "pattern",
        "format",
        "minLength",
        "maxLength",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
        "const",
        "enum",
        "uniqueItems",
        "if",
    }
)
_ANNOTATIONS = frozenset({"title", "description", "examples", "default", "$comment"})


class ItemCheck:
    """Checks CSL-JSON items one at a time against the schema's ``items``."""

    def __init__(self) -> None:
        schema = csl_data_schema()
        # References to the definitions put in their place: looked up once.
        items = _inlined(schema["items"], schema["definitions"])
        self._validator = Draft7Validator(items)
        self._shapes: set[Any] | None = None if _values_matter(items) else set()

    def errors(self, item: dict[str, Any]) -> list[ValidationError]:
        """Every error the schema finds in ``item``."""
        if self._shapes is None:
            return list(self._validator.iter_errors(item))
        shape = _shape(item, True)
        if shape in self._shapes:
            return []
        found = list(self._validator.iter_errors(item))
        if not found:
            self._shapes.add(shape)
        return found


def _shape(value: Any, top: bool = False) -> Any:
    """``value`` with its values replaced by their JSON types (the item's own
    ``type`` kept: the schema lists the types it knows)."""
    if isinstance(value, dict):
        return tuple(
            (
                key,
                value[key]
                if top and key == "type" and isinstance(value[key], str)
                else _shape(value[key]),
            )
            for key in sorted(value, key=str)
        )
    if isinstance(value, list):
        return ("[]", *(_shape(part) for part in value))
    return type(value).__name__


def _values_matter(schema: Any, place: str = "") -> bool:
    """Whether ``schema`` looks at values anywhere other than the item's ``type`` enum."""
    if isinstance(schema, list):
        return any(_values_matter(part, place) for part in schema)
    if not isinstance(schema, dict):
        return False
    for keyword, value in schema.items():
        if keyword in _ANNOTATIONS:
            continue
        if keyword in _VALUE_KEYWORDS and not (keyword == "enum" and place == "properties.type"):
            return True
        if keyword == "properties" and isinstance(value, dict):
            if any(_values_matter(sub, f"properties.{name}") for name, sub in value.items()):
                return True
        elif _values_matter(value, keyword):
            return True
    return False


def _inlined(node: Any, definitions: dict[str, Any]) -> Any:
    if isinstance(node, dict):
        reference = node.get("$ref", "")
        if isinstance(reference, str) and reference.startswith("#/definitions/"):
            return _inlined(definitions[reference.removeprefix("#/definitions/")], definitions)
        return {key: _inlined(value, definitions) for key, value in node.items()}
    if isinstance(node, list):
        return [_inlined(value, definitions) for value in node]
    return node


@lru_cache(maxsize=1)
def item_check() -> ItemCheck:
    """The one check of items (its shapes found valid kept for the next file)."""
    return ItemCheck()


def csl_data_schema() -> dict[str, Any]:
    """The CSL-JSON schema (``csl-data.json``) shipped in ``resources/schema``."""
    with resources.as_file(_schema_folder() / "csl-data.json") as path:
        loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def _schema_folder() -> Traversable:
    try:
        return resources.files("viewer.resources") / "schema"
    except ModuleNotFoundError:  # a source checkout that was not installed
        return Path(__file__).resolve().parents[2] / "resources" / "schema"
