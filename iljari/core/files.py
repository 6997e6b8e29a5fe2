"""The stored files and the rows that name them: applicants' documents, job results and uploads under MEDIA_ROOT.

Every file a service writes goes through `file_store`: when the storage refuses it (a full or read-only disk, a
directory without permission, a network share gone) the user is told plainly with 503 — not a bare server error —
and, since the error leaves the service's transaction, no row is written either.

`iljari check-files` reports the rows whose file is missing (restored from a database-only backup, a file removed
by hand: the page would offer a download that answers 404) and the files no row names (left by an interrupted upload
or job; they may hold personal data), and can remove the latter. Every FileField of every model is checked, so a
new one is covered without being listed here.

Contract:
- file_store(field_file, name, content) -> str   saves (save=False) and answers the stored name; an OSError from the
      storage becomes errors.Unavailable(STORAGE_FAILED) (503), logged with its cause
- file_fields() -> list[(model, field)]
- files_check() -> FilesCheck(rows, files, missing=[MissingFile(label, pk, name)], unnamed=[relative path])
- files_unnamed_remove(*, older_than=timedelta(hours=1)) -> int   removes the files no row names (not the newest:
      an upload being saved has its file before its row)
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.storage import default_storage
from django.db.models import FileField

from iljari.core.errors import Unavailable

logger = logging.getLogger(__name__)
STORAGE_FAILED = (
    "파일을 저장하지 못했습니다. 잠시 후 다시 시도하세요. 아무것도 저장되지 않았으니 처음부터 다시 올려 주십시오. "
    "계속 안 되면 담당 부서에 알려 주십시오."
)


def file_store(field_file, name: str, content) -> str:
    """Save `content` into a FileField's file (the row itself is saved by the caller, in its transaction)."""
    try:
        field_file.save(name, content, save=False)
    except OSError:
        logger.exception("file storage refused %s (%s)", field_file.field, type(content).__name__)
        raise Unavailable(STORAGE_FAILED) from None
    return field_file.name


@dataclass(frozen=True)
class MissingFile:
    label: str  # the model and field, in Korean
    pk: int
    name: str


@dataclass
class FilesCheck:
    rows: int = 0  # rows naming a file
    files: int = 0  # files under MEDIA_ROOT
    missing: list[MissingFile] = field(default_factory=list)
    unnamed: list[str] = field(default_factory=list)

    @property
    def whole(self) -> bool:
        return not self.missing


def file_fields() -> list:
    return [
        (model, model_field)
        for model in apps.get_models()
        for model_field in model._meta.concrete_fields
        if isinstance(model_field, FileField)
    ]


def _named() -> dict[str, tuple[str, int]]:
    """Every stored name any row holds -> (label, pk) of one row holding it."""
    named = {}
    for model, model_field in file_fields():
        label = f"{model._meta.verbose_name}.{model_field.verbose_name}"
        rows = model._base_manager.exclude(**{model_field.name: ""}).exclude(**{f"{model_field.name}__isnull": True})
        for pk, name in rows.values_list("pk", model_field.name).iterator(chunk_size=5000):
            named[name] = (label, pk)
    return named


def _stored() -> list[str]:
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return []
    return sorted(path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file())


def files_check() -> FilesCheck:
    named = _named()
    stored = _stored()
    present = set(stored)
    check = FilesCheck(rows=len(named), files=len(stored))
    for name, (label, pk) in sorted(named.items(), key=lambda item: (item[1][0], item[1][1])):
        if name not in present and not default_storage.exists(name):
            check.missing.append(MissingFile(label, pk, name))
    check.unnamed = [name for name in stored if name not in named]
    return check


def files_unnamed_remove(*, older_than: timedelta = timedelta(hours=1)) -> int:
    root = Path(settings.MEDIA_ROOT)
    cutoff = time.time() - older_than.total_seconds()
    removed = 0
    for name in files_check().unnamed:
        path = root / name
        if path.stat().st_mtime < cutoff:
            path.unlink()
            removed += 1
    return removed
