r"""Reverse-mode automatic differentiation over NumPy arrays: a small engine in micrograd's
style, with JAX's functional interface.

A `Tensor` holds a float64 array `value`, the tensors it was computed from and, for each of
them, the *local backward rule* of the operation: the vector–Jacobian product that turns the
adjoint :math:`\bar y = \partial L / \partial y` of the result into the contribution
:math:`\bar x = \bar y\, \partial y / \partial x` to the adjoint of an operand. Every
operation below is written as its forward line followed by that rule, side by side.
`Tensor.backward` orders the graph topologically and walks it once from the output back to
the leaves, adding up contributions (the chain rule, summed over every path).

>>> import mathml.autodiff as ad
>>> W = np.array([[1.0, -1.0], [0.5, 2.0]])
>>> loss = lambda x: ad.sum(ad.tanh(x @ W) ** 2)
>>> np.round(ad.grad(loss)(np.array([0.5, -0.25])), 6)
array([ 1.264374, -0.967063])

Conventions (shared with ``reference.autodiff``, which differentiates the same `f` exactly
with SymPy):

- `f` is a straight-line program of this module's functions and the operators
  ``+ - * / ** @``, unary ``-`` and indexing. Tensors refuse comparisons, truth tests,
  ``float()`` and NumPy functions with a ``TypeError`` that says so: branching on values is
  what the symbolic reference cannot trace (JAX refuses it under ``jit`` for the same reason).
- ``backward`` accumulates: calling it twice adds the gradient twice into the leaves'
  ``grad``, as PyTorch does (set ``x.grad = None`` to start again). Only leaves created with
  ``requires_grad=True`` keep a ``grad``; intermediate results do not, as in PyTorch.
- relu'(0) = 0 (the subgradient PyTorch and JAX use).
- Invalid values follow NumPy: ``log`` of a negative number is ``nan`` with a
  ``RuntimeWarning``, and the NaN flows into the gradient.
"""
from __future__ import annotations

import functools
import operator
from typing import Any
from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._docstrings import fill_doc
from ._validation import as_float_array

__all__ = ["Tensor", "grad", "value_and_grad", "exp", "log", "sin", "cos", "tanh", "sigmoid",
           "relu", "sum", "mean", "matmul"]

_NOT_TRACEABLE = ("write f as a straight-line program of the autodiff functions and operators "
                  "(see the module docstring); the symbolic reference backend cannot trace it")

# The operators a NumPy array on the left hands over to the Tensor on the right
# (``W @ x``, ``2.0 * x``); every other NumPy function is refused.
_UFUNC_OPERATORS: dict[np.ufunc, Callable[..., Any]] = {
    np.add: operator.add, np.subtract: operator.sub,
    np.multiply: operator.mul, np.true_divide: operator.truediv,
    np.power: operator.pow, np.matmul: operator.matmul,
    np.negative: operator.neg, np.positive: operator.pos}


