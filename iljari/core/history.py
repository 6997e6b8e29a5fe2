"""Change history: who changed which record, when, from where, and the values before and after.

Recorded by django-auditlog for every model registered here (each app registers its own in AppConfig.ready
through `track`). The actor and address come from the request (ChangeHistoryMiddleware); an API call
authenticated by token sets its actor once the token is checked (`history_set_actor`). Commands run
without a request are recorded with no actor (the system).

Bulk writes (which send no signals, or would send one per row) are recorded as a batch:

    with history_batch(kind="participation.work_records", label="근무상황 일괄 등록",
                       subject="2018년 3월 강동구 ○○사업장 근무상황", actor=actor) as batch:
        history_bulk_replace(WorkRecord, existing=..., rows=..., key=("placement_id", "month"), fields=...)

`history_batch` writes a `ChangeBatch` (who, when, kind, subject) and sets django-auditlog's correlation id
(`cid`, through AUDITLOG_CID_GETTER) on every entry written inside it, by signal or in bulk; at the end it counts
the batch's entries by action. `history_bulk_replace` diffs a set of rows against the new ones by natural key:
unchanged rows are left alone, changed rows updated with their before and after values, the others deleted or
created, each with its entry. `history_bulk_created` records rows written by `bulk_create`/`rows_insert`;
`history_bulk_deleted` records and deletes; `history_bulk_updated` records and runs a queryset update.

Reading an entry (the history pages and `/api/history`), in plain Korean:
- entry_model_label(entry) -> str   the kind of record by its verbose_name (모집공고), never `intake.call`
- entry_object_text(entry) -> str   the record's name; a person's masked (홍*동)
- entry_change_rows(entry) -> [{field, label, before, after, before_url, after_url}]   each field by its Korean name,
  each value as its own page shows it (choice labels, 1,234원, 2018.7.11., 2018.7.11. 10:37 in Asia/Seoul, 예/아니요,
  a referenced record by its name with a link to its history), personal and encrypted values masked; the other side
  of a relation and the record's own id left out
- history_value_text_register(model, field, describe)   an app says how to read a value only it understands (a
  validation rule's series expression)
- record_history_url(model, pk) -> str   the history of one record
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC
from decimal import Decimal, InvalidOperation
from urllib.parse import urlencode

from auditlog.cid import get_cid
from auditlog.context import auditlog_value, disable_auditlog, set_extra_data
from auditlog.diff import get_field_value, get_fields_in_model, is_primitive, model_instance_diff
from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.db.models import (
    BigIntegerField,
    BooleanField,
    Count,
    DateField,
    DateTimeField,
    DecimalField,
    IntegerField,
    JSONField,
    Model,
    QuerySet,
)
from django.db.models.signals import pre_save
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.encoding import smart_str

from iljari.core.bulk import rows_insert
from iljari.core.exports import mask_name
from iljari.core.formats import format_number, format_won, screen_date, screen_datetime
from iljari.core.models import ChangeBatch, MonthLock, User

_current_batch: ContextVar[ChangeBatch | None] = ContextVar("iljari_change_batch", default=None)

ALWAYS_EXCLUDED = ("created_at", "updated_at")


def track(model, *, exclude: tuple[str, ...] = (), m2m: tuple[str, ...] = ()) -> None:
    """Record every create, update and delete of `model` (timestamps aside: the entry has its own). The reverse
    sides of one-to-one relations (an application's placement) are not the model's own values: left out, so that
    saving a row does not query each of them to find that there is none (two queries per application saved).
    `m2m` names many-to-many fields whose links added and removed are recorded too (a programme's budget lines)."""
    if not auditlog.contains(model):
        reverse = [field.name for field in model._meta.related_objects if field.one_to_one]
        auditlog.register(model, exclude_fields=[*ALWAYS_EXCLUDED, *exclude, *reverse], m2m_fields=set(m2m))


def history_set_actor(user) -> None:
    """Name `user` as the actor of the changes the current request makes (token-authenticated API)."""
    try:
        context = auditlog_value.get()
    except LookupError:
        return
    context["actor"] = user


def _created_changes(model):
    """A function giving an instance's `changes` as django-auditlog writes them for a create (every tracked field
    whose value is not None, as (None, value)), with the fields, the filter and the conversions worked out once
    for the model, not once per row. Falls back to auditlog's own diff where it masks fields or stores text."""
    use_json = settings.AUDITLOG_STORE_JSON_CHANGES
    options = auditlog.get_model_fields(model)
    if options["mask_fields"] or not use_json:
        return lambda instance: model_instance_diff(None, instance, use_json_for_changes=use_json)
    fields = list(get_fields_in_model(model()))
    if options["include_fields"]:
        fields = [field for field in fields if field.name in options["include_fields"]]
    fields = [field for field in fields if field.name not in options["exclude_fields"]]
    getters = []
    for field in fields:
        if isinstance(field, DateTimeField | JSONField):
            getters.append((field.name, lambda instance, field=field: get_field_value(instance, field, True)))
        elif field.is_relation and (field.one_to_one or field.many_to_one) and hasattr(field, "rel_class"):
            getters.append((field.name, lambda instance, name=field.attname: getattr(instance, name)))
        else:
            getters.append((field.name, lambda instance, name=field.name: getattr(instance, name)))

    def changes(instance):
        diff = {}
        for name, get in getters:
            value = get(instance)
            if value is not None:
                diff[name] = (None, value if is_primitive(value) else smart_str(value))
        return diff or None

    return changes


def _context_actor() -> tuple[int | None, str | None, str | None, int | None]:
    """(actor id, actor e-mail, address, port) as django-auditlog sets them on an entry it saves: through its pre_save
    receiver, which is connected only inside the current request's set_actor block (its context variable outlives
    the block)."""
    probe = LogEntry()
    pre_save.send(sender=LogEntry, instance=probe, raw=False, using=None, update_fields=None)
    return probe.actor_id, probe.actor_email, probe.remote_addr, probe.remote_port


ENTRY_FIELDS = ("object_pk", "object_id", "object_repr", "changes", "content_type", "action", "actor", "actor_email",
                "remote_addr", "remote_port", "cid", "timestamp")  # fmt: skip


def _entries_insert(model, action: int, rows: Iterable[tuple]) -> int:
    """Entries of `action` for `rows` of (pk, object_repr, changes), with the actor, address and batch of the
    current context, in one bulk insert."""
    actor_id, actor_email, remote_addr, remote_port = _context_actor()
    constant = (
        ContentType.objects.get_for_model(model).pk,
        action,
        actor_id,
        actor_email,
        remote_addr,
        remote_port,
        get_cid(),
        timezone.now(),
    )
    return rows_insert(
        LogEntry,
        ENTRY_FIELDS,
        ((str(pk), pk if isinstance(pk, int) else None, text[:255] if text else "", changes, *constant)
         for pk, text, changes in rows),
    )  # fmt: skip


def _value(value):
    """A value as django-auditlog stores it in JSON changes: primitives as they are, anything else as text."""
    return value if value is None or is_primitive(value) else smart_str(value)


def history_bulk_created(instances, *, describe: Callable[[Model], str] | None = None) -> int:
    """The create entries of rows written in bulk (which send no signals): one entry per instance, with the same
    values, actor and address django-auditlog gives an entry of a single save, written in one bulk insert
    (core.bulk.rows_insert). The instances must carry their primary keys. `describe` gives an entry's object text
    (default `str(instance)`; pass one where `__str__` would query related rows). Returns the number of entries."""
    instances = list(instances)
    if not instances or not auditlog.contains(type(instances[0])):
        return 0
    model = type(instances[0])
    changes = _created_changes(model)
    describe = describe or smart_str
    return _entries_insert(model, LogEntry.Action.CREATE, ((i.pk, describe(i), changes(i)) for i in instances))


history_record_created = history_bulk_created  # the earlier name (people.person_register_many)


def history_bulk_deleted(queryset: QuerySet, *, describe: Callable[[Model], str] | None = None) -> int:
    """Record the delete of every row of `queryset` (its tracked values as before, None after), then delete them
    (without a signal-written entry per row). Returns the number of rows deleted."""
    model = queryset.model
    if not auditlog.contains(model):
        return queryset.delete()[0]
    rows = list(queryset.order_by())
    if not rows:
        return 0
    changes = _created_changes(model)
    describe = describe or smart_str
    entries = []
    for row in rows:
        created = changes(row) or {}
        entries.append((row.pk, describe(row), {name: (value, None) for name, (_, value) in created.items()}))
    _entries_insert(model, LogEntry.Action.DELETE, entries)
    with disable_auditlog():
        model.objects.filter(pk__in=[row.pk for row in rows]).delete()
    return len(rows)


def history_bulk_updated(queryset: QuerySet, values: dict, *, describe: Callable[[dict], str] | None = None) -> int:
    """Set `values` (field attname → value) on every row of `queryset` in one UPDATE, recording an update entry with
    the before and after values of each row whose values change. Rows that already hold the values are not counted.
    `describe` takes the row's values (pk and the fields). Returns the number of rows changed."""
    model = queryset.model
    names = list(values)
    rows = list(queryset.order_by().values("pk", *names))
    moved = [row for row in rows if any(row[name] != values[name] for name in names)]
    if not moved:
        return 0
    if auditlog.contains(model):
        describe = describe or (lambda row: f"{model._meta.verbose_name} #{row['pk']}")
        _entries_insert(
            model,
            LogEntry.Action.UPDATE,
            (
                (row["pk"], describe(row),
                 {_field_name(model, n): [_value(row[n]), _value(values[n])] for n in names if row[n] != values[n]})
                for row in moved
            ),
        )  # fmt: skip
    extra = {"updated_at": timezone.now()} if _has_field(model, "updated_at") else {}
    if len(moved) == len(rows):  # the caller's own statement (its filter already leaves out rows that hold them)
        queryset.update(**values, **extra)
        return len(moved)
    pks = [row["pk"] for row in moved]
    for start in range(0, len(pks), 5000):
        model.objects.filter(pk__in=pks[start : start + 5000]).update(**values, **extra)
    return len(moved)


def _has_field(model, name: str) -> bool:
    return any(field.name == name for field in model._meta.concrete_fields)


@dataclass
class BulkChange:
    created: int = 0
    changed: int = 0
    deleted: int = 0
    unchanged: int = 0


def history_bulk_replace(
    model,
    *,
    existing: QuerySet,
    rows: Iterable[Model],
    key: Sequence[str],
    fields: Sequence[str],
    extra: Sequence[str] = (),
    describe: Callable[[Model], str] | None = None,
    keep_missing: bool = False,
) -> BulkChange:
    """Make `existing` (the rows of one scope: a worksite's month) hold exactly `rows` (unsaved instances), matched
    by the natural `key` (attnames: ("placement_id", "month")): a row whose `fields` are equal is left untouched; one
    whose fields differ is updated (with `extra`, written but not compared: who entered it, when) and recorded with
    its before and after values; rows only in `rows` are created and rows only in `existing` deleted (left alone
    with `keep_missing`: a sheet that lists only some of the scope's rows), each recorded.
    Inside the caller's transaction. Returns the counts (also added to the current batch's unchanged count)."""
    rows = list(rows)
    describe = describe or smart_str
    columns = [*key, *fields]
    old: dict[tuple, tuple] = {}  # natural key → (key…, fields…, pk)
    for values in existing.order_by().values_list(*columns, "pk").iterator(chunk_size=10_000):
        old[values[: len(key)]] = values
    width = len(key)
    result = BulkChange()
    changed: list[tuple[Model, dict]] = []
    created: list[Model] = []
    seen: set[tuple] = set()
    for row in rows:
        natural = tuple(getattr(row, name) for name in key)
        seen.add(natural)
        before = old.get(natural)
        if before is None:
            created.append(row)
            continue
        diff = {}
        for position, name in enumerate(fields, start=width):
            after = getattr(row, name)
            if before[position] != after:
                diff[_field_name(model, name)] = [_value(before[position]), _value(after)]
        if diff:
            row.pk = before[-1]
            changed.append((row, diff))
        else:
            result.unchanged += 1
    gone = [] if keep_missing else [values[-1] for natural, values in old.items() if natural not in seen]
    tracked = auditlog.contains(model)
    for start in range(0, len(gone), 5000):  # an IN list SQLite takes
        result.deleted += history_bulk_deleted(
            model.objects.filter(pk__in=gone[start : start + 5000]), describe=describe
        )
    if changed:
        stamp = ["updated_at"] if _has_field(model, "updated_at") else []
        now = timezone.now()
        for row, _ in changed:
            if stamp:
                row.updated_at = now
        with disable_auditlog():
            model.objects.bulk_update([row for row, _ in changed], [*fields, *extra, *stamp], batch_size=1000)
        if tracked:
            _entries_insert(model, LogEntry.Action.UPDATE, ((row.pk, describe(row), diff) for row, diff in changed))
        result.changed = len(changed)
    if created:
        names = [*columns, *extra]
        rows_insert(model, names, ([getattr(row, name) for name in names] for row in created))
        if tracked:
            fresh = {tuple(getattr(row, name) for name in key): row for row in created}
            for values in existing.order_by().values_list(*key, "pk").iterator(chunk_size=10_000):
                row = fresh.get(values[:width])
                if row is not None and values[:width] not in old:
                    row.pk = values[-1]
            history_bulk_created(created, describe=describe)
        result.created = len(created)
    batch = _current_batch.get()
    if batch is not None:
        batch.unchanged += result.unchanged
    return result


def _field_name(model, attname: str) -> str:
    """The field's name for an attname (placement_id → placement), as django-auditlog keys its changes."""
    for field in model._meta.concrete_fields:
        if field.attname == attname:
            return field.name
    return attname


def history_batch_cid() -> str | None:
    """AUDITLOG_CID_GETTER: the correlation id of the batch being written, if any (no request header sets it)."""
    batch = _current_batch.get()
    return batch.cid if batch is not None else None


@contextmanager
def history_batch(*, kind: str, label: str, subject: str, actor=None) -> Iterator[ChangeBatch]:
    """One `ChangeBatch` for the writes inside the block, in one transaction: every change-history entry written
    inside it carries the batch's id; at the end the batch counts them by action. `actor` names the person (None:
    the request's user, or the system)."""
    actor_id, _, remote_addr, remote_port = _context_actor()
    with ExitStack() as stack, transaction.atomic():
        if actor is not None and actor.pk != actor_id:
            # a job or command acting for a person: its entries name that person too (auditlog's own context is
            # never reset by it, so it is put back as it was when the block ends)
            previous = auditlog_value.set({})
            stack.callback(auditlog_value.reset, previous)
            context = {"actor": actor, "remote_addr": remote_addr, "remote_port": remote_port}
            stack.enter_context(set_extra_data(context_data=context))
        batch = ChangeBatch.objects.create(
            kind=kind,
            kind_label=label,
            subject=subject[:200],
            actor_id=actor.pk if actor is not None else actor_id,
            remote_addr=remote_addr,
        )
        token = _current_batch.set(batch)
        try:
            yield batch
        finally:
            _current_batch.reset(token)
        counts = dict(LogEntry.objects.filter(cid=batch.cid).order_by().values_list("action").annotate(n=Count("id")))
        batch.created = counts.get(LogEntry.Action.CREATE, 0)
        batch.changed = counts.get(LogEntry.Action.UPDATE, 0)
        batch.deleted = counts.get(LogEntry.Action.DELETE, 0)
        batch.save(update_fields=["created", "changed", "deleted", "unchanged"])


# --- reading an entry: Korean names, values as their pages show them, personal values masked --------------------

MONEY_FIELD_TYPES = (BigIntegerField,)  # money is integer 원 in a BigIntegerField (DESIGN.md)
MONEY_FIELD_WORDS = ("wage", "amount", "pay", "total")  # money kept in a smaller integer field (hourly_wage)
NOT_MONEY_FIELDS = {"seed", "size", "pruned_through", "pruned_count", "last_entry_id"}  # big integers of other kinds
PERSONAL_FIELDS = {"name", "phone", "email", "address", "birth_date", "rrn", "rrn_index", "mobile"}
PERSONAL_APPS = {"people"}  # whose records are persons: their names and text masked too
HIDDEN = "●●●"
YES_NO = {"True": "예", "False": "아니요", "true": "예", "false": "아니요", "1": "예", "0": "아니요"}


_VALUE_TEXTS: dict[tuple[str, str], Callable[[str], str]] = {}


def history_value_text_register(model, field_name: str, describe: Callable[[str], str]) -> None:
    """How the history shows a stored value of one field that only its app can read (a validation rule's series
    expression `jobs.target.kind[indirect]` → 일자리 목표 간접일자리): `describe(value) -> Korean text`."""
    _VALUE_TEXTS[(model._meta.label_lower, field_name)] = describe


def _mask(value) -> str:
    return mask_name(value) if value not in (None, "") else ""


def entry_object_text(entry: LogEntry) -> str:
    """The entry's object text; a person's record shows its name masked."""
    if entry.content_type.app_label in PERSONAL_APPS:
        name, _, rest = (entry.object_repr or "").partition(" ")
        return f"{_mask(name)} {rest}".strip()
    return entry.object_repr


def entry_model_label(entry: LogEntry) -> str:
    """The Korean name of the entry's kind of record (`모집공고`), never `intake.call`."""
    model = entry.content_type.model_class()
    return str(model._meta.verbose_name) if model is not None else "삭제된 자료 종류"


def record_history_url(model, pk) -> str:
    """The change history of one record: where the auditor may open any record an entry names."""
    query = urlencode({"model": f"{model._meta.app_label}.{model._meta.model_name}", "object_pk": pk})
    return f"{reverse('core:history_list')}?{query}"


def entry_change_rows(entry: LogEntry) -> list[dict]:
    """The entry's changed fields as rows of (label, before, after) for the screen and the API: each field by its
    Korean name (verbose_name), each value as its own page shows it — a choice by its label, money as `1,234원`,
    numbers with thousands separators, dates and times in the screen style (Asia/Seoul), 예/아니요, a referenced
    record by its name (with `before_url`/`after_url`: that record's history) — and a person's identifying values
    masked (name → 홍*동, contact details, birth dates and encrypted values hidden)."""
    model = entry.content_type.model_class()
    personal_record = entry.content_type.app_label in PERSONAL_APPS
    raw = []
    for name, values in (entry.changes_dict or {}).items():
        field = None
        if model is not None:
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                field = None
        if field is not None and field.is_relation and not field.concrete and not field.many_to_many:
            continue  # the other side of a relation (a unit's budget lines): not a value of this record
        if field is not None and field.primary_key:
            continue  # the record's own number: the entry names the record already
        before, after = (list(values) + [None, None])[:2] if isinstance(values, list | tuple) else (None, values)
        raw.append((name, field, before, after))
    names = _related_names(raw)
    rows = []
    for name, field, before, after in raw:
        label = str(field.verbose_name) if field is not None else "없어진 항목"  # a field removed since
        row = {"field": name, "label": label}
        for side, value in (("before", before), ("after", after)):
            text, url = _display(field, name, value, personal_record, names)
            row[side] = text
            row[f"{side}_url"] = url
        rows.append(row)
    return rows


def _related_names(raw) -> dict[tuple, str]:
    """The names of the records the entry's foreign keys point to, one query per related model: {(model, pk):
    name}; a person's name masked."""
    wanted: dict = {}
    for _, field, before, after in raw:
        if field is not None and field.is_relation and (field.many_to_one or field.one_to_one):
            for value in (before, after):
                if value not in (None, "", "None"):
                    wanted.setdefault(field.related_model, set()).add(str(value))
    names = {}
    for related, pks in wanted.items():
        try:
            found = related._default_manager.filter(pk__in=list(pks))
        except (TypeError, ValueError):  # pragma: no cover - a stored value of the wrong type
            continue
        for record in found:
            text = smart_str(record)
            if related._meta.app_label in PERSONAL_APPS:
                text = _mask(getattr(record, "name", "") or text)
            names[(related, str(record.pk))] = text
    return names


def _display(field, name: str, value, personal_record: bool, names: dict) -> tuple[str, str | None]:
    """(the text of one stored value as its page shows it, the URL of the record it names or None)."""
    if value is None or value == "None" or value == "":
        return "", None
    if name in PERSONAL_FIELDS and (personal_record or name != "name"):
        return (_mask(value) if name == "name" else HIDDEN), None
    if field is not None and type(field).__name__.startswith("Encrypted"):
        return HIDDEN, None
    describe = _VALUE_TEXTS.get((field.model._meta.label_lower, name)) if field is not None else None
    if describe is not None:
        return describe(smart_str(value)), None
    if field is not None and field.is_relation and field.related_model is not None:
        related = field.related_model
        text = names.get((related, str(value)))
        if text is None:
            return f"삭제된 {related._meta.verbose_name}", None
        return text, record_history_url(related, value)
    if field is not None and field.choices:
        labels = {str(key): str(label) for key, label in field.flatchoices}
        return labels.get(str(value), smart_str(value)), None
    if isinstance(field, BooleanField):
        return YES_NO.get(str(value), smart_str(value)), None
    if isinstance(field, DateTimeField):
        moment = parse_datetime(str(value))
        if moment is not None and timezone.is_naive(moment):
            moment = timezone.make_aware(moment, UTC)  # django-auditlog stores a moment as naive UTC
        return (screen_datetime(moment) if moment else smart_str(value)), None
    if isinstance(field, DateField):
        day = parse_date(str(value)[:10])
        return (screen_date(day) if day else smart_str(value)), None
    is_integer = isinstance(field, IntegerField) and not (field.is_relation if field is not None else False)
    if is_integer:
        try:
            number = int(value)
        except (TypeError, ValueError):
            return smart_str(value), None
        money = isinstance(field, MONEY_FIELD_TYPES) or any(word in name for word in MONEY_FIELD_WORDS)
        if money and name not in NOT_MONEY_FIELDS:
            return format_won(number), None
        return format_number(number), None
    if isinstance(field, DecimalField):
        try:
            number = Decimal(str(value))
        except (InvalidOperation, ValueError):
            return smart_str(value), None
        return format_number(number, decimals=max(0, -number.normalize().as_tuple().exponent)), None
    return smart_str(value), None


def register_core_models() -> None:
    track(MonthLock, exclude=("changed_at",))
    track(User, exclude=("password", "last_login", "password_changed_at"))
