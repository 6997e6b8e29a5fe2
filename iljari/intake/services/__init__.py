"""intake services — calls, eligibility, applications, review and selection.

Where each lives: calls.py (a call and its rules), eligibility.py (the rules applied, the batch check),
applications.py (the one application flow, for a person or an organisation), documents.py (uploaded files),
paper.py (paper applications, one by one or from an xlsx sheet), review.py (scores, conflicts, the document
review's cut), selection.py (the seeded lottery, confirmation, declines, the waiting list), guards.py (who runs a
call, whether its selection is confirmed).

Contract:
- call_set(*, actor, code, programme, title, opens_at, closes_at, announce_on, quotas, eligibility, priorities,
           create=False, audience=None, score_aggregation=None, certifies=None, criteria=None, **details) -> Call
      creates or replaces a call with its quotas (code, name, places[, district]) and rules; `create=True` refuses a
      code already in use; a call whose selection is confirmed can no longer be changed. The audience does not
      change once anyone applied; a call for organisations publishes at least one criterion (1–100 points each, at
      most 100 in all; fixed once scored); only a call for organisations gives a designation (`certifies`).
- eligibility_failures(*, call, person, rules=None, failing=None) -> list[str]
      the Korean reason of every rule the person fails; the same function for one applicant and for a batch
      (a batch passes `failing`, the period rules' answers for all its people: eligibility_period_failing).
- RESIDENCE_FAILURE: the residence rule's refusal (no district on the person: the address is set on 내 인적사항,
      people:my_record, which the portal's call page links to)
- eligibility_period_failing(*, rules, person_ids) -> dict[int, set[int]]
      for each rule that reads another app's facts (intake.checks), the ids of the people who fail it: one query
      per rule, whatever the number of people.
- priority_points(*, person, rules) -> int
- The application steps take the applicant as `person=` (a call for people) or `organisation=` (a call for
  organisations); `quota` may be left out when the call has only one.
- application_draft_save(*, actor, call, person=None, organisation=None, quota=None, now=None) -> Application
      keeps (or starts) the applicant's draft (임시저장) during the call's period; the same row that submit fills.
- application_document_upload(*, actor, application, label, upload, now=None) -> ApplicationDocument
      one of the call's required documents for a draft: PDF, JPEG or PNG by the file's first bytes, at most
      ILJARI_UPLOAD_MAX_BYTES; a new upload for the same document replaces the old one; nothing written on refusal.
- application_submit(*, actor, call, person=None, organisation=None, quota=None, channel=None, consents=None,
                     now=None, rules=None) -> Application
      once per call and applicant: a double click or a retry returns the same application, and a draft becomes
      the submitted application; refused outside the call's period, for another call's quota, or online while a
      required document is missing (naming each). A person's application must pass the call's rules (with every
      failed rule's reason); a citizen's own submission records its consents (both purposes, the notice's version,
      the call) and is refused without. `rules` (selectors.CallRules, from portal_call_rules_get) are the call's
      rules already read; without, they are read here. An organisation applies from its own account (online: every
      required document uploaded) or through the call's staff (a paper one).
- application_save(*, actor, call, person=None, organisation=None, quota=None, documents=None, submit=False,
                   consents=None, now=None) -> Application
      the portal's one step: the draft with the files just chosen (type by the first bytes, size, a safe stored
      name; nothing written on refusal), then submitted when asked.
- application_org_draft_save / application_org_submit / application_org_save(*, actor, call, organisation, ...)
      the same steps for an organisation.
- application_paper_register(*, actor, call, quota, rrn, person_details=None, consents=(), now=None) -> Application
      a paper application registered by the call's staff (or, for a district's quota, that district's officer):
      the person found by resident number (blind index) or registered on the spot; same period, rules and
      once-per-call as online, documents checked on paper; the consents on the paper form are recorded.
- bulk_import_check(*, actor, call, consented, now=None) -> None            (the checks before a sheet's rows)
- application_bulk_import(*, actor, call, data, consented, now=None) -> list[int]
      paper applications from an xlsx sheet (APPLICANT_COLUMNS): every row checked, every error listed by row,
      nothing written unless all rows pass; a district officer's rows must all be for their district's quotas;
      returns the person ids of the rows written.
- application_withdraw(*, actor, application, now=None) -> Application      (before the deadline)
- application_change(*, actor, application, quota=None, documents=None, now=None) -> Application
      the applicant changes a submitted application until the deadline: the quota, a new file for a required
      document, under the same checks as applying (the call's rules and priority points read again); history kept.
- application_draft_delete(*, actor, application) -> None
      the applicant deletes their draft (임시저장) and its files; a submitted application is withdrawn instead.
- A citizen's own submission without both consents, an organisation account's without the pledge
  (`consents=["pledge"]`), is refused by application_save before anything is written (no draft is left).
- call_manage_check(*, actor, call) -> None                                 (may run the call's batches)
- eligibility_run(*, actor, call) -> tuple[int, int]                        (eligible, ineligible)
- review_score_record(*, actor, application, stage, score=None, criteria=None) -> ReviewScore
      a call with published criteria (ReviewCriterion) takes `criteria` {code: points}, each within its points, and
      the score is their sum; refused for a reviewer who declared a conflict with the application.
- conflict_declare(*, actor, application, reason, now=None) -> ConflictDeclaration
      a reviewer's conflict of interest: their scores for the application are withdrawn, and they score it no more.
- document_review_close(*, actor, call, passing) -> tuple[int, int]
      the document review's cut (서면심사 통과): the `passing` best by document-review score stay in, the rest are
      screened out (서면심사 탈락); every submitted application must have a document-review score.
- selection_compute(*, call, seed) -> list[Ranking]                         (pure: same seed, same result)
      an application's score is the sum over stages of its reviewers' scores for that stage, averaged as the call
      says (Call.score_aggregation: the mean, or the mean without the highest and the lowest score when at least
      three reviewers scored).
- selection_rerun_check(*, call) -> None                                    (refuses a confirmed call)
- selection_wait_message(*, call, doing="선발할", now=None) -> str | None
      while the call still receives applications (before closes_at), when its selection may run (the page shows
      it in place of the buttons); None once 접수 has closed
- selection_closed_check(*, call, doing="선발할", now=None) -> None         (refuses a call still receiving)
- selection_run(*, actor, call, seed=None) -> SelectionRun
      ranks by review score, then priority points, then a lottery drawn from the seed, fills each quota and
      waitlists the rest; the call is locked while it runs, so two runs never interleave; refused while the call
      still receives applications, and once the selection is confirmed.
- selection_confirm(*, actor, call, now=None, approval=None) -> Call
      fixes the latest run's result (선발 확정): no run after it; refused while the call still receives
      applications. An official's confirmation is drafted as the approval "선발 확정" (결재, approvals) and happens
      on its final approval (the act calls back with `approval`); actor None acts at once. Placing or enrolling
      selected people confirms it.
- selection_confirm_check(*, call, now=None) -> None   (confirmed already, still receiving, never run: refused)
- call_publish(*, actor, call, approval=None, now=None) -> Call
      a call is seen by citizens and organisations only once published: a call an official saves waits for the
      approval "모집공고 게시" (결재); actor None (demo loader) publishes at once, as call_set does for a new call.
      call_set refuses to change a call while its publishing is being approved.
- call_publish_check(*, call) -> None                  (published already: refused)
      A call for organisations that `certifies` gives its selected organisations that designation from the day
      (enterprises' certifications_grant: the strong SMEs then appear on the public platform).
- applications_mark_placed(*, call, application_ids, now=None) -> int
      (for participation) these selected applications are now placed or enrolled, and can no longer be declined;
      only from a confirmed selection (선발 확정 is an approval: placing never confirms it on the side).
- application_decline(*, actor, application, now=None) -> Application
      a selected person gives up the place (선발 포기) before being placed: the citizen themself or the call's staff.
- waitlist_promote(*, actor, call) -> int
      fills each quota's places left by declined applications with its waitlisted applications, in the latest
      run's rank order; returns how many were promoted.
"""

