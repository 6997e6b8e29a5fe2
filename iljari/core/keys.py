"""Encryption keys of personal data at rest, and their rotation with no downtime.

Every encrypted field (django-fernet-encrypted-fields; today people.Person.rrn and people.PayAccount.number) derives its
keys from SECRET_KEY (and SECRET_KEY_FALLBACKS) and the salts in SALT_KEY — the environment's PERSONAL_DATA_KEYS, or the
file named by PERSONAL_DATA_KEYS_FILE, one key a line, newest first. The newest key encrypts; every key decrypts. Keys
are never in the repository.

Rotating: put the new key first (keeping the old ones), restart — new writes use the new key, everything still
reads —, run `iljari keys rotate`, which re-encrypts in batches of short transactions (each batch's rows locked, so
a concurrent edit is never lost), then drop the old key. `iljari keys status` counts the values per key.

Blind indexes (an HMAC of a value for exact look-ups; today people.Person.rrn_index under PERSONAL_DATA_INDEX_KEYS,
newest first) are rotated the same way: the app that owns one registers its status and rotate functions here
(`blind_index_register`, in its AppConfig.ready); look-ups try every configured key while the stored indexes are
recomputed under the newest, so a person is found before, during and after the rotation.

Contract:
- encrypted_fields() -> list[(model, field)]
- keys_reset()   forget the derived keys (after a settings change; connected to setting_changed)
- key_status() -> list[FieldStatus(label, total, current, older, unreadable)]
- keys_rotate(*, batch_size=500, on_batch=None) -> list[FieldStatus]   the status after rotation
- blind_index_register(label, *, status, rotate)
      status() -> FieldStatus; rotate(*, batch_size, on_batch) -> FieldStatus
- blind_index_status() -> list[FieldStatus]
- blind_indexes_rotate(*, batch_size=500, on_batch=None) -> list[FieldStatus]
- key_fingerprints() -> dict[setting name, [fingerprint, ...]]   the configured keys, newest first, as short
      one-way fingerprints (never the keys): what a backup's manifest records and a restore compares
- fingerprint(key) -> str
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from cryptography.fernet import Fernet, InvalidToken
from django.apps import apps
from django.conf import settings
from django.core.signals import setting_changed
from django.db import transaction
from django.db.models import TextField
from django.db.models.functions import Cast
from django.dispatch import receiver
from encrypted_fields.fields import EncryptedFieldMixin

KEY_SETTINGS = {"SALT_KEY", "SECRET_KEY", "SECRET_KEY_FALLBACKS"}


def encrypted_fields() -> list:
    return [
        (model, field)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, EncryptedFieldMixin)
    ]


def keys_reset() -> None:
    for _, field in encrypted_fields():
        field.__dict__.pop("keys", None)
        field.__dict__.pop("f", None)


@receiver(setting_changed)
def _settings_changed(*, setting, **kwargs):
    if setting in KEY_SETTINGS:
        keys_reset()


@dataclass
class FieldStatus:
    label: str
    total: int = 0
    current: int = 0  # under the newest key
    older: int = 0  # under an older key (still readable)
    unreadable: int = 0  # under no configured key
    rotated: int = 0


def _label(model, field) -> str:
    return f"{model._meta.verbose_name}.{field.verbose_name}"


def _classify(field, primary: Fernet, token: str) -> str:
    try:
        primary.decrypt(token.encode())
        return "current"
    except InvalidToken:
        pass
    try:
        field.f.decrypt(token.encode())
        return "older"
    except InvalidToken:
        return "unreadable"


def _raw(model, field):
    """The stored tokens, not decrypted (a cast to text bypasses the field's decryption)."""
    return (
        model._base_manager.exclude(**{f"{field.name}__isnull": True})
        .annotate(_token=Cast(field.name, TextField()))
        .exclude(_token="")  # nosec B106  # an empty token, not a password
        .order_by("pk")
    )


def key_status() -> list[FieldStatus]:
    result = []
    for model, field in encrypted_fields():
        status = FieldStatus(_label(model, field))
        primary = Fernet(field.keys[0])
        for _, token in _raw(model, field).values_list("pk", "_token").iterator(chunk_size=2000):
            kind = _classify(field, primary, token)
            setattr(status, kind, getattr(status, kind) + 1)
            status.total += 1
        result.append(status)
    return result


def keys_rotate(*, batch_size: int = 500, on_batch=None) -> list[FieldStatus]:
    """Re-encrypt every value not under the newest key, batch by batch; `on_batch(status)` after each batch (the
    command's progress; tests read the data in between). Values under no key are counted, never overwritten."""
    result = []
    for model, field in encrypted_fields():
        status = FieldStatus(_label(model, field))
        primary = Fernet(field.keys[0])
        last_pk = None
        while True:
            with transaction.atomic():
                rows = _raw(model, field).select_for_update()
                if last_pk is not None:
                    rows = rows.filter(pk__gt=last_pk)
                batch = list(rows.values_list("pk", "_token")[:batch_size])
                if not batch:
                    break
                stale = []
                for pk, token in batch:
                    kind = _classify(field, primary, token)
                    status.total += 1
                    if kind == "older":
                        value = field.f.decrypt(token.encode()).decode()
                        stale.append(model(pk=pk, **{field.name: value}))
                        status.current += 1
                    else:
                        setattr(status, kind, getattr(status, kind) + 1)
                if stale:
                    model._base_manager.bulk_update(stale, [field.name])  # encrypts under the newest key
                    status.rotated += len(stale)
                last_pk = batch[-1][0]
            if on_batch is not None:
                on_batch(status)
        result.append(status)
    return result


# --- blind indexes -------------------------------------------------------------------------------------------

BLIND_INDEXES: dict[str, tuple] = {}


def blind_index_register(label: str, *, status, rotate) -> None:
    BLIND_INDEXES[label] = (status, rotate)


def blind_index_status() -> list[FieldStatus]:
    return [status() for status, _ in BLIND_INDEXES.values()]


def blind_indexes_rotate(*, batch_size: int = 500, on_batch=None) -> list[FieldStatus]:
    return [rotate(batch_size=batch_size, on_batch=on_batch) for _, rotate in BLIND_INDEXES.values()]


# --- fingerprints ---------------------------------------------------------------------------------------------

FINGERPRINT_LABEL = b"iljari key fingerprint\0"


def fingerprint(key: str) -> str:
    """A short one-way name of a key (SHA-256 of a label and the key, 16 hex digits in groups of four): enough to
    tell two keys apart, nothing to recover one from."""
    digest = hashlib.sha256(FINGERPRINT_LABEL + key.encode()).hexdigest()[:16]
    return "-".join(digest[i : i + 4] for i in range(0, 16, 4))


def key_fingerprints() -> dict[str, list[str]]:
    """Every key that encrypts, signs or indexes stored data, by setting, newest first: SECRET_KEY with its
    fallbacks (the encryption keys derive from them and the salts), the salts (PERSONAL_DATA_KEYS) and the
    blind-index keys (PERSONAL_DATA_INDEX_KEYS)."""
    salts = settings.SALT_KEY if isinstance(settings.SALT_KEY, list) else [settings.SALT_KEY]
    return {
        "SECRET_KEY": [fingerprint(key) for key in [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]],
        "PERSONAL_DATA_KEYS": [fingerprint(key) for key in salts],
        "PERSONAL_DATA_INDEX_KEYS": [fingerprint(key) for key in settings.ILJARI_PERSONAL_DATA_INDEX_KEYS],
    }
