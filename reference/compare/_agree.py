"""The one agreement function: two answers compared leaf by leaf under one tolerance."""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any
from collections.abc import Callable

import numpy as np

from ._tolerances import TOLERANCES, Tolerance

__all__ = ["Agreement", "agree"]

_SUBNORMAL_FLOOR = 4 * float(np.finfo(np.float64).smallest_subnormal)


@dataclass
class Agreement:
    """The verdict of one comparison, and its numbers.

    The values are compared first: where they agree but an array's kind of dtype differs
    (a count stored as an integer in one answer and as a float in the other), ``ok`` is
    False, ``kinds_only`` True, and ``notes`` says where. The backends' contract fixes the
    dtype, so the tests fail on it; the learner's checker reports it as a note.
    """

    ok: bool
    max_abs: float = 0.0
    max_rel: float = 0.0
    rtol: float = 0.0
    atol: float = 0.0
    detail: str = ""
    notes: tuple[str, ...] = ()
    kinds_only: bool = False

    @property
    def values_agree(self) -> bool:
        """The numbers agree within the tolerance (the dtype kinds may differ)."""
        return self.ok or self.kinds_only

    def worse(self, other: Agreement) -> Agreement:
        """The less favourable of two verdicts (wrong values first, then a wrong kind of
        dtype, then larger error), carrying the notes of both."""
        rank = lambda a: (a.ok, a.values_agree)  # noqa: E731
        if rank(self) != rank(other):
            chosen = other if rank(other) < rank(self) else self
        else:
            chosen = other if other.max_rel > self.max_rel else self
        notes = tuple(dict.fromkeys(self.notes + other.notes))
        return chosen if notes == chosen.notes else replace(chosen, notes=notes)


def agree(got: Any, expected: Any, tolerance: Tolerance | str, *, args: tuple = (),
          canon: Callable[[Any, tuple], Any] | None = None) -> Agreement:
    """Compare two answers leaf by leaf (arrays, numbers, tuples, dicts) under one tolerance.

    Structure, shapes and kinds of dtype (bool / integer / float / complex) must match
    exactly; numbers within the tolerance; NaNs must stand in the same places.
    """
    tol = TOLERANCES[tolerance] if isinstance(tolerance, str) else tolerance
    if canon is not None:
        got, expected = canon(got, args), canon(expected, args)
    rtol, atol = tol.effective(args)
    return _agree(got, expected, tol, rtol, atol, path="result")


def _agree(got, expected, tol: Tolerance, rtol: float, atol: float, path: str) -> Agreement:
    if isinstance(expected, dict) or isinstance(got, dict):
        if not (isinstance(expected, dict) and isinstance(got, dict)) or got.keys() != expected.keys():
            return Agreement(False, math.inf, math.inf, rtol, atol,
                             f"{path}: keys differ: expected {_keys(expected)}, got {_keys(got)}")
        return _agree_all([(got[k], expected[k], f"{path}[{k!r}]") for k in expected], tol, rtol, atol)
    if isinstance(expected, (tuple, list)) and not _is_numeric_list(expected):
        if not isinstance(got, (tuple, list)) or len(got) != len(expected):
            return Agreement(False, math.inf, math.inf, rtol, atol,
                             f"{path}: expected a sequence of {len(expected)} items, "
                             f"got {_describe(got)}")
        names = getattr(type(expected), "_fields", None) or range(len(expected))
        items = [(g, e, f"{path}.{n}" if isinstance(n, str) else f"{path}[{n}]")
                 for g, e, n in zip(got, expected, names)]
        return _agree_all(items, tol, rtol, atol)
    if expected is None or isinstance(expected, str):
        ok = got == expected
        return Agreement(ok, 0.0 if ok else math.inf, 0.0 if ok else math.inf, rtol, atol,
                         "" if ok else f"{path}: expected {expected!r}, got {got!r}")
    return _agree_arrays(got, expected, tol, rtol, atol, path)


def _agree_all(items, tol, rtol, atol) -> Agreement:
    verdict = Agreement(True, rtol=rtol, atol=atol)
    for g, e, p in items:
        verdict = verdict.worse(_agree(g, e, tol, rtol, atol, p))
    return verdict


