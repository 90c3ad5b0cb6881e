"""Automatic differentiation through SymPy: the reference for `mathml.autodiff`.

The same interface as `mathml.autodiff`, computed another way: a reference `Tensor` holds a
NumPy object array of SymPy expressions in symbols that stand for the leaves' numbers.
Running `f` on such tensors *traces* it into one exact formula; ``sympy.diff`` gives the
exact partial derivatives, and ``sympy.lambdify`` evaluates them in float64 at the point.
So ``import reference.autodiff as ad`` and ``import mathml.autodiff as ad`` run the same `f`:

>>> import reference.autodiff as ad
>>> ad.grad(lambda x, y: x**2 + 2*x*y + y**2, argnums=(0, 1))(1.0, 2.0)
(np.float64(6.0), np.float64(6.0))

Where SymPy's behaviour differs from the contract, this module says so and adjusts:

- relu: SymPy differentiates ``Max(u, 0)`` into ``Heaviside(u)`` with H(0) = 1/2; the
  contract takes relu'(0) = 0 (PyTorch, JAX, `mathml`), so after differentiating every
  ``Heaviside(u)`` is replaced by H(u) with H(0) = 0, evaluated by ``numpy.heaviside(u, 0)``.
- Constants: SymPy would turn a float into a 15-digit ``Float``; constants here become the
  exact rational value of the double, so the formula is exact and lambdify reproduces it.
- Caching: ``grad(f)`` traces and differentiates `f` once per argument shapes and then only
  evaluates the lambdified formula, like ``jax.jit``; constants `f` reads from outside its
  arguments are baked in at the first trace (NumPy arrays among `f`'s closure variables are
  part of the cache key, so changing those retraces).
- Functions also accept SymPy expressions directly (``ad.exp(sympy.Symbol('x'))`` is
  ``exp(x)``): a reference-only convenience for looking at the formulas.

What `f` cannot do — branch on values, call NumPy functions on tensors, read ``.value`` of a
traced argument — raises ``TypeError`` saying so; `mathml.autodiff` refuses the same things.
"""
from __future__ import annotations

import functools
import itertools
import operator
from collections import OrderedDict
from typing import Any
from collections.abc import Callable

import numpy as np
import sympy as sp
from numpy.typing import ArrayLike, NDArray

__all__ = ["Tensor", "grad", "value_and_grad", "exp", "log", "sin", "cos", "tanh", "sigmoid",
           "relu", "sum", "mean", "matmul"]

_NOT_TRACEABLE = ("write f as a straight-line program of the autodiff functions and operators "
                  "(see the module docstring); the symbolic reference backend cannot trace it")

_UFUNC_OPERATORS = {np.add: operator.add, np.subtract: operator.sub,
                    np.multiply: operator.mul, np.true_divide: operator.truediv,
                    np.power: operator.pow, np.matmul: operator.matmul,
                    np.negative: operator.neg, np.positive: operator.pos}

# relu'(0) = 0: H(u) with H(0) = 0, printed for NumPy as numpy.heaviside(u, 0)
_STEP = sp.Function("heaviside0")
_MODULES = [{"heaviside0": lambda u: np.heaviside(u, 0.0)}, "numpy"]


