"""Model evaluation: scores of predictions (`_scores`) and pairwise distances and kernels
(`pairwise`), as in `sklearn.metrics`."""
from . import pairwise
from ._scores import *  # noqa: F403
from ._scores import __all__ as _scores_all

__all__ = [*_scores_all, "pairwise"]
