"""Exercises: a concept as a stub for a learner to fill in, and the order to take them in.

    mathml exercise linalg.dot -o my_dot.py      the signature, the docstring, a stub body
    mathml check my_dot.py:dot linalg.dot        graded against the reference
    mathml exercise --list linalg                the area's concepts in a sensible order

The stub carries the mathml implementation's signature and its whole docstring (the
definition, the algorithm's steps, the complexity, what the answer is checked against), so
the learner writes the body the docstring describes.
"""
from __future__ import annotations

import inspect
from typing import Any

from . import catalog
from .catalog import Concept

__all__ = ["ORDER", "order", "order_table", "stub", "name_in_stub", "is_stub"]

#: A suggested order per area: each concept after the ones it builds on. Concepts not named
#: here follow in catalog order.
ORDER: dict[str, tuple[str, ...]] = {
    # vectors, then matrices, then factorisations, then what is built on them
    "linalg": ("add", "scale", "dot", "norm", "outer", "transpose", "matmul", "trace",
               "matrix_power", "lu", "det", "slogdet", "solve", "inv", "cholesky", "qr",
               "eigh", "eigvalsh", "eig", "eigvals", "svd", "matrix_rank", "cond", "pinv",
               "lstsq"),
    # summaries of one sample, then spread and shape, then two samples, then tests
    "stats": ("mean", "median", "mode", "quantile", "percentile", "var", "std", "zscore",
              "skew", "kurtosis", "histogram", "cov", "corrcoef", "pearsonr", "spearmanr",
              "ttest_1samp", "ttest_ind", "chi2_contingency"),
    # the scalar functions before the vector ones that rely on their stable forms
    "special": ("expit", "logit", "logsumexp", "softmax", "log_softmax", "xlogy", "gamma",
                "gammaln", "beta", "erf", "erfc", "erfinv", "gammainc", "gammaincc", "betainc"),
    # entropy first: the divergences and the mutual information are written with it
    "information": ("entropy", "cross_entropy", "kl_divergence", "js_divergence",
                    "jensenshannon_distance", "joint_entropy", "conditional_entropy",
                    "information_gain", "mutual_info_score", "normalized_mutual_info_score"),
}


def order(area: str) -> list[Concept]:
    """The concepts of `area` in the suggested order (`ORDER`, then catalog order)."""
    concepts = catalog.all_concepts([area])
    rank = {name: i for i, name in enumerate(ORDER.get(area, ()))}
    return sorted(concepts, key=lambda c: rank.get(c.function_name, len(rank)))


def order_table(area: str) -> str:
    """The suggested order as numbered lines: the name, what it is checked against, and its
    docstring's summary line."""
    lines = [f"Exercises in {area}, in a suggested order "
             "(`mathml exercise AREA.NAME -o FILE.py` writes one):"]
    for i, c in enumerate(order(area), 1):
        summary = (inspect.getdoc(c.mathml) or "").partition("\n")[0]
        if not (inspect.isfunction(c.mathml) or inspect.isclass(c.mathml)):
            summary = "(no stub yet: a distribution object; `mathml show` it)"
        lines.append(f"{i:>3}. {c.name:<32} {summary}")
    return "\n".join(lines)


def name_in_stub(concept: Concept) -> str:
    """The name the stub defines (the last part of ``metrics.pairwise.rbf_kernel``)."""
    return concept.function_name.rsplit(".", 1)[-1]


def stub(concept: Concept | str, file: str = "FILE.py") -> str:
    """The exercise for `concept`: a module with the concept's signature and docstring, a
    body that raises ``NotImplementedError``, and the command that checks it."""
    c = catalog.get(concept) if isinstance(concept, str) else concept
    target = c.mathml
    name = name_in_stub(c)
    if inspect.isclass(target):
        body = _class_stub(target, name)
    elif inspect.isfunction(target):
        body = _function_stub(target, name)
    else:
        raise ValueError(f"{c.name} is a {type(target).__name__} object, not a function or a "
                         "class: there is no exercise for it yet; `mathml show "
                         f"{c.name}` shows how it is built")
    header = (f'"""Exercise: {c.name}, from scratch (numpy and the standard library only).\n\n'
              f"Write the body from the docstring, then check it against {c.reference_call}:\n\n"
              f"    mathml check {file}:{name} {c.name}\n\n"
              f"`mathml show {c.name}` shows a worked solution beside the reference.\n"
              '"""\n'
              "from __future__ import annotations\n\n"
              "import numpy as np\n"
              "from numpy.typing import ArrayLike, NDArray\n\n\n")
    return header + body


