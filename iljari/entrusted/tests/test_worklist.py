"""The work list's entrusted items: the contracts ending within a year and the renewal steps past due, counted for
the office manager and the supervising division's staff, each count equal to the rows of the list its link opens."""

import re
from datetime import date
from html import unescape

import pytest
from django.utils import timezone

from iljari.core.roles import Role
from iljari.entrusted.tests.factories import make_entrusted

DAY = date(2018, 10, 15)
ITEM = re.compile(
    r'data-work-item="(?P<label>[^"]+)">\s*<a href="(?P<url>[^"]+)">.*?data-work-count>(?P<count>[\d,]+)건', re.S
)
ROWS = re.compile(r'data-worklist-rows="(\d+)"')
LABELS = ("1년 안에 끝나는 위탁 계약", "기한 지난 재위탁 절차")


@pytest.fixture
def office_day(personas, monkeypatch):
    real = timezone.localdate
    monkeypatch.setattr(timezone, "localdate", lambda value=None, timezone=None: DAY if value is None else real(value))
    return make_entrusted()


def items(client) -> dict:
    html = client.get("/").content.decode()
    found = {m["label"]: (int(m["count"].replace(",", "")), unescape(m["url"])) for m in ITEM.finditer(html)}
    return {label: found[label] for label in LABELS if label in found}


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        # on 2018-10-15: 동부's term ends 2019-02-28 (중부's 2020-02-28); its 시의회 동의안 was due 2018-09-30
        (Role.OFFICE_MANAGER, {"1년 안에 끝나는 위탁 계약": 1, "기한 지난 재위탁 절차": 1}),
        (Role.DIVISION_STAFF, {"1년 안에 끝나는 위탁 계약": 1, "기한 지난 재위탁 절차": 1}),
        (Role.AUDITOR, {}),
        (Role.PARTNER_AGENCY, {}),
        (Role.DISTRICT_OFFICER, {}),
    ],
)
def test_each_role_is_counted_what_it_keeps_and_each_link_lists_as_many(office_day, client_as, role, expected):
    client = client_as(role)
    found = items(client)
    assert {label: count for label, (count, _) in found.items()} == expected
    for label, (count, url) in found.items():
        assert "on=2018-10-15" in url and "kept=1" in url
        response = client.get(url)
        assert response.status_code == 200
        assert [int(n) for n in ROWS.findall(response.content.decode())] == [count], label


def test_staff_of_another_division_are_not_counted_its_facilities(office_day, client_as, personas):
    from iljari.entrusted import services

    services.facility_update(actor=None, facility=office_day["east"], name="동부기술교육원", kind="training_institute",
                             division=office_day["centre"].division)  # fmt: skip
    assert items(client_as(Role.DIVISION_STAFF)) == {}
    assert items(client_as(Role.OFFICE_MANAGER))["기한 지난 재위탁 절차"][0] == 1


def test_doing_the_step_takes_it_off_the_list(office_day, client_as):
    from iljari.entrusted import services

    services.renewal_step_done(actor=None, step=office_day["council"], done_on=date(2018, 10, 2))
    assert "기한 지난 재위탁 절차" not in items(client_as(Role.OFFICE_MANAGER))
