"""The page around the map: header, side panel (time, filters, search, export, list), legend.

Each is a :class:`branca.element.MacroElement` with a class-level template.
Report text never enters these templates as markup: they hold our own labels,
values from the data escaped with ``|e`` (type, actor and country names) and
the element ids that ``static/webmap/*.js`` binds to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from mapper.webmap.layers import IncidentLayer, stable_id
from mapper.webmap.template import SafeRender, Template

__all__ = [
    "FitView",
    "Header",
    "Legend",
    "MapButtons",
    "Sidebar",
    "TimeAxis",
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

    The date range and the incident count are those of current incidents;
    historical (background) mentions are counted apart.

    Examples
    --------
    >>> h = Header(IncidentLayer({}, [], []), title="<x>", reports=2, incidents=5,
    ...            first="2020-09-27", last="2020-09-28", background=1)
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
    {%- if this.background %} · {{ this.background }} background mention
    {{- "" if this.background == 1 else "s" }} (historical){% endif %}
    {%- if this.unmapped %} · {{ this.unmapped }} without a place (not on the map){% endif %}</span>
  <span class="mapper-count"><span id="mapper-count" aria-live="polite"></span>
    <span class="mapper-why" id="mapper-why"></span></span>
</header>
        {% endmacro %}
        {% macro script(this, kwargs) %}
{{ this.view.get_name() }}.bindCount("mapper-count", "mapper-why");
        {% endmacro %}
        """
    )

    def __init__(self, view: IncidentLayer, *, title: str, reports: int, incidents: int,
                 first: str | None, last: str | None, unmapped: int = 0,
                 background: int = 0) -> None:
        super().__init__()
        stable_id(self, "header")
        self.view = view
        self.title = title
        self.reports = int(reports)
        self.incidents = int(incidents)
        self.first = first
        self.last = last
        self.unmapped = int(unmapped)
        self.background = int(background)


@dataclass(frozen=True)
class TimeAxis:
    """The time slider's axis: the current incidents' dates, in days.

    Attributes
    ----------
    first, last : str or None
        First and last ``YYYY-MM-DD`` of current (non-background) incidents.
    days : int
        Days from ``first`` to ``last``; 0 for one date (the page shows no slider).
    undated : int
        Current incidents without a date.

    Examples
    --------
    >>> TimeAxis.of(["2020-09-29", "2020-09-27", None, "bad"]).days
    2
    >>> TimeAxis.of([None]).first is None
    True
    """

    first: str | None
    last: str | None
    days: int
    undated: int

    @classmethod
    def of(cls, dates: list[str | None]) -> TimeAxis:
        """Return the axis of these event dates (unparseable ones count as undated)."""
        import datetime as dt

        parsed = []
        undated = 0
        for d in dates:
            try:
                parsed.append(dt.date.fromisoformat(str(d)[:10]) if d else None)
            except ValueError:
                parsed.append(None)
            undated += parsed[-1] is None
        known = sorted(p for p in parsed if p is not None)
        if not known:
            return cls(None, None, 0, undated)
        return cls(known[0].isoformat(), known[-1].isoformat(), (known[-1] - known[0]).days,
                   undated)


@dataclass(frozen=True)
class FilterChoices:
    """What the filter panel offers, counted over all incidents (most frequent first).

    Examples
    --------
    >>> FilterChoices(statuses=[("fact", 2)]).statuses
    [('fact', 2)]
    """

    statuses: list[tuple[str, int]] = field(default_factory=list)
    actors: list[tuple[str, int]] = field(default_factory=list)
    countries: list[tuple[str, int]] = field(default_factory=list)
    max_fatalities: int = 0