class Tensor:
    """A traced value: SymPy expressions of the leaves' symbols (see the module docstring).

    Same constructor, attributes and operators as ``mathml.autodiff.Tensor``; ``value`` of
    a result is its formula evaluated at the leaves' values, and ``backward`` differentiates
    the formula exactly (accumulating into the leaves' ``grad``, as `mathml` does).
    """

    def __init__(self, value: ArrayLike, requires_grad: bool = True) -> None:
        if isinstance(value, Tensor):
            value = value.value
        self._value: NDArray[np.float64] | None = _float_array(value)
        self._symbols = _fresh_symbols(self._value.shape)
        self._expr = self._symbols
        self._leaves: tuple[Tensor, ...] = (self,)
        self.requires_grad = bool(requires_grad)
        self.grad: NDArray[np.float64] | None = None

    @classmethod
    def _placeholder(cls, j: int, shape: tuple[int, ...], requires_grad: bool) -> Tensor:
        """Argument j of f while it is traced: a leaf whose numbers are not known yet."""
        leaf = cls.__new__(cls)
        leaf._value, leaf._symbols = None, _fresh_symbols(shape, prefix=f"a{j}_")
        leaf._expr, leaf._leaves = leaf._symbols, (leaf,)
        leaf.requires_grad, leaf.grad = bool(requires_grad), None
        return leaf

    @property
    def value(self) -> NDArray[np.float64]:
        if self._value is not None:  # a leaf, or a constant
            return self._value
        _require_values(self._leaves)
        symbols = [s for leaf in self._leaves for s in leaf._symbols.flat]
        formula = sp.lambdify([symbols], list(self._expr.flat), modules=_MODULES)
        return _evaluate(formula, self._leaves, self.shape)

    def backward(self, gradient: ArrayLike | None = None) -> None:
        """Add the exact ∂self/∂leaf (or its product with `gradient`) into every leaf's
        ``grad``; the same checks and accumulation as `mathml`."""
        ybar = _seed(self, gradient)
        L = _scalar_formula(self._expr, ybar)
        _require_values(self._leaves)
        wrt = [leaf for leaf in self._leaves if leaf.requires_grad]
        program = _gradient_program(L, self._leaves, wrt)
        _, grads = program([leaf._value for leaf in self._leaves])
        for leaf, g in zip(wrt, grads):
            leaf.grad = g if leaf.grad is None else leaf.grad + g

    @property
    def shape(self) -> tuple[int, ...]:
        return self._expr.shape

    @property
    def ndim(self) -> int:
        return self._expr.ndim

    @property
    def size(self) -> int:
        return self._expr.size

    @property
    def T(self) -> Tensor:
        return _node(self._expr.T, self)

    def __len__(self) -> int:
        if self.ndim == 0:
            raise TypeError("len() of a 0-d Tensor")
        return self.shape[0]

    def __iter__(self):
        if self.ndim == 0:
            raise TypeError("iteration over a 0-d Tensor")
        return (self[i] for i in range(self.shape[0]))

    def __repr__(self) -> str:
        return f"Tensor({self._expr!r}, requires_grad={self.requires_grad})"

    # --- arithmetic: elementwise on the object arrays, with NumPy's broadcasting ------------
    def _binary(self, other: Any, op: Callable, reflected: bool = False) -> Tensor:
        a, b = (_lift(other), self) if reflected else (self, _lift(other))
        return _node(op(a._expr, b._expr), a, b)

    def __add__(self, other): return self._binary(other, operator.add)
    def __sub__(self, other): return self._binary(other, operator.sub)
    def __mul__(self, other): return self._binary(other, operator.mul)
    def __truediv__(self, other): return self._binary(other, operator.truediv)
    def __pow__(self, other): return self._binary(other, operator.pow)
    def __matmul__(self, other): return matmul(self, other)
    def __radd__(self, other): return self._binary(other, operator.add, True)
    def __rsub__(self, other): return self._binary(other, operator.sub, True)
    def __rmul__(self, other): return self._binary(other, operator.mul, True)
    def __rtruediv__(self, other): return self._binary(other, operator.truediv, True)
    def __rpow__(self, other): return self._binary(other, operator.pow, True)
    def __rmatmul__(self, other): return matmul(other, self)
    def __neg__(self): return _node(-self._expr, self)
    def __pos__(self): return self

    def __getitem__(self, index: Any) -> Tensor:
        if isinstance(index, Tensor) or (isinstance(index, tuple)
                                         and any(isinstance(i, Tensor) for i in index)):
            raise TypeError("a Tensor cannot index: an index chosen by values is not "
                            "differentiable; index with integers, slices or NumPy arrays")
        return _node(self._expr[index], self)

    # --- what a traced value cannot do (the same refusals as mathml) ------------------------
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


