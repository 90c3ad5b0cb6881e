"""SciPy's two kinds of result object.

- `RichResult`: a dictionary whose entries are also attributes (``OptimizeResult``,
  ``_RichResult``), printed one field a line.
- `ResultTuple`: a tuple of the main fields with further fields as attributes only
  (``scipy.stats``' results, built by SciPy's ``_make_tuple_bunch``): ``t, p = ttest_ind(a,
  b)`` unpacks the statistic and the p-value, ``len`` is 2, and ``res.df`` is there too.
"""
from __future__ import annotations

import operator
from typing import Any, ClassVar

import numpy as np

__all__ = ["RichResult", "ResultTuple"]


class RichResult(dict):
    """A dictionary whose entries are also attributes (``res.df`` is ``res["df"]``), like
    SciPy's ``_RichResult`` and ``OptimizeResult``; printed one field a line."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError as exc:
            raise AttributeError(name) from exc

    __setattr__ = dict.__setitem__
    __delattr__ = dict.__delitem__

    def __dir__(self) -> list[str]:
        return list(self.keys())

    def __repr__(self) -> str:
        width = max(map(len, self), default=0) + 1
        show = lambda v: (np.array2string(v, prefix=" " * (width + 2))  # noqa: E731
                          if isinstance(v, np.ndarray) else str(v))
        return "\n".join(f"{k:>{width}}: {show(v)}" for k, v in self.items())


class ResultTuple(tuple):
    """A named tuple of ``_fields`` that also carries ``_extra_fields`` as attributes.

    A subclass names its fields::

        class TtestResult(ResultTuple):
            _fields = ("statistic", "pvalue")
            _extra_fields = ("df",)

    and is built with all of them, by position or name: ``TtestResult(t, p, df=ν)``.
    Iterating, indexing, ``len`` and ``==`` see the ``_fields`` only (read-only, as a
    named tuple's); the extra fields are plain attributes. ``repr`` shows both, as SciPy's.
    """

    _fields: ClassVar[tuple[str, ...]] = ()
    _extra_fields: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for i, name in enumerate(cls._fields):  # res.statistic is res[0]
            setattr(cls, name, property(operator.itemgetter(i), doc=f"Alias for field {i}"))

    def __new__(cls, *args: Any, **kwargs: Any) -> ResultTuple:
        names = cls._fields + cls._extra_fields
        if len(args) > len(names):
            raise TypeError(f"{cls.__name__} takes {len(names)} fields, got {len(args)}")
        values = dict(zip(names, args))
        for name, value in kwargs.items():
            if name not in names or name in values:
                raise TypeError(f"{cls.__name__}: unexpected or repeated field {name!r}")
            values[name] = value
        missing = [name for name in names if name not in values]
        if missing:
            raise TypeError(f"{cls.__name__}: missing fields {missing}")
        self = super().__new__(cls, tuple(values[name] for name in cls._fields))
        self.__dict__.update({name: values[name] for name in cls._extra_fields})
        return self

    def _asdict(self) -> dict[str, Any]:
        """Every field, the tuple's and the extra ones, by name."""
        return {name: getattr(self, name) for name in self._fields + self._extra_fields}

    def _replace(self, **changes: Any) -> ResultTuple:
        return type(self)(**{**self._asdict(), **changes})

    def __getnewargs_ex__(self) -> tuple[tuple, dict[str, Any]]:  # pickling and copying
        return (), self._asdict()

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in self._asdict().items())
        return f"{type(self).__name__}({fields})"
