"""Kernel ridge regression through scikit-learn: the reference for `mathml.kernel_ridge`.

`sklearn.kernel_ridge.KernelRidge` with its `kernel` restricted to the kernels mathml
implements (scikit-learn also offers chi², laplacian and Gaussian-process kernels), refused
with scikit-learn's own parameter validation and wording.
"""
from __future__ import annotations

import sklearn.kernel_ridge as _sk
from sklearn.utils._param_validation import StrOptions

__all__ = ["KernelRidge"]

_KERNELS = {"linear", "poly", "polynomial", "rbf", "sigmoid", "cosine", "precomputed"}


class KernelRidge(_sk.KernelRidge):
    _parameter_constraints: dict = {**_sk.KernelRidge._parameter_constraints,
                                    "kernel": [StrOptions(_KERNELS), callable]}
