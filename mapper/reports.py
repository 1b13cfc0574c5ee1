"""Read news reports from files, folders or stdin into :class:`Report` records.

Supported formats: ``.txt``, ``.md`` (and files without a suffix), ``.html``/``.htm``
(visible text only), ``.json``/``.jsonl`` (fields ``text``, ``title``, ``date``,
``url``) and ``.csv`` with a ``text`` column.

Offsets used anywhere in mapper index into :attr:`Report.text`. For text and
Markdown files that is the file itself as Python reads it in text mode, so a
quote's ``start``/``end`` can be checked against the file with any tool.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import logging
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from pathlib import Path

from mapper.datelines import LABELS, TITLED_DATELINE_RE
from mapper.errors import ReportReadError

__all__ = [
    "Report",
    "SUFFIXES",
    "read_reports",
    "read_report_file",
    "parse_text_report",
    "find_dateline",
    "count_reports",
]

logger = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text", ""})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
CSV_SUFFIXES = frozenset({".csv"})
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | CSV_SUFFIXES
# Read record by record, so a feed of any size never sits in memory whole.
_JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
_STREAMED = _JSONL_SUFFIXES | CSV_SUFFIXES

# Reports longer than this are almost certainly not news reports (a dump, a binary).
MAX_BYTES = 20_000_000
# spaCy's default max_length: a longer text must be split before it can be parsed.
MAX_CHARS = 1_000_000


@dataclass(frozen=True, slots=True)
class Report:
    """One news report.

    Parameters
    ----------
    id : str
        Name cited in incident sources: the path relative to the folder given
        on the command line, ``"stdin"``, or ``"feed.jsonl#3"`` for the third
        record of a multi-record file.
    path : str or None
        File the report came from.
    text : str
        The report's text; every offset in mapper indexes into it.
    title, url : str or None
        From the format's metadata when present.
    published : datetime.date or None
        Publication date from a leading ``date YYYY-MM-DD`` line, front matter,
        HTML metadata or a ``date`` field.
    dateline : str or None
        The place of writing ("Baku, Azerbaijan"), which is not an incident place.
    dateline_span : tuple of int or None
        Offsets of the dateline's place in ``text``.
    body_start : int
        Offset where the body starts, after a date line or front matter.
    title_span : tuple of int or None
        Offsets of the title's line when it stands before ``body_start`` (a
        header's ``Title:`` field, a headline above its date line): the
        header's other fields name the outlet, never the news.

    Examples
    --------
    >>> r = Report(id="a.txt", path=None, text="Baku, Azerbaijan – Shelling went on.")
    >>> r.text[:4]
    'Baku'
    >>> Report(id="", path=None, text="x")
    Traceback (most recent call last):
    ...
    ValueError: Report.id must be a non-empty string
    """

    id: str
    path: str | None
    text: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    dateline: str | None = None
    dateline_span: tuple[int, int] | None = None
    body_start: int = 0
    title_span: tuple[int, int] | None = None

    def __post_init__(self) -> None:
        """Reject records that would break offsets downstream."""
        if not isinstance(self.id, str) or not self.id:
            raise ValueError("Report.id must be a non-empty string")
        if not isinstance(self.text, str):
            raise TypeError(f"Report.text must be str, not {type(self.text).__name__}")
        for name in ("dateline_span", "title_span"):
            span = getattr(self, name)
            if span is not None and not 0 <= span[0] <= span[1] <= len(self.text):
                raise ValueError(f"{name} {span} outside the text")


# --------------------------------------------------------------------------- dates

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DATE_LINE = re.compile(
    r"\s*(?:date|published|dated?)\s*:?\s+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?", re.I
)
# A headline line (no date of its own) directly followed by a date line.
_TITLE_THEN_DATE = re.compile(
    r"[ \t]*(?P<title>[^\n]{1,300})\n(?=[ \t]*(?:date|published|dated?)\s*:?\s+\d{4}-\d{2}-\d{2})",
    re.I,
)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.S)
# The same fields as a mail-style header: "Title: ...", "Source: ...", "Date: ..." lines
# up to the first blank line, as reports are saved from feeds and clipping tools.
_HEADER = re.compile(
    r"\A((?:[ \t]*(?:title|headline|source|outlet|date|published|url|link|author|byline)"
    r"[ \t]*:[^\n]*\n)+)[ \t]*\n",
    re.I,
)


def _parse_date(value: object) -> dt.date | None:
    """Return the first ISO date in ``value``, or None.

    >>> _parse_date("2020-09-27T08:00:00Z")
    datetime.date(2020, 9, 27)
    >>> _parse_date("yesterday") is None
    True
    """
    if value is None:
        return None
    m = _ISO_DATE.search(str(value))
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


# --------------------------------------------------------------------------- datelines

# "Baku, Azerbaijan –", "TROY, N.C. (AP) —", "MOSCOW, Sept 27 (Reuters) -": a few
# capitalised words (the place), an optional date and agency, then a dash. Country names
# after the comma may hold lower-case joiners ("Democratic Republic of Congo").
_DATELINE = re.compile(
    r"(?P<place>[A-Z][\w.'’-]*(?:(?:,?[ \t]+|/)(?:[A-Z][\w.'’-]*|de|al|el|la))*"
    r"(?:,[ \t]*[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|of|the|and|de|du|al|el|la))*)?)"
    r"(?:,?[ \t]+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2}"
    r"(?:,?[ \t]+\d{4})?,?)?"
    # the agency, in capitals or not: "(Reuters)", "(dpa/GNA)"
    r"(?:,?[ \t]*\((?:[A-Za-z][\w&./'’ -]{0,30})\))?"
    # a hyphen stuck to the word before is the word broken ("Al- Shabaab members"), not a
    # dateline's dash, which stands apart ("KYIV (Reuters) - ", "BAMAKO, Mali — "); a dash
    # may stick to both words: "ZAMBOANGA CITY—Government forces battled Abu Sayyaf bandits
    # in Basilan" (Philippine Daily Inquirer, April 2016), ". FALLS VILLAGE—The" (LGL)
    r"(?:(?:[ \t]*[–—]|[ \t]+--?|--)[ \t]+(?=\S)|[–—](?=[A-Z]))"
)
_MAX_DATELINE_WORDS = 6
# "Lagos: Nigerian police said ...", "Ouagadougou: On October 30, militants ...": the
# place of writing before a colon, as South Asian outlets print wire copy (Mangalorean
# for Xinhua, 2019; Pakistan Today for AFP, 2023). One to three capitalised words.
_COLON_DATELINE = re.compile(r"(?P<place>[A-Z][\w'’-]+(?:[ \t][A-Z][\w'’-]+){0,2}):[ \t]+(?=[A-Z])")


def find_dateline(text: str, start: int = 0) -> tuple[str, tuple[int, int]] | None:
    """Find a dateline (the place of writing) at ``start``.

    Parameters
    ----------
    text : str
        The report text.
    start : int
        Offset where the body begins.

    Returns
    -------
    tuple or None
        ``(place, (begin, end))`` with offsets of the place in ``text``.

    Examples
    --------
    >>> find_dateline("Baku, Azerbaijan – Long tensions flared.")
    ('Baku, Azerbaijan', (0, 16))
    >>> find_dateline("TROY, N.C. (AP) — A fire broke out.")
    ('TROY, N.C.', (0, 10))
    >>> find_dateline("ISLAMABAD/NEW DELHI, February 26 (Reuters) - India said ...")
    ('ISLAMABAD/NEW DELHI', (0, 19))
    >>> find_dateline("Kabul, June 8, (dpa/GNA) - Taliban insurgents captured two districts.")
    ('Kabul', (0, 5))
    >>> find_dateline("Lagos: Nigerian police said gunmen raided a village.")
    ('Lagos', (0, 5))
    >>> find_dateline("Kano, Nigeria: At least two people were killed.")
    ('Kano, Nigeria', (0, 13))
    >>> find_dateline("Lagos, June 3 (IANS) Nigerian Police said 15 people died.")
    ('Lagos', (0, 5))
    >>> find_dateline("Armenia and Azerbaijan – both sides...") is None
    True
    >>> find_dateline("Al- Shabaab members attacked a military base.") is None
    True
    >>> find_dateline("ZAMBOANGA CITY—Government forces battled the group.")
    ('ZAMBOANGA CITY', (0, 14))
    >>> find_dateline("Baku–Tbilisi pipeline was hit.") is None
    True
    """
    at = start + (len(text[start:]) - len(text[start:].lstrip()))
    m = _DATELINE.match(text, at) or _COLON_DATELINE.match(text, at)
    if not m:
        m = TITLED_DATELINE_RE.match(text, at)  # "Kano, Nigeria:", "Lagos, June 3 (IANS)"
        if m is None or m["place"].lower() in LABELS:
            return None
        end = m.end("region") if m["region"] else m.end("place")
        return text[m.start("place") : end], (m.start("place"), end)
    place = m["place"]
    if len(place.replace(",", " ").split()) > _MAX_DATELINE_WORDS:
        return None
    if text[m.end() - 1] in "–—" and not place.isupper():
        return None  # a dash stuck to both words only after a town in capitals: "Baku–Tbilisi"
    return place, (m.start("place"), m.end("place"))


_HEAD_LINE = re.compile(r"[ \t]*(?P<line>[^\n]*)(?:\n|\Z)")
#: Lines above a story's first paragraph: a byline, a time stamp.
_BYLINE = re.compile(r"(?:by|published|updated|posted|last updated)\b", re.IGNORECASE)


def lede_start(text: str, start: int = 0, *, lines: int = 6) -> int:
    r"""Return where a story's first paragraph begins: after its headline, byline, time stamp.

    Saved news pages open with the headline, then perhaps a byline or a time
    stamp, and only then the dateline and the lede ("Gunmen kill 12 villagers
    in Nigeria" above "Lagos: Nigerian police said ...", Mangalorean for
    Xinhua; "Britons urged to leave Mali ..." above "By Daily Mail Reporter"
    and "Published: 13:52, 31 March 2012", [news-dev 01]). A line that ends
    like a sentence, or runs long, is prose: the story starts there, and only
    there a dateline is read (a headline such as "Somalia: Al-Shabaab Carries
    Out Deadly Attack on Military Base", VOA 2017, names no place of writing).

    >>> t = "Gunmen kill 12 in Katsina\n\nBy Staff Reporter\n\nLagos: Police said ..."
    >>> t[lede_start(t):][:6]
    'Lagos:'
    >>> lede_start("Shells fell on the town.\nMore fell.")
    0
    """
    pos = start
    seen = 0
    while seen < lines:
        m = _HEAD_LINE.match(text, pos)
        if m is None or m.end() == pos:
            break
        line = m["line"].rstrip()
        seen += bool(line)  # blank lines between a page's header lines count for none
        prose = line and (line[-1] in '.!?"”’:' or len(line.split()) > 25)
        if prose and not _BYLINE.match(line):
            return m.start("line")
        pos = m.end()
    return start


# --------------------------------------------------------------------------- formats


#: Header keys whose value is the report's headline.
_TITLE_KEYS = ("title", "headline")


def _title_line(block: str, start: int) -> tuple[int, int] | None:
    """Return the offsets of a header block's title line; ``start`` is the block's offset."""
    at = start
    for line in block.splitlines(keepends=True):
        key, sep, _ = line.partition(":")
        if sep and key.strip().lower() in _TITLE_KEYS:
            return at, at + len(line.rstrip("\n"))
        at += len(line)
    return None


def _header_fields(block: str) -> tuple[dt.date | None, str | None, str | None]:
    """Return the publication date, title and address a front-matter or header block gives."""
    published = title = url = None
    for line in block.splitlines():
        key, sep, value = line.partition(":")
        if not sep:
            continue
        key, value = key.strip().lower(), value.strip().strip("'\"")
        if key in ("date", "published", "published_at", "pubdate"):
            published = _parse_date(value)
        elif key in _TITLE_KEYS:
            title = value or None
        elif key in ("url", "link") or (key == "source" and value.startswith("http")):
            url = value or None
    return published, title, url


def parse_text_report(text: str, *, report_id: str, path: str | None = None) -> Report:
    r"""Build a :class:`Report` from plain text or Markdown.

    A front-matter block (``---`` ... ``---``) or a leading ``date YYYY-MM-DD``
    gives the publication date; a dateline after it gives the place of writing.

    Examples
    --------
    >>> r = parse_text_report("date 2020-09-27\nBaku, Azerbaijan – Shells fell.", report_id="x")
    >>> r.published, r.dateline, r.text[r.body_start:r.body_start + 4]
    (datetime.date(2020, 9, 27), 'Baku, Azerbaijan', 'Baku')

    A headline may come first, with the date line under it:

    >>> r = parse_text_report("Shelling hits town\ndate 2020-09-27\n\nShells fell.", report_id="x")
    >>> r.title, r.published, r.text[r.body_start:].strip()
    ('Shelling hits town', datetime.date(2020, 9, 27), 'Shells fell.')

    So may a mail-style header, up to its first blank line:

    >>> head = "Title: Shelling hits town\nSource: A wire\nDate: 2020-09-27\n"
    >>> r = parse_text_report(head + "\nShells fell.", report_id="x")
    >>> r.title, r.published, r.url, r.text[r.body_start:].strip()
    ('Shelling hits town', datetime.date(2020, 9, 27), None, 'Shells fell.')
    """
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    body_start = 0
    title_span: tuple[int, int] | None = None
    fm = _FRONT_MATTER.match(text) or _HEADER.match(text)
    if fm:
        published, title, url = _header_fields(fm[1])
        body_start = fm.end()
        title_span = _title_line(fm[1], fm.start(1))
    else:
        dm = _DATE_LINE.match(text)
        tm = None if dm else _TITLE_THEN_DATE.match(text)
        if tm:
            # Saved web pages often put the headline first and the date line under it.
            title = tm["title"].strip()
            title_span = tm.span("title")
            dm = _DATE_LINE.match(text, tm.end("title") + 1)
        if dm:
            published = _parse_date(dm[1])
            body_start = dm.end()
    if title is None:
        heading = re.match(r"[ \t]*#[ \t]+(.+)\n", text[body_start:])
        if heading:
            title = heading[1].strip()
    dl = find_dateline(text, lede_start(text, body_start))
    return Report(
        id=report_id,
        path=path,
        text=text,
        title=title,
        published=published,
        url=url,
        dateline=dl[0] if dl else None,
        dateline_span=dl[1] if dl else None,
        body_start=body_start,
        title_span=title_span,
    )


class _VisibleText(HTMLParser):
    """Collect the text a browser would show, with blocks on their own lines."""

    _HIDDEN = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe"})
    _BLOCK = frozenset(
        {
            "p",
            "div",
            "br",
            "li",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "tr",
            "section",
            "article",
            "header",
            "footer",
            "blockquote",
            "figcaption",
            "pre",
            "table",
            "ul",
            "ol",
        }
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.title: list[str] = []
        self.in_title = False
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        elif tag in self._HIDDEN:
            self.hidden += 1
        elif tag == "meta":
            a = {k.lower(): (v or "") for k, v in attrs}
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and "content" in a:
                self.meta.setdefault(key, a["content"])
        elif tag == "time":
            a = {k.lower(): (v or "") for k, v in attrs}
            if "datetime" in a:
                self.meta.setdefault("time", a["datetime"])
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in self._HIDDEN and self.hidden:
            self.hidden -= 1
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.hidden:
            self.parts.append(data)


def _html_report(markup: str, *, report_id: str, path: str | None) -> Report:
    parser = _VisibleText()
    parser.feed(markup)
    parser.close()
    raw = "".join(parser.parts)
    lines = [re.sub(r"[ \t\r\f\v\xa0]+", " ", line).strip() for line in raw.split("\n")]
    text = "\n\n".join(line for line in lines if line)
    base = parse_text_report(text, report_id=report_id, path=path)
    meta = parser.meta
    published = base.published or _parse_date(
        meta.get("article:published_time")
        or meta.get("datepublished")
        or meta.get("date")
        or meta.get("time")
    )
    title = (" ".join("".join(parser.title).split()) or None) or meta.get("og:title")
    return replace(base, title=title, published=published, url=meta.get("og:url"))


def _record_report(rec: object, *, report_id: str, path: str | None) -> Report:
    """One JSON object or CSV row with a ``text`` field."""
    if not isinstance(rec, dict):
        raise ReportReadError(f"cannot read {report_id!r}: expected an object with a 'text' field")
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ReportReadError(f"cannot read {report_id!r}: no 'text' field, or it is empty")
    base = parse_text_report(_normalise_newlines(text), report_id=report_id, path=path)
    title = rec.get("title")
    url = rec.get("url")
    return replace(
        base,
        title=str(title) if title else base.title,
        published=_parse_date(rec.get("date") or rec.get("published")) or base.published,
        url=str(url) if url else base.url,
    )


def _records(
    records: list[object], *, name: str, path: str | None
) -> list[Report | ReportReadError]:
    """One report per record; a bad record becomes its own error, not the whole file's."""
    out: list[Report | ReportReadError] = []
    for i, rec in enumerate(records, 1):
        if isinstance(rec, ReportReadError):  # a JSON line that did not decode
            out.append(rec)
            continue
        try:
            out.append(_record_report(rec, report_id=f"{name}#{i}", path=path))
        except ReportReadError as err:
            out.append(err)
    return out


def _json_line(line: str, number: int, name: str) -> object:
    try:
        return json.loads(line)
    except json.JSONDecodeError as err:
        return ReportReadError(f"cannot read '{name}#{number}': invalid JSON at column {err.colno}")


def _json_reports(
    text: str, *, name: str, path: str | None, lines: bool
) -> list[Report | ReportReadError]:
    if lines:
        rows = [line for line in text.splitlines() if line.strip()]
        return _records(
            [_json_line(r, i, name) for i, r in enumerate(rows, 1)], name=name, path=path
        )
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise ReportReadError(
            f"cannot read {name!r}: invalid JSON at line {err.lineno} column {err.colno}"
        ) from err
    if not isinstance(data, list):
        return [_record_report(data, report_id=name, path=path)]
    return _records(data, name=name, path=path)


def _csv_reports(text: str, *, name: str, path: str | None) -> list[Report | ReportReadError]:
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "text" not in reader.fieldnames:
        raise ReportReadError(f"cannot read {name!r}: a CSV of reports needs a 'text' column")
    return _records(list(reader), name=name, path=path)


def _normalise_newlines(text: str) -> str:
    # Python's text mode does the same, so offsets agree with open(path).read().
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, *, name: str, encoding: str) -> str:
    if not data.strip():
        raise ReportReadError(f"cannot read {name!r}: the file is empty")
    if b"\x00" in data[:8192]:
        raise ReportReadError(f"cannot read {name!r}: looks like a binary file, not text")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        raise ReportReadError(
            f"cannot read {name!r}: not valid {encoding} (byte 0x{data[err.start]:02x} at offset "
            f"{err.start}); re-save it as UTF-8 or pass --encoding (e.g. --encoding cp1251)"
        ) from err
    except LookupError as err:
        raise ReportReadError(f"cannot read {name!r}: unknown encoding {encoding!r}") from err
    return _normalise_newlines(text)


