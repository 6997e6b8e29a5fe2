"""A citizen's and an organisation's application page (issue 25): the steps 접수 → 자격 확인 → 심사 →
선발·예비·미선발 → 배치 with their days, the eligibility result in words, the documents, the 접수증 as a PDF, changes
until the deadline with their history, withdrawal; and the same through /api/portal."""

import subprocess
from datetime import UTC, datetime, timedelta

import pytest
from auditlog.models import LogEntry
from django.test import Client
from django.utils import timezone

from iljari.core.errors import ValidationFailed
from iljari.core.roles import Role
from iljari.enterprises import services as enterprise_services
from iljari.enterprises.tests.factories import CRITERIA, make_organisation
from iljari.intake import selectors, services
from iljari.intake.models import Application
from iljari.intake.tests.factories import PDF, PNG, close_call, make_call, upload
from iljari.people.tests.factories import make_person
from iljari.plan.models import Programme


@pytest.fixture
def office(personas, media_root, dataset_2018):
    return personas


@pytest.fixture
def citizen(office):
    client = Client()
    client.force_login(office[Role.CITIZEN])
    return client


def _submitted(call, person, *, quota="CITY", now=None):
    """A citizen's application with both documents, submitted (at `now`)."""
    draft = services.application_save(
        actor=None,
        call=call,
        person=person,
        quota=call.quotas.get(code=quota),
        documents={"주민등록등본": upload(), "구직등록 확인서": upload("확인서.png", PNG, "image/png")},
        now=now,
    )
    return services.application_submit(actor=None, call=call, person=person, quota=draft.quota, now=now)


def _states(application, today=None):
    return [(s.label, s.state) for s in selectors.application_steps(application=application, today=today)]


LABELS = ["접수", "자격 확인", "심사", "선발·예비·미선발", "배치"]


def test_the_steps_follow_an_application_from_its_draft_to_its_placement(office):
    call = make_call(documents="")
    person = make_person()
    draft = services.application_draft_save(actor=None, call=call, person=person, quota=call.quotas.get(code="CITY"))
    assert _states(draft) == list(zip(LABELS, ["current", "todo", "todo", "todo", "todo"], strict=True))
    application = services.application_submit(actor=None, call=call, person=person, quota=draft.quota)
    assert _states(application) == list(zip(LABELS, ["done", "done", "todo", "todo", "todo"], strict=True))
    here = [s.label for s in selectors.application_steps(application=application) if s.here]
    assert here == ["자격 확인"]  # nothing in progress before the deadline: the page marks the last step reached
    close_call(call)
    application.refresh_from_db()
    steps = selectors.application_steps(application=application)
    assert [s.state for s in steps] == ["done", "done", "current", "todo", "todo"]
    assert steps[2].note == "서면심사 진행 중" and steps[3].on == call.announce_on
    Application.objects.filter(pk=application.pk).update(status="selected")
    application.refresh_from_db()
    before = call.announce_on - timedelta(days=1)
    # before the announcement day the result is not said: still 심사
    assert [s for _, s in _states(application, today=before)] == ["done", "done", "current", "todo", "todo"]
    assert [s for _, s in _states(application, today=call.announce_on)] == ["done", "done", "done", "done", "current"]
    Application.objects.filter(pk=application.pk).update(placed_at=timezone.now())
    application.refresh_from_db()
    assert [s for _, s in _states(application, today=call.announce_on)] == ["done"] * 5


@pytest.mark.parametrize(
    ("status", "states", "note"),
    [
        ("withdrawn", ["stopped", "todo", "todo", "todo", "todo"], "신청을 철회했습니다."),
        ("ineligible", ["done", "stopped", "todo", "todo", "todo"], "신청 자격을 갖추지 못했습니다. 만 18세 이상"),
        ("screened_out", ["done", "done", "stopped", "todo", "todo"], "서면심사에서 탈락했습니다."),
        ("not_selected", ["done", "done", "done", "stopped", "todo"], "선발되지 않았습니다."),
        ("waitlisted", ["done", "done", "done", "current", "todo"], "예비 선발자입니다. 자리가 나면 선발됩니다."),
        ("declined", ["done", "done", "done", "stopped", "todo"], "선발을 포기했습니다."),
    ],
)
def test_an_application_that_stops_shows_where(office, status, states, note):
    call = make_call(documents="")
    application = services.application_submit(
        actor=None, call=call, person=make_person(), quota=call.quotas.get(code="CITY")
    )
    reasons = "만 18세 이상 39세 이하만 신청할 수 있습니다." if status == "ineligible" else ""
    Application.objects.filter(pk=application.pk).update(status=status, ineligible_reasons=reasons)
    application.refresh_from_db()
    steps = selectors.application_steps(application=application, today=call.announce_on)
    assert [s.state for s in steps] == states
    assert any(s.note.startswith(note) for s in steps)


