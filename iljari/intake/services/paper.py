"""Applications registered by the office from paper: one by one (the person found by resident number through the
blind index, or registered on the spot, with the consents the paper form carries), or a whole district-run round
from an xlsx sheet (APPLICANT_COLUMNS), every row checked and nothing written unless all pass. The call's staff
register for every quota, a district's officer for their district's quotas (core.access)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from iljari.core.access import (
    access_applications_register,
    access_applications_register_some,
    access_person_record_change,
    require,
)
from iljari.core.bulk import rows_insert
from iljari.core.errors import ValidationFailed
from iljari.core.korean import with_object
from iljari.core.xlsx import xlsx_rows
from iljari.intake.models import Application, Call, Quota
from iljari.intake.selectors import APPLICANT_COLUMNS
from iljari.intake.services.applications import (
    BOTH_CONSENTS,
    REOPENABLE,
    application_submit,
    call_open_check,
    consent_context,
)
from iljari.intake.services.eligibility import (
    PersonFacts,
    eligibility_failures,
    eligibility_period_failing,
    priority_points,
)
from iljari.org.selectors import district_choices
from iljari.people.models import Person
from iljari.people.rrn import RrnError, parse_rrn, rrn_indexes
from iljari.people.selectors import person_find_by_rrn
from iljari.people.services import (
    CONSENTS_NEEDED,
    consent_record_many,
    person_ids_by_rrn_index,
    person_register,
    person_register_many,
    person_update,
)


def _person_by_rrn(actor, number):
    """The registered person with this resident number (through the blind index), or None."""
    if actor is not None:
        return person_find_by_rrn(user=actor, rrn=number.digits)
    return Person.objects.filter(rrn_index__in=rrn_indexes(number)).first()


def application_paper_register(
    *,
    actor,
    call: Call,
    quota: Quota,
    rrn: str,
    person_details: dict | None = None,
    consents=(),
    now=None,
) -> Application:
    """A paper application, registered by the call's staff (a district's quota: also by that district's officer).
    `person_details` (name, birth_date, sex and the people.PERSON_DETAILS) registers a person not found by the
    number; an already registered person is used as registered. The consents the paper form carries are recorded
    with the application. Eligibility, the period and once-per-call hold as online; nothing is written on
    refusal."""
    _require_registrar(actor, call, quota)
    now = now or timezone.now()
    call_open_check(call, now, audience=Call.Audience.PEOPLE, quota=quota)
    try:
        number = parse_rrn(rrn)
    except RrnError as exc:
        raise ValidationFailed(field_errors={"rrn": [str(exc)]}) from exc
    with transaction.atomic():
        person = _person_by_rrn(actor, number)
        if person is None:
            details = {key: value for key, value in (person_details or {}).items() if value not in (None, "")}
            needed = {"name": "이름", "birth_date": "생년월일", "sex": "성별"}
            missing = {
                key: [f"처음 등록하는 사람입니다. {with_object(label)} 입력하십시오."]
                for key, label in needed.items()
                if key not in details
            }
            if missing:
                raise ValidationFailed(field_errors=missing)
            person = person_register(
                actor=actor,
                rrn=number.digits,
                consents=list(consents),
                context=consent_context(call, Application.Channel.PAPER),
                **details,
            )
            consents = None  # recorded with the registration
        else:
            existing = Application.objects.filter(call=call, person=person).first()
            if existing is not None and existing.status not in REOPENABLE:
                raise ValidationFailed(f"이미 이 공고에 신청한 사람입니다(접수번호 {existing.pk}).")
            if set(BOTH_CONSENTS) - set(consents or ()):
                raise ValidationFailed(CONSENTS_NEEDED, field_errors={"consents": [CONSENTS_NEEDED]})
        return application_submit(
            actor=actor,
            call=call,
            person=person,
            quota=quota,
            channel=Application.Channel.PAPER,
            consents=consents,
            now=now,
        )


# --- paper applications in bulk (xlsx) -------------------------------------------------------------------

BULK_IMPORT_MAX_ROWS = 100_000  # a district's whole round in one sheet (a larger sheet runs as a background job)
YES = {"예", "y", "yes", "o", "○", "1", "true", "해당", "있음"}
NO = {"아니오", "아니요", "n", "no", "x", "×", "0", "false", "해당없음", "미해당", "없음"}
SEXES = {"남": "M", "남자": "M", "m": "M", "여": "F", "여자": "F", "f": "F"}
FLAG_COLUMNS = [
    ("job_seeker", "job_seeker_registered"),
    ("basic_livelihood", "basic_livelihood_recipient"),
    ("veteran", "veteran"),
    ("disability", "disability"),
]


def _cell_date(text: str | None) -> date | None:
    """A date cell as Excel gives it (a date read as text: "1990-05-05 00:00:00") or as typed
    ("1990-05-05", "1990.5.5", "1990/05/05", "19900505"); None when it is not a date."""
    if not text:
        return None
    text = text.strip().removesuffix(" 00:00:00")
    match = re.fullmatch(r"(\d{4})[-./ ]\s*(\d{1,2})[-./ ]\s*(\d{1,2})\.?", text) or re.fullmatch(
        r"(\d{4})(\d{2})(\d{2})", text
    )
    if match is None:
        return None
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def _cell_flag(text: str | None) -> bool | None:
    """True, False, or None when the cell is neither (blank is False)."""
    value = (text or "").strip().lower()
    if not value or value in NO:
        return False
    if value in YES:
        return True
    return None


def _cell_rrn(text: str | None) -> str:
    """The number as typed; a cell Excel turned into a number loses its hyphen and any leading zero."""
    value = (text or "").strip().removesuffix(".0")
    return value.zfill(13) if re.fullmatch(r"\d{12}", value) else value


@dataclass
class _Row:
    number: int
    name: str
    birth_date: date
    sex: str
    rrn: object  # people.rrn.Rrn, parsed once: person_register_many takes it as it is
    index: str  # the blind index under the newest key (rrn_index)
    indexes: list[str]  # under every configured key, newest first (rrn_indexes): the look-ups use them all
    quota: Quota
    details: dict


def _bulk_rows(rows: list[dict], *, call: Call, quotas: dict, districts: dict) -> tuple[list[_Row], list[str]]:
    """Check each row on its own (no database); the good rows and the errors, by row number."""
    labels = {column.key: column.header for column in APPLICANT_COLUMNS}
    errors: list[str] = []
    good: list[_Row] = []
    seen: dict[str, int] = {}
    for row in rows:
        n = row["_row"]
        before = len(errors)
        for key in ("name", "birth_date", "sex", "rrn", "quota"):
            if not row.get(key):
                errors.append(f"{n}행 '{labels[key]}': 값이 비어 있습니다.")
        birth = _cell_date(row.get("birth_date"))
        if row.get("birth_date") and birth is None:
            errors.append(f"{n}행 '{labels['birth_date']}': 날짜가 아닙니다(예: 1990-05-05).")
        sex = SEXES.get((row.get("sex") or "").strip().lower())
        if row.get("sex") and sex is None:
            errors.append(f"{n}행 '{labels['sex']}': '남' 또는 '여'로 적으십시오.")
        number = None
        if row.get("rrn"):
            try:
                number = parse_rrn(_cell_rrn(row["rrn"]))
            except RrnError:
                errors.append(f"{n}행: 주민등록번호 형식이 올바르지 않습니다.")
        if number is not None and birth is not None and number.birth_date != birth:
            errors.append(f"{n}행: 주민등록번호의 생년월일이 '{labels['birth_date']}' 열과 다릅니다.")
        if number is not None and sex is not None and number.sex != sex:
            errors.append(f"{n}행: 주민등록번호의 성별 자리가 '{labels['sex']}' 열과 다릅니다.")
        district = None
        if row.get("district"):
            district = districts.get(row["district"].strip())
            if district is None:
                errors.append(f"{n}행 '{labels['district']}': 서울시 자치구가 아닙니다({row['district'][:20]}).")
        quota = quotas.get((row.get("quota") or "").strip())
        if row.get("quota") and quota is None:
            errors.append(f"{n}행 '{labels['quota']}': 이 공고에 없는 선발 구분입니다({row['quota'][:40]}).")
        income = _cell_flag(row.get("regular_income"))
        if income is None:
            errors.append(f"{n}행 '{labels['regular_income']}': '예' 또는 '아니오'로 적으십시오.")
        details = {
            "phone": (row.get("phone") or "").strip()[:30],
            "district": district,
            "income_status": "unknown" if not row.get("regular_income") else ("regular" if income else "none"),
        }
        for key, field in FLAG_COLUMNS:
            flag = _cell_flag(row.get(key))
            if flag is None:
                errors.append(f"{n}행 '{labels[key]}': '예' 또는 '아니오'로 적으십시오.")
            details[field] = bool(flag)
        indexes = rrn_indexes(number) if number is not None else []  # each HMAC once per row
        index = indexes[0] if indexes else None
        if index is not None and index in seen:
            errors.append(f"{n}행: {seen[index]}행과 주민등록번호가 같습니다(한 사람은 한 번만 신청합니다).")
        elif index is not None:
            seen[index] = n
        if len(errors) == before:
            good.append(_Row(n, row["name"].strip()[:60], birth, sex, number, index, indexes, quota, details))
    return good, errors


def _candidate(row: _Row, person) -> PersonFacts:
    """What the rules read of a row's applicant: the sheet's values (which the record takes), the registered
    person's id if any; a plain row, not a Person instance."""
    details = row.details
    district = details["district"]
    return PersonFacts(
        person.pk if person is not None else None,
        row.birth_date,
        district.pk if district is not None else None,
        details["income_status"],
        details["job_seeker_registered"],
        details["basic_livelihood_recipient"],
        details["veteran"],
        details["disability"],
    )