def parse_report_bytes(
    data: bytes,
    *,
    name: str,
    suffix: str,
    path: str | None = None,
    encoding: str = "utf-8",
    on_error: Callable[[ReportReadError], None] | None = None,
) -> list[Report]:
    r"""Parse the bytes of one input into reports (several for JSON lists, JSONL, CSV).

    A bad record of a multi-record file (no ``text``, broken JSON line) is
    passed to ``on_error`` and the other records are kept; without
    ``on_error`` it is raised.

    Raises
    ------
    ReportReadError
        When the input is empty, binary, wrongly encoded or malformed.

    Examples
    --------
    >>> data = b'[{"text": "a"}, {"text": "b"}]'
    >>> [r.id for r in parse_report_bytes(data, name="f.json", suffix=".json")]
    ['f.json#1', 'f.json#2']
    >>> parse_report_bytes(b"\xcf\xf0\xe8", name="ru.txt", suffix=".txt")
    Traceback (most recent call last):
    ...
    mapper.errors.ReportReadError: cannot read 'ru.txt': not valid utf-8 ... cp1251)
    """
    suffix = suffix.lower()
    if suffix not in SUFFIXES:
        raise ReportReadError(
            f"cannot read {name!r}: unsupported format {suffix!r}; "
            "use .txt, .md, .html, .json, .jsonl or .csv"
        )
    if len(data) > MAX_BYTES:
        raise ReportReadError(f"cannot read {name!r}: larger than {MAX_BYTES // 1_000_000} MB")
    text = _decode(data, name=name, encoding=encoding)
    if text.startswith("\ufeff"):
        text = text[1:]
    if suffix in HTML_SUFFIXES:
        report = _html_report(text, report_id=name, path=path)
        if not report.text.strip():
            raise ReportReadError(f"cannot read {name!r}: the page has no visible text")
        return [report]
    if suffix in JSON_SUFFIXES:
        items = _json_reports(text, name=name, path=path, lines=suffix != ".json")
    elif suffix in CSV_SUFFIXES:
        items = _csv_reports(text, name=name, path=path)
    else:
        return [parse_text_report(text, report_id=name, path=path)]
    for item in items:
        if isinstance(item, ReportReadError):
            _fail(item, on_error)
    return [item for item in items if isinstance(item, Report)]


