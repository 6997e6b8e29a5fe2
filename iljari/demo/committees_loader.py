"""The demo's committees (dataset/committees.py) through committees' services, as the system: the committees the 2018
report names, the 통합운영위원회's 20 placeholder members, the printed meetings with their agenda items and decisions.
The fund's, the pre-screening and the evaluation committees are the ones their apps create (fund.committee,
frontline.committee, grants.committee_subjects); the 사업 총괄 평가위원회's April meeting and its decisions are the
ones grants' district_decision_record made when the district projects loaded. Idempotent: a second run adds nothing."""

from __future__ import annotations

from datetime import date

from iljari.committees import services
from iljari.committees.models import Committee, Member
from iljari.demo.dataset import committees as data
from iljari.entrusted.models import RenewalStep
from iljari.frontline.committee import screening_committee
from iljari.fund.committee import fund_committee
from iljari.org.models import OrgUnit
from iljari.plan.models import Programme


def _committee(row) -> Committee:
    code, name, kind, division, programme, basis, appointed, ex_officio, term, cadence, established = row
    existing = Committee.objects.filter(code=code).first()
    if existing is not None:
        return existing
    return services.committee_save(
        actor=None,
        code=code,
        name=name,
        kind=kind,
        legal_basis=basis,
        supervising_division=OrgUnit.objects.get(code=division),
        programme=Programme.objects.filter(code=programme).first() if programme else None,
        appointed_seats=appointed,
        ex_officio_seats=ex_officio,
        term_months=term,
        cadence=cadence,
        established_on=date(*established) if established else None,
    )


def _training_board_members(board: Committee) -> None:
    if board.members.exists():
        return
    start = date(*data.ESTABLISHED_TRAINING_BOARD)
    for n in range(1, data.TRAINING_BOARD_APPOINTED + 1):
        services.member_add(
            actor=None, committee=board, name=f"위촉위원 {n}", kind=Member.Kind.APPOINTED, term_start=start
        )
    for n in range(1, data.TRAINING_BOARD_EX_OFFICIO + 1):
        services.member_add(
            actor=None, committee=board, name=f"당연직 위원 {n}", kind=Member.Kind.EX_OFFICIO, term_start=start
        )


def _council_members(council: Committee) -> None:
    """The SIB 지방정부협의회's member governments; 서울특별시 chairs it (의장도시)."""
    if council.members.exists():
        return
    start = date(*data.SIB_COUNCIL_SINCE)
    for n, (name, affiliation) in enumerate(data.SIB_COUNCIL_MEMBERS):
        services.member_add(
            actor=None,
            committee=council,
            name=name,
            affiliation=affiliation,
            kind=Member.Kind.EX_OFFICIO,
            role=Member.Role.CHAIR if n == 0 else Member.Role.MEMBER,
            term_start=start,
        )


def _subject(subject=None) -> dict:
    """A decision's link to the record it decides, as the dataset names it: (subject type, facility code, step
    kind) for an entrusted facility's renewal step."""
    if subject is None:
        return {}
    subject_type, facility, kind = subject
    step = RenewalStep.objects.filter(facility__code=facility, round=1, kind=kind).first()
    if (
        step is None
    ):  # the facilities' part is not loaded (a test of the committees alone): the decision stands unlinked
        return {}
    return {"subject_type": subject_type, "subject_id": step.pk}


def _meetings(committees: dict[str, Committee]) -> None:
    for code, number, day, state, title, items in data.MEETINGS:
        committee = committees[code]
        if committee.meetings.filter(number=number).exists():
            continue
        meeting = services.meeting_schedule(
            actor=None, committee=committee, held_on=date(*day), number=number, state=state, title=title
        )
        for item_title, kind, decided in items:
            item = services.agenda_item_add(actor=None, meeting=meeting, title=item_title, kind=kind)
            if decided is not None:
                result, text, *subject = decided
                services.decision_record(actor=None, item=item, result=result, text=text, **_subject(*subject))


def load_committees() -> None:
    committees = {row[0]: _committee(row) for row in data.COMMITTEES}
    committees["FUND-DEFERMENT"] = fund_committee()
    committees["FIXED-TERM-SCREENING"] = screening_committee()
    _training_board_members(committees["TRAINING-BOARD"])
    _council_members(committees["SIB-LOCAL-COUNCIL"])
    _meetings(committees)
