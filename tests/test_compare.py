"""The one agreement function and its tolerance table: each rule can fail."""
import dataclasses
from collections import namedtuple

import numpy as np
import pytest

from reference import catalog, compare
from reference.compare import Tolerance, agree

EXACT = Tolerance(1e-12, 0.0, "test")
NORMWISE = Tolerance(1e-12, 0.0, "test", normwise=True)


def test_every_entry_gives_its_reason():
    for name, tol in compare.TOLERANCES.items():
        assert len(tol.reason) > 40, name
        assert tol.rtol <= 1e-6 or name in ("quadrature",), f"{name}: {tol.rtol}"


def test_within_and_beyond_the_tolerance():
    assert agree(np.array([1.0, 2.0]), np.array([1.0, 2.0 + 1e-13]), EXACT).ok
    verdict = agree(np.array([1.0, 2.0]), np.array([1.0, 2.0 + 1e-9]), EXACT)
    assert not verdict.ok and "[1]" in verdict.detail


def test_entrywise_versus_normwise():
    got, expected = np.array([1.0, 1e-20]), np.array([1.0, 2e-20])
    assert not agree(got, expected, EXACT).ok          # the small entry is 50 % off
    assert agree(got, expected, NORMWISE).ok           # negligible against the largest


def test_structure_shape_and_kind_must_match():
    Pair = namedtuple("Pair", "a b")
    assert not agree((1.0,), (1.0, 2.0), EXACT).ok
    assert "shape" in agree(np.ones(3), np.ones((3, 1)), EXACT).detail
    assert "dtype" in agree(np.array([1, 2]), np.array([1.0, 2.0]), EXACT).detail
    assert "dtype" in agree(np.array([1.0]), np.array([1.0 + 0j]), EXACT).detail
    assert "result.b" in agree(Pair(1.0, 2.0), Pair(1.0, 3.0), EXACT).detail
    assert not agree({"x": 1.0}, {"y": 1.0}, EXACT).ok


def test_nan_and_inf_must_stand_in_the_same_places():
    assert agree(np.array([np.nan, np.inf]), np.array([np.nan, np.inf]), EXACT).ok
    assert not agree(np.array([np.nan, 1.0]), np.array([1.0, 1.0]), EXACT).ok
    assert not agree(np.array([np.inf]), np.array([-np.inf]), EXACT).ok


def test_the_condition_number_widens_direct_tolerances():
    A = np.diag([1.0, 1e-6])  # cond 1e6
    direct = compare.TOLERANCES["direct"]
    rtol, _ = direct.effective((A,))
    assert rtol == pytest.approx(50 * 1e6 * compare.EPS)
    assert direct.effective((np.eye(2),))[0] == direct.rtol


def test_log_determinant_is_absolute_near_zero():
    log_det = compare.TOLERANCES["log_determinant"]
    assert agree((1.0, -5e-16), (1.0, -6e-16), log_det, args=(np.eye(3),)).ok
    assert not agree((1.0, -5e-10), (1.0, -6e-16), log_det, args=(np.eye(3),)).ok


def test_canonicalisers_remove_only_the_freedom():
    V = np.array([[0.6, -0.8], [0.8, 0.6]])
    w = np.array([1.0, 2.0])
    assert agree((w, V), (w, -V), "decomposition", canon=compare.canon_eigh).ok
    swapped = V[:, ::-1]
    assert not agree((w, V), (w, swapped), "decomposition", canon=compare.canon_eigh).ok
    U, S, Vh = np.linalg.svd(np.array([[3.0, 1.0], [1.0, 2.0], [0.0, 1.0]]))
    flipped = (U * [-1, 1, 1], S, Vh * np.array([[-1], [1]]))
    assert agree((U, S, Vh), flipped, "decomposition", canon=compare.canon_svd).ok
    one_sided = (U * [-1, 1, 1], S, Vh)  # u flipped without its v: a different matrix
    assert not agree((U, S, Vh), one_sided, "decomposition", canon=compare.canon_svd).ok
    w = np.array([1 + 2j, 1 - 2j, 3.0])
    assert agree(w, w[::-1], "spectrum", canon=compare.canon_eig).ok


def test_canon_svd_compares_the_extra_columns_through_their_projector():
    """full_matrices=True adds columns that are any basis of a complement: two correct
    answers may differ there by a rotation, not only by signs."""
    A = np.array([[3.0, 1.0], [1.0, 2.0], [0.0, 1.0], [1.0, 0.0]])
    U, S, Vh = np.linalg.svd(A)
    c, s = np.cos(0.7), np.sin(0.7)
    rotated = U.copy()
    rotated[:, 2:] = U[:, 2:] @ np.array([[c, -s], [s, c]])
    assert agree((U, S, Vh), (rotated, S, Vh), "decomposition", canon=compare.canon_svd).ok


def test_canon_qr_allows_joint_flips_only():
    Q, R = np.linalg.qr(np.random.default_rng(0).uniform(size=(4, 3)))
    D = np.diag([-1.0, 1.0, -1.0])
    assert agree((Q @ D, D @ R), (Q, R), "decomposition", canon=compare.canon_qr).ok
    alone = Q.copy()
    alone[:, 0] *= -1  # a different product: not a QR factorisation of the same matrix
    assert not agree((alone, R), (Q, R), "decomposition", canon=compare.canon_qr).ok


def test_subnormal_results_agree_to_their_absolute_precision():
    """Below the smallest normal number floats step by 4.9e-324: one step is rounding."""
    assert agree(np.array([1e-323]), np.array([5e-324]), "least_squares").ok
    assert not agree(np.array([1e-300]), np.array([5e-324]), "least_squares").ok
    assert not agree(np.array([1e-323]), np.array([5e-324]), "identical").ok