class Tensor:
    r"""A node of the computation graph: a float64 array and how to send gradients back.

    .. math:: \bar x \mathrel{+}= \bar y\, \frac{\partial y}{\partial x}
              \quad\text{for every operation } y = \mathrm{op}(\dots, x, \dots)

    Parameters
    ----------
    value : array_like
        The numbers, converted to float64 (any shape; a scalar is shape ``()``).
    requires_grad : bool, default True
        Whether `backward` fills this leaf's ``grad``.

    Attributes
    ----------
    value : ndarray, shape as given
    grad : ndarray of the shape of `value`, or None
        ∂output/∂value summed over every `backward` call so far (leaves only).
    requires_grad : bool
    shape, ndim, size : as NumPy's; ``T`` is the transpose (a Tensor).

    Raises
    ------
    TypeError
        For complex or non-numeric `value`.

    Notes
    -----
    *Algorithm*: see `Tensor.backward`. *Complexity*: each operation stores its operands and
    a closure; backward costs about twice the forward pass. *Numerical stability*: the local
    rules reuse the forward values (``exp``: :math:`\bar x = \bar y\,e^x`); ``sigmoid`` uses
    :math:`\sigma(x)\,\sigma(-x)`, which does not cancel, rather than :math:`\sigma(1-\sigma)`.

    References: Griewank & Walther, *Evaluating Derivatives*, 2nd ed., SIAM 2008, §3.2
    (reverse mode); Goodfellow, Bengio & Courville, *Deep Learning*, §6.5 (back-propagation).

    Checked against ``reference.autodiff.Tensor`` → ``sympy.diff`` of the traced expression,
    lambdified: equal to rounding.

    Examples
    --------
    >>> x = Tensor(3.0)
    >>> y = x * x + x        # x is used twice: both paths reach x.grad
    >>> y.backward()
    >>> x.grad
    array(7.)
    """

    def __init__(self, value: ArrayLike, requires_grad: bool = True) -> None:
        if isinstance(value, Tensor):
            value = value.value
        self.value: NDArray[np.float64] = as_float_array(value)
        self.requires_grad = bool(requires_grad)
        self.grad: NDArray[np.float64] | None = None
        # (parent, local backward rule ȳ ↦ parent's contribution); empty for a leaf
        self._parents: tuple[tuple[Tensor, Callable[[NDArray], NDArray]], ...] = ()

    # --- the backward pass ------------------------------------------------------------------
    def backward(self, gradient: ArrayLike | None = None) -> None:
        r"""Add ∂self/∂leaf (or its product with `gradient`) into every leaf's ``grad``.

        Parameters
        ----------
        gradient : array_like of the shape of `value`, optional
            The seed :math:`\bar y`; required when `value` is not a scalar, and then the
            leaves receive the vector–Jacobian product :math:`\bar y^\top J`.

        Raises
        ------
        TypeError
            If `value` is not a scalar and no `gradient` is given.
        ValueError
            If `gradient` does not have the shape of `value`.

        Notes
        -----
        *Algorithm*:

        1. Seed the output's adjoint with ȳ (1 for a scalar).
        2. Order the graph so that every node comes before the nodes it was computed from
           (reverse of a depth-first post-order).
        3. Visit the nodes in that order; each passes ȳ through its local rules to its
           parents, where contributions are summed (a node used twice gets both).
        4. Leaves add their adjoint into ``grad``.

        The adjoints of one call live in a dictionary of that call: nothing of a previous
        call leaks into the next, so a second call adds exactly the same gradient again
        (micrograd kept adjoints on the nodes, and a second call counted the first one's).
        *Complexity*: O(nodes + edges) visits.
        """
        # Step 1: seed
        ybar = _seed(self, gradient)
        # Step 2: topological order, output first
        order = _topological_order(self)
        # Step 3: reverse accumulation
        adjoint = {id(self): ybar}
        for node in order:
            ybar = adjoint.pop(id(node))
            for parent, rule in node._parents:
                contribution = rule(ybar)
                key = id(parent)
                adjoint[key] = adjoint[key] + contribution if key in adjoint else contribution
            # Step 4: leaves keep the sum over calls (PyTorch's accumulation)
            if not node._parents and node.requires_grad:
                node.grad = np.array(ybar, dtype=np.float64) if node.grad is None \
                    else node.grad + ybar

    # --- array-like attributes --------------------------------------------------------------
    shape = property(lambda self: self.value.shape, doc="as ``value.shape``")
    ndim = property(lambda self: self.value.ndim, doc="as ``value.ndim``")
    size = property(lambda self: self.value.size, doc="as ``value.size``")

    @property
    def T(self) -> Tensor:
        """The transpose, as a node: x̄ = ȳᵀ."""
        return _node(self.value.T, (self, lambda ybar: ybar.T))

    def __len__(self) -> int:
        if self.ndim == 0:
            raise TypeError("len() of a 0-d Tensor")
        return self.shape[0]

    def __iter__(self):
        if self.ndim == 0:
            raise TypeError("iteration over a 0-d Tensor")
        return (self[i] for i in range(self.shape[0]))

    def __repr__(self) -> str:
        body = np.array2string(self.value, separator=", ", prefix="Tensor(")
        return f"Tensor({body}, requires_grad={self.requires_grad})"

    # --- arithmetic: forward, then the local rule for each operand -------------------------
    def __add__(self, other: Any) -> Tensor:
        a, b = self, _lift(other)
        y = a.value + b.value                                   # y = a + b
        return _node(y, (a, lambda ybar: _unbroadcast(ybar, a.shape)),   # ā = ȳ
                     (b, lambda ybar: _unbroadcast(ybar, b.shape)))      # b̄ = ȳ

    def __sub__(self, other: Any) -> Tensor:
        a, b = self, _lift(other)
        y = a.value - b.value                                   # y = a − b
        return _node(y, (a, lambda ybar: _unbroadcast(ybar, a.shape)),   # ā = ȳ
                     (b, lambda ybar: _unbroadcast(-ybar, b.shape)))     # b̄ = −ȳ

    def __mul__(self, other: Any) -> Tensor:
        a, b = self, _lift(other)
        y = a.value * b.value                                   # y = a·b
        return _node(y, (a, lambda ybar: _unbroadcast(ybar * b.value, a.shape)),  # ā = ȳ b
                     (b, lambda ybar: _unbroadcast(ybar * a.value, b.shape)))     # b̄ = ȳ a

    def __truediv__(self, other: Any) -> Tensor:
        a, b = self, _lift(other)
        y = a.value / b.value                                   # y = a / b
        return _node(y, (a, lambda ybar: _unbroadcast(ybar / b.value, a.shape)),  # ā = ȳ / b
                     (b, lambda ybar: _unbroadcast(-ybar * y / b.value, b.shape)))
        # b̄ = −ȳ a/b² = −ȳ y/b

    def __pow__(self, other: Any) -> Tensor:
        a, b = self, _lift(other)
        y = a.value ** b.value                                  # y = a^b
        return _node(y,
                     (a, lambda ybar: _unbroadcast(ybar * b.value * a.value ** (b.value - 1),
                                                   a.shape)),  # ā = ȳ b a^(b−1)
                     (b, lambda ybar: _unbroadcast(ybar * y * np.log(a.value), b.shape)))
        # b̄ = ȳ a^b ln a (only evaluated when the exponent itself needs a gradient)

    def __matmul__(self, other: Any) -> Tensor:
        return matmul(self, other)

    def __neg__(self) -> Tensor:
        return _node(-self.value, (self, lambda ybar: -ybar))   # y = −x, x̄ = −ȳ

    # reflected operators (a number or an array on the left): the same rules
    def __pos__(self) -> Tensor: return self
    def __radd__(self, other: Any) -> Tensor: return _lift(other) + self
    def __rsub__(self, other: Any) -> Tensor: return _lift(other) - self
    def __rmul__(self, other: Any) -> Tensor: return _lift(other) * self
    def __rtruediv__(self, other: Any) -> Tensor: return _lift(other) / self
    def __rpow__(self, other: Any) -> Tensor: return _lift(other) ** self
    def __rmatmul__(self, other: Any) -> Tensor: return matmul(other, self)

    def __getitem__(self, index: Any) -> Tensor:
        if isinstance(index, Tensor) or (isinstance(index, tuple)
                                         and any(isinstance(i, Tensor) for i in index)):
            raise TypeError("a Tensor cannot index: an index chosen by values is not "
                            "differentiable; index with integers, slices or NumPy arrays")
        x = self
        y = x.value[index]                                      # y = x[index]
        return _node(np.array(y), (x, lambda ybar: _scatter(ybar, index, x.shape)))
        # x̄[index] += ȳ: a repeated index receives every contribution (np.add.at)

    # --- what a traced value cannot do ------------------------------------------------------
    def __bool__(self) -> bool:
        raise TypeError("the truth value of a Tensor is refused: f must not branch on "
                        f"values (if/while/and/or); {_NOT_TRACEABLE}")

    def _compare(self, other: Any) -> Any:
        raise TypeError("Tensors cannot be compared: f must not branch on values; "
                        + _NOT_TRACEABLE)

    __lt__ = __le__ = __gt__ = __ge__ = __eq__ = __ne__ = _compare
    __hash__ = object.__hash__

    def __float__(self) -> float:
        raise TypeError("float() of a Tensor would cut it from the graph; read .value "
                        "outside f instead")

    __int__ = __index__ = __complex__ = __float__

    def __array__(self, dtype: Any = None, copy: Any = None) -> NDArray:
        raise TypeError("a Tensor cannot become a NumPy array inside f (that would cut "
                        "the graph): use the autodiff functions, or read .value outside f")

    def __array_ufunc__(self, ufunc: np.ufunc, method: str, *inputs: Any, **kwargs: Any) -> Any:
        operation = _UFUNC_OPERATORS.get(ufunc)
        if operation is None or method != "__call__" or kwargs:
            raise TypeError(f"numpy.{ufunc.__name__} cannot differentiate a Tensor: use "
                            f"the autodiff module's own function; {_NOT_TRACEABLE}")
        return operation(*(_lift(v) for v in inputs))

    def __array_function__(self, func: Any, types: Any, args: Any, kwargs: Any) -> Any:
        raise TypeError(f"numpy.{func.__name__} cannot differentiate a Tensor: use the "
                        f"autodiff module's own function; {_NOT_TRACEABLE}")


