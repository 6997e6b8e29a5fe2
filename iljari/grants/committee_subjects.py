"""The grants records a committee's decision may decide (committees/subjects.py): the 사업 총괄 평가위원회's
decision on a district project ("grants.district_decision") and the SIB 심의위원회's on an outcome contract
("grants.sib_contract"). Registered from GrantsConfig.ready; a decision only links, the records stay grants'.

- `evaluation_committee(programme)` — the 시-구 협력 일자리사업 총괄 평가위원회 (created once, as the system,
  supervised by the programme's division); `district_decision_record` records each decision at its meeting of the
  day."""

from __future__ import annotations

from iljari.committees.models import Committee
from iljari.committees.services import committee_ensure
from iljari.committees.subjects import decision_subject_register

EVALUATION_COMMITTEE = "DISTRICT-EVALUATION"
DISTRICT_DECISION = "grants.district_decision"


def evaluation_committee(programme) -> Committee:
    return committee_ensure(
        code=EVALUATION_COMMITTEE,
        name="시-구 협력 일자리사업 총괄 평가위원회",
        kind=Committee.Kind.SELECTION,
        supervising_division=programme.division,
        programme=programme,
    )


def _district_decisions(ids: list[int]) -> dict[int, tuple[str, str]]:
    from iljari.grants.models import DistrictDecision

    rows = DistrictDecision.objects.filter(pk__in=ids).select_related("project")
    return {row.pk: (f"{row.project} {row.get_decision_display()}", row.project.get_absolute_url()) for row in rows}


def _sib_contracts(ids: list[int]) -> dict[int, tuple[str, str]]:
    from iljari.grants.models import OutcomeContract

    return {c.pk: (c.title, c.get_absolute_url()) for c in OutcomeContract.objects.filter(pk__in=ids)}


def register() -> None:
    decision_subject_register(DISTRICT_DECISION, label="시-구 협력사업 평가위원회 결정", resolve=_district_decisions)
    decision_subject_register("grants.sib_contract", label="사회성과보상사업", resolve=_sib_contracts)
