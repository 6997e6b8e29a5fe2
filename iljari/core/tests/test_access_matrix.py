"""The permission matrix: every role × every protected page and API endpoint, and object-level scope.

A role outside a page's set gets 403; a record outside the user's scope answers 404, as if it did not exist.
"""

import pytest
from django.test import Client
from django.urls import get_resolver

from iljari.core import access
from iljari.core.roles import Role

ALL = set(Role.values)
OFFICIAL = {
    Role.SYSTEM_ADMIN,
    Role.OFFICE_MANAGER,
    Role.DIVISION_STAFF,
    Role.DISTRICT_OFFICER,
    Role.PARTNER_AGENCY,
    Role.AUDITOR,
}
OFFICE_WIDE = {Role.SYSTEM_ADMIN, Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.AUDITOR}
STRUCTURE = {Role.SYSTEM_ADMIN, Role.OFFICE_MANAGER}
PARTNER_EDITORS = {Role.SYSTEM_ADMIN, Role.OFFICE_MANAGER, Role.DIVISION_STAFF}
AUDIT = {Role.SYSTEM_ADMIN, Role.AUDITOR}
ADMIN = {Role.SYSTEM_ADMIN}
PARTICIPATION = {
    Role.OFFICE_MANAGER,
    Role.DIVISION_STAFF,
    Role.AUDITOR,
    Role.DISTRICT_OFFICER,
    Role.PARTNER_AGENCY,
}

ORGANISATIONS_VIEW = {
    Role.SYSTEM_ADMIN,
    Role.OFFICE_MANAGER,
    Role.DIVISION_STAFF,
    Role.AUDITOR,
    Role.DISTRICT_OFFICER,
}
PROCUREMENT_ENTER = {Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.DISTRICT_OFFICER}
# The fund: the division staff persona belongs to 일자리정책담당관, so it reads but does not keep the fund (staff of
# 사회적경제담당관 do: fund/tests/test_pages.py and the gate test below).
FUND_VIEW = {Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.AUDITOR, Role.PARTNER_AGENCY}
FUND_MANAGE = {Role.OFFICE_MANAGER}
# Grants: office-wide staff read every agreement, district officers and partner agencies theirs (scope_rows).
GRANTS_VIEW = {Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.AUDITOR, Role.DISTRICT_OFFICER, Role.PARTNER_AGENCY}
# District projects and ecosystem funding (grants): district officers read their own district's; the programmes'
# divisions keep them. The SIB is kept by 사회적경제담당관 (not the staff persona's division:
# grants/tests/test_sib_pages.py).
DISTRICTS_VIEW = OFFICE_WIDE | {Role.DISTRICT_OFFICER}
DISTRICTS_MANAGE = {Role.OFFICE_MANAGER, Role.DIVISION_STAFF}
SIB_VIEW = OFFICE_WIDE
SIB_MANAGE = {Role.OFFICE_MANAGER}
# 노동단체 지원 (grants): read as the agreements (and by a labour organisation's own account, which the persona is
# not); kept by 노동정책담당관 (not the staff persona's division: grants/tests/test_union_pages.py).
UNIONS_VIEW = GRANTS_VIEW
# 사회적경제 연대·판로 (economy): the office-wide roles read; 사회적경제담당관 keeps it (not the staff persona's
# division: economy/tests/test_economy.py), and the office manager.
ECONOMY_VIEW = OFFICE_WIDE
ECONOMY_MANAGE = {Role.OFFICE_MANAGER}
# 결재: 결재함 and the 전결 rules for office staff, district officers and the auditor (who reads); the office manager
# sets the rules. Drafting an act is checked again by the act's own gate on its record (approvals/tests/test_pages.py).
APPROVALS_VIEW = {Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.AUDITOR, Role.DISTRICT_OFFICER}
APPROVALS_DRAFT = {Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.DISTRICT_OFFICER}
# 공지사항 and 자주 묻는 질문: the office writes them, the auditor reads the staff's list too.
BOARD_MANAGE = {Role.SYSTEM_ADMIN, Role.OFFICE_MANAGER, Role.DIVISION_STAFF}
BOARD_VIEW = BOARD_MANAGE | {Role.AUDITOR}
# 위원회: the office's staff and the auditor read every committee; the office manager and staff of the supervising
# division keep one (the committee of the matrix is supervised by 일자리정책담당관, the staff persona's division).
COMMITTEES_VIEW = {Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.AUDITOR}
COMMITTEES_KEEP = {Role.OFFICE_MANAGER, Role.DIVISION_STAFF}
# 알림: the outbox for office staff, the auditor and the system administrator (who keeps delivery running); a retry
# by staff and the administrator; the citizen's own messages and 수신 동의.
MESSAGES_VIEW = {Role.SYSTEM_ADMIN, Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.AUDITOR}
MESSAGES_MANAGE = {Role.SYSTEM_ADMIN, Role.OFFICE_MANAGER, Role.DIVISION_STAFF}

# 민간위탁: office-wide staff and the auditor read every facility, a partner agency the ones it holds a contract for;
# the office manager and the supervising division's staff keep them (entrusted/tests/test_pages.py: object pages).
ENTRUSTED_VIEW = {Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.AUDITOR, Role.PARTNER_AGENCY}
ENTRUSTED_MANAGE = {Role.OFFICE_MANAGER, Role.DIVISION_STAFF}