# --- building the graph --------------------------------------------------------------------------

def _lift(x: Any) -> Tensor:
    """A Tensor as it is; anything else as a constant (no gradient flows to it)."""
    return x if isinstance(x, Tensor) else Tensor(x, requires_grad=False)


def _node(value: ArrayLike, *edges: tuple[Tensor, Callable[[NDArray], NDArray]]) -> Tensor:
    """The result of an operation: keeps only the edges to operands that need a gradient,
    so no rule is ever evaluated for a constant (no ``log`` of a constant base, say)."""
    out = Tensor.__new__(Tensor)
    out.value = np.asarray(value, dtype=np.float64)
    out.grad = None
    out._parents = tuple((p, rule) for p, rule in edges if p.requires_grad)
    out.requires_grad = bool(out._parents)
    return out


def _unbroadcast(ybar: NDArray, shape: tuple[int, ...]) -> NDArray:
    """Sum ȳ back to an operand's shape: an operand broadcast along an axis was used once
    per entry of that axis, so its adjoint is the sum over the axis."""
    ybar = np.asarray(ybar)
    extra = ybar.ndim - len(shape)
    if extra > 0:
        ybar = ybar.sum(axis=tuple(range(extra)))
    stretched = tuple(i for i, n in enumerate(shape) if n == 1 and ybar.shape[i] != 1)
    return ybar.sum(axis=stretched, keepdims=True) if stretched else ybar


