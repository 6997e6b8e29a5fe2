"""The fund's 상환유예 및 이행연기 특약 심의위원회 as a committees.Committee, and the deferment request as a kind of
record its decisions decide ("fund.deferment", committees/subjects.py).

- `fund_committee()` — the committee (created once, as the system, supervised by the division that runs the fund).
- `register()` — called from FundConfig.ready: registers "fund.deferment".
"""

from __future__ import annotations

from iljari.committees.models import Committee
from iljari.committees.services import committee_ensure
from iljari.committees.subjects import decision_subject_register
from iljari.core.access import marked_division_paths

FUND_COMMITTEE = "FUND-DEFERMENT"
FUND_COMMITTEE_NAME = "상환유예 및 이행연기 특약 심의위원회"
SUBJECT = "fund.deferment"


def fund_committee() -> Committee:
    from iljari.org.models import OrgUnit

    paths = marked_division_paths("runs_fund")
    division = OrgUnit.objects.filter(path__in=paths).order_by("path").first() if paths else None
    return committee_ensure(
        code=FUND_COMMITTEE,
        name=FUND_COMMITTEE_NAME,
        kind=Committee.Kind.DELIBERATION,
        legal_basis="서울특별시 사회투자기금 설치 및 운용에 관한 조례",
        supervising_division=division,
        cadence="매월(정례화)",
    )


def _resolve(ids: list[int]) -> dict[int, tuple[str, str]]:
    from iljari.fund.models import DefermentRequest

    requests = DefermentRequest.objects.filter(pk__in=ids).select_related("loan__borrower")
    return {
        r.pk: (
            f"{r.loan.number} {r.loan.borrower.name} {r.get_kind_display()} {r.months}개월",
            r.loan.get_absolute_url(),
        )
        for r in requests
    }


def register() -> None:
    # no `choices`: a deferment is decided on the fund's page (deferment_decide), which also sets the new schedule;
    # the committee's meeting page shows the decision and links the loan
    decision_subject_register(SUBJECT, label="상환유예·이행연기 신청", resolve=_resolve)
