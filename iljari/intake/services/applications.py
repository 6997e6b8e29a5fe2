"""One application flow for every applicant: a person applying to a call for people, or an organisation to a call
for organisations (`Applicant`). The draft (임시저장) is the row the submission fills; files come with the draft
(documents.py checks and stores them); the submission is once per call and applicant; withdrawal before the
deadline. A person's application also carries the consents and passes the call's rules (eligibility.py).

The `application_org_*` functions are the same steps for an organisation, kept for their callers."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from iljari.core.access import (
    access_apply,
    access_organisation_application,
    access_organisation_own,
    access_person_application,
    require,
)
from iljari.core.errors import IljariError, ValidationFailed
from iljari.core.formats import screen_datetime
from iljari.intake.models import Application, ApplicationDocument, Call, Quota
from iljari.intake.services.documents import documents_check, documents_put, files_delete
from iljari.intake.services.eligibility import eligibility_failures, priority_points
from iljari.intake.services.messages import application_submitted_notify
from iljari.people.services import CONSENTS_NEEDED, consent_record

REOPENABLE = [Application.Status.DRAFT, Application.Status.WITHDRAWN]  # rows a draft or a submission may fill
BOTH_CONSENTS = ["personal_data", "unique_identifier"]  # what a person's application records


@dataclass(frozen=True)
class Applicant:
    """Who applies: a person (people.Person) or an organisation (enterprises.Organisation). The flow reads from it
    what differs between the two: whose row it is, which calls it applies to, who may act for it, and how its
    submission is registered."""

    person: object = None
    organisation: object = None

    @classmethod
    def of(cls, application: Application) -> Applicant:
        if application.organisation_id is not None:
            return cls(organisation=application.organisation)
        return cls(person=application.person)

    @property
    def key(self) -> dict:
        """The application's row: one per call and applicant."""
        if self.organisation is not None:
            return {"organisation": self.organisation}
        return {"person": self.person}

    @property
    def audience(self) -> str:
        return Call.Audience.ORGANISATIONS if self.organisation is not None else Call.Audience.PEOPLE

    def require(self, actor, call: Call) -> None:
        """Refuses an actor who may not apply for this applicant (core.access): a citizen applies for themself,
        an organisation's account for its organisation; staff register for others."""
        if actor is None:
            return
        if self.organisation is not None:
            path = call.programme.division.path
            allowed = access_organisation_application(actor, self.organisation.pk, path)
            own = access_organisation_own(actor)
            require(allowed, "자기 기업·단체의 신청만 할 수 있습니다." if own else "신청을 등록할 권한이 없습니다.")
            return
        own = access_apply(actor)
        require(
            access_person_application(actor, self.person.user_id),
            "본인의 신청만 할 수 있습니다." if own else "신청을 등록할 권한이 없습니다.",
        )

    def default_channel(self, actor) -> str:
        """A person's application is online unless registered from paper (application_paper_register says so);
        an organisation's is on paper when the call's staff register it."""
        if self.organisation is not None and actor is not None and not access_organisation_own(actor):
            return Application.Channel.PAPER
        return Application.Channel.ONLINE

    def documents_required(self, actor, channel: str) -> bool:
        """Whether the submission needs every required document uploaded: a person's online one; an organisation's
        from its own account. A paper application's documents are checked on paper."""
        if self.organisation is not None:
            return actor is not None and access_organisation_own(actor)
        return channel == Application.Channel.ONLINE

    @property
    def drafts_before_submit(self) -> bool:
        """application_save keeps a person's draft (the quota chosen) before submitting even without new files, so
        that a refused submission leaves it saved; an organisation's only when files came with it."""
        return self.organisation is None


def call_open_check(call: Call, now, *, audience: str, quota: Quota | None = None) -> None:
    """Refuses a call for the other audience, a call outside its period, and another call's quota."""
    if call.audience != audience:
        raise ValidationFailed(
            "이 공고는 기업·단체 공모입니다." if audience == Call.Audience.PEOPLE else "이 공고는 시민 대상 모집입니다."
        )
    if not call.is_open(now):
        raise ValidationFailed(f"접수 기간이 아닙니다(마감 {screen_datetime(call.closes_at)}).")
    if quota is not None and quota.call_id != call.pk:
        raise ValidationFailed(field_errors={"quota": ["이 공고의 선발 구분이 아닙니다."]})


def _quota_or_only(call: Call, quota: Quota | None) -> Quota:
    """The quota chosen, or the call's only one."""
    if quota is not None:
        return quota
    quotas = list(call.quotas.all())
    if len(quotas) != 1:
        raise ValidationFailed(field_errors={"quota": ["선발 구분을 고르십시오."]})
    return quotas[0]


