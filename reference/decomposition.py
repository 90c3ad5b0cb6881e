"""Principal component analysis through scikit-learn: the reference for
`mathml.decomposition`."""
from __future__ import annotations

__all__: list[str] = []
