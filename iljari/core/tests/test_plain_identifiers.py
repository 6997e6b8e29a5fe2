"""The identifier scan: every page of the access matrix, read by each role allowed to open it, shows no internal
identifier in what a user reads — its visible text and its title, aria-label, placeholder and alt attributes:

- dotted model labels (`people.person`, `intake.call`),
- field names (`posted_on`, `selection_confirmed_by`) and snake_case words of the code,
- role codes (`district_officer`) and the English values of choices (`repayment`, `trustee`, `debit`),
- raw ids as subjects (`4583,5345,…`),
- both forms of a particle (`을(를)`, `은(는)`, `이(가)`, `(으)로`: core.korean's with_* helpers choose one).

The pages are those of core/tests/test_access_matrix.py's tables (a page added there is scanned here), over the 2018
dataset with the training and frontline objects the matrix uses, plus a change and an access-log entry so that the
auditor's pages have rows. One client per role, GET only. Technical pages meant for developers (the API's own
documentation) and files (xlsx, csv, md) are left out.
"""

from __future__ import annotations

import re
from datetime import date

import lxml.html
import pytest
from django.apps import apps
from django.test import Client

from iljari.core.accesslog import access_log_record
from iljari.core.roles import Role
from iljari.core.tests import test_access_matrix as matrix

ATTRIBUTES = ("title", "aria-label", "placeholder", "alt", "aria-description")
NOT_PAGES = re.compile(r"(\.xlsx|\.csv)(\?|$)|format=md|^/api/")
BOTH_PARTICLES = re.compile(r"을\(를\)|은\(는\)|이\(가\)|\(으\)로|를\(을\)|는\(은\)|가\(이\)")
IDS_AS_SUBJECT = re.compile(r"\b\d+(?:,\d+){2,}\b")  # 4583,5345,5346 (a figure's groups are all three digits)


def _vocabulary() -> tuple[re.Pattern, set[str], set[str]]:
    """(the dotted model labels, the code's snake_case names, the English values of choices) of every app."""
    ours = [config for config in apps.get_app_configs() if config.name.startswith("iljari.")]
    labels = sorted({config.label for config in ours} | {"auth", "auditlog", "contenttypes"})
    dotted = re.compile(r"\b(?:" + "|".join(labels) + r")\.[a-z_]{3,}\b")
    names: set[str] = set()
    values: set[str] = set(Role.values)
    for config in ours:
        for model in config.get_models():
            for field in model._meta.get_fields():
                if "_" in field.name:
                    names.add(field.name)
                for value, _ in getattr(field, "flatchoices", None) or ():
                    if isinstance(value, str) and re.fullmatch(r"[a-z][a-z_]{2,}", value):
                        values.add(value)
    return dotted, names, values


def _read(html: str) -> str:
    """What a user reads: the visible text and the attributes a screen reader or a tooltip says."""
    root = lxml.html.fromstring(html)
    for node in root.xpath("//script|//style|//template|//noscript|//code"):  # <code>: an administrator's command
        node.drop_tree()
    said = [root.xpath("string(//title)")]
    body = root.find("body")
    said.extend((body if body is not None else root).itertext())  # each text on its own: cells never run together
    for name in ATTRIBUTES:
        said.extend(root.xpath(f"//@{name}"))
    return " ".join(" ".join(said).split())


def _around(text: str, word: str) -> str:
    """Where the word stands on the page (for the failure message)."""
    at = re.search(r"(?<![\w./@-])" + re.escape(word) + r"(?![\w@])", text)
    return f" «{text[max(0, at.start() - 30) : at.end() + 30]}»" if at else ""


def findings(text: str, *, dotted, names, values, allowed_words=frozenset()) -> list[str]:
    found = [f"모델 이름 {m}" for m in dotted.findall(text)]
    words = set(re.findall(r"(?<![\w./@-])[a-z][a-z0-9_]*(?![\w@]|\.\w)", text)) - allowed_words
    found += [f"필드 이름 {w}{_around(text, w)}" for w in sorted(words & names)]
    found += [f"코드 값 {w}{_around(text, w)}" for w in sorted(words & values)]
    found += [f"영문 변수 이름 {w}{_around(text, w)}" for w in sorted(w for w in words - names - values if "_" in w)]
    found += [f"조사 두 가지 {p}{_around(text, p)}" for p in sorted(set(BOTH_PARTICLES.findall(text)))]
    for ids in IDS_AS_SUBJECT.findall(text):
        if any(len(group) != 3 for group in ids.split(",")[1:]):
            found.append(f"번호 목록 {ids}")
    return found


