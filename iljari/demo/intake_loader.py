"""Demo calls: the 2018 New Deal 1st joint call as the 2018 report gives it (944 places, 6,617 applicants,
selected with a recorded seed), and an open call that a demo citizen can apply to in the browser.

The 6,617 applicants are synthetic people generated in bulk (made-up names, well-formed numbers that belong to
nobody); each is registered with both consents, as the portal would."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from django.utils import timezone

from iljari.core.bulk import rows_insert
from iljari.demo.synthetic import Profile, people_save, person_rows
from iljari.intake import services as intake
from iljari.intake.models import Application, Call
from iljari.org.models import District
from iljari.plan.models import Programme

NEW_DEAL = "P1-03"
NEWDEAL_CONTACT = "일자리정책과 뉴딜일자리팀 02-2133-5000"
APPLICANTS_2018 = 6_617
PLACES_2018 = 944
SEED_2018 = 2018
YOUTH_RULES = [{"kind": "age_between", "min_value": 18, "max_value": 39}, {"kind": "resides_in_seoul"}]
PRIORITIES = [("basic_livelihood_recipient", 5), ("veteran", 3), ("disability", 3)]


def _aware(*args) -> datetime:
    return timezone.make_aware(datetime(*args))


YOUTH = Profile(born_from=date(1979, 1, 2), years=21, job_seeker=0.7)  # 18 to 39 on '18.1.1.


def _bulk_applicants(count: int, seed: int) -> list[int]:
    rows = person_rows(random.Random(seed), count, YOUTH, list(District.objects.all()))
    return people_save(rows, context="2018 뉴딜일자리 1차 통합모집")


def load_intake() -> None:
    programme = Programme.objects.get(code=NEW_DEAL)
    rules_2018 = [
        {**rule, "on_date": date(2018, 1, 1)} if rule["kind"] == "age_between" else rule for rule in YOUTH_RULES
    ]
    if Call.objects.filter(code="NEWDEAL-2018-1", selection_confirmed_at__isnull=False).exists():
        _open_call(programme)  # a rerun: the 2018 call is done (its people are placed); only the open call moves
        return
    call = intake.call_set(
        actor=None,
        code="NEWDEAL-2018-1",
        target_group="youth",
        contact=NEWDEAL_CONTACT,
        programme=programme,
        title="2018년 뉴딜일자리 1차 통합모집",
        opens_at=_aware(2018, 1, 8, 9),
        closes_at=_aware(2018, 1, 19, 18),
        announce_on=date(2018, 2, 9),
        quotas=[("JOINT", "1차 통합모집", PLACES_2018)],
        eligibility=rules_2018,
        priorities=PRIORITIES,
        description="만 18~39세 서울 거주 청년, 생활임금(시급 9,220원), 최대 23개월, 온라인 접수",
    )
    if not call.applications.exists():
        quota = call.quotas.get()
        applicants = _bulk_applicants(APPLICANTS_2018, seed=SEED_2018)
        rows_insert(
            Application,
            ("call", "person", "quota", "status", "submitted_at", "channel"),
            (
                (call.pk, pk, quota.pk, "submitted", call.opens_at + timedelta(seconds=i * 140), "online")
                for i, pk in enumerate(applicants)
            ),
        )
        intake.eligibility_run(actor=None, call=call)
        intake.selection_run(actor=None, call=call, seed=SEED_2018)
        intake.selection_confirm(actor=None, call=call, now=call.closes_at + timedelta(days=10))  # 선발 확정

    _open_call(programme)


def _open_call(programme) -> None:
    """The call open now (a week ago to 60 days on), which the demo citizen can apply to."""
    today = timezone.localdate()
    opens = timezone.make_aware(datetime.combine(today - timedelta(days=7), datetime.min.time()))
    rules_now = [{**rule, "on_date": today} if rule["kind"] == "age_between" else rule for rule in YOUTH_RULES]
    intake.call_set(
        actor=None,
        code="NEWDEAL-DEMO",
        target_group="youth",
        contact=NEWDEAL_CONTACT,
        programme=programme,
        title="뉴딜일자리 참여자 모집(데모, 접수 중)",
        opens_at=opens,
        closes_at=opens + timedelta(days=60),
        announce_on=today + timedelta(days=60),
        quotas=[("CITY", "서울시 추진사업", 20), ("DISTRICT", "자치구 사업", 10), ("PRIVATE", "민간공모 사업", 10)],
        eligibility=rules_now,
        priorities=PRIORITIES,
        description="데모용 공고입니다. 시민 계정으로 로그인하여 신청해 보십시오.",
        required_documents="주민등록등본(서울 거주 확인)\n구직등록 확인서",
    )