ORG_PLEDGE = "pledge"  # an organisation's own submission: the call's terms read, what it sends is true
ORG_PLEDGE_NEEDED = "신청하려면 공고의 신청 자격과 유의사항을 확인했다는 확인란에 체크하십시오."


def consents_check(actor, consents, *, organisation=None) -> None:
    """A citizen's own submission carries both consents, an organisation account's the pledge (staff and the
    system record a paper form's elsewhere)."""
    if actor is None:
        return
    if organisation is not None:
        if access_organisation_own(actor) and ORG_PLEDGE not in (consents or ()):
            raise ValidationFailed(ORG_PLEDGE_NEEDED, field_errors={"pledge": [ORG_PLEDGE_NEEDED]})
        return
    if access_apply(actor) and set(BOTH_CONSENTS) - set(consents or ()):
        raise ValidationFailed(CONSENTS_NEEDED, field_errors={"consents": [CONSENTS_NEEDED]})


def _missing_documents(call: Call, application: Application | None) -> list[str]:
    uploaded = set(application.documents.values_list("label", flat=True)) if application is not None else set()
    return [line for line in call.document_lines if line not in uploaded]


def consent_context(call: Call, channel: str) -> str:
    """What a person's consents were given for (people.Consent.context)."""
    return f"{'서면' if channel == Application.Channel.PAPER else '온라인'} 신청: {call.title}"


def application_draft_save(
    *, actor, call: Call, person=None, organisation=None, quota: Quota | None = None, now=None
) -> Application:
    applicant = Applicant(person, organisation)
    applicant.require(actor, call)
    now = now or timezone.now()
    quota = _quota_or_only(call, quota)
    call_open_check(call, now, audience=applicant.audience, quota=quota)
    try:
        with transaction.atomic():
            application = Application.objects.select_for_update().filter(call=call, **applicant.key).first()
            if application is None:
                return Application.objects.create(
                    call=call, quota=quota, status=Application.Status.DRAFT, submitted_at=None, **applicant.key
                )
            if application.status not in REOPENABLE:
                raise ValidationFailed("이미 제출한 신청은 임시저장할 수 없습니다.")
            application.status = Application.Status.DRAFT
            application.quota = quota
            application.submitted_at = None
            application.save(update_fields=["status", "quota", "submitted_at", "updated_at"])
    except IntegrityError:  # two first saves at the same instant: the other one made the row
        application = Application.objects.get(call=call, **applicant.key)
        if application.status not in REOPENABLE:  # and submitted it: its files are not to be replaced
            raise ValidationFailed("이미 제출한 신청은 임시저장할 수 없습니다.") from None
    return application


def application_submit(
    *,
    actor,
    call: Call,
    person=None,
    organisation=None,
    quota: Quota | None = None,
    channel: str | None = None,
    consents=None,
    now=None,
    rules=None,
) -> Application:
    """A citizen's own submission must carry both consents, recorded with it (`consents=None` from staff or the
    system: a paper application's consents are recorded by application_paper_register). A new submission (not a
    retry answered with the application already made) is told to the person (접수 message)."""
    now = now or timezone.now()
    application = _application_submit(
        actor=actor,
        call=call,
        person=person,
        organisation=organisation,
        quota=quota,
        channel=channel,
        consents=consents,
        now=now,
        rules=rules,
    )
    if application.submitted_at == now and application.status == Application.Status.SUBMITTED:
        # after the application is saved (in the caller's transaction when there is one): queued once it commits
        application_submitted_notify(actor=actor, application=application)
    return application


