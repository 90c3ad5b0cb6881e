"""`export_text`: a fitted tree as indented rules, in scikit-learn's format."""
from __future__ import annotations

from numbers import Integral
from typing import Any

import numpy as np

from .._param_validation import Interval, _validate_parameter_constraints
from .._validation import check_array
from ..base import check_is_fitted
from ._classes import DecisionTreeClassifier, DecisionTreeRegressor
from ._tree import TREE_LEAF, TREE_UNDEFINED

__all__ = ["export_text"]

_CONSTRAINTS: dict = {
    "decision_tree": [DecisionTreeClassifier, DecisionTreeRegressor],
    "feature_names": ["array-like", None],
    "class_names": ["array-like", None],
    "max_depth": [Interval(Integral, 0, None, closed="left"), None],
    "spacing": [Interval(Integral, 1, None, closed="left"), None],
    "decimals": [Interval(Integral, 0, None, closed="left"), None],
    "show_weights": ["boolean"],
}


def _subtree_depth(tree, node: int) -> int:
    """Number of levels of the subtree rooted at `node` (1 for a leaf)."""
    left, right = tree.children_left[node], tree.children_right[node]
    if left == TREE_LEAF:
        return 1
    return 1 + max(_subtree_depth(tree, left), _subtree_depth(tree, right))


def export_text(decision_tree: Any, *, feature_names: Any = None, class_names: Any = None,
                max_depth: int = 10, spacing: int = 3, decimals: int = 2,
                show_weights: bool = False) -> str:
    """The rules of a fitted tree as text, one line per branch, leaves with their class or
    value — scikit-learn's format character for character.

    Each internal node prints ``|--- name <= t`` before its left subtree and
    ``|--- name >  t`` before its right one (t with `decimals` digits), indented by
    ``|`` + `spacing` spaces per level. A leaf prints ``class: c`` (with ``weights: [...]``,
    the weighted class counts w·p_c, when `show_weights`) or ``value: [...]``. Below
    `max_depth` a subtree prints as ``truncated branch of depth d``.

    .. math::

        \\text{line}(t) = \\text{indent}(\\text{depth}(t)) + x_{j(t)} \\le \\theta_t

    Parameters
    ----------
    decision_tree : DecisionTreeClassifier or DecisionTreeRegressor
        A fitted tree.
    feature_names : array-like of str of shape (n_features,), optional
        Names of the features (default ``feature_<j>``).
    class_names : array-like of shape (n_classes,), optional
        Names of the classes (default the fitted ``classes_``).
    max_depth : int, default=10
        Deepest level printed in full.
    spacing : int, default=3
        Width of one level of indentation.
    decimals : int, default=2
        Digits of the thresholds and values.
    show_weights : bool, default=False
        Print the weighted class counts of each leaf.

    Returns
    -------
    report : str

    Raises
    ------
    ValueError
        `feature_names` or `class_names` of the wrong length; an invalid parameter
        (``InvalidParameterError``).
    NotFittedError
        The tree is not fitted.

    Notes
    -----
    *Algorithm*: 1. Walk the tree depth first, left before right. 2. At an internal node,
    print the left rule, the left subtree, the right rule, the right subtree. 3. At a leaf
    (or a subtree of depth 1 past `max_depth`), print its class or value; deeper truncated
    subtrees print their depth.

    *Complexity*: O(node_count) lines.

    Checked against `reference.tree.export_text` → `sklearn.tree.export_text`: identical
    text.

    Examples
    --------
    >>> from mathml.tree import DecisionTreeClassifier, export_text
    >>> clf = DecisionTreeClassifier(random_state=0).fit([[0.0], [1.0], [2.0]], [0, 1, 1])
    >>> print(export_text(clf))
    |--- feature_0 <= 0.50
    |   |--- class: 0
    |--- feature_0 >  0.50
    |   |--- class: 1
    <BLANKLINE>
    """
    _validate_parameter_constraints(
        _CONSTRAINTS, dict(decision_tree=decision_tree, feature_names=feature_names,
                           class_names=class_names, max_depth=max_depth, spacing=spacing,
                           decimals=decimals, show_weights=show_weights), "export_text")
    if feature_names is not None:
        feature_names = check_array(feature_names, ensure_2d=False, dtype=None,
                                    ensure_min_samples=0)
    if class_names is not None:
        class_names = check_array(class_names, ensure_2d=False, dtype=None,
                                  ensure_min_samples=0)
    check_is_fitted(decision_tree)
    tree = decision_tree.tree_
    is_classifier = isinstance(decision_tree, DecisionTreeClassifier)
    if is_classifier:
        if class_names is None:
            class_names = decision_tree.classes_
        elif len(class_names) != len(decision_tree.classes_):
            raise ValueError("When `class_names` is an array, it should contain as many items "
                             "as `decision_tree.classes_`. Got "
                             f"{len(class_names)} while the tree was fitted with "
                             f"{len(decision_tree.classes_)} classes.")
    if feature_names is not None and len(feature_names) != tree.n_features:
        raise ValueError(f"feature_names must contain {tree.n_features} elements, got "
                         f"{len(feature_names)}")
    if feature_names is not None:
        names = [feature_names[j] if j != TREE_UNDEFINED else None for j in tree.feature]
    else:
        names = [f"feature_{j}" for j in tree.feature]

    lines: list[str] = []

    def leaf(value, weight, class_name, indent):
        if is_classifier:
            text = ""
            if show_weights:
                text = "[" + ", ".join(f"{v * weight:.{decimals}f}" for v in value) + "]"
            text += " class: " + str(class_name)
            lines.append(f"{indent} weights: {text}\n" if show_weights else f"{indent}{text}\n")
        else:
            text = "[" + ", ".join(f"{v:.{decimals}f}" for v in value) + "]"
            lines.append(f"{indent} value: {text}\n")

    def walk(node: int, depth: int) -> None:
        indent = ("|" + " " * spacing) * depth
        indent = indent[:-spacing] + "-" * spacing
        value = tree.value[node][0] if tree.n_outputs == 1 else tree.value[node].T[0]
        class_name = np.argmax(value)
        if tree.n_classes[0] != 1 and tree.n_outputs == 1:
            class_name = class_names[class_name]
        weight = tree.weighted_n_node_samples[node]
        if depth <= max_depth + 1:
            if tree.feature[node] != TREE_UNDEFINED:
                threshold = f"{tree.threshold[node]:.{decimals}f}"
                lines.append(f"{indent} {names[node]} <= {threshold}\n")
                walk(tree.children_left[node], depth + 1)
                lines.append(f"{indent} {names[node]} >  {threshold}\n")
                walk(tree.children_right[node], depth + 1)
            else:
                leaf(value, weight, class_name, indent)
        else:
            d = _subtree_depth(tree, node)
            if d == 1:
                leaf(value, weight, class_name, indent)
            else:
                lines.append(f"{indent} truncated branch of depth {d}\n")

    walk(0, 1)
    return "".join(lines)
