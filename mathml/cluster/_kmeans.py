"""k-means clustering: k-means++ seeding, then Lloyd's iterations.

k-means looks for k centres μ_1 … μ_k and an assignment c(i) of each sample to one of
them that make the (weighted) within-cluster sum of squares, the *inertia*, small:

    J = Σ_i w_i ‖x_i − μ_{c(i)}‖².

Lloyd's algorithm alternates the two half-minimisations of J: with the centres fixed, the
best assignment sends each sample to its nearest centre; with the assignment fixed, the best
centre of a cluster is the weighted mean of its samples. Neither step increases J, so the
iteration stops, at a local minimum that depends on the starting centres. k-means++ picks
those at random, each new one with probability proportional to its squared distance to the
centres already chosen, which spreads them over the data.

The module opens with ``_textbook_KMeans``, the algorithm as a textbook writes it in a few
lines. `KMeans` is the same mathematics with every arithmetic step done in scikit-learn's
order (blocks of samples, sequential sums, the same random draws), so that the same
``random_state`` gives bit-for-bit the same labels, centres, inertia and iteration count as
``sklearn.cluster.KMeans`` run single-threaded; it adds weights, several runs, a tolerance
and the relocation of empty clusters.
"""
from __future__ import annotations

from typing import ClassVar

import warnings
from numbers import Integral, Real

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._param_validation import _validate_parameter_constraints
from .._validation import (FLOAT_DTYPES, check_array, check_random_state, check_sample_weight,
                           float_dtype_of, validate_data)
from ..base import (BaseEstimator, ClassNamePrefixFeaturesOutMixin, ClusterMixin, Interval,
                    StrOptions, TransformerMixin, check_is_fitted)
from ..exceptions import ConvergenceWarning

__all__ = ["KMeans", "kmeans_plusplus"]

#: Samples per block of the assignment step (scikit-learn's CHUNK_SIZE): each block's
#: distances come from one matrix product, and the same blocks give the same roundings.
CHUNK_SIZE = 256


