"""Vega-Lite to SVG or PNG in a child process, so a renderer crash costs one chart, not the caller.

vl-convert is native code: on input it cannot parse it panics in a function that
cannot unwind, and the whole process aborts (a web server with it). Specs are made
XML-safe before rendering (`tollbook.safe_text.xml_safe`), and rendering still runs in
a worker process with a time limit: a crash or a hang becomes a `RenderError` for
that chart, and the next chart gets a fresh worker.
"""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import Literal

from tollbook.errors import TollbookError

RENDER_TIMEOUT = 60.0


class RenderError(TollbookError):
    """A chart could not be rendered (the renderer crashed, refused the spec or ran out of time)."""


def _render(spec_json: str, fmt: str) -> str | bytes:
    import vl_convert as vlc

    if fmt == "svg":
        return vlc.vegalite_to_svg(spec_json)
    return vlc.vegalite_to_png(spec_json, scale=2)


class Renderer:
    """One worker process, started on first use and replaced after a crash or a time-out.

    Thread-safe: a web server's threads share one renderer; charts render one at a time.
    """

    def __init__(self, timeout: float = RENDER_TIMEOUT) -> None:
        self.timeout = timeout
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def render(self, spec_json: str, fmt: Literal["svg", "png"] = "svg") -> str | bytes:
        """The rendered chart; RenderError when the worker crashed, failed or timed out."""
        with self._lock:
            if self._pool is None:
                # spawn, not fork: the caller may be a threaded server
                self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            future = self._pool.submit(_render, spec_json, fmt)
            try:
                return future.result(timeout=self.timeout)
            except BrokenProcessPool:
                self._discard()
                raise RenderError("the chart renderer crashed on this chart; the table below it holds the same "
                                  "figures") from None
            except FutureTimeout:
                self._discard(kill=True)
                raise RenderError(f"the chart took longer than {self.timeout:.0f} s to render; narrow the "
                                  "series (place, period) or read the table") from None
            except Exception as exc:  # the renderer's own error, raised in the worker
                raise RenderError(f"the chart renderer refused this chart: {str(exc)[:200]}") from None

    def _discard(self, kill: bool = False) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if kill:
            for process in list(getattr(pool, "_processes", {}).values()):
                process.kill()
        pool.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        with self._lock:
            self._discard(kill=True)