_TIME = Template(
    """
  <section class="mapper-box" id="mapper-time">
    <h2>Time</h2>
    {%- if this.axis.days > 0 %}
    <div class="mapper-hist" id="mapper-hist" aria-hidden="true"></div>
    <div class="mapper-range">
      <div class="mapper-range-track"></div>
      <div class="mapper-range-fill" id="mapper-range-fill"></div>
      <input type="range" id="mapper-date-from" aria-label="From date"
             min="0" max="{{ this.axis.days }}" value="0" step="1">
      <input type="range" id="mapper-date-to" aria-label="To date"
             min="0" max="{{ this.axis.days }}" value="{{ this.axis.days }}" step="1">
    </div>
    <div class="mapper-range-labels">
      <output id="mapper-date-from-label">{{ this.axis.first|e }}</output>
      <span id="mapper-date-span" class="mapper-muted"></span>
      <output id="mapper-date-to-label">{{ this.axis.last|e }}</output></div>
    <div class="mapper-time-actions">
      <button type="button" class="mapper-action" id="mapper-play"
              aria-pressed="false">▶ Play by day</button>
      <button type="button" class="mapper-action" id="mapper-date-all">Whole period</button>
    </div>
    {%- elif this.axis.first %}
    <p class="mapper-muted">All dated incidents are from {{ this.axis.first|e }}:
      no time filter needed.</p>
    {%- else %}
    <p class="mapper-muted">No incident has a date.</p>
    {%- endif %}
    {%- if this.axis.undated %}
    <label class="mapper-check"><input type="checkbox" id="mapper-undated" checked>
      Show undated incidents ({{ this.axis.undated }})</label>
    {%- endif %}
    <p class="mapper-note">Background (historical) mentions are not filtered by date.</p>
  </section>
"""
)

_FILTERS = Template(
    """
  <section class="mapper-box" id="mapper-filters">
    <h2>Filters</h2>
    <fieldset class="mapper-status-filter"><legend>Status</legend>
      {%- for key, label in (("fact", "Reported as fact"), ("claim", "Claim"),
                             ("disputed", "Disputed claim")) %}
      <label class="mapper-check"><input type="checkbox" data-status="{{ key }}" checked>
        <span class="mapper-mk mapper-tn mapper-{{ key }}"></span>
        {{- " " ~ label }} ({{ this.counts.get(key, 0) }})</label>
      {%- endfor %}
    </fieldset>
    <label class="mapper-field">Actor
      <input type="search" id="mapper-actor" list="mapper-actors" placeholder="Any actor"
             autocomplete="off"></label>
    <datalist id="mapper-actors">
    {%- for name, n in this.choices.actors %}
      <option value="{{ name|e }}">{{ n }}</option>
    {%- endfor %}
    </datalist>
    <label class="mapper-field">Fatalities at least
      <input type="number" id="mapper-fatal" min="0" max="{{ this.choices.max_fatalities }}"
             value="0" step="1" inputmode="numeric"></label>
    {%- if this.choices.countries|length > 1 %}
    <label class="mapper-field">Country
      <select id="mapper-country"><option value="">All countries</option>
      {%- for name, n in this.choices.countries %}
        <option value="{{ name|e }}">{{ name|e }} ({{ n }})</option>
      {%- endfor %}
      </select></label>
    {%- endif %}
    <button type="button" class="mapper-action" id="mapper-reset">Reset all filters</button>
  </section>
"""
)

_REST = Template(
    """
  <section class="mapper-box">
    <h2><label for="mapper-search">Find a place</label></h2>
    <input type="search" id="mapper-search" placeholder="Town, village, region…"
           autocomplete="off" aria-describedby="mapper-search-status">
    <ul class="mapper-search-results" id="mapper-search-results" role="listbox"
        aria-label="Places found"></ul>
    <div class="mapper-search-status" id="mapper-search-status" aria-live="polite"></div>
  </section>
  <section class="mapper-box">
    <h2>Save shown incidents</h2>
    <button type="button" class="mapper-action" id="mapper-export">GeoJSON</button>
    <button type="button" class="mapper-action" id="mapper-export-csv">CSV</button>
  </section>
  <section class="mapper-box mapper-feed-box">
    <h2>Incidents <select id="mapper-sort" aria-label="Order of the list">
      <option value="newest">newest first</option>
      <option value="oldest">oldest first</option></select></h2>
    <div class="mapper-feed-empty" id="mapper-feed-empty" hidden></div>
    <ol class="mapper-feed" id="mapper-feed"></ol>
    <button type="button" class="mapper-action" id="mapper-feed-more" hidden>Show more</button>
  </section>
"""
)


