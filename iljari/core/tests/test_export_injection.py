# ruff: noqa: F811  (the grants fixtures imported below are redefined as test arguments)
"""No export runs what somebody typed: every xlsx and CSV download of the access matrix, with hostile text planted in
the data first (a grant agreement titled "=1+1…", partners named "@SUM(…)…"), holds no formula cell, and no CSV
field begins with a character a spreadsheet would run (= + - @, tab, CR)."""

from __future__ import annotations

import csv
import io

import pytest
from auditlog.models import LogEntry
from django.apps import apps
from django.db import models
from django.db.models.functions import Concat, Length
from django.utils import timezone
from hypothesis import example, given
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from iljari.committees.tests.factories import make_committee
from iljari.core.accesslog import access_log_record
from iljari.core.csvfile import ACTIVE_FIRST, csv_safe
from iljari.core.exports import Purpose
from iljari.core.models import ChangeBatch, LoginEvent
from iljari.core.roles import Role
from iljari.core.tests.test_access_matrix import FIGURE_PAGES, FRONTLINE_PAGES, PAGES, TRAINING_PAGES
from iljari.core.xlsx import cell_put
from iljari.entrusted.tests.factories import make_entrusted
from iljari.fund.models import Notice
from iljari.grants.tests.conftest import grantee, make_agreement, office, youth_programme  # noqa: F401 (fixtures)
from iljari.grants.tests.district_fixtures import make_project

FORMULA = "=1+1 "  # an openpyxl writer turns a string beginning with "=" into a formula
PREFERRED = [Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.SYSTEM_ADMIN, Role.AUDITOR, Role.PARTNER_AGENCY]


def _exports() -> list[tuple[str, set]]:
    rows = [(path, allowed) for _, path, allowed in PAGES + FIGURE_PAGES + TRAINING_PAGES]
    # of the frontline's downloads, the 취업날개 ones (their data: _suit_rental below)
    rows += [(path, allowed) for _, path, allowed in FRONTLINE_PAGES if path.startswith("/frontline/suits/")]
    found = [(path, allowed) for path, allowed in rows if ".xlsx" in path or ".csv" in path]
    # the business report's xlsx rendering (the matrix asks for its markdown)
    found += [(path.replace("format=md", "format=xlsx"), allowed) for path, allowed in rows if "format=md" in path]
    return list(dict.fromkeys((path, frozenset(allowed)) for path, allowed in found))


EXPORTS = _exports()
# Exports whose file carries none of the office's free text: empty upload forms, and the job figures (their labels
# are the target groups' fixed names). A buyer organisation's own template no persona may download
# (enterprises/tests/test_buyer_purchases.py).
NO_TEXT_DATA = {
    "/fund/statements/template.xlsx",
    "/grants/payrolls/template.xlsx",
    "/enterprises/procurement/template.xlsx",
    "/performance/jobs/export.xlsx?year=2018",
    "/economy/markets/template.xlsx",
}


def test_the_export_list_is_taken_from_the_matrix():
    paths = [path for path, _ in EXPORTS]
    assert "/org/partners/export.csv" in paths and "/grants/export.xlsx" in paths
    assert any("attendance.xlsx" in path for path in paths) and any("format=xlsx" in path for path in paths)


def _plant(prefix: str) -> int:
    """Put `prefix` before every name, title, address and other free text of the office's own tables; how many
    columns it touched."""
    touched = 0
    for model in apps.get_models():
        if not model.__module__.startswith("iljari.") or model._meta.app_label == "core" or model._meta.proxy:
            continue
        for field in model._meta.concrete_fields:
            if type(field) not in (models.CharField, models.TextField) or field.choices or field.primary_key:
                continue
            if not any(word in field.name for word in ("name", "title", "address", "task", "operator", "note")):
                continue
            rows = model._default_manager.exclude(**{field.name: ""})
            if field.max_length:  # only where the prefix fits: a cut name could clash with another
                rows = rows.annotate(_length=Length(field.name)).filter(_length__lte=field.max_length - len(prefix))
            rows.update(**{field.name: Concat(models.Value(prefix), models.F(field.name), output_field=field)})
            touched += 1
    return touched


