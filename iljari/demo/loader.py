"""Load the demo dataset, part by part (`PARTS`), in one transaction. Idempotent: a second run adds nothing.

The organisation, the accounts, the 2018 report and the small sets go through the services (so the change history
records them); the large synthetic sets (applicants, placements, work records, enterprises, grant agreements and
their budget movements) are bulk-inserted with core.bulk.rows_insert, which sends no signals: they have no
per-row history, which is what the demo's history shows for them."""

from __future__ import annotations

import time
from datetime import date

from django.db import transaction

from iljari.approvals.models import DelegationRule
from iljari.approvals.services import delegation_rule_set
from iljari.core import services as core_services
from iljari.core.models import User
from iljari.demo.board_loader import load_board
from iljari.demo.committees_loader import load_committees
from iljari.demo.console import PartProgress
from iljari.demo.dataset import accounts, org
from iljari.demo.dataset.people import synthetic_people
from iljari.demo.districts_loader import load_districts
from iljari.demo.economy_loader import load_economy
from iljari.demo.enterprises_loader import load_enterprises
from iljari.demo.entrusted_loader import load_entrusted
from iljari.demo.events_loader import load_events
from iljari.demo.frontline_loader import load_frontline
from iljari.demo.fund_loader import load_fund
from iljari.demo.grants_loader import load_grants
from iljari.demo.intake_loader import load_intake
from iljari.demo.participation_loader import load_participation
from iljari.demo.points_loader import load_points
from iljari.demo.public_works_loader import load_public_works
from iljari.demo.report2018_loader import load_report2018
from iljari.demo.report2018_text_loader import load_report2018_text
from iljari.demo.training_loader import load_training
from iljari.demo.unions_loader import load_unions
from iljari.org import services as org_services
from iljari.org.models import District, OrgUnit, Partner
from iljari.people import services as people_services
from iljari.people.models import Person
from iljari.people.rrn import parse_rrn, rrn_indexes


def _unit(
    code: str, name: str, kind: str, parent: OrgUnit | None, sort_order: int, functions: str = "", **runs: bool
) -> OrgUnit:
    """Create or update one unit; `runs` marks what a division runs (runs_fund, runs_social_economy)."""
    existing = OrgUnit.objects.filter(code=code).first()
    if existing is None:
        return org_services.org_unit_create(
            actor=None,
            code=code,
            name=name,
            kind=kind,
            parent=parent,
            sort_order=sort_order,
            functions=functions,
            **runs,
        )
    return org_services.org_unit_update(
        actor=None, unit=existing, name=name, parent=parent, sort_order=sort_order, functions=functions, **runs
    )


def load_org() -> None:
    city = _unit(org.CITY["code"], org.CITY["name"], "city", None, 0)
    office = _unit(org.OFFICE["code"], org.OFFICE["name"], "office", city, 0)
    divisions = {}
    for order, division in enumerate(org.DIVISIONS, start=1):
        divisions[division["code"]] = _unit(
            division["code"],
            division["name"],
            "division",
            office,
            order,
            "\n".join(division["functions"]),
            runs_fund=division.get("runs_fund", False),
            runs_social_economy=division.get("runs_social_economy", False),
        )
    for order, (parent_code, code, name) in enumerate(org.TEAMS, start=1):
        _unit(code, name, "team", divisions[parent_code], order)
    for order, (code, name) in enumerate(org.DISTRICTS, start=1):
        org_services.district_upsert(actor=None, code=code, name=name, sort_order=order)
    for row in org.PARTNERS:
        values = dict(row)
        code = values.pop("code")
        if values.get("district"):
            values["district"] = District.objects.get(code=values["district"])
        if values.get("supervising_unit"):
            values["supervising_unit"] = OrgUnit.objects.get(code=values["supervising_unit"])
        existing = Partner.objects.filter(code=code).first()
        if existing is None:
            org_services.partner_create(actor=None, code=code, **values)
        else:
            org_services.partner_update(actor=None, partner=existing, **values)


def load_accounts() -> list[dict]:
    """Create (or reset the password of) each demo account; return what to print."""
    printed = []
    for row in accounts.DEMO_ACCOUNTS:
        if row.get("partner") and not Partner.objects.filter(code=row["partner"]).exists():
            continue  # placed at a partner a module brings (the fund's intermediary) that is not loaded here
        placement = {
            "org_unit": OrgUnit.objects.get(code=row["org_unit"]) if row.get("org_unit") else None,
            "district": District.objects.get(code=row["district"]) if row.get("district") else None,
            "partner": Partner.objects.get(code=row["partner"]) if row.get("partner") else None,
        }
        user = User.objects.filter(username=row["username"]).first()
        if user is None:
            user = core_services.user_create(
                actor=None,
                username=row["username"],
                password=row["password"],
                role=row["role"],
                display_name=row["display_name"],
                second_factor_exempt=True,  # demo personas: no authenticator to enrol (docs/security.md)
                position=row.get("position", ""),
                **placement,
            )
        else:
            core_services.user_password_reset(actor=None, user=user, new_password=row["password"])
        printed.append({"username": user.username, "password": row["password"], "role": user.get_role_display()})
    return printed