def _scatter(ybar: NDArray, index: Any, shape: tuple[int, ...]) -> NDArray:
    xbar = np.zeros(shape)
    np.add.at(xbar, index, ybar)
    return xbar


def _seed(y: Tensor, gradient: ArrayLike | None) -> NDArray:
    if gradient is None:
        if y.ndim != 0:
            raise TypeError(f"backward() without a gradient needs a scalar, got shape "
                            f"{y.shape}; reduce with autodiff.sum or pass gradient=")
        return np.ones(())
    ybar = as_float_array(gradient)
    if ybar.shape != y.shape:
        raise ValueError(f"gradient has shape {ybar.shape} but the tensor has shape {y.shape}")
    return ybar


def _topological_order(root: Tensor) -> list[Tensor]:
    """Every node before the nodes it was computed from: depth-first post-order (parents
    first), reversed. Iterative, so deep graphs do not hit Python's recursion limit."""
    postorder: list[Tensor] = []
    seen: set[int] = set()
    stack: list[tuple[Tensor, bool]] = [(root, False)]
    while stack:
        node, parents_done = stack.pop()
        if parents_done:
            postorder.append(node)
        elif id(node) not in seen:
            seen.add(id(node))
            stack.append((node, True))
            stack.extend((p, False) for p, _ in node._parents if id(p) not in seen)
    return postorder[::-1]


# --- the elementwise functions: forward, then the local rule ---------------------------------

def _elementwise(doc_name: str, math: str, rule: str, example: str, note: str = "",
                 sympy_call: str = ""):
    """Fill in the shared docstring of an elementwise function (`sympy_call`: the SymPy
    expression the reference differentiates, ``sympy.<name>`` by default)."""
    def decorate(func):
        reference = sympy_call or f"``sympy.{func.__name__}``"
        return fill_doc("""{doc_name}, elementwise, as a node of the graph.

    .. math:: y = {math}, \\qquad \\bar x = \\bar y \\cdot {rule}

    Parameters
    ----------
    x : Tensor or array_like
        Any shape; an array or a number is a constant (no gradient flows to it).

    Returns
    -------
    Tensor
        Same shape as `x`.

    Raises
    ------
    TypeError
        For complex or non-numeric `x`.

    Notes
    -----
    *Algorithm*: the forward value with NumPy, and the local rule for ``backward``.
    *Complexity*: O(n) both ways. Invalid arguments give NaN with a ``RuntimeWarning``,
    as NumPy. {note}

    References: Goodfellow, Bengio & Courville, *Deep Learning*, §6.5.2 (the chain rule
    applied one operation at a time).

    Checked against ``reference.autodiff.{name}`` →
    {reference}, differentiated exactly by SymPy and lambdified.

    Examples
    --------
    {example}
    """, doc_name=doc_name, math=math, rule=rule, note=note, example=example,
                        name=func.__name__, reference=reference)(func)
    return decorate


