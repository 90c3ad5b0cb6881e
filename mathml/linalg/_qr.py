"""QR factorisation by Householder reflections, with LAPACK's sign convention.

One reflector per column, each chosen exactly as LAPACK's ``dlarfg`` chooses it, so that
``Q`` and ``R`` are NumPy's own to rounding (no sign canonicalisation). The reflectors of a
panel of columns are gathered into one block reflector ``I − Y T Yᵀ`` (the compact WY form,
Schreiber & Van Loan 1989), so that updating the rest of the matrix and forming ``Q`` are
matrix products ``@``; only the narrow panels are left to Python loops. The blocking is
LAPACK's own (panels of 32 while more than 128 columns remain, then column by column, each
reflector skipping what ``dlarf`` skips), which keeps even the signs of exact zeros — and
so the sign of a diagonal entry that comes out of an exact cancellation — equal to NumPy's.

Each reflector is `_householder._householder_vector` (LAPACK's ``dlarfg``); its β is
LAPACK's τ, the name used here for the stored coefficients.

Storage follows LAPACK's ``dgeqrf`` transposed (NumPy's ``mode='raw'``): the factored
matrix is kept as ``At`` with shape (N, M), row j holding column j of A, so each column is
contiguous; ``R`` is on and right of the diagonal of ``At``, and the essential part of
reflector j (its entries below the leading 1) is ``At[j, j+1:]``.

The module opens with ``_textbook_qr``, the algorithm as a textbook writes it;
`qr` computes the same mathematics, blocked or reordered for speed.

Private helpers other modules may import:

- ``_householder_qr(A) -> (At, tau)``: the compact factorisation (``dgeqrf``, transposed).
- ``_form_q(Vt, tau, p) -> Q``: the first p columns of ``H_1⋯H_k`` (``dorgqr``), for any
  reflectors stored as rows of `Vt` the way ``At`` stores them.
- ``_reflect_left(C, v, tau)``: C ← (I − τ v vᵀ) C in place (``dlarf('L')``).
- ``_reflect_rows(C, v, tau)``: C ← C (I − τ v vᵀ) in place (``dlarf('R')``).
"""
from __future__ import annotations

import warnings
from typing import Literal, NamedTuple, overload

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._input import matrix
from ._householder import _householder_vector, _wy_factor

__all__ = ["qr"]


def _textbook_qr(A: ArrayLike) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    r"""Householder QR as a textbook writes it: one reflector per column, applied at once.

    .. math::

        P_{K-1} \cdots P_1 P_0 A = R, \qquad
        Q = P_0 P_1 \cdots P_{K-1}, \qquad P_k = I - \beta_k v_k v_k^\mathsf{T},

    where P_k maps column k of the current matrix, from the diagonal down, onto
    ``α_k e₁`` and leaves the rows above it alone.

    Parameters
    ----------
    A : (M, N) array_like
        Any real matrix; K = min(M, N).

    Returns
    -------
    Q : (M, K) ndarray
        Orthonormal columns (the reduced Q; the complete M×M one is the same product
        applied to all of I).
    R : (K, N) ndarray
        Upper trapezoidal. Its diagonal has LAPACK's signs: α_k = −sign(a_kk)‖x‖, not
        necessarily positive.

    Notes
    -----
    *Algorithm* (Golub & Van Loan, 4th ed., Algorithm 5.2.1), for k = 0, …, K − 1:

    1. The reflector ``P_k = I − β v vᵀ`` of the column ``x = R[k:, k]``
       (`_householder_vector`: ``P_k x = α e₁``).
    2. Apply it to the trailing columns, ``R[k:, k+1:] ← P_k R[k:, k+1:]``; column k
       becomes ``α e₁``.
    3. Accumulate ``Q ← Q P_k`` (Q starts as I).

    *Complexity*: 2MN² − 2N³/3 flops for R, about 4M²N − 2MN² more for the M×M Q (the
    blocked `qr` forms only the columns it returns).
    """
    R = np.array(A, dtype=np.float64)
    M, N = R.shape
    K = min(M, N)
    Q = np.eye(M)
    for k in range(K):
        # Step 1: P_k x = α e₁.
        v, beta, alpha = _householder_vector(R[k:, k])
        # Step 2: R ← P_k R (column k by construction).
        R[k:, k + 1:] -= (beta * v)[:, None] * (v @ R[k:, k + 1:])
        R[k, k], R[k + 1:, k] = alpha, 0.0
        # Step 3: Q ← Q P_k.
        Q[:, k:] -= (Q[:, k:] @ v)[:, None] * (beta * v)
    return Q[:, :K], R[:K]

