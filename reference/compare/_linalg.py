"""Strategies and defining properties of linear algebra (the factorisations' freedoms).

Answers in single precision (NumPy's float32 in, float32 out) are judged by the same rules
counted in float32's units: the properties' bounds with float32's eps, and the strategies
``<name> (dtype)``, which first require every array of the answer to have the reference's
dtype exactly (the generic comparison checks only the kind: float against integer).
"""
from __future__ import annotations

from dataclasses import replace

import math

import numpy as np

from ._agree import Agreement, agree
from ._canon import canon_qr
from ._strategy import STRATEGIES, properties, strategy
from ._tolerances import EPS, TOLERANCES, Tolerance, condition_number

EPS32 = float(np.finfo(np.float32).eps)


def _rel(x: float, scale: float) -> float:
    return float(x) / max(float(scale), np.finfo(float).tiny)


def _norm(A) -> float:
    """Spectral norm (complex entries kept: an eigen-residual can be complex)."""
    A = np.asarray(A)
    A = A if np.iscomplexobj(A) else A.astype(float)
    return float(np.linalg.norm(A, 2)) if A.size else 0.0


def _vector_norm(v) -> float:
    """‖v‖₂ without underflow or overflow (numpy's squares the entries: ‖[8e-197]‖ = 0)."""
    v = np.abs(np.asarray(v, dtype=float)).ravel()
    scale = float(v.max(initial=0.0))
    return scale * float(np.linalg.norm(v / scale)) if scale > 0 and np.isfinite(scale) else scale


def _orthonormal_columns(Q, name="QᵀQ − I") -> dict:
    Q = np.asarray(Q)
    k = Q.shape[1]
    return {name: (float(np.abs(Q.conj().T @ Q - np.eye(k)).max(initial=0.0)),
                   1e3 * _eps(Q) * max(k, 1))}


def _leaves(x):
    """The arrays of an answer (tuples, named tuples and lists of arrays walked)."""
    if isinstance(x, (tuple, list)):
        for item in x:
            yield from _leaves(item)
    else:
        yield np.asarray(x)


def _eps(result) -> float:
    """The machine epsilon of an answer: float32's when it holds a single-precision array
    (float32 or complex64), float64's otherwise."""
    single = any(a.dtype in (np.float32, np.complex64) for a in _leaves(result))
    return EPS32 if single else EPS


def in_precision(tol: Tolerance, eps: float) -> Tolerance:
    """`tol` for answers of machine epsilon `eps`: the same rule counted in units of `eps`
    instead of float64's (each term of an entry is a multiple of eps: its condition term
    c·cond^p·eps, its floor a few hundred ulps), the floor capped at 1000 ulps of `eps`
    (the floors far above eps stand for accuracies the float64 algorithms reach, 1e-9 for
    gap-limited eigenvectors; in float32 the rounding of the answer dominates them)."""
    if eps == EPS:
        return tol
    ratio = eps / EPS
    return replace(tol, rtol=min(tol.rtol * ratio, 1e3 * eps), atol=tol.atol * ratio,
                   cond_factor=tol.cond_factor * ratio,
                   reason=f"{tol.reason} (counted in units of eps = {eps:.3g})")


def _dtype_difference(got, expected) -> str:
    """Where an array of `got` has another dtype than the reference's ('' if none)."""
    for i, (g, e) in enumerate(zip(_leaves(got), _leaves(expected))):
        if g.dtype != e.dtype:
            return f"result leaf {i}: dtype {g.dtype} where the reference has {e.dtype}"
    return ""


