"""Support recorded for selected strong SMEs: only for a designated enterprise, interns up to 23 months."""

from datetime import date

import pytest

from iljari.core.errors import ValidationFailed
from iljari.core.roles import Role
from iljari.enterprises import services
from iljari.enterprises.models import SupportRecord
from iljari.enterprises.tests.factories import make_organisation, make_strong_sme


def test_interns_replacing_staff_on_parental_leave_are_supported_up_to_23_months(client_as):
    company = make_strong_sme()
    client = client_as(Role.DIVISION_STAFF)
    form = {"kind": "parental_leave_intern", "year": "2018", "started_on": date.today().isoformat(), "interns": "1"}
    client.post(f"/enterprises/{company.pk}/support/", {**form, "months": "24"})
    assert not SupportRecord.objects.exists()
    client.post(f"/enterprises/{company.pk}/support/", {**form, "months": "23"})
    record = SupportRecord.objects.get()
    assert (record.interns, record.months) == (1, 23)
    page = client.get(f"/enterprises/{company.pk}/").content.decode()
    assert "육아휴직자 대체 청년인턴" in page


def test_support_is_refused_for_an_enterprise_that_is_not_a_strong_sme(org):
    plain = make_organisation("(주)미선정")
    with pytest.raises(ValidationFailed) as caught:
        services.support_record(
            actor=None,
            organisation=plain,
            kind="improvement_grant",
            year=2018,
            started_on=date(2018, 9, 1),
            amount=10_000_000,
        )
    assert caught.value.message == "(주)미선정은 2018.9.1.에 서울형 강소기업이 아닙니다."
    with pytest.raises(ValidationFailed) as caught:
        services.support_record(
            actor=None,
            organisation=make_strong_sme(),
            kind="improvement_grant",
            year=2018,
            started_on=date.today(),
            amount=0,
        )
    assert caught.value.field_errors == {"amount": ["근무환경개선금의 지원액을 입력하십시오."]}
    assert not SupportRecord.objects.exists()


def test_only_office_staff_record_support(client_as):
    company = make_strong_sme()
    response = client_as(Role.AUDITOR).post(
        f"/enterprises/{company.pk}/support/",
        {"kind": "improvement_grant", "year": "2018", "started_on": "2018-09-01", "amount": "1000"},
    )
    assert response.status_code == 403
    assert not SupportRecord.objects.exists()
