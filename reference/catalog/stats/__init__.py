"""Catalog entries for statistics (docs/concepts.md §4), one private module per family (each
adds its CONCEPTS below)."""
CONCEPTS: tuple = ()

from ._descriptive import CONCEPTS as _DESCRIPTIVE
CONCEPTS = CONCEPTS + _DESCRIPTIVE

from ._tests import CONCEPTS as _TESTS
CONCEPTS = CONCEPTS + _TESTS

from ._distributions import CONCEPTS as _DISTRIBUTIONS
CONCEPTS = CONCEPTS + _DISTRIBUTIONS