def _with_dtype(base: str) -> None:
    """Register ``<base> (dtype)``: the dtypes of the answer exactly as the reference's,
    then `base` under the concept's tolerance counted in the answer's precision."""
    rule = STRATEGIES[base]

    def compare(got, expected, c, tol, concept):
        wrong = _dtype_difference(got, expected)
        # the rule reads the input's values (its condition number, its canonical form) in
        # float64, which holds float32, float16 and integers exactly
        c64 = replace(c, args=tuple(np.asarray(a, dtype=np.float64)
                                    if isinstance(a, np.ndarray) and a.dtype.kind in "biuf"
                                    else a for a in c.args))
        verdict = rule.compare(got, expected, c64, in_precision(tol, _eps(expected)), concept)
        if not wrong:
            return verdict
        if not verdict.ok:  # the values first: the dtype is the lesser difference
            return replace(verdict, detail=f"{verdict.detail}; and {wrong}")
        # as `agree` does for a kind of dtype: the tests fail on it, a learner's checker
        # notes it (equal values computed in float64 for a float32 input are not wrong)
        note = f"{wrong}, equal values"
        return replace(verdict, ok=False, detail=note, notes=(*verdict.notes, note),
                       kinds_only=True)
    compare.__doc__ = (
        "NumPy's dtype rule (float32 in, float32 out; integers give float64): every array "
        "of the answer must have the reference's dtype exactly, and the values are then "
        f"compared as {base!r} with the tolerance counted in units of the answer's eps "
        "(float32's for a single-precision answer). " + rule.reason)
    strategy(f"{base} (dtype)", rule.kind)(compare)


# --- defining properties, checked on each answer ------------------------------------------

@properties("inv")
def _inv_properties(c, X):
    A = np.asarray(c.args[0], dtype=float)
    n = A.shape[0]
    return {"‖AX − I‖ / (‖A‖‖X‖)":
            (_rel(_norm(A @ X - np.eye(n)), _norm(A) * _norm(X)), 1e3 * _eps(X) * max(n, 1))}


@properties("solve")
def _solve_properties(c, x):
    A, b = (np.asarray(v, dtype=float) for v in c.args)
    scale = _norm(A) * _norm(x) + _norm(b)
    # Storing x in its type rounds each entry by half an ulp: relative (within ε) for a
    # normal number, but absolute, up to half the smallest subnormal, for an underflowing
    # one (float32: x = 1.4e-45 / 0.0316 = 4.43e-44 is stored as 4.48e-44, 0.6 % away). That
    # part of the residual, at most ‖A‖·√n·(smallest subnormal), is no backward error.
    x_arr = np.asarray(x)
    tiny = float(np.finfo(x_arr.dtype).smallest_subnormal) if x_arr.dtype.kind == "f" else 0.0
    storage = _norm(A) * math.sqrt(max(x_arr.size, 1)) * tiny
    return {"backward error ‖Ax − b‖ / (‖A‖‖x‖ + ‖b‖)":
            (_rel(max(_norm(A @ x - b) - storage, 0.0), scale), 1e3 * _eps(x) * A.shape[0])}


@properties("lu")
def _lu_properties(c, result):
    A = np.asarray(c.args[0], dtype=float)
    if c.kwargs.get("permute_l"):
        PL, U = result
        residual = PL @ U - A
    else:
        P, L, U = result
        residual = P @ L @ U - A
    return {"‖PLU − A‖ / ‖A‖": (_rel(_norm(residual), _norm(A)), 1e3 * _eps(result) * max(A.shape))}


@properties("cholesky")
def _cholesky_properties(c, L):
    A = np.asarray(c.args[0], dtype=float)
    R = L.T @ L if c.kwargs.get("upper") else L @ L.T
    return {"‖LLᵀ − A‖ / ‖A‖": (_rel(_norm(R - A), _norm(A)), 1e3 * _eps(L) * A.shape[0])}


@properties("qr")
def _qr_properties(c, result):
    A = np.asarray(c.args[0], dtype=float)
    if c.kwargs.get("mode") == "r":
        return {}
    Q, R = result
    return {"‖QR − A‖ / ‖A‖": (_rel(_norm(Q @ R - A), _norm(A)),
                               1e3 * _eps(result) * max(A.shape, default=1)),
            **_orthonormal_columns(Q)}


@properties("eigh")
def _eigh_properties(c, result):
    A = np.asarray(c.args[0], dtype=float)
    w, V = result
    return {"‖AV − VΛ‖ / ‖A‖": (_rel(_norm(A @ V - V * w), _norm(A)), 1e3 * _eps(result) * A.shape[0]),
            **_orthonormal_columns(V, "VᵀV − I")}


