"""A conversion agreed by its parties (노사합의) before it is done: the form takes the day, the service refuses a day
to come or after the day done, the page lists it as 노사합의, and the count of agreed headcount reads it as of a day
without moving the counts of a kind (the 무기계약직 still to go)."""

from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from iljari.core import services as core_services
from iljari.core.errors import ValidationFailed
from iljari.core.roles import Role
from iljari.frontline import services
from iljari.frontline.models import Conversion
from iljari.frontline.record_figures import conversions_agreed, indefinite_remaining
from iljari.org.models import OrgUnit, Partner


@pytest.fixture
def labour(frontline):
    client = Client()
    client.force_login(
        core_services.user_create(
            actor=None,
            username="t_labour_agreed",
            password="Test!persona2018",
            role=Role.DIVISION_STAFF,
            org_unit=OrgUnit.objects.get(code="LABOUR-POLICY"),
        )
    )
    return client


AGREED = {"kind": "non_regular", "institution": "SH", "group": "임대주택관리원", "planned": "384", "done": "0",
          "agreed_on": "2018-06-29"}  # fmt: skip


def test_an_agreed_conversion_is_kept_listed_and_counted_as_of_its_day(labour):
    assert labour.post("/frontline/public-sector/conversions/", AGREED).status_code == 302
    conversion = Conversion.objects.get()
    assert (conversion.kind, conversion.agreed_on, conversion.done) == ("non_regular", date(2018, 6, 29), 0)
    page = labour.get("/frontline/public-sector/?year=2018&as_of=2018-06-30").content.decode()
    assert "노사합의 (2018.6.29.)" in page and "비정규직 → 정규직(고용형태 미기재) · 임대주택관리원" in page
    assert "남은 384명(노사합의 384명 포함)" in page
    assert conversions_agreed("SH", year=2018, as_of=date(2018, 6, 30)) == 384
    assert conversions_agreed("SH", year=2018, as_of=date(2018, 6, 28)) == 0
    assert conversions_agreed("SH", year=2019, as_of=date(2019, 6, 30)) == 0  # agreed in another year
    assert indefinite_remaining(as_of=date(2018, 6, 30)) == 0  # no 무기계약직 among them


def test_an_agreement_to_come_or_after_the_conversion_is_refused(labour):
    tomorrow = timezone.localdate() + timedelta(days=1)
    page = labour.post(
        "/frontline/public-sector/conversions/", {**AGREED, "agreed_on": tomorrow.isoformat()}, follow=True
    ).content.decode()
    assert "노사합의일은 오늘 이후일 수 없습니다." in page
    with pytest.raises(ValidationFailed) as error:
        services.conversion_record(
            actor=None,
            kind="non_regular",
            institution=Partner.objects.get(code="SH"),
            group="임대주택관리원",
            planned=384,
            done=384,
            done_on=date(2018, 6, 1),
            agreed_on=date(2018, 6, 29),
        )
    assert error.value.field_errors == {"agreed_on": ["노사합의일은 전환일보다 늦을 수 없습니다."]}
    assert Conversion.objects.count() == 0