def read_report_file(
    path: Path,
    *,
    name: str | None = None,
    encoding: str = "utf-8",
    on_error: Callable[[ReportReadError], None] | None = None,
) -> list[Report]:
    """Read one report file (several reports for JSON lists, JSONL and CSV).

    Raises
    ------
    ReportReadError
        Naming the file and the problem.
    """
    name = name or path.name
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ReportReadError(f"cannot read {name!r}: {err.strerror or err}") from err
    return parse_report_bytes(
        data, name=name, suffix=path.suffix, path=str(path), encoding=encoding, on_error=on_error
    )


def _walk(folder: Path) -> Iterator[Path]:
    """Yield the files under ``folder`` lazily, in sorted path order, skipping hidden entries.

    The order is that of ``sorted(folder.rglob("*"))``; symbolic links to
    folders are not followed (as ``rglob`` does not), links to files are.
    """
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and not entry.is_symlink():
            yield from _walk(Path(entry.path))
        elif entry.is_file():
            yield Path(entry.path)


def _expand(inputs: Iterable[str | Path]) -> Iterator[tuple[str | None, Path | None, str]]:
    """Yield (display name, path, error) for every input file; folders recursively."""
    for item in inputs:
        if str(item) == "-":
            yield "stdin", None, ""
            continue
        p = Path(item)
        if p.is_dir():
            empty = True
            for f in _walk(p):
                empty = False
                yield f.relative_to(p).as_posix(), f, ""
            if empty:
                yield str(p), None, f"cannot read {str(p)!r}: the folder holds no files"
        elif p.is_file():
            yield p.name, p, ""
        else:
            yield str(p), None, f"cannot read {str(p)!r}: no such file or folder"