# LAPACK's dgeqrf blocking (ilaenv): panels of _PANEL columns while more than _UNBLOCKED
# columns remain, the rest one column at a time. Following it keeps the rounding, and the
# signs of exact zeros, close to NumPy's; the panels put most flops of large QRs into `@`.
_PANEL = 32
_UNBLOCKED = 128
class QRResult(NamedTuple):
    """Orthonormal factor and upper-trapezoidal factor of a QR factorisation (NumPy's fields)."""

    Q: NDArray[np.float64]
    R: NDArray[np.float64]


# ---------------------------------------------------------------------------------------
# Block reflectors (compact WY)
# ---------------------------------------------------------------------------------------

def _unit_rows(Vt: NDArray[np.float64]) -> NDArray[np.float64]:
    """Yt from compact storage: 1 on the diagonal, the stored tail right of it, 0 left of it."""
    b = Vt.shape[0]
    Yt = np.triu(Vt, 1)
    Yt[np.arange(b), np.arange(b)] = 1.0
    return Yt


def _factor_panel(At: NDArray[np.float64], tau: NDArray[np.float64],
                  j0: int, j1: int, update_to: int) -> None:
    """Reflect columns j0..j1−1 of A (rows of `At`) one at a time, in place (``dgeqr2``).

    Each reflector is applied at once to the columns j+1..update_to−1 of A: the rest of
    the panel when blocked, the whole trailing matrix when not.
    """
    for j in range(j0, j1):
        v, tau[j], At[j, j] = _householder_vector(At[j, j:])
        At[j, j + 1:] = v[1:]
        if tau[j] != 0.0 and j + 1 < update_to:
            _reflect_rows(At[j + 1:update_to, j:], v, tau[j])


def _reflect_rows(C: NDArray[np.float64], v: NDArray[np.float64], tau: float) -> None:
    """C ← C (I − τ v vᵀ): each column c of A, a row of `C` in the At layout, becomes H c.

    The same skipping as `_reflect_left` (which see), with rows and columns exchanged.
    """
    lastv = v.size
    if v[-1] == 0.0:
        lastv = int(np.flatnonzero(v)[-1]) + 1
    C = C[:, :lastv]
    if C.shape[0] == 0:
        return
    if not C[-1].any():
        nonzero = np.flatnonzero(C.any(axis=1))
        if nonzero.size == 0:
            return
        C = C[:nonzero[-1] + 1]
    v = v[:lastv]
    C -= (tau * (C @ v))[:, np.newaxis] * v


def _reflect_left(C: NDArray[np.float64], v: NDArray[np.float64], tau: float) -> None:
    """C ← (I − τ v vᵀ) C in place, skipping what LAPACK's ``dlarf`` skips.

    ``dlarf`` leaves out trailing zeros of v and trailing all-zero columns of C. That
    changes no value, only the sign of some zeros (−0.0 − 0·x is +0.0); but a zero that
    later becomes a diagonal entry α decides the sign of β, and zeros print as 0. or −0.:
    skipping them as LAPACK does keeps R's signs and Q's printed zeros equal to NumPy's,
    also on matrices with exact zeros and −0.0 entries.
    """
    lastv = v.size
    if v[-1] == 0.0:
        lastv = int(np.flatnonzero(v)[-1]) + 1
    C = C[:lastv]
    if C.shape[1] == 0:
        return
    if not C[:, -1].any():
        nonzero = np.flatnonzero(C.any(axis=0))
        if nonzero.size == 0:
            return
        C = C[:, :nonzero[-1] + 1]
    v = v[:lastv]
    C -= (tau * v)[:, np.newaxis] * (v @ C)


