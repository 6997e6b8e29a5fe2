"""Indicators kept by the office itself: created, edited and retired through their pages and the API, targets for
any year set on the indicator's own page, actuals by the indicator's division, every change in the history, and
bad input refused in Korean with nothing written."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from auditlog.models import LogEntry

from iljari.core.roles import Role
from iljari.performance import services
from iljari.performance.models import Indicator, IndicatorValue


@pytest.fixture
def office(personas, dataset_2018):
    return personas


def korean(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


def post_json(client, url: str, body: dict, method: str = "post"):
    return getattr(client, method)(url, body, content_type="application/json")


def indicator_form(**overrides) -> dict:
    data = {
        "code": "IND-11",
        "name": "청년 취업자 수",
        "unit": "명",
        "field_label": "좋은 일자리 창출",
        "cumulative": "",
        "order": "11",
        "factor": "1",
    }
    return {**data, **overrides}


# --- pages -------------------------------------------------------------------------------------------------


def test_the_office_manager_creates_edits_and_retires_an_indicator_through_its_pages(office, client_as):
    manager = client_as(Role.OFFICE_MANAGER)
    response = manager.post("/performance/indicators/new/", indicator_form())
    assert response.status_code == 302 and response["Location"] == "/performance/indicators/IND-11/"
    indicator = Indicator.objects.get(code="IND-11")
    assert (indicator.name, indicator.unit, indicator.order) == ("청년 취업자 수", "명", 11)
    created = LogEntry.objects.get_for_object(indicator).get()
    assert created.action == LogEntry.Action.CREATE and created.actor == office[Role.OFFICE_MANAGER]

    response = manager.post("/performance/indicators/IND-11/edit/", indicator_form(name="청년 취업자", unit="천명"))
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert (indicator.name, indicator.unit) == ("청년 취업자", "천명")
    changed = LogEntry.objects.get_for_object(indicator).filter(action=LogEntry.Action.UPDATE).get()
    assert changed.changes_dict["name"] == ["청년 취업자 수", "청년 취업자"]

    response = manager.post("/performance/indicators/IND-11/retire/", {"on": "2019-01-01"})
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert indicator.retired_on == date(2019, 1, 1)
    page = manager.get("/performance/indicators/IND-11/").content.decode()
    assert "폐지된 지표" in page and 'id="target-form"' not in page


def test_the_office_manager_sets_2019_and_2020_targets_on_the_indicators_page(office, client_as):
    manager = client_as(Role.OFFICE_MANAGER)
    page = manager.get("/performance/indicators/IND-05/").content.decode()
    assert 'id="target-form"' in page and 'id="actual-form"' in page
    for year, value in ((2019, "52"), (2020, "55")):
        response = manager.post(
            "/performance/indicators/IND-05/values/",
            {"kind": "target", "year": str(year), "as_of": "2018-12-20", "value": value},
        )
        assert response.status_code == 302, response.content.decode()
    targets = IndicatorValue.objects.filter(indicator__code="IND-05", kind="target", as_of=date(2018, 12, 20))
    assert {v.year: v.value for v in targets} == {2019: Decimal(52), 2020: Decimal(55)}

    # the 2019 table shows the new target (the newest on or before its date), the 2018 report's 50 before it
    def target_2019(as_of: str) -> Decimal:
        table = manager.get(f"/api/performance/indicators?year=2019&as_of={as_of}").json()
        academy = next(row for row in table if row["code"] == "IND-05")
        return Decimal(next(y for y in academy["years"] if y["year"] == 2019)["target"])

    assert target_2019("2018-12-31") == Decimal(52)
    assert target_2019("2018-12-19") == Decimal(50)
    assert LogEntry.objects.filter(content_type__model="indicatorvalue", action=LogEntry.Action.CREATE).count() >= 2


def test_division_staff_record_their_own_divisions_actuals_but_set_no_target(office, client_as):
    staff = client_as(Role.DIVISION_STAFF)  # 일자리정책담당관: IND-01 and IND-02 are its indicators
    own = staff.get("/performance/indicators/IND-01/").content.decode()
    assert 'id="actual-form"' in own and 'id="target-form"' not in own
    response = staff.post(
        "/performance/indicators/IND-01/values/",
        {"kind": "actual", "year": "2018", "as_of": "2018-09-30", "value": "151"},
    )
    assert response.status_code == 302
    assert IndicatorValue.objects.filter(indicator__code="IND-01", kind="actual", as_of=date(2018, 9, 30)).exists()

    before = IndicatorValue.objects.count()
    target = {"kind": "target", "year": "2019", "as_of": "2018-09-30", "value": "160"}
    assert staff.post("/performance/indicators/IND-01/values/", target).status_code == 403
    other = {"kind": "actual", "year": "2018", "as_of": "2018-09-30", "value": "4100"}
    assert staff.post("/performance/indicators/IND-06/values/", other).status_code == 403  # 노동정책담당관's
    assert staff.get("/performance/indicators/new/").status_code == 403
    assert staff.post("/performance/indicators/IND-01/retire/", {}).status_code == 403
    assert IndicatorValue.objects.count() == before


def test_the_auditor_reads_and_changes_nothing(office, client_as):
    auditor = client_as(Role.AUDITOR)
    page = auditor.get("/performance/indicators/IND-01/").content.decode()
    assert 'id="actual-form"' not in page and 'id="target-form"' not in page
    assert auditor.post("/performance/indicators/new/", indicator_form()).status_code == 403
    body = {"code": "X-1", "name": "x", "unit": "명"}
    assert post_json(auditor, "/api/performance/indicators", body).status_code == 403
    assert not Indicator.objects.filter(code__in=["IND-11", "X-1"]).exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"code": "IND-01"}, "code"),  # used by 공공 일자리
        ({"code": "ind 11"}, "code"),
        ({"name": " "}, "name"),
        ({"unit": ""}, "unit"),
        ({"factor": "0"}, "factor"),
    ],
)
def test_a_bad_indicator_is_refused_on_its_field_and_nothing_is_written(office, client_as, overrides, field):
    before = Indicator.objects.count()
    response = client_as(Role.OFFICE_MANAGER).post("/performance/indicators/new/", indicator_form(**overrides))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert all(korean(message) for message in response.context["form"].errors[field])
    assert Indicator.objects.count() == before


def test_a_target_below_zero_and_an_actual_outside_its_year_are_refused(office, client_as):
    manager = client_as(Role.OFFICE_MANAGER)
    before = IndicatorValue.objects.count()
    below = {"kind": "target", "year": "2019", "as_of": "2018-12-20", "value": "-1"}
    response = manager.post("/performance/indicators/IND-05/values/", below)
    assert response.status_code == 400 and "value" in response.context["target_form"].errors
    outside = {"kind": "actual", "year": "2018", "as_of": "2019-01-02", "value": "50"}
    response = manager.post("/performance/indicators/IND-05/values/", outside)
    assert response.status_code == 400
    assert response.context["actual_form"].errors["as_of"] == ["실적의 기준일은 2018년 안의 날짜여야 합니다."]
    api = post_json(
        manager,
        "/api/performance/indicators/values",
        {"indicator": "IND-05", "year": 2019, "kind": "target", "as_of": "2018-12-20", "value": "-5"},
    )
    assert api.status_code in (400, 422)
    assert IndicatorValue.objects.count() == before


def test_a_formula_indicator_never_divides_by_an_indicator_that_is_zero(office, personas):
    manager = personas[Role.OFFICE_MANAGER]
    hired = services.indicator_create(actor=manager, code="HIRED", name="취업자", unit="명")
    counselled = services.indicator_create(actor=manager, code="COUNSELLED", name="상담자", unit="명")
    services.indicator_value_record(
        actor=manager, indicator=counselled, year=2018, kind="target", value=0, as_of=date(2018, 6, 30)
    )
    with pytest.raises(Exception) as refused:
        services.indicator_create(
            actor=manager, code="RATE", name="취업률", unit="%", numerator=hired, denominator=counselled, factor=100
        )
    assert "denominator" in refused.value.field_errors
    assert "0" in refused.value.field_errors["denominator"][0]
    assert not Indicator.objects.filter(code="RATE").exists()
    # a plain denominator with no zero is taken; the formula's own value cannot be typed
    services.indicator_value_record(
        actor=manager, indicator=counselled, year=2018, kind="target", value=14000, as_of=date(2018, 6, 30)
    )
    IndicatorValue.objects.filter(indicator=counselled, value=0).delete()
    rate = services.indicator_create(
        actor=manager, code="RATE", name="취업률", unit="%", numerator=hired, denominator=counselled, factor=100
    )
    with pytest.raises(Exception) as typed:
        services.indicator_value_record(
            actor=manager, indicator=rate, year=2018, kind="target", value=10, as_of=date(2018, 6, 30)
        )
    assert "indicator" in typed.value.field_errors


# --- the API -----------------------------------------------------------------------------------------------


def test_indicators_through_the_api(office, client_as):
    manager = client_as(Role.OFFICE_MANAGER)
    body = {
        "code": "IND-12",
        "name": "서울형 강소기업 신규 채용",
        "unit": "명",
        "field_label": "좋은 일자리 창출",
        "objective_year": 2018,
        "objective_number": 1,
        "division": "JOBS-POLICY",
        "order": 12,
    }
    response = post_json(manager, "/api/performance/indicators", body)
    assert response.status_code == 201, response.content
    assert response.json()["division"] == "JOBS-POLICY"
    indicator = Indicator.objects.get(code="IND-12")
    assert indicator.objective.number == 1 and indicator.objective.vision.year == 2018

    response = post_json(manager, "/api/performance/indicators/IND-12", {"cumulative": True}, method="patch")
    assert response.status_code == 200 and response.json()["cumulative"] is True

    duplicate = post_json(manager, "/api/performance/indicators", {**body, "name": "다른 지표"})
    assert duplicate.status_code == 400
    assert [e["field"] for e in duplicate.json()["errors"]] == ["code"]
    unknown = post_json(manager, "/api/performance/indicators", {**body, "code": "IND-13", "division": "NOWHERE"})
    assert unknown.status_code == 400 and unknown.json()["errors"][0]["field"] == "division"

    response = post_json(manager, "/api/performance/indicators/IND-12/retire", {"on": "2019-12-31"})
    assert response.status_code == 200 and response.json()["retired_on"] == "2019-12-31"
    actions = list(LogEntry.objects.get_for_object(indicator).order_by("id").values_list("action", flat=True))
    assert actions == [LogEntry.Action.CREATE, LogEntry.Action.UPDATE, LogEntry.Action.UPDATE]
    assert not Indicator.objects.filter(code="IND-13").exists()

    staff = client_as(Role.DIVISION_STAFF)
    assert post_json(staff, "/api/performance/indicators/IND-01", {"name": "x"}, method="patch").status_code == 403


# --- the sheet: indicators × years with their targets ----------------------------------------------------------


def _upload(client, rows):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from iljari.core.xlsx import xlsx_table
    from iljari.performance.selectors import DEFINITION_COLUMNS

    data = xlsx_table(title="정책지표 목표", columns=DEFINITION_COLUMNS, rows=rows)
    return client.post(
        "/performance/indicators/targets/import/?year=2019", {"file": SimpleUploadedFile("targets.xlsx", data)}
    )


def test_the_indicator_sheet_carries_the_reports_2019_and_2020_targets_and_reads_back(office, client_as):
    from iljari.core.xlsx import xlsx_rows
    from iljari.performance.selectors import DEFINITION_COLUMNS

    manager = client_as(Role.OFFICE_MANAGER)
    sheet = manager.get("/performance/indicators/targets.xlsx?year=2019").content
    rows = xlsx_rows(data=sheet, columns=DEFINITION_COLUMNS, title="정책지표 목표")
    targets = {(row["code"], row["year"]): row["target"] for row in rows}
    # the 2018 report's 주요 정책지표 table: 2019 and 2020 targets
    assert targets[("IND-01", 2019)] == Decimal(155) and targets[("IND-01", 2020)] == Decimal(160)
    assert targets[("IND-08", 2019)] == Decimal(1400) and targets[("IND-10", 2020)] == Decimal(15)
    assert targets[("IND-01", 2021)] is None

    new_row = {
        **next(row for row in rows if row["code"] == "IND-01" and row["year"] == 2021),
        "code": "IND-11",
        "name": "청년 취업자 수",
        "unit": "명",
        "division": "JOBS-POLICY",
        "year": 2019,
        "target": Decimal(3000),
        "as_of": date(2018, 12, 20),
    }
    changed = [
        {**row, "target": Decimal(165), "as_of": date(2018, 12, 20)}
        if (row["code"], row["year"]) == ("IND-01", 2021)
        else row
        for row in rows
    ]
    before = IndicatorValue.objects.count()
    bad = [*changed, new_row, {**new_row, "year": 2020, "target": Decimal(-1)}]
    response = _upload(manager, bad)
    assert response.status_code == 400
    assert not Indicator.objects.filter(code="IND-11").exists() and IndicatorValue.objects.count() == before

    conflicting = [*changed, new_row, {**new_row, "year": 2020, "name": "다른 이름"}]
    response = _upload(manager, conflicting)
    assert response.status_code == 400 and not Indicator.objects.filter(code="IND-11").exists()

    response = _upload(manager, [*changed, new_row])
    assert response.status_code == 302, response.content.decode()
    created = Indicator.objects.get(code="IND-11")
    assert (created.name, created.division.code) == ("청년 취업자 수", "JOBS-POLICY")
    assert IndicatorValue.objects.get(indicator=created, year=2019, kind="target").value == Decimal(3000)
    assert IndicatorValue.objects.get(indicator__code="IND-01", year=2021, kind="target").value == Decimal(165)
    # the rows sent back unchanged wrote the same values again: no new value appeared for them
    assert IndicatorValue.objects.count() == before + 2

    staff = client_as(Role.DIVISION_STAFF)
    assert _upload(staff, [*changed, new_row]).status_code == 403


def test_division_staff_send_the_value_sheet_back_with_actuals_only(office, client_as):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from iljari.core.xlsx import xlsx_rows, xlsx_table
    from iljari.performance.selectors import INDICATOR_COLUMNS

    staff = client_as(Role.DIVISION_STAFF)  # 일자리정책담당관: IND-01, IND-02
    url = "/performance/indicators/{}?year=2018&as_of=2018-07-31"
    rows = xlsx_rows(data=staff.get(url.format("export.xlsx")).content, columns=INDICATOR_COLUMNS, title="정책지표")
    own = [row for row in rows if row["code"] in ("IND-01", "IND-02")]

    def upload(rows):
        data = xlsx_table(title="정책지표", columns=INDICATOR_COLUMNS, rows=rows)
        return staff.post(url.format("import/"), {"file": SimpleUploadedFile("values.xlsx", data)})

    actual = [
        {**row, "value": Decimal(140)} if (row["code"], row["kind"]) == ("IND-01", "실적") else row for row in own
    ]
    response = upload(actual)  # the targets come back as they were: not read
    assert response.status_code == 302, response.content.decode()
    assert IndicatorValue.objects.get(indicator__code="IND-01", kind="actual", year=2018).value == Decimal(140)

    before = IndicatorValue.objects.filter(kind="target").count()
    raised = [
        {**row, "value": Decimal(151)} if (row["code"], row["kind"]) == ("IND-01", "목표") else row for row in own
    ]
    response = upload(raised)
    assert response.status_code == 400
    assert "목표는 총괄만" in " ".join(response.context["upload"].errors["file"])
    assert IndicatorValue.objects.filter(kind="target").count() == before


def test_a_signed_off_month_keeps_what_an_indicators_figures_mean_until_it_is_unlocked(office, client_as):
    from iljari.core.locks import month_lock, month_unlock

    manager = client_as(Role.OFFICE_MANAGER)
    # IND-01's 2019 and 2020 targets are as of '18.6.30 (the report); June 2018 is signed off
    month_lock(actor=office[Role.OFFICE_MANAGER], year=2018, month=6)
    page = manager.get("/performance/indicators/IND-01/edit/").content.decode()
    assert "2018년 6월이 마감되어" in page and "2016년, 2017년, 2018년, 2019년, 2020년" in page

    edit = {
        "code": "IND-01",
        "name": "공공 일자리(직접일자리)",
        "unit": "개",
        "field_label": "좋은 일자리 창출",
        "order": "1",
        "factor": "1",
    }
    response = manager.post("/performance/indicators/IND-01/edit/", edit)
    assert response.status_code == 400
    assert response.context["form"].errors["unit"][0].startswith("단위를 바꿀 수 없습니다: 2018년 6월이 마감되어")
    assert Indicator.objects.get(code="IND-01").unit == "천개"
    # the name is no figure's meaning: it may change
    renamed = manager.post("/performance/indicators/IND-01/edit/", {**edit, "unit": "천개", "name": "공공 일자리"})
    assert renamed.status_code == 302
    month_unlock(actor=office[Role.OFFICE_MANAGER], year=2018, month=6)
    assert manager.post("/performance/indicators/IND-01/edit/", edit).status_code == 302
    assert Indicator.objects.get(code="IND-01").unit == "개"
