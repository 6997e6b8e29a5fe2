"""grants union services — the labour unions' sub-projects (노동단체 지원) and the 근로자 자녀 장학금 with its duplicate
check against the 한국장학재단's list.

Contract:
- sub_project_add(*, actor, agreement, title, budget=None, state="running", note="") -> SubProject
      a union's agreement (its grantee an organisation of kind 노동단체); numbered after the last; the known
      budgets of its sub-projects never above the agreement's total (city + matched share).
- sub_project_update(*, actor, sub_project, title, budget, state, note="") -> SubProject
- sub_project_tranche_assign(*, actor, disbursement, sub_project=None) -> Disbursement
      allocates a tranche of the agreement to one of its sub-projects (None: back to the agreement level).
- scholarship_create(*, actor, sub_project, year, title, amount_per_student, budget) -> Scholarship
- scholarship_recipient_add(*, actor, scholarship, name, birth_date, school, parent_name, grade="",
      parent_workplace="", amount=None) -> ScholarshipRecipient
      the union's own account or the programme's staff; the amount defaults to the round's; the round's budget
      never exceeded (excluded students aside); the same student (name, birth date, school) once per round; checked
      at once against the foundation lists already imported for the round.
- foundation_list_import(*, actor, scholarship, data, file_name) -> FoundationImport
      the 한국장학재단's list (xlsx or csv; columns 성명, 생년월일, 학교, 지원 내용, 지원액, 지원 기간): every row
      parsed first, any bad cell → a Korean error naming its row and column and nothing written; then every
      recipient of the round not yet decided is matched (duplicates_match) and flagged 중복 확인 필요 with the
      foundation's support. The import (file name, who, when, rows, matches) is kept.
- scholarship_recipient_decide(*, actor, recipient, decision, reason) -> ScholarshipRecipient
      a flagged recipient: "kept" (paid after all) or "excluded" (state 중복 제외); the reason is required.
- scholarship_recipient_pay(*, actor, recipient, paid_on) -> ScholarshipRecipient
      refused while a duplicate is undecided, or for an excluded or already paid student.
- name_key(text) -> str, school_key(text) -> str   the normalised forms the check compares (NFKC: full-width to
      half-width; every space removed; case folded).
- duplicates_match(recipients, records) -> {recipient: record}   by (name_key, birth date); where a key has
      several candidates the school decides; the answer does not depend on the order of either list.

`actor=None` is the system. Permissions: access_grants_manage for the programme's division (through
checks.require_manage); adding students also the union's own account (checks.require_submit). Mistakes raise
ValidationFailed in Korean and write nothing. Every write is recorded in the change history (core.history).
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections import defaultdict
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import Max, Sum
from django.utils import timezone
from openpyxl import load_workbook

from iljari.core.errors import ValidationFailed, field_error
from iljari.core.figures import BIRTH_DATE, MONEY, YEAR, DateKind
from iljari.core.formats import format_won
from iljari.core.korean import with_object, with_topic
from iljari.enterprises.models import Organisation
from iljari.grants.models import (
    Disbursement,
    FoundationImport,
    FoundationRecord,
    GrantAgreement,
    Scholarship,
    ScholarshipRecipient,
    SubProject,
    SubProjectTranche,
)
from iljari.grants.services.checks import amount_check, date_check, require_manage, require_submit

MAX_IMPORT_ROWS = 20_000
HEADER_SEARCH_ROWS = 10
REASON_MIN = 5


# --- normalisation and matching ---------------------------------------------------------------------------------


def name_key(text) -> str:
    """홍 길동, 홍길동, ｈｏｎｇ → one form: NFKC (full-width letters and digits to half-width), no spaces,
    case folded."""
    folded = unicodedata.normalize("NFKC", str(text or "")).casefold()
    return "".join(folded.split())


def school_key(text) -> str:
    return name_key(text)


def duplicates_match(recipients, records) -> dict:
    """Each recipient found on the foundation's list, with the record that names it.

    Candidates share the normalised name and the birth date. Where a recipient has several, those of its own school
    win; where several recipients share a key, a record of one recipient's school goes to that recipient only. Among
    equal candidates the first by (school key, support, row) is taken, so the answer does not depend on the order
    of either list."""
    by_key = defaultdict(list)
    for record in records:
        by_key[(record.name_key, record.birth_date)].append(record)
    for candidates in by_key.values():
        candidates.sort(key=lambda r: (r.school_key, r.support, r.amount, r.row))
    recipients_by_key = defaultdict(list)
    for recipient in recipients:
        recipients_by_key[(recipient.name_key, recipient.birth_date)].append(recipient)
    found = {}
    for key, group in recipients_by_key.items():
        candidates = by_key.get(key)
        if not candidates:
            continue
        schools = {r.school_key for r in group}
        for recipient in group:
            own = [c for c in candidates if c.school_key and c.school_key == recipient.school_key]
            if own:
                found[recipient] = own[0]
                continue
            others = [c for c in candidates if not c.school_key or c.school_key not in schools]
            if others:
                found[recipient] = others[0]
    return found


# --- sub-projects -----------------------------------------------------------------------------------------------


def _union_agreement(agreement: GrantAgreement) -> None:
    if agreement.grantee.kind != Organisation.Kind.LABOUR_ORGANISATION:
        raise field_error("agreement", "노동단체와 맺은 협약이 아닙니다.")


def _title(value, field: str, label: str, max_length: int) -> str:
    text = " ".join(str(value or "").split())
    if not text:
        raise field_error(field, f"{with_object(label)} 적으십시오.")
    if len(text) > max_length:
        raise field_error(field, f"{with_topic(label)} {max_length}자 이내로 적으십시오.")
    return text


def _budget(value, agreement: GrantAgreement, exclude_pk=None) -> int | None:
    if value is None or value == "":
        return None
    amount = amount_check(value, "budget", "사업비", positive=True)
    others = agreement.sub_projects.exclude(pk=exclude_pk).aggregate(s=Sum("budget"))["s"] or 0
    total = agreement.city_amount + agreement.matched_amount
    if others + amount > total:
        raise field_error(
            "budget",
            f"세부사업 사업비의 합({format_won(others + amount)})이 협약 총액({format_won(total)})을 넘습니다.",
        )
    return amount


def _state(value) -> str:
    if value not in SubProject.State.values:
        raise field_error("state", "세부사업의 상태를 목록에서 고르십시오.")
    return value


def _note(value, max_length: int = 200) -> str:
    text = " ".join(str(value or "").split())
    if len(text) > max_length:
        raise field_error("note", f"비고는 {max_length}자 이내로 적으십시오.")
    return text


def sub_project_add(
    *, actor, agreement: GrantAgreement, title: str, budget: int | None = None, state: str = "running", note: str = ""
) -> SubProject:
    require_manage(actor, agreement.programme)
    _union_agreement(agreement)
    title = _title(title, "title", "세부사업명", 200)
    state, note = _state(state), _note(note)
    with transaction.atomic():
        agreement = GrantAgreement.objects.select_for_update().select_related("grantee").get(pk=agreement.pk)
        if agreement.sub_projects.filter(title=title).exists():
            raise field_error("title", f"'{title}' 세부사업이 이미 있습니다.")
        amount = _budget(budget, agreement)
        order = (agreement.sub_projects.aggregate(m=Max("order"))["m"] or 0) + 1
        return SubProject.objects.create(
            agreement=agreement, order=order, title=title, budget=amount, state=state, note=note
        )


def sub_project_update(
    *, actor, sub_project: SubProject, title: str, budget: int | None, state: str, note: str = ""
) -> SubProject:
    agreement = sub_project.agreement
    require_manage(actor, agreement.programme)
    title = _title(title, "title", "세부사업명", 200)
    state, note = _state(state), _note(note)
    with transaction.atomic():
        agreement = GrantAgreement.objects.select_for_update().get(pk=agreement.pk)
        if agreement.sub_projects.filter(title=title).exclude(pk=sub_project.pk).exists():
            raise field_error("title", f"'{title}' 세부사업이 이미 있습니다.")
        amount = _budget(budget, agreement, exclude_pk=sub_project.pk)
        sub_project.title, sub_project.budget, sub_project.state, sub_project.note = title, amount, state, note
        sub_project.save(update_fields=["title", "budget", "state", "note", "updated_at"])
    return sub_project


def sub_project_tranche_assign(*, actor, disbursement: Disbursement, sub_project: SubProject | None = None):
    agreement = disbursement.agreement
    require_manage(actor, agreement.programme)
    if sub_project is not None and sub_project.agreement_id != agreement.pk:
        raise field_error("sub_project", "이 협약의 세부사업이 아닙니다.")
    with transaction.atomic():
        link = SubProjectTranche.objects.select_for_update().filter(disbursement=disbursement).first()
        if sub_project is None:
            if link is not None:
                link.delete()
        elif link is None:
            SubProjectTranche.objects.create(disbursement=disbursement, sub_project=sub_project)
        elif link.sub_project_id != sub_project.pk:
            link.sub_project = sub_project
            link.save(update_fields=["sub_project"])
    return disbursement


# --- scholarships -----------------------------------------------------------------------------------------------


def scholarship_create(
    *, actor, sub_project: SubProject, year: int, title: str, amount_per_student: int, budget: int
) -> Scholarship:
    agreement = sub_project.agreement
    require_manage(actor, agreement.programme)
    _union_agreement(agreement)
    if isinstance(year, bool) or not isinstance(year, int) or not YEAR.fits(year):
        raise field_error("year", YEAR.message)
    title = _title(title, "title", "회차명", 100)
    amount = amount_check(amount_per_student, "amount_per_student", "1인 장학금", positive=True)
    total = amount_check(budget, "budget", "예산", positive=True)
    if total < amount:
        raise field_error("budget", "예산은 1인 장학금 이상이어야 합니다.")
    taken = field_error("title", f"{year}년 '{title}' 회차가 이미 있습니다.")
    if Scholarship.objects.filter(sub_project=sub_project, year=year, title=title).exists():
        raise taken
    try:
        with transaction.atomic():
            return Scholarship.objects.create(
                sub_project=sub_project, year=year, title=title, amount_per_student=amount, budget=total
            )
    except IntegrityError:  # made at the same moment by someone else
        raise taken from None


def _birth_date(value, year: int) -> date:
    if not isinstance(value, date):
        raise field_error("birth_date", "생년월일을 날짜로 적으십시오(예: 2005-03-02).")
    kind = DateKind("", "생년월일", BIRTH_DATE.low, date(year, 12, 31))
    if not kind.fits(value):
        raise field_error("birth_date", kind.message)
    return value


def _records_of(scholarship: Scholarship):
    return list(FoundationRecord.objects.filter(source__scholarship=scholarship))


def _flag(recipient: ScholarshipRecipient, record: FoundationRecord | None) -> bool:
    """Flag (or clear) an undecided recipient; a decided one keeps its decision. True when flagged."""
    if recipient.review in (ScholarshipRecipient.Review.KEPT, ScholarshipRecipient.Review.EXCLUDED):
        return False
    if record is None:
        if recipient.review == ScholarshipRecipient.Review.PENDING:
            recipient.review, recipient.match = ScholarshipRecipient.Review.NONE, None
            recipient.save(update_fields=["review", "match", "updated_at"])
        return False
    if recipient.match_id != record.pk or recipient.review != ScholarshipRecipient.Review.PENDING:
        recipient.review, recipient.match = ScholarshipRecipient.Review.PENDING, record
        recipient.save(update_fields=["review", "match", "updated_at"])
    return True


def scholarship_recipient_add(
    *,
    actor,
    scholarship: Scholarship,
    name: str,
    birth_date: date,
    school: str,
    parent_name: str,
    grade: str = "",
    parent_workplace: str = "",
    amount: int | None = None,
) -> ScholarshipRecipient:
    agreement = scholarship.sub_project.agreement
    require_submit(actor, agreement)
    name = _title(name, "name", "학생 이름", 60)
    birth_date = _birth_date(birth_date, scholarship.year)
    school = _title(school, "school", "학교", 100)
    parent_name = _title(parent_name, "parent_name", "보호자 이름", 60)
    grade = " ".join(str(grade or "").split())
    if len(grade) > 20:
        raise field_error("grade", "학년은 20자 이내로 적으십시오.")
    parent_workplace = " ".join(str(parent_workplace or "").split())
    if len(parent_workplace) > 100:
        raise field_error("parent_workplace", "보호자 사업장은 100자 이내로 적으십시오.")
    if amount is None or amount == "":
        amount = scholarship.amount_per_student
    amount = amount_check(amount, "amount", "장학금", positive=True)
    keys = {"name_key": name_key(name), "birth_date": birth_date, "school_key": school_key(school)}
    with transaction.atomic():
        scholarship = Scholarship.objects.select_for_update().get(pk=scholarship.pk)
        if scholarship.recipients.filter(**keys).exists():
            raise field_error("name", "같은 학생(이름, 생년월일, 학교)이 이 회차에 이미 있습니다.")
        used = (
            scholarship.recipients.exclude(state=ScholarshipRecipient.State.EXCLUDED).aggregate(s=Sum("amount"))["s"]
            or 0
        )
        if used + amount > scholarship.budget:
            raise field_error(
                "amount",
                f"회차 예산({format_won(scholarship.budget)})을 넘습니다: "
                f"남은 예산 {format_won(scholarship.budget - used)}.",
            )
        try:
            with transaction.atomic():
                recipient = ScholarshipRecipient.objects.create(
                    scholarship=scholarship, name=name, school=school, grade=grade, parent_name=parent_name,
                    parent_workplace=parent_workplace, amount=amount, **keys,
                )  # fmt: skip
        except IntegrityError:
            raise field_error("name", "같은 학생(이름, 생년월일, 학교)이 이 회차에 이미 있습니다.") from None
        found = duplicates_match(list(scholarship.recipients.all()), _records_of(scholarship))
        _flag(recipient, found.get(recipient))
    return recipient


# --- the foundation's list ----------------------------------------------------------------------------------------

FOUNDATION_COLUMNS = (
    # key, header, kind, required
    ("name", "성명", "text", True),
    ("birth_date", "생년월일", "date", True),
    ("school", "학교", "text", False),
    ("support", "지원 내용", "text", True),
    ("amount", "지원액", "int", True),
    ("period", "지원 기간", "text", False),
)
TEXT_LIMITS = {"name": 60, "school": 100, "support": 100, "period": 60}


def _cell(value, key: str, kind: str):
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if kind == "text":
        text = " ".join(str(value).split())
        if len(text) > TEXT_LIMITS[key]:
            raise ValueError(f"{TEXT_LIMITS[key]}자 이내여야 합니다")
        return text
    if kind == "int":
        return MONEY.parse_cell(value)
    if isinstance(value, str):
        value = value.strip().replace(".", "-").replace("/", "-")
        parts = value.split("-")
        if len(parts) == 3 and all(p.strip().isdecimal() for p in parts):
            value = f"{int(parts[0]):04d}-{int(parts[1]):02d}-{int(parts[2]):02d}"
        elif len(value) == 8 and value.isdecimal():
            value = f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return BIRTH_DATE.parse_cell(value)


def _table(data: bytes, file_name: str) -> list[tuple[int, list]]:
    """The file's rows with their row numbers (1-based, as a spreadsheet shows them)."""
    if data[:2] == b"PK":
        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
            raise field_error("file", "엑셀(.xlsx) 파일을 읽을 수 없습니다.") from exc
        rows = list(workbook.active.iter_rows(values_only=True, max_row=MAX_IMPORT_ROWS + HEADER_SEARCH_ROWS + 1))
        return [(n, list(row)) for n, row in enumerate(rows, start=1)]
    for encoding in ("utf-8-sig", "cp949"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise field_error("file", "CSV 파일의 글자를 읽을 수 없습니다(UTF-8 또는 CP949로 저장하십시오).")
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error as exc:
        raise field_error("file", "CSV 파일을 읽을 수 없습니다.") from exc
    return [(n, row) for n, row in enumerate(rows, start=1)]


def foundation_rows(data: bytes, file_name: str = "") -> list[dict]:
    """The foundation's list parsed whole: every bad cell named by its row and column, or the rows."""
    if not data:
        raise field_error("file", "파일이 비어 있습니다.")
    table = _table(data, file_name)
    headers = [c[1] for c in FOUNDATION_COLUMNS]
    required = [c[1] for c in FOUNDATION_COLUMNS if c[3]]
    header_at = None
    for number, row in table[:HEADER_SEARCH_ROWS]:
        cells = [" ".join(str(v).split()) if v is not None else "" for v in row]
        if all(h in cells for h in required):
            header_at, positions = number, {h: cells.index(h) for h in headers if h in cells}
            break
    if header_at is None:
        raise field_error("file", f"머리행을 찾을 수 없습니다: {', '.join(required)} 열이 있어야 합니다.")
    body = [(n, row) for n, row in table if n > header_at]
    if len(body) > MAX_IMPORT_ROWS:
        raise field_error("file", f"한 번에 {MAX_IMPORT_ROWS:,}행까지 올릴 수 있습니다.")
    parsed, errors = [], []
    for number, raw in body:
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in raw):
            continue
        row = {"row": number}
        for key, header, kind, needed in FOUNDATION_COLUMNS:
            at = positions.get(header)
            value = raw[at] if at is not None and at < len(raw) else None
            try:
                row[key] = _cell(value, key, kind)
            except ValueError as exc:
                errors.append(f"{number}행 '{header}': {str(exc).rstrip('.')}.")
                continue
            if row[key] is None and needed:
                errors.append(f"{number}행 '{header}': 값이 비어 있습니다.")
        parsed.append(row)
    if errors:
        raise ValidationFailed(
            "한국장학재단 명단에 잘못된 값이 있어 아무것도 저장하지 않았습니다.", field_errors={"file": errors}
        )
    if not parsed:
        raise field_error("file", "명단에 자료 행이 없습니다.")
    return parsed


