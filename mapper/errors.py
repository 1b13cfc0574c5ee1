"""Exceptions raised by mapper.

Every error derives from :class:`MapperError`; each also derives from the
builtin it resembles, so callers may catch either family.
"""

from __future__ import annotations

__all__ = [
    "MapperError",
    "ReportReadError",
    "GazetteerError",
    "GeocodeError",
    "ExportError",
]


class MapperError(Exception):
    """Root of every error raised by mapper."""


class ReportReadError(MapperError, OSError):
    """A report could not be read or decoded."""


class GazetteerError(MapperError):
    """The offline gazetteer index could not be built or loaded."""


class GeocodeError(MapperError, ValueError):
    """A geocoding query is malformed."""


class ExportError(MapperError):
    """An output file could not be written."""
