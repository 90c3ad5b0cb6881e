"""Model evaluation through scikit-learn: the reference for `mathml.metrics` (scores in
`_scores`, distances and kernels in `pairwise`)."""
from . import pairwise
from ._scores import *  # noqa: F403
from ._scores import __all__ as _scores_all
from .pairwise import euclidean_distances, pairwise_distances, pairwise_kernels  # noqa: F401

# scikit-learn also offers these three at `sklearn.metrics` level: the same attributes here.
# `__all__` names the submodule only, so each concept has one name (metrics.pairwise.<name>).
__all__ = [*_scores_all, "pairwise"]
