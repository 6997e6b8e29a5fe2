"""Every permission decision in Iljari lives in this package; callers import from `iljari.core.access`.

Two kinds of function:
- `access_*(user) -> bool` gates: may this user do this kind of thing at all? Views and API endpoints call
  `require(access_...(user))`, services call them again before they write.
- `scope_*` filters: which rows may this user see? Selectors pass their queryset through `scope_rows`
  with the field paths that tie a row to a district, a partner or an org unit; out-of-scope rows are
  simply absent, so fetching another district's record by id answers 404.

The role sets the gates share are named once below (`OFFICE_STAFF`, ...); a set only one gate uses stays in that
gate. Each condition stands on its own line and is tested for allow and deny in core/tests/test_access_matrix.py
(and test_access_roles.py for the accounts' and people's own gates).

Modules: `base` (roles, `require`, the role sets, division marks), `office` (accounts, history, figures, the row
scope), `people` (persons, intake, participation, training), `organisations` (enterprises, frontline, fund, grants,
district projects, SIB).
"""

from iljari.core.access.base import (  # noqa: F401
    OFFICE_STAFF,
    OFFICE_STAFF_AND_DISTRICTS,
    OFFICE_WIDE_AND_DISTRICTS,
    RUNS_MARKS,
    STAFF_AUDITORS_DISTRICTS,
    STAFF_AUDITORS_DISTRICTS_PARTNERS,
    STAFF_AUDITORS_PARTNERS,
    STRUCTURE_KEEPERS,
    _role,
    access_organisation_own,
    division_path,
    marked_division_paths,
    require,
)
from iljari.core.access.office import (  # noqa: F401
    PLACEMENT_BY_ROLE,
    access_access_log_review_sign,
    access_account_role_set,
    access_accounts_manage,
    access_change_history_view,
    access_destruction_register_view,
    access_district_list,
    access_figures_enter,
    access_figures_enter_any,
    access_job_view,
    access_month_lock,
    access_office_figures_view,
    access_office_view,
    access_org_structure_change,
    access_own_account,
    access_partner_change,
    access_partner_list,
    access_print_record,
    access_retention_rules_change,
    access_technical_notes,
    access_validation_rules_manage,
    account_placement_allowed,
    account_placement_required,
    account_represents_organisation,
    figures_unit_path,
    scope_rows,
)
from iljari.core.access.organisations import (  # noqa: F401
    LABOUR_POLICY_DIVISION_PATH,
    access_book,
    access_district_monitoring_enter,
    access_district_projects_manage,
    access_district_projects_manage_any,
    access_district_projects_view,
    access_frontline_closure_change,
    access_frontline_manage,
    access_frontline_manage_any,
    access_frontline_view,
    access_fund_ledger_view,
    access_fund_manage,
    access_fund_view,
    access_grant_own,
    access_grant_submit,
    access_grants_manage,
    access_grants_manage_any,
    access_grants_view,
    access_organisation_profile_change,
    access_organisations_manage,
    access_organisations_view,
    access_payroll_template,
    access_platform_review_write,
    access_procurement_enter,
    access_procurement_own,
    access_procurement_view,
    access_public_sector_record,
    access_public_sector_view,
    access_purchases_enter_any,
    access_service_point_work,
    access_shelter_counts,
    access_sib_manage,
    access_sib_view,
    scope_frontline_divisions,
)
from iljari.core.access.people import (  # noqa: F401
    access_application_documents,
    access_applications_register,
    access_applications_register_some,
    access_applications_view,
    access_apply,
    access_calls_manage,
    access_calls_manage_any,
    access_organisation_application,
    access_own_person_record,
    access_own_person_record_change,
    access_participation_tables_manage,
    access_participation_view,
    access_people_change,
    access_people_view,
    access_person_application,
    access_person_record_change,
    access_placements_any,
    access_placements_manage,
    access_placements_over_capacity,
    access_quota_place,
    access_selection_decline,
    access_signup,
    access_training_manage,
    access_training_records,
    access_training_view,
    access_worksite_records,
    access_worksites_place,
)