def foundation_list_import(*, actor, scholarship: Scholarship, data: bytes, file_name: str) -> FoundationImport:
    require_manage(actor, scholarship.sub_project.agreement.programme)
    file_name = " ".join(str(file_name or "").split())[:200] or "(이름 없음)"
    rows = foundation_rows(data, file_name)
    with transaction.atomic():
        scholarship = Scholarship.objects.select_for_update().get(pk=scholarship.pk)
        source = FoundationImport.objects.create(
            scholarship=scholarship, file_name=file_name, imported_by=actor, rows=len(rows), matches=0
        )
        FoundationRecord.objects.bulk_create(
            FoundationRecord(
                source=source, row=row["row"], name=row["name"], name_key=name_key(row["name"]),
                birth_date=row["birth_date"], school=row.get("school") or "",
                school_key=school_key(row.get("school") or ""), support=row["support"], amount=row["amount"],
                period=row.get("period") or "",
            )
            for row in rows
        )  # fmt: skip
        recipients = list(scholarship.recipients.exclude(state=ScholarshipRecipient.State.EXCLUDED))
        found = duplicates_match(recipients, _records_of(scholarship))
        new_records = set(source.records.values_list("pk", flat=True))
        matches = 0
        for recipient in recipients:
            record = found.get(recipient)
            if _flag(recipient, record) and record.pk in new_records:
                matches += 1
        source.matches = matches
        source.save(update_fields=["matches", "updated_at"])
    return source


