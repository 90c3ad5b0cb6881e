"""Linear algebra from scratch: the counterpart of `numpy.linalg` and `scipy.linalg`.

The module is a package because the algorithms are long; each private module holds one
family, and reads on its own:

- `_input`: the checks every function makes first, and the dtype of its answer.
- `_basic`: arithmetic from the definitions (sums, products, transposes, powers);
  `matmul` and `dot` are the only places that do not use ``@``.
- `_lu`: Gaussian elimination with partial pivoting, and what rests on it: `det`,
  `slogdet`, `inv`, `solve`. `_cholesky`: the symmetric positive definite case.
- `_householder`: the one Householder reflector (Golub & Van Loan's v, β; LAPACK's
  sign), the compact WY form, and an orthonormal basis by Householder QR.
- `_qr`: Householder QR with LAPACK's sign rule.
- `_eigh`: the symmetric eigenproblem (tridiagonalisation, bisection, inverse iteration).
- `_eig`: the general eigenproblem (Hessenberg form, Francis double-shift QR).
- `_svd`: the singular value decomposition and what rests on it: `pinv`, `lstsq`.
- `_norms`: `norm`, `cond`, `matrix_rank`, which measure with singular values.

Imports flow one way, each module using only those above it in this order: `_input`,
`_lu`, `_basic`, `_cholesky`, `_householder`, `_qr`, `_eig`, `_eigh`, `_svd`, `_norms`.

The factorisations `lu`, `cholesky`, `qr`, `eigh`, `eig` and `svd` each open their module
with ``_textbook_<name>``: the algorithm as a textbook writes it, in a few lines. The
public function that follows computes the same mathematics, blocked or reordered for speed
(and a test keeps the two in agreement).

Conventions (shared with `reference.linalg`): matrices are 2-D and real; NaN or infinity
entering a factorisation raises ``ValueError("array must not contain infs or NaNs")``.
NumPy's dtype rule: float32 in, float32 out (computed in float64, rounded once at the end),
float64 for integers and booleans; float16 and long double refused with TypeError as NumPy
refuses them (SciPy's `lu` casts them instead, and so does `lu`).
"""
from ._basic import add, dot, matmul, matrix_power, outer, scale, trace, transpose
from ._cholesky import cholesky
from ._eig import eig, eigvals
from ._eigh import eigh, eigvalsh
from ._lu import det, inv, lu, slogdet, solve
from ._norms import cond, matrix_rank, norm
from ._qr import qr
from ._svd import lstsq, pinv, svd

__all__ = ["add", "scale", "dot", "outer", "norm", "matmul", "transpose", "trace",
           "matrix_power", "det", "slogdet", "inv", "solve", "lu", "cholesky", "qr",
           "eigh", "eigvalsh", "eig", "eigvals", "svd", "pinv", "lstsq", "matrix_rank",
           "cond"]
