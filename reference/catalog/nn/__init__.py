"""Catalog entries for `mathml.nn`: layers forward and backward against SciPy, one module per
family."""
from __future__ import annotations

from . import _layers, _recurrent

CONCEPTS = _layers.CONCEPTS + _recurrent.CONCEPTS
