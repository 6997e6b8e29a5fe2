"""Programmes created, edited and retired through their pages and the API: the manager places them in the plan,
division staff keep their own division's text, milestones and budget; bad input is a Korean field error and
nothing is written; a save is one change batch in the history."""

from datetime import date

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType

from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.models import ChangeBatch
from iljari.core.roles import Role
from iljari.finance.models import BudgetLine
from iljari.org.models import OrgUnit
from iljari.plan import services
from iljari.plan.models import Milestone, Objective, Programme, ProgrammeFact

JSON = "application/json"
# a 2018 programme's steps may fall in the year before or after it (the 2018 report has '17.11 and '19.1 steps)
OUTSIDE_2018 = "추진일정 날짜(2018년 자료)는 2017-01-01부터 2019-12-31까지의 날짜여야 합니다."

NEW = {
    "objective": None,  # filled in from the dataset
    "core_task": "",
    "number": "9",
    "code": "P1-09",
    "title": "청년 창업 일자리",
    "division": None,
    "purposes": "청년 창업 지원\n일자리 연계",
    "budget": "1500000000",
    "budget_note": "시비",
}


@pytest.fixture
def office(personas, dataset_2018):
    return personas


def _form(**changes) -> dict:
    data = dict(NEW)
    data["objective"] = Objective.objects.get(vision__year=2018, number=1).pk
    data["division"] = OrgUnit.objects.get(code="JOBS-POLICY").pk
    data.update(changes)
    return data


def _edit_post(programme: Programme, *, place: bool, facts=(), milestones=(), lines=(), **fields) -> dict:
    """The edit page's POST: the programme's fields, the facts and milestones formsets, the budget lines."""
    data = {
        "purposes": programme.purposes,
        "budget": "" if programme.budget is None else str(programme.budget),
        "budget_note": programme.budget_note,
    }
    if place:
        data.update(
            objective=programme.objective_id,
            core_task=programme.core_task_id or "",
            number=programme.number,
            title=programme.title,
            division=programme.division_id,
        )
    data.update(fields)
    for prefix, rows in (("facts", facts), ("milestones", milestones)):
        data[f"{prefix}-TOTAL_FORMS"] = str(len(rows))
        data[f"{prefix}-INITIAL_FORMS"] = str(len(rows))
        for index, row in enumerate(rows):
            for key, value in row.items():
                data[f"{prefix}-{index}-{key}"] = value
    data["budget_lines"] = list(lines)
    return data


def _batches(kind: str) -> list[ChangeBatch]:
    return list(ChangeBatch.objects.filter(kind=kind).order_by("pk"))


# --- creating -----------------------------------------------------------------------------------------------


def test_the_manager_adds_a_programme_and_goes_on_to_edit_it(office, client_as):
    response = client_as(Role.OFFICE_MANAGER).post("/plan/programmes/new/?year=2018", _form())

    assert response.status_code == 302 and response["Location"] == "/plan/programmes/P1-09/edit/"
    programme = Programme.objects.get(code="P1-09")
    assert (programme.number, programme.title, programme.division.code) == (9, "청년 창업 일자리", "JOBS-POLICY")
    assert programme.purpose_lines == ["청년 창업 지원", "일자리 연계"]
    assert programme.budget == 1_500_000_000
    entry = LogEntry.objects.get(content_type=ContentType.objects.get_for_model(Programme), object_pk=str(programme.pk))
    assert entry.action == LogEntry.Action.CREATE and entry.actor == office[Role.OFFICE_MANAGER]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"number": "3"}, "number", "1번 추진목표에 3번 주요업무가 이미 있습니다."),
        ({"code": "P1-01"}, "code", "코드 P1-01은 이미 쓰이고 있습니다."),
        ({"budget": "-1"}, "budget", "금액은 0원 이상의 정수여야 합니다"),
    ],
)
def test_a_programme_that_does_not_fit_is_refused_on_its_field(office, client_as, changes, field, message):
    response = client_as(Role.OFFICE_MANAGER).post("/plan/programmes/new/?year=2018", _form(**changes))

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Programme.objects.filter(code=changes.get("code", "P1-09"), title="청년 창업 일자리").exists()