def count_reports(inputs: Iterable[str | Path]) -> int | None:
    r"""Estimate how many reports ``inputs`` hold, cheaply, for a progress bar.

    A file is one report, a JSONL file one per non-blank line, a CSV file one
    per line after the header (a quoted newline makes it an over-estimate).
    None when stdin is among the inputs.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("x", encoding="utf-8")
    >>> _ = (d / "f.jsonl").write_text('{"text": "a"}\n\n{"text": "b"}\n', encoding="utf-8")
    >>> count_reports([d])
    3
    """
    total = 0
    for _name, path, problem in _expand(inputs):
        if path is None:
            if not problem:
                return None
            continue
        suffix = path.suffix.lower()
        if suffix in _STREAMED:
            try:
                with path.open("rb") as f:
                    lines = sum(1 for line in f if line.strip())
            except OSError:
                continue
            total += max(0, lines - (suffix in CSV_SUFFIXES))
        else:
            total += 1
    return total


def _check_head(f: io.BufferedReader, name: str) -> None:
    head = f.read(8192)
    if not head.strip():
        raise ReportReadError(f"cannot read {name!r}: the file is empty")
    if b"\x00" in head:
        raise ReportReadError(f"cannot read {name!r}: looks like a binary file, not text")
    f.seek(0)