# (url name, path, roles allowed). The district officer's district is 강동구 (11740); the partner user's
# partner is TTI-EAST, which is in 강동구.
PAGES = [
    ("web:search", "/search/?q=%EA%B0%95%EB%8F%99", OFFICIAL),
    ("approvals:box", "/approvals/", APPROVALS_VIEW),
    ("approvals:rules", "/approvals/rules/", APPROVALS_VIEW),
    ("entrusted:facility_list", "/entrusted/?q=교육원&kind=training_institute", ENTRUSTED_VIEW),
    ("entrusted:facility_export", "/entrusted/export.xlsx?sort=term_end&dir=desc", ENTRUSTED_VIEW),
    ("entrusted:facility_create", "/entrusted/new/", ENTRUSTED_MANAGE),
    ("entrusted:ending_list", "/entrusted/ending/?on=2018-06-30&within=365", ENTRUSTED_VIEW),
    ("entrusted:steps_due", "/entrusted/steps/?on=2018-10-01", ENTRUSTED_VIEW),
    ("board:staff_notice_list", "/board/notices/", BOARD_VIEW),
    ("board:staff_notice_create", "/board/notices/new/", BOARD_MANAGE),
    ("board:staff_faq_list", "/board/faq/", BOARD_VIEW),
    ("board:staff_faq_create", "/board/faq/new/", BOARD_MANAGE),
    ("committees:committee_list", "/committees/", COMMITTEES_VIEW),
    ("committees:committee_export", "/committees/export.xlsx", COMMITTEES_VIEW),
    ("committees:committee_create", "/committees/new/", COMMITTEES_KEEP),
    ("messaging:message_list", "/messages/?status=sent&channel=sms&sort=recipient", MESSAGES_VIEW),
    ("messaging:message_export", "/messages/export.xlsx?status=failed", MESSAGES_VIEW),
    ("messaging:template_list", "/messages/templates/", MESSAGES_VIEW),
    ("messaging_portal:my_messages", "/portal/messages/", {Role.CITIZEN}),
    ("core:profile", "/accounts/me/", ALL),
    ("core:password_change", "/accounts/me/password/", ALL),
    ("core:second_factor", "/accounts/me/second-factor/", ALL),
    ("org:unit_list", "/org/", OFFICIAL),
    ("org:unit_detail", "/org/units/JOBS-POLICY/", OFFICIAL),
    ("org:unit_create", "/org/units/new/", STRUCTURE),
    ("org:unit_edit", "/org/units/JOBS-POLICY/edit/", STRUCTURE),
    ("org:district_list", "/org/districts/", OFFICE_WIDE | {Role.DISTRICT_OFFICER}),
    ("org:district_detail", "/org/districts/11740/", OFFICE_WIDE | {Role.DISTRICT_OFFICER}),
    ("org:partner_list", "/org/partners/", OFFICE_WIDE | {Role.DISTRICT_OFFICER, Role.PARTNER_AGENCY}),
    ("org:partner_export", "/org/partners/export.csv", OFFICE_WIDE | {Role.DISTRICT_OFFICER, Role.PARTNER_AGENCY}),
    ("org:partner_detail", "/org/partners/TTI-EAST/", OFFICE_WIDE | {Role.DISTRICT_OFFICER, Role.PARTNER_AGENCY}),
    ("org:partner_create", "/org/partners/new/", PARTNER_EDITORS),
    ("org:partner_edit", "/org/partners/TTI-EAST/edit/", PARTNER_EDITORS),
    ("core:history_list", "/history/", AUDIT),
    ("core:history_export", "/history/export.xlsx?sort=actor&dir=desc", AUDIT),
    ("core:change_batch_list", "/history/batches/", AUDIT),
    ("core:change_batch_export", "/history/batches/export.xlsx?sort=created&dir=desc", AUDIT),
    ("core:login_event_list", "/history/logins/", AUDIT),
    ("core:login_event_export", "/history/logins/export.xlsx?sort=outcome", AUDIT),
    ("core:access_log", "/history/access/", AUDIT),
    ("core:access_log_export", "/history/access/export.xlsx?sort=username", AUDIT),
    ("core:access_log_review", "/history/access/review/?month=2026-11", AUDIT),
    ("core:retention", "/history/retention/", {Role.SYSTEM_ADMIN, Role.OFFICE_MANAGER, Role.AUDITOR}),
    ("core:user_list", "/accounts/users/", ADMIN),
    ("core:user_export", "/accounts/users/export.xlsx?sort=role&dir=desc", ADMIN),
    ("core:user_create", "/accounts/users/new/", ADMIN),
    ("api:openapi-view", "/api/docs", OFFICIAL),
    ("api:openapi-json", "/api/openapi.json", OFFICIAL),
    ("people:person_list", "/people/", {Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.AUDITOR, Role.DISTRICT_OFFICER}),
    (
        "people:person_export",
        "/people/export.xlsx?sort=birth&dir=desc",
        {Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.AUDITOR, Role.DISTRICT_OFFICER},
    ),
    ("people:person_create", "/people/new/", {Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.DISTRICT_OFFICER}),
    ("people:my_record", "/people/me/", {Role.CITIZEN}),
    ("people:my_pay_account", "/people/me/account/", {Role.CITIZEN}),
    ("intake:call_list", "/intake/", {Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.AUDITOR, Role.DISTRICT_OFFICER}),
    ("intake:call_create", "/intake/calls/new/", {Role.OFFICE_MANAGER, Role.DIVISION_STAFF}),
    ("intake:portal_applications", "/portal/applications/", {Role.CITIZEN}),
    ("participation:worksite_list", "/participation/", PARTICIPATION),
    ("payroll:rates", "/payroll/rates/", {Role.OFFICE_MANAGER, Role.DIVISION_STAFF}),
    ("payroll:filings", "/payroll/filings/", {Role.OFFICE_MANAGER, Role.DIVISION_STAFF}),
    ("payroll:insurance_changes", "/payroll/filings/insurance/2018-06/", {Role.OFFICE_MANAGER, Role.DIVISION_STAFF}),
    ("payroll:withholding", "/payroll/filings/withholding/2018/", {Role.OFFICE_MANAGER, Role.DIVISION_STAFF}),
    ("participation:worksite_export", "/participation/worksites.xlsx?year=2018&sort=name&dir=desc", PARTICIPATION),
    ("participation:employment_rates", "/participation/employment/?year=2018", PARTICIPATION),
    ("participation:tables", "/participation/tables/", PARTICIPATION),
    ("participation:portal_placements", "/portal/placements/", {Role.CITIZEN}),
    ("enterprises:organisation_list", "/enterprises/", ORGANISATIONS_VIEW),
    (
        "enterprises:organisation_export",
        "/enterprises/export.xlsx?kind=cooperative&sort=employees&dir=desc",
        ORGANISATIONS_VIEW,
    ),  # fmt: skip
    ("enterprises:organisation_create", "/enterprises/new/", {Role.OFFICE_MANAGER, Role.DIVISION_STAFF}),
    ("enterprises:review_queue", "/enterprises/reviews/", {Role.OFFICE_MANAGER, Role.DIVISION_STAFF}),
    ("enterprises:procurement", "/enterprises/procurement/?year=2018", ORGANISATIONS_VIEW),
    (
        "enterprises:procurement_export",
        "/enterprises/procurement/export.xlsx?year=2018&q=구청&sort=amount&dir=desc",
        ORGANISATIONS_VIEW,
    ),  # fmt: skip
    ("enterprises:purchase_create", "/enterprises/procurement/new/", PROCUREMENT_ENTER),
    ("enterprises:purchase_upload", "/enterprises/procurement/upload/", PROCUREMENT_ENTER),
    ("enterprises:purchase_template", "/enterprises/procurement/template.xlsx", PROCUREMENT_ENTER),
    # a public body's own purchases: no persona is tied to a buyer organisation (the gate test below; allowed in
    # enterprises/tests/test_buyer_purchases.py)
    ("enterprises:my_purchases", "/portal/organisation/purchases/", set()),
    ("enterprises:my_purchase_upload", "/portal/organisation/purchases/upload/", set()),
    ("enterprises:my_purchase_template", "/portal/organisation/purchases/template.xlsx", set()),
    ("fund:loan_list", "/fund/", FUND_VIEW),
    ("fund:loan_export", "/fund/export.xlsx?sort=principal&dir=desc", FUND_VIEW),
    ("fund:loan_create", "/fund/loans/new/", FUND_MANAGE),
    ("fund:portfolio", "/fund/portfolio/?as_of=2018-05-31", FUND_VIEW),
    ("fund:deferment_list", "/fund/deferments/", FUND_VIEW),
    ("fund:notice_list", "/fund/notices/", FUND_VIEW),
    ("fund:notice_export", "/fund/notices/export.xlsx?sort=amount&dir=desc", FUND_VIEW),
    ("fund:ledger", "/fund/ledger/", FUND_MANAGE | {Role.AUDITOR}),
    ("fund:statement_upload", "/fund/statements/", FUND_MANAGE),
    ("fund:statement_template", "/fund/statements/template.xlsx", FUND_MANAGE),
    ("grants:agreement_list", "/grants/?q=x&page=2", GRANTS_VIEW),
    ("grants:agreement_export", "/grants/export.xlsx", GRANTS_VIEW),
    ("grants:programme_list", "/grants/programmes/", GRANTS_VIEW),
    ("grants:programme_create", "/grants/programmes/new/?year=2018", {Role.OFFICE_MANAGER, Role.DIVISION_STAFF}),
    ("grants:payroll_template", "/grants/payrolls/template.xlsx", GRANTS_VIEW),
    ("grants:district_project_list", "/grants/districts/", DISTRICTS_VIEW),
    ("grants:district_project_create", "/grants/districts/new/", DISTRICTS_MANAGE),
    ("grants:district_project_export", "/grants/districts/export.xlsx", DISTRICTS_VIEW),
    ("grants:district_summary", "/grants/districts/summary/?year=2018", DISTRICTS_VIEW),
    ("grants:ecosystem_list", "/grants/ecosystem/", DISTRICTS_VIEW),
    ("grants:ecosystem_create", "/grants/ecosystem/new/", DISTRICTS_MANAGE),
    ("grants:sib_list", "/grants/sib/", SIB_VIEW),
    ("economy:home", "/economy/?year=2018&as_of=2018-06-30", ECONOMY_VIEW),
    ("economy:members", "/economy/gsef/", ECONOMY_VIEW),
    ("economy:members_export", "/economy/gsef/export.xlsx", ECONOMY_VIEW),
    ("economy:member_create", "/economy/gsef/new/", ECONOMY_MANAGE),
    ("economy:dialogues", "/economy/gsef/dialogues/", ECONOMY_VIEW),
    ("economy:dialogues_export", "/economy/gsef/dialogues/export.xlsx", ECONOMY_VIEW),
    ("economy:fair_trade", "/economy/fair-trade/?year=2018&as_of=2018-06-30", ECONOMY_VIEW),
    ("economy:spaces", "/economy/spaces/", ECONOMY_VIEW),
    ("economy:spaces_export", "/economy/spaces/export.xlsx", ECONOMY_VIEW),
    ("economy:space_create", "/economy/spaces/new/", ECONOMY_MANAGE),
    ("economy:markets", "/economy/markets/?year=2018&as_of=2018-06-30", ECONOMY_VIEW),
    ("economy:sales_export", "/economy/markets/export.xlsx?year=2018", ECONOMY_VIEW),
    ("economy:sales_upload", "/economy/markets/upload/", ECONOMY_MANAGE),
    ("economy:sales_template", "/economy/markets/template.xlsx", ECONOMY_MANAGE),
    ("grants:sib_create", "/grants/sib/new/", SIB_MANAGE),
    ("grants:union_list", "/grants/unions/", UNIONS_VIEW),
]

# Pages open to everyone, logged in or not (the strong-SME platform): (url name, path).
OPEN_PAGES = [
    ("enterprises:platform_list", "/platform/"),
    # the pages open to all (issue 25): a visitor's home, the calls, the rooms and programmes, the board
    ("web:home", "/"),
    ("intake:portal_calls", "/portal/calls/"),
    ("intake:org_portal_calls", "/portal/org/calls/"),
    ("frontline:portal_rooms", "/portal/rooms/"),
    ("frontline:portal_programmes", "/portal/programmes/"),
    ("board:notice_list", "/notices/"),
    ("board:faq", "/faq/"),
]

# Pages open to anyone not logged in (the portal's sign-up, account recovery): (url name, path, answer to an
# anonymous visitor who has not begun: the first step, or a redirect back to it — the sign-up's first step, or the
# recovery's request page). Every logged-in role is sent home.
PUBLIC_PAGES = [
    ("signup:start", "/portal/signup/", 200),
    ("signup:contact", "/portal/signup/contact/", 302),
    ("signup:code", "/portal/signup/code/", 302),
    ("signup:identity", "/portal/signup/identity/", 302),
    ("signup:account", "/portal/signup/account/", 302),
    ("core:find_username", "/accounts/find-username/", 200),
    ("core:find_username_code", "/accounts/find-username/code/", 302),
    ("core:password_reset_request", "/accounts/password-reset/", 200),
    ("core:password_reset_code", "/accounts/password-reset/code/", 302),
    ("core:unlock_request", "/accounts/unlock/", 200),
    ("core:unlock_code", "/accounts/unlock/code/", 302),
]

