"""위원회: the office's committees (일자리위원회, 노사민정협의회, 기술교육원 통합운영위원회, 사전심사위원회,
the fund's 상환유예·이행연기 심의위원회, the SIB's 심의위원회, 민간위탁 적격자심의위원회 …), their members with kind and
term, their meetings with agenda items and decisions, attendance with allowances, and the minutes as a document.

A decision names the record it decides by a registered subject code and the record's id (`subjects.py`): the
deciding app registers the kind of record and records its own outcome; committees only keeps the link."""

from __future__ import annotations

import secrets

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iljari.core.models import TimeStampedModel

# The types minutes may be, told apart by their first bytes (never by name): PDF, HWP (OLE2) and HWPX (zip).
MINUTES_SUFFIXES = {"application/pdf": ".pdf", "application/x-hwp": ".hwp", "application/hwp+zip": ".hwpx"}


def minutes_upload_path(instance, filename: str) -> str:
    """A random name under committees/: nothing of the original file name."""
    token = secrets.token_hex(16)
    return f"committees/{token[:2]}/{token}{MINUTES_SUFFIXES.get(instance.minutes_type, '')}"


class Committee(TimeStampedModel):
    class Kind(models.TextChoices):
        DELIBERATION = "deliberation", _("심의위원회")
        ADVISORY = "advisory", _("자문위원회")
        OPERATION = "operation", _("운영위원회")
        CONSULTATION = "consultation", _("협의회")
        SELECTION = "selection", _("심사·평가위원회")

    code = models.CharField(_("위원회 코드"), max_length=32, unique=True)
    name = models.CharField(_("위원회명"), max_length=120)
    kind = models.CharField(_("구분"), max_length=16, choices=Kind.choices)
    legal_basis = models.CharField(_("근거"), max_length=200, blank=True)
    supervising_division = models.ForeignKey(
        "org.OrgUnit",
        verbose_name=_("소관 부서"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="committees",
    )
    programme = models.ForeignKey(
        "plan.Programme",
        verbose_name=_("관련 사업"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="committees",
    )
    appointed_seats = models.PositiveSmallIntegerField(_("위촉직 정수"), null=True, blank=True)
    ex_officio_seats = models.PositiveSmallIntegerField(_("당연직 정수"), null=True, blank=True)
    term_months = models.PositiveSmallIntegerField(_("임기(개월)"), null=True, blank=True)
    cadence = models.CharField(_("개최 주기"), max_length=100, blank=True)
    established_on = models.DateField(_("구성일"), null=True, blank=True)

    class Meta:
        verbose_name = _("위원회")
        verbose_name_plural = _("위원회")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                name="committee_term_months_positive", condition=Q(term_months__isnull=True) | Q(term_months__gte=1)
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("committees:committee_detail", args=[self.code])

    @property
    def seats(self) -> int | None:
        if self.appointed_seats is None and self.ex_officio_seats is None:
            return None
        return (self.appointed_seats or 0) + (self.ex_officio_seats or 0)


class Member(TimeStampedModel):
    class Kind(models.TextChoices):
        APPOINTED = "appointed", _("위촉직")
        EX_OFFICIO = "ex_officio", _("당연직")

    class Role(models.TextChoices):
        CHAIR = "chair", _("위원장")
        VICE_CHAIR = "vice_chair", _("부위원장")
        MEMBER = "member", _("위원")

    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="members", verbose_name=_("위원회"))
    name = models.CharField(_("성명"), max_length=60)
    affiliation = models.CharField(_("소속·직위"), max_length=120, blank=True)
    kind = models.CharField(_("위원 구분"), max_length=16, choices=Kind.choices)
    role = models.CharField(_("직책"), max_length=16, choices=Role.choices, default=Role.MEMBER)
    term_start = models.DateField(_("임기 시작"))
    term_end = models.DateField(_("임기 끝"), null=True, blank=True, help_text=_("비우면 그 직에 있는 동안"))

    class Meta:
        verbose_name = _("위원")
        verbose_name_plural = _("위원")
        ordering = ["committee", "-term_start", "kind", "pk"]
        constraints = [
            models.CheckConstraint(
                name="committee_member_term_end_after_start",
                condition=Q(term_end__isnull=True) | Q(term_end__gt=F("term_start")),
            ),
        ]
        indexes = [models.Index(fields=["committee", "term_start"], name="committee_member_term")]

    def __str__(self) -> str:
        return f"{self.name}({self.get_kind_display()})"

    def serves_on(self, day) -> bool:
        return self.term_start <= day and (self.term_end is None or day <= self.term_end)


class Meeting(TimeStampedModel):
    class Kind(models.TextChoices):
        REGULAR = "regular", _("정기")
        EXTRAORDINARY = "extraordinary", _("임시")
        WRITTEN = "written", _("서면")

    class State(models.TextChoices):
        PLANNED = "planned", _("예정")
        HELD = "held", _("개최")
        CANCELLED = "cancelled", _("취소")

    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("위원회")
    )
    number = models.PositiveSmallIntegerField(_("차수"))
    held_on = models.DateField(_("개최일"))
    place = models.CharField(_("장소"), max_length=120, blank=True)
    kind = models.CharField(_("회의 구분"), max_length=16, choices=Kind.choices, default=Kind.REGULAR)
    state = models.CharField(_("상태"), max_length=16, choices=State.choices, default=State.PLANNED)
    title = models.CharField(_("회의명"), max_length=160, blank=True)
    minutes = models.FileField(_("회의록"), upload_to=minutes_upload_path, blank=True)
    minutes_name = models.CharField(_("회의록 파일 이름"), max_length=200, blank=True)
    minutes_type = models.CharField(_("회의록 파일 형식"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("위원회 회의")
        verbose_name_plural = _("위원회 회의")
        ordering = ["committee", "-held_on", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["committee", "number"], name="committee_meeting_number_once"),
            models.CheckConstraint(name="committee_meeting_number_positive", condition=Q(number__gte=1)),
        ]
        indexes = [models.Index(fields=["committee", "held_on"], name="committee_meeting_day")]

    def __str__(self) -> str:
        return self.title or f"{self.committee.name} 제{self.number}차 회의"

    def get_absolute_url(self) -> str:
        return reverse("committees:meeting_detail", args=[self.pk])


class AgendaItem(TimeStampedModel):
    class Kind(models.TextChoices):
        DELIBERATION = "deliberation", _("심의")
        REPORT = "report", _("보고")
        RESOLUTION = "resolution", _("의결")

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="items", verbose_name=_("회의"))
    order = models.PositiveSmallIntegerField(_("순서"))
    title = models.CharField(_("안건명"), max_length=200)
    kind = models.CharField(_("안건 구분"), max_length=16, choices=Kind.choices, default=Kind.DELIBERATION)

    class Meta:
        verbose_name = _("안건")
        verbose_name_plural = _("안건")
        ordering = ["meeting", "order"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "order"], name="committee_agenda_order_once"),
            models.CheckConstraint(name="committee_agenda_order_positive", condition=Q(order__gte=1)),
        ]

    def __str__(self) -> str:
        return f"제{self.order}호 {self.title}"