def _householder_qr(A: NDArray[np.float64]) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    r"""Compact Householder QR of an (M, N) matrix: LAPACK's ``dgeqrf``, stored transposed.

    Returns
    -------
    At : (N, M) ndarray
        R on and right of the diagonal (``R = triu(At.T)[:K]``); row j right of the
        diagonal holds the tail of reflector v_j. This is NumPy's ``qr(A, 'raw')[0]``.
    tau : (K,) ndarray, K = min(M, N)
        ``Q = H_0 H_1 ⋯ H_{K−1}``, ``H_j = I − τ_j v_j v_jᵀ``.
    """
    At = np.array(A.T, dtype=np.float64, order="C", copy=True)
    n, m = At.shape
    k = min(m, n)
    tau = np.zeros(k)
    # As dgeqrf: panels while more than _UNBLOCKED columns remain, then column by column.
    j1 = 0
    for j0 in range(0, k - _UNBLOCKED, _PANEL):
        j1 = j0 + _PANEL
        _factor_panel(At, tau, j0, j1, j1)
        # Trailing columns: A₂ ← (I − Y Tᵀ Yᵀ) A₂, i.e. At₂ ← At₂ − (At₂ Y) T Yᵀ.
        Yt = _unit_rows(At[j0:j1, j0:])
        T = _wy_factor(Yt.T, tau[j0:j1])
        trailing = At[j1:, j0:]
        trailing -= ((trailing @ Yt.T) @ T) @ Yt
    _factor_panel(At, tau, j1, k, n)
    return At, tau


