"""Gaussian mixture models fitted by expectation–maximisation. Mirrors `sklearn.mixture`.

A Gaussian mixture says that each sample x comes from one of K Gaussians, the k-th chosen
with probability π_k:

    p(x) = Σ_k π_k N(x | μ_k, Σ_k).

Which Gaussian made which sample is hidden, and maximising the log-likelihood directly
couples all the parameters through the logarithm of a sum. EM alternates two easy steps
instead: the E-step computes, for the current parameters, the posterior probability r_ik
that sample i came from component k (its *responsibility*); the M-step refits each Gaussian
to the samples weighted by their responsibilities, in closed form. Every round increases
the log-likelihood, and the iteration stops when the increase falls below ``tol``.

Every step is written in scikit-learn's order of operations (the same products, sums and
log-sum-exp), so that the same ``random_state`` and initialisation give the same EM
iterates as ``sklearn.mixture.GaussianMixture``; only the Cholesky factorisations and the
triangular inverses round differently (LAPACK's against `mathml.linalg`'s).
"""
from __future__ import annotations

import math
import warnings
from numbers import Integral, Real
from time import time

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validation import (FLOAT_DTYPES, check_array, check_random_state, float_dtype_of,
                          validate_data)
from .base import BaseEstimator, DensityMixin, Interval, StrOptions, check_is_fitted
from .cluster import KMeans, kmeans_plusplus
from .exceptions import ConvergenceWarning, LinAlgError
from .linalg import cholesky, eigvalsh
from .linalg._lu import _solve_triangular
from .special import logsumexp
from .stats._sampling import standard_normal

__all__ = ["GaussianMixture"]

COVARIANCE_TYPES = ("full", "tied", "diag", "spherical")

ILL_DEFINED_COVARIANCE = (
    "Fitting the mixture model failed because some components have ill-defined empirical "
    "covariance (for instance caused by singleton or collapsed samples). Try to decrease the "
    "number of components, increase reg_covar, or scale the input data.")


def _textbook_GaussianMixture(X: ArrayLike, n_components: int, random_state=None,
                              max_iter: int = 100, tol: float = 1e-3, reg_covar: float = 1e-6):
    r"""EM for a Gaussian mixture as a textbook writes it (full covariances, random start).

    .. math::

        r_{ik} = \frac{\pi_k \mathcal N(x_i \mid \mu_k, \Sigma_k)}
        {\sum_j \pi_j \mathcal N(x_i \mid \mu_j, \Sigma_j)}, \qquad
        \pi_k = \frac{N_k}{n}, \quad \mu_k = \frac{\sum_i r_{ik} x_i}{N_k}, \quad
        \Sigma_k = \frac{\sum_i r_{ik} (x_i - \mu_k)(x_i - \mu_k)^\mathsf{T}}{N_k}

    Returns (π, μ, Σ, number of E-steps). Starts from random responsibilities (uniform
    draws normalised per sample, ``init_params='random'``), then alternates M and E until
    the mean log-likelihood changes by less than `tol`. `GaussianMixture` computes the same
    thing (tests/test_mixture.py compares them) through the precision's Cholesky factor,
    for four covariance shapes and several starts.
    """
    X = np.asarray(X, dtype=float)
    n, p = X.shape
    r = check_random_state(random_state).uniform(size=(n, n_components))
    r /= r.sum(axis=1, keepdims=True)

    def m_step(r):
        N = r.sum(axis=0)
        mu = (r.T @ X) / N[:, None]
        Sigma = np.stack([((r[:, k, None] * (X - mu[k])).T @ (X - mu[k])) / N[k]
                          + reg_covar * np.eye(p) for k in range(n_components)])
        return N / n, mu, Sigma

    def log_gaussian(mu_k, Sigma_k):
        L = cholesky(Sigma_k)                        # Σ = L Lᵀ, log det Σ = 2 Σ log L_jj
        z = _solve_triangular(L, (X - mu_k).T, lower=True)
        return -0.5 * (p * math.log(2 * math.pi) + (z ** 2).sum(axis=0)) - np.log(np.diag(L)).sum()

    pi, mu, Sigma = m_step(r)
    bound, n_iter = -np.inf, 0
    while n_iter < max_iter:
        n_iter += 1
        log_joint = np.log(pi) + np.column_stack([log_gaussian(mu[k], Sigma[k])
                                                  for k in range(n_components)])
        log_px = logsumexp(log_joint, axis=1)
        r = np.exp(log_joint - log_px[:, None])      # E-step
        pi, mu, Sigma = m_step(r)                    # M-step
        previous, bound = bound, log_px.mean()
        if abs(bound - previous) < tol:
            break
    return pi, mu, Sigma, n_iter


