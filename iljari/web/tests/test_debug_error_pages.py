"""The demo runs with DEBUG on: a missing page and a failure still answer the Korean pages, never Django's debug
pages (the URL list, the traceback, the settings); DEBUG_ERROR_PAGES=1 gives a developer Django's pages back."""

from __future__ import annotations

import pytest
from django.test import Client

from iljari.core.roles import Role

DJANGO_DEBUG_WORDS = ("DEBUG = True", "Traceback", "URLconf", "Django Version", "settings file")


@pytest.fixture
def debug(settings):
    settings.DEBUG = True
    settings.ILJARI_DEBUG_ERROR_PAGES = False
    return settings


def _korean(response, status: int, words: str):
    assert response.status_code == status
    page = response.content.decode()
    assert '<html lang="ko">' in page and words in page
    assert not [word for word in DJANGO_DEBUG_WORDS if word in page]


@pytest.mark.parametrize("path", ["/no-such-page/", "/org/units/NO-SUCH-UNIT/", "/static-nothing.css"])
def test_a_missing_page_is_the_korean_404_with_debug_on(debug, client_as, path):
    _korean(client_as(Role.OFFICE_MANAGER).get(path), 404, "페이지를 찾을 수 없습니다")


def test_a_missing_page_is_the_korean_404_for_a_visitor_not_logged_in(debug, db):
    _korean(Client().get("/no-such-page/"), 404, "페이지를 찾을 수 없습니다")


def test_a_failure_is_the_korean_500_with_debug_on(debug, client_as, monkeypatch):
    from iljari.org import selectors

    def broken(**kwargs):
        raise RuntimeError("secret detail of the failure")

    monkeypatch.setattr(selectors, "org_unit_tree", broken)
    client = client_as(Role.OFFICE_MANAGER)
    client.raise_request_exception = False
    response = client.get("/org/")
    _korean(response, 500, "시스템 오류가 발생했습니다")
    assert "secret detail" not in response.content.decode()


def test_the_api_keeps_its_json_errors_with_debug_on(debug, client_as):
    response = client_as(Role.OFFICE_MANAGER).get("/api/no-such-endpoint")
    assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_a_developer_gets_djangos_pages_back(debug, client_as):
    debug.ILJARI_DEBUG_ERROR_PAGES = True
    page = client_as(Role.OFFICE_MANAGER).get("/no-such-page/").content.decode()
    assert "URLconf" in page