def scholarship_recipient_decide(
    *, actor, recipient: ScholarshipRecipient, decision: str, reason: str
) -> ScholarshipRecipient:
    require_manage(actor, recipient.scholarship.sub_project.agreement.programme)
    if decision not in (ScholarshipRecipient.Review.KEPT, ScholarshipRecipient.Review.EXCLUDED):
        raise field_error("decision", "지급 유지 또는 제외를 고르십시오.")
    reason = " ".join(str(reason or "").split())
    if len(reason) < REASON_MIN:
        raise field_error("reason", f"결정 사유를 {REASON_MIN}자 이상 적으십시오.")
    if len(reason) > 200:
        raise field_error("reason", "결정 사유는 200자 이내로 적으십시오.")
    with transaction.atomic():
        recipient = ScholarshipRecipient.objects.select_for_update().get(pk=recipient.pk)
        if recipient.review != ScholarshipRecipient.Review.PENDING:
            raise field_error("decision", "중복 확인이 필요한 학생이 아닙니다.")
        if recipient.state != ScholarshipRecipient.State.SELECTED and decision == ScholarshipRecipient.Review.EXCLUDED:
            raise field_error("decision", "이미 지급한 학생은 제외할 수 없습니다.")
        recipient.review, recipient.review_reason = decision, reason
        recipient.reviewed_by = actor if actor is not None else None
        recipient.reviewed_at = timezone.now()
        fields = ["review", "review_reason", "reviewed_by", "reviewed_at", "updated_at"]
        if decision == ScholarshipRecipient.Review.EXCLUDED:
            recipient.state = ScholarshipRecipient.State.EXCLUDED
            fields.append("state")
        recipient.save(update_fields=fields)
    return recipient


