"""intake services — calls, eligibility, applications, review and selection.

Contract:
- call_set(*, actor, code, programme, title, opens_at, closes_at, announce_on, quotas, eligibility, priorities,
           **details) -> Call      (creates or replaces a call with its quotas and rules)
- eligibility_failures(*, call, person, rules=None) -> list[str]
      the Korean reason of every rule the person fails; the same function for one applicant and for a batch.
- priority_points(*, person, rules) -> int
- application_draft_save(*, actor, call, person, quota, now=None) -> Application
      keeps (or starts) the person's draft (임시저장) during the call's period; the same row that submit fills.
- application_document_upload(*, actor, application, label, upload, now=None) -> ApplicationDocument
      one of the call's required documents for a draft: PDF, JPEG or PNG by the file's first bytes, at most
      ILJARI_UPLOAD_MAX_BYTES; a new upload for the same document replaces the old one; nothing written on refusal.
- application_submit(*, actor, call, person, quota, channel="online", now=None) -> Application
      once per call and person: a double click or a retry returns the same application, and a draft becomes
      the submitted application; refused outside the call's period, for another call's quota, when a rule fails
      (with every failed rule's reason), or online while a required document is missing (naming each).
- application_save(*, actor, call, person, quota, documents=None, submit=False, now=None) -> Application
      the portal's one step: the draft with the files just chosen, then submitted when asked.
- application_paper_register(*, actor, call, quota, rrn, person_details=None, consents=(), now=None) -> Application
      a paper application registered by the call's staff: the person found by resident number (blind index) or
      registered on the spot; same period, rules and once-per-call as online, documents checked on paper.
- application_bulk_import(*, actor, call, data, consented, now=None) -> list[int]
      paper applications from an xlsx sheet (APPLICANT_COLUMNS): every row checked, every error listed by row,
      nothing written unless all rows pass; returns the person ids of the rows written.
- application_withdraw(*, actor, application, now=None) -> Application      (before the deadline)
- eligibility_run(*, actor, call) -> tuple[int, int]                        (eligible, ineligible)
- review_score_record(*, actor, application, stage, score) -> ReviewScore
- selection_compute(*, call, seed) -> list[Placement]                       (pure: same seed, same result)
- selection_run(*, actor, call, seed=None) -> SelectionRun
      ranks by review score, then priority points, then a lottery drawn from the seed, fills each quota and
      waitlists the rest; the call is locked while it runs, so two runs never interleave.
"""

from __future__ import annotations

import random
import re
import secrets
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone

from iljari.core.access import access_apply, access_calls_manage, access_people_change, require
from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.intake.models import (
    Application,
    ApplicationDocument,
    Call,
    EligibilityRule,
    PriorityRule,
    Quota,
    ReviewScore,
    SelectionResult,
    SelectionRun,
)
from iljari.intake.selectors import APPLICANT_COLUMNS

ALGORITHM = "iljari-selection-v1"  # score desc, priority points desc, lottery asc; quota by quota


