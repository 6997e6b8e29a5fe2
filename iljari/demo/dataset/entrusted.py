"""The entrusted facilities (민간위탁) as the 2018 주요업무보고 gives them, for demo/entrusted_loader.py.

From the report:
- Ⅲ 1-⑦ "4개 기술교육원 현황": 동부 (강동구 고덕동, (학)경복대학교, 현위탁기간 '16.3.1~'19.2.28), 중부 (용산구
  한남동, 명지전문대학 산학협력단, '17.3.1~'20.2.28), 북부 (노원구 상계동, (재)한국능력개발원, '16.3.1~'19.2.28),
  남부 (경기도 군포시, (사)엘림복지회, '16.3.1~'19.2.28). The PDF's header row is garbled ("구 분 동 부 | 분 동부
  중부 | 남 부"); the places (용산구 한남동 is 중부's) and the rebuilt text (report2018_text.py) give the order
  동부 · 중부 · 북부 · 남부.
- Ⅲ 1-⑦ 추진계획: "동·북·남부 기술교육원 민간위탁 동의안 시의회 상정 : '18. 9월 ※ 수탁기관 공모·선정(11~12월),
  계약·협약 심사('19.1월), 협약체결('19.2월), 운영('19.3월 ~ )" — the renewal path of the three whose term ends on
  '19.2.28. (중부's runs to '20.2.28.). Its 계약·협약 심사 is recorded as the 적격자심의위원회 step with the printed
  words in the step's result.
- Ⅲ 2-③: 전태일 노동복합시설 (종로구 청계천로 105(관수동 152-1)), "민간위탁 적격자심의위원회 개최('18.4.) ⇒
  우선협상대상자 : 전태일재단", 위탁사무 "시설 관리 총괄 및 전태일 기념관 전시·운영 등", "민간위탁 협약체결 :
  '18.8월", "개관 : '19. 3월". The report prints no 시의회 동의안 nor 공모 step for it: none is recorded. The contract
  with the foundation is 예정 (to be signed in August) with no term: the report gives none.
- Ⅲ 3-①: 서울시사회적경제지원센터 (서울혁신파크 1동1층, (사)서울사회적경제네트워크에 민간위탁) with its '18년 예산
  4,937백만원 ("사회적경제지원센터 4,937백만원"); 서울시협동조합지원센터 (서울혁신파크 1동6층,
  서울지역협동조합협의회에 민간위탁). The report names their trustees but no term: their contracts are 운영 중 with the
  term left empty.
- Ⅰ 조직 (노동정책담당관: "노동권익센터 운영"; 일자리정책담당관: "청년일자리센터 및 일자리카페 운영"): the report names
  no trustee and no term for the 청년일자리센터 or the 서울노동권익센터 — they are recorded with no contract.

A date the report prints as a month ('18.9월, '19.1월) is stored as the last day of that month (the step is due by
then); the 적격자심의위원회 of the 전태일 노동복합시설, held in '18.4. (day not printed), is due by 2018-04-30 and
recorded done on 2018-04-01, the day the committees' dataset gives its meeting (the 1st of a printed month), whose
decision links this step. Nothing else is generated: no evaluations, settlements or amounts the report does not
print.

The trustees are the org.Partner rows of demo/dataset/org.py (TTI-EAST … JEONTAEIL), shared with participation's
training institutes, whose codes (EAST, CENTRAL, NORTH, SOUTH) the 기술교육원 facilities carry too.
"""

from datetime import date

