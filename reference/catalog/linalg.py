"""Catalog entries for linear algebra (docs/concepts.md §1): `mathml.linalg` vs NumPy and SciPy."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
from hypothesis import strategies as st
from numpy.linalg import LinAlgError

from ._core import Bench, Case, Concept, bad, case
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


# --- NumPy's dtype rule: float32 in, float32 out ---------------------------------------------

def _single(c: Case, comparison: str) -> Case:
    """`c` in single precision: its numeric arrays as float32, compared by the concept's
    `comparison` with the dtypes of the answer checked exactly (``"<comparison> (dtype)"``,
    reference/compare/_linalg.py)."""
    args = tuple(a.astype(np.float32) if isinstance(a, np.ndarray) and a.dtype.kind in "fiu"
                 else a for a in c.args)
    return replace(c, args=args, label=f"{c.label}, float32" if c.label else "float32") \
        .compared(f"{comparison} (dtype)")


def _typed(c: Case, comparison: str) -> Case:
    """`c` (integer input: float64 out) with the dtypes of the answer checked exactly."""
    return c.compared(f"{comparison} (dtype)")


def _and_single(strategy, comparison: str):
    """A concept's generated cases, and the same in single precision."""
    return lambda: st.one_of(strategy(), strategy().map(lambda c: _single(c, comparison)))


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


def _factorisation_bad(square: bool = True, *rest, half: bool = False):
    """The contract's bad matrices; `rest` are the further (valid) arguments, e.g. lstsq's b.
    NumPy refuses float16 ("array type float16 is unsupported in linalg"); SciPy's `lu`
    takes it (``half``)."""
    cases = [bad(NAN, *rest, raises=ValueError, match="infs or NaNs", label="NaN"),
             bad(INF, *rest, raises=ValueError, match="infs or NaNs", label="inf"),
             bad(VECTOR, *rest, raises=LinAlgError, match="two-dimensional", label="1-D"),
             bad(STACK, *rest, raises=LinAlgError, match="two-dimensional", label="stack of matrices"),
             bad(np.float64(2.0), *rest, raises=LinAlgError, match="0-dimensional array given",
                 label="0-d"),
             bad(None, *rest, raises=LinAlgError, match="0-dimensional array given",
                 label="None: a 0-d array of one object"),
             bad(np.array([["1", "2"], ["3", "4"]]), *rest, raises=TypeError,
                 match="array type str32 is unsupported in linalg", label="strings"),
             bad(np.array([[1.0, 2.0], [3.0, 4.0]], dtype=object), *rest, raises=TypeError,
                 match="array type object is unsupported in linalg", label="objects"),
             bad([[1.0, 2.0], [3.0]], *rest, raises=ValueError, match="a is not an array",
                 label="ragged"),
             bad(np.array([[1 + 1j, 0], [0, 1]]), *rest, raises=TypeError, match="complex",
                 label="complex")]
    if not half:
        cases.append(bad(np.eye(2, dtype=np.float16), *rest, raises=TypeError,
                         match="^array type float16 is unsupported in linalg$", label="float16"))
        cases.append(bad(np.array([[np.nan, 1.0], [1.0, 1.0]], dtype=np.float16), *rest,
                         raises=TypeError, match="float16 is unsupported",
                         label="float16 with NaN: the dtype is refused first, as NumPy"))
    if square:
        cases.append(bad(NOT_SQUARE, *rest, raises=LinAlgError, match="square", label="not square"))
    return tuple(cases)


