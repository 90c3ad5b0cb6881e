"""Gaussian mixtures through scikit-learn: the reference for `mathml.mixture`."""
from __future__ import annotations

__all__: list[str] = []