def call_set(
    *,
    actor,
    code: str,
    programme,
    title: str,
    opens_at,
    closes_at,
    announce_on,
    quotas: list[tuple[str, str, int]],
    eligibility: list[dict],
    priorities: list[tuple[str, int]] = (),
    description: str = "",
    required_documents: str = "",
    has_interview: bool = False,
) -> Call:
    if actor is not None:
        require(access_calls_manage(actor, programme.division.path), "이 사업의 모집공고를 만들 권한이 없습니다.")
    errors: dict[str, list[str]] = {}
    if not (title or "").strip():
        errors["title"] = ["공고명을 입력하십시오."]
    if closes_at <= opens_at:
        errors["closes_at"] = ["접수 마감은 접수 시작보다 뒤여야 합니다."]
    if not quotas or any(places <= 0 for _, _, places in quotas):
        errors["quotas"] = ["선발 구분마다 1명 이상의 인원을 정하십시오."]
    for rule in eligibility:
        if rule["kind"] == EligibilityRule.Kind.AGE_BETWEEN and not (
            rule.get("min_value") is not None
            and rule.get("max_value") is not None
            and rule.get("on_date")
            and rule["min_value"] <= rule["max_value"]
        ):
            errors["eligibility"] = ["나이 조건에는 최소·최대 나이와 기준일이 필요합니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        call, _ = Call.objects.update_or_create(
            code=code,
            defaults={
                "programme": programme,
                "title": title.strip(),
                "opens_at": opens_at,
                "closes_at": closes_at,
                "announce_on": announce_on,
                "description": description,
                "required_documents": required_documents,
                "has_interview": has_interview,
            },
        )
        if call.applications.exists():
            for quota_code, name, places in quotas:
                Quota.objects.update_or_create(call=call, code=quota_code, defaults={"name": name, "places": places})
        else:
            call.quotas.all().delete()
            Quota.objects.bulk_create(
                [
                    Quota(call=call, code=quota_code, name=name, places=places, order=order)
                    for order, (quota_code, name, places) in enumerate(quotas, 1)
                ]
            )
        call.eligibility_rules.all().delete()
        EligibilityRule.objects.bulk_create(
            [EligibilityRule(call=call, order=order, **rule) for order, rule in enumerate(eligibility, 1)]
        )
        call.priority_rules.all().delete()
        PriorityRule.objects.bulk_create([PriorityRule(call=call, kind=k, points=p) for k, p in priorities])
    return call


def _age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def eligibility_failures(*, call: Call, person, rules=None) -> list[str]:
    rules = list(call.eligibility_rules.all()) if rules is None else rules
    failures = []
    for rule in rules:
        if rule.kind == EligibilityRule.Kind.AGE_BETWEEN:
            age = _age_on(person.birth_date, rule.on_date)
            if not rule.min_value <= age <= rule.max_value:
                failures.append(
                    f"만 {rule.min_value}세 이상 {rule.max_value}세 이하만 신청할 수 있습니다"
                    f"({rule.on_date.year}. {rule.on_date.month}. {rule.on_date.day}. 기준 만 {age}세)."
                )
        elif rule.kind == EligibilityRule.Kind.RESIDES_IN_SEOUL and person.district_id is None:
            failures.append("서울시에 주소를 둔 사람만 신청할 수 있습니다.")
        elif rule.kind == EligibilityRule.Kind.NO_REGULAR_INCOME and person.income_status != "none":
            failures.append("정기소득이 없는 사람만 신청할 수 있습니다.")
        elif rule.kind == EligibilityRule.Kind.JOB_SEEKER and not person.job_seeker_registered:
            failures.append("구직등록을 한 사람만 신청할 수 있습니다.")
    return failures


# The person fields the rules read (eligibility_failures, priority_points): a batch loads only these.
PERSON_FIELDS_READ = (
    "birth_date",
    "district_id",
    "income_status",
    "job_seeker_registered",
    "basic_livelihood_recipient",
    "veteran",
    "disability",
)


def priority_points(*, person, rules) -> int:
    return sum(rule.points for rule in rules if getattr(person, rule.kind, False))


def _require_applicant(actor, person) -> None:
    if actor is None:
        return
    if access_apply(actor):
        if person.user_id != actor.pk:
            raise NotAllowed("본인의 신청만 할 수 있습니다.")
        return
    require(access_people_change(actor), "신청을 등록할 권한이 없습니다.")


def _check_open(call: Call, quota: Quota, now) -> None:
    if call.audience != Call.Audience.PEOPLE:
        raise ValidationFailed("이 공고는 기업·단체 공모입니다.")
    if not call.is_open(now):
        closes = timezone.localtime(call.closes_at)
        raise ValidationFailed(f"접수 기간이 아닙니다(마감 {closes:%Y-%m-%d %H:%M}).")
    if quota.call_id != call.pk:
        raise ValidationFailed(field_errors={"quota": ["이 공고의 선발 구분이 아닙니다."]})


REOPENABLE = [Application.Status.DRAFT, Application.Status.WITHDRAWN]  # rows a draft or a submission may fill


