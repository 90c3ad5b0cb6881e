"""Model evaluation: scores of predictions (`_scores`) and pairwise distances and kernels
(`pairwise`), as in `sklearn.metrics`."""
from . import pairwise
from ._scores import *  # noqa: F403
from ._scores import __all__ as _scores_all
from .pairwise import euclidean_distances, pairwise_distances, pairwise_kernels  # noqa: F401

# scikit-learn also offers these three at `sklearn.metrics` level: the same attributes here.
# `__all__` names the submodule only, so each concept has one name (metrics.pairwise.<name>).
__all__ = [*_scores_all, "pairwise"]