@properties("eig")
def _eig_properties(c, result):
    A = np.asarray(c.args[0], dtype=float)
    w, V = result
    return {"‖AV − VΛ‖ / ‖A‖": (_rel(_norm(A @ V - V * w), _norm(A)), 1e3 * _eps(result) * A.shape[0]),
            "max | ‖v_i‖ − 1 |": (float(np.abs(np.linalg.norm(V, axis=0) - 1).max(initial=0)),
                                  1e3 * _eps(result))}


@properties("svd")
def _svd_properties(c, result):
    if not isinstance(result, tuple):
        return {}
    A = np.asarray(c.args[0], dtype=float)
    U, S, Vh = result
    k = S.shape[0]
    US = U[:, :k] * S
    return {"‖U S Vh − A‖ / ‖A‖": (_rel(_norm(US @ Vh[:k] - A), _norm(A)), 1e3 * _eps(result) * max(A.shape)),
            **_orthonormal_columns(U, "UᵀU − I"), **_orthonormal_columns(Vh.T, "V Vᵀ − I")}


@properties("pinv")
def _pinv_properties(c, X):
    A = np.asarray(c.args[0], dtype=float)
    return {"‖A X A − A‖ / ‖A‖ (Penrose 1)": (_rel(_norm(A @ X @ A - A), _norm(A)),
                                             1e4 * _eps(X) * max(A.shape))}


@strategy("lu", "exact")
def _lu(got, expected, c, tol, concept):
    """P, L, U compared as 'exact' within the concept's tolerance, unless some pivot
    choice was decided by rounding — two candidates of equal magnitude up to rounding (a
    multiplier |l_ij| within 1e-10 of 1 in SciPy's L), or a pivot so small that the rounding
    of its column, amplified by ‖A‖/|u_jj|, exceeds the tolerance (a numerically singular
    column is the extreme case: all its candidates are noise) — where both choices are
    right and the entries below are defined only to that accuracy: then each answer must
    have the defining structure (P a permutation, L unit lower with |l_ij| ≤ 1, U upper),
    and P·L·U = A is checked by the 'lu' properties. Both
    conditions are read from SciPy's answer (``expected``); with ``permute_l`` its first
    factor is P·L, whose entries are L's permuted, the k unit diagonal ones among them."""
    A = np.asarray(c.args[0], dtype=float)
    k = min(A.shape)
    U_ref = np.asarray(expected[-1])
    eps = _eps(expected)  # SciPy factors float32 in single precision: ties at its rounding
    tie = max(1e-10, 1e3 * eps)
    if c.kwargs.get("permute_l"):
        entries = np.abs(np.asarray(expected[0])).ravel()
        near_one = int((np.abs(entries - 1.0) < tie).sum()) - k  # less the unit diagonal
    else:
        below = np.abs(np.tril(np.asarray(expected[1]), -1))
        near_one = int((np.abs(below[below > 0] - 1.0) < tie).sum())
    # a pivot so small that rounding in its column, amplified by ‖A‖/|u_jj| in L below it,
    # exceeds the tolerance (at rounding level every candidate is noise, and so is the
    # choice): there the factors are defined only as well as the pivot is
    rtol, _ = tol.effective(c.args)
    small_pivot = k and np.abs(np.diag(U_ref)[:k]).min() * rtol <= eps * max(_norm(A), 1e-300)
    if not small_pivot and near_one == 0:
        return agree(got, expected, tol, args=c.args)
    if c.kwargs.get("permute_l"):
        return Agreement(True)  # P·L and U: only the product is defined; invariants
    P, L, U = got
    problems = []
    if not (np.isin(P, (0.0, 1.0)).all() and (P.sum(axis=0) == 1).all() and (P.sum(axis=1) == 1).all()):
        problems.append("P is not a permutation matrix")
    if not (np.allclose(np.diag(L[:k, :k]), 1.0) and np.allclose(np.triu(L[:k, :k], 1), 0.0)
            and np.abs(L).max(initial=0) <= 1 + 1e-12):
        problems.append("L is not unit lower triangular with |l_ij| ≤ 1")
    if not np.allclose(np.tril(U, -1), 0.0):
        problems.append("U is not upper triangular")
    return Agreement(not problems, detail="; ".join(problems))


