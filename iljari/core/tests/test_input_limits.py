"""The limits of a request's input answer in Korean, on SQLite and PostgreSQL alike: a body over the limit is 413
(the API's JSON, or the Korean page), never a 500; a NUL or other control character in a query, a form or a JSON
body is 400 before any view runs (PostgreSQL refuses NUL in text: it was a 500 there), and writes nothing; the
forms' own validator refuses them too, letting a textarea keep its tabs and line breaks."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest
from django import forms
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iljari.core.forms import KrdsFormMixin
from iljari.core.roles import Role
from iljari.org.models import Partner

CONTROLS = st.characters(categories=["Cc"], exclude_characters="\t\r\n")
FIXTURES = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _partner(name: str, **extra) -> dict:
    return {"code": "NEW-01", "name": name, "kind": "trustee", **extra}


def test_an_api_body_over_the_limit_answers_413_in_korean(client_as, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = client_as(Role.OFFICE_MANAGER).post(
        "/api/org/partners", json.dumps(_partner("가" * 20_000)), content_type="application/json"
    )
    assert response.status_code == 413
    body = response.json()
    assert body["code"] == "too_large" and "너무 큽니다" in body["message"]
    assert not Partner.objects.filter(code="NEW-01").exists()


def test_a_form_body_over_the_limit_answers_the_korean_413_page(client_as, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = client_as(Role.OFFICE_MANAGER).post("/org/partners/new/", _partner("가" * 20_000))
    assert response.status_code == 413
    page = response.content.decode()
    assert "요청이 너무 큽니다" in page and "413" in page and "Traceback" not in page


@FIXTURES
@given(control=CONTROLS)
def test_a_control_character_in_an_api_body_is_refused_in_korean_and_writes_nothing(client_as, control):
    response = client_as(Role.OFFICE_MANAGER).post(
        "/api/org/partners", json.dumps(_partner(f"동부{control}기관")), content_type="application/json"
    )
    assert response.status_code == 400
    body = response.json()
    assert "제어 문자" in body["message"] and body["errors"][0]["field"] == "name"
    assert not Partner.objects.filter(code="NEW-01").exists()


@FIXTURES
@given(control=CONTROLS, where=st.sampled_from(["value", "key"]))
def test_a_control_character_in_a_form_is_refused_in_korean_and_writes_nothing(client_as, control, where):
    data = _partner("동부기관")
    client = client_as(Role.OFFICE_MANAGER)
    if where == "value":  # multipart, as the upload forms send it
        data["address"] = f"서울{control}"
        response = client.post("/org/partners/new/", data)
    else:  # a field's name: urlencoded (a multipart header cannot carry it: Django's parser drops or refuses it)
        data[f"x{control}"] = "1"
        body = urlencode(data)
        response = client.post("/org/partners/new/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert "제어 문자" in response.content.decode()
    assert not Partner.objects.filter(code="NEW-01").exists()


@pytest.mark.parametrize("path", ["/org/partners/?q=a%00b", "/api/org/partners?q=a%00b", "/org/?x%1B=1"])
def test_a_control_character_in_the_query_is_refused_in_korean(client_as, path):
    response = client_as(Role.OFFICE_MANAGER).get(path)
    assert response.status_code == 400
    text = response.json()["message"] if path.startswith("/api/") else response.content.decode()
    assert "제어 문자" in text


def test_tabs_and_line_breaks_pass_the_edge(client_as):
    response = client_as(Role.OFFICE_MANAGER).post(
        "/api/org/partners",
        json.dumps(_partner("동부 기관", entrusted_task="직업훈련\r\n\t취업 연계")),
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert Partner.objects.get(code="NEW-01").entrusted_task.startswith("직업훈련")


def test_a_body_that_is_not_json_is_left_to_the_api(client_as):
    response = client_as(Role.OFFICE_MANAGER).post("/api/org/partners", b"\xff{", content_type="application/json")
    assert response.status_code in (400, 422)


class _Form(KrdsFormMixin, forms.Form):
    title = forms.CharField()
    body = forms.CharField(widget=forms.Textarea)


@given(control=CONTROLS)
def test_the_form_validator_refuses_control_characters(control):
    form = _Form({"title": f"a{control}b", "body": f"a{control}b"})
    assert not form.is_valid()
    assert "제어 문자" in form.errors["title"][0] and "제어 문자" in form.errors["body"][0]


def test_a_textarea_keeps_tabs_and_line_breaks_and_a_single_line_does_not():
    form = _Form({"title": "a\tb", "body": "첫 줄\r\n\t둘째 줄"})
    assert not form.is_valid()
    assert list(form.errors) == ["title"]
    assert _Form({"title": "제목", "body": "첫 줄\r\n\t둘째 줄"}).is_valid()
