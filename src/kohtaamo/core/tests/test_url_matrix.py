"""Walk every URL pattern of the project as every role (issue 3)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from kohtaamo.accounts.services import api_token_create
from kohtaamo.conftest import Cast
from kohtaamo.testing.clients import client_for
from kohtaamo.testing.url_matrix import LOGIN, ROLES, Route


def _pattern_names(resolver: URLResolver, namespace: str = "") -> list[str]:
    names = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            names.extend(_pattern_names(entry, inner))
        elif isinstance(entry, URLPattern):
            names.append(
                f"{namespace}{entry.name}"
                if entry.name
                else f"{namespace}<unnamed {entry.pattern}>"
            )
    return names


def _matrix_modules() -> list[Any]:
    """Every app's `tests/url_matrix.py` and `tests/url_matrix_*.py`."""
    modules = []
    for config in apps.get_app_configs():
        if not config.name.startswith("kohtaamo."):
            continue
        tests_dir = Path(config.path) / "tests"
        for file in sorted(tests_dir.glob("url_matrix*.py")):
            modules.append(importlib.import_module(f"{config.name}.tests.{file.stem}"))
    return modules


def _project_matrix() -> dict[str, Route]:
    matrix: dict[str, Route] = {}
    for module in _matrix_modules():
        overlap = matrix.keys() & module.EXPECTED.keys()
        assert not overlap, f"listed twice: {overlap}"
        matrix.update(module.EXPECTED)
    return matrix


MATRIX = _project_matrix()
PROJECT_NAMES = sorted(set(_pattern_names(get_resolver())))
# The admin's own login and logout pages are open by design.
ADMIN_NAMES = [
    n for n in PROJECT_NAMES if n.startswith("admin:") and n not in ("admin:login", "admin:logout")
]


def test_every_url_pattern_is_in_the_matrix() -> None:
    listed = {name.split("#")[0] for name in MATRIX}
    missing = [n for n in PROJECT_NAMES if not n.startswith("admin:") and n not in listed]
    assert missing == [], f"URL patterns without an access test: {missing}"


def test_the_matrix_lists_no_url_that_is_gone() -> None:
    gone = [n for n in MATRIX if n.split("#")[0] not in PROJECT_NAMES]
    assert gone == []


@dataclass
class World:
    cast: Cast
    encounter: Any
    other_encounter: Any
    agent_token: Any
    extra: dict[str, Any]

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["extra"][name]
        except KeyError as exc:
            raise AttributeError(name) from exc


@pytest.fixture
def world(cast: Cast, encounter: Any, other_encounter: Any) -> World:
    token, _secret = api_token_create(user=cast.agent, name="matrix")
    extra: dict[str, Any] = {}
    for module in _matrix_modules():
        builder = getattr(module, "build_world", None)
        if builder is not None:
            extra.update(builder(cast=cast, encounter=encounter, other_encounter=other_encounter))
    return World(cast, encounter, other_encounter, token, extra)


def _assert_answer(response: Any, expected: int | str, label: str) -> None:
    if expected == LOGIN:
        assert response.status_code == 302, label
        assert response["Location"].startswith(reverse(settings.LOGIN_URL)), label
    else:
        assert response.status_code == expected, f"{label}: got {response.status_code}"


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("role", ROLES)
def test_role_gets_the_expected_answer(world: World, name: str, role: str) -> None:
    route = MATRIX[name]
    url = reverse(name.split("#")[0], kwargs=route.kwargs(world))
    client = client_for(world.cast.by_role(role))
    kwargs: dict[str, Any] = {"headers": route.headers}
    if route.data is not None:
        kwargs["data"] = route.data(world)
    if route.content_type:
        kwargs["content_type"] = route.content_type
    response = getattr(client, route.method)(url, **kwargs)
    _assert_answer(response, route.expect[role], f"{role} {route.method.upper()} {name}")


def _admin_kwargs(name: str, world: World) -> dict[str, Any] | None:
    resolver_match = None
    for kwargs in (
        {},
        {"app_label": "org"},
        {"object_id": world.cast.team.pk},
        {"id": world.cast.admin.pk},
    ):
        try:
            reverse(name, kwargs=kwargs)
        except Exception:
            continue
        resolver_match = kwargs
        break
    return resolver_match


@pytest.mark.django_db
@pytest.mark.parametrize("name", ADMIN_NAMES)
def test_django_admin_is_for_admins_only(world: World, name: str) -> None:
    kwargs = _admin_kwargs(name, world)
    if kwargs is None:
        pytest.skip(f"{name} takes arguments this walk does not build (view_on_site)")
    url = reverse(name, kwargs=kwargs)
    for role in ("anonymous", "agent", "lead", "manager"):
        response = client_for(world.cast.by_role(role)).get(url)
        assert response.status_code in (302, 404), f"{role} {name}: {response.status_code}"
        if response.status_code == 302:
            assert "/admin/login/" in response["Location"], f"{role} {name}"
    assert client_for(world.cast.admin).get(url).status_code < 500
