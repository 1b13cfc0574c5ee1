"""Front-end assets, read from pinned packages and inlined into the map.

Leaflet and Leaflet.markercluster come from the PyPI ``xstatic-*`` packages,
the heatmap plugin and the Natural Earth outlines from ``frontend/`` (npm,
``npm ci --prefix frontend``), and our own CSS and JavaScript from
``static/webmap/``. Nothing is fetched at view time: every script, style and
image ends up inside the one HTML file. Each map gets its own
:class:`AssetBundle`; no class-level list is ever changed.
"""

from __future__ import annotations

import base64
import functools
import logging
import mimetypes
import re
from dataclasses import dataclass
from pathlib import Path

from mapper._paths import STATIC_DIR
from mapper.webmap.template import SafeRender, Template

__all__ = [
    "Asset",
    "AssetBundle",
    "MissingAssetError",
    "core_assets",
    "frontend_path",
    "heat_asset",
]

logger = logging.getLogger(__name__)

WEBMAP_STATIC = STATIC_DIR / "webmap"
FRONTEND_MODULES = STATIC_DIR.parent / "frontend" / "node_modules"

_URL_RE = re.compile(r"url\(\s*(['\"]?)([^'\")]+)\1\s*\)")
_SOURCEMAP_RE = re.compile(r"^\s*(//|/\*)# sourceMappingURL=.*$", re.MULTILINE)


class MissingAssetError(FileNotFoundError):
    """A front-end file the map needs is not installed."""


@dataclass(frozen=True, slots=True)
class Asset:
    r"""One script or style sheet, with its text ready to inline.

    Parameters
    ----------
    name : str
        Short unique name (``"leaflet"``).
    kind : {"js", "css"}
    text : str
        The code itself, already safe to put between ``<script>`` or ``<style>`` tags.
    notice : str
        Credit and licence, written in a comment before the code.

    Examples
    --------
    >>> Asset("x", "js", "var a = '</script>';").text
    "var a = '<\\/script>';"
    >>> Asset("x", "png", "")
    Traceback (most recent call last):
    ...
    ValueError: Asset kind must be 'js' or 'css', not 'png'
    """

    name: str
    kind: str
    text: str
    notice: str = ""

    def __post_init__(self) -> None:  # noqa: D105
        if self.kind not in ("js", "css"):
            raise ValueError(f"Asset kind must be 'js' or 'css', not {self.kind!r}")
        if "*/" in self.notice:
            raise ValueError("an asset notice cannot contain '*/'")
        closing = "</script" if self.kind == "js" else "</style"
        text = re.sub(re.escape(closing), "<\\\\/" + closing[2:], self.text, flags=re.IGNORECASE)
        object.__setattr__(self, "text", text)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as err:
        raise MissingAssetError(
            f"front-end file {path} is missing; install mapper with its front-end "
            "packages (pip install -e . && npm ci --prefix frontend)"
        ) from err


def _data_uri(path: Path) -> str:
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{mime};base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def inline_css_urls(css: str, base: Path) -> str:
    """Replace relative ``url(...)`` references in ``css`` by data URIs of the files under ``base``.

    Fragment-only and ``data:`` URLs stay; a reference to a missing file is
    dropped (``url()``) so the page never asks for it.

    Examples
    --------
    >>> inline_css_urls("a{behavior:url(#default#VML)}", Path("."))
    'a{behavior:url(#default#VML)}'
    >>> inline_css_urls("a{background:url(images/none.png)}", Path("/nonexistent"))
    'a{background:none}'
    """

    def repl(m: re.Match[str]) -> str:
        url = m.group(2).strip()
        if url.startswith(("#", "data:")):
            return m.group(0)
        path = base / url.split("?")[0].split("#")[0]
        if not path.is_file():
            logger.warning("CSS in %s refers to missing %s; dropped", base, url)
            return "none"
        return f"url({_data_uri(path)})"

    return _URL_RE.sub(repl, css)


def _js(name: str, path: Path, notice: str = "") -> Asset:
    return Asset(name, "js", _SOURCEMAP_RE.sub("", _read(path)), notice)


def _css(name: str, path: Path, notice: str = "") -> Asset:
    css = inline_css_urls(_read(path), path.parent)
    return Asset(name, "css", _SOURCEMAP_RE.sub("", css), notice)


