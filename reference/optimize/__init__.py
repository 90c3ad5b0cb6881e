"""Optimisation and root finding through SciPy (and scikit-learn's update rules): the
reference for `mathml.optimize`, one private module per family as there."""
from ._first_order import adam, sgd
from ._linprog import linprog
from ._root import bisect, brentq, newton
from ._gradient_descent import gradient_descent
from ._line_search import line_search
from ._minimize import minimize
from ._constrained import barrier, lagrange, penalty
from ._result import OptimizeResult
from ._rosen import rosen, rosen_der, rosen_hess

__all__ = ["rosen", "rosen_der", "rosen_hess", "OptimizeResult", "line_search",
           "gradient_descent", "minimize", "newton", "bisect", "brentq", "linprog", "sgd", "adam",
           "penalty", "barrier", "lagrange"]