def test_a_citizen_follows_their_application_on_its_page(office, citizen):
    call = make_call()
    person = make_person(user=office[Role.CITIZEN], basic_livelihood_recipient=True)
    application = _submitted(call, person)
    page = citizen.get(f"/portal/applications/{application.pk}/").content.decode()
    for text in ("진행 단계", "접수", "자격 확인", "심사", "선발·예비·미선발", "배치", 'aria-current="step"'):
        assert text in page
    assert "신청 자격 요건을 모두 갖추었습니다. 우선 선발 가점 5점." in page
    assert "등본.pdf" in page and "확인서.png" in page and "/intake/documents/" in page
    assert "접수증 내려받기(PDF)" in page and "신청 고치기" in page and "신청 철회" in page
    assert 'data-confirm="신청을 철회합니까?' in page
    mine = citizen.get("/portal/applications/").content.decode()
    assert f'href="/portal/applications/{application.pk}/"' in mine


def test_another_citizens_application_and_its_receipt_answer_404(office, citizen):
    call = make_call(documents="")
    someone = services.application_submit(
        actor=None, call=call, person=make_person(), quota=call.quotas.get(code="CITY")
    )
    make_person(user=office[Role.CITIZEN])
    for path in (
        f"/portal/applications/{someone.pk}/",
        f"/portal/applications/{someone.pk}/receipt.pdf",
        f"/api/portal/applications/{someone.pk}",
    ):
        assert citizen.get(path).status_code == 404, path
    assert citizen.post(f"/portal/applications/{someone.pk}/withdraw/").status_code == 404
    assert Application.objects.get(pk=someone.pk).status == "submitted"


