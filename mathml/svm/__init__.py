"""Support vector machines: the dual problem and its SMO solver, as libsvm solves it
(issue 12)."""
from __future__ import annotations

__all__: list[str] = []