def _right_hand_side_bad(a, function: str, mismatch: type[Exception]):
    """A right-hand side b that does not fit a (shape: `mismatch`, naming both shapes) or is
    no real finite array of float32/float64 numbers."""
    return (bad(a, None, raises=mismatch, match=r"b has shape \(\)", label="b is None"),
            bad(a, np.float64(1.0), raises=mismatch, match=r"b has shape \(\)", label="0-d b"),
            bad(a, np.ones((2, 1, 1)), raises=mismatch, match=r"b has shape \(2, 1, 1\)",
                label="3-D b"),
            bad(a, [[1.0], [2.0, 3.0]], raises=ValueError, match="b is not an array",
                label="ragged b"),
            bad(a, np.array(["1", "2"]), raises=TypeError, match="b: array type str32",
                label="strings in b"),
            bad(a, np.ones(2, dtype=np.float16), raises=TypeError,
                match="b: array type float16 is unsupported in linalg", label="float16 b"),
            bad(a, np.array([1.0, 1j]), raises=TypeError, match="complex", label="complex b"),
            bad(a, np.array([1.0, np.inf]), raises=ValueError, match="infs or NaNs",
                label="inf in b"))


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
               case(-0.5, np.array([[1.0, 2.0], [3.0, 4.0]]), label="matrix"),
               _single(case(-0.5, np.array([1.0, 2.0, 3.0]),
                            label="a Python float keeps float32"), "exact"),
               _typed(case(np.float64(-0.5), np.array([1.0, 2.0, 3.0], dtype=np.float32),
                           label="a NumPy float64 promotes float32"), "exact")),
        strategy=lambda: SIZES.flatmap(lambda n: st.tuples(st.floats(-10, 10), vectors(n)))
        .map(lambda ax: case(*ax)),
        bad=(bad(np.array([1, 2]), np.ones(2), raises=ValueError, match="scalar",
                 label="alpha is an array"),),
        bench=Bench(1_000_000, lambda n, rng: case(1.5, rng.uniform(size=n))),
        seeds=(SEED,)),
    Concept(
        "linalg.dot", "numpy.dot", "exact", "products: dot",
        cases=(case(np.array([1, 2, 3]), np.array([4, 5, 6]), seed=SEED, label="seed",
                    expected="32"),
               case(A2 * 1.0, np.array([1.0, -1.0]), label="matrix · vector"),
               case(np.ones((2, 3, 4)), np.ones((5, 4, 2)), label="N-D · N-D"),
               case(3.0, np.array([1.0, 2.0]), label="scalar"),
               _typed(case(np.array([[True, False], [True, True]]), np.array([True, True]),
                           label="booleans: the boolean product"), "exact")),
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
        "linalg.matmul", "numpy.matmul", "exact", "products: matmul",
        cases=(case(A2, np.array([[5, 6], [7, 8]]), seed=SEED, label="seed",
                    expected="[[19 22]\n [43 50]]"),
               case(np.arange(24.0).reshape(2, 3, 4), np.arange(8.0).reshape(4, 2),
                    label="batched"),
               case(np.array([1.0, 2.0]), A2 * 1.0, label="vector @ matrix"),
               case(np.ones((0, 3)), np.ones((3, 2)), label="empty"),
               _single(case(A2, np.array([[5, 6], [7, 8]]), label="2×2"), "exact"),
               _typed(case(np.array([[True, False], [True, True]]), np.array([[False, True], [True, False]]),
                           label="booleans: the boolean product"), "exact")),
        strategy=_matmul_cases,
        bad=(bad(np.ones((2, 3)), np.ones((2, 3)), raises=ValueError, label="inner sizes differ"),
             bad(2.0, np.ones((2, 2)), raises=ValueError, label="scalar operand"),
             bad(np.ones((2, 2)), "ab", raises=TypeError, match="operands must hold numbers",
                 label="a string operand: no loop, before the 0-d check (NumPy's order)")),
        bench=Bench(200, lambda n, rng: case(rng.uniform(size=(n, n)), rng.uniform(size=(n, n)))),
        seeds=(SEED,),
        note="mathml sums products without BLAS (the definition); expect a large time ratio."),
    Concept(
        "linalg.transpose", "numpy.transpose", "exact", "identical",
        cases=(case(A2, seed=SEED, label="seed", expected="[[1 3]\n [2 4]]"),
               case(np.arange(24).reshape(2, 3, 4), axes=(1, 0, 2), label="axes")),
        strategy=lambda: _rectangular().map(lambda A: case(A)),
        bad=(bad(np.ones((2, 2)), axes=(0, 0), raises=ValueError, match="repeated axis",
                 label="repeated axis"),
             bad(np.ones((2, 2)), axes=[1, 2], raises=np.exceptions.AxisError,
                 match="axis 2 is out of bounds for array of dimension 2",
                 label="axis out of bounds (it was wrapped to 0)"),
             bad(np.ones((2, 2)), axes=0, raises=ValueError, match="axes don't match array",
                 label="one axis for a matrix"),
             bad(np.ones((2, 2)), axes=(0, 1.5), raises=TypeError,
                 match="cannot be interpreted as an integer", label="a fractional axis")),
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
               case(A2 * 1.0, ord="f", label="'f', NumPy's alias of 'fro'"),
               *(_single(case(A2, ord=o, label=f"matrix ord={o}"), "exact")
                 for o in (None, "nuc", 1, 2, -2)),
               _single(case(np.array([3.0, 4.0]), label="Euclidean"), "exact"),
               _typed(case(A2, ord=2, label="integers, spectral: float64"), "exact"),
               _typed(case(np.array([[3.0, 0.0], [0.0, 4.0]], dtype=np.float16), ord="fro",
                           label="float16, Frobenius: float16 (no SVD: NumPy's)"), "exact")),
        strategy=_and_single(_norm_cases, "exact"),
        bad=(bad(np.ones(3), ord="fro", raises=ValueError, label="Frobenius of a vector"),
             bad(np.ones((2, 2, 2)), ord=1, raises=ValueError, label="3-D with an ord"),
             bad(NAN, ord=2, raises=ValueError, match="infs or NaNs", label="NaN, spectral"),
             bad(np.array([3 + 1j, 4 + 1j]), raises=TypeError, match="complex input is not supported",
                 label="complex"),
             bad(None, raises=TypeError, label="None"),
             bad(None, ord=np.inf, raises=ValueError, match="Improper number of dimensions",
                 label="None with an ord: a 0-d array, refused by its dimensions first"),
             bad(np.zeros(0), ord=1 + 1j, raises=TypeError, match="ord must be a real number",
                 label="complex ord"),
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
                 label="axes as a list"),
             *(bad(np.eye(2, dtype=np.float16), ord=o, raises=TypeError,
                   match="^array type float16 is unsupported in linalg$",
                   label=f"float16, ord={o}: an SVD, refused as NumPy") for o in (2, -2, "nuc"))),
        bench=Bench(500, lambda n, rng: case(rng.uniform(size=(n, n)), ord="fro"))),
    Concept(
        "linalg.matrix_power", "numpy.linalg.matrix_power", "exact", "direct",
        cases=(_typed(case(np.array([[1, 1], [1, 0]]), 10,
                           label="Fibonacci (integers stay integers)"), "exact"),
               case(A2 * 1.0, -2, label="negative power"), case(A2 * 1.0, 0, label="zeroth power"),
               _typed(case(A2, -1, label="negative power of integers: float64"), "exact"),
               _single(case(A2, 3, label="cube"), "exact"),
               _single(case(A2, -2, label="negative power"), "exact"),
               _typed(case(np.eye(2, dtype=np.float16) * 2, 3, label="float16, n ≥ 0: NumPy's"),
                      "exact"),
               _typed(case(np.array([[True, False], [True, True]]), 2,
                           label="booleans: the boolean product"), "exact"),
               case(np.array([[np.inf, 0.0], [0.0, 1.0]]), 1,
                    label="inf, first power: A itself (no 0·inf from I·A)"),
               case(np.array([[np.inf, 0.0], [0.0, 1.0]]), 2, label="inf, squared")),
        strategy=_and_single(_matrix_power_cases, "exact"),
        bad=(bad(NOT_SQUARE, 2, raises=LinAlgError, label="not square"),
             bad(A2, 1.5, raises=TypeError, label="fractional exponent"),
             bad(A2, [[1, 2], [3]], raises=TypeError, match="exponent must be an integer",
                 label="a ragged exponent"),
             bad(NOT_SQUARE, 1.5, raises=LinAlgError,
                 label="not square and a fractional exponent: the shape first, as NumPy"),
             bad(SINGULAR, -1, raises=LinAlgError, match="Singular", label="singular, negative power"),
             bad(np.array([[1 + 1j, 0], [0, 1]]), 2, raises=TypeError, match="complex",
                 label="complex (NumPy computes it; mathml works on real matrices)"),
             bad(np.array([["1", "0"], ["0", "1"]]), 1, raises=TypeError,
                 match="array type str32 is unsupported", label="strings"),
             bad(np.eye(2, dtype=np.float16), -1, raises=TypeError,
                 match="array type float16 is unsupported in linalg",
                 label="float16, negative power (NumPy's inv refuses it)"),
             bad(INF, -1, raises=ValueError, match="infs or NaNs", label="inf, negative power")),
        bench=Bench(200, lambda n, rng: case(_random_square(n, rng), 7))),
    Concept(
        "linalg.det", "numpy.linalg.det", "exact", "direct",
        cases=(_typed(case(A2, label="2×2"), "exact"), case(SINGULAR, label="singular: 0"),
               case(np.zeros((0, 0)), label="0×0: 1"),
               case(np.array([[0.0, 1.0], [1.0, 0.0]]), label="row exchange flips the sign"),
               _single(case(A2, label="2×2"), "exact"),
               _single(case(SINGULAR, label="singular: 0"), "exact"),
               _single(case(np.zeros((0, 0)), label="0×0: 1"), "exact"),
               _single(case(np.diag([1e30, 1e30]), label="overflows float32: inf"), "exact"),
               _typed(case(np.array([[True, True], [False, True]]), label="booleans"), "exact")),
        strategy=_and_single(_cases(_square), "exact"),
        bad=_factorisation_bad(),
        bench=Bench(500, _bench_square)),
    Concept(
        "linalg.slogdet", "numpy.linalg.slogdet", "exact", "log_determinant",
        cases=(_typed(case(A2, label="2×2"), "exact"), case(SINGULAR, label="singular: (0, -inf)"),
               case(np.diag([1e-200, 1e-200, 1e-200]), label="det underflows, its log does not"),
               _single(case(A2, label="2×2"), "exact"),
               _single(case(SINGULAR, label="singular: (0, -inf)"), "exact")),
        strategy=_and_single(_cases(_square), "exact"),
        bad=_factorisation_bad(),
        bench=Bench(500, _bench_square)),
    Concept(
        "linalg.inv", "numpy.linalg.inv", "exact", "direct",
        cases=(case(A2, seed=SEED, label="seed", expected="[[-2.   1. ]\n [ 1.5 -0.5]]"),
               case(np.array([[0.0, 1.0], [1.0, 1.0]]), label="zero leading entry (needs a pivot)"),
               case(np.array([[4.0]]), label="1×1"),
               case(np.vander(np.linspace(1, 2, 5)), label="Vandermonde, cond ≈ 1e5"),
               _single(case(np.eye(2), label="identity (the issue's reproducer)"), "exact"),
               _single(case(A2, label="2×2"), "exact"),
               _typed(case(A2, label="integers: float64"), "exact"),
               _typed(case(np.array([[1, 2], [3, 4]], dtype=np.int32), label="int32: float64"),
                      "exact"),
               _typed(case(np.array([[True, False], [True, True]]), label="booleans: float64"),
                      "exact")),
        strategy=_and_single(_cases(_square), "exact"),
        bad=_factorisation_bad() + (bad(SINGULAR, raises=LinAlgError, match="Singular matrix",
                                        label="singular"),),
        bench=Bench(500, _bench_square),
        seeds=(SEED,), properties="inv"),
    Concept(
        "linalg.solve", "numpy.linalg.solve", "exact", "direct",
        cases=(_typed(case(A2, np.array([1, 2]), label="one right-hand side"), "exact"),
               case(np.array([[0.0, 2.0], [3.0, 1.0]]), np.eye(2), label="many right-hand sides"),
               _single(case(A2, np.array([1, 2]), label="one right-hand side"), "exact"),
               _single(case(np.array([[0.0, 2.0], [3.0, 1.0]]), np.eye(2),
                            label="many right-hand sides"), "exact"),
               _typed(case(A2.astype(np.float32), np.array([1.0, 2.0]),
                           label="float32 a, float64 b: float64"), "exact"),
               _typed(case(A2 * 1.0, np.array([1, 2], dtype=np.float32),
                           label="float64 a, float32 b: float64"), "exact"),
               _typed(case(np.array([[0.03162277489900589]], dtype=np.float32),
                           np.array([1.401298464324817e-45], dtype=np.float32),
                           label="float32, a subnormal answer (found by Hypothesis)"), "exact")),
        strategy=_and_single(_solve_cases, "exact"),
        bad=(bad(A2, np.ones(3), raises=ValueError, match=r"\(3,\)", label="b has the wrong length"),
             bad(SINGULAR, np.ones(2), raises=LinAlgError, match="Singular matrix", label="singular"),
             bad(A2, np.array([1.0, np.nan]), raises=ValueError, match="infs or NaNs", label="NaN in b"),
             bad(NOT_SQUARE, np.ones(2), raises=LinAlgError, match="square", label="not square"),
             bad(np.eye(2, dtype=np.float16), np.ones(2), raises=TypeError,
                 match="float16 is unsupported in linalg", label="float16 a"))
        + _right_hand_side_bad(A2 * 1.0, "solve", ValueError),
        bench=Bench(500, lambda n, rng: case(_random_square(n, rng), rng.uniform(size=(n, 1)))),
        properties="solve"),
    Concept(
        "linalg.lu", "scipy.linalg.lu", "lu", "direct",
        cases=(case(A2, label="2×2"), case(np.array([[0.0, 1.0], [1.0, 1.0]]), label="zero pivot"),
               case(np.arange(1.0, 7.0).reshape(3, 2), label="tall"),
               case(np.arange(1.0, 7.0).reshape(2, 3), label="wide"),
               case(A2, permute_l=True, label="permute_l"),
               _single(case(np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 7.0]]), label="tall"), "lu"),
               _single(case(np.array([[1.0, 2.0, 3.0], [3.0, 4.0, 1.0]]), permute_l=True,
                            label="wide, permute_l"), "lu"),
               _typed(case(A2, label="integers: float64"), "lu"),
               _typed(case(np.array([[1, 2], [3, 4]], dtype=np.int16),
                           label="int16: float32 (SciPy casts to the first LAPACK type that "
                                 "holds it)"), "lu"),
               _typed(case(np.array([[True, False], [True, True]]), label="booleans: float32"),
                      "lu"),
               _typed(case(np.array([[1.0, 2.0], [3.0, 4.0]], dtype=np.float16),
                           label="float16: float32 (SciPy takes it)"), "lu"),
               _typed(case(np.array([[1.0, 2.0], [3.0, 4.0]], dtype=np.longdouble),
                           label="long double: float64 (SciPy takes it)"), "lu")),
        strategy=lambda: _rectangular().map(lambda A: case(A)),
        bad=_factorisation_bad(square=False, half=True),
        bench=Bench(500, _bench_square),
        properties="lu",
        note="P is compared exactly: both pivot on the first entry of largest magnitude; "
             "where two candidates tie up to rounding, rounding decides, and both answers "
             "are checked for the structure of an LU factorisation instead."),
    Concept(
        "linalg.cholesky", "numpy.linalg.cholesky", "exact", "direct",
        cases=(case(np.array([[4.0, 2.0], [2.0, 3.0]]), label="2×2"),
               case(np.array([[4.0, 2.0], [2.0, 3.0]]), upper=True, label="upper"),
               _single(case(np.array([[4.0, 2.0], [2.0, 3.0]]), label="2×2"), "exact"),
               _single(case(np.array([[4.0, 2.0], [2.0, 3.0]]), upper=True, label="upper"),
                       "exact"),
               _typed(case(np.array([[4, 2], [2, 3]]), label="integers: float64"), "exact")),
        strategy=_and_single(_cases(spd), "exact"),
        bad=_factorisation_bad() + (bad(-np.eye(2), raises=LinAlgError, match="positive definite",
                                        label="not positive definite"),),
        bench=Bench(500, _bench_spd),
        properties="cholesky"),
    Concept(
        "linalg.qr", "numpy.linalg.qr", "qr", "decomposition",
        cases=(case(A2, label="2×2"), case(np.arange(1.0, 7.0).reshape(3, 2), label="tall"),
               case(np.arange(1.0, 7.0).reshape(3, 2), mode="complete", label="tall, complete"),
               case(np.arange(1.0, 7.0).reshape(2, 3), label="wide"),
               case(np.arange(1.0, 7.0).reshape(3, 2), mode="r", label="R only"),
               _single(case(np.arange(1.0, 7.0).reshape(3, 2), label="tall"), "qr"),
               _single(case(np.arange(1.0, 7.0).reshape(3, 2), mode="complete",
                            label="tall, complete"), "qr"),
               _single(case(np.arange(1.0, 7.0).reshape(2, 3), mode="r", label="wide, R only"),
                       "qr"),
               _typed(case(A2, label="integers: float64"), "qr")),
        strategy=_and_single(_qr_cases, "qr"),
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
               case(np.array([[2.0, -1, 0], [-1, 2, -1], [0, -1, 2]]), label="tridiagonal"),
               _single(case(np.array([[2.0, -1, 0], [-1, 2, -1], [0, -1, 2]]),
                            label="tridiagonal"), "eigh"),
               _single(case(SYM2, UPLO="U", label="upper triangle"), "eigh"),
               _typed(case(SYM2, label="integers: float64"), "eigh")),
        strategy=_and_single(_cases(symmetric_separated), "eigh"),
        bad=_factorisation_bad() + (
            bad(SYM2, UPLO="X", raises=ValueError, match="UPLO argument must be 'L' or 'U'",
                label="UPLO not L or U"),
            bad(SYM2, UPLO=None, raises=ValueError, match="UPLO argument must be 'L' or 'U'",
                label="UPLO None (NumPy: AttributeError from None.upper())"),
            bad(NAN, UPLO="X", raises=ValueError, match="UPLO",
                label="UPLO is checked before the matrix, as NumPy")),
        bench=Bench(200, _bench_symmetric),
        seeds=(SEED, "004"), properties="eigh",
        note="eigenvector signs are a convention: compared after making each vector's "
             "largest entry positive."),
    Concept(
        "linalg.eigvalsh", "numpy.linalg.eigvalsh", "exact", "spectrum",
        cases=(case(SYM2, seed=SEED, label="seed matrix"), case(np.eye(3), label="repeated"),
               _single(case(SYM2, label="2×2"), "exact"),
               _typed(case(SYM2, label="integers: float64"), "exact")),
        strategy=_and_single(_cases(symmetric_separated), "exact"),
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
                    label="triangular"),
               _single(case(np.array([[1.0, 2.0, 3.0], [0.0, 4.0, 5.0], [0.0, 0.0, 6.0]]),
                            label="triangular: float32"), "eig"),
               _single(case(np.array([[0.0, -1.0], [1.0, 0.0]]), label="rotation: complex64"),
                       "eig"),
               _typed(case(np.array([[0, -1], [1, 0]]), label="integer rotation: complex128"),
                      "eig"),
               _single(case(np.array([[0.09611745923757553, -1.2174768447875977],
                                      [1.2174768447875977, -1.8961174488067627]]),
                            label="complex64, entries of equal modulus in each eigenvector "
                                  "(found by Hypothesis)"), "eig")),
        strategy=_and_single(_cases(general_separated), "eig"),
        bad=_factorisation_bad(),
        bench=Bench(200, lambda n, rng: case(rng.uniform(-1, 1, (n, n)))),
        seeds=(SEED,), properties="eig",
        note="order and phase are conventions: compared after sorting eigenvalues and making "
             "each eigenvector's largest entry real positive."),
    Concept(
        "linalg.eigvals", "numpy.linalg.eigvals", "eig", "spectrum",
        cases=(case(SYM2, seed=SEED, label="seed", expected="[3. 1.]"),
               case(np.array([[0.0, -1.0], [1.0, 0.0]]), label="rotation: ±i"),
               _single(case(SYM2, label="real: float32"), "eig"),
               _single(case(np.array([[0.0, -1.0], [1.0, 0.0]]), label="rotation: complex64"),
                       "eig"),
               _typed(case(SYM2, label="integers: float64"), "eig")),
        strategy=_and_single(_cases(general_separated), "eig"),
        bad=_factorisation_bad(),
        bench=Bench(200, lambda n, rng: case(rng.uniform(-1, 1, (n, n)))),
        seeds=(SEED,)),
    Concept(
        "linalg.svd", "numpy.linalg.svd", "svd", "decomposition",
        cases=(case(A2 * 1.0, label="2×2"),
               case(np.arange(1.0, 7.0).reshape(3, 2), label="tall, full"),
               case(np.arange(1.0, 7.0).reshape(2, 3), full_matrices=False, label="wide, thin"),
               case(np.arange(1.0, 7.0).reshape(3, 2), compute_uv=False, label="values only"),
               _single(case(np.arange(1.0, 7.0).reshape(3, 2), label="tall, full"), "svd"),
               _single(case(np.arange(1.0, 7.0).reshape(2, 3), full_matrices=False,
                            label="wide, thin"), "svd"),
               _single(case(np.arange(1.0, 7.0).reshape(3, 2), compute_uv=False,
                            label="values only"), "svd"),
               _single(case(SYM2 * 1.0, hermitian=True, label="hermitian"), "svd"),
               _typed(case(A2, label="integers: float64"), "svd")),
        strategy=_and_single(_svd_cases, "svd"),
        bad=_factorisation_bad(square=False),
        bench=Bench(200, _bench_square),
        seeds=(SEED, "004"), properties="svd",
        note="each (u_i, v_i) pair is flipped together so v_i's largest entry is positive; "
             "the extra columns of full_matrices are compared through their projector."),
    Concept(
        "linalg.pinv", "numpy.linalg.pinv", "exact", "direct",
        cases=(case(A2 * 1.0, label="invertible: the inverse"),
               case(np.array([[1.0, 2.0], [2.0, 4.0], [3.0, 6.0]]), label="rank 1"),
               case(np.arange(1.0, 7.0).reshape(2, 3), label="wide"),
               _single(case(np.arange(1.0, 7.0).reshape(2, 3), label="wide"), "exact"),
               _typed(case(A2, label="integers: float64"), "exact")),
        strategy=_and_single(lambda: _rectangular(cond=100.0).map(lambda A: case(A)), "exact"),
        bad=_factorisation_bad(square=False) + (
            bad(A2, rcond="abc", raises=TypeError, match="rcond must be a real number",
                label="rcond a string"),
            bad(A2, rtol=np.ones(3), raises=TypeError, match="rtol must be a real number",
                label="rtol an array (NumPy: one per matrix of a stack)"),
            bad(NAN, rcond=0.1, rtol=0.1, raises=ValueError, match="can't be both set",
                label="rcond and rtol: refused before the matrix, as NumPy")),
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
                    np.array([8.130637523230602e-197, 0.0, 0.0]), label="tiny b, nearly orthogonal"),
               _single(case(np.array([[1.0, 1.0], [1.0, 2.0], [1.0, 3.0]]), np.array([1.0, 2.0, 2.0]),
                            label="line through 3 points"), "lstsq"),
               _single(case(np.array([[1.0, 1.0], [1.0, 2.0], [1.0, 3.0]]), np.eye(3),
                            label="many b"), "lstsq"),
               _typed(case(np.array([[1.0, 1.0], [1.0, 2.0], [1.0, 3.0]], dtype=np.float32),
                           np.array([1.0, 2.0, 2.0]), label="float32 a, float64 b: float64"),
                      "lstsq"),
               _typed(case(np.array([[1, 1], [1, 2], [1, 3]]), np.array([1, 2, 2]),
                           label="integers: float64"), "lstsq"),
               *(case(np.diag([1.0, 0.5, 0.1]), np.ones(3), rcond=r,
                      label=f"rcond={r}: LAPACK's unit roundoff (gelsd: outside (0, 1))")
                 for r in (0.0, 1.0, 2.0, -1.0, np.inf)),
               case(np.diag([1.0, 0.5, 0.1]), np.ones(3), rcond=0.5,
                    label="rcond=0.5: σ ≤ rcond·σ₁ dropped, σ = 0.5 included"),
               case(np.diag([1.0, 0.5, 0.1]), np.ones(3), rcond=np.nan,
                    label="rcond=nan: nothing dropped (LAPACK's comparison)")),
        strategy=_and_single(_lstsq_cases, "lstsq"),
        bad=_factorisation_bad(False, np.ones(2)) + (
            bad(np.ones((3, 2)), np.ones(2), raises=LinAlgError, match=r"\(3, 2\).*\(2,\)",
                label="b mismatch: NumPy's LinAlgError, naming both shapes"),
            bad(np.ones((4, 2)), np.ones(5), raises=LinAlgError,
                match=r"^Incompatible dimensions.*\(4, 2\).*\(5,\)",
                label="b mismatch (the issue's reproducer)"),
            bad(np.ones((2, 2), dtype=np.float16), np.ones(2), raises=TypeError,
                match="float16 is unsupported in linalg", label="float16 a"),
            bad(A2 * 1.0, np.ones(2), rcond=[[1, 2], [3]], raises=TypeError,
                match="rcond must be a real number", label="rcond a ragged list"))
        + _right_hand_side_bad(A2 * 1.0, "lstsq", LinAlgError),
        note="residuals are compared as norms, absolutely at c·cond(A)·eps·‖b‖: when b lies in "
             "the range of A both are rounding noise.",
        bench=Bench(200, lambda n, rng: case(rng.uniform(size=(2 * n, n)), rng.uniform(size=2 * n)))),
    Concept(
        "linalg.matrix_rank", "numpy.linalg.matrix_rank", "exact", "identical",
        cases=(case(SINGULAR, label="rank 1"), case(np.eye(3), label="full rank"),
               case(np.zeros((2, 3)), label="zero matrix"), case(np.array([0.0, 1.0]), label="1-D"),
               _single(case(SINGULAR, label="rank 1"), "exact"),
               _single(case(np.diag([1.0, 1e-7]), label="σ below float32's threshold: rank 1"),
                       "exact"),
               _typed(case(np.diag([1.0, 1e-7]), label="the same in float64: rank 2"), "exact"),
               case(np.array([0.0, 1.0], dtype=np.float16), label="float16 vector: NumPy's")),
        strategy=_and_single(_low_rank, "exact"),
        bad=(bad(NAN, raises=ValueError, match="infs or NaNs", label="NaN"),
             bad(np.array([1.0, np.nan]), raises=ValueError, match="infs or NaNs",
                 label="NaN in a vector (NumPy: rank 1)"),
             bad(STACK, raises=LinAlgError, match="two-dimensional",
                 label="stack of matrices (NumPy: an array of ranks)"),
             bad(None, raises=TypeError, match="array type object is unsupported",
                 label="None (NumPy: rank 1)"),
             bad("ab", raises=TypeError, match="unsupported in linalg",
                 label="a string (NumPy: rank 1)"),
             bad([[1.0, 2.0], [3.0]], raises=ValueError, match="A is not an array", label="ragged"),
             bad(np.array([[1 + 1j, 0], [0, 1]]), raises=TypeError, match="complex",
                 label="complex"),
             bad(np.eye(2, dtype=np.float16), raises=TypeError,
                 match="float16 is unsupported in linalg", label="float16 matrix"),
             bad(np.eye(2), tol=np.ones(3), raises=TypeError, match="tol must be a real number",
                 label="tol an array (NumPy: an array of ranks)"),
             bad(np.eye(2), tol=1.0, rtol=1.0, raises=ValueError, match="can't be both set",
                 label="tol and rtol")),
        bench=Bench(200, _bench_square)),
    Concept(
        "linalg.cond", "numpy.linalg.cond", "exact", "direct",
        cases=(case(A2 * 1.0, label="2-norm"),
               *(case(A2 * 1.0, p=p, label=f"p={p}") for p in ("fro", "nuc", 1, -1, np.inf, -np.inf, -2)),
               *(case(SINGULAR, p=p, label=f"singular, p={p}: inf (an exactly zero pivot)")
                 for p in ("fro", "nuc", 1)),
               *(_single(case(A2, p=p, label=f"p={p}"), "exact") for p in (None, -2, "fro", 1)),
               _single(case(SINGULAR, p="nuc", label="singular, p=nuc: inf"), "exact"),
               _typed(case(A2, label="integers: float64"), "exact")),
        strategy=_and_single(_cond_cases, "exact"),
        bad=(bad(NAN, raises=ValueError, match="infs or NaNs", label="NaN"),
             bad(NOT_SQUARE, p=1, raises=LinAlgError, match="square", label="p=1 needs a square matrix"),
             bad(np.zeros((0, 0)), raises=LinAlgError, match="empty", label="empty"),
             bad(np.eye(2, dtype=np.float16), raises=TypeError,
                 match="float16 is unsupported in linalg", label="float16"),
             bad(None, raises=LinAlgError, match="0-dimensional", label="None"),
             bad(STACK, raises=LinAlgError, match="two-dimensional", label="stack of matrices"),
             bad([[1.0, 2.0], [3.0]], raises=ValueError, match="x is not an array", label="ragged"),
             bad(A2 * 1.0, p=[1, 2], raises=TypeError, match="unhashable",
                 label="p a list: unhashable, as NumPy's set lookup"),
             bad(A2 * 1.0, p=1j, raises=ValueError, match="Invalid norm order for matrices",
                 label="p complex"),
             bad(np.array([[1 + 1j, 0], [0, 1]]), raises=TypeError, match="complex",
                 label="complex")),
        bench=Bench(200, _bench_square)),
)