def _function_stub(func: Any, name: str) -> str:
    return (f"def {name}{_signature(func)}:\n"
            f"{_docstring(func, '    ')}\n"
            "    raise NotImplementedError\n")


def _class_stub(cls: type, name: str) -> str:
    """The estimator's constructor and its own public methods, each raising."""
    lines = [f"class {name}:", _docstring(cls, "    "), ""]
    init = cls.__dict__.get("__init__")
    if init is not None:  # scikit-learn's rule: the constructor only stores its arguments
        lines += [f"    def __init__{_signature(init, '    ')}:"]
        lines += [f"        self.{p} = {p}" for p in inspect.signature(init).parameters
                  if p != "self"] or ["        pass"]
        lines += [""]
    for attr, member in vars(cls).items():
        if attr.startswith("_") or not inspect.isfunction(member):
            continue
        lines += [f"    def {attr}{_signature(member, '    ')}:"]
        summary = (inspect.getdoc(member) or "").partition("\n")[0]
        if summary:
            lines += [f'        r"""{summary}"""']
        lines += ["        raise NotImplementedError", ""]
    return "\n".join(lines).rstrip() + "\n"


class _Source:
    """An annotation or default shown as the source text it was written as."""

    def __init__(self, text: str):
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _signature(func: Any, indent: str = "") -> str:
    """The signature as source: string annotations unquoted (the stub does not evaluate
    them: ``from __future__ import annotations``), a class default by its name, and one
    parameter per line where the line would pass 88 columns."""
    sig = inspect.signature(func)
    params = [p.replace(annotation=_source(p.annotation), default=_default(p.default))
              for p in sig.parameters.values()]
    text = str(sig.replace(parameters=params, return_annotation=_source(sig.return_annotation)))
    if len(text) + len(indent) + 16 <= 88:
        return text
    inner, _, ret = text[1:].rpartition(")")
    parts = [part.strip() for part in _split_top_level(inner)]
    return ("(\n" + "".join(f"{indent}        {part},\n" for part in parts)
            + f"{indent}){ret}")


def _source(annotation: Any) -> Any:
    return _Source(annotation) if isinstance(annotation, str) else annotation


def _default(value: Any) -> Any:
    if isinstance(value, type) and value is not inspect.Parameter.empty:
        prefix = {"numpy": "np.", "builtins": ""}.get(value.__module__, "")
        return _Source(prefix + value.__name__)
    return value


def _split_top_level(text: str) -> list[str]:
    """`text` split at the commas outside brackets and quotes."""
    parts, depth, quote, start = [], 0, "", 0
    for i, ch in enumerate(text):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    return parts + [text[start:]]


def _docstring(obj: Any, indent: str) -> str:
    doc = inspect.getdoc(obj) or "(no docstring)"
    quote = '"""' if '"""' not in doc else "'''"
    lines = [f"{indent}r{quote}{doc.splitlines()[0]}"]
    lines += [f"{indent}{line}".rstrip() for line in doc.splitlines()[1:]]
    lines += [f"{indent}{quote}"]
    return "\n".join(lines)


def is_stub(func: Any, concept: Concept) -> bool:
    """Whether `func` is still the exercise's stub: it raises ``NotImplementedError`` on the
    concept's first example."""
    try:
        concept.apply(func, concept.cases[0])
    except NotImplementedError:
        return True
    except Exception:  # a wrong answer is the checker's to report
        return False
    return False
