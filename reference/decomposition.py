"""Principal component analysis through scikit-learn: the reference for
`mathml.decomposition`.

scikit-learn's class with mathml's `__init__` (the exact solvers only: 'auto', 'full',
'covariance_eigh'; no 'mle').
"""
from __future__ import annotations

from numbers import Integral, Real

import numpy as np
import sklearn.decomposition as sk
from sklearn.utils._param_validation import Interval, StrOptions

__all__ = ["PCA"]


class PCA(sk.PCA):
    _parameter_constraints: dict = {
        "n_components": [Interval(Integral, 0, None, closed="left"),
                         Interval(Real, 0, 1, closed="neither"), None],
        "whiten": ["boolean"],
        "svd_solver": [StrOptions({"auto", "full", "covariance_eigh"})],
        "random_state": ["random_state"],
    }

    def __init__(self, n_components=None, *, whiten=False, svd_solver="auto", random_state=None):
        super().__init__(n_components=n_components, whiten=whiten, svd_solver=svd_solver,
                         random_state=random_state)

    def _fit(self, X):
        # scikit-learn's 'auto' picks its randomized (random, approximate) solver when
        # max(n, p) > 500, the data are not tall and narrow, and 1 ≤ n_components < 0.8·min(n, p);
        # the contract's PCA is exact, so there 'auto' runs 'full', as mathml's does.
        shape, k = np.shape(X), self.n_components
        n, p = shape if len(shape) == 2 else (0, 0)  # the 1-D error is scikit-learn's own
        if (self.svd_solver == "auto" and not (p <= 1000 and n >= 10 * p)
                and max(n, p) > 500 and k is not None and 1 <= k < 0.8 * min(n, p)):
            self.svd_solver = "full"
            try:
                return super()._fit(X)
            finally:
                self.svd_solver = "auto"
        return super()._fit(X)
