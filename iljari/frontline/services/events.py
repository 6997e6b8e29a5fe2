"""Events and campaigns: writes (docs/events.md).

Contract (`actor=None` is the system: the demo loader). Every service is for the office manager or the staff of the
event's division (`access_frontline_manage`), runs in one transaction, refuses bad input in Korean with nothing
written, and is recorded in the change history (the models are tracked in FrontlineConfig.ready):
- event_set(*, actor, code, kind, title, programme, division, starts_on, ends_on, new=False, event=None,
      organisers="", partner=None, place="", capacity=None, state="planned", counting="none", sessions=None,
      call=None, note="") -> Event
      new=True makes a new code (refused when taken); `event` edits that one (its code is kept). The programme is
      the division's; the period runs forward; counting by registrations needs a sessions programme of the same
      division that no other event holds.
- event_committee_add(*, actor, event, name, formed_on, members=None, note="") -> EventCommittee   by name
- event_tally_record(*, actor, event, day, place, count, method, note="") -> EventTally
      an open event's headcount on a day of its period at a place (the same day and place again: corrected); never
      for a day still to come.
- event_guest_set(*, actor, event, name, kind, country="", affiliation="", invited_on=None, reply="invited")
      -> EventGuest   by name (again: the reply and details updated)
- event_visit_record(*, actor, event, organisation, visited_on, participants=0, article=None, note="")
      -> EventVisit   a company tour's visit; the article is one about the visited organisation
- event_document_upload(*, actor, event, kind, title, issued_on, upload) -> EventDocument   PDF, JPG or PNG
      (told by its first bytes), at most 20MB
- event_entry_set(*, actor, event, title, proposed_on, proposer="", pledged=None, note="") -> EventEntry
      a contest's proposal by title (again: its proposer, day, pledged amount and note corrected); only for a
      contest (공모전·해커톤), proposed on or before the event's last day, never on a day still to come; the
      pledged amount (모의금액) in 원, 0 or more, or empty
- event_entry_advance(*, actor, entry, stage, on) -> EventEntry   one step forward only (제안 → 선정 → 시상), on a
      day not before the entry's previous stage, not after the event's last day, not still to come
"""

from __future__ import annotations

from datetime import date

from django.db import transaction

from iljari.core.errors import ValidationFailed, field_error
from iljari.core.files import file_store
from iljari.core.formats import screen_date
from iljari.core.korean import with_object, with_topic
from iljari.frontline.models import (
    Event,
    EventCommittee,
    EventDocument,
    EventEntry,
    EventGuest,
    EventTally,
    EventVisit,
    Programme,
)
from iljari.frontline.services.common import code_errors, raise_errors, require_manage, today

DOCUMENT_MAX_BYTES = 20 * 1024 * 1024
DOCUMENT_SIGNATURES = (
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
)


def _text(errors: dict, field: str, value, label: str, limit: int, *, required: bool = True) -> str:
    value = (value or "").strip()
    if required and not value:
        errors[field] = [f"{with_object(label)} 입력하십시오."]
    elif len(value) > limit:
        errors[field] = [f"{with_topic(label)} {limit:,}자까지 입력합니다."]
    return value


def _choice(errors: dict, field: str, value, choices, label: str) -> None:
    if value not in choices.values:
        errors[field] = [f"{with_object(label)} 고르십시오."]