class Sidebar(SafeRender):
    """The side panel: layers, time slider, filters, place search, export and the incident list.

    On a phone it becomes a bottom sheet under the map, opened by its handle.

    Parameters
    ----------
    view : IncidentLayer
    axis : TimeAxis
        The time slider's axis (no slider for one date).
    choices : FilterChoices, optional
        Options of the filter panel.
    places : list, optional
        Unused (kept for compatibility): search places come from the basemap and theatre.
    theatre : TheatreLayer, optional
        Its names and aliases join the place search.
    basemap : BasemapLayer, optional
        Its gazetteer places join the place search.

    Examples
    --------
    >>> Sidebar(IncidentLayer({}, [], []), axis=TimeAxis.of([])).get_name()
    'mapper_sidebar'
    """

    _template = Template(
        """
        {% macro html(this, kwargs) %}
<aside class="mapper-side" id="mapper-side" aria-label="Filters and incident list">
  <button type="button" class="mapper-sheet-handle" id="mapper-sheet-handle"
          aria-controls="mapper-side-body" aria-expanded="false">
    <span class="mapper-sheet-grip"></span><span id="mapper-sheet-label">Filters and list</span>
  </button>
  <div class="mapper-side-body" id="mapper-side-body">
  <section class="mapper-box mapper-layers" id="mapper-layers">
    <h2>Event types and layers</h2>
  </section>
{{ this.section_html() }}
  </div>
</aside>
        {% endmacro %}
        {% macro script(this, kwargs) %}
{%- set v = this.view.get_name() %}
{{ v }}.bindSheet("mapper-side", "mapper-sheet-handle", "mapper-sheet-label");
{{ v }}.bindTime({{ this.time_options|tojson }});
{{ v }}.bindFilters("mapper-filters");
{{ v }}.bindSearch("mapper-search", "mapper-search-results", "mapper-search-status",
  [{%- if this.theatre %}{{ this.theatre.get_name() }}.mapperPlaces{% endif %}
  {%- if this.theatre and this.basemap %}, {% endif %}
  {%- if this.basemap %}{{ this.basemap.get_name() }}.mapperPlaces{% endif %}]);
{{ v }}.bindExport("mapper-export", "mapper-export-csv");
{{ v }}.bindFeed("mapper-feed", "mapper-feed-more", "mapper-sort", "mapper-feed-empty");
        {% endmacro %}
        """
    )

    def __init__(self, view: IncidentLayer, *, axis: TimeAxis,
                 choices: FilterChoices | None = None, theatre: Any = None,
                 basemap: Any = None, **_: Any) -> None:
        super().__init__()
        stable_id(self, "sidebar")
        self.view = view
        self.axis = axis
        self.choices = choices or FilterChoices()
        self.counts = dict(self.choices.statuses)
        self.theatre = theatre
        self.basemap = basemap
        self.time_options = {"first": axis.first, "days": axis.days, "undated": axis.undated}

    def section_html(self) -> str:
        """Return the time, filter, search, export and list sections (rendered once)."""
        return "".join(t.render(this=self) for t in (_TIME, _FILTERS, _REST))


class Legend(SafeRender):
    """The legend, a Leaflet control: type colours, status symbols, precision, theatre, heat.

    It starts folded on a small screen, so the map stays visible.

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
  <div class="mapper-heat-legend" id="mapper-heat-legend" hidden>
    <h3>Heatmap</h3>
    <div class="mapper-heat-bar"></div>
    <div class="mapper-heat-scale"><span>1</span><span id="mapper-heat-max"></span></div>
    <p id="mapper-heat-note"></p>
  </div>
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


class MapButtons(SafeRender):
    """Buttons under the zoom buttons: fit the map to the shown incidents, and full screen.

    Examples
    --------
    >>> MapButtons(IncidentLayer({}, [], [])).get_name()
    'mapper_buttons'
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
Mapper.mapButtons({{ this.view._parent.get_name() }}, {{ this.view.get_name() }}, "topleft");
        {% endmacro %}
        """
    )

    def __init__(self, view: IncidentLayer) -> None:
        super().__init__()
        stable_id(self, "buttons")
        self.view = view


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