@_elementwise("The exponential", r"e^{x}", r"e^{x}",
              ">>> grad(lambda x: sum(exp(x)))(np.array([0.0, 1.0]))\n"
              "    array([1.        , 2.71828183])")
def exp(x: Tensor | ArrayLike) -> Tensor:
    x = _lift(x)
    y = np.exp(x.value)                                         # y = eˣ
    return _node(y, (x, lambda ybar: ybar * y))                 # x̄ = ȳ eˣ


@_elementwise("The natural logarithm", r"\ln x", r"\frac{1}{x}",
              ">>> grad(lambda x: sum(log(x)))(np.array([0.5, 4.0]))\n"
              "    array([2.  , 0.25])")
def log(x: Tensor | ArrayLike) -> Tensor:
    x = _lift(x)
    y = np.log(x.value)                                         # y = ln x
    return _node(y, (x, lambda ybar: ybar / x.value))           # x̄ = ȳ / x


@_elementwise("The sine", r"\sin x", r"\cos x",
              ">>> grad(lambda x: sum(sin(x)))(np.array([0.0, np.pi]))\n"
              "    array([ 1., -1.])")
def sin(x: Tensor | ArrayLike) -> Tensor:
    x = _lift(x)
    y = np.sin(x.value)                                         # y = sin x
    return _node(y, (x, lambda ybar: ybar * np.cos(x.value)))   # x̄ = ȳ cos x


@_elementwise("The cosine", r"\cos x", r"(-\sin x)",
              ">>> grad(lambda x: sum(cos(x)))(np.array([0.0, np.pi / 2]))\n"
              "    array([-0., -1.])")
def cos(x: Tensor | ArrayLike) -> Tensor:
    x = _lift(x)
    y = np.cos(x.value)                                         # y = cos x
    return _node(y, (x, lambda ybar: -ybar * np.sin(x.value)))  # x̄ = −ȳ sin x


@_elementwise("The hyperbolic tangent", r"\tanh x", r"(1 - \tanh^2 x)",
              ">>> np.round(grad(lambda x: sum(tanh(x)))(np.array([0.0, 1.0])), 6)\n"
              "    array([1.      , 0.419974])",
              "*Numerical stability*: 1 − tanh²x loses relative accuracy for large |x|\n"
              "    (tanh x rounds to ±1); SymPy's derivative is the same formula.")
def tanh(x: Tensor | ArrayLike) -> Tensor:
    x = _lift(x)
    y = np.tanh(x.value)                                        # y = tanh x
    return _node(y, (x, lambda ybar: ybar * (1.0 - y * y)))     # x̄ = ȳ (1 − y²)


@_elementwise("The logistic sigmoid, stable for both signs of x",
              r"\sigma(x) = \frac{1}{1 + e^{-x}}", r"\sigma(x)\,\sigma(-x)",
              ">>> grad(lambda x: sum(sigmoid(x)))(np.array([0.0, -800.0, 800.0]))\n"
              "    array([0.25, 0.  , 0.  ])",
              "*Numerical stability*: only e^{−|x|} ≤ 1 is computed, so nothing overflows,\n"
              "    and σ(x)σ(−x) does not cancel where σ(1 − σ) would.",
              sympy_call="``sympy.exp`` (1/(1 + exp(-x)))")
def sigmoid(x: Tensor | ArrayLike) -> Tensor:
    x = _lift(x)
    s, s_minus = _sigmoid_pair(x.value)                         # y = σ(x), and σ(−x)
    return _node(s, (x, lambda ybar: ybar * s * s_minus))       # x̄ = ȳ σ(x) σ(−x)


def _sigmoid_pair(x: NDArray) -> tuple[NDArray, NDArray]:
    """σ(x) and σ(−x) = 1 − σ(x) without cancellation: with z = e^{−|x|} ≤ 1 (never
    overflows), σ(|x|) = 1/(1+z) and σ(−|x|) = z/(1+z); the sign of x picks which is which."""
    z = np.exp(-np.abs(x))
    big, small = 1.0 / (1.0 + z), z / (1.0 + z)
    positive = x >= 0
    return np.where(positive, big, small), np.where(positive, small, big)


