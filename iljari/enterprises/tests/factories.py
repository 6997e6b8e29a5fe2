"""Builders shared by the enterprises tests."""

from __future__ import annotations

import io
from datetime import date, timedelta
from itertools import count

from django.utils import timezone
from openpyxl import Workbook

from iljari.enterprises import services
from iljari.enterprises.models import Certification
from iljari.org.models import District

_serial = count(10_000_001)

# The strong-SME call's published criteria (선정기준: 고용안정성, 일생활 균형제도 운영, 적정임금 수준).
CRITERIA = [("stability", "고용안정성", 40), ("balance", "일생활 균형제도", 30), ("wage", "적정임금 수준", 30)]


def number_with_check(first_nine: str) -> str:
    """Appends the check digit (the rule itself is tested by hand-computed numbers in test_business_number.py)."""
    digits = [int(c) for c in first_nine]
    total = sum(d * w for d, w in zip(digits, (1, 3, 7, 1, 3, 7, 1, 3, 5), strict=True)) + digits[8] * 5 // 10
    return first_nine + str((10 - total % 10) % 10)


def next_number() -> str:
    return number_with_check(f"{next(_serial):09d}")


def make_organisation(name="(주)좋은일터", *, kind="company", district="11740", cert=None, since=None, **fields):
    organisation = services.organisation_register(
        actor=None,
        name=name,
        kind=kind,
        business_number=next_number(),
        district=District.objects.get(code=district) if district else None,
        **fields,
    )
    if cert:
        services.certification_add(
            actor=None, organisation=organisation, kind=cert, valid_from=since or date(2015, 1, 1)
        )
    return organisation


def make_strong_sme(name="(주)강소", **fields):
    return make_organisation(
        name, cert=Certification.Kind.STRONG_SME, since=timezone.localdate() - timedelta(days=30), **fields
    )


def xlsx(rows, headers=None) -> bytes:
    from iljari.enterprises.selectors import PURCHASE_COLUMNS

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["공공구매 실적"])
    sheet.append(["note"])
    sheet.append(headers or [c.header for c in PURCHASE_COLUMNS])
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
