"""Retention: an application not selected is destroyed a year (the office's rule) after its call closed — its
documents deleted, its person anonymised unless something still holds them —, the call's figures stay, and the
destruction register and the access log say what went, when and under which rule."""

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from iljari.core.accesslog import access_log_verify
from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.models import AccessLogEntry, DestructionRecord, RetentionRule
from iljari.core.retention import retention_rule_set, retention_run
from iljari.core.roles import Role
from iljari.intake import selectors, services
from iljari.intake.models import Application, ApplicationDocument, Call
from iljari.intake.tests.factories import make_call, stored_files, upload
from iljari.people.models import Person
from iljari.people.tests.factories import make_person


@pytest.fixture
def old_call(personas, media_root, dataset_2018):
    """A call that closed about two years ago with four applications: A not selected (a document uploaded), B
    selected, C not selected but applying again to an open call, D not selected and holding a citizen account."""
    call = make_call("OLD")
    quota = call.quotas.get(code="CITY")
    people = {
        "A": make_person(name="김하나", address="서울시 강동구 천호대로 1", phone="010-1111-2222"),
        "B": make_person(name="이둘"),
        "C": make_person(name="박셋"),
        "D": make_person(name="최넷", user=personas[Role.CITIZEN]),
    }
    applications = {}
    for key, person in people.items():
        draft = services.application_draft_save(actor=None, call=call, person=person, quota=quota)
        if key == "A":
            services.application_document_upload(actor=None, application=draft, label="주민등록등본", upload=upload())
        Application.objects.filter(pk=draft.pk).update(
            status="selected" if key == "B" else "not_selected", submitted_at=timezone.now()
        )
        applications[key] = draft.pk
    opened = timezone.now() - timedelta(days=760)  # the call ran two years ago
    Call.objects.filter(pk=call.pk).update(opens_at=opened, closes_at=opened + timedelta(days=30))
    call.refresh_from_db()
    open_call = make_call("NOW")
    services.application_draft_save(actor=None, call=open_call, person=people["C"], quota=open_call.quotas.first())
    return call, people, applications


def _figures(call):
    figures = selectors.call_figures(call=call)
    return figures.applicants, figures.places, figures.ratio, sum(q.selected for q in figures.quotas)


def test_a_run_destroys_expired_applications_keeps_the_figures_and_writes_the_register(
    old_call, media_root, django_capture_on_commit_callbacks
):
    call, people, applications = old_call
    before = _figures(call)
    assert before[:2] == (4, 3) and before[3] == 1  # 4 applicants for 3 places, 1 selected, counted by hand
    assert len(stored_files(media_root)) == 1

    with django_capture_on_commit_callbacks(execute=True):
        [record] = retention_run()

    assert _figures(call) == before
    a = Person.objects.get(pk=people["A"].pk)
    assert (a.name, a.rrn, a.rrn_index, a.phone, a.address) == ("(파기)", None, None, "", "")
    assert a.birth_date == date(1990, 1, 1) and a.sex == "M" and a.district.code == "11740" and a.destroyed_at
    for key in ("B", "C", "D"):  # selected; still applying elsewhere; an account holder
        assert Person.objects.get(pk=people[key].pk).name == people[key].name
    assert not ApplicationDocument.objects.exists() and stored_files(media_root) == []
    destroyed = set(Application.objects.filter(personal_data_destroyed_at__isnull=False).values_list("pk", flat=True))
    assert destroyed == {applications["A"], applications["C"], applications["D"]}

    assert (record.rule_code, record.years, record.records, record.people, record.files) == (
        "intake.application_not_selected",
        1,
        3,
        1,
        1,
    )
    assert record.record_ids == ",".join(str(applications[k]) for k in "ACD")
    entry = AccessLogEntry.objects.get(action="destroy")
    assert entry.subject_ids == record.record_ids and f"파기 대장 #{record.pk}" in entry.detail
    assert access_log_verify()[1] is None

    assert retention_run() == []  # a second run finds nothing more
    assert DestructionRecord.objects.count() == 1


def test_a_longer_period_set_by_the_office_keeps_them(old_call, personas):
    call, people, _ = old_call
    retention_rule_set(user=personas[Role.OFFICE_MANAGER], code="intake.application_not_selected", years=3)
    assert retention_run() == []
    assert Person.objects.get(pk=people["A"].pk).name == "김하나"
    assert RetentionRule.objects.get(code="intake.application_not_selected").updated_by == personas[Role.OFFICE_MANAGER]


def test_only_the_office_sets_periods_and_only_sensible_ones(personas):
    with pytest.raises(NotAllowed):
        retention_rule_set(user=personas[Role.DIVISION_STAFF], code="intake.application_not_selected", years=3)
    for years in (0, "열", 100):
        with pytest.raises(ValidationFailed) as refused:
            retention_rule_set(user=personas[Role.OFFICE_MANAGER], code="intake.application_not_selected", years=years)
        assert refused.value.field_errors["years"] == ["보유기간은 1 이상 99 이하의 정수(년)로 적으십시오."]


def test_the_command_reports_in_korean(old_call, capsys):
    call_command("retention", "rules")
    out = capsys.readouterr().out
    assert (
        "선발되지 않은 신청: 모집공고 접수 마감일부터 1년" in out
        and "참여자(사업장 배치): 참여가 끝난 날부터 5년" in out
    )
    call_command("retention", "run")
    assert "선발되지 않은 신청: 3건 파기, 1명 익명화, 파일 1개 삭제" in capsys.readouterr().out
    call_command("retention", "run")
    assert "보유기간이 지난 개인정보가 없습니다." in capsys.readouterr().out


def test_the_anonymised_persons_change_history_is_gone_too(old_call):
    from auditlog.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    _, people, _ = old_call
    person_type = ContentType.objects.get_for_model(Person)
    assert LogEntry.objects.filter(content_type=person_type, object_pk=str(people["A"].pk)).exists()
    retention_run()
    assert not LogEntry.objects.filter(content_type=person_type, object_pk=str(people["A"].pk)).exists()
    assert LogEntry.objects.filter(content_type=person_type, object_pk=str(people["B"].pk)).exists()