def _missing_documents(call: Call, application: Application | None) -> list[str]:
    uploaded = set(application.documents.values_list("label", flat=True)) if application is not None else set()
    return [line for line in call.document_lines if line not in uploaded]


def application_submit(
    *, actor, call: Call, person, quota: Quota, channel: str = Application.Channel.ONLINE, now=None
) -> Application:
    _require_applicant(actor, person)
    now = now or timezone.now()
    _check_open(call, quota, now)
    failures = eligibility_failures(call=call, person=person)
    if failures:
        raise ValidationFailed("신청 자격을 갖추지 못했습니다.", field_errors={"eligibility": failures})
    points = priority_points(person=person, rules=list(call.priority_rules.all()))
    try:
        with transaction.atomic():
            application = Application.objects.select_for_update().filter(call=call, person=person).first()
            if application is not None and application.status not in REOPENABLE:
                return application  # a double click or a retry: the same application
            if channel == Application.Channel.ONLINE:  # a paper application's documents are checked on paper
                missing = _missing_documents(call, application)
                if missing:
                    raise ValidationFailed(
                        f"제출 서류를 모두 올려야 신청할 수 있습니다. 올리지 않은 서류: {', '.join(missing)}."
                    )
            if application is None:
                application = Application.objects.create(
                    call=call,
                    person=person,
                    quota=quota,
                    status=Application.Status.SUBMITTED,
                    channel=channel,
                    submitted_at=now,
                    priority_points=points,
                )
            else:  # the draft (or a withdrawn application) becomes the submission: the same row
                application.status = Application.Status.SUBMITTED
                application.quota = quota
                application.channel = channel
                application.submitted_at = now
                application.priority_points = points
                application.save(
                    update_fields=["status", "quota", "channel", "submitted_at", "priority_points", "updated_at"]
                )
    except IntegrityError:  # the same person submitting twice at the same instant
        application = Application.objects.get(call=call, person=person)
    return application


def application_draft_save(*, actor, call: Call, person, quota: Quota, now=None) -> Application:
    _require_applicant(actor, person)
    now = now or timezone.now()
    _check_open(call, quota, now)
    try:
        with transaction.atomic():
            application = Application.objects.select_for_update().filter(call=call, person=person).first()
            if application is None:
                return Application.objects.create(
                    call=call, person=person, quota=quota, status=Application.Status.DRAFT, submitted_at=None
                )
            if application.status not in REOPENABLE:
                raise ValidationFailed("이미 제출한 신청은 임시저장할 수 없습니다.")
            application.status = Application.Status.DRAFT
            application.quota = quota
            application.submitted_at = None
            application.save(update_fields=["status", "quota", "submitted_at", "updated_at"])
    except IntegrityError:  # two first saves at the same instant: the other one made the draft
        application = Application.objects.get(call=call, person=person)
    return application


# --- uploaded documents ------------------------------------------------------------------------------------

# The first bytes of each accepted type: the file's own content decides, never its name or the browser.
DOCUMENT_SIGNATURES = [
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
]


def document_content_type(head: bytes) -> str | None:
    """The accepted type whose signature `head` starts with, or None."""
    for signature, content_type in DOCUMENT_SIGNATURES:
        if head.startswith(signature):
            return content_type
    return None


