"""The OpenAPI schema names its components by the class name alone: two API schemas of the same name with different
fields would silently share one component, and one endpoint's answers would be documented with the other's shape
(schemathesis then reports a schema violation). Every name is one shape."""

from collections import defaultdict

from ninja import Schema

import iljari.api  # noqa: F401  (imports every app's api module)


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_no_two_api_schemas_share_a_name_with_different_fields():
    shapes = defaultdict(dict)
    for schema in _subclasses(Schema):
        if schema.__module__.startswith("iljari."):
            shapes[schema.__name__][schema.__module__] = schema.model_json_schema()
    clashes = {
        name: sorted(modules)
        for name, modules in shapes.items()
        if len({repr(shape) for shape in modules.values()}) > 1
    }
    assert clashes == {}