def event_set(
    *,
    actor,
    code: str,
    kind: str,
    title: str,
    programme,
    division,
    starts_on: date | None,
    ends_on: date | None,
    new: bool = False,
    event: Event | None = None,
    organisers: str = "",
    partner=None,
    place: str = "",
    capacity: int | None = None,
    state: str = Event.State.PLANNED,
    counting: str = Event.Counting.NONE,
    sessions: Programme | None = None,
    call=None,
    note: str = "",
) -> Event:
    require_manage(actor, division)
    if event is None and not new:
        event = Event.objects.filter(code=code).select_related("division").first()
    if event is not None:
        require_manage(actor, event.division)
        code = event.code
    errors = code_errors(Event, code, new and event is None)
    _choice(errors, "kind", kind, Event.Kind, "행사 구분")
    _choice(errors, "state", state, Event.State, "상태")
    _choice(errors, "counting", counting, Event.Counting, "참여 인원 집계 방법")
    title = _text(errors, "title", title, "행사명", 200)
    organisers = _text(errors, "organisers", organisers, "주최·주관", 300, required=False)
    place = _text(errors, "place", place, "장소", 200, required=False)
    note = _text(errors, "note", note, "비고", 5000, required=False)
    if programme is None:
        errors["programme"] = ["주요업무를 고르십시오."]
    elif programme.division_id != division.pk:
        errors["programme"] = [f"{with_topic(programme.title)} {division.name}의 주요업무가 아닙니다."]
    if starts_on is None:
        errors["starts_on"] = ["시작일을 입력하십시오."]
    if ends_on is None:
        errors["ends_on"] = ["종료일을 입력하십시오."]
    elif starts_on is not None and ends_on < starts_on:
        errors["ends_on"] = ["종료일은 시작일과 같거나 그 뒤여야 합니다."]
    if capacity is not None and not 1 <= capacity <= 10_000_000:
        errors["capacity"] = ["규모는 1명 이상으로 입력하거나 비워 두십시오."]
    if sessions is not None:
        if sessions.division_id != division.pk:
            errors["sessions"] = [f"{with_topic(sessions.title)} {division.name}의 프로그램이 아닙니다."]
        elif Event.objects.filter(sessions=sessions).exclude(pk=getattr(event, "pk", None)).exists():
            errors["sessions"] = [f"{with_topic(sessions.title)} 이미 다른 행사의 회차입니다."]
    if counting == Event.Counting.REGISTRATIONS and sessions is None:
        errors["counting"] = ["신청·출석 명단으로 집계하려면 회차·신청 프로그램을 고르십시오."]
    raise_errors(errors)
    values = {
        "kind": kind,
        "title": title,
        "programme": programme,
        "division": division,
        "organisers": organisers,
        "partner": partner,
        "starts_on": starts_on,
        "ends_on": ends_on,
        "place": place,
        "capacity": capacity,
        "state": state,
        "counting": counting,
        "sessions": sessions,
        "call": call,
        "note": note,
    }
    with transaction.atomic():
        if event is None:
            return Event.objects.create(code=code, **values)
        event = Event.objects.select_for_update().get(pk=event.pk)
        changed = [name for name, value in values.items() if getattr(event, name) != value]
        if event.counting == Event.Counting.TALLY and counting != Event.Counting.TALLY and event.tallies.exists():
            raise field_error("counting", "현장 인원 집계가 있는 행사는 집계 방법을 바꿀 수 없습니다.")
        outside = event.tallies.exclude(day__range=(starts_on, ends_on)).first()
        if outside is not None:
            raise field_error(
                "starts_on", f"{screen_date(outside.day)}의 인원 집계가 있어 기간을 그 날 밖으로 바꿀 수 없습니다."
            )
        if changed:
            for name in changed:
                setattr(event, name, values[name])
            event.save(update_fields=[*changed, "updated_at"])
    return event


def event_committee_add(
    *, actor, event: Event, name: str, formed_on: date | None, members: int | None = None, note: str = ""
) -> EventCommittee:
    require_manage(actor, event.division)
    errors: dict[str, list[str]] = {}
    name = _text(errors, "name", name, "위원회 이름", 120)
    note = _text(errors, "note", note, "비고", 300, required=False)
    if formed_on is None:
        errors["formed_on"] = ["구성일을 입력하십시오."]
    if members is not None and not 1 <= members <= 10_000:
        errors["members"] = ["위원 수는 1명 이상으로 입력하거나 비워 두십시오."]
    raise_errors(errors)
    with transaction.atomic():
        committee, _ = EventCommittee.objects.update_or_create(
            event=event, name=name, defaults={"formed_on": formed_on, "members": members, "note": note}
        )
    return committee


def event_tally_record(
    *, actor, event: Event, day: date | None, place: str, count: int | None, method: str, note: str = ""
) -> EventTally:
    require_manage(actor, event.division)
    errors: dict[str, list[str]] = {}
    if event.counting != Event.Counting.TALLY:
        raise ValidationFailed(f"{with_topic(event.title)} 현장 인원 집계로 세는 행사가 아닙니다.")
    place = _text(errors, "place", place, "장소", 120)
    note = _text(errors, "note", note, "비고", 300, required=False)
    _choice(errors, "method", method, EventTally.Method, "집계 방법")
    if day is None:
        errors["day"] = ["날짜를 입력하십시오."]
    elif not event.starts_on <= day <= event.ends_on:
        errors["day"] = [f"행사 기간({event.period_text}) 안의 날짜를 입력하십시오."]
    elif actor is not None and day > today():
        errors["day"] = ["아직 오지 않은 날의 인원은 기록할 수 없습니다."]
    if count is None or not 1 <= count <= 10_000_000:
        errors["count"] = ["인원은 1명 이상으로 입력하십시오."]
    raise_errors(errors)
    with transaction.atomic():
        tally, _ = EventTally.objects.update_or_create(
            event=event, day=day, place=place, defaults={"count": count, "method": method, "note": note}
        )
    return tally


