"""Checks the reference wrappers run before SciPy where SciPy's own error is an accident
of its implementation (``RuntimeError: Unable to parse arguments`` from `bisect`, "The
truth value of an array … is ambiguous" from `quad`, a complex answer from `fixed_quad`):
the contract asks for the error class of the problem, with a message naming the argument.
"""
from __future__ import annotations

from typing import Any

import numpy as np

__all__: list[str] = []


def real_number(value: Any, name: str, where: str) -> Any:
    """Refuse what is not a real number: TypeError for None, a string, a complex number or
    non-numeric data, ValueError for an array of more or less than one entry (or a ragged
    sequence). A real number (or a one-entry array) passes unchanged."""
    if value is None or isinstance(value, (str, bytes)):
        raise TypeError(f"{where}: {name} must be a real number; got {value!r}")
    try:
        a = np.asarray(value)
    except ValueError:
        raise ValueError(f"{where}: {name} must be a real number, not a ragged "
                         "sequence") from None
    if np.iscomplexobj(a):
        raise TypeError(f"{where}: {name} must be a real number; got the complex {value!r}")
    if a.dtype.kind not in "biuf":
        raise TypeError(f"{where}: {name} must be a real number; got {a.dtype} data")
    if a.size != 1:
        raise ValueError(f"{where}: {name} must be a real number, not an array of shape "
                         f"{a.shape}")
    return value


def real_array(value: Any, name: str, where: str) -> np.ndarray:
    """`value` as a float64 array, refusing None (SciPy would make it NaN or fail in its
    arithmetic), non-numeric data and complex numbers with a TypeError naming it."""
    if value is None:
        raise TypeError(f"{where}: {name} must be an array of real numbers, not None")
    a = np.asarray(value)
    if np.iscomplexobj(a):
        raise TypeError(f"{where}: {name} must be real; complex input is not supported")
    if a.dtype == object and any(v is None for v in a.flat):
        raise TypeError(f"{where}: {name} must be an array of real numbers; it holds None")
    return a


def starting_point(x0: Any, where: str) -> None:
    """Refuse an x0 that SciPy would misread: None (TypeError; it becomes NaN), complex
    (TypeError; SciPy's minimisers would iterate in complex arithmetic on a real
    objective), empty (ValueError; SLSQP would return it, BFGS fail in a reduction)."""
    if x0 is None:
        raise TypeError(f"{where}: x0 must be an array of real numbers, not None")
    x = np.atleast_1d(np.asarray(x0))
    if np.iscomplexobj(x):
        raise TypeError(f"{where}: x0 must be real; complex input is not supported")
    if x.ndim != 1:
        raise ValueError(f"'x0' must only have one dimension; got shape {x.shape}.")
    if x.size == 0:
        raise ValueError(f"{where}: x0 must have at least one entry; got an empty array")


def real_vector(value: Any, name: str, where: str) -> None:
    """Refuse what is not a real vector (or number): TypeError for None, strings and
    complex numbers, ValueError for more than one dimension."""
    if value is None or isinstance(value, (str, bytes)):
        raise TypeError(f"{where}: {name} must be an array of real numbers; got {value!r}")
    a = np.asarray(value)
    if np.iscomplexobj(a):
        raise TypeError(f"{where}: {name} must be real; complex input is not supported")
    if a.dtype.kind not in "biuf":
        raise TypeError(f"{where}: {name} must be an array of real numbers; got {a.dtype} "
                        "data")
    if a.ndim > 1:
        raise ValueError(f"{where}: {name} must be 1-D; got shape {a.shape}")
