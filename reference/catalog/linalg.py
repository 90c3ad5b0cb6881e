"""Catalog entries for linear algebra (docs/concepts.md §1): `mathml.linalg` vs NumPy and SciPy."""
from __future__ import annotations

import numpy as np
from hypothesis import strategies as st
from numpy.linalg import LinAlgError

from .. import compare
from ._core import Bench, Concept, bad, case
from .strategies import (conditioned, general_separated, integer_nonsingular, spd,
                         symmetric_separated, vectors)

EPS = np.finfo(np.float64).eps
SEED = "000"  # the seed file whose examples open these cases
SIZES = st.integers(1, 6)


# --- building blocks ---------------------------------------------------------------------------

def _square(n: int, cond: float = 1e3):
    """Well-conditioned square matrices, or nonsingular integer ones (row exchanges needed)."""
    return st.one_of(conditioned(n, cond=cond), integer_nonsingular(n).map(lambda A: A * 1.0))


def _cases(strategy_of_n, **kwargs):
    """Cases of one matrix argument of drawn size."""
    return lambda: SIZES.flatmap(strategy_of_n).map(lambda A: case(A, **kwargs))


def _random_square(n: int, rng: np.random.Generator, cond: float = 1e3) -> np.ndarray:
    U, _ = np.linalg.qr(rng.uniform(-1, 1, (n, n)))
    V, _ = np.linalg.qr(rng.uniform(-1, 1, (n, n)))
    return (U * np.geomspace(1.0, 1.0 / cond, n)) @ V.T


def _bench_square(n, rng):
    return case(_random_square(n, rng))


def _bench_spd(n, rng):
    Q, _ = np.linalg.qr(rng.uniform(-1, 1, (n, n)))
    return case((Q * np.geomspace(1.0, 1e-3, n)) @ Q.T)


def _bench_symmetric(n, rng):
    A = rng.uniform(-1, 1, (n, n))
    return case((A + A.T) / 2)


def _rel(x: float, scale: float) -> float:
    return float(x) / max(float(scale), np.finfo(float).tiny)


def _norm(A) -> float:
    """Spectral norm (complex entries kept: an eigen-residual can be complex)."""
    A = np.asarray(A)
    A = A if np.iscomplexobj(A) else A.astype(float)
    return float(np.linalg.norm(A, 2)) if A.size else 0.0


def _orthonormal_columns(Q, name="QᵀQ − I") -> dict:
    Q = np.asarray(Q)
    k = Q.shape[1]
    return {name: (float(np.abs(Q.conj().T @ Q - np.eye(k)).max(initial=0.0)), 1e3 * EPS * max(k, 1))}


# --- invariants: properties any correct answer has ----------------------------------------------

def _inv_invariants(c, X):
    A = np.asarray(c.args[0], dtype=float)
    n = A.shape[0]
    return {"‖AX − I‖ / (‖A‖‖X‖)":
            (_rel(_norm(A @ X - np.eye(n)), _norm(A) * _norm(X)), 1e3 * EPS * max(n, 1))}


def _solve_invariants(c, x):
    A, b = (np.asarray(v, dtype=float) for v in c.args)
    scale = _norm(A) * _norm(x) + _norm(b)
    return {"backward error ‖Ax − b‖ / (‖A‖‖x‖ + ‖b‖)":
            (_rel(_norm(A @ x - b), scale), 1e3 * EPS * A.shape[0])}


def _lu_invariants(c, result):
    A = np.asarray(c.args[0], dtype=float)
    if c.kwargs.get("permute_l"):
        PL, U = result
        residual = PL @ U - A
    else:
        P, L, U = result
        residual = P @ L @ U - A
    return {"‖PLU − A‖ / ‖A‖": (_rel(_norm(residual), _norm(A)), 1e3 * EPS * max(A.shape))}


def _cholesky_invariants(c, L):
    A = np.asarray(c.args[0], dtype=float)
    R = L.T @ L if c.kwargs.get("upper") else L @ L.T
    return {"‖LLᵀ − A‖ / ‖A‖": (_rel(_norm(R - A), _norm(A)), 1e3 * EPS * A.shape[0])}


def _qr_invariants(c, result):
    A = np.asarray(c.args[0], dtype=float)
    if c.kwargs.get("mode") == "r":
        return {}
    Q, R = result
    return {"‖QR − A‖ / ‖A‖": (_rel(_norm(Q @ R - A), _norm(A)), 1e3 * EPS * max(A.shape, default=1)),
            **_orthonormal_columns(Q)}