def _form_q(Vt: NDArray[np.float64], tau: NDArray[np.float64], p: int) -> NDArray[np.float64]:
    r"""First p columns of ``Q = H_0 H_1 ⋯ H_{k−1}`` (LAPACK's ``dorgqr``), k = len(tau).

    Parameters
    ----------
    Vt : (≥k, L) ndarray
        Reflector j is ``e_j + Vt[j, j+1:]`` (the layout of `_householder_qr`'s ``At``);
        entries on and left of the diagonal are not read.
    tau : (k,) ndarray
    p : int, k ≤ p ≤ L

    Returns
    -------
    Q : (L, p) ndarray with orthonormal columns

    Notes
    -----
    Backward accumulation (Golub & Van Loan §5.1.6), blocked as ``dorgqr``: the last
    columns (all when k ≤ 128) one reflector at a time (`_form_q_unblocked`), then the
    earlier panels of 32, last panel first, each applied to the columns right of it as a
    block reflector (three products ``@``) and expanded into its own columns. When panel j₀
    is applied, rows and columns before j₀ are still those of the identity, so only
    ``Q[j₀:, j₀:]`` changes.
    """
    k = len(tau)
    L = Vt.shape[1]
    Q = np.zeros((L, p))
    last = 0                              # dorgqr's ki: where the blocked panels end
    if k > _UNBLOCKED and k > _PANEL:
        last = ((k - _UNBLOCKED - 1) // _PANEL) * _PANEL
        start = min(k, last + _PANEL)
    else:
        start = 0
    _form_q_unblocked(Q[start:, start:], Vt[start:k, start:], tau[start:k])
    if start == 0:
        return Q
    for j0 in range(last, -1, -_PANEL):
        j1 = min(j0 + _PANEL, k)
        if j1 < p:
            Yt = _unit_rows(Vt[j0:j1, j0:])
            T = _wy_factor(Yt.T, tau[j0:j1])
            block = Q[j0:, j1:]
            block -= Yt.T @ (T @ (Yt @ block))
        _form_q_unblocked(Q[j0:, j0:j1], Vt[j0:j1, j0:], tau[j0:j1])
    return Q


def _form_q_unblocked(Q: NDArray[np.float64], Vt: NDArray[np.float64],
                      tau: NDArray[np.float64]) -> None:
    """Overwrite Q (m, n) with the first n columns of H_0 ⋯ H_{k−1} (``dorg2r``), in place.

    Column i is H_i e_i = e_i − τ_i v_i (so 1 − τ_i on the diagonal, −τ_i·v below: exactly
    LAPACK's arithmetic, down to the sign of zeros) before the reflectors H_0..H_{i−1}
    are applied to it, last reflector first.
    """
    m, n = Q.shape
    k = len(tau)
    Q[:, k:] = np.eye(m, n)[:, k:]
    Yt = _unit_rows(Vt[:k])
    for i in range(k - 1, -1, -1):
        if i < n - 1:
            _reflect_left(Q[i:, i + 1:], Yt[i, i:], tau[i])
        Q[i + 1:, i] = Vt[i, i + 1:] * -tau[i]
        Q[i, i] = 1.0 - tau[i]
        Q[:i, i] = 0.0


# ---------------------------------------------------------------------------------------
# Public function
# ---------------------------------------------------------------------------------------

@overload
def qr(a: ArrayLike, mode: Literal["r"]) -> NDArray[np.float64]: ...
@overload
def qr(a: ArrayLike, mode: str = "reduced"
       ) -> QRResult | NDArray[np.float64] | tuple[NDArray[np.float64], NDArray[np.float64]]: ...
def qr(a: ArrayLike, mode: str = "reduced"
       ) -> QRResult | NDArray[np.float64] | tuple[NDArray[np.float64], NDArray[np.float64]]:
    r"""QR factorisation: A = Q R with orthonormal columns in Q and R upper trapezoidal.

    .. math::

        A = Q R, \qquad Q^\mathsf{T} Q = I, \qquad R_{ij} = 0 \text{ for } i > j,
        \qquad Q = H_0 H_1 \cdots H_{K-1}, \quad H_j = I - \tau_j v_j v_j^\mathsf{T}.

    Parameters
    ----------
    a : (M, N) array_like
        Real matrix, any shape (including M < N and empty).
    mode : {'reduced', 'complete', 'r', 'raw'}
        'reduced': Q (M, K), R (K, N) with K = min(M, N). 'complete': Q (M, M), R (M, N).
        'r': R (K, N) only. 'raw': the compact form ``(h, tau)`` of LAPACK's ``dgeqrf``,
        h (N, M) transposed as NumPy returns it. The deprecated 'full'/'f' (= 'reduced')
        and 'economic'/'e' (h untransposed, (M, N)) warn with DeprecationWarning, as NumPy.

    Returns
    -------
    QRResult(Q, R) : tuple of ndarray of float64
        For 'reduced' and 'complete'. For 'r', the (K, N) array R; for 'raw', the tuple
        ``(h, tau)`` with h (N, M) and tau (K,). float32 for float32 input (NumPy's
        rule; computed in float64, rounded at the end).

    Raises
    ------
    LinAlgError
        If `a` is not two-dimensional.
    ValueError
        If `mode` is not recognised, or `a` contains NaN or inf.
    TypeError
        If `a` is complex, float16 or long double (as NumPy), or not numbers.

    Notes
    -----
    *Algorithm* (blocked Householder QR, LAPACK's ``dgeqrf`` + ``dorgqr``)

    1. Factor: for each panel of 32 columns, compute one reflector per column with
       `_householder_vector` (``dlarfg``), applying each at once to the rest of the panel;
       then apply the panel's block reflector ``I − Y T Yᵀ`` to all columns right of it by
       three matrix products. The last 128 columns (all of them when K ≤ 128) are done one
       column at a time, each reflector applied to all columns right of it (``dgeqr2``).
    2. Read R off the upper triangle of the factored matrix.
    3. Form Q by applying the reflectors, last first, to the first columns of I: the last
       128 one at a time (``dorg2r``), earlier ones as block reflectors (``dorgqr``).

    *The textbook algorithm* `_textbook_qr` applies the same reflectors
    (`_householder_vector`, so the same Q and R in exact arithmetic, signs included) one
    at a time to the whole trailing matrix and accumulates Q forwards. This fast path
    blocks them: 32 reflectors are gathered into ``I − Y T Yᵀ`` and applied by three
    matrix products, and Q is formed backwards from the first columns of I (``dorgqr``),
    in LAPACK's order, so that the rounding follows NumPy's.

    *Complexity*: 2MN² − 2N³/3 flops for R (M ≥ N), about as many again for the reduced Q;
    O(M N) memory.

    *Numerical stability*: backward stable: the computed factors satisfy
    ``A + E = Q̂ R̂`` with ‖E‖ = O(ε‖A‖) and ‖Q̂ᵀQ̂ − I‖ = O(ε) (Higham, Accuracy and
    Stability of Numerical Algorithms, 2nd ed., Thm. 19.4), whatever the conditioning of A.

    The sign convention is LAPACK's: each reflector sends its column to β = −sign(α)‖x‖,
    where α is the current diagonal entry, so ``R[j, j]`` is negative when that entry is
    positive; a column whose part below the diagonal is already zero is not reflected
    (τ = 0) and its diagonal entry keeps its sign. This makes Q and R agree with NumPy's
    to rounding, column signs included. (α = −0.0 counts as negative, as Fortran's SIGN
    has it; when α is an exact zero its sign comes from the arithmetic of earlier updates,
    which is why this code also follows LAPACK's order of operations and skipping.)

    References
    ----------
    Golub & Van Loan, Matrix Computations, 4th ed., §5.1 (Householder reflections, the WY
    representation) and §5.2.1–5.2.3 (Householder QR, blocked). Trefethen & Bau, Numerical
    Linear Algebra, Lecture 10. Schreiber & Van Loan, "A storage-efficient WY
    representation for products of Householder transformations", SIAM J. Sci. Stat.
    Comput. 10 (1989).

    Checked against ``reference.linalg.qr`` → ``numpy.linalg.qr``. Q and R agree to
    rounding, signs included; the last bits may differ (a different blocking of the same
    reflectors, and a different summation order in norms).

    Examples
    --------
    >>> import numpy as np
    >>> from mathml.linalg._qr import qr
    >>> Q, R = qr([[3.0, 1.0], [4.0, 2.0]])
    >>> print(np.round(Q, 4))
    [[-0.6 -0.8]
     [-0.8  0.6]]
    >>> print(np.round(R, 4))
    [[-5.  -2.2]
     [ 0.   0.4]]

    The first column (3, 4) is reflected to −5·e₁ (β = −sign(3)·5); the last diagonal
    entry has nothing below it, so it is not reflected and keeps its sign, as in NumPy.

    >>> print(np.round(Q @ R, 10))
    [[3. 1.]
     [4. 2.]]
    """
    mode = _check_mode(mode)
    A, dtype = matrix(a)
    m, n = A.shape
    # Step 1: factor (compact form, transposed as LAPACK stores it in column-major order).
    At, tau = _householder_qr(A)
    if mode == "raw":
        return At.astype(dtype, copy=False), tau.astype(dtype, copy=False)
    if mode == "economic":
        return At.T.astype(dtype)
    # Step 2: R from the upper triangle; 'complete' with M > N keeps all M rows.
    rows = m if (mode == "complete" and m > n) else min(m, n)
    R = np.triu(At.T[:rows]).astype(dtype, copy=False)
    if mode == "r":
        return R
    # Step 3: Q from the reflectors.
    Q = _form_q(At, tau, rows)
    return QRResult(Q.astype(dtype, copy=False), R)


def _check_mode(mode: str) -> str:
    """NumPy's mode names, its deprecated aliases (with its warnings), and its error."""
    if mode in ("reduced", "complete", "r", "raw"):
        return mode
    if mode in ("f", "full"):
        warnings.warn("The 'full' option is deprecated in favor of 'reduced'.\n"
                      "For backward compatibility let mode default.",
                      DeprecationWarning, stacklevel=3)
        return "reduced"
    if mode in ("e", "economic"):
        warnings.warn("The 'economic' option is deprecated.", DeprecationWarning, stacklevel=3)
        return "economic"
    raise ValueError(f"Unrecognized mode '{mode}'")