@_elementwise("The rectifier", r"\max(x, 0)", r"H(x)",
              ">>> grad(lambda x: sum(relu(x)))(np.array([-1.0, 0.0, 2.0]))\n"
              "    array([0., 0., 1.])",
              "H is the unit step with H(0) = 0, the subgradient PyTorch and JAX use at the\n"
              "    kink (``numpy.heaviside(x, 0)``, which also keeps NaN).",
              sympy_call="``sympy.Max(x, 0)`` (Heaviside with H(0) = 0)")
def relu(x: Tensor | ArrayLike) -> Tensor:
    x = _lift(x)
    y = np.maximum(x.value, 0.0)                                # y = max(x, 0)
    return _node(y, (x, lambda ybar: ybar * np.heaviside(x.value, 0.0)))  # x̄ = ȳ H(x)


# --- reductions and the matrix product ---------------------------------------------------------

def sum(x: Tensor | ArrayLike, axis: int | tuple[int, ...] | None = None,
        keepdims: bool = False) -> Tensor:
    r"""Sum of the entries (over `axis`), as a node of the graph.

    .. math:: y = \sum_i x_i, \qquad \bar x_i = \bar y

    Parameters
    ----------
    x : Tensor or array_like
    axis : int or tuple of int, optional
        Axes to sum over (all by default), as ``numpy.sum``.
    keepdims : bool, default False

    Returns
    -------
    Tensor
        Shape of ``numpy.sum(x.value, axis, keepdims=keepdims)``.

    Notes
    -----
    *Algorithm*: ȳ is copied back to every summed entry (broadcast over the summed axes).
    *Complexity*: O(n).

    References: Goodfellow, Bengio & Courville, *Deep Learning*, §6.5.2.

    Checked against ``reference.autodiff.sum`` → ``sympy.Add``, differentiated exactly.

    Examples
    --------
    >>> grad(lambda x: sum(sum(x, axis=0) ** 2))(np.array([[1.0, 2.0], [3.0, 4.0]]))
    array([[ 8., 12.],
           [ 8., 12.]])
    """
    x = _lift(x)
    y = np.sum(x.value, axis=axis, keepdims=keepdims)           # y = Σ x
    return _node(y, (x, lambda ybar: _spread(ybar, x.shape, axis, keepdims)))  # x̄ = ȳ


def mean(x: Tensor | ArrayLike, axis: int | tuple[int, ...] | None = None,
         keepdims: bool = False) -> Tensor:
    r"""Mean of the entries (over `axis`), as a node of the graph.

    .. math:: y = \frac{1}{N} \sum_{i=1}^{N} x_i, \qquad \bar x_i = \frac{\bar y}{N}

    Parameters
    ----------
    x : Tensor or array_like
    axis : int or tuple of int, optional
        Axes to average over (all by default), as ``numpy.mean``.
    keepdims : bool, default False

    Returns
    -------
    Tensor
        Shape of ``numpy.mean(x.value, axis, keepdims=keepdims)``.

    Notes
    -----
    *Algorithm*: the sum divided by N, the number of entries averaged; ȳ/N goes back to
    each. *Complexity*: O(n).

    References: Goodfellow, Bengio & Courville, *Deep Learning*, §6.5.2.

    Checked against ``reference.autodiff.mean`` → ``sympy.Add / N``, differentiated exactly.

    Examples
    --------
    >>> grad(lambda x: mean(x))(np.array([1.0, 2.0, 3.0, 4.0]))
    array([0.25, 0.25, 0.25, 0.25])
    """
    x = _lift(x)
    total = np.sum(x.value, axis=axis, keepdims=keepdims)
    N = x.size // max(total.size, 1)
    y = total / N                                               # y = Σ x / N
    return _node(y, (x, lambda ybar: _spread(ybar / N, x.shape, axis, keepdims)))  # x̄ = ȳ/N


def _spread(ybar: NDArray, shape: tuple[int, ...], axis: Any, keepdims: bool) -> NDArray:
    """ȳ of a reduction, copied back along the reduced axes."""
    if axis is not None and not keepdims:
        ybar = np.expand_dims(ybar, axis)
    return np.broadcast_to(ybar, shape)