def size_text(size: int) -> str:
    """10485760 → "10MB", 1024 → "1KB" (the upload limit as the pages and messages give it)."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f}".removesuffix(".0") + "MB"
    return f"{size / 1024:.1f}".removesuffix(".0") + "KB"


@dataclass(frozen=True)
class _CheckedDocument:
    label: str
    upload: object  # a Django UploadedFile
    name: str
    size: int
    content_type: str


def _documents_check(call: Call, documents: dict) -> list[_CheckedDocument]:
    """Every file checked before anything is written; all refusals at once."""
    limit = settings.ILJARI_UPLOAD_MAX_BYTES
    lines = call.document_lines
    errors: list[str] = []
    checked: list[_CheckedDocument] = []
    for label, upload in documents.items():
        if label not in lines:
            errors.append(f"'{label}'은(는) 이 공고의 제출 서류가 아닙니다.")
            continue
        if not upload.size:
            errors.append(f"'{label}': 빈 파일입니다.")
            continue
        if upload.size > limit:
            errors.append(
                f"'{label}': 파일이 {size_text(limit)}보다 큽니다. {size_text(limit)} 이하의 파일을 올리십시오."
            )
            continue
        upload.seek(0)
        head = upload.read(16)
        upload.seek(0)
        content_type = document_content_type(head)
        if content_type is None:
            errors.append(f"'{label}': PDF, JPG, PNG 파일만 올릴 수 있습니다. 파일 내용이 이 형식이 아닙니다.")
            continue
        name = re.sub(r"[\x00-\x1f\x7f/\\]", "_", (upload.name or "").rsplit("/", 1)[-1])[:255] or "file"
        checked.append(_CheckedDocument(label, upload, name, upload.size, content_type))
    if errors:
        raise ValidationFailed(
            "제출 서류를 올리지 못했습니다(아무것도 저장하지 않았습니다).",
            field_errors={"documents": errors},
        )
    return checked


def _documents_put(application: Application, checked: list[_CheckedDocument], now) -> list[str]:
    """Store the checked files (inside the caller's transaction); the names written, for clean-up on failure.
    A replaced file is deleted once the transaction commits."""
    existing = {document.label: document for document in application.documents.all()}
    written: list[str] = []
    replaced: list[str] = []
    try:
        for item in checked:
            document = existing.get(item.label) or ApplicationDocument(application=application, label=item.label)
            if document.pk is not None:
                replaced.append(document.file.name)
            document.original_name = item.name
            document.size = item.size
            document.content_type = item.content_type
            document.uploaded_at = now
            document.file.save(item.name, item.upload, save=False)  # a random name (models.document_upload_path)
            written.append(document.file.name)
            document.save()
    except BaseException:
        _files_delete(written)
        raise
    if replaced:
        transaction.on_commit(lambda: _files_delete(replaced))
    return written


def _files_delete(names: list[str]) -> None:
    from django.core.files.storage import default_storage

    for name in names:
        if name:
            default_storage.delete(name)


def _store_in_draft(*, actor, call, person, quota, checked, now) -> Application:
    written: list[str] = []
    try:
        with transaction.atomic():
            application = application_draft_save(actor=actor, call=call, person=person, quota=quota, now=now)
            written = _documents_put(application, checked, now)
    except BaseException:
        _files_delete(written)
        raise
    return application


def application_document_upload(
    *, actor, application: Application, label: str, upload, now=None
) -> ApplicationDocument:
    _require_applicant(actor, application.person)
    now = now or timezone.now()
    if application.status not in REOPENABLE:
        raise ValidationFailed("제출한 신청의 서류는 바꿀 수 없습니다.")
    checked = _documents_check(application.call, {label: upload})
    _store_in_draft(
        actor=actor,
        call=application.call,
        person=application.person,
        quota=application.quota,
        checked=checked,
        now=now,
    )
    return ApplicationDocument.objects.get(application=application, label=label)


def application_save(
    *, actor, call: Call, person, quota: Quota, documents: dict | None = None, submit: bool = False, now=None
) -> Application:
    """Keep the draft with the files just chosen ({required document line: uploaded file}) and, when asked,
    submit it. Files are checked before anything is written; when the submission is refused (a document still
    missing, a rule failed) the draft stays saved."""
    _require_applicant(actor, person)
    now = now or timezone.now()
    current = Application.objects.filter(call=call, person=person).first()
    if submit and current is not None and current.status not in REOPENABLE:
        return current  # a double click on 신청: the same application, nothing changed
    _check_open(call, quota, now)
    checked = _documents_check(call, documents or {})
    _store_in_draft(actor=actor, call=call, person=person, quota=quota, checked=checked, now=now)
    if not submit:
        return Application.objects.get(call=call, person=person)
    return application_submit(actor=actor, call=call, person=person, quota=quota, now=now)


# --- paper applications ----------------------------------------------------------------------------------

BOTH_CONSENTS = ["personal_data", "unique_identifier"]


def _person_by_rrn(actor, number):
    """The registered person with this resident number (through the blind index), or None."""
    if actor is not None:
        from iljari.people.selectors import person_find_by_rrn

        return person_find_by_rrn(user=actor, rrn=number.digits)
    from iljari.people.models import Person
    from iljari.people.rrn import rrn_index

    return Person.objects.filter(rrn_index=rrn_index(number)).first()


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
    """A paper application, registered by the call's staff. `person_details` (name, birth_date, sex and the
    people.PERSON_DETAILS) registers a person not found by the number; an already registered person is used as
    registered. Eligibility, the period and once-per-call hold as online; nothing is written on refusal."""
    from iljari.people.rrn import RrnError, parse_rrn
    from iljari.people.services import person_register

    _require_manager(actor, call)
    now = now or timezone.now()
    _check_open(call, quota, now)
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
                key: [f"처음 등록하는 사람입니다. {label}을(를) 입력하십시오."]
                for key, label in needed.items()
                if key not in details
            }
            if missing:
                raise ValidationFailed(field_errors=missing)
            person = person_register(
                actor=actor, rrn=number.digits, consents=list(consents), context="서면 신청(담당자 등록)", **details
            )
        else:
            existing = Application.objects.filter(call=call, person=person).first()
            if existing is not None and existing.status not in REOPENABLE:
                raise ValidationFailed(f"이미 이 공고에 신청한 사람입니다(접수번호 {existing.pk}).")
        return application_submit(
            actor=actor, call=call, person=person, quota=quota, channel=Application.Channel.PAPER, now=now
        )


# --- paper applications in bulk (xlsx) -------------------------------------------------------------------

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
    rrn: object  # people.rrn.Rrn
    index: str
    quota: Quota
    details: dict


def _bulk_rows(rows: list[dict], *, call: Call, quotas: dict, districts: dict) -> tuple[list[_Row], list[str]]:
    """Check each row on its own (no database); the good rows and the errors, by row number."""
    from iljari.people.rrn import RrnError, parse_rrn, rrn_index

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
        index = rrn_index(number) if number is not None else None
        if index is not None and index in seen:
            errors.append(f"{n}행: {seen[index]}행과 주민등록번호가 같습니다(한 사람은 한 번만 신청합니다).")
        elif index is not None:
            seen[index] = n
        if len(errors) == before:
            good.append(_Row(n, row["name"].strip()[:60], birth, sex, number, index, quota, details))
    return good, errors


def _differs(person, field: str, value) -> bool:
    """Whether the sheet's value differs from the record's (the district compared by id: no query per row)."""
    if field == "district":
        return person.district_id != (value.pk if value is not None else None)
    return getattr(person, field) != value


def application_bulk_import(*, actor, call: Call, data: bytes, consented: bool, now=None) -> list[int]:
    """Paper applications of a district-run round from the xlsx template (APPLICANT_COLUMNS). Every row is
    checked — the cells, the resident number, the district and quota, duplicates in the file, people who already
    applied, eligibility — and every error is listed by row; unless all rows pass, nothing is written. Look-ups
    are set-based (one query each for people, applications, districts, quotas and rules); new people are
    registered through people.person_register with the consents the paper forms carry; the applications are
    written in bulk. Returns the person ids of the rows, in row order."""
    from iljari.core.xlsx import xlsx_rows
    from iljari.org.selectors import district_choices
    from iljari.people.models import Person
    from iljari.people.services import person_register, person_update

    _require_manager(actor, call)
    now = now or timezone.now()
    if not consented:
        raise ValidationFailed("신청자 모두에게서 개인정보 수집·이용과 고유식별정보 처리 동의를 받았는지 확인하십시오.")
    if call.audience != Call.Audience.PEOPLE:
        raise ValidationFailed("이 공고는 기업·단체 공모입니다.")
    if not call.is_open(now):
        closes = timezone.localtime(call.closes_at)
        raise ValidationFailed(f"접수 기간이 아닙니다(마감 {closes:%Y-%m-%d %H:%M}).")
    rows = xlsx_rows(data=data, columns=APPLICANT_COLUMNS, title="신청자 일괄 등록")
    quotas = {quota.code: quota for quota in call.quotas.all()}
    districts = {}
    for district in district_choices():
        districts[district.code] = districts[district.name] = district
    good, errors = _bulk_rows(rows, call=call, quotas=quotas, districts=districts)

    registered = {p.rrn_index: p for p in Person.objects.filter(rrn_index__in=[row.index for row in good])}
    applied = {
        a.person_id: a
        for a in Application.objects.filter(call=call, person__in=list(registered.values())).only(
            "pk", "person_id", "status"
        )
    }
    rules = list(call.eligibility_rules.all())
    priorities = list(call.priority_rules.all())
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
        else:
            changed = row.details
        candidate = Person(name=row.name, birth_date=row.birth_date, sex=row.sex, **row.details)
        failures = eligibility_failures(call=call, person=candidate, rules=rules)
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
            people = []
            for row, person, changed, _ in planned:
                if person is None:
                    person = person_register(
                        actor=actor,
                        name=row.name,
                        birth_date=row.birth_date,
                        sex=row.sex,
                        rrn=row.rrn.digits,
                        consents=BOTH_CONSENTS,
                        context="서면 신청(엑셀 일괄 등록)",
                        **row.details,
                    )
                elif changed:
                    person = person_update(actor=actor, person=person, **changed)
                people.append(person)
            fresh, reopened = [], []
            for (row, _, _, points), person in zip(planned, people, strict=True):
                existing = applied.get(person.pk)
                application = existing or Application(call=call, person=person)
                application.quota = row.quota
                application.status = Application.Status.SUBMITTED
                application.channel = Application.Channel.PAPER
                application.submitted_at = now
                application.priority_points = points
                (reopened if existing else fresh).append(application)
            Application.objects.bulk_create(fresh, batch_size=1000)
            Application.objects.bulk_update(
                reopened, ["quota", "status", "channel", "submitted_at", "priority_points"], batch_size=1000
            )
    except IntegrityError as exc:  # someone applied online in the meantime
        raise ValidationFailed("그사이 다른 신청과 겹쳐 저장하지 못했습니다. 파일을 다시 올리십시오.") from exc
    return [person.pk for person in people]


def application_withdraw(*, actor, application: Application, now=None) -> Application:
    _require_applicant(actor, application.person)
    now = now or timezone.now()
    if now >= application.call.closes_at:
        raise ValidationFailed("접수 마감 뒤에는 철회할 수 없습니다.")
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.status != Application.Status.SUBMITTED:
            raise ValidationFailed("접수 상태인 신청만 철회할 수 있습니다.")
        application.status = Application.Status.WITHDRAWN
        application.save(update_fields=["status", "updated_at"])
    return application


def _require_manager(actor, call: Call) -> None:
    if actor is not None:
        require(access_calls_manage(actor, call.programme.division.path), "이 공고를 관리할 권한이 없습니다.")


def eligibility_run(*, actor, call: Call) -> tuple[int, int]:
    """Check every submitted application against the call's rules (one query for the people)."""
    _require_manager(actor, call)
    rules = list(call.eligibility_rules.all())
    priorities = list(call.priority_rules.all())
    eligible = ineligible = 0
    outcomes: dict[tuple[str, str, int], list[int]] = defaultdict(list)
    with transaction.atomic():
        applications = (
            call.applications.select_for_update(of=("self",))
            .filter(status__in=[Application.Status.SUBMITTED, Application.Status.INELIGIBLE])
            .select_related("person")
            .only("pk", "call_id", *(f"person__{name}" for name in PERSON_FIELDS_READ))  # no decryption needed
        )
        for application in applications:
            failures = eligibility_failures(call=call, person=application.person, rules=rules)
            status = Application.Status.INELIGIBLE if failures else Application.Status.SUBMITTED
            points = priority_points(person=application.person, rules=priorities)
            outcomes[(status, "\n".join(failures), points)].append(application.pk)
            if failures:
                ineligible += 1
            else:
                eligible += 1
        # one UPDATE per distinct outcome (a handful), not one per row
        for (status, reasons, points), ids in outcomes.items():
            for start in range(0, len(ids), 2000):
                Application.objects.filter(pk__in=ids[start : start + 2000]).update(
                    status=status, ineligible_reasons=reasons, priority_points=points
                )
    return eligible, ineligible


