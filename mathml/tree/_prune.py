"""Minimal cost-complexity pruning (Breiman et al. 1984, §3.3).

The cost of a subtree T is R_α(T) = R(T) + α·|leaves(T)|, with R the weighted leaf
impurity (w_t i_t / w_root summed over the leaves). Collapsing the branch at node t into a
leaf changes R by R(t) − R(T_t) and removes |T_t| − 1 leaves, so it pays once α reaches
the branch's effective alpha

    α_eff(t) = (R(t) − R(T_t)) / (|leaves(T_t)| − 1).

Weakest-link pruning collapses the branch of smallest α_eff, again and again; the α's met
form the pruning path, and ``ccp_alpha`` prunes while α_eff ≤ ccp_alpha.
"""
from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from ._tree import TREE_LEAF, TREE_UNDEFINED, Tree

__all__ = ["prune_ccp", "pruning_path", "PruningPath"]


class PruningPath(dict):
    """The pruning path: ``ccp_alphas`` and ``impurities`` (also as attributes, as
    scikit-learn's Bunch)."""

    def __getattr__(self, name: str):
        try:
            return self[name]
        except KeyError as exc:
            raise AttributeError(name) from exc


def _weakest_link(tree: Tree, ccp_alpha: float | None):
    """Run weakest-link pruning (all the way for the path, or while α_eff ≤ ccp_alpha);
    returns the leaves of the pruned tree and the path (α, R(T)) met."""
    n = tree.node_count
    left, right = tree.children_left, tree.children_right
    r_node = tree.weighted_n_node_samples * tree.impurity / tree.weighted_n_node_samples[0]
    parent = np.full(n, TREE_UNDEFINED, dtype=np.intp)
    is_internal = left != TREE_LEAF
    parent[left[is_internal]] = np.flatnonzero(is_internal)
    parent[right[is_internal]] = np.flatnonzero(is_internal)
    leaves = ~is_internal
    # Step 1: R(T_t) and |leaves(T_t)| of every branch, adding leaf by leaf up to the root
    r_branch = np.zeros(n)
    n_leaves = np.zeros(n, dtype=np.intp)
    r_b = r_branch.tolist()
    for leaf in np.flatnonzero(leaves).tolist():
        r_b[leaf] = current = float(r_node[leaf])
        node = leaf
        while node != 0:
            node = int(parent[node])
            r_b[node] += current
            n_leaves[node] += 1
    r_branch = np.array(r_b)
    candidate = ~leaves
    in_subtree = np.ones(n, dtype=bool)
    path = [(0.0, float(r_branch[0]))]
    # Step 2: collapse the branch of smallest effective alpha (the first on ties)
    while candidate[0]:
        idx = np.flatnonzero(candidate)
        alphas = (r_node[idx] - r_branch[idx]) / (n_leaves[idx] - 1)
        t = int(idx[np.argmin(alphas)])
        effective_alpha = float(alphas.min())
        if ccp_alpha is not None and ccp_alpha < effective_alpha:
            break
        stack = [t]
        while stack:
            node = stack.pop()
            if not in_subtree[node]:
                continue
            candidate[node] = leaves[node] = in_subtree[node] = False
            if left[node] != TREE_LEAF:
                stack += [int(left[node]), int(right[node])]
        leaves[t] = in_subtree[t] = True
        n_pruned = n_leaves[t] - 1
        n_leaves[t] = 0
        r_diff = r_node[t] - r_branch[t]
        r_branch[t] = r_node[t]
        node = int(parent[t])
        while node != TREE_UNDEFINED:
            n_leaves[node] -= n_pruned
            r_branch[node] += r_diff
            node = int(parent[node])
        path.append((effective_alpha, float(r_branch[0])))
    return leaves, path


def prune_ccp(tree: Tree, ccp_alpha: float) -> Tree:
    """The tree pruned at `ccp_alpha`, renumbered in preorder."""
    leaves, _ = _weakest_link(tree, ccp_alpha)
    pruned = Tree(tree.n_features, tree.n_classes, tree.n_outputs)
    stack = [(0, 0, TREE_UNDEFINED, False)]
    max_depth_seen = -1
    while stack:
        node, depth, parent, is_left = stack.pop()
        leaf = bool(leaves[node])
        new = pruned._add_node(parent, is_left, leaf, int(tree.feature[node]),
                               float(tree.threshold[node]), float(tree.impurity[node]),
                               int(tree.n_node_samples[node]),
                               float(tree.weighted_n_node_samples[node]), tree.value[node])
        if not leaf:
            stack.append((int(tree.children_right[node]), depth + 1, new, False))
            stack.append((int(tree.children_left[node]), depth + 1, new, True))
        max_depth_seen = max(max_depth_seen, depth)
    pruned.max_depth = max_depth_seen
    pruned._finalise()
    return pruned


def pruning_path(tree: Tree) -> PruningPath:
    """The effective alphas of the weakest-link sequence and R(T) after each collapse."""
    _, path = _weakest_link(tree, None)
    alphas: NDArray[np.float64] = np.array([a for a, _ in path])
    return PruningPath(ccp_alphas=alphas, impurities=np.array([r for _, r in path]))