@strategy("qr", "sign")
def _qr(got, expected, c, tol, concept):
    """Canonical signs ('decomposition' after `canon_qr`), unless the leading k×k block of A
    is numerically singular (a wide matrix can have full rank and still such a block): then
    an entry of R's diagonal is rounding noise and the matching column of Q is fixed only up
    to a sign that noise chooses — QR is not unique — and the invariants (QR = A, QᵀQ = I)
    are what both answers must satisfy. "Numerically singular" is judged at the comparison's
    own tolerance, as for LU's pivots: the rows of R after a pivot r_jj move by about
    ε‖A‖/|r_jj| relative under rounding, so where |r_jj|·rtol ≤ ε‖A‖ the data do not fix
    them to rtol (a 5 × 6 matrix with r₃₃ = 3.6e-13, ‖A‖ = 1: rows 4–5 of R differ by 3e-4
    between LAPACK, mathml's Householder QR and its textbook QR)."""

    A = np.asarray(c.args[0], dtype=float)
    R = np.asarray(expected if c.kwargs.get("mode") == "r" else expected[1])
    k = min(A.shape)
    rtol, _ = tol.effective(c.args)
    if k and np.abs(np.diag(R)[:k]).min() * rtol <= _eps(expected) * max(_norm(A), np.finfo(float).tiny):
        structure = np.allclose(np.tril(np.asarray(got if c.kwargs.get("mode") == "r" else got[1]), -1), 0)
        return Agreement(structure, detail="" if structure else "R is not upper triangular")
    return agree(got, expected, tol, args=c.args, canon=canon_qr)


@strategy("lstsq", "exact")
def _lstsq(got, expected, c, tol, concept):
    """x under the concept's tolerance ('least_squares'), rank and singular values under
    their own entries, and the residual sums of squares through their square roots, the
    residual norms, absolutely:
    a backward-stable solver gets ‖b − Ax‖ to c·cond(A)·eps·‖b‖, so when b (nearly) lies in
    the range of A both residuals are rounding noise, equal only to that absolute level."""
    if not (isinstance(got, tuple) and len(got) == 4):
        return Agreement(False, np.inf, np.inf, detail=f"expected numpy's 4-tuple, got {got!r}")
    # x: rtol c·cond²·eps (the 'least_squares' entry) plus the absolute term of the LS
    # perturbation bound, c·cond²·eps·‖r‖/‖A‖ ≤ c·cond²·eps·‖b‖/‖A‖ (Golub & Van Loan
    # §5.3.8), which dominates when b is nearly orthogonal to the range of A and x ≈ 0
    A, b = (np.asarray(v, dtype=float) for v in c.args)
    ls = tol
    kappa = condition_number((A,))
    rtol_x, _ = ls.effective(c.args)
    atol_x = ls.cond_factor * kappa ** 2 * EPS * _vector_norm(b) / max(_norm(A), 1e-300)
    verdict = agree(got[0], expected[0], Tolerance(
        rtol_x, atol_x, "least-squares solution, relative and absolute terms", normwise=True))
    verdict = verdict.worse(agree(got[2], expected[2], "identical"))
    verdict = verdict.worse(agree(got[3], expected[3],
                                  in_precision(TOLERANCES["spectrum"], _eps(expected))))
    bound = ls.cond_factor * condition_number((A,)) \
        * EPS * max(_vector_norm(b), np.finfo(float).tiny)
    norms = Tolerance(0.0, bound, "residual norms, absolutely (see the 'lstsq' strategy)")
    got_res, exp_res = np.asarray(got[1]), np.asarray(expected[1])
    if got_res.shape != exp_res.shape:
        return verdict.worse(Agreement(False, np.inf, np.inf, detail=(
            f"residuals: shape {got_res.shape} where the reference has {exp_res.shape}")))
    return verdict.worse(agree(np.sqrt(np.maximum(got_res, 0)),
                               np.sqrt(np.maximum(exp_res, 0)), norms))


for _base in ("exact", "lu", "qr", "eigh", "eig", "svd", "lstsq"):
    _with_dtype(_base)
