"""The pre-screening decisions frontline kept on the request (decided_on, committee_note) become committees records:
each decided FixedTermScreening an agenda item of the 기간제근로자 채용 사전심사위원회's meeting of its day, with a
Decision linked to it ("frontline.prescreening"; 적정 → 원안 가결, 조정 → 수정 가결, 부적정 → 부결) whose text is the
old note. frontline's next migration then drops the note; the request keeps its outcome."""

from django.db import migrations

CODE = "FIXED-TERM-SCREENING"
LABOUR_POLICY_PATH = "/SEOUL/JOBS/LABOUR-POLICY/"
RESULTS = {"approved": "approved", "reduced": "amended", "rejected": "rejected"}


def forward(apps, schema_editor):
    screening_model = apps.get_model("frontline", "FixedTermScreening")
    decided = list(
        screening_model.objects.exclude(decision="pending")
        .exclude(decided_on__isnull=True)
        .select_related("institution", "unit")
        .order_by("decided_on", "pk")
    )
    if not decided:
        return
    committee_model = apps.get_model("committees", "Committee")
    meeting_model = apps.get_model("committees", "Meeting")
    item_model = apps.get_model("committees", "AgendaItem")
    decision_model = apps.get_model("committees", "Decision")
    committee = committee_model.objects.filter(code=CODE).first()
    if committee is None:
        committee = committee_model.objects.create(
            code=CODE,
            name="기간제근로자 채용 사전심사위원회",
            kind="deliberation",
            legal_basis="서울시 비정규직 근로자의 무기계약직 전환 등 고용환경 개선 지원 조례, 기간제근로자 관리규정",
            supervising_division=apps.get_model("org", "OrgUnit").objects.filter(path=LABOUR_POLICY_PATH).first(),
            programme=apps.get_model("plan", "Programme").objects.filter(code="P2-01").first(),
            cadence="수시(채용 요청이 있을 때)",
        )
    number = meeting_model.objects.filter(committee=committee).count()
    meetings = {m.held_on: m for m in meeting_model.objects.filter(committee=committee).exclude(state="cancelled")}
    for screening in decided:
        meeting = meetings.get(screening.decided_on)
        if meeting is None:
            number += 1
            meeting = meetings[screening.decided_on] = meeting_model.objects.create(
                committee=committee, number=number, held_on=screening.decided_on, state="held", kind="regular"
            )
        where = screening.institution.name if screening.institution_id else (screening.unit.name if screening.unit_id else "")
        item = item_model.objects.create(
            meeting=meeting,
            order=item_model.objects.filter(meeting=meeting).count() + 1,
            kind="deliberation",
            title=f"{where} 기간제 {screening.headcount}명 채용 사전심사".strip(),
        )
        decision_model.objects.create(
            item=item,
            result=RESULTS[screening.decision],
            text=screening.committee_note,
            decided_on=screening.decided_on,
            subject_type="frontline.prescreening",
            subject_id=screening.pk,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("committees", "0002_fund_committee_meetings"),
        ("frontline", "0004_korean_field_names"),
        ("plan", "0004_korean_field_names"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
