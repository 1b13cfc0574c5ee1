"""Compact text for the basemap's lines: the encoded-polyline algorithm.

Each coordinate is rounded to ``10**-digits`` degrees and written as the
zig-zag varint of its difference from the previous one, five bits to a
printable character (63..126), as Google's Encoded Polyline Algorithm Format
does. A line costs about a fifth of its JSON array, and decoding in the page
(``Mapper.decodeLine`` in ``static/webmap/basemap.js``) is a dozen lines.
Coordinates are written ``lon`` first, like GeoJSON.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

__all__ = ["decode", "encode"]


def _varint(value: int, out: list[str]) -> None:
    value = ~(value << 1) if value < 0 else value << 1
    while value >= 0x20:
        out.append(chr((0x20 | (value & 0x1F)) + 63))
        value >>= 5
    out.append(chr(value + 63))


def encode(coords: Iterable[Sequence[float]], digits: int) -> str:
    """Return ``coords`` (``[lon, lat]`` pairs) as one encoded-polyline string.

    Parameters
    ----------
    coords : iterable of (lon, lat)
    digits : int
        Decimal places kept: 2 is about 1 km, 3 about 100 m.

    Returns
    -------
    str
        Only characters 63..126, so it needs no escaping in HTML.

    Examples
    --------
    Google's own example, lon first (theirs is lat first: ``_p~iF~ps|U...``):

    >>> encode([[-120.2, 38.5], [-120.95, 40.7], [-126.453, 43.252]], 5)
    '~ps|U_p~iFnnqC_ulLvxq`@_mqN'
    >>> decode(encode([[46.75, 39.82], [46.7512, 39.8177]], 3), 3)
    [[46.75, 39.82], [46.751, 39.818]]
    """
    scale = 10 ** digits
    out: list[str] = []
    prev_x = prev_y = 0
    for point in coords:
        x, y = round(point[0] * scale), round(point[1] * scale)
        if x == prev_x and y == prev_y and out:
            continue  # a repeated point draws nothing
        _varint(x - prev_x, out)
        _varint(y - prev_y, out)
        prev_x, prev_y = x, y
    return "".join(out)


def decode(text: str, digits: int) -> list[list[float]]:
    """Return the ``[lon, lat]`` pairs of an encoded-polyline string (for tests and checks).

    Examples
    --------
    >>> decode("", 3)
    []
    """
    scale = 10 ** digits
    values: list[int] = []
    shift = acc = 0
    for ch in text:
        b = ord(ch) - 63
        acc |= (b & 0x1F) << shift
        shift += 5
        if b < 0x20:
            values.append(~(acc >> 1) if acc & 1 else acc >> 1)
            shift = acc = 0
    coords = []
    x = y = 0
    for i in range(0, len(values) - 1, 2):
        x += values[i]
        y += values[i + 1]
        coords.append([round(x / scale, digits), round(y / scale, digits)])
    return coords