# --- the user's initial parameters, checked as scikit-learn checks them ------------------------

def _check_shape(param: NDArray, shape: tuple, name: str) -> None:
    if param.shape != shape:
        raise ValueError(f"The parameter '{name}' should have the shape of {shape}, but got "
                         f"{param.shape}")


def _check_weights(weights: ArrayLike, K: int) -> NDArray[np.float64]:
    pi = check_array(weights, ensure_2d=False)
    _check_shape(pi, (K,), "weights")
    if (pi < 0.0).any() or (pi > 1.0).any():
        # scikit-learn's message, which prints the minimum as "max value" and vice versa
        raise ValueError("The parameter 'weights' should be in the range [0, 1], but got max "
                         f"value {pi.min():.5f}, min value {pi.max():.5f}")
    if not abs(1.0 - pi.sum()) <= 1e-8:
        raise ValueError("The parameter 'weights' should be normalized, but got "
                         f"sum(weights) = {pi.sum():.5f}")
    return pi


def _check_means(means: ArrayLike, K: int, p: int) -> NDArray[np.float64]:
    mu = check_array(means, ensure_2d=False)
    _check_shape(mu, (K, p), "means")
    return mu


def _check_precisions(precisions: ArrayLike, covariance_type: str, K: int, p: int
                      ) -> NDArray[np.float64]:
    P = check_array(precisions, ensure_2d=False, allow_nd=covariance_type == "full")
    shapes = {"full": (K, p, p), "tied": (p, p), "diag": (K, p), "spherical": (K,)}
    _check_shape(P, shapes[covariance_type], f"{covariance_type} precision")
    if covariance_type in ("diag", "spherical"):
        if (P <= 0.0).any():
            raise ValueError(f"'{covariance_type} precision' should be positive")
        return P
    for Pk in P.reshape(-1, p, p):
        symmetric = np.abs(Pk - Pk.T) <= 1e-8 + 1e-5 * np.abs(Pk.T)  # np.isclose's rule
        if not (symmetric.all() and (eigvalsh(Pk) > 0.0).all()):
            raise ValueError(f"'{covariance_type} precision' should be symmetric, "
                             "positive-definite")
    return P


# --- the M-step: weighted means and covariances ------------------------------------------------

def _estimate_gaussian_parameters(X: NDArray, resp: NDArray, reg_covar: float,
                                  covariance_type: str):
    """N_k, μ_k and Σ_k from the responsibilities (the M-step's closed forms)."""
    # 10·eps keeps an empty component's N_k away from 0.
    N = resp.sum(axis=0) + 10 * np.finfo(resp.dtype).eps
    mu = (resp.T @ X) / N[:, None]
    if covariance_type == "full":
        # Σ_k = Σ_i r_ik (x_i − μ_k)(x_i − μ_k)ᵀ / N_k + reg·I, for all k at once.
        D = X[None, :, :] - mu[:, None, :]                          # (K, n, p)
        Sigma = ((resp.T[:, None, :] * D.transpose(0, 2, 1)) @ D) / N[:, None, None]
        Sigma[:, np.arange(X.shape[1]), np.arange(X.shape[1])] += reg_covar
    elif covariance_type == "tied":
        # Σ = (Σ_i x_i x_iᵀ − Σ_k N_k μ_k μ_kᵀ) / n + reg·I.
        Sigma = (X.T @ X - (N * mu.T) @ mu) / N.sum()
        Sigma.flat[::X.shape[1] + 1] += reg_covar
    else:
        # σ²_kj = Σ_i r_ik x_ij² / N_k − μ_kj² + reg (diag); their mean over j (spherical).
        Sigma = (resp.T @ (X * X)) / N[:, None] - mu ** 2 + reg_covar
        if covariance_type == "spherical":
            Sigma = Sigma.mean(axis=1)
    return N, mu, Sigma


