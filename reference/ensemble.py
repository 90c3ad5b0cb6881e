"""Ensembles through scikit-learn: the reference for `mathml.ensemble`."""
from __future__ import annotations

__all__: list[str] = []