def scholarship_recipient_pay(*, actor, recipient: ScholarshipRecipient, paid_on: date) -> ScholarshipRecipient:
    scholarship = recipient.scholarship
    require_manage(actor, scholarship.sub_project.agreement.programme)
    if not isinstance(paid_on, date):
        raise field_error("paid_on", "지급일을 날짜로 적으십시오.")
    date_check(paid_on, "paid_on", "지급일", year=scholarship.year)
    with transaction.atomic():
        recipient = ScholarshipRecipient.objects.select_for_update().get(pk=recipient.pk)
        if recipient.state == ScholarshipRecipient.State.PAID:
            raise field_error("paid_on", "이미 지급한 학생입니다.")
        if recipient.state == ScholarshipRecipient.State.EXCLUDED:
            raise field_error("paid_on", "중복 지원으로 제외된 학생에게는 지급할 수 없습니다.")
        if recipient.review == ScholarshipRecipient.Review.PENDING:
            raise field_error(
                "paid_on",
                "한국장학재단 지원 명단과 겹치는 학생입니다. 중복 확인(지급 유지 또는 제외)을 먼저 결정하십시오.",
            )
        recipient.state, recipient.paid_on = ScholarshipRecipient.State.PAID, paid_on
        recipient.save(update_fields=["state", "paid_on", "updated_at"])
    return recipient
