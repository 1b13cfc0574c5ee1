"""The Jinja template class every mapper map element uses.

It is folium's template (so ``|tojavascript`` works) with a compact ``|tojson``:
no spaces after separators, keys in insertion order and non-ASCII text kept as
UTF-8. Like Jinja's own filter, it escapes ``<``, ``>``, ``&`` and ``'`` so a
value can never close the ``<script>`` it sits in.

Examples
--------
>>> Template("{{ x|tojson }}").render(x={"q": "</script>", "n": [1, 2]})
'{"q":"\\\\u003c/script\\\\u003e","n":[1,2]}'
"""

from __future__ import annotations

from typing import Any

import jinja2
from folium.template import Environment as _FoliumEnvironment

__all__ = ["Template"]


class Environment(_FoliumEnvironment):
    """Folium's environment with compact, order-keeping JSON dumps."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.policies["json.dumps_kwargs"] = {
            "sort_keys": False,
            "separators": (",", ":"),
            "ensure_ascii": False,
        }


class Template(jinja2.Template):
    """A Jinja template rendered in :class:`Environment`."""

    environment_class = Environment
