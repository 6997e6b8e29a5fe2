"""Public procurement (공공구매): the year's target, purchases from social-economy suppliers entered one by one or
from an xlsx sheet (by the office, a district officer or a public body's own account), and the 공공구매 indicator
derived from them."""

from __future__ import annotations

import calendar
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Max, Sum
from django.utils import timezone

from iljari.core.access import access_procurement_enter, access_procurement_own, access_purchases_enter_any, require
from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.figures import MONEY
from iljari.core.formats import format_won
from iljari.core.history import history_batch, history_bulk_created
from iljari.core.korean import with_topic
from iljari.core.xlsx import xlsx_rows
from iljari.enterprises.models import SOCIAL_ECONOMY_KINDS, Certification, Organisation, ProcurementTarget, Purchase
from iljari.enterprises.selectors import PURCHASE_COLUMNS
from iljari.enterprises.services.organisations import digits_only, require_manager
from iljari.performance.services import indicator_actual_derive

PROCUREMENT_INDICATOR = "IND-08"  # 사회적경제 공공구매액 (억원)


MONEY_HIGH = format_won(int(MONEY.high))


def procurement_target_set(*, actor, year: int, amount: int) -> ProcurementTarget:
    require_manager(actor, "공공구매 목표를 정할 권한이 없습니다.")
    if not isinstance(amount, int) or amount <= 0 or not MONEY.fits(amount):
        raise ValidationFailed(field_errors={"amount": [f"목표액은 1원 이상 {MONEY_HIGH} 이하의 정수입니다."]})
    with transaction.atomic():
        target, _ = ProcurementTarget.objects.update_or_create(year=year, defaults={"amount": amount})
    return target


def _social_economy_certifications(supplier_ids) -> dict[int, list[Certification]]:
    """Each supplier's social-economy certifications, for a whole batch in one query."""
    found: dict[int, list[Certification]] = {}
    for cert in Certification.objects.filter(organisation_id__in=set(supplier_ids), kind__in=SOCIAL_ECONOMY_KINDS):
        found.setdefault(cert.organisation_id, []).append(cert)
    return found


def supplier_kind_on(certifications: list[Certification], day: date) -> str | None:
    """The social-economy type valid on the day (a certified social enterprise before a preliminary one, and so on
    in SOCIAL_ECONOMY_KINDS order), or None."""
    kinds = {cert.kind for cert in certifications if cert.is_valid_on(day)}
    return next((kind for kind in SOCIAL_ECONOMY_KINDS if kind in kinds), None)


def _purchase_errors(
    *, actor, buyer, supplier, category, item, amount, purchased_on, certifications
) -> tuple[list[tuple[str, str]], str | None]:
    """(field, message) pairs and the supplier's type."""
    errors: list[tuple[str, str]] = []
    kind = None
    if buyer is None:
        errors.append(("buyer", "구매기관을 찾을 수 없습니다."))
    elif buyer.kind not in (Organisation.Kind.DISTRICT, Organisation.Kind.AGENCY):
        errors.append(
            ("buyer", f"{with_topic(buyer.name)} 공공기관(자치구·공공기관)이 아니어서 구매기관이 될 수 없습니다.")
        )
    elif actor is not None and access_procurement_own(actor) and not access_procurement_own(actor, buyer):
        errors.append(
            ("buyer", f"{with_topic(buyer.name)} 우리 기관이 아닙니다. 자기 기관의 구매만 입력하고 올릴 수 있습니다.")
        )
    elif actor is not None and not access_procurement_own(actor) and not access_procurement_enter(actor, buyer):
        errors.append(("buyer", f"{buyer.name}의 구매 실적을 입력할 권한이 없습니다."))
    if category not in Purchase.Category.values:
        errors.append(("category", "구분은 물품, 용역, 공사 가운데 하나입니다."))
    if not (item or "").strip():
        errors.append(("item", "품목을 입력하십시오."))
    if not isinstance(amount, int) or amount <= 0:
        errors.append(("amount", "금액은 1원 이상의 정수입니다."))
    elif not MONEY.fits(amount):
        errors.append(("amount", f"금액은 {MONEY_HIGH} 이하여야 합니다."))
    if purchased_on is None:
        errors.append(("purchased_on", "구매일을 입력하십시오."))
    elif purchased_on > timezone.localdate():
        errors.append(("purchased_on", "앞으로의 날짜는 구매일이 될 수 없습니다."))
    if supplier is None:
        errors.append(("supplier", "공급기업을 찾을 수 없습니다."))
    elif purchased_on is not None:
        kind = supplier_kind_on(certifications.get(supplier.pk, []), purchased_on)
        if kind is None:
            errors.append(("supplier", f"{with_topic(supplier.name)} 구매일에 사회적경제기업이 아닙니다."))
    return errors, kind


