"""Calls (모집·공모), their quotas and rules, applications, review scores and selection runs."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from iljari.core.formats import screen_date, screen_datetime
from iljari.core.models import TimeStampedModel
from iljari.performance.models import TargetGroup


class Call(TimeStampedModel):
    """A call for applications: a programme's round, open for a period, with places in quotas. A call is for people
    (citizens apply) or for organisations (enterprises apply, e.g. the strong-SME selection); both share the same
    applications, review scores and selection."""

    class Audience(models.TextChoices):
        PEOPLE = "people", _("시민")
        ORGANISATIONS = "organisations", _("기업·단체")

    class ScoreAggregation(models.TextChoices):
        MEAN = "mean", _("심사위원 점수의 평균")
        TRIMMED_MEAN = "trimmed_mean", _("최고·최저 점수를 하나씩 뺀 평균(심사위원 3명 이상일 때)")

    code = models.CharField(_("코드"), max_length=40, unique=True)
    programme = models.ForeignKey(
        "plan.Programme", verbose_name=_("주요업무"), on_delete=models.PROTECT, related_name="calls"
    )
    title = models.CharField(_("공고명"), max_length=200)
    audience = models.CharField(_("대상"), max_length=16, choices=Audience.choices, default=Audience.PEOPLE)
    description = models.TextField(_("안내"), blank=True)
    target_group = models.CharField(
        _("모집 대상"),
        max_length=16,
        choices=TargetGroup.choices,
        blank=True,
        help_text=_("공개 모집공고 목록에서 찾는 대상(청년, 어르신 …). 기업·단체 공모는 비워 둡니다."),
    )
    contact = models.CharField(
        _("문의처"),
        max_length=200,
        blank=True,
        help_text=_("공고를 보는 시민·기업이 물어볼 곳(예: 일자리정책과 청년일자리팀 02-2133-5000)"),
    )
    required_documents = models.TextField(_("제출 서류"), blank=True, help_text=_("한 줄에 하나씩 적습니다."))
    opens_at = models.DateTimeField(_("접수 시작"))
    closes_at = models.DateTimeField(_("접수 마감"))
    announce_on = models.DateField(_("발표일"))
    has_document_review = models.BooleanField(_("서면심사"), default=True)
    has_interview = models.BooleanField(_("면접"), default=False)
    score_aggregation = models.CharField(
        _("심사 점수 집계"), max_length=16, choices=ScoreAggregation.choices, default=ScoreAggregation.MEAN
    )
    certifies = models.CharField(
        _("선정 시 지정"),
        max_length=32,
        blank=True,
        help_text=_("기업·단체 공모에서 선정 확정 때 선정 기업에 부여하는 지정(예: 서울형 강소기업)"),
    )
    published_at = models.DateTimeField(
        _("게시 일시"),
        null=True,
        blank=True,
        help_text=_("결재가 끝나 시민·기업에게 보이기 시작한 때(비어 있으면 게시 전)"),
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("게시 결재자"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    selection_confirmed_at = models.DateTimeField(_("선발 확정 일시"), null=True, blank=True)
    selection_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("선발을 확정한 사람"),
    )

    class Meta:
        verbose_name = _("모집공고")
        verbose_name_plural = _("모집공고")
        ordering = ["-opens_at", "code"]
        constraints = [
            models.CheckConstraint(name="call_closes_after_opening", condition=Q(closes_at__gt=models.F("opens_at"))),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("intake:call_detail", args=[self.code])

    def public_status(self, now=None) -> str:
        """접수 예정, 접수 중 or 마감, as the public pages show a published call."""
        now = now or timezone.now()
        if now < self.opens_at:
            return "접수 예정"
        return "접수 중" if now < self.closes_at else "마감"

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.is_published and self.opens_at <= now < self.closes_at

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def selection_confirmed(self) -> bool:
        return self.selection_confirmed_at is not None

    @property
    def document_lines(self) -> list[str]:
        return [line.strip() for line in self.required_documents.splitlines() if line.strip()]


class Quota(TimeStampedModel):
    """Places of a call reserved for one category (the city's projects, a district, a project)."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="quotas", verbose_name=_("모집공고"))
    code = models.CharField(_("코드"), max_length=40)
    name = models.CharField(_("구분"), max_length=100)
    places = models.PositiveIntegerField(_("인원"))
    district = models.ForeignKey(
        "org.District",
        verbose_name=_("자치구"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("자치구가 운영하는 구분이면 그 자치구 담당자가 서면·엑셀 신청을 등록합니다."),
    )
    order = models.PositiveSmallIntegerField(_("순서"), default=0)

    class Meta:
        verbose_name = _("선발 구분")
        verbose_name_plural = _("선발 구분")
        ordering = ["call", "order", "code"]
        constraints = [models.UniqueConstraint(fields=["call", "code"], name="quota_unique_code")]

    def __str__(self) -> str:
        return f"{self.name} ({self.places}명)"


class EligibilityRule(TimeStampedModel):
    """One condition an applicant must meet. Rules are data: the division picks a kind and its parameters."""

    class Kind(models.TextChoices):
        AGE_BETWEEN = "age_between", _("나이(기준일 만 나이)")
        RESIDES_IN_SEOUL = "resides_in_seoul", _("서울 거주")
        NO_REGULAR_INCOME = "no_regular_income", _("정기소득 없음")
        JOB_SEEKER = "job_seeker", _("구직등록")
        NO_DIRECT_JOB_OVERLAP = "no_direct_job_overlap", _("같은 기간 다른 직접일자리 미참여")

    call = models.ForeignKey(
        Call, on_delete=models.CASCADE, related_name="eligibility_rules", verbose_name=_("모집공고")
    )
    kind = models.CharField(_("조건"), max_length=24, choices=Kind.choices)
    min_value = models.PositiveSmallIntegerField(_("최소"), null=True, blank=True)
    max_value = models.PositiveSmallIntegerField(_("최대"), null=True, blank=True)
    on_date = models.DateField(_("기준일·기간 시작"), null=True, blank=True)
    until_date = models.DateField(_("기간 끝"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("순서"), default=0)

    class Meta:
        verbose_name = _("신청 자격")
        verbose_name_plural = _("신청 자격")
        ordering = ["call", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                name="eligibility_age_rule_has_bounds",
                condition=~Q(kind="age_between")
                | (
                    Q(on_date__isnull=False)
                    & (Q(min_value__isnull=False) | Q(max_value__isnull=False))
                    & (Q(min_value__isnull=True) | Q(max_value__isnull=True) | Q(min_value__lte=models.F("max_value")))
                ),
            ),
            models.CheckConstraint(
                name="eligibility_overlap_rule_has_period",
                condition=~Q(kind="no_direct_job_overlap")
                | (Q(on_date__isnull=False) & Q(until_date__isnull=False) & Q(until_date__gte=models.F("on_date"))),
            ),
        ]

    def __str__(self) -> str:
        if self.kind == self.Kind.AGE_BETWEEN:
            return f"{age_range_text(self.min_value, self.max_value)}({screen_date(self.on_date)} 기준)"
        if self.kind == self.Kind.NO_DIRECT_JOB_OVERLAP:
            return f"{screen_date(self.on_date)}~{screen_date(self.until_date)}에 다른 직접일자리에 참여하지 않는 사람"
        return self.get_kind_display()


def age_range_text(low: int | None, high: int | None) -> str:
    """ "만 18세 이상 39세 이하", "만 15세 이상", "만 64세 이하"."""
    parts = []
    if low is not None:
        parts.append(f"{low}세 이상")
    if high is not None:
        parts.append(f"{high}세 이하")
    return "만 " + " ".join(parts)


class PriorityRule(TimeStampedModel):
    """Points an applicant gains for an attribute (우선 선발)."""

    class Kind(models.TextChoices):
        BASIC_LIVELIHOOD = "basic_livelihood_recipient", _("기초생활수급자")
        VETERAN = "veteran", _("국가유공자")
        DISABILITY = "disability", _("장애인")

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="priority_rules", verbose_name=_("모집공고"))
    kind = models.CharField(_("대상"), max_length=32, choices=Kind.choices)
    points = models.PositiveSmallIntegerField(_("가점"))

    class Meta:
        verbose_name = _("우선 선발 가점")
        verbose_name_plural = _("우선 선발 가점")
        constraints = [models.UniqueConstraint(fields=["call", "kind"], name="priority_rule_unique_kind")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} +{self.points}"


class Application(TimeStampedModel):
    """One person's (or, in a call for organisations, one organisation's) application to a call: saved as a draft
    (임시저장) and then submitted, or registered by staff from a paper form. A draft is not an application yet: it
    is counted, checked and selected nowhere."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("임시저장")
        SUBMITTED = "submitted", _("접수")
        SCREENED_OUT = "screened_out", _("서면심사 탈락")
        WITHDRAWN = "withdrawn", _("철회")
        INELIGIBLE = "ineligible", _("자격 없음")
        SELECTED = "selected", _("선발")
        WAITLISTED = "waitlisted", _("예비")
        NOT_SELECTED = "not_selected", _("미선발")
        DECLINED = "declined", _("선발 포기")

    class Channel(models.TextChoices):
        ONLINE = "online", _("온라인")
        PAPER = "paper", _("서면(담당자 등록)")

    # Every index is written again whenever a row's status changes (status is indexed, so no update is HOT): the
    # table keeps only the indexes its queries need (see Meta.indexes).
    call = models.ForeignKey(
        Call, on_delete=models.PROTECT, related_name="applications", db_index=False, verbose_name=_("모집공고")
    )
    person = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("사람"),
    )
    organisation = models.ForeignKey(
        "enterprises.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="applications",
        db_index=False,
        verbose_name=_("기업·단체"),
    )
    quota = models.ForeignKey(
        Quota, verbose_name=_("선발 구분"), on_delete=models.PROTECT, related_name="applications", db_index=False
    )
    status = models.CharField(_("상태"), max_length=16, choices=Status.choices, default=Status.SUBMITTED)
    channel = models.CharField(_("접수 경로"), max_length=8, choices=Channel.choices, default=Channel.ONLINE)
    submitted_at = models.DateTimeField(_("접수 일시"), null=True, blank=True)
    priority_points = models.PositiveSmallIntegerField(_("가점"), default=0)
    ineligible_reasons = models.TextField(_("자격 미충족 사유"), blank=True)
    placed_at = models.DateTimeField(
        _("배치·입교 일시"), null=True, blank=True, help_text=_("선발된 사람이 사업장에 배치되거나 교육원에 입교한 때")
    )
    personal_data_destroyed_at = models.DateTimeField(
        _("개인정보 파기 일시"), null=True, blank=True, help_text=_("보유기간이 지나 서류와 식별 정보를 파기한 때")
    )

    class Meta:
        verbose_name = _("신청")
        verbose_name_plural = _("신청")
        ordering = ["call", "submitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["call", "person"], name="application_once_per_call"),
            models.UniqueConstraint(
                fields=["call", "organisation"],
                condition=Q(organisation__isnull=False),
                name="application_once_per_organisation",
            ),
            models.CheckConstraint(
                name="application_person_or_organisation",
                condition=(Q(person__isnull=False) & Q(organisation__isnull=True))
                | (Q(person__isnull=True) & Q(organisation__isnull=False)),
            ),
            models.CheckConstraint(
                name="application_submitted_has_time",
                condition=Q(status="draft") | Q(submitted_at__isnull=False),
            ),
        ]
        # (call, status), (call, person) and (quota, status) lead with call and quota, which have no index of
        # their own; the organisation's indexes leave out the people's applications (nearly all of them)
        indexes = [
            models.Index(fields=["call", "status"]),
            models.Index(fields=["quota", "status"]),
            models.Index(
                fields=["organisation"], condition=Q(organisation__isnull=False), name="application_organisation"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.call} #{self.pk}"

    @property
    def applicant_name(self) -> str:
        return self.organisation.name if self.organisation_id else self.person.name

    @property
    def is_expired_draft(self) -> bool:
        """A draft still unsubmitted when the call closed: shown as 마감(미제출)."""
        return self.status == self.Status.DRAFT and timezone.now() >= self.call.closes_at

    @property
    def status_text(self) -> str:
        return "마감(미제출)" if self.is_expired_draft else self.get_status_display()


# The types an applicant may upload, told apart by their first bytes (never by name or browser-sent type).
DOCUMENT_SUFFIXES = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}


def document_upload_path(instance, filename: str) -> str:
    """A random name under intake/documents/: nothing of the applicant's or of the original file name, so that
    no path can be guessed (the files are never served publicly anyway; see views.document_download)."""
    token = secrets.token_hex(16)
    return f"intake/documents/{token[:2]}/{token}{DOCUMENT_SUFFIXES.get(instance.content_type, '')}"


class ApplicationDocument(TimeStampedModel):
    """A file an applicant uploaded for one of the call's required documents (one line of
    `Call.required_documents`); stored under MEDIA_ROOT with a random name, read only through the download view."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="documents", verbose_name=_("신청")
    )
    label = models.CharField(_("제출 서류"), max_length=200)
    file = models.FileField(_("파일"), upload_to=document_upload_path, max_length=200)
    original_name = models.CharField(_("원래 파일 이름"), max_length=255)
    size = models.PositiveBigIntegerField(_("크기(바이트)"))
    content_type = models.CharField(_("파일 형식"), max_length=40)
    uploaded_at = models.DateTimeField(_("올린 일시"))

    class Meta:
        verbose_name = _("제출 서류")
        verbose_name_plural = _("제출 서류")
        ordering = ["application", "pk"]
        constraints = [models.UniqueConstraint(fields=["application", "label"], name="application_document_once")]

    def __str__(self) -> str:
        return f"{self.application} {self.label}"