def _application_submit(*, actor, call, person, organisation, quota, channel, consents, now, rules) -> Application:
    applicant = Applicant(person, organisation)
    applicant.require(actor, call)
    quota = _quota_or_only(call, quota)
    call_open_check(call, now, audience=applicant.audience, quota=quota)
    channel = channel or applicant.default_channel(actor)
    points = 0
    pledge_missing = organisation is not None and ORG_PLEDGE not in (consents or ())
    if pledge_missing and actor is not None and access_organisation_own(actor):  # an account's own: the pledge
        current = Application.objects.filter(call=call, organisation=organisation).exclude(status__in=REOPENABLE)
        if current.exists():
            return current.first()  # a retry of a submission already made
        consents_check(actor, consents, organisation=organisation)
    if organisation is None:  # a person's application: the consents, the call's rules and priority points
        if actor is not None and access_apply(actor) and set(BOTH_CONSENTS) - set(consents or ()):
            current = Application.objects.filter(call=call, person=person).exclude(status__in=REOPENABLE).first()
            if current is not None:
                return current  # a retry of a submission already made
            consents_check(actor, consents)
        failures = eligibility_failures(call=call, person=person, rules=list(rules.eligibility) if rules else None)
        if failures:
            raise ValidationFailed("신청 자격을 갖추지 못했습니다.", field_errors={"eligibility": failures})
        points = priority_points(person=person, rules=rules.priorities if rules else list(call.priority_rules.all()))
    if channel == Application.Channel.PAPER or not call.document_lines:
        # the usual case first, without reading the applicant's row for the call: insert, and let the unique
        # constraint say when there is one (a draft, a withdrawn application, a retry) — then nothing of this
        # transaction stays (its consents neither) and the row is dealt with below, under its lock
        try:
            with transaction.atomic():
                if consents and person is not None:  # a person's consents (an organisation's pledge is no Consent)
                    consent_record(person=person, consents=consents, context=consent_context(call, channel), now=now)
                return Application.objects.create(
                    call=call,
                    quota=quota,
                    status=Application.Status.SUBMITTED,
                    channel=channel,
                    submitted_at=now,
                    priority_points=points,
                    **applicant.key,
                )
        except IntegrityError:
            pass
    try:
        with transaction.atomic():
            application = Application.objects.select_for_update().filter(call=call, **applicant.key).first()
            if application is not None and application.status not in REOPENABLE:
                return application  # a double click or a retry: the same application
            if consents and person is not None:
                consent_record(person=person, consents=consents, context=consent_context(call, channel), now=now)
            if applicant.documents_required(actor, channel):
                missing = _missing_documents(call, application)
                if missing:
                    raise ValidationFailed(
                        f"제출 서류를 모두 올려야 신청할 수 있습니다. 올리지 않은 서류: {', '.join(missing)}."
                    )
            if application is None:
                application = Application.objects.create(
                    call=call,
                    quota=quota,
                    status=Application.Status.SUBMITTED,
                    channel=channel,
                    submitted_at=now,
                    priority_points=points,
                    **applicant.key,
                )
            else:  # the draft (or a withdrawn application) becomes the submission: the same row
                application.status = Application.Status.SUBMITTED
                application.quota = quota
                application.channel = channel
                application.submitted_at = now
                application.priority_points = points
                application.save(
                    update_fields=["status", "quota", "channel", "submitted_at", "priority_points", "updated_at"]
                )
    except IntegrityError:  # the same applicant submitting twice at the same instant
        application = Application.objects.get(call=call, **applicant.key)
    return application


def _store_in_draft(*, actor, call: Call, applicant: Applicant, quota: Quota, checked, now) -> Application:
    """The draft with the checked files, in one transaction; the files written are removed if it fails."""
    written: list[str] = []
    try:
        with transaction.atomic():
            application = application_draft_save(actor=actor, call=call, quota=quota, now=now, **applicant.key)
            written = documents_put(application, checked, now)
    except BaseException:
        files_delete(written)
        raise
    return application


def application_save(
    *,
    actor,
    call: Call,
    person=None,
    organisation=None,
    quota: Quota | None = None,
    documents: dict | None = None,
    submit: bool = False,
    consents=None,
    now=None,
) -> Application:
    """Keep the draft with the files just chosen ({required document line: uploaded file}) and, when asked,
    submit it. Files are checked before anything is written; when the submission is refused (a document still
    missing, a rule failed) the draft stays saved — the page says what is missing. The two steps are one
    transaction: a fault between them (the server, not a refusal) leaves nothing, no draft the citizen was never
    told about and no file."""
    applicant = Applicant(person, organisation)
    applicant.require(actor, call)
    now = now or timezone.now()
    current = Application.objects.filter(call=call, **applicant.key).first()
    if submit and current is not None and current.status not in REOPENABLE:
        return current  # a double click on 신청: the same application, nothing changed
    quota = _quota_or_only(call, quota)
    call_open_check(call, now, audience=applicant.audience, quota=quota)
    if submit:  # before the draft: a refusal for want of consent (or pledge) writes nothing
        consents_check(actor, consents, organisation=organisation)
    checked = documents_check(call, documents or {})
    written: list[str] = []
    try:
        with transaction.atomic():
            if checked or not submit or applicant.drafts_before_submit:
                draft = application_draft_save(actor=actor, call=call, quota=quota, now=now, **applicant.key)
                written = documents_put(draft, checked, now)
            if not submit:
                return Application.objects.get(call=call, **applicant.key)
            try:
                return application_submit(
                    actor=actor, call=call, quota=quota, consents=consents, now=now, **applicant.key
                )
            except IljariError as error:  # refused: the draft is kept (committed), the refusal said after
                refusal = error
    except BaseException:
        files_delete(written)
        raise
    raise refusal