def procurement_indicator_derive(*, years) -> None:
    """The 공공구매 indicator's actual for each year, in 억원, from that year's purchases, as of the end of the month
    of the latest purchase (performance's service; skipped where the indicator is not set up)."""
    for year in sorted(set(years)):
        figures = Purchase.objects.filter(purchased_on__year=year).aggregate(
            total=Sum("amount"), last=Max("purchased_on")
        )
        if figures["last"] is None:
            continue
        last = figures["last"]
        as_of = last.replace(day=calendar.monthrange(last.year, last.month)[1])
        value = (Decimal(figures["total"]) / Decimal(100_000_000)).quantize(Decimal("0.1"))
        indicator_actual_derive(code=PROCUREMENT_INDICATOR, year=year, value=value, as_of=as_of)


def purchase_record(*, actor, buyer, supplier, category: str, item: str, amount, purchased_on: date) -> Purchase:
    if actor is not None:
        require(access_purchases_enter_any(actor), "공공구매 실적을 입력할 권한이 없습니다.")
    errors, kind = _purchase_errors(
        actor=actor,
        buyer=buyer,
        supplier=supplier,
        category=category,
        item=item,
        amount=amount,
        purchased_on=purchased_on,
        certifications=_social_economy_certifications([supplier.pk] if supplier else []),
    )
    if errors:
        field_errors: dict[str, list[str]] = {}
        for field, message in errors:
            field_errors.setdefault(field, []).append(message)
        if any(field == "buyer" and "권한" in message for field, message in errors):
            raise NotAllowed(errors[0][1])
        raise ValidationFailed(field_errors=field_errors)
    with transaction.atomic():
        purchase = Purchase.objects.create(
            buyer=buyer,
            supplier=supplier,
            category=category,
            item=item.strip(),
            amount=amount,
            purchased_on=purchased_on,
            supplier_kind=kind,
            entered_by=actor,
        )
        procurement_indicator_derive(years=[purchased_on.year])
    return purchase


def purchase_import(*, actor, data: bytes, file_name: str = "") -> int:
    if actor is not None:
        require(access_purchases_enter_any(actor), "공공구매 실적을 올릴 권한이 없습니다.")
    rows = xlsx_rows(data=data, columns=PURCHASE_COLUMNS, title="공공구매 실적")
    labels = {column.key: column.header for column in PURCHASE_COLUMNS}
    numbers = {digits_only(row.get(key)) for row in rows for key in ("buyer", "supplier")}
    organisations = {o.business_number: o for o in Organisation.objects.filter(business_number__in=numbers)}
    categories = {label: value for value, label in Purchase.Category.choices}
    certifications = _social_economy_certifications(o.pk for o in organisations.values())
    errors: list[str] = []
    checked: list[Purchase] = []
    for row in rows:
        line = row["_row"]
        buyer = organisations.get(digits_only(row.get("buyer")))
        supplier = organisations.get(digits_only(row.get("supplier")))
        category = categories.get(row.get("category") or "", row.get("category"))
        problems, kind = _purchase_errors(
            actor=actor,
            buyer=buyer,
            supplier=supplier,
            category=category,
            item=row.get("item"),
            amount=row.get("amount"),
            purchased_on=row.get("purchased_on"),
            certifications=certifications,
        )
        for field, message in problems:
            if field in ("buyer", "supplier") and message.endswith("찾을 수 없습니다."):
                message = f"사업자등록번호 {row.get(field)}인 기관이 등록되어 있지 않습니다."
            errors.append(f"{line}행 '{labels[field]}': {message}")
        if not problems:
            checked.append(
                Purchase(
                    buyer=buyer,
                    supplier=supplier,
                    category=category,
                    item=row["item"],
                    amount=row["amount"],
                    purchased_on=row["purchased_on"],
                    supplier_kind=kind,
                    entered_by=actor,
                    upload_name=(file_name or "")[:200],
                )
            )
    if errors:
        raise ValidationFailed(
            "엑셀 파일에 잘못된 값이 있어 아무것도 저장하지 않았습니다.", field_errors={"file": errors}
        )
    with history_batch(
        kind="enterprises.purchases", label="공공구매 실적 일괄 등록", subject=f"공공구매 실적 {file_name or '엑셀'}",
        actor=actor,
    ):  # fmt: skip
        Purchase.objects.bulk_create(checked, batch_size=1000)
        history_bulk_created(checked, describe=_purchase_text)
        procurement_indicator_derive(years={p.purchased_on.year for p in checked})
    return len(checked)


def _purchase_text(purchase: Purchase) -> str:
    return f"{purchase.purchased_on} {purchase.item[:60]}"
