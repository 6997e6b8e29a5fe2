"""enterprises services — the organisation registry, certifications, contacts, strong-SME support, the platform's
articles and reviews, and public procurement.

Contract:
- organisation_register(*, actor, name, kind, business_number, **fields) -> Organisation
      the 사업자등록번호 is checked by its check digit; one organisation per number (a duplicate is refused and
      names the organisation already registered); the 법인등록번호, when given, is 13 digits.
- organisation_update(*, actor, organisation, **fields) -> Organisation                 (staff)
- organisation_profile_update(*, actor, organisation, **PROFILE_FIELDS) -> Organisation
      the organisation's own account (or staff) keeps its profile and working conditions.
- certification_add(*, actor, organisation, kind, valid_from, valid_until=None, number="", note="") -> Certification
- certifications_grant(*, organisation_ids, kind, valid_from, valid_until=None, note="") -> int
      (for intake, when a call's selection is confirmed) the designation for each organisation that does not yet
      hold it from that day; one statement.
- organisation_contact_add(*, actor, organisation, username) -> User / organisation_contact_remove(*, actor, user)
      an organisation-role account becomes (or stops being) the organisation's contact: it logs in as the
      organisation (core.User.organisation, through core.services.user_organisation_set).
- support_record(*, actor, organisation, kind, year, started_on, amount=0, interns=0, months=0, note="")
      -> SupportRecord   only for a strong SME designated on the day; interns at most 23 months.
- article_publish(*, actor, organisation, title, body, author_name, author_kind, published_on) -> PlatformArticle
- review_submit(*, actor, organisation, relation, rating, body) -> PlatformReview      (pending moderation)
- review_moderate(*, actor, review, publish, note="") -> PlatformReview
- review_report(*, actor, review, reason) -> PlatformReview                     (once per person; counted)
      a published review reported by ILJARI_REVIEW_HIDE_REPORTS (3) different people since the moderator's last
      decision is hidden (status `hidden`) from the public until a moderator publishes or rejects it again.
- procurement_target_set(*, actor, year, amount) -> ProcurementTarget
- purchase_record(*, actor, buyer, supplier, category, item, amount, purchased_on) -> Purchase
- purchase_import(*, actor, data, file_name="") -> int
      purchases from an xlsx sheet (PURCHASE_COLUMNS): every row checked, each error named by its row, nothing
      written unless all rows pass. Both are open to the office (access_procurement_enter) and to a public body's
      own account (access_procurement_own), which enters and uploads only as itself: a row naming another buyer is
      refused.
- procurement_indicator_derive(*, years) -> None      (also for the demo loader's bulk purchases)
Every purchase written updates the 공공구매 indicator's actual (performance's indicator_value_record), derived from
the purchases of the year, never typed in.

`actor=None` is the system (demo loader, intake). Mistakes raise ValidationFailed with Korean messages.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max, Sum
from django.utils import timezone

from iljari.core.access import (
    access_organisation_own,
    access_organisations_manage,
    access_platform_review_write,
    access_procurement_enter,
    access_procurement_own,
    require,
)
from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.enterprises.models import (
    SOCIAL_ECONOMY_KINDS,
    Certification,
    Organisation,
    PlatformArticle,
    PlatformReview,
    ProcurementTarget,
    Purchase,
    ReviewReport,
    SupportRecord,
    business_number_text,
    business_number_valid,
    valid_on_q,
)

PROCUREMENT_INDICATOR = "IND-08"  # 사회적경제 공공구매액 (억원)
PROFILE_FIELDS = (
    "representative",
    "address",
    "phone",
    "website",
    "employees",
    "introduction",
    "starting_salary",
    "weekly_hours",
    "flexible_work",
    "parental_leave",
    "youth_hiring",
)
REGISTRY_FIELDS = ("corporate_number", "size", "sector", "district", "founded_on", *PROFILE_FIELDS)


def _digits(text) -> str:
    return re.sub(r"[\s-]", "", str(text or ""))


def business_number_clean(text) -> str:
    """The number without hyphens, or ValidationFailed naming what is wrong."""
    number = _digits(text)
    if not number:
        raise ValidationFailed(field_errors={"business_number": ["사업자등록번호를 입력하십시오."]})
    if not re.fullmatch(r"[0-9]{10}", number):
        raise ValidationFailed(
            field_errors={"business_number": ["사업자등록번호는 숫자 10자리입니다(예: 124-81-00998)."]}
        )
    if not business_number_valid(number):
        raise ValidationFailed(
            field_errors={"business_number": ["사업자등록번호가 올바르지 않습니다. 검증번호(끝자리)가 맞지 않습니다."]}
        )
    return number


def _registry_errors(fields: dict) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    corporate = _digits(fields.get("corporate_number"))
    if corporate and not re.fullmatch(r"[0-9]{13}", corporate):
        errors["corporate_number"] = ["법인등록번호는 숫자 13자리입니다."]
    fields["corporate_number"] = corporate
    for key, choices, label in (
        ("size", Organisation.Size.values, "규모"),
        ("sector", Organisation.Sector.values, "업종"),
    ):
        if key in fields and fields[key] not in choices:
            errors[key] = [f"{label}을(를) 목록에서 고르십시오."]
    for key, label in (
        ("employees", "상시근로자 수"),
        ("starting_salary", "신입 초임"),
        ("weekly_hours", "주 소정근로시간"),
    ):
        value = fields.get(key)
        if value is not None and (not isinstance(value, int) or value < 0):
            errors[key] = [f"{label}은(는) 0 이상의 정수입니다."]
    if (fields.get("weekly_hours") or 0) > 52:
        errors["weekly_hours"] = ["주 소정근로시간은 52시간을 넘을 수 없습니다."]
    return errors


def _require_manager(actor, message="기업·단체를 관리할 권한이 없습니다.") -> None:
    if actor is not None:
        require(access_organisations_manage(actor), message)


def organisation_register(*, actor, name: str, kind: str, business_number: str, **fields) -> Organisation:
    _require_manager(actor, "기업·단체를 등록할 권한이 없습니다.")
    errors: dict[str, list[str]] = {}
    try:
        number = business_number_clean(business_number)
    except ValidationFailed as error:
        errors.update(error.field_errors)
        number = ""
    name = (name or "").strip()
    if not name:
        errors["name"] = ["기관명을 입력하십시오."]
    if kind not in Organisation.Kind.values:
        errors["kind"] = ["구분을 목록에서 고르십시오."]
    fields = {key: value for key, value in fields.items() if key in REGISTRY_FIELDS}
    errors.update(_registry_errors(fields))
    if errors:
        raise ValidationFailed(field_errors=errors)
    fields = {
        key: (
            ""
            if value is None
            and key in ("corporate_number", "address", "phone", "website", "introduction", "representative")
            else value
        )
        for key, value in fields.items()
    }
    try:
        with transaction.atomic():
            existing = Organisation.objects.filter(business_number=number).first()
            if existing is not None:
                raise ValidationFailed(
                    field_errors={
                        "business_number": [
                            f"사업자등록번호 {business_number_text(number)}은(는) 이미 '{existing.name}'(으)로 "
                            "등록되어 있습니다."
                        ]
                    }
                )
            return Organisation.objects.create(name=name, kind=kind, business_number=number, **fields)
    except IntegrityError as exc:  # the same number registered at the same instant
        raise ValidationFailed(
            field_errors={"business_number": ["같은 사업자등록번호가 방금 등록되었습니다."]}
        ) from exc


def organisation_update(*, actor, organisation: Organisation, name: str, kind: str, **fields) -> Organisation:
    _require_manager(actor)
    errors: dict[str, list[str]] = {}
    if not (name or "").strip():
        errors["name"] = ["기관명을 입력하십시오."]
    if kind not in Organisation.Kind.values:
        errors["kind"] = ["구분을 목록에서 고르십시오."]
    fields = {key: value for key, value in fields.items() if key in REGISTRY_FIELDS}
    errors.update(_registry_errors(fields))
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
        organisation.name = name.strip()
        organisation.kind = kind
        for key, value in fields.items():
            setattr(
                organisation,
                key,
                ""
                if value is None and key not in ("district", "founded_on", "starting_salary", "weekly_hours")
                else value,
            )
        organisation.save()
    return organisation


def organisation_profile_update(*, actor, organisation: Organisation, **fields) -> Organisation:
    """The organisation's own account keeps its profile (not its name, number, kind or certifications)."""
    if actor is not None:
        own = access_organisation_own(actor) and actor.organisation_id == organisation.pk
        if not own:
            require(access_organisations_manage(actor), "이 기업·단체의 정보를 고칠 권한이 없습니다.")
    fields = {key: value for key, value in fields.items() if key in PROFILE_FIELDS}
    errors = _registry_errors(fields)
    errors.pop("corporate_number", None)
    fields.pop("corporate_number", None)
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
        for key, value in fields.items():
            if value is None and key in ("representative", "address", "phone", "website", "introduction"):
                value = ""
            setattr(organisation, key, value)
        organisation.save(update_fields=[*fields, "updated_at"])
    return organisation