def event_guest_set(
    *,
    actor,
    event: Event,
    name: str,
    kind: str,
    country: str = "",
    affiliation: str = "",
    invited_on: date | None = None,
    reply: str = EventGuest.Reply.INVITED,
) -> EventGuest:
    require_manage(actor, event.division)
    errors: dict[str, list[str]] = {}
    name = _text(errors, "name", name, "초청 대상 이름", 200)
    country = _text(errors, "country", country, "국가", 60, required=False)
    affiliation = _text(errors, "affiliation", affiliation, "도시·기관", 200, required=False)
    _choice(errors, "kind", kind, EventGuest.Kind, "초청 대상 구분")
    _choice(errors, "reply", reply, EventGuest.Reply, "회신")
    if invited_on is not None and invited_on > event.ends_on:
        errors["invited_on"] = ["초청일은 행사가 끝나기 전이어야 합니다."]
    raise_errors(errors)
    with transaction.atomic():
        guest, _ = EventGuest.objects.update_or_create(
            event=event,
            name=name,
            defaults={
                "kind": kind,
                "country": country,
                "affiliation": affiliation,
                "invited_on": invited_on,
                "reply": reply,
            },
        )
    return guest


def event_visit_record(
    *,
    actor,
    event: Event,
    organisation,
    visited_on: date | None,
    participants: int | None = 0,
    article=None,
    note: str = "",
) -> EventVisit:
    require_manage(actor, event.division)
    if event.kind != Event.Kind.COMPANY_TOUR:
        raise ValidationFailed(f"{with_topic(event.title)} 기업탐방이 아니어서 기업 방문을 기록하지 않습니다.")
    errors: dict[str, list[str]] = {}
    note = _text(errors, "note", note, "비고", 300, required=False)
    if organisation is None:
        errors["organisation"] = ["방문 기업을 고르십시오."]
    if visited_on is None:
        errors["visited_on"] = ["방문일을 입력하십시오."]
    elif not event.starts_on <= visited_on <= event.ends_on:
        errors["visited_on"] = [f"행사 기간({event.period_text}) 안의 날짜를 입력하십시오."]
    if participants is None or not 0 <= participants <= 10_000:
        errors["participants"] = ["참여 청년 수는 0명 이상으로 입력하십시오."]
    if article is not None and organisation is not None and article.organisation_id != organisation.pk:
        errors["article"] = [f"{with_topic(article.title)} {organisation.name}의 탐방기사가 아닙니다."]
    raise_errors(errors)
    with transaction.atomic():
        visit, _ = EventVisit.objects.update_or_create(
            event=event,
            organisation=organisation,
            visited_on=visited_on,
            defaults={"participants": participants, "article": article, "note": note},
        )
    return visit


def _document_type(upload) -> str:
    if upload is None:
        raise field_error("upload", "올릴 파일을 고르십시오.")
    if upload.size > DOCUMENT_MAX_BYTES:
        raise field_error("upload", "파일은 20MB까지 올릴 수 있습니다.")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for signature, content_type in DOCUMENT_SIGNATURES:
        if head.startswith(signature):
            return content_type
    raise field_error("upload", "PDF, JPG, PNG 파일만 올릴 수 있습니다.")


def event_document_upload(
    *, actor, event: Event, kind: str, title: str, issued_on: date | None, upload
) -> EventDocument:
    require_manage(actor, event.division)
    errors: dict[str, list[str]] = {}
    title = _text(errors, "title", title, "제목", 200)
    _choice(errors, "kind", kind, EventDocument.Kind, "문서 구분")
    if issued_on is None:
        errors["issued_on"] = ["발간일을 입력하십시오."]
    raise_errors(errors)
    file_type = _document_type(upload)
    with transaction.atomic():
        document = EventDocument(
            event=event,
            kind=kind,
            title=title,
            issued_on=issued_on,
            file_type=file_type,
            file_name=(upload.name or "문서")[-200:],
            uploaded_by=actor,
        )
        file_store(document.file, document.file_name, upload)
        document.save()
    return document


