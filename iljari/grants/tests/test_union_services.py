# ruff: noqa: F811  (the fixtures imported from union_fixtures are redefined as test arguments)
"""The unions' services: sub-projects within the agreement, tranches allocated to them, scholarship rounds and
students, the 한국장학재단 list's import (all or nothing), the matcher, and a duplicate blocking payment until the
official decides — bad input refused in Korean, nothing written."""

from __future__ import annotations

import io
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.roles import Role
from iljari.grants import services
from iljari.grants.models import FoundationImport, FoundationRecord, ScholarshipRecipient, SubProject
from iljari.grants.services import unions
from iljari.grants.tests.union_fixtures import (  # noqa: F401
    MILLION,
    labour_programme,
    labour_staff,
    scholarship,
    scholarship_sub_project,
    student,
    union,
    union_agreement,
    union_user,
)

HEADER = "성명,생년월일,학교,지원 내용,지원액,지원 기간\n"


def _csv(*lines: str) -> bytes:
    return (HEADER + "\n".join(lines) + "\n").encode("utf-8")


def test_sub_projects_are_numbered_and_their_budgets_stay_within_the_agreement(union_agreement, labour_staff):
    first = unions.sub_project_add(actor=labour_staff, agreement=union_agreement, title="노동법률상담")
    second = unions.sub_project_add(
        actor=labour_staff, agreement=union_agreement, title="노동조합 교육", budget=60 * MILLION
    )
    assert (first.order, first.budget, second.order) == (1, None, 2)
    with pytest.raises(ValidationFailed) as error:
        unions.sub_project_add(actor=labour_staff, agreement=union_agreement, title="강당증축", budget=41 * MILLION)
    assert "협약 총액" in error.value.field_errors["budget"][0]
    with pytest.raises(ValidationFailed) as error:
        unions.sub_project_add(actor=labour_staff, agreement=union_agreement, title=" 노동법률상담 ")
    assert "이미 있습니다" in error.value.message
    with pytest.raises(ValidationFailed):
        unions.sub_project_add(actor=labour_staff, agreement=union_agreement, title="   ")
    assert SubProject.objects.filter(agreement=union_agreement).count() == 2


def test_staff_of_another_division_and_the_union_cannot_keep_sub_projects(union_agreement, office, union_user):
    for actor in (office[Role.DIVISION_STAFF], office[Role.AUDITOR], union_user):
        with pytest.raises(NotAllowed):
            unions.sub_project_add(actor=actor, agreement=union_agreement, title="노동법률상담")
    assert not SubProject.objects.exists()


def test_a_non_union_agreement_takes_no_sub_project(make_agreement, office):
    agreement = make_agreement()
    with pytest.raises(ValidationFailed) as error:
        unions.sub_project_add(actor=None, agreement=agreement, title="세부사업")
    assert error.value.message == "노동단체와 맺은 협약이 아닙니다."


def test_a_tranche_is_allocated_to_a_sub_project_of_its_own_agreement(union_agreement, labour_staff, office):
    from iljari.grants.union_selectors import union_sub_projects

    first = unions.sub_project_add(actor=None, agreement=union_agreement, title="노동법률상담")
    unions.sub_project_add(actor=None, agreement=union_agreement, title="노동조합 교육")
    tranche = services.disbursement_record(
        actor=None, agreement=union_agreement, paid_on=date(2018, 2, 12), amount=30 * MILLION
    )
    unions.sub_project_tranche_assign(actor=labour_staff, disbursement=tranche, sub_project=first)
    paid = {s.title: s.paid for s in union_sub_projects(agreement=union_agreement)}
    assert paid == {"노동법률상담": 30 * MILLION, "노동조합 교육": 0}
    unions.sub_project_tranche_assign(actor=labour_staff, disbursement=tranche, sub_project=None)
    assert {s.paid for s in union_sub_projects(agreement=union_agreement)} == {0}


