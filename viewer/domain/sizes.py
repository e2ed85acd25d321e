"""A file's size as people read it, in one format for the whole app."""

from __future__ import annotations

# Decimal units, as file managers and disks count them, with the decimals
# each is shown with: a tenth of a kilobyte tells nobody anything, a
# hundredth of a gigabyte is tens of megabytes.
_UNITS = (("KB", 0), ("MB", 1), ("GB", 2), ("TB", 2))


def readable_size(size: int) -> str:
    """``size`` bytes in decimal units: "512 bytes", "345 KB", "2.4 MB", "2.46 GB"."""
    if size < 1000:
        return "1 byte" if size == 1 else f"{size:,} bytes"
    value = float(size)
    for unit, decimals in _UNITS:
        value /= 1000
        if round(value, decimals) < 1000 or unit == _UNITS[-1][0]:
            break
    return f"{value:,.{decimals}f} {unit}"
