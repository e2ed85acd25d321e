"""Build ``resources/map/world-110m.json``, the country shapes the overview's map draws.

The shapes are Natural Earth's (public domain), as the npm package
``world-atlas`` 2.0.2 ships them in TopoJSON. This script downloads that
package from the npm registry, checks it against the sha512 pinned below,
decodes ``countries-110m.json`` (the shapes) and ``countries-50m.json`` (to
find the states too small for 110m) and writes one compact JSON file. The app
never imports this script; it only reads the file it writes.

Rerun it from the repository's root, with the project's Python (pycountry is
a dependency of the app)::

    .venv/bin/python tools/build_world_map.py

or, offline, with a tarball fetched before (``npm pack world-atlas@2.0.2``)::

    .venv/bin/python tools/build_world_map.py --tarball world-atlas-2.0.2.tgz

The output is deterministic: rerunning it on the same package gives the same
bytes, so a diff shows only what a change to this script changed.

The file holds, besides its source, version and licence:

- ``countries``: per 110m shape, the ISO 3166-1 alpha-2 code (``iso``; null
  for Kosovo, Northern Cyprus and Somaliland, which have none), the numeric
  code (``id``, null where Natural Earth gives none), the Natural Earth name
  and the rings. Each ring is a flat list ``[x0, y0, dx1, dy1, ...]`` of
  longitude and latitude in hundredths of a degree: the first point as it is,
  every later one as the difference from the one before (rings are closed:
  the last point joins the first). Holes are rings too; draw with the
  odd-even rule.
- ``points``: a marker position (``lon``, ``lat`` in degrees) for every
  country of the 50m file that 110m leaves out or draws smaller than
  :data:`TINY_KM2` (Bahrain, Singapore, Malta, the small island states...),
  so that every state can be found and clicked.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import math
import sys
import tarfile
import urllib.request
from collections.abc import Iterable, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

import pycountry

PACKAGE = "world-atlas"
VERSION = "2.0.2"
TARBALL_URL = "https://registry.npmjs.org/world-atlas/-/world-atlas-2.0.2.tgz"
# The registry's dist.integrity for that version (https://registry.npmjs.org/world-atlas/2.0.2).
INTEGRITY = (
    "sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/"
    "MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ=="
)
SHAPES_MEMBER = "package/countries-110m.json"
DETAIL_MEMBER = "package/countries-50m.json"
OUTPUT = Path(__file__).resolve().parents[1] / "resources" / "map" / "world-110m.json"

# Coordinates are kept in hundredths of a degree (about 1 km): far finer than
# a 110m shape needs, and small integers keep the file small.
UNITS_PER_DEGREE = 100
# Below this area (Luxembourg, Palestine, Cyprus, Trinidad...) a 110m shape is a
# pixel or two on a world map: it gets a point too.
TINY_KM2 = 8_000.0
EARTH_RADIUS_KM = 6_371.0088

Ring = list[tuple[float, float]]
Topology = dict[str, Any]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--tarball", type=Path, help="a world-atlas 2.0.2 tarball already fetched")
    parser.add_argument("--output", type=Path, default=OUTPUT, help=f"default: {OUTPUT}")
    arguments = parser.parse_args(argv)
    data = arguments.tarball.read_bytes() if arguments.tarball else download(TARBALL_URL)
    try:
        verify(data, INTEGRITY)
    except ValueError as error:
        print(f"build_world_map: {error}", file=sys.stderr)
        return 1
    shapes, detail = read_members(data, (SHAPES_MEMBER, DETAIL_MEMBER))
    document = build(shapes, detail)
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    arguments.output.write_text(serialise(document), encoding="utf-8")
    size = arguments.output.stat().st_size
    print(
        f"wrote {arguments.output}: {len(document['countries'])} countries, "
        f"{len(document['points'])} points, {size:,} bytes"
    )
    return 0


def download(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as response:
        body: bytes = response.read()
    return body


def verify(data: bytes, integrity: str) -> None:
    """Raise ValueError unless ``data`` has the npm ``integrity`` (a sha512 in base64)."""
    algorithm, _, expected = integrity.partition("-")
    if algorithm != "sha512":
        raise ValueError(f"unexpected integrity algorithm {algorithm!r}")
    found = base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")
    if found != expected:
        raise ValueError(
            f"the tarball's sha512 is {found}, not the pinned {expected}: not {PACKAGE} {VERSION}"
        )


def read_members(data: bytes, names: Iterable[str]) -> list[Topology]:
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        found = []
        for name in names:
            member = archive.extractfile(name)
            if member is None:
                raise ValueError(f"{name} is not a file in the tarball")
            found.append(json.loads(member.read()))
    return found


# -- TopoJSON ------------------------------------------------------------------


def decode_arcs(topology: Topology) -> list[Ring]:
    """Every arc as absolute longitude/latitude points.

    A quantised topology stores each arc's first position as an integer and
    every later one as the difference from the one before; the transform
    scales and shifts the integers back to degrees.
    """
    transform = topology.get("transform")
    arcs: list[Ring] = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(x), float(y)) for x, y, *_ in arc])
            continue
        (scale_x, scale_y), (shift_x, shift_y) = transform["scale"], transform["translate"]
        x = y = 0
        points: Ring = []
        for dx, dy, *_ in arc:
            x += dx
            y += dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def ring_of(indexes: Sequence[int], arcs: Sequence[Ring]) -> Ring:
    """Join a ring's arcs; a negative index ``~i`` is arc ``i`` reversed."""
    ring: Ring = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        # Consecutive arcs share their joining point: keep it once.
        ring.extend(arc[1:] if ring else arc)
    return ring


