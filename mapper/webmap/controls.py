"""The page around the map: header, legend, date slider, place search, feed, export, full screen.

Each is a :class:`branca.element.MacroElement` with a class-level template.
Report text never enters these templates: they hold our own labels (escaped
with ``|e`` where they come from data, such as type names) and the element ids
that ``static/webmap/mapper.js`` binds to.
"""

from __future__ import annotations

import re
from typing import Any

from mapper.webmap.layers import IncidentLayer, stable_id
from mapper.webmap.template import SafeRender, Template

__all__ = [
    "Fullscreen",
    "Header",
    "Legend",
    "Sidebar",
    "TypePalette",
]

_HEX = re.compile(r"#[0-9a-fA-F]{6}")


class TypePalette(SafeRender):
    """The CSS that gives each event type its colour (``.mapper-t<i> { --c: ... }``).

    Parameters
    ----------
    types : list of dict
        ``{"name", "color"}``; colours must be ``#rrggbb``.

    Raises
    ------
    ValueError
        For any other colour string.

    Examples
    --------
    >>> TypePalette([{"name": "Battles", "color": "#d7301f"}]).types[0]["color"]
    '#d7301f'
    >>> TypePalette([{"name": "x", "color": "red;}"}])
    Traceback (most recent call last):
    ...
    ValueError: colour must be #rrggbb, not 'red;}'
    """

    _template = Template(
        """
        {% macro header(this, kwargs) %}
<style>
{%- for t in this.types %}
.mapper-t{{ loop.index0 }} { --c: {{ t.color }}; --h: {{ t.color|halo }}; }
{%- endfor %}
.mapper-tn { --c: #546e7a; --h: {{ "#546e7a"|halo }}; }
</style>
        {% endmacro %}
        """
    )

    def __init__(self, types: list[dict[str, str]]) -> None:
        super().__init__()
        stable_id(self, "palette")
        for t in types:
            if not _HEX.fullmatch(t["color"]):
                raise ValueError(f"colour must be #rrggbb, not {t['color']!r}")
        self.types = types


class Header(SafeRender):
    """The bar above the map: title, counts of reports and incidents, date range, shown count.

    Examples
    --------
    >>> h = Header(IncidentLayer({}, [], []), title="<x>", reports=2, incidents=5,
    ...            first="2020-09-27", last="2020-09-28")
    >>> h.get_name()
    'mapper_header'
    """

    _template = Template(
        """
        {% macro html(this, kwargs) %}
<header class="mapper-header">
  <h1>{{ this.title|e }}</h1>
  <span class="mapper-stats">{{ this.reports }} report{{ "" if this.reports == 1 else "s" }} ·
    {{ this.incidents }} incident{{ "" if this.incidents == 1 else "s" }}
    {%- if this.first %} · {{ this.first|e }}
    {%- if this.last != this.first %} – {{ this.last|e }}{% endif %}{% endif %}
    {%- if this.unmapped %} · {{ this.unmapped }} without a place (not on the map){% endif %}</span>
  <span class="mapper-count" id="mapper-count" aria-live="polite"></span>
</header>
        {% endmacro %}
        {% macro script(this, kwargs) %}
{{ this.view.get_name() }}.bindCount("mapper-count");
        {% endmacro %}
        """
    )

    def __init__(self, view: IncidentLayer, *, title: str, reports: int, incidents: int,
                 first: str | None, last: str | None, unmapped: int = 0) -> None:
        super().__init__()
        stable_id(self, "header")
        self.view = view
        self.title = title
        self.reports = int(reports)
        self.incidents = int(incidents)
        self.first = first
        self.last = last
        self.unmapped = int(unmapped)