# --- building formulas ----------------------------------------------------------------------------

def _float_array(value: Any) -> NDArray[np.float64]:
    """The checks of mathml's ``as_float_array``, with its wording."""
    arr = np.asarray(value)
    if np.iscomplexobj(arr):
        raise TypeError("complex input is not supported: pass a real array")
    if arr.dtype == object:
        raise TypeError("input must be a numeric array, not an array of objects")
    return arr.astype(np.float64, copy=False)


_leaf_numbers = itertools.count()


def _fresh_symbols(shape: tuple[int, ...], prefix: str = "") -> NDArray:
    """One real symbol per entry, named ``t<k>_<i>`` for the k-th leaf made (or ``a<j>_<i>``
    for argument j of a traced f, so that retracing reuses SymPy's cache). Plain symbols,
    not ``Dummy``s, which lambdify would have to rename at length."""
    prefix = prefix or f"t{next(_leaf_numbers)}_"
    symbols = np.empty(shape, dtype=object)
    for n, i in enumerate(np.ndindex(shape)):
        symbols[i] = sp.Symbol(f"{prefix}{n}", real=True)
    return symbols


def _objects(a: Any) -> NDArray:
    """An object array, also for a single expression (NumPy unwraps 0-d results)."""
    if isinstance(a, np.ndarray):
        return a
    out = np.empty((), dtype=object)
    out[()] = a
    return out


def _exact(v: float) -> sp.Expr:
    """The double v as an exact SymPy number (see the module docstring)."""
    if np.isnan(v):
        return sp.nan
    if np.isinf(v):
        return sp.oo if v > 0 else -sp.oo
    return sp.Integer(int(v)) if float(v).is_integer() else sp.Rational(float(v))


def _lift(x: Any) -> Tensor:
    """A Tensor as it is; numbers and arrays as constants (exact, no symbols)."""
    if isinstance(x, Tensor):
        return x
    values = _float_array(x)
    out = Tensor.__new__(Tensor)
    out._value, out._leaves, out.grad, out.requires_grad = values, (), None, False
    out._expr = _objects(np.frompyfunc(_exact, 1, 1)(values))
    out._symbols = np.empty((0,), dtype=object)
    return out


def _node(expr: Any, *operands: Tensor) -> Tensor:
    out = Tensor.__new__(Tensor)
    out._expr = _objects(expr)
    leaves: dict[int, Tensor] = {}
    for t in operands:
        leaves.update((id(leaf), leaf) for leaf in t._leaves)
    out._leaves = tuple(leaves.values())
    out._value, out._symbols, out.grad = None, np.empty((0,), dtype=object), None
    out.requires_grad = any(leaf.requires_grad for leaf in out._leaves)
    return out


def _is_sympy(x: Any) -> bool:
    return isinstance(x, sp.Basic) or (isinstance(x, np.ndarray) and x.dtype == object)


def _elementwise(rule: Callable[[sp.Expr], sp.Expr], x: Any) -> Any:
    if _is_sympy(x):  # the reference-only convenience: SymPy in, SymPy out
        return rule(x) if isinstance(x, sp.Basic) else np.frompyfunc(rule, 1, 1)(x)
    x = _lift(x)
    return _node(np.frompyfunc(rule, 1, 1)(x._expr), x)


# --- the functions: SymPy's, on every entry ------------------------------------------------------

def exp(x: Tensor | ArrayLike) -> Tensor:
    return _elementwise(sp.exp, x)


def log(x: Tensor | ArrayLike) -> Tensor:
    return _elementwise(sp.log, x)


def sin(x: Tensor | ArrayLike) -> Tensor:
    return _elementwise(sp.sin, x)


def cos(x: Tensor | ArrayLike) -> Tensor:
    return _elementwise(sp.cos, x)


def tanh(x: Tensor | ArrayLike) -> Tensor:
    return _elementwise(sp.tanh, x)