def _eigh_invariants(c, result):
    A = np.asarray(c.args[0], dtype=float)
    w, V = result
    return {"‖AV − VΛ‖ / ‖A‖": (_rel(_norm(A @ V - V * w), _norm(A)), 1e3 * EPS * A.shape[0]),
            **_orthonormal_columns(V, "VᵀV − I")}


def _eig_invariants(c, result):
    A = np.asarray(c.args[0], dtype=float)
    w, V = result
    return {"‖AV − VΛ‖ / ‖A‖": (_rel(_norm(A @ V - V * w), _norm(A)), 1e3 * EPS * A.shape[0]),
            "max | ‖v_i‖ − 1 |": (float(np.abs(np.linalg.norm(V, axis=0) - 1).max(initial=0)),
                                  1e3 * EPS)}


def _svd_invariants(c, result):
    if not isinstance(result, tuple):
        return {}
    A = np.asarray(c.args[0], dtype=float)
    U, S, Vh = result
    k = S.shape[0]
    US = U[:, :k] * S
    return {"‖U S Vh − A‖ / ‖A‖": (_rel(_norm(US @ Vh[:k] - A), _norm(A)), 1e3 * EPS * max(A.shape)),
            **_orthonormal_columns(U, "UᵀU − I"), **_orthonormal_columns(Vh.T, "V Vᵀ − I")}


def _pinv_invariants(c, X):
    A = np.asarray(c.args[0], dtype=float)
    return {"‖A X A − A‖ / ‖A‖ (Penrose 1)": (_rel(_norm(A @ X @ A - A), _norm(A)),
                                             1e4 * EPS * max(A.shape))}


def _lu_agreement(got, expected, c):
    """P, L, U exactly ('direct'), unless some pivot choice was decided by rounding — two
    candidates of equal magnitude up to rounding (a multiplier |l_ij| within 1e-10 of 1 in
    SciPy's L), or a pivot at rounding level (a numerically singular column, whose
    candidates are all noise) — where both choices are right: then each answer must
    have the defining structure (P a permutation, L unit lower with |l_ij| ≤ 1, U upper),
    and P·L·U = A is checked by the invariants."""
    import scipy.linalg
    A = np.asarray(c.args[0], dtype=float)
    _, L_ref, U_ref = scipy.linalg.lu(A)
    below = np.abs(np.tril(L_ref, -1))
    k = min(A.shape)
    # a pivot at rounding level: every candidate of that column is noise, so is the choice
    noise_pivot = k and np.abs(np.diag(U_ref)[:k]).min() <= 1e3 * EPS * max(_norm(A), 1e-300)
    if not noise_pivot and not (np.abs(below[below > 0] - 1.0) < 1e-10).any():
        return compare.agree(got, expected, "direct", args=c.args)
    if c.kwargs.get("permute_l"):
        return compare.Agreement(True)  # P·L and U: only the product is defined; invariants
    P, L, U = got
    k = min(A.shape)
    problems = []
    if not (np.isin(P, (0.0, 1.0)).all() and (P.sum(axis=0) == 1).all() and (P.sum(axis=1) == 1).all()):
        problems.append("P is not a permutation matrix")
    if not (np.allclose(np.diag(L[:k, :k]), 1.0) and np.allclose(np.triu(L[:k, :k], 1), 0.0)
            and np.abs(L).max(initial=0) <= 1 + 1e-12):
        problems.append("L is not unit lower triangular with |l_ij| ≤ 1")
    if not np.allclose(np.tril(U, -1), 0.0):
        problems.append("U is not upper triangular")
    return compare.Agreement(not problems, detail="; ".join(problems))


def _qr_agreement(got, expected, c):
    """Canonical signs ('decomposition' after `canon_qr`), unless the leading k×k block of A
    is numerically singular (a wide matrix can have full rank and still such a block): then
    an entry of R's diagonal is rounding noise and the matching column of Q is fixed only up
    to a sign that noise chooses — QR is not unique — and the invariants (QR = A, QᵀQ = I)
    are what both answers must satisfy."""
    A = np.asarray(c.args[0], dtype=float)
    R = np.asarray(expected if c.kwargs.get("mode") == "r" else expected[1])
    k = min(A.shape)
    if k and np.abs(np.diag(R)[:k]).min() <= 1e3 * EPS * max(_norm(A), np.finfo(float).tiny):
        structure = np.allclose(np.tril(np.asarray(got if c.kwargs.get("mode") == "r" else got[1]), -1), 0)
        return compare.Agreement(structure, detail="" if structure else "R is not upper triangular")
    return compare.agree(got, expected, "decomposition", args=c.args, canon=compare.canon_qr)


