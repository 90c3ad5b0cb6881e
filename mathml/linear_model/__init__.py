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
- `Ridge`: Cholesky of XᵀX + αI (positive definite for α > 0), as scikit-learn's 'cholesky'.
- `Lasso`, `ElasticNet`: cyclic coordinate descent with soft thresholding, stopped by
  scikit-learn's duality gap.
- `GradientDescentRegressor`: full-batch gradient descent on the squared error (the seeds'
  algorithm).
- `SGDRegressor`, `SGDClassifier`: scikit-learn's stochastic gradient descent, one sample per
  step in scikit-learn's shuffled order.
- `LogisticRegression`: Newton's method (IRLS) with a backtracking line search.

The package's private modules: `_base` (centring, solves, ``predict``), `_least_squares`,
`_coordinate_descent`, `_gradient_descent`, `_stochastic_gradient`, `_logistic`.
"""
from ._coordinate_descent import ElasticNet, Lasso
from ._gradient_descent import GradientDescentRegressor
from ._least_squares import LinearRegression, Ridge
from ._logistic import LogisticRegression
from ._stochastic_gradient import SGDClassifier, SGDRegressor

__all__ = ["LinearRegression", "Ridge", "Lasso", "ElasticNet", "GradientDescentRegressor",
           "SGDRegressor", "SGDClassifier", "LogisticRegression"]
