"""The division makes and edits a call on one page: the call, its quotas, its rules and priority points."""

from datetime import date

import pytest

from iljari.core.roles import Role
from iljari.intake import services
from iljari.intake.models import Call, EligibilityRule
from iljari.intake.tests.factories import close_call, make_call
from iljari.org.models import District
from iljari.people.tests.factories import make_person
from iljari.plan.models import Programme
from iljari.testing import Persona, make_persona


@pytest.fixture
def office(personas, dataset_2018):
    return personas


def _form(programme="P1-06", code="PW-2019-1", **changes) -> dict:
    data = {
        "programme": Programme.objects.get(code=programme).pk,
        "code": code,
        "title": "2019년 상반기 공공근로 참여자 모집",
        "description": "만 18세 이상, 정기소득이 없는 구직등록 서울시민",
        "required_documents": "주민등록등본\n구직등록 확인서",
        "opens_at": "2018-11-13T09:00",
        "closes_at": "2018-11-28T18:00",
        "announce_on": "2018-12-14",
        "has_document_review": "on",
        "quota-TOTAL_FORMS": "3",
        "quota-INITIAL_FORMS": "0",
        "quota-0-code": "CITY",
        "quota-0-name": "서울시 사업",
        "quota-0-places": "484",
        "quota-1-code": "D-11740",
        "quota-1-name": "강동구 사업",
        "quota-1-places": "180",
        "quota-1-district": District.objects.get(code="11740").pk,
        "rule-TOTAL_FORMS": "4",
        "rule-INITIAL_FORMS": "0",
        "rule-0-kind": "age_between",
        "rule-0-min_value": "18",
        "rule-0-on_date": "2019-01-10",
        "rule-1-kind": "no_regular_income",
        "rule-2-kind": "job_seeker",
        "rule-3-kind": "no_direct_job_overlap",
        "rule-3-on_date": "2019-01-10",
        "rule-3-until_date": "2019-06-30",
        "priority-TOTAL_FORMS": "2",
        "priority-INITIAL_FORMS": "0",
        "priority-0-kind": "basic_livelihood_recipient",
        "priority-0-points": "5",
        "audience": "people",
        "score_aggregation": "mean",
        "certifies": "",
        "criterion-TOTAL_FORMS": "3",
        "criterion-INITIAL_FORMS": "0",
    }
    data.update(changes)
    return data


def test_the_division_makes_a_call_with_quotas_rules_and_points(office, client_as):
    staff = client_as(Role.DIVISION_STAFF)
    page = staff.get("/intake/calls/new/").content.decode()
    assert "선발 구분" in page and "신청 자격" in page and "우선 선발 가점" in page
    response = staff.post("/intake/calls/new/", _form())
    # saved, not yet published: the next step is the draft of its publishing (결재)
    assert response.status_code == 302 and response["Location"] == "/approvals/new/intake.call_publish/PW-2019-1/"
    call = Call.objects.get(code="PW-2019-1")
    assert not call.is_published
    assert call.programme.code == "P1-06" and call.document_lines == ["주민등록등본", "구직등록 확인서"]
    assert [(q.code, q.places, q.district_id is not None) for q in call.quotas.all()] == [
        ("CITY", 484, False),
        ("D-11740", 180, True),
    ]
    assert [str(rule) for rule in call.eligibility_rules.all()] == [
        "만 18세 이상(2019.1.10. 기준)",
        "정기소득 없음",
        "구직등록",
        "2019.1.10.~2019.6.30.에 다른 직접일자리에 참여하지 않는 사람",
    ]
    assert list(call.priority_rules.values_list("kind", "points")) == [("basic_livelihood_recipient", 5)]


def test_mistakes_are_listed_in_korean_and_nothing_is_written(office, client_as):
    staff = client_as(Role.DIVISION_STAFF)
    form = _form(
        **{
            "closes_at": "2018-11-01T18:00",  # before the opening
            "quota-1-places": "0",
            "quota-2-code": "CITY",  # the same code twice
            "quota-2-name": "중복",
            "quota-2-places": "3",
            "rule-3-until_date": "",  # a period without an end
        }
    )
    response = staff.post("/intake/calls/new/", form)
    page = response.content.decode()
    assert response.status_code == 400
    assert "접수 마감은 접수 시작보다 뒤여야 합니다" in page
    assert "선발 구분 &#x27;CITY&#x27;: 같은 코드가 두 번 있습니다." in page
    assert "인원은 1명 이상이어야 합니다" in page
    assert "직접일자리 중복 조건에는 참여 기간(시작일 ≤ 끝일)이 필요합니다." in page
    assert not Call.objects.filter(code="PW-2019-1").exists()


def test_a_code_in_use_is_refused_rather_than_overwritten(office, client_as):
    make_call("PW-2019-1", programme="P1-06")
    response = client_as(Role.DIVISION_STAFF).post("/intake/calls/new/", _form())
    assert response.status_code == 400 and "이미 쓰고 있는 공고 코드입니다" in response.content.decode()
    assert Call.objects.get(code="PW-2019-1").title.startswith("뉴딜일자리 모집")  # untouched


