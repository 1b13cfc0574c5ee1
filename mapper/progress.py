"""Progress of a long run on stderr: a bar on a terminal, plain lines elsewhere.

On a terminal a tqdm bar shows reports done, reports/s and the time left; in a
log file or a pipe a line is printed every ``every`` seconds instead, so that a
log holds a readable record and no control characters.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

__all__ = ["Progress", "LineProgress", "BarProgress", "make_progress"]


class Progress:
    """Counts finished reports; the base class prints nothing.

    Examples
    --------
    >>> p = Progress()
    >>> p.start(3); p.advance(); p.advance(cached=True); p.advance(failed=True); p.close()
    >>> p.done, p.cached, p.failed
    (3, 1, 1)
    """

    #: Whether anything is shown (a display worth counting the inputs for).
    shows = False

    def __init__(self) -> None:
        self.total: int | None = None
        self.done = self.cached = self.failed = 0
        self.began = time.monotonic()

    def start(self, total: int | None) -> None:
        """Begin counting towards ``total`` reports (None when not known)."""
        self.total, self.done, self.cached, self.failed = total, 0, 0, 0
        self.began = time.monotonic()

    def advance(self, n: int = 1, *, cached: bool = False, failed: bool = False) -> None:
        """Count ``n`` more finished reports (``cached``: taken from the work area)."""
        self.done += n
        self.cached += n if cached else 0
        self.failed += n if failed else 0

    def close(self) -> None:
        """Stop showing progress."""


def _duration(seconds: float) -> str:
    """Format a duration for people.

    >>> _duration(42), _duration(754), _duration(7300)
    ('42 s', '12 min 34 s', '2 h 01 min')
    """
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


class LineProgress(Progress):
    """A plain line every ``every`` seconds: done/total, reports/s, time left.

    Examples
    --------
    >>> import io
    >>> out = io.StringIO()
    >>> p = LineProgress(out, every=0)
    >>> p.start(4); p.advance(2, cached=True)
    >>> out.getvalue().startswith("mapper: 2/4 reports (2 from cache, 0 failed)")
    True
    """

    def __init__(self, stream: TextIO, *, every: float = 10.0) -> None:
        super().__init__()
        self.stream, self.every = stream, every
        self.last = time.monotonic()

    shows = True

    def advance(self, n: int = 1, *, cached: bool = False, failed: bool = False) -> None:
        """Count reports; print a line when ``every`` seconds have passed."""
        super().advance(n, cached=cached, failed=failed)
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            self._line(now)

    def _line(self, now: float) -> None:
        elapsed = max(now - self.began, 1e-9)
        rate = (self.done - self.cached) / elapsed
        text = f"mapper: {self.done}/{self.total if self.total is not None else '?'} reports"
        text += f" ({self.cached} from cache, {self.failed} failed), {rate:.1f} reports/s"
        if self.total and rate > 0 and self.done < self.total:
            text += f", about {_duration((self.total - self.done) / rate)} left"
        print(text, file=self.stream, flush=True)


class BarProgress(Progress):
    """A tqdm bar with reports/s and the time left."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream
        self.bar = None

    def start(self, total: int | None) -> None:
        """Show the bar."""
        from tqdm import tqdm

        super().start(total)
        # No monitor thread: worker processes are forked, which threads make unsafe.
        tqdm.monitor_interval = 0
        self.bar = tqdm(
            total=total, unit="report", file=self.stream, dynamic_ncols=True, desc="mapper"
        )

    shows = True

    def advance(self, n: int = 1, *, cached: bool = False, failed: bool = False) -> None:
        """Move the bar on."""
        super().advance(n, cached=cached, failed=failed)
        if self.bar is not None:
            self.bar.update(n)
            if cached:
                self.bar.set_postfix_str(f"{self.cached} from cache", refresh=False)

    def close(self) -> None:
        """Remove the bar's line (the final summary follows it)."""
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def make_progress(stream: TextIO | None = None, *, quiet: bool = False) -> Progress:
    """Return the progress display that suits ``stream`` (stderr by default).

    Examples
    --------
    >>> import io
    >>> type(make_progress(io.StringIO())).__name__, type(make_progress(quiet=True)).__name__
    ('LineProgress', 'Progress')
    """
    stream = stream or sys.stderr
    if quiet:
        return Progress()
    if getattr(stream, "isatty", lambda: False)():
        return BarProgress(stream)
    return LineProgress(stream)
