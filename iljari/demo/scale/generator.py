"""The stages of `iljari generate` (see the package docstring). Each stage makes its rows from the one generator,
inserts them with `rows_insert` in its own transaction and reports (table, rows, seconds)."""

from __future__ import annotations

import functools
import hashlib
import random
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.apps import apps
from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, Sum

from iljari.core.bulk import rows_insert
from iljari.core.models import User
from iljari.org.models import District, OrgUnit, Partner

YEARS = (2014, 2015, 2016, 2017, 2018)
DATA_END = date(2018, 6, 30)  # the demo's as-of date: the office's "today" in the generated data
LIVING_WAGE = {2014: 6_582, 2015: 6_687, 2016: 7_145, 2017: 8_197, 2018: 9_211}  # 서울시 생활임금(시급)
DIVISION_BY_OBJECTIVE = {1: "JOBS-POLICY", 2: "LABOUR-POLICY", 3: "SOCIAL-ECONOMY"}
PREFIX = "S"  # codes of generated rows start with it (programmes S2016-0012, calls S2016-0012-1, …)


@dataclass(frozen=True)
class Scale:
    """How many of each a scale makes. `small` is about 1/1000 of `city`."""

    name: str
    programmes_per_year: int
    indicators: int
    persons: int
    applications: int
    organisations: int
    loans: int
    consultations: int
    bookings: int
    service_points: int
    select_share: float = 0.40  # of a quota's applications, places: 40% of the applications end up placed


SCALES = {
    "city": Scale(
        name="city",
        programmes_per_year=200,
        indicators=60,
        persons=500_000,
        applications=1_000_000,
        organisations=10_000,
        loans=10_000,
        consultations=700_000,
        bookings=300_000,
        service_points=30,
    ),
    "small": Scale(
        name="small",
        programmes_per_year=1,
        indicators=3,
        persons=500,
        applications=1_000,
        organisations=10,
        loans=10,
        consultations=700,
        bookings=300,
        service_points=6,
    ),
}


@dataclass
class Report:
    """What a run did: rows per table, seconds per stage."""

    scale: str
    seed: int
    stages: list[tuple[str, float]] = field(default_factory=list)
    rows: Counter = field(default_factory=Counter)

    @property
    def seconds(self) -> float:
        return sum(s for _, s in self.stages)


def _tz():
    return ZoneInfo(settings.TIME_ZONE)


def _at(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=_tz())


def _month_ends(year: int) -> list[date]:
    last = 6 if year == DATA_END.year else 12
    return [(date(year, m, 1) + timedelta(days=32)).replace(day=1) - timedelta(days=1) for m in range(1, last + 1)]


def _month_starts(first: date, last: date) -> list[date]:
    months, day = [], first.replace(day=1)
    while day <= last:
        months.append(day)
        day = (day + timedelta(days=32)).replace(day=1)
    return months


@functools.cache
def _weekdays(first: date, last: date) -> int:
    return sum(1 for n in range((last - first).days + 1) if (first + timedelta(days=n)).weekday() < 5)


def _ids_after(model, last_pk: int) -> list[int]:
    return list(model.objects.filter(pk__gt=last_pk).order_by("pk").values_list("pk", flat=True))


def _max_pk(model) -> int:
    return model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