# code, name, kind, supervising division, address, 위탁사무, note
FACILITIES = [
    ("EAST", "동부기술교육원", "training_institute", "JOBS-POLICY", "강동구 고덕동", "기술교육원 운영(직업훈련)", ""),
    (
        "CENTRAL",
        "중부기술교육원",
        "training_institute",
        "JOBS-POLICY",
        "용산구 한남동",
        "기술교육원 운영(직업훈련)",
        "",
    ),
    ("NORTH", "북부기술교육원", "training_institute", "JOBS-POLICY", "노원구 상계동", "기술교육원 운영(직업훈련)", ""),
    ("SOUTH", "남부기술교육원", "training_institute", "JOBS-POLICY", "경기도 군포시", "기술교육원 운영(직업훈련)", ""),
    (
        "YOUTH-CENTRE",
        "청년일자리센터",
        "youth_job_centre",
        "JOBS-POLICY",
        "",
        "청년 취업상담, 취업지원 프로그램, 커뮤니티 공간 운영",
        "보고서에 수탁기관과 위탁기간이 적혀 있지 않아 계약을 기록하지 않았습니다.",
    ),
    (
        "LABOUR-RIGHTS-CENTRE",
        "서울노동권익센터",
        "labour_rights_centre",
        "LABOUR-POLICY",
        "",
        "노동권익센터 운영",
        "보고서에 수탁기관과 위탁기간이 적혀 있지 않아 계약을 기록하지 않았습니다. "
        "전태일 노동복합시설 층별용도(안)에 5층 서울노동권익센터로 적혀 있습니다.",
    ),
    (
        "SE-CENTRE",
        "서울시사회적경제지원센터",
        "social_economy_centre",
        "SOCIAL-ECONOMY",
        "서울혁신파크 1동 1층",
        "사회적경제기업 경영지원, 아카데미 교육, 시민홍보",
        "",
    ),
    (
        "COOP-CENTRE",
        "서울시협동조합지원센터",
        "cooperative_centre",
        "SOCIAL-ECONOMY",
        "서울혁신파크 1동 6층",
        "협동조합 상담, 교육, 경영지원",
        "",
    ),
    (
        "JEONTAEIL",
        "전태일 노동복합시설",
        "labour_complex",
        "LABOUR-POLICY",
        "종로구 청계천로 105(관수동 152-1)",
        "시설 관리 총괄 및 전태일 기념관 전시·운영 등",
        "개관 '19. 3월 예정",
    ),
]

# facility, trustee (org.Partner code), term start, term end, state, the report's words
CONTRACTS = [
    ("EAST", "TTI-EAST", date(2016, 3, 1), date(2019, 2, 28), "running", "현위탁기간 '16.3.1~'19.2.28"),
    ("CENTRAL", "TTI-CENTRAL", date(2017, 3, 1), date(2020, 2, 28), "running", "현위탁기간 '17.3.1~'20.2.28"),
    ("NORTH", "TTI-NORTH", date(2016, 3, 1), date(2019, 2, 28), "running", "현위탁기간 '16.3.1~'19.2.28"),
    ("SOUTH", "TTI-SOUTH", date(2016, 3, 1), date(2019, 2, 28), "running", "현위탁기간 '16.3.1~'19.2.28"),
    ("SE-CENTRE", "SE-NETWORK", None, None, "running", "(사)서울사회적경제네트워크에 민간위탁 (위탁기간 기재 없음)"),
    ("COOP-CENTRE", "COOP-COUNCIL", None, None, "running", "서울지역협동조합협의회에 민간위탁 (위탁기간 기재 없음)"),
    ("JEONTAEIL", "JEONTAEIL", None, None, "planned", "우선협상대상자 : 전태일재단, 협약체결 '18.8월 예정"),
]

# facility, year, budget (원): "사회적경제지원센터 4,937백만원"
BUDGETS = [("SE-CENTRE", 2018, 4_937_000_000)]

_RENEWAL_2019 = [  # 동·북·남부: the steps of "동·북·남부 기술교육원 민간위탁 동의안 시의회 상정 : '18. 9월 ※ …"
    (1, date(2018, 9, 30), None, "시의회 상정 '18. 9월"),
    (2, date(2018, 12, 31), None, "수탁기관 공모·선정(11~12월)"),
    (3, date(2019, 1, 31), None, "계약·협약 심사('19.1월)"),
    (4, date(2019, 2, 28), None, "협약체결('19.2월)"),
    (5, date(2019, 3, 31), None, "운영('19.3월 ~ )"),
]

# facility, the contract that ends (its trustee, or None), [(step kind, due, done, the report's words)]
RENEWALS = [
    ("EAST", "TTI-EAST", _RENEWAL_2019),
    ("NORTH", "TTI-NORTH", _RENEWAL_2019),
    ("SOUTH", "TTI-SOUTH", _RENEWAL_2019),
    (
        "JEONTAEIL",
        None,
        [
            (3, date(2018, 4, 30), date(2018, 4, 1), "적격자심의위원회 개최('18.4.) ⇒ 우선협상대상자 : 전태일재단"),
            (4, date(2018, 8, 31), None, "민간위탁 협약체결 : '18.8월"),
            (5, date(2019, 3, 31), None, "전태일노동복합시설 개관 : '19. 3월"),
        ],
    ),
]
