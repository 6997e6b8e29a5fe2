"""A programme used by a signed-off month or a built report is not changed silently: its page says what depends
on it, and a milestone dated in a locked month cannot be changed until the month is unlocked."""

import pytest

from iljari.core.errors import ValidationFailed
from iljari.core.locks import month_lock, month_unlock
from iljari.core.models import BackgroundJob
from iljari.core.roles import Role
from iljari.plan import services
from iljari.plan.models import Milestone, Programme


@pytest.fixture
def office(personas, dataset_2018):
    return personas


def _rows(programme: Programme) -> list[dict]:
    fields = ("title", "state", "start", "end", "precision", "open_ended", "label", "done_on")
    return [
        {**{name: getattr(m, name) for name in fields}, "details": m.detail_lines}
        for m in programme.milestones.order_by("order")
    ]


def _done(programme: Programme) -> Milestone:
    milestone = programme.milestones.filter(state="done", done_on__isnull=False).order_by("order").first()
    assert milestone is not None
    return milestone


def test_a_milestone_done_in_a_locked_month_cannot_be_changed_until_it_is_unlocked(office):
    manager = office[Role.OFFICE_MANAGER]
    programme = Programme.objects.get(code="P1-03")
    milestone = _done(programme)
    day = milestone.done_on
    month_lock(actor=manager, year=day.year, month=day.month)
    rows = _rows(programme)
    rows[milestone.order - 1]["title"] = "고친 제목"

    with pytest.raises(ValidationFailed) as error:
        services.programme_update(actor=manager, programme=programme, milestones=rows)

    assert (
        error.value.message == f"{day.year}년 {day.month}월은 마감되었습니다. 총괄이 마감을 해제해야 고칠 수 있습니다."
    )
    assert error.value.field_errors == {"milestones": [f"{day.year}년 {day.month}월은 마감된 달입니다."]}
    milestone.refresh_from_db()
    assert milestone.title != "고친 제목"

    month_unlock(actor=manager, year=day.year, month=day.month)
    services.programme_update(actor=manager, programme=programme, milestones=rows)
    milestone.refresh_from_db()
    assert milestone.title == "고친 제목"


def test_other_changes_pass_while_a_month_is_locked(office):
    manager = office[Role.OFFICE_MANAGER]
    programme = Programme.objects.get(code="P1-03")
    day = _done(programme).done_on
    month_lock(actor=manager, year=day.year, month=day.month)

    services.programme_update(actor=manager, programme=programme, milestones=_rows(programme), budget=123)
    rows = _rows(programme) + [{"title": "새 계획", "state": "planned", "start": None, "precision": "none"}]
    services.programme_update(actor=manager, programme=programme, milestones=rows)

    assert programme.milestones.filter(title="새 계획").exists()


def test_the_edit_page_shows_the_lock_on_the_milestones_section(office, client_as):
    manager = office[Role.OFFICE_MANAGER]
    programme = Programme.objects.get(code="P1-03")
    milestone = _done(programme)
    day = milestone.done_on
    month_lock(actor=manager, year=day.year, month=day.month)
    data = {"purposes": programme.purposes, "budget": programme.budget or "", "budget_note": programme.budget_note}
    data.update({"facts-TOTAL_FORMS": "0", "facts-INITIAL_FORMS": "0", "milestones-INITIAL_FORMS": "1"})
    data.update({"milestones-TOTAL_FORMS": "1", "milestones-0-title": "바뀐 일정", "milestones-0-state": "done"})
    data.update({"milestones-0-precision": "day", "milestones-0-start": day.isoformat(), "milestones-0-ORDER": "1"})

    response = client_as(Role.DIVISION_STAFF).post("/plan/programmes/P1-03/edit/", data)

    assert response.status_code == 400
    assert f"{day.year}년 {day.month}월은 마감된 달입니다." in response.content.decode()
    assert programme.milestones.count() > 1


def test_the_programme_page_says_what_depends_on_it(office, client_as):
    manager = office[Role.OFFICE_MANAGER]
    programme = Programme.objects.get(code="P1-03")
    milestone = _done(programme)
    day = milestone.done_on
    month_lock(actor=manager, year=day.year, month=day.month)
    BackgroundJob.objects.create(
        kind="report",
        title="2018 주요업무보고",
        requested_by=manager,
        status=BackgroundJob.Status.SUCCEEDED,
        arguments={"kind_code": "business", "year": 2018, "fmt": "pdf", "subject": ""},
    )
    BackgroundJob.objects.create(  # another year's report does not depend on it
        kind="report",
        title="2017 주요업무보고",
        requested_by=manager,
        status=BackgroundJob.Status.SUCCEEDED,
        arguments={"kind_code": "business", "year": 2017, "fmt": "pdf", "subject": ""},
    )

    page = client_as(Role.AUDITOR).get("/plan/programmes/P1-03/").content.decode()

    assert "이 주요업무에 기대는 자료" in page
    assert f"마감된 달({day.year}년 {day.month}월)에 완료한 추진일정" in page and milestone.title in page
    assert "2018년 보고서(주요업무보고·사업 요약) 파일 1건" in page


def test_a_programme_nothing_depends_on_says_nothing(office, client_as):
    page = client_as(Role.AUDITOR).get("/plan/programmes/P1-03/").content.decode()

    assert "이 주요업무에 기대는 자료" not in page
