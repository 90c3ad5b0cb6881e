"""Shared pieces of the estimator areas' catalog entries (linear_model, naive_bayes, neighbors).

An estimator case is ``case(X, y, X_test, **hyperparameters)``: `run` builds the estimator
from the hyperparameters, fits it on (X, y) and returns its fitted attributes, the output
of every prediction method on X_test and ``score`` on the training data. The reserved
keyword ``outputs=(...)`` keeps only the named entries (a seed's printed values).
"""
from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

from ._core import bad, case

__all__ = ["estimator_run", "regression_data", "classification_data", "estimator_bad",
           "seeded"]


def estimator_run(attributes: tuple[str, ...], methods: tuple[str, ...]):
    """`run` for an estimator concept: the fitted `attributes` and the `methods` on X_test."""
    def run(cls, c):
        X, y, X_test = c.args
        params = dict(c.kwargs)
        outputs = params.pop("outputs", None)
        model = cls(**params).fit(X, y)
        out = {a: getattr(model, a) for a in attributes}
        out.update((m, getattr(model, m)(X_test)) for m in methods if m != "score")
        if "score" in methods:  # R² or accuracy on the training data (X_test has no labels)
            out["score"] = model.score(X, y)
        return {k: out[k] for k in outputs} if outputs else out
    return run


def regression_data(seed: int, n: int = 30, p: int = 3, noise: float = 0.5):
    """Well-conditioned Gaussian-free regression data: uniform X, a linear signal, noise."""
    rng = np.random.default_rng(seed)
    X = rng.uniform(-2, 2, (n, p))
    y = X @ rng.uniform(-3, 3, p) + 1.5 + noise * rng.uniform(-1, 1, n)
    return X, y, rng.uniform(-2, 2, (7, p))


def classification_data(seed: int, n: int = 40, p: int = 3, k: int = 2, counts=False):
    """Overlapping classes (so that logistic regression has a finite optimum); with
    `counts`, non-negative integer features (multinomial naive Bayes)."""
    rng = np.random.default_rng(seed)
    y = np.arange(n) % k
    centres = rng.uniform(-1, 1, (k, p))
    X = centres[y] + rng.uniform(-1.5, 1.5, (n, p))
    X_test = rng.uniform(-2, 2, (7, p))
    if counts:
        X, X_test = np.floor(3 * np.abs(X)), np.floor(3 * np.abs(X_test))
    return X, y, X_test


def seeded(make, **params):
    """A Hypothesis strategy of cases built from a drawn seed (inputs by construction)."""
    return lambda: st.integers(0, 2 ** 31 - 1).map(lambda s: case(*make(s), **params))


def estimator_bad(X, y, X_test, *, classifier: bool, invalid: dict):
    """docs/contract.md §3's estimator rows, scikit-learn's wording."""
    Xnan = X.copy()
    Xnan[0, 0] = np.nan
    out = (bad(Xnan, y, X_test, raises=ValueError, match="Input X contains NaN", label="NaN in X"),
           bad(X[:, 0], y, X_test, raises=ValueError, match="Expected 2D array", label="1-D X"),
           bad(X, y, X_test[:, :-1], raises=ValueError,
               match=f"X has {X.shape[1] - 1} features, but \\w+ is expecting {X.shape[1]} "
                     "features as input", label="wrong feature count at predict"),
           bad(X, y[:-1], X_test, raises=ValueError, match="inconsistent numbers of samples",
               label="length mismatch"),
           # InvalidParameterError (a ValueError) in both, each library's own class
           bad(X, y, X_test, raises=ValueError, match="The '\\w+' parameter of \\w+ must be",
               label="invalid hyperparameter", **invalid))
    if classifier:
        out += (bad(X, y + 0.5 * np.linspace(0, 1, len(y)), X_test, raises=ValueError,
                    match="Unknown label type", label="continuous y"),)
    return out
