"""What a seed prints, and whether an answer prints the same.

A seed case's ``expected`` holds the seed's output as text, exactly as printed, wherever the
seed prints it (``"0.0065"``, ``"[[-2.   1. ]\\n [ 1.5 -0.5]]"``), inside the result's
structure (a dict of fitted attributes, a tuple of outputs, a list for an array's entries
printed one by one). The text carries its own precision:

- a bracketed text is NumPy's print of an array: up to ``NUMPY_DECIMALS`` (8) decimals with
  trailing zeros dropped, so ``"[3. 1.]"`` stands for 3 and 1 to 8 decimals;
- a bare number is a fixed-format print such as ``f"{x:.4f}"``: ``"0.0065"`` stands for every
  number within half a unit of its last printed decimal, [0.00645, 0.00655];
- a number without a decimal point is an integer: the answer must be of integer dtype and
  equal.

Any other leaf (a number worked out by hand for a seed that computes without printing) is
compared as NumPy would print it, under the ``'printed'`` tolerance. Only
``reference.compare.agree`` and ``reference.compare.TOLERANCES`` are used.
"""
from __future__ import annotations

import dataclasses
import re
from typing import Any

import numpy as np

from .compare import TOLERANCES, agree

__all__ = ["NUMPY_DECIMALS", "mismatches", "parse"]

#: NumPy's default print precision (``np.get_printoptions()["precision"]``)
NUMPY_DECIMALS = 8
_EPS = float(np.finfo(np.float64).eps)
_TOKEN = re.compile(r"\[|\]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|\S+")


def parse(text: str) -> tuple[np.ndarray, int | None]:
    """The number(s) a printed text shows, and their decimals (None for integers).

    >>> parse("0.0065")
    (array(0.0065), 4)
    >>> parse("[5 7 9]")
    (array([5, 7, 9]), None)
    """
    tokens = _TOKEN.findall(text)
    numbers = [t for t in tokens if t not in "[]"]
    bad = [t for t in numbers if not re.fullmatch(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?", t)]
    if bad or not numbers:
        raise ValueError(f"not a printed number or array: {text!r}")
    is_float = any(("." in t) or ("e" in t.lower()) for t in numbers)
    value, rest = _nest(tokens, float if is_float else int)
    if rest:
        raise ValueError(f"unbalanced brackets in {text!r}")
    array = np.array(value, dtype=np.float64 if is_float else np.int64)
    if not is_float:
        return array, None
    if tokens[0] == "[":
        return array, NUMPY_DECIMALS
    if len(numbers) != 1 or "e" in numbers[0].lower():
        raise ValueError(f"a bare printed value is one fixed-format number: {text!r}")
    return array, len(numbers[0].partition(".")[2])


def _nest(tokens: list[str], kind: type) -> tuple[Any, list[str]]:
    head, rest = tokens[0], tokens[1:]
    if head != "[":
        return kind(head), rest
    items = []
    while rest and rest[0] != "]":
        item, rest = _nest(rest, kind)
        items.append(item)
    if not rest:
        raise ValueError("unbalanced brackets")
    return items, rest[1:]


def _tolerance(decimals: int | None):
    """Half a unit of the last printed decimal, plus the rounding of the printed value and
    of the difference themselves (2 eps relative); integers: equality."""
    if decimals is None:
        return dataclasses.replace(TOLERANCES["printed"], rtol=0.0, atol=0.0)
    return dataclasses.replace(TOLERANCES["printed"], rtol=2 * _EPS, atol=0.5 * 10.0 ** -decimals)


def _has_text(x: Any) -> bool:
    if isinstance(x, str):
        return True
    if isinstance(x, dict):
        return any(_has_text(v) for v in x.values())
    if isinstance(x, (tuple, list)):
        return any(_has_text(v) for v in x)
    return False


def mismatches(got: Any, expected: Any, path: str = "result") -> list[str]:
    """Where ``got`` does not print as ``expected``: one line per disagreement, empty if
    none."""
    if isinstance(expected, str):
        value, decimals = parse(expected)
        verdict = agree(got, value, _tolerance(decimals))
        return [] if verdict.ok else [f"{path}: prints {expected!r}: {verdict.detail}"]
    if not _has_text(expected):
        verdict = agree(got, expected, "printed")
        return [] if verdict.ok else [f"{path}: {verdict.detail}"]
    if isinstance(expected, dict):
        if not isinstance(got, dict) or set(got) != set(expected):
            return [f"{path}: expected the keys {sorted(expected)}, got {got!r}"]
        return [m for k in expected for m in mismatches(got[k], expected[k], f"{path}[{k!r}]")]
    try:
        items = list(got)
    except TypeError:
        return [f"{path}: expected {len(expected)} items, got {got!r}"]
    if len(items) != len(expected):
        return [f"{path}: expected {len(expected)} items, got {len(items)}"]
    return [m for i, (g, e) in enumerate(zip(items, expected))
            for m in mismatches(g, e, f"{path}[{i}]")]
