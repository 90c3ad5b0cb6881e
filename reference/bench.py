"""Timing for `mathml bench`: both backends run alternately within a time budget, and the
growth of their cost over a geometric series of sizes.

Nothing here asserts a speed; it measures and says how it measured. The clock is a
parameter so that the budget logic can be tested with a clock that does not depend on the
machine.
"""
from __future__ import annotations

import math
import statistics
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np

from . import catalog

__all__ = ["Timing", "Scaling", "limited_threads", "time_pair", "time_concept", "scale_concept",
           "growth_exponent", "format_time", "describe_size", "MAX_ROUNDS", "FULL_ROUNDS",
           "MAX_BYTES"]

MAX_ROUNDS = 200   # a fast concept stops here even if budget is left
MAX_BYTES = 2 ** 28  # --scale stops before an input larger than this (256 MiB)
FULL_ROUNDS = 5    # below this many rounds the output says the budget cut the rounds short

Clock = Callable[[], float]


@dataclass(frozen=True)
class Timing:
    """The times of one call of each backend, one entry per round, and the wall time spent
    (warm-up and case building included)."""

    mathml: tuple[float, ...]
    reference: tuple[float, ...]
    elapsed: float

    @property
    def rounds(self) -> int:
        return len(self.mathml)

    @property
    def ratio(self) -> float:
        """median mathml time / median reference time."""
        return statistics.median(self.mathml) / statistics.median(self.reference)


def time_pair(run_mathml: Callable[[], object], run_reference: Callable[[], object],
              budget: float, *, clock: Clock = time.perf_counter,
              start: float | None = None) -> Timing:
    """Time two zero-argument calls alternately (the order swapped each round) after one
    warm-up call of each.

    The budget counts everything from `start` (default: now): the warm-up too. A round is
    begun only if the rounds so far say it will end within the budget; the first round is
    always run, so each side has at least one time however slow it is."""
    start = clock() if start is None else start
    funcs = {"mathml": run_mathml, "reference": run_reference}
    times: dict[str, list[float]] = {"mathml": [], "reference": []}
    with warnings.catch_warnings():  # a warning is the tests' business; printing it is timed
        warnings.simplefilter("ignore")
        for f in funcs.values():  # warm-up: imports, caches, first-call work
            f()
        for round_ in range(MAX_ROUNDS):
            order = ("mathml", "reference") if round_ % 2 == 0 else ("reference", "mathml")
            for backend in order:
                t0 = clock()
                funcs[backend]()
                times[backend].append(clock() - t0)
            per_round = (sum(times["mathml"]) + sum(times["reference"])) / (round_ + 1)
            if clock() - start + per_round > budget:
                break
    return Timing(tuple(times["mathml"]), tuple(times["reference"]), clock() - start)


def time_concept(c: catalog.Concept, budget: float, size: int | None = None, *,
                 clock: Clock = time.perf_counter) -> tuple[Timing, catalog.Case]:
    """Time both backends of `c` on its benchmark input (at `size`, default the catalog's)
    within `budget` seconds, building the input included; returns the timing and the input."""
    start = clock()
    case = (c.bench.case() if size is None
            else c.bench.make(size, np.random.default_rng(0)))
    timing = time_pair(lambda: c.apply(c.mathml, case), lambda: c.apply(c.reference, case),
                       budget, clock=clock, start=start)
    return timing, case


# --- scaling -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Scaling:
    """Timings of one concept at a geometric series of sizes, and their growth exponents."""

    sizes: tuple[int, ...]
    timings: tuple[Timing, ...]
    shapes: tuple[str, ...]

    @property
    def exponents(self) -> tuple[float, float]:
        """k of time ∝ nᵏ for mathml and reference: least squares of log time on log n,
        with each size's least time (the one least disturbed by other work on the machine:
        load only ever adds time)."""
        return (growth_exponent(self.sizes, [min(t.mathml) for t in self.timings]),
                growth_exponent(self.sizes, [min(t.reference) for t in self.timings]))


def growth_exponent(sizes: Sequence[int], times: Sequence[float]) -> float:
    """The slope k of the least-squares line through (log n, log t): time ≈ C nᵏ."""
    x = np.log(np.asarray(sizes, dtype=float))
    y = np.log(np.asarray(times, dtype=float))
    if len(x) < 2 or np.ptp(x) == 0:
        return math.nan
    x = x - x.mean()
    return float(x @ (y - y.mean()) / (x @ x))