def _agree_arrays(got, expected, tol: Tolerance, rtol: float, atol: float,
                  path: str) -> Agreement:
    try:
        g = np.asarray(got)
        e = np.asarray(expected)
    except Exception as exc:  # e.g. ragged sequences
        return Agreement(False, math.inf, math.inf, rtol, atol, f"{path}: {exc}")
    fail = lambda why: Agreement(False, math.inf, math.inf, rtol, atol, f"{path}: {why}")  # noqa: E731
    if g.dtype == object or e.dtype == object:
        return fail(f"cannot compare {_describe(got)} with {_describe(expected)}")
    if g.shape != e.shape:
        return fail(f"shape {g.shape} where the reference has {e.shape}")
    kinds = "" if _kind(g) == _kind(e) else \
        f"dtype {g.dtype} ({_kind(g)}) where the reference has {e.dtype} ({_kind(e)})"
    if kinds and not {_kind(g), _kind(e)} <= set(_NUMERIC):
        return fail(kinds)
    verdict = _agree_values(g, e, tol, rtol, atol, path)
    if not kinds:
        return verdict
    if not verdict.ok:  # the values first: the kind of dtype is the lesser difference
        return replace(verdict, detail=f"{verdict.detail}; and {kinds}")
    note = f"{path}: {kinds}, equal values"
    return replace(verdict, ok=False, detail=note, notes=(note,), kinds_only=True)


_NUMERIC = ("bool", "integer", "float", "complex")


def _agree_values(g: np.ndarray, e: np.ndarray, tol: Tolerance, rtol: float, atol: float,
                  path: str) -> Agreement:
    """Two numeric arrays of one shape, compared as numbers (complex where either is)."""
    fail = lambda why: Agreement(False, math.inf, math.inf, rtol, atol, f"{path}: {why}")  # noqa: E731
    if g.size == 0:
        return Agreement(True, 0.0, 0.0, rtol, atol)
    as_complex = "complex" in (_kind(g), _kind(e))
    g, e = g.astype(np.complex128 if as_complex else np.float64), \
        e.astype(np.complex128 if as_complex else np.float64)
    same_special = (np.isnan(g) & np.isnan(e)) | ((g == e) & ~np.isfinite(e))
    if (np.isnan(g) | np.isnan(e) | ~np.isfinite(g) | ~np.isfinite(e))[~same_special].any():
        where = np.argwhere(~same_special & ~(np.isfinite(g) & np.isfinite(e)))[0]
        return fail(f"at {tuple(int(i) for i in where)}: expected {e[tuple(where)].item()}, "
                    f"got {g[tuple(where)].item()}")
    # the special values agree (checked above): compare only the finite entries
    err = np.abs(np.where(same_special, 0.0, g) - np.where(same_special, 0.0, e))
    finite_e = np.where(same_special, 0.0, np.abs(e))
    scale = np.full(e.shape, finite_e.max()) if tol.normwise else finite_e
    # below the smallest normal number floats keep only absolute precision (steps of
    # 2**-1074 ≈ 4.9e-324): no comparison that allows any rounding can be finer than that
    floor = _SUBNORMAL_FLOOR if (rtol > 0 or atol > 0) else 0.0
    bound = max(atol, floor) + rtol * scale
    with np.errstate(divide="ignore", invalid="ignore"):
        rel = np.where(scale > 0, err / scale, np.where(err > 0, np.inf, 0.0))
    worst = np.unravel_index(np.argmax(err - bound), e.shape)
    ok = bool((err <= bound).all())
    index = f"[{', '.join(str(int(i)) for i in worst)}]" if e.ndim else ""
    detail = "" if ok else (
        f"{path}{index}: expected {e[worst].item()!r}, got {g[worst].item()!r} "
        f"(|diff| {err[worst]:.3g} > allowed {bound[worst]:.3g})")
    return Agreement(ok, float(err.max()), float(rel.max()), rtol, atol, detail)


def _kind(a: np.ndarray) -> str:
    if a.dtype.kind == "b":
        return "bool"
    if a.dtype.kind in "iu":
        return "integer"
    if a.dtype.kind == "c":
        return "complex"
    return "float" if a.dtype.kind == "f" else a.dtype.kind


def _is_numeric_list(x) -> bool:
    return isinstance(x, list) and all(isinstance(v, (int, float, complex, list)) for v in x)


def _keys(d) -> str:
    return sorted(map(str, d.keys())) if isinstance(d, dict) else type(d).__name__


def _describe(x) -> str:
    shape = getattr(x, "shape", None)
    return f"{type(x).__name__}" + (f" of shape {shape}" if shape is not None else "")