def certification_add(
    *,
    actor,
    organisation: Organisation,
    kind: str,
    valid_from: date,
    valid_until: date | None = None,
    number: str = "",
    note: str = "",
) -> Certification:
    _require_manager(actor, "인증·지정을 등록할 권한이 없습니다.")
    errors: dict[str, list[str]] = {}
    if kind not in Certification.Kind.values:
        errors["kind"] = ["유형을 목록에서 고르십시오."]
    if valid_from is None:
        errors["valid_from"] = ["유효 시작일을 입력하십시오."]
    elif valid_until is not None and valid_until < valid_from:
        errors["valid_until"] = ["유효 종료일은 시작일보다 빠를 수 없습니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        if Certification.objects.filter(organisation=organisation, kind=kind, valid_from=valid_from).exists():
            raise ValidationFailed(
                field_errors={"valid_from": ["같은 날 시작하는 같은 유형의 인증·지정이 이미 있습니다."]}
            )
        return Certification.objects.create(
            organisation=organisation,
            kind=kind,
            valid_from=valid_from,
            valid_until=valid_until,
            number=(number or "").strip(),
            note=(note or "").strip(),
        )


def certifications_grant(
    *, organisation_ids, kind: str, valid_from: date, valid_until: date | None = None, note: str = ""
) -> int:
    ids = set(organisation_ids)
    held = set(
        Certification.objects.filter(organisation_id__in=ids, kind=kind, valid_from=valid_from).values_list(
            "organisation_id", flat=True
        )
    )
    Certification.objects.bulk_create(
        [
            Certification(organisation_id=pk, kind=kind, valid_from=valid_from, valid_until=valid_until, note=note)
            for pk in sorted(ids - held)
        ]
    )
    return len(ids - held)


def organisation_contact_add(*, actor, organisation: Organisation, username: str):
    from iljari.core.models import User
    from iljari.core.services import user_organisation_set

    _require_manager(actor, "담당자를 지정할 권한이 없습니다.")
    user = User.objects.filter(username=(username or "").strip()).first()
    if user is None:
        raise ValidationFailed(field_errors={"username": ["그런 아이디의 계정이 없습니다."]})
    if user.organisation_id not in (None, organisation.pk):
        raise ValidationFailed(field_errors={"username": ["이 계정은 이미 다른 기업·단체의 담당자입니다."]})
    return user_organisation_set(user=user, organisation=organisation)


def organisation_contact_remove(*, actor, user):
    from iljari.core.services import user_organisation_set

    _require_manager(actor, "담당자를 해제할 권한이 없습니다.")
    return user_organisation_set(user=user, organisation=None)


INTERN_MAX_MONTHS = 23


def support_record(
    *,
    actor,
    organisation: Organisation,
    kind: str,
    year: int,
    started_on: date,
    amount: int = 0,
    interns: int = 0,
    months: int = 0,
    note: str = "",
) -> SupportRecord:
    _require_manager(actor, "강소기업 지원을 기록할 권한이 없습니다.")
    errors: dict[str, list[str]] = {}
    if kind not in SupportRecord.Kind.values:
        errors["kind"] = ["지원 내용을 목록에서 고르십시오."]
    if started_on is None:
        errors["started_on"] = ["지원 시작일을 입력하십시오."]
    for key, value, label in (
        ("amount", amount, "지원액"),
        ("interns", interns, "인턴 수"),
        ("months", months, "지원 개월"),
    ):
        if not isinstance(value, int) or value < 0:
            errors[key] = [f"{label}은(는) 0 이상의 정수입니다."]
    if kind == SupportRecord.Kind.PARENTAL_LEAVE_INTERN:
        if isinstance(interns, int) and interns < 1:
            errors["interns"] = ["인턴 수를 1명 이상 입력하십시오."]
        if isinstance(months, int) and not 1 <= months <= INTERN_MAX_MONTHS:
            errors["months"] = [f"육아휴직자 대체 청년인턴은 1개월부터 최대 {INTERN_MAX_MONTHS}개월까지 지원합니다."]
    if kind == SupportRecord.Kind.IMPROVEMENT_GRANT and isinstance(amount, int) and amount <= 0:
        errors["amount"] = ["근무환경개선금의 지원액을 입력하십시오."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    designated = Certification.objects.filter(
        valid_on_q(started_on), organisation=organisation, kind=Certification.Kind.STRONG_SME
    ).exists()
    if not designated:
        raise ValidationFailed(f"{organisation.name}은(는) {started_on:%Y-%m-%d}에 서울형 강소기업이 아닙니다.")
    with transaction.atomic():
        return SupportRecord.objects.create(
            organisation=organisation,
            kind=kind,
            year=year,
            started_on=started_on,
            amount=amount,
            interns=interns,
            months=months,
            note=(note or "").strip(),
        )


def article_publish(
    *, actor, organisation: Organisation, title: str, body: str, author_name: str, author_kind: str, published_on
) -> PlatformArticle:
    _require_manager(actor, "탐방기사를 게재할 권한이 없습니다.")
    errors: dict[str, list[str]] = {}
    if not (title or "").strip():
        errors["title"] = ["제목을 입력하십시오."]
    if not (body or "").strip():
        errors["body"] = ["본문을 입력하십시오."]
    if not (author_name or "").strip():
        errors["author_name"] = ["글쓴이를 입력하십시오."]
    if author_kind not in PlatformArticle.AuthorKind.values:
        errors["author_kind"] = ["글쓴이 구분을 고르십시오."]
    if published_on is None:
        errors["published_on"] = ["게재일을 입력하십시오."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        return PlatformArticle.objects.create(
            organisation=organisation,
            title=title.strip(),
            body=body.strip(),
            author_name=author_name.strip(),
            author_kind=author_kind,
            published_on=published_on,
            entered_by=actor,
        )


def review_submit(*, actor, organisation: Organisation, relation: str, rating, body: str) -> PlatformReview:
    require(access_platform_review_write(actor), "후기는 로그인한 시민이나 기업·단체만 쓸 수 있습니다.")
    errors: dict[str, list[str]] = {}
    if relation not in PlatformReview.Relation.values:
        errors["relation"] = ["재직자인지 방문자인지 고르십시오."]
    if not isinstance(rating, int) or not 1 <= rating <= 5:
        errors["rating"] = ["평점은 1점부터 5점까지입니다."]
    body = (body or "").strip()
    if len(body) < 10:
        errors["body"] = ["후기를 10자 이상 적으십시오."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    if actor.organisation_id == organisation.pk:
        raise ValidationFailed("자기 기업·단체의 후기는 쓸 수 없습니다.")
    with transaction.atomic():
        return PlatformReview.objects.create(
            organisation=organisation, author=actor, relation=relation, rating=rating, body=body
        )


def review_moderate(*, actor, review: PlatformReview, publish: bool, note: str = "") -> PlatformReview:
    _require_manager(actor, "후기를 검토할 권한이 없습니다.")
    if not publish and not (note or "").strip():
        raise ValidationFailed(field_errors={"note": ["게시하지 않는 까닭을 적으십시오."]})
    with transaction.atomic():
        review = PlatformReview.objects.select_for_update().get(pk=review.pk)
        review.status = PlatformReview.Status.PUBLISHED if publish else PlatformReview.Status.REJECTED
        review.moderated_by = actor
        review.moderated_at = timezone.now()
        review.moderation_note = (note or "").strip()
        review.save(update_fields=["status", "moderated_by", "moderated_at", "moderation_note", "updated_at"])
    return review


def review_report(*, actor, review: PlatformReview, reason: str) -> PlatformReview:
    require(access_platform_review_write(actor), "로그인한 뒤에 신고할 수 있습니다.")
    if review.status != PlatformReview.Status.PUBLISHED:
        raise ValidationFailed("게시된 후기만 신고할 수 있습니다.")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed(field_errors={"reason": ["신고 사유를 적으십시오."]})
    with transaction.atomic():
        review = PlatformReview.objects.select_for_update().get(pk=review.pk)
        if review.status != PlatformReview.Status.PUBLISHED:
            raise ValidationFailed("게시된 후기만 신고할 수 있습니다.")
        if ReviewReport.objects.filter(review=review, reporter=actor).exists():
            raise ValidationFailed("이미 신고한 후기입니다.")
        ReviewReport.objects.create(review=review, reporter=actor, reason=reason[:200])
        review.report_count += 1
        fields = ["report_count", "updated_at"]
        # the reports since the moderator's last decision, each by a different person (review_report_once)
        since = ReviewReport.objects.filter(review=review)
        if review.moderated_at is not None:
            since = since.filter(created_at__gt=review.moderated_at)
        if since.count() >= settings.ILJARI_REVIEW_HIDE_REPORTS:
            review.status = PlatformReview.Status.HIDDEN
            fields.append("status")
        review.save(update_fields=fields)
    return review


# --- public procurement ---------------------------------------------------------------------------------


def procurement_target_set(*, actor, year: int, amount: int) -> ProcurementTarget:
    _require_manager(actor, "공공구매 목표를 정할 권한이 없습니다.")
    if not isinstance(amount, int) or amount <= 0:
        raise ValidationFailed(field_errors={"amount": ["목표액은 1원 이상의 정수입니다."]})
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


def _may_enter_purchases(actor) -> bool:
    """The office (and district officers) for buyers in their reach, or a buyer's own account for itself."""
    return access_procurement_enter(actor, None) or access_procurement_own(actor)


def _purchase_errors(
    *, actor, buyer, supplier, category, item, amount, purchased_on, certifications
) -> tuple[list[tuple[str, str]], str | None]:
    """(field, message) pairs and the supplier's type."""
    errors: list[tuple[str, str]] = []
    kind = None
    if buyer is None:
        errors.append(("buyer", "구매기관을 찾을 수 없습니다."))
    elif buyer.kind not in (Organisation.Kind.DISTRICT, Organisation.Kind.AGENCY):
        errors.append(("buyer", f"{buyer.name}은(는) 공공기관(자치구·공공기관)이 아니어서 구매기관이 될 수 없습니다."))
    elif actor is not None and access_procurement_own(actor) and not access_procurement_own(actor, buyer):
        errors.append(
            ("buyer", f"{buyer.name}은(는) 우리 기관이 아닙니다. 자기 기관의 구매만 입력하고 올릴 수 있습니다.")
        )
    elif actor is not None and not access_procurement_own(actor) and not access_procurement_enter(actor, buyer):
        errors.append(("buyer", f"{buyer.name}의 구매 실적을 입력할 권한이 없습니다."))
    if category not in Purchase.Category.values:
        errors.append(("category", "구분은 물품, 용역, 공사 가운데 하나입니다."))
    if not (item or "").strip():
        errors.append(("item", "품목을 입력하십시오."))
    if not isinstance(amount, int) or amount <= 0:
        errors.append(("amount", "금액은 1원 이상의 정수입니다."))
    if purchased_on is None:
        errors.append(("purchased_on", "구매일을 입력하십시오."))
    elif purchased_on > timezone.localdate():
        errors.append(("purchased_on", "앞으로의 날짜는 구매일이 될 수 없습니다."))
    if supplier is None:
        errors.append(("supplier", "공급기업을 찾을 수 없습니다."))
    elif purchased_on is not None:
        kind = supplier_kind_on(certifications.get(supplier.pk, []), purchased_on)
        if kind is None:
            errors.append(("supplier", f"{supplier.name}은(는) 구매일에 사회적경제기업이 아닙니다."))
    return errors, kind


def procurement_indicator_derive(*, years) -> None:
    """The 공공구매 indicator's actual for each year, in 억원, from that year's purchases, as of the end of the month
    of the latest purchase (performance's service; skipped where the indicator is not set up)."""
    from iljari.performance.services import indicator_actual_derive

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
        require(_may_enter_purchases(actor), "공공구매 실적을 입력할 권한이 없습니다.")
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
    from iljari.core.xlsx import xlsx_rows
    from iljari.enterprises.selectors import PURCHASE_COLUMNS

    if actor is not None:
        require(_may_enter_purchases(actor), "공공구매 실적을 올릴 권한이 없습니다.")
    rows = xlsx_rows(data=data, columns=PURCHASE_COLUMNS, title="공공구매 실적")
    labels = {column.key: column.header for column in PURCHASE_COLUMNS}
    numbers = {_digits(row.get(key)) for row in rows for key in ("buyer", "supplier")}
    organisations = {o.business_number: o for o in Organisation.objects.filter(business_number__in=numbers)}
    categories = {label: value for value, label in Purchase.Category.choices}
    certifications = _social_economy_certifications(o.pk for o in organisations.values())
    errors: list[str] = []
    checked: list[Purchase] = []
    for row in rows:
        line = row["_row"]
        buyer = organisations.get(_digits(row.get("buyer")))
        supplier = organisations.get(_digits(row.get("supplier")))
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
    with transaction.atomic():
        Purchase.objects.bulk_create(checked, batch_size=1000)
        procurement_indicator_derive(years={p.purchased_on.year for p in checked})
    return len(checked)