def application_document_upload(
    *, actor, application: Application, label: str, upload, now=None
) -> ApplicationDocument:
    applicant = Applicant.of(application)
    applicant.require(actor, application.call)
    now = now or timezone.now()
    if application.status not in REOPENABLE:
        raise ValidationFailed("제출한 신청의 서류는 바꿀 수 없습니다.")
    checked = documents_check(application.call, {label: upload})
    _store_in_draft(
        actor=actor, call=application.call, applicant=applicant, quota=application.quota, checked=checked, now=now
    )
    return ApplicationDocument.objects.get(application=application, label=label)


def application_withdraw(*, actor, application: Application, now=None) -> Application:
    Applicant.of(application).require(actor, application.call)
    now = now or timezone.now()
    if now >= application.call.closes_at:
        raise ValidationFailed("접수 마감 뒤에는 철회할 수 없습니다.")
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.status != Application.Status.SUBMITTED:
            raise ValidationFailed("접수 상태인 신청만 철회할 수 있습니다.")
        application.status = Application.Status.WITHDRAWN
        application.save(update_fields=["status", "updated_at"])
    return application


def application_draft_delete(*, actor, application: Application) -> None:
    """The applicant deletes their draft (임시저장) with its files; a submitted application is withdrawn instead."""
    Applicant.of(application).require(actor, application.call)
    with transaction.atomic():
        application = Application.objects.select_for_update().filter(pk=application.pk).first()
        if application is None:
            return  # deleted already: a double click
        if application.status != Application.Status.DRAFT:
            raise ValidationFailed("임시저장한 신청만 삭제할 수 있습니다. 제출한 신청은 마감 전에 철회하십시오.")
        names = [document.file.name for document in application.documents.all()]
        application.documents.all().delete()
        application.delete()
        transaction.on_commit(lambda: files_delete(names))


def application_change(
    *, actor, application: Application, quota: Quota | None = None, documents: dict | None = None, now=None
) -> Application:
    """The applicant changes a submitted application until the call's deadline, under the rules of applying: the
    quota (a person's; checked against the call), a new file for any required document (checked as on applying),
    the call's rules and priority points read again. The change history records what changed."""
    call = application.call
    applicant = Applicant.of(application)
    applicant.require(actor, call)
    now = now or timezone.now()
    if application.status != Application.Status.SUBMITTED:
        raise ValidationFailed("접수 상태인 신청만 고칠 수 있습니다.")
    quota = quota or application.quota
    call_open_check(call, now, audience=applicant.audience, quota=quota)
    checked = documents_check(call, documents or {})
    points = application.priority_points
    if applicant.person is not None:
        failures = eligibility_failures(call=call, person=applicant.person)
        if failures:
            raise ValidationFailed("신청 자격을 갖추지 못했습니다.", field_errors={"eligibility": failures})
        points = priority_points(person=applicant.person, rules=list(call.priority_rules.all()))
    written: list[str] = []
    try:
        with transaction.atomic():
            locked = Application.objects.select_for_update().get(pk=application.pk)
            if locked.status != Application.Status.SUBMITTED:
                raise ValidationFailed("접수 상태인 신청만 고칠 수 있습니다.")
            locked.quota = quota
            locked.priority_points = points
            locked.save(update_fields=["quota", "priority_points", "updated_at"])
            written = documents_put(locked, checked, now)
    except BaseException:
        files_delete(written)
        raise
    return locked


# --- the same steps for an organisation ----------------------------------------------------------------------


def application_org_draft_save(*, actor, call: Call, organisation, quota: Quota | None = None, now=None) -> Application:
    return application_draft_save(actor=actor, call=call, organisation=organisation, quota=quota, now=now)


def application_org_submit(*, actor, call: Call, organisation, quota: Quota | None = None, now=None) -> Application:
    return application_submit(actor=actor, call=call, organisation=organisation, quota=quota, now=now)


def application_org_save(
    *, actor, call: Call, organisation, documents: dict | None = None, submit: bool = False, now=None
) -> Application:
    return application_save(
        actor=actor, call=call, organisation=organisation, documents=documents, submit=submit, now=now
    )
