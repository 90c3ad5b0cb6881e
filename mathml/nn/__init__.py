"""Neural-network layers, forward and backward, and a small `Sequential` container
(issue 13)."""
from __future__ import annotations

__all__: list[str] = []