API = [
    ("/api/approvals", APPROVALS_VIEW),
    ("/api/committees", COMMITTEES_VIEW),
    ("/api/approvals/rules", APPROVALS_VIEW),
    ("/api/messaging/messages?status=sent", MESSAGES_VIEW),
    ("/api/messaging/templates", MESSAGES_VIEW),
    ("/api/fund/portfolio?as_of=2018-05-31", FUND_VIEW),
    ("/api/entrusted/facilities", ENTRUSTED_VIEW),
    ("/api/entrusted/contracts", ENTRUSTED_VIEW),
    ("/api/entrusted/contracts/ending?on=2018-06-30", ENTRUSTED_VIEW),
    ("/api/entrusted/steps?on=2018-10-01", ENTRUSTED_VIEW),
    ("/api/grants/programmes", GRANTS_VIEW),
    ("/api/grants/agreements?q=x", GRANTS_VIEW),
    ("/api/me", ALL),
    ("/api/auth/tokens", ALL),
    ("/api/org/units", OFFICIAL),
    ("/api/org/units/JOBS-POLICY", OFFICIAL),
    ("/api/org/districts", OFFICE_WIDE | {Role.DISTRICT_OFFICER}),
    ("/api/org/districts/11740", OFFICE_WIDE | {Role.DISTRICT_OFFICER}),
    ("/api/org/partners", OFFICE_WIDE | {Role.DISTRICT_OFFICER, Role.PARTNER_AGENCY}),
    ("/api/org/partners/TTI-EAST", OFFICE_WIDE | {Role.DISTRICT_OFFICER, Role.PARTNER_AGENCY}),
    ("/api/history", AUDIT),
    ("/api/history/batches", AUDIT),
    ("/api/intake/calls", {Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.AUDITOR, Role.DISTRICT_OFFICER}),
    ("/api/portal/applications", {Role.CITIZEN}),
    ("/api/portal/org/applications", set()),  # an account tied to an organisation only (the persona is not)
    ("/api/enterprises/organisations", ORGANISATIONS_VIEW),
    ("/api/enterprises/procurement?year=2018", ORGANISATIONS_VIEW),
    ("/api/frontline/consultations", {Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.AUDITOR, Role.PARTNER_AGENCY}),
    ("/api/frontline/events?kind=week", {Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.AUDITOR, Role.PARTNER_AGENCY}),
    (
        "/api/frontline/events/summary?year=2018&as_of=2018-06-30",
        {Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.AUDITOR, Role.PARTNER_AGENCY},
    ),
    (
        "/api/frontline/figures?year=2018&as_of=2018-06-30",
        {Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.AUDITOR, Role.PARTNER_AGENCY},
    ),
    ("/api/portal/bookings", {Role.CITIZEN}),
    ("/api/grants/districts", DISTRICTS_VIEW),
    ("/api/grants/districts-summary?year=2018", DISTRICTS_VIEW),
    ("/api/grants/ecosystem", DISTRICTS_VIEW),
    ("/api/grants/sib", SIB_VIEW),
    ("/api/grants/unions", UNIONS_VIEW),
    ("/api/economy/members", ECONOMY_VIEW),
    ("/api/economy/dialogues?year=2018", ECONOMY_VIEW),
    ("/api/economy/fair-trade/criteria?as_of=2018-06-30", ECONOMY_VIEW),
    ("/api/economy/spaces", ECONOMY_VIEW),
    ("/api/economy/sales?year=2018", ECONOMY_VIEW),
    ("/api/economy/figures?year=2018&as_of=2018-06-30", ECONOMY_VIEW),
]

FIGURES = {Role.SYSTEM_ADMIN, Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.AUDITOR}
ENTER = {Role.OFFICE_MANAGER, Role.DIVISION_STAFF}
RULES = {Role.OFFICE_MANAGER}
YEAR_OPEN = {Role.OFFICE_MANAGER}

# The office's figures: these pages read the 2018 report's data (fixture `office`).
FIGURE_PAGES = [
    ("reports:dashboard", "/office/?year=2018&as_of=2018-06-30", FIGURES),
    ("reports:business", "/office/business/?year=2018&as_of=2018-06-30&format=md", FIGURES),
    ("plan:overview", "/plan/?year=2018", FIGURES),
    ("plan:programme_detail", "/plan/programmes/P1-03/", FIGURES),
    ("plan:year_edit", "/plan/years/2018/", RULES),
    ("plan:programme_new", "/plan/programmes/new/?year=2018", RULES),
    ("plan:programme_edit", "/plan/programmes/P1-03/edit/", ENTER),  # the staff persona's division (일자리정책)
    ("plan:programme_export", "/plan/programmes/export.xlsx?year=2018", FIGURES),
    ("plan:programme_import", "/plan/programmes/import/?year=2018", ENTER),
    ("plan:block_new", "/plan/programmes/P1-03/blocks/new/", ENTER),
    ("finance:staffing", "/finance/staffing/", FIGURES),
    ("finance:budget", "/finance/budget/?year=2018", FIGURES),
    ("finance:budget_export", "/finance/budget/export.xlsx?year=2018", FIGURES),
    ("finance:budget_record", "/finance/budget/record/?year=2018", ENTER),
    ("finance:budget_import", "/finance/budget/import/?year=2018", ENTER),
    ("finance:budget_lines", "/finance/budget/lines/?year=2018", FIGURES),
    ("finance:budget_lines_export", "/finance/budget/lines/export.xlsx?year=2018", FIGURES),
    ("finance:budget_lines_import", "/finance/budget/lines/import/?year=2018", ENTER),
    ("finance:staffing_quotas", "/finance/staffing/quotas/", FIGURES),
    ("finance:staffing_quotas_export", "/finance/staffing/quotas/export.xlsx", FIGURES),
    ("finance:staffing_quotas_import", "/finance/staffing/quotas/import/", STRUCTURE),
    ("performance:indicators", "/performance/indicators/?year=2018", FIGURES),
    ("performance:indicator_detail", "/performance/indicators/IND-03/", FIGURES),
    ("performance:indicator_export", "/performance/indicators/export.xlsx?year=2018", FIGURES),
    ("performance:indicator_record", "/performance/indicators/record/?year=2018", ENTER),
    ("performance:indicator_import", "/performance/indicators/import/?year=2018", ENTER),
    ("performance:jobs", "/performance/jobs/?year=2018", FIGURES),
    ("performance:job_export", "/performance/jobs/export.xlsx?year=2018", FIGURES),
    ("performance:job_record", "/performance/jobs/record/?year=2018", ENTER),
    ("performance:job_import", "/performance/jobs/import/?year=2018", ENTER),
    ("performance:validation", "/performance/validation/?year=2018", FIGURES),
    ("performance:record_figures", "/performance/record-figures/?year=2018&as_of=2018-06-30", FIGURES),
    ("performance:record_figure_export", "/performance/record-figures/export.xlsx?year=2018&as_of=2018-06-30", FIGURES),
    ("performance:rule_edit", "/performance/validation/rules/IND-CUMULATIVE/", RULES),
    ("performance:indicator_create", "/performance/indicators/new/", RULES),
    ("performance:indicator_edit", "/performance/indicators/IND-03/edit/", RULES),
    ("performance:indicator_definition_export", "/performance/indicators/targets.xlsx?year=2018", FIGURES),
    ("performance:indicator_definition_import", "/performance/indicators/targets/import/?year=2018", RULES),
    ("performance:job_targets", "/performance/jobs/targets/?year=2018", FIGURES),
    ("performance:job_target_create", "/performance/jobs/targets/new/?year=2019", ENTER),
    ("performance:job_target_export", "/performance/jobs/targets/export.xlsx?year=2018", FIGURES),
    ("performance:job_target_import", "/performance/jobs/targets/import/?year=2018", ENTER),
    ("performance:rule_create", "/performance/validation/rules/new/?year=2018&as_of=2018-06-30", RULES),
    ("core:month_locks", "/months/", FIGURES),
    ("plan:milestone_list", "/plan/milestones/?when=overdue&on=2018-07-01", FIGURES),
    ("core:year_open", "/years/open/?from_year=2018&to_year=2019", YEAR_OPEN),
]

TRAINING_VIEW = {Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.AUDITOR, Role.PARTNER_AGENCY}
TRAINING_RECORDS = {Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.PARTNER_AGENCY}
TRAINING_MANAGE = {Role.OFFICE_MANAGER, Role.DIVISION_STAFF}

# The training pages read the objects of participation.tests.conftest.make_training (fixture `training_office`):
# 동부기술교육원 (EAST, run by TTI-EAST, the partner persona's partner) with its short course E-SHORT and one trainee,
# and 중부기술교육원 (CENTRAL, TTI-CENTRAL). `{enrolment}` is that trainee's id.
TRAINING_PAGES = [
    ("participation:training_figures", "/participation/training/?year=2018&as_of=2018-06-30", TRAINING_VIEW),
    ("participation:training_institute", "/participation/training/EAST/", TRAINING_VIEW),
    ("participation:training_course", "/participation/training/courses/E-SHORT/?month=2018-05", TRAINING_VIEW),
    (
        "participation:training_attendance_sheet",
        "/participation/training/courses/E-SHORT/attendance.xlsx?month=2018-05",
        TRAINING_VIEW,
    ),
    (
        "participation:training_attendance_upload",
        "/participation/training/courses/E-SHORT/attendance/upload/?month=2018-05",
        TRAINING_RECORDS,
    ),
    ("participation:training_enrolment", "/participation/training/enrolments/{enrolment}/", TRAINING_VIEW),
    ("participation:training_call_enrol", "/participation/training/calls/TR-TEST/enrol/", TRAINING_MANAGE),
]

FRONTLINE_VIEW = {Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.AUDITOR, Role.PARTNER_AGENCY}
CITIZEN = {Role.CITIZEN}
FRONTLINE_MANAGE = {Role.OFFICE_MANAGER, Role.DIVISION_STAFF}

