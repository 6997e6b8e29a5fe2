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
        "position": "head",
        "password": "Demo!manager2018",
    },
    {
        "username": "staff",
        "display_name": "이주무관",
        "role": "division_staff",
        "org_unit": "JOBS-POLICY",
        "position": "clerk",
        "password": "Demo!staff2018",
    },
    {
        "username": "reviewer",
        "display_name": "오심사",
        "role": "division_staff",
        "org_unit": "JOBS-POLICY",
        "position": "team_lead",
        "password": "Demo!reviewer2018",
    },
    {
        # the division's head (일자리정책담당관): gives the final approval of the division's calls and selections
        "username": "chief",
        "display_name": "정담당관",
        "role": "division_staff",
        "org_unit": "JOBS-POLICY",
        "position": "director",
        "password": "Demo!chief2018",
    },
    {
        # 노동정책담당관 staff: the labour ombudsmen's desk and the shelters (frontline), run by the division itself
        "username": "labour",
        "display_name": "오노동주무관",
        "role": "division_staff",
        "org_unit": "LABOUR-POLICY",
        "position": "clerk",
        "password": "Demo!labour2018",
    },
    {
        "username": "district",
        "display_name": "박구청담당",
        "role": "district_officer",
        "district": "11740",
        "position": "clerk",
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
        "position": "clerk",
        "password": "Demo!fund2018",
    },
    {
        "username": "lender",
        "display_name": "강수행기관담당",
        "role": "partner_agency",
        "partner": "FUND-INT-1",
        "password": "Demo!lender2018",
    },
    {
        # 서울지역협동조합협의회: runs 서울시협동조합지원센터 (its consultations, coaching and courses: frontline)
        "username": "coop",
        "display_name": "한협동담당",
        "role": "partner_agency",
        "partner": "COOP-COUNCIL",
        "password": "Demo!coop2018",
    },
    {
        # (사)서울사회적경제네트워크: runs 서울시사회적경제지원센터 (경영지원, 아카데미 교육 지원: frontline)
        "username": "secentre",
        "display_name": "서센터담당",
        "role": "partner_agency",
        "partner": "SE-NETWORK",
        "password": "Demo!secentre2018",
    },
    {"username": "auditor", "display_name": "정감사", "role": "auditor", "password": "Demo!auditor2018"},
    {"username": "citizen", "display_name": "한시민", "role": "citizen", "password": "Demo!citizen2018"},
    {"username": "company", "display_name": "(주)데모기업", "role": "organisation", "password": "Demo!company2018"},
]
