"""The auditor's pages in plain Korean: the change history names each kind of record and each field in Korean and
shows values as their own pages do; the access log names the people whose data was read by masked name, with a
link, and the role of the account in Korean."""

from datetime import date

import lxml.html
from auditlog.models import LogEntry

from iljari.core.accesslog import access_log_record
from iljari.core.roles import Role
from iljari.org.models import District, Partner
from iljari.people.tests.factories import make_person


def _cells(html: str, caption: str) -> list[list[str]]:
    root = lxml.html.fromstring(html)
    table = root.xpath(f"//table[caption[starts-with(normalize-space(.), '{caption}')]]")[0]
    return [[" ".join(cell.text_content().split()) for cell in row.xpath("./th|./td")] for row in table.xpath(".//tr")]


def _visible(html: str) -> str:
    root = lxml.html.fromstring(html)
    for node in root.xpath("//script|//style|//head"):
        node.drop_tree()
    return " ".join(root.text_content().split())


def test_a_change_shows_the_fields_korean_names_and_the_values_as_their_pages_do(client_as):
    partner = Partner.objects.get(code="TTI-EAST")
    before_district = partner.district
    partner.kind = Partner.Kind.TRUSTEE if partner.kind != Partner.Kind.TRUSTEE else Partner.Kind.INTERMEDIARY
    partner.district = District.objects.exclude(pk=partner.district_id).order_by("code").first()
    partner.entrusted_from = date(2018, 3, 2)
    partner.is_active = False
    partner.save()
    entry = LogEntry.objects.filter(object_pk=str(partner.pk), action=LogEntry.Action.UPDATE).latest("pk")

    page = client_as(Role.AUDITOR).get(f"/history/{entry.pk}/").content.decode()
    rows = {row[0]: row[1:] for row in _cells(page, "바뀐 항목")[1:]}
    assert rows["구분"][1] == partner.get_kind_display()  # the choice's label, never `trustee`
    assert rows["소재 자치구"] == [before_district.name if before_district else "-", partner.district.name]
    assert rows["위탁 시작일"][1] == "2018.3.2."  # the screen's date style
    assert rows["사용"] == ["예", "아니요"]
    text = _visible(page)
    assert "협력기관" in text  # the kind of record by its Korean name
    for raw in ("org.partner", "entrusted_from", "is_active", "district", "True", "False", "trustee"):
        assert raw not in text
    # the district, a record of its own, links to its history
    link = lxml.html.fromstring(page).xpath("//td/a[normalize-space(.)=$name]", name=partner.district.name)[0]
    assert "model=org.district" in link.get("href")


def test_the_access_log_names_the_people_masked_with_links_and_the_role_in_korean(client_as, personas):
    people = [
        make_person(date(1990, 1, 1), "11740", name="홍길동"),
        make_person(date(1991, 2, 2), "11740", name="김철수"),
        make_person(date(1992, 3, 3), "11740", name="남궁민수"),
    ]
    access_log_record(
        user=personas[Role.DISTRICT_OFFICER],
        remote_addr="10.0.0.9",
        action="search",
        subject_type="people.person",
        subject_ids=[p.pk for p in people],
        detail="신청자 검색",
    )
    page = client_as(Role.AUDITOR).get("/history/access/").content.decode()
    row = _cells(page, "접속기록")[1]
    assert row[2] == "자치구"  # the role's Korean name, never `district_officer`
    assert row[5] == "홍*동, 김*수 외 1명"  # the first two by masked name, then how many more
    text = _visible(page)
    assert "people.person" not in text and "district_officer" not in text and "홍길동" not in text
    links = lxml.html.fromstring(page).xpath("//td/a[normalize-space(.)='홍*동']")
    assert links[0].get("href") == f"/people/{people[0].pk}/"


def test_a_person_a_role_may_not_open_is_named_without_a_link(client_as, personas):
    person = make_person(date(1990, 1, 1), "11740", name="이영희")
    access_log_record(
        user=personas[Role.DIVISION_STAFF], remote_addr=None, action="view", subject_type="people.person",
        subject_ids=[person.pk],
    )  # fmt: skip
    page = client_as(Role.SYSTEM_ADMIN).get("/history/access/").content.decode()  # reads the log, not people
    assert "이*희" in page
    assert not lxml.html.fromstring(page).xpath("//td/a[normalize-space(.)='이*희']")


def test_the_worker_hint_is_for_the_system_administrator_only(client_as):
    staff_page = client_as(Role.AUDITOR).get("/history/access/").content.decode()
    admin_page = client_as(Role.SYSTEM_ADMIN).get("/history/access/").content.decode()
    assert "iljari accesslog verify" not in staff_page and "위변조 점검" in staff_page
    assert "iljari accesslog verify" in admin_page
