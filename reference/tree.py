"""Decision trees through scikit-learn: the reference for `mathml.tree`."""
from __future__ import annotations

__all__: list[str] = []