# The frontline pages read the objects of frontline.tests.conftest.make_frontline (fixture `frontline_office`): the
# youth job centre YJC (run by 일자리정책담당관, the staff persona's division) with its study room YJC-S01, and the job
# café CAFE-EAST run by TTI-EAST (the partner persona's partner) with its room CAFE-R1 and programme CAFE-TALK; the
# shelter SEOCHO is run by TTI-EAST too.
FRONTLINE_PAGES = [
    ("frontline:figures", "/frontline/?year=2018&as_of=2018-06-30", FRONTLINE_VIEW),
    ("frontline:consultation_list", "/frontline/consultations/?q=익명", FRONTLINE_VIEW),
    ("frontline:consultation_export", "/frontline/consultations/export.xlsx?q=익명&sort=topic", FRONTLINE_VIEW),
    ("frontline:consultation_create", "/frontline/consultations/new/", {Role.DIVISION_STAFF, Role.PARTNER_AGENCY}),
    ("frontline:case_list", "/frontline/cases/", FRONTLINE_VIEW),
    ("frontline:case_export", "/frontline/cases/export.xlsx?q=체불&sort=recovered&dir=desc", FRONTLINE_VIEW),
    ("frontline:case_create", "/frontline/cases/new/", {Role.DIVISION_STAFF, Role.PARTNER_AGENCY}),
    ("frontline:visit_list", "/frontline/visits/?q=사업장", FRONTLINE_VIEW),
    ("frontline:visit_export", "/frontline/visits/export.xlsx?q=사업장&sort=employees&dir=desc", FRONTLINE_VIEW),
    ("frontline:visit_create", "/frontline/visits/new/", {Role.DIVISION_STAFF, Role.PARTNER_AGENCY}),
    ("frontline:room_list", "/frontline/rooms/?year=2018", FRONTLINE_VIEW),
    ("frontline:room_detail", "/frontline/rooms/CAFE-R1/", FRONTLINE_VIEW),
    ("frontline:programme_list", "/frontline/programmes/", FRONTLINE_VIEW),
    ("frontline:programme_detail", "/frontline/programmes/CAFE-TALK/", FRONTLINE_VIEW),
    ("frontline:event_list", "/frontline/events/?kind=week&year=2018&q=주간", FRONTLINE_VIEW),
    ("frontline:event_export", "/frontline/events/export.xlsx?sort=title", FRONTLINE_VIEW),
    ("frontline:event_create", "/frontline/events/new/", FRONTLINE_MANAGE),
    ("frontline:shelter_list", "/frontline/shelters/?year=2018", FRONTLINE_VIEW),
    ("frontline:shelter_detail", "/frontline/shelters/SEOCHO/", FRONTLINE_VIEW),
    ("frontline:public_sector", "/frontline/public-sector/?year=2018&as_of=2018-06-30", OFFICE_WIDE),
    ("frontline:point_detail", "/frontline/points/CAFE-EAST/?year=2018&as_of=2018-06-30", FRONTLINE_VIEW),
    ("frontline:suit_rental_list", "/frontline/suits/?q=홍&sort=due&dir=desc&point=CAFE-EAST", FRONTLINE_VIEW),
    ("frontline:suit_rental_export", "/frontline/suits/export.xlsx?sort=due&status=returned", FRONTLINE_VIEW),
    ("frontline:suit_rental_create", "/frontline/suits/new/", {Role.PARTNER_AGENCY}),
    ("frontline:suit_item_list", "/frontline/suits/items/?q=J&sort=size&state=available", FRONTLINE_VIEW),
    ("frontline:suit_item_export", "/frontline/suits/items/export.xlsx?sort=state&dir=desc", FRONTLINE_VIEW),
    ("frontline:suit_item_create", "/frontline/suits/items/new/", {Role.PARTNER_AGENCY}),
    ("frontline:setup", "/frontline/setup/", FRONTLINE_MANAGE),
    ("frontline:point_hours", "/frontline/setup/points/YJC/hours/", FRONTLINE_MANAGE),
    ("frontline:suit_settings", "/frontline/setup/points/CAFE-EAST/rentals/", FRONTLINE_MANAGE),
    ("frontline:room_create", "/frontline/setup/rooms/new/", FRONTLINE_MANAGE),
    ("frontline:room_edit", "/frontline/setup/rooms/YJC-S01/", FRONTLINE_MANAGE),
    ("frontline:programme_create", "/frontline/setup/programmes/new/", FRONTLINE_MANAGE),
    ("frontline:programme_edit", "/frontline/setup/programmes/YJC-MOCK/", FRONTLINE_MANAGE),
    ("frontline:session_create", "/frontline/setup/programmes/YJC-MOCK/sessions/new/", FRONTLINE_MANAGE),
    ("frontline:shelter_create", "/frontline/setup/shelters/new/", FRONTLINE_MANAGE),
    ("frontline:closure_list", "/frontline/setup/closures/", FRONTLINE_MANAGE),
    ("frontline:portal_room", "/portal/rooms/YJC-S01/", CITIZEN),
    ("frontline:portal_bookings", "/portal/bookings/", CITIZEN),
    ("frontline:portal_registrations", "/portal/registrations/", CITIZEN),
    ("frontline:portal_suits", "/portal/suits/", CITIZEN),
]

FIGURE_API = [
    ("/api/finance/staffing", FIGURES),
    ("/api/finance/budget?year=2018", FIGURES),
    ("/api/finance/budget/lines?year=2018", FIGURES),
    ("/api/finance/staffing/quotas", FIGURES),
    ("/api/plan/years/2018", FIGURES),
    ("/api/plan/years/2018/programmes", FIGURES),
    ("/api/plan/programmes/P1-01", FIGURES),
    ("/api/plan/programmes/P1-01/blocks", FIGURES),
    ("/api/performance/indicators?year=2018", FIGURES),
    ("/api/performance/jobs?year=2018", FIGURES),
    ("/api/performance/validation?year=2018", FIGURES),
    ("/api/performance/record-figures?year=2018&as_of=2018-06-30", FIGURES),
    ("/api/years/2019/preview?from_year=2018", YEAR_OPEN),
    ("/api/performance/jobs/targets?year=2018", FIGURES),
    ("/api/performance/rules", FIGURES),
]

