"""Nothing returns a 500 to a user (issue 3): every operation of the REST API,
found from the API itself so that one added later is covered too, gets
malformed bodies and junk query parameters, and answers each with a JSON
error below 500."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.test import Client

from kohtaamo.api import api
from kohtaamo.conftest import Cast
from kohtaamo.testing.clients import api_client_for

pytestmark = pytest.mark.django_db

SCHEMA = api.get_openapi_schema()
PREFIX = "/api/v1/"
# The schema's and docs' own addresses, and the API root, are not operations.
NOT_OPERATIONS = {"openapi-json", "openapi-view", "api-root"}

OPERATIONS = sorted(
    (method.upper(), path, operation)
    for path, methods in SCHEMA["paths"].items()
    for method, operation in methods.items()
)
WRITES = [op for op in OPERATIONS if op[0] in ("POST", "PUT", "PATCH")]
READS = [op for op in OPERATIONS if op[0] == "GET"]


def _label(op: tuple[str, str, Any]) -> str:
    return f"{op[0]} {op[1]}"


def test_every_api_route_is_in_the_schema_and_so_in_these_tests() -> None:
    # An operation left out of the schema would also escape this walk.
    routes = {
        PREFIX + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", str(pattern.pattern))
        for pattern in api.urls[0]
        if pattern.name not in NOT_OPERATIONS
    }
    assert routes == set(SCHEMA["paths"])
    assert len(WRITES) >= 4 and len(READS) >= 10


def _url(path: str, operation: dict[str, Any], value: str = "1") -> str:
    for parameter in operation.get("parameters", []):
        if parameter["in"] == "path":
            path = path.replace("{" + parameter["name"] + "}", value)
    return path


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = SCHEMA["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _body_properties(operation: dict[str, Any]) -> list[str]:
    content = operation.get("requestBody", {}).get("content", {})
    schema = _resolve(content.get("application/json", {}).get("schema", {}))
    return list(schema.get("properties", {}))


def _nested(depth: int) -> Any:
    value: Any = "pohja"
    for level in range(depth):
        value = {"taso": [value, level]}
    return value


JUNK_VALUES: list[Any] = [
    None,
    True,
    -1,
    0,
    1.5,
    10**40,
    -(10**40),
    "",
    "x" * 100_000,
    "a\x00b",
    "\x00",
    "😀" * 50,
    [],
    [None, {"x": 1}, "y"],
    {},
    {"a": {"b": {"c": None}}},
    _nested(200),
]

RAW_BODIES: list[bytes] = [
    b"",
    b"{",
    b"}",
    b"not json at all",
    b"[]",
    b"[1, 2, 3]",
    b'"a string"',
    b"42",
    b"null",
    b"true",
    b'{"name": "a\x00b"}',
    b'{"name": "\xff\xfe"}',
    b"\xff\xfe\x00\x00",
    b"[" * 100_000 + b"]" * 100_000,
    b'{"a": ' * 5_000 + b"1" + b"}" * 5_000,
    json.dumps({"x" * 1_000: "y" * 1_000}).encode() + b" trailing",
    b'{"duplicate": 1, "duplicate": 2}',
    b"\x00" * 1_000,
]


def _assert_json_error_or_success(response: Any, label: str) -> None:
    assert response.status_code < 500, f"{label}: {response.status_code} {response.content[:300]!r}"
    assert response["Content-Type"].startswith("application/json"), label
    json.loads(response.content)


@pytest.fixture
def admin_client(cast: Cast) -> Client:
    return api_client_for(cast.admin)


@pytest.mark.parametrize("op", WRITES, ids=_label)
def test_malformed_bodies_get_a_json_answer_below_500(
    admin_client: Client, op: tuple[str, str, Any]
) -> None:
    method, path, operation = op
    url = _url(path, operation)
    send = getattr(admin_client, method.lower())
    for body in RAW_BODIES:
        response = send(url, body, content_type="application/json")
        _assert_json_error_or_success(response, f"{method} {path} with {body[:40]!r}")
    for field in [*_body_properties(operation), "unknown_field"]:
        for value in JUNK_VALUES:
            for payload in ({field: value}, [{field: value}]):
                response = send(url, json.dumps(payload), content_type="application/json")
                _assert_json_error_or_success(
                    response, f"{method} {path} with {field}={value!r:.40}"
                )
    # A body the wrong way round: form-encoded instead of JSON
    response = send(url, "name=a&code=b", content_type="application/x-www-form-urlencoded")
    _assert_json_error_or_success(response, f"{method} {path} form-encoded")


@pytest.mark.parametrize("op", WRITES, ids=_label)
def test_a_body_over_the_size_limit_is_refused_with_413(
    admin_client: Client, op: tuple[str, str, Any], settings: Any
) -> None:
    method, path, operation = op
    body = b'{"name": "' + b"x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1) + b'"}'
    response = getattr(admin_client, method.lower())(
        _url(path, operation), body, content_type="application/json"
    )
    assert response.status_code == 413
    json.loads(response.content)


JUNK_QUERY_VALUES = [
    "abc",
    "-1",
    "0",
    "9" * 40,
    "1.5",
    "",
    "true",
    "2025-13-45T99:99:99",
    "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59-14:00",
    "a\x00b",
    "x" * 10_000,
    "%ff",
]


@pytest.mark.parametrize("op", READS, ids=_label)
def test_junk_query_parameters_get_a_json_answer_below_500(
    admin_client: Client, op: tuple[str, str, Any]
) -> None:
    _method, path, operation = op
    url = _url(path, operation)
    names = [p["name"] for p in operation.get("parameters", []) if p["in"] == "query"]
    for name in [*names, "unknown"]:
        for value in JUNK_QUERY_VALUES:
            response = admin_client.get(url, {name: value})
            _assert_json_error_or_success(response, f"GET {path}?{name}={value!r:.40}")
        response = admin_client.get(url, {name: ["1", "2"]})
        _assert_json_error_or_success(response, f"GET {path}?{name} twice")
    response = admin_client.get(url, dict.fromkeys(names, "abc"))
    _assert_json_error_or_success(response, f"GET {path} with every parameter junk")


@pytest.mark.parametrize("op", [op for op in READS if "{" in op[1]], ids=_label)
def test_junk_ids_in_the_path_get_a_json_answer_below_500(
    admin_client: Client, op: tuple[str, str, Any]
) -> None:
    _method, path, operation = op
    for value in ["abc", "-1", "0", "9" * 40, "1.5", "%00", "1%20"]:
        response = admin_client.get(_url(path, operation, value))
        _assert_json_error_or_success(response, f"GET {path} with id {value!r}")
        assert response.status_code in (404, 422), f"{path} {value}"


@pytest.mark.parametrize("op", OPERATIONS, ids=_label)
def test_anonymous_callers_get_json_too(op: tuple[str, str, Any]) -> None:
    method, path, operation = op
    response = Client().generic(method, _url(path, operation), b"{", "application/json")
    _assert_json_error_or_success(response, f"anonymous {method} {path}")
