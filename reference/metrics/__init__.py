"""Model evaluation through scikit-learn: the reference for `mathml.metrics` (scores in
`_scores`, distances and kernels in `pairwise`)."""
from . import pairwise
from ._scores import *  # noqa: F403
from ._scores import __all__ as _scores_all

__all__ = [*_scores_all, "pairwise"]
