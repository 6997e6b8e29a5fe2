"""Demo enterprises: the 4,199 social-economy enterprises of June 2018 by type, the 2018 strong-SME call with its
funnel (541 → 241 → 100, selected from a recorded seed after three reviewers' scores), the selected enterprises on
the public platform with tour articles and moderated reviews, and the procurement purchases up to the end of May
2018 (349억원 against 1,300억원). Organisations, certifications, applications and scores are bulk-inserted
(core.bulk.rows_insert): the demo build stays fast. Names are generated; counts are the report's."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.utils import timezone

from iljari.core.bulk import rows_insert
from iljari.core.models import User
from iljari.demo.dataset import enterprises as data
from iljari.enterprises import services
from iljari.enterprises.models import Certification, Organisation, PlatformReview, Purchase, business_number_valid
from iljari.intake import services as intake
from iljari.intake.models import Application, Call, ReviewCriterion, ReviewCriterionScore, ReviewScore
from iljari.org.models import District
from iljari.plan.models import Programme

SEED = 2018
CALL_CODE = "STRONG-SME-2018"
DEMO_CALL_CODE = "STRONG-SME-DEMO"
STRONG_SME_CONTACT = "일자리정책과 일자리기획팀 02-2133-5433"
SECTORS = [s for s in Organisation.Sector.values if s != "public_administration"]


def _aware(*args) -> datetime:
    return timezone.make_aware(datetime(*args))


def business_number(base: int) -> str:
    """A well-formed 사업자등록번호 for the 9-digit `base` (its check digit appended)."""
    first = f"{base:09d}"
    for check in range(10):
        if business_number_valid(first + str(check)):
            return first + str(check)
    raise AssertionError(first)


def _organisations(prefix: int, kind_key: str, kind: str, count: int, generator, districts) -> list[tuple]:
    suffix, words = data.NAME_PARTS[kind_key]
    rows = []
    for n in range(count):
        word = generator.choice(words) + generator.choice(words)
        name = f"{suffix}{word}{n + 1}" if suffix == "(주)" else f"{word}{suffix} {n + 1}호"
        rows.append(
            (
                name,
                kind,
                business_number(prefix * 1_000_000 + n),
                generator.choice(["micro", "small", "small", "medium"]),
                generator.choice(SECTORS),
                generator.choice(districts).pk,
                generator.randrange(3, 120),
            )
        )
    return rows


def _insert_organisations(rows) -> dict[str, int]:
    rows_insert(Organisation, ("name", "kind", "business_number", "size", "sector", "district", "employees"), rows)
    numbers = [row[2] for row in rows]
    ids: dict[str, int] = {}
    for start in range(0, len(numbers), 2000):
        ids.update(
            Organisation.objects.filter(business_number__in=numbers[start : start + 2000]).values_list(
                "business_number", "pk"
            )
        )
    return ids


def load_social_economy(generator, districts) -> list[int]:
    """The 4,199 social-economy enterprises valid on '18.6.30., by type; returns their ids."""
    if Certification.objects.filter(note="데모 2018 사회적경제기업").exists():
        return list(
            Certification.objects.filter(note="데모 2018 사회적경제기업").values_list("organisation_id", flat=True)
        )
    ids: list[int] = []
    for prefix, (kind, count) in enumerate(data.SOCIAL_ECONOMY_2018.items(), start=101):
        org_kind = "cooperative" if kind == "cooperative" else "company"
        numbers = _insert_organisations(_organisations(prefix, kind, org_kind, count, generator, districts))
        rows_insert(
            Certification,
            ("organisation", "kind", "valid_from", "note"),
            (
                (pk, kind, date(2012, 1, 1) + timedelta(days=generator.randrange(0, 2_000)), "데모 2018 사회적경제기업")
                for pk in numbers.values()
            ),
        )
        ids += list(numbers.values())
    return ids


def _buyers(districts) -> list[Organisation]:
    buyers = []
    for n, district in enumerate([None, *districts]):
        name = "서울특별시" if district is None else f"{district.name}청"
        existing = Organisation.objects.filter(name=name, kind__in=["agency", "district"]).first()
        buyers.append(
            existing
            or services.organisation_register(
                actor=None,
                name=name,
                kind="agency" if district is None else "district",
                business_number=business_number(900_000_000 + n),
                district=district,
                size="public",
                sector="public_administration",
            )
        )
    return buyers