from iljari.intake.services.applications import (
    BOTH_CONSENTS,
    ORG_PLEDGE,
    REOPENABLE,
    Applicant,
    application_change,
    application_document_upload,
    application_draft_delete,
    application_draft_save,
    application_org_draft_save,
    application_org_save,
    application_org_submit,
    application_save,
    application_submit,
    application_withdraw,
)
from iljari.intake.services.calls import CALL_PUBLISH, call_publish, call_publish_check, call_set
from iljari.intake.services.documents import DOCUMENT_SIGNATURES, document_content_type, size_text
from iljari.intake.services.eligibility import (
    PERSON_FIELDS_READ,
    RESIDENCE_FAILURE,
    eligibility_failures,
    eligibility_period_failing,
    eligibility_run,
    priority_points,
)
from iljari.intake.services.guards import (
    call_manage_check,
    selection_closed_check,
    selection_rerun_check,
    selection_wait_message,
)
from iljari.intake.services.paper import (
    BULK_IMPORT_MAX_ROWS,
    application_bulk_import,
    application_paper_register,
    bulk_import_check,
)
from iljari.intake.services.review import conflict_declare, document_review_close, review_score_record, trimmed_mean
from iljari.intake.services.selection import (
    ALGORITHM,
    SELECTION_CONFIRM,
    Ranking,
    application_decline,
    applications_mark_placed,
    selection_compute,
    selection_confirm,
    selection_confirm_check,
    selection_run,
    waitlist_promote,
)

__all__ = [
    "ALGORITHM",
    "CALL_PUBLISH",
    "SELECTION_CONFIRM",
    "BOTH_CONSENTS",
    "ORG_PLEDGE",
    "BULK_IMPORT_MAX_ROWS",
    "DOCUMENT_SIGNATURES",
    "PERSON_FIELDS_READ",
    "RESIDENCE_FAILURE",
    "REOPENABLE",
    "Applicant",
    "Ranking",
    "application_bulk_import",
    "application_change",
    "application_decline",
    "application_document_upload",
    "application_draft_delete",
    "application_draft_save",
    "application_org_draft_save",
    "application_org_save",
    "application_org_submit",
    "application_paper_register",
    "application_save",
    "application_submit",
    "application_withdraw",
    "applications_mark_placed",
    "bulk_import_check",
    "call_manage_check",
    "call_publish",
    "call_publish_check",
    "call_set",
    "conflict_declare",
    "document_content_type",
    "document_review_close",
    "eligibility_failures",
    "eligibility_period_failing",
    "eligibility_run",
    "priority_points",
    "review_score_record",
    "selection_compute",
    "selection_confirm",
    "selection_confirm_check",
    "selection_closed_check",
    "selection_rerun_check",
    "selection_wait_message",
    "selection_run",
    "size_text",
    "trimmed_mean",
    "waitlist_promote",
]
