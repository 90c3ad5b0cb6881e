"""Strategies of special functions: the result's type is part of the answer."""
from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np

from ._agree import Agreement, agree
from ._strategy import strategy
from ._tolerances import Tolerance

#: Results in a narrower floating type than float64 are compared at that type's precision:
#: a few units of its last place relative, and its smallest normal number absolute.
_ULPS = 4


def _type_of(x: Any) -> Any:
    """What a caller sees of a result's type: array or scalar, and its dtype."""
    if isinstance(x, (tuple, list)):
        return tuple(_type_of(v) for v in x)
    kind = "ndarray" if isinstance(x, np.ndarray) else type(x).__name__
    return f"{kind} of {x.dtype}" if hasattr(x, "dtype") else kind


def _narrowest_float(x: Any) -> np.dtype | None:
    leaves = x if isinstance(x, (tuple, list)) else (x,)
    floats = [np.asarray(v).dtype for v in leaves if np.asarray(v).dtype.kind == "f"]
    return min(floats, key=lambda d: d.itemsize) if floats else None


@strategy("same_type", "exact")
def _same_type(got, expected, c, tol: Tolerance, concept) -> Agreement:
    """As 'exact', and the type of the result too: a ufunc returns the floating type its
    loop computes in (float32 for float32 input) and a scalar of that type for scalar
    input, so mathml must return the same ndarray or NumPy scalar with the same dtype.
    Where that type is narrower than float64, both answers are rounded to it (SciPy's
    float32 loops either round a float64 value, as mathml does, or compute in float32
    arithmetic to a few ulps), so the numbers are compared at its precision: rtol = 4 ulps
    of the type (4.8e-7 for float32), with its smallest normal number as an absolute floor
    (below it only absolute precision is left)."""
    narrow = _narrowest_float(expected)
    if narrow is not None and narrow.itemsize < 8:
        info = np.finfo(narrow)
        tol = replace(tol, rtol=max(tol.rtol, _ULPS * float(info.eps)),
                      atol=max(tol.atol, float(info.smallest_normal)))
    verdict = agree(got, expected, tol, args=c.args)
    got_type, expected_type = _type_of(got), _type_of(expected)
    if got_type == expected_type:
        return verdict
    why = f"result: {got_type} where the reference returns {expected_type}"
    detail = f"{verdict.detail}; and {why}" if verdict.detail else why
    return replace(verdict, ok=False, detail=detail, notes=verdict.notes + (why,),
                   kinds_only=verdict.ok or verdict.kinds_only)
