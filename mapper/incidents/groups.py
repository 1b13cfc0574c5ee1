"""Named armed groups, parties and agencies, as the gazetteer lists them.

The gazetteer keeps a curated list of group names that news names and that
are not places (``static/organisations.csv``); the incident stage asks it
whether a name is one, to tell "al-Shabaab fighters" (a named armed group)
from "Somali fighters".

Examples
--------
>>> group_name("Taliban")
'Taliban'
>>> group_name("Stepanakert") is None
True
"""

from __future__ import annotations

import functools
import logging
from typing import Any

__all__ = ["group_name"]

logger = logging.getLogger(__name__)


@functools.lru_cache(maxsize=1)
def _lookup() -> Any:
    try:
        from mapper.gazetteer import load_gazetteer

        return load_gazetteer().organisation
    except Exception as err:  # noqa: BLE001 - without the list, groups are unnamed
        logger.info("no organisation names: %s", err)
        return None


@functools.lru_cache(maxsize=4096)
def group_name(text: str) -> str | None:
    """Return the canonical name of a listed group ``text`` names, or None."""
    lookup = _lookup()
    if lookup is None or not text or not text[:1].isalpha():
        return None
    try:
        found = lookup(text)
    except Exception:  # noqa: BLE001 - an odd string is just not a group
        return None
    if not found:
        return None
    return found if isinstance(found, str) else text