def load_procurement(generator, suppliers: list[int], buyers: list[Organisation]) -> None:
    """Purchases of '18.1.~5. adding up to 349억원 exactly (the split by month is ASSUMED), and the year's target."""
    services.procurement_target_set(actor=None, year=2018, amount=data.PROCUREMENT_TARGET_2018)
    if Purchase.objects.filter(purchased_on__year=2018).exists():
        return
    kinds = dict(
        Certification.objects.filter(organisation_id__in=suppliers, note="데모 2018 사회적경제기업").values_list(
            "organisation_id", "kind"
        )
    )
    rows = []
    for month, share in data.PROCUREMENT_MONTH_SHARES.items():
        month_total = data.PROCUREMENT_END_OF_MAY_2018 * share // 100
        purchases = 60
        amounts = [generator.randrange(50, 150) for _ in range(purchases)]
        scale = sum(amounts)
        split = [month_total * a // scale for a in amounts]
        split[-1] += month_total - sum(split)
        for amount in split:
            supplier = generator.choice(suppliers)
            rows.append(
                (
                    generator.choice(buyers).pk,
                    supplier,
                    generator.choice(["goods", "goods", "service", "service", "construction"]),
                    generator.choice(["사무용품", "도시락", "청소 용역", "돌봄 서비스", "인쇄물", "시설 보수"]),
                    amount,
                    date(2018, month, generator.randrange(1, 29)),
                    kinds[supplier],
                    "데모 2018",
                )
            )
    rows_insert(
        Purchase,
        ("buyer", "supplier", "category", "item", "amount", "purchased_on", "supplier_kind", "upload_name"),
        rows,
    )
    services.procurement_indicator_derive(years=[2018])


def _reviewers() -> list[User]:
    return list(User.objects.filter(username__in=["staff", "manager", "reviewer"]).order_by("username"))


def _scores(application_ids, stage, reviewers, generator, criteria) -> None:
    """Three reviewers' sheets for each application, bulk-inserted (criterion points and their sums)."""
    sheets = {}
    for pk in application_ids:
        quality = generator.random()
        for reviewer in reviewers:
            points = [
                Decimal(round(max(0.0, min(1.0, quality + generator.uniform(-0.15, 0.15))) * c.max_points))
                for c in criteria
            ]
            sheets[(pk, reviewer.pk)] = points
    rows_insert(
        ReviewScore,
        ("application", "stage", "reviewer", "score"),
        ((pk, stage, reviewer, sum(points)) for (pk, reviewer), points in sheets.items()),
    )
    ids = {
        (a, r): pk
        for pk, a, r in ReviewScore.objects.filter(application_id__in=application_ids, stage=stage).values_list(
            "pk", "application_id", "reviewer_id"
        )
    }
    rows_insert(
        ReviewCriterionScore,
        ("review_score", "criterion", "points"),
        (
            (ids[key], criterion.pk, value)
            for key, points in sheets.items()
            for criterion, value in zip(criteria, points, strict=True)
        ),
    )


def load_strong_sme(generator, districts) -> None:
    programme = Programme.objects.get(code="P1-01")
    if Call.objects.filter(code=CALL_CODE, selection_confirmed_at__isnull=False).exists():
        _demo_call(programme)
        return
    call = intake.call_set(
        actor=None,
        code=CALL_CODE,
        contact=STRONG_SME_CONTACT,
        programme=programme,
        title="2018년 서울형 강소기업 공모",
        opens_at=_aware(*data.STRONG_SME_OPENS),
        closes_at=_aware(*data.STRONG_SME_CLOSES),
        announce_on=data.STRONG_SME_ANNOUNCE,
        quotas=[("SME", "서울형 강소기업", data.STRONG_SME_SELECTED)],
        eligibility=[],
        description=(
            "성평등·일생활균형 서울형 강소기업 발굴·지원. 선정기준: 고용안정성, 일생활 균형제도 운영, 적정임금 수준 등"
        ),
        has_document_review=True,
        has_interview=True,
        audience=Call.Audience.ORGANISATIONS,
        score_aggregation=Call.ScoreAggregation.TRIMMED_MEAN,
        certifies=Certification.Kind.STRONG_SME,
        criteria=data.STRONG_SME_CRITERIA,
    )
    if not call.applications.exists():
        rows = _organisations(200, "company", "company", data.STRONG_SME_APPLIED, generator, districts)
        rows = [(*row[:6], generator.randrange(10, 300)) for row in rows]  # strong SMEs: 10 to 300 employees
        companies = list(_insert_organisations(rows).values())
        Organisation.objects.filter(pk__in=companies).update(
            flexible_work=True, youth_hiring=True, weekly_hours=40, starting_salary=30_000_000
        )
        quota = call.quotas.get()
        rows_insert(
            Application,
            ("call", "organisation", "quota", "status", "submitted_at", "channel"),
            (
                (call.pk, pk, quota.pk, "submitted", call.opens_at + timedelta(minutes=i * 40), "online")
                for i, pk in enumerate(sorted(companies))
            ),
        )
    reviewers = _reviewers()
    criteria = list(ReviewCriterion.objects.filter(call=call))
    ids = list(call.applications.order_by("pk").values_list("pk", flat=True))
    if not ReviewScore.objects.filter(application__call=call).exists():
        _scores(ids, ReviewScore.Stage.DOCUMENT_REVIEW, reviewers, generator, criteria)
    intake.document_review_close(actor=None, call=call, passing=data.STRONG_SME_PASSED_DOCUMENT_REVIEW)
    passed = list(call.applications.filter(status="submitted").order_by("pk").values_list("pk", flat=True))
    _scores(passed, ReviewScore.Stage.INTERVIEW, reviewers, generator, criteria)
    intake.selection_run(actor=None, call=call, seed=SEED)
    intake.selection_confirm(actor=None, call=call, now=_aware(2018, 7, 31, 10))
    selected = list(
        call.applications.filter(status="selected").order_by("pk").values_list("organisation_id", flat=True)
    )
    for organisation in Organisation.objects.filter(pk__in=selected[: data.STRONG_SME_INTERNS]):
        services.support_record(
            actor=None,
            organisation=organisation,
            kind="parental_leave_intern",
            year=2018,
            started_on=date(2018, 9, 1),
            interns=1,
            months=data.STRONG_SME_INTERN_MAX_MONTHS,
            note="육아휴직자 대체 청년인턴(데모: 최대 기간)",
        )
    _platform(selected[0])
    _demo_call(programme)


def _platform(pk: int) -> None:
    """The demo company's account represents the first selected enterprise; tour articles and reviews on it."""
    company = Organisation.objects.get(pk=pk)
    Organisation.objects.filter(pk=pk).update(
        name="(주)데모강소기업",
        introduction="청년이 일하기 좋은 서울형 강소기업입니다(데모).",
        parental_leave=True,
    )
    account = User.objects.filter(username="company").first()
    if account is not None and account.organisation_id is None:
        services.organisation_contact_add(actor=None, organisation=company, username="company")
    for title, body, author, kind in data.TOUR_ARTICLES:
        services.article_publish(
            actor=None,
            organisation=company,
            title=title,
            body=body,
            author_name=author,
            author_kind=kind,
            published_on=date(2018, 8, 20),
        )
    citizen = User.objects.filter(username="citizen").first()
    if citizen is not None:
        review = services.review_submit(
            actor=citizen,
            organisation=company,
            relation=PlatformReview.Relation.EMPLOYEE,
            rating=5,
            body="유연근무와 육아휴직 복귀 지원이 실제로 잘 됩니다(데모 후기).",
        )
        services.review_moderate(actor=None, review=review, publish=True)
        services.review_submit(
            actor=citizen,
            organisation=company,
            relation=PlatformReview.Relation.VISITOR,
            rating=4,
            body="기업탐방에서 본 사무실이 밝고 분위기가 좋았습니다(검토 대기 데모).",
        )


def _demo_call(programme) -> None:
    """A strong-SME call open now, which the demo company can apply to in the browser."""
    today = timezone.localdate()
    opens = timezone.make_aware(datetime.combine(today - timedelta(days=7), datetime.min.time()))
    intake.call_set(
        actor=None,
        code=DEMO_CALL_CODE,
        contact=STRONG_SME_CONTACT,
        programme=programme,
        title="서울형 강소기업 공모(데모, 접수 중)",
        opens_at=opens,
        closes_at=opens + timedelta(days=60),
        announce_on=today + timedelta(days=60),
        quotas=[("SME", "서울형 강소기업", 10)],
        eligibility=[],
        description="데모용 공모입니다. 기업 계정으로 로그인하여 신청해 보십시오.",
        has_document_review=True,
        has_interview=True,
        audience=Call.Audience.ORGANISATIONS,
        score_aggregation=Call.ScoreAggregation.TRIMMED_MEAN,
        certifies=Certification.Kind.STRONG_SME,
        criteria=data.STRONG_SME_CRITERIA,
    )


def load_enterprises() -> None:
    generator = random.Random(SEED)
    districts = list(District.objects.all())
    suppliers = load_social_economy(generator, districts)
    buyers = _buyers(districts)
    load_procurement(generator, suppliers, buyers)
    load_strong_sme(generator, districts)
