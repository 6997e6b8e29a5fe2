"""Allow and deny of participation's gates (core/access.py, section "participation").

Worksites are stand-ins carrying what the gate reads: the programme's division path, the district or partner that
runs the worksite. The division staff persona works in 일자리정책담당관; the district officer's district is 강동구;
the partner agency's partner is TTI-EAST."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser

from iljari.core import access
from iljari.core.roles import Role
from iljari.org.models import District, Partner

OWN_DIVISION = "/SEOUL/JOBS/JOBS-POLICY/"  # the division staff persona's division
OTHER_DIVISION = "/SEOUL/JOBS/LABOUR-POLICY/"


def _site(division: str = OWN_DIVISION, *, district: str | None = None, partner: str | None = None):
    return SimpleNamespace(
        programme=SimpleNamespace(division=SimpleNamespace(path=division)),
        district_id=District.objects.get(code=district).pk if district else None,
        partner_id=Partner.objects.get(code=partner).pk if partner else None,
    )


@pytest.mark.parametrize(
    ("role", "own_division", "other_division"),
    [
        (Role.OFFICE_MANAGER, True, True),
        (Role.DIVISION_STAFF, True, False),
        (Role.DISTRICT_OFFICER, False, False),
        (Role.PARTNER_AGENCY, False, False),
        (Role.AUDITOR, False, False),
        (Role.SYSTEM_ADMIN, False, False),
        (Role.CITIZEN, False, False),
        (Role.ORGANISATION, False, False),
    ],
)
def test_worksites_place_gate_for_the_programmes_division(personas, role, own_division, other_division):
    """At worksites run by another district (종로구): only the programme's division places people."""
    gate = access.access_worksites_place
    assert gate(personas[role], OWN_DIVISION, [_site(OWN_DIVISION, district="11110")]) is own_division
    assert gate(personas[role], OTHER_DIVISION, [_site(OTHER_DIVISION, district="11110")]) is other_division


def test_district_officer_places_only_at_its_own_districts_worksites(personas):
    officer = personas[Role.DISTRICT_OFFICER]
    gangdong, jongno, city = _site(district="11740"), _site(district="11110"), _site()
    assert access.access_worksites_place(officer, OTHER_DIVISION, [gangdong]) is True
    assert access.access_worksites_place(officer, OTHER_DIVISION, [gangdong, jongno]) is False
    assert access.access_worksites_place(officer, OTHER_DIVISION, [city]) is False


def test_partner_agency_places_only_at_its_partners_worksites(personas):
    agency = personas[Role.PARTNER_AGENCY]
    own, other = _site(partner="TTI-EAST"), _site(partner="TTI-CENTRAL")
    assert access.access_worksites_place(agency, OTHER_DIVISION, [own]) is True
    assert access.access_worksites_place(agency, OTHER_DIVISION, [own, other]) is False


def test_worksites_place_gate_refuses_anonymous_and_deactivated_users(personas):
    site = _site(district="11740")
    assert access.access_worksites_place(AnonymousUser(), OWN_DIVISION, [site]) is False
    officer = personas[Role.DISTRICT_OFFICER]
    officer.is_active = False
    assert access.access_worksites_place(officer, OWN_DIVISION, [site]) is False