def test_a_team_is_not_offered_as_a_division(office, client_as):
    team = OrgUnit.objects.get(code="JOBS-POLICY-T1")

    response = client_as(Role.OFFICE_MANAGER).post("/plan/programmes/new/?year=2018", _form(division=team.pk))

    assert response.status_code == 400
    assert not Programme.objects.filter(code="P1-09").exists()


def test_the_service_refuses_a_team_an_objective_of_another_year_and_a_budget_below_zero(office):
    manager = office[Role.OFFICE_MANAGER]
    objective = Objective.objects.get(vision__year=2018, number=1)
    jobs = OrgUnit.objects.get(code="JOBS-POLICY")
    base = {"actor": manager, "objective": objective, "number": 9, "code": "P1-09", "title": "새 사업"}

    with pytest.raises(ValidationFailed) as team:
        services.programme_create(year=2018, division=OrgUnit.objects.get(code="JOBS-POLICY-T1"), **base)
    with pytest.raises(ValidationFailed) as other_year:
        services.programme_create(year=2019, division=jobs, **base)
    with pytest.raises(ValidationFailed) as below_zero:
        services.programme_create(year=2018, division=jobs, budget=-1, **base)

    assert list(team.value.field_errors) == ["division"]
    assert "담당관(부서)이 아닙니다" in team.value.field_errors["division"][0]
    assert other_year.value.field_errors["objective"] == ["추진목표는 2019년의 것이어야 합니다(2018년 추진목표입니다)."]
    assert below_zero.value.field_errors == {"budget": ["소요예산은 0 이상이어야 합니다."]}
    assert not Programme.objects.filter(code="P1-09").exists()


def test_division_staff_cannot_create_programmes(office, client_as):
    assert client_as(Role.DIVISION_STAFF).post("/plan/programmes/new/?year=2018", _form()).status_code == 403
    with pytest.raises(NotAllowed):
        services.programme_create(
            actor=office[Role.DIVISION_STAFF],
            year=2018,
            objective=Objective.objects.get(vision__year=2018, number=1),
            number=9,
            code="P1-09",
            title="새 사업",
            division=OrgUnit.objects.get(code="JOBS-POLICY"),
        )
    assert not Programme.objects.filter(code="P1-09").exists()


# --- editing ------------------------------------------------------------------------------------------------


