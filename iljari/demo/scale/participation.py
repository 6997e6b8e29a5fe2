"""The participation stages of `iljari generate`: worksites, two calls a year per programme with their quotas,
applications and the selection's outcome, placements with monthly work records; then the job targets with the
monthly achievements the placements give."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta
from decimal import Decimal

from iljari.demo.scale.base import (
    LIVING_WAGE,
    PREFIX,
    YEARS,
    Generation,
    at,
    ids_after,
    max_pk,
    month_ends,
    month_starts,
    weekdays,
)
from iljari.intake.models import Application, Call, Quota
from iljari.participation.models import Placement, WorkRecord, Worksite
from iljari.performance.models import JobAchievement, JobTarget, TargetGroup

TARGET_GROUPS = TargetGroup.values  # a generated call's 모집 대상: by its programme, in turn


def participation_stage(run: Generation) -> None:
    rnd = run.random
    scale = run.scale
    # calls: two a year (first and second half), one in 2018 (the data ends on '18.6.30.)
    halves = [(p, h) for p in run.programmes for h in (1, 2) if h == 1 or run.programme_year[p.pk] < 2018]
    per_call, extra = divmod(scale.applications, len(halves))
    worksites, quotas_of = [], {}
    for i, p in enumerate(run.programmes):
        districts = [run.districts[(i * 3 + k) % len(run.districts)] for k in range(3)]
        quotas_of[p.pk] = districts
        worksites.append((f"{p.code}-W0", f"{p.title} 시 사업장", p.pk, "city", p.division_id, None, None, 0))
        for k, d in enumerate(districts, start=1):
            worksites.append((f"{p.code}-W{k}", f"{p.title} 구 사업장 {k}", p.pk, "district", None, d, None, 0))
        partner = run.partners[i % len(run.partners)]
        worksites.append((f"{p.code}-W4", f"{p.title} 수행기관 사업장", p.pk, "partner", None, None, partner, 0))
    run.insert(
        Worksite, ("code", "name", "programme", "operator", "org_unit", "district", "partner", "places"), worksites
    )
    site = dict(Worksite.objects.filter(code__startswith=PREFIX).values_list("code", "pk"))
    placed_by_call: Counter = Counter()  # (worksite, call) -> people placed
    calls = []
    for p, half in halves:
        year = run.programme_year[p.pk]
        opens = date(year, 1, 10) if half == 1 else date(year, 7, 1)
        calls.append((
            f"{p.code}-{half}", p.pk, f"{year}년 {p.title} {'상' if half == 1 else '하'}반기 참여자 모집", "people",
            at(opens), at(opens + timedelta(days=20), 18), opens + timedelta(days=35), False, False,
            at(opens + timedelta(days=35), 10), at(opens - timedelta(days=7), 9),
            TARGET_GROUPS[p.pk % len(TARGET_GROUPS)],
        ))  # fmt: skip
    run.insert(
        Call,
        ("code", "programme", "title", "audience", "opens_at", "closes_at", "announce_on", "has_document_review",
         "has_interview", "selection_confirmed_at", "published_at", "target_group"),
        calls,
    )  # fmt: skip
    call_ids = dict(Call.objects.filter(code__startswith=PREFIX).values_list("code", "pk"))
    quota_rows = []
    for p, half in halves:
        call = call_ids[f"{p.code}-{half}"]
        quota_rows.append((call, "CITY", "시 사업", 1, None, 0))
        for k, d in enumerate(quotas_of[p.pk], start=1):
            quota_rows.append((call, f"D{k}", f"자치구 사업 {k}", 1, d, k))
    run.insert(Quota, ("call", "code", "name", "places", "district", "order"), quota_rows)
    quota_ids = {
        (call, code): pk for pk, call, code in Quota.objects.filter(call__code__startswith=PREFIX).values_list(
            "pk", "call_id", "code")
    }  # fmt: skip
    run.placements_started = defaultdict(list)
    places_by_quota: dict[int, int] = {}
    for year in YEARS:
        year_halves = [(i, p, h) for i, (p, h) in enumerate(halves) if run.programme_year[p.pk] == year]
        busy = {1: set(), 2: set()}
        apps, selected_sites, periods = [], {}, {}
        for index, p, half in year_halves:
            call = call_ids[f"{p.code}-{half}"]
            opens = date(year, 1, 10) if half == 1 else date(year, 7, 1)
            count = per_call + (1 if index < extra else 0)
            chosen = rnd.sample(range(len(run.person_ids)), count)
            codes = ["CITY", "D1", "D2", "D3"]
            by_quota: dict[str, list[int]] = defaultdict(list)
            for position in chosen:
                by_quota[rnd.choices(codes, (40, 20, 20, 20))[0]].append(position)
            start = date(year, 3, 1) if half == 1 else date(year, 8, 1)
            end = date(year, 6, 30) if half == 1 else date(year, 12, 31)
            periods[call] = (start, end, p)
            for code in codes:
                members = by_quota.get(code, [])
                quota = quota_ids[call, code]
                places = max(1, round(scale.select_share * len(members)))
                places_by_quota[quota] = places
                taken = waiting = 0
                for position in members:
                    person = run.person_ids[position]
                    draw = rnd.random()
                    submitted = at(opens + timedelta(days=rnd.randrange(20)), rnd.randrange(9, 18),
                                    rnd.randrange(60))  # fmt: skip
                    reasons, placed = "", None
                    if draw < 0.05:
                        status, reasons = "ineligible", "서울 거주 요건 미충족"
                    elif draw < 0.08:
                        status = "withdrawn"
                    elif taken < places and person not in busy[half]:
                        status, placed = "selected", at(start)
                        taken += 1
                        busy[half].add(person)
                    elif waiting < places // 4 + 1:
                        status = "waitlisted"
                        waiting += 1
                    else:
                        status = "not_selected"
                    channel = "paper" if rnd.random() < 0.15 else "online"
                    apps.append((call, person, quota, status, channel, submitted, reasons, placed))
                    if status == "selected":
                        suffix = f"W{code[1]}" if code != "CITY" else rnd.choice(["W0", "W4"])
                        selected_sites[len(apps) - 1] = site[f"{p.code}-{suffix}"]
        last = max_pk(Application)
        run.insert(
            Application,
            ("call", "person", "quota", "status", "channel", "submitted_at", "ineligible_reasons", "placed_at"),
            apps,
        )
        ids = ids_after(Application, last)
        placements = []
        for position, worksite in selected_sites.items():
            call, person = apps[position][0], apps[position][1]
            placed_by_call[worksite, call] += 1
            start, end, p = periods[call]
            dropped = rnd.random() < 0.1
            ended = start + timedelta(days=rnd.randrange((end - start).days + 1)) if dropped else None
            reason = rnd.choice(["employed", "personal", "health", "study"]) if dropped else ""
            placements.append((
                person, p.pk, worksite, ids[position], run.terms[p.pk], True, start, end, Decimal(40),
                LIVING_WAGE[year], "dropped" if dropped else "completed", ended if dropped else end, reason,
            ))  # fmt: skip
            run.placements_started[p.pk].append(start)
        last = max_pk(Placement)
        run.insert(
            Placement,
            ("person", "programme", "worksite", "application", "target_group", "is_direct_job", "start_date",
             "end_date", "weekly_hours", "hourly_wage", "status", "ended_on", "dropout_reason"),
            placements,
        )  # fmt: skip
        placement_ids = ids_after(Placement, last)
        records = []
        for pk, row in zip(placement_ids, placements, strict=True):
            start, last_day = row[6], row[11]
            for month in month_starts(start, last_day):
                month_end = min((month + timedelta(days=32)).replace(day=1) - timedelta(days=1), last_day)
                days = weekdays(max(month, start), month_end)
                leave = Decimal(8) if days > 15 and rnd.random() < 0.2 else Decimal(0)
                records.append((pk, month, days, Decimal(days * 8) - leave, leave, days // 5))
        run.insert(
            WorkRecord, ("placement", "month", "days_worked", "hours_worked", "paid_leave_hours", "full_weeks"),
            records,
        )  # fmt: skip
        run.say(f"  {year}년: 신청 {len(apps):,}건, 참여 {len(placements):,}건, 근무상황 {len(records):,}건")
    # each worksite's 정원: the most people one call placed there (a site is never filled beyond its places)
    peak: dict[int, int] = {}
    for (worksite, _call), placed in placed_by_call.items():
        peak[worksite] = max(peak.get(worksite, 0), placed)
    for places in sorted(set(peak.values())):
        Worksite.objects.filter(pk__in=[w for w, n in peak.items() if n == places]).update(places=places)
    # the places each quota had: what the selection filled (never more)
    for places in sorted(set(places_by_quota.values())):
        Quota.objects.filter(pk__in=[q for q, n in places_by_quota.items() if n == places]).update(places=places)


def job_targets_stage(run: Generation) -> None:
    rnd = run.random
    rows = []
    for order, p in enumerate(run.programmes, start=1):
        placed = len(run.placements_started[p.pk])
        rows.append((run.programme_year[p.pk], run.terms[p.pk], "", p.pk, p.title, p.division_id,
                     max(1, placed * rnd.randrange(90, 120) // 100), p.budget, 1000 + order))  # fmt: skip
    run.insert(
        JobTarget,
        ("year", "target_group", "kind", "programme", "programme_names", "division", "target", "budget", "order"),
        rows,
    )
    targets = dict(JobTarget.objects.filter(programme__code__startswith=PREFIX).values_list("programme_id", "pk"))
    achievements = []
    for p in run.programmes:
        started = sorted(run.placements_started[p.pk])
        for day in month_ends(run.programme_year[p.pk]):
            achievements.append((targets[p.pk], day, sum(1 for s in started if s <= day)))
    run.insert(JobAchievement, ("job_target", "as_of", "achieved"), achievements)
