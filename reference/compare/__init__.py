"""How the two backends' answers are compared: the tolerance table, the one agreement
function, the canonicalisers and the named comparison strategies.

Every comparison between `mathml` and `reference` (tests, ``mathml report``/``show``,
``reference.check``) goes through a *strategy* of :data:`STRATEGIES`, named by the concept
in the catalog, with a tolerance of :data:`TOLERANCES`, named likewise:

- ``_tolerances``: :class:`Tolerance` and :data:`TOLERANCES`, each entry with its reason;
- ``_agree``: :func:`agree`, two answers leaf by leaf under one tolerance;
- ``_canon``: canonicalisers for answers equal up to a legitimate freedom;
- ``_strategy``: :class:`Strategy`, the six kinds and the generic strategies;
- one module per area for its specific strategies and defining properties.
"""
from __future__ import annotations

from . import (_decomposition, _differentiate, _information, _integrate, _linalg,  # noqa: F401
               _mixture, _nn_recurrent, _optimize, _special, _stats)
from ._agree import Agreement, agree
from ._canon import canon_eig, canon_eigh, canon_qr, canon_svd
from ._strategy import KINDS, PROPERTIES, STRATEGIES, Strategy, properties, strategy
from ._tolerances import EPS, TOLERANCES, Tolerance, condition_number

__all__ = ["Tolerance", "TOLERANCES", "EPS", "condition_number", "Agreement", "agree",
           "canon_eigh", "canon_svd", "canon_eig", "canon_qr",
           "KINDS", "Strategy", "STRATEGIES", "strategy", "PROPERTIES", "properties"]
