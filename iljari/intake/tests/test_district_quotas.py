"""Quotas a district runs (공공근로: the city's quota and one per district): the district's officer sees the call and
that quota's applications, and registers paper applications and uploads for it — and for no other quota."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from iljari.core.access import access_applications_register
from iljari.core.errors import NotAllowed, NotFound, ValidationFailed
from iljari.core.roles import Role
from iljari.core.xlsx import xlsx_table
from iljari.intake import selectors, services
from iljari.intake.models import Application
from iljari.intake.selectors import APPLICANT_COLUMNS
from iljari.org.models import District
from iljari.people.tests.factories import BOTH, make_person, rrn_for
from iljari.plan.models import Programme

GANGDONG, JONGNO = "11740", "11110"  # the district persona's district, and another


@pytest.fixture
def office(personas, dataset_2018):
    return personas


def _call(code="PW-2019-1"):
    opens = timezone.now() - timedelta(days=1)
    districts = {d.code: d for d in District.objects.filter(code__in=[GANGDONG, JONGNO])}
    return services.call_set(
        actor=None,
        code=code,
        programme=Programme.objects.get(code="P1-06"),
        title="공공근로 참여자 모집",
        opens_at=opens,
        closes_at=opens + timedelta(days=14),
        announce_on=date(2030, 1, 1),
        quotas=[
            ("CITY", "서울시 사업", 10),
            ("D-11740", "강동구 사업", 20, districts[GANGDONG]),
            ("D-11110", "종로구 사업", 20, districts[JONGNO]),
        ],
        eligibility=[{"kind": "age_between", "min_value": 18, "on_date": date(2019, 1, 1)}],
    )


def _apply(call, quota_code, count):
    quota = call.quotas.get(code=quota_code)
    return [services.application_submit(actor=None, call=call, person=make_person(), quota=quota) for _ in range(count)]


def test_the_district_officer_sees_calls_with_its_quota_and_only_its_applications(office):
    officer = office[Role.DISTRICT_OFFICER]
    call = _call()
    _call("PW-OTHER").quotas.filter(district__code=GANGDONG).delete()  # a call without a 강동구 quota
    mine = _apply(call, "D-11740", 2)
    _apply(call, "D-11110", 3)
    _apply(call, "CITY", 1)
    assert [c.code for c in selectors.call_list(user=officer)] == [call.code]
    with pytest.raises(NotFound):
        selectors.call_get(user=officer, code="PW-OTHER")
    listed = selectors.application_list(user=officer, call=call)
    assert sorted(a.pk for a in listed) == sorted(a.pk for a in mine)
    assert selectors.application_list(user=office[Role.DIVISION_STAFF], call=call).count() == 6
    other = Application.objects.filter(call=call, quota__code="D-11110").first()
    with pytest.raises(NotFound):
        selectors.application_get(user=officer, pk=other.pk)


def test_the_district_officer_registers_paper_applications_for_its_own_quota_only(office):
    officer = office[Role.DISTRICT_OFFICER]
    call = _call()
    person = make_person()
    application = services.application_paper_register(
        actor=officer, call=call, quota=call.quotas.get(code="D-11740"), rrn=person.rrn, consents=BOTH
    )
    assert (application.channel, application.quota.code) == ("paper", "D-11740")
    for code in ("D-11110", "CITY"):
        with pytest.raises(NotAllowed):
            services.application_paper_register(
                actor=officer, call=call, quota=call.quotas.get(code=code), rrn=make_person().rrn, consents=BOTH
            )
    assert [q.code for q in selectors.registrable_quotas(user=officer, call=call)] == ["D-11740"]


def test_the_gate_allows_the_calls_staff_every_quota_and_a_district_officer_its_own(office):
    call = _call()
    division = call.programme.division.path
    gangdong = District.objects.get(code=GANGDONG).pk
    jongno = District.objects.get(code=JONGNO).pk
    assert access_applications_register(office[Role.DIVISION_STAFF], division, None)
    assert access_applications_register(office[Role.DIVISION_STAFF], division, jongno)
    assert access_applications_register(office[Role.DISTRICT_OFFICER], division, gangdong)
    assert not access_applications_register(office[Role.DISTRICT_OFFICER], division, jongno)
    assert not access_applications_register(office[Role.DISTRICT_OFFICER], division, None)
    assert not access_applications_register(office[Role.AUDITOR], division, gangdong)
    assert not access_applications_register(office[Role.PARTNER_AGENCY], division, gangdong)


def _row(name, birth, quota, district="강동구"):
    return {
        "name": name,
        "birth_date": birth.isoformat(),
        "sex": "남",
        "rrn": rrn_for(birth),
        "district": district,
        "quota": quota,
        "regular_income": "아니오",
        "job_seeker": "예",
    }


def test_a_district_officers_upload_with_a_row_for_another_quota_writes_nothing(office):
    officer = office[Role.DISTRICT_OFFICER]
    call = _call()
    rows = [_row("강동일", date(1960, 1, 1), "D-11740"), _row("종로일", date(1961, 1, 1), "D-11110", "종로구")]
    data = xlsx_table(title="신청자 일괄 등록", columns=APPLICANT_COLUMNS, rows=rows)
    with pytest.raises(ValidationFailed) as caught:
        services.application_bulk_import(actor=officer, call=call, data=data, consented=True)
    assert caught.value.field_errors["file"] == [
        "5행 '선발구분코드': '종로구 사업'의 신청은 등록할 권한이 없습니다(자치구 담당자는 그 자치구의 선발 구분만 "
        "등록합니다)."
    ]
    assert not Application.objects.filter(call=call).exists()
    data = xlsx_table(title="신청자 일괄 등록", columns=APPLICANT_COLUMNS, rows=rows[:1])
    ids = services.application_bulk_import(actor=officer, call=call, data=data, consented=True)
    assert len(ids) == 1 and Application.objects.get(call=call).quota.code == "D-11740"


def test_the_district_officer_uses_the_call_page_and_its_upload_pages(office, client_as):
    call = _call()
    _apply(call, "D-11110", 1)
    mine = _apply(call, "D-11740", 1)[0]
    officer = client_as(Role.DISTRICT_OFFICER)
    page = officer.get(f"/intake/calls/{call.code}/").content.decode()
    assert mine.person.name in page and "서면 신청 등록" in page and "선발 실행" not in page
    assert Application.objects.filter(call=call, quota__code="D-11110").get().person.name not in page
    form = officer.get(f"/intake/calls/{call.code}/paper/").content.decode()
    assert "강동구 사업" in form and "종로구 사업" not in form
    assert officer.get(f"/intake/calls/{call.code}/import/").status_code == 200
    assert officer.post(f"/intake/calls/{call.code}/select/", {"seed": "1"}).status_code == 403
