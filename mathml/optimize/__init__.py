"""Optimisation and root finding from scratch: the counterpart of ``scipy.optimize``.

One private module per family, each readable on its own:

- `_root`: scalar root finding (`newton`, `bisect`, `brentq`).
- `_linprog`: linear programming by the two-phase simplex method (`linprog`).
- `_first_order`: the update rules of deep learning (`sgd`, `adam`).
- `_minimize`, `_line_search`, `_gradient_descent`, `_rosen` (and the solvers `_bfgs`, `_lbfgsb`,
  `_cg`, `_newton_cg`, `_nelder_mead`): unconstrained and bound-constrained minimisation.
- `_constrained` (with `_slsqp`, `_penalty`, `_lagrange`): constrained minimisation —
  SQP for `minimize(method='SLSQP')`, the `penalty` and `barrier` methods, `lagrange`.
"""
from ._first_order import adam, sgd
from ._linprog import linprog
from ._root import bisect, brentq, newton
from ._gradient_descent import gradient_descent
from ._line_search import line_search
from ._minimize import minimize
from ._penalty import barrier, penalty
from ._lagrange import lagrange
from ._result import OptimizeResult
from ._rosen import rosen, rosen_der, rosen_hess

__all__ = ["rosen", "rosen_der", "rosen_hess", "OptimizeResult", "line_search",
           "gradient_descent", "minimize", "newton", "bisect", "brentq", "linprog", "sgd", "adam",
           "penalty", "barrier", "lagrange"]