def matmul(x1: Tensor | ArrayLike, x2: Tensor | ArrayLike) -> Tensor:
    r"""The matrix product ``x1 @ x2``, as a node of the graph.

    NumPy's rules for 1-D and stacked operands apply.

    .. math:: Y = AB, \qquad \bar A = \bar Y B^\top, \qquad \bar B = A^\top \bar Y

    Parameters
    ----------
    x1 : Tensor or array_like, shape (..., n, k) or (k,)
    x2 : Tensor or array_like, shape (..., k, m) or (k,)

    Returns
    -------
    Tensor
        Shape of ``numpy.matmul(x1, x2)``.

    Raises
    ------
    ValueError
        If the inner sizes differ or an operand is a scalar (NumPy's error).

    Notes
    -----
    *Algorithm*:

    1. The product with NumPy's ``@``.
    2. For the rules, a 1-D operand is viewed as a row (x1) or a column (x2), ȳ gets the
       matching unit axes, and stacked operands are summed back over the broadcast stack.

    *Complexity*: O(nkm) forward, twice that backward.

    References: Goodfellow, Bengio & Courville, *Deep Learning*, §6.5.2.

    Checked against ``reference.autodiff.matmul`` → ``numpy.matmul`` of SymPy expressions
    (sums of SymPy products), differentiated exactly; the summation order differs from BLAS
    (rounding only).

    Examples
    --------
    >>> A = np.array([[1.0, 2.0], [3.0, 4.0]])
    >>> grad(lambda B: sum(matmul(A, B)))(np.eye(2))
    array([[4., 4.],
           [6., 6.]])
    """
    A, B = _lift(x1), _lift(x2)
    # Step 1: the product
    Y = A.value @ B.value
    # Step 2: the rules, on 2-D views of 1-D operands
    A2 = A.value if A.ndim > 1 else A.value[None, :]
    B2 = B.value if B.ndim > 1 else B.value[:, None]

    def as_2d(ybar: NDArray) -> NDArray:
        ybar = ybar[..., None] if B.ndim == 1 else ybar
        return ybar[..., None, :] if A.ndim == 1 else ybar

    return _node(Y,
                 (A, lambda ybar: _unbroadcast(as_2d(ybar) @ np.swapaxes(B2, -1, -2),
                                               A2.shape).reshape(A.shape)),   # Ā = Ȳ Bᵀ
                 (B, lambda ybar: _unbroadcast(np.swapaxes(A2, -1, -2) @ as_2d(ybar),
                                               B2.shape).reshape(B.shape)))   # B̄ = Aᵀ Ȳ


# --- the functional interface ---------------------------------------------------------------------

def grad(f: Callable[..., Any], argnums: int | tuple[int, ...] = 0) -> Callable[..., Any]:
    r"""The gradient of a scalar function, as a function (JAX's ``grad``).

    .. math:: \operatorname{grad}(f)(x) = \nabla f(x) =
              \Bigl(\frac{\partial f}{\partial x_i}\Bigr)_i

    Parameters
    ----------
    f : callable
        ``f(*args)`` returning a scalar, written with this module's functions and operators
        (every positional argument reaches `f` as a `Tensor`).
    argnums : int or tuple of int, default 0
        Which positional arguments to differentiate with respect to.

    Returns
    -------
    callable
        ``g(*args)``: the gradient with respect to ``args[argnums]`` (an array of that
        argument's shape, a float64 scalar for a scalar argument), or a tuple of them
        when `argnums` is a tuple.

    Raises
    ------
    TypeError
        If `argnums` is not a non-negative int or a tuple of them (when ``grad`` is
        called), or names a missing argument; if `f` returns a non-scalar; if `f` branches
        on values or calls NumPy functions on Tensors.

    Notes
    -----
    *Algorithm*: see `value_and_grad`, which this returns the second half of.
    *Complexity*: that of `value_and_grad`: one forward and one backward pass, a small
    constant times the cost of `f` whatever the number of inputs.

    References: Griewank & Walther, *Evaluating Derivatives*, 2nd ed., SIAM 2008, §3.2.

    Checked against ``reference.autodiff.grad`` → ``sympy.diff`` of the traced f, lambdified
    (the same `f` called on SymPy symbols): equal to rounding (summation order).

    Examples
    --------
    >>> df = grad(lambda x, y: x**2 + 2*x*y + y**2, argnums=(0, 1))
    >>> df(1.0, 2.0)
    (np.float64(6.0), np.float64(6.0))
    """
    value_and_gradient = value_and_grad(f, argnums)

    @functools.wraps(f)
    def gradient(*args: Any) -> Any:
        return value_and_gradient(*args)[1]
    return gradient