def _lstsq_agreement(got, expected, c):
    """x under 'least_squares', rank and singular values under their own entries, and the
    residual sums of squares through their square roots, the residual norms, absolutely:
    a backward-stable solver gets ‖b − Ax‖ to c·cond(A)·eps·‖b‖, so when b (nearly) lies in
    the range of A both residuals are rounding noise, equal only to that absolute level."""
    if not (isinstance(got, tuple) and len(got) == 4):
        return compare.Agreement(False, np.inf, np.inf, detail=f"expected numpy's 4-tuple, got {got!r}")
    # x: rtol c·cond²·eps (the 'least_squares' entry) plus the absolute term of the LS
    # perturbation bound, c·cond²·eps·‖r‖/‖A‖ ≤ c·cond²·eps·‖b‖/‖A‖ (Golub & Van Loan
    # §5.3.8), which dominates when b is nearly orthogonal to the range of A and x ≈ 0
    A, b = (np.asarray(v, dtype=float) for v in c.args)
    ls = compare.TOLERANCES["least_squares"]
    kappa = compare.condition_number((A,))
    rtol_x, _ = ls.effective(c.args)
    atol_x = ls.cond_factor * kappa ** 2 * EPS * float(np.linalg.norm(b)) / max(_norm(A), 1e-300)
    verdict = compare.agree(got[0], expected[0], compare.Tolerance(
        rtol_x, atol_x, "least-squares solution, relative and absolute terms", normwise=True))
    verdict = verdict.worse(compare.agree(got[2], expected[2], "identical"))
    verdict = verdict.worse(compare.agree(got[3], expected[3], "spectrum"))
    bound = compare.TOLERANCES["least_squares"].cond_factor * compare.condition_number((A,)) \
        * EPS * max(float(np.linalg.norm(b)), np.finfo(float).tiny)
    norms = compare.Tolerance(0.0, bound, "residual norms, absolutely (see _lstsq_agreement)")
    got_res, exp_res = np.asarray(got[1]), np.asarray(expected[1])
    if got_res.shape != exp_res.shape:
        return verdict.worse(compare.Agreement(False, np.inf, np.inf, detail=(
            f"residuals: shape {got_res.shape} where the reference has {exp_res.shape}")))
    return verdict.worse(compare.agree(np.sqrt(np.maximum(got_res, 0)),
                                       np.sqrt(np.maximum(exp_res, 0)), norms))


# --- strategies of several arguments -------------------------------------------------------------

def _two_vectors():
    return SIZES.flatmap(lambda n: st.tuples(vectors(n), vectors(n))).map(lambda ab: case(*ab))


def _matmul_cases():
    dims = st.tuples(st.integers(1, 5), st.integers(1, 5), st.integers(1, 5))
    return dims.flatmap(lambda d: st.tuples(conditioned(d[0], d[1]), conditioned(d[1], d[2]))) \
        .map(lambda AB: case(*AB))


def _solve_cases():
    def with_rhs(n):
        rhs = st.one_of(vectors(n), st.integers(1, 3).flatmap(
            lambda k: st.lists(vectors(n), min_size=k, max_size=k).map(lambda cols: np.stack(cols, 1))))
        return st.tuples(_square(n), rhs)
    return SIZES.flatmap(with_rhs).map(lambda Ab: case(*Ab))


def _rectangular(cond: float = 1e3):
    return st.tuples(st.integers(1, 6), st.integers(1, 6)).flatmap(
        lambda mn: conditioned(mn[0], mn[1], cond=cond))


def _norm_cases():
    vector_ords = st.sampled_from([None, 1, 2, np.inf, -np.inf, 0, 3, 0.5])
    matrix_ords = st.sampled_from([None, "fro", "nuc", 1, -1, 2, -2, np.inf, -np.inf])
    vec = SIZES.flatmap(lambda n: st.tuples(vectors(n), vector_ords))
    mat = st.tuples(_rectangular(), matrix_ords)
    return st.one_of(vec, mat).map(lambda x_ord: case(x_ord[0], ord=x_ord[1]))


