"""Events and campaigns the office runs or co-hosts: the 특성화고 직업 멘토스쿨, the youth company tours (기업탐방), the
job-idea contests and hackathons, the 사회적경제 주간, the 좋은 일자리도시 국제포럼 and the 공정무역 festival.

An `Event` belongs to a plan programme and a division; its attendance is counted either by named registrations (its
`sessions` are a frontline `Programme` with sessions and capacity-checked registrations: the 멘토스쿨's three
sessions, the forum's five) or by headcount tallies for open events (`EventTally`: the 사회적경제 주간's 15,000). A
contest's entries, judging and selection are an intake `Call` (`call`). Its committees (`EventCommittee`: the forum's
기획자문단 and 조직위원회), invited cities and organisations (`EventGuest`), company visits with their interview
articles on the strong-SME platform (`EventVisit`: enterprises' `PlatformArticle`) and documents (`EventDocument`: the
forum's 백서) hang off it.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iljari.core.formats import screen_date
from iljari.core.models import TimeStampedModel

# The types an event's document may be, told apart by their first bytes (never by name).
DOCUMENT_SUFFIXES = {
    "application/pdf": ".pdf",
    "image/jpeg": ".jpg",
    "image/png": ".png",
}


def event_document_path(instance, filename: str) -> str:
    """A random name under events/: nothing of the original file name."""
    token = secrets.token_hex(16)
    return f"events/{token[:2]}/{token}{DOCUMENT_SUFFIXES.get(instance.file_type, '')}"


class Event(TimeStampedModel):
    """One event or campaign: what kind, whose programme, who organises it, when and where, how many it takes."""

    class Kind(models.TextChoices):
        MENTOR_SCHOOL = "mentor_school", _("멘토스쿨")
        COMPANY_TOUR = "company_tour", _("기업탐방")
        CONTEST = "contest", _("공모전·해커톤")
        WEEK = "week", _("주간행사")
        FORUM = "forum", _("국제포럼")
        FESTIVAL = "festival", _("축제")

    class State(models.TextChoices):
        PLANNED = "planned", _("계획")
        OPEN = "open", _("모집·진행")
        DONE = "done", _("종료")
        CANCELLED = "cancelled", _("취소")

    class Counting(models.TextChoices):
        REGISTRATIONS = "registrations", _("신청·출석 명단")
        TALLY = "tally", _("현장 인원 집계")
        NONE = "none", _("집계하지 않음")

    code = models.CharField(_("코드"), max_length=32, unique=True)
    kind = models.CharField(_("구분"), max_length=16, choices=Kind.choices)
    title = models.CharField(_("행사명"), max_length=200)
    programme = models.ForeignKey(
        "plan.Programme", verbose_name=_("주요업무"), on_delete=models.PROTECT, related_name="events"
    )
    division = models.ForeignKey("org.OrgUnit", verbose_name=_("담당 부서"), on_delete=models.PROTECT, related_name="+")
    organisers = models.CharField(_("주최·주관"), max_length=300, blank=True)
    partner = models.ForeignKey(
        "org.Partner",
        verbose_name=_("공동 주최 기관"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    starts_on = models.DateField(_("시작일"))
    ends_on = models.DateField(_("종료일"))
    place = models.CharField(_("장소"), max_length=200, blank=True)
    capacity = models.PositiveIntegerField(_("규모(명)"), null=True, blank=True)
    state = models.CharField(_("상태"), max_length=12, choices=State.choices, default=State.PLANNED)
    counting = models.CharField(_("참여 인원 집계"), max_length=16, choices=Counting.choices, default=Counting.NONE)
    sessions = models.OneToOneField(
        "frontline.Programme",
        verbose_name=_("회차·신청 프로그램"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="event",
    )
    call = models.ForeignKey(
        "intake.Call",
        verbose_name=_("공모(접수·심사·선정)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.TextField(_("비고"), blank=True)

    class Meta:
        verbose_name = _("행사")
        verbose_name_plural = _("행사")
        ordering = ["-starts_on", "code"]
        constraints = [
            models.CheckConstraint(name="event_ends_after_start", condition=Q(ends_on__gte=F("starts_on"))),
            models.CheckConstraint(
                name="event_capacity_positive", condition=Q(capacity__isnull=True) | Q(capacity__gte=1)
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("frontline:event_detail", args=[self.code])

    @property
    def period_text(self) -> str:
        if self.starts_on == self.ends_on:
            return screen_date(self.starts_on)
        return f"{screen_date(self.starts_on)} ~ {screen_date(self.ends_on)}"


class EventCommittee(TimeStampedModel):
    """A body formed for an event (the forum's 기획자문단, 조직위원회) and when it was formed."""

    event = models.ForeignKey(Event, verbose_name=_("행사"), on_delete=models.CASCADE, related_name="committees")
    name = models.CharField(_("이름"), max_length=120)
    formed_on = models.DateField(_("구성일"))
    members = models.PositiveIntegerField(_("위원 수"), null=True, blank=True)
    note = models.CharField(_("비고"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("행사 위원회")
        verbose_name_plural = _("행사 위원회")
        ordering = ["formed_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["event", "name"], name="event_committee_unique")]

    def __str__(self) -> str:
        return self.name


class EventTally(TimeStampedModel):
    """People counted at an open event on one day at one place, and how they were counted."""

    class Method(models.TextChoices):
        GATE = "gate", _("입장 계수")
        SIGN_IN = "sign_in", _("방명록·현장 등록")
        ESTIMATE = "estimate", _("추산")

    event = models.ForeignKey(Event, verbose_name=_("행사"), on_delete=models.CASCADE, related_name="tallies")
    day = models.DateField(_("날짜"))
    place = models.CharField(_("장소"), max_length=120)
    count = models.PositiveIntegerField(_("인원"))
    method = models.CharField(_("집계 방법"), max_length=12, choices=Method.choices)
    note = models.CharField(_("비고"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("참여 인원 집계")
        verbose_name_plural = _("참여 인원 집계")
        ordering = ["day", "place"]
        constraints = [models.UniqueConstraint(fields=["event", "day", "place"], name="event_tally_once_per_place")]

    def __str__(self) -> str:
        return f"{screen_date(self.day)} {self.place} {self.count:,}명"


class EventGuest(TimeStampedModel):
    """A city, organisation or person invited to an event."""

    class Kind(models.TextChoices):
        CITY = "city", _("도시")
        INTERNATIONAL = "international", _("국제기구")
        ORGANISATION = "organisation", _("기관·단체")
        EXPERT = "expert", _("전문가")

    class Reply(models.TextChoices):
        INVITED = "invited", _("초청")
        ACCEPTED = "accepted", _("참석 확정")
        DECLINED = "declined", _("불참")

    event = models.ForeignKey(Event, verbose_name=_("행사"), on_delete=models.CASCADE, related_name="guests")
    name = models.CharField(_("이름"), max_length=200)
    kind = models.CharField(_("구분"), max_length=16, choices=Kind.choices)
    country = models.CharField(_("국가"), max_length=60, blank=True)
    affiliation = models.CharField(_("도시·기관"), max_length=200, blank=True)
    invited_on = models.DateField(_("초청일"), null=True, blank=True)
    reply = models.CharField(_("회신"), max_length=12, choices=Reply.choices, default=Reply.INVITED)

    class Meta:
        verbose_name = _("초청 대상")
        verbose_name_plural = _("초청 대상")
        ordering = ["kind", "name"]
        constraints = [models.UniqueConstraint(fields=["event", "name"], name="event_guest_unique")]

    def __str__(self) -> str:
        return self.name


class EventVisit(TimeStampedModel):
    """A company tour's visit to an enterprise, with the interview article it gave the strong-SME platform."""

    event = models.ForeignKey(Event, verbose_name=_("행사"), on_delete=models.CASCADE, related_name="visits")
    organisation = models.ForeignKey(
        "enterprises.Organisation", verbose_name=_("방문 기업"), on_delete=models.PROTECT, related_name="+"
    )
    visited_on = models.DateField(_("방문일"))
    participants = models.PositiveIntegerField(_("참여 청년 수"), default=0)
    article = models.ForeignKey(
        "enterprises.PlatformArticle",
        verbose_name=_("탐방기사"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField(_("비고"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("기업 방문")
        verbose_name_plural = _("기업 방문")
        ordering = ["visited_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "organisation", "visited_on"], name="event_visit_once_a_day")
        ]

    def __str__(self) -> str:
        return f"{screen_date(self.visited_on)} {self.organisation}"


class EventDocument(TimeStampedModel):
    """A document an event produced (the forum's 백서, a result report), uploaded as a file."""

    class Kind(models.TextChoices):
        WHITE_PAPER = "white_paper", _("백서")
        RESULT_REPORT = "result_report", _("결과보고서")
        PLAN = "plan", _("계획서")
        OTHER = "other", _("기타")

    event = models.ForeignKey(Event, verbose_name=_("행사"), on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("구분"), max_length=16, choices=Kind.choices)
    title = models.CharField(_("제목"), max_length=200)
    issued_on = models.DateField(_("발간일"))
    file = models.FileField(_("파일"), upload_to=event_document_path)
    file_name = models.CharField(_("파일 이름"), max_length=200)
    file_type = models.CharField(_("파일 형식"), max_length=40)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("올린 사람"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("행사 문서")
        verbose_name_plural = _("행사 문서")
        ordering = ["-issued_on", "-pk"]

    def __str__(self) -> str:
        return self.title


class EventEntry(TimeStampedModel):
    """A proposal entered in a contest (공모전·해커톤: the SIB's 모의크라우드 펀딩대회's 제안사업): who proposed it,
    how far it went (제안 → 선정 → 시상) and on which days, and the amount pledged for it in the crowdfunding round
    (모의금액, 원; empty when it had none)."""

    class Stage(models.TextChoices):
        PROPOSED = "proposed", _("제안")
        SELECTED = "selected", _("선정")
        AWARDED = "awarded", _("시상")

    event = models.ForeignKey(Event, verbose_name=_("행사"), on_delete=models.CASCADE, related_name="entries")
    title = models.CharField(_("제안사업"), max_length=200)
    proposer = models.CharField(_("제안자"), max_length=200, blank=True)
    proposed_on = models.DateField(_("제안일"))
    stage = models.CharField(_("단계"), max_length=12, choices=Stage.choices, default=Stage.PROPOSED)
    selected_on = models.DateField(_("선정일"), null=True, blank=True)
    awarded_on = models.DateField(_("시상일"), null=True, blank=True)
    pledged = models.BigIntegerField(_("모의금액(원)"), null=True, blank=True)
    note = models.CharField(_("비고"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("공모 제안")
        verbose_name_plural = _("공모 제안")
        ordering = ["event", "proposed_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "title"], name="event_entry_unique_title"),
            models.CheckConstraint(
                name="event_entry_pledged_not_negative", condition=Q(pledged__isnull=True) | Q(pledged__gte=0)
            ),
            models.CheckConstraint(
                name="event_entry_stage_dates",
                condition=(Q(stage="proposed") & Q(selected_on__isnull=True) & Q(awarded_on__isnull=True))
                | (Q(stage="selected") & Q(selected_on__isnull=False) & Q(awarded_on__isnull=True))
                | (Q(stage="awarded") & Q(selected_on__isnull=False) & Q(awarded_on__isnull=False)),
            ),
            models.CheckConstraint(
                name="event_entry_dates_in_order",
                condition=(Q(selected_on__isnull=True) | Q(selected_on__gte=F("proposed_on")))
                & (Q(awarded_on__isnull=True) | Q(awarded_on__gte=F("selected_on"))),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def next_stage(self) -> str | None:
        """The stage this entry may be advanced to, or None when it was awarded."""
        return {self.Stage.PROPOSED: self.Stage.SELECTED, self.Stage.SELECTED: self.Stage.AWARDED}.get(self.stage)
