"""The Equal Earth projection, which the world map draws countries in.

Equal Earth (Šavrič, Patterson and Jenny, 2018) is equal-area, so a country
looks as large as it is (unlike Mercator, which swells the far north), and
its meridians curve gently, so the world still reads as a familiar shape.
The formulas are the published polynomial ones, on a sphere of radius 1:
``x`` runs east (about -2.71 to 2.71) and ``y`` north (about -1.32 to 1.32).
"""

from __future__ import annotations

import math

_A1 = 1.340264
_A2 = -0.081106
_A3 = 0.000893
_A4 = 0.003796
_M = math.sqrt(3) / 2


def equal_earth(longitude: float, latitude: float) -> tuple[float, float]:
    """Longitude and latitude in degrees to Equal Earth ``(x, y)``, ``y`` pointing north."""
    lam = math.radians(longitude)
    theta = math.asin(_M * math.sin(math.radians(latitude)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (_M * (_A1 + 3 * _A2 * t2 + t6 * (7 * _A3 + 9 * _A4 * t2)))
    y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return x, y
