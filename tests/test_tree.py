"""Decision trees beyond the catalog: the pieces scikit-learn's trees are made of (its
generator, its sort, its partition) checked one by one against scikit-learn, then whole trees
on many drawn data sets and hyperparameters, node for node and bit for bit."""
from __future__ import annotations

import warnings

import numpy as np
import pytest
import sklearn.tree as sk
from sklearn.utils._random import _our_rand_r_py
from sklearn.utils._sorting import _py_simultaneous_sort

import mathml.tree as ml
from mathml.tree._classes import _textbook_DecisionTreeClassifier
from mathml.tree._splitter import (RandR, RandStream, _introsort_lists, _introsort_order,
                                   _introsort_parts, introsort_order, partition_order)

TREE_ARRAYS = ("children_left", "children_right", "feature", "threshold", "value", "impurity",
               "n_node_samples", "weighted_n_node_samples")


def assert_same_tree(a, b):
    """Same structure and every float equal to the last bit (no tolerance: the port adds
    in scikit-learn's order)."""
    assert a.tree_.node_count == b.tree_.node_count
    assert a.tree_.max_depth == b.tree_.max_depth
    for name in TREE_ARRAYS:
        np.testing.assert_array_equal(getattr(a.tree_, name), getattr(b.tree_, name),
                                      err_msg=name)
    np.testing.assert_array_equal(a.feature_importances_, b.feature_importances_)


# --- the pieces ------------------------------------------------------------------------------

def test_xorshift_matches_scikit_learn():
    for seed in (1, 7, 12345, 2**31 - 2, 2**32 - 1):
        ours = RandR(seed)
        state = np.array([seed], dtype=np.uint32)
        for _ in range(50):
            theirs = _our_rand_r_py(int(state[0]))
            # _our_rand_r_py returns the draw; advance our state the same way
            assert ours.rand_r() == theirs
            state[0] = ours.state


def test_stream_is_the_generator():
    """The outputs computed a block at a time (by the linearity of xorshift) are the
    generator's, across the blocks' ends, interleaved with reading the state."""
    rng = np.random.default_rng(0)
    for seed in (0, 1, 7, 12345, 2**31 - 2, 2**32 - 1):
        ours, stream = RandR(seed), RandStream(seed)
        for k in range(3000):
            if k % 97 == 0:
                assert stream.state == ours.state
                n_ahead = int(rng.integers(1, 40))
                stream.ahead(n_ahead)
                copy = RandR(stream.state)
                assert stream.out[stream.i + 1: stream.i + n_ahead + 1] == \
                    [copy.rand_r() for _ in range(n_ahead)]
            assert stream.rand_r() == ours.rand_r()
            assert stream.rand_int(3, 17) == ours.rand_int(3, 17)


@pytest.mark.parametrize("seed", range(6))
def test_order_codes_sort_as_the_values(seed):
    """A large node's stable order from sorting integer keys (order-preserving codes of the
    float32 values, then the position) is numpy's stable argsort: ties, −0 and +0,
    negative and positive values, subnormals, the extremes."""
    from mathml.tree._criterion import Criterion
    from mathml.tree._splitter import Splitter
    rng = np.random.default_rng(seed)
    n, p = 300, 6
    special = np.array([0.0, -0.0, 1e-40, -1e-40, 3.4e38, -3.4e38, 1.0, -1.0], np.float32)
    X = np.where(rng.random((n, p)) < 0.3, rng.choice(special, (n, p)),
                 np.round(rng.normal(size=(n, p)), seed % 3)).astype(np.float32)
    splitter = Splitter(Criterion("squared_error", 1, None), X, np.zeros((n, 1)),
                        np.ones(n), max_features=p, min_samples_leaf=1, min_weight_leaf=0.0,
                        seed=0, exact_sums=False, splitter="best")
    S = rng.permutation(n)[: 200 + seed]
    Xn = X[S]
    np.testing.assert_array_equal(splitter._stable_order(S, Xn),
                                  np.argsort(Xn, axis=0, kind="stable"))
    features = [4, 1, 3]
    np.testing.assert_array_equal(splitter._stable_order(S, Xn[:, features], features),
                                  np.argsort(Xn[:, features], axis=0, kind="stable"))


def test_zero_state_is_replaced_by_one():
    assert RandR(0).rand_r() == RandR(1).rand_r()


