"""Where mapper finds its own data files and keeps its caches."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["STATIC_DIR", "cache_dir"]

# static/ sits beside the package in the source tree (the project installs editable).
STATIC_DIR = Path(__file__).resolve().parent.parent / "static"


def cache_dir() -> Path:
    """Return the directory for built indexes and caches, creating it if needed.

    ``$MAPPER_CACHE_DIR`` wins, then ``$XDG_CACHE_HOME/mapper``, then ``~/.cache/mapper``.

    >>> cache_dir().is_dir()
    True
    """
    base = os.environ.get("MAPPER_CACHE_DIR")
    if base:
        path = Path(base)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        path = (Path(xdg) if xdg else Path.home() / ".cache") / "mapper"
    path.mkdir(parents=True, exist_ok=True)
    return path
