"""Specifics of `mathml.neighbors`: the documented tie-breaking, the queries of issue 14."""
import numpy as np
import pytest
import sklearn.neighbors as sk

from mathml.exceptions import InvalidParameterError
from mathml.neighbors import KNeighborsClassifier, KNeighborsRegressor, _k_smallest


def test_k_smallest_is_a_stable_sort_prefix():
    rng = np.random.default_rng(0)
    for _ in range(500):
        m, n = rng.integers(1, 6), rng.integers(1, 30)
        k = int(rng.integers(1, n + 1))
        D = rng.integers(0, 4, (m, n)).astype(float)  # many ties
        np.testing.assert_array_equal(_k_smallest(D, k),
                                      np.argsort(D, axis=1, kind="stable")[:, :k])


def _stable_prefix_and_ties(D, k):
    """The definition: a stable sort of each whole row, its first k; tied when two of the k
    are equal or the k-th value occurs again among the entries left out."""
    index = np.argsort(D, axis=1, kind="stable")[:, :k]
    rows = []
    for row, chosen in zip(D, index):
        values = row[chosen]
        left_out = np.delete(row, chosen)
        rows.append(bool(np.any(values[1:] == values[:-1]) or np.any(left_out == values[-1])))
    return index, np.array(rows, dtype=bool)


@pytest.mark.parametrize("shape", ["random", "ordered", "one group", "nan"])
def test_k_smallest_with_ties_beyond_the_grouped_bound(shape):
    """Rows long enough (≥ 128 entries) for the bound from column-group minima: the same
    indices as a stable full sort and the same tie flags, with many ties, neighbours at
    consecutive columns, all the smallest in one group (columns ≡ 0 mod 64, the bound then
    loose), and NaN entries (sorted last, never equal)."""
    from mathml.neighbors._knn import _k_smallest_with_ties
    rng = np.random.default_rng(["random", "ordered", "one group", "nan"].index(shape))
    for _ in range(60):
        m, n = int(rng.integers(1, 12)), int(rng.integers(128, 700))
        k = int(rng.choice([1, 2, 5, 6, 33, 70, n - 1, n]))
        if shape == "random":
            D = rng.integers(0, int(rng.choice([3, 50, 10 ** 6])), (m, n)).astype(float)
        elif shape == "ordered":  # |i − j|-like distances: the nearest have adjacent indices
            D = np.abs(rng.integers(0, n, (m, 1)) - np.arange(n)).astype(float)
            D += rng.integers(0, 2, (m, n)) * 0.5
        elif shape == "one group":
            D = rng.uniform(10, 20, (m, n))
            D[:, ::64] = rng.integers(0, 3, (m, len(range(0, n, 64))))
        else:
            D = rng.integers(0, 6, (m, n)).astype(float)
            D[rng.random((m, n)) < rng.choice([0.01, 0.5, 0.99])] = np.nan
        index, tied = _k_smallest_with_ties(D, k)
        expected_index, expected_tied = _stable_prefix_and_ties(D, k)
        np.testing.assert_array_equal(index, expected_index)
        np.testing.assert_array_equal(tied, expected_tied)


def test_equidistant_neighbours_are_taken_by_training_index():
    """Two training points at distance 1 from the query, k = 1: the first one wins."""
    X = np.array([[-1.0], [1.0]])
    model = KNeighborsClassifier(n_neighbors=1).fit(X, ["left", "right"])
    assert model.predict([[0.0]]).tolist() == ["left"]
    model = KNeighborsClassifier(n_neighbors=1).fit(X[::-1], ["right", "left"])
    assert model.predict([[0.0]]).tolist() == ["right"]


def test_zero_distance_takes_all_the_weight():
    X = np.array([[0.0], [1.0], [2.0]])
    model = KNeighborsClassifier(n_neighbors=3, weights="distance").fit(X, [0, 1, 1])
    np.testing.assert_array_equal(model.predict_proba([[0.0]]), [[1.0, 0.0]])


# --- issue 14: metrics, kneighbors without X, the dense graph -----------------------------------


def test_brute_force_in_row_blocks_as_scikit_learn():
    """1600 queries × 1000 training points: the Manhattan search runs in two blocks of 800
    queries; scikit-learn's strategy is still the one for 1600 queries (more queries than
    training points), not for a block's 800, so tied rows come in its order."""
    from sklearn.utils._openmp_helpers import _openmp_effective_n_threads

    from mathml.neighbors._knn import _openmp_threads, _row_blocks
    if _openmp_threads() != _openmp_effective_n_threads():
        pytest.skip("scikit-learn's OpenMP thread count is not the one mathml reads here")
    assert len(_row_blocks(1600, 1000)) == 2
    rng = np.random.default_rng(3)
    X = rng.integers(0, 30, (1000, 2)).astype(float)
    Q = rng.integers(0, 30, (1600, 2)).astype(float)
    y = rng.integers(0, 3, 1000)
    params = dict(n_neighbors=6, algorithm="brute", metric="manhattan")
    ours = KNeighborsClassifier(**params).fit(X, y)
    theirs = sk.KNeighborsClassifier(**params).fit(X, y)
    for a, b in zip(ours.kneighbors(Q), theirs.kneighbors(Q)):
        np.testing.assert_array_equal(a, b)


