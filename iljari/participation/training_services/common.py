"""What every training service shares: the gate checks (skipped for the system, `actor=None`) and the batch size
of set-based writes."""

from __future__ import annotations

from iljari.core.access import access_training_manage, access_training_records, require
from iljari.participation.models import TrainingInstitute

BATCH = 2000


def require_manage(actor, programme, message: str) -> None:
    if actor is not None:
        require(access_training_manage(actor, programme.division.path), message)


def require_records(actor, institute: TrainingInstitute, message: str) -> None:
    if actor is not None:
        require(access_training_records(actor, institute), message)