def _precision_cholesky(Sigma: NDArray, covariance_type: str) -> NDArray[np.float64]:
    """U with Σ⁻¹ = U Uᵀ: U = L⁻ᵀ for the Cholesky factor Σ = L Lᵀ (1/σ for diag, spherical)."""
    if covariance_type in ("diag", "spherical"):
        if (Sigma <= 0.0).any():
            raise ValueError(ILL_DEFINED_COVARIANCE)
        return 1.0 / np.sqrt(Sigma)
    p = Sigma.shape[-1]
    U = np.empty_like(Sigma)
    for k, Sigma_k in enumerate(Sigma.reshape(-1, p, p)):   # one matrix if tied
        try:
            L = cholesky(Sigma_k)
        except LinAlgError:
            raise ValueError(ILL_DEFINED_COVARIANCE) from None
        U.reshape(-1, p, p)[k] = _solve_triangular(L, np.eye(p), lower=True).T
    return U


def _precision_cholesky_from_precisions(P: NDArray, covariance_type: str) -> NDArray[np.float64]:
    """U upper triangular with P = U Uᵀ: reverse the rows and columns (J P J = L Lᵀ), factor,
    reverse back (U = J L J)."""
    if covariance_type in ("diag", "spherical"):
        return np.sqrt(P)
    p = P.shape[-1]
    flipped = [cholesky(Pk[::-1, ::-1])[::-1, ::-1] for Pk in P.reshape(-1, p, p)]
    return np.stack(flipped).reshape(P.shape)


# --- the E-step: log N(x | μ_k, Σ_k) through the precision's Cholesky factor -------------------

def _log_det_cholesky(U: NDArray, covariance_type: str, p: int) -> NDArray[np.float64]:
    """log det U = −½ log det Σ_k, per component (a scalar if tied)."""
    if covariance_type == "full":
        return np.log(U.reshape(U.shape[0], -1)[:, ::p + 1]).sum(axis=1)
    if covariance_type == "tied":
        return np.log(np.diag(U)).sum()
    if covariance_type == "diag":
        return np.log(U).sum(axis=1)
    return p * np.log(U)


def _estimate_log_gaussian_prob(X: NDArray, mu: NDArray, U: NDArray,
                                covariance_type: str) -> NDArray[np.float64]:
    """log N(x_i | μ_k, Σ_k), shape (n, K): −½(p log 2π + ‖(x_i − μ_k)ᵀ U_k‖²) + log det U_k."""
    p = X.shape[1]
    log_det = _log_det_cholesky(U, covariance_type, p)
    if covariance_type in ("full", "tied"):
        # y = x U − μ U, for every component at once (a tied U serves all of them).
        Y = X @ U - (mu[:, None, :] @ U)                              # (K, n, p)
        mahalanobis = (Y ** 2).sum(axis=2).T
    elif covariance_type == "diag":
        # Σ_j (x_j − μ_kj)² τ_kj expanded: μ²τ − 2 x·(μτ) + x²·τ.
        tau = U ** 2
        mahalanobis = (mu ** 2 * tau).sum(axis=1) - 2.0 * (X @ (mu * tau).T) + (X ** 2 @ tau.T)
    else:
        tau = U ** 2
        squared_norms = np.einsum("ij,ij->i", X, X)
        mahalanobis = ((mu ** 2).sum(axis=1) * tau - 2 * (X @ mu.T * tau)
                       + squared_norms[:, None] * tau[None, :])
    return -0.5 * (p * math.log(2 * math.pi) + mahalanobis) + log_det


