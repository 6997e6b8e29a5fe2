"""The fixed-term hiring pre-screening committee (기간제근로자 채용 사전심사위원회) as a committees.Committee, and the
pre-screening request as a kind of record its decisions decide ("frontline.prescreening", committees/subjects.py).
The request keeps the outcome (적정·조정·부적정, the headcount allowed); the meeting and the decision are committees'.

- `screening_committee()` — the committee (created once, as the system, supervised by 노동정책담당관).
- `register()` — called from FrontlineConfig.ready.
"""

from __future__ import annotations

from iljari.committees.models import Committee
from iljari.committees.services import committee_ensure
from iljari.committees.subjects import decision_subject_register

SCREENING_COMMITTEE = "FIXED-TERM-SCREENING"
SUBJECT = "frontline.prescreening"


def screening_committee() -> Committee:
    from iljari.core.access.organisations import LABOUR_POLICY_DIVISION_PATH
    from iljari.org.models import OrgUnit
    from iljari.plan.models import Programme

    return committee_ensure(
        code=SCREENING_COMMITTEE,
        name="기간제근로자 채용 사전심사위원회",
        kind=Committee.Kind.DELIBERATION,
        legal_basis="서울시 비정규직 근로자의 무기계약직 전환 등 고용환경 개선 지원 조례, 기간제근로자 관리규정",
        supervising_division=OrgUnit.objects.filter(path=LABOUR_POLICY_DIVISION_PATH).first(),
        programme=Programme.objects.filter(code="P2-01").first(),
        cadence="수시(채용 요청이 있을 때)",
    )


def _resolve(ids: list[int]) -> dict[int, tuple[str, str]]:
    from django.urls import reverse

    from iljari.frontline.models import FixedTermScreening

    rows = FixedTermScreening.objects.filter(pk__in=ids).select_related("institution", "unit")
    url = reverse("frontline:public_sector")
    return {
        row.pk: (
            f"{row.institution.name if row.institution_id else row.unit.name if row.unit_id else ''} {row}".strip(),
            url,
        )
        for row in rows
    }


def register() -> None:
    decision_subject_register(SUBJECT, label="기간제 채용 사전심사 요청", resolve=_resolve)
