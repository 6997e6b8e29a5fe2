"""Accounts, login events and API tokens, and the abstract base of every domain model.

The account's place in the office (org unit, district, partner) points into `org` by string reference, and an
organisation-role account's organisation into `enterprises`; that is the one place `core` names other apps, so that
every module can scope by the same fields.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from iljari.core.formats import screen_date, screen_datetime
from iljari.core.roles import PUBLIC_ROLES, Position, Role


class TimeStampedModel(models.Model):
    """Base of every domain model: creation and update times (history lives in the change log)."""

    created_at = models.DateTimeField(_("등록일시"), auto_now_add=True)
    updated_at = models.DateTimeField(_("수정일시"), auto_now=True)

    class Meta:
        abstract = True


class RetirableModel(TimeStampedModel):
    """A definition the office retires rather than deletes (a programme, a budget line, an indicator…).

    A retired definition stays for the years and reports that used it; it is not offered for new records and is
    not carried into a new year. `retired_on` is the day it stopped (None: in use).
    """

    retired_on = models.DateField(_("폐지일"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_retired(self) -> bool:
        return self.retired_on is not None


class IljariUserManager(UserManager):
    def create_superuser(self, username, email=None, password=None, **extra_fields):
        """`iljari createsuperuser` makes a system administrator (roles, not Django flags, grant access)."""
        extra_fields.setdefault("role", Role.SYSTEM_ADMIN)
        return super().create_superuser(username, email, password, **extra_fields)


class User(AbstractUser):
    role = models.CharField(_("역할"), max_length=32, choices=Role.choices, default=Role.CITIZEN)
    org_unit = models.ForeignKey(
        "org.OrgUnit",
        verbose_name=_("소속 부서"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    district = models.ForeignKey(
        "org.District",
        verbose_name=_("소속 자치구"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    partner = models.ForeignKey(
        "org.Partner",
        verbose_name=_("소속 기관"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    organisation = models.ForeignKey(
        "enterprises.Organisation",
        verbose_name=_("소속 기업·단체"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contacts",
        help_text=_("기업·단체 역할의 담당자가 대표하는 기업·단체"),
    )
    display_name = models.CharField(_("이름"), max_length=60, blank=True)
    position = models.CharField(
        _("직위"),
        max_length=16,
        choices=Position.choices,
        blank=True,
        help_text=_("결재의 전결 규정이 읽는 직위(주무관 < 팀장 < 담당관 < 정책관)"),
    )
    phone = models.CharField(_("연락처"), max_length=30, blank=True)
    password_changed_at = models.DateTimeField(_("비밀번호 변경일시"), null=True, blank=True)
    # Set for a new account made by the system admin and after a reset: every page leads to the password change
    # until the holder sets their own (core.middleware.AccountGateMiddleware); cleared by user_password_change.
    must_change_password = models.BooleanField(_("비밀번호 변경 필요"), default=False)
    # The demo and test personas only (set by the demo loader and iljari.testing, never on a page): not made to
    # enrol a second factor their role requires, while ILJARI_SECOND_FACTOR_EXEMPTIONS is on (off in production).
    second_factor_exempt = models.BooleanField(_("2단계 인증 면제(시연 계정)"), default=False)

    objects = IljariUserManager()

    class Meta:
        verbose_name = _("계정")
        verbose_name_plural = _("계정")
        ordering = ["username"]
        constraints = [
            models.CheckConstraint(
                name="user_district_officer_has_district",
                condition=~Q(role=Role.DISTRICT_OFFICER) | Q(district__isnull=False),
            ),
            models.CheckConstraint(
                name="user_partner_agency_has_partner",
                condition=~Q(role=Role.PARTNER_AGENCY) | Q(partner__isnull=False),
            ),
            models.CheckConstraint(
                name="user_division_staff_has_org_unit",
                condition=~Q(role=Role.DIVISION_STAFF) | Q(org_unit__isnull=False),
            ),
            models.CheckConstraint(
                name="user_only_organisation_role_has_organisation",
                condition=Q(role=Role.ORGANISATION) | Q(organisation__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.display_name or self.username} ({self.get_role_display()})"

    @property
    def name(self) -> str:
        return self.display_name or self.get_full_name() or self.username

    @property
    def is_public(self) -> bool:
        return self.role in PUBLIC_ROLES


class LoginEvent(models.Model):
    """Every login attempt, kept for the account holder ("last login") and for the auditor; the login limits are
    read from it (core.services.login_limit)."""

    class Outcome(models.TextChoices):
        SUCCESS = "success", _("성공")
        FAILURE = "failure", _("실패")
        LOCKED = "locked", _("잠김")
        THROTTLED = "throttled", _("주소 제한")
        UNLOCKED = "unlocked", _("잠금 해제")
        LOGOUT = "logout", _("로그아웃")
        TIMEOUT = "timeout", _("세션 만료")
        PASSWORD_OK = "password_ok", _("비밀번호 확인(인증 코드 대기)")
        CODE_FAILURE = "code_failure", _("인증 코드 실패")
        RECOVERY_USED = "recovery_used", _("복구 코드로 로그인")
        PASSWORD_RESET = "password_reset", _("비밀번호 초기화")
        PASSWORD_CHANGED = "password_changed", _("비밀번호 변경")
        SECOND_FACTOR_ON = "otp_enrolled", _("2단계 인증 등록")
        SECOND_FACTOR_OFF = "otp_reset", _("2단계 인증 초기화")
        DEACTIVATED = "deactivated", _("계정 사용 중지")
        ACTIVATED = "activated", _("계정 다시 사용")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="login_events",
        verbose_name=_("계정"),
    )
    username = models.CharField(_("입력한 아이디"), max_length=150)
    outcome = models.CharField(_("결과"), max_length=16, choices=Outcome.choices)

    class Channel(models.TextChoices):
        WEB = "web", _("화면")
        API = "api", _("API 토큰")

    channel = models.CharField(_("경로"), max_length=8, choices=Channel.choices, default=Channel.WEB)
    remote_addr = models.GenericIPAddressField(_("접속 주소"), null=True, blank=True)
    user_agent = models.CharField(_("브라우저"), max_length=300, blank=True)
    at = models.DateTimeField(_("일시"), default=timezone.now, db_index=True)
    # who did it, for the events the system admin causes (reset, unlock, deactivation); None: the holder or the system
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("처리자"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("로그인 기록")
        verbose_name_plural = _("로그인 기록")
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["user", "outcome", "-at"]),
            # the login limits (core.services.login_limit): per address, and per address and user name
            models.Index(fields=["remote_addr", "-at"], name="login_event_address_at"),
            models.Index(fields=["username", "remote_addr", "-at"], name="login_event_name_address_at"),
        ]

    def __str__(self) -> str:
        return f"{self.username} {self.get_outcome_display()} {screen_datetime(self.at)}"


class ApiToken(models.Model):
    """A bearer token for the API. Only its SHA-256 digest is stored; the token is shown once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("계정")
    )
    name = models.CharField(_("이름"), max_length=100, blank=True)
    prefix = models.CharField(_("앞자리"), max_length=12)
    digest = models.CharField(max_length=64, unique=True, verbose_name=_("토큰 해시"))
    created_at = models.DateTimeField(_("발급일시"), auto_now_add=True)
    expires_at = models.DateTimeField(_("만료일시"))
    last_used_at = models.DateTimeField(_("최근 사용"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("폐기일시"), null=True, blank=True)

    class Meta:
        verbose_name = _("API 토큰")
        verbose_name_plural = _("API 토큰")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"

    @staticmethod
    def default_expiry():
        return timezone.now() + timedelta(days=settings.ILJARI_API_TOKEN_DAYS)

    def is_active(self, now=None) -> bool:
        now = now or timezone.now()
        return self.revoked_at is None and self.expires_at > now


class MonthLock(models.Model):
    """A month whose figures the office manager has signed off. Figures as of a date in a locked month
    change only after the month is unlocked; both steps are in the change history."""

    year = models.PositiveSmallIntegerField(_("연도"))
    month = models.PositiveSmallIntegerField(_("월"))
    is_locked = models.BooleanField(_("잠금"), default=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("바꾼 사람")
    )
    changed_at = models.DateTimeField(_("변경일시"), auto_now=True)

    class Meta:
        verbose_name = _("월 마감")
        verbose_name_plural = _("월 마감")
        ordering = ["-year", "-month"]
        constraints = [
            models.UniqueConstraint(fields=["year", "month"], name="month_lock_unique"),
            models.CheckConstraint(name="month_lock_valid_month", condition=Q(month__gte=1) & Q(month__lte=12)),
        ]

    def __str__(self) -> str:
        return f"{self.year}년 {self.month}월 {'마감' if self.is_locked else '마감 해제'}"


class AppendOnlyError(RuntimeError):
    """Raised when code tries to change or delete an access-log entry (the database refuses it too)."""


class AccessLogQuerySet(models.QuerySet):
    """The access log only grows: no update or delete through the ORM. Entries past the keeping period leave
    only through core.accesslog.access_log_prune, which records where the chain now starts."""

    def update(self, **kwargs):
        raise AppendOnlyError("접속기록은 고칠 수 없습니다.")

    def delete(self):
        raise AppendOnlyError("접속기록은 지울 수 없습니다.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise AppendOnlyError("접속기록은 고칠 수 없습니다.")


class AccessLogEntry(models.Model):
    """접속기록: one view, search, change, print or download of personal data. Append-only (here, and by a database
    trigger) and chained: each entry's hash covers the previous entry's hash, so an edited or deleted entry breaks
    the chain (`iljari accesslog verify`). Data subjects are named by id, never by their identifiers. The account is
    kept by id and name without a foreign-key constraint, so that removing an account never rewrites the log."""

    class Action(models.TextChoices):
        VIEW = "view", _("조회")
        SEARCH = "search", _("검색")
        CREATE = "create", _("등록")
        CHANGE = "change", _("수정")
        PRINT = "print", _("출력")
        DOWNLOAD = "download", _("내려받기")
        DESTROY = "destroy", _("파기")

    at = models.DateTimeField(_("일시"), db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        verbose_name=_("계정"),
    )
    username = models.CharField(_("아이디"), max_length=150)
    role = models.CharField(_("역할"), max_length=32)
    remote_addr = models.GenericIPAddressField(_("접속 주소"), null=True, blank=True)
    action = models.CharField(_("행위"), max_length=10, choices=Action.choices)
    subject_type = models.CharField(_("정보주체 종류"), max_length=60)
    subject_ids = models.TextField(_("정보주체 번호"), blank=True)
    detail = models.CharField(_("내용"), max_length=200, blank=True)
    reason = models.CharField(_("사유"), max_length=200, blank=True)
    previous_hash = models.CharField(max_length=64, verbose_name=_("이전 기록의 해시"))
    hash = models.CharField(max_length=64, unique=True, verbose_name=_("해시"))

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("접속기록")
        verbose_name_plural = _("접속기록")
        ordering = ["-id"]
        indexes = [models.Index(fields=["user", "at"]), models.Index(fields=["subject_type", "at"])]

    def __str__(self) -> str:
        return f"{screen_datetime(self.at)} {self.username} {self.get_action_display()}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("접속기록은 고칠 수 없습니다.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("접속기록은 지울 수 없습니다.")

    @property
    def subject_id_list(self) -> list[str]:
        return [i for i in self.subject_ids.split(",") if i]


class AccessLogHead(models.Model):
    """The single row that serialises appends to the access log (locked while an entry is chained). After entries
    past the keeping period are pruned, `pruned_hash` is the hash the first remaining entry must follow."""

    last_hash = models.CharField(max_length=64, default="0" * 64, verbose_name=_("마지막 기록의 해시"))
    pruned_through = models.BigIntegerField(_("정리한 마지막 기록"), default=0)
    pruned_hash = models.CharField(max_length=64, default="0" * 64, verbose_name=_("정리한 기록의 해시"))
    pruned_count = models.BigIntegerField(_("정리한 기록 수"), default=0)

    class Meta:
        verbose_name = _("접속기록 체인")

    def __str__(self) -> str:
        return self.last_hash


class AccessLogReview(models.Model):
    """The monthly review (점검) of the access log, signed off by the auditor. It keeps the id and hash of the last
    entry of the month, so a later rewrite of the whole chain from that point is still detected by verify."""

    year = models.PositiveSmallIntegerField(_("연도"))
    month = models.PositiveSmallIntegerField(_("월"))
    entries = models.PositiveIntegerField(_("기록 수"))
    findings = models.PositiveIntegerField(_("확인할 사항 수"))
    last_entry_id = models.BigIntegerField(_("마지막 기록"), null=True)
    last_hash = models.CharField(max_length=64, blank=True, verbose_name=_("마지막 기록의 해시"))
    note = models.TextField(_("점검 의견"), blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("확인한 사람")
    )
    signed_at = models.DateTimeField(_("확인 일시"))

    class Meta:
        verbose_name = _("접속기록 월간 점검")
        verbose_name_plural = _("접속기록 월간 점검")
        ordering = ["-year", "-month"]
        constraints = [
            models.UniqueConstraint(fields=["year", "month"], name="access_log_review_unique"),
            models.CheckConstraint(name="access_log_review_valid_month", condition=Q(month__gte=1) & Q(month__lte=12)),
        ]

    def __str__(self) -> str:
        return f"{self.year}년 {self.month}월 접속기록 점검"


class RetentionRule(models.Model):
    """How long one kind of personal record is kept (보유기간), set by the office. The kinds, what their period counts
    from and what destroying them means are registered by the apps (core.retention); this row holds the years."""

    code = models.CharField(_("코드"), max_length=40, unique=True)
    years = models.PositiveSmallIntegerField(_("보유기간(년)"))
    note = models.CharField(_("근거"), max_length=200, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("바꾼 사람"),
    )
    updated_at = models.DateTimeField(_("수정일시"), auto_now=True)

    class Meta:
        verbose_name = _("보유기간")
        verbose_name_plural = _("보유기간")
        ordering = ["code"]
        constraints = [models.CheckConstraint(name="retention_rule_positive_years", condition=Q(years__gte=1))]

    def __str__(self) -> str:
        return f"{self.code} {self.years}년"


class DestructionRecord(models.Model):
    """The destruction register (개인정보 파기 대장): what a retention run destroyed or anonymised, when, under which
    rule, how many records and people — by ids only, never identifiers."""

    at = models.DateTimeField(_("파기 일시"), db_index=True)
    rule_code = models.CharField(_("보유기간 규칙"), max_length=40)
    rule_label = models.CharField(_("대상"), max_length=100)
    years = models.PositiveSmallIntegerField(_("보유기간(년)"))
    cutoff = models.DateTimeField(_("기준 시각"), help_text=_("이 시각 이전에 기간이 시작된 기록이 대상"))
    method = models.CharField(_("방법"), max_length=100)
    records = models.PositiveIntegerField(_("기록 수"))
    people = models.PositiveIntegerField(_("익명화한 사람 수"))
    files = models.PositiveIntegerField(_("지운 파일 수"), default=0)
    record_ids = models.TextField(_("기록 번호"), blank=True)
    run_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("실행한 사람")
    )

    class Meta:
        verbose_name = _("파기 대장")
        verbose_name_plural = _("파기 대장")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{screen_date(self.at)} {self.rule_label} {self.records}건"


class OneTimeCode(models.Model):
    """A one-time code (인증번호) sent by e-mail or text message to prove that someone holds an address.

    Neither the code nor the address is stored: the code only as an HMAC-SHA256 under SECRET_KEY with a salt of
    its own, the address only as an HMAC (rate limits and look-ups need equality, nothing more). Rules live in
    core/otp.py."""

    class Channel(models.TextChoices):
        EMAIL = "email", _("전자우편")
        SMS = "sms", _("문자")

    purpose = models.CharField(_("용도"), max_length=20)
    channel = models.CharField(_("받는 수단"), max_length=8, choices=Channel.choices)
    destination_digest = models.CharField(max_length=64, verbose_name=_("받는 곳 해시"))
    salt = models.CharField(max_length=32, verbose_name=_("해시 솔트"))
    code_digest = models.CharField(max_length=64, verbose_name=_("인증번호 해시"))
    remote_addr = models.GenericIPAddressField(_("요청 주소"), null=True, blank=True)
    created_at = models.DateTimeField(_("발급일시"), default=timezone.now)
    expires_at = models.DateTimeField(_("만료일시"))
    attempts = models.PositiveSmallIntegerField(_("틀린 횟수"), default=0)
    verified_at = models.DateTimeField(_("확인일시"), null=True, blank=True)
    used_at = models.DateTimeField(_("사용일시"), null=True, blank=True)
    voided_at = models.DateTimeField(_("무효일시"), null=True, blank=True)

    class Meta:
        verbose_name = _("인증번호")
        verbose_name_plural = _("인증번호")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["purpose", "destination_digest", "created_at"]),
            models.Index(fields=["remote_addr", "created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} 인증번호 {screen_datetime(self.created_at)}"


def job_result_path(instance, filename: str) -> str:
    """A random name under jobs/ (never served publicly: only core.views.job_download reads it)."""
    token = secrets.token_hex(16)
    return f"jobs/{token[:2]}/{token}{Path(filename).suffix}"


class BackgroundJob(TimeStampedModel):
    """Long work run by a background worker (a report build, a batch): who asked for it, how far it has come, and
    its result file or the reason it failed. The task itself is queued through Django's task framework
    (django-tasks); this row is what the pages show and poll."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("대기")
        RUNNING = "running", _("진행 중")
        SUCCEEDED = "succeeded", _("완료")
        FAILED = "failed", _("실패")

    kind = models.CharField(_("작업 종류"), max_length=40)
    title = models.CharField(_("작업"), max_length=200)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("요청자"), on_delete=models.PROTECT, related_name="jobs"
    )
    status = models.CharField(_("상태"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    done = models.PositiveIntegerField(_("진행"), default=0)
    total = models.PositiveIntegerField(_("전체"), default=1)
    step = models.CharField(_("단계"), max_length=200, blank=True)
    error = models.TextField(_("실패 사유"), blank=True)
    result = models.FileField(_("결과 파일"), upload_to=job_result_path, blank=True, max_length=200)
    result_name = models.CharField(_("결과 파일 이름"), max_length=200, blank=True)
    result_type = models.CharField(_("결과 형식"), max_length=100, blank=True)
    # a batch leaves no file: what it did, and the page that shows it
    summary = models.TextField(_("결과 요약"), blank=True)
    result_url = models.CharField(_("결과 화면"), max_length=300, blank=True)
    # what an import task reads (the uploaded file), removed when the job ends
    upload = models.FileField(_("올린 파일"), upload_to=job_result_path, blank=True, max_length=200)
    task_id = models.CharField(_("작업 큐 번호"), max_length=64, blank=True)
    # what a retry queues again: the task's dotted path and its keyword arguments (JSON, as django-tasks needs)
    task_path = models.CharField(_("작업 함수"), max_length=200, blank=True)
    arguments = models.JSONField(_("작업 인자"), default=dict, blank=True)
    started_at = models.DateTimeField(_("시작 일시"), null=True, blank=True)
    finished_at = models.DateTimeField(_("끝난 일시"), null=True, blank=True)
    # the lease of the worker running it (core.jobs): renewed while it works; once past, the worker is taken for
    # dead and the job is retried or failed (jobs_reap)
    lease_until = models.DateTimeField(_("실행기 응답 기한"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("실행 횟수"), default=0)
    interrupted_at = models.DateTimeField(_("중단 일시"), null=True, blank=True)

    class Meta:
        verbose_name = _("백그라운드 작업")
        verbose_name_plural = _("백그라운드 작업")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["requested_by", "created_at"])]
        constraints = [
            models.CheckConstraint(name="job_done_within_total", condition=Q(done__lte=models.F("total"))),
            models.CheckConstraint(name="job_failure_has_reason", condition=~Q(status="failed") | ~Q(error="")),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("core:job_detail", args=[self.pk])

    @property
    def error_lines(self) -> list[str]:
        """The reason it failed, one line per mistake (an import's rows)."""
        return [line for line in self.error.splitlines() if line.strip()]

    @property
    def percent(self) -> int:
        return 100 if self.status == self.Status.SUCCEEDED else (100 * self.done // self.total if self.total else 0)

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.SUCCEEDED, self.Status.FAILED)


class ChangeBatch(models.Model):
    """One bulk change (a month's work records uploaded, a month's pay computed, a notice batch): who, when, what kind,
    the record it concerns and how many rows it created, changed and deleted. Its change-history entries carry
    `cid` (django-auditlog's correlation id, set by core.history.history_batch)."""

    kind = models.CharField(_("변경 종류 코드"), max_length=60)
    kind_label = models.CharField(_("변경 종류"), max_length=60)
    subject = models.CharField(_("대상"), max_length=200)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("변경한 사람"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="change_batches",
    )
    remote_addr = models.GenericIPAddressField(_("접속 주소"), null=True, blank=True)
    at = models.DateTimeField(_("일시"), default=timezone.now)
    created = models.PositiveIntegerField(_("등록"), default=0)
    changed = models.PositiveIntegerField(_("수정"), default=0)
    deleted = models.PositiveIntegerField(_("삭제"), default=0)
    unchanged = models.PositiveIntegerField(_("변경 없음"), default=0)

    class Meta:
        verbose_name = _("일괄 변경")
        verbose_name_plural = _("일괄 변경")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["kind", "at"]), models.Index(fields=["actor", "at"])]

    def __str__(self) -> str:
        return f"{self.kind_label}: {self.subject}"

    def get_absolute_url(self) -> str:
        return reverse("core:change_batch_detail", args=[self.pk])

    @property
    def cid(self) -> str:
        """The correlation id its change-history entries carry."""
        return f"batch-{self.pk}"