def test_the_scan_finds_what_a_developer_left_on_a_page():
    dotted, names, values = _vocabulary()
    page = (
        "<html><head><title>people.person</title></head><body><p>posted_on: district_officer</p>"
        '<p>정보주체 4583,5345,5346</p><a aria-label="selection_confirmed_by">x</a><p>repayment · some_var</p>'
        "<p>합계 1,234,567원</p><p>계정을(를) 만들었습니다</p></body></html>"
    )
    found = findings(_read(page), dotted=dotted, names=names, values=values)
    assert [item.split(" «")[0] for item in found] == [
        "모델 이름 people.person",
        "필드 이름 posted_on",
        "필드 이름 selection_confirmed_by",
        "코드 값 district_officer",
        "코드 값 repayment",
        "영문 변수 이름 some_var",
        "조사 두 가지 을(를)",
        "번호 목록 4583,5345,5346",
    ]


@pytest.fixture
def scanned_office(personas, dataset_2018):
    from iljari.frontline.tests.factories import make_frontline
    from iljari.participation.tests.factories import make_trainee, make_training
    from iljari.people.tests.factories import make_person

    made = make_training()
    make_frontline()
    enrolment = make_trainee(made["short"]).pk
    from auditlog.models import LogEntry

    from iljari.core.tests.test_change_history import _partner_form
    from iljari.org.models import District

    staff = Client()
    staff.force_login(personas[Role.DIVISION_STAFF])
    district = District.objects.get(code="11740").pk
    staff.post("/org/partners/TTI-EAST/edit/", _partner_form(district=district, contact="02-000-0000"))
    assert LogEntry.objects.filter(actor=personas[Role.DIVISION_STAFF]).exists()  # a change for the history pages
    people = [make_person(date(1990, 1, 1), "11740", name=name) for name in ("홍길동", "김철수", "박영희")]
    access_log_record(
        user=personas[Role.DISTRICT_OFFICER], remote_addr="10.0.0.1", action="search", subject_type="people.person",
        subject_ids=[p.pk for p in people], detail="신청자 검색",
    )  # fmt: skip
    from iljari.committees.models import Meeting
    from iljari.demo.committees_loader import load_committees

    load_committees()  # the committees of the 2018 report; a meeting with a decision for the meeting page
    meeting = Meeting.objects.get(committee__code="JEONTAEIL-ENTRUST").pk
    return {"enrolment": enrolment, "meeting": meeting}


def test_no_page_shows_an_internal_identifier(scanned_office, personas):
    dotted, names, values = _vocabulary()
    usernames = frozenset(user.username for user in personas.values())  # an account's id is what users type
    tables = [
        *matrix.PAGES,
        *matrix.FIGURE_PAGES,
        *matrix.TRAINING_PAGES,
        *matrix.FRONTLINE_PAGES,
        *matrix.COMMITTEE_PAGES,
    ]
    problems: list[str] = []
    scanned = 0
    for role in Role:
        client = Client()
        client.force_login(personas[role])
        for _, path, allowed in tables:
            path = path.format(**scanned_office)
            if role not in allowed or NOT_PAGES.search(path):
                continue
            response = client.get(path)
            if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
                continue
            scanned += 1
            text = _read(response.content.decode())
            for found in findings(text, dotted=dotted, names=names, values=values, allowed_words=usernames):
                problems.append(f"{path} ({role.label}): {found}")
    # the auditor's object pages: one change of each kind of record, and every batch of changes
    from auditlog.models import LogEntry

    from iljari.core.models import ChangeBatch

    auditor = Client()
    auditor.force_login(personas[Role.AUDITOR])
    seen: set[int] = set()
    for entry in LogEntry.objects.order_by("-pk").only("pk", "content_type_id")[:2000]:
        if entry.content_type_id in seen:
            continue
        seen.add(entry.content_type_id)
        path = f"/history/{entry.pk}/"
        for found in findings(_read(auditor.get(path).content.decode()), dotted=dotted, names=names, values=values,
                              allowed_words=usernames):  # fmt: skip
            problems.append(f"{path} (감사): {found}")
    for batch in ChangeBatch.objects.order_by("-pk")[:20]:
        path = f"/history/batches/{batch.pk}/"
        for found in findings(_read(auditor.get(path).content.decode()), dotted=dotted, names=names, values=values,
                              allowed_words=usernames):  # fmt: skip
            problems.append(f"{path} (감사): {found}")
    assert scanned > 300  # every role's pages were read (not answered by a login page or an error)
    assert seen  # and the history had changes to show
    assert not problems, "\n".join(sorted(set(problems)))
