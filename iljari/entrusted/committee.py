"""A renewal step of an entrusted facility as a kind of record a committee's decision decides
("entrusted.renewal_step", committees/subjects.py): the 민간위탁 적격자심의위원회 decides the 적격자심의위원회 step of a
facility's renewal path, and its decision links that step.

- `register()` — called from EntrustedConfig.ready.
"""

from __future__ import annotations

from iljari.committees.subjects import decision_subject_register

SUBJECT = "entrusted.renewal_step"


def _resolve(ids: list[int]) -> dict[int, tuple[str, str]]:
    from iljari.entrusted.models import RenewalStep

    steps = RenewalStep.objects.filter(pk__in=ids).select_related("facility")
    return {
        step.pk: (f"{step.facility.name} {step.round}차 {step.get_kind_display()}", step.facility.get_absolute_url())
        for step in steps
    }


def register() -> None:
    # no `choices`: the step is recorded done on the facility's page; the committee's meeting page links it
    decision_subject_register(SUBJECT, label="민간위탁 재위탁 절차 단계", resolve=_resolve)