@pytest.mark.parametrize("seed", range(40))
def test_introsort_order_matches_scikit_learn(seed):
    """The order introsort leaves tied values in (it decides the order of later sums)."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 400))
    v = rng.integers(0, int(rng.integers(1, 12)), n).astype(np.float32)
    idx = np.arange(n, dtype=np.intp)
    _py_simultaneous_sort(v.copy(), idx, n, use_three_way_partition=True)
    assert _introsort_order(v.tolist(), n) == idx.tolist()


@pytest.mark.parametrize("seed", range(12))
def test_vectorised_introsort_order_matches_scikit_learn(seed):
    """The order of ties followed through the vectorised three-way partitions: long arrays
    with a few tied values, with many, and integer-valued ones."""
    rng = np.random.default_rng(seed)
    for _ in range(10):
        n = int(rng.integers(64, 3000))
        kind = int(rng.integers(3))
        if kind == 0:  # continuous, a few values repeated
            v = rng.normal(size=n).astype(np.float32)
            v[rng.integers(0, n, int(rng.integers(1, 6)))] = v[0]
        elif kind == 1:  # rounded: many ties
            v = np.round(rng.normal(size=n), int(rng.integers(0, 3))).astype(np.float32)
        else:
            v = rng.integers(0, int(rng.integers(1, n)), n).astype(np.float32)
        idx = np.arange(n, dtype=np.intp)
        _py_simultaneous_sort(v.copy(), idx, n, use_three_way_partition=True)
        assert introsort_order(v).tolist() == idx.tolist()


@pytest.mark.parametrize("seed", range(12))
def test_introsort_on_lists_matches_scikit_learn(seed):
    """Introsort on Python lists (stable sorts of short parts and of parts without ties,
    inline partitions): scikit-learn's order of ties; with a small depth budget, its
    heapsort's (as `_introsort_order`)."""
    rng = np.random.default_rng(seed)
    for t in range(60):
        n = int(rng.integers(1, 700))
        kind = t % 4
        if kind == 0:  # few values, or one (a heapsort of equal values still moves them)
            v = rng.integers(0, int(rng.integers(1, 12)), n).astype(np.float32)
        elif kind == 1:
            v = np.round(rng.normal(size=n), 1).astype(np.float32)  # −0 among them
        elif kind == 2:
            v = rng.integers(0, max(1, n // 3), n).astype(np.float32)
        else:
            v = rng.normal(size=n).astype(np.float32)
            v[rng.integers(0, n, 5)] = v[0]
        values, positions = v.tolist(), list(range(n))
        if t % 5 == 0:  # the depth budget runs out: heapsort
            maxd = int(rng.integers(0, 4))
            expected = _introsort_order(v.tolist(), n, maxd)
        else:
            maxd = 2 * int(np.log2(n))
            idx = np.arange(n, dtype=np.intp)
            _py_simultaneous_sort(v.copy(), idx, n, use_three_way_partition=True)
            expected = idx.tolist()
        _introsort_lists(values, positions, 0, n, maxd)
        assert positions == expected
        assert values == np.sort(v).tolist()
    for maxd in range(3):  # equal values: no partition moves them, a heapsort does
        n = 40 + seed
        values, positions = [1.0] * n, list(range(n))
        _introsort_lists(values, positions, 0, n, maxd)
        assert positions == _introsort_order([1.0] * n, n, maxd)


@pytest.mark.parametrize("seed", range(8))
def test_introsort_partitions_then_a_stable_sort_match_scikit_learn(seed):
    """A small node's sort: introsort's partitions of the parts with ties only (the node's
    samples moved along), then one stable sort of the samples by their values."""
    rng = np.random.default_rng(seed)
    for t in range(40):
        n = int(rng.integers(16, 130))
        v = np.round(rng.normal(size=n), t % 3 - 1).astype(np.float32)
        samples = rng.permutation(5 * n)[:n].tolist()
        x = dict(zip(samples, v.tolist()))
        idx = np.arange(n, dtype=np.intp)
        _py_simultaneous_sort(v.copy(), idx, n, use_three_way_partition=True)
        S = list(samples)
        _introsort_parts([x[s] for s in S], S, 0, n, 2 * int(np.log2(n)))
        S.sort(key=x.__getitem__)
        assert S == [samples[k] for k in idx.tolist()]


def _partition_by_swaps(left):
    """scikit-learn's partition loop, literally."""
    s, start, end = list(range(len(left))), 0, len(left)
    while start < end:
        if left[s[start]]:
            start += 1
        else:
            end -= 1
            s[start], s[end] = s[end], s[start]
    return s


@pytest.mark.parametrize("seed", range(20))
def test_vectorised_partition_is_the_swap_loop(seed):
    rng = np.random.default_rng(seed)
    for _ in range(200):
        left = rng.random(int(rng.integers(1, 800))) < rng.random()  # both forms
        assert partition_order(left).tolist() == _partition_by_swaps(left)


# --- the textbook algorithm ------------------------------------------------------------------

def _textbook_predict(node, x):
    while "predict" not in node:
        node = node["left"] if x[node["feature"]] <= node["threshold"] else node["right"]
    return node["predict"]


@pytest.mark.parametrize("seed", range(5))
def test_textbook_tree_predicts_the_same(seed):
    """On continuous data with large nodes (no tied scores: in a node of a few samples
    several features can split off the same samples, and the textbook keeps the first
    feature where the estimator keeps the first it draws) the greedy textbook tree and the
    estimator choose the same splits, so they predict alike."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(300, 3))
    y = ((X[:, 0] + 0.5 * X[:, 1] + 0.3 * rng.normal(size=300)) > 0).astype(int)
    book = _textbook_DecisionTreeClassifier(X, y, max_depth=2)
    clf = ml.DecisionTreeClassifier(max_depth=2, random_state=seed).fit(X, y)
    X_test = rng.normal(size=(200, 3))
    assert [_textbook_predict(book, x) for x in X_test] == clf.predict(X_test).tolist()


# --- whole trees -----------------------------------------------------------------------------

def _data(seed, regression):
    rng = np.random.default_rng(seed)
    n, p = int(rng.integers(5, 150)), int(rng.integers(1, 7))
    kind = seed % 4
    if kind == 0:
        X = rng.normal(size=(n, p))
    elif kind == 1:  # integer-valued: many ties
        X = rng.integers(0, 4, size=(n, p)).astype(float)
    elif kind == 2:  # a constant column, a duplicated one
        X = rng.normal(size=(n, p))
        X[:, rng.integers(p)] = 1.0
        X[:, 0] = X[:, -1]
    else:  # one decimal: ties
        X = np.round(rng.normal(size=(n, p)), 1)
    if regression:
        y = 2 * X[:, 0] + rng.normal(size=n)
        if seed % 5 == 0:
            y = np.column_stack([y, rng.normal(size=n)])
    else:
        y = (X[:, 0] > 0).astype(int) + rng.integers(0, 3, n) * (rng.random(n) < 0.3)
        if seed % 5 == 0:
            y = np.column_stack([y, rng.integers(0, 3, n)])
    return X, y, rng


def _params(seed, rng, regression):
    params = {"random_state": seed,
              "max_features": [None, 1, 2, 0.5, "sqrt", "log2"][seed % 6]}
    if not regression:
        params["criterion"] = ["gini", "entropy", "log_loss"][seed % 3]
        if seed % 9 == 6:
            params["class_weight"] = "balanced"
    if seed % 4 == 1:
        params["min_samples_leaf"] = int(rng.integers(1, 6))
    if seed % 5 == 2:
        params["max_depth"] = int(rng.integers(1, 5))
    if seed % 6 == 3:
        params["min_samples_split"] = int(rng.integers(2, 10))
    if seed % 7 == 4:
        params["min_weight_fraction_leaf"] = 0.05
    if seed % 8 == 5:
        params["min_impurity_decrease"] = 0.01
    if seed % 10 == 7:
        params["max_leaf_nodes"] = int(rng.integers(2, 12))
    if seed % 11 == 8:
        params["splitter"] = "random"
    return params


@pytest.mark.parametrize("regression", [False, True], ids=["classifier", "regressor"])
@pytest.mark.parametrize("block", range(4))
def test_same_tree_as_scikit_learn_on_drawn_cases(regression, block):
    """50 drawn cases per block (200 per estimator): continuous, tied, constant and rounded
    features; every max_features; gini/entropy; leaf limits; class weights; integer and
    fractional sample weights; two outputs; best-first growth; the random splitter."""
    for seed in range(50 * block, 50 * block + 50):
        X, y, rng = _data(seed, regression)
        params = _params(seed, rng, regression)
        sample_weight = None
        if seed % 3 == 2:  # bootstrap-like counts, zeros included
            sample_weight = rng.integers(0, 3, len(X)).astype(float)
            sample_weight[0] = 1.0
        elif seed % 13 == 1:
            sample_weight = rng.random(len(X))
        ours, theirs = ((ml.DecisionTreeRegressor, sk.DecisionTreeRegressor) if regression
                        else (ml.DecisionTreeClassifier, sk.DecisionTreeClassifier))
        a = ours(**params).fit(X, y, sample_weight=sample_weight)
        b = theirs(**params).fit(X, y, sample_weight=sample_weight)
        assert_same_tree(a, b)
        X_test = np.vstack((X[:5], rng.normal(size=(5, X.shape[1]))))
        np.testing.assert_array_equal(a.predict(X_test), b.predict(X_test))
        np.testing.assert_array_equal(a.apply(X_test), b.apply(X_test))


@pytest.mark.parametrize("seed", range(6))
def test_same_tree_as_scikit_learn_on_heavily_tied_features(seed):
    """Features rounded to one decimal or to integers (the order introsort leaves ties in
    decides every later sum), large enough for every path: nodes split in Python (whose
    sorts follow introsort past 15 samples), the vectorised nodes, the long sorts."""
    rng = np.random.default_rng(seed)
    n = 1500
    X = np.round(rng.normal(size=(n, 6)), seed % 2)
    y = X[:, 0] + X[:, 1] ** 2 + 0.5 * rng.normal(size=n)
    sample_weight = rng.random(n) + 0.5 if seed % 3 == 2 else None
    params = dict(random_state=seed, max_features=[None, 3][seed % 2],
                  min_samples_leaf=[1, 1, 3][seed % 3])
    a = ml.DecisionTreeRegressor(**params).fit(X, y, sample_weight=sample_weight)
    b = sk.DecisionTreeRegressor(**params).fit(X, y, sample_weight=sample_weight)
    assert_same_tree(a, b)
    c = ml.DecisionTreeClassifier(**params).fit(X, y > 1, sample_weight=sample_weight)
    d = sk.DecisionTreeClassifier(**params).fit(X, y > 1, sample_weight=sample_weight)
    assert_same_tree(c, d)


@pytest.mark.parametrize("seed", range(8))
def test_same_classifier_on_tied_features_with_a_few_features_drawn(seed):
    """Order-free Gini nodes (whole-number weights) of a few samples, searched in Python
    when fewer features are drawn than there are: tied features, two or three classes,
    whole-number sample weights, min_samples_leaf, min_weight_fraction_leaf; a forest
    (bootstrap counts as weights) too."""
    import mathml.ensemble as ml_ensemble
    import sklearn.ensemble as sk_ensemble
    rng = np.random.default_rng(seed)
    n = 700
    X = np.round(rng.normal(size=(n, 7)), seed % 2)
    y = X[:, 0] + X[:, 1] ** 2 + 0.5 * rng.normal(size=n)
    classes = np.digitize(y, [0.5, 1.5]) if seed % 2 else (y > 1).astype(int)
    sample_weight = rng.integers(1, 4, n).astype(float) if seed % 4 == 3 else None
    params = dict(random_state=seed, max_features=[2, 3, 5, "sqrt"][seed % 4],
                  min_samples_leaf=[1, 2, 1, 4][seed % 4],
                  min_weight_fraction_leaf=[0.0, 0.0, 0.01, 0.0][seed % 4])
    a = ml.DecisionTreeClassifier(**params).fit(X, classes, sample_weight=sample_weight)
    b = sk.DecisionTreeClassifier(**params).fit(X, classes, sample_weight=sample_weight)
    assert_same_tree(a, b)
    forests = [module.RandomForestClassifier(n_estimators=3, **params).fit(X, classes)
               for module in (ml_ensemble, sk_ensemble)]
    for c, d in zip(forests[0].estimators_, forests[1].estimators_):
        assert_same_tree(c, d)


@pytest.mark.parametrize("seed", range(8))
def test_same_tree_on_larger_nodes_with_ties(seed):
    """Nodes of hundreds to thousands of samples with tied and near-tied (< 1e-7 apart)
    values: the order of ties (introsort's) and the left sums rebuilt after long jumps
    decide the rounded sums of a regressor or of fractional weights."""
    rng = np.random.default_rng(seed)
    n, p = int(rng.integers(300, 1500)), 4
    X = np.round(rng.normal(size=(n, p)), 1 + seed % 2)
    X[:, -1] = rng.normal(size=n) * 1e-6  # values within 1e-7 of each other
    y = 2 * X[:, 0] + rng.normal(size=n)
    sample_weight = rng.random(n) if seed % 2 else None
    if seed % 4 < 2:
        a = ml.DecisionTreeRegressor(random_state=seed).fit(X, y, sample_weight=sample_weight)
        b = sk.DecisionTreeRegressor(random_state=seed).fit(X, y, sample_weight=sample_weight)
    else:
        y = (y > 0).astype(int)
        a = ml.DecisionTreeClassifier(random_state=seed, max_features=2).fit(
            X, y, sample_weight=sample_weight)
        b = sk.DecisionTreeClassifier(random_state=seed, max_features=2).fit(
            X, y, sample_weight=sample_weight)
    assert_same_tree(a, b)


@pytest.mark.parametrize("seed", range(24))
def test_same_tree_on_distinct_values(seed):
    """Continuous features: every node's values are distinct, and the nodes of up to 64
    samples grow their whole subtree on Python lists (`split_distinct`: pairs, a few samples
    one feature at a time, more all at once). Under what changes that search: the leaf
    limits, the depth, the impurity decrease, a few features, integer (bootstrap) and
    fractional weights, targets of large magnitude."""
    rng = np.random.default_rng(1000 + seed)
    n, p = int(rng.integers(10, 300)), int(rng.integers(1, 13))
    X = rng.normal(size=(n, p))
    y = X[:, 0] - 2 * X[:, -1] ** 2 + rng.normal(size=n)
    if seed % 3 == 1:
        y = 1e6 + 1e3 * y  # sums that round
    params = {"random_state": seed, "min_samples_leaf": 1 + seed % 4,
              "max_features": [None, 1, 0.5, "sqrt"][(seed // 4) % 4]}
    if seed % 5 == 1:
        params["min_weight_fraction_leaf"] = 0.02
    if seed % 6 == 2:
        params["max_depth"] = 6
    if seed % 7 == 3:
        params["min_impurity_decrease"] = 0.05
    sample_weight = None
    if seed % 3 == 0:
        sample_weight = rng.integers(0, 4, n).astype(float)
        sample_weight[0] = 1.0
    elif seed % 3 == 2:
        sample_weight = rng.random(n) + 0.01
    a = ml.DecisionTreeRegressor(**params).fit(X, y, sample_weight=sample_weight)
    b = sk.DecisionTreeRegressor(**params).fit(X, y, sample_weight=sample_weight)
    assert_same_tree(a, b)


def test_identical_columns_tie_is_broken_by_the_generator():
    """With five identical columns every split ties; the strict > keeps the first feature
    the xorshift order visits, so even max_features=None depends on random_state."""
    rng = np.random.default_rng(0)
    x = rng.normal(size=40)
    X = np.column_stack([x] * 5)
    y = (x > 0.1).astype(int)
    roots = set()
    for seed in range(30):
        a = ml.DecisionTreeClassifier(random_state=seed).fit(X, y)
        b = sk.DecisionTreeClassifier(random_state=seed).fit(X, y)
        assert a.tree_.feature[0] == b.tree_.feature[0]
        roots.add(int(a.tree_.feature[0]))
    assert len(roots) > 1


def test_feature_threshold_merges_values_closer_than_1e_7():
    X = np.array([[0.0], [5e-8], [1.0]])
    y = [0, 1, 1]
    a = ml.DecisionTreeClassifier(random_state=0).fit(X, y)
    b = sk.DecisionTreeClassifier(random_state=0).fit(X, y)
    assert a.tree_.threshold[0] == b.tree_.threshold[0] == pytest.approx(0.5, abs=1e-7)


@pytest.mark.parametrize("make", [
    lambda: (np.ones((10, 2)), np.arange(10) % 2),        # constant X: one leaf, [.5, .5]
    lambda: (np.arange(20.0).reshape(10, 2), np.zeros(10)),  # one class: one leaf
])
def test_degenerate_data_give_one_leaf(make):
    X, y = make()
    a = ml.DecisionTreeClassifier(random_state=0).fit(X, y)
    b = sk.DecisionTreeClassifier(random_state=0).fit(X, y)
    assert a.tree_.node_count == 1
    assert_same_tree(a, b)


def test_decision_path_is_the_dense_form_of_scikit_learns():
    rng = np.random.default_rng(3)
    X, y = rng.normal(size=(50, 3)), rng.integers(0, 2, 50)
    a = ml.DecisionTreeClassifier(random_state=0, max_depth=4).fit(X, y)
    b = sk.DecisionTreeClassifier(random_state=0, max_depth=4).fit(X, y)
    np.testing.assert_array_equal(a.decision_path(X), b.decision_path(X).toarray())


def test_friedman_mse_is_squared_error_with_a_warning():
    rng = np.random.default_rng(4)
    X, y = rng.normal(size=(40, 2)), rng.normal(size=40)
    with pytest.warns(FutureWarning, match="friedman_mse"):
        a = ml.DecisionTreeRegressor(criterion="friedman_mse", random_state=0).fit(X, y)
    assert a.criterion == "friedman_mse"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        b = sk.DecisionTreeRegressor(criterion="friedman_mse", random_state=0).fit(X, y)
    assert_same_tree(a, b)


@pytest.mark.parametrize("seed", range(12))
def test_cost_complexity_pruning_path_and_pruned_trees(seed):
    """The weakest-link path (alphas and leaf impurities) bitwise, and the tree pruned at
    an alpha of the path node for node."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(20, 150))
    X = np.round(rng.normal(size=(n, 4)), 1)
    if seed % 2:
        y = (X[:, 0] + rng.normal(size=n) > 0).astype(int)
        ours, theirs = ml.DecisionTreeClassifier, sk.DecisionTreeClassifier
    else:
        y = X[:, 0] + rng.normal(size=n)
        ours, theirs = ml.DecisionTreeRegressor, sk.DecisionTreeRegressor
    a = ours(random_state=seed).cost_complexity_pruning_path(X, y)
    b = theirs(random_state=seed).cost_complexity_pruning_path(X, y)
    np.testing.assert_array_equal(a.ccp_alphas, b.ccp_alphas)
    np.testing.assert_array_equal(a.impurities, b.impurities)
    alpha = b.ccp_alphas[len(b.ccp_alphas) // 2]
    assert_same_tree(ours(random_state=seed, ccp_alpha=alpha).fit(X, y),
                     theirs(random_state=seed, ccp_alpha=alpha).fit(X, y))


@pytest.mark.parametrize("kwargs", [{}, {"show_weights": True, "max_depth": 2},
                                    {"decimals": 5, "spacing": 1}])
def test_export_text_on_the_seeds_data(kwargs):
    from sklearn.datasets import make_classification
    X, y = make_classification(n_samples=1000, n_features=20, n_informative=2,
                               n_redundant=10, random_state=42)
    a = ml.DecisionTreeClassifier(random_state=42).fit(X, y)
    b = sk.DecisionTreeClassifier(random_state=42).fit(X, y)
    assert ml.export_text(a, **kwargs) == sk.export_text(b, **kwargs)


@pytest.mark.parametrize("seed", range(16))
def test_absolute_error_trees(seed):
    """criterion='absolute_error': weighted medians and absolute errors through
    scikit-learn's Fenwick tree, bitwise (ties in y ranked as its introsort leaves them)."""
    rng = np.random.default_rng(seed)
    n, p = int(rng.integers(5, 50)), int(rng.integers(1, 4))
    X = np.round(rng.normal(size=(n, p)), 1) if seed % 2 else rng.normal(size=(n, p))
    y = X[:, 0] + rng.normal(size=n)
    if seed % 3:
        y = np.round(y, 1)
    if seed % 5 == 0:
        y = np.column_stack([y, rng.normal(size=n)])
    sample_weight = None
    if seed % 4 == 1:
        sample_weight = rng.integers(0, 3, n).astype(float)
        sample_weight[0] = 1.0
    elif seed % 4 == 3:
        sample_weight = rng.random(n)
    params = dict(criterion="absolute_error", random_state=seed,
                  max_features=[None, 1, "sqrt"][seed % 3])
    assert_same_tree(ml.DecisionTreeRegressor(**params).fit(X, y, sample_weight=sample_weight),
                     sk.DecisionTreeRegressor(**params).fit(X, y, sample_weight=sample_weight))


def test_check_input_false_as_forests_call_it():
    """Forests and boosting fit their trees on float32 X with check_input=False (bootstrap
    counts as weights): the same trees and predictions as scikit-learn's."""
    rng = np.random.default_rng(7)
    X = rng.normal(size=(200, 5)).astype(np.float32)
    y = (X[:, 0] > 0).astype(float)
    w = rng.integers(0, 3, 200).astype(float)
    a = ml.DecisionTreeClassifier(random_state=3, max_features="sqrt")
    b = sk.DecisionTreeClassifier(random_state=3, max_features="sqrt")
    a.fit(X, y, sample_weight=w, check_input=False)
    b.fit(X, y, sample_weight=w, check_input=False)
    assert_same_tree(a, b)
    np.testing.assert_array_equal(a.predict_proba(X, check_input=False),
                                  b.predict_proba(X, check_input=False))
