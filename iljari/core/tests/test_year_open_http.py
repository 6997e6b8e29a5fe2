"""Opening a year through its page, its API and `iljari year open`: the preview writes nothing, one confirmed POST
creates the year, bad input is a Korean message on the field with nothing written."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from iljari.core.models import ChangeBatch
from iljari.core.roles import Role
from iljari.demo.dataset import report2018 as r
from iljari.plan.models import Programme, Vision

pytestmark = pytest.mark.django_db


def test_the_page_previews_then_opens_once(dataset_2018, client_as):
    client = client_as(Role.OFFICE_MANAGER)
    page = client.get("/years/open/")
    assert page.status_code == 200 and 'value="2018" selected' in page.content.decode()

    preview = client.get("/years/open/?from_year=2018&to_year=2019")
    text = preview.content.decode()
    assert preview.status_code == 200
    assert "새로 만들 것" in text and f'data-part="주요업무">{len(r.PROGRAMMES)}<' in text
    assert "2019년 준비하기" in text
    assert not Vision.objects.filter(year=2019).exists()  # a preview writes nothing

    done = client.post("/years/open/", {"from_year": "2018", "to_year": "2019"}, follow=True)
    text = done.content.decode()
    assert done.status_code == 200 and "2019년을 준비했습니다(" in text
    assert "/plan/?year=2019" in text  # the result links to the new year's plan
    assert Programme.objects.filter(objective__vision__year=2019).count() == len(r.PROGRAMMES)
    assert "2019년은 이미 준비되어 있습니다" in text and "2019년 준비하기" not in text

    again = client.post("/years/open/", {"from_year": "2018", "to_year": "2019"})
    assert again.status_code == 400 and "2019년은 이미 준비되어 있습니다" in again.content.decode()
    assert ChangeBatch.objects.filter(kind="core.year_open").count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"from_year": "2018", "to_year": "2018"}, "준비할 연도는 가져올 연도(2018년)보다 뒤여야 합니다."),
        ({"from_year": "2018", "to_year": "이천십구"}, "숫자"),
        ({"from_year": "1999", "to_year": "2019"}, "가져올 연도를 목록에서 고르십시오."),
        ({"from_year": "2018", "to_year": ""}, "필수"),
    ],
)
def test_bad_input_is_a_korean_message_on_the_field(dataset_2018, client_as, data, message):
    response = client_as(Role.OFFICE_MANAGER).post("/years/open/", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Vision.objects.exclude(year=2018).exists() and not ChangeBatch.objects.exists()


@pytest.mark.parametrize("role", [Role.DIVISION_STAFF, Role.AUDITOR, Role.SYSTEM_ADMIN])
def test_others_cannot_open_through_the_page_or_the_api(dataset_2018, client_as, role):
    client = client_as(role)
    assert client.post("/years/open/", {"from_year": "2018", "to_year": "2019"}).status_code == 403
    response = client.post("/api/years/2019/open", {"from_year": 2018}, content_type="application/json")
    assert response.status_code == 403 and response.json()["code"] == "forbidden"
    assert not Vision.objects.filter(year=2019).exists()


def test_the_api_previews_and_opens(dataset_2018, client_as):
    client = client_as(Role.OFFICE_MANAGER)
    preview = client.get("/api/years/2019/preview?from_year=2018").json()
    parts = {part["label"]: part for part in preview["parts"]}
    assert parts["주요업무"]["step"] == "plan" and len(parts["주요업무"]["create"]) == len(r.PROGRAMMES)
    assert parts["정책지표 2019년 목표"]["informational"] is True

    opened = client.post("/api/years/2019/open", {"from_year": 2018}, content_type="application/json")
    assert opened.status_code == 201, opened.content
    body = opened.json()
    assert body["total"] == preview["to_create"] and body["batch_id"] is not None
    assert {"label": "주요업무", "count": len(r.PROGRAMMES)} in body["created"]

    again = client.post("/api/years/2019/open", {"from_year": 2018}, content_type="application/json")
    assert again.status_code == 400
    assert again.json()["errors"] == [
        {"field": "to_year", "message": "2019년은 이미 준비되어 있습니다(새로 만들 것이 없습니다)."}
    ]
    bad = client.post("/api/years/2018/open", {"from_year": 2018}, content_type="application/json")
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "to_year"


def test_the_command_dry_run_writes_nothing_then_opens(dataset_2018):
    out = StringIO()
    call_command("year", "open", "2019", "--from", "2018", "--dry-run", stdout=out)
    assert (
        f"주요업무: 새로 만들 것 {len(r.PROGRAMMES)}" in out.getvalue() and "아무것도 쓰지 않았습니다" in out.getvalue()
    )
    assert not Vision.objects.filter(year=2019).exists()

    out = StringIO()
    call_command("year", "open", "2019", "--from", "2018", stdout=out)
    assert "2019년을 준비했습니다(" in out.getvalue()
    assert Programme.objects.filter(objective__vision__year=2019).count() == len(r.PROGRAMMES)

    out = StringIO()
    call_command("year", "open", "2019", "--from", "2018", stdout=out)
    assert "2019년은 이미 준비되어 있습니다" in out.getvalue()
    with pytest.raises(CommandError, match="보다 뒤여야"):
        call_command("year", "open", "2017", "--from", "2018", stdout=StringIO())
