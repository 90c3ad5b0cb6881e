"""What the catalog does not say about `autodiff`: the graph's bookkeeping (reused nodes,
diamonds, backward twice — micrograd's two bugs), broadcasting and indexing gradients,
numerical stability, the conventions both backends share, and the errors of what cannot be
traced. Most tests run on both backends: ``ad`` is `mathml.autodiff` or `reference.autodiff`.
"""
import inspect
import warnings

import numpy as np
import pytest
import sympy as sp

import mathml.autodiff as M
import reference.autodiff as R
from reference.catalog.autodiff import Source

BACKENDS = [pytest.param(M, id="mathml"), pytest.param(R, id="reference")]
rng = np.random.default_rng(20240604)


# Two exact-up-to-rounding gradients (or one and a closed form) differ by the order of a few
# dozen floating-point operations: rtol 1e-12 is ~5000 ulps of room; atol 1e-14 for entries
# that cancel to about 0.
def _allclose(a, b, rtol=1e-12, atol=1e-14):
    np.testing.assert_allclose(a, b, rtol=rtol, atol=atol)


# --- the graph: reused nodes, diamonds, backward twice -------------------------------------------

@pytest.mark.parametrize("ad", BACKENDS)
def test_a_node_used_twice_gets_both_contributions(ad):
    x = ad.Tensor(3.0)
    y = x * x          # d/dx x·x = 2x: both operands are x
    y.backward()
    assert x.grad == 6.0


@pytest.mark.parametrize("ad", BACKENDS)
def test_diamond_graph(ad):
    """x → a = 2x → (a·eᵃ, a) → sum: a is reached along two paths."""
    x = ad.Tensor(0.5)
    a = 2 * x
    y = a * ad.exp(a) + a
    y.backward()
    _allclose(x.grad, 2 * (np.exp(1.0) * (1 + 1.0) + 1))


@pytest.mark.parametrize("ad", BACKENDS)
def test_backward_twice_accumulates_exactly_twice(ad):
    """PyTorch's convention; micrograd kept adjoints on intermediate nodes, so a second
    call also re-sent the first call's adjoints and the leaves got more than twice."""
    x = ad.Tensor(np.array([0.5, -1.0]))
    h = ad.tanh(x) * x                      # an intermediate node used twice below
    y = ad.sum(h * h + h)
    y.backward()
    once = np.array(x.grad)
    y.backward()
    _allclose(x.grad, 2 * once)
    x.grad = None                           # start again
    y.backward()
    _allclose(x.grad, once)


def test_intermediate_nodes_keep_no_grad():
    x = M.Tensor(2.0)
    h = x * 3
    (h * h).backward()
    assert h.grad is None and x.grad == 36.0


def test_constants_get_no_grad():
    x, c = M.Tensor(2.0), M.Tensor(5.0, requires_grad=False)
    (x * c).backward()
    assert x.grad == 5.0 and c.grad is None


@pytest.mark.parametrize("ad", BACKENDS)
def test_grad_starts_fresh_on_every_call(ad):
    g = ad.grad(lambda x: ad.sum(x * x))
    first = g(np.array([1.0, 2.0]))
    _allclose(g(np.array([1.0, 2.0])), first)
    _allclose(first, [2.0, 4.0])


def test_deep_graph_has_no_recursion_limit():
    x = M.Tensor(0.5)
    y = x
    for _ in range(20_000):
        y = y * 1.0 + 0.0
    y.backward()
    assert x.grad == 1.0


# --- broadcasting, indexing, matmul ---------------------------------------------------------------

# Central differences with h = 1e-6 on functions of size ~1: truncation h²|f'''|/6 ≈ 1e-13,
# rounding eps·|f|/h ≈ 2e-10 absolute; the comparisons below allow rtol 1e-7 and atol 1e-9.
FD = dict(rtol=1e-7, atol=1e-9)


def _finite_difference(f, x, h=1e-6):
    """Central differences entry by entry, O(h²) accurate: an opinion independent of both
    backends for the shape bookkeeping."""
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        e = np.zeros_like(x)
        e[i] = h
        g[i] = (f(x + e) - f(x - e)) / (2 * h)
    return g


@pytest.mark.parametrize("shapes", [((3, 1), (1, 4)), ((), (2, 3)), ((2, 3), (3,)),
                                    ((2, 1, 3), (4, 1)), ((1,), (3, 2))])
