"""Catalog entries for `mathml.metrics.pairwise` vs `sklearn.metrics.pairwise`.

A case is ``case(X)`` (Y = X) or ``case(X, Y, **parameters)``. mathml evaluates scikit-learn's
formulas in scikit-learn's order (the same matrix products, the same in-place steps, the
same float64 blocks for float32 data), so every entry is compared bitwise.
"""
from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

from .._core import Bench, Concept, bad, case

#: scikit-learn's docstring examples.
X2 = np.array([[0.0, 0.0, 0.0], [1.0, 1.0, 1.0]])
Y2 = np.array([[1.0, 0.0, 0.0], [1.0, 1.0, 0.0]])


def _data(seed: int, n: int = 12, m: int = 9, p: int = 3, dtype=np.float64):
    """(X, Y): uniform rows in [−2, 2]^p, the last row of Y a copy of the first of X (a
    distance of exactly 0 off the diagonal, where the expansion rounds)."""
    rng = np.random.default_rng(seed)
    X = rng.uniform(-2, 2, (n, p))
    Y = rng.uniform(-2, 2, (m, p))
    Y[-1] = X[0]
    return X.astype(dtype), Y.astype(dtype)


X, Y = _data(0)
X32, Y32 = _data(1, dtype=np.float32)
XZ = np.vstack([X[:4], np.zeros((1, 3))])  # a zero row: its cosine similarity is 0
FAR = X + 1e4  # far from the origin: the expansion cancels, clipped at 0 and rounded


def chebyshev(x, y):
    """A distance as a callable of two rows: max_k |x_k − y_k|."""
    return np.abs(x - y).max()


def intersection(x, y, scale=1.0):
    """A kernel as a callable of two rows: scale · Σ_k min(|x_k|, |y_k|) (histogram
    intersection on the absolute values)."""
    return scale * np.minimum(np.abs(x), np.abs(y)).sum()


def _common_cases(**params):
    return (case(X2, Y2, label="scikit-learn's example", **params),
            case(X, label="Y omitted: Y = X", **params),
            case(X, Y, label="12 × 9, a shared row", **params),
            case(X, X.copy(), label="Y a copy of X (not the same array)", **params),
            case(X32, Y32, label="float32", **params),
            case(X32, label="float32, Y = X", **params),
            case(X32, Y, label="float32 and float64: float64", **params),
            case(X[:, :1], Y[:, :1], label="one feature", **params),
            case(XZ, label="a zero row", **params),
            case(FAR, label="rows far from the origin", **params),
            case([[1, 2], [3, 5]], [[0, 1]], label="integer lists", **params))


# --- generated inputs ----------------------------------------------------------------------------

def _generated(gamma: bool = False, degree: bool = False, coef0: bool = False, extra=None):
    """Cases from a drawn seed: shapes, dtype, Y given or not, the kernel's parameters."""
    @st.composite
    def draw(draw_):
        n, m, p = draw_(st.integers(1, 15)), draw_(st.integers(1, 15)), draw_(st.integers(1, 6))
        dtype = draw_(st.sampled_from([np.float64, np.float64, np.float32]))
        Xg, Yg = _data(draw_(st.integers(0, 2 ** 31 - 1)), n, m, p, dtype)
        kwargs = {}
        if gamma and draw_(st.booleans()):
            kwargs["gamma"] = draw_(st.floats(0.0, 3.0))
        if degree and draw_(st.booleans()):
            kwargs["degree"] = draw_(st.sampled_from([1, 2, 3, 2.5]))
        if coef0 and draw_(st.booleans()):
            kwargs["coef0"] = draw_(st.floats(-2.0, 2.0))
        if extra is not None:
            kwargs.update(draw_(extra))
        return case(Xg, **kwargs) if draw_(st.booleans()) else case(Xg, Yg, **kwargs)
    return draw


_DISTANCE_METRICS = st.sampled_from(["euclidean", "l2", "manhattan", "cityblock", "l1",
                                     "cosine"])
_KERNEL_METRICS = st.sampled_from(["linear", "poly", "polynomial", "rbf", "sigmoid", "cosine"])


# --- bad inputs ----------------------------------------------------------------------------------

def _bad(**params):
    nan = X.copy()
    nan[1, 2] = np.nan
    inf = Y.copy()
    inf[0, 0] = np.inf
    return (
        bad(X, Y[:, :2], raises=ValueError,
            match=r"Incompatible dimension for X and Y matrices: X.shape\[1\] == 3 while "
                  r"Y.shape\[1\] == 2", label="different numbers of features", **params),
        bad(nan, raises=ValueError, match="Input contains NaN", label="NaN in X", **params),
        bad(X, inf, raises=ValueError, match="Input contains infinity",
            label="infinity in Y", **params),
        bad(X[0], raises=ValueError, match="Expected 2D array, got 1D array",
            label="1-D X", **params),
        bad(X[:0], raises=ValueError,
            match=r"Found array with 0 sample\(s\) \(shape=\(0, 3\)\) while a minimum of 1 "
                  "is required by check_pairwise_arrays", label="no samples", **params),
        bad(None, raises=ValueError,
            match=r"The 'X' parameter of \w+ must be an array-like or a sparse array or "
                  "matrix. Got None instead.", label="X None (InvalidParameterError)",
            **params),
        bad(X, "abc", raises=ValueError,
            match=r"The 'Y' parameter of \w+ must be an array-like, a sparse array or "
                  "matrix or None. Got 'abc' instead.", label="Y a string (InvalidParameterError)",
            **params),
    )


