"""Strategies of information theory."""
from __future__ import annotations

import numpy as np

from ._strategy import canonical


def _squared(result, args):
    """Compared through d²."""
    return np.square(result)


canonical("squared", "exact", _squared,
          "A distance that is the square root of a divergence (Jensen–Shannon) is compared "
          "through its square: near 0 the square root turns an absolute error δ of the "
          "divergence into δ/(2d), which no relative tolerance of d bounds.")
