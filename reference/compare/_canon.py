"""Canonicalisers: one representative of answers equal up to a legitimate freedom (the sign
of an eigenvector, the order of eigenvalues), so that the comparison afterwards can be exact."""
from __future__ import annotations

import numpy as np

__all__ = ["canon_eigh", "canon_svd", "canon_qr", "canon_eig"]


def _fix_column_signs(V: np.ndarray, *others: np.ndarray):
    """Flip each column of V (and the same column of each of `others`) so that its entry of
    largest magnitude is positive; ties go to the first such entry."""
    V = np.asarray(V)
    if V.size == 0:
        return (V, *others)
    idx = np.argmax(np.abs(V) - 1e-12 * np.arange(V.shape[0])[:, None] * np.abs(V).max(), axis=0)
    signs = np.sign(V[idx, np.arange(V.shape[1])])
    signs[signs == 0] = 1.0
    return (V * signs, *(o * signs for o in others))


def canon_eigh(result, args):
    """(w, V) of a symmetric matrix: eigenvector signs fixed (largest entry positive)."""
    if not isinstance(result, tuple):
        return result
    w, V = result
    (V,) = _fix_column_signs(V)
    return type(result)(w, V) if hasattr(result, "_fields") else (w, V)


def canon_svd(result, args):
    """(U, S, Vh) → (U_k, S, Vh_k, P_U, P_V): each pair (u_i, v_i) flipped together so that
    v_i's largest entry is positive (scikit-learn's ``svd_flip(u_based_decision=False)``);
    the columns beyond k = len(S) that ``full_matrices=True`` adds are any orthonormal basis
    of a complement, so they are compared through their projectors P = W Wᵀ."""
    if not isinstance(result, tuple):
        return result
    U, S, Vh = (np.asarray(x) for x in result)
    k = S.shape[0]
    Vk, Uk = _fix_column_signs(Vh[:k].T, U[:, :k])
    U_rest, V_rest = U[:, k:], Vh[k:].T
    return (Uk, S, Vk.T, U_rest @ U_rest.T, V_rest @ V_rest.T)


def canon_qr(result, args):
    """QR with R's diagonal made non-negative (each column of Q and row of R flipped
    together; the unique QR of a full-rank matrix), and the columns that mode='complete'
    adds beyond k = min(M, N) compared through their projector. Householder's sign rule
    depends on the sign of the entry it starts from, which is rounding noise when that entry
    is; mathml reproduces LAPACK's rule, so on ordinary matrices no flip happens (tested
    without canonicalisation in tests/test_linalg.py)."""
    if not isinstance(result, tuple):  # mode='r'
        R = np.asarray(result)
        d = np.sign(np.diag(R))
        d[d == 0] = 1.0
        return R * np.concatenate([d, np.ones(R.shape[0] - d.size)])[:, None]
    Q, R = (np.asarray(x) for x in result)
    k = min(R.shape)
    d = np.sign(np.diag(R))
    d[d == 0] = 1.0
    Q_rest = Q[:, k:]
    return (Q[:, :k] * d, R[:k] * d[:, None], R[k:], Q_rest @ Q_rest.T)


def canon_eig(result, args):
    """Eigenvalues of a general matrix sorted (real part, then imaginary part), eigenvectors
    permuted alongside, each scaled to unit norm with its largest entry (the first within
    0.1 % of the largest) real positive."""
    vectors = isinstance(result, tuple)
    w, V = result if vectors else (result, None)
    w = np.asarray(w)
    order = _sort_complex(w)
    w = w[order]
    if not vectors:
        return w
    V = np.asarray(V)[:, order]
    if V.size:
        # the phase is set by the first entry within 0.1 % of the column's largest modulus:
        # entries of equal modulus are common ([[a, −b], [b, d]] with complex eigenvalues
        # has |v₁| = |v₂| exactly), and rounding (1e-7 in float32) must not choose between them
        mod = np.abs(V)
        idx = np.argmax(mod >= (1.0 - 1e-3) * mod.max(axis=0), axis=0)
        pivot = V[idx, np.arange(V.shape[1])]
        phase = np.where(pivot == 0, 1.0, np.abs(pivot) / np.where(pivot == 0, 1.0, pivot))
        V = V * phase
        if not np.iscomplexobj(result[1]):
            V = V.real
    return type(result)(w, V) if hasattr(result, "_fields") else (w, V)


def _sort_complex(w: np.ndarray) -> np.ndarray:
    """Order by real part, then imaginary part; real parts within 1e-8 of each other
    (relative to the largest |w|) count as equal, so a conjugate pair whose real parts
    differ in the last bit still sorts by its imaginary parts."""
    if w.size == 0:
        return np.arange(0)
    by_real = np.argsort(w.real, kind="stable")
    scale = max(1.0, float(np.abs(w).max()))
    group = np.concatenate([[0], np.cumsum(np.diff(w.real[by_real]) > 1e-8 * scale)])
    group_of = np.empty(w.size, dtype=int)
    group_of[by_real] = group
    return np.lexsort((w.imag, group_of))
