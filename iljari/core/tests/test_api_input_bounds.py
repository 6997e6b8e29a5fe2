"""Every input of every API endpoint declares its bounds in the OpenAPI schema (issue 21): an integer or a number
its minimum and maximum, a date its formatMinimum and formatMaximum, a string its maxLength. An input without
bounds is where 1e30, 2^63 or the year 9999 reached the database."""

from __future__ import annotations

from iljari.api import api


def _resolve(schema: dict, components: dict) -> dict:
    while "$ref" in schema:
        schema = components[schema["$ref"].split("/")[-1]]
    return schema


def _leaves(schema: dict, where: str, components: dict):
    schema = _resolve(schema, components)
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            for part in schema[key]:
                yield from _leaves(part, where, components)
            return
    if schema.get("type") == "object":
        for name, part in schema.get("properties", {}).items():
            yield from _leaves(part, f"{where}.{name}", components)
        if isinstance(schema.get("additionalProperties"), dict):
            yield from _leaves(schema["additionalProperties"], f"{where}.*", components)
        return
    if schema.get("type") == "array":
        yield from _leaves(schema.get("items", {}), f"{where}[]", components)
        return
    yield where, schema


def unbounded(schema: dict) -> bool:
    if "enum" in schema or "const" in schema or schema.get("type") in ("boolean", "null", None):
        return False
    if schema["type"] in ("integer", "number"):
        return not ("minimum" in schema or "exclusiveMinimum" in schema) or not (
            "maximum" in schema or "exclusiveMaximum" in schema
        )
    if schema.get("format") in ("date", "date-time"):
        return "formatMinimum" not in schema or "formatMaximum" not in schema
    if schema.get("format") == "binary":
        return False  # an upload's size is bounded by the upload limit (413)
    return "maxLength" not in schema


def api_inputs():
    schema = api.get_openapi_schema()
    components = schema.get("components", {}).get("schemas", {})
    for url, operations in schema["paths"].items():
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                where = f"{method.upper()} {url} {parameter['in']}:{parameter['name']}"
                yield from _leaves(parameter.get("schema", {}), where, components)
            for content in operation.get("requestBody", {}).get("content", {}).values():
                yield from _leaves(content.get("schema", {}), f"{method.upper()} {url} body", components)


def test_the_walk_finds_the_inputs_it_checks():
    inputs = list(api_inputs())

    assert len(inputs) > 100
    assert any(where.endswith("body.value") for where, _ in inputs)  # the indicator value of issue 21


def test_every_api_input_declares_its_bounds():
    missing = [f"{where} {schema}" for where, schema in api_inputs() if unbounded(schema)]

    assert missing == []


def test_an_unbounded_input_is_caught():
    assert unbounded({"type": "integer", "minimum": 0})
    assert unbounded({"type": "number", "maximum": 1})
    assert unbounded({"type": "string", "format": "date"})
    assert unbounded({"type": "string"})
    assert not unbounded({"type": "integer", "minimum": 0, "maximum": 9})
    assert not unbounded({"type": "string", "format": "date", "formatMinimum": "2000-01-01", "formatMaximum": "x"})
    assert not unbounded({"type": "string", "maxLength": 20})