# Pages that take a POST only, or are not pages; they are checked by their own tests.
NOT_PAGES = {
    # background jobs: the requester's own object pages, tested in core/tests/test_jobs.py; the report build is a
    # POST, tested in reports/tests/test_report_jobs.py
    "core:job_detail",
    "core:job_progress",
    "core:job_download",
    "reports:report_build",
    "core:login",
    "core:logout",
    "core:user_unlock",
    # the account page's POST actions (system admin only, every other role 403):
    # core/tests/test_account_reset.py::test_only_the_system_admin_acts_on_accounts
    "core:user_password_reset",
    "core:user_active",
    "core:user_second_factor_reset",
    "core:login_code",  # the login's second step, after the password step only: core/tests/test_second_factor.py
    "core:print_record",  # POST only: core/tests/test_print_log.py
    "signup:resend",  # POST only: people/tests/test_signup.py
    "core:user_detail",
    "core:history_detail",
    "core:change_batch_detail",  # object page: core/tests/test_change_batches.py
    "plan:milestone_done",
    # finance's definitions: object pages and POST actions, tested in finance/tests/test_definitions.py
    "finance:budget_line_edit",
    "finance:budget_line_retire",
    "finance:budget_line_delete",
    "finance:staffing_quota_edit",
    "finance:staffing_quota_retire",
    "finance:staffing_copy",
    # POST only, or a block's own page: plan/tests/test_programme_blocks.py, test_programme_edit.py and the
    # object-level tests below
    "plan:programme_retire",
    "plan:block_edit",
    "plan:block_move",
    "plan:block_delete",
    "performance:validation_run",
    # performance: POST actions and object pages of the definitions, tested in performance/tests/
    # test_indicator_definitions.py, test_job_target_definitions.py and test_formula_rules.py
    "performance:indicator_value",
    "performance:indicator_retire",
    "performance:job_target_edit",
    "performance:job_target_retire",
    "performance:rule_retire",
    "people:person_detail",  # object-level: test_people.py
    "people:pay_account",  # object-level: test_pay_accounts.py, test_attacks.py
    "people:pay_account_reveal",  # POST only, object-level: test_pay_accounts.py, test_attacks.py
    # a worksite's month of transfers (object-level, scoped like the worksite): payroll/tests/test_transfer_pages.py
    # and test_attacks.py
    "transfers:month",
    "transfers:make",
    "transfers:file",
    "transfers:sheet",
    "transfers:result",
    "transfers:reissue",
    # the participant's and the organisation's one page (object-level, scope 404, access log):
    # web/tests/test_records.py
    "web:participant",
    "web:organisation",
    # intake: object pages and POST actions, tested in intake/tests/test_intake.py
    "intake:call_detail",
    "intake:call_eligibility",
    "intake:call_select",
    "intake:application_score",
    "intake:portal_call",
    "intake:portal_withdraw",
    # a citizen's and an organisation's own application page, its 접수증, withdrawal and draft deletion (object
    # pages: anyone else's answers 404), tested in intake/tests/test_application_page.py, test_portal_consents.py
    # and core/tests/test_attacks.py
    "intake:portal_application",
    "intake:portal_draft_delete",
    "web:application_receipt",
    "intake:org_portal_application",
    "intake:org_portal_withdraw",
    "intake:org_portal_draft_delete",
    "web:org_application_receipt",
    # intake: editing a call, confirming its selection, the waiting list and declines (object pages and POSTs),
    # tested in intake/tests/test_call_editing.py and test_selection_confirmation.py
    "intake:call_edit",
    "intake:call_confirm",
    "intake:call_promote",
    "intake:application_decline",
    "intake:portal_decline",
    # intake: a call's paper and xlsx pages, and the document download (object-level), tested in
    # intake/tests/test_paper_applications.py and test_document_download.py
    "intake:call_paper",
    "intake:call_import",
    "intake:call_import_template",
    "intake:document_download",
    # intake: a call's applications as xlsx (object-level: a district officer gets its district's rows only),
    # tested in intake/tests/test_application_list.py
    "intake:call_applications_export",
    # participation: object pages, downloads and POST actions, tested in participation/tests/test_pages.py
    "participation:worksite_detail",
    "participation:work_record_sheet",
    "participation:work_record_upload",
    "participation:pay_compute",
    "participation:payroll_sheet",
    "participation:placement_detail",
    "participation:placement_record",
    "participation:placement_end",
    "participation:placement_outcome",
    "participation:call_place",
    # payroll: a worksite's month of deductions (object-level: the worksite's scope) and the POST actions, tested in
    # payroll/tests/test_pages.py
    "payroll:worksite_month",
    "payroll:worksite_month_compute",
    "payroll:tax_rule",
    # training: POST actions, tested in participation/tests/test_training_pages.py
    "participation:training_attendance",
    "participation:training_deposit_pay",
    "participation:training_complete",
    "participation:training_drop",
    # enterprises: object pages and POST actions, tested in enterprises/tests/test_registry.py, test_platform.py
    # and test_procurement.py; the organisation's own pages need an account tied to an organisation (the persona
    # is not), tested in test_registry.py and test_strong_sme_call.py
    "enterprises:organisation_detail",
    "enterprises:organisation_edit",
    "enterprises:certification_add",
    "enterprises:contact_add",
    "enterprises:support_add",
    "enterprises:article_add",
    "enterprises:review_moderate",
    "enterprises:platform_detail",
    "enterprises:platform_review",
    "enterprises:platform_report",
    "enterprises:my_profile",
    # intake, calls for organisations: the review sheet, the conflict declaration and the document-review cut
    # (object pages and POSTs) and the organisation portal, tested in enterprises/tests/test_strong_sme_call.py
    "intake:call_screen",
    "intake:application_review",
    "intake:application_conflict",
    "intake:org_portal_call",
    "intake:org_portal_applications",
    # frontline: object pages and POST actions, tested in frontline/tests/test_pages.py
    "frontline:consultation_detail",
    "frontline:consultation_outcome",
    "frontline:follow_up_add",
    "frontline:follow_up_done",
    "frontline:case_detail",
    "frontline:case_step",
    "frontline:case_close",
    "frontline:screening_request",
    "frontline:screening_decide",
    "frontline:conversion_record",
    "frontline:working_hours_record",
    "frontline:session_edit",
    "frontline:shelter_edit",
    "frontline:closure_delete",
    "frontline:booking_attendance",
    "frontline:session_detail",
    "frontline:registration_attendance",
    # frontline events: object pages and POSTs, tested in frontline/tests/test_events.py and core/tests/test_attacks.py
    "frontline:event_detail",
    "frontline:event_edit",
    "frontline:event_tally_add",
    "frontline:event_committee_add",
    "frontline:event_guest_add",
    "frontline:event_visit_add",
    "frontline:event_document_add",
    "frontline:event_document",
    "frontline:event_entry_add",
    "frontline:event_entry_advance",
    # the public pages of one record (a call, a room's week, a notice and its attachment) and the board's object
    # pages and POSTs: tested in web/tests/test_public_pages.py and board/tests/test_board.py
    "intake:public_call",
    "frontline:portal_room_week",
    "board:notice_detail",
    "board:notice_attachment",
    "board:staff_notice_edit",
    "board:staff_notice_retire",
    "board:staff_faq_edit",
    "board:staff_faq_retire",
    "frontline:portal_booking_cancel",
    "frontline:portal_register",
    "frontline:portal_registration_cancel",
    "frontline:portal_satisfaction",
    "frontline:portal_certificate",
    # entrusted: a facility's page and the forms on a facility, contract, budget or step (a partner agency gets 404
    # outside its own contracts; division staff 403 on another division's), tested in entrusted/tests/test_pages.py
    # and core/tests/test_attacks.py
    "entrusted:facility_detail",
    "entrusted:facility_edit",
    "entrusted:contract_create",
    "entrusted:contract_edit",
    "entrusted:budget_create",
    "entrusted:evaluation_create",
    "entrusted:settlement_record",
    "entrusted:step_create",
    "entrusted:step_edit",
    "entrusted:step_done",
    # the 취업날개 desk's object pages and POST actions: frontline/tests/test_suits.py (pages by role, 403 and 409)
    "frontline:suit_rental_detail",
    "frontline:suit_rental_pickup",
    "frontline:suit_rental_return",
    "frontline:suit_rental_cancel",
    "frontline:suit_item_detail",
    "frontline:suit_item_state",
    "frontline:portal_suit_cancel",
    # fund: object pages (a partner agency gets 404 outside its own loans) and POST actions, tested in
    # fund/tests/test_pages.py
    "fund:loan_detail",
    "fund:loan_disburse",
    "fund:repayment_post",
    "fund:deferment_request",
    "fund:schedule_export",
    "fund:deferment_decide",
    "fund:notice_batch",
    "fund:notice_detail",
    # grants: object pages and POST actions (a district officer or partner agency gets 404 outside its own
    # agreements), and the grantee's own pages (they need an account tied to an organisation; the persona is not),
    # tested in grants/tests/test_pages.py and test_grants_browser.py
    "grants:programme_detail",
    "grants:agreement_create",
    "grants:agreement_detail",
    "grants:agreement_sign",
    "grants:disbursement_record",
    "grants:spending_report",
    "grants:settlement_record",
    "grants:evaluation_record",
    "grants:payroll_detail",
    "grants:my_agreement_list",
    "grants:my_agreement",
    # grants: district-project, ecosystem and SIB object pages and POST actions (a district officer gets 404 outside
    # their district), tested in grants/tests/test_district_pages.py and test_sib_pages.py
    "grants:district_project_detail",
    "grants:district_monitoring_record",
    "grants:district_review_record",
    "grants:district_decision_record",
    "grants:ecosystem_detail",
    "grants:ecosystem_fund",
    "grants:ecosystem_evaluate",
    "grants:sib_detail",
    "grants:sib_evaluate",
    # grants: a union's agreement, its sub-projects, tranches, scholarship rounds, students, the foundation's list and
    # the export (a union's own account reads its own only; the students: office staff and the auditor), tested in
    # grants/tests/test_union_pages.py
    "grants:union_detail",
    "grants:sub_project_add",
    "grants:sub_project_edit",
    "grants:tranche_assign",
    "grants:scholarship_create",
    "grants:scholarship_detail",
    "grants:recipient_add",
    "grants:foundation_upload",
    "grants:scholarship_export",
    "grants:recipient_detail",
    "grants:recipient_decide",
    "grants:recipient_pay",
    # approvals: a request's page and its POSTs (approve, reject, recall: only the person the line names), the
    # draft form of an act on a record, deleting a rule (POST): approvals/tests/test_pages.py
    "approvals:request_detail",
    "approvals:request_approve",
    "approvals:request_reject",
    "approvals:request_recall",
    "approvals:draft",
    "approvals:rule_delete",
    # committees: the POST steps of a committee and a meeting page (a term's end, agenda, decisions, attendance,
    # minutes, state), tested in
    # committees/tests/test_pages.py; the object pages are in COMMITTEE_PAGES below
    "committees:member_end",
    "committees:meeting_state",
    "committees:agenda_item_create",
    "committees:decision_create",
    "committees:attendance_record",
    "committees:minutes_upload",
    # messaging: a message's page, its retry and its cancel (POST), tested in messaging/tests/test_pages.py
    "messaging:message_detail",
    "messaging:message_retry",
    "messaging:message_cancel",
    # economy: object pages and POST actions, tested in economy/tests/test_economy.py
    "economy:member_detail",
    "economy:member_edit",
    "economy:evidence_document",
    "economy:space_detail",
    "economy:space_edit",
    "economy:space_use",
    "economy:space_tenancy",
    "economy:space_tenancy_end",
    "economy:space_programme",
}


def _matrix(rows):
    return [
        pytest.param(path, role, role in allowed, id=f"{path}-{role}") for _, path, allowed in rows for role in Role
    ]


@pytest.mark.parametrize(("path", "role", "allowed"), _matrix(PAGES))
def test_page_permission(client_as, path, role, allowed):
    response = client_as(role).get(path)
    assert response.status_code == (200 if allowed else 403), response.status_code
    if not allowed:
        assert "권한이 없습니다" in response.content.decode()


@pytest.fixture
def office(personas, dataset_2018):
    return personas


@pytest.mark.parametrize(("path", "role", "allowed"), _matrix(FIGURE_PAGES))
def test_figure_page_permission(office, client_as, path, role, allowed):
    response = client_as(role).get(path)
    assert response.status_code == (200 if allowed else 403), response.status_code


@pytest.fixture
def training_office(personas, dataset_2018):
    from iljari.participation.tests.factories import make_trainee, make_training

    made = make_training()
    return {
        "enrolment": make_trainee(made["short"]).pk,
        "other_enrolment": make_trainee(made["other"]).pk,  # 중부기술교육원
    }


@pytest.mark.parametrize(("path", "role", "allowed"), _matrix(TRAINING_PAGES))
def test_training_page_permission(training_office, client_as, path, role, allowed):
    response = client_as(role).get(path.format(**training_office))
    assert response.status_code == (200 if allowed else 403), response.status_code
    if not allowed:
        assert "권한이 없습니다" in response.content.decode()


@pytest.mark.parametrize("path", [path.format(enrolment=1) for _, path, _ in TRAINING_PAGES])
def test_anonymous_is_sent_to_login_from_training_pages(db, path):
    response = Client().get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_partner_agency_gets_404_for_another_trustees_institute(training_office, client_as):
    client = client_as(Role.PARTNER_AGENCY)  # TTI-EAST; 중부기술교육원 is TTI-CENTRAL's
    assert client.get("/participation/training/CENTRAL/").status_code == 404
    assert client.get("/participation/training/courses/C-DAY/").status_code == 404
    assert client.get("/participation/training/courses/C-DAY/attendance.xlsx?month=2018-05").status_code == 404
    assert client.get(f"/participation/training/enrolments/{training_office['other_enrolment']}/").status_code == 404
    assert (
        client.post(f"/participation/training/enrolments/{training_office['other_enrolment']}/drop/").status_code == 404
    )
    assert client.get(f"/participation/training/enrolments/{training_office['enrolment']}/").status_code == 200


@pytest.mark.parametrize(
    ("role", "manage", "own_records", "other_records"),
    [
        (Role.OFFICE_MANAGER, True, True, True),
        (Role.DIVISION_STAFF, True, True, True),  # staff of 일자리정책담당관, the programme's division
        (Role.PARTNER_AGENCY, False, True, False),  # TTI-EAST runs 동부, not 중부
        (Role.AUDITOR, False, False, False),
        (Role.SYSTEM_ADMIN, False, False, False),
        (Role.DISTRICT_OFFICER, False, False, False),
        (Role.CITIZEN, False, False, False),
        (Role.ORGANISATION, False, False, False),
    ],
)
def test_training_manage_and_records_gates(training_office, personas, role, manage, own_records, other_records):
    from iljari.participation.models import TrainingInstitute

    user = personas[role]
    east, central = TrainingInstitute.objects.get(code="EAST"), TrainingInstitute.objects.get(code="CENTRAL")
    assert access.access_training_manage(user, east.programme.division.path) is manage
    assert access.access_training_manage(user, "/SEOUL/JOBS/LABOUR-POLICY/") is (role == Role.OFFICE_MANAGER)
    assert access.access_training_records(user, east) is own_records
    assert access.access_training_records(user, central) is other_records