def _matrix_power_cases():
    return st.tuples(SIZES.flatmap(lambda n: conditioned(n, cond=100.0, scale_exp=(0, 0))),
                     st.integers(-3, 5)).map(lambda An: case(*An))


def _lstsq_cases():
    def problem(mn):
        m, n = mn
        return st.tuples(conditioned(m, n, cond=30.0), vectors(m))
    return st.tuples(st.integers(1, 6), st.integers(1, 6)).flatmap(problem) \
        .map(lambda Ab: case(*Ab))


def _low_rank():
    def build(mnr):
        m, n, r = mnr
        r = min(r, m, n)
        return st.tuples(conditioned(m, r, cond=100.0), conditioned(r, n, cond=100.0)) \
            .map(lambda UV: UV[0] @ UV[1])
    return st.tuples(st.integers(1, 6), st.integers(1, 6), st.integers(1, 6)).flatmap(build) \
        .map(lambda A: case(A))


def _svd_cases():
    distinct = st.tuples(st.integers(1, 6), st.integers(1, 6)).flatmap(
        lambda mn: conditioned(mn[0], mn[1], distinct=True))
    return st.tuples(distinct, st.booleans(), st.booleans()).map(
        lambda a: case(a[0], full_matrices=a[1], compute_uv=a[2]))


def _qr_cases():
    return st.tuples(_rectangular(), st.sampled_from(["reduced", "complete", "r"])).map(
        lambda a: case(a[0], mode=a[1]))


def _cond_cases():
    return st.tuples(SIZES.flatmap(lambda n: conditioned(n)),
                     st.sampled_from([None, 2, -2, 1, -1, np.inf, -np.inf, "fro", "nuc"])) \
        .map(lambda a: case(a[0], p=a[1]))


# --- bad inputs shared by the factorisations ----------------------------------------------------

NAN = np.array([[1.0, np.nan], [0.0, 1.0]])
INF = np.array([[np.inf, 1.0], [0.0, 1.0]])
NOT_SQUARE = np.ones((2, 3))
VECTOR = np.ones(3)
STACK = np.ones((2, 2, 2))
SINGULAR = np.array([[1.0, 2.0], [2.0, 4.0]])


def _factorisation_bad(square: bool = True, *rest):
    """The contract's bad matrices; `rest` are the further (valid) arguments, e.g. lstsq's b."""
    cases = [bad(NAN, *rest, raises=ValueError, match="infs or NaNs", label="NaN"),
             bad(INF, *rest, raises=ValueError, match="infs or NaNs", label="inf"),
             bad(VECTOR, *rest, raises=LinAlgError, match="two-dimensional", label="1-D"),
             bad(STACK, *rest, raises=LinAlgError, match="two-dimensional", label="stack of matrices"),
             bad(np.array([[1 + 1j, 0], [0, 1]]), *rest, raises=TypeError, match="complex",
                 label="complex")]
    if square:
        cases.append(bad(NOT_SQUARE, *rest, raises=LinAlgError, match="square", label="not square"))
    return tuple(cases)


# --- the concepts ---------------------------------------------------------------------------------

A2 = np.array([[1, 2], [3, 4]])
SYM2 = np.array([[2, 1], [1, 2]])

