"""The year's vision, objectives and core tasks: created, edited and retired by the office manager through the year
page and the API, refused to others, each change in the change history."""

from datetime import date

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType

from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.roles import Role
from iljari.plan import services
from iljari.plan.models import CoreTask, Objective, Vision

pytestmark = pytest.mark.django_db


def _entries(model, pk) -> list[LogEntry]:
    return list(
        LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(model), object_pk=str(pk)).order_by("pk")
    )


# --- services ---------------------------------------------------------------------------------------------


def test_the_manager_sets_a_new_years_vision_objective_and_core_task(personas):
    manager = personas[Role.OFFICE_MANAGER]

    vision = services.vision_set(actor=manager, year=2019, statement="일자리가 희망이 되는 서울")
    objective = services.objective_create(actor=manager, vision=vision, number=1, title="좋은 일자리 창출")
    task = services.core_task_create(actor=manager, objective=objective, title="청년 일자리 확대")
    second = services.core_task_create(actor=manager, objective=objective, title="중장년 재취업")

    assert Vision.objects.get(year=2019).statement == "일자리가 희망이 되는 서울"
    assert (task.order, second.order) == (1, 2)
    assert [e.action for e in _entries(Objective, objective.pk)] == [LogEntry.Action.CREATE]
    assert [e.action for e in _entries(CoreTask, second.pk)] == [LogEntry.Action.CREATE]


@pytest.mark.parametrize("role", [Role.DIVISION_STAFF, Role.AUDITOR, Role.SYSTEM_ADMIN, Role.DISTRICT_OFFICER])
def test_nobody_but_the_manager_keeps_the_years_structure(personas, role):
    with pytest.raises(NotAllowed):
        services.vision_set(actor=personas[role], year=2019, statement="비전")
    assert not Vision.objects.filter(year=2019).exists()


def test_an_objective_number_used_twice_in_a_year_is_refused(personas):
    manager = personas[Role.OFFICE_MANAGER]
    vision = services.vision_set(actor=manager, year=2019, statement="비전")
    services.objective_create(actor=manager, vision=vision, number=1, title="첫째")

    with pytest.raises(ValidationFailed) as error:
        services.objective_create(actor=manager, vision=vision, number=1, title="둘째")

    assert error.value.field_errors == {"number": ["2019년에 1번 추진목표가 이미 있습니다."]}
    assert vision.objectives.count() == 1


def test_retiring_keeps_the_objective_and_records_the_day(personas):
    manager = personas[Role.OFFICE_MANAGER]
    vision = services.vision_set(actor=manager, year=2019, statement="비전")
    objective = services.objective_create(actor=manager, vision=vision, number=1, title="첫째")

    services.objective_retire(actor=manager, objective=objective, on=date(2019, 3, 1))

    objective.refresh_from_db()
    assert objective.retired_on == date(2019, 3, 1)
    update = _entries(Objective, objective.pk)[-1]
    assert update.action == LogEntry.Action.UPDATE and update.changes_dict["retired_on"] == [None, "2019-03-01"]
    with pytest.raises(ValidationFailed):
        services.core_task_create(actor=manager, objective=objective, title="폐지된 목표의 과제")


# --- the year page ----------------------------------------------------------------------------------------


def test_the_year_page_saves_the_vision_then_an_objective_then_a_core_task(personas, client_as):
    client = client_as(Role.OFFICE_MANAGER)

    assert client.get("/plan/years/2019/").status_code == 200
    response = client.post("/plan/years/2019/", {"action": "vision", "statement": "함께 일하는 서울"})
    assert response.status_code == 302 and response["Location"] == "/plan/years/2019/"
    client.post("/plan/years/2019/", {"action": "objective_add", "new-number": "1", "new-title": "좋은 일자리"})
    objective = Objective.objects.get(vision__year=2019, number=1)
    client.post("/plan/years/2019/", {"action": "task_add", "id": objective.pk, f"n{objective.pk}-title": "청년"})
    task = CoreTask.objects.get(objective=objective)
    client.post("/plan/years/2019/", {"action": "task_edit", "id": task.pk, f"t{task.pk}-title": "청년 일자리"})
    client.post("/plan/years/2019/", {"action": "task_retire", "id": task.pk})

    task.refresh_from_db()
    assert (task.title, task.is_retired) == ("청년 일자리", True)
    entries = _entries(CoreTask, task.pk)
    assert [e.action for e in entries] == [LogEntry.Action.CREATE, LogEntry.Action.UPDATE, LogEntry.Action.UPDATE]
    assert {e.actor for e in entries} == {personas[Role.OFFICE_MANAGER]}
    page = client.get("/plan/years/2019/").content.decode()
    assert "함께 일하는 서울" in page and "청년 일자리" in page and "폐지" in page