def test_editing_keeps_quotas_with_applications_and_changes_the_rest(office, client_as):
    call = make_call("EDIT", documents="")
    services.application_submit(actor=None, call=call, person=make_person(), quota=call.quotas.get(code="CITY"))
    staff = client_as(Role.DIVISION_STAFF)
    page = staff.get("/intake/calls/EDIT/edit/").content.decode()
    assert 'value="CITY"' in page and 'value="DISTRICT"' in page  # the current quotas as rows
    form = _form(
        programme="P1-03",
        code="IGNORED",  # the code of a call is not edited
        **{
            "quota-0-places": "30",
            "quota-1-code": "NEW",
            "quota-1-name": "민간공모",
            "quota-1-places": "5",
            "quota-1-district": "",
        },
    )
    response = staff.post("/intake/calls/EDIT/edit/", form)
    assert response.status_code == 302
    call.refresh_from_db()
    assert call.title == "2019년 상반기 공공근로 참여자 모집"
    quotas = {q.code: q.places for q in call.quotas.all()}
    assert quotas == {"CITY": 30, "NEW": 5}  # DISTRICT had no application: gone
    assert not Call.objects.filter(code="IGNORED").exists()
    assert call.eligibility_rules.filter(kind=EligibilityRule.Kind.NO_DIRECT_JOB_OVERLAP).exists()


def test_a_confirmed_call_is_no_longer_editable(office, client_as):
    call = make_call("DONE", documents="")
    services.application_submit(actor=None, call=call, person=make_person(), quota=call.quotas.get(code="CITY"))
    close_call(call)
    services.selection_run(actor=None, call=call, seed=1)
    services.selection_confirm(actor=None, call=call)
    staff = client_as(Role.DIVISION_STAFF)
    assert "공고·선발 구분·자격 고치기" not in staff.get("/intake/calls/DONE/").content.decode()
    for response in (staff.get("/intake/calls/DONE/edit/"), staff.post("/intake/calls/DONE/edit/", _form())):
        assert response.status_code == 302 and response["Location"] == "/intake/calls/DONE/"
    page = staff.get("/intake/calls/DONE/").content.decode()
    assert "선발이 확정된 공고는 바꿀 수 없습니다" in page
    assert Call.objects.get(code="DONE").title.startswith("뉴딜일자리 모집")  # untouched


def test_only_the_programmes_division_and_the_manager_make_or_edit_its_calls(office, client_as):
    make_call("MINE", documents="")
    labour = make_persona(Persona(Role.DIVISION_STAFF, "t_labour", org_unit="LABOUR-POLICY"))
    from django.test import Client

    other = Client()
    other.force_login(labour)
    assert other.get("/intake/calls/MINE/edit/").status_code == 403
    assert str(Programme.objects.get(code="P1-06")) not in other.get("/intake/calls/new/").content.decode()
    response = other.post("/intake/calls/new/", _form())
    assert response.status_code == 400  # P1-06 is not among the programmes offered to 노동정책담당관
    assert not Call.objects.filter(code="PW-2019-1").exists()
    assert client_as(Role.OFFICE_MANAGER).get("/intake/calls/MINE/edit/").status_code == 200
    for role in (Role.AUDITOR, Role.DISTRICT_OFFICER, Role.CITIZEN):
        assert client_as(role).get("/intake/calls/new/").status_code == 403


def test_call_set_refuses_a_reserved_code_an_early_announcement_and_repeated_rules(office):
    from iljari.core.errors import ValidationFailed

    opens = make_call("X").opens_at
    with pytest.raises(ValidationFailed) as caught:
        services.call_set(
            actor=None,
            code="new",  # the address of the page that makes calls
            programme=Programme.objects.get(code="P1-03"),
            title=" ",
            opens_at=opens,
            closes_at=opens.replace(year=opens.year + 1),
            announce_on=date(2000, 1, 1),
            quotas=[("C", "서울시", 1)],
            eligibility=[{"kind": "resides_in_seoul"}, {"kind": "resides_in_seoul"}],
            priorities=[("veteran", 0), ("unknown", 3)],
        )
    errors = caught.value.field_errors
    assert set(errors) == {"code", "title", "announce_on", "eligibility", "priorities"}
    assert errors["announce_on"] == ["발표일은 접수 마감일보다 빠를 수 없습니다."]
    assert errors["eligibility"] == ["같은 조건을 두 번 둘 수 없습니다."]
    assert errors["priorities"] == ["알 수 없는 우선 선발 대상입니다.", "가점은 1점부터 100점까지입니다."]
    assert not Call.objects.filter(code="new").exists()


