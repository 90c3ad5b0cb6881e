"""Catalog entries for statistics (CONCEPTS.md §4), one private module per family (each
adds its CONCEPTS below)."""
CONCEPTS: tuple = ()