@pytest.fixture
def frontline_office(personas):
    from iljari.frontline.tests.factories import make_frontline

    return make_frontline()


# The committees' object pages read the committee TRAINING-BOARD (supervised by 일자리정책담당관) and its first meeting
# with minutes (`{meeting}`), made by the fixture below.
COMMITTEE_PAGES = [
    ("committees:committee_detail", "/committees/TRAINING-BOARD/?as_of=2018-06-30", COMMITTEES_VIEW),
    ("committees:committee_edit", "/committees/TRAINING-BOARD/edit/", COMMITTEES_KEEP),
    ("committees:member_create", "/committees/TRAINING-BOARD/members/new/", COMMITTEES_KEEP),
    ("committees:meeting_create", "/committees/TRAINING-BOARD/meetings/new/", COMMITTEES_KEEP),
    ("committees:meeting_detail", "/committees/meetings/{meeting}/", COMMITTEES_VIEW),
    ("committees:minutes_download", "/committees/meetings/{meeting}/minutes/file/", COMMITTEES_VIEW),
]


@pytest.fixture
def committee_office(personas, settings, tmp_path):
    from datetime import date

    from django.core.files.uploadedfile import SimpleUploadedFile

    from iljari.committees import services as committees
    from iljari.org.models import OrgUnit

    settings.MEDIA_ROOT = tmp_path
    board = committees.committee_save(
        actor=None,
        code="TRAINING-BOARD",
        name="기술교육원 통합운영위원회",
        kind="operation",
        supervising_division=OrgUnit.objects.get(code="JOBS-POLICY"),
    )
    meeting = committees.meeting_schedule(actor=None, committee=board, held_on=date(2018, 5, 10), state="held")
    committees.minutes_upload(actor=None, meeting=meeting, upload=SimpleUploadedFile("회의록.pdf", b"%PDF-1.4"))
    return meeting


@pytest.mark.parametrize(("path", "role", "allowed"), _matrix(COMMITTEE_PAGES))
def test_committee_page_permission(committee_office, client_as, path, role, allowed):
    response = client_as(role).get(path.format(meeting=committee_office.pk))
    assert response.status_code == (200 if allowed else 403), response.status_code


@pytest.mark.parametrize(("path", "role", "allowed"), _matrix(FRONTLINE_PAGES))
def test_frontline_page_permission(frontline_office, client_as, path, role, allowed):
    response = client_as(role).get(path)
    assert response.status_code == (200 if allowed else 403), response.status_code
    if not allowed:
        assert "권한이 없습니다" in response.content.decode()


@pytest.mark.parametrize("path", [path for _, path, _ in FRONTLINE_PAGES])
def test_anonymous_is_sent_to_login_from_frontline_pages(db, path):
    response = Client().get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_partner_agency_gets_404_for_a_service_point_its_partner_does_not_run(frontline_office, client_as):
    client = client_as(Role.PARTNER_AGENCY)  # TTI-EAST runs CAFE-EAST, not the youth job centre
    assert client.get("/frontline/rooms/YJC-S01/").status_code == 404
    assert client.get("/frontline/programmes/YJC-MOCK/").status_code == 404
    assert client.get("/frontline/rooms/CAFE-R1/").status_code == 200


@pytest.mark.parametrize(
    ("role", "centre", "cafe", "ombudsman"),
    [
        (Role.DIVISION_STAFF, True, False, False),  # 일자리정책담당관 runs the centre itself; the café is TTI-EAST's
        (Role.PARTNER_AGENCY, False, True, False),
        (Role.OFFICE_MANAGER, False, False, False),
        (Role.AUDITOR, False, False, False),
        (Role.SYSTEM_ADMIN, False, False, False),
        (Role.DISTRICT_OFFICER, False, False, False),
        (Role.CITIZEN, False, False, False),
        (Role.ORGANISATION, False, False, False),
    ],
)
def test_service_point_work_gate(frontline_office, personas, role, centre, cafe, ombudsman):
    user = personas[role]
    assert access.access_service_point_work(user, frontline_office["centre"]) is centre
    assert access.access_service_point_work(user, frontline_office["cafe"]) is cafe
    assert access.access_service_point_work(user, frontline_office["ombudsman"]) is ombudsman


@pytest.mark.parametrize(
    ("role", "allowed"),
    [(Role.PARTNER_AGENCY, True), (Role.OFFICE_MANAGER, True), (Role.DIVISION_STAFF, False), (Role.AUDITOR, False)],
)
def test_shelter_counts_gate(frontline_office, personas, role, allowed):
    # 서초쉼터 is run by TTI-EAST for 노동정책담당관; the staff persona is 일자리정책담당관's
    assert access.access_shelter_counts(personas[role], frontline_office["shelter"]) is allowed


@pytest.mark.parametrize(
    ("path", "role", "allowed"),
    [pytest.param(path, role, role in allowed, id=f"{path}-{role}") for path, allowed in FIGURE_API for role in Role],
)
def test_figure_api_permission(office, client_as, path, role, allowed):
    response = client_as(role).get(path)
    assert response.status_code == (200 if allowed else 403), response.content
    if not allowed:
        assert response.json()["code"] == "forbidden"


@pytest.mark.parametrize(
    ("path", "role", "allowed"),
    [pytest.param(path, role, role in allowed, id=f"{path}-{role}") for path, allowed in API for role in Role],
)
def test_api_permission(client_as, path, role, allowed):
    response = client_as(role).get(path)
    assert response.status_code == (200 if allowed else 403), response.content
    if not allowed:
        assert response.json()["code"] == "forbidden"
        assert "권한" in response.json()["message"]


@pytest.mark.parametrize("path", [path for _, path, _ in PAGES if not path.startswith("/api/")])
def test_anonymous_is_sent_to_login(db, path):
    response = Client().get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize("path", [path for path, _ in API])
def test_anonymous_api_call_is_401_in_korean(db, path):
    response = Client().get(path)
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


def test_every_page_is_in_the_matrix():
    names = set()
    for namespace in (
        "approvals",
        "board",
        "entrusted",
        "committees",
        "messaging",
        "messaging_portal",
        "core",
        "org",
        "web",
        "plan",
        "finance",
        "performance",
        "reports",
        "people",
        "intake",
        "participation",
        "payroll",
        "signup",
        "enterprises",
        "frontline",
        "fund",
        "grants",
        "economy",
    ):
        resolver = get_resolver().namespace_dict[namespace][1]
        names |= {f"{namespace}:{name}" for name in resolver.reverse_dict if isinstance(name, str)}
    covered = {
        name for name, _, _ in PAGES + FIGURE_PAGES + PUBLIC_PAGES + TRAINING_PAGES + FRONTLINE_PAGES + COMMITTEE_PAGES
    }
    covered |= {name for name, _ in OPEN_PAGES}
    assert names - covered - NOT_PAGES == set()


@pytest.mark.parametrize(("path", "status"), [(path, status) for _, path, status in PUBLIC_PAGES])
def test_public_page_is_open_to_anonymous(db, path, status):
    response = Client().get(path)
    assert response.status_code == status
    if status == 302:
        first = "/portal/signup/" if path.startswith("/portal/signup/") else path.removesuffix("code/")
        assert response["Location"] == first


@pytest.mark.parametrize(
    ("path", "role"),
    [pytest.param(path, role, id=f"{path}-{role}") for _, path, _ in PUBLIC_PAGES for role in Role],
)
def test_public_page_sends_a_logged_in_user_home(client_as, path, role):
    response = client_as(role).get(path)
    assert response.status_code == 302 and response["Location"] == "/"


def test_signup_gate_allows_only_anonymous(personas):
    from django.contrib.auth.models import AnonymousUser

    assert access.access_signup(AnonymousUser()) is True
    assert access.access_signup(None) is True
    assert [role for role in Role if access.access_signup(personas[role])] == []


# --- object level ----------------------------------------------------------------------------------------


def test_district_officer_cannot_see_other_district(client_as):
    client = client_as(Role.DISTRICT_OFFICER)
    assert client.get("/org/districts/11110/").status_code == 404  # 종로구
    assert client.get("/api/org/districts/11110").status_code == 404
    assert client.get("/org/districts/11740/").status_code == 200  # 강동구, own


def test_district_officer_sees_only_partners_in_own_district(client_as):
    client = client_as(Role.DISTRICT_OFFICER)
    assert client.get("/org/partners/TTI-CENTRAL/").status_code == 404  # 용산구
    assert client.get("/api/org/partners/TTI-CENTRAL").status_code == 404
    codes = [row["code"] for row in client.get("/api/org/partners").json()["items"]]
    assert codes == ["TTI-EAST"]
    districts = [row["code"] for row in client.get("/api/org/districts").json()]
    assert districts == ["11740"]


def test_partner_agency_sees_only_itself(client_as):
    client = client_as(Role.PARTNER_AGENCY)
    assert client.get("/org/partners/TTI-NORTH/").status_code == 404
    assert client.get("/api/org/partners/SEOUL-METRO").status_code == 404
    codes = [row["code"] for row in client.get("/api/org/partners").json()["items"]]
    assert codes == ["TTI-EAST"]
    page = client.get("/org/partners/").content.decode()
    assert "(학)경복대학교" in page
    assert "명지전문대학" not in page


def test_office_wide_roles_see_every_partner(client_as):
    response = client_as(Role.DIVISION_STAFF).get("/api/org/partners")
    assert response.json()["count"] == 13


