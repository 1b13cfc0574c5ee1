r"""The Jinja template class every mapper map element uses.

It is folium's template (so ``|tojavascript`` works) with a compact ``|tojson``:
no spaces after separators, keys in insertion order and non-ASCII text kept as
UTF-8. Like Jinja's own filter, it escapes ``<``, ``>``, ``&`` and ``'`` so a
value can never close the ``<script>`` it sits in.

Examples
--------
>>> Template("{{ x|tojson }}").render(x={"q": "</script>", "n": [1, 2]})
'{"q":"\\u003c/script\\u003e","n":[1,2]}'
"""

from __future__ import annotations

from typing import Any

import jinja2
from branca.element import Element, Figure, MacroElement
from folium.template import Environment as _FoliumEnvironment

__all__ = ["RenderedText", "SafeRender", "Template", "halo"]


class Environment(_FoliumEnvironment):
    """Folium's environment with compact, order-keeping JSON dumps."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.policies["json.dumps_kwargs"] = {
            "sort_keys": False,
            "separators": (",", ":"),
            "ensure_ascii": False,
        }
        self.filters["halo"] = halo


def halo(color: str, alpha: float = 0.3) -> str:
    """Return ``#rrggbb`` as a translucent ``rgba()`` (for halos that old browsers also draw).

    Examples
    --------
    >>> halo("#d7301f")
    'rgba(215,48,31,0.3)'
    """
    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


class Template(jinja2.Template):
    """A Jinja template rendered in :class:`Environment`."""

    environment_class = Environment


class RenderedText(Element):
    """Text that is already rendered: the page gets it as is, never parsed as a template again.

    Examples
    --------
    >>> RenderedText("{{ 7*7 }}").render()
    '{{ 7*7 }}'
    """

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs: Any) -> str:
        """Return the text unchanged."""
        return self.text


class SafeRender(MacroElement):
    """Render a macro template once, without branca's second pass.

    branca's ``MacroElement.render`` wraps each macro's output in
    ``Element(output)``, which compiles that output as a new Jinja template:
    report text such as ``{{ 7*7 }}`` inside the data would then be
    evaluated (python-visualization/branca, ``MacroElement.render``). Every
    mapper element mixes this in, after the folium base class, so the output
    goes into the page as :class:`RenderedText`.

    Examples
    --------
    >>> class Note(SafeRender):
    ...     _template = Template(
    ...         "{% macro html(this, kwargs) %}<p>{{ this.text|e }}</p>{% endmacro %}")
    ...     def __init__(self, text):
    ...         super().__init__()
    ...         self.text = text
    >>> fig = Figure()
    >>> _ = fig.add_child(Note("{{ 7*7 }} {% if 1 %}x{% endif %}"))
    >>> "<p>{{ 7*7 }} {% if 1 %}x{% endif %}</p>" in fig.render()
    True
    """

    def render(self, **kwargs: Any) -> None:
        """Add this element's header, html and script parts to its figure, then render children."""
        figure = self.get_root()
        if not isinstance(figure, Figure):
            raise TypeError(f"{type(self).__name__} must be inside a Figure to render")
        macros = self._template.module.__dict__
        for part, target in (("header", figure.header), ("html", figure.html),
                             ("script", figure.script)):
            macro = macros.get(part)
            if macro is not None:
                target.add_child(RenderedText(str(macro(self, kwargs))), name=self.get_name())
        for element in self._children.values():
            element.render(**kwargs)
