"""The organisations stage of `iljari generate`: companies, cooperatives and NGOs, some of them certified."""

from __future__ import annotations

from datetime import date

from iljari.demo.enterprises_loader import business_number
from iljari.demo.scale.base import PREFIX, Generation, ids_after, max_pk
from iljari.enterprises.models import Certification, Organisation


def organisations_stage(run: Generation) -> None:
    rnd = run.random
    kinds = [("company", 6), ("cooperative", 3), ("ngo", 1)]
    sectors = [s for s in Organisation.Sector.values if s != "public_administration"]
    words = ["나눔", "햇살", "이음", "두레", "새싹", "한울", "모두", "온기", "다솜", "늘봄", "푸른", "같이"]
    rows = []
    for n in range(run.scale.organisations):
        kind = rnd.choices([k for k, _ in kinds], [w for _, w in kinds])[0]
        suffix = {"company": "(주)", "cooperative": "협동조합", "ngo": "(사)"}[kind]
        rows.append((
            f"{rnd.choice(words)}{rnd.choice(words)} {suffix} {n + 1}", kind, business_number(600_000_000 + n),
            rnd.choice(["micro", "small", "small", "medium"]), rnd.choice(sectors), rnd.choice(run.districts),
            rnd.randrange(1, 300), date(rnd.randrange(1990, 2018), rnd.randrange(1, 13), rnd.randrange(1, 29)),
        ))  # fmt: skip
    last = max_pk(Organisation)
    run.insert(
        Organisation,
        ("name", "kind", "business_number", "size", "sector", "district", "employees", "founded_on"),
        rows,
    )
    run.organisation_ids = ids_after(Organisation, last)
    certifications = []
    for pk, row in zip(run.organisation_ids, rows, strict=True):
        if rnd.random() < 0.4:
            kind = (
                "cooperative"
                if row[1] == "cooperative"
                else rnd.choice(
                    ["social_enterprise", "preliminary_social_enterprise", "village_enterprise", "social_venture"]
                )
            )
            start = date(rnd.randrange(2012, 2018), rnd.randrange(1, 13), 1)
            until = None if kind in {"social_enterprise", "cooperative"} else start.replace(year=start.year + 3)
            certifications.append((pk, kind, f"{PREFIX}-{pk}", start, until))
    run.insert(Certification, ("organisation", "kind", "number", "valid_from", "valid_until"), certifications)