def test_cosine_ties_are_ordered_as_scikit_learn():
    """Cosine goes through numpy's argpartition and argsort in both: tied neighbours (the
    same direction at several lengths) come in the same order."""
    rng = np.random.default_rng(1)
    directions = rng.normal(size=(4, 3))
    X = directions[rng.integers(0, 4, 40)] * rng.uniform(1, 3, (40, 1))
    y = np.arange(40) % 2
    ours = KNeighborsClassifier(n_neighbors=7, metric="cosine").fit(X, y)
    theirs = sk.KNeighborsClassifier(n_neighbors=7, metric="cosine").fit(X, y)
    np.testing.assert_array_equal(ours.kneighbors(directions[:3], return_distance=False),
                                  theirs.kneighbors(directions[:3], return_distance=False))


def test_training_points_leave_themselves_out_also_with_duplicates():
    X = np.array([[0.0], [0.0], [1.0], [3.0], [3.0], [7.0]])
    y = np.arange(6.0)
    for algorithm in ("brute", "kd_tree"):
        ours = KNeighborsRegressor(n_neighbors=2, algorithm=algorithm).fit(X, y)
        theirs = sk.KNeighborsRegressor(n_neighbors=2, algorithm=algorithm).fit(X, y)
        d_ours, i_ours = ours.kneighbors()
        d_theirs, i_theirs = theirs.kneighbors()
        np.testing.assert_array_equal(d_ours, d_theirs)
        # each row's own index is gone in both (the order among the tied may differ)
        assert not (i_ours == np.arange(6)[:, None]).any()
        assert not (i_theirs == np.arange(6)[:, None]).any()


@pytest.mark.parametrize("call, error", [
    (lambda m: m.kneighbors(n_neighbors=0), ValueError),
    (lambda m: m.kneighbors(n_neighbors=2.5), TypeError),
    (lambda m: m.kneighbors(n_neighbors=6), ValueError),       # 6 others of 6 points
    (lambda m: m.kneighbors_graph(mode="weights"), ValueError),
])
def test_query_errors_as_scikit_learn(call, error):
    X, y = np.arange(12.0).reshape(6, 2), np.arange(6) % 2
    messages = []
    for cls in (KNeighborsClassifier, sk.KNeighborsClassifier):
        with pytest.raises(error) as info:
            call(cls(n_neighbors=2).fit(X, y))
        messages.append(str(info.value))
    assert messages[0] == messages[1]


def test_p_below_one_warns_and_searches_by_brute_force():
    X, y = np.random.default_rng(2).normal(size=(20, 2)), np.arange(20) % 2
    with pytest.warns(UserWarning, match="Minkowski metrics are not distance metrics"):
        ours = KNeighborsClassifier(n_neighbors=3, p=0.5).fit(X, y)
    assert ours._fit_method == "brute"


def test_a_metric_mathml_does_not_offer_is_refused():
    """scikit-learn takes 'hamming' and more; mathml offers the Minkowski family and
    cosine, and says so."""
    with pytest.raises(InvalidParameterError, match="'metric' parameter"):
        KNeighborsClassifier(metric="hamming").fit(np.eye(3), [0, 1, 0])


@pytest.mark.parametrize("metric", ["manhattan", "euclidean", "chebyshev", "minkowski"])
@pytest.mark.parametrize("n, m, k", [(40, 7, 5), (700, 9, 20), (300, 2100, 7)],
                         ids=["one heap per thread", "chunks over threads", "on queries"])
def test_brute_force_ties_as_scikit_learn(metric, n, m, k):
    """Integer points: many equal distances. scikit-learn's heaps and introsort are replayed
    for the tied rows: the same neighbours, in the same order (each of scikit-learn's
    strategies: few queries and one chunk, several chunks shared among threads, many
    queries)."""
    from sklearn.utils._openmp_helpers import _openmp_effective_n_threads

    from mathml.neighbors._knn import _openmp_threads
    if n > 256 and _openmp_threads() != _openmp_effective_n_threads():
        pytest.skip("scikit-learn's OpenMP thread count (it shares chunks among threads) is "
                    "not the one mathml reads from the environment here (a CPU quota?)")
    rng = np.random.default_rng(n)
    X, Q = rng.integers(0, 3, (n, 2)).astype(float), rng.integers(0, 3, (m, 2)).astype(float)
    y = rng.integers(0, 3, n)
    params = dict(n_neighbors=k, algorithm="brute", metric=metric, p=3)
    ours = KNeighborsClassifier(**params).fit(X, y)
    theirs = sk.KNeighborsClassifier(**params).fit(X, y)
    np.testing.assert_array_equal(ours.kneighbors(Q)[1], theirs.kneighbors(Q)[1])
    np.testing.assert_array_equal(ours.kneighbors(return_distance=False)[:50],
                                  theirs.kneighbors(return_distance=False)[:50])
    np.testing.assert_array_equal(ours.predict(Q), theirs.predict(Q))
