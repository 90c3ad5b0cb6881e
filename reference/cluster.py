"""Clustering through scikit-learn and `scipy.cluster.hierarchy`: the reference for
`mathml.cluster`."""
from __future__ import annotations

import sklearn.cluster as sk
from sklearn.utils._param_validation import StrOptions
from threadpoolctl import ThreadpoolController

__all__: list[str] = []

# --- k-means ----------------------------------------------------------------------------------

__all__ += ["KMeans", "kmeans_plusplus"]

# scikit-learn's Lloyd loop runs on OpenMP threads, each summing its share of the samples, and
# the order of those partial sums moves the centres by ~1e-15: the reference runs on one thread
# (the controller is made after sklearn.cluster has loaded its OpenMP runtime).
_THREADS = ThreadpoolController()


def _one_thread(method):
    def wrapped(self, *args, **kwargs):
        with _THREADS.limit(limits=1, user_api="openmp"):
            return method(self, *args, **kwargs)
    wrapped.__name__, wrapped.__doc__ = method.__name__, method.__doc__
    return wrapped


class KMeans(sk.KMeans):
    # mathml implements Lloyd's algorithm only: 'elkan' is refused here too (same message)
    _parameter_constraints = {**sk.KMeans._parameter_constraints,
                              "algorithm": [StrOptions({"lloyd"})]}

    def __init__(self, n_clusters=8, *, init="k-means++", n_init="auto", max_iter=300,
                 tol=1e-4, random_state=None, copy_x=True, algorithm="lloyd"):
        super().__init__(n_clusters=n_clusters, init=init, n_init=n_init, max_iter=max_iter,
                         tol=tol, random_state=random_state, copy_x=copy_x,
                         algorithm=algorithm)

    fit = _one_thread(sk.KMeans.fit)
    predict = _one_thread(sk.KMeans.predict)
    score = _one_thread(sk.KMeans.score)


kmeans_plusplus = sk.kmeans_plusplus
