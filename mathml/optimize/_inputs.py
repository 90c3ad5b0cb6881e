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