def test_division_staff_cannot_edit_partner_of_other_scope_via_api_when_not_allowed(client_as):
    response = client_as(Role.DISTRICT_OFFICER).patch(
        "/api/org/partners/TTI-EAST", data={"name": "바꾼 이름"}, content_type="application/json"
    )
    assert response.status_code == 403


def test_division_staff_keep_job_targets_only_of_their_own_division(personas):
    staff = personas[Role.DIVISION_STAFF]  # 일자리정책담당관
    assert access.access_job_targets_manage(staff, "/SEOUL/JOBS/JOBS-POLICY/") is True
    assert access.access_job_targets_manage(staff, "/SEOUL/JOBS/LABOUR-POLICY/") is False
    assert access.access_job_targets_manage(staff, "/") is False  # the office's own rows
    assert access.access_job_targets_manage(personas[Role.OFFICE_MANAGER], "/") is True
    assert access.access_job_targets_manage(personas[Role.AUDITOR], "/SEOUL/JOBS/JOBS-POLICY/") is False
    assert access.access_job_targets_manage(personas[Role.SYSTEM_ADMIN], "/SEOUL/JOBS/JOBS-POLICY/") is False


def test_division_staff_enter_figures_only_for_their_own_division(personas):
    staff = personas[Role.DIVISION_STAFF]  # 일자리정책담당관
    assert access.access_figures_enter(staff, "/SEOUL/JOBS/JOBS-POLICY/") is True
    assert access.access_figures_enter(staff, "/SEOUL/JOBS/JOBS-POLICY/JOBS-POLICY-T2/") is True
    assert access.access_figures_enter(staff, "/SEOUL/JOBS/LABOUR-POLICY/") is False
    assert access.access_figures_enter(staff, "/SEOUL/JOBS/") is False
    assert access.access_figures_enter(personas[Role.OFFICE_MANAGER], "/SEOUL/JOBS/LABOUR-POLICY/") is True
    assert access.access_figures_enter(personas[Role.AUDITOR], "/SEOUL/JOBS/JOBS-POLICY/") is False


@pytest.mark.parametrize(
    ("role", "own_division", "other_division"),
    [
        (Role.OFFICE_MANAGER, True, True),
        (Role.AUDITOR, True, True),
        (Role.DIVISION_STAFF, True, False),
        (Role.SYSTEM_ADMIN, False, False),
        (Role.DISTRICT_OFFICER, False, False),
        (Role.PARTNER_AGENCY, False, False),
        (Role.CITIZEN, False, False),
        (Role.ORGANISATION, False, False),
    ],
)
def test_application_documents_gate(personas, role, own_division, other_division):
    gate = access.access_application_documents
    assert gate(personas[role], "/SEOUL/JOBS/JOBS-POLICY/") is own_division  # the staff persona's division
    assert gate(personas[role], "/SEOUL/JOBS/LABOUR-POLICY/") is other_division


@pytest.mark.parametrize(
    ("role", "own_division", "other_division"),
    [
        (Role.OFFICE_MANAGER, True, True),
        (Role.DIVISION_STAFF, True, False),  # staff of the programme's division only
        (Role.DISTRICT_OFFICER, False, False),  # places its own quota, within the places
        (Role.AUDITOR, False, False),
        (Role.SYSTEM_ADMIN, False, False),
        (Role.PARTNER_AGENCY, False, False),
        (Role.CITIZEN, False, False),
        (Role.ORGANISATION, False, False),
    ],
)
def test_placements_over_capacity_gate(personas, role, own_division, other_division):
    gate = access.access_placements_over_capacity
    assert gate(personas[role], "/SEOUL/JOBS/JOBS-POLICY/") is own_division  # the staff persona's division
    assert gate(personas[role], "/SEOUL/JOBS/LABOUR-POLICY/") is other_division


# --- the gates themselves ----------------------------------------------------------------------------------

GATES = [
    (access.access_office_view, OFFICIAL),
    (access.access_org_structure_change, STRUCTURE),
    (access.access_district_list, OFFICE_WIDE | {Role.DISTRICT_OFFICER}),
    (access.access_partner_list, OFFICE_WIDE | {Role.DISTRICT_OFFICER, Role.PARTNER_AGENCY}),
    (access.access_partner_change, PARTNER_EDITORS),
    (access.access_change_history_view, AUDIT),
    (access.access_accounts_manage, ADMIN),
    (access.access_technical_notes, ADMIN),
    (access.access_own_account, ALL),
    (access.access_office_figures_view, FIGURES),
    (access.access_figures_enter_any, ENTER),
    (access.access_month_lock, RULES),
    (access.access_validation_rules_manage, RULES),
    (access.access_indicators_manage, RULES),
    (access.access_job_targets_manage_any, ENTER),
    (access.access_plan_manage, RULES),
    (access.access_programme_edit_any, ENTER),
    (access.access_people_view, {Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.AUDITOR, Role.DISTRICT_OFFICER}),
    (access.access_people_change, {Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.DISTRICT_OFFICER}),
    (
        access.access_applications_view,
        {Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.AUDITOR, Role.DISTRICT_OFFICER},
    ),
    (access.access_apply, {Role.CITIZEN}),
    (access.access_placements_any, {Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.DISTRICT_OFFICER}),
    (
        access.access_worksite_records_any,
        {Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.DISTRICT_OFFICER, Role.PARTNER_AGENCY},
    ),
    (access.access_training_view, TRAINING_VIEW),
    (access.access_training_records_any, {Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.PARTNER_AGENCY}),
    (access.access_organisations_view, ORGANISATIONS_VIEW),
    (access.access_organisations_manage, {Role.OFFICE_MANAGER, Role.DIVISION_STAFF}),
    (access.access_platform_review_write, {Role.CITIZEN, Role.ORGANISATION}),
    (access.access_procurement_view, ORGANISATIONS_VIEW),
    (access.access_organisation_own, set()),  # no persona is tied to an organisation: see the test below
    (access.access_procurement_own, set()),  # nor to a buyer: see test_procurement_own_gate_for_a_buyers_account
    (access.access_frontline_view, FRONTLINE_VIEW),
    (access.access_public_sector_view, OFFICE_WIDE),
    (access.access_book, CITIZEN),
    (access.access_fund_view, FUND_VIEW),
    (access.access_fund_manage, FUND_MANAGE),  # the division staff persona is not of 사회적경제담당관: see below
    (access.access_fund_ledger_view, FUND_MANAGE | {Role.AUDITOR}),
    (access.access_fund_repayments_follow, FUND_MANAGE | {Role.PARTNER_AGENCY}),
    (access.access_grants_view, GRANTS_VIEW),
    (access.access_grants_manage_any, {Role.OFFICE_MANAGER, Role.DIVISION_STAFF}),
    (access.access_district_projects_view, DISTRICTS_VIEW),
    (access.access_district_projects_manage_any, DISTRICTS_MANAGE),
    (access.access_district_monitoring_enter_any, DISTRICTS_MANAGE | {Role.DISTRICT_OFFICER}),
    (access.access_sib_view, SIB_VIEW),
    (access.access_sib_manage, SIB_MANAGE),  # the division staff persona is not of 사회적경제담당관
    (access.access_unions_view, UNIONS_VIEW),  # and a labour organisation's own account: see below
    (access.access_unions_menu, UNIONS_VIEW),
    (access.access_economy_view, ECONOMY_VIEW),
    (access.access_economy_manage, ECONOMY_MANAGE),  # the division staff persona is not of 사회적경제담당관
    (access.access_access_log_review_sign, {Role.AUDITOR}),
    (access.access_retention_rules_change, STRUCTURE),
    (access.access_destruction_register_view, {Role.SYSTEM_ADMIN, Role.OFFICE_MANAGER, Role.AUDITOR}),
    (access.access_approvals_view, APPROVALS_VIEW),
    (access.access_messages_view, MESSAGES_VIEW),
    (access.access_messages_manage, MESSAGES_MANAGE),
    (access.access_own_messages, {Role.CITIZEN}),
    (access.access_approval_draft_any, APPROVALS_DRAFT),
    (access.access_delegation_rules_view, APPROVALS_VIEW),
    (access.access_delegation_rules_change, RULES),
    (access.access_board_view, BOARD_VIEW),
    (access.access_board_manage, BOARD_MANAGE),
    (access.access_entrusted_view, ENTRUSTED_VIEW),
    (access.access_entrusted_manage_any, ENTRUSTED_MANAGE),
    (access.access_committees_view, COMMITTEES_VIEW),
    (access.access_committees_keep_any, COMMITTEES_KEEP),
]


@pytest.mark.parametrize(
    ("gate", "role", "allowed"),
    [
        pytest.param(gate, role, role in allowed, id=f"{gate.__name__}-{role}")
        for gate, allowed in GATES
        for role in Role
    ],
)
def test_gate(personas, gate, role, allowed):
    assert gate(personas[role]) is allowed


@pytest.mark.parametrize(("gate", "_"), GATES)
def test_gates_refuse_anonymous_and_deactivated_users(personas, gate, _):
    from django.contrib.auth.models import AnonymousUser

    assert gate(AnonymousUser()) is False
    admin = personas[Role.SYSTEM_ADMIN]
    admin.is_active = False
    assert gate(admin) is False


@pytest.mark.parametrize("path", [path for _, path in OPEN_PAGES])
def test_open_page_answers_everyone(client_as, path):
    assert Client().get(path).status_code == 200
    for role in Role:
        assert client_as(role).get(path).status_code == 200


def test_organisation_own_gate_needs_an_organisation_account_tied_to_an_organisation(personas):
    from iljari.core.models import User
    from iljari.enterprises.services import organisation_contact_add, organisation_register

    organisation = organisation_register(actor=None, name="게이트", kind="company", business_number="1248100998")
    organisation_contact_add(actor=None, organisation=organisation, username=personas[Role.ORGANISATION].username)
    tied = User.objects.get(pk=personas[Role.ORGANISATION].pk)
    assert access.access_organisation_own(tied) is True
    assert access.access_organisation_own(personas[Role.CITIZEN]) is False