@pytest.mark.parametrize("ad", BACKENDS)
def test_broadcast_gradients_are_summed_back_to_each_shape(ad, shapes):
    a, b = (rng.uniform(-1, 1, s) for s in shapes)
    f = lambda a, b: ad.sum(ad.sin(a * b + a) / (2 + b))  # noqa: E731
    ga, gb = ad.grad(f, argnums=(0, 1))(a, b)
    assert np.shape(ga) == a.shape and np.shape(gb) == b.shape
    numeric = lambda a, b: float(np.sum(np.sin(a * b + a) / (2 + b)))  # noqa: E731
    _allclose(ga, _finite_difference(lambda v: numeric(v, b), a), **FD)
    _allclose(gb, _finite_difference(lambda v: numeric(a, v), b), **FD)


@pytest.mark.parametrize("index, expected", [
    (np.array([0, 0, 2]), [2.0, 0.0, 1.0]),                 # a repeated index adds up
    ((slice(None, None, 2),), [1.0, 0.0, 1.0]),
    (np.array([True, False, True]), [1.0, 0.0, 1.0]),
    (-1, [0.0, 0.0, 1.0]),
])
@pytest.mark.parametrize("ad", BACKENDS)
def test_indexing_scatters_gradients_back(ad, index, expected):
    _allclose(ad.grad(lambda x: ad.sum(x[index]))(np.array([1.0, 2.0, 3.0])), expected)


@pytest.mark.parametrize("shapes", [((2, 3), (3, 4)), ((3,), (3, 2)), ((2, 3), (3,)),
                                    ((3,), (3,)), ((2, 2, 3), (3, 2)), ((3, 2), (2, 2, 1))])
def test_matmul_gradients_for_numpy_shapes(shapes):
    A, B = (rng.uniform(-1, 1, s) for s in shapes)
    f = lambda A, B: M.sum(M.matmul(A, B) ** 2)  # noqa: E731
    gA, gB = M.grad(f, argnums=(0, 1))(A, B)
    numeric = lambda A, B: float(np.sum((A @ B) ** 2))  # noqa: E731
    _allclose(gA, _finite_difference(lambda v: numeric(v, B), A), **FD)
    _allclose(gB, _finite_difference(lambda v: numeric(A, v), B), **FD)


@pytest.mark.parametrize("ad", BACKENDS)
def test_a_numpy_array_on_the_left_of_an_operator(ad):
    W = np.array([[1.0, 2.0], [3.0, 4.0]])
    g = ad.grad(lambda x: ad.sum(W @ x + 2.0 * x - np.ones(2) / (1 + x * x)))(np.zeros(2))
    _allclose(g, W.sum(axis=0) + 2.0)


# --- numerics and conventions --------------------------------------------------------------------

def test_sigmoid_is_stable_for_both_signs():
    x = np.array([-800.0, -40.0, 0.0, 40.0, 800.0])
    with warnings.catch_warnings():
        warnings.simplefilter("error")      # no overflow anywhere
        value, slope = M.value_and_grad(lambda x: M.sum(M.sigmoid(x)))(x)
        s = M.sigmoid(x).value + M.sigmoid(-x).value
    np.testing.assert_array_equal(s, np.ones(5))
    assert slope[0] == slope[-1] == 0.0 and slope[2] == 0.25
    # far out, σ'(x) = σ(x)σ(−x) ≈ e^{−|x|} to full relative accuracy (1 − σ gives 0)
    _allclose(slope[[1, 3]], np.exp(-40.0) / (1 + np.exp(-40.0)) ** 2, rtol=1e-15)


@pytest.mark.parametrize("ad", BACKENDS)
def test_relu_derivative_at_zero_is_zero(ad):
    _allclose(ad.grad(lambda x: ad.sum(ad.relu(x)))(np.array([-1.0, 0.0, 1e-300, 2.0])),
              [0.0, 0.0, 1.0, 1.0])


@pytest.mark.parametrize("ad", BACKENDS)
def test_relu_propagates_nan(ad):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        value, slope = ad.value_and_grad(lambda x: ad.relu(x))(np.nan)
    assert np.isnan(value) and np.isnan(slope)


@pytest.mark.parametrize("ad", BACKENDS)
def test_log_of_a_negative_number_is_nan_with_a_warning(ad):
    with pytest.warns(RuntimeWarning):
        value, slope = ad.value_and_grad(lambda x: ad.log(x))(-2.0)
    assert np.isnan(value) and slope == -0.5     # 1/x is still defined