def polygons_of(geometry: dict[str, Any], arcs: Sequence[Ring]) -> list[list[Ring]]:
    """The polygons (each an outer ring then its holes) of a Polygon or MultiPolygon."""
    if geometry["type"] == "Polygon":
        parts = [geometry["arcs"]]
    elif geometry["type"] == "MultiPolygon":
        parts = geometry["arcs"]
    else:
        return []
    polygons: list[list[Ring]] = []
    for polygon in parts:
        outer, *holes = (split_at_antimeridian(ring_of(ring, arcs)) for ring in polygon)
        polygons.extend([piece] for piece in outer)
        polygons[-len(outer)].extend(piece for hole in holes for piece in hole)
    return polygons


def split_at_antimeridian(ring: Ring) -> list[Ring]:
    """``ring`` cut where it crosses 180°, each piece on its own side.

    The topology is spherical: Russia's and Fiji's rings step from 180° east
    to 180° west and back, and Antarctica's goes once round the pole. Drawn
    flat, such a ring would streak across the whole map. The ring is first
    made continuous (no step over 180° of longitude; a ring round a pole is
    closed along the pole), then clipped to each 360°-wide window and moved
    back into -180°..180°.
    """
    steps = [abs(b[0] - a[0]) > 180 for a, b in zip(ring, ring[1:] + ring[:1], strict=True)]
    if not any(steps):
        return [ring]
    continuous: Ring = [ring[0]]
    offset = 0.0
    for (previous, _), (longitude, latitude) in pairwise(ring):
        if longitude - previous > 180:
            offset -= 360
        elif previous - longitude > 180:
            offset += 360
        continuous.append((longitude + offset, latitude))
    if abs(continuous[-1][0] - continuous[0][0]) > 180:
        pole = -90.0 if sum(lat for _, lat in ring) < 0 else 90.0
        continuous += [(continuous[-1][0], pole), (continuous[0][0], pole)]
    low = min(lon for lon, _ in continuous)
    high = max(lon for lon, _ in continuous)
    pieces = []
    for window in range(math.floor((low + 180) / 360), math.ceil((high + 180) / 360)):
        west = -180 + 360 * window
        piece = clip_between(continuous, west, west + 360)
        if len(piece) >= 3 and abs(planar_area(piece)) > 1e-6:
            pieces.append([(lon - 360 * window, lat) for lon, lat in piece])
    return pieces


def clip_between(ring: Ring, west: float, east: float) -> Ring:
    """The part of ``ring`` between two meridians (Sutherland-Hodgman, one side at a time)."""
    for edge, keep_east in ((west, True), (east, False)):

        def inside(
            point: tuple[float, float], edge: float = edge, keep_east: bool = keep_east
        ) -> bool:
            return point[0] >= edge if keep_east else point[0] <= edge

        clipped: Ring = []
        for start, end in zip(ring, ring[1:] + ring[:1], strict=True):
            if inside(end):
                if not inside(start):
                    clipped.append(crossing(start, end, edge))
                clipped.append(end)
            elif inside(start):
                clipped.append(crossing(start, end, edge))
        ring = clipped
        if not ring:
            break
    return ring


def crossing(
    start: tuple[float, float], end: tuple[float, float], longitude: float
) -> tuple[float, float]:
    share = (longitude - start[0]) / (end[0] - start[0])
    return (longitude, start[1] + share * (end[1] - start[1]))


def planar_area(ring: Ring) -> float:
    return (
        sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True))
        / 2
    )


# -- Geometry ------------------------------------------------------------------


def ring_area_km2(ring: Ring) -> float:
    """The area a ring encloses on the sphere (absolute value, km²)."""
    total = 0.0
    for (lon1, lat1), (lon2, lat2) in zip(ring, ring[1:] + ring[:1], strict=True):
        total += math.radians(lon2 - lon1) * (
            2 + math.sin(math.radians(lat1)) + math.sin(math.radians(lat2))
        )
    return abs(total) * EARTH_RADIUS_KM**2 / 2


def polygon_area_km2(polygon: list[Ring]) -> float:
    outer, *holes = polygon
    return ring_area_km2(outer) - sum(ring_area_km2(hole) for hole in holes)


