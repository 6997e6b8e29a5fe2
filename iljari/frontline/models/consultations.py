"""The consultations and cases desk's records: consultation topics, consultations (the youth job centre's
counselling, the labour ombudsmen's consultations) and their follow-ups, the advocates' cases and their steps, and
workplace visits."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iljari.core.formats import screen_date
from iljari.core.models import TimeStampedModel
from iljari.frontline.models.rooms import ServicePoint


class ConsultationTopic(TimeStampedModel):
    """The managed list of consultation topics."""

    code = models.CharField(_("코드"), max_length=32, unique=True)
    name = models.CharField(_("주제"), max_length=60)
    sort_order = models.PositiveSmallIntegerField(_("순서"), default=0)
    is_active = models.BooleanField(_("사용"), default=True)

    class Meta:
        verbose_name = _("상담 주제")
        verbose_name_plural = _("상담 주제")
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return self.name


class Consultation(TimeStampedModel):
    """One counselling session or labour consultation. The client is a registered person, or anonymous with
    minimal data (a label, birth year, sex). `notes` are private to the service point's own staff."""

    class Channel(models.TextChoices):
        VISIT = "visit", _("방문")
        PHONE = "phone", _("전화")
        ONLINE = "online", _("온라인")
        TAILORED = "tailored", _("맞춤")

    class Service(models.TextChoices):
        CONSULTATION = "consultation", _("상담")
        MANAGEMENT = "management", _("경영지원")
        STARTUP_COACHING = "startup_coaching", _("창업코칭")
        GROWTH_SUPPORT = "growth_support", _("성장 지원")
        ACADEMY_SUPPORT = "academy_support", _("아카데미 교육 지원")

    class Outcome(models.TextChoices):
        NONE = "", _("진행 중")
        EMPLOYED = "employed", _("취업")
        REFERRED = "referred", _("연계")
        CASE_OPENED = "case_opened", _("사건 수임")
        CLOSED = "closed", _("상담 종결")

    service_point = models.ForeignKey(
        ServicePoint, verbose_name=_("창구"), on_delete=models.PROTECT, related_name="consultations"
    )
    held_on = models.DateField(_("상담일"))
    channel = models.CharField(_("방법"), max_length=8, choices=Channel.choices)
    service = models.CharField(_("서비스 구분"), max_length=20, choices=Service.choices, default=Service.CONSULTATION)
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("상담자"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="consultations",
    )
    client_label = models.CharField(_("익명 상담자"), max_length=60, blank=True)
    client_birth_year = models.PositiveSmallIntegerField(_("출생연도"), null=True, blank=True)
    topic = models.ForeignKey(
        ConsultationTopic, verbose_name=_("주제"), on_delete=models.PROTECT, related_name="consultations"
    )
    advisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("상담사"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    notes = models.TextField(_("상담 내용(창구 내부)"), blank=True)
    outcome = models.CharField(_("결과"), max_length=16, choices=Outcome.choices, blank=True, default="")
    employer = models.CharField(_("취업처"), max_length=120, blank=True)
    employed_on = models.DateField(_("취업일"), null=True, blank=True)
    referred_to = models.CharField(_("연계 기관"), max_length=120, blank=True)
    personal_data_destroyed_at = models.DateTimeField(
        _("개인정보 파기 일시"),
        null=True,
        blank=True,
        help_text=_("보유기간이 지나 상담 내용과 상담자 식별 정보를 파기한 때"),
    )

    class Meta:
        verbose_name = _("상담")
        verbose_name_plural = _("상담")
        ordering = ["-held_on", "-id"]
        constraints = [
            models.CheckConstraint(
                name="consultation_has_a_client", condition=Q(person__isnull=False) | ~Q(client_label="")
            ),
            models.CheckConstraint(
                name="consultation_employed_has_employer_and_date",
                condition=~Q(outcome="employed") | (~Q(employer="") & Q(employed_on__isnull=False)),
            ),
        ]
        indexes = [
            models.Index(fields=["service_point", "held_on"]),
            models.Index(fields=["outcome", "employed_on"]),
            models.Index(fields=["service_point", "service", "held_on"]),
        ]

    def __str__(self) -> str:
        return f"{screen_date(self.held_on)} {self.service_point} 상담"

    def get_absolute_url(self) -> str:
        return reverse("frontline:consultation_detail", args=[self.pk])

    @property
    def client_name(self) -> str:
        return self.person.name if self.person_id else (self.client_label or "익명")


class FollowUp(TimeStampedModel):
    """A follow-up of a consultation (a call back, a second meeting); its note is private like the notes."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("상담")
    )
    due_on = models.DateField(_("예정일"))
    done_on = models.DateField(_("한 날"), null=True, blank=True)
    note = models.TextField(_("내용"), blank=True)

    class Meta:
        verbose_name = _("사후 관리")
        verbose_name_plural = _("사후 관리")
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return f"{screen_date(self.due_on)} 사후 관리"


class LabourCase(TimeStampedModel):
    """A case a labour-rights advocate takes (with legal aid), opened from a consultation or directly."""

    class Result(models.TextChoices):
        OPEN = "open", _("진행 중")
        WON = "won", _("승소·인용")
        SETTLED = "settled", _("합의·화해")
        LOST = "lost", _("패소·기각")

    service_point = models.ForeignKey(
        ServicePoint, verbose_name=_("창구"), on_delete=models.PROTECT, related_name="cases"
    )
    consultation = models.OneToOneField(
        Consultation, verbose_name=_("상담"), null=True, blank=True, on_delete=models.PROTECT, related_name="case"
    )
    advocate = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("노동권리보호관"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    claimant = models.CharField(_("신청인"), max_length=60)
    respondent = models.CharField(_("상대방(사업주)"), max_length=120)
    claim = models.TextField(_("청구 내용"))
    claim_amount = models.BigIntegerField(_("청구 금액(원)"), default=0)
    opened_on = models.DateField(_("수임일"))
    legal_aid_granted = models.BooleanField(_("법률지원 결정"), default=False)
    result = models.CharField(_("결과"), max_length=8, choices=Result.choices, default=Result.OPEN)
    closed_on = models.DateField(_("종결일"), null=True, blank=True)
    amount_recovered = models.BigIntegerField(_("회수 금액(원)"), default=0)

    class Meta:
        verbose_name = _("권리구제 사건")
        verbose_name_plural = _("권리구제 사건")
        ordering = ["-opened_on", "-id"]
        constraints = [
            models.CheckConstraint(
                name="labour_case_amounts_not_negative", condition=Q(claim_amount__gte=0) & Q(amount_recovered__gte=0)
            ),
            models.CheckConstraint(
                name="labour_case_closed_has_date", condition=Q(result="open") | Q(closed_on__isnull=False)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.claimant} ↔ {self.respondent}"


class CaseStep(TimeStampedModel):
    """A step of a case (진정 접수, 출석 조사, 심문 …) with its date and deadline."""

    case = models.ForeignKey(LabourCase, on_delete=models.CASCADE, related_name="steps", verbose_name=_("사건"))
    title = models.CharField(_("단계"), max_length=100)
    on = models.DateField(_("날짜"), null=True, blank=True)
    deadline = models.DateField(_("기한"), null=True, blank=True)

    class Meta:
        verbose_name = _("사건 단계")
        verbose_name_plural = _("사건 단계")
        ordering = ["case", "deadline", "on", "id"]

    def __str__(self) -> str:
        return self.title


class WorkplaceVisit(TimeStampedModel):
    """A workplace consulting visit (근로환경개선 컨설팅, 마을노무사 노무컨설팅) with its findings; a follow-up
    visit checks an earlier visit's findings."""

    service_point = models.ForeignKey(
        ServicePoint, verbose_name=_("창구"), on_delete=models.PROTECT, related_name="visits"
    )
    workplace = models.CharField(_("사업장"), max_length=120)
    employees = models.PositiveIntegerField(_("상시 근로자 수"), default=0)
    visited_on = models.DateField(_("방문일"))
    consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("컨설턴트"), null=True, on_delete=models.PROTECT, related_name="+"
    )
    findings = models.TextField(_("지적사항"), blank=True)
    checks = models.ForeignKey(
        "self",
        verbose_name=_("점검하는 방문"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="follow_up_visits",
    )
    findings_resolved = models.BooleanField(_("지적사항 개선"), null=True, blank=True)

    class Meta:
        verbose_name = _("사업장 컨설팅")
        verbose_name_plural = _("사업장 컨설팅")
        ordering = ["-visited_on", "-id"]

    def __str__(self) -> str:
        return f"{self.workplace} {screen_date(self.visited_on)}"
