"""Optimisation and root finding from scratch: the counterpart of ``scipy.optimize``.

One private module per family, each readable on its own:

- `_root`: scalar root finding (`newton`, `bisect`, `brentq`).
"""
from ._root import bisect, brentq, newton

__all__ = ["newton", "bisect", "brentq"]