def _textbook_KMeans(X: ArrayLike, n_clusters: int, random_state=None, max_iter: int = 300
                     ) -> tuple[NDArray[np.float64], NDArray[np.intp]]:
    """k-means as a textbook writes it: k-means++ seeding, then assign, move, repeat.

    Returns (centres, labels) once no label changes.

    .. math::

        c(i) = \\arg\\min_j \\lVert x_i - \\mu_j \\rVert^2, \\qquad
        \\mu_j = \\frac{1}{|\\{i : c(i) = j\\}|} \\sum_{c(i) = j} x_i

    k-means++ (one candidate per centre) draws the first centre uniformly and each next one
    with probability D(x)²/Σ D², D(x) the distance to the nearest centre chosen so far. An
    empty cluster keeps its centre. `KMeans` computes the same thing (tests/test_kmeans.py
    compares them), in scikit-learn's order of operations.
    """
    X = np.asarray(X, dtype=float)
    rng = check_random_state(random_state)
    # Seeding: the first centre uniformly, each next one with probability ∝ D(x)².
    mu = X[[_draw_index(rng, np.full(len(X), 1 / len(X)))]]
    for _ in range(1, n_clusters):
        D2 = ((X[:, None, :] - mu[None, :, :]) ** 2).sum(axis=2).min(axis=1)
        u = rng.uniform() * D2.sum()
        mu = np.vstack([mu, X[min(np.searchsorted(np.cumsum(D2), u), len(X) - 1)]])
    labels = np.full(len(X), -1)
    for _ in range(max_iter):
        # Assign each sample to its nearest centre.
        new_labels = ((X[:, None, :] - mu[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)
        if np.array_equal(new_labels, labels):
            break
        labels = new_labels
        # Move each centre to the mean of its samples.
        mu = np.array([X[labels == j].mean(axis=0) if np.any(labels == j) else mu[j]
                       for j in range(n_clusters)])
    return mu, labels




# --- distances, in scikit-learn's order of operations -----------------------------------------

def _squared_norms(X: NDArray) -> NDArray[np.float64]:
    """‖x_i‖² of each row (the sum of products scikit-learn's ``row_norms`` forms)."""
    return np.einsum("ij,ij->i", X, X)


def _squared_distances(A: NDArray, X: NDArray, x_squared_norms: NDArray) -> NDArray:
    """‖a − x‖² = ‖a‖² − 2 a·x + ‖x‖² for every row a of A and x of X, shape (len(A), len(X)),
    clipped at 0 (rounding can make a tiny distance negative)."""
    D = -2 * (A @ X.T)
    D += _squared_norms(A)[:, None]
    D += x_squared_norms[None, :]
    return np.maximum(D, 0, out=D)


def _row_sq_distances(A: NDArray, B: NDArray) -> NDArray[np.float64]:
    """Σ_j (a_ij − b_ij)² for each pair of rows, summed as scikit-learn's Cython loop does:
    four terms at a time, ((t₀ + t₁) + t₂) + t₃, the blocks added in order, then the leftover
    terms one by one (vectorised over the rows)."""
    T = (A - B) ** 2
    d = T.shape[1]
    total = np.zeros(len(T))
    for j in range(0, d - d % 4, 4):
        total += ((T[:, j] + T[:, j + 1]) + T[:, j + 2]) + T[:, j + 3]
    for j in range(d - d % 4, d):
        total += T[:, j]
    return total


def _sequential_sum(v: NDArray) -> float:
    """v₀ + v₁ + … added left to right (``v.sum()`` adds pairwise, which rounds differently)."""
    return float(np.cumsum(v)[-1])


# --- k-means++ --------------------------------------------------------------------------------

def _check_probabilities(p: NDArray) -> None:
    """RandomState.choice's refusal of negative probabilities (a negative sample weight)."""
    if np.any(p < 0):
        raise ValueError("probabilities are not non-negative")


def _draw_index(random_state: np.random.RandomState, p: NDArray, size=None):
    """Indices drawn with probabilities p (with replacement): the inverse of the cumulative
    distribution at uniform draws, ``searchsorted(cdf, u, 'right')`` — what
    ``RandomState.choice(len(p), size, p=p)`` draws."""
    _check_probabilities(p)
    cdf = np.cumsum(p)
    cdf /= cdf[-1]
    return cdf.searchsorted(random_state.random_sample(size), side="right")


def _draw_distinct(random_state: np.random.RandomState, p: NDArray, k: int) -> NDArray:
    """k distinct indices drawn with probabilities p, as ``RandomState.choice(len(p), k,
    replace=False, p=p)``: draw as many as are missing, keep the new distinct ones in the
    order drawn, give the kept ones probability 0, repeat."""
    _check_probabilities(p)
    if np.count_nonzero(p > 0) < k:
        raise ValueError("Fewer non-zero entries in p than size")
    p = p.copy()
    found = np.zeros(k, dtype=np.int64)
    n_found = 0
    while n_found < k:
        u = random_state.random_sample(k - n_found)
        p[found[:n_found]] = 0
        cdf = np.cumsum(p)
        cdf /= cdf[-1]
        new = cdf.searchsorted(u, side="right")
        first = np.sort(np.unique(new, return_index=True)[1])
        found[n_found:n_found + len(first)] = new[first]
        n_found += len(first)
    return found


def _kmeans_plusplus(X: NDArray, n_clusters: int, x_squared_norms: NDArray,
                     sample_weight: NDArray, random_state: np.random.RandomState,
                     n_local_trials: int | None = None) -> tuple[NDArray, NDArray]:
    """Greedy k-means++ on validated input: (centres, their row indices in X)."""
    n_samples = X.shape[0]
    if n_local_trials is None:
        n_local_trials = 2 + int(np.log(n_clusters))
    indices = np.full(n_clusters, -1, dtype=int)
    # Step 1: the first centre, a sample drawn with probability w_i / Σw.
    indices[0] = _draw_index(random_state, sample_weight / sample_weight.sum())
    # D(x)² = squared distance to the nearest chosen centre; the potential Σ w D².
    closest_sq = _squared_distances(X[indices[:1]], X, x_squared_norms)
    potential = closest_sq @ sample_weight
    for c in range(1, n_clusters):
        # Step 2: candidates drawn with probability w_i D(x_i)² / potential ...
        u = random_state.uniform(size=n_local_trials) * potential
        candidates = np.searchsorted(np.cumsum(sample_weight * closest_sq), u)
        np.clip(candidates, None, n_samples - 1, out=candidates)  # rounding at the top end
        # Step 3: ... and the one that lowers the potential most is kept (the first on ties).
        sq = np.minimum(closest_sq, _squared_distances(X[candidates], X, x_squared_norms))
        candidate_potentials = sq @ sample_weight.reshape(-1, 1)
        best = np.argmin(candidate_potentials)
        potential, closest_sq = candidate_potentials[best], sq[best]
        indices[c] = candidates[best]
    return X[indices], indices


def kmeans_plusplus(X: ArrayLike, n_clusters: int, *, sample_weight: ArrayLike | None = None,
                    x_squared_norms: ArrayLike | None = None, random_state=None,
                    n_local_trials: int | None = None
                    ) -> tuple[NDArray[np.floating], NDArray[np.intp]]:
    """Initial centres for k-means by greedy k-means++ seeding.

    The first centre is a sample drawn with probability proportional to its weight; each
    next one is drawn with probability proportional to its weighted squared distance to the
    nearest centre chosen so far,

    .. math::

        P(\\text{next centre} = x_i) = \\frac{w_i D(x_i)^2}{\\sum_j w_j D(x_j)^2},
        \\qquad D(x) = \\min_{\\text{chosen } \\mu} \\lVert x - \\mu \\rVert,

    and the greedy variant draws ``n_local_trials`` candidates this way and keeps the one
    that makes the potential :math:`\\sum_j w_j D(x_j)^2` smallest.

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
    n_clusters : int ≥ 1
        Number of centres to choose (at most n_samples).
    sample_weight : array_like of shape (n_samples,), optional
        Weights w_i (default all 1).
    x_squared_norms : array_like of shape (n_samples,), optional
        ‖x_i‖², if already at hand.
    random_state : None, int or numpy.random.RandomState
    n_local_trials : int ≥ 1, optional
        Candidates per centre after the first; default 2 + ⌊ln k⌋ (1 is plain k-means++).

    Returns
    -------
    centers : ndarray of shape (n_clusters, n_features)
        ``X[indices]``, float32 for float32 X (scikit-learn's type), float64 otherwise.
    indices : ndarray of shape (n_clusters,)
        The rows of X chosen, in the order chosen.

    Raises
    ------
    ValueError
        n_samples < n_clusters, x_squared_norms of the wrong length, scikit-learn's input and
        parameter checks (InvalidParameterError).

    Notes
    -----
    *Algorithm*: 1. the first centre, drawn with probability w_i/Σw; 2. for each next
    centre, ``n_local_trials`` candidates drawn with probability w_i D(x_i)²/Σ w D² (the
    inverse of the cumulative distribution at uniform draws); 3. the candidate whose addition
    leaves the smallest potential is kept, and D² is updated to its distances.
    *Complexity*: O(n · d · k · trials) for the distances to the candidates.
    *Numerical stability*: distances come from ‖a‖² − 2a·x + ‖x‖² (one matrix product),
    clipped at 0; k-means centres the data first, which keeps the cancellation small.

    References
    ----------
    Arthur & Vassilvitskii, "k-means++: the advantages of careful seeding", SODA 2007.

    Checked against ``reference.cluster.kmeans_plusplus`` →
    ``sklearn.cluster.kmeans_plusplus``; the same random_state gives the same indices and
    centres.

    Examples
    --------
    >>> X = np.array([[1, 2], [1, 4], [1, 0], [10, 2], [10, 4], [10, 0]])
    >>> centers, indices = kmeans_plusplus(X, n_clusters=2, random_state=0)
    >>> indices.tolist()
    [3, 2]
    """
    _validate_parameter_constraints(
        {"X": ["array-like", "sparse matrix"],
         "n_clusters": [Interval(Integral, 1, None, closed="left")],
         "sample_weight": ["array-like", None], "x_squared_norms": ["array-like", None],
         "random_state": ["random_state"],
         "n_local_trials": [Interval(Integral, 1, None, closed="left"), None]},
        {"X": X, "n_clusters": n_clusters, "sample_weight": sample_weight,
         "x_squared_norms": x_squared_norms, "random_state": random_state,
         "n_local_trials": n_local_trials}, "kmeans_plusplus")
    X_type = float_dtype_of(X)
    X = check_array(X)  # scikit-learn keeps X's memory layout here (no copy to C order)
    w = check_sample_weight(sample_weight, X.shape[0])
    if X.shape[0] < n_clusters:
        raise ValueError(f"n_samples={X.shape[0]} should be >= n_clusters={n_clusters}.")
    if x_squared_norms is None:
        norms = _squared_norms(X)
    else:
        norms = check_array(x_squared_norms, ensure_2d=False)
    if norms.shape[0] != X.shape[0]:
        raise ValueError(f"The length of x_squared_norms {norms.shape[0]} should be equal to "
                         f"the length of n_samples {X.shape[0]}.")
    centers, indices = _kmeans_plusplus(X, n_clusters, norms, w,
                                        check_random_state(random_state), n_local_trials)
    return centers.astype(X_type), indices  # rows of X: exact in X's own type


# --- Lloyd's iterations -----------------------------------------------------------------------

def _assign_labels(X: NDArray, centers: NDArray) -> NDArray[np.int32]:
    """The nearest centre of each sample (the first one on ties).

    ‖x − μ‖² = ‖x‖² − 2x·μ + ‖μ‖², and ‖x‖² is the same for every centre, so the label is
    the argmin of ‖μ‖² − 2x·μ, one matrix product per block of CHUNK_SIZE samples.
    """
    n, d = X.shape
    k = len(centers)
    step = min(CHUNK_SIZE, n)
    n_full = n - n % step
    D = np.empty((n, k))
    # −2x·μ (−2 is exact in floating point); the full blocks as a stack: matmul multiplies
    # each block on its own, as a loop would
    minus_2C = -2 * centers
    np.matmul(X[:n_full].reshape(-1, step, d), minus_2C.T,
              out=D[:n_full].reshape(-1, step, k))
    np.matmul(X[n_full:], minus_2C.T, out=D[n_full:])
    D += _squared_norms(centers)
    return np.argmin(D, axis=1).astype(np.int32)


def _relocate_empty_clusters(X, sample_weight, centers, sums, weights, labels) -> None:
    """Give each empty cluster the sample farthest from its centre (scikit-learn's rule),
    moving that sample's contribution out of its own cluster. In place on sums, weights."""
    empty = np.flatnonzero(weights == 0)
    if len(empty) == 0:
        return
    distances = ((X - centers[labels]) ** 2).sum(axis=1)
    farthest = np.argpartition(distances, -len(empty))[:-len(empty) - 1:-1]
    if np.max(distances) == 0:
        return  # fewer distinct points than clusters: moving centres would not help
    for j, i in zip(empty, farthest):
        sums[labels[i]] -= X[i] * sample_weight[i]
        sums[j] = X[i] * sample_weight[i]
        weights[j] = sample_weight[i]
        weights[labels[i]] -= sample_weight[i]


def _update_centers(X, sample_weight, centers, labels, weighted_features) -> NDArray:
    """The weighted mean of each cluster, μ_j = Σ_{c(i)=j} w_i x_i / Σ_{c(i)=j} w_i.

    `weighted_features` holds w_i x_i, one row per feature. The sums run over the samples in
    order (bincount), as scikit-learn's loop; the mean is a multiplication by the reciprocal
    of the weight, as there. An empty cluster takes the farthest sample; one that stays
    empty takes the heaviest cluster's centre.
    """
    k = len(centers)
    weights = np.bincount(labels, weights=sample_weight, minlength=k)
    sums = np.stack([np.bincount(labels, weights=wx, minlength=k)
                     for wx in weighted_features], axis=1)
    _relocate_empty_clusters(X, sample_weight, centers, sums, weights, labels)
    heaviest = np.argmax(weights)
    for j in range(k):  # in order: a copy of the heaviest centre is taken as it is then
        if weights[j] > 0:
            sums[j] *= 1.0 / weights[j]
        else:
            sums[j] = sums[heaviest]
    return sums  # now the centres


def _inertia(X, sample_weight, centers, labels) -> float:
    """J = Σ_i w_i ‖x_i − μ_{c(i)}‖², summed over the samples in order."""
    return _sequential_sum(_row_sq_distances(X, centers[labels]) * sample_weight)


def _lloyd(X: NDArray, sample_weight: NDArray, centers: NDArray, max_iter: int, tol: float,
           weighted_features: NDArray) -> tuple[NDArray[np.int32], float, NDArray, int]:
    """One run of Lloyd's algorithm from `centers`: (labels, inertia, centres, n_iter).
    `weighted_features` is w_i x_ij with one row per feature j (the same for every run)."""
    labels_old = np.full(X.shape[0], -1, dtype=np.int32)
    converged = False
    i = 0
    for i in range(max_iter):  # noqa: B007 (i is the iteration count after the loop)
        # Step 2: assign each sample to its nearest centre.
        labels = _assign_labels(X, centers)
        # Step 3: move each centre to the mean of its samples.
        new_centers = _update_centers(X, sample_weight, centers, labels, weighted_features)
        shift = np.sqrt(_row_sq_distances(new_centers, centers))
        centers = new_centers
        # Step 4: stop when no label changed, or when the centres moved by at most tol.
        if np.array_equal(labels, labels_old):
            converged = True
            break
        if (shift ** 2).sum() <= tol:
            break
        labels_old = labels
    if not converged:  # the labels of the final centres
        labels = _assign_labels(X, centers)
    return labels, _inertia(X, sample_weight, centers, labels), centers, i + 1


def _is_same_clustering(labels1: NDArray, labels2: NDArray) -> bool:
    """Whether labels2 is a function of labels1 (a relabelling, when both use k labels)."""
    _, first = np.unique(labels1, return_index=True)
    mapping = np.full(max(labels1.max(), 0) + 1, -1)
    mapping[labels1[first]] = labels2[first]
    return bool(np.all(mapping[labels1] == labels2))


def _tolerance(X: NDArray, tol: float) -> float:
    """tol · mean_j Var(x_j) (variance with divisor n): tol relative to the data's spread."""
    if tol == 0:
        return 0.0
    deviations = X - X.sum(axis=0) / X.shape[0]
    variances = (deviations * deviations).sum(axis=0) / X.shape[0]
    return float(np.mean(variances) * tol)


def _c_order(X: NDArray) -> NDArray:
    """X with its rows contiguous, as scikit-learn copies it: the row sums ‖x_i‖² are added
    in another order on a column-major array."""
    return np.ascontiguousarray(X)


class KMeans(ClassNamePrefixFeaturesOutMixin, ClusterMixin, TransformerMixin, BaseEstimator):
    """k-means clustering by Lloyd's algorithm after k-means++ seeding.

    Minimises the inertia, the weighted within-cluster sum of squares,

    .. math::

        J(\\mu, c) = \\sum_{i=1}^{n} w_i \\, \\lVert x_i - \\mu_{c(i)} \\rVert^2

    by alternating its two partial minimisations: c(i) = argmin_j ‖x_i − μ_j‖² (the nearest
    centre) and μ_j = Σ_{c(i)=j} w_i x_i / Σ_{c(i)=j} w_i (the weighted mean).

    Parameters
    ----------
    n_clusters : int ≥ 1, default 8
    init : {'k-means++', 'random'}, callable or array_like of shape (n_clusters, n_features)
        Starting centres: greedy k-means++ (:func:`kmeans_plusplus`); k distinct samples
        drawn with probability w_i/Σw; ``init(X, n_clusters, random_state=rs)``; or given.
    n_init : 'auto' or int ≥ 1, default 'auto'
        Runs from different starts, the best kept; 'auto' is 1 for k-means++ and an array,
        10 for 'random' and a callable. An array forces 1 (with a RuntimeWarning if more
        were asked for).
    max_iter : int ≥ 1, default 300
    tol : float ≥ 0, default 1e-4
        Stop when Σ_j ‖μ_j^new − μ_j‖² ≤ tol · mean_j Var(x_j).
    random_state : None, int or numpy.random.RandomState
        One generator shared by all the runs, in turn.
    copy_x : bool, default True
        Accepted for scikit-learn's API; mathml never modifies the caller's X.
    algorithm : 'lloyd'
        The only algorithm offered (scikit-learn also has 'elkan').

    Attributes
    ----------
    cluster_centers_ : ndarray of shape (n_clusters, n_features)
        float32 for float32 X (scikit-learn's type; mathml computes in float64).
    labels_ : ndarray of shape (n_samples,), int32
    inertia_ : float
        J at the fitted centres and labels.
    n_iter_ : int
        Lloyd iterations of the run kept.
    n_features_in_ : int

    Raises
    ------
    ValueError
        n_samples < n_clusters, initial centres of the wrong shape, invalid hyperparameters
        (InvalidParameterError), scikit-learn's input checks (NaN, 1-D X, wrong feature
        count at predict).

    Warns
    -----
    ConvergenceWarning
        Fewer distinct clusters found than n_clusters (duplicate points).

    Notes
    -----
    *Algorithm*: the data are centred (x − x̄; the centres are shifted back at the end), then
    for each of ``n_init`` runs:
    1. initial centres (k-means++, random samples or given);
    2. assign each sample to its nearest centre (labels c(i));
    3. move each centre to the weighted mean of its samples; an empty cluster is given the
    sample farthest from its centre;
    4. repeat 2–3 until no label changes (then stop), or the centres moved by at most tol
    (then assign once more), or max_iter iterations.
    A run replaces the best so far when its inertia is strictly lower and its labels are not
    merely a relabelling of the best's.
    *The textbook algorithm* `_textbook_KMeans` is steps 1–4 for unit weights, one run,
    plain k-means++ and strict convergence; this implementation computes the same iterates
    with scikit-learn's operations (‖μ‖² − 2x·μ per block of samples instead of the
    differences, sums in sample order, the reciprocal of the weight), which is what makes
    the agreement bit-for-bit rather than to rounding.
    *Complexity*: O(n · k · d) per iteration (the assignment's matrix products), O(n · k · d
    · (2 + ln k)) for k-means++.
    *Numerical stability*: the assignment compares ‖μ‖² − 2x·μ, which loses accuracy when
    the distances are much smaller than the norms; centring the data keeps the norms small.
    Every sum is formed in scikit-learn's order (blocks of 256 samples, sequential sums), so
    that the results agree to the last bit.

    References
    ----------
    Lloyd, "Least squares quantization in PCM", IEEE Trans. Inf. Theory 28 (1982);
    Hastie, Tibshirani & Friedman, The Elements of Statistical Learning, 2nd ed., §14.3.6.

    Checked against ``reference.cluster.KMeans`` → ``sklearn.cluster.KMeans``; the same
    random_state gives identical labels, n_iter_, centres and inertia (scikit-learn run
    single-threaded). mathml computes in float64 (scikit-learn keeps float32 input in
    float32) and refuses sparse X.

    Examples
    --------
    >>> X = np.array([[1., 2.], [1., 4.], [1., 0.], [10., 2.], [10., 4.], [10., 0.]])
    >>> km = KMeans(n_clusters=2, random_state=0).fit(X)
    >>> km.labels_.tolist(), km.cluster_centers_.tolist()
    ([1, 1, 1, 0, 0, 0], [[10.0, 2.0], [1.0, 2.0]])
    """

    # the tags scikit-learn declares for its KMeans
    _sklearn_tags: ClassVar[dict[str, object]] = {"transformer_tags.preserves_dtype": ["float64"]}

    _parameter_constraints = {
        "n_clusters": [Interval(Integral, 1, None, closed="left")],
        "init": [StrOptions({"k-means++", "random"}), callable, "array-like"],
        "n_init": [StrOptions({"auto"}), Interval(Integral, 1, None, closed="left")],
        "max_iter": [Interval(Integral, 1, None, closed="left")],
        "tol": [Interval(Real, 0, None, closed="left")],
        "random_state": ["random_state"],
        "copy_x": ["boolean"],
        "algorithm": [StrOptions({"lloyd"})],
    }

    def __init__(self, n_clusters: int = 8, *, init="k-means++", n_init="auto",
                 max_iter: int = 300, tol: float = 1e-4, random_state=None,
                 copy_x: bool = True, algorithm: str = "lloyd") -> None:
        self.n_clusters = n_clusters
        self.init = init
        self.n_init = n_init
        self.max_iter = max_iter
        self.tol = tol
        self.random_state = random_state
        self.copy_x = copy_x
        self.algorithm = algorithm

    def fit(self, X: ArrayLike, y=None, sample_weight: ArrayLike | None = None) -> KMeans:
        """Cluster X (y is ignored); returns self."""
        self._validate_hyperparameters()
        X_type = float_dtype_of(X)
        X = _c_order(validate_data(self, X, dtype=FLOAT_DTYPES))
        if X.shape[0] < self.n_clusters:
            raise ValueError(f"n_samples={X.shape[0]} should be >= "
                             f"n_clusters={self.n_clusters}.")
        tol = _tolerance(X, self.tol)
        n_init = self._runs()
        random_state = check_random_state(self.random_state)
        w = check_sample_weight(sample_weight, X.shape[0])
        init = self.init
        if not isinstance(init, str) and not callable(init):
            init = check_array(init, input_name="")
            self._check_center_shape(X, init)
        # Centre the data: the distances ‖μ‖² − 2x·μ then cancel less.
        X_mean = X.mean(axis=0)
        if not isinstance(init, str) and not callable(init):
            init = init - X_mean
        labels, inertia, centers, n_iter = self._best_run(X - X_mean, w, init, tol, n_init,
                                                          random_state)
        distinct = len(np.unique(labels))
        if distinct < self.n_clusters:
            warnings.warn(f"Number of distinct clusters ({distinct}) found smaller than "
                          f"n_clusters ({self.n_clusters}). Possibly due to duplicate points "
                          "in X.", ConvergenceWarning, stacklevel=2)
        self.cluster_centers_ = (centers + X_mean).astype(X_type, copy=False)
        self.labels_ = labels
        self.inertia_ = inertia
        self.n_iter_ = n_iter
        return self

    def _checked(self, X: ArrayLike) -> NDArray:
        check_is_fitted(self)
        return _c_order(validate_data(self, X, reset=False, dtype=FLOAT_DTYPES))

    def _centers(self) -> NDArray[np.float64]:
        """The fitted centres in float64, the working precision (float32 for float32 data)."""
        return np.asarray(self.cluster_centers_, dtype=np.float64)

    def predict(self, X: ArrayLike) -> NDArray[np.int32]:
        """The index of the nearest centre of each sample, shape (n_samples,)."""
        return _assign_labels(self._checked(X), self._centers())

    @property
    def _n_features_out(self) -> int:
        """One output column per cluster (``transform`` gives the distances to the centres)."""
        return self.cluster_centers_.shape[0]

    def transform(self, X: ArrayLike) -> NDArray[np.floating]:
        """Distances ‖x_i − μ_j‖ to every centre, shape (n_samples, n_clusters); float32
        when X and the centres are (scikit-learn's type), computed in float64."""
        X_checked = self._checked(X)
        D_type = np.result_type(float_dtype_of(X), self.cluster_centers_.dtype)
        X = X_checked
        mu = self._centers()
        return np.sqrt(_squared_distances(X, mu, _squared_norms(mu))).astype(D_type)

    def score(self, X: ArrayLike, y=None, sample_weight: ArrayLike | None = None) -> float:
        """−J: minus the inertia of X at the fitted centres (higher is better)."""
        X = self._checked(X)
        w = check_sample_weight(sample_weight, X.shape[0])
        mu = self._centers()
        return -_inertia(X, w, mu, _assign_labels(X, mu))

    def _runs(self) -> int:
        """How many starts: n_init, or 'auto' (1 for k-means++ or given centres, else 10)."""
        init_is_array = not isinstance(self.init, str) and not callable(self.init)
        if self.n_init == "auto":
            n_init = 10 if (isinstance(self.init, str) and self.init == "random"
                            or callable(self.init)) else 1
        else:
            n_init = self.n_init
        if init_is_array and n_init != 1:
            warnings.warn("Explicit initial center position passed: performing only one init "
                          f"in {type(self).__name__} instead of n_init={n_init}.",
                          RuntimeWarning, stacklevel=3)
            n_init = 1
        return n_init

    def _initial_centers(self, X, x_squared_norms, sample_weight, random_state, init):
        """Step 1: the starting centres of one run."""
        if isinstance(init, str) and init == "k-means++":
            return _kmeans_plusplus(X, self.n_clusters, x_squared_norms, sample_weight,
                                    random_state)[0]
        if isinstance(init, str) and init == "random":
            return X[_draw_distinct(random_state, sample_weight / sample_weight.sum(),
                                    self.n_clusters)]
        if callable(init):
            centers = check_array(init(X, self.n_clusters, random_state=random_state))
            self._check_center_shape(X, centers)
            return centers
        return init.copy()

    def _check_center_shape(self, X, centers) -> None:
        if centers.shape[0] != self.n_clusters:
            raise ValueError(f"The shape of the initial centers {centers.shape} does not match "
                             f"the number of clusters {self.n_clusters}.")
        if centers.shape[1] != X.shape[1]:
            raise ValueError(f"The shape of the initial centers {centers.shape} does not match "
                             f"the number of features of the data {X.shape[1]}.")

    def _best_run(self, X: NDArray, sample_weight: NDArray, init, tol: float, n_init: int,
                  random_state: np.random.RandomState) -> tuple[NDArray, float, NDArray, int]:
        """Steps 1–4 n_init times, one generator for all: the best run. A run wins with a
        strictly lower inertia, unless its labels only renumber the best's."""
        x_squared_norms = _squared_norms(X)
        weighted_features = np.ascontiguousarray((X * sample_weight[:, None]).T)
        best: tuple[NDArray, float, NDArray, int] | None = None
        for _ in range(n_init):
            centers = self._initial_centers(X, x_squared_norms, sample_weight, random_state,
                                            init)
            run = _lloyd(X, sample_weight, centers, self.max_iter, tol, weighted_features)
            if best is None or (run[1] < best[1] and not _is_same_clustering(run[0], best[0])):
                best = run
        assert best is not None  # n_init ≥ 1
        return best