def _org_form(code="SME-2019", **changes) -> dict:
    """A call for organisations: the strong-SME call's criteria, trimmed mean, the designation it gives."""
    form = _form(programme="P1-01", code=code, **{"rule-TOTAL_FORMS": "0", "priority-TOTAL_FORMS": "0"})
    for key in [k for k in form if k.startswith("quota-1-")]:
        del form[key]
    form.update(
        {
            "title": "2019년 서울형 강소기업 공모",
            "audience": "organisations",
            "score_aggregation": "trimmed_mean",
            "certifies": "strong_sme",
            "criterion-0-code": "stability",
            "criterion-0-name": "고용안정성",
            "criterion-0-max_points": "40",
            "criterion-1-code": "balance",
            "criterion-1-name": "일생활 균형제도",
            "criterion-1-max_points": "30",
            "criterion-2-code": "wage",
            "criterion-2-name": "적정임금 수준",
            "criterion-2-max_points": "30",
        }
    )
    form.update(changes)
    return form


def test_the_division_makes_a_call_for_organisations_with_criteria_aggregation_and_designation(office, client_as):
    staff = client_as(Role.DIVISION_STAFF)
    page = staff.get("/intake/calls/new/").content.decode()
    assert "심사 기준과 선정" in page and "최고·최저 점수를 하나씩 뺀 평균" in page and "서울형 강소기업" in page
    response = staff.post("/intake/calls/new/", _org_form())
    assert response.status_code == 302, response.content.decode()
    call = Call.objects.get(code="SME-2019")
    assert call.audience == "organisations" and call.score_aggregation == "trimmed_mean"
    assert call.certifies == "strong_sme"
    assert list(call.criteria.values_list("code", "name", "max_points")) == [
        ("stability", "고용안정성", 40),
        ("balance", "일생활 균형제도", 30),
        ("wage", "적정임금 수준", 30),
    ]
    page = staff.get("/intake/calls/SME-2019/edit/").content.decode()
    assert 'value="stability"' in page and 'value="trimmed_mean" selected' in page
    # the weights change through the same page (posted as the browser does: the stored rows are initial forms)
    changes = {"criterion-0-max_points": "50", "criterion-1-max_points": "20", "score_aggregation": "mean"}
    changes.update({"quota-INITIAL_FORMS": "1", "criterion-INITIAL_FORMS": "3"})
    response = staff.post("/intake/calls/SME-2019/edit/", _org_form(**changes))
    assert response.status_code == 302, response.content.decode()
    call.refresh_from_db()
    assert call.score_aggregation == "mean"
    assert list(call.criteria.values_list("max_points", flat=True)) == [50, 20, 30]


def test_criteria_mistakes_are_listed_in_korean_and_nothing_is_written(office, client_as):
    staff = client_as(Role.DIVISION_STAFF)
    form = _org_form(
        **{
            "criterion-0-max_points": "70",  # 70 + 30 + 30 > 100
            "criterion-1-code": "wage",  # the same code twice
            "criterion-2-max_points": "0",
        }
    )
    response = staff.post("/intake/calls/new/", form)
    page = response.content.decode()
    assert response.status_code == 400
    assert "같은 심사 기준 코드가 두 번 있습니다." in page
    assert "심사 기준 &#x27;적정임금 수준&#x27;의 배점은 1점부터 100점까지입니다." in page
    assert not Call.objects.filter(code="SME-2019").exists()
    # a call for organisations needs at least one criterion
    empty = _org_form(**{f"criterion-{n}-{key}": "" for n in range(3) for key in ("code", "name", "max_points")})
    response = staff.post("/intake/calls/new/", empty)
    assert response.status_code == 400
    assert "기업·단체 공모에는 심사 기준을 하나 이상 정하십시오." in response.content.decode()
    # a call for people gives no designation
    response = staff.post("/intake/calls/new/", _form(certifies="strong_sme"))
    assert response.status_code == 400 and "시민 대상 공고는 지정을 부여하지 않습니다." in response.content.decode()
    assert not Call.objects.filter(code__in=["SME-2019", "PW-2019-1"]).exists()


def test_the_audience_stays_once_someone_applied(office, client_as):
    call = make_call("EDIT", documents="")
    staff = client_as(Role.DIVISION_STAFF)
    assert staff.post("/intake/calls/EDIT/edit/", _form(programme="P1-03")).status_code == 302
    services.application_draft_save(actor=None, call=call, person=make_person(), quota=call.quotas.get(code="CITY"))
    form = _org_form(code="EDIT", programme=str(call.programme_id), **{"quota-INITIAL_FORMS": "2"})
    form["quota-0-code"] = "CITY"
    response = staff.post("/intake/calls/EDIT/edit/", form)
    assert response.status_code == 400
    assert "신청이 들어온 공고는 대상(시민·기업·단체)을 바꿀 수 없습니다." in response.content.decode()
    call.refresh_from_db()
    assert call.audience == "people" and not call.criteria.exists() and call.certifies == ""