PLEDGE_MAX = 10**13  # 10조원: more is a typing mistake


def event_entry_set(
    *,
    actor,
    event: Event,
    title: str,
    proposed_on: date | None,
    proposer: str = "",
    pledged: int | None = None,
    note: str = "",
) -> EventEntry:
    require_manage(actor, event.division)
    if event.kind != Event.Kind.CONTEST:
        raise ValidationFailed(f"{with_topic(event.title)} 공모전·해커톤이 아니어서 제안사업을 기록하지 않습니다.")
    errors: dict[str, list[str]] = {}
    title = _text(errors, "title", title, "제안사업 이름", 200)
    proposer = _text(errors, "proposer", proposer, "제안자", 200, required=False)
    note = _text(errors, "note", note, "비고", 300, required=False)
    if proposed_on is None:
        errors["proposed_on"] = ["제안일을 입력하십시오."]
    elif proposed_on > event.ends_on:
        errors["proposed_on"] = [f"제안일은 행사가 끝나는 날({screen_date(event.ends_on)})이나 그 전이어야 합니다."]
    elif actor is not None and proposed_on > today():
        errors["proposed_on"] = ["아직 오지 않은 날을 제안일로 기록할 수 없습니다."]
    if pledged is not None and not 0 <= pledged <= PLEDGE_MAX:
        errors["pledged"] = ["모의금액은 0원 이상으로 입력하거나 비워 두십시오."]
    raise_errors(errors)
    with transaction.atomic():
        entry = EventEntry.objects.select_for_update().filter(event=event, title=title).first()
        if entry is None:
            return EventEntry.objects.create(
                event=event, title=title, proposer=proposer, proposed_on=proposed_on, pledged=pledged, note=note
            )
        if entry.selected_on is not None and proposed_on > entry.selected_on:
            raise field_error("proposed_on", f"제안일은 선정일({screen_date(entry.selected_on)})보다 늦을 수 없습니다.")
        values = {"proposer": proposer, "proposed_on": proposed_on, "pledged": pledged, "note": note}
        changed = [name for name, value in values.items() if getattr(entry, name) != value]
        if changed:
            for name in changed:
                setattr(entry, name, values[name])
            entry.save(update_fields=[*changed, "updated_at"])
    return entry


def event_entry_advance(*, actor, entry: EventEntry, stage: str, on: date | None) -> EventEntry:
    event = entry.event
    require_manage(actor, event.division)
    with transaction.atomic():
        entry = EventEntry.objects.select_for_update().get(pk=entry.pk)
        label = dict(EventEntry.Stage.choices)
        if stage not in EventEntry.Stage.values:
            raise field_error("stage", "단계를 고르십시오.")
        if entry.next_stage is None:
            raise ValidationFailed(f"{with_topic(entry.title)} 이미 시상까지 마쳤습니다.")
        if stage != entry.next_stage:
            raise field_error(
                "stage",
                f"{with_topic(entry.title)} 지금 {label[entry.stage]} 단계여서 "
                f"{label[entry.next_stage]} 단계로만 올릴 수 있습니다.",
            )
        previous = entry.proposed_on if stage == EventEntry.Stage.SELECTED else entry.selected_on
        word = "제안일" if stage == EventEntry.Stage.SELECTED else "선정일"
        if on is None:
            raise field_error("on", f"{label[stage]}일을 입력하십시오.")
        if on < previous:
            raise field_error("on", f"{label[stage]}일은 {word}({screen_date(previous)})보다 앞설 수 없습니다.")
        if on > event.ends_on:
            raise field_error(
                "on", f"{label[stage]}일은 행사가 끝나는 날({screen_date(event.ends_on)})이나 그 전이어야 합니다."
            )
        if actor is not None and on > today():
            raise field_error("on", "아직 오지 않은 날로 기록할 수 없습니다.")
        entry.stage = stage
        fields = ["stage", "updated_at"]
        if stage == EventEntry.Stage.SELECTED:
            entry.selected_on = on
            fields.append("selected_on")
        else:
            entry.awarded_on = on
            fields.append("awarded_on")
        entry.save(update_fields=fields)
    return entry
