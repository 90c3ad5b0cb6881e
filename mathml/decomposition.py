"""Matrix decompositions of a data set: principal component analysis. Mirrors
`sklearn.decomposition`.

PCA rests on `mathml.linalg`: its `svd` (the ``'full'`` solver, on the centred data) and its
`eigh` (the ``'covariance_eigh'`` solver, on the covariance matrix), its `inv` and `slogdet`
for the probabilistic model's precision and log-likelihood.
"""
from __future__ import annotations

import math
from numbers import Integral, Real
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validation import FLOAT_DTYPES, check_array, float_dtype_of, validate_data
from .base import (BaseEstimator, ClassNamePrefixFeaturesOutMixin, Interval, StrOptions,
                   TransformerMixin, check_is_fitted)
from .linalg import eigh, inv, slogdet, svd

__all__ = ["PCA"]

_EPS = float(np.finfo(np.float64).eps)


def _textbook_PCA(X: ArrayLike, k: int) -> tuple[NDArray[np.float64], NDArray[np.float64],
                                                  NDArray[np.float64]]:
    """PCA as a textbook writes it: centre, covariance, its eigenvectors, project.

    Returns (components, explained variances, scores) of the k largest variances.

    .. math::

        C = \\frac{1}{n-1} (X - \\bar x)^\\mathsf{T} (X - \\bar x) = V \\Lambda V^\\mathsf{T},
        \\qquad Z = (X - \\bar x) V_k

    Each eigenvector's largest entry is made positive (scikit-learn's sign rule). `PCA`
    computes the same (tests/test_decomposition.py compares them), adding the SVD solver,
    a fraction of variance for k, whitening and the probabilistic model's likelihood.
    """
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    centred = X - X.sum(axis=0) / n                     # 1. centre each feature
    C = centred.T @ centred / (n - 1)                   # 2. the covariance matrix
    variances, V = eigh(C)                              # 3. its eigen-decomposition,
    order = np.argsort(variances)[::-1][:k]             #    the k largest variances first
    variances, V = variances[order], V[:, order]
    biggest = np.argmax(np.abs(V), axis=0)              # 4. signs: largest entry positive
    V = V * np.sign(V[biggest, np.arange(V.shape[1])])
    return V.T, variances, centred @ V                  # 5. project onto the components


