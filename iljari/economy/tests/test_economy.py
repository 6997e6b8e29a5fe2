# ruff: noqa: F811  (the fixtures imported below are redefined as test arguments)
"""The economy's services, pages, upload and API: who may write, what is refused in Korean (and nothing written),
the history kept, and the indicator that follows the spaces."""

from __future__ import annotations

from datetime import date

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.roles import Role
from iljari.core.xlsx import xlsx_table
from iljari.economy import selectors, services
from iljari.economy.models import ChannelSale, CriterionEvidence, NetworkMember, Space, Tenancy
from iljari.enterprises.tests.factories import make_organisation
from iljari.grants.tests.district_fixtures import social_economy_staff  # noqa: F401
from iljari.performance.models import IndicatorValue


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _member(name="회원 도시 1", **changes):
    values = {"actor": None, "name": name, "kind": "city", "joined_on": date(2014, 11, 17), "country": "대한민국"}
    values.update(changes)
    return services.member_save(**values)


# --- services -------------------------------------------------------------------------------------------------


def test_a_member_is_kept_by_social_economy_staff_and_not_by_another_division(personas, social_economy_staff):
    member = _member(actor=social_economy_staff)
    assert LogEntry.objects.get_for_object(member).filter(action=LogEntry.Action.CREATE).exists()
    with pytest.raises(NotAllowed):
        _member("회원 도시 2", actor=personas[Role.DIVISION_STAFF])  # 일자리정책담당관
    with pytest.raises(NotAllowed):
        _member("회원 도시 3", actor=personas[Role.AUDITOR])
    assert list(NetworkMember.objects.values_list("name", flat=True)) == ["회원 도시 1"]


def test_a_member_twice_or_leaving_before_joining_is_refused_in_korean(personas):
    _member()
    with pytest.raises(ValidationFailed) as twice:
        _member()
    assert twice.value.field_errors["name"] == ["회원 '회원 도시 1'은 이미 있습니다."]
    with pytest.raises(ValidationFailed) as early:
        _member("회원 도시 2", left_on=date(2014, 1, 1))
    assert early.value.field_errors["left_on"] == ["탈퇴일은 가입일보다 앞설 수 없습니다."]
    assert NetworkMember.objects.count() == 1


def test_members_are_counted_on_a_day(personas):
    _member(joined_on=date(2015, 1, 1))
    _member("회원 도시 2", joined_on=date(2016, 1, 1), left_on=date(2018, 3, 1))
    assert selectors.member_count(on=date(2015, 6, 1)) == 1
    assert selectors.member_count(on=date(2017, 6, 1)) == 2
    assert selectors.member_count(on=date(2018, 3, 1)) == 1  # gone on the day it left


def test_dues_of_a_year_are_recorded_once_and_changed_again(personas):
    member = _member()
    services.dues_record(actor=None, member=member, year=2018, amount=1_000_000)
    services.dues_record(actor=None, member=member, year=2018, amount=1_200_000, paid_on=date(2018, 3, 2))
    assert list(member.dues.values_list("year", "amount")) == [(2018, 1_200_000)]
    with pytest.raises(ValidationFailed) as before:
        services.dues_record(actor=None, member=member, year=2013, amount=1)
    assert "2014년에 가입한 회원" in before.value.field_errors["year"][0]


def test_a_tenancy_needs_an_open_space_and_no_overlap(personas):
    hub = services.space_save(actor=None, name="소셜벤처 허브센터", kind="hub")
    venture = make_organisation("소셜벤처 가나")
    with pytest.raises(ValidationFailed) as closed:
        services.tenancy_add(actor=None, space=hub, organisation=venture, starts_on=date(2018, 6, 1))
    assert "문을 연 공간이 아닙니다" in closed.value.field_errors["starts_on"][0]
    hub = services.space_save(actor=None, space=hub, name="소셜벤처 허브센터", kind="hub", opened_on=date(2018, 9, 1))
    services.tenancy_add(actor=None, space=hub, organisation=venture, starts_on=date(2018, 9, 3), room="201호")
    with pytest.raises(ValidationFailed) as overlap:
        services.tenancy_add(actor=None, space=hub, organisation=venture, starts_on=date(2018, 10, 1))
    assert "이미 이 공간에 입주해 있습니다" in overlap.value.field_errors["starts_on"][0]
    assert Tenancy.objects.count() == 1
    counts = selectors.space_counts(year=2018, as_of=date(2018, 9, 30))
    assert (counts["hubs"], counts["hub_tenancies"]) == (1, 1)
    assert selectors.space_counts(year=2018, as_of=date(2018, 6, 30))["hubs"] == 0


