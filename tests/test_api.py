"""Same API (docs/contract.md §1): the same public names with the same signatures in both
packages."""
import importlib
import inspect

import pytest

import mathml
import reference
from reference import catalog

MODULES = [name for name in mathml.__all__]


@pytest.mark.parametrize("module", MODULES)
def test_every_public_module_declares_all(module):
    for package in ("mathml", "reference"):
        m = importlib.import_module(f"{package}.{module}")
        assert hasattr(m, "__all__"), f"{package}.{module} has no __all__"
        missing = [n for n in m.__all__ if not hasattr(m, n)]
        assert not missing, f"{package}.{module}.__all__ names undefined {missing}"


@pytest.mark.parametrize("module", MODULES)
def test_same_public_names(module):
    ours = set(importlib.import_module(f"mathml.{module}").__all__)
    theirs = set(importlib.import_module(f"reference.{module}").__all__)
    assert ours == theirs, (f"only in mathml: {sorted(ours - theirs)}; "
                            f"only in reference: {sorted(theirs - ours)}")


@pytest.mark.parametrize("module", MODULES)
def test_same_signatures(module):
    ours = importlib.import_module(f"mathml.{module}")
    theirs = importlib.import_module(f"reference.{module}")
    for name in ours.__all__:
        a, b = getattr(ours, name), getattr(theirs, name)
        if not callable(a) or isinstance(a, type) and issubclass(a, BaseException):
            continue
        sa, sb = _signature(a), _signature(b)
        params_a = sa and [(p.name, p.kind, p.default) for p in sa.parameters.values()]
        params_b = sb and [(p.name, p.kind, p.default) for p in sb.parameters.values()]
        assert params_a == params_b, f"{module}.{name}: mathml{sa} vs reference{sb}"


def _signature(obj):
    """The signature, or None where there is none to read (a dict subclass such as
    OptimizeResult takes what dict takes, in both backends)."""
    try:
        return inspect.signature(obj)
    except ValueError:
        return None


def test_top_level_modules_match():
    assert set(mathml.__all__) <= set(reference.__all__)


@pytest.mark.parametrize("area", catalog.AREAS)
def test_every_public_function_is_a_concept(area):
    """A public function outside the catalog would be untested, unlisted and unchecked."""
    names = {c.function_name for c in catalog.all_concepts([area])}
    module = importlib.import_module(f"mathml.{area}")
    public = []
    for name in module.__all__:  # a public submodule (metrics.pairwise) counts by its names
        attr = getattr(module, name)
        public += ([f"{name}.{sub}" for sub in attr.__all__] if inspect.ismodule(attr)
                   else [name])
    assert set(public) == names, (f"not in the catalog: {sorted(set(public) - names)}; "
                                  f"catalog names not public: {sorted(names - set(public))}")


@pytest.mark.parametrize("name", ["LinAlgError", "NotFittedError", "InvalidParameterError",
                                  "ConvergenceWarning", "IntegrationWarning",
                                  "DataConversionWarning", "UndefinedMetricWarning",
                                  "ClusterWarning", "DegenerateDataWarning",
                                  "ConstantInputWarning", "NearConstantInputWarning",
                                  "SmallSampleWarning"])
def test_exception_classes_have_the_same_bases(name):
    ours = getattr(mathml.exceptions, name)
    theirs = getattr(reference.exceptions, name)
    assert ours.__name__ == theirs.__name__
    assert [b.__name__ for b in ours.__mro__[1:]] == [b.__name__ for b in theirs.__mro__[1:]] \
        or ours is theirs
