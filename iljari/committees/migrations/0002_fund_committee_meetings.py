"""The fund's ad-hoc committee records become committees records: each fund.CommitteeMeeting a Meeting of the
상환유예 및 이행연기 특약 심의위원회 (FUND-DEFERMENT), each decided DefermentRequest an agenda item of its meeting with a
Decision linked to it ("fund.deferment"). fund's next migration then drops its own fields and model."""

from django.db import migrations

FUND_COMMITTEE = "FUND-DEFERMENT"


def forward(apps, schema_editor):
    fund_meeting = apps.get_model("fund", "CommitteeMeeting")
    request_model = apps.get_model("fund", "DefermentRequest")
    committee_model = apps.get_model("committees", "Committee")
    meeting_model = apps.get_model("committees", "Meeting")
    item_model = apps.get_model("committees", "AgendaItem")
    decision_model = apps.get_model("committees", "Decision")
    org_unit = apps.get_model("org", "OrgUnit")
    old_meetings = list(fund_meeting.objects.order_by("held_on", "pk"))
    decided = list(
        request_model.objects.exclude(status="requested").select_related("loan").order_by("decided_on", "pk")
    )
    if not old_meetings and not decided:
        return
    committee = committee_model.objects.filter(code=FUND_COMMITTEE).first()
    if committee is None:
        committee = committee_model.objects.create(
            code=FUND_COMMITTEE,
            name="상환유예 및 이행연기 특약 심의위원회",
            kind="deliberation",
            legal_basis="서울특별시 사회투자기금 설치 및 운용에 관한 조례",
            supervising_division=org_unit.objects.filter(kind="division", runs_fund=True).order_by("path").first(),
            cadence="매월(정례화)",
        )
    number = meeting_model.objects.filter(committee=committee).count()
    meetings = {}
    for old in old_meetings:
        number += 1
        meetings[old.pk] = meeting_model.objects.create(
            committee=committee, number=number, held_on=old.held_on, state="held", kind="regular", title=old.title
        )
    kinds = {"deferment": "상환유예", "extension": "이행연기"}
    for request in decided:
        meeting = meetings.get(request.meeting_id)
        day = request.decided_on or (meeting.held_on if meeting else request.requested_on)
        if meeting is None:
            meeting = meetings.get(("day", day))
        if meeting is None:
            number += 1
            meeting = meetings[("day", day)] = meeting_model.objects.create(
                committee=committee, number=number, held_on=day, state="held", kind="regular"
            )
        order = item_model.objects.filter(meeting=meeting).count() + 1
        item = item_model.objects.create(
            meeting=meeting,
            order=order,
            kind="deliberation",
            title=f"융자 {request.loan.number} {kinds.get(request.kind, request.kind)} {request.months}개월 신청",
        )
        decision_model.objects.create(
            item=item,
            result="approved" if request.status == "approved" else "rejected",
            text=request.decision_note,
            decided_on=max(day, meeting.held_on),
            subject_type="fund.deferment",
            subject_id=request.pk,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("committees", "0001_committees"),
        ("fund", "0002_korean_field_names"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