def test_students_stay_within_the_rounds_budget_once_each(scholarship):
    for n in range(5):
        student(scholarship, name=f"학생{n}", birth=date(2003, 1, n + 1))
    with pytest.raises(ValidationFailed) as error:
        student(scholarship, name="학생9")
    assert "회차 예산" in error.value.field_errors["amount"][0]
    with pytest.raises(ValidationFailed) as error:
        student(scholarship, name="학생 0", birth=date(2003, 1, 1))
    assert "이미 있습니다" in error.value.message
    with pytest.raises(ValidationFailed) as error:
        student(scholarship, name="학생8", birth=date(2019, 1, 1))
    assert "생년월일" in error.value.field_errors["birth_date"][0]
    assert scholarship.recipients.count() == 5


def test_the_union_adds_its_own_students_but_no_one_elses(scholarship, union_user, office):
    recipient = unions.scholarship_recipient_add(
        actor=union_user, scholarship=scholarship, name="이바다", birth_date=date(2004, 5, 6), school="한강중학교",
        parent_name="이철민",
    )  # fmt: skip
    assert recipient.amount == 1_000_000
    with pytest.raises(NotAllowed):
        unions.scholarship_recipient_add(
            actor=office[Role.ORGANISATION], scholarship=scholarship, name="박구름", birth_date=date(2004, 5, 6),
            school="한강중학교", parent_name="박철민",
        )  # fmt: skip


def test_the_foundation_list_flags_a_duplicate_that_cannot_be_paid_until_decided(scholarship, labour_staff):
    sky = student(scholarship)
    other = student(scholarship, name="박바다", birth=date(2002, 2, 2))
    source = unions.foundation_list_import(
        actor=labour_staff, scholarship=scholarship, file_name="재단명단.csv",
        data=_csv("김 하늘,2003-04-05,서울고등학교,국가장학금,1500000,2018-1학기", "최산,2001-01-01,,희망장학,500000,"),
    )  # fmt: skip
    assert (source.rows, source.matches, source.file_name, source.imported_by) == (2, 1, "재단명단.csv", labour_staff)
    sky.refresh_from_db()
    other.refresh_from_db()
    assert (sky.review, sky.match.support, sky.match.amount) == ("pending", "국가장학금", 1_500_000)
    assert other.review == ""
    with pytest.raises(ValidationFailed) as error:
        unions.scholarship_recipient_pay(actor=labour_staff, recipient=sky, paid_on=date(2018, 6, 1))
    assert "중복 확인" in error.value.message
    with pytest.raises(ValidationFailed) as error:
        unions.scholarship_recipient_decide(actor=labour_staff, recipient=sky, decision="kept", reason="")
    assert "결정 사유" in error.value.message
    unions.scholarship_recipient_decide(
        actor=labour_staff, recipient=sky, decision="kept", reason="재단 지원은 등록금, 본 장학금은 생활비로 중복 아님"
    )
    paid = unions.scholarship_recipient_pay(actor=labour_staff, recipient=sky, paid_on=date(2018, 6, 1))
    assert (paid.state, paid.paid_on) == ("paid", date(2018, 6, 1))
    with pytest.raises(ValidationFailed):
        unions.scholarship_recipient_pay(actor=labour_staff, recipient=sky, paid_on=date(2018, 6, 2))


def test_an_excluded_duplicate_is_never_paid_and_frees_the_budget(scholarship, labour_staff):
    sky = student(scholarship)
    unions.foundation_list_import(
        actor=labour_staff, scholarship=scholarship, file_name="a.csv",
        data=_csv("김하늘,2003.4.5,서울고등학교,국가장학금,1000000,2018"),
    )  # fmt: skip
    sky.refresh_from_db()
    unions.scholarship_recipient_decide(actor=labour_staff, recipient=sky, decision="excluded", reason="같은 학기 중복")
    sky.refresh_from_db()
    assert (sky.state, sky.review) == ("excluded", "excluded")
    with pytest.raises(ValidationFailed) as error:
        unions.scholarship_recipient_pay(actor=labour_staff, recipient=sky, paid_on=date(2018, 6, 1))
    assert "제외된 학생" in error.value.message
    for n in range(5):
        student(scholarship, name=f"학생{n}", birth=date(2003, 1, n + 1))  # the excluded one's amount is free again


