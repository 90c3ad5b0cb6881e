"""Input checks the optimisation and integration routines share: a real number where a
limit or an end of a bracket is expected, with a message that names the argument."""
from __future__ import annotations

from typing import Any

import numpy as np

__all__: list[str] = []


def real_number(value: Any, name: str, where: str) -> float:
    """`value` as a float, or the error SciPy's routines would raise deep inside, raised
    first and naming the argument: TypeError for None, a string or a complex number,
    ValueError for an array of more or less than one entry (or a ragged sequence)."""
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
    return float(a.reshape(()))


def starting_point(x0: Any, where: str) -> np.ndarray:
    """x0 as a 1-D float64 array with at least one entry, refusing None and complex numbers
    (TypeError, which ``np.asarray(x0, dtype=float)`` would turn into NaN or a dropped
    imaginary part) and an empty x0 (ValueError: there is nothing to minimise over)."""
    if x0 is None:
        raise TypeError(f"{where}: x0 must be an array of real numbers, not None")
    x = np.atleast_1d(np.asarray(x0))
    if np.iscomplexobj(x):
        raise TypeError(f"{where}: x0 must be real; complex input is not supported")
    if x.ndim != 1:
        raise ValueError(f"'x0' must only have one dimension; got shape {x.shape}.")
    if x.size == 0:
        raise ValueError(f"{where}: x0 must have at least one entry; got an empty array")
    return x.astype(np.float64)


def real_vector(value: Any, name: str, where: str) -> np.ndarray:
    """`value` as a floating array of at most one dimension (its own floating type kept,
    anything else float64): TypeError for None, strings and complex numbers, ValueError
    for more dimensions."""
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
    return a if a.dtype.kind == "f" else a.astype(np.float64)