def _loan():
    """A loan of the fund (for the loan list's download), as fund/tests/conftest.py makes one."""
    from datetime import date
    from decimal import Decimal

    from iljari.demo.enterprises_loader import business_number
    from iljari.enterprises.services import organisation_register
    from iljari.fund import services as fund
    from iljari.org.services import partner_create

    intermediary = partner_create(actor=None, code="FUND-INT-H", name="가나사회투자", kind="intermediary")
    borrower = organisation_register(
        actor=None, name="다라협동조합", kind="cooperative", business_number=business_number(555_000_009)
    )
    fund.contribution_record(actor=None, amount=1_000_000_000, on=date(2018, 1, 2))
    agreement = fund.agreement_create(
        actor=None, code="2018-1-H", intermediary=intermediary, year=2018, call_round=1, city_amount=100_000_000,
        matched_amount=25_000_000, max_rate=Decimal("3"), overdue_rate=Decimal("5"), starts_on=date(2018, 1, 15),
        ends_on=date(2023, 12, 31), reporting_duties="분기별 보고",
    )  # fmt: skip
    loan = fund.loan_register(
        actor=None, number="H-1", borrower=borrower, agreement=agreement, purpose="enterprise", principal=10_000_000,
        annual_rate=Decimal("2"), term_months=12, grace_months=0, method="equal_principal",
    )  # fmt: skip
    Notice.objects.create(
        loan=loan,
        kind="repayment",
        period_start=date(2018, 4, 1),
        period_end=date(2018, 4, 15),
        amount=1_000_000,
        generated_at=timezone.now(),
    )  # for the notice list's download


@pytest.fixture
def hostile_office(office, make_agreement, client_as):
    from iljari.participation.tests.factories import make_site, make_trainee, make_training

    make_agreement()
    make_project()
    made = make_training()
    make_trainee(made["short"])
    make_site()  # worksites, for the worksite list's download
    _loan()
    _purchase_and_failed_message()
    _event()
    _economy()
    make_entrusted()  # facilities and their trustees, for the entrusted facilities' download
    make_committee()  # a committee, for the committee list's download
    _suit_rental()
    return client_as


def _event():
    """An event (the events list's download), of the first programme the office has."""
    from datetime import date

    from iljari.frontline.services.events import event_set
    from iljari.plan.models import Programme

    programme = Programme.objects.select_related("division").first()
    event_set(actor=None, code="EVENT-H", kind="festival", title="공정무역 페스티벌", organisers="서울시",
              programme=programme, division=programme.division, starts_on=date(2018, 5, 12), ends_on=date(2018, 5, 13),
              place="서울광장")  # fmt: skip


def _economy():
    """A GSEF member, a dialogue, a space and a month's sale through a channel (the economy's downloads)."""
    from datetime import date

    from iljari.economy import services as economy
    from iljari.economy.models import ChannelSale
    from iljari.enterprises.tests.factories import make_organisation

    economy.member_save(actor=None, name="빌바오", kind="city", joined_on=date(2014, 11, 17))
    economy.dialogue_save(actor=None, code="GSEF-H", title="아시아 정책대화", kind="dialogue", held_on=date(2018, 7, 5))
    economy.space_save(actor=None, name="활성화 공간", kind="cluster", opened_on=date(2017, 1, 1))
    channel = economy.channel_save(actor=None, code="MALL-H", name="함께누리몰", kind="online_mall")
    seller = make_organisation("누리사회적기업")
    ChannelSale.objects.create(channel=channel, organisation=seller, month=date(2018, 3, 1), amount=1_000)


def _suit_rental():
    """A 취업날개 rental returned with a note on its state, of an item with a note (the rentals' and the items'
    downloads)."""
    from datetime import date

    from iljari.frontline import services as frontline
    from iljari.frontline.models import ServicePoint
    from iljari.org.models import OrgUnit
    from iljari.people.tests.factories import make_person

    cafe = ServicePoint.objects.create(
        code="WINGS", name="일자리카페 취업날개", kind=ServicePoint.Kind.JOB_CAFE,
        division=OrgUnit.objects.get(code="JOBS-POLICY"), weekday_opens=10, weekday_closes=18,
    )  # fmt: skip
    item = frontline.suit_item_set(
        actor=None, service_point=cafe, code="J-100", kind="jacket", size="100", note="소매 수선함"
    )
    rental = frontline.suit_rental_book(
        actor=None, service_point=cafe, visit_on=date(2018, 6, 4), items=[item], person=make_person()
    )
    frontline.suit_rental_pickup(actor=None, rental=rental, on=date(2018, 6, 4))
    frontline.suit_rental_return(
        actor=None, rental=rental, returned_on=date(2018, 6, 8), condition_note="단추 떨어짐 수선 필요"
    )


def _purchase_and_failed_message():
    """A district office's purchase (the procurement list's download, searched by "구청") and a message that failed
    (the outbox's download of failed messages)."""
    from datetime import date

    from iljari.enterprises.services import purchase_record
    from iljari.enterprises.tests.factories import make_organisation
    from iljari.messaging.models import Message
    from iljari.messaging.services import Recipient, message_send

    buyer = make_organisation("강동구청", kind="district", district="11740")
    supplier = make_organisation("행복사회적기업", cert="social_enterprise", since=date(2015, 3, 1))
    purchase_record(actor=None, buyer=buyer, supplier=supplier, category="goods", item="사무용품", amount=1_000_000,
                    purchased_on=date(2018, 4, 2))  # fmt: skip
    message = message_send(
        to=Recipient(name="김수신", email="kim@example.com"),
        template="booking_cancelled",
        context={"room": "세미나실", "day": "2018.4.2.", "hours": "10:00~12:00"},
    )
    # a subject as hostile as the planted names (the recipient and the address are masked in the download)
    Message.objects.filter(pk=message.pk).update(status=Message.Status.FAILED, subject=f"{FORMULA}예약 취소 안내")


