"""Nearest neighbours through scikit-learn: the reference for `mathml.neighbors`.

scikit-learn's classes with mathml's `__init__` (metric fixed to Minkowski with exponent p,
the search algorithm left to 'auto': every algorithm returns the same neighbours up to ties).
"""
from __future__ import annotations

import sklearn.neighbors as sk

__all__ = ["KNeighborsClassifier", "KNeighborsRegressor"]


class KNeighborsClassifier(sk.KNeighborsClassifier):
    def __init__(self, n_neighbors=5, *, weights="uniform", p=2):
        super().__init__(n_neighbors=n_neighbors, weights=weights, p=p)


class KNeighborsRegressor(sk.KNeighborsRegressor):
    def __init__(self, n_neighbors=5, *, weights="uniform", p=2):
        super().__init__(n_neighbors=n_neighbors, weights=weights, p=p)
