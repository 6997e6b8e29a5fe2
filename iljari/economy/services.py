"""economy services — the writes of the social economy's networks and markets, each in one transaction with its
change history (every model is tracked by core.history; the sales upload is one change batch).

Contract:
- member_save(*, actor, member=None, name, kind, joined_on, country="", city="", left_on=None, note="")
      -> NetworkMember      a new GSEF member or changes to one (a name once only; left_on not before joined_on)
- dues_record(*, actor, member, year, amount, currency="KRW", paid_on=None) -> MemberDues
      the member's dues of a year (recorded again: changed)
- dialogue_save(*, actor, dialogue=None, code, title, kind, held_on, ends_on=None, place="", host="",
      participants=None, cities=None, expected=False, note="") -> PolicyDialogue
- criterion_save(*, actor, number, title, description="") -> FairTradeCriterion     one of the 5 기준 (by number)
- evidence_add(*, actor, criterion, what, dated_on, document=None) -> CriterionEvidence
      `document` an uploaded PDF, JPEG or PNG of at most 10MB, told by its first bytes
- certification_record(*, actor, title, certified_on, issuer="", note="") -> FairTradeCertification
- space_save(*, actor, space=None, name, kind, district=None, opened_on=None, closed_on=None, area=None,
      operator="", note="") -> Space
- space_use_record(*, actor, space, month, kind, count) -> SpaceUse      a month's use of one kind (again: changed)
- tenancy_add(*, actor, space, organisation, starts_on, room="", ends_on=None) -> Tenancy
      refused when the organisation already holds a tenancy of the space over the same days, or the space is not
      open on `starts_on`
- tenancy_end(*, actor, tenancy, ends_on) -> Tenancy
- space_programme_add(*, actor, space, title, starts_on, ends_on, participants=0) -> SpaceProgramme
- channel_save(*, actor, code, name, kind, operator="", note="") -> SalesChannel   by code (again: changed)
- sale_import(*, actor, data, file_name="") -> int
      an xlsx of sales (SALE_COLUMNS: 판로 코드, 사업자등록번호, 월, 매출액): every row is checked first and a single
      bad row writes nothing (the errors name the row and the column in Korean); a row for a channel, organisation
      and month already recorded corrects its amount (recorded with before and after), the others are kept
- indicators_sync(*, year, as_of=None) -> dict[str, int]
      the office indicators these records feed, recorded through performance's indicator_actual_derive:
      IND-09 사회적경제 특구 육성(누계) from grants' staged funding (ecosystem_zone_counts) and IND-10 사회적경제
      클러스터 공간조성(누계) from the cluster spaces opened by `as_of`; runs after each write of a space (on commit)
      and from the demo loader for 2018 as of 6.30.

`actor=None` is the system (the demo loader); everyone else must pass core.access.access_economy_manage. A refusal
is a core.errors.ValidationFailed with Korean field messages, and nothing is written.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone

from iljari.core.access import access_economy_manage, require
from iljari.core.errors import ValidationFailed, field_error
from iljari.core.figures import COUNT, MONEY, OFFICE_DATE
from iljari.core.files import file_store
from iljari.core.formats import screen_date, screen_month
from iljari.core.history import history_batch, history_bulk_replace
from iljari.core.korean import with_object, with_topic
from iljari.core.xlsx import xlsx_rows
from iljari.economy.models import (
    ChannelSale,
    CriterionEvidence,
    FairTradeCertification,
    FairTradeCriterion,
    MemberDues,
    NetworkMember,
    PolicyDialogue,
    SalesChannel,
    Space,
    SpaceProgramme,
    SpaceUse,
    Tenancy,
)
from iljari.economy.selectors import SALE_COLUMNS, indicator_actuals
from iljari.enterprises.models import Organisation
from iljari.performance.services import indicator_actual_derive

NOT_ALLOWED = "사회적경제 연대·판로 자료는 사회적경제담당관 직원과 총괄이 입력합니다."
DOCUMENT_MAX_BYTES = 10 * 1024 * 1024
DOCUMENT_SIGNATURES = (
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
)


def _check_actor(actor) -> None:
    if actor is not None:
        require(access_economy_manage(actor), NOT_ALLOWED)


def _text(errors: dict, field: str, value, label: str, limit: int, *, required: bool = True) -> str:
    value = (value or "").strip()
    if required and not value:
        errors[field] = [f"{with_object(label)} 적으십시오."]
    elif len(value) > limit:
        errors[field] = [f"{with_topic(label)} {limit:,}자까지 적습니다."]
    return value


def _choice(errors: dict, field: str, value, choices, label: str) -> str:
    value = str(getattr(value, "value", value) or "")
    if value not in choices.values:
        errors[field] = [f"{with_object(label)} 목록에서 고르십시오."]
    return value


def _day(errors: dict, field: str, value, label: str, *, required: bool = True):
    if value is None:
        if required:
            errors[field] = [f"{with_object(label)} 적으십시오."]
        return None
    if not isinstance(value, date):
        errors[field] = [f"{with_topic(label)} 날짜로 적습니다."]
        return None
    problem = OFFICE_DATE.problem(value)
    if problem:
        errors[field] = [problem]
    return value


def _count(errors: dict, field: str, value, label: str, *, required: bool = False) -> int | None:
    if value is None or value == "":
        if required:
            errors[field] = [f"{with_object(label)} 적으십시오."]
        return None
    if isinstance(value, bool) or not isinstance(value, int) or COUNT.problem(value):
        errors[field] = [f"{with_topic(label)} 0부터 100,000,000까지의 정수입니다."]
        return None
    return value


def _money(errors: dict, field: str, value, label: str) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int) or MONEY.problem(value):
        errors[field] = [f"{with_topic(label)} 0 이상의 원 단위 정수입니다."]
        return None
    return value


def _after(errors: dict, field: str, later, earlier, message: str) -> None:
    if later is not None and earlier is not None and later < earlier and field not in errors:
        errors[field] = [message]


def _quoted(text: str) -> str:
    return f"'{text}'"


def _raise(errors: dict) -> None:
    if errors:
        raise ValidationFailed(field_errors=errors)


# --- GSEF -----------------------------------------------------------------------------------------------------


def member_save(
    *,
    actor,
    member: NetworkMember | None = None,
    name: str,
    kind: str,
    joined_on: date,
    country: str = "",
    city: str = "",
    left_on: date | None = None,
    note: str = "",
) -> NetworkMember:
    _check_actor(actor)
    errors: dict[str, list[str]] = {}
    name = _text(errors, "name", name, "회원 이름", 200)
    kind = _choice(errors, "kind", kind, NetworkMember.Kind, "구분")
    country = _text(errors, "country", country, "나라", 100, required=False)
    city = _text(errors, "city", city, "도시", 100, required=False)
    note = _text(errors, "note", note, "비고", 2000, required=False)
    joined_on = _day(errors, "joined_on", joined_on, "가입일")
    left_on = _day(errors, "left_on", left_on, "탈퇴일", required=False)
    _after(errors, "left_on", left_on, joined_on, "탈퇴일은 가입일보다 앞설 수 없습니다.")
    if name and "name" not in errors:
        same = NetworkMember.objects.filter(name=name)
        if member is not None:
            same = same.exclude(pk=member.pk)
        if same.exists():
            errors["name"] = [f"회원 {with_topic(_quoted(name))} 이미 있습니다."]
    _raise(errors)
    with transaction.atomic():
        member = NetworkMember() if member is None else NetworkMember.objects.select_for_update().get(pk=member.pk)
        member.name, member.kind, member.country, member.city = name, kind, country, city
        member.joined_on, member.left_on, member.note = joined_on, left_on, note
        member.save()
    return member


def dues_record(
    *, actor, member: NetworkMember, year: int, amount: int, currency: str = "KRW", paid_on: date | None = None
) -> MemberDues:
    _check_actor(actor)
    errors: dict[str, list[str]] = {}
    if isinstance(year, bool) or not isinstance(year, int) or not 2000 <= year <= 2100:
        errors["year"] = ["연도는 2000부터 2100까지입니다."]
    amount = _money(errors, "amount", amount, "회비")
    currency = _choice(errors, "currency", currency, MemberDues.Currency, "통화")
    paid_on = _day(errors, "paid_on", paid_on, "납부일", required=False)
    if "year" not in errors and year < member.joined_on.year:
        errors["year"] = [f"{member.joined_on.year}년에 가입한 회원입니다. 그 앞 해의 회비는 없습니다."]
    _raise(errors)
    with transaction.atomic():
        dues = MemberDues.objects.select_for_update().filter(member=member, year=year).first()
        if dues is None:
            dues = MemberDues(member=member, year=year)
        dues.amount, dues.currency, dues.paid_on = amount, currency, paid_on
        dues.save()
    return dues


def dialogue_save(
    *,
    actor,
    dialogue: PolicyDialogue | None = None,
    code: str,
    title: str,
    kind: str,
    held_on: date,
    ends_on: date | None = None,
    place: str = "",
    host: str = "",
    participants: int | None = None,
    cities: int | None = None,
    expected: bool = False,
    note: str = "",
) -> PolicyDialogue:
    _check_actor(actor)
    errors: dict[str, list[str]] = {}
    code = _text(errors, "code", code, "코드", 32)
    if code and not re.fullmatch(r"[A-Za-z0-9-]+", code):
        errors["code"] = ["코드는 영문, 숫자, 하이픈(-)으로 적습니다."]
    title = _text(errors, "title", title, "행사명", 200)
    kind = _choice(errors, "kind", kind, PolicyDialogue.Kind, "구분")
    held_on = _day(errors, "held_on", held_on, "시작일")
    ends_on = _day(errors, "ends_on", ends_on, "종료일", required=False)
    _after(errors, "ends_on", ends_on, held_on, "종료일은 시작일보다 앞설 수 없습니다.")
    place = _text(errors, "place", place, "장소", 200, required=False)
    host = _text(errors, "host", host, "주최", 200, required=False)
    participants = _count(errors, "participants", participants, "참석 인원")
    cities = _count(errors, "cities", cities, "참석 도시·단체 수")
    note = _text(errors, "note", note, "비고", 2000, required=False)
    if code and "code" not in errors:
        same = PolicyDialogue.objects.filter(code=code)
        if dialogue is not None:
            same = same.exclude(pk=dialogue.pk)
        if same.exists():
            errors["code"] = [f"코드 {with_topic(code)} 이미 있습니다."]
    _raise(errors)
    with transaction.atomic():
        if dialogue is None:
            dialogue = PolicyDialogue()
        else:
            dialogue = PolicyDialogue.objects.select_for_update().get(pk=dialogue.pk)
        dialogue.code, dialogue.title, dialogue.kind = code, title, kind
        dialogue.held_on, dialogue.ends_on, dialogue.place, dialogue.host = held_on, ends_on, place, host
        dialogue.participants, dialogue.cities, dialogue.expected = participants, cities, bool(expected)
        dialogue.note = note
        dialogue.save()
    return dialogue


# --- 공정무역도시 ---------------------------------------------------------------------------------------------


def criterion_save(*, actor, number: int, title: str, description: str = "") -> FairTradeCriterion:
    _check_actor(actor)
    errors: dict[str, list[str]] = {}
    if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= 99:
        errors["number"] = ["번호는 1부터 99까지입니다."]
    title = _text(errors, "title", title, "기준", 200)
    description = _text(errors, "description", description, "설명", 2000, required=False)
    _raise(errors)
    with transaction.atomic():
        criterion = FairTradeCriterion.objects.select_for_update().filter(number=number).first()
        criterion = criterion or FairTradeCriterion(number=number)
        criterion.title, criterion.description = title, description
        criterion.save()
    return criterion


def _document_type(upload) -> str:
    if upload.size > DOCUMENT_MAX_BYTES:
        raise field_error("document", "근거 문서는 10MB까지 올릴 수 있습니다.")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for signature, content_type in DOCUMENT_SIGNATURES:
        if head.startswith(signature):
            return content_type
    raise field_error("document", "PDF, JPG, PNG 파일만 올릴 수 있습니다.")


def evidence_add(
    *, actor, criterion: FairTradeCriterion, what: str, dated_on: date, document=None
) -> CriterionEvidence:
    _check_actor(actor)
    errors: dict[str, list[str]] = {}
    what = _text(errors, "what", what, "근거", 300)
    dated_on = _day(errors, "dated_on", dated_on, "날짜")
    _raise(errors)
    document_type = _document_type(document) if document is not None else ""
    with transaction.atomic():
        evidence = CriterionEvidence(criterion=criterion, what=what, dated_on=dated_on)
        if document is not None:
            evidence.document_type = document_type
            evidence.document_name = (document.name or "근거 문서")[-200:]
            file_store(evidence.document, evidence.document_name, document)
        evidence.save()
    return evidence


def certification_record(
    *, actor, title: str, certified_on: date, issuer: str = "", note: str = ""
) -> FairTradeCertification:
    _check_actor(actor)
    errors: dict[str, list[str]] = {}
    title = _text(errors, "title", title, "인증명", 200)
    certified_on = _day(errors, "certified_on", certified_on, "인증일")
    issuer = _text(errors, "issuer", issuer, "인증 기관", 200, required=False)
    note = _text(errors, "note", note, "비고", 2000, required=False)
    _raise(errors)
    with transaction.atomic():
        return FairTradeCertification.objects.create(title=title, certified_on=certified_on, issuer=issuer, note=note)


# --- places ---------------------------------------------------------------------------------------------------


def _area(errors: dict, value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        area = Decimal(str(value))
    except InvalidOperation:
        area = None
    if area is None or not area.is_finite() or area <= 0 or area >= Decimal("10000000") or area != round(area, 2):
        errors["area"] = ["면적은 0보다 큰 ㎡ 값(소수 둘째 자리까지)입니다."]
        return None
    return area


def space_save(
    *,
    actor,
    space: Space | None = None,
    name: str,
    kind: str,
    district=None,
    opened_on: date | None = None,
    closed_on: date | None = None,
    area=None,
    operator: str = "",
    note: str = "",
) -> Space:
    _check_actor(actor)
    errors: dict[str, list[str]] = {}
    name = _text(errors, "name", name, "공간 이름", 200)
    kind = _choice(errors, "kind", kind, Space.Kind, "구분")
    opened_on = _day(errors, "opened_on", opened_on, "개소일", required=False)
    closed_on = _day(errors, "closed_on", closed_on, "폐소일", required=False)
    if closed_on is not None and opened_on is None and "closed_on" not in errors:
        errors["closed_on"] = ["개소일 없이 폐소일만 적을 수 없습니다."]
    _after(errors, "closed_on", closed_on, opened_on, "폐소일은 개소일보다 앞설 수 없습니다.")
    area = _area(errors, area)
    operator = _text(errors, "operator", operator, "운영기관", 200, required=False)
    note = _text(errors, "note", note, "비고", 2000, required=False)
    if name and "name" not in errors:
        same = Space.objects.filter(name=name)
        if space is not None:
            same = same.exclude(pk=space.pk)
        if same.exists():
            errors["name"] = [f"공간 {with_topic(_quoted(name))} 이미 있습니다."]
    _raise(errors)
    with transaction.atomic():
        space = Space() if space is None else Space.objects.select_for_update().get(pk=space.pk)
        space.name, space.kind, space.district = name, kind, district
        space.opened_on, space.closed_on, space.area = opened_on, closed_on, area
        space.operator, space.note = operator, note
        space.save()
        if actor is not None:
            this_year = timezone.localdate().year
            years = {d.year for d in (opened_on, closed_on) if d is not None and 2000 <= d.year <= this_year}
            transaction.on_commit(lambda: _indicators_sync_years(years | {this_year}))
    return space


def _indicators_sync_years(years) -> None:
    for year in sorted(years):
        indicators_sync(year=year)


def _month(errors: dict, field: str, value, label: str = "월") -> date | None:
    value = _day(errors, field, value, label)
    return value.replace(day=1) if value is not None else None


def space_use_record(*, actor, space: Space, month: date, kind: str, count: int) -> SpaceUse:
    _check_actor(actor)
    errors: dict[str, list[str]] = {}
    month = _month(errors, "month", month)
    kind = _choice(errors, "kind", kind, SpaceUse.Kind, "이용 구분")
    count = _count(errors, "count", count, "이용 건수", required=True)
    if month is not None and "month" not in errors:
        if space.opened_on is None or month < space.opened_on.replace(day=1):
            errors["month"] = [f"{screen_month(month)}에는 문을 열지 않은 공간입니다."]
        elif space.closed_on is not None and month > space.closed_on:
            errors["month"] = [f"{screen_date(space.closed_on)}에 문을 닫은 공간입니다."]
    _raise(errors)
    with transaction.atomic():
        use = SpaceUse.objects.select_for_update().filter(space=space, month=month, kind=kind).first()
        use = use or SpaceUse(space=space, month=month, kind=kind)
        use.count = count
        use.save()
    return use


def tenancy_add(
    *, actor, space: Space, organisation, starts_on: date, room: str = "", ends_on: date | None = None
) -> Tenancy:
    _check_actor(actor)
    errors: dict[str, list[str]] = {}
    if organisation is None:
        errors["organisation"] = ["입주 기업·단체를 찾을 수 없습니다. 사업자등록번호를 확인하십시오."]
    room = _text(errors, "room", room, "호실", 100, required=False)
    starts_on = _day(errors, "starts_on", starts_on, "입주일")
    ends_on = _day(errors, "ends_on", ends_on, "퇴거일", required=False)
    _after(errors, "ends_on", ends_on, starts_on, "퇴거일은 입주일보다 앞설 수 없습니다.")
    if starts_on is not None and "starts_on" not in errors and not space.open_on(starts_on):
        errors["starts_on"] = [f"{screen_date(starts_on)}에 문을 연 공간이 아닙니다. 개소일을 확인하십시오."]
    _raise(errors)
    with transaction.atomic():
        Space.objects.select_for_update().filter(pk=space.pk).first()  # one tenancy at a time per space
        overlapping = Tenancy.objects.filter(space=space, organisation=organisation).exclude(ends_on__lt=starts_on)
        if ends_on is not None:
            overlapping = overlapping.filter(starts_on__lte=ends_on)
        if overlapping.exists():
            raise field_error("starts_on", f"{with_topic(organisation.name)} 그 기간에 이미 이 공간에 입주해 있습니다.")
        return Tenancy.objects.create(
            space=space, organisation=organisation, room=room, starts_on=starts_on, ends_on=ends_on
        )


def tenancy_end(*, actor, tenancy: Tenancy, ends_on: date) -> Tenancy:
    _check_actor(actor)
    errors: dict[str, list[str]] = {}
    ends_on = _day(errors, "ends_on", ends_on, "퇴거일")
    _after(errors, "ends_on", ends_on, tenancy.starts_on, "퇴거일은 입주일보다 앞설 수 없습니다.")
    _raise(errors)
    with transaction.atomic():
        tenancy = Tenancy.objects.select_for_update().get(pk=tenancy.pk)
        tenancy.ends_on = ends_on
        tenancy.save(update_fields=["ends_on", "updated_at"])
    return tenancy


def space_programme_add(
    *, actor, space: Space, title: str, starts_on: date, ends_on: date, participants: int = 0
) -> SpaceProgramme:
    _check_actor(actor)
    errors: dict[str, list[str]] = {}
    title = _text(errors, "title", title, "프로그램명", 200)
    starts_on = _day(errors, "starts_on", starts_on, "시작일")
    ends_on = _day(errors, "ends_on", ends_on, "종료일")
    _after(errors, "ends_on", ends_on, starts_on, "종료일은 시작일보다 앞설 수 없습니다.")
    participants = _count(errors, "participants", participants, "참여 인원", required=True)
    _raise(errors)
    with transaction.atomic():
        return SpaceProgramme.objects.create(
            space=space, title=title, starts_on=starts_on, ends_on=ends_on, participants=participants
        )


# --- markets --------------------------------------------------------------------------------------------------


def channel_save(*, actor, code: str, name: str, kind: str, operator: str = "", note: str = "") -> SalesChannel:
    _check_actor(actor)
    errors: dict[str, list[str]] = {}
    code = _text(errors, "code", code, "코드", 32)
    name = _text(errors, "name", name, "판로 이름", 200)
    kind = _choice(errors, "kind", kind, SalesChannel.Kind, "구분")
    operator = _text(errors, "operator", operator, "운영기관", 200, required=False)
    note = _text(errors, "note", note, "비고", 2000, required=False)
    _raise(errors)
    with transaction.atomic():
        channel = SalesChannel.objects.select_for_update().filter(code=code).first() or SalesChannel(code=code)
        channel.name, channel.kind, channel.operator, channel.note = name, kind, operator, note
        channel.save()
    return channel


def _digits(text) -> str:
    return re.sub(r"\D", "", str(text or ""))


def sale_import(*, actor, data: bytes, file_name: str = "") -> int:
    _check_actor(actor)
    rows = xlsx_rows(data=data, columns=SALE_COLUMNS, title="판로 매출")
    labels = {column.key: column.header for column in SALE_COLUMNS}
    channels = {c.code: c for c in SalesChannel.objects.all()}
    numbers = {_digits(row.get("business_number")) for row in rows}
    organisations = {o.business_number: o for o in Organisation.objects.filter(business_number__in=numbers)}
    errors: list[str] = []
    checked: list[tuple[int, ChannelSale]] = []
    seen: dict[tuple, int] = {}
    for row in rows:
        line = row["_row"]
        problems: list[tuple[str, str]] = []
        channel = channels.get(str(row.get("channel") or "").strip())
        if channel is None:
            problems.append(("channel", f"판로 코드 {row.get('channel')}인 판로가 없습니다."))
        organisation = organisations.get(_digits(row.get("business_number")))
        if organisation is None:
            number = row.get("business_number")
            problems.append(("business_number", f"사업자등록번호 {number}인 기업·단체가 등록되어 있지 않습니다."))
        month = row.get("month")
        if not isinstance(month, date):
            problems.append(("month", "날짜(그 달의 아무 날)로 적습니다."))
        elif OFFICE_DATE.problem(month):
            problems.append(("month", OFFICE_DATE.problem(month)))
        else:
            month = month.replace(day=1)
        amount = row.get("amount")
        if isinstance(amount, bool) or not isinstance(amount, int) or MONEY.problem(amount) or amount == 0:
            problems.append(("amount", "0보다 큰 원 단위 정수입니다."))
        if not problems:
            key = (channel.pk, organisation.pk, month)
            if key in seen:
                problems.append(("month", f"{seen[key]}행과 같은 판로·기업·월입니다."))
            seen.setdefault(key, line)
        for field, message in problems:
            errors.append(f"{line}행 '{labels[field]}': {message}")
        if not problems:
            sale = ChannelSale(channel=channel, organisation=organisation, month=month, amount=amount)
            sale.upload_name = (file_name or "")[:200]
            checked.append((line, sale))
    if not rows:
        raise ValidationFailed("엑셀 파일에 매출 행이 없습니다.", field_errors={"file": ["매출 행이 없습니다."]})
    if errors:
        raise ValidationFailed(
            "엑셀 파일에 잘못된 값이 있어 아무것도 저장하지 않았습니다.", field_errors={"file": errors}
        )
    sales = [sale for _, sale in checked]
    with history_batch(
        kind="economy.sales", label="판로 매출 일괄 등록", subject=f"판로 매출 {file_name or '엑셀'}", actor=actor
    ):
        existing = ChannelSale.objects.filter(
            channel_id__in={s.channel_id for s in sales}, month__in={s.month for s in sales}
        )
        history_bulk_replace(
            ChannelSale,
            existing=existing,
            rows=sales,
            key=("channel_id", "organisation_id", "month"),
            fields=("amount",),
            extra=("upload_name",),
            describe=lambda s: f"{s.channel.name} {s.organisation.name} {screen_month(s.month)}",
            keep_missing=True,
        )
    return len(sales)


# --- indicators -----------------------------------------------------------------------------------------------


def indicators_sync(*, year: int, as_of: date | None = None) -> dict[str, int]:
    as_of = as_of or min(timezone.localdate(), date(year, 12, 31))
    actuals = indicator_actuals(year=year, as_of=as_of)
    for code, value in actuals.items():
        indicator_actual_derive(code=code, year=year, value=value, as_of=as_of)
    return actuals
