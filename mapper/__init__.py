"""mapper: conflict news reports to geocoded places, incidents and an offline map.

Importing the package is cheap: heavy parts (spaCy, the gazetteer index,
geopandas, folium) load on first use.

>>> import mapper
>>> [t.text for t in mapper.geoparse("Shelling hit Stepanakert on Sunday.")]
['Stepanakert']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["geoparse", "build_map", "__version__"]

if TYPE_CHECKING:  # pragma: no cover
    from mapper.geoparse import Toponym


def geoparse(text: str, **kwargs: Any) -> list[Toponym]:
    """Find and resolve the place names in ``text``; see :func:`mapper.geoparse.geoparse`."""
    from mapper.geoparse import geoparse as _geoparse

    return _geoparse(text, **kwargs)


def build_map(incidents: Any, **kwargs: Any) -> Any:
    """Build the offline folium map of ``incidents``; see :func:`mapper.webmap.build_map`."""
    from mapper.webmap import build_map as _build_map

    return _build_map(incidents, **kwargs)