def test_a_student_added_after_the_import_is_checked_at_once(scholarship, labour_staff):
    unions.foundation_list_import(
        actor=labour_staff, scholarship=scholarship, file_name="a.csv",
        data=_csv("김하늘,20030405,서울고등학교,국가장학금,1000000,2018"),
    )  # fmt: skip
    assert student(scholarship).review == "pending"


def test_a_bad_row_names_its_row_and_column_and_nothing_is_written(scholarship, labour_staff):
    sky = student(scholarship)
    data = _csv(
        "김하늘,2003-04-05,서울고등학교,국가장학금,1000000,2018",
        "박바다,2003-13-01,한강고,국가장학금,1000000,2018",
        ",2003-01-01,한강고,국가장학금,1000000,2018",
        "최산,2003-01-01,한강고,국가장학금,일백만원,2018",
    )
    with pytest.raises(ValidationFailed) as error:
        unions.foundation_list_import(actor=labour_staff, scholarship=scholarship, file_name="bad.csv", data=data)
    problems = error.value.field_errors["file"]
    assert any(p.startswith("3행 '생년월일'") for p in problems)
    assert any(p.startswith("4행 '성명'") for p in problems)
    assert any(p.startswith("5행 '지원액'") for p in problems)
    assert "아무것도 저장하지 않았습니다" in error.value.message
    assert not FoundationImport.objects.exists() and not FoundationRecord.objects.exists()
    sky.refresh_from_db()
    assert sky.review == ""


def test_an_xlsx_list_with_a_title_row_above_its_header_is_read(scholarship, labour_staff):
    sky = student(scholarship)
    book = Workbook()
    sheet = book.active
    sheet.append(["2018년 한국장학재단 지원 명단"])
    sheet.append(["성명", "생년월일", "학교", "지원 내용", "지원액", "지원 기간"])
    sheet.append(["ＫＩＭ", date(2003, 4, 5), "서울고", "국가장학금", 700000, "2018-1"])
    sheet.append(["김하늘", date(2003, 4, 5), "서울고등학교", "국가장학금", 1000000, "2018-1"])
    buffer = io.BytesIO()
    book.save(buffer)
    source = unions.foundation_list_import(
        actor=labour_staff, scholarship=scholarship, file_name="명단.xlsx", data=buffer.getvalue()
    )
    assert (source.rows, source.matches) == (2, 1)
    sky.refresh_from_db()
    assert sky.match.row == 4


def test_an_unreadable_or_headerless_file_is_refused(scholarship, labour_staff):
    for data in (b"", b"PK\x03\x04 broken", "이름,나이\n김,3\n".encode(), b"\xff\xfe\x00bad"):
        with pytest.raises(ValidationFailed):
            unions.foundation_list_import(actor=labour_staff, scholarship=scholarship, file_name="x", data=data)
    assert not FoundationImport.objects.exists()


def test_only_the_programmes_staff_import_decide_and_pay(scholarship, office, union_user):
    sky = student(scholarship)
    for actor in (office[Role.DIVISION_STAFF], union_user, office[Role.AUDITOR]):
        with pytest.raises(NotAllowed):
            unions.foundation_list_import(actor=actor, scholarship=scholarship, file_name="a.csv", data=_csv())
        with pytest.raises(NotAllowed):
            unions.scholarship_recipient_pay(actor=actor, recipient=sky, paid_on=date(2018, 6, 1))
    assert ScholarshipRecipient.objects.get().state == "selected"


# --- the matcher ------------------------------------------------------------------------------------------------


class Row:
    def __init__(self, name, birth, school, support="국가장학금", row=1):
        self.name_key, self.birth_date = unions.name_key(name), birth
        self.school_key, self.support, self.amount, self.row = unions.school_key(school), support, 1, row

    def __repr__(self):
        return f"Row({self.name_key}, {self.birth_date}, {self.school_key})"


HANGUL = st.text(alphabet=st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), min_size=1, max_size=4)
LATIN = st.text(alphabet="abcdefgHIJK", min_size=1, max_size=6)