def review_score_record(*, actor, application: Application, stage: str, score) -> ReviewScore:
    _require_manager(actor, application.call)
    if application.status == Application.Status.DRAFT:
        raise ValidationFailed("임시저장한 신청은 제출되기 전까지 심사할 수 없습니다.")
    score = Decimal(str(score))
    if not Decimal(0) <= score <= Decimal(100):
        raise ValidationFailed(field_errors={"score": ["점수는 0점부터 100점까지입니다."]})
    if stage not in ReviewScore.Stage.values:
        raise ValidationFailed(field_errors={"stage": ["심사 단계를 고르십시오."]})
    with transaction.atomic():
        record, _ = ReviewScore.objects.update_or_create(
            application=application, stage=stage, reviewer=actor, defaults={"score": score}
        )
    return record


@dataclass(frozen=True)
class Placement:
    application_id: int
    quota_id: int
    rank: int
    lottery: int
    score: Decimal
    outcome: str


RANKED = [
    Application.Status.SUBMITTED,
    Application.Status.SELECTED,
    Application.Status.WAITLISTED,
    Application.Status.NOT_SELECTED,
]


def selection_compute(*, call: Call, seed: int) -> list[Placement]:
    applications = list(
        call.applications.filter(status__in=RANKED)
        .annotate(total=Sum("scores__score"))
        .values_list("pk", "quota_id", "priority_points", "total")
        .order_by("pk")
    )
    generator = random.Random(seed)
    draws = generator.sample(range(1, len(applications) + 1), len(applications))
    lottery = {row[0]: draw for row, draw in zip(applications, draws, strict=True)}
    places = dict(call.quotas.values_list("pk", "places"))
    by_quota: dict[int, list] = {quota_id: [] for quota_id in places}
    for row in applications:
        by_quota[row[1]].append(row)
    placements: list[Placement] = []
    for quota_id in sorted(places):
        members = by_quota[quota_id]
        members.sort(key=lambda row: (-(row[3] or 0), -row[2], lottery[row[0]]))
        for rank, (pk, _, _, total) in enumerate(members, start=1):
            outcome = Application.Status.SELECTED if rank <= places[quota_id] else Application.Status.WAITLISTED
            placements.append(Placement(pk, quota_id, rank, lottery[pk], Decimal(total or 0), outcome))
    return placements


