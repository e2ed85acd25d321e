"""The bundled country shapes, and the script that builds them from world-atlas."""

from __future__ import annotations

import base64
import hashlib
import json

import pytest

from tools.build_world_map import (
    decode_arcs,
    encode_ring,
    polygons_of,
    split_at_antimeridian,
    verify,
)
from viewer.ui.overview.map_shapes import map_file, world_shapes

BUNDLED_ISO_CODES = ("IL", "AE", "BH", "MA", "SD", "KZ", "US", "SY", "SA")


def test_the_resource_holds_the_world_its_source_and_its_licence() -> None:
    document = json.loads(map_file().read_text(encoding="utf-8"))
    assert document["version"] == "2.0.2"
    assert "world-atlas" in document["source"]
    assert "Natural Earth" in document["licence"] and "public domain" in document["licence"]
    assert len(document["countries"]) > 170
    # Small enough to ship and to read at start: well under 400 KB.
    assert len(map_file().read_bytes()) < 400_000


def test_countries_without_an_iso_code_are_kept_with_their_name() -> None:
    shapes = world_shapes()
    nameless = {country.name for country in shapes.countries if country.iso is None}
    assert {"Kosovo", "N. Cyprus", "Somaliland"} <= nameless
    assert len(shapes.countries) > 170


def test_bahrain_and_other_small_states_have_a_point() -> None:
    shapes = world_shapes()
    bahrain = shapes.point("bh")
    assert bahrain is not None and bahrain.name == "Bahrain"
    assert shapes.country("BH") is None  # too small for 110m: the point is how to find it
    for iso in ("SG", "MT", "MV", "LU"):
        assert shapes.point(iso) is not None, iso


def test_every_bundled_party_has_a_shape_or_a_point() -> None:
    shapes = world_shapes()
    for iso in BUNDLED_ISO_CODES:
        assert shapes.country(iso) is not None or shapes.point(iso) is not None, iso


def test_no_country_streaks_across_the_map_at_the_antimeridian() -> None:
    # Russia and Fiji cross 180°: cut there, no piece spans the world's width.
    shapes = world_shapes()
    for iso in ("RU", "FJ"):
        country = shapes.country(iso)
        assert country is not None
        pieces = country.path.toSubpathPolygons()
        assert len(pieces) > 1, iso
        assert max(piece.boundingRect().width() for piece in pieces) < shapes.bounds.width() / 2


def test_topojson_arcs_are_delta_decoded_and_scaled() -> None:
    topology = {
        "transform": {"scale": [0.5, 2.0], "translate": [10.0, -5.0]},
        "arcs": [[[0, 0], [2, 0], [0, 3]], [[2, 3], [-2, -3]]],
    }
    arcs = decode_arcs(topology)
    assert arcs == [[(10.0, -5.0), (11.0, -5.0), (11.0, 1.0)], [(11.0, 1.0), (10.0, -5.0)]]
    # A ring of arc 0 then arc 1, and the same walked backwards (~1 is arc 1 reversed).
    [[ring]] = polygons_of({"type": "Polygon", "arcs": [[0, 1]]}, arcs)
    assert ring == [(10.0, -5.0), (11.0, -5.0), (11.0, 1.0), (10.0, -5.0)]
    [[backwards]] = polygons_of({"type": "Polygon", "arcs": [[~1, ~0]]}, arcs)
    assert backwards == ring[::-1]


def test_rings_are_stored_in_hundredths_of_a_degree_as_differences() -> None:
    assert encode_ring([(1.0, 2.0), (1.5, 2.0), (1.5, 2.25), (1.0, 2.0)]) == [
        100,
        200,
        50,
        0,
        0,
        25,
    ]
    # A ring that rounds to fewer than three points is dropped.
    assert encode_ring([(1.0, 1.0), (1.001, 1.001), (1.0, 1.0)]) is None


def test_a_ring_crossing_the_antimeridian_is_cut_in_two() -> None:
    ring = [(178.0, 10.0), (-178.0, 10.0), (-178.0, 12.0), (178.0, 12.0)]
    pieces = split_at_antimeridian(ring)
    assert len(pieces) == 2
    spans = sorted((min(x for x, _ in p), max(x for x, _ in p)) for p in pieces)
    assert spans == [(-180.0, -178.0), (178.0, 180.0)]


def test_a_tarball_with_another_digest_is_refused() -> None:
    data = b"not the package"
    good = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    verify(data, good)
    with pytest.raises(ValueError, match=r"not world-atlas 2\.0\.2"):
        verify(b"something else", good)