def test_a_number_used_twice_is_shown_on_its_field_and_nothing_is_written(personas, client_as):
    client = client_as(Role.OFFICE_MANAGER)
    client.post("/plan/years/2019/", {"action": "vision", "statement": "비전"})
    client.post("/plan/years/2019/", {"action": "objective_add", "new-number": "1", "new-title": "첫째"})

    response = client.post("/plan/years/2019/", {"action": "objective_add", "new-number": "1", "new-title": "둘째"})

    assert response.status_code == 400
    assert "2019년에 1번 추진목표가 이미 있습니다." in response.content.decode()
    assert list(Objective.objects.filter(vision__year=2019).values_list("title", flat=True)) == ["첫째"]


def test_an_empty_vision_is_refused_on_its_field(personas, client_as):
    response = client_as(Role.OFFICE_MANAGER).post("/plan/years/2019/", {"action": "vision", "statement": "  "})

    assert response.status_code == 400
    assert not Vision.objects.filter(year=2019).exists()


@pytest.mark.parametrize("role", [Role.DIVISION_STAFF, Role.AUDITOR])
def test_others_cannot_open_the_year_page(personas, client_as, role):
    assert client_as(role).get("/plan/years/2019/").status_code == 403
    response = client_as(role).post("/plan/years/2019/", {"action": "vision", "statement": "비전"})
    assert response.status_code == 403
    assert not Vision.objects.filter(year=2019).exists()


# --- the API ----------------------------------------------------------------------------------------------


def test_the_api_creates_edits_and_retires_objectives_and_core_tasks(personas, client_as):
    client = client_as(Role.OFFICE_MANAGER)
    json = "application/json"

    assert client.put("/api/plan/years/2019/vision", {"statement": "비전"}, content_type=json).status_code == 200
    made = client.post("/api/plan/years/2019/objectives", {"number": 1, "title": "첫째"}, content_type=json)
    assert made.status_code == 201
    objective = made.json()["id"]
    changed = client.put(f"/api/plan/objectives/{objective}", {"number": 2, "title": "둘째"}, content_type=json)
    assert changed.json()["number"] == 2
    task = client.post(f"/api/plan/objectives/{objective}/core-tasks", {"title": "과제"}, content_type=json).json()
    assert task["order"] == 1
    assert client.put(f"/api/plan/core-tasks/{task['id']}", {"title": "과제 2"}, content_type=json).status_code == 200
    retired = client.post(f"/api/plan/core-tasks/{task['id']}/retire", {"retired_on": "2019-02-01"}, content_type=json)
    assert retired.json()["retired_on"] == "2019-02-01"
    gone = client.post(f"/api/plan/objectives/{objective}/retire", {}, content_type=json)
    assert gone.json()["retired_on"] is not None

    plan = client.get("/api/plan/years/2019").json()
    assert plan["objectives"][0]["number"] == 2 and plan["objectives"][0]["core_tasks"] == ["과제 2"]


def test_the_api_refuses_division_staff_with_forbidden(personas, client_as):
    response = client_as(Role.DIVISION_STAFF).put(
        "/api/plan/years/2019/vision", {"statement": "비전"}, content_type="application/json"
    )

    assert response.status_code == 403 and response.json()["code"] == "forbidden"
    assert not Vision.objects.filter(year=2019).exists()