class GaussianMixture(DensityMixin, BaseEstimator):
    r"""A mixture of K Gaussians, fitted by expectation–maximisation (EM).

    .. math::

        p(x) = \sum_{k=1}^K \pi_k\, \mathcal N(x \mid \mu_k, \Sigma_k); \quad
        \text{E: } r_{ik} = \frac{\pi_k \mathcal N(x_i \mid \mu_k, \Sigma_k)}
        {\sum_j \pi_j \mathcal N(x_i \mid \mu_j, \Sigma_j)}; \quad
        \text{M: } N_k = \sum_i r_{ik},\ \pi_k = \frac{N_k}{n},\
        \mu_k = \frac{1}{N_k} \sum_i r_{ik} x_i,\
        \Sigma_k = \frac{1}{N_k} \sum_i r_{ik} (x_i - \mu_k)(x_i - \mu_k)^\mathsf{T} + \epsilon I

    EM maximises the log-likelihood
    :math:`\log L = \sum_i \log \sum_k \pi_k \mathcal N(x_i \mid \mu_k, \Sigma_k)`.

    **Deriving EM.** Introduce the hidden component z_i of each sample. For any
    distribution q_i(k) over it, Jensen's inequality gives a lower bound on the
    log-likelihood,

    .. math::

        \log L \ge \sum_i \sum_k q_i(k) \log \frac{\pi_k \mathcal N(x_i \mid \mu_k, \Sigma_k)}
        {q_i(k)},

    with equality when q_i is the posterior of z_i. *E-step*: take that posterior, the
    responsibilities (computed in logs, with log-sum-exp as the normaliser),

    .. math::

        r_{ik} = \frac{\pi_k \mathcal N(x_i \mid \mu_k, \Sigma_k)}
        {\sum_j \pi_j \mathcal N(x_i \mid \mu_j, \Sigma_j)}.

    *M-step*: with r fixed, the bound is a weighted Gaussian log-likelihood; setting its
    gradients to zero (a Lagrange multiplier for Σ π_k = 1) gives the weighted estimates

    .. math::

        N_k = \sum_i r_{ik}, \quad \pi_k = \frac{N_k}{n}, \quad
        \mu_k = \frac{1}{N_k} \sum_i r_{ik} x_i, \quad
        \Sigma_k = \frac{1}{N_k} \sum_i r_{ik} (x_i - \mu_k)(x_i - \mu_k)^\mathsf{T}
        + \epsilon I,

    with ε = ``reg_covar``. ``'tied'`` shares one Σ = Σ_k N_k Σ_k / n, ``'diag'`` keeps the
    diagonal of each Σ_k, ``'spherical'`` its mean σ²_k I. The E-step makes the bound tight
    and the M-step raises it, so log L never decreases. The densities use the Cholesky
    factor of the precision, Σ_k⁻¹ = U_k U_kᵀ:

    .. math::

        \log \mathcal N(x \mid \mu_k, \Sigma_k) = -\tfrac12\big(p \log 2\pi
        + \lVert (x - \mu_k)^\mathsf{T} U_k \rVert^2\big) + \sum_j \log (U_k)_{jj}.

    Parameters
    ----------
    n_components : int ≥ 1, default 1
    covariance_type : {'full', 'tied', 'diag', 'spherical'}, default 'full'
    tol : float ≥ 0, default 1e-3
        Stop when the mean log-likelihood per sample (the lower bound) changes by less.
    reg_covar : float ≥ 0, default 1e-6
        ε added to the diagonal of every covariance.
    max_iter : int ≥ 0, default 100
        EM iterations per initialisation (0: the initial parameters only).
    n_init : int ≥ 1, default 1
        Initialisations; the one with the largest final lower bound is kept (the first on
        ties).
    init_params : {'kmeans', 'k-means++', 'random', 'random_from_data'}, default 'kmeans'
        Initial responsibilities: the labels of one k-means run; the k-means++ seeds (one
        sample per component); uniform draws normalised per sample; K distinct samples.
    weights_init : array_like of shape (n_components,), optional
    means_init : array_like of shape (n_components, n_features), optional
    precisions_init : array_like, optional
        Shape (K, p, p) full, (p, p) tied, (K, p) diag, (K,) spherical.
    random_state : None, int or numpy.random.RandomState
        Seeds the initialisation and `sample`.
    warm_start : bool, default False
        Continue from the last fit (one initialisation; ``n_init`` is ignored).
    verbose : int ≥ 0, default 0
    verbose_interval : int ≥ 1, default 10

    Attributes
    ----------
    weights_ : ndarray of shape (n_components,)
    means_ : ndarray of shape (n_components, n_features)
    covariances_, precisions_, precisions_cholesky_ : ndarray
        Shaped as ``precisions_init``.
    converged_ : bool
    n_iter_ : int
        EM iterations of the kept initialisation.
    lower_bound_ : float
        Its final mean log-likelihood per sample.
    lower_bounds_ : list of float
        Its lower bound after each iteration.
    n_features_in_ : int

    Raises
    ------
    ValueError
        Fewer samples than components ("Expected n_samples >= n_components"), a covariance
        that is not positive definite ("ill-defined empirical covariance"), initial
        parameters of the wrong shape or range, scikit-learn's input and parameter checks.

    Warns
    -----
    ConvergenceWarning
        When the kept initialisation did not converge within ``max_iter``.

    Notes
    -----
    *Algorithm*: for each of ``n_init`` initialisations,

    1. initial responsibilities (``init_params``) and one M-step from them, or the given
       ``weights_init``, ``means_init``, ``precisions_init``;
    2. the E-step: log π_k + log N(x_i | μ_k, Σ_k), normalised by log-sum-exp into log r_ik;
       the lower bound is the mean of the normalisers, (1/n) log L;
    3. the M-step: N_k, π_k, μ_k, Σ_k as above, then U_k = L_k⁻ᵀ from the Cholesky factor
       Σ_k = L_k L_kᵀ;
    4. repeat 2–3 until the lower bound changes by less than ``tol`` or ``max_iter``;

    then keep the initialisation with the largest lower bound and do a final E-step, so
    that ``fit_predict(X)`` equals ``fit(X).predict(X)``.

    *The textbook algorithm* `_textbook_GaussianMixture` is the same EM for full
    covariances, written from the formulas above. This class stores the precision's factor
    U_k = L_k⁻ᵀ once per M-step, so that every E-step is matrix products, vectorises over
    the components, and follows scikit-learn's order of operations (10·eps added to N_k,
    the tied covariance as XᵀX/n − Σ π_k μ_k μ_kᵀ) so that its iterates are scikit-learn's.

    *Complexity*: per iteration O(n K p²) for the densities and covariances ('full'),
    O(n K p) for 'diag' and 'spherical', plus O(K p³) for the factorisations.

    *Numerical stability*: densities in logs, responsibilities through log-sum-exp; the
    log-determinant from the Cholesky diagonal; ε keeps the covariances positive definite.
    EM only finds a local maximum, which depends on the initialisation.

    References
    ----------
    Bishop, *Pattern Recognition and Machine Learning*, 2006, §9.2–9.4; Dempster, Laird &
    Rubin, "Maximum likelihood from incomplete data via the EM algorithm", JRSS B 39 (1977).

    Checked against ``reference.mixture.GaussianMixture`` →
    ``sklearn.mixture.GaussianMixture``: the same random_state and initialisation give the
    same iterations, convergence and parameters to rounding (the Cholesky factors round
    differently); ``sample`` draws from the same distribution with other draws.

    Examples
    --------
    >>> X = np.array([[1, 2], [1, 4], [1, 0], [10, 2], [10, 4], [10, 0]])
    >>> gm = GaussianMixture(n_components=2, random_state=0).fit(X)
    >>> gm.means_.round(6)
    array([[10.,  2.],
           [ 1.,  2.]])
    >>> gm.predict([[0, 0], [12, 3]]).tolist()
    [1, 0]
    """

    lower_bound_: float

    _parameter_constraints = {
        "n_components": [Interval(Integral, 1, None, closed="left")],
        "tol": [Interval(Real, 0.0, None, closed="left")],
        "reg_covar": [Interval(Real, 0.0, None, closed="left")],
        "max_iter": [Interval(Integral, 0, None, closed="left")],
        "n_init": [Interval(Integral, 1, None, closed="left")],
        "init_params": [StrOptions({"kmeans", "random", "random_from_data", "k-means++"})],
        "random_state": ["random_state"],
        "warm_start": ["boolean"],
        "verbose": ["verbose"],
        "verbose_interval": [Interval(Integral, 1, None, closed="left")],
        "covariance_type": [StrOptions(set(COVARIANCE_TYPES))],
        "weights_init": ["array-like", None],
        "means_init": ["array-like", None],
        "precisions_init": ["array-like", None],
    }

    def __init__(self, n_components: int = 1, *, covariance_type: str = "full",
                 tol: float = 1e-3, reg_covar: float = 1e-6, max_iter: int = 100,
                 n_init: int = 1, init_params: str = "kmeans",
                 weights_init: ArrayLike | None = None, means_init: ArrayLike | None = None,
                 precisions_init: ArrayLike | None = None, random_state=None,
                 warm_start: bool = False, verbose: int = 0,
                 verbose_interval: int = 10) -> None:
        self.n_components = n_components
        self.covariance_type = covariance_type
        self.tol = tol
        self.reg_covar = reg_covar
        self.max_iter = max_iter
        self.n_init = n_init
        self.init_params = init_params
        self.weights_init = weights_init
        self.means_init = means_init
        self.precisions_init = precisions_init
        self.random_state = random_state
        self.warm_start = warm_start
        self.verbose = verbose
        self.verbose_interval = verbose_interval

    # --- fitting -------------------------------------------------------------------------------

    def fit(self, X: ArrayLike, y=None) -> GaussianMixture:
        """Fit by EM (``n_init`` initialisations, the best kept); returns self."""
        self.fit_predict(X, y)
        return self

    def fit_predict(self, X: ArrayLike, y=None) -> NDArray[np.intp]:
        """Fit by EM, then the most probable component of each sample of `X`."""
        self._validate_hyperparameters()
        X_type = float_dtype_of(X)
        X = validate_data(self, X, ensure_min_samples=2, dtype=FLOAT_DTYPES)
        if X.shape[0] < self.n_components:
            raise ValueError("Expected n_samples >= n_components but got n_components = "
                             f"{self.n_components}, n_samples = {X.shape[0]}")
        init = self._checked_init(X.shape[1])
        do_init = not (self.warm_start and hasattr(self, "converged_"))
        random_state = check_random_state(self.random_state)
        best_bound, best_bounds, self.converged_ = -np.inf, [], False
        for run in range(self.n_init if do_init else 1):
            self._print_init_begin(run)
            if do_init:
                # Step 1: initial parameters.
                self._initialize(X, random_state, *init)
            bound, bounds, n_iter, converged = self._em(X, -np.inf if do_init
                                                        else self.lower_bound_)
            params = self._get_parameters()
            if self.max_iter == 0:
                best_params, best_n_iter = params, 0
            elif bound > best_bound or best_bound == -np.inf:
                best_bound, best_params, best_n_iter = bound, params, n_iter
                best_bounds, self.converged_ = bounds, converged
        if not self.converged_ and self.max_iter > 0:
            warnings.warn("Best performing initialization did not converge. Try different "
                          "init parameters, or increase max_iter, tol, or check for degenerate "
                          "data.", ConvergenceWarning, stacklevel=2)
        self._set_parameters(best_params)
        self.n_iter_, self.lower_bound_ = best_n_iter, X_type(best_bound)
        self.lower_bounds_ = [X_type(b) for b in best_bounds]
        self._round_parameters(X_type)
        # A final E-step, so that the labels are those of predict(X) for the kept parameters.
        return self._e_step(X)[1].argmax(axis=1)

    def _round_parameters(self, X_type: type) -> None:
        """The fitted parameters in X's floating type (float32 for float32 data, as
        scikit-learn's), once EM has run in float64."""
        for name in ("weights_", "means_", "covariances_", "precisions_cholesky_",
                     "precisions_"):
            value = getattr(self, name, None)
            if value is not None:
                setattr(self, name, np.asarray(value).astype(X_type))

    def _em(self, X: NDArray, bound: float) -> tuple[float, list[float], int, bool]:
        """Steps 2–4: alternate E and M from the current parameters; returns the final
        lower bound, the bound per iteration, the iterations done and whether it converged."""
        bounds: list[float] = []
        n_iter, converged = 0, False
        for n_iter in range(1, self.max_iter + 1):
            previous = bound
            bound, log_resp = self._e_step(X)            # Step 2
            self._m_step(X, log_resp)                    # Step 3
            bounds.append(bound)
            self._print_iter_end(n_iter, bound - previous)
            if abs(bound - previous) < self.tol:         # Step 4
                converged = True
                break
        if self.max_iter > 0:
            self._print_init_end(bound, converged)
        return bound, bounds, n_iter, converged

    def _checked_init(self, p: int) -> tuple:
        K, kind = self.n_components, self.covariance_type
        return (None if self.weights_init is None else _check_weights(self.weights_init, K),
                None if self.means_init is None else _check_means(self.means_init, K, p),
                None if self.precisions_init is None
                else _check_precisions(self.precisions_init, kind, K, p))

    def _initial_resp(self, X: NDArray, random_state: np.random.RandomState) -> NDArray:
        """Step 1's responsibilities, from scikit-learn's draws for each ``init_params``."""
        n, K = X.shape[0], self.n_components
        if self.init_params == "random":
            resp = random_state.uniform(size=(n, K))
            return resp / resp.sum(axis=1)[:, None]
        resp = np.zeros((n, K))
        if self.init_params == "kmeans":
            labels = KMeans(n_clusters=K, n_init=1, random_state=random_state).fit(X).labels_
            resp[np.arange(n), labels] = 1
        elif self.init_params == "random_from_data":
            resp[random_state.choice(n, size=K, replace=False), np.arange(K)] = 1
        else:  # 'k-means++'
            _, indices = kmeans_plusplus(X, K, random_state=random_state)
            resp[indices, np.arange(K)] = 1
        return resp

    def _initialize(self, X: NDArray, random_state, weights_init, means_init,
                    precisions_init) -> None:
        kind = self.covariance_type
        if weights_init is None or means_init is None or precisions_init is None:
            resp = self._initial_resp(X, random_state)
            pi, mu, Sigma = _estimate_gaussian_parameters(X, resp, self.reg_covar, kind)
            if weights_init is None:
                pi /= X.shape[0]
        self.weights_ = pi if weights_init is None else weights_init
        self.means_ = mu if means_init is None else means_init
        if precisions_init is None:
            self.covariances_ = Sigma
            self.precisions_cholesky_ = _precision_cholesky(Sigma, kind)
        else:
            self.precisions_cholesky_ = _precision_cholesky_from_precisions(precisions_init,
                                                                            kind)

    def _e_step(self, X: NDArray) -> tuple[float, NDArray[np.float64]]:
        """The lower bound (1/n) log L and log r, shape (n, K)."""
        log_norm, log_resp = self._log_prob_resp(X)
        return float(log_norm.mean()), log_resp

    def _m_step(self, X: NDArray, log_resp: NDArray) -> None:
        kind = self.covariance_type
        N, self.means_, self.covariances_ = _estimate_gaussian_parameters(
            X, np.exp(log_resp), self.reg_covar, kind)
        self.weights_ = N / N.sum()
        self.precisions_cholesky_ = _precision_cholesky(self.covariances_, kind)

    def _get_parameters(self) -> tuple:
        return (self.weights_, self.means_, getattr(self, "covariances_", None),
                self.precisions_cholesky_)

    def _set_parameters(self, params: tuple) -> None:
        self.weights_, self.means_, self.covariances_, self.precisions_cholesky_ = params
        U = self.precisions_cholesky_
        if self.covariance_type in ("full", "tied"):
            self.precisions_ = U @ np.swapaxes(U, -1, -2)
        else:
            self.precisions_ = U ** 2

    # --- prediction ----------------------------------------------------------------------------

    def _weighted_log_prob(self, X: NDArray) -> NDArray[np.float64]:
        """log π_k + log N(x_i | μ_k, Σ_k), shape (n, K)."""
        return (_estimate_log_gaussian_prob(X, self.means_, self.precisions_cholesky_,
                                            self.covariance_type) + np.log(self.weights_))

    def _log_prob_resp(self, X: NDArray) -> tuple[NDArray, NDArray]:
        weighted = self._weighted_log_prob(X)
        log_norm = logsumexp(weighted, axis=1)
        with np.errstate(under="ignore"):
            return log_norm, weighted - log_norm[:, None]

    def _checked(self, X: ArrayLike) -> NDArray:
        check_is_fitted(self)
        return validate_data(self, X, reset=False)

    def _output_type(self, X: ArrayLike) -> np.dtype:
        """scikit-learn's type of a result for data X: float32 when X and the fit are."""
        return np.result_type(float_dtype_of(X), self.means_.dtype)

    def score_samples(self, X: ArrayLike) -> NDArray[np.floating]:
        """log p(x_i) under the fitted mixture, shape (n_samples,)."""
        X_checked = self._checked(X)
        out_type = self._output_type(X)
        return logsumexp(self._weighted_log_prob(X_checked), axis=1).astype(out_type)

    def predict(self, X: ArrayLike) -> NDArray[np.intp]:
        """The component of largest posterior probability, shape (n_samples,)."""
        return self._weighted_log_prob(self._checked(X)).argmax(axis=1)

    def predict_proba(self, X: ArrayLike) -> NDArray[np.floating]:
        """The responsibilities r_ik, shape (n_samples, n_components)."""
        X_checked = self._checked(X)
        out_type = self._output_type(X)
        return np.exp(self._log_prob_resp(X_checked)[1]).astype(out_type)

    def _n_parameters(self) -> int:
        K, p = self.means_.shape
        covariance_params = {"full": K * p * (p + 1) / 2.0, "diag": K * p,
                             "tied": p * (p + 1) / 2.0, "spherical": K}[self.covariance_type]
        return int(covariance_params + K * p + K - 1)

    def bic(self, X: ArrayLike) -> float:
        """Bayesian information criterion −2 log L + (number of parameters)·log n."""
        n = self._checked(X).shape[0]
        return -2 * self.score(X) * n + self._n_parameters() * math.log(n)

    def aic(self, X: ArrayLike) -> float:
        """Akaike information criterion −2 log L + 2·(number of parameters)."""
        n = self._checked(X).shape[0]
        return -2 * self.score(X) * n + 2 * self._n_parameters()

    def sample(self, n_samples: int = 1) -> tuple[NDArray[np.float64], NDArray[np.int64]]:
        """`n_samples` draws from the fitted mixture, grouped by component, and their
        components.

        Each draw picks component k with probability π_k (inverting the cumulative weights
        at a uniform draw), then x = μ_k + A_k z with z standard normal (Box–Muller) and
        A_k A_kᵀ = Σ_k (the Cholesky factor; σ_k for 'diag' and 'spherical').
        scikit-learn draws from the same distribution with RandomState's multinomial and
        multivariate_normal, so the numbers differ.
        """
        check_is_fitted(self)
        if n_samples < 1:
            # scikit-learn's message, which prints n_components where it means n_samples
            raise ValueError(f"Invalid value for 'n_samples': {self.n_components} . The "
                             "sampling requires at least one sample.")
        # a count, truncated as RandomState.multinomial takes it in scikit-learn (2.0 is 2;
        # NaN and infinity are Python's errors)
        n_samples = int(n_samples)
        rng = check_random_state(self.random_state)
        K, p = self.means_.shape
        cumulative = np.cumsum(self.weights_)
        u = rng.random_sample(n_samples) * cumulative[-1]
        y = np.sort(np.minimum(np.searchsorted(cumulative, u, side="right"), K - 1))
        Z = standard_normal(rng, (n_samples, p))
        Sigma = self.covariances_
        if self.covariance_type == "full":
            A = np.stack([cholesky(Sigma_k) for Sigma_k in Sigma])
            X = self.means_[y] + np.einsum("nij,nj->ni", A[y], Z)
        elif self.covariance_type == "tied":
            X = self.means_[y] + Z @ cholesky(Sigma).T
        else:
            sigma = np.sqrt(Sigma if Sigma.ndim == 2 else Sigma[:, None])
            X = self.means_[y] + Z * sigma[y]
        return X, y.astype(np.int64)

    # --- verbose output, scikit-learn's ----------------------------------------------------

    def _print_init_begin(self, run: int) -> None:
        if self.verbose >= 1:
            print(f"Initialization {run}")
        if self.verbose >= 2:
            self._init_prev_time = self._iter_prev_time = time()

    def _print_iter_end(self, n_iter: int, change: float) -> None:
        if n_iter % self.verbose_interval == 0:
            if self.verbose == 1:
                print(f"  Iteration {n_iter}")
            elif self.verbose >= 2:
                now = time()
                print(f"  Iteration {n_iter}\t time lapse {now - self._iter_prev_time:.5f}s"
                      f"\t ll change {change:.5f}")
                self._iter_prev_time = now

    def _print_init_end(self, bound: float, converged: bool) -> None:
        message = "converged" if converged else "did not converge"
        if self.verbose == 1:
            print(f"Initialization {message}.")
        elif self.verbose >= 2:
            print(f"Initialization {message}. time lapse {time() - self._init_prev_time:.5f}s"
                  f"\t lower bound {bound:.5f}.")