class ReviewScore(TimeStampedModel):
    class Stage(models.TextChoices):
        DOCUMENT_REVIEW = "document_review", _("서면심사")
        INTERVIEW = "interview", _("면접")

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="scores", verbose_name=_("신청")
    )
    stage = models.CharField(_("단계"), max_length=16, choices=Stage.choices)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("심사위원")
    )
    score = models.DecimalField(_("점수"), max_digits=6, decimal_places=2)

    class Meta:
        verbose_name = _("심사 점수")
        verbose_name_plural = _("심사 점수")
        constraints = [
            models.UniqueConstraint(fields=["application", "stage", "reviewer"], name="review_score_once"),
            models.CheckConstraint(name="review_score_range", condition=Q(score__gte=0) & Q(score__lte=100)),
        ]

    def __str__(self) -> str:
        return f"{self.application} {self.get_stage_display()} {self.score}"


class ReviewCriterion(TimeStampedModel):
    """One of a call's published scoring criteria (e.g. 고용안정성 40점): a reviewer scores each, and the review
    score is their sum."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("모집공고"))
    code = models.CharField(_("코드"), max_length=40)
    name = models.CharField(_("심사 기준"), max_length=100)
    max_points = models.PositiveSmallIntegerField(_("배점"))
    order = models.PositiveSmallIntegerField(_("순서"), default=0)

    class Meta:
        verbose_name = _("심사 기준")
        verbose_name_plural = _("심사 기준")
        ordering = ["call", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["call", "code"], name="review_criterion_unique_code"),
            models.CheckConstraint(
                name="review_criterion_points", condition=Q(max_points__gte=1) & Q(max_points__lte=100)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.max_points}점)"


class ReviewCriterionScore(models.Model):
    """A reviewer's points for one criterion; their ReviewScore holds the sum."""

    review_score = models.ForeignKey(
        ReviewScore, on_delete=models.CASCADE, related_name="criterion_scores", verbose_name=_("심사 점수")
    )
    criterion = models.ForeignKey(
        ReviewCriterion, on_delete=models.PROTECT, related_name="+", verbose_name=_("심사 기준")
    )
    points = models.DecimalField(_("점수"), max_digits=6, decimal_places=2)

    class Meta:
        verbose_name = _("심사 기준별 점수")
        verbose_name_plural = _("심사 기준별 점수")
        constraints = [
            models.UniqueConstraint(fields=["review_score", "criterion"], name="criterion_score_once"),
            models.CheckConstraint(name="criterion_score_not_negative", condition=Q(points__gte=0)),
        ]

    def __str__(self) -> str:
        return f"{self.review_score} {self.criterion.name} {self.points}"