def _stream_records(
    path: Path, *, name: str, encoding: str, on_error: Callable[[ReportReadError], None] | None
) -> Iterator[Report]:
    """Read a JSONL or CSV file record by record, never the whole file at once.

    Raises
    ------
    ReportReadError
        When the file cannot be opened or decoded; the records read before
        a decoding error are kept.
    """
    lines = path.suffix.lower() in _JSONL_SUFFIXES
    try:
        with path.open("rb") as raw:
            _check_head(raw, name)
            # A UTF-8 byte-order mark is not part of the first record.
            codec = "utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding
            if lines:
                records = _jsonl_records(raw, name, codec)
            else:  # the csv module wants newlines untranslated
                records = _csv_records(io.TextIOWrapper(raw, encoding=codec, newline=""), name)
            for number, rec in enumerate(records, 1):
                report_id = f"{name}#{number}"
                try:
                    if isinstance(rec, ReportReadError):  # a JSON line that did not decode
                        raise rec
                    yield _record_report(rec, report_id=report_id, path=str(path))
                except ReportReadError as err:
                    _fail(err, on_error)
    except OSError as err:
        if isinstance(err, ReportReadError):
            raise
        raise ReportReadError(f"cannot read {name!r}: {err.strerror or err}") from err
    except UnicodeDecodeError as err:
        raise ReportReadError(
            f"cannot read {name!r}: not valid {encoding} from a point on (byte 0x"
            f"{err.object[err.start]:02x}); re-save it as UTF-8 or pass --encoding"
        ) from err
    except LookupError as err:
        raise ReportReadError(f"cannot read {name!r}: unknown encoding {encoding!r}") from err


