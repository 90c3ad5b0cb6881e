"""`optimize.linprog` beyond the catalog's comparison with HiGHS: closed-form optima and
the caller's arrays left untouched."""
import numpy as np
import pytest

import mathml.optimize
import reference.optimize

BACKENDS = [pytest.param(mathml.optimize, id="mathml"),
            pytest.param(reference.optimize, id="reference")]


def klee_minty(n):
    """Klee & Minty's cube (1972): max Σ 2^(n−j) x_j subject to
    2 Σ_{j<i} 2^(i−j) x_j + x_i ≤ 5^i, x ≥ 0. Its optimum is x = (0, …, 0, 5^n), value
    5^n, where the largest-coefficient rule visits all 2^n vertices."""
    i, j = np.indices((n, n)) + 1
    A = np.where(j < i, 2.0 ** (i - j + 1), 0.0) + np.eye(n)
    return -(2.0 ** (n - np.arange(1, n + 1))), A, 5.0 ** np.arange(1, n + 1)


@pytest.mark.parametrize("module", BACKENDS)
@pytest.mark.parametrize("n", [2, 3, 5, 8])
def test_klee_minty_closed_form(module, n):
    c, A, b = klee_minty(n)
    res = module.linprog(c, A_ub=A, b_ub=b)
    assert res.status == 0 and res.success
    # the 'linprog' entry's 1e-9, relative to the size 5ⁿ of the optimal vertex
    np.testing.assert_allclose(res.x, np.eye(n)[-1] * 5.0 ** n, rtol=0, atol=1e-9 * 5.0 ** n)
    np.testing.assert_allclose(res.fun, -(5.0 ** n), rtol=1e-12)  # c·x of an exact vertex


@pytest.mark.parametrize("module", BACKENDS)
def test_inputs_are_not_modified(module):
    c, A, b = klee_minty(4)
    A_eq, b_eq = np.ones((1, 4)), np.array([-2.0])
    copies = [a.copy() for a in (c, A, b, A_eq, b_eq)]
    module.linprog(c, A_ub=-A, b_ub=-b, A_eq=A_eq, b_eq=b_eq, bounds=(None, None))
    for before, after in zip(copies, (c, A, b, A_eq, b_eq)):
        np.testing.assert_array_equal(before, after)
