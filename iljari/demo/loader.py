"""Load the demo dataset through the services (so the change history records it). Idempotent."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from iljari.core import services as core_services
from iljari.core.models import User
from iljari.demo.dataset import accounts, org
from iljari.org import services as org_services
from iljari.org.models import District, OrgUnit, Partner


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
                **placement,
            )
        else:
            core_services.user_password_reset(actor=None, user=user, new_password=row["password"])
        printed.append({"username": user.username, "password": row["password"], "role": user.get_role_display()})
    return printed


def load_people() -> None:
    """Synthetic residents; the demo citizen account is the first of them."""
    from iljari.demo.dataset.people import synthetic_people
    from iljari.people import services as people_services
    from iljari.people.models import Person
    from iljari.people.rrn import parse_rrn, rrn_indexes

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


def load_demo() -> list[dict]:
    from iljari.demo.report2018_loader import load_report2018

    with transaction.atomic():
        load_org()
        load_report2018()
        from iljari.demo.fund_loader import load_fund

        load_fund()  # before the accounts: the intermediary account is placed at a fund intermediary
        printed = load_accounts()
        load_people()
        from iljari.demo.intake_loader import load_intake

        load_intake()
        from iljari.demo.participation_loader import load_participation

        load_participation()
        from iljari.demo.public_works_loader import load_public_works

        load_public_works()
        from iljari.demo.training_loader import load_training

        load_training()
        from iljari.demo.enterprises_loader import load_enterprises

        load_enterprises()
        from iljari.demo.grants_loader import load_grants

        load_grants()  # after the enterprises: the subsidies go to its social enterprises
        from iljari.demo.frontline_loader import load_frontline

        load_frontline()
        from iljari.demo.districts_loader import load_districts

        load_districts()
        return printed