def value_and_grad(f: Callable[..., Any],
                   argnums: int | tuple[int, ...] = 0) -> Callable[..., tuple[Any, Any]]:
    r"""Value and gradient of a scalar function from one forward and one backward pass.

    JAX's ``value_and_grad``.

    .. math:: x \mapsto \bigl(f(x), \nabla f(x)\bigr)

    Parameters
    ----------
    f : callable
        ``f(*args)`` returning a scalar, written with this module's functions and operators.
    argnums : int or tuple of int, default 0
        Which positional arguments to differentiate with respect to.

    Returns
    -------
    callable
        ``vg(*args)`` returning ``(value, gradient)``: the value a float64 scalar, the
        gradient as in `grad`.

    Raises
    ------
    TypeError
        As `grad`.

    Notes
    -----
    *Algorithm*:

    1. Wrap each argument in a fresh leaf `Tensor` (``requires_grad`` for those in
       `argnums`, constants otherwise): fresh leaves, so no call sees another's gradients.
    2. Run `f` forward, recording the graph.
    3. ``backward()`` from the scalar output.
    4. Read the leaves' ``grad`` (zeros where f does not depend on an argument).

    *Complexity*: O(cost of `f`) time — a small constant times it, whatever the number of
    inputs (the point of reverse mode) — and O(size of the graph) memory for the recorded
    operations and their values. *Numerical stability*: that of the local rules.

    References: Goodfellow, Bengio & Courville, *Deep Learning*, §6.5.

    Checked against ``reference.autodiff.value_and_grad`` → ``sympy.diff`` of the traced f,
    lambdified: SymPy's exact derivative, equal to rounding.

    Examples
    --------
    >>> value, slope = value_and_grad(lambda x: sin(x) * x)(np.pi / 2)
    >>> float(value), float(slope)
    (1.5707963267948966, 1.0)
    """
    wanted, single = _check_argnums(argnums)

    @functools.wraps(f)
    def value_and_gradient(*args: Any) -> tuple[Any, Any]:
        _check_arity(argnums, wanted, len(args))
        # Step 1: leaves
        leaves = [Tensor(a, requires_grad=i in wanted) for i, a in enumerate(args)]
        # Step 2: forward
        y = _scalar_output(f(*leaves))
        # Step 3: backward
        y.backward()
        # Step 4: gradients, shaped as the arguments
        grads = tuple(_as_result(leaf.grad if leaf.grad is not None else np.zeros(leaf.shape))
                      for leaf in (leaves[i] for i in wanted))
        return _as_result(y.value), grads[0] if single else grads
    return value_and_gradient


def _check_argnums(argnums: Any) -> tuple[tuple[int, ...], bool]:
    single = isinstance(argnums, (int, np.integer)) and not isinstance(argnums, bool)
    items = (argnums,) if single else argnums
    if not isinstance(items, tuple) or not all(
            isinstance(i, (int, np.integer)) and not isinstance(i, bool) and i >= 0
            for i in items):
        raise TypeError(f"argnums must be a non-negative int or a tuple of them, "
                        f"got {argnums!r}")
    return tuple(int(i) for i in items), single


def _check_arity(argnums: Any, wanted: tuple[int, ...], n_args: int) -> None:
    if wanted and max(wanted) >= n_args:
        raise TypeError(f"argnums={argnums!r} asks for argument {max(wanted)}, but f was "
                        f"called with {n_args} positional argument(s)")


def _scalar_output(y: Any) -> Tensor:
    if not isinstance(y, Tensor):
        try:
            y = Tensor(y, requires_grad=False)  # f ignored its arguments: a constant
        except (TypeError, ValueError):
            raise TypeError(f"f must return a scalar, got {type(y).__name__}") from None
    if y.ndim != 0:
        raise TypeError(f"grad needs f to return a scalar, but it returned shape "
                        f"{y.shape}; reduce it with autodiff.sum or autodiff.mean")
    return y


def _as_result(a: NDArray) -> Any:
    """float64 arrays, and a float64 scalar rather than a 0-d array (as NumPy returns)."""
    a = np.array(a, dtype=np.float64)
    return a[()] if a.ndim == 0 else a
