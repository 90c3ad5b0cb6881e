"""Gaussian mixtures through scikit-learn: the reference for `mathml.mixture`.

scikit-learn's class with mathml's `__init__`; `fit` and `fit_predict` run on one OpenMP
thread, as `reference.cluster.KMeans` does, so that the k-means initialisation
(``init_params='kmeans'``) is the single-threaded one mathml reproduces bit for bit.
"""
from __future__ import annotations

import sklearn.mixture as sk

from .cluster import _one_thread

__all__ = ["GaussianMixture"]


class GaussianMixture(sk.GaussianMixture):
    def __init__(self, n_components=1, *, covariance_type="full", tol=1e-3, reg_covar=1e-6,
                 max_iter=100, n_init=1, init_params="kmeans", weights_init=None,
                 means_init=None, precisions_init=None, random_state=None, warm_start=False,
                 verbose=0, verbose_interval=10):
        super().__init__(n_components=n_components, covariance_type=covariance_type, tol=tol,
                         reg_covar=reg_covar, max_iter=max_iter, n_init=n_init,
                         init_params=init_params, weights_init=weights_init,
                         means_init=means_init, precisions_init=precisions_init,
                         random_state=random_state, warm_start=warm_start, verbose=verbose,
                         verbose_interval=verbose_interval)

    fit = _one_thread(sk.GaussianMixture.fit)
    fit_predict = _one_thread(sk.GaussianMixture.fit_predict)