class PCA(ClassNamePrefixFeaturesOutMixin, TransformerMixin, BaseEstimator):
    r"""Principal component analysis: the orthogonal directions of largest variance.

    .. math::

        \bar x = \frac1n \sum_i x_i, \qquad
        C = \frac{1}{n-1} (X - \bar x)^\mathsf{T} (X - \bar x)
          = V \Lambda V^\mathsf{T}, \qquad \lambda_1 \ge \lambda_2 \ge \dots \ge 0,

    equivalently, from the thin SVD of the centred data :math:`X - \bar x = U S V^\mathsf{T}`,
    :math:`\lambda_j = s_j^2 / (n-1)`. The principal components are the rows of
    :math:`V^\mathsf{T}` (``components_``); component j explains the variance
    :math:`\lambda_j`, the fraction :math:`\lambda_j / \sum_l \lambda_l` of the total. Keeping
    the first k, a sample is projected to its scores

    .. math::

        z = V_k^\mathsf{T} (x - \bar x) \quad (\text{whitened: } z_j / \sqrt{\lambda_j}),
        \qquad \hat x = \bar x + V_k z .

    Parameters
    ----------
    n_components : int, float in (0, 1) or None, default=None
        The number k of components kept: an int in [0, min(n_samples, n_features)]; a
        fraction of the variance, keeping the fewest components whose cumulative ratio
        exceeds it; None keeps min(n_samples, n_features).
    whiten : bool, default=False
        Divide the scores by :math:`\sqrt{\lambda_j}` so that each has unit variance.
    svd_solver : {'auto', 'full', 'covariance_eigh'}, default='auto'
        'full': the SVD of the centred data. 'covariance_eigh': the eigen-decomposition of
        the p×p covariance matrix (fast for tall data, but it squares the condition
        number). 'auto' chooses 'covariance_eigh' when n_features ≤ 1000 and
        n_samples ≥ 10·n_features, else 'full' (scikit-learn's rule, which in one
        remaining case picks its randomized solver: mathml has none and runs 'full').
    random_state : int, RandomState instance or None, default=None
        Accepted for scikit-learn's signature (``PCA(2, random_state=42)``): it seeds only
        scikit-learn's randomized and ARPACK solvers, which this exact PCA does not offer,
        so it changes nothing here (as in scikit-learn with ``svd_solver='full'``).

    Attributes
    ----------
    components_ : ndarray of shape (n_components_, n_features)
        The principal axes :math:`v_j^\mathsf{T}`, orthonormal rows, by decreasing variance.
    explained_variance_ : ndarray of shape (n_components_,)
        :math:`\lambda_j`, the variance of the data along each component (ddof = 1).
    explained_variance_ratio_ : ndarray of shape (n_components_,)
        :math:`\lambda_j / \sum_{l=1}^{\min(n,p)} \lambda_l`.
    singular_values_ : ndarray of shape (n_components_,)
        :math:`s_j = \sqrt{(n-1)\lambda_j}`.
    mean_ : ndarray of shape (n_features,)
        :math:`\bar x`.
    noise_variance_ : float
        :math:`\sigma^2`, the mean of the discarded variances
        :math:`\lambda_{k+1}, \dots, \lambda_{\min(n,p)}` (0 when none is discarded): the
        isotropic noise of probabilistic PCA.
    n_components_ : int
        k.
    n_samples_ : int
    n_features_in_ : int

    The arrays are float32 for float32 X, as scikit-learn's (computed in float64, rounded
    once at the end); ``transform`` and the other methods return float32 when both X and
    the fit are float32.

    Raises
    ------
    ValueError
        `n_components` larger than min(n_samples, n_features) (scikit-learn's message);
        NaN, inf, 1-D or empty X; X of another width than in ``fit``.
    InvalidParameterError
        A hyperparameter outside its constraints.

    Notes
    -----
    *Algorithm* (``fit``)

    1. Centre: :math:`\bar x = \frac1n\sum_i x_i`.
    2. Decompose, by the solver chosen:

       - 'full': the thin SVD :math:`X - \bar x = U S V^\mathsf{T}`,
         :math:`\lambda_j = s_j^2/(n-1)`;
       - 'covariance_eigh': :math:`C = (X^\mathsf{T}X - n\,\bar x\bar x^\mathsf{T})/(n-1)`
         (the data need not be centred), :math:`C = V\Lambda V^\mathsf{T}` by `eigh`,
         eigenvalues reordered to decreasing, rounding's small negative ones set to 0,
         :math:`s_j = \sqrt{(n-1)\lambda_j}`.
    3. Fix the signs (each component is defined only up to sign): the entry of largest
       magnitude of each row of :math:`V^\mathsf{T}` is made positive (the first on exact
       ties), and the column of U with it (scikit-learn's ``svd_flip`` on Vᵀ).
    4. Explained variance ratios :math:`\lambda_j/\sum_l \lambda_l`; a fractional
       `n_components` becomes the smallest k whose cumulative ratio exceeds it.
    5. The noise variance :math:`\sigma^2`: the mean of the discarded :math:`\lambda_j`.
    6. Keep the first k components.

    ``fit_transform`` returns :math:`U_k S_k` (:math:`U_k\sqrt{n-1}` whitened) when the
    SVD was computed, which equals :math:`(X-\bar x)V_k` without a second product.

    *Probabilistic PCA* (Tipping & Bishop): ``get_covariance`` is the model covariance
    :math:`\Sigma = V_k(\Lambda_k - \sigma^2 I)V_k^\mathsf{T} + \sigma^2 I`,
    ``get_precision`` its inverse by the matrix inversion lemma (a k×k inverse),
    ``score_samples`` the Gaussian log-likelihood
    :math:`-\tfrac12\big((x-\bar x)^\mathsf{T}\Sigma^{-1}(x-\bar x) + p\log 2\pi
    - \log\det\Sigma^{-1}\big)` and ``score`` its mean.

    *Complexity*: 'full' O(n p min(n, p)) for the SVD; 'covariance_eigh' O(n p²) for
    :math:`X^\mathsf{T}X` (one matrix product) plus O(p³) for `eigh`; ``transform``
    O(n p k).

    *Numerical stability*: the SVD gives each :math:`s_j` to within eps·‖X − x̄‖; forming C
    squares the condition number, so 'covariance_eigh' resolves the small variances only
    to eps·λ₁ (absolute), which is why 'auto' keeps it for tall, narrow data. With
    n < p, or constant features, some :math:`\lambda_j` are 0 up to rounding and their
    components are any orthonormal basis of the null space.

    References
    ----------
    Jolliffe, *Principal Component Analysis*, 2nd ed., §1.1, §3.5 (PCA through the SVD);
    Bishop, *Pattern Recognition and Machine Learning*, §12.1 and §12.2.1 (probabilistic
    PCA); Tipping & Bishop, "Probabilistic principal component analysis", JRSS B 61, 1999.

    Checked against ``reference.decomposition.PCA`` → ``sklearn.decomposition.PCA``: the same
    solver, the same sign rule, so the same components to the accuracy of the
    decomposition (not only up to sign), variances to the accuracy of the spectrum.

    Examples
    --------
    >>> X = np.array([[2.0, 0.0], [0.0, 1.0], [-2.0, 0.0], [0.0, -1.0]])
    >>> pca = PCA().fit(X)
    >>> pca.components_
    array([[1., 0.],
           [0., 1.]])
    >>> np.round(pca.explained_variance_ratio_, 4)
    array([0.8, 0.2])
    >>> pca.transform([[1.0, 1.0]])
    array([[1., 1.]])
    """

    _parameter_constraints = {
        "n_components": [Interval(Integral, 0, None, closed="left"),
                         Interval(Real, 0, 1, closed="neither"), None],
        "whiten": ["boolean"],
        "svd_solver": [StrOptions({"auto", "full", "covariance_eigh"})],
        "random_state": ["random_state"],
    }

    def __init__(self, n_components: int | float | None = None, *, whiten: bool = False,
                 svd_solver: str = "auto", random_state: Any = None) -> None:
        self.n_components = n_components
        self.whiten = whiten
        self.svd_solver = svd_solver
        self.random_state = random_state

    # --- fitting ---------------------------------------------------------------------------

    def fit(self, X: ArrayLike, y: object = None) -> PCA:
        """Learn the principal components of `X` (n_samples, n_features)."""
        self._fit(X)
        return self

    def _fit(self, X: ArrayLike) -> tuple[NDArray[np.float64] | None, NDArray[np.float64],
                                          NDArray[np.float64]]:
        """Steps 1–6 of the Notes; returns (U or None, S, X) for ``fit_transform``."""
        self._validate_hyperparameters()
        X_type = float_dtype_of(X)
        X = validate_data(self, X, reset=True, dtype=FLOAT_DTYPES)
        n, p = X.shape
        k = min(n, p) if self.n_components is None else self.n_components
        self._fit_svd_solver = self._choose_solver(n, p, k)
        if not 0 <= k <= min(n, p):
            raise ValueError(f"n_components={k} must be between 0 and min(n_samples, "
                             f"n_features)={min(n, p)} with "
                             f"svd_solver={self._fit_svd_solver!r}")
        # Step 1: centre.
        mu = X.sum(axis=0) / n
        # Step 2: the eigen-decomposition of the covariance, directly or through the SVD.
        if self._fit_svd_solver == "full":
            U, S, Vt = svd(X - mu, full_matrices=False)
            lam = S ** 2 / (n - 1)
        else:
            U = None
            lam, Vt = _covariance_eigh(X, mu)
            S = np.sqrt(lam * (n - 1))
        # Step 3: signs.
        U, Vt = _flip_signs(U, Vt)
        # Step 4: ratios, and k from a fraction of the variance.
        ratio = lam / lam.sum()
        if 0 < k < 1:  # the fewest components whose cumulative ratio exceeds k
            k = int(np.searchsorted(np.cumsum(ratio), k, side="right")) + 1
        k = int(k)
        # Step 5: the noise variance of probabilistic PCA.
        self.noise_variance_ = X_type(lam[k:].mean()) if k < min(n, p) else 0.0
        # Step 6: keep k (in X's floating type, scikit-learn's).
        self.n_samples_, self.n_components_ = n, k
        self.mean_ = mu.astype(X_type)
        self.components_ = Vt[:k].astype(X_type)
        self.explained_variance_ = lam[:k].astype(X_type)
        self.explained_variance_ratio_ = ratio[:k].astype(X_type)
        self.singular_values_ = S[:k].astype(X_type)
        return U, S, X

    def _fitted(self) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
        """(x̄, Vₖ, λ) in float64, the working precision, whatever type they are kept in."""
        return (self.mean_.astype(np.float64), self.components_.astype(np.float64),
                self.explained_variance_.astype(np.float64))

    def _output_type(self, X: ArrayLike) -> np.dtype:
        """The type of a result for data X: float32 when X and the fit are (scikit-learn's
        products of the two), float64 otherwise."""
        return np.result_type(float_dtype_of(X), self.components_.dtype)

    def _choose_solver(self, n: int, p: int, k: float) -> str:
        """scikit-learn's 'auto' rule: the covariance for tall, narrow data, else the SVD.
        (Where scikit-learn would pick its randomized solver — max(n, p) > 500 and
        1 ≤ k < 0.8·min(n, p) — mathml has none and both backends run 'full'.)"""
        if self.svd_solver != "auto":
            return self.svd_solver
        return "covariance_eigh" if p <= 1000 and n >= 10 * p else "full"

    def fit_transform(self, X: ArrayLike, y: object = None,
                      **fit_params: object) -> NDArray[np.float64]:
        """Fit, then the scores of `X`: :math:`U_k S_k`, shape (n_samples, n_components_)."""
        U, S, X = self._fit(X)
        k = self.n_components_
        if U is None:  # 'covariance_eigh' never forms U
            return self._project(X).astype(self.components_.dtype, copy=False)
        Z = U[:, :k] * (math.sqrt(X.shape[0] - 1) if self.whiten else S[:k])
        return Z.astype(self.components_.dtype, copy=False)

    # --- projecting ------------------------------------------------------------------------

    def transform(self, X: ArrayLike) -> NDArray[np.float64]:
        """The scores :math:`(X - \\bar x) V_k`, shape (n_samples, n_components_)."""
        check_is_fitted(self)
        Z_type = self._output_type(X)
        Z = self._project(validate_data(self, X, reset=False, dtype=FLOAT_DTYPES))
        return Z.astype(Z_type, copy=False)

    def _project(self, X: NDArray[np.float64]) -> NDArray[np.float64]:
        mu, V, lam = self._fitted()
        # X Vₖ − x̄ Vₖ: centring after the product leaves X itself untouched
        Z = X @ V.T
        Z -= mu @ V.T
        if self.whiten:
            # a variance rounded to ~0 (rank-deficient data) would divide by 0
            Z /= np.maximum(np.sqrt(lam), _EPS)
        return Z

    def inverse_transform(self, X: ArrayLike) -> NDArray[np.float64]:
        """:math:`\\bar x + Z V_k^\\mathsf{T}` (whitened: Z's columns times
        :math:`\\sqrt{\\lambda_j}` first), shape (n_samples, n_features)."""
        check_is_fitted(self)
        X_type = self._output_type(X)
        Z = check_array(X, input_name="X")
        mu, W, lam = self._fitted()
        if self.whiten:
            W = np.sqrt(lam[:, None]) * W
        return (Z @ W + mu).astype(X_type, copy=False)

    @property
    def _n_features_out(self) -> int:
        return self.n_components_

    # --- probabilistic PCA -----------------------------------------------------------------

    def _scaled_components(self) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
        """(W, λ − σ²): the components (times √λ when whitened, as scikit-learn) and the
        variances above the noise, those below it set to 0."""
        _, W, lam = self._fitted()
        if self.whiten:
            W = W * np.sqrt(lam[:, None])
        return W, np.where(lam > self.noise_variance_, lam - self.noise_variance_, 0.0)

    def get_covariance(self) -> NDArray[np.float64]:
        """The model covariance :math:`W^\\mathsf{T}(\\Lambda_k - \\sigma^2 I)W + \\sigma^2 I`,
        shape (n_features, n_features)."""
        check_is_fitted(self)
        return self._covariance().astype(self.components_.dtype, copy=False)

    def _covariance(self) -> NDArray[np.float64]:
        W, d = self._scaled_components()
        Sigma = (W.T * d) @ W
        Sigma[np.diag_indices_from(Sigma)] += self.noise_variance_
        return Sigma

    def get_precision(self) -> NDArray[np.float64]:
        """:math:`\\Sigma^{-1}` by the matrix inversion lemma (Woodbury):
        :math:`\\sigma^{-2}I - \\sigma^{-4}W^\\mathsf{T}(WW^\\mathsf{T}/\\sigma^2 +
        (\\Lambda_k-\\sigma^2I)^{-1})^{-1}W`, a k×k inverse; shape (n_features, n_features)."""
        check_is_fitted(self)
        return self._precision().astype(self._precision_type(), copy=False)

    def _precision_type(self) -> np.dtype:
        """scikit-learn's type of the precision: the fit's, except the float64 identity
        divided by σ² when no component is kept."""
        return np.dtype(np.float64) if self.n_components_ == 0 else self.components_.dtype

    def _precision(self) -> NDArray[np.float64]:
        p = self.components_.shape[1]
        s2 = self.noise_variance_
        if self.n_components_ == 0:
            return np.eye(p) / s2
        if s2 == 0.0:
            return inv(self._covariance())
        W, d = self._scaled_components()
        M = W @ W.T / s2
        M[np.diag_indices_from(M)] += 1.0 / d
        P = W.T @ inv(M) @ W
        P /= -(s2 ** 2)
        P[np.diag_indices_from(P)] += 1.0 / s2
        return P

    def score_samples(self, X: ArrayLike) -> NDArray[np.float64]:
        """Gaussian log-likelihood of each sample under probabilistic PCA, shape (n_samples,)."""
        check_is_fitted(self)
        log_type = np.result_type(self._output_type(X), self._precision_type())
        X = validate_data(self, X, reset=False)
        D = X - self._fitted()[0]
        P = self._precision()
        sign, logdet = slogdet(P)
        logdet_P = logdet if sign > 0 else -np.inf
        log_like = -0.5 * (D * (D @ P)).sum(axis=1)
        log_like -= 0.5 * (X.shape[1] * math.log(2.0 * math.pi) - logdet_P)
        return log_like.astype(log_type, copy=False)

    def score(self, X: ArrayLike, y: object = None) -> float:
        """The mean log-likelihood of the samples of `X`."""
        return float(self.score_samples(X).mean())


def _covariance_eigh(X: NDArray[np.float64], mu: NDArray[np.float64]
                     ) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """(λ descending, Vᵀ) of C = (XᵀX − n·x̄x̄ᵀ)/(n − 1), without centring X."""
    n = X.shape[0]
    C = X.T @ X
    C -= n * mu[:, None] * mu[None, :]
    C /= n - 1
    lam, V = eigh(C)
    lam, V = lam[::-1].copy(), V[:, ::-1]
    lam[lam < 0.0] = 0.0  # C is positive semi-definite; rounding is not
    return lam, V.T.copy()


def _flip_signs(U: NDArray[np.float64] | None, Vt: NDArray[np.float64]):
    """Each row of Vᵀ with its largest-magnitude entry positive (first on ties); U's
    columns follow, so that U S Vᵀ is unchanged."""
    j = np.argmax(np.abs(Vt), axis=1)
    signs = np.sign(Vt[np.arange(Vt.shape[0]), j])
    return (None if U is None else U * signs), Vt * signs[:, None]