def load_people() -> None:
    """Synthetic residents; the demo citizen account is the first of them."""
    citizen = User.objects.filter(username="citizen").first()
    for number, row in enumerate(synthetic_people()):
        values = dict(row)
        if number == 0:  # the demo citizen: 31 years old in 2026, lives in 마포구, registered job seeker
            values.update(
                name="한시민",
                birth_date=date(1995, 3, 2),
                sex="F",
                rrn="950302-2000001",
                district="11440",
                income_status="none",
                job_seeker_registered=True,
            )
        if Person.objects.filter(rrn_index__in=rrn_indexes(parse_rrn(values["rrn"]))).exists():
            continue
        values["district"] = District.objects.get(code=values["district"])
        people_services.person_register(
            actor=None,
            consents=["personal_data", "unique_identifier"],
            context="데모 자료",
            user=citizen if number == 0 else None,
            **values,
        )


# The office's 전결 rules of the demo (위임전결 by amount): act, from (원), below (원), the final approver's position.
DELEGATION_RULES = (
    ("participation.pay_confirm", 100_000_000, None, "director", "월 급여 1억원 이상은 담당관 전결"),
    ("fund.loan_disburse", None, 100_000_000, "director", "1억원 미만 융자 실행은 담당관 전결"),
    ("grants.agreement_sign", 1_000_000_000, None, "head", "시비 10억원 이상 협약은 정책관 결재"),
    ("grants.disburse", None, 100_000_000, "team_lead", "1억원 미만 보조금 교부는 팀장 전결"),
    ("grants.payroll_pay", None, 50_000_000, "team_lead", "5천만원 미만 인건비 지원 교부는 팀장 전결"),
    ("fund.notices_issue", 1_000_000_000, None, "director", "고지 총액 10억원 이상 일괄 발송은 담당관 결재"),
)


def load_delegation_rules() -> None:
    """The demo's 전결 rules (approvals); a second run changes nothing."""
    for act, low, high, position, note in DELEGATION_RULES:
        if not DelegationRule.objects.filter(act=act, amount_from=low, amount_below=high).exists():
            delegation_rule_set(actor=None, act=act, amount_from=low, amount_below=high, position=position, note=note)


# The parts in the order they load, each with the label its progress shows.
PARTS = (
    ("조직·자치구·협력기관", load_org),
    ("2018 주요업무보고", load_report2018),
    ("2018 주요업무보고 본문", load_report2018_text),
    ("사회투자기금", load_fund),  # before the accounts: the intermediary account is placed at a fund intermediary
    ("데모 계정", load_accounts),
    ("전결 규정", load_delegation_rules),
    ("시민", load_people),
    ("뉴딜일자리 모집", load_intake),
    ("뉴딜일자리 참여·급여", load_participation),
    ("공공근로", load_public_works),
    ("기술교육원", load_training),
    ("민간위탁", load_entrusted),  # after the training: the institutes' trustees and codes
    ("사회적경제기업·강소기업", load_enterprises),
    ("보조금", load_grants),  # after the enterprises: the subsidies go to its social enterprises
    ("노동단체 지원 세부사업", load_unions),  # after the grants: on their union agreements
    ("현장 창구", load_frontline),
    ("행사·캠페인", load_events),  # after the frontline: the forum's sessions are its programme FORUM-2018
    ("사회적경제 지원센터·감정노동보호센터·취업날개", load_points),
    ("시-구 협력사업", load_districts),
    ("사회적경제 연대·판로", load_economy),  # after the districts: the 특구 are their staged funding
    ("위원회", load_committees),  # after the fund, frontline and districts: decisions link to their records
    ("공지사항·자주 묻는 질문", load_board),
)


def load_demo(progress: PartProgress | None = None) -> list[dict]:
    """Load every part in one transaction, reporting each to `progress`; return the accounts to print."""
    printed: list[dict] = []
    total = len(PARTS)
    try:
        with transaction.atomic():
            for done, (label, load) in enumerate(PARTS):
                if progress is not None:
                    progress.start(done, total, label)
                start = time.perf_counter()
                result = load()
                if load is load_accounts:
                    printed = result
                if progress is not None:
                    progress.finish(done + 1, total, label, time.perf_counter() - start)
    finally:
        if progress is not None:
            progress.close()  # the bar's line ends, also when a part fails
    return printed