CONCEPTS = (
    Concept(
        "linalg.add", "numpy.add", "exact", "exact",
        cases=(case(np.array([1, 2, 3]), np.array([4, 5, 6]), seed=SEED, label="seed",
                    expected="[5 7 9]"),
               case(np.array([0.1, 0.2]), np.array([0.2, 0.1]), label="floats"),
               case(np.eye(2), np.array([1.0, -1.0]), label="matrix + row (broadcast)")),
        strategy=_two_vectors,
        bad=(bad(np.ones(3), np.ones(2), raises=ValueError, match="shapes", label="lengths differ"),),
        bench=Bench(1_000_000, lambda n, rng: case(rng.uniform(size=n), rng.uniform(size=n))),
        seeds=(SEED,)),
    Concept(
        "linalg.scale", "numpy.multiply", "exact", "exact",
        cases=(case(2, np.array([1, 2, 3]), seed=SEED, label="seed", expected="[2 4 6]"),
               case(-0.5, np.array([[1.0, 2.0], [3.0, 4.0]]), label="matrix")),
        strategy=lambda: SIZES.flatmap(lambda n: st.tuples(st.floats(-10, 10), vectors(n)))
        .map(lambda ax: case(*ax)),
        bad=(bad(np.array([1, 2]), np.ones(2), raises=ValueError, match="scalar",
                 label="alpha is an array"),),
        bench=Bench(1_000_000, lambda n, rng: case(1.5, rng.uniform(size=n))),
        seeds=(SEED,)),
    Concept(
        "linalg.dot", "numpy.dot", "exact", "products",
        cases=(case(np.array([1, 2, 3]), np.array([4, 5, 6]), seed=SEED, label="seed",
                    expected="32"),
               case(A2 * 1.0, np.array([1.0, -1.0]), label="matrix · vector"),
               case(np.ones((2, 3, 4)), np.ones((5, 4, 2)), label="N-D · N-D"),
               case(3.0, np.array([1.0, 2.0]), label="scalar")),
        strategy=_two_vectors,
        bad=(bad(np.ones((2, 3)), np.ones(2), raises=ValueError, match=r"\(2, ?3\)",
                 label="not aligned"),),
        bench=Bench(1_000_000, lambda n, rng: case(rng.uniform(size=n), rng.uniform(size=n))),
        seeds=(SEED,)),
    Concept(
        "linalg.outer", "numpy.outer", "exact", "exact",
        cases=(case(np.array([1, 2]), np.array([3, 4, 5]), label="integers"),
               case(np.eye(2), np.array([0.5, 2.0]), label="matrix operand is flattened")),
        strategy=_two_vectors,
        bad=(bad(np.array(["a"]), np.array(["b"]), raises=TypeError, label="strings"),),
        bench=Bench(1000, lambda n, rng: case(rng.uniform(size=n), rng.uniform(size=n)))),
    Concept(
        "linalg.matmul", "numpy.matmul", "exact", "products",
        cases=(case(A2, np.array([[5, 6], [7, 8]]), seed=SEED, label="seed",
                    expected="[[19 22]\n [43 50]]"),
               case(np.arange(24.0).reshape(2, 3, 4), np.arange(8.0).reshape(4, 2),
                    label="batched"),
               case(np.array([1.0, 2.0]), A2 * 1.0, label="vector @ matrix"),
               case(np.ones((0, 3)), np.ones((3, 2)), label="empty")),
        strategy=_matmul_cases,
        bad=(bad(np.ones((2, 3)), np.ones((2, 3)), raises=ValueError, label="inner sizes differ"),
             bad(2.0, np.ones((2, 2)), raises=ValueError, label="scalar operand")),
        bench=Bench(200, lambda n, rng: case(rng.uniform(size=(n, n)), rng.uniform(size=(n, n)))),
        seeds=(SEED,),
        note="mathml sums products without BLAS (the definition); expect a large time ratio."),
    Concept(
        "linalg.transpose", "numpy.transpose", "exact", "identical",
        cases=(case(A2, seed=SEED, label="seed", expected="[[1 3]\n [2 4]]"),
               case(np.arange(24).reshape(2, 3, 4), axes=(1, 0, 2), label="axes")),
        strategy=lambda: _rectangular().map(lambda A: case(A)),
        bad=(bad(np.ones((2, 2)), axes=(0, 0), raises=ValueError, label="repeated axis"),),
        bench=Bench(1000, lambda n, rng: case(rng.uniform(size=(n, n))))),
    Concept(
        "linalg.trace", "numpy.trace", "exact", "exact",
        cases=(case(A2, label="2×2"), case(np.arange(12.0).reshape(3, 4), offset=1, label="offset"),
               case(np.arange(24).reshape(2, 3, 4), axis1=1, axis2=2, label="stack")),
        strategy=lambda: _rectangular().map(lambda A: case(A)),
        bad=(bad(np.ones(3), raises=ValueError, label="1-D"),),
        bench=Bench(1000, lambda n, rng: case(rng.uniform(size=(n, n))))),
    Concept(
        "linalg.norm", "numpy.linalg.norm", "exact", "exact",
        cases=(case(np.array([3.0, 4.0]), label="Euclidean"),
               *(case(A2 * 1.0, ord=o, label=f"matrix ord={o}")
                 for o in (None, "fro", "nuc", 1, -1, 2, -2, np.inf, -np.inf)),
               *(case(np.array([1.0, -2.0, 0.0, 4.0]), ord=o, label=f"vector ord={o}")
                 for o in (1, 2, np.inf, -np.inf, 0, 3)),
               case(np.arange(24.0).reshape(2, 3, 4), axis=(0, 2), label="axes (0, 2)"),
               case(np.arange(6.0).reshape(2, 3), axis=1, keepdims=True, label="keepdims")),
        strategy=_norm_cases,
        bad=(bad(np.ones(3), ord="fro", raises=ValueError, label="Frobenius of a vector"),
             bad(np.ones((2, 2, 2)), ord=1, raises=ValueError, label="3-D with an ord"),
             bad(NAN, ord=2, raises=ValueError, match="infs or NaNs", label="NaN, spectral")),
        bench=Bench(500, lambda n, rng: case(rng.uniform(size=(n, n)), ord="fro"))),
    Concept(
        "linalg.matrix_power", "numpy.linalg.matrix_power", "exact", "direct",
        cases=(case(np.array([[1, 1], [1, 0]]), 10, label="Fibonacci (integers stay integers)"),
               case(A2 * 1.0, -2, label="negative power"), case(A2 * 1.0, 0, label="zeroth power")),
        strategy=_matrix_power_cases,
        bad=(bad(NOT_SQUARE, 2, raises=LinAlgError, label="not square"),
             bad(A2, 1.5, raises=TypeError, label="fractional exponent"),
             bad(SINGULAR, -1, raises=LinAlgError, match="Singular", label="singular, negative power")),
        bench=Bench(200, lambda n, rng: case(_random_square(n, rng), 7))),
    Concept(
        "linalg.det", "numpy.linalg.det", "exact", "direct",
        cases=(case(A2, label="2×2"), case(SINGULAR, label="singular: 0"),
               case(np.zeros((0, 0)), label="0×0: 1"),
               case(np.array([[0.0, 1.0], [1.0, 0.0]]), label="row exchange flips the sign")),
        strategy=_cases(_square),
        bad=_factorisation_bad(),
        bench=Bench(500, _bench_square)),
    Concept(
        "linalg.slogdet", "numpy.linalg.slogdet", "exact", "log_determinant",
        cases=(case(A2, label="2×2"), case(SINGULAR, label="singular: (0, -inf)"),
               case(np.diag([1e-200, 1e-200, 1e-200]), label="det underflows, its log does not")),
        strategy=_cases(_square),
        bad=_factorisation_bad(),
        bench=Bench(500, _bench_square)),
    Concept(
        "linalg.inv", "numpy.linalg.inv", "exact", "direct",
        cases=(case(A2, seed=SEED, label="seed", expected="[[-2.   1. ]\n [ 1.5 -0.5]]"),
               case(np.array([[0.0, 1.0], [1.0, 1.0]]), label="zero leading entry (needs a pivot)"),
               case(np.array([[4.0]]), label="1×1"),
               case(np.vander(np.linspace(1, 2, 5)), label="Vandermonde, cond ≈ 1e5")),
        strategy=_cases(_square),
        bad=_factorisation_bad() + (bad(SINGULAR, raises=LinAlgError, match="Singular matrix",
                                        label="singular"),),
        bench=Bench(500, _bench_square),
        seeds=(SEED,), invariants=_inv_invariants),
    Concept(
        "linalg.solve", "numpy.linalg.solve", "exact", "direct",
        cases=(case(A2, np.array([1, 2]), label="one right-hand side"),
               case(np.array([[0.0, 2.0], [3.0, 1.0]]), np.eye(2), label="many right-hand sides")),
        strategy=_solve_cases,
        bad=(bad(A2, np.ones(3), raises=ValueError, match=r"\(3,\)", label="b has the wrong length"),
             bad(SINGULAR, np.ones(2), raises=LinAlgError, match="Singular matrix", label="singular"),
             bad(A2, np.array([1.0, np.nan]), raises=ValueError, match="infs or NaNs", label="NaN in b"),
             bad(NOT_SQUARE, np.ones(2), raises=LinAlgError, match="square", label="not square")),
        bench=Bench(500, lambda n, rng: case(_random_square(n, rng), rng.uniform(size=(n, 1)))),
        invariants=_solve_invariants),
    Concept(
        "linalg.lu", "scipy.linalg.lu", "exact", "direct",
        cases=(case(A2, label="2×2"), case(np.array([[0.0, 1.0], [1.0, 1.0]]), label="zero pivot"),
               case(np.arange(1.0, 7.0).reshape(3, 2), label="tall"),
               case(np.arange(1.0, 7.0).reshape(2, 3), label="wide"),
               case(A2, permute_l=True, label="permute_l")),
        strategy=lambda: _rectangular().map(lambda A: case(A)),
        bad=_factorisation_bad(square=False),
        bench=Bench(500, _bench_square),
        invariants=_lu_invariants, comparison=_lu_agreement,
        note="P is compared exactly: both pivot on the first entry of largest magnitude; "
             "where two candidates tie up to rounding, rounding decides, and both answers "
             "are checked for the structure of an LU factorisation instead."),
    Concept(
        "linalg.cholesky", "numpy.linalg.cholesky", "exact", "direct",
        cases=(case(np.array([[4.0, 2.0], [2.0, 3.0]]), label="2×2"),
               case(np.array([[4.0, 2.0], [2.0, 3.0]]), upper=True, label="upper")),
        strategy=_cases(spd),
        bad=_factorisation_bad() + (bad(-np.eye(2), raises=LinAlgError, match="positive definite",
                                        label="not positive definite"),),
        bench=Bench(500, _bench_spd),
        invariants=_cholesky_invariants),
    Concept(
        "linalg.qr", "numpy.linalg.qr", "sign", "decomposition",
        cases=(case(A2, label="2×2"), case(np.arange(1.0, 7.0).reshape(3, 2), label="tall"),
               case(np.arange(1.0, 7.0).reshape(3, 2), mode="complete", label="tall, complete"),
               case(np.arange(1.0, 7.0).reshape(2, 3), label="wide"),
               case(np.arange(1.0, 7.0).reshape(3, 2), mode="r", label="R only")),
        strategy=_qr_cases,
        bad=_factorisation_bad(square=False),
        bench=Bench(500, _bench_square),
        comparison=_qr_agreement, invariants=_qr_invariants,
        note="mathml reproduces LAPACK's Householder sign rule, so on ordinary matrices Q "
             "and R match without flips; where a reflection starts from a rounding-level "
             "entry the sign is rounding's choice, so the catalog compares with R's diagonal "
             "made non-negative."),
    Concept(
        "linalg.eigh", "numpy.linalg.eigh", "sign", "decomposition",
        cases=(case(SYM2, seed=SEED, label="seed matrix"),
               case(np.diag([3.0, 1.0, 2.0]), label="diagonal"),
               case(np.array([[2.0, -1, 0], [-1, 2, -1], [0, -1, 2]]), label="tridiagonal")),
        strategy=_cases(symmetric_separated),
        bad=_factorisation_bad(),
        bench=Bench(200, _bench_symmetric),
        seeds=(SEED, "004"), canon=compare.canon_eigh, invariants=_eigh_invariants,
        note="eigenvector signs are a convention: compared after making each vector's "
             "largest entry positive."),
    Concept(
        "linalg.eigvalsh", "numpy.linalg.eigvalsh", "exact", "spectrum",
        cases=(case(SYM2, seed=SEED, label="seed matrix"), case(np.eye(3), label="repeated")),
        strategy=_cases(symmetric_separated),
        bad=_factorisation_bad(),
        bench=Bench(200, _bench_symmetric),
        seeds=(SEED,)),
    Concept(
        "linalg.eig", "numpy.linalg.eig", "perm", "decomposition",
        cases=(case(SYM2, seed=SEED, label="seed",
                    expected=("[3. 1.]",
                              "[[ 0.70710678 -0.70710678]\n [ 0.70710678  0.70710678]]")),
               case(np.array([[0.0, -1.0], [1.0, 0.0]]), label="rotation: ±i"),
               case(np.array([[1.0, 2.0, 3.0], [0.0, 4.0, 5.0], [0.0, 0.0, 6.0]]),
                    label="triangular")),
        strategy=_cases(general_separated),
        bad=_factorisation_bad(),
        bench=Bench(200, lambda n, rng: case(rng.uniform(-1, 1, (n, n)))),
        seeds=(SEED,), canon=compare.canon_eig, invariants=_eig_invariants,
        note="order and phase are conventions: compared after sorting eigenvalues and making "
             "each eigenvector's largest entry real positive."),
    Concept(
        "linalg.eigvals", "numpy.linalg.eigvals", "perm", "spectrum",
        cases=(case(SYM2, seed=SEED, label="seed", expected="[3. 1.]"),
               case(np.array([[0.0, -1.0], [1.0, 0.0]]), label="rotation: ±i")),
        strategy=_cases(general_separated),
        bad=_factorisation_bad(),
        bench=Bench(200, lambda n, rng: case(rng.uniform(-1, 1, (n, n)))),
        seeds=(SEED,), canon=compare.canon_eig),
    Concept(
        "linalg.svd", "numpy.linalg.svd", "sign", "decomposition",
        cases=(case(A2 * 1.0, label="2×2"),
               case(np.arange(1.0, 7.0).reshape(3, 2), label="tall, full"),
               case(np.arange(1.0, 7.0).reshape(2, 3), full_matrices=False, label="wide, thin"),
               case(np.arange(1.0, 7.0).reshape(3, 2), compute_uv=False, label="values only")),
        strategy=_svd_cases,
        bad=_factorisation_bad(square=False),
        bench=Bench(200, _bench_square),
        seeds=(SEED, "004"), canon=compare.canon_svd, invariants=_svd_invariants,
        note="each (u_i, v_i) pair is flipped together so v_i's largest entry is positive; "
             "the extra columns of full_matrices are compared through their projector."),
    Concept(
        "linalg.pinv", "numpy.linalg.pinv", "exact", "direct",
        cases=(case(A2 * 1.0, label="invertible: the inverse"),
               case(np.array([[1.0, 2.0], [2.0, 4.0], [3.0, 6.0]]), label="rank 1"),
               case(np.arange(1.0, 7.0).reshape(2, 3), label="wide")),
        strategy=lambda: _rectangular(cond=100.0).map(lambda A: case(A)),
        bad=_factorisation_bad(square=False),
        bench=Bench(200, _bench_square),
        invariants=_pinv_invariants),
    Concept(
        "linalg.lstsq", "numpy.linalg.lstsq", "exact", "least_squares",
        cases=(case(np.array([[1.0, 1.0], [1.0, 2.0], [1.0, 3.0]]), np.array([1.0, 2.0, 2.0]),
                    label="line through 3 points"),
               case(np.array([[1.0, 1.0], [1.0, 2.0], [1.0, 3.0]]), np.eye(3), label="many b"),
               case(np.array([[1.0, 2.0], [2.0, 4.0]]), np.array([1.0, 1.0]), label="rank deficient")),
        strategy=_lstsq_cases,
        bad=_factorisation_bad(False, np.ones(2)) + (
            bad(np.ones((3, 2)), np.ones(2), raises=ValueError, match=r"\(2,\)", label="b mismatch"),),
        comparison=_lstsq_agreement,
        note="residuals are compared as norms, absolutely at c·cond(A)·eps·‖b‖: when b lies in "
             "the range of A both are rounding noise.",
        bench=Bench(200, lambda n, rng: case(rng.uniform(size=(2 * n, n)), rng.uniform(size=2 * n)))),
    Concept(
        "linalg.matrix_rank", "numpy.linalg.matrix_rank", "exact", "identical",
        cases=(case(SINGULAR, label="rank 1"), case(np.eye(3), label="full rank"),
               case(np.zeros((2, 3)), label="zero matrix"), case(np.array([0.0, 1.0]), label="1-D")),
        strategy=_low_rank,
        bad=(bad(NAN, raises=ValueError, match="infs or NaNs", label="NaN"),),
        bench=Bench(200, _bench_square)),
    Concept(
        "linalg.cond", "numpy.linalg.cond", "exact", "direct",
        cases=(case(A2 * 1.0, label="2-norm"),
               *(case(A2 * 1.0, p=p, label=f"p={p}") for p in ("fro", "nuc", 1, -1, np.inf, -np.inf, -2))),
        strategy=_cond_cases,
        bad=(bad(NAN, raises=ValueError, match="infs or NaNs", label="NaN"),
             bad(NOT_SQUARE, p=1, raises=LinAlgError, match="square", label="p=1 needs a square matrix")),
        bench=Bench(200, _bench_square)),
)