def scale_sizes(n: int) -> list[int]:
    """n/4, n/2, n, 2n, 4n, ..., 16n (distinct, at least 1): the series `scale_concept` walks."""
    sizes: list[int] = []
    for s in (n // 4, n // 2, n, *(n * 2 ** j for j in range(1, 5))):
        s = max(s, 1)
        if s not in sizes:
            sizes.append(s)
    return sizes


def scale_concept(c: catalog.Concept, budget: float, *, clock: Clock = time.perf_counter,
                  progress: Callable[[int], None] | None = None) -> Scaling:
    """Time both backends of `c` at n/4, n/2, n (always) and 2n, 4n, ... up to 16n while the
    next size is predicted to fit in what is left of `budget` and its input in `MAX_BYTES`
    (an n×n input at 16n would not: the input grows by the ratio of its last step). Each size gets at most an
    eighth of the budget for its rounds (at least one round)."""
    start = clock()
    sizes: list[int] = []
    timings: list[Timing] = []
    shapes: list[str] = []
    nbytes: list[int] = []  # the input's size in memory at each size
    for i, size in enumerate(scale_sizes(c.bench.size)):
        if i >= 3 and (clock() - start + _least_cost(sizes, timings, size) > budget
                       or nbytes[-1] ** 2 / nbytes[-2] > MAX_BYTES):
            break
        if progress is not None:
            progress(size)
        timing, case = time_concept(c, budget / 8, size, clock=clock)
        sizes.append(size)
        timings.append(timing)
        shapes.append(describe_size(size, case))
        nbytes.append(max(1, sum(a.nbytes for a in (*case.args, *case.kwargs.values())
                                 if isinstance(a, np.ndarray))))
    return Scaling(tuple(sizes), tuple(timings), tuple(shapes))


def _least_cost(sizes: list[int], timings: list[Timing], size: int) -> float:
    """The least the next size costs (a warm-up and one round of each backend), grown from
    the last size by the steepest exponent seen (over all sizes, or over the last step: the
    cost often steepens once the data leave the cache), at least 1."""
    exponents = [*Scaling(tuple(sizes), tuple(timings), ()).exponents,
                 *Scaling(tuple(sizes[-2:]), tuple(timings[-2:]), ()).exponents]
    k = max([1.0, *(e for e in exponents if not math.isnan(e))])
    last = timings[-1]
    return 2 * (min(last.mathml) + min(last.reference)) * (size / sizes[-1]) ** k


# --- how the numbers read ----------------------------------------------------------------------

_UNITS = (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6), ("ns", 1e-9))


def format_time(t: float) -> str:
    """Three significant digits in the largest unit that keeps the number at least 1:
    ``1.21 s``, ``340 µs``, ``12.0 ms`` (never an exponent)."""
    if not math.isfinite(t):
        return str(t)
    for unit, scale in _UNITS:
        v = float(f"{t / scale:.3g}")  # rounded first: 999.7 ms reads 1.00 s
        if v >= 1 or unit == "ns":
            if v == 0:
                return f"0 {unit}"
            decimals = max(0, 2 - math.floor(math.log10(abs(v))))
            return f"{v:.{decimals}f} {unit}"
    raise AssertionError("unreachable")


def describe_size(n: int, case: catalog.Case) -> str:
    """The benchmark size and what it means, from the shape of the input's largest array:
    ``n=500 (500×500)`` for a square matrix, ``10000×50`` for a data matrix of n rows,
    ``n=1000000`` for vectors of length n, ``n=10`` where the input has no array."""
    arrays = [a for a in (*case.args, *case.kwargs.values()) if isinstance(a, np.ndarray)]
    if not arrays:
        return f"n={n}"
    shape = max(arrays, key=lambda a: a.size).shape
    text = "×".join(str(d) for d in shape)
    if shape == (n,) or len(shape) == 0:
        return f"n={n}"
    if shape.count(n) == 1:
        return text
    return f"n={n} ({text})"


def spread(times: tuple[float, ...]) -> str:
    """``median (min–max)`` of a backend's times."""
    return (f"{format_time(statistics.median(times))} "
            f"({format_time(min(times))}–{format_time(max(times))})")


@contextmanager
def limited_threads(concepts: Sequence[catalog.Concept], threads: int = 1) -> Iterator[None]:
    """Both backends of `concepts` on `threads` BLAS and OpenMP threads while inside.

    threadpoolctl (a dependency of scikit-learn) limits the libraries loaded when it is
    entered, so both implementations of every concept are resolved first: NumPy's, SciPy's
    and scikit-learn's BLAS and OpenMP runtimes are then all loaded, and all limited."""
    from threadpoolctl import threadpool_limits
    for c in concepts:
        c.implementation("mathml")
        c.implementation("reference")
    with threadpool_limits(limits=threads):
        yield