def selection_run(*, actor, call: Call, seed: int | None = None) -> SelectionRun:
    _require_manager(actor, call)
    seed = secrets.randbits(62) if seed is None else seed
    with transaction.atomic():
        call = Call.objects.select_for_update().get(pk=call.pk)  # one selection of a call at a time
        placements = selection_compute(call=call, seed=seed)
        run = SelectionRun.objects.create(
            call=call,
            run_by=actor,
            run_at=timezone.now(),
            seed=seed,
            algorithm=ALGORITHM,
            selected=sum(1 for p in placements if p.outcome == Application.Status.SELECTED),
            waitlisted=sum(1 for p in placements if p.outcome == Application.Status.WAITLISTED),
        )
        SelectionResult.objects.bulk_create(
            [
                SelectionResult(
                    run=run,
                    application_id=p.application_id,
                    quota_id=p.quota_id,
                    rank=p.rank,
                    lottery=p.lottery,
                    score=p.score,
                    outcome=p.outcome,
                )
                for p in placements
            ],
            batch_size=2000,
        )
        for outcome in (Application.Status.SELECTED, Application.Status.WAITLISTED):
            ids = [p.application_id for p in placements if p.outcome == outcome]
            for start in range(0, len(ids), 2000):
                Application.objects.filter(pk__in=ids[start : start + 2000]).update(status=outcome)
    return run