class Generator:
    def __init__(self, scale: Scale, seed: int, say: Callable[[str], None]):
        self.scale, self.seed, self.say = scale, seed, say
        self.random = random.Random(seed)
        self.report = Report(scale=scale.name, seed=seed)

    # --- running -----------------------------------------------------------------------------------------------

    def run(self) -> Report:
        for name, stage in (
            ("기본 자료(조직·계정·2018 보고서)", self._base),
            ("계획·예산·지표", self._plan),
            ("사람", self._people),
            ("기업·단체", self._organisations),
            ("사회투자기금", self._fund),
            ("모집·신청·참여·근무", self._participation),
            ("일자리 목표·실적", self._job_targets),
            ("상담·대관", self._frontline),
            ("통계 갱신(ANALYZE)", self._analyse),
        ):
            start = time.perf_counter()
            self.say(f"[{name}] 시작")
            with transaction.atomic():
                stage()
            seconds = time.perf_counter() - start
            self.report.stages.append((name, seconds))
            self.say(f"[{name}] {seconds:.1f}초")
        return self.report

    def _count(self, model, rows: int) -> None:
        self.report.rows[model._meta.db_table] += rows

    def _insert(self, model, fields, rows) -> int:
        count = rows_insert(model, fields, rows)
        self._count(model, count)
        return count

    # --- stages ----------------------------------------------------------------------------------------------

    def _base(self) -> None:
        from iljari.demo.loader import load_accounts, load_org
        from iljari.demo.report2018_loader import load_report2018
        from iljari.participation.models import LivingWage

        load_org()
        load_report2018()
        load_accounts()
        for year, hourly in LIVING_WAGE.items():
            LivingWage.objects.get_or_create(year=year, defaults={"hourly": hourly, "note": "합성 자료"})
        self.districts = list(District.objects.order_by("sort_order", "code").values_list("pk", flat=True))
        self.partners = list(Partner.objects.order_by("code").values_list("pk", flat=True))
        self.divisions = {u.code: u for u in OrgUnit.objects.filter(kind="division")}
        self.teams = defaultdict(list)
        for team in OrgUnit.objects.filter(kind="team").order_by("path"):
            self.teams[team.parent_id].append(team.pk)

    def _plan(self) -> None:
        from iljari.finance.models import BudgetLine, BudgetSnapshot
        from iljari.finance.services import budget_summary_refresh
        from iljari.participation.models import ProgrammeTerms
        from iljari.performance.models import Indicator, IndicatorValue, TargetGroup
        from iljari.plan.models import Milestone, Objective, Programme, ProgrammeFact, Vision

        rnd = self.random
        template = {o.number: o.title for o in Objective.objects.filter(vision__year=2018)}
        statement = Vision.objects.get(year=2018).statement
        objectives: dict[tuple[int, int], Objective] = {}
        for year in YEARS:
            vision = Vision.objects.filter(year=year).first() or Vision.objects.create(year=year, statement=statement)
            for number, title in template.items():
                objectives[year, number] = Objective.objects.get_or_create(
                    vision=vision, number=number, defaults={"title": title}
                )[0]
        next_number = {
            key: (Programme.objects.filter(objective=o).order_by("-number").values_list("number", flat=True).first()
                  or 0) + 1
            for key, o in objectives.items()
        }  # fmt: skip
        areas = ["청년", "여성", "중장년", "어르신", "장애인", "저소득", "노동", "사회적경제", "마을", "공공"]
        works = ["뉴딜일자리", "공공근로", "인턴십", "직업훈련", "창업지원", "일자리카페", "권리보호", "지역공동체"]
        groups = TargetGroup.values
        programmes = []
        for year in YEARS:
            for n in range(self.scale.programmes_per_year):
                number = 1 + n % 3
                division = self.divisions[DIVISION_BY_OBJECTIVE[number]]
                programmes.append(
                    Programme(
                        objective=objectives[year, number],
                        number=next_number[year, number],
                        code=f"{PREFIX}{year}-{n + 1:04d}",
                        title=f"{rnd.choice(areas)} {rnd.choice(works)} {n + 1}",
                        division=division,
                        purposes="일자리 창출\n취약계층 생활 안정",
                        budget=rnd.randrange(100, 50_000) * 1_000_000,
                    )
                )
                next_number[year, number] += 1
        Programme.objects.bulk_create(programmes, batch_size=1000)
        self.programmes = list(
            Programme.objects.filter(code__startswith=PREFIX).order_by("code").select_related("objective__vision")
        )
        self._count(Programme, len(self.programmes))
        self.programme_year = {p.pk: p.objective.vision.year for p in self.programmes}
        facts, milestones, lines = [], [], []
        for p in self.programmes:
            year = self.programme_year[p.pk]
            facts += [
                (p.pk, 1, "사업기간", f"{year}. 1. ~ {year}. 12."),
                (p.pk, 2, "사업대상", f"서울시민 {rnd.randrange(50, 5000):,}명"),
            ]
            done = date(year, rnd.randrange(1, 3), rnd.randrange(1, 28))
            planned = date(year, rnd.randrange(7, 13), rnd.randrange(1, 28))
            milestones += [
                (p.pk, 1, "사업 계획 수립", "done", done, None, "day", done),
                (p.pk, 2, "참여자 모집·선발", "done", done + timedelta(20), None, "day", done + timedelta(20)),
                (p.pk, 3, "성과 평가", "planned", planned, None, "day", None),
            ]
            teams = self.teams[p.division_id] or [p.division_id]
            lines.append((year, rnd.choice(teams), f"{p.code}-B", p.title, "city"))
        self._insert(ProgrammeFact, ("programme", "order", "label", "value"), facts)
        self._insert(
            Milestone, ("programme", "order", "title", "state", "start", "end", "precision", "done_on"), milestones
        )
        self._insert(BudgetLine, ("year", "org_unit", "code", "name", "source"), lines)
        line_ids = dict(BudgetLine.objects.filter(code__startswith=PREFIX).values_list("code", "pk"))
        through = Programme.budget_lines.through
        self._insert(through, ("programme", "budgetline"), [(p.pk, line_ids[f"{p.code}-B"]) for p in self.programmes])
        snapshots = []
        for p in self.programmes:
            year = self.programme_year[p.pk]
            budget, committed, spent = p.budget, 0, 0
            ends = _month_ends(year)
            for month, day in enumerate(ends, start=1):
                committed = min(budget, max(committed, budget * month // 12 + rnd.randrange(0, budget // 20 + 1)))
                spent = min(committed, max(spent, committed * rnd.randrange(60, 95) // 100))
                snapshots.append((line_ids[f"{p.code}-B"], day, budget, committed, spent))
        self._insert(BudgetSnapshot, ("line", "as_of", "current_budget", "committed", "spent"), snapshots)
        budget_summary_refresh(line_ids=line_ids.values())  # the execution summary the dashboard reads
        self.terms = {}
        rows = []
        for p in self.programmes:
            group = rnd.choice(groups)
            self.terms[p.pk] = group
            rows.append((p.pk, group, True, 6, Decimal(40), True, 70))
        self._insert(
            ProgrammeTerms,
            ("programme", "target_group", "is_direct_job", "max_months", "weekly_hours", "paid_public_holidays",
             "city_share_percent"),
            rows,
        )  # fmt: skip
        divisions = list(self.divisions.values())
        indicators = [
            (f"{PREFIX}-IND-{n + 1:03d}", f"{rnd.choice(areas)} {rnd.choice(works)} 성과 지표 {n + 1}",
             rnd.choice(["명", "개소", "건", "%"]), divisions[n % len(divisions)].pk, 100 + n)
            for n in range(self.scale.indicators)
        ]  # fmt: skip
        self._insert(Indicator, ("code", "name", "unit", "division", "order"), indicators)
        values = []
        for pk in Indicator.objects.filter(code__startswith=PREFIX).order_by("code").values_list("pk", flat=True):
            base = rnd.randrange(100, 10_000)
            for year in YEARS:
                target = Decimal(base + (year - 2014) * base // 10)
                values.append((pk, year, "target", target, date(year, 1, 1)))
                share = Decimal(rnd.randrange(40, 60 if year == DATA_END.year else 115)) / 100
                actual = (target * share).quantize(Decimal("0.01"))
                values.append((pk, year, "actual", actual, min(date(year, 12, 31), DATA_END)))
        self._insert(IndicatorValue, ("indicator", "year", "kind", "value", "as_of"), values)

    def _people(self) -> None:
        from iljari.demo.dataset.people import GIVEN, SURNAMES
        from iljari.people.models import Consent, Person
        from iljari.people.rrn import parse_rrn, rrn_index

        rnd = self.random
        first = date(1950, 1, 1)
        span = (date(2000, 12, 31) - first).days
        fields = ("name", "birth_date", "sex", "rrn", "rrn_index", "district", "income_status",
                  "job_seeker_registered", "basic_livelihood_recipient", "veteran", "disability")  # fmt: skip
        offset = rnd.randrange(0, 1_000_000)
        self.person_ids: list[int] = []
        last = _max_pk(Person)
        chunk = 50_000
        for start in range(0, self.scale.persons, chunk):
            rows = []
            for n in range(start, min(start + chunk, self.scale.persons)):
                birth = first + timedelta(days=rnd.randrange(span))
                sex = "M" if rnd.random() < 0.5 else "F"
                digit = ("1" if sex == "M" else "2") if birth.year < 2000 else ("3" if sex == "M" else "4")
                serial = (n * 7919 + offset) % 1_000_000  # a bijection of n: every number distinct
                number = parse_rrn(f"{birth:%y%m%d}{digit}{serial:06d}")
                rows.append((
                    rnd.choice(SURNAMES) + rnd.choice(GIVEN), birth, sex, number.digits, rrn_index(number),
                    None if rnd.random() < 0.03 else rnd.choice(self.districts),
                    "regular" if rnd.random() < 0.1 else "none", rnd.random() < 0.7, rnd.random() < 0.06,
                    rnd.random() < 0.02, rnd.random() < 0.04,
                ))  # fmt: skip
            self._insert(Person, fields, rows)
            ids = _ids_after(Person, last)
            last = ids[-1]
            self.person_ids += ids
            given = [_at(date(2014, 1, 1) + timedelta(days=rnd.randrange(1600))) for _ in ids]
            self._insert(
                Consent,
                ("person", "purpose", "notice_version", "context", "given_at"),
                ((pk, purpose, "2014-01", "합성 자료(등록)", day) for pk, day in zip(ids, given, strict=True)
                 for purpose in Consent.Purpose.values),
            )  # fmt: skip
            self.say(f"  사람 {len(self.person_ids):,}명")

    def _organisations(self) -> None:
        from iljari.demo.enterprises_loader import business_number
        from iljari.enterprises.models import Certification, Organisation

        rnd = self.random
        kinds = [("company", 6), ("cooperative", 3), ("ngo", 1)]
        sectors = [s for s in Organisation.Sector.values if s != "public_administration"]
        words = ["나눔", "햇살", "이음", "두레", "새싹", "한울", "모두", "온기", "다솜", "늘봄", "푸른", "같이"]
        rows = []
        for n in range(self.scale.organisations):
            kind = rnd.choices([k for k, _ in kinds], [w for _, w in kinds])[0]
            suffix = {"company": "(주)", "cooperative": "협동조합", "ngo": "(사)"}[kind]
            rows.append((
                f"{rnd.choice(words)}{rnd.choice(words)} {suffix} {n + 1}", kind, business_number(600_000_000 + n),
                rnd.choice(["micro", "small", "small", "medium"]), rnd.choice(sectors), rnd.choice(self.districts),
                rnd.randrange(1, 300), date(rnd.randrange(1990, 2018), rnd.randrange(1, 13), rnd.randrange(1, 29)),
            ))  # fmt: skip
        last = _max_pk(Organisation)
        self._insert(
            Organisation,
            ("name", "kind", "business_number", "size", "sector", "district", "employees", "founded_on"),
            rows,
        )
        self.organisation_ids = _ids_after(Organisation, last)
        certifications = []
        for pk, row in zip(self.organisation_ids, rows, strict=True):
            if rnd.random() < 0.4:
                kind = (
                    "cooperative"
                    if row[1] == "cooperative"
                    else rnd.choice(
                        ["social_enterprise", "preliminary_social_enterprise", "village_enterprise", "social_venture"]
                    )
                )
                start = date(rnd.randrange(2012, 2018), rnd.randrange(1, 13), 1)
                until = None if kind in {"social_enterprise", "cooperative"} else start.replace(year=start.year + 3)
                certifications.append((pk, kind, f"{PREFIX}-{pk}", start, until))
        self._insert(Certification, ("organisation", "kind", "number", "valid_from", "valid_until"), certifications)

    def _fund(self) -> None:
        from iljari.demo.fund_loader import _insert_book
        from iljari.fund import services
        from iljari.fund.models import Instalment, LedgerEntry, Loan, Repayment, ScheduleVersion
        from iljari.org import services as org_services

        rnd = self.random
        before = {m: m.objects.count() for m in (Loan, ScheduleVersion, Instalment, Repayment, LedgerEntry)}
        services.contribution_record(actor=None, amount=10**14, on=date(2013, 12, 31), memo="합성 자료 시 출연금")
        partners = [
            org_services.partner_create(
                actor=None,
                code=f"{PREFIX}-INT-{n + 1}",
                name=f"사회투자 수행기관 {n + 1}",
                kind="intermediary",
                district=District.objects.get(pk=self.districts[n % len(self.districts)]),
            )  # fmt: skip
            for n in range(8)
        ]
        Partner.objects.filter(pk=partners[0].pk).update(
            note=f"iljari generate --scale {self.scale.name} --seed {self.seed}"  # how this dataset was made
        )
        book = []
        for index in range(self.scale.loans):
            method = rnd.choice(["annuity", "equal_principal", "bullet"])
            book.append(
                {
                    "purpose": rnd.choice(["enterprise", "project", "social_housing"]),
                    "method": method,
                    "term": 60,
                    "grace": 0 if method == "bullet" else rnd.choice([0, 6, 12]),
                    "rate": Decimal(rnd.choice(["0", "1", "2", "3"])),
                    "disbursed_on": date(rnd.randrange(2014, 2018), rnd.randrange(1, 13), rnd.randrange(1, 29)),
                    "principal": rnd.randrange(10, 1_000) * 1_000_000,
                    "intermediary": partners[index % len(partners)],
                }
            )
        agreements = [
            services.agreement_create(
                actor=None,
                code=f"{PREFIX}-AGR-{n + 1}",
                intermediary=partner,
                year=2014,
                call_round=1,
                city_amount=sum(s["principal"] for s in book if s["intermediary"] == partner) or 1,
                matched_amount=None,
                max_rate="3",
                overdue_rate="5",
                starts_on=date(2014, 1, 1),
                ends_on=date(2030, 12, 31),
            )  # fmt: skip
            for n, partner in enumerate(partners)
        ]
        borrowers = [self.organisation_ids[n % len(self.organisation_ids)] for n in range(len(book))]
        _insert_book(book, agreements, partners, borrowers, prefix=f"{PREFIX}L")
        for model, count in before.items():
            self._count(model, model.objects.count() - count)

    def _participation(self) -> None:
        from iljari.intake.models import Application, Call, Quota
        from iljari.participation.models import Placement, WorkRecord, Worksite

        rnd = self.random
        scale = self.scale
        # calls: two a year (first and second half), one in 2018 (the data ends on '18.6.30.)
        halves = [(p, h) for p in self.programmes for h in (1, 2) if h == 1 or self.programme_year[p.pk] < 2018]
        per_call, extra = divmod(scale.applications, len(halves))
        worksites, quotas_of = [], {}
        for i, p in enumerate(self.programmes):
            districts = [self.districts[(i * 3 + k) % len(self.districts)] for k in range(3)]
            quotas_of[p.pk] = districts
            worksites.append((f"{p.code}-W0", f"{p.title} 시 사업장", p.pk, "city", p.division_id, None, None, 0))
            for k, d in enumerate(districts, start=1):
                worksites.append((f"{p.code}-W{k}", f"{p.title} 구 사업장 {k}", p.pk, "district", None, d, None, 0))
            partner = self.partners[i % len(self.partners)]
            worksites.append((f"{p.code}-W4", f"{p.title} 수행기관 사업장", p.pk, "partner", None, None, partner, 0))
        self._insert(
            Worksite, ("code", "name", "programme", "operator", "org_unit", "district", "partner", "places"), worksites
        )
        site = dict(Worksite.objects.filter(code__startswith=PREFIX).values_list("code", "pk"))
        calls = []
        for p, half in halves:
            year = self.programme_year[p.pk]
            opens = date(year, 1, 10) if half == 1 else date(year, 7, 1)
            calls.append((
                f"{p.code}-{half}", p.pk, f"{year}년 {p.title} {'상' if half == 1 else '하'}반기 참여자 모집", "people",
                _at(opens), _at(opens + timedelta(days=20), 18), opens + timedelta(days=35), False, False,
                _at(opens + timedelta(days=35), 10),
            ))  # fmt: skip
        self._insert(
            Call,
            ("code", "programme", "title", "audience", "opens_at", "closes_at", "announce_on", "has_document_review",
             "has_interview", "selection_confirmed_at"),
            calls,
        )  # fmt: skip
        call_ids = dict(Call.objects.filter(code__startswith=PREFIX).values_list("code", "pk"))
        quota_rows = []
        for p, half in halves:
            call = call_ids[f"{p.code}-{half}"]
            quota_rows.append((call, "CITY", "시 사업", 1, None, 0))
            for k, d in enumerate(quotas_of[p.pk], start=1):
                quota_rows.append((call, f"D{k}", f"자치구 사업 {k}", 1, d, k))
        self._insert(Quota, ("call", "code", "name", "places", "district", "order"), quota_rows)
        quota_ids = {
            (call, code): pk for pk, call, code in Quota.objects.filter(call__code__startswith=PREFIX).values_list(
                "pk", "call_id", "code")
        }  # fmt: skip
        self.placements_started: dict[int, list[date]] = defaultdict(list)
        places_by_quota: dict[int, int] = {}
        for year in YEARS:
            year_halves = [(i, p, h) for i, (p, h) in enumerate(halves) if self.programme_year[p.pk] == year]
            busy = {1: set(), 2: set()}
            apps, selected_sites, periods = [], {}, {}
            for index, p, half in year_halves:
                call = call_ids[f"{p.code}-{half}"]
                opens = date(year, 1, 10) if half == 1 else date(year, 7, 1)
                count = per_call + (1 if index < extra else 0)
                chosen = rnd.sample(range(len(self.person_ids)), count)
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
                        person = self.person_ids[position]
                        draw = rnd.random()
                        submitted = _at(opens + timedelta(days=rnd.randrange(20)), rnd.randrange(9, 18),
                                        rnd.randrange(60))  # fmt: skip
                        reasons, placed = "", None
                        if draw < 0.05:
                            status, reasons = "ineligible", "서울 거주 요건 미충족"
                        elif draw < 0.08:
                            status = "withdrawn"
                        elif taken < places and person not in busy[half]:
                            status, placed = "selected", _at(start)
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
            last = _max_pk(Application)
            self._insert(
                Application,
                ("call", "person", "quota", "status", "channel", "submitted_at", "ineligible_reasons", "placed_at"),
                apps,
            )
            ids = _ids_after(Application, last)
            placements = []
            for position, worksite in selected_sites.items():
                call, person = apps[position][0], apps[position][1]
                start, end, p = periods[call]
                dropped = rnd.random() < 0.1
                ended = start + timedelta(days=rnd.randrange((end - start).days + 1)) if dropped else None
                reason = rnd.choice(["employed", "personal", "health", "study"]) if dropped else ""
                placements.append((
                    person, p.pk, worksite, ids[position], self.terms[p.pk], True, start, end, Decimal(40),
                    LIVING_WAGE[year], "dropped" if dropped else "completed", ended if dropped else end, reason,
                ))  # fmt: skip
                self.placements_started[p.pk].append(start)
            last = _max_pk(Placement)
            self._insert(
                Placement,
                ("person", "programme", "worksite", "application", "target_group", "is_direct_job", "start_date",
                 "end_date", "weekly_hours", "hourly_wage", "status", "ended_on", "dropout_reason"),
                placements,
            )  # fmt: skip
            placement_ids = _ids_after(Placement, last)
            records = []
            for pk, row in zip(placement_ids, placements, strict=True):
                start, last_day = row[6], row[11]
                for month in _month_starts(start, last_day):
                    month_end = min((month + timedelta(days=32)).replace(day=1) - timedelta(days=1), last_day)
                    days = _weekdays(max(month, start), month_end)
                    leave = Decimal(8) if days > 15 and rnd.random() < 0.2 else Decimal(0)
                    records.append((pk, month, days, Decimal(days * 8) - leave, leave, days // 5))
            self._insert(
                WorkRecord, ("placement", "month", "days_worked", "hours_worked", "paid_leave_hours", "full_weeks"),
                records,
            )  # fmt: skip
            self.say(f"  {year}년: 신청 {len(apps):,}건, 참여 {len(placements):,}건, 근무상황 {len(records):,}건")
        # the places each quota had: what the selection filled (never more)
        for places in sorted(set(places_by_quota.values())):
            Quota.objects.filter(pk__in=[q for q, n in places_by_quota.items() if n == places]).update(places=places)

    def _job_targets(self) -> None:
        from iljari.performance.models import JobAchievement, JobTarget

        rnd = self.random
        rows = []
        for order, p in enumerate(self.programmes, start=1):
            placed = len(self.placements_started[p.pk])
            rows.append((self.programme_year[p.pk], self.terms[p.pk], "", p.pk, p.title, p.division_id,
                         max(1, placed * rnd.randrange(90, 120) // 100), p.budget, 1000 + order))  # fmt: skip
        self._insert(
            JobTarget,
            ("year", "target_group", "kind", "programme", "programme_names", "division", "target", "budget", "order"),
            rows,
        )
        targets = dict(JobTarget.objects.filter(programme__code__startswith=PREFIX).values_list("programme_id", "pk"))
        achievements = []
        for p in self.programmes:
            started = sorted(self.placements_started[p.pk])
            for day in _month_ends(self.programme_year[p.pk]):
                achievements.append((targets[p.pk], day, sum(1 for s in started if s <= day)))
        self._insert(JobAchievement, ("job_target", "as_of", "achieved"), achievements)

    def _frontline(self) -> None:
        from iljari.frontline.models import Booking, Consultation, ConsultationTopic, Room, ServicePoint

        rnd = self.random
        division = self.divisions["LABOUR-POLICY"].pk
        jobs_division = self.divisions["JOBS-POLICY"].pk
        kinds = ["job_cafe", "labour_ombudsman", "village_labour_attorney", "labour_rights_advocate",
                 "youth_job_centre"]  # fmt: skip
        points = [
            (f"{PREFIX}-SP-{n + 1:03d}", f"합성 창구 {n + 1}", kinds[n % len(kinds)],
             jobs_division if kinds[n % len(kinds)] in {"job_cafe", "youth_job_centre"} else division, 9, 18, 10, 17, 5)
            for n in range(self.scale.service_points)
        ]  # fmt: skip
        self._insert(
            ServicePoint,
            ("code", "name", "kind", "division", "weekday_opens", "weekday_closes", "saturday_opens",
             "saturday_closes", "appointed"),
            points,
        )  # fmt: skip
        point_ids = list(
            ServicePoint.objects.filter(code__startswith=PREFIX).order_by("code").values_list("pk", flat=True)
        )
        topics = [("임금체불", "wage"), ("부당해고", "dismissal"), ("산업재해", "injury"), ("취업상담", "job"),
                  ("직업훈련", "training"), ("창업", "startup"), ("근로계약", "contract"),
                  ("기타", "other")]  # fmt: skip
        self._insert(
            ConsultationTopic, ("code", "name", "sort_order"),
            [(f"{PREFIX}-{code}", name, 100 + n) for n, (name, code) in enumerate(topics)],
        )  # fmt: skip
        topic_ids = list(
            ConsultationTopic.objects.filter(code__startswith=PREFIX).order_by("code").values_list("pk", flat=True)
        )
        span = (DATA_END - date(2014, 1, 1)).days + 1

        def consultations():
            for n in range(self.scale.consultations):
                day = date(2014, 1, 1) + timedelta(days=rnd.randrange(span))
                person = self.person_ids[rnd.randrange(len(self.person_ids))] if rnd.random() < 0.6 else None
                outcome = rnd.choices(["closed", "", "referred", "employed"], (70, 15, 10, 5))[0]
                yield (
                    point_ids[rnd.randrange(len(point_ids))], day, rnd.choice(["visit", "phone", "online"]), person,
                    "" if person else f"익명 {n + 1}", None if person else rnd.randrange(1945, 2001),
                    topic_ids[rnd.randrange(len(topic_ids))], outcome,
                    "합성 취업처" if outcome == "employed" else "", day if outcome == "employed" else None,
                    "고용복지플러스센터" if outcome == "referred" else "",
                )  # fmt: skip

        self._insert(
            Consultation,
            ("service_point", "held_on", "channel", "person", "client_label", "client_birth_year", "topic", "outcome",
             "employer", "employed_on", "referred_to"),
            consultations(),
        )  # fmt: skip
        rooms = [
            (point, f"{PREFIX}-RM-{n + 1:03d}-{k}", f"합성 공간 {n + 1}-{k}", ["study", "seminar"][k - 1], 6 + 6 * k)
            for n, point in enumerate(point_ids)
            for k in (1, 2)
        ]
        self._insert(Room, ("service_point", "code", "name", "kind", "capacity"), rooms)
        room_ids = list(Room.objects.filter(code__startswith=PREFIX).order_by("code").values_list("pk", flat=True))
        days = [date(2014, 1, 1) + timedelta(days=n) for n in range(span)]
        days = [d for d in days if d.weekday() < 5]
        slots = len(days) * 9  # 9:00 to 17:00, one-hour slots
        booker = User.objects.filter(username="citizen").values_list("pk", flat=True).first()
        per_room, extra = divmod(self.scale.bookings, len(room_ids))

        def bookings():
            for index, room in enumerate(room_ids):
                taken = rnd.sample(range(slots), min(slots, per_room + (1 if index < extra else 0)))
                for slot in sorted(taken):
                    status = rnd.choices(["checked_in", "no_show", "cancelled"], (85, 5, 10))[0]
                    yield room, days[slot // 9], 9 + slot % 9, booker, rnd.randrange(1, 6), "스터디", status

        self._insert(Booking, ("room", "day", "hour", "booked_by", "headcount", "purpose", "status"), bookings())

    def _analyse(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def database_has_data() -> bool:
    from iljari.people.models import Person
    from iljari.plan.models import Programme

    return OrgUnit.objects.exists() or User.objects.exists() or Person.objects.exists() or Programme.objects.exists()


def generate(*, scale: str | Scale, seed: int = 2018, say: Callable[[str], None] = print) -> Report:
    spec = SCALES[scale] if isinstance(scale, str) else scale
    return Generator(spec, seed, say).run()


def sample_checksum() -> str:
    """A digest of the generated data that does not depend on ids: a sample of persons, the outcome counts of every
    call, the placed days per programme, the loan book, the consultations per service point."""
    from iljari.frontline.models import Booking, Consultation
    from iljari.fund.models import Loan
    from iljari.intake.models import Application
    from iljari.participation.models import WorkRecord
    from iljari.people.models import Person

    digest = hashlib.sha256()
    parts = [
        Person.objects.order_by("rrn_index").values_list("name", "birth_date", "sex", "rrn_index", "district__code")[
            :500
        ],
        Application.objects.filter(call__code__startswith=PREFIX)
        .values_list("call__code", "status")
        .annotate(n=Count("pk"))
        .order_by("call__code", "status"),
        WorkRecord.objects.filter(placement__programme__code__startswith=PREFIX)
        .values_list("placement__programme__code")
        .annotate(days=Sum("days_worked"), n=Count("pk"))
        .order_by("placement__programme__code"),
        Loan.objects.filter(number__startswith=PREFIX)
        .order_by("number")
        .values_list("number", "principal", "method", "disbursed_on", "borrower__business_number"),
        Consultation.objects.filter(service_point__code__startswith=PREFIX)
        .values_list("service_point__code", "outcome")
        .annotate(n=Count("pk"))
        .order_by("service_point__code", "outcome"),
        Booking.objects.filter(room__code__startswith=PREFIX)
        .values_list("room__code", "status")
        .annotate(n=Count("pk"))
        .order_by("room__code", "status"),
    ]
    for part in parts:
        for row in part:
            digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def table_counts() -> dict[str, int]:
    """Rows of every table of the project's apps (for docs/scale.md and the bench's dataset line)."""
    counts = {}
    for model in apps.get_models():
        if not model.__module__.startswith("iljari.") or not model._meta.managed:
            continue
        counts[model._meta.db_table] = model.objects.count()
    return counts