@pytest.mark.parametrize("ad", BACKENDS)
def test_results_are_float64_shaped_like_the_arguments(ad):
    value, (gx, gy) = ad.value_and_grad(lambda x, y: ad.sum(x * y), argnums=(0, 1))(
        np.arange(3), 2)
    assert isinstance(value, np.float64) and isinstance(gy, np.float64)
    assert gx.dtype == np.float64 and gx.shape == (3,) and value == 6.0 and gy == 3.0


@pytest.mark.parametrize("ad", BACKENDS)
def test_a_function_that_ignores_an_argument_has_zero_gradient(ad):
    _, (gx, gy) = ad.value_and_grad(lambda x, y: ad.sum(ad.exp(x)), argnums=(0, 1))(
        np.zeros(2), np.ones((2, 2)))
    _allclose(gx, [1.0, 1.0])
    assert np.array_equal(gy, np.zeros((2, 2)))


def test_agrees_with_central_differences_on_a_network():
    """An opinion independent of SymPy: a two-layer network's loss."""
    X, y = rng.uniform(-1, 1, (5, 3)), rng.uniform(-1, 1, 5)
    W1, w2 = rng.uniform(-1, 1, (3, 4)), rng.uniform(-1, 1, 4)
    loss = lambda W1, w2: M.mean((M.tanh(X @ W1) @ w2 - y) ** 2)  # noqa: E731
    g1, g2 = M.grad(loss, argnums=(0, 1))(W1, w2)
    numeric = lambda W1, w2: float(np.mean((np.tanh(X @ W1) @ w2 - y) ** 2))  # noqa: E731
    # FD's rtol covers rounding eps·|f|/h ≈ 4e-10 (|f| ≤ 2 here) on gradients of size ≳ 1e-2;
    # atol 1e-10 is for entries near 0 (tighter than FD's: the loss is smooth and small)
    net = dict(rtol=FD["rtol"], atol=1e-10)
    _allclose(g1, _finite_difference(lambda v: numeric(v, w2), W1), **net)
    _allclose(g2, _finite_difference(lambda v: numeric(W1, v), w2), **net)


# --- one f, two backends -------------------------------------------------------------------------

def test_the_same_source_runs_on_both_backends():
    f = Source("lambda x, W: ad.sum(ad.tanh(x @ W) ** 2)"
               " + ad.mean(ad.sigmoid(x) * ad.log(1 + x ** 2))")
    x, W = rng.uniform(-1, 1, 3), rng.uniform(-1, 1, (3, 2))
    ours = M.value_and_grad(f.bind(M), argnums=(0, 1))(x, W)
    theirs = R.value_and_grad(f.bind(R), argnums=(0, 1))(x, W)
    _allclose(ours[0], theirs[0])
    for a, b in zip(ours[1], theirs[1]):
        _allclose(a, b)


def test_same_public_api_including_the_tensor_class():
    assert M.__all__ == R.__all__
    for name in M.__all__:
        assert inspect.signature(getattr(M, name)).parameters.keys() == \
            inspect.signature(getattr(R, name)).parameters.keys(), name
    public = lambda t: {k for k in dir(t) if not k.startswith("_")}  # noqa: E731
    assert public(M.Tensor(1.0)) == public(R.Tensor(1.0))


def test_reference_traces_once_per_shapes_and_retraces_for_new_closure_data():
    calls = []
    W = np.array([1.0, 2.0])

    def f(x):
        calls.append(1)
        return R.sum(x * W)

    g = R.grad(f)
    _allclose(g(np.array([3.0, 4.0])), W)
    _allclose(g(np.array([5.0, 6.0])), W)
    assert len(calls) == 1                     # the second call only evaluated
    g(np.ones((2, 2)))                         # new shapes: traced again
    assert len(calls) == 2
    W[:] = [7.0, 8.0]                          # closure data changed: traced again
    _allclose(g(np.array([3.0, 4.0])), [7.0, 8.0])
    assert len(calls) == 3


def test_reference_functions_take_sympy_expressions():
    x, y = sp.symbols("x y")
    assert R.exp(x) == sp.exp(x)
    assert R.sigmoid(x) == 1 / (1 + sp.exp(-x))
    assert R.sum(np.array([x, y], dtype=object)) == x + y
    assert R.mean(np.array([x, y], dtype=object)) == (x + y) / 2