def test_division_staff_edit_their_programmes_facts_milestones_and_budget_lines_in_one_batch(office, client_as):
    programme = Programme.objects.get(code="P1-03")
    line = BudgetLine.objects.get(code="JOBS-POLICY-2018")
    facts = [
        {"label": "사업기간", "value": "'18.1월 ~ 12월", "notes": "", "ORDER": "2"},
        {"label": "사업대상", "value": "만 18~39세 청년", "notes": "미취업자\n졸업예정자", "ORDER": "1"},
    ]
    milestones = [
        {"title": "참여자 모집", "state": "done", "precision": "day", "start": "2018-02-01", "end": "2018-02-20"},
        {"title": "하반기 평가", "state": "planned", "precision": "month", "start": "2018-11-01"},
        {"title": "성과 공유", "state": "planned", "precision": "none", "label": "연말"},
    ]
    for order, milestone in enumerate(milestones, 1):
        milestone["ORDER"] = str(order)

    response = client_as(Role.DIVISION_STAFF).post(
        "/plan/programmes/P1-03/edit/",
        _edit_post(programme, place=False, facts=facts, milestones=milestones, lines=[line.pk], budget="2000000000"),
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    programme.refresh_from_db()
    assert programme.budget == 2_000_000_000
    assert [(f.order, f.label, f.note_lines) for f in programme.facts.order_by("order")] == [
        (1, "사업대상", ["미취업자", "졸업예정자"]),
        (2, "사업기간", []),
    ]
    steps = list(programme.milestones.order_by("order"))
    assert [(m.title, m.state, m.done_on) for m in steps] == [
        ("참여자 모집", "done", date(2018, 2, 20)),
        ("하반기 평가", "planned", None),
        ("성과 공유", "planned", None),
    ]
    assert list(programme.budget_lines.values_list("code", flat=True)) == ["JOBS-POLICY-2018"]
    (batch,) = _batches("plan.programme")
    assert batch.actor == office[Role.DIVISION_STAFF]
    entries = LogEntry.objects.filter(cid=batch.cid)
    facts_type = ContentType.objects.get_for_model(ProgrammeFact)
    assert entries.filter(content_type=facts_type).exists()
    assert entries.filter(content_type=ContentType.objects.get_for_model(Milestone)).exists()
    assert entries.filter(content_type=ContentType.objects.get_for_model(Programme)).exists()


def test_saving_the_same_rows_again_writes_nothing_to_the_history(office):
    manager = office[Role.OFFICE_MANAGER]
    programme = Programme.objects.get(code="P1-03")
    rows = [{"label": f.label, "value": f.value, "notes": f.note_lines} for f in programme.facts.order_by("order")]
    before = LogEntry.objects.count()

    services.programme_update(actor=manager, programme=programme, facts=rows)

    (batch,) = _batches("plan.programme")
    assert (batch.created, batch.changed, batch.deleted) == (0, 0, 0)
    assert batch.unchanged == len(rows)
    assert LogEntry.objects.count() == before


def test_moving_one_fact_records_only_the_rows_that_changed(office):
    manager = office[Role.OFFICE_MANAGER]
    programme = Programme.objects.get(code="P1-03")
    rows = [{"label": f.label, "value": f.value, "notes": f.note_lines} for f in programme.facts.order_by("order")]
    assert len(rows) >= 3
    rows[0], rows[1] = rows[1], rows[0]

    services.programme_update(actor=manager, programme=programme, facts=rows)

    (batch,) = _batches("plan.programme")
    assert (batch.created, batch.changed, batch.deleted) == (0, 2, 0)


def test_division_staff_cannot_edit_another_divisions_programme(office, client_as):
    programme = Programme.objects.get(code="P2-01")  # 노동정책담당관

    assert client_as(Role.DIVISION_STAFF).get("/plan/programmes/P2-01/edit/").status_code == 403
    with pytest.raises(NotAllowed):
        services.programme_update(actor=office[Role.DIVISION_STAFF], programme=programme, budget=1)
    programme.refresh_from_db()
    assert programme.budget != 1


def test_division_staff_cannot_move_their_programme_in_the_plan(office):
    programme = Programme.objects.get(code="P1-03")

    with pytest.raises(NotAllowed):
        services.programme_update(actor=office[Role.DIVISION_STAFF], programme=programme, title="다른 이름")
    programme.refresh_from_db()
    assert programme.title != "다른 이름"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"start": "2021-03-01"}, f"추진일정 1번째 줄: {OUTSIDE_2018}"),
        ({"start": "2018-05-10", "end": "2018-05-01"}, "추진일정 1번째 줄: 종료일이 시작일보다 앞섭니다."),
    ],
)
def test_a_milestone_outside_the_year_or_ending_before_it_starts_is_refused(office, client_as, row, message):
    programme = Programme.objects.get(code="P1-03")
    before = list(programme.milestones.values_list("pk", "title", "start", "end"))
    milestone = {"title": "새 일정", "state": "planned", "precision": "day", "ORDER": "1", **row}

    response = client_as(Role.OFFICE_MANAGER).post(
        "/plan/programmes/P1-03/edit/", _edit_post(programme, place=True, milestones=[milestone])
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    assert list(programme.milestones.values_list("pk", "title", "start", "end")) == before
    assert not ChangeBatch.objects.filter(kind="plan.programme").exists()


def test_the_manager_moves_a_programme_to_a_taken_number_and_is_refused(office, client_as):
    programme = Programme.objects.get(code="P1-03")

    response = client_as(Role.OFFICE_MANAGER).post(
        "/plan/programmes/P1-03/edit/", _edit_post(programme, place=True, number="4")
    )

    assert response.status_code == 400
    assert "1번 추진목표에 4번 주요업무가 이미 있습니다." in response.content.decode()
    programme.refresh_from_db()
    assert programme.number == 3


# --- retiring -----------------------------------------------------------------------------------------------


def test_the_manager_retires_a_programme_and_its_page_says_so(office, client_as):
    client = client_as(Role.OFFICE_MANAGER)

    response = client.post("/plan/programmes/P1-08/retire/")

    assert response.status_code == 302
    programme = Programme.objects.get(code="P1-08")
    assert programme.retired_on is not None
    assert "폐지된 주요업무입니다" in client.get("/plan/programmes/P1-08/").content.decode()


def test_division_staff_see_edit_but_not_retire(office, client_as):
    page = client_as(Role.DIVISION_STAFF).get("/plan/programmes/P1-03/").content.decode()
    auditor = client_as(Role.AUDITOR).get("/plan/programmes/P1-03/").content.decode()

    assert "/plan/programmes/P1-03/edit/" in page and "/plan/programmes/P1-03/retire/" not in page
    assert "/plan/programmes/P1-03/edit/" not in auditor
    assert client_as(Role.DIVISION_STAFF).post("/plan/programmes/P1-03/retire/").status_code == 403
    assert Programme.objects.get(code="P1-03").retired_on is None


# --- the API ------------------------------------------------------------------------------------------------


def test_the_api_creates_edits_and_retires_a_programme(office, client_as):
    client = client_as(Role.OFFICE_MANAGER)
    body = {
        "code": "P1-09",
        "objective": 1,
        "number": 9,
        "title": "청년 창업 일자리",
        "division": "JOBS-POLICY",
        "core_task": 1,
        "purposes": ["청년 창업 지원"],
        "budget": 300_000_000,
    }

    made = client.post("/api/plan/years/2018/programmes", body, content_type=JSON)
    assert made.status_code == 201, made.content
    assert made.json()["core_task"] == 1
    change = {
        "budget": 400_000_000,
        "facts": [{"label": "사업대상", "value": "청년"}],
        "milestones": [{"title": "공모", "state": "planned", "start": "2018-09-01", "precision": "month"}],
        "budget_lines": ["JOBS-POLICY-2018"],
    }
    changed = client.put("/api/plan/programmes/P1-09", change, content_type=JSON)
    assert changed.status_code == 200, changed.content
    answer = changed.json()
    assert answer["budget"] == 400_000_000 and answer["budget_lines"] == ["JOBS-POLICY-2018"]
    assert [m["title"] for m in answer["milestones"]] == ["공모"]
    retired = client.post("/api/plan/programmes/P1-09/retire", {"retired_on": "2018-12-31"}, content_type=JSON)
    assert retired.json()["retired_on"] == "2018-12-31"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"number": 1}, "number"),
        ({"code": "P1-01"}, "code"),
        ({"division": "JOBS-POLICY-T1"}, "division"),
        ({"division": "NOWHERE"}, "division"),
        ({"budget": -5}, "budget"),
    ],
)
def test_the_api_answers_bad_input_with_the_field_and_writes_nothing(office, client_as, body, field):
    base = {"code": "P1-09", "objective": 1, "number": 9, "title": "새 사업", "division": "JOBS-POLICY"}

    response = client_as(Role.OFFICE_MANAGER).post(
        "/api/plan/years/2018/programmes", {**base, **body}, content_type=JSON
    )

    assert response.status_code in (400, 422)
    assert field in [error["field"] for error in response.json()["errors"]]
    assert not Programme.objects.filter(title="새 사업").exists()