def test_the_receipt_is_a_pdf_with_the_number_the_call_the_masked_name_and_the_seoul_time(office, citizen, tmp_path):
    opens = datetime(2026, 3, 1, tzinfo=UTC)
    call = make_call(opens=opens, days=30)
    person = make_person(user=office[Role.CITIZEN], name="홍길동")
    # 15:30:05 UTC on 10 March is 00:30:05 on 11 March in Seoul
    application = _submitted(call, person, now=datetime(2026, 3, 10, 15, 30, 5, tzinfo=UTC))
    response = citizen.get(f"/portal/applications/{application.pk}/receipt.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "%EC%A0%91%EC%88%98%EC%A6%9D" in response["Content-Disposition"]  # 접수증 in the file's name
    path = tmp_path / "receipt.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    squeezed = " ".join(text.split())
    assert f"접수번호 {application.pk}" in squeezed and call.title in squeezed
    assert "홍*동" in squeezed and "홍길동" not in squeezed
    assert "2026.3.11. 00:30:05" in squeezed
    assert "주민등록등본" in squeezed and "등본.pdf" in squeezed and "구직등록 확인서" in squeezed


def test_a_draft_has_no_receipt(office, citizen):
    call = make_call()
    person = make_person(user=office[Role.CITIZEN])
    draft = services.application_draft_save(actor=None, call=call, person=person, quota=call.quotas.get(code="CITY"))
    assert citizen.get(f"/portal/applications/{draft.pk}/receipt.pdf").status_code == 404
    page = citizen.get(f"/portal/applications/{draft.pk}/").content.decode()
    assert "접수증" not in page and "임시저장 삭제" in page and "이어서 작성" in page


def test_a_citizen_changes_the_application_until_the_deadline_with_history(
    office, citizen, django_capture_on_commit_callbacks
):
    call = make_call()
    person = make_person(user=office[Role.CITIZEN])
    application = _submitted(call, person)
    district = call.quotas.get(code="DISTRICT")
    page = citizen.get(f"/portal/calls/{call.code}/").content.decode()
    assert "신청 고치기" in page and 'value="change"' in page and "consent_personal_data" not in page
    with django_capture_on_commit_callbacks(execute=True):
        response = citizen.post(
            f"/portal/calls/{call.code}/",
            {"quota": district.pk, "action": "change", "document_1": upload("새확인서.pdf", PDF)},
        )
    assert response.status_code == 302 and response["Location"] == f"/portal/applications/{application.pk}/"
    application.refresh_from_db()
    assert application.status == "submitted" and application.quota == district
    assert application.documents.get(label="구직등록 확인서").original_name == "새확인서.pdf"
    changes = [e.changes_dict for e in LogEntry.objects.get_for_object(application).order_by("pk")]
    assert any("quota" in change for change in changes)
    assert LogEntry.objects.filter(object_repr__contains="구직등록 확인서").exists()
    close_call(call)
    with pytest.raises(ValidationFailed, match="접수 기간이 아닙니다"):
        services.application_change(
            actor=office[Role.CITIZEN], application=application, quota=call.quotas.get(code="CITY")
        )
    page = citizen.get(f"/portal/applications/{application.pk}/").content.decode()
    assert "신청 고치기" not in page and "신청 철회" not in page


def test_a_change_is_refused_when_a_rule_now_fails_and_nothing_changes(office):
    call = make_call()
    person = make_person(user=office[Role.CITIZEN])
    application = _submitted(call, person)
    person.district = None  # moved out of Seoul
    person.save(update_fields=["district"])
    with pytest.raises(ValidationFailed) as refused:
        services.application_change(
            actor=office[Role.CITIZEN], application=application, quota=call.quotas.get(code="DISTRICT")
        )
    assert refused.value.field_errors["eligibility"]
    assert Application.objects.get(pk=application.pk).quota.code == "CITY"


def test_withdrawing_from_the_page_asks_then_withdraws(office, citizen):
    call = make_call(documents="")
    person = make_person(user=office[Role.CITIZEN])
    application = services.application_submit(actor=None, call=call, person=person, quota=call.quotas.get(code="CITY"))
    response = citizen.post(f"/portal/applications/{application.pk}/withdraw/", follow=True)
    assert "신청을 철회했습니다." in response.content.decode()
    assert Application.objects.get(pk=application.pk).status == "withdrawn"
    again = citizen.post(f"/portal/applications/{application.pk}/withdraw/", follow=True).content.decode()
    assert "접수 상태인 신청만 철회할 수 있습니다." in again


def test_the_api_gives_the_application_with_its_steps(office, citizen):
    call = make_call()
    person = make_person(user=office[Role.CITIZEN], name="김서울")
    application = _submitted(call, person)
    answer = citizen.get(f"/api/portal/applications/{application.pk}").json()
    assert answer["id"] == application.pk and answer["applicant"] == "김*울" and answer["status"] == "submitted"
    assert [s["label"] for s in answer["steps"]] == LABELS
    assert [s["state"] for s in answer["steps"]] == ["done", "done", "todo", "todo", "todo"]
    assert [d["label"] for d in answer["documents"]] == ["주민등록등본", "구직등록 확인서"]
    assert all(d["uploaded"] for d in answer["documents"])
    Application.objects.filter(pk=application.pk).update(status="selected")  # before the announcement day
    hidden = citizen.get(f"/api/portal/applications/{application.pk}").json()
    assert hidden["status"] == "submitted" and hidden["result_announced"] is False


# --- an organisation -----------------------------------------------------------------------------------------


def _org_call(code="SME-PAGE"):
    opens = timezone.now() - timedelta(days=1)
    return services.call_set(
        actor=None,
        code=code,
        programme=Programme.objects.get(code="P1-01"),
        title="서울형 강소기업 공모(신청 화면)",
        opens_at=opens,
        closes_at=opens + timedelta(days=20),
        announce_on=(opens + timedelta(days=30)).date(),
        quotas=[("SME", "서울형 강소기업", 2), ("SOCIAL", "사회적기업", 1)],
        eligibility=[],
        required_documents="사업자등록증",
        audience="organisations",
        criteria=CRITERIA,
    )


@pytest.fixture
def company(office, personas):
    company = make_organisation("(주)신청화면")
    enterprise_services.organisation_contact_add(
        actor=None, organisation=company, username=personas[Role.ORGANISATION].username
    )
    return company


def test_an_organisation_applies_through_its_form_changes_and_withdraws(office, company, client_as):
    call = _org_call()
    client = client_as(Role.ORGANISATION)
    page = client.get(f"/portal/org/calls/{call.code}/").content.decode()
    assert "신청 구분" in page and "사업자등록증" in page and 'name="pledge"' in page and "임시저장" in page
    social = call.quotas.get(code="SOCIAL")
    refused = client.post(
        f"/portal/org/calls/{call.code}/", {"action": "submit", "quota": social.pk, "document_0": upload()}
    )
    assert (
        refused.status_code == 400
        and "신청하려면 공고의 신청 자격과 유의사항을 확인했다는 확인란에 체크하십시오." in refused.content.decode()
    )
    assert not Application.objects.filter(call=call).exists()
    response = client.post(
        f"/portal/org/calls/{call.code}/",
        {"action": "submit", "quota": social.pk, "pledge": "on", "document_0": upload()},
    )
    application = Application.objects.get(call=call, organisation=company)
    assert response["Location"] == f"/portal/org/applications/{application.pk}/"
    assert application.status == "submitted" and application.quota == social
    page = client.get(f"/portal/org/applications/{application.pk}/").content.decode()
    assert "진행 단계" in page and "공모 대상 기업·단체로 접수했습니다." in page and "신청 철회" in page
    receipt = client.get(f"/portal/org/applications/{application.pk}/receipt.pdf")
    assert receipt.status_code == 200 and receipt.content.startswith(b"%PDF")
    sme = call.quotas.get(code="SME")
    client.post(f"/portal/org/calls/{call.code}/", {"action": "change", "quota": sme.pk})
    assert Application.objects.get(pk=application.pk).quota == sme
    answer = client.get(f"/api/portal/org/applications/{application.pk}").json()
    assert answer["applicant"] == "(주)신청화면" and [s["state"] for s in answer["steps"]][:2] == ["done", "done"]
    client.post(f"/portal/org/applications/{application.pk}/withdraw/")
    assert Application.objects.get(pk=application.pk).status == "withdrawn"


def test_another_organisations_application_answers_404(office, company, client_as):
    call = _org_call()
    other = make_organisation("(주)다른기업")
    theirs = services.application_submit(actor=None, call=call, organisation=other, quota=call.quotas.get(code="SME"))
    client = client_as(Role.ORGANISATION)
    for path in (
        f"/portal/org/applications/{theirs.pk}/",
        f"/portal/org/applications/{theirs.pk}/receipt.pdf",
        f"/api/portal/org/applications/{theirs.pk}",
    ):
        assert client.get(path).status_code == 404, path
    assert client.post(f"/portal/org/applications/{theirs.pk}/withdraw/").status_code == 404
    assert Application.objects.get(pk=theirs.pk).status == "submitted"


def test_an_organisation_accounts_own_submission_needs_the_pledge_and_staff_do_not(office, company):
    call = _org_call()
    account = office[Role.ORGANISATION]
    account.refresh_from_db()  # now the company's contact
    quota = call.quotas.get(code="SME")
    with pytest.raises(ValidationFailed) as refused:
        services.application_save(
            actor=account, call=call, organisation=company, quota=quota, documents={"사업자등록증": upload()},
            submit=True,
        )  # fmt: skip
    assert refused.value.field_errors == {"pledge": [services.applications.ORG_PLEDGE_NEEDED]}
    assert not Application.objects.filter(call=call).exists()  # nothing written, no draft
    pledged = services.application_save(
        actor=account, call=call, organisation=company, quota=quota, documents={"사업자등록증": upload()},
        submit=True, consents=[services.ORG_PLEDGE],
    )  # fmt: skip
    assert pledged.status == "submitted"
    other = services.application_submit(actor=None, call=call, organisation=make_organisation(), quota=quota)
    assert other.status == "submitted"  # the system (or the call's staff on paper) gives no pledge
