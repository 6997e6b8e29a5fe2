"""Paper applications of a district-run round from an Excel sheet: every row checked, all rows or none."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from iljari.core.errors import ValidationFailed
from iljari.core.models import AccessLogEntry
from iljari.core.roles import Role
from iljari.core.xlsx import xlsx_table
from iljari.intake import services
from iljari.intake.models import Application
from iljari.intake.selectors import APPLICANT_COLUMNS
from iljari.intake.tests.factories import make_call
from iljari.people.models import Consent, Person
from iljari.people.tests.factories import BOTH, make_person, rrn_for


@pytest.fixture
def office(personas, media_root, dataset_2018):
    return personas


def _row(name, birth, *, rrn=None, quota="DISTRICT", district="강동구", **extra):
    row = {
        "name": name,
        "birth_date": birth,
        "sex": "남",
        "rrn": rrn or rrn_for(birth),
        "phone": "010-0000-0000",
        "district": district,
        "quota": quota,
        "regular_income": "아니오",
        "job_seeker": "예",
        "basic_livelihood": "아니오",
        "veteran": "",
        "disability": "아니오",
    }
    row.update(extra)
    return row


def _sheet(rows) -> bytes:
    return xlsx_table(title="신청자 일괄 등록", columns=APPLICANT_COLUMNS, rows=rows)


def _counts():
    return Person.objects.count(), Application.objects.count(), Consent.objects.count()


def test_the_template_has_the_columns_the_office_asked_for(office, client_as):
    call = make_call()
    response = client_as(Role.DIVISION_STAFF).get(f"/intake/calls/{call.code}/import/template.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    headers = [cell.value for cell in sheet[3]]
    assert headers == [
        "이름",
        "생년월일",
        "성별",
        "주민등록번호",
        "연락처",
        "자치구",
        "선발구분코드",
        "정기소득 여부",
        "구직등록",
        "기초생활수급",
        "국가유공자",
        "장애인",
    ]
    assert "CITY(서울시)" in sheet["A2"].value


def test_all_rows_pass_new_people_are_registered_and_known_ones_matched(office):
    call = make_call()
    known = make_person(birth=date(1991, 2, 3), name="김기존", district="11740")
    rows = [
        _row("이새롬", date(1995, 6, 7), basic_livelihood="예"),
        _row("김기존", date(1991, 2, 3), rrn=known.rrn, quota="CITY"),
        _row("박종이", date(1993, 8, 9), district="11740", rrn=rrn_for(date(1993, 8, 9)).replace("-", "")),
    ]
    ids = services.application_bulk_import(
        actor=office[Role.DIVISION_STAFF], call=call, data=_sheet(rows), consented=True
    )
    assert len(ids) == 3 and ids[1] == known.pk
    applications = Application.objects.filter(call=call).select_related("person", "quota").order_by("person__name")
    assert [(a.person.name, a.quota.code, a.channel, a.status) for a in applications] == [
        ("김기존", "CITY", "paper", "submitted"),
        ("박종이", "DISTRICT", "paper", "submitted"),
        ("이새롬", "DISTRICT", "paper", "submitted"),
    ]
    newcomer = Person.objects.get(name="이새롬")
    assert newcomer.basic_livelihood_recipient and newcomer.job_seeker_registered and newcomer.consents.count() == 2
    assert Application.objects.get(person=newcomer).priority_points == 5
    known.refresh_from_db()
    assert known.job_seeker_registered  # the paper form's declaration brought the record up to date


def test_a_file_with_several_bad_rows_changes_nothing_and_lists_every_error_by_row(office):
    call = make_call()
    applied = make_person(birth=date(1994, 4, 4), name="최신청")
    services.application_paper_register(
        actor=None, call=call, quota=call.quotas.get(code="CITY"), rrn=applied.rrn, consents=BOTH
    )
    bad_rrn = "901301-1234567"  # no 13th month
    duplicate = rrn_for(date(1996, 1, 1))
    rows = [
        _row("정상", date(1995, 6, 7)),  # 4: fine
        _row("날짜틀림", date(1995, 6, 7), birth_date="1995-13-40"),  # 5: not a date
        _row("번호틀림", date(1990, 1, 1), rrn=bad_rrn),  # 6: bad number
        _row("구없음", date(1995, 6, 7), district="부산진구"),  # 7: unknown district
        _row("구분없음", date(1995, 6, 7), quota="NOPE"),  # 8: unknown quota
        _row("중복하나", date(1996, 1, 1), rrn=duplicate),  # 9
        _row("중복둘", date(1996, 1, 1), rrn=duplicate),  # 10: same number as row 9
        _row("최신청", date(1994, 4, 4), rrn=applied.rrn),  # 11: already applied
        _row("나이많음", date(1960, 1, 1)),  # 12: fails the age rule
        _row("서울밖", date(1995, 6, 7), district=""),  # 13: fails the residence rule
        _row("", date(1995, 6, 7), job_seeker="글쎄"),  # 14: no name, bad flag
    ]
    before = _counts()
    with pytest.raises(ValidationFailed) as caught:
        services.application_bulk_import(
            actor=office[Role.DIVISION_STAFF], call=call, data=_sheet(rows), consented=True
        )
    assert _counts() == before
    errors = caught.value.field_errors["file"]
    assert "아무것도 저장하지 않았습니다" in caught.value.message
    assert [e.split("행", 1)[0] for e in errors] == ["5", "6", "7", "8", "10", "11", "12", "13", "14", "14"]
    assert "6행: 주민등록번호 형식이 올바르지 않습니다." in errors
    assert "10행: 9행과 주민등록번호가 같습니다(한 사람은 한 번만 신청합니다)." in errors
    assert any(e.startswith("11행: 이미 이 공고에 신청한 사람입니다") for e in errors)
    assert any(e.startswith("12행: 신청 자격을 갖추지 못했습니다. 만 18세 이상 39세 이하만") for e in errors)
    text = " ".join(errors)
    for number in (bad_rrn, duplicate, applied.rrn):
        assert number not in text and number.replace("-", "") not in text


def test_the_upload_page_shows_every_error_and_writes_nothing(office, client_as):
    call = make_call()
    bad_rrn = "901301-1234567"  # no 13th month
    rows = [_row("번호틀림", date(1990, 1, 1), rrn=bad_rrn), _row("구분없음", date(1995, 6, 7), quota="NOPE")]
    before = _counts()
    response = client_as(Role.DIVISION_STAFF).post(
        f"/intake/calls/{call.code}/import/",
        {"file": SimpleUploadedFile("applicants.xlsx", _sheet(rows)), "consented": "on"},
    )
    page = response.content.decode()
    assert response.status_code == 400 and _counts() == before
    assert "4행: 주민등록번호 형식이 올바르지 않습니다." in page and "5행 &#x27;선발구분코드&#x27;" in page
    assert bad_rrn not in page and "9013011234567" not in page


def test_the_upload_page_writes_every_row_and_logs_the_people(office, client_as):
    call = make_call()
    rows = [_row("이새롬", date(1995, 6, 7)), _row("박종이", date(1993, 8, 9))]
    client = client_as(Role.DIVISION_STAFF)
    refused = client.post(f"/intake/calls/{call.code}/import/", {"file": SimpleUploadedFile("a.xlsx", _sheet(rows))})
    assert refused.status_code == 400 and "동의" in refused.content.decode()
    response = client.post(
        f"/intake/calls/{call.code}/import/",
        {"file": SimpleUploadedFile("a.xlsx", _sheet(rows)), "consented": "on"},
    )
    assert response.status_code == 302 and response["Location"] == f"/intake/calls/{call.code}/"
    people = set(Application.objects.filter(call=call).values_list("person_id", flat=True))
    assert len(people) == 2
    entry = AccessLogEntry.objects.get(action="create")
    assert set(map(int, entry.subject_ids.split(","))) == people


def test_looking_up_known_people_does_not_grow_with_the_rows(office):
    call = make_call(quotas=[("DISTRICT", "자치구", 50)])
    staff = office[Role.DIVISION_STAFF]

    def queries_for(count):
        people = [  # the records already say what the sheet says: no row needs a correction
            make_person(birth=date(1990, 1, 2), job_seeker_registered=True, income_status="none") for _ in range(count)
        ]
        data = _sheet([_row(p.name, p.birth_date, rrn=p.rrn, phone="") for p in people])
        with CaptureQueriesContext(connection) as captured:
            services.application_bulk_import(actor=staff, call=call, data=data, consented=True)
        return len(captured)

    queries_for(1)  # warms the caches (the account's division, the content types)
    assert queries_for(2) == queries_for(8)


def test_outside_the_call_period_the_whole_file_is_refused(office):
    from datetime import timedelta

    from django.utils import timezone

    call = make_call(opens=timezone.now() - timedelta(days=10), days=5)
    with pytest.raises(ValidationFailed, match="접수 기간이 아닙니다"):
        services.application_bulk_import(
            actor=office[Role.DIVISION_STAFF],
            call=call,
            data=_sheet([_row("이새롬", date(1995, 6, 7))]),
            consented=True,
        )


def test_each_resident_number_of_the_sheet_is_parsed_once_and_hashed_twice_not_four_times(office, monkeypatch):
    """The sheet's check parses each number once and computes its blind indexes once; registering the new people
    takes the parsed number as it is and computes the indexes once more (it checks them itself)."""
    from iljari.people import identity, rrn

    calls = {"parse": 0, "hmac": 0}
    parse, hmac = identity.parse_rrn, rrn._hmac

    def counting_parse(text):
        calls["parse"] += 1
        return parse(text)

    def counting_hmac(key, digits):
        calls["hmac"] += 1
        return hmac(key, digits)

    monkeypatch.setattr(identity, "parse_rrn", counting_parse)  # registration's own parse
    monkeypatch.setattr(rrn, "_hmac", counting_hmac)
    call = make_call(quotas=[("DISTRICT", "자치구", 50)])
    rows = [_row(f"새사람{i}", date(1990, 1, 2)) for i in range(3)]
    ids = services.application_bulk_import(
        actor=office[Role.DIVISION_STAFF], call=call, data=_sheet(rows), consented=True
    )
    assert len(ids) == 3 and Person.objects.filter(pk__in=ids).count() == 3
    assert calls["parse"] == 0
    keys = len(rrn._index_keys())
    assert calls["hmac"] == 2 * 3 * keys  # the check's and registration's; before: four per row and key