def centroid(ring: Ring) -> tuple[float, float]:
    """The planar centroid of a ring in degrees (fine for the small shapes it is used on)."""
    twice_area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        twice_area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if abs(twice_area) < 1e-12:
        return (sum(x for x, _ in ring) / len(ring), sum(y for _, y in ring) / len(ring))
    return (cx / (3 * twice_area), cy / (3 * twice_area))


def encode_ring(ring: Ring) -> list[int] | None:
    """The ring in hundredths of a degree, delta-encoded; None when it collapses."""
    points: list[tuple[int, int]] = []
    for lon, lat in ring:
        point = (round(lon * UNITS_PER_DEGREE), round(lat * UNITS_PER_DEGREE))
        if not points or point != points[-1]:
            points.append(point)
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()  # closed implicitly
    if len(set(points)) < 3:
        return None
    flat = [points[0][0], points[0][1]]
    for (x0, y0), (x1, y1) in pairwise(points):
        flat.extend((x1 - x0, y1 - y0))
    return flat


# -- The file --------------------------------------------------------------------


def iso_alpha_2(numeric: str | None) -> str | None:
    if numeric is None:
        return None
    country = pycountry.countries.get(numeric=numeric)
    return None if country is None else str(country.alpha_2)


def build(shapes: Topology, detail: Topology) -> dict[str, Any]:
    shape_arcs = decode_arcs(shapes)
    detail_arcs = decode_arcs(detail)
    countries: list[dict[str, Any]] = []
    tiny: set[str] = set()
    for geometry in shapes["objects"]["countries"]["geometries"]:
        numeric = geometry.get("id")
        polygons = polygons_of(geometry, shape_arcs)
        rings = [encoded for polygon in polygons for r in polygon if (encoded := encode_ring(r))]
        if not rings:
            continue
        if numeric is not None and sum(map(polygon_area_km2, polygons)) < TINY_KM2:
            tiny.add(numeric)
        countries.append(
            {
                "iso": iso_alpha_2(numeric),
                "id": numeric,
                "name": geometry["properties"]["name"],
                "rings": rings,
            }
        )
    on_shapes = {country["id"] for country in countries if country["id"] is not None}
    points = [
        point
        for geometry in detail["objects"]["countries"]["geometries"]
        if (numeric := geometry.get("id")) is not None
        and (numeric not in on_shapes or numeric in tiny)
        and (point := marker(geometry, detail_arcs)) is not None
    ]
    # The 50m file splits a few codes into several shapes (Australia and its
    # Ashmore and Cartier Islands share 036): one marker a code, the largest.
    by_code: dict[str, dict[str, Any]] = {}
    for point in sorted(points, key=lambda point: point["_area"]):
        by_code[point["id"]] = point
    for point in by_code.values():
        del point["_area"]
    countries.sort(key=lambda country: (country["name"], country["id"] or ""))
    return {
        "source": (
            f"Natural Earth 1:110m and 1:50m admin 0 countries, from the npm package "
            f"{PACKAGE} {VERSION} ({TARBALL_URL}), converted by tools/build_world_map.py"
        ),
        "version": VERSION,
        "licence": (
            "Natural Earth: public domain (https://www.naturalearthdata.com/about/terms-of-use/); "
            "world-atlas: ISC licence, Copyright 2013-2019 Michael Bostock"
        ),
        "units_per_degree": UNITS_PER_DEGREE,
        "countries": countries,
        "points": sorted(by_code.values(), key=lambda point: point["name"]),
    }


def marker(geometry: dict[str, Any], arcs: Sequence[Ring]) -> dict[str, Any] | None:
    """A point in the country's largest piece, where its marker goes."""
    polygons = polygons_of(geometry, arcs)
    if not polygons:
        return None
    areas = [polygon_area_km2(polygon) for polygon in polygons]
    largest = max(range(len(polygons)), key=areas.__getitem__)
    lon, lat = centroid(polygons[largest][0])
    return {
        "iso": iso_alpha_2(geometry["id"]),
        "id": geometry["id"],
        "name": geometry["properties"]["name"],
        "lon": round(lon, 2),
        "lat": round(lat, 2),
        "_area": sum(areas),
    }


def serialise(document: dict[str, Any]) -> str:
    """Compact JSON with one country or point a line, so that diffs stay readable."""

    def compact(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    head = {key: value for key, value in document.items() if key not in ("countries", "points")}
    lines = ["{"]
    lines.extend(f"{compact(key)}:{compact(value)}," for key, value in head.items())
    for key in ("countries", "points"):
        items = document[key]
        lines.append(f"{compact(key)}:[")
        lines.extend(
            compact(item) + ("," if index < len(items) - 1 else "")
            for index, item in enumerate(items)
        )
        lines.append("]," if key == "countries" else "]")
    lines.append("}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