def sigmoid(x: Tensor | ArrayLike) -> Tensor:
    # the definition; its lambdified form overflows for |x| > 709 where mathml's does not
    return _elementwise(lambda u: 1 / (1 + sp.exp(-u)), x)


def relu(x: Tensor | ArrayLike) -> Tensor:
    return _elementwise(lambda u: sp.Max(u, 0), x)


def sum(x: Tensor | ArrayLike, axis: int | tuple[int, ...] | None = None,
        keepdims: bool = False) -> Tensor:
    if _is_sympy(x):
        return np.sum(_objects(x), axis=axis, keepdims=keepdims)
    x = _lift(x)
    return _node(np.sum(x._expr, axis=axis, keepdims=keepdims), x)


def mean(x: Tensor | ArrayLike, axis: int | tuple[int, ...] | None = None,
         keepdims: bool = False) -> Tensor:
    if _is_sympy(x):
        entries = _objects(x)
        total = _objects(np.sum(entries, axis=axis, keepdims=keepdims))
        return total / sp.Integer(entries.size // max(total.size, 1))
    x = _lift(x)
    total = _objects(np.sum(x._expr, axis=axis, keepdims=keepdims))
    N = x.size // max(total.size, 1)
    return _node(total / sp.Integer(N), x)


def matmul(x1: Tensor | ArrayLike, x2: Tensor | ArrayLike) -> Tensor:
    # NumPy's matmul on object arrays: the sums of products, as SymPy expressions
    if _is_sympy(x1) and _is_sympy(x2):
        return np.matmul(_objects(x1), _objects(x2))
    A, B = _lift(x1), _lift(x2)
    return _node(np.matmul(A._expr, B._expr), A, B)


# --- differentiating and evaluating a formula ----------------------------------------------------

def _scalar_formula(expr: NDArray, ybar: NDArray) -> sp.Expr:
    """Σ ȳ_i y_i: the scalar whose gradient is the vector–Jacobian product."""
    if expr.ndim == 0 and ybar.ndim == 0 and ybar == 1.0:
        return sp.sympify(expr[()])
    weights = np.frompyfunc(_exact, 1, 1)(ybar)
    return sp.Add(*(w * e for w, e in zip(np.ravel(weights), expr.flat)))


def _gradient_program(L: sp.Expr, leaves: tuple[Tensor, ...], wrt: list[Tensor]):
    """``run(values) -> (L, [∂L/∂leaf for leaf in wrt])`` with ``values`` one array per leaf:
    SymPy's exact derivatives, with relu's convention, lambdified together."""
    symbols = [s for leaf in leaves for s in leaf._symbols.flat]
    derivatives = [_relu_convention(sp.diff(L, s)) for leaf in wrt for s in leaf._symbols.flat]
    formula = sp.lambdify([symbols], [L, *derivatives], modules=_MODULES)
    shapes = [leaf.shape for leaf in wrt]

    def run(values: list[NDArray]) -> tuple[Any, list[NDArray]]:
        flat = list(np.concatenate([np.ravel(v) for v in values])) if values else []
        out = np.array([np.asarray(v, dtype=np.float64) for v in formula(flat)],
                       dtype=np.float64)
        grads, start = [], 1
        for shape in shapes:
            size = int(np.prod(shape, dtype=int))
            grads.append(out[start:start + size].reshape(shape))
            start += size
        return out[0], grads
    return run


def _relu_convention(d: sp.Expr) -> sp.Expr:
    """SymPy's Heaviside(u) (H(0) = 1/2) → H(u) with H(0) = 0: relu'(0) = 0."""
    return d.replace(sp.Heaviside, lambda u, *H0: _STEP(u)) if d.has(sp.Heaviside) else d


def _evaluate(formula: Callable, leaves: tuple[Tensor, ...], shape: tuple[int, ...]) -> NDArray:
    flat = list(np.concatenate([np.ravel(leaf._value) for leaf in leaves])) if leaves else []
    out = np.array([np.asarray(v, dtype=np.float64) for v in formula(flat)], dtype=np.float64)
    return out.reshape(shape)


def _require_values(leaves: tuple[Tensor, ...]) -> None:
    if any(leaf._value is None for leaf in leaves):
        raise TypeError("the value of an argument of f is not known while f is traced: f "
                        f"must not read .value of its arguments; {_NOT_TRACEABLE}")


def _seed(y: Tensor, gradient: ArrayLike | None) -> NDArray:
    if gradient is None:
        if y.ndim != 0:
            raise TypeError(f"backward() without a gradient needs a scalar, got shape "
                            f"{y.shape}; reduce with autodiff.sum or pass gradient=")
        return np.ones(())
    ybar = _float_array(gradient)
    if ybar.shape != y.shape:
        raise ValueError(f"gradient has shape {ybar.shape} but the tensor has shape {y.shape}")
    return ybar


# --- the functional interface: trace once per shapes, then evaluate ------------------------------

_CACHE: OrderedDict = OrderedDict()
_CACHE_SIZE = 512


def grad(f: Callable[..., Any], argnums: int | tuple[int, ...] = 0) -> Callable[..., Any]:
    value_and_gradient = value_and_grad(f, argnums)

    @functools.wraps(f)
    def gradient(*args: Any) -> Any:
        return value_and_gradient(*args)[1]
    return gradient


def value_and_grad(f: Callable[..., Any],
                   argnums: int | tuple[int, ...] = 0) -> Callable[..., tuple[Any, Any]]:
    wanted, single = _check_argnums(argnums)

    @functools.wraps(f)
    def value_and_gradient(*args: Any) -> tuple[Any, Any]:
        _check_arity(argnums, wanted, len(args))
        values = [_float_array(a) for a in args]
        run, constants = _traced(f, wanted, tuple(v.shape for v in values))
        value, grads = run(values + constants)
        grads = tuple(_as_result(g) for g in grads)
        return _as_result(value), grads[0] if single else grads
    return value_and_gradient


def _traced(f: Callable, wanted: tuple[int, ...], shapes: tuple[tuple[int, ...], ...]):
    """The lambdified program of f for these argument shapes, from the cache or traced now."""
    key = (f, wanted, shapes, _closure_key(f))
    try:
        hit = _CACHE.get(key)
    except TypeError:  # an unhashable callable: trace every time
        key, hit = None, None
    if hit is not None:
        _CACHE.move_to_end(key)
        return hit
    leaves = [Tensor._placeholder(j, shape, j in wanted) for j, shape in enumerate(shapes)]
    y = _scalar_output(f(*leaves))
    # leaves f made itself (Tensor(...) inside f) are constants with known values
    inner = [leaf for leaf in y._leaves if all(leaf is not a for a in leaves)]
    _require_values(tuple(inner))
    run = _gradient_program(sp.sympify(y._expr[()]), (*leaves, *inner),
                            [leaves[i] for i in wanted])
    program = (run, [leaf._value for leaf in inner])
    if key is not None:
        _CACHE[key] = program
        if len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return program


def _closure_key(f: Callable) -> tuple:
    """NumPy arrays f closes over or has as defaults, by content: changing them retraces."""
    cells = list(getattr(f, "__defaults__", None) or ())
    for cell in getattr(f, "__closure__", None) or ():
        try:
            cells.append(cell.cell_contents)
        except ValueError:  # a cell not yet filled
            pass
    return tuple((v.shape, v.dtype.str, v.tobytes()) for v in cells if isinstance(v, np.ndarray))


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
            y = _lift(y)  # f ignored its arguments: a constant
        except (TypeError, ValueError):
            raise TypeError(f"f must return a scalar, got {type(y).__name__}") from None
    if y.ndim != 0:
        raise TypeError(f"grad needs f to return a scalar, but it returned shape "
                        f"{y.shape}; reduce it with autodiff.sum or autodiff.mean")
    return y


def _as_result(a: NDArray) -> Any:
    a = np.array(a, dtype=np.float64)
    return a[()] if a.ndim == 0 else a