@functools.lru_cache(maxsize=1)
def core_assets() -> tuple[Asset, ...]:
    """Return Leaflet, Leaflet.markercluster and mapper's own code, in load order.

    mapper's code is three scripts: ``mapper.js`` (the incidents, filters,
    popups and fly-to), ``panel.js`` (the side panel and legend) and
    ``basemap.js`` (the offline basemap, labels, theatre overlay and map buttons).

    Returns
    -------
    tuple of Asset

    Raises
    ------
    MissingAssetError
        When a file is not installed.

    Examples
    --------
    >>> [a.name for a in core_assets()]  # doctest: +NORMALIZE_WHITESPACE
    ['leaflet.css', 'markercluster.css', 'mapper.css', 'leaflet', 'markercluster', 'mapper',
     'mapper.panel', 'mapper.basemap']
    >>> "data:image/png;base64," in core_assets()[0].text
    True
    """
    import xstatic.pkg.leaflet as xleaflet
    import xstatic.pkg.leaflet_markercluster as xcluster

    leaflet = Path(xleaflet.BASE_DIR)
    cluster = Path(xcluster.BASE_DIR)
    leaflet_notice = (f"Leaflet {xleaflet.VERSION}, BSD-2-Clause, (c) 2010-2022 Vladimir "
                      "Agafonkin, (c) 2010-2011 CloudMade; from PyPI XStatic-Leaflet")
    cluster_notice = (f"Leaflet.markercluster {xcluster.VERSION}, MIT, (c) 2012 David Leaver; "
                      "from PyPI XStatic-Leaflet-MarkerCluster")
    mapper_notice = "mapper's own map code (static/webmap), MIT"
    return (
        _css("leaflet.css", leaflet / "leaflet.css", leaflet_notice),
        _css("markercluster.css", cluster / "MarkerCluster.css", cluster_notice),
        _css("mapper.css", WEBMAP_STATIC / "mapper.css", mapper_notice),
        _js("leaflet", leaflet / "leaflet.js", leaflet_notice),
        _js("markercluster", cluster / "leaflet.markercluster.js", cluster_notice),
        _js("mapper", WEBMAP_STATIC / "mapper.js", mapper_notice),
        _js("mapper.panel", WEBMAP_STATIC / "panel.js", mapper_notice),
        _js("mapper.basemap", WEBMAP_STATIC / "basemap.js", mapper_notice),
    )


def frontend_path(*parts: str) -> Path:
    """Return the path of a file installed by ``npm ci --prefix frontend``.

    Examples
    --------
    >>> frontend_path("world-atlas", "countries-110m.json").name
    'countries-110m.json'
    """
    return FRONTEND_MODULES.joinpath(*parts)


@functools.lru_cache(maxsize=1)
def heat_asset() -> Asset | None:
    """Return the Leaflet.heat plugin, or None (with a warning) when it is not installed.

    Examples
    --------
    >>> heat_asset().name
    'leaflet.heat'
    """
    path = frontend_path("leaflet.heat", "dist", "leaflet-heat.js")
    if not path.is_file():
        logger.warning("%s is missing (run npm ci --prefix frontend): no heatmap layer", path)
        return None
    return _js("leaflet.heat", path, "Leaflet.heat 0.2.0 with simpleheat, BSD-2-Clause, "
               "(c) 2014 Vladimir Agafonkin; from npm leaflet.heat (frontend/)")


class AssetBundle(SafeRender):
    r"""Inline a list of assets into the page's ``<head>``.

    Parameters
    ----------
    assets : sequence of Asset
        Rendered in order: styles as ``<style>``, scripts as ``<script>``.

    Examples
    --------
    >>> import folium
    >>> fig = folium.Figure()
    >>> _ = fig.add_child(AssetBundle([Asset("a", "js", "var a = 1;")]))
    >>> "<script>/* a */\nvar a = 1;</script>" in fig.render()
    True
    """

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        {%- for asset in this.assets %}
        {%- if asset.kind == "css" %}
<style>/* {{ asset.notice or asset.name }} */
{{ asset.text }}</style>
        {%- else %}
<script>/* {{ asset.notice or asset.name }} */
{{ asset.text }}</script>
        {%- endif %}
        {%- endfor %}
        {% endmacro %}
        """
    )

    def __init__(self, assets: list[Asset] | tuple[Asset, ...]) -> None:
        super().__init__()
        self._name = "mapper"
        self._id = "assets"
        self.assets = tuple(assets)
