"""Support for Seoul's labour organisations (서울지역 노동단체 지원, P2-04) and the 근로자 자녀 장학금 one of them pays.

A union's support is a grant agreement (`GrantAgreement` with an `enterprises.Organisation` of kind 노동단체) whose
sub-projects (`SubProject`) the report counts (〈한국노총〉 9개 사업, 〈민주노총〉 7개 사업). A tranche of the agreement
(`Disbursement`, paid through the agreement's own 교부 step) may be allocated to one sub-project
(`SubProjectTranche`); a tranche not allocated is paid at the agreement level.

The scholarship (`Scholarship`, a round of a year under one sub-project) selects students (`ScholarshipRecipient`:
name, birth date, school, grade, the parent's name and workplace — no resident number: name and birth date, with
the school as a tie-breaker, identify a student for the duplicate check). The 한국장학재단 hands over the list of
the students it supported (`FoundationImport`, its rows `FoundationRecord`); a recipient found on it is flagged and
cannot be paid until the official decides to keep or exclude the student, with a reason.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iljari.core.exports import mask_name
from iljari.core.figures import MONEY, YEAR
from iljari.core.models import TimeStampedModel

__all__ = [
    "SubProject",
    "SubProjectTranche",
    "Scholarship",
    "ScholarshipRecipient",
    "FoundationImport",
    "FoundationRecord",
]


class SubProject(TimeStampedModel):
    """One of the projects a union's agreement supports (근로자복지관 강당증축, 노동조합교육, …). Its budget is kept
    only where it is known: the 2018 report prints the agreement's total, not the split."""

    class State(models.TextChoices):
        PLANNED = "planned", _("추진 예정")
        RUNNING = "running", _("추진 중")
        DONE = "done", _("완료")
        DROPPED = "dropped", _("중단")

    agreement = models.ForeignKey(
        "grants.GrantAgreement", verbose_name=_("협약"), on_delete=models.PROTECT, related_name="sub_projects"
    )
    order = models.PositiveSmallIntegerField(_("순번"))
    title = models.CharField(_("세부사업명"), max_length=200)
    budget = models.BigIntegerField(_("사업비(원)"), null=True, blank=True, validators=[MONEY.validator])
    state = models.CharField(_("상태"), max_length=16, choices=State.choices, default=State.RUNNING)
    note = models.CharField(_("비고"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("노동단체 세부사업")
        verbose_name_plural = _("노동단체 세부사업")
        ordering = ["agreement", "order"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "order"], name="sub_project_unique_order"),
            models.UniqueConstraint(fields=["agreement", "title"], name="sub_project_unique_title"),
            models.CheckConstraint(
                name="sub_project_budget_within_bounds",
                condition=Q(budget__isnull=True) | MONEY.check("budget"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.title}"


class SubProjectTranche(models.Model):
    """A tranche of a union's agreement allocated to one of its sub-projects."""

    disbursement = models.OneToOneField(
        "grants.Disbursement", verbose_name=_("교부"), on_delete=models.CASCADE, related_name="sub_project_link"
    )
    sub_project = models.ForeignKey(
        SubProject, verbose_name=_("세부사업"), on_delete=models.PROTECT, related_name="tranches"
    )

    class Meta:
        verbose_name = _("세부사업 교부 배정")
        verbose_name_plural = _("세부사업 교부 배정")

    def __str__(self) -> str:
        return f"{self.disbursement} → {self.sub_project}"


class Scholarship(TimeStampedModel):
    """A round of the 근로자 자녀 장학금: the year, the sub-project that pays it, the amount per student, the budget."""

    sub_project = models.ForeignKey(
        SubProject, verbose_name=_("세부사업"), on_delete=models.PROTECT, related_name="scholarships"
    )
    year = models.PositiveSmallIntegerField(_("연도"), validators=[YEAR.validator])
    title = models.CharField(_("회차명"), max_length=100)
    amount_per_student = models.BigIntegerField(_("1인 장학금(원)"), validators=[MONEY.validator])
    budget = models.BigIntegerField(_("예산(원)"), validators=[MONEY.validator])

    class Meta:
        verbose_name = _("근로자 자녀 장학금")
        verbose_name_plural = _("근로자 자녀 장학금")
        ordering = ["-year", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["sub_project", "year", "title"], name="scholarship_unique_title"),
            models.CheckConstraint(
                name="scholarship_amounts",
                condition=Q(amount_per_student__gt=0)
                & Q(budget__gte=models.F("amount_per_student"))
                & MONEY.check("budget")
                & YEAR.check("year"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("grants:scholarship_detail", args=[self.pk])


class ScholarshipRecipient(TimeStampedModel):
    """A student selected for a round. `name_key` and `school_key` are the normalised name and school the duplicate
    check matches on. `review`: empty (not found on the foundation's list), 확인 필요 (found: payment waits), 유지 or
    제외 (the official's decision, with its reason)."""

    class State(models.TextChoices):
        SELECTED = "selected", _("선정")
        PAID = "paid", _("지급")
        EXCLUDED = "excluded", _("중복 제외")

    class Review(models.TextChoices):
        NONE = "", _("중복 없음")
        PENDING = "pending", _("중복 확인 필요")
        KEPT = "kept", _("중복 확인: 지급 유지")
        EXCLUDED = "excluded", _("중복 확인: 제외")

    scholarship = models.ForeignKey(
        Scholarship, verbose_name=_("장학금 회차"), on_delete=models.PROTECT, related_name="recipients"
    )
    name = models.CharField(_("학생 이름"), max_length=60)
    name_key = models.CharField(_("이름(비교용)"), max_length=60, db_index=True)
    birth_date = models.DateField(_("생년월일"))
    school = models.CharField(_("학교"), max_length=100)
    school_key = models.CharField(_("학교(비교용)"), max_length=100)
    grade = models.CharField(_("학년"), max_length=20, blank=True)
    parent_name = models.CharField(_("보호자(근로자) 이름"), max_length=60)
    parent_workplace = models.CharField(_("보호자 사업장"), max_length=100, blank=True)
    amount = models.BigIntegerField(_("장학금(원)"), validators=[MONEY.validator])
    state = models.CharField(_("상태"), max_length=16, choices=State.choices, default=State.SELECTED)
    paid_on = models.DateField(_("지급일"), null=True, blank=True)
    match = models.ForeignKey(
        "FoundationRecord", verbose_name=_("한국장학재단 지원 내역"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="recipients",
    )  # fmt: skip
    review = models.CharField(_("중복 확인"), max_length=16, choices=Review.choices, blank=True, default="")
    review_reason = models.CharField(_("결정 사유"), max_length=200, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("결정한 사람"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    reviewed_at = models.DateTimeField(_("결정 일시"), null=True, blank=True)

    class Meta:
        verbose_name = _("장학금 대상 학생")
        verbose_name_plural = _("장학금 대상 학생")
        ordering = ["scholarship", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["scholarship", "name_key", "birth_date", "school_key"], name="scholarship_recipient_once"
            ),
            models.CheckConstraint(name="scholarship_recipient_amount", condition=Q(amount__gt=0)),
            models.CheckConstraint(
                name="scholarship_recipient_paid_has_day",
                condition=~Q(state="paid") | Q(paid_on__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{mask_name(self.name)} ({self.scholarship})"

    @property
    def masked_name(self) -> str:
        return self.name if self.name == "(파기)" else mask_name(self.name)  # destroyed (union_retention)

    @property
    def payable(self) -> bool:
        return self.state == self.State.SELECTED and self.review in (self.Review.NONE, self.Review.KEPT)


class FoundationImport(TimeStampedModel):
    """One upload of the 한국장학재단's list for a round: the file's name, who, when, its rows and the matches."""

    scholarship = models.ForeignKey(
        Scholarship, verbose_name=_("장학금 회차"), on_delete=models.PROTECT, related_name="imports"
    )
    file_name = models.CharField(_("파일 이름"), max_length=200)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("올린 사람"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    rows = models.PositiveIntegerField(_("행 수"))
    matches = models.PositiveIntegerField(_("중복 의심"))

    class Meta:
        verbose_name = _("한국장학재단 지원 명단")
        verbose_name_plural = _("한국장학재단 지원 명단")
        ordering = ["scholarship", "-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.rows}행)"


class FoundationRecord(models.Model):
    """A row of the foundation's list: the student, and the support the foundation gave."""

    source = models.ForeignKey(
        FoundationImport, verbose_name=_("명단"), on_delete=models.CASCADE, related_name="records"
    )
    row = models.PositiveIntegerField(_("행"))
    name = models.CharField(_("이름"), max_length=60)
    name_key = models.CharField(_("이름(비교용)"), max_length=60, db_index=True)
    birth_date = models.DateField(_("생년월일"))
    school = models.CharField(_("학교"), max_length=100, blank=True)
    school_key = models.CharField(_("학교(비교용)"), max_length=100, blank=True)
    support = models.CharField(_("지원 내용"), max_length=100)
    amount = models.BigIntegerField(_("지원액(원)"), validators=[MONEY.validator])
    period = models.CharField(_("지원 기간"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("한국장학재단 지원 내역")
        verbose_name_plural = _("한국장학재단 지원 내역")
        ordering = ["source", "row"]
        constraints = [models.CheckConstraint(name="foundation_record_amount", condition=Q(amount__gte=0))]

    def __str__(self) -> str:
        return f"{mask_name(self.name)} {self.support}"