def _jsonl_records(raw: io.BufferedReader, name: str, codec: str) -> Iterator[object]:
    """Yield each record of a JSONL file; a line that does not decode is that record's error."""
    base = "utf-8" if codec == "utf-8-sig" else codec
    if "\n".encode(base) != b"\n":  # UTF-16 and the like: lines are not bytes apart
        lines: Iterable[str | bytes] = io.TextIOWrapper(raw, encoding=codec)
    else:
        lines = raw
    number = 0
    for line in lines:
        if isinstance(line, bytes):
            try:
                line = line.decode(codec if number == 0 else base)
            except UnicodeDecodeError as err:
                number += 1
                yield ReportReadError(
                    f"cannot read '{name}#{number}': not valid {base} "
                    f"(byte 0x{line[err.start]:02x} at column {err.start + 1})"
                )
                continue
        # JSON holds no raw carriage return: a lone one ends a line, as in text mode.
        for part in line.split("\r"):
            if part.strip():
                number += 1
                yield _json_line(part, number, name)


def _csv_records(text: io.TextIOWrapper, name: str) -> Iterator[object]:
    # A report may be longer than the csv module's default field limit (128 KB).
    csv.field_size_limit(max(csv.field_size_limit(), MAX_BYTES))
    reader = csv.DictReader(text)
    try:
        if not reader.fieldnames or "text" not in reader.fieldnames:
            raise ReportReadError(f"cannot read {name!r}: a CSV of reports needs a 'text' column")
        yield from reader
    except csv.Error as err:
        raise ReportReadError(
            f"cannot read {name!r}: broken CSV after record {reader.line_num}: {err}"
        ) from err


