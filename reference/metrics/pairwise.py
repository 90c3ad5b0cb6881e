"""Pairwise distances and kernels through `sklearn.metrics.pairwise`: the reference for
`mathml.metrics.pairwise`.

Thin wrappers with mathml's signatures. `pairwise_distances` and `pairwise_kernels` are
restricted to the metrics mathml implements (scikit-learn also offers SciPy's metrics and
the chi², laplacian and Gaussian-process kernels): the wrappers refuse the others with
scikit-learn's own parameter validation and wording.
"""
from __future__ import annotations

import sklearn.metrics.pairwise as _sk
from sklearn.utils._param_validation import StrOptions, validate_params

__all__ = ["euclidean_distances", "manhattan_distances", "linear_kernel", "polynomial_kernel",
           "rbf_kernel", "sigmoid_kernel", "cosine_similarity", "pairwise_distances",
           "pairwise_kernels"]

_DISTANCES = {"euclidean", "l2", "manhattan", "cityblock", "l1", "cosine", "precomputed"}
_KERNELS = {"linear", "poly", "polynomial", "rbf", "sigmoid", "cosine", "precomputed"}


def euclidean_distances(X, Y=None, *, Y_norm_squared=None, squared=False, X_norm_squared=None):
    return _sk.euclidean_distances(X, Y, Y_norm_squared=Y_norm_squared, squared=squared,
                                   X_norm_squared=X_norm_squared)


def manhattan_distances(X, Y=None):
    return _sk.manhattan_distances(X, Y)


def linear_kernel(X, Y=None, dense_output=True):
    return _sk.linear_kernel(X, Y, dense_output=dense_output)


def polynomial_kernel(X, Y=None, degree=3, gamma=None, coef0=1):
    return _sk.polynomial_kernel(X, Y, degree=degree, gamma=gamma, coef0=coef0)


def rbf_kernel(X, Y=None, gamma=None):
    return _sk.rbf_kernel(X, Y, gamma=gamma)


def sigmoid_kernel(X, Y=None, gamma=None, coef0=1):
    return _sk.sigmoid_kernel(X, Y, gamma=gamma, coef0=coef0)


def cosine_similarity(X, Y=None, dense_output=True):
    return _sk.cosine_similarity(X, Y, dense_output=dense_output)


@validate_params({"metric": [StrOptions(_DISTANCES), callable]},
                 prefer_skip_nested_validation=False)
def pairwise_distances(X, Y=None, metric="euclidean", *, n_jobs=None, ensure_all_finite=True,
                       **kwds):
    return _sk.pairwise_distances(X, Y, metric=metric, n_jobs=n_jobs,
                                  ensure_all_finite=ensure_all_finite, **kwds)


@validate_params({"metric": [StrOptions(_KERNELS), callable]},
                 prefer_skip_nested_validation=False)
def pairwise_kernels(X, Y=None, metric="linear", *, filter_params=False, n_jobs=None, **kwds):
    return _sk.pairwise_kernels(X, Y, metric=metric, filter_params=filter_params,
                                n_jobs=n_jobs, **kwds)
