"""Catalog entries for optimisation (docs/concepts.md §2–3), one private module per family."""
from ._constrained import CONCEPTS as _CONSTRAINED
from ._first_order import CONCEPTS as _FIRST_ORDER
from ._linprog import CONCEPTS as _LINPROG
from ._root import CONCEPTS as _ROOT
from ._minimize import CONCEPTS as _MINIMIZE

CONCEPTS = _ROOT + _LINPROG + _FIRST_ORDER + _CONSTRAINED + _MINIMIZE
