"""Linear models: least squares, ridge, lasso, elastic net, gradient descent, logistic regression.

Every model centres X and y when it fits an intercept, solves for the coefficients on the
centred data, and recovers the intercept as ``b = ȳ − x̄ᵀw`` — which is why the penalties
never touch the intercept (scikit-learn's convention).

Solvers, each written with `mathml.linalg`:

- `LinearRegression`: Householder QR of the centred X (condition number κ, not κ² as the
  normal equations); a rank-deficient X falls back to the SVD's minimum-norm solution,
  which is what scikit-learn's ``scipy.linalg.lstsq`` (LAPACK gelsd, SVD-based) always
  returns. QR costs 2np² − 2p³/3 flops against the SVD's ~4np² + 8p³ and is as accurate when
  X has full column rank; only on (near) rank-deficient X do the two differ, and there the
  fallback makes them agree.
- `Ridge`: scikit-learn's solvers, each from scratch: Cholesky of XᵀX + αI ('auto'), the
  SVD, conjugate gradients, LSQR, SAG and SAGA (its draws), L-BFGS-B for ``positive``.
- `Lasso`, `ElasticNet`: coordinate descent (cyclic, or scikit-learn's random draws) with
  soft thresholding, on the residual or the Gram matrix, stopped by scikit-learn's duality
  gap; `lasso_path`, `enet_path` warm-start it along a decreasing grid of penalties.
- `GradientDescentRegressor`: full-batch gradient descent on the squared error (the seeds'
  algorithm).
- `SGDRegressor`, `SGDClassifier`: scikit-learn's stochastic gradient descent, one sample per
  step in scikit-learn's shuffled order.
- `LogisticRegression`: scikit-learn's solver names, each mathml's own: L-BFGS, Newton-CG,
  Newton–Cholesky (IRLS), SAG, SAGA (with the proximal step for L1 and the elastic net),
  and liblinear's problem (penalised intercept).

The package's private modules: `_base` (centring, solves, ``predict``), `_least_squares`,
`_coordinate_descent`, `_gradient_descent`, `_stochastic_gradient`, `_logistic`.
"""
from ._coordinate_descent import ElasticNet, Lasso, enet_path, lasso_path
from ._gradient_descent import GradientDescentRegressor
from ._least_squares import LinearRegression, Ridge
from ._logistic import LogisticRegression
from ._stochastic_gradient import SGDClassifier, SGDRegressor

__all__ = ["LinearRegression", "Ridge", "Lasso", "ElasticNet", "GradientDescentRegressor",
           "SGDRegressor", "SGDClassifier", "LogisticRegression", "lasso_path", "enet_path"]