# --- what cannot be traced: the same error in both backends --------------------------------------

UNTRACEABLE = [
    (lambda ad: lambda x: x if x > 0 else -x, "branch on values"),
    (lambda ad: lambda x: ad.sum(x) if ad.sum(x) else x[0], "branch on values"),
    (lambda ad: lambda x: x == 1.0, "branch on values"),
    (lambda ad: lambda x: ad.exp(float(x[0])), r"float\(\)"),
    (lambda ad: lambda x: np.sum(np.exp(x)), "numpy.exp"),
    (lambda ad: lambda x: np.sum(x), "numpy.sum"),
    (lambda ad: lambda x: ad.sum(np.asarray(x)), "NumPy array"),
    (lambda ad: lambda x: x[x], "cannot index"),
    (lambda ad: lambda x: x * 2, "scalar"),
    (lambda ad: lambda x: "not a number", "scalar"),
]


@pytest.mark.parametrize("make_f, message", UNTRACEABLE)
@pytest.mark.parametrize("ad", BACKENDS)
def test_what_cannot_be_traced_raises_a_clear_type_error(ad, make_f, message):
    with pytest.raises(TypeError, match=message):
        ad.grad(make_f(ad))(np.array([1.0, 2.0]))


def test_reading_value_of_a_traced_argument_is_refused_by_the_reference():
    with pytest.raises(TypeError, match="not known while f is traced"):
        R.grad(lambda x: x * float(np.sum(x.value)))(np.array([1.0, 2.0]))


@pytest.mark.parametrize("argnums, args", [(2, (1.0, 2.0)), (-1, (1.0,)), ((0, 3), (1.0,)),
                                           ("0", (1.0,)), (True, (1.0,)), ([0], (1.0,))])
@pytest.mark.parametrize("ad", BACKENDS)
def test_wrong_argnums(ad, argnums, args):
    with pytest.raises(TypeError, match="argnums"):
        ad.grad(lambda *a: a[0] * a[0], argnums=argnums)(*args)


@pytest.mark.parametrize("ad", BACKENDS)
def test_backward_seed_checks(ad):
    y = ad.Tensor(np.ones(3)) * 2
    with pytest.raises(TypeError, match="scalar"):
        y.backward()
    with pytest.raises(ValueError, match="shape"):
        y.backward(np.ones(2))


@pytest.mark.parametrize("ad", BACKENDS)
def test_complex_input_is_refused(ad):
    with pytest.raises(TypeError, match="complex"):
        ad.grad(lambda x: x * x)(1 + 2j)


# --- a third opinion on differentiate ------------------------------------------------------------

THIRD_OPINION = [
    ("x0² + 2x0x1 + x1² (seed 000)", lambda m, x: x[0] ** 2 + 2 * x[0] * x[1] + x[1] ** 2,
     [1.0, 2.0]),
    ("x² + y² + z² (seed 000)", lambda m, x: x[0] ** 2 + x[1] ** 2 + x[2] ** 2,
     [1.0, -2.0, 0.5]),
    ("sin x0 · e^x1 + tanh(x0 x2)",
     lambda m, x: m.sin(x[0]) * m.exp(x[1]) + m.tanh(x[0] * x[2]), [0.3, -0.7, 1.2]),
    ("log(1 + x0²) / (2 + cos x1)", lambda m, x: m.log(1 + x[0] ** 2) / (2 + m.cos(x[1])),
     [0.8, 0.1]),
]


@pytest.mark.parametrize("f, x", [pytest.param(f, x, id=name) for name, f, x in THIRD_OPINION])
def test_autodiff_agrees_with_finite_differences_of_differentiate(f, x):
    """The same f through reverse mode (exact up to rounding) and through
    `mathml.differentiate.gradient` (Richardson-extrapolated central differences, which stop
    once their error estimate meets SciPy's default rtol √eps ≈ 1.5e-8: hence 1e-7 here)."""
    from mathml import differentiate
    exact = M.grad(lambda x: f(M, x))(np.array(x))
    numeric = differentiate.gradient(lambda xi: f(np, xi), np.array(x))
    _allclose(numeric, exact, rtol=1e-7, atol=1e-10)  # the stopping rtol above; atol: ~0 entries
