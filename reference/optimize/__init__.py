"""Optimisation and root finding through SciPy (and scikit-learn's update rules): the
reference for `mathml.optimize`, one private module per family as there."""
from ._root import bisect, brentq, newton

__all__ = ["newton", "bisect", "brentq"]
