"""The organisation registry (사업자등록번호, kinds, certifications with validity), the strong-SME platform's support
records, tour articles and moderated reviews, and public procurement (purchases, the year's target)."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iljari.core.figures import MONEY, OFFICE_DATE
from iljari.core.models import TimeStampedModel


def business_number_valid(number: str) -> bool:
    """The 10-digit 사업자등록번호 check: weights 1,3,7,1,3,7,1,3,5 on the first nine digits, plus the carry of the
    ninth digit × 5 divided by 10; the check digit is (10 − sum mod 10) mod 10."""
    if len(number) != 10 or not number.isdecimal():
        return False
    digits = [int(c) for c in number]
    total = sum(d * w for d, w in zip(digits[:9], (1, 3, 7, 1, 3, 7, 1, 3, 5), strict=True))
    total += digits[8] * 5 // 10
    return (10 - total % 10) % 10 == digits[9]


def business_number_text(number: str) -> str:
    """'1248100998' → '124-81-00998'."""
    return f"{number[:3]}-{number[3:5]}-{number[5:]}" if len(number) == 10 else number


class Organisation(TimeStampedModel):
    """Every organisation the office deals with: enterprises, cooperatives, NGOs, labour organisations, districts
    and agencies. Its social-economy types and designations are Certifications with validity periods."""

    class Kind(models.TextChoices):
        COMPANY = "company", _("기업")
        COOPERATIVE = "cooperative", _("협동조합")
        NGO = "ngo", _("비영리단체")
        LABOUR_ORGANISATION = "labour_organisation", _("노동단체")
        DISTRICT = "district", _("자치구")
        AGENCY = "agency", _("공공기관")

    class Size(models.TextChoices):
        MICRO = "micro", _("소상공인")
        SMALL = "small", _("소기업")
        MEDIUM = "medium", _("중기업")
        LARGE = "large", _("중견·대기업")
        PUBLIC = "public", _("공공")

    class Sector(models.TextChoices):
        MANUFACTURING = "manufacturing", _("제조업")
        CONSTRUCTION = "construction", _("건설업")
        WHOLESALE_RETAIL = "wholesale_retail", _("도소매업")
        ICT = "ict", _("정보통신업")
        PROFESSIONAL = "professional", _("전문·과학·기술 서비스업")
        FACILITY = "facility", _("사업시설관리·사업지원 서비스업")
        EDUCATION = "education", _("교육서비스업")
        HEALTH_WELFARE = "health_welfare", _("보건·사회복지 서비스업")
        CULTURE = "culture", _("예술·스포츠·여가 서비스업")
        FOOD = "food", _("숙박·음식점업")
        OTHER_SERVICES = "other_services", _("기타 서비스업")
        PUBLIC_ADMINISTRATION = "public_administration", _("공공행정")

    name = models.CharField(_("기관명"), max_length=120)
    kind = models.CharField(_("구분"), max_length=24, choices=Kind.choices)
    business_number = models.CharField(_("사업자등록번호"), max_length=10, unique=True)
    corporate_number = models.CharField(_("법인등록번호"), max_length=13, blank=True)
    representative = models.CharField(_("대표자"), max_length=60, blank=True)
    size = models.CharField(_("규모"), max_length=8, choices=Size.choices, default=Size.SMALL)
    sector = models.CharField(_("업종"), max_length=24, choices=Sector.choices, default=Sector.OTHER_SERVICES)
    district = models.ForeignKey(
        "org.District", verbose_name=_("소재 자치구"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    address = models.CharField(_("소재지"), max_length=200, blank=True)
    employees = models.PositiveIntegerField(_("상시근로자 수"), default=0)
    founded_on = models.DateField(_("설립일"), null=True, blank=True)
    phone = models.CharField(_("대표 전화"), max_length=30, blank=True)
    website = models.CharField(_("누리집"), max_length=200, blank=True)
    introduction = models.TextField(_("기업 소개"), blank=True)
    # working conditions, shown on the strong-SME platform and searched there
    starting_salary = models.PositiveBigIntegerField(_("신입 초임(연, 원)"), null=True, blank=True)
    weekly_hours = models.PositiveSmallIntegerField(_("주 소정근로시간"), null=True, blank=True)
    flexible_work = models.BooleanField(_("유연근무제"), default=False)
    parental_leave = models.BooleanField(_("육아휴직 사용·복귀 지원"), default=False)
    youth_hiring = models.BooleanField(_("청년 채용"), default=False)

    class Meta:
        verbose_name = _("기업·단체")
        verbose_name_plural = _("기업·단체")
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["kind", "name"]), models.Index(fields=["district", "sector"])]
        constraints = [
            models.CheckConstraint(
                name="organisation_business_number_digits", condition=Q(business_number__regex=r"^[0-9]{10}$")
            ),
            models.CheckConstraint(
                name="organisation_corporate_number_digits",
                condition=Q(corporate_number="") | Q(corporate_number__regex=r"^[0-9]{13}$"),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("enterprises:organisation_detail", args=[self.pk])

    @property
    def business_number_text(self) -> str:
        return business_number_text(self.business_number)

    @property
    def starting_salary_manwon(self) -> int | None:
        """The starting salary in 만원 (31,000,000원 → 3,100), as the platform shows it."""
        return None if self.starting_salary is None else self.starting_salary // 10_000

    @property
    def corporate_number_text(self) -> str:
        n = self.corporate_number
        return f"{n[:6]}-{n[6:]}" if n else ""


class Certification(TimeStampedModel):
    """A type or designation an organisation holds for a period: a social enterprise's certification, a
    preliminary social enterprise's designation, a cooperative's registration, a strong SME's selection. Valid on a
    day when it started on or before the day and has not ended before it; afterwards it reads 만료."""

    class Kind(models.TextChoices):
        SOCIAL_ENTERPRISE = "social_enterprise", _("사회적기업")
        PRELIMINARY_SOCIAL_ENTERPRISE = "preliminary_social_enterprise", _("예비사회적기업")
        COOPERATIVE = "cooperative", _("협동조합")
        VILLAGE_ENTERPRISE = "village_enterprise", _("마을기업")
        SELF_SUFFICIENCY_ENTERPRISE = "self_sufficiency_enterprise", _("자활기업")
        SOCIAL_VENTURE = "social_venture", _("소셜벤처")
        OTHER_SOCIAL_ECONOMY = "other_social_economy", _("기타 사회적경제기업")
        STRONG_SME = "strong_sme", _("서울형 강소기업")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="certifications", verbose_name=_("기업·단체")
    )
    kind = models.CharField(_("유형"), max_length=32, choices=Kind.choices)
    number = models.CharField(_("인증·지정 번호"), max_length=40, blank=True)
    valid_from = models.DateField(_("유효 시작일"))
    valid_until = models.DateField(_("유효 종료일"), null=True, blank=True)
    note = models.CharField(_("비고"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("인증·지정")
        verbose_name_plural = _("인증·지정")
        ordering = ["organisation", "-valid_from", "kind"]
        indexes = [models.Index(fields=["kind", "valid_from", "valid_until"])]
        constraints = [
            models.CheckConstraint(
                name="certification_ends_after_start",
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=models.F("valid_from")),
            ),
            models.UniqueConstraint(fields=["organisation", "kind", "valid_from"], name="certification_once"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.get_kind_display()}"

    def is_valid_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or self.valid_until >= day)

    def status_on(self, day: date) -> str:
        if day < self.valid_from:
            return "예정"
        return "유효" if self.is_valid_on(day) else "만료"


SOCIAL_ECONOMY_KINDS = [
    Certification.Kind.SOCIAL_ENTERPRISE,
    Certification.Kind.PRELIMINARY_SOCIAL_ENTERPRISE,
    Certification.Kind.COOPERATIVE,
    Certification.Kind.VILLAGE_ENTERPRISE,
    Certification.Kind.SELF_SUFFICIENCY_ENTERPRISE,
    Certification.Kind.SOCIAL_VENTURE,
    Certification.Kind.OTHER_SOCIAL_ECONOMY,
]


def valid_on_q(day: date, prefix: str = "") -> Q:
    """The certifications valid on `day` (prefix: the path to the certification, e.g. 'certifications__')."""
    return Q(**{f"{prefix}valid_from__lte": day}) & (
        Q(**{f"{prefix}valid_until__isnull": True}) | Q(**{f"{prefix}valid_until__gte": day})
    )


class SupportRecord(TimeStampedModel):
    """Support a selected strong SME received: the working-environment improvement grant, youth interns replacing
    staff on parental leave (up to 23 months), a flexible-work award."""

    class Kind(models.TextChoices):
        IMPROVEMENT_GRANT = "improvement_grant", _("근무환경개선금")
        PARENTAL_LEAVE_INTERN = "parental_leave_intern", _("육아휴직자 대체 청년인턴")
        FLEXIBLE_WORK_AWARD = "flexible_work_award", _("유연근무 우수기업 포상")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="support_records", verbose_name=_("기업·단체")
    )
    kind = models.CharField(_("지원 내용"), max_length=24, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("연도"))
    amount = models.PositiveBigIntegerField(_("지원액(원)"), default=0)
    interns = models.PositiveSmallIntegerField(_("인턴 수"), default=0)
    months = models.PositiveSmallIntegerField(_("지원 개월"), default=0)
    started_on = models.DateField(_("지원 시작일"))
    note = models.CharField(_("비고"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("강소기업 지원")
        verbose_name_plural = _("강소기업 지원")
        ordering = ["-started_on", "pk"]
        constraints = [
            models.CheckConstraint(name="support_intern_at_most_23_months", condition=Q(months__lte=23)),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.get_kind_display()} {self.year}"


class PlatformArticle(TimeStampedModel):
    """A tour article (탐방기사) about an enterprise on the strong-SME platform, by staff or a youth reporter."""

    class AuthorKind(models.TextChoices):
        STAFF = "staff", _("담당 직원")
        YOUTH_REPORTER = "youth_reporter", _("청년기자")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="articles", verbose_name=_("기업·단체")
    )
    title = models.CharField(_("제목"), max_length=200)
    body = models.TextField(_("본문"))
    author_name = models.CharField(_("글쓴이"), max_length=60)
    author_kind = models.CharField(_("글쓴이 구분"), max_length=16, choices=AuthorKind.choices)
    published_on = models.DateField(_("게재일"))
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("입력한 사람")
    )

    class Meta:
        verbose_name = _("탐방기사")
        verbose_name_plural = _("탐방기사")
        ordering = ["-published_on", "-pk"]

    def __str__(self) -> str:
        return self.title


class PlatformReview(TimeStampedModel):
    """A review of an enterprise by an employee or a visitor. Published only after staff moderation; anyone logged
    in may report it, and once enough different people reported it (ILJARI_REVIEW_HIDE_REPORTS) it is hidden until
    a moderator decides again; staff always see who wrote it (the public sees only the relation and a masked
    name)."""

    class Relation(models.TextChoices):
        EMPLOYEE = "employee", _("재직자")
        VISITOR = "visitor", _("방문자")

    class Status(models.TextChoices):
        PENDING = "pending", _("검토 대기")
        PUBLISHED = "published", _("게시")
        REJECTED = "rejected", _("게시 안 함")
        HIDDEN = "hidden", _("신고로 숨김(검토 대기)")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("기업·단체")
    )
    # None once destroyed (core.retention: enterprises.platform_review)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("작성자")
    )
    relation = models.CharField(_("관계"), max_length=10, choices=Relation.choices)
    rating = models.PositiveSmallIntegerField(_("평점"))
    body = models.TextField(_("내용"))
    status = models.CharField(_("상태"), max_length=10, choices=Status.choices, default=Status.PENDING)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("검토한 사람"),
    )
    moderated_at = models.DateTimeField(_("검토 일시"), null=True, blank=True)
    moderation_note = models.CharField(_("검토 의견"), max_length=200, blank=True)
    report_count = models.PositiveIntegerField(_("신고 수"), default=0)
    personal_data_destroyed_at = models.DateTimeField(
        _("개인정보 파기 일시"),
        null=True,
        blank=True,
        help_text=_("보유기간이 지나 글쓴이와 내용, 신고 사유를 파기한 때"),
    )

    class Meta:
        verbose_name = _("기업 후기")
        verbose_name_plural = _("기업 후기")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["organisation", "status"]), models.Index(fields=["status", "created_at"])]
        constraints = [
            models.CheckConstraint(name="review_rating_1_to_5", condition=Q(rating__gte=1) & Q(rating__lte=5)),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} 후기 #{self.pk}"


class ReviewReport(TimeStampedModel):
    """Someone reported a published review (once per person and review)."""

    review = models.ForeignKey(PlatformReview, on_delete=models.CASCADE, related_name="reports", verbose_name=_("후기"))
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("신고자")
    )
    reason = models.CharField(_("신고 사유"), max_length=200)

    class Meta:
        verbose_name = _("후기 신고")
        verbose_name_plural = _("후기 신고")
        constraints = [models.UniqueConstraint(fields=["review", "reporter"], name="review_report_once")]

    def __str__(self) -> str:
        return f"{self.review} 신고"


class ProcurementTarget(TimeStampedModel):
    """The year's public-procurement target (₩130bn in 2018)."""

    year = models.PositiveSmallIntegerField(_("연도"), unique=True)
    amount = models.PositiveBigIntegerField(_("목표액(원)"))

    class Meta:
        verbose_name = _("공공구매 목표")
        verbose_name_plural = _("공공구매 목표")
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year}년 공공구매 목표"