def test_the_api_refuses_a_budget_line_of_another_division(office, client_as):
    response = client_as(Role.OFFICE_MANAGER).put(
        "/api/plan/programmes/P1-03", {"budget_lines": ["LABOUR-POLICY-2018"]}, content_type=JSON
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "budget_lines"
    assert not Programme.objects.get(code="P1-03").budget_lines.exists()


def test_a_programme_keeps_its_retired_core_task_when_the_manager_saves_it(office, client_as):
    manager = office[Role.OFFICE_MANAGER]
    programme = Programme.objects.get(code="P1-03")
    task = programme.objective.core_tasks.order_by("order").first()
    Programme.objects.filter(pk=programme.pk).update(core_task=task)
    services.core_task_retire(actor=manager, core_task=task)
    programme.refresh_from_db()

    response = client_as(Role.OFFICE_MANAGER).post(
        "/plan/programmes/P1-03/edit/", _edit_post(programme, place=True, budget_note="시비 전액")
    )

    assert response.status_code == 302
    programme.refresh_from_db()
    assert (programme.core_task_id, programme.budget_note) == (task.pk, "시비 전액")
    new = client_as(Role.OFFICE_MANAGER).get("/plan/programmes/new/?year=2018").content.decode()
    other = programme.objective.core_tasks.exclude(pk=task.pk).order_by("order").first()
    assert f">{programme.objective.number}-{other.order} {other.title}<" in new
    assert f">{programme.objective.number}-{task.order} {task.title}<" not in new  # not offered for a new one


def test_the_programme_page_shows_its_linked_budget_lines_execution(office, client_as):
    programme = Programme.objects.get(code="P1-03")
    services.programme_update(
        actor=office[Role.OFFICE_MANAGER],
        programme=programme,
        budget_lines=[BudgetLine.objects.get(code="JOBS-POLICY-2018").pk],
    )

    page = client_as(Role.AUDITOR).get("/plan/programmes/P1-03/?year=2018&as_of=2018-06-30").content.decode()

    # the 2018 report's budget table: 일자리정책담당관 187,341 / 100,177 백만원, 53.5%
    row = page[page.index("JOBS-POLICY-2018") :]
    row = row[: row.index("</tr>")]
    assert "187,341" in row and "100,177" in row and "53.5%" in row


def test_a_row_ticked_for_deletion_is_removed_and_recorded(office, client_as):
    programme = Programme.objects.get(code="P1-03")
    fields = ("title", "state", "precision", "start", "end", "label")
    rows = []
    for m in programme.milestones.order_by("order"):
        row = {name: "" if getattr(m, name) is None else str(getattr(m, name)) for name in fields}
        rows.append({**row, "ORDER": str(m.order), "done_on": str(m.done_on or ""), "details": m.details})
    gone = programme.milestones.order_by("order").first()
    rows[0]["DELETE"] = "on"

    response = client_as(Role.OFFICE_MANAGER).post(
        "/plan/programmes/P1-03/edit/", _edit_post(programme, place=True, milestones=rows)
    )

    assert response.status_code == 302
    titles = list(programme.milestones.order_by("order").values_list("title", flat=True))
    assert titles == [row["title"] for row in rows[1:]]
    (batch,) = _batches("plan.programme")
    # the rows move up one order each: the last order is deleted, the others take their successor's values
    steps = LogEntry.objects.filter(cid=batch.cid, content_type=ContentType.objects.get_for_model(Milestone))
    assert steps.filter(action=LogEntry.Action.DELETE).count() == 1
    assert not steps.filter(action=LogEntry.Action.CREATE).exists()
    assert gone.title not in titles


def _drawn(programme: Programme) -> tuple[list[dict], list[dict]]:
    """The facts and milestones rows as the edit page draws them (what a browser sends back untouched)."""
    facts = [
        {"label": f.label, "value": f.value, "notes": f.notes, "ORDER": str(f.order)}
        for f in programme.facts.order_by("order")
    ]
    fields = ("title", "state", "precision", "start", "end", "label", "done_on", "details")
    milestones = [
        {
            **{name: "" if getattr(m, name) is None else str(getattr(m, name)) for name in fields},
            "open_ended": "on" if m.open_ended else "",
            "ORDER": str(m.order),
        }
        for m in programme.milestones.order_by("order")
    ]
    for row in milestones:
        if not row["open_ended"]:
            del row["open_ended"]
    return facts, milestones


def test_saving_the_page_as_drawn_keeps_every_row_and_changes_nothing(office, client_as):
    programme = Programme.objects.get(code="P1-03")
    before = (programme.facts.count(), programme.milestones.count())
    facts, milestones = _drawn(programme)

    response = client_as(Role.DIVISION_STAFF).post(
        "/plan/programmes/P1-03/edit/", _edit_post(programme, place=False, facts=facts, milestones=milestones)
    )

    assert response.status_code == 302
    assert (programme.facts.count(), programme.milestones.count()) == before
    (batch,) = _batches("plan.programme")
    assert (batch.created, batch.changed, batch.deleted) == (0, 0, 0)
