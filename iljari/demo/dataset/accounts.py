"""One demo account per role. The passwords are for the demo only and are printed by `iljari demo`."""

DEMO_ACCOUNTS = [
    {
        "username": "admin",
        "display_name": "시스템관리자",
        "role": "system_admin",
        "org_unit": "JOBS",
        "password": "Demo!admin2018",
    },
    {
        "username": "manager",
        "display_name": "김총괄",
        "role": "office_manager",
        "org_unit": "JOBS",
        "password": "Demo!manager2018",
    },
    {
        "username": "staff",
        "display_name": "이주무관",
        "role": "division_staff",
        "org_unit": "JOBS-POLICY",
        "password": "Demo!staff2018",
    },
    {
        "username": "reviewer",
        "display_name": "오심사",
        "role": "division_staff",
        "org_unit": "JOBS-POLICY",
        "password": "Demo!reviewer2018",
    },
    {
        # 노동정책담당관 staff: the labour ombudsmen's desk and the shelters (frontline), run by the division itself
        "username": "labour",
        "display_name": "오노동주무관",
        "role": "division_staff",
        "org_unit": "LABOUR-POLICY",
        "password": "Demo!labour2018",
    },
    {
        "username": "district",
        "display_name": "박구청담당",
        "role": "district_officer",
        "district": "11740",
        "password": "Demo!district2018",
    },
    {
        "username": "partner",
        "display_name": "최기관담당",
        "role": "partner_agency",
        "partner": "TTI-EAST",
        "password": "Demo!partner2018",
    },
    {
        "username": "fund",
        "display_name": "윤기금담당",
        "role": "division_staff",
        "org_unit": "SOCIAL-ECONOMY-T3",
        "password": "Demo!fund2018",
    },
    {
        "username": "lender",
        "display_name": "강수행기관담당",
        "role": "partner_agency",
        "partner": "FUND-INT-1",
        "password": "Demo!lender2018",
    },
    {"username": "auditor", "display_name": "정감사", "role": "auditor", "password": "Demo!auditor2018"},
    {"username": "citizen", "display_name": "한시민", "role": "citizen", "password": "Demo!citizen2018"},
    {"username": "company", "display_name": "(주)데모기업", "role": "organisation", "password": "Demo!company2018"},
]
