"""The floating types of `mathml.optimize`'s results against SciPy's (issue 16's dtype rule:
compute in float64 where accuracy needs it, return the type the reference returns)."""
from __future__ import annotations

import warnings

import numpy as np
import pytest

import mathml.optimize as mo
import reference.optimize as ro

METHODS = ["Nelder-Mead", "BFGS", "CG", "Newton-CG", "L-BFGS-B", "SLSQP", None]
DTYPES = [np.float32, np.float16, np.longdouble, np.float64, np.int64]


def _objective(x):
    """Evaluated in float64 whatever x's type (as the catalog's objectives)."""
    x = np.asarray(x, dtype=np.float64)
    return ((x - 1.5) ** 2).sum() + x[0] * x[1]


def _gradient(x):
    """In x's own floating type (as NumPy arithmetic gives it)."""
    return 2 * (x - 1.5) + x[::-1]


def _types(res):
    """The types SciPy's result fixes: x's dtype, fun's type, jac's and the simplex's."""
    simplex = res.get("final_simplex")
    jac = res.get("jac")
    return (res.x.dtype, type(res.fun), None if jac is None else np.asarray(jac).dtype,
            None if simplex is None else (simplex[0].dtype, simplex[1].dtype))


@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize("method", METHODS, ids=str)
def test_minimize_result_types_as_scipy(method, dtype):
    """With a gradient, so that SciPy iterates (its float32 finite differences stall at
    x0): x promoted to float64 by the steps, the user's gradient reported in x0's type
    (Nelder-Mead: x and the simplex in x0's type; L-BFGS-B and SLSQP: float64)."""
    x0 = np.zeros(2, dtype)
    jac = None if method == "Nelder-Mead" else _gradient
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        res, ref = (lib.minimize(_objective, x0, method=method, jac=jac) for lib in (mo, ro))
    assert _types(res) == _types(ref)


def test_minimize_float32_computes_in_float64():
    """SciPy's BFGS evaluates a float32 x0's finite differences in float32 and stalls at
    x0; mathml computes in float64 and reaches the minimiser."""
    res = mo.minimize(lambda x: ((x - 1.5) ** 2).sum() + x[0] * x[1],
                      np.zeros(2, np.float32), method="BFGS")
    assert res.success and res.x.dtype == np.float64
    np.testing.assert_allclose(res.x, [1.0, 1.0], rtol=1e-6)


def test_nelder_mead_float32_as_the_issue_asks():
    """Issue 16's reproducer: float32 x0 → float32 x, as SciPy."""
    res, ref = (lib.minimize(ro.rosen, np.zeros(2, np.float32), method="Nelder-Mead")
                for lib in (mo, ro))
    assert res.x.dtype == ref.x.dtype == np.float32


@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize("name", ["rosen", "rosen_der", "rosen_hess"])
def test_rosen_types_as_scipy(name, dtype):
    x = np.array([-1.2, 1.0, 0.5]).astype(dtype)
    got, expected = getattr(mo, name)(x), getattr(ro, name)(x)
    assert type(got) is type(expected) and np.asarray(got).dtype == np.asarray(expected).dtype
    rtol = 10 * float(np.finfo(np.result_type(dtype, np.float16)).eps) \
        if np.issubdtype(dtype, np.floating) and np.dtype(dtype).itemsize < 8 else 1e-13
    np.testing.assert_allclose(np.asarray(got, dtype=np.float64),
                               np.asarray(expected, dtype=np.float64), rtol=rtol)


@pytest.mark.parametrize("name", ["rosen", "rosen_der", "rosen_hess"])
def test_rosen_complex_as_scipy(name):
    x = np.array([1.0 + 1.0j, 2.0, -0.5j])
    got, expected = getattr(mo, name)(x), getattr(ro, name)(x)
    assert np.asarray(got).dtype == np.asarray(expected).dtype == np.complex128
    np.testing.assert_allclose(got, expected, rtol=1e-14)
