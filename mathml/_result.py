"""The result object of SciPy's solvers: a dictionary whose entries are also attributes."""
from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["RichResult"]


class RichResult(dict):
    """A dictionary whose entries are also attributes (``res.df`` is ``res["df"]``), like
    SciPy's ``_RichResult`` and ``OptimizeResult``; printed one field a line."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError as exc:
            raise AttributeError(name) from exc

    __setattr__ = dict.__setitem__
    __delattr__ = dict.__delitem__

    def __dir__(self) -> list[str]:
        return list(self.keys())

    def __repr__(self) -> str:
        width = max(map(len, self), default=0) + 1
        show = lambda v: (np.array2string(v, prefix=" " * (width + 2))  # noqa: E731
                          if isinstance(v, np.ndarray) else str(v))
        return "\n".join(f"{k:>{width}}: {show(v)}" for k, v in self.items())
