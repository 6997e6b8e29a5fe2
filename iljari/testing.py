"""Test support: one persona per role on the demo organisation, and small helpers.

Used through the fixtures in iljari/conftest.py (`org`, `personas`, `client_as`).
"""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from django.db import connection
from django.db.models import CheckConstraint

from iljari.core import services as core_services
from iljari.core.roles import Role
from iljari.demo.loader import load_org
from iljari.org.models import District, OrgUnit, Partner

PASSWORD = "Test!persona2018"


@dataclass(frozen=True)
class Persona:
    role: str
    username: str
    org_unit: str | None = None
    district: str | None = None
    partner: str | None = None
    position: str = ""


PERSONAS: dict[str, Persona] = {
    Role.SYSTEM_ADMIN: Persona(Role.SYSTEM_ADMIN, "t_admin", org_unit="JOBS"),
    Role.OFFICE_MANAGER: Persona(Role.OFFICE_MANAGER, "t_manager", org_unit="JOBS", position="head"),  # 정책관
    Role.DIVISION_STAFF: Persona(Role.DIVISION_STAFF, "t_staff", org_unit="JOBS-POLICY", position="clerk"),  # 주무관
    Role.DISTRICT_OFFICER: Persona(Role.DISTRICT_OFFICER, "t_district", district="11740", position="clerk"),  # 강동구
    Role.PARTNER_AGENCY: Persona(Role.PARTNER_AGENCY, "t_partner", partner="TTI-EAST"),  # (학)경복대학교, 강동구
    Role.AUDITOR: Persona(Role.AUDITOR, "t_auditor"),
    Role.CITIZEN: Persona(Role.CITIZEN, "t_citizen"),
    Role.ORGANISATION: Persona(Role.ORGANISATION, "t_company"),
}


def make_org() -> None:
    load_org()


def make_persona(persona: Persona):
    return core_services.user_create(
        actor=None,
        username=persona.username,
        password=PASSWORD,
        role=persona.role,
        display_name=f"{Role(persona.role).label} 테스트",  # what a screen shows: never the role code
        org_unit=OrgUnit.objects.get(code=persona.org_unit) if persona.org_unit else None,
        district=District.objects.get(code=persona.district) if persona.district else None,
        partner=Partner.objects.get(code=persona.partner) if persona.partner else None,
        second_factor_exempt=True,  # the browser tests log in with the password alone (docs/security.md)
        position=persona.position,
    )


# --- the browser tests --------------------------------------------------------------------------------------

CHROMIUM = os.environ.get("ILJARI_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")

# pytestmark of every browser test module: skipped only where no Chromium is installed, unless CI requires it.
BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM and not os.environ.get("ILJARI_REQUIRE_BROWSER"),
        reason="Chromium is not installed (apt-get install chromium)",
    ),
]


def browser_log_in(page, username: str, password: str = PASSWORD) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("아이디").fill(username)
    page.get_by_label("비밀번호").fill(password)
    page.get_by_role("button", name="로그인").click()


@contextmanager
def written_around_the_application(*models):
    """Write odd figures as a tool outside the application would: inside the block the models' CHECK constraints
    do not hold (SQLite: the ignore pragma; PostgreSQL: the constraints dropped in the test's own transaction,
    which rolls back). Write with raw SQL or `queryset.update`, which skip the fields' validators."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA ignore_check_constraints = ON")
            try:
                yield
            finally:
                cursor.execute("PRAGMA ignore_check_constraints = OFF")
            return
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending trigger events may stand before ALTER TABLE
        for model in models:
            for constraint in model._meta.constraints:
                if isinstance(constraint, CheckConstraint):
                    cursor.execute(f'ALTER TABLE "{model._meta.db_table}" DROP CONSTRAINT "{constraint.name}"')
        yield
