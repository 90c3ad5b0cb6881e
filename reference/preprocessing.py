"""Data preparation through scikit-learn: the reference for `mathml.preprocessing`.

Thin subclasses of ``sklearn.preprocessing``'s transformers with the signatures of
`mathml.preprocessing` (keyword-only hyperparameters, the subset mathml implements).
Where scikit-learn's behaviour differs from the contract (docs/contract.md §3) a class says so
in one comment and adjusts:

- NaN in X: scikit-learn's scalers and encoder treat NaN as a missing value (ignored in
  the statistics, or a category of its own); the contract refuses NaN in estimator input,
  so ``fit``/``transform`` check first, with scikit-learn's own message.
- Sparse X: scikit-learn's StandardScaler and PolynomialFeatures accept it; mathml is
  dense-only, so the same check refuses it first (scikit-learn's TypeError and wording).
- OneHotEncoder: dense output only (``sparse_output=False`` by default, True refused), as
  mathml has no sparse matrices.
"""
from __future__ import annotations

import numpy as np
import sklearn.preprocessing as _sk
from sklearn.utils.validation import check_array as _check_array

__all__ = ["StandardScaler", "MinMaxScaler", "PolynomialFeatures", "OneHotEncoder"]


def _refuse_nan(estimator, X, *, dtype="numeric"):
    """scikit-learn's own dense and finiteness checks (its wording), before a method that
    allows NaN or sparse input."""
    _check_array(X, dtype=dtype, ensure_all_finite=True, estimator=estimator, input_name="X",
                 ensure_min_samples=0, ensure_min_features=0)


class _NoNaN:
    """Mixin: refuse NaN and sparse X (contract) before scikit-learn's methods run."""

    _dtype = "numeric"

    def fit(self, X, y=None):
        # scikit-learn lets NaN (and some sparse X) through: refused here (module docstring)
        _refuse_nan(self, X, dtype=self._dtype)
        return super().fit(X, y)

    def transform(self, X):
        _refuse_nan(self, X, dtype=self._dtype)
        return super().transform(X)

    def partial_fit(self, X, y=None, *args, **kwargs):
        # the scalers' fit is a partial_fit from nothing (StandardScaler's passes its
        # sample_weight on); NaN refused here as in fit
        _refuse_nan(self, X, dtype=self._dtype)
        return super().partial_fit(X, y, *args, **kwargs)

    def fit_transform(self, X, y=None):
        return self.fit(X, y).transform(X)


class StandardScaler(_NoNaN, _sk.StandardScaler):
    def __init__(self, *, with_mean=True, with_std=True):
        super().__init__(with_mean=with_mean, with_std=with_std)


class MinMaxScaler(_NoNaN, _sk.MinMaxScaler):
    def __init__(self, *, feature_range=(0, 1), clip=False):
        super().__init__(feature_range=feature_range, clip=clip)


class PolynomialFeatures(_NoNaN, _sk.PolynomialFeatures):
    def __init__(self, degree=2, *, interaction_only=False, include_bias=True, order="C"):
        super().__init__(degree=degree, interaction_only=interaction_only,
                         include_bias=include_bias, order=order)


class OneHotEncoder(_NoNaN, _sk.OneHotEncoder):
    _dtype = None

    def __init__(self, *, categories="auto", drop=None, sparse_output=False, dtype=np.float64,
                 handle_unknown="error", min_frequency=None, max_categories=None):
        super().__init__(categories=categories, drop=drop, sparse_output=sparse_output,
                         dtype=dtype, handle_unknown=handle_unknown,
                         min_frequency=min_frequency, max_categories=max_categories)

    def fit(self, X, y=None):
        # dense output only: mathml has no sparse matrices, so the default is False (not
        # scikit-learn's True) and True is refused, with mathml's message
        if self.sparse_output is True:
            raise ValueError("sparse_output=True is not supported: mathml has no sparse "
                             "matrices; use sparse_output=False (a dense ndarray).")
        return super().fit(X, y)