def read_reports(
    inputs: Iterable[str | Path],
    *,
    encoding: str = "utf-8",
    on_error: Callable[[ReportReadError], None] | None = None,
    stdin: io.BufferedIOBase | None = None,
) -> Iterator[Report]:
    r"""Read reports from files, folders (recursively) and ``"-"`` (stdin).

    Parameters
    ----------
    inputs : iterable of str or Path
        Files, folders, or ``"-"`` for standard input (read as plain text).
    encoding : str
        Text encoding of the files (default UTF-8).
    on_error : callable, optional
        Called with a :class:`~mapper.errors.ReportReadError` for each input
        that cannot be read; reading goes on with the rest. Without it the
        first error is raised.
    stdin : binary file, optional
        Replaces ``sys.stdin.buffer`` (for tests).

    Yields
    ------
    Report

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("date 2020-09-27\nShells hit Stepanakert.", encoding="utf-8")
    >>> _ = (d / "b.txt").write_bytes(b"")
    >>> errors = []
    >>> [(r.id, str(r.published)) for r in read_reports([d], on_error=errors.append)]
    [('a.txt', '2020-09-27')]
    >>> [str(e) for e in errors]
    ["cannot read 'b.txt': the file is empty"]
    """
    for name, path, problem in _expand(inputs):
        try:
            if problem:
                raise ReportReadError(problem)
            if path is None:
                data = (stdin or sys.stdin.buffer).read()
                reports = parse_report_bytes(data, name="stdin", suffix="", encoding=encoding)
            elif path.suffix.lower() in _STREAMED:
                reports = _stream_records(path, name=name, encoding=encoding, on_error=on_error)
            else:
                reports = read_report_file(path, name=name, encoding=encoding, on_error=on_error)
            for report in reports:
                if len(report.text) > MAX_CHARS:
                    _fail(
                        ReportReadError(
                            f"cannot read {report.id!r}: too long ({len(report.text):,} "
                            f"characters, limit {MAX_CHARS:,}); split it into several reports"
                        ),
                        on_error,
                    )
                else:
                    yield report
        except ReportReadError as err:
            _fail(err, on_error)


def _fail(err: ReportReadError, on_error: Callable[[ReportReadError], None] | None) -> None:
    if on_error is None:
        raise err
    logger.debug("skipping: %s", err)
    on_error(err)