class Purchase(TimeStampedModel):
    """One purchase by a public body from a social-economy enterprise (공공구매), entered or uploaded by the buyer."""

    class Category(models.TextChoices):
        GOODS = "goods", _("물품")
        SERVICE = "service", _("용역")
        CONSTRUCTION = "construction", _("공사")

    buyer = models.ForeignKey(Organisation, verbose_name=_("구매기관"), on_delete=models.PROTECT, related_name="+")
    supplier = models.ForeignKey(
        Organisation, verbose_name=_("공급기업"), on_delete=models.PROTECT, related_name="purchases"
    )
    category = models.CharField(_("구분"), max_length=16, choices=Category.choices)
    item = models.CharField(_("품목"), max_length=200)
    amount = models.PositiveBigIntegerField(_("금액(원)"), validators=[MONEY.validator])
    purchased_on = models.DateField(_("구매일"), validators=[OFFICE_DATE.validator])
    supplier_kind = models.CharField(
        _("공급기업 유형"), max_length=32, choices=Certification.Kind.choices, help_text=_("구매일에 유효한 유형")
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("입력한 사람")
    )
    upload_name = models.CharField(_("올린 파일"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("공공구매")
        verbose_name_plural = _("공공구매")
        ordering = ["-purchased_on", "-pk"]
        indexes = [models.Index(fields=["purchased_on"]), models.Index(fields=["buyer", "purchased_on"])]
        constraints = [
            models.CheckConstraint(name="purchase_amount_positive", condition=Q(amount__gt=0)),
            models.CheckConstraint(
                name="purchase_within_bounds", condition=MONEY.check("amount") & OFFICE_DATE.check("purchased_on")
            ),
        ]

    def __str__(self) -> str:
        return f"{self.buyer} → {self.supplier} {self.amount:,}원"