def test_evidence_takes_only_a_pdf_or_picture(personas):
    criterion = services.criterion_save(actor=None, number=1, title="공정무역 지원조례 제정")
    fake = SimpleUploadedFile("조례.pdf", b"MZ not a pdf", content_type="application/pdf")
    with pytest.raises(ValidationFailed) as refused:
        services.evidence_add(
            actor=None, criterion=criterion, what="조례 공포", dated_on=date(2018, 1, 4), document=fake
        )
    assert refused.value.field_errors["document"] == ["PDF, JPG, PNG 파일만 올릴 수 있습니다."]
    assert not CriterionEvidence.objects.exists()
    assert selectors.criteria_met_count(as_of=date(2018, 6, 30)) == 0
    services.evidence_add(actor=None, criterion=criterion, what="조례 공포", dated_on=date(2018, 1, 4))
    assert selectors.criteria_met_count(as_of=date(2018, 1, 3)) == 0
    assert selectors.criteria_met_count(as_of=date(2018, 1, 4)) == 1


def test_a_cluster_space_feeds_its_indicator_once_saved(
    dataset_2018, social_economy_staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.space_save(
            actor=social_economy_staff, name="사회적경제 활성화 공간 가", kind="cluster", opened_on=date(2018, 3, 2)
        )
    actual = IndicatorValue.objects.filter(indicator__code="IND-10", year=2018, kind="actual").latest("as_of")
    assert actual.value == 1


# --- the sales upload -----------------------------------------------------------------------------------------


def _sheet(rows) -> bytes:
    return xlsx_table(title="판로 매출", columns=selectors.SALE_COLUMNS, rows=rows)


@pytest.fixture
def market(personas):
    services.channel_save(actor=None, code="HAMKKE-NURI", name="함께누리몰", kind="online_mall")
    return make_organisation("행복사회적기업", cert="social_enterprise")


def test_one_bad_row_of_the_sales_sheet_writes_nothing_and_says_where(market, social_economy_staff):
    number = market.business_number
    data = _sheet(
        [
            {"channel": "HAMKKE-NURI", "business_number": number, "month": date(2018, 3, 15), "amount": 1_500_000},
            {"channel": "NOWHERE", "business_number": number, "month": date(2018, 4, 1), "amount": 10},
            {"channel": "HAMKKE-NURI", "business_number": "999-99-99999", "month": date(2018, 4, 1), "amount": 0},
        ]
    )
    with pytest.raises(ValidationFailed) as refused:
        services.sale_import(actor=social_economy_staff, data=data, file_name="3월.xlsx")
    errors = refused.value.field_errors["file"]
    assert "5행 '판로 코드': 판로 코드 NOWHERE인 판로가 없습니다." in errors
    assert any(e.startswith("6행 '사업자등록번호'") and "등록되어 있지 않습니다" in e for e in errors)
    assert "6행 '매출액(원)': 0보다 큰 원 단위 정수입니다." in errors
    assert not ChannelSale.objects.exists()


def test_the_sales_sheet_is_written_whole_and_a_second_one_corrects_it(market, social_economy_staff):
    row = {"channel": "HAMKKE-NURI", "business_number": market.business_number_text, "month": date(2018, 3, 15)}
    assert services.sale_import(actor=social_economy_staff, data=_sheet([{**row, "amount": 1_500_000}])) == 1
    sale = ChannelSale.objects.get()
    assert (sale.month, sale.amount) == (date(2018, 3, 1), 1_500_000)
    april = {**row, "month": date(2018, 4, 2), "amount": 90_000}
    services.sale_import(actor=social_economy_staff, data=_sheet([{**row, "amount": 1_600_000}, april]))
    assert dict(ChannelSale.objects.values_list("month", "amount")) == {
        date(2018, 3, 1): 1_600_000,
        date(2018, 4, 1): 90_000,
    }
    corrected = LogEntry.objects.get_for_object(sale).filter(action=LogEntry.Action.UPDATE).get()
    assert "1500000" in str(corrected.changes) and "1600000" in str(corrected.changes)
    twice = _sheet([{**row, "amount": 1}, {**row, "amount": 2}])
    with pytest.raises(ValidationFailed) as refused:
        services.sale_import(actor=social_economy_staff, data=twice)
    assert refused.value.field_errors["file"] == ["5행 '월(그 달의 아무 날)': 4행과 같은 판로·기업·월입니다."]
    assert ChannelSale.objects.get(month=date(2018, 3, 1)).amount == 1_600_000


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(amount=st.integers(min_value=-(10**16), max_value=10**16))
def test_any_amount_is_written_exactly_or_refused_with_nothing_written(market, amount):
    ChannelSale.objects.all().delete()
    row = {"channel": "HAMKKE-NURI", "business_number": market.business_number, "month": date(2018, 5, 2)}
    try:
        services.sale_import(actor=None, data=_sheet([{**row, "amount": amount}]))
    except ValidationFailed:
        assert not ChannelSale.objects.exists()
        assert amount <= 0 or amount >= 10**15
    else:
        assert ChannelSale.objects.get().amount == amount


def test_the_upload_page_refuses_a_bad_file_in_korean(market, social_economy_staff, client_as):
    staff = _client(social_economy_staff)
    bad = SimpleUploadedFile("매출.xlsx", b"not a workbook")
    response = staff.post("/economy/markets/upload/", {"file": bad})
    assert response.status_code == 400 and "엑셀(.xlsx) 파일을 읽을 수 없습니다" in response.content.decode()
    good = SimpleUploadedFile(
        "매출.xlsx",
        _sheet(
            [
                {
                    "channel": "HAMKKE-NURI",
                    "business_number": market.business_number,
                    "month": date(2018, 3, 1),
                    "amount": 700_000,
                }
            ]
        ),  # fmt: skip
    )
    assert staff.post("/economy/markets/upload/", {"file": good}).status_code == 302
    page = client_as(Role.AUDITOR).get("/economy/markets/?year=2018&as_of=2018-06-30").content.decode()
    assert 'id="sales-total">700,000원' in page and "행복사회적기업" in page
    assert client_as(Role.DIVISION_STAFF).get("/economy/markets/upload/").status_code == 403


# --- pages ----------------------------------------------------------------------------------------------------


def test_a_member_form_keeps_its_input_on_error_and_saves(personas, social_economy_staff):
    staff = _client(social_economy_staff)
    data = {"name": "빌바오", "kind": "city", "country": "스페인", "city": "빌바오", "joined_on": "2014-01-01",
            "left_on": "2013-01-01"}  # fmt: skip
    refused = staff.post("/economy/gsef/new/", data)
    assert refused.status_code == 400
    body = refused.content.decode()
    assert "탈퇴일은 가입일보다 앞설 수 없습니다." in body and 'value="빌바오"' in body
    saved = staff.post("/economy/gsef/new/", {**data, "left_on": ""})
    member = NetworkMember.objects.get()
    assert saved["Location"] == f"/economy/gsef/{member.pk}/"
    dues = staff.post(f"/economy/gsef/{member.pk}/", {"year": "2018", "amount": "abc", "currency": "KRW"})
    assert dues.status_code == 400
    assert (
        staff.post(f"/economy/gsef/{member.pk}/", {"year": "2018", "amount": "500000", "currency": "EUR"}).status_code
        == 302
    )
    assert member.dues.get().currency == "EUR"


def test_the_space_page_records_use_and_refuses_odd_input(personas, social_economy_staff, client_as):
    space = services.space_save(actor=None, name="활성화 공간 가", kind="cluster", opened_on=date(2018, 2, 1))
    staff = _client(social_economy_staff)
    early = staff.post(f"/economy/spaces/{space.pk}/uses/", {"month": "2018-01-15", "kind": "meeting", "count": "4"})
    assert early.status_code == 400 and "2018년 1월에는 문을 열지 않은 공간입니다." in early.content.decode()
    odd = staff.post(f"/economy/spaces/{space.pk}/uses/", {"month": "x", "kind": "nothing", "count": "-1"})
    assert odd.status_code == 400
    assert (
        staff.post(
            f"/economy/spaces/{space.pk}/uses/", {"month": "2018-03-09", "kind": "meeting", "count": "4"}
        ).status_code
        == 302
    )
    page = client_as(Role.AUDITOR).get(f"/economy/spaces/{space.pk}/").content.decode()
    assert "2018년 3월" in page
    assert (
        client_as(Role.DIVISION_STAFF)
        .post(f"/economy/spaces/{space.pk}/uses/", {"month": "2018-04-01", "kind": "meeting", "count": "1"})
        .status_code
        == 403
    )
    assert client_as(Role.DISTRICT_OFFICER).get(f"/economy/spaces/{space.pk}/").status_code == 403
    assert client_as(Role.AUDITOR).get("/economy/spaces/999999/").status_code == 404


def test_the_lists_export_what_they_show(personas, client_as):
    _member("가나 도시")
    _member("다라 단체", kind="organisation")
    services.space_save(actor=None, name="허브", kind="hub")
    auditor = client_as(Role.AUDITOR)
    page = auditor.get("/economy/gsef/?q=가나&sort=name&dir=desc").content.decode()
    assert "가나 도시" in page and "다라 단체" not in page
    export = auditor.get("/economy/gsef/export.xlsx?q=가나")
    assert export.status_code == 200 and export["Content-Type"].startswith("application/vnd.openxmlformats")
    assert auditor.get("/economy/spaces/?sort=nonsense&dir=sideways&kind=nope").status_code == 200
    assert auditor.get("/economy/spaces/export.xlsx").status_code == 200
    assert auditor.get("/economy/?year=abc&as_of=2018-99-99").status_code == 200


# --- API ------------------------------------------------------------------------------------------------------


def test_the_api_reads_for_the_office_and_writes_through_the_services(personas, client_as, social_economy_staff):
    _member()
    manager = client_as(Role.OFFICE_MANAGER)
    listed = manager.get("/api/economy/members").json()
    assert [m["name"] for m in listed["items"]] == ["회원 도시 1"]
    payload = {"name": "회원 도시 1", "kind": "city", "joined_on": "2015-01-01"}
    twice = manager.post("/api/economy/members", payload, content_type="application/json")
    assert twice.status_code == 400 and twice.json()["errors"][0]["field"] == "name"
    created = manager.post("/api/economy/members", {**payload, "name": "회원 도시 2"}, content_type="application/json")
    assert created.status_code == 201 and created.json()["kind_label"] == "도시"
    refused = client_as(Role.DIVISION_STAFF).post(
        "/api/economy/members", {**payload, "name": "회원 도시 3"}, content_type="application/json"
    )
    assert refused.status_code == 403 and refused.json()["code"] == "forbidden"
    assert client_as(Role.DISTRICT_OFFICER).get("/api/economy/members").status_code == 403
    figures = manager.get("/api/economy/figures?year=2018&as_of=2018-06-30").json()
    assert figures["members"] == 2
    space = services.space_save(actor=None, name="공간 가", kind="cluster", opened_on=date(2018, 1, 1))
    use = _client(social_economy_staff).post(
        f"/api/economy/spaces/{space.pk}/uses",
        {"month": "2018-02-10", "kind": "residents", "count": 30},
        content_type="application/json",
    )
    assert use.status_code == 201 and use.json()["month"] == "2018-02-01"
    assert Space.objects.get().uses.get().count == 30


def test_evidence_is_uploaded_on_the_page_and_read_back(personas, social_economy_staff, client_as, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    criterion = services.criterion_save(actor=None, number=1, title="공정무역 지원조례 제정")
    staff = _client(social_economy_staff)
    pdf = SimpleUploadedFile("조례 공포문.pdf", b"%PDF-1.4 ordinance", content_type="application/pdf")
    data = {"criterion": str(criterion.pk), "what": "조례 공포", "dated_on": "2018-01-04", "document": pdf}
    assert staff.post("/economy/fair-trade/", data).status_code == 302
    evidence = CriterionEvidence.objects.get()
    assert "조례 공포문" not in evidence.document.name  # stored under a random name
    page = client_as(Role.AUDITOR).get("/economy/fair-trade/?year=2018&as_of=2018-06-30").content.decode()
    assert 'id="criteria-met">1개' in page and "조례 공포문.pdf" in page
    download = client_as(Role.AUDITOR).get(f"/economy/fair-trade/evidence/{evidence.pk}/document/")
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF-")
    assert (
        client_as(Role.PARTNER_AGENCY).get(f"/economy/fair-trade/evidence/{evidence.pk}/document/").status_code == 403
    )
    refused = client_as(Role.AUDITOR).post("/economy/fair-trade/", {**data, "document": ""})
    assert refused.status_code == 403 and CriterionEvidence.objects.count() == 1


def test_a_dialogue_is_added_on_its_page_with_its_expected_numbers(personas, social_economy_staff):
    staff = _client(social_economy_staff)
    data = {"code": "GSEF-2018", "title": "GSEF 2018 포럼", "kind": "forum", "held_on": "2018-10-01",
            "ends_on": "2018-09-30", "place": "빌바오", "cities": "300", "participants": "1500",
            "expected": "on"}  # fmt: skip
    refused = staff.post("/economy/gsef/dialogues/", data)
    assert refused.status_code == 400 and "종료일은 시작일보다 앞설 수 없습니다." in refused.content.decode()
    assert staff.post("/economy/gsef/dialogues/", {**data, "ends_on": "2018-10-03"}).status_code == 302
    assert selectors.dialogue_count(code="GSEF-2018", year=2018, field="participants") == 1500
    page = staff.get("/economy/gsef/dialogues/").content.decode()
    assert "1,500명(예상)" in page


def test_a_tenant_leaves_on_the_space_page(personas, social_economy_staff, client_as):
    hub = services.space_save(actor=None, name="소셜벤처 허브센터", kind="hub", opened_on=date(2018, 9, 1))
    other = services.space_save(actor=None, name="활성화 공간 나", kind="cluster", opened_on=date(2018, 1, 1))
    venture = make_organisation("소셜벤처 다라")
    staff = _client(social_economy_staff)
    entered = staff.post(
        f"/economy/spaces/{hub.pk}/tenancies/",
        {"business_number": venture.business_number_text, "room": "201호", "starts_on": "2018-09-03"},
    )
    assert entered.status_code == 302
    tenancy = Tenancy.objects.get()
    early = staff.post(f"/economy/spaces/{hub.pk}/tenancies/{tenancy.pk}/end/", {"ends_on": "2018-08-01"}, follow=True)
    assert "퇴거일은 입주일보다 앞설 수 없습니다." in early.content.decode()
    assert (
        staff.post(f"/economy/spaces/{other.pk}/tenancies/{tenancy.pk}/end/", {"ends_on": "2018-12-31"}).status_code
        == 404
    )
    assert (
        client_as(Role.DIVISION_STAFF)
        .post(f"/economy/spaces/{hub.pk}/tenancies/{tenancy.pk}/end/", {"ends_on": "2018-12-31"})
        .status_code
        == 403
    )
    assert (
        staff.post(f"/economy/spaces/{hub.pk}/tenancies/{tenancy.pk}/end/", {"ends_on": "2018-12-31"}).status_code
        == 302
    )
    tenancy.refresh_from_db()
    assert tenancy.ends_on == date(2018, 12, 31)
    assert selectors.space_counts(year=2019, as_of=date(2019, 1, 2))["hub_tenancies"] == 0
    unknown = staff.post(
        f"/economy/spaces/{hub.pk}/tenancies/", {"business_number": "000-00-00000", "starts_on": "2019-01-02"}
    )
    assert unknown.status_code == 400 and "사업자등록번호를 확인하십시오" in unknown.content.decode()