def _bad_gamma(name: str, **params):
    return (bad(X, gamma=-1.0, raises=ValueError,
                match=rf"The 'gamma' parameter of {name} must be a float in the range "
                      r"\[0.0, inf\) or None. Got -1.0 instead.",
                label="gamma < 0 (InvalidParameterError)", **params),)


def _bad_coef0(name: str):
    return (bad(X, coef0=np.nan, raises=ValueError,
                match=f"The 'coef0' parameter of {name} must be a float in the range",
                label="coef0 NaN (InvalidParameterError)"),)


# --- benchmarks ----------------------------------------------------------------------------------

def _bench(n, rng, **params):
    return case(rng.uniform(-2, 2, (n, 10)), rng.uniform(-2, 2, (n, 10)), **params)


def _concept(function: str, cases, strategy, bad_cases, note: str = "", bench_params=None):
    return Concept(
        name=f"metrics.pairwise.{function}",
        reference_call=f"sklearn.metrics.pairwise.{function}",
        comparison="exact", tolerance="bitwise",
        cases=cases, strategy=strategy, bad=bad_cases,
        bench=Bench(2000, lambda n, rng: _bench(n, rng, **(bench_params or {}))),
        note=note)


CONCEPTS = (
    _concept(
        "euclidean_distances",
        _common_cases() + (
            case(X, squared=True, label="squared"),
            case(X, Y, X_norm_squared=(X ** 2).sum(axis=1), Y_norm_squared=(Y ** 2).sum(axis=1),
                 label="norms given"),
            case(X, Y, X_norm_squared=(X ** 2).sum(axis=1, keepdims=True),
                 Y_norm_squared=(Y ** 2).sum(axis=1)[None, :], squared=True,
                 label="norms given as a column and a row"),
            case(X32, Y32, X_norm_squared=(X32 ** 2).sum(axis=1), label="float32 norms: ignored"),
            case(*_data(2, 1500, 1300, 40, np.float32),
                 label="float32 in several float64 blocks"),
            case(_data(3, 1500, 1, 40, np.float32)[0],
                 label="float32, Y = X in blocks: the upper blocks copied from the lower")),
        _generated(extra=st.fixed_dictionaries({}, optional={"squared": st.booleans()})),
        _bad() + (
            bad(X, Y, X_norm_squared=np.ones(5), raises=ValueError,
                match=r"Incompatible dimensions for X of shape \(12, 3\) and X_norm_squared "
                      r"of shape \(5,\)", label="norms of the wrong length"),
            bad(X, squared=1, raises=ValueError,
                match="The 'squared' parameter of euclidean_distances must be an instance of "
                      "'bool'", label="squared not a bool (InvalidParameterError)")),
        note="‖x‖² − 2xᵀy + ‖y‖² from one matrix product, clipped at 0, the diagonal set to 0 "
             "when Y is X (the same array, not a copy); float32 data in float64 on the same "
             "blocks of rows as scikit-learn, rounded back to float32."),
    _concept(
        "manhattan_distances",
        _common_cases(),
        _generated(),
        _bad(),
        note="scikit-learn calls scipy.spatial.distance.cdist('cityblock'), which sums "
             "feature by feature in float64: mathml adds the |x_k − y_k| in the same order."),
    _concept("linear_kernel", _common_cases(), _generated(), _bad()),
    _concept(
        "polynomial_kernel",
        _common_cases() + _common_cases(degree=2, gamma=0.5, coef0=0.0)[:3] + (
            case(X, Y, degree=2.5, coef0=3.0, label="degree 2.5"),
            case(X, Y, gamma=0.0, label="gamma = 0: a constant coef0^degree")),
        _generated(gamma=True, degree=True, coef0=True),
        _bad() + _bad_gamma("polynomial_kernel") + _bad_coef0(
            "polynomial_kernel") + (
            bad(X, degree=0.5, raises=ValueError,
                match=r"The 'degree' parameter of polynomial_kernel must be a float in the "
                      r"range \[1.0, inf\)", label="degree < 1 (InvalidParameterError)"),)),
    _concept(
        "rbf_kernel",
        _common_cases() + (case(X, Y, gamma=0.1, label="gamma = 0.1"),
                           case(X, Y, gamma=0.0, label="gamma = 0: all ones"),
                           case(X, Y, gamma=50.0, label="gamma = 50: exp underflows to 0")),
        _generated(gamma=True),
        _bad() + _bad_gamma("rbf_kernel")),
    _concept(
        "sigmoid_kernel",
        _common_cases() + (case(X, Y, gamma=0.2, coef0=-1.0, label="gamma = 0.2, coef0 = −1"),),
        _generated(gamma=True, coef0=True),
        _bad() + _bad_gamma("sigmoid_kernel") + _bad_coef0("sigmoid_kernel")),
    _concept(
        "cosine_similarity",
        _common_cases() + (case(np.zeros((2, 3)), label="zero rows only: zeros"),),
        _generated(),
        _bad(),
        note="rows divided by their norms (a norm below 10·eps counts as 1, scikit-learn's "
             "normalize), then one matrix product."),
    _concept(
        "pairwise_distances",
        tuple(case(X, Y, metric=m, label=f"metric='{m}'")
              for m in ("euclidean", "l2", "manhattan", "cityblock", "l1", "cosine")) + (
            case(X, label="default metric, Y = X"),
            case(X32, metric="cosine", label="cosine, float32, Y = X: a zero diagonal"),
            case(XZ, XZ[::-1], metric="cosine", label="cosine with a zero row"),
            case(X, Y, metric="euclidean", squared=True, label="squared euclidean (**kwds)"),
            case(np.abs(np.subtract.outer(np.arange(4.0), np.arange(4.0))),
                 metric="precomputed", label="precomputed: returned as it is"),
            case(X[:5], Y[:4], metric=chebyshev, label="a callable"),
            case(X[:6], metric=chebyshev, label="a callable, Y = X: the upper triangle"),
            case(X32[:4], metric=chebyshev, label="a callable, float32")),
        _generated(extra=st.fixed_dictionaries({"metric": _DISTANCE_METRICS})),
        _bad() + (
            bad(X, metric="chebyshev", raises=ValueError,
                match="The 'metric' parameter of pairwise_distances must be a str among",
                label="a metric outside mathml's (InvalidParameterError)"),
            bad(-np.eye(3), metric="precomputed", raises=ValueError,
                match="Negative values in data passed to `pairwise_distances`",
                label="precomputed with negative entries"),
            bad(X, metric="precomputed", raises=ValueError,
                match=r"Precomputed metric requires shape \(n_queries, n_indexed\). Got "
                      r"\(12, 3\) for 12 indexed.", label="precomputed, not square"),
            bad([[0.0, np.nan], [np.nan, 0.0]], metric="precomputed", raises=ValueError,
                match="Input contains NaN", label="precomputed with NaN"),
            bad(np.array(1.0), metric=chebyshev, raises=TypeError,
                match=r"Input should have at least 1 dimension i.e. satisfy `len\(x.shape\) > "
                      r"0`, got scalar `array\(1.\)` instead.",
                label="a callable on a 0-d X (no 2-D check for a callable)")),
        bench_params={"metric": "euclidean"}),
    _concept(
        "pairwise_kernels",
        tuple(case(X, Y, metric=m, label=f"metric='{m}'")
              for m in ("linear", "poly", "polynomial", "rbf", "sigmoid", "cosine")) + (
            case(X, metric="rbf", gamma=0.3, label="rbf, gamma = 0.3, Y = X"),
            case(X, Y, metric="rbf", gamma=0.3, degree=2, coef0=0.5, filter_params=True,
                 label="filter_params: degree and coef0 dropped for rbf"),
            case(X, Y, metric="poly", gamma=0.3, degree=2, coef0=0.5, label="poly, all three"),
            case(X, Y, metric="rbf", gamma=-0.1,
                 label="rbf, gamma < 0: not refused (scikit-learn validates the parameters of "
                       "the outer call only)"),
            case(X @ X.T, metric="precomputed", label="precomputed: returned as it is"),
            case(X[:5], Y[:4], metric=intersection, label="a callable"),
            case(X[:6], metric=intersection, scale=2.0,
                 label="a callable with a parameter, Y = X")),
        _generated(extra=st.fixed_dictionaries({"metric": _KERNEL_METRICS}).map(
            lambda d: {**d, "gamma": 0.5, "filter_params": True})),
        _bad() + (
            bad(X, metric="laplacian", raises=ValueError,
                match="The 'metric' parameter of pairwise_kernels must be a str among",
                label="a kernel outside mathml's (InvalidParameterError)"),
            bad(X, metric="precomputed", raises=ValueError,
                match=r"Precomputed metric requires shape", label="precomputed, not square"),
            bad(np.array(1.0), metric=intersection, raises=TypeError,
                match="Input should have at least 1 dimension",
                label="a callable on a 0-d X (no 2-D check for a callable)")),
        bench_params={"metric": "rbf"}),
)