def _download(client, path):
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    if response["Content-Type"].startswith("text/html"):  # personal data: the purpose and reason form first
        answers = [client.post(path, {"purpose": purpose, "reason": "감사 자료 확인용"}) for purpose in Purpose.values]
        answers = [answer for answer in answers if answer.status_code == 200]
        assert answers, path
        return answers
    return [response]


def _texts_of_xlsx(data: bytes) -> list[str]:
    workbook = load_workbook(io.BytesIO(data))
    texts = []
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    texts.append(cell.value)
    return texts


def _plant_audit(prefix: str) -> None:
    """The audit trails' own text (which `_plant` leaves alone): a record's text in the change history, an id
    typed at the login page, a change batch's subject, an access log entry's detail."""
    LogEntry.objects.update(object_repr=Concat(models.Value(prefix), models.F("object_repr")))
    LoginEvent.objects.create(username=f"{prefix}kim", outcome=LoginEvent.Outcome.FAILURE)
    ChangeBatch.objects.create(kind="fund.notices", kind_label="고지 일괄 기록", subject=f"{prefix}고지")
    access_log_record(user=None, remote_addr=None, action="view", subject_type="people.person", subject_ids=[],
                      detail=f"{prefix}사람 보기")  # fmt: skip


@pytest.mark.parametrize(("path", "allowed"), EXPORTS, ids=[path for path, _ in EXPORTS])
def test_no_xlsx_export_holds_a_formula_from_the_data(hostile_office, path, allowed):
    if not allowed:
        pytest.skip("no persona may download it (tested with a buyer account in enterprises/tests)")
    if ".csv" in path:
        pytest.skip("CSV: the next test")
    assert _plant(FORMULA) > 10
    if path.startswith("/history/"):
        _plant_audit(FORMULA)
    role = next(role for role in PREFERRED if role in allowed)
    for response in _download(hostile_office(role), path):
        texts = _texts_of_xlsx(response.content)
        if path not in NO_TEXT_DATA:
            assert any(text.startswith(FORMULA) for text in texts), f"{path}: nothing planted reached the file"


@pytest.mark.parametrize("prefix", ["=1+", "+1+", "-1+", "@1+", "\t=1", "\r=1"])
@pytest.mark.parametrize(("path", "allowed"), [e for e in EXPORTS if ".csv" in e[0]])
def test_no_csv_field_begins_with_an_active_character(hostile_office, path, allowed, prefix):
    _plant(prefix)
    role = next(role for role in PREFERRED if role in allowed)
    (response,) = _download(hostile_office(role), path)
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))
    fields = [field for row in rows[1:] for field in row]
    assert any(field == "'" + prefix + field[len(prefix) + 1 :] for field in fields), "nothing planted came out"
    assert not [field for field in fields if field.startswith(ACTIVE_FIRST)]


@given(st.text())
def test_csv_safe_leaves_no_active_first_character_and_keeps_the_text(text):
    safe = csv_safe(text)
    assert not safe.startswith(ACTIVE_FIRST)
    assert safe in (text, "'" + text)


def test_csv_safe_leaves_numbers_as_numbers():
    assert csv_safe(-5) == -5
    assert csv_safe("-5") == "'-5"


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1))
@example("=1+1")
@example("#N/A")
def test_a_cell_put_through_the_helper_reads_back_as_the_same_text(text):
    workbook = Workbook()
    cell_put(workbook.active["A1"], text)
    buffer = io.BytesIO()
    workbook.save(buffer)
    cell = load_workbook(io.BytesIO(buffer.getvalue())).active["A1"]
    assert cell.data_type == "s"
    assert cell.value == text


def test_the_events_export_holds_no_formula_from_the_data(hostile_office):
    """The events list's download (frontline's pages are a matrix of their own, FRONTLINE_PAGES, not read above)."""
    assert _plant(FORMULA) > 10
    response = hostile_office(Role.OFFICE_MANAGER).get("/frontline/events/export.xlsx?sort=title")
    assert response.status_code == 200
    texts = _texts_of_xlsx(b"".join(response.streaming_content) if response.streaming else response.content)
    assert f"{FORMULA}공정무역 페스티벌" in texts