# --- the named strategies and property sets ------------------------------------------------------


def test_every_strategy_has_a_kind_and_a_reason():
    for name, s in compare.STRATEGIES.items():
        assert s.name == name and s.kind in compare.KINDS, name
        assert len(s.reason) > 60, f"{name}: give the reason the comparison is right"


def test_every_strategy_and_property_set_is_used():
    """No dead rules: each strategy compares some case, each property set some concept."""
    concepts = catalog.all_concepts()
    used = {c.strategy_of(k).name for c in concepts for k in (None, *c.cases)}
    assert set(compare.STRATEGIES) - used == set()
    assert set(compare.PROPERTIES) - {c.properties for c in concepts} == set()


@pytest.mark.parametrize("field, value", [("comparison", "no such strategy"),
                                          ("tolerance", "no such tolerance"),
                                          ("properties", "no such properties")])
def test_an_entry_must_name_registered_rules(field, value):
    inv = catalog.get("linalg.inv")
    with pytest.raises(ValueError, match=value):
        dataclasses.replace(inv, **{field: value})
    with pytest.raises(ValueError, match="no such"):
        dataclasses.replace(inv, cases=(inv.cases[0].compared("no such strategy"),))


def test_the_kind_is_derived_from_the_strategies():
    assert catalog.get("linalg.inv").kind == "exact"
    assert catalog.get("linalg.svd").kind == "sign"
    assert catalog.get("linalg.eig").compared_by == "perm: eig, perm: eig (dtype)"
    norm = catalog.get("stats.norm")  # pdf exactly, ppf as a quantile, rvs statistically
    assert set(norm.kind.split("+")) == {"exact", "stat"}
    assert {"exact", "exact: quantile", "stat: sampling"} <= set(norm.compared_by.split(", "))


def _strategy_verdict(name, got, concept, case, expected=None):
    c = catalog.get(concept)
    expected = c.apply(c.reference, case) if expected is None else expected
    return compare.STRATEGIES[name].compare(got, expected, case,
                                            compare.TOLERANCES[c.tolerance_of(case)], c)


def test_lu_strategy_is_exact_without_ties_and_structural_with_them():
    A = np.array([[1.0, 2.0], [3.0, 4.0]])
    c = catalog.case(A)
    P, L, U = catalog.get("linalg.lu").apply(catalog.get("linalg.lu").reference, c)
    assert _strategy_verdict("lu", (P, L, U), "linalg.lu", c).ok
    assert not _strategy_verdict("lu", (P[::-1], L, U), "linalg.lu", c).ok   # no tie: P is fixed
    tied = np.array([[1.0, 2.0], [1.0, 3.0]])                                # |l21| = 1: a tie
    c = catalog.case(tied)
    expected = catalog.get("linalg.lu").apply(catalog.get("linalg.lu").reference, c)
    other = (np.array([[0.0, 1.0], [1.0, 0.0]]), np.array([[1.0, 0.0], [1.0, 1.0]]),
             np.array([[1.0, 3.0], [0.0, -1.0]]))                            # the other pivot
    assert _strategy_verdict("lu", other, "linalg.lu", c, expected).ok
    not_a_permutation = (2 * other[0], other[1], other[2])
    assert not _strategy_verdict("lu", not_a_permutation, "linalg.lu", c, expected).ok


def test_qr_strategy_allows_joint_flips_only():
    A = np.array([[2.0, 1.0], [1.0, 3.0], [0.0, 1.0]])
    c = catalog.case(A)
    Q, R = catalog.get("linalg.qr").apply(catalog.get("linalg.qr").reference, c)
    assert _strategy_verdict("qr", (-Q, -R), "linalg.qr", c).ok
    assert not _strategy_verdict("qr", (-Q, R), "linalg.qr", c).ok


def test_quantile_strategy_allows_a_step_of_the_discrete_cdf_only():
    c = catalog.case("ppf", {"n": 4, "p": 0.5}, np.array([0.3125])).compared("quantile",
                                                                               "quantile")
    expected = np.array([1.0])                     # F(1) = 5/16 = 0.3125 exactly: 1 or 2
    assert _strategy_verdict("quantile", np.array([2.0]), "stats.binom", c, expected).ok
    assert not _strategy_verdict("quantile", np.array([3.0]), "stats.binom", c, expected).ok


def test_sampling_strategy_rejects_a_sample_of_another_distribution():
    c = catalog.case("rvs", {"loc": 0.0, "scale": 1.0}, size=2000)
    rng = np.random.RandomState(0)
    right = rng.standard_normal(2000)
    assert _strategy_verdict("sampling", right, "stats.norm", c, right.copy()).ok
    verdict = _strategy_verdict("sampling", right + 0.3, "stats.norm", c, right.copy())
    assert not verdict.ok and "mathml's sample fails" in verdict.detail


def test_optimum_strategy_compares_success_then_the_minimiser():
    ok = {"x": np.array([1.0, 2.0]), "fun": 0.0, "success": True, "status": 0}
    c = catalog.case(None)
    assert _strategy_verdict("optimum", dict(ok), "optimize.minimize", c, ok).ok
    moved = {**ok, "x": np.array([1.0, 2.001])}
    assert not _strategy_verdict("optimum", moved, "optimize.minimize", c, ok).ok
    failed = {**ok, "success": False, "status": 2}
    assert not _strategy_verdict("optimum", failed, "optimize.minimize", c, ok).ok