def _differs(person, field: str, value) -> bool:
    """Whether the sheet's value differs from the record's (the district compared by id: no query per row)."""
    if field == "district":
        return person.district_id != (value.pk if value is not None else None)
    return getattr(person, field) != value


def bulk_import_check(*, actor, call: Call, consented: bool, now=None) -> None:
    """What a sheet of paper applications needs before its rows are read: the registrar's right, the consents
    confirmed, a call for people, open now. The page checks it before it queues a large sheet."""
    _require_registrar(actor, call)
    now = now or timezone.now()
    if not consented:
        raise ValidationFailed("신청자 모두에게서 개인정보 수집·이용과 고유식별정보 처리 동의를 받았는지 확인하십시오.")
    call_open_check(call, now, audience=Call.Audience.PEOPLE)


def application_bulk_import(*, actor, call: Call, data: bytes, consented: bool, now=None) -> list[int]:
    """Paper applications of a district-run round from the xlsx template (APPLICANT_COLUMNS). Every row is
    checked — the cells, the resident number, the district and quota, duplicates in the file, people who already
    applied, eligibility — and every error is listed by row; unless all rows pass, nothing is written. Look-ups
    are set-based (one query each for people, applications, districts, quotas and rules); new people are
    registered in one batch (people.person_register_many) with the consents the paper forms carry; the
    applications are written in bulk. Returns the person ids of the rows, in row order."""
    now = now or timezone.now()
    bulk_import_check(actor=actor, call=call, consented=consented, now=now)
    rows = xlsx_rows(data=data, columns=APPLICANT_COLUMNS, title="신청자 일괄 등록", max_rows=BULK_IMPORT_MAX_ROWS)
    quotas = {quota.code: quota for quota in call.quotas.all()}
    districts = {}
    for district in district_choices():
        districts[district.code] = districts[district.name] = district
    good, errors = _bulk_rows(rows, call=call, quotas=quotas, districts=districts)
    allowed = {quota.pk for quota in quotas.values() if _may_register(actor, call, quota)}
    for row in [row for row in good if row.quota.pk not in allowed]:
        errors.append(
            f"{row.number}행 '선발구분코드': '{row.quota.name}'의 신청은 등록할 권한이 없습니다"
            "(자치구 담당자는 그 자치구의 선발 구분만 등록합니다)."
        )
        good.remove(row)

    # every configured index key is looked up (a key rotation may be under way); rows keep the newest key's index
    aliases = {index: row.index for row in good for index in row.indexes}
    found = person_ids_by_rrn_index(indexes=aliases)  # one statement, however many rows; then only those found
    registered = {aliases[p.rrn_index]: p for p in Person.objects.filter(pk__in=list(found.values()))}
    applied = {
        a.person_id: a
        for a in Application.objects.filter(call=call, person__in=list(registered.values())).only(
            "pk", "person_id", "status"
        )
    }
    rules = list(call.eligibility_rules.all())
    priorities = list(call.priority_rules.all())
    failing = eligibility_period_failing(rules=rules, person_ids=[p.pk for p in registered.values()])
    planned = []  # (row, registered person or None, details that differ from the record)
    for row in good:
        person = registered.get(row.index)
        if person is not None:
            if person.name != row.name:
                errors.append(f"{row.number}행 '이름': 같은 주민등록번호로 등록된 사람의 이름과 다릅니다.")
                continue
            application = applied.get(person.pk)
            if application is not None and application.status not in REOPENABLE:
                errors.append(f"{row.number}행: 이미 이 공고에 신청한 사람입니다(접수번호 {application.pk}).")
                continue
            changed = {
                field: value
                for field, value in row.details.items()
                if (field != "phone" or value) and _differs(person, field, value)
            }
            if changed and actor is not None and not access_person_record_change(actor, person.district_id):
                errors.append(
                    f"{row.number}행: 다른 자치구 주민으로 등록된 사람이어서 인적사항을 고칠 수 없습니다. "
                    "시 담당 부서에 문의하십시오."
                )
                continue
        else:
            changed = row.details
        candidate = _candidate(row, person)
        failures = eligibility_failures(call=call, person=candidate, rules=rules, failing=failing)
        if failures:
            errors.append(f"{row.number}행: 신청 자격을 갖추지 못했습니다. {' '.join(failures)}")
            continue
        planned.append((row, person, changed, priority_points(person=candidate, rules=priorities)))
    if errors:
        errors.sort(key=lambda text: int(text.split("행", 1)[0]))
        raise ValidationFailed(
            f"엑셀 파일에 잘못된 행이 있어 아무것도 저장하지 않았습니다({len(errors)}건).",
            field_errors={"file": errors},
        )

    try:
        with transaction.atomic():
            Call.objects.select_for_update().filter(pk=call.pk).first()  # not while a selection runs
            newcomers = iter(
                person_register_many(
                    actor=actor,
                    people=[
                        {"name": row.name, "birth_date": row.birth_date, "sex": row.sex, "rrn": row.rrn,
                         **row.details}
                        for row, person, _, _ in planned
                        if person is None
                    ],
                    consents=BOTH_CONSENTS,
                    context=consent_context(call, Application.Channel.PAPER),
                    now=now,
                )
            )  # fmt: skip
            people, known = [], []  # known: people registered before, whose consents are recorded here
            for _row, person, changed, _ in planned:
                if person is None:
                    person = next(newcomers)
                else:
                    if changed:
                        person = person_update(actor=actor, person=person, **changed)
                    known.append(person.pk)
                people.append(person)
            consent_record_many(person_ids=known, context=consent_context(call, Application.Channel.PAPER), now=now)
            fresh, reopened = [], []  # fresh: plain rows for rows_insert, no model instance each
            submitted, paper = Application.Status.SUBMITTED, Application.Channel.PAPER
            for (row, _, _, points), person in zip(planned, people, strict=True):
                existing = applied.get(person.pk)
                if existing is None:
                    fresh.append((call.pk, person.pk, row.quota.pk, submitted, paper, now, points))
                    continue
                existing.quota = row.quota
                existing.status = submitted
                existing.channel = paper
                existing.submitted_at = now
                existing.priority_points = points
                reopened.append(existing)
            fields = ("call", "person", "quota", "status", "channel", "submitted_at", "priority_points")
            rows_insert(Application, fields, fresh)
            Application.objects.bulk_update(
                reopened, ["quota", "status", "channel", "submitted_at", "priority_points"], batch_size=1000
            )
    except IntegrityError as exc:  # someone applied online in the meantime
        raise ValidationFailed("그사이 다른 신청과 겹쳐 저장하지 못했습니다. 파일을 다시 올리십시오.") from exc
    return [person.pk for person in people]


def _may_register(actor, call: Call, quota: Quota) -> bool:
    return actor is None or access_applications_register(actor, call.programme.division.path, quota.district_id)


def _require_registrar(actor, call: Call, quota: Quota | None = None) -> None:
    """Paper applications: the call's staff; for a district's quota, that district's officer too (a bulk upload
    by a district officer is then checked row by row)."""
    if actor is None:
        return
    if quota is not None:
        require(_may_register(actor, call, quota), "이 선발 구분의 신청을 등록할 권한이 없습니다.")
        return
    require(
        access_applications_register_some(
            actor, call.programme.division.path, [quota.district_id for quota in call.quotas.all()]
        ),
        "이 공고에 서면 신청을 등록할 권한이 없습니다.",
    )
