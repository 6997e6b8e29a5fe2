"""enterprises services — the organisation registry, certifications, contacts, strong-SME support, the platform's
articles and reviews, and public procurement.

Contract:
- organisation_register(*, actor, name, kind, business_number, **fields) -> Organisation
      the 사업자등록번호 is checked by its check digit; one organisation per number (a duplicate is refused and
      names the organisation already registered); the 법인등록번호, when given, is 13 digits.
- organisation_update(*, actor, organisation, **fields) -> Organisation                 (staff)
- organisation_profile_update(*, actor, organisation, **PROFILE_FIELDS) -> Organisation
      the organisation's own account (or staff) keeps its profile and working conditions.
- certification_add(*, actor, organisation, kind, valid_from, valid_until=None, number="", note="") -> Certification
- certifications_grant(*, organisation_ids, kind, valid_from, valid_until=None, note="") -> int
      (for intake, when a call's selection is confirmed) the designation for each organisation that does not yet
      hold it from that day; one statement.
- organisation_contact_add(*, actor, organisation, username) -> User / organisation_contact_remove(*, actor, user)
      an organisation-role account becomes (or stops being) the organisation's contact: it logs in as the
      organisation (core.User.organisation, through core.services.user_organisation_set).
- support_record(*, actor, organisation, kind, year, started_on, amount=0, interns=0, months=0, note="")
      -> SupportRecord   only for a strong SME designated on the day; interns at most 23 months.
- article_publish(*, actor, organisation, title, body, author_name, author_kind, published_on) -> PlatformArticle
- review_submit(*, actor, organisation, relation, rating, body) -> PlatformReview      (pending moderation)
- review_moderate(*, actor, review, publish, note="") -> PlatformReview
- review_report(*, actor, review, reason) -> PlatformReview                     (once per person; counted)
      a published review reported by ILJARI_REVIEW_HIDE_REPORTS (3) different people since the moderator's last
      decision is hidden (status `hidden`) from the public until a moderator publishes or rejects it again.
- procurement_target_set(*, actor, year, amount) -> ProcurementTarget
- purchase_record(*, actor, buyer, supplier, category, item, amount, purchased_on) -> Purchase
- purchase_import(*, actor, data, file_name="") -> int
      purchases from an xlsx sheet (PURCHASE_COLUMNS): every row checked, each error named by its row, nothing
      written unless all rows pass. Both are open to the office (access_procurement_enter) and to a public body's
      own account (access_procurement_own), which enters and uploads only as itself: a row naming another buyer is
      refused.
- procurement_indicator_derive(*, years) -> None      (also for the demo loader's bulk purchases)
Every purchase written updates the 공공구매 indicator's actual (performance's indicator_value_record), derived from
the purchases of the year, never typed in.

`actor=None` is the system (demo loader, intake). Mistakes raise ValidationFailed with Korean messages.

Modules: organisations (registry, profile, contacts), certifications, strong_sme (support), platform (articles,
reviews), procurement (target, purchases, the indicator).
"""

from iljari.enterprises.services.certifications import certification_add, certifications_grant
from iljari.enterprises.services.organisations import (
    PROFILE_FIELDS,
    REGISTRY_FIELDS,
    business_number_clean,
    organisation_contact_add,
    organisation_contact_remove,
    organisation_profile_update,
    organisation_register,
    organisation_update,
)
from iljari.enterprises.services.platform import article_publish, review_moderate, review_report, review_submit
from iljari.enterprises.services.procurement import (
    PROCUREMENT_INDICATOR,
    procurement_indicator_derive,
    procurement_target_set,
    purchase_import,
    purchase_record,
    supplier_kind_on,
)
from iljari.enterprises.services.strong_sme import INTERN_MAX_MONTHS, support_record

__all__ = [
    "INTERN_MAX_MONTHS",
    "PROCUREMENT_INDICATOR",
    "PROFILE_FIELDS",
    "REGISTRY_FIELDS",
    "article_publish",
    "business_number_clean",
    "certification_add",
    "certifications_grant",
    "organisation_contact_add",
    "organisation_contact_remove",
    "organisation_profile_update",
    "organisation_register",
    "organisation_update",
    "procurement_indicator_derive",
    "procurement_target_set",
    "purchase_import",
    "purchase_record",
    "review_moderate",
    "review_report",
    "review_submit",
    "supplier_kind_on",
    "support_record",
]
