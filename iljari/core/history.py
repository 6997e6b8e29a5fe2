"""Change history: who changed which record, when, from where, and the values before and after.

Recorded by django-auditlog for every model registered here (each app registers its own in AppConfig.ready
through `track`). The actor and address come from the request (ChangeHistoryMiddleware); an API call
authenticated by token sets its actor once the token is checked (`history_set_actor`). Commands run
without a request are recorded with no actor (the system). Rows written in bulk (which send no signals) get the
same entries through `history_record_created`.
"""

from __future__ import annotations

from auditlog.cid import get_cid
from auditlog.context import auditlog_value
from auditlog.diff import get_field_value, get_fields_in_model, is_primitive, model_instance_diff
from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import DateTimeField, JSONField
from django.db.models.signals import pre_save
from django.utils import timezone
from django.utils.encoding import smart_str

from iljari.core.bulk import rows_insert
from iljari.core.models import MonthLock, User

ALWAYS_EXCLUDED = ("created_at", "updated_at")


def track(model, *, exclude: tuple[str, ...] = ()) -> None:
    """Record every create, update and delete of `model` (timestamps aside: the entry has its own). The reverse
    sides of one-to-one relations (an application's placement) are not the model's own values: left out, so that
    saving a row does not query each of them to find that there is none (two queries per application saved)."""
    if not auditlog.contains(model):
        reverse = [field.name for field in model._meta.related_objects if field.one_to_one]
        auditlog.register(model, exclude_fields=[*ALWAYS_EXCLUDED, *exclude, *reverse])


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


def history_record_created(instances) -> int:
    """The create entries of rows written in bulk (which send no signals): one entry per instance, with the same
    values, actor and address django-auditlog gives an entry of a single save, written in one bulk insert
    (core.bulk.rows_insert). The instances must carry their primary keys. Returns the number of entries written."""
    instances = list(instances)
    if not instances or not auditlog.contains(type(instances[0])):
        return 0
    model = type(instances[0])
    # the actor and address as django-auditlog sets them on an entry it saves: through its pre_save receiver, which
    # is connected only inside the current request's set_actor block (its context variable outlives the block)
    probe = LogEntry()
    pre_save.send(sender=LogEntry, instance=probe, raw=False, using=None, update_fields=None)
    content_type = ContentType.objects.get_for_model(model)
    changes = _created_changes(model)
    constant = (
        content_type.pk,
        LogEntry.Action.CREATE,
        probe.actor_id,
        probe.actor_email,
        probe.remote_addr,
        probe.remote_port,
        get_cid(),
        timezone.now(),
    )
    fields = ("object_pk", "object_id", "object_repr", "changes", "content_type", "action", "actor", "actor_email",
              "remote_addr", "remote_port", "cid", "timestamp")  # fmt: skip
    return rows_insert(
        LogEntry,
        fields,
        ((str(i.pk), i.pk, smart_str(i), changes(i), *constant) for i in instances),
    )


def register_core_models() -> None:
    track(MonthLock, exclude=("changed_at",))
    track(User, exclude=("password", "last_login", "password_changed_at"))