def test_procurement_enter_gate_for_a_buyer(personas):
    from iljari.enterprises.services import organisation_register
    from iljari.org.models import District

    own = organisation_register(
        actor=None,
        name="강동구청",
        kind="district",
        business_number="1234567891",
        district=District.objects.get(code="11740"),
    )
    other = organisation_register(
        actor=None,
        name="종로구청",
        kind="district",
        business_number="2208162517",
        district=District.objects.get(code="11110"),
    )
    officer = personas[Role.DISTRICT_OFFICER]
    assert access.access_procurement_enter(officer, own) is True
    assert access.access_procurement_enter(officer, other) is False
    assert access.access_procurement_enter(personas[Role.DIVISION_STAFF], other) is True
    assert access.access_procurement_enter(personas[Role.PARTNER_AGENCY], None) is False
    assert access.access_procurement_enter(personas[Role.AUDITOR], None) is False


def test_procurement_own_gate_for_a_buyers_account(personas):
    from iljari.core.models import User
    from iljari.enterprises.services import (
        organisation_contact_add,
        organisation_contact_remove,
        organisation_register,
    )

    buyer = organisation_register(actor=None, name="서울특별시", kind="agency", business_number="1234567891")
    other = organisation_register(actor=None, name="종로구청", kind="district", business_number="2208162517")
    company = organisation_register(actor=None, name="게이트", kind="company", business_number="1248100998")
    organisation_contact_add(actor=None, organisation=buyer, username=personas[Role.ORGANISATION].username)
    own = User.objects.get(pk=personas[Role.ORGANISATION].pk)
    assert access.access_procurement_own(own) is True
    assert access.access_procurement_own(own, buyer) is True
    assert access.access_procurement_own(own, other) is False
    assert access.access_procurement_enter(own, buyer) is False  # not the office's pages
    organisation_contact_remove(actor=None, user=own)
    organisation_contact_add(actor=None, organisation=company, username=own.username)
    assert access.access_procurement_own(User.objects.get(pk=own.pk)) is False  # a company buys nothing here
    assert access.access_procurement_own(personas[Role.DIVISION_STAFF]) is False
    assert access.access_procurement_own(personas[Role.CITIZEN]) is False


def test_fund_manage_gate_allows_staff_of_the_social_economy_division_only(personas):
    from iljari.core import services as core_services
    from iljari.org.models import OrgUnit
    from iljari.testing import PASSWORD

    fund_staff = core_services.user_create(
        actor=None,
        username="t_fund_staff",
        password=PASSWORD,
        role=Role.DIVISION_STAFF,
        org_unit=OrgUnit.objects.get(code="SOCIAL-ECONOMY-T3"),  # 사회투자팀(예시), 사회적경제담당관
    )
    assert access.access_fund_manage(fund_staff) is True
    assert access.access_fund_manage(personas[Role.DIVISION_STAFF]) is False  # 일자리정책담당관
    fund_staff.org_unit = None
    assert access.access_fund_manage(fund_staff) is False


def test_grants_manage_gate_allows_the_office_manager_and_staff_of_the_programmes_division(personas):
    jobs_policy, social_economy = "/SEOUL/JOBS/JOBS-POLICY/", "/SEOUL/JOBS/SOCIAL-ECONOMY/"
    assert [r for r in Role if access.access_grants_manage(personas[r], jobs_policy)] == [
        Role.OFFICE_MANAGER,
        Role.DIVISION_STAFF,  # the staff persona is of 일자리정책담당관
    ]
    assert [r for r in Role if access.access_grants_manage(personas[r], social_economy)] == [Role.OFFICE_MANAGER]


def test_grant_own_gate_allows_only_the_grantees_own_account(personas):
    from types import SimpleNamespace

    from iljari.core import services as core_services
    from iljari.demo.enterprises_loader import business_number
    from iljari.enterprises.services import organisation_register

    grantee = organisation_register(
        actor=None, name="수행기관(시험)", kind="ngo", business_number=business_number(777_000_001)
    )
    other = organisation_register(
        actor=None, name="다른기관(시험)", kind="ngo", business_number=business_number(777_000_002)
    )
    agreement = SimpleNamespace(grantee_id=grantee.pk)
    account = core_services.user_organisation_set(user=personas[Role.ORGANISATION], organisation=grantee)
    assert access.access_grant_own(account, agreement) is True
    assert access.access_grant_own(account, SimpleNamespace(grantee_id=other.pk)) is False
    assert [r for r in Role if r != Role.ORGANISATION and access.access_grant_own(personas[r], agreement)] == []


def test_union_gates_let_a_labour_organisations_account_in_and_keep_the_students_to_the_office(personas):
    from types import SimpleNamespace

    from iljari.core import services as core_services
    from iljari.demo.enterprises_loader import business_number
    from iljari.enterprises.services import organisation_register

    union = organisation_register(
        actor=None, name="노동단체(시험)", kind="labour_organisation", business_number=business_number(777_000_003)
    )
    agreement = SimpleNamespace(grantee_id=union.pk)
    students = [r for r in Role if access.access_scholarship_view(personas[r], agreement)]
    assert students == [Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.AUDITOR]
    account = core_services.user_organisation_set(user=personas[Role.ORGANISATION], organisation=union)
    assert access.access_unions_view(account) and access.access_unions_menu(account)
    assert access.access_scholarship_view(account, agreement) is True
    assert access.access_scholarship_view(account, SimpleNamespace(grantee_id=union.pk + 1)) is False
    company = organisation_register(
        actor=None, name="기업(시험)", kind="company", business_number=business_number(777_000_004)
    )
    account = core_services.user_organisation_set(user=account, organisation=company)
    assert access.access_unions_view(account) is True  # reads nothing: the selectors give it no agreement
    assert access.access_unions_menu(account) is False


@pytest.mark.parametrize(
    ("role", "own", "other", "manage"),
    [
        (Role.SYSTEM_ADMIN, False, False, False),
        (Role.OFFICE_MANAGER, True, True, True),
        (Role.DIVISION_STAFF, True, True, True),  # 일자리정책담당관 runs the programme (P1-05)
        (Role.DISTRICT_OFFICER, True, False, False),  # 강동구: its own district's project only
        (Role.PARTNER_AGENCY, False, False, False),
        (Role.AUDITOR, False, False, False),
        (Role.CITIZEN, False, False, False),
        (Role.ORGANISATION, False, False, False),
    ],
)
def test_district_monitoring_and_manage_gates(personas, role, own, other, manage):
    from iljari.grants.tests.district_fixtures import make_programmes, make_project

    make_programmes()
    gangdong, jongno = make_project(), make_project(code="T-11110-01", district="11110")
    assert access.access_district_monitoring_enter(personas[role], gangdong) is own
    assert access.access_district_monitoring_enter(personas[role], jongno) is other
    assert access.access_district_projects_manage(personas[role], gangdong.programme.division.path) is manage


def test_sib_manage_gate_allows_staff_of_the_social_economy_division_only(personas):
    from iljari.core import services as core_services
    from iljari.org.models import OrgUnit
    from iljari.testing import PASSWORD

    staff = core_services.user_create(
        actor=None,
        username="t_sib_staff",
        password=PASSWORD,
        role=Role.DIVISION_STAFF,
        org_unit=OrgUnit.objects.get(code="SOCIAL-ECONOMY-T1"),
    )
    assert access.access_sib_manage(staff) is True
    assert access.access_sib_manage(personas[Role.DIVISION_STAFF]) is False  # 일자리정책담당관
    assert access.access_sib_view(personas[Role.DISTRICT_OFFICER]) is False


# --- the plan's writes, object by object (the programme's division) ------------------------------------------

PLAN_WRITES = [
    # (method, path, allowed): P1-03 is 일자리정책담당관's (the staff persona's), P2-05 노동정책담당관's
    ("post", "/plan/programmes/P1-03/retire/", RULES),
    ("get", "/plan/programmes/P2-05/edit/", RULES),
    ("get", "/plan/programmes/P2-05/blocks/new/", RULES),
]


@pytest.mark.parametrize(
    ("method", "path", "role", "allowed"),
    [
        pytest.param(m, path, role, role in allowed, id=f"{m}-{path}-{role}")
        for m, path, allowed in PLAN_WRITES
        for role in Role
    ],
)
def test_plan_writes_by_division(office, client_as, method, path, role, allowed):
    response = getattr(client_as(role), method)(path)
    assert response.status_code == ((302 if method == "post" else 200) if allowed else 403)


def test_programme_edit_gate_follows_the_programmes_division(personas):
    from iljari.org.models import OrgUnit

    jobs, labour = (OrgUnit.objects.get(code=code).path for code in ("JOBS-POLICY", "LABOUR-POLICY"))
    allowed = {
        role: (access.access_programme_edit(personas[role], jobs), access.access_programme_edit(personas[role], labour))
        for role in Role
    }
    assert allowed == {
        role: {Role.OFFICE_MANAGER: (True, True), Role.DIVISION_STAFF: (True, False)}.get(role, (False, False))
        for role in Role
    }


@pytest.mark.parametrize(
    ("role", "own_division", "other_division"),
    [
        (Role.OFFICE_MANAGER, True, True),
        (Role.DIVISION_STAFF, True, False),  # the staff persona is of 일자리정책담당관
        (Role.AUDITOR, False, False),
        (Role.PARTNER_AGENCY, False, False),
        (Role.DISTRICT_OFFICER, False, False),
        (Role.SYSTEM_ADMIN, False, False),
        (Role.CITIZEN, False, False),
        (Role.ORGANISATION, False, False),
    ],
)
def test_entrusted_manage_gate(personas, role, own_division, other_division):
    user = personas[role]
    assert access.access_entrusted_manage(user, "/SEOUL/JOBS/JOBS-POLICY/") is own_division
    assert access.access_entrusted_manage(user, "/SEOUL/JOBS/SOCIAL-ECONOMY/") is other_division
