"""Catalog entries for linear algebra (docs/concepts.md §1): `mathml.linalg` vs NumPy and SciPy."""
from __future__ import annotations

import numpy as np
from hypothesis import strategies as st
from numpy.linalg import LinAlgError

from ._core import Bench, Concept, bad, case
from .strategies import (conditioned, general_separated, integer_nonsingular, spd,
                         symmetric_separated, vectors)

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
               case(np.arange(6.0).reshape(2, 3), axis=1, keepdims=True, label="keepdims"),
               case(np.zeros(0), ord=np.inf, label="empty vector, max norm: 0"),
               case(np.zeros((0, 3)), ord=2, label="empty matrix, spectral norm: 0"),
               case(np.zeros((0, 3)), ord=1, label="empty matrix, column-sum norm: 0"),
               case(A2 * 1.0, ord="f", label="'f', NumPy's alias of 'fro'")),
        strategy=_norm_cases,
        bad=(bad(np.ones(3), ord="fro", raises=ValueError, label="Frobenius of a vector"),
             bad(np.ones((2, 2, 2)), ord=1, raises=ValueError, label="3-D with an ord"),
             bad(NAN, ord=2, raises=ValueError, match="infs or NaNs", label="NaN, spectral"),
             bad(np.array([3 + 1j, 4 + 1j]), raises=TypeError, match="complex input is not supported",
                 label="complex"),
             bad(None, raises=TypeError, label="None"),
             bad(np.ones((2, 2)), axis=5, raises=np.exceptions.AxisError,
                 match="axis 5 is out of bounds for array of dimension 2", label="axis out of bounds"),
             bad(np.ones((2, 2)), axis=(0, -3), raises=np.exceptions.AxisError,
                 match="axis -3 is out of bounds for array of dimension 2",
                 label="matrix axes out of bounds"),
             bad(np.ones((2, 2)), axis=(0, 0), raises=ValueError, match="Duplicate axes given",
                 label="repeated axes"),
             bad(np.ones(3), ord="fro", axis=2, raises=ValueError,
                 match="Invalid norm order 'fro' for vectors",
                 label="a named ord for one axis is refused before the axis is checked"),
             bad(np.array([np.nan, 1.0]), ord=2, axis=(0, 1), raises=np.exceptions.AxisError,
                 label="spectral norm, axis out of bounds: AxisError before the NaN check"),
             bad(np.ones((2, 2)), axis=[0, 1], raises=TypeError,
                 match="'axis' must be None, an integer or a tuple of integers",
                 label="axes as a list")),
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
        seeds=(SEED,), properties="inv"),
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
        properties="solve"),
    Concept(
        "linalg.lu", "scipy.linalg.lu", "lu", "direct",
        cases=(case(A2, label="2×2"), case(np.array([[0.0, 1.0], [1.0, 1.0]]), label="zero pivot"),
               case(np.arange(1.0, 7.0).reshape(3, 2), label="tall"),
               case(np.arange(1.0, 7.0).reshape(2, 3), label="wide"),
               case(A2, permute_l=True, label="permute_l")),
        strategy=lambda: _rectangular().map(lambda A: case(A)),
        bad=_factorisation_bad(square=False),
        bench=Bench(500, _bench_square),
        properties="lu",
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
        properties="cholesky"),
    Concept(
        "linalg.qr", "numpy.linalg.qr", "qr", "decomposition",
        cases=(case(A2, label="2×2"), case(np.arange(1.0, 7.0).reshape(3, 2), label="tall"),
               case(np.arange(1.0, 7.0).reshape(3, 2), mode="complete", label="tall, complete"),
               case(np.arange(1.0, 7.0).reshape(2, 3), label="wide"),
               case(np.arange(1.0, 7.0).reshape(3, 2), mode="r", label="R only")),
        strategy=_qr_cases,
        bad=_factorisation_bad(square=False),
        bench=Bench(500, _bench_square),
        properties="qr",
        note="mathml reproduces LAPACK's Householder sign rule, so on ordinary matrices Q "
             "and R match without flips; where a reflection starts from a rounding-level "
             "entry the sign is rounding's choice, so the catalog compares with R's diagonal "
             "made non-negative."),
    Concept(
        "linalg.eigh", "numpy.linalg.eigh", "eigh", "decomposition",
        cases=(case(SYM2, seed=SEED, label="seed matrix"),
               case(np.diag([3.0, 1.0, 2.0]), label="diagonal"),
               case(np.array([[2.0, -1, 0], [-1, 2, -1], [0, -1, 2]]), label="tridiagonal")),
        strategy=_cases(symmetric_separated),
        bad=_factorisation_bad(),
        bench=Bench(200, _bench_symmetric),
        seeds=(SEED, "004"), properties="eigh",
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
        "linalg.eig", "numpy.linalg.eig", "eig", "decomposition",
        cases=(case(SYM2, seed=SEED, label="seed",
                    expected=("[3. 1.]",
                              "[[ 0.70710678 -0.70710678]\n [ 0.70710678  0.70710678]]")),
               case(np.array([[0.0, -1.0], [1.0, 0.0]]), label="rotation: ±i"),
               case(np.array([[1.0, 2.0, 3.0], [0.0, 4.0, 5.0], [0.0, 0.0, 6.0]]),
                    label="triangular")),
        strategy=_cases(general_separated),
        bad=_factorisation_bad(),
        bench=Bench(200, lambda n, rng: case(rng.uniform(-1, 1, (n, n)))),
        seeds=(SEED,), properties="eig",
        note="order and phase are conventions: compared after sorting eigenvalues and making "
             "each eigenvector's largest entry real positive."),
    Concept(
        "linalg.eigvals", "numpy.linalg.eigvals", "eig", "spectrum",
        cases=(case(SYM2, seed=SEED, label="seed", expected="[3. 1.]"),
               case(np.array([[0.0, -1.0], [1.0, 0.0]]), label="rotation: ±i")),
        strategy=_cases(general_separated),
        bad=_factorisation_bad(),
        bench=Bench(200, lambda n, rng: case(rng.uniform(-1, 1, (n, n)))),
        seeds=(SEED,)),
    Concept(
        "linalg.svd", "numpy.linalg.svd", "svd", "decomposition",
        cases=(case(A2 * 1.0, label="2×2"),
               case(np.arange(1.0, 7.0).reshape(3, 2), label="tall, full"),
               case(np.arange(1.0, 7.0).reshape(2, 3), full_matrices=False, label="wide, thin"),
               case(np.arange(1.0, 7.0).reshape(3, 2), compute_uv=False, label="values only")),
        strategy=_svd_cases,
        bad=_factorisation_bad(square=False),
        bench=Bench(200, _bench_square),
        seeds=(SEED, "004"), properties="svd",
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
        properties="pinv"),
    Concept(
        "linalg.lstsq", "numpy.linalg.lstsq", "lstsq", "least_squares",
        cases=(case(np.array([[1.0, 1.0], [1.0, 2.0], [1.0, 3.0]]), np.array([1.0, 2.0, 2.0]),
                    label="line through 3 points"),
               case(np.array([[1.0, 1.0], [1.0, 2.0], [1.0, 3.0]]), np.eye(3), label="many b"),
               case(np.array([[1.0, 2.0], [2.0, 4.0]]), np.array([1.0, 1.0]), label="rank deficient"),
               # found by Hypothesis: ‖b‖² underflows, x is rounding noise at eps·‖b‖
               case(np.array([[0.0, -1.9967346175427393e-16], [0.7071067811865475, 0.7071067811865476],
                              [0.7071067811865475, -0.7071067811865476]]),
                    np.array([8.130637523230602e-197, 0.0, 0.0]), label="tiny b, nearly orthogonal")),
        strategy=_lstsq_cases,
        bad=_factorisation_bad(False, np.ones(2)) + (
            bad(np.ones((3, 2)), np.ones(2), raises=ValueError, match=r"\(2,\)", label="b mismatch"),),
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