class ConflictDeclaration(TimeStampedModel):
    """A reviewer declares a conflict of interest with an application (이해충돌 신고): they may no longer score
    it, and any score they gave it is withdrawn."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="conflicts", verbose_name=_("신청")
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("심사위원")
    )
    reason = models.CharField(_("사유"), max_length=200)
    declared_at = models.DateTimeField(_("신고 일시"))

    class Meta:
        verbose_name = _("이해충돌 신고")
        verbose_name_plural = _("이해충돌 신고")
        constraints = [models.UniqueConstraint(fields=["application", "reviewer"], name="conflict_declared_once")]

    def __str__(self) -> str:
        return f"{self.application} 이해충돌 ({self.reviewer})"


class SelectionRun(models.Model):
    """One run of the selection of a call: who ran it, when, with which seed and algorithm, and the outcome of
    every application. Anyone can re-run it with the same seed and get the same result."""

    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="selection_runs", verbose_name=_("모집공고"))
    run_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("실행한 사람")
    )

    class Method(models.TextChoices):
        """The versions of the selection's rules (a run records the one it followed, so it can be re-run)."""

        V1 = "iljari-selection-v1", _("심사 점수·가점·추첨 순 선발(제1판)")

    run_at = models.DateTimeField(_("실행 일시"))
    seed = models.BigIntegerField(_("추첨 기준값"))  # the random seed: the same value draws the same lots
    algorithm = models.CharField(_("선발 방식"), max_length=40, choices=Method.choices)
    selected = models.PositiveIntegerField(_("선발"))
    waitlisted = models.PositiveIntegerField(_("예비"))

    class Meta:
        verbose_name = _("선발 실행")
        verbose_name_plural = _("선발 실행")
        ordering = ["-run_at"]

    def __str__(self) -> str:
        return f"{self.call} {screen_datetime(self.run_at)} 선발"


class SelectionResult(models.Model):
    # no index of its own: the unique (run, application) leads with it
    run = models.ForeignKey(
        SelectionRun, on_delete=models.CASCADE, related_name="results", db_index=False, verbose_name=_("선발 실행")
    )
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="selection_results", verbose_name=_("신청")
    )
    quota = models.ForeignKey(Quota, on_delete=models.PROTECT, related_name="+", verbose_name=_("선발 구분"))
    rank = models.PositiveIntegerField(_("순위"))
    lottery = models.PositiveIntegerField(_("추첨 번호"))
    score = models.DecimalField(_("점수"), max_digits=8, decimal_places=2)
    outcome = models.CharField(_("결과"), max_length=16, choices=Application.Status.choices)

    class Meta:
        verbose_name = _("선발 결과")
        verbose_name_plural = _("선발 결과")
        ordering = ["run", "quota", "rank"]
        constraints = [models.UniqueConstraint(fields=["run", "application"], name="selection_result_once")]

    def __str__(self) -> str:
        return f"{self.application} {self.rank} {self.outcome}"