class Sidebar(SafeRender):
    """The side panel: date-range slider, place search, GeoJSON export and the incident feed.

    Parameters
    ----------
    view : IncidentLayer
    dates : list of str
        Sorted distinct dates; the slider moves over them.
    filename : str
        Name of the saved GeoJSON file.
    places : list of dict
        Extra searchable places ``{"name", "lat", "lon"}`` (theatre towns).

    Examples
    --------
    >>> Sidebar(IncidentLayer({}, [], []), dates=[], filename="x.geojson").get_name()
    'mapper_sidebar'
    """

    _template = Template(
        """
        {% macro html(this, kwargs) %}
<aside class="mapper-side" aria-label="Filters and incident list">
  <section class="mapper-box mapper-layers" id="mapper-layers">
    <h2>Layers</h2>
  </section>
  <section class="mapper-box" id="mapper-dates">
    <h2>Dates</h2>
    {%- if this.dates %}
    <div class="mapper-range-labels">
      <output id="mapper-date-from-label">{{ this.dates[0]|e }}</output>
      <output id="mapper-date-to-label">{{ this.dates[-1]|e }}</output></div>
    <input type="range" id="mapper-date-from" aria-label="From date"
           min="0" max="{{ this.dates|length - 1 }}" value="0" step="1">
    <input type="range" id="mapper-date-to" aria-label="To date"
           min="0" max="{{ this.dates|length - 1 }}" value="{{ this.dates|length - 1 }}" step="1">
    {%- else %}
    <p>No dated incidents.</p>
    {%- endif %}
  </section>
  <section class="mapper-box">
    <h2><label for="mapper-search">Find a place</label></h2>
    <input type="search" id="mapper-search" list="mapper-places"
           placeholder="Town, village, region…" autocomplete="off">
    <datalist id="mapper-places"></datalist>
    <div class="mapper-search-status" id="mapper-search-status" aria-live="polite"></div>
  </section>
  <section class="mapper-box">
    <button type="button" class="mapper-action" id="mapper-export">
      Save shown incidents as GeoJSON</button>
  </section>
  <section class="mapper-box">
    <h2>Incidents by date</h2>
    <ol class="mapper-feed" id="mapper-feed"></ol>
    <button type="button" class="mapper-action" id="mapper-feed-more" hidden>Show more</button>
  </section>
</aside>
        {% endmacro %}
        {% macro script(this, kwargs) %}
{{ this.view.get_name() }}.bindDates("mapper-date-from", "mapper-date-to",
  "mapper-date-from-label", "mapper-date-to-label");
{{ this.view.get_name() }}.bindSearch("mapper-search", "mapper-places", "mapper-search-status",
  {%- if this.theatre %} {{ this.theatre.get_name() }}.mapperPlaces{% else %} []{% endif %});
{{ this.view.get_name() }}.bindExport("mapper-export", {{ this.filename|tojson }});
{{ this.view.get_name() }}.bindFeed("mapper-feed", "mapper-feed-more");
        {% endmacro %}
        """
    )

    def __init__(self, view: IncidentLayer, *, dates: list[str], filename: str,
                 theatre: Any = None) -> None:
        super().__init__()
        stable_id(self, "sidebar")
        self.view = view
        self.dates = list(dates)
        self.filename = filename
        self.theatre = theatre


class Legend(SafeRender):
    """The legend, a Leaflet control: type colours, status symbols, precision, theatre lines.

    Examples
    --------
    >>> Legend(IncidentLayer({}, [], []), [{"name": "Battles", "color": "#d7301f"}], [1]).get_name()
    'mapper_legend'
    """

    _template = Template(
        """
        {% macro html(this, kwargs) %}
<details class="mapper-legend leaflet-control" id="mapper-legend" open hidden>
  <summary>Legend</summary>
  <h3>Event type</h3>
  <ul>
  {%- for t in this.types %}
    <li><span class="mapper-mk mapper-t{{ loop.index0 }}"></span>
      <span>{{ t.name|e }} (<span class="mapper-legend-n" data-t="{{ loop.index0 }}">
      {{- this.counts[loop.index0] }}</span>)</span></li>
  {%- endfor %}
  </ul>
  <h3>Status</h3>
  <ul>
    <li><span class="mapper-mk mapper-tn mapper-fact"></span>Reported as fact</li>
    <li><span class="mapper-mk mapper-tn mapper-claim"></span>Claim (one side asserts it)</li>
    <li><span class="mapper-mk mapper-tn mapper-disputed"></span>Disputed claim</li>
  </ul>
  <h3>Where</h3>
  <ul>
    <li><span class="mapper-mk mapper-tn mapper-fact mapper-p1"></span>At the named place</li>
    <li><span class="mapper-mk mapper-tn mapper-fact mapper-p2"></span>
      Near it or part of a region</li>
    <li><span class="mapper-mk mapper-tn mapper-fact mapper-p3"></span>
      Only a larger region known</li>
    <li><span class="mapper-mk mapper-tn mapper-fact mapper-geom"></span>
      On a line or region (drawn; dashed if approximate)</li>
    {%- if this.theatre %}
    <li><span class="mapper-line"></span>Theatre line (e.g. contact line)</li>
    <li><span class="mapper-region"></span>Theatre region</li>
    {%- endif %}
  </ul>
</details>
        {% endmacro %}
        {% macro script(this, kwargs) %}
Mapper.domControl("mapper-legend", "bottomleft").addTo({{ this.view._parent.get_name() }});
{{ this.view.get_name() }}.bindLegend("mapper-legend");
        {% endmacro %}
        """
    )

    def __init__(self, view: IncidentLayer, types: list[dict[str, str]], counts: list[int],
                 *, theatre: bool = False) -> None:
        super().__init__()
        stable_id(self, "legend")
        self.view = view
        self.types = types
        self.counts = list(counts)
        self.theatre = theatre


class Fullscreen(SafeRender):
    """A full-screen button under the zoom buttons.

    Examples
    --------
    >>> Fullscreen().get_name()
    'mapper_fullscreen'
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
Mapper.fullscreenControl("topleft").addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        stable_id(self, "fullscreen")


class FitView(SafeRender):
    """Open the map on the incidents (or the theatre, or the world when there are none).

    Examples
    --------
    >>> FitView(IncidentLayer({}, [], []), None).get_name()
    'mapper_fit'
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
{{ this.view.get_name() }}.fit({{ this.fallback|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, view: IncidentLayer, fallback: list[list[float]] | None) -> None:
        super().__init__()
        stable_id(self, "fit")
        self.view = view
        self.fallback = fallback