def _widen(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.one_of(HANGUL, LATIN), spaces=st.lists(st.integers(0, 5), min_size=1, max_size=3), wide=st.booleans())
def test_the_name_key_ignores_spaces_width_and_case(name, spaces, wide):
    spaced = name
    for at in spaces:
        at = min(at, len(spaced))
        spaced = spaced[:at] + " \u3000"[at % 2] + spaced[at:]
    variant = _widen(spaced) if wide else spaced
    assert unions.name_key(variant) == unions.name_key(name) == unions.name_key(name.upper().lower())
    assert unions.name_key(f"  {variant.swapcase()}  ") == unions.name_key(name)


@settings(max_examples=60)
@given(data=st.data())
def test_the_match_does_not_depend_on_the_order_of_either_list(data):
    names = data.draw(st.lists(st.sampled_from(["김하늘", "이바다", "박산"]), min_size=1, max_size=5))
    schools = ["서울고", "한강고", ""]
    recipients = [
        Row(n, date(2003, 1, 1 + i % 2), data.draw(st.sampled_from(schools[:2])), row=i) for i, n in enumerate(names)
    ]
    records = [
        Row(data.draw(st.sampled_from(names)), date(2003, 1, 1 + i % 2), data.draw(st.sampled_from(schools)), row=i)
        for i in range(data.draw(st.integers(0, 5)))
    ]
    found = unions.duplicates_match(recipients, records)
    shuffled = unions.duplicates_match(data.draw(st.permutations(recipients)), data.draw(st.permutations(records)))
    assert {id(k): id(v) for k, v in found.items()} == {id(k): id(v) for k, v in shuffled.items()}
    for recipient, record in found.items():
        assert (record.name_key, record.birth_date) == (recipient.name_key, recipient.birth_date)


def test_the_school_breaks_a_tie_between_two_students_of_the_same_name_and_birth_date():
    seoul, hangang = Row("김하늘", date(2003, 1, 1), "서울고"), Row("김하늘", date(2003, 1, 1), "한강고")
    record = Row("김 하늘", date(2003, 1, 1), "한강고")
    assert unions.duplicates_match([seoul, hangang], [record]) == {hangang: record}
    unknown = Row("김하늘", date(2003, 1, 1), "")
    assert unions.duplicates_match([seoul], [unknown]) == {seoul: unknown}
    assert unions.duplicates_match([seoul], [Row("김하늘", date(2003, 1, 2), "서울고")]) == {}


def test_five_years_after_its_round_a_students_identity_is_destroyed_and_the_counts_stay(scholarship, labour_staff):
    from datetime import datetime

    from django.utils import timezone

    from iljari.core.retention import retention_run

    sky = student(scholarship)
    unions.foundation_list_import(
        actor=labour_staff, scholarship=scholarship, file_name="a.csv",
        data=_csv("김하늘,2003-04-05,서울고등학교,국가장학금,1000000,2018"),
    )  # fmt: skip
    sky.refresh_from_db()
    unions.scholarship_recipient_decide(actor=labour_staff, recipient=sky, decision="kept", reason="지원 성격이 다름")
    unions.scholarship_recipient_pay(actor=labour_staff, recipient=sky, paid_on=date(2018, 6, 1))
    retention_run(now=timezone.make_aware(datetime(2023, 12, 31)))  # the round's year ended under 5 years ago
    sky.refresh_from_db()
    assert (sky.name, sky.parent_name) == ("김하늘", "김철수")
    records = {r.rule_code: r for r in retention_run(now=timezone.make_aware(datetime(2024, 1, 2)))}
    assert records["grants.scholarship_recipient"].records == 1
    sky.refresh_from_db()
    assert (sky.name, sky.parent_name, sky.parent_workplace, sky.grade) == ("(파기)", "(파기)", "", "")
    assert (sky.birth_date, sky.masked_name) == (date(2003, 1, 1), "(파기)")
    assert (sky.state, sky.amount, sky.review, sky.school, sky.match) == (
        "paid",
        1_000_000,
        "kept",
        "서울고등학교",
        None,
    )
    assert not FoundationRecord.objects.exists() and FoundationImport.objects.get().matches == 1
    assert "grants.scholarship_recipient" not in {
        r.rule_code for r in retention_run(now=timezone.make_aware(datetime(2024, 1, 3)))
    }