class Decision(TimeStampedModel):
    class Result(models.TextChoices):
        APPROVED = "approved", _("원안 가결")
        AMENDED = "amended", _("수정 가결")
        REJECTED = "rejected", _("부결")
        DEFERRED = "deferred", _("보류")

    item = models.OneToOneField(AgendaItem, on_delete=models.PROTECT, related_name="decision", verbose_name=_("안건"))
    result = models.CharField(_("결과"), max_length=16, choices=Result.choices)
    text = models.TextField(_("결정 내용"), blank=True)
    decided_on = models.DateField(_("의결일"))
    subject_type = models.CharField(_("결정 대상 종류"), max_length=40, blank=True)
    subject_id = models.PositiveBigIntegerField(_("결정 대상 번호"), null=True, blank=True)

    class Meta:
        verbose_name = _("의결")
        verbose_name_plural = _("의결")
        ordering = ["-decided_on", "pk"]
        constraints = [
            models.CheckConstraint(
                name="committee_decision_subject_whole",
                condition=(Q(subject_type="") & Q(subject_id__isnull=True))
                | (~Q(subject_type="") & Q(subject_id__isnull=False)),
            ),
        ]
        indexes = [models.Index(fields=["subject_type", "subject_id"], name="committee_decision_subject")]

    def __str__(self) -> str:
        return f"{self.item.title}: {self.get_result_display()}"

    @property
    def passed(self) -> bool:
        return self.result in (self.Result.APPROVED, self.Result.AMENDED)


class Attendance(TimeStampedModel):
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="attendance", verbose_name=_("회의"))
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="attendance", verbose_name=_("위원"))
    present = models.BooleanField(_("참석"), default=True)
    allowance = models.BigIntegerField(_("참석수당(원)"), default=0)
    paid = models.BooleanField(_("지급"), default=False)

    class Meta:
        verbose_name = _("회의 참석")
        verbose_name_plural = _("회의 참석")
        ordering = ["meeting", "member__kind", "member__name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "member"], name="committee_attendance_once"),
            models.CheckConstraint(name="committee_allowance_not_negative", condition=Q(allowance__gte=0)),
        ]

    def __str__(self) -> str:
        return f"{self.member.name} {'참석' if self.present else '불참'}"
