"""Transcription of sections Ⅰ–Ⅲ of the 2018 주요업무보고 of Seoul's 일자리노동정책관 (dated "2018. 7.").

Ⅰ 일반현황: organisation, staffing (STAFFING*), budget execution (BUDGET*).
Ⅱ 비전 및 목표: vision, the three 추진목표 with their 핵심과제 (OBJECTIVES), the 주요 정책지표 (INDICATORS)
  and the 서울시 일자리 창출 추진 목표 table (JOB_TARGET_*).
Ⅲ 주요업무 보고: the 21 programmes of the three sections (PROGRAMMES).

The source is a PDF turned into text. OCR typos are fixed only where the intended Korean is certain
(e.g. 시업→사업, 상화유예→상환유예, 시회적→사회적); a "." printed where a thousands separator or a list
comma was meant is written as "," (4.655명→4,655명, "제공. 서울형"→"제공, 서울형"). Leading list markers
(○, -, ※, ▶, ·) are dropped from facts' notes and milestones' details; "※" inside a line is kept.
No figure, date or programme that is not in the text has been added.
"""

from datetime import date

REPORT_TITLE = "2018 주요업무보고"
REPORT_DATE = date(2018, 7, 1)  # the report is dated "2018. 7." (month only)
VISION = "시민행복 일자리 도시 서울"

# The three 추진목표 (also the three sections of part Ⅲ, whose headings give the titles) and their 핵심과제.
OBJECTIVES = [
    {
        "number": 1,
        "title": "지속가능한 좋은 일자리 창출",
        "core_tasks": [
            "일·생활균형 강소 기업 발굴·육성",
            "청년일자리 지원 서비스 확대",
            "뉴딜일자리 민간 연계 강화",
            "시-구 상향적 협력적 일자리 창출",
        ],
    },
    {
        "number": 2,
        "title": "시민의 삶을 바꾸는 노동존중 구현",
        "core_tasks": [
            "사각지대 노동자 보호 강화",
            "전태일 기념관 개관",
            "비정규직의 정규직화 확산",
            "노동권익 보호 체계 강화",
        ],
    },
    {
        "number": 3,
        "title": "사회적경제 성과 가시화",
        "core_tasks": [
            "맞춤형 지원으로 사회적경제 기업 집중 육성",
            "사회적경제 공공구매 확대 및 매출증대",
            "사회적금융 활성화 견인",  # printed "격인": a typo of 견인
            "사회적경제 성공모델 육성",
        ],
    },
]

# ---------------------------------------------------------------------------------------------------------
# Ⅰ. 일반현황
# ---------------------------------------------------------------------------------------------------------

ORG_SUMMARY = "1정책관 3담당관 15팀"

STAFFING_AS_OF = date(2018, 7, 11)  # ('18. 7. 11. 기준)
# (division code, job_series, grade, authorized, current); job_series in "general", "fixed_term" (임기제),
# "operations" (관리운영); grade in "grade3_up", "grade4", "grade5", "grade6", "grade7_down" for general,
# None for fixed_term and operations. Cells printed "_" or "-" are absent (no row), not zero.
STAFFING = [
    ("JOBS-POLICY", "general", "grade3_up", 1, 1),
    ("JOBS-POLICY", "general", "grade4", 1, 1),
    ("JOBS-POLICY", "general", "grade5", 5, 5),
    ("JOBS-POLICY", "general", "grade6", 9, 11),
    ("JOBS-POLICY", "general", "grade7_down", 11, 7),
    ("JOBS-POLICY", "fixed_term", None, 4, 4),
    ("JOBS-POLICY", "operations", None, 1, 0),
    # LABOUR-POLICY: 3급 이상 "_" and 관리운영 "-" are not filled.
    ("LABOUR-POLICY", "general", "grade4", 1, 1),
    ("LABOUR-POLICY", "general", "grade5", 5, 4),
    ("LABOUR-POLICY", "general", "grade6", 7, 5),
    ("LABOUR-POLICY", "general", "grade7_down", 4, 6),
    ("LABOUR-POLICY", "fixed_term", None, 6, 4),
    # SOCIAL-ECONOMY: 3급 이상 "_" and 관리운영 "_" are not filled.
    ("SOCIAL-ECONOMY", "general", "grade4", 1, 1),
    ("SOCIAL-ECONOMY", "general", "grade5", 6, 6),
    ("SOCIAL-ECONOMY", "general", "grade6", 9, 8),
    ("SOCIAL-ECONOMY", "general", "grade7_down", 9, 8),
    ("SOCIAL-ECONOMY", "fixed_term", None, 1, 0),
]
PUBLIC_SERVICE_WORKERS = 21  # 정원외 : 공무직 21명 (office level)
# The printed 계 row and each division's 정원/현원/과부족 and 일반 계 (authorized, current), as printed
# (과부족 "△9" = -9). The 일반 계 excludes 임기제 and 관리운영: 69 + 11 + 1 = 81.
STAFFING_PRINTED_TOTALS = {
    "office": {
        "authorized": 81,
        "current": 72,
        "shortfall": -9,
        "general": (69, 64),
        "grade3_up": (1, 1),
        "grade4": (3, 3),
        "grade5": (16, 15),
        "grade6": (25, 24),
        "grade7_down": (24, 21),
        "fixed_term": (11, 8),
        "operations": (1, 0),
    },
    "JOBS-POLICY": {"authorized": 32, "current": 29, "shortfall": -3, "general": (27, 25)},
    "LABOUR-POLICY": {"authorized": 23, "current": 20, "shortfall": -3, "general": (17, 16)},
    "SOCIAL-ECONOMY": {"authorized": 26, "current": 23, "shortfall": -3, "general": (25, 23)},
}

BUDGET_AS_OF = date(2018, 6, 30)  # (단위 : 백만원, '18.6.30 기준)
# (division code, 예산현액 (A), 원인행위액, 지출액 (B)) in 백만원, and the printed 집행률 (B/A).
BUDGET = [
    ("JOBS-POLICY", 187341, 105588, 100177, "53.5%"),
    ("LABOUR-POLICY", 19490, 9154, 5553, "28.5%"),
    ("SOCIAL-ECONOMY", 30884, 18496, 18414, "59.6%"),
]
BUDGET_PRINTED_TOTAL = (237715, 133238, 124144, "52.2%")  # the "계" row (printed "Й")

# ---------------------------------------------------------------------------------------------------------
# Ⅱ. 비전 및 목표: 주요 정책지표
# ---------------------------------------------------------------------------------------------------------

# field = objective number. 2016 and 2017 are actuals (실적), 2018–2020 are targets (목표).
# 10 rows with values. The 분야 labels are printed vertically in the middle row of each block (printed
# "좋은 알지 창출" = 좋은 일자리 창출). The table has three blank rows, one at the top of each block (the first
# holds only a stray "Ι"); they look like block separators: with them each block is centred on its label,
# and the two job rows of block 1 match the 직접/간접일자리 targets below (150,061 / 203,895). A lost row
# cannot be ruled out, but none is invented here.
INDICATORS = [
    {
        "code": "IND-01",
        "field": 1,
        "field_label": "좋은 일자리 창출",
        "name": "공공 일자리(직접일자리)",
        "unit": "천개",
        "cumulative": False,
        "values": {2016: 114, 2017: 136, 2018: 150, 2019: 155, 2020: 160},
    },
    {
        "code": "IND-02",
        "field": 1,
        "field_label": "좋은 일자리 창출",
        "name": "민간 일자리(취업지원, 직업훈련, 창업지원, 고용장려금)",
        "unit": "천개",
        "cumulative": False,
        "values": {2016: 169, 2017: 208, 2018: 203, 2019: 208, 2020: 213},
    },
    {
        "code": "IND-03",
        "field": 2,
        "field_label": "노동존중 특별시",
        "name": "생활임금 적용인원(누적)",
        "unit": "명",
        "cumulative": True,
        "values": {2016: 2519, 2017: 11619, 2018: 10774, 2019: 11000, 2020: 11000},
    },
    {
        "code": "IND-04",
        "field": 2,
        "field_label": "노동존중 특별시",
        "name": "공공부문 비정규직의 정규직화 인원(누적)",
        "unit": "명",
        "cumulative": True,
        "values": {2016: 8450, 2017: 9220, 2018: 9547, 2019: 9547, 2020: 9547},
    },
    {
        "code": "IND-05",
        "field": 2,
        "field_label": "노동존중 특별시",
        "name": "서울노동아카데미 교육인원",
        "unit": "천명",
        "cumulative": False,
        "values": {2016: 63, 2017: 47, 2018: 50, 2019: 50, 2020: 50},
    },
    {
        "code": "IND-06",
        "field": 2,
        "field_label": "노동존중 특별시",
        "name": "시민명예노동옴부즈만 상담건수",
        "unit": "건",
        "cumulative": False,
        "values": {2016: 3303, 2017: 3411, 2018: 4000, 2019: 4200, 2020: 4400},
    },
    {
        "code": "IND-07",
        "field": 3,
        "field_label": "사회적경제 성과 가시화",
        "name": "사회적경제 기업수(누계)",
        "unit": "개",
        "cumulative": True,
        "values": {2016: 3501, 2017: 3914, 2018: 4350, 2019: 4700, 2020: 5000},
    },
    {
        "code": "IND-08",
        "field": 3,
        "field_label": "사회적경제 성과 가시화",
        "name": "사회적경제 공공구매액",
        "unit": "억원",
        "cumulative": False,
        "values": {2016: 856, 2017: 1157, 2018: 1300, 2019: 1400, 2020: 1500},
    },
    {
        "code": "IND-09",
        "field": 3,
        "field_label": "사회적경제 성과 가시화",
        "name": "사회적경제 특구 육성(누계)",
        "unit": "개",
        "cumulative": True,
        "values": {2016: 6, 2017: 11, 2018: 12, 2019: 12, 2020: 12},
    },
    {
        "code": "IND-10",
        "field": 3,
        "field_label": "사회적경제 성과 가시화",
        "name": "사회적경제 클러스터 공간조성(누계)",
        "unit": "개",
        "cumulative": True,
        "values": {2016: 11, 2017: 12, 2018: 13, 2019: 14, 2020: 15},
    },
]

# ---------------------------------------------------------------------------------------------------------
# Ⅱ. 서울시 일자리 창출 추진 목표 ('18년)
# ---------------------------------------------------------------------------------------------------------

JOB_TARGETS_AS_OF = date(2018, 6, 30)  # ('18. 6월말 기준)
JOB_TARGET_TOTAL = {"target": 353956, "achieved": 245657, "printed_rate": "69.4%", "budget_hundred_million_won": 11482}
JOB_TARGET_KINDS = [
    {
        "kind": "direct",
        "target": 150061,
        "budget_hundred_million_won": 9514,
        "achieved": 132391,
        "printed_rate": "88.2%",
    },
    {
        "kind": "indirect",
        "target": 203895,
        "budget_hundred_million_won": 1968,
        "achieved": 113266,
        "printed_rate": "55.6%",
    },
]
# The programme-name cells are cleaned of OCR debris: a fragment of the group's label printed at the start
# of the cell ("장년", "르신", "인", "등") is dropped; line breaks inside a cell are joined with a space.
JOB_TARGET_GROUPS = [
    {
        "group": "youth",
        "label": "청년",
        "programmes": "뉴딜일자리, 신직업 발굴 및 혁신인재 양성, 청년예술가 교사, 강소기업 고용지원 등",
        "target": 76692,
        "achieved": 48697,
        "printed_rate": "63.5%",
        "budget_hundred_million_won": 2985,
    },
    {
        "group": "women",
        "label": "여성",
        "programmes": "국공립어린이집 보육교사, 아이돌보미, 방문간호사, 여성공예창업지원 등",
        "target": 70924,
        "achieved": 50825,
        "printed_rate": "71.7%",
        "budget_hundred_million_won": 4331,
    },
    {
        "group": "middle_aged",
        "label": "중장년",
        "programmes": "학교안전관리서포터, 취업지원관, 문화재보호사, 공원녹지관리 등",
        "target": None,  # lost in the source; see the rate and the total
        "achieved": 42962,
        "printed_rate": "57.4%",
        "budget_hundred_million_won": 651,
    },
    {
        "group": "seniors",
        "label": "어르신",
        "programmes": "초등학교 급식도우미, 학교보안관, 교통질서 계도요원, 시니어 택배 등",
        "target": None,  # lost in the source; see the rate and the total
        "achieved": 60542,
        "printed_rate": "78.9%",
        "budget_hundred_million_won": 1467,
    },
    {
        "group": "disabled",
        "label": "장애인",
        "programmes": "장애인 일자리지원(관공서행정지원 등), 장애인직업재활 및 통합지원센터 등",
        "target": None,  # lost in the source; see the rate and the total
        "achieved": 4935,
        "printed_rate": "83.6%",
        "budget_hundred_million_won": 523,
    },
    {
        "group": "low_income",
        "label": "저소득",
        "programmes": "공공근로, 자활근로, 노숙인 일자리지원센터, 지역공동체 일자리사업 등",
        "target": None,  # lost in the source; see the rate and the total
        "achieved": 19645,
        "printed_rate": "92.8%",
        "budget_hundred_million_won": 1156,
    },
    {
        "group": "general",
        "label": "일반시민",
        "programmes": "세운상가·창신숭인 등 앵커 입주인력, 임대주택·철도 등 공사인력 등",
        "target": 27618,
        "achieved": 18051,
        "printed_rate": "65.4%",
        "budget_hundred_million_won": 369,
    },
]

# ---------------------------------------------------------------------------------------------------------
# Ⅲ. 주요업무 보고
# ---------------------------------------------------------------------------------------------------------

# Each programme: objective (section of part Ⅲ), number (① ② … in the section's contents list), code,
# title (as in the contents list), division, purposes (the ◆ lines or the single lead paragraph), facts
# (사업개요 / 운영개요 / 행사개요: label, value, notes; an item with no ":" has the whole text as its label;
# a table is one fact labelled "표" whose notes are its rows), budget (백만원) and milestones.
# Milestones: state "done" (추진현황) or "planned" (추진계획 / 향후계획 / 추진일정). Where a heading is lost
# (a blank "#### " line) the first list after the overview is taken as 추진현황 and the next as 추진계획.
# Where an item's result follows its " : " (a count rather than a date) it is the first of its details.
# Dates printed only in sub-lines stay in the details and the item gets precision "none", unless the
# sub-line is the item's own date (일시, 일자).
PROGRAMMES = [
    # ===================================== 1. 지속가능한 좋은 일자리 창출 =====================================
    {
        "objective": 1,
        "number": 1,
        "code": "P1-01",
        "title": "일생활균형 서울형 강소기업 지원",
        "division": "JOBS-POLICY",
        "purposes": [
            "성평등·일생활균형 서울형 강소기업 발굴·지원 통해 청년 채용 확대",
            "청년이 일하기 좋은 중소기업 정보를 청년들에게 통합적으로 제공",
        ],
        "facts": [
            {
                "label": "선정목표",
                "value": "1,000개 기업('22년)",
                "notes": ["'16~17년(기선정) : 297개, '18년(예정) : 100개, '19~'22년(예정) : 600개(150개/연)"],
            },
            {"label": "선정기준", "value": "고용안정성, 일생활 균형제도 운영, 적정임금 수준 등", "notes": []},
            {
                "label": "지원내용",
                "value": "",
                "notes": [
                    "사내복지, 수평적·성평등적 조직문화 조성 등을 위한 기업문화 개선 지원",
                    "육아휴직자 대체 청년인턴 채용 지원, 육아휴직자 직장복귀 지원",
                    "청년 구직자 맞춤 취업정보 제공, 서울형 강소기업 브랜드 홍보 등",
                ],
            },
            {"label": "소요예산", "value": "3,326백만원", "notes": []},
        ],
        "budget_million_won": 3326,
        "budget_note": "",
        "milestones": [
            # heading lost: first list after 사업개요 = 추진현황
            {
                "state": "done",
                "title": "서울형 강소기업 공모·선정",
                "start": date(2018, 5, 14),
                "end": date(2018, 6, 1),
                "precision": "day",
                "open_ended": False,
                "label": "",
                "details": [
                    "(접수) 541개 → (서면심사) 241개 통과 → (면접) 100개 선정(예정)",
                    "접수 경쟁률 : 선정계획(100개) 대비 5.4:1 ※ '17년 = 1.7:1",
                ],
            },
            {
                "state": "done",
                "title": "일자리 미스매칭 해소 위한 청년 참여 기업탐방 프로그램 시범운영",
                "start": date(2018, 6, 1),  # printed "(18.6월)"
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
            # second list = 추진계획
            {
                "state": "planned",
                "title": "'18년 하반기 서울형 강소기업 선정·지원",
                "start": date(2018, 7, 1),
                "end": None,
                "precision": "month",
                "open_ended": True,
                "label": "",
                "details": [
                    "(면접) 7.17.(화)~7.18.(수) → (선정·지원) 100개 기업 근무환경개선금 지원",
                    "육아휴직자 대체 청년인턴(총 50명, 최대 23개월) 지원, 유연근무 우수기업 포상 등",
                ],
            },
            {
                "state": "planned",
                "title": "청년 참여 기업탐방 및 「통합정보 플랫폼」 구축·운영",
                "start": date(2018, 7, 1),
                "end": None,
                "precision": "month",
                "open_ended": True,
                "label": "",
                "details": [
                    "우수기업 탐방기사(인터뷰) 「강소기업 통합정보 플랫폼」 게재",
                    "민간·정부(워크넷) 등과 기업정보 제공 협의, 평판 조회 기능 탑재 등",
                ],
            },
        ],
    },
    {
        "objective": 1,
        "number": 2,
        "code": "P1-02",
        "title": "청년 체감 일자리 종합서비스 확대 운영",
        "division": "JOBS-POLICY",
        "purposes": [
            "청년 구직자에 대한 취업 및 창업 종합지원을 위한 인프라 조성",
            "청년 생활현장 밀착형 서비스 확대로 청년 구직활동 지원 강화",
        ],
        # The body has two parts: "① 청년일자리센터 운영" (printed "□ 청년일자리센터 운영") and
        # "② 청년 생활 밀착형 일자리카페 운영", of which only one planned item is left in the text.
        "facts": [
            {
                "label": "표",
                "value": "청년일자리센터 운영개요(주요 시설, 운영 시간, 주요 서비스)",
                "notes": [
                    "주요 시설, 취업상담창구, 스터디룸 13, 멘토링실 5, 세미나실 1, 다목적홀 등",
                    "운영 시간, 평일 오전9시~오후9시 / 토요일 오전10시~오후6시",
                    "주요 서비스, 커뮤니티 공간 대여, 모의 면접, 취업특강 등 취업서비스 무료 제공",
                ],
            },
        ],
        "budget_million_won": None,
        "budget_note": "",
        "milestones": [
            # heading lost: first list after 운영개요 = 추진현황
            {
                "state": "done",
                "title": "청년 취업 전문 상담 창구 운영",
                "start": None,
                "end": None,
                "precision": "none",
                "open_ended": False,
                "label": "",
                "details": ["13,869명 상담(대면·온라인상담), 1,785명 취업"],
            },
            {
                "state": "done",
                "title": "취업 특강·멘토링 등 취업지원 프로그램 운영",
                "start": None,
                "end": None,
                "precision": "none",
                "open_ended": False,
                "label": "",
                "details": ["205회, 2,000명", "이력서·자소서 클리닉, 모의면접, 취업특강, 멘토링 등"],
            },
            {
                "state": "done",
                "title": "「직무·기업분석 전문 상담창구」 신설·운영",
                "start": date(2018, 6, 1),  # printed "('18, 6월)"
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                # the second line is printed at the top level but describes this 상담창구
                "details": [
                    "36명 참여",
                    "취업 희망 직무 정보 및 필요 역량, 희망 기업의 인재상·평가요소 등 맞춤 상담",
                ],
            },
            {
                "state": "done",
                "title": "스터디룸 등 청년 커뮤니티 활동 공간 제공",
                "start": None,
                "end": None,
                "precision": "none",
                "open_ended": False,
                "label": "",
                "details": ["22,253명", "스터디룸 14,310명, 다목적홀 등 대관이용 7,943명"],
            },
            {
                "state": "done",
                "title": "특성화고 직업 멘토스쿨 운영",
                "start": None,
                "end": None,
                "precision": "none",
                "open_ended": False,
                "label": "",
                "details": ["3회 450명"],
            },
            # second list = 추진계획
            {
                "state": "planned",
                "title": "청년 선호 「서울시 공기업 및 우수 중소기업 직무·채용설명회」 개최",
                "start": date(2018, 7, 1),
                "end": None,
                "precision": "month",
                "open_ended": True,
                "label": "",
                "details": [],
            },
            {
                "state": "planned",
                "title": "청년일자리센터 취업상담, 프로그램 등 홍보·운영",
                "start": date(2018, 7, 1),
                "end": date(2018, 12, 31),
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
            # the only item left of "② 청년 생활 밀착형 일자리카페 운영"
            {
                "state": "planned",
                "title": "취업날개서비스 개선을 위한 이용자 만족도 조사",
                "start": date(2018, 11, 1),
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
        ],
    },
    {
        "objective": 1,
        "number": 3,
        "code": "P1-03",
        "title": "뉴딜일자리 참여자 지원 및 민간일자리 발굴 강화",
        "division": "JOBS-POLICY",
        "purposes": [
            "뉴딜일자리를 통해 청년들에게 직무경험 제공 및 역량개발 지원",
            "뉴딜참여자에 맞춤형 취업서비스를 제공하여 민간일자리 발굴 강화",
        ],
        "facts": [
            {"label": "대상", "value": "만 18세이상 39세이하 서울거주 청년", "notes": []},
            {
                "label": "사업규모",
                "value": "총 250개 사업, 총 4,655명",
                "notes": [
                    "'18.6월 현재 3,516명 참여",  # printed "*18.6월 현재 3.516명 참여"
                    "뉴딜일자리 참여자 취업률: 2016년 52.0% ⇒ 2017년 52.9%",  # the ※ line under the table
                ],
            },
            # The header is garbled (its second row is shifted one cell); the columns are read from the sums:
            # 2,655 + 700 + 1,300 = 4,655 and 300 + 300 + 400 + 300 = 1,300.
            {
                "label": "표",
                "value": "뉴딜일자리 사업규모(구분별 인원, 명)",
                "notes": [
                    "인원, 합계 4,655, 서울시 추진사업 2,655, 자치구 700, 민간공모 사업 소계 1,300, "
                    "市사업부서 민간공모 300, 공공 특화분야 300, 민간기업 맞춤형 400, 청년 아이디어 300",
                ],
            },
            {"label": "근무조건", "value": "생활임금(시급 9,220원), 최대 23개월 보장, 공휴일 유급화", "notes": []},
            {
                "label": "지원내용",
                "value": "",
                "notes": [
                    "직무수행 단계별 종합지원체계 운영(직무교육, 취·창업 프로그램 운영 등)",
                    "민간기업 탐방 및 직무체험 제공, 자기주도적 취·창업 활동 지원",
                    "취업활동의 근무시간 인정, 자격증 취득비용 지원, 취업단계별 전문상담 제공",
                ],
            },
            {"label": "소요예산", "value": "80,662백만원", "notes": []},
        ],
        "budget_million_won": 80662,
        "budget_note": "",
        "milestones": [
            # heading lost: first list after 사업개요 = 추진현황
            {
                "state": "done",
                "title": "뉴딜일자리 온라인 접수를 통해 참여자 편의 향상",
                "start": date(2018, 1, 1),
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": ["1차 통합모집 경쟁률 향상: '17년 1.7:1 → '18년 7:1 (944명 모집 6,617명 지원)"],
            },
            {
                "state": "done",
                "title": "'18 뉴딜일자리 근무개시 및 현장점검단 운영",
                "start": date(2018, 3, 1),
                "end": None,
                "precision": "month",
                "open_ended": True,
                "label": "",
                "details": [],
            },
            {
                "state": "done",
                "title": "민간기업 맞춤형 1차 사업자 공모 및 참여자 모집·운영",
                "start": date(2018, 4, 1),
                "end": None,
                "precision": "month",
                "open_ended": True,
                "label": "",
                "details": [],
            },
            {
                "state": "done",
                "title": "참여자 직무교육 및 취업지원 강화를 위한 전문기관 선정",
                "start": date(2018, 6, 1),
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
            {
                "state": "done",
                "title": "감사원 '정부 직접일자리 사업 추진실태' 감사결과 모범사례(표창) 선정",
                "start": None,
                "end": None,
                "precision": "none",
                "open_ended": False,
                "label": "",
                "details": [],
            },
            # 추진계획
            {
                "state": "planned",
                "title": "민간기업 맞춤형 2차 사업자 공모 및 참여자 모집",
                "start": date(2018, 7, 1),
                "end": date(2018, 9, 30),
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
            {
                "state": "planned",
                "title": "전문기관을 통한 직무·취창업 교육 및 취업지원 강화",
                "start": date(2018, 7, 1),
                "end": date(2018, 12, 31),
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
            {
                "state": "planned",
                "title": "뉴딜일자리 참여자 전용교육장 조성(송파구 문정동)",
                "start": date(2018, 10, 1),
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
            {
                "state": "planned",
                "title": "사업평가, 수요조사, 만족도 조사 통한 '19년 사업 발굴",
                "start": date(2018, 12, 1),
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
        ],
    },
    {
        "objective": 1,
        "number": 4,
        "code": "P1-04",
        "title": "민간협력을 통한 청년일자리 발굴",
        "division": "JOBS-POLICY",
        "purposes": [
            "청년당사자의 일자리 아이디어를 활용한 민간기관의 일자리 사업화를 추진하여 "
            "청년 수요에 기반한 청년 일자리 발굴·육성",
        ],
        "facts": [
            {
                "label": "공모분야",
                "value": "2개분야",
                "notes": [
                    "지정공모 : '17년 청년일자리 아이디어 공모결과 우수제안(43개) 사업화",
                    "자유공모 : 공모기관 제안사업(청년일자리 및 창업지원 사업)",
                ],
            },
            {"label": "참여대상", "value": "청년일자리 사업 관련 법인 및 비영리단체, 협동조합 등", "notes": []},
            {"label": "사업기간", "value": "'18. 8월 ~ '19.1월", "notes": ["평가결과 우수사업은 6개월 지원 연장"]},
            {"label": "지원규모", "value": "2,000백만원(사업별 최소 1억원~최대 6억원 지원)", "notes": []},
            # "□ 추진체계" follows with no content (a diagram lost in the text).
        ],
        # No 소요예산 is printed; the 지원규모 (2,000백만원) is taken as the programme's budget.
        "budget_million_won": 2000,
        "budget_note": "지원규모(사업별 최소 1억원~최대 6억원 지원)",
        "milestones": [
            {
                "state": "done",
                "title": "'18년 청년일자리 민관협력사업 추진계획 수립",
                "start": date(2018, 6, 1),
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
            {
                "state": "done",
                "title": "청년일자리 민관협력사업 수행기관 공모·공고",
                "start": date(2018, 6, 1),
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
            {
                "state": "done",  # under 추진현황 although dated July 2018
                "title": "신청기관 현장실사 및 선정",
                "start": date(2018, 7, 1),
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
            # 향후계획
            {
                "state": "planned",
                "title": "수행기관 선정 심사위원회 개최",
                "start": date(2018, 7, 1),
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
            {
                "state": "planned",
                "title": "선정기관 협약 체결 및 민관협력사업 추진",
                "start": date(2018, 8, 1),
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
            {
                "state": "planned",
                "title": "'18년 청년 일자리 아이디어 발굴 및 일자리해커톤 개최",
                "start": date(2018, 11, 1),
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
            {
                "state": "planned",
                "title": "청년 일자리 민관협력사업 평가",
                "start": date(2019, 1, 1),
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
        ],
    },
    {
        "objective": 1,
        "number": 5,
        "code": "P1-05",
        "title": "시-구 상향적 협력적 일자리 창출사업 추진",
        "division": "JOBS-POLICY",
        "purposes": [
            "시·구 상향적·협력적 기획으로 새롭고 적실성 있는 일자리사업 발굴",
            "현장중심의 실효성 있는 사업관리로 우수모델 발굴 확산",
        ],
        "facts": [
            {
                "label": "사업대상",
                "value": "23개 자치구 75개 사업 ('17년~'18년 계속사업 50개, '18년 신규사업 25개)",
                # printed as a separate item with no label; read as the result of the 75 projects
                "notes": ["총 2,573개 일자리 창출 (청년 1,286, 신중년 734, 여성 260, 어르신 91, 기타 202)"],
            },
            {
                "label": "사업관리",
                "value": "사업 단계별 현장점검·컨설팅, 합동워크숍, 우수사례 발표대회 개최",
                "notes": [],
            },
            {
                "label": "사업발굴",
                "value": "자치구 공모, 시·구 합동기획, 청년 공모 등을 통해 신규사업 발굴",
                "notes": [],
            },
            {"label": "지원체계", "value": "일자리 기획가 및 사업관리 전문기관 운영", "notes": []},
            {
                "label": "소요예산",
                "value": "15,000백만원(구비 포함 총 25,400백만원)",
                "notes": ["시·구비 50:50 매칭을 원칙으로 하되, 사업성격에 따라 매칭비율 조정"],
            },
        ],
        "budget_million_won": 15000,
        "budget_note": "구비 포함 총 25,400백만원",
        "milestones": [
            # heading lost: first list after 사업개요 = 추진현황
            {
                "state": "done",
                "title": "'18년 사업추진 실행력 강화 및 평가 워크숍 개최",
                "start": date(2018, 3, 1),
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": ["사업 실행(추진)과정에서 발생한 공통·개별 해결과제 진단 및 해결방안 도출"],
            },
            {
                "state": "done",
                "title": "사업 총괄 평가위원회 개최",
                "start": date(2018, 4, 1),
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": ["부진사업 지원 재검토 및 사업계획 수정·보완 조치"],
            },
            {
                "state": "done",
                "title": "일자리창출 사업화 지원 용역 수행기관 선정",
                "start": date(2018, 5, 1),
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
            {
                "state": "done",
                "title": "사업별 중간평가 및 현장 점검 추진",
                "start": date(2018, 6, 14),
                "end": date(2018, 7, 6),
                "precision": "day",
                "open_ended": False,
                "label": "",
                "details": [],
            },
            # second list = 추진계획
            {
                "state": "planned",
                "title": "사업별 정례모니터링 및 맞춤 컨설팅을 통한 밀착지원",
                "start": date(2018, 7, 1),
                "end": None,
                "precision": "month",
                "open_ended": True,
                "label": "",
                "details": [
                    "공간이용실태, 사업별 추진실적(매출, 이용자수, 수혜자만족도 등) 모니터링",
                    "사업유형별 맞춤 컨설팅을 통한 지속가능한 사업화 방안 적극 지원",
                ],
            },
            {
                "state": "planned",
                "title": "'19년 신규 일자리사업 모델 기획·발굴",
                "start": date(2018, 8, 1),
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [
                    "청년, 전문가(일자리기획가 등) 대상 분야별 공모",
                    "시-구 합동기획 회의 개최, 우수모델사업 확산",
                ],
            },
            {
                "state": "planned",
                "title": "우수사업 발표대회 및 총괄평가 위원회 개최",
                "start": date(2018, 12, 1),
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
        ],
    },
    {
        "objective": 1,
        "number": 6,
        "code": "P1-06",
        "title": "취약계층을 위한 공공근로사업 추진",
        "division": "JOBS-POLICY",
        "purposes": [
            "저소득 취약계층의 임시적 생계지원을 위해 공공부문 일자리 발굴 제공",
            "공공근로 참여자에 안전하고 쾌적한 근무환경 제공",
        ],
        "facts": [
            {"label": "사업기간", "value": "(상반기) '18.1.10~6.30 (하반기) '18.7.1~12.20", "notes": []},
            {
                "label": "참여인원",
                "value": "총 10,109명(시 990명, 자치구 9,119명)",
                "notes": [
                    "'18년 상반기 선발인원 : 4,951명(시 142개 사업장 484명 / 구 1,714개 사업장 4,467명)",
                    "'18년 하반기 선발인원 : 5,158명(시 148개사업장 506명 / 구 1,465개사업장 4,652명)",
                ],
            },
            {
                "label": "신청자격",
                "value": "만 18세 이상 정기소득이 없는 실업자로서 구직등록을 한 서울시민",
                "notes": [],
            },
            {"label": "소요예산", "value": "49,907백만원(시비)", "notes": ["시·구 매칭비율 7:3"]},
            # the boxed list "〈 '18년 공공근로사업 주요사업 〉" inside the overview
            {
                "label": "'18년 공공근로사업 주요사업",
                "value": "",
                "notes": [
                    # "금역구역지킴이" read as 금연구역지킴이
                    "서울시 : 공원녹지사업소 공원환경정비, 금연구역지킴이, 서촌 주민사랑방 관리, "
                    "원정수 및 수돗물 수질검사, 서울거리예술축제 사무국 근무 등",
                    "자치구 : 불법광고물 정비사업 지원, 하천변 정비 사업, 장애인단체 무료급식소 지원, "
                    "도로명주소 상세주소 부여, 교통안전지킴이, 자동차번호판 탈부착업무보조 등",
                ],
            },
        ],
        "budget_million_won": 49907,
        "budget_note": "시비",
        "milestones": [
            {
                "state": "done",
                "title": "'18년 공공근로 사업 모집방법 및 근로조건 개선 추진",
                "start": None,
                "end": None,
                "precision": "none",
                "open_ended": False,
                "label": "",
                "details": [
                    "(모집방법) 시·자치구 참여자모집 개별공고 → 시 홈페이지 통합 안내",
                    "(근무환경) 미세먼지 단계별 취약계층 행동요령에 따라 실내근무 등 탄력적 조치",
                ],
            },
            # The next two printed items each give two periods ("모집 및 접수(…), 근로참여(…)");
            # each is split into two milestones.
            {
                "state": "done",
                "title": "'18년 상반기 참여자 모집 및 접수",
                "start": date(2017, 11, 13),
                "end": date(2017, 11, 28),
                "precision": "day",
                "open_ended": False,
                "label": "",
                "details": [],
            },
            {
                "state": "done",
                "title": "'18년 상반기 근로참여",
                "start": date(2018, 1, 10),
                "end": date(2018, 6, 30),
                "precision": "day",
                "open_ended": False,
                "label": "",
                "details": [],
            },
            {
                "state": "done",
                "title": "'18년 하반기 참여자 모집 및 접수",
                "start": date(2018, 5, 4),
                "end": date(2018, 5, 28),
                "precision": "day",
                "open_ended": False,
                "label": "",
                "details": [],
            },
            {
                "state": "done",
                "title": "'18년 하반기 근로참여",
                "start": date(2018, 7, 1),
                "end": None,
                "precision": "day",
                "open_ended": True,
                "label": "",
                "details": [],
            },
            # 향후계획
            {
                "state": "planned",
                "title": "취약계층 공공일자리 현황분석 및 개선방안 마련",
                "start": date(2018, 10, 1),
                "end": date(2018, 12, 31),
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": ["취약계층 대상 사업별 특성, 참여기준, 지원성과 등 종합 분석 후 사업연계 시너지 제고"],
            },
            {
                "state": "planned",
                "title": "공공근로사업 관리자 및 참여자 설문조사",
                "start": date(2018, 11, 1),
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
            {
                "state": "planned",
                "title": "'19년도 사업지침 마련 및 상반기 참여자 선발",
                "start": date(2018, 11, 1),
                "end": date(2018, 12, 31),
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
        ],
    },
    {
        "objective": 1,
        "number": 7,
        "code": "P1-07",
        "title": "서울시 기술교육원 운영",
        "division": "JOBS-POLICY",
        "purposes": [
            "비진학·미취업 청년, 실업자 등 취약계층의 취업능력 제고",
            "서울의 지역산업 수요에 부합하는 맞춤형 인력 양성",
        ],
        "facts": [
            # The header row is garbled ("구 분 동 부 | 분 동부 중부 | 남 부"): the third column, 노원구 상계동,
            # is read as 북부 (the report names "동·북·남부 기술교육원" below). "산햑" = 산학.
            {
                "label": "표",
                "value": "4개 기술교육원 현황(위치, 위탁법인, 현위탁기간)",
                "notes": [
                    "구분, 동부, 중부, 북부, 남부",
                    "위치, 강동구 고덕동, 용산구 한남동, 노원구 상계동, 경기도 군포시",
                    "위탁법인, (학)경복대학교, 명지전문대학 산학협력단, (재)한국능력개발원, (사)엘림복지회",
                    "현위탁기간, '16.3.1~'19.2.28, '17.3.1~'20.2.28, '16.3.1~'19.2.28, '16.3.1~'19.2.28",
                ],
            },
            {
                "label": "'18년 직업훈련 계획",
                "value": "총 154개학과, 7,298명",
                "notes": [
                    "서울시 과정 : 89개학과 4,965명(정규과정(주/야), 단기과정)",
                    "국가 과정 : 65개학과 2,333명(공동훈련센터, 국가기간전략산업직종)",
                    "훈련대상 : 만15세 이상 서울시민(기초생활수급자, 국가유공자 등 우선 선발)",
                ],
            },
            {"label": "소요예산", "value": "20,791백만원(시비)", "notes": ["국비 : 5,008백만원"]},
        ],
        "budget_million_won": 20791,
        "budget_note": "국비 : 5,008백만원",
        "milestones": [
            {
                "state": "done",
                "title": "총 4,046명 훈련중(서울시 과정 2,912명, 국가 과정 1,134명)",
                "start": date(2018, 6, 30),  # "'18.6.30. 기준"
                "end": None,
                "precision": "day",
                "open_ended": False,
                "label": "",
                "details": ["하반기 직업교육 훈련생 57개학과 1,960명 모집 중 (7.9.~8.17)"],
            },
            {
                "state": "done",
                "title": "훈련생 중도탈락 방지를 위해 교육훈련비 예치환불제 도입·시행",
                "start": None,
                "end": None,
                "precision": "none",
                "open_ended": False,
                "label": "",
                "details": ["교육훈련비 중 일정금액(단기과정, 20만원 이내)을 예치하고, 수료 후 환급"],
            },
            {
                "state": "done",
                "title": "남부기술교육원 운영 효율화를 위한 연구용역 실시",
                "start": date(2018, 4, 1),
                "end": date(2018, 8, 31),
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": ["교육원(경기도 군포)의 서울시계 이전 및 운영프로그램 개편 등 혁신안 검토"],
            },
            {
                "state": "done",
                "title": "기술교육원의 통합적인 관리를 위한 제2기 통합운영위원회 구성·운영",
                "start": date(2018, 3, 29),  # "'18.3.29일자 구성"
                "end": None,
                "precision": "day",
                "open_ended": False,
                "label": "",
                "details": ["'18.3.29일자 구성(임기 2년) / 총 20명(위촉직 14명, 당연직 6)"],
            },
            {
                "state": "done",
                "title": "급식비 인상, 합동입학식 개최 등 교육훈련생 복지수준 제고",
                "start": None,
                "end": None,
                "precision": "none",
                "open_ended": False,
                "label": "",
                "details": ["급식비 인상(3,300원→3,500원), 합동입학식('18.3.2), 문화활동 지원 등"],
            },
            # heading lost: second list = 추진계획
            {
                "state": "planned",
                "title": "'18년도 하반기 직업훈련 과정 운영",
                "start": date(2018, 9, 1),
                "end": date(2019, 2, 28),
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
            {
                "state": "planned",
                "title": "동·북·남부 기술교육원 민간위탁 동의안 시의회 상정",
                "start": date(2018, 9, 1),
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [
                    "수탁기관 공모·선정(11~12월), 계약·협약 심사('19.1월), 협약체결('19.2월), 운영('19.3월 ~ )"
                ],
            },
            {
                "state": "planned",
                "title": "'19년도 기술교육원 학과 개편 추진",
                "start": date(2018, 11, 1),
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
        ],
    },
    {
        "objective": 1,
        "number": 8,
        "code": "P1-08",
        "title": "좋은 일자리도시 국제포럼 개최",  # body heading: "2018년 좋은 일자리도시 국제포럼 개최"
        "division": "JOBS-POLICY",
        "purposes": [
            "노동자의 더 나은 삶 보장을 위한 '좋은 일자리도시 노동모델' 정립 및 확산",
            "'좋은 일자리도시 협의체' 결성 및 'ILO 좋은 일자리도시 서울 사무소' 유치",
        ],
        "facts": [
            {
                "label": "행사명",
                "value": "2018년 좋은 일자리도시 국제포럼",
                "notes": ["International Forum on Transforming Cities for Decent Work"],
            },
            {"label": "일시", "value": "2018년 12월 11일(화)~12일(수)", "notes": []},
            {"label": "장소", "value": "서울시청 다목적홀", "notes": []},
            {"label": "주제", "value": "일의 불평등과 유니온시티(Union City)", "notes": []},
            {
                "label": "참석",
                "value": "국제노동기구(ILO), 경제협력개발기구(OECD), 유럽연합(EU), "
                "해외 도시 시장, 노동전문가 및 노동조합, 시민 등 1,000명",
                "notes": [],
            },
            # "□ 주요 프로그램": the table is badly garbled. The session markers are printed "0", "2", "8"
            # (read ① ② ③); the 구분 cell of the sessions ("L II A H 세션") is unreadable and is written
            # "세션"; the last row after 개막식 / 폐막식 is lost (dots only).
            {
                "label": "표",
                "value": "주요 프로그램(구분, 주제 및 내용)",
                "notes": [
                    "세션 ①, 『더 좋은 일자리를 위한 실천들』, 노동시장의 차별, 격차, 배제가 아닌 좋은 일자리모델",
                    "세션 ②, 『노동의 미래와 유니온 시티』, "
                    "4차 산업시대, 비표준적 계약과 고용관계변화에 대한 대응과 해법",
                    "세션 ③, 『좋은 일자리를 위한 도시의 역할』, 좋은 일자리 도시 모델 구상과 실천",
                    "공식행사, 개막식 / 폐막식",
                ],
            },
        ],
        "budget_million_won": None,
        "budget_note": "",
        "milestones": [
            # printed as a footnote ("*") under the programme table, before 추진일정; already under way
            {
                "state": "done",
                "title": "「좋은 일자리도시 국제포럼 기획자문단」 구성 및 운영",
                "start": date(2018, 5, 1),
                "end": None,
                "precision": "month",
                "open_ended": True,
                "label": "",
                "details": [],
            },
            # 추진일정
            {
                "state": "planned",
                "title": "좋은 일자리도시 국제포럼 조직위원회 발족 및 운영",
                "start": date(2018, 7, 1),
                "end": None,
                "precision": "month",
                "open_ended": True,
                "label": "",
                "details": [],
            },
            {
                "state": "planned",
                "title": "세션별 세부내용 기획 및 해외도시정부 초청",
                "start": date(2018, 7, 1),
                "end": None,
                "precision": "month",
                "open_ended": True,
                "label": "",
                "details": [],
            },
            {
                "state": "planned",
                "title": "2018년 좋은 일자리도시 국제포럼 개최",
                "start": date(2018, 12, 11),
                "end": date(2018, 12, 12),
                "precision": "day",
                "open_ended": False,
                "label": "",
                "details": [],
            },
            {
                "state": "planned",
                "title": "감사서한 및 국제포럼백서(결과보고서) 발간",
                "start": date(2018, 12, 1),
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
        ],
    },
    # ===================================== 2. 시민의 삶을 바꾸는 노동존중 구현 =====================================
    {
        "objective": 2,
        "number": 1,
        "code": "P2-01",
        "title": "비정규직의 정규직화 확산",
        "division": "LABOUR-POLICY",
        "purposes": [
            "시 본청 및 투자출연기관 등 공공부문 노동자의 고용안정 및 실질적인 처우개선을 위해 "
            "비정규직의 정규직화 전환 지속 추진",
        ],
        "facts": [
            {
                "label": "투자출연기관 무기계약직 정규직화 추진(노동존중특별시 2단계 발전계획, '17.7.17.)",
                "value": "",
                "notes": ["투자·출연기관내 무기계약직의 정원내 정규직화를 통해 불합리한 차별 시정"],
            },
            {
                # the guideline is dated '17.7.20. here and '17.7.17 in the 추진계획 below; both as printed
                "label": "서울시 본청, 투자기관의 비정규직 정규직화(고용노동부 가이드라인, '17.7.20.)",
                "value": "",
                "notes": ["고용노동부 정규직 전환 가이드라인에 따라 기간제 근로자를 공무직으로 전환 추진"],
            },
        ],
        "budget_million_won": None,
        "budget_note": "",
        "milestones": [
            {
                "state": "done",
                "title": "투자·출연기관 무기계약직 정규직 전환 추진",
                "start": None,
                "end": None,
                "precision": "none",
                "open_ended": False,
                "label": "",
                "details": [
                    "'18.3.1. 서울교통공사 1,285명 무기계약직 정규직 전환 완료",
                    "시설공단, SH 공사 등 잔여 무기계약직 1,067명 전환 추진(전환기준 협의 등)",
                    "6.29일 서울주택도시공사, 비정규직 임대주택관리원 384명을 정규직 전환하기로 노사합의",
                ],
            },
            {
                "state": "done",
                "title": "시 본청 및 투자기관, 기간제 근로자 146명(시 107, 투출 39) 정규직 전환",
                "start": date(2018, 2, 1),
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
            # 추진계획
            {
                "state": "planned",
                "title": "투자출연기관 무기계약직 정규직화 차질없이 수행토록 지원",
                "start": None,
                "end": None,
                "precision": "none",
                "open_ended": False,
                "label": "하반기 중",
                "details": ["동향 모니터링 및 우수사례 확산을 위한 컨설팅 지원"],
            },
            {
                "state": "planned",
                "title": "정규직 전환 갈등사례 실태조사 및 조직융합 프로그램 운영",
                "start": date(2018, 8, 1),
                "end": None,
                "precision": "month",
                "open_ended": True,
                "label": "",
                "details": [],
            },
            {
                "state": "planned",
                "title": "비정규직(기간제근로자) 채용 사전심사제 신설",
                "start": date(2018, 8, 1),
                "end": None,
                "precision": "month",
                "open_ended": True,
                "label": "",
                "details": [
                    "사전심사제 운영을 위한 관련 규정 개정 ('18년 하반기)",
                    "「서울시 비정규직 근로자의 무기계약직 전환 등 고용환경 개선 지원 조례」 및 "
                    "「기간제근로자 관리규정」",
                    "제1차 사전심사위원회 개최 (9월)",
                    "채용사유, 인원, 기간, 예산 등의 적정성 등을 심사",
                ],
            },
            {
                "state": "planned",
                "title": "고용노동부 가이드라인('17.7.17)에 따른 파견용역 정규직 전환 추진",
                "start": date(2018, 7, 1),
                "end": None,
                "precision": "month",
                "open_ended": True,
                "label": "",
                "details": [
                    "파견·용역 정규직 전환 협의기구 구성·운영 (7월~9월)",
                    "파견·용역근로자 및 업체 대상 설명회 개최(7월)",
                ],
            },
        ],
    },
    {
        "objective": 2,
        "number": 2,
        "code": "P2-02",
        "title": "노동시간 단축 추진",  # the heading is lost in the text; the body starts at the lead paragraph
        "division": "LABOUR-POLICY",
        "purposes": [
            "노동시간 단축모델의 본격 추진을 통해 근로자의 노동조건 및 삶의 질 향상을 도모하고 양질의 일자리 창출",
        ],
        "facts": [
            {
                "label": "투자출연기관, 서울형 노동시간 단축 추진(서울형 노동시간 단축모델 추진계획, '17.2월)",
                "value": "",
                "notes": [
                    "주40시간/연간1,800시간대 노동시간 진입을 위한 적합모델 개발",
                    "서울신용보증재단, 서울의료원 2개 기관 시범 추진",
                ],
            },
            {
                "label": "근로기준법 개정에 따른 노동시간 단축 안착 지원",
                "value": "",
                "notes": ["주52시간 적용 근로기준법 개정안 시행('18.7.1.) 대응"],
            },
        ],
        "budget_million_won": None,
        "budget_note": "",
        "milestones": [
            {
                "state": "done",
                "title": "노동시간 단축 시범기관 이행실태 조사",
                "start": date(2018, 1, 1),
                "end": date(2018, 2, 28),
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [
                    "PC-OFF제, 근로시간 저축계좌제 등 통한 노동시간 단축 목표 달성 확인",
                    "서울신용보증재단 : 2년간 총151시간 단축(2,275시간(15년) → 2,124시간(17년))",
                    "서울의료원 : 휴일근로 제로화 달성",
                    "노동시간 단축에 따른 실질소득 감소 최소화, 실질 업무감량 및 조직문화 개선 필요성 등 확인",
                ],
            },
            {
                "state": "done",
                "title": "주52시간 근로기준법 개정에 따른 노동시간 단축 대응",
                "start": date(2018, 4, 1),
                "end": date(2018, 6, 30),
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [
                    "기간제, 촉탁직, 민간위탁 등 노동시간 실태조사 및 분석 실시(4~5월)",
                    "고용유형별·업종별 주52시간 근로기준법 개정 대응계획 마련(6월)",
                ],
            },
            # 추진계획
            {
                "state": "planned",
                "title": "근로기준법 개정에 따른 노동시간 현장 안착 지원",
                "start": date(2018, 7, 1),
                "end": None,
                "precision": "month",
                "open_ended": True,
                "label": "",
                "details": ["주당 노동시간 점검·분석 및 조치, 미흡 사업장 현장점검 및 컨설팅"],
            },
            {
                "state": "planned",
                "title": "공공부문 노동시간 단축 모델 개선 추진 지속",
                "start": None,
                "end": None,
                "precision": "none",
                "open_ended": False,
                "label": "",
                "details": [
                    "주4일 노동모델 운영을 위한 준비사항, 절차 등 파악 위한 학술용역 실시",
                    "근로시간 저축계좌제 확대 운영방안 마련",
                ],
            },
        ],
    },
    {
        "objective": 2,
        "number": 3,
        "code": "P2-03",
        "title": "노동존중문화의 상징 「전태일 기념관」 개관준비",
        "division": "LABOUR-POLICY",
        "purposes": [
            "노동운동사의 시작을 연 전태일 열사를 기념하고 시민의 노동권익에 대한 인식 제고를 위한 "
            "지원시설로서의 전태일 노동복합시설 조성",
        ],
        "facts": [
            {"label": "위치", "value": "종로구 청계천로 105(관수동 152-1)", "notes": []},
            {"label": "규모", "value": "지상6층 / 토지 553.1㎡, 연면적 1,940.73㎡", "notes": []},
            {
                "label": "표",
                "value": "층별용도(안)",
                "notes": [
                    "1층, 전태일 기념 공간(수장고), 주차장, 기계실 등",
                    "2층, 전태일 기념 공간(공연장, 사무공간)",
                    "3층, 전태일 기념 공간(전시실, 체험장, 교육장)",
                    "4층, 노동 허브",
                    "5층, 서울노동권익센터",
                    "6층, 사무 및 휴게공간",
                ],
            },
            {"label": "소요예산", "value": "23,768백만원(전액 시비)", "notes": []},
        ],
        "budget_million_won": 23768,
        "budget_note": "전액 시비",
        "milestones": [
            # heading lost: first list after 사업개요 = 추진현황
            {
                "state": "done",
                "title": "건물 리모델링 공사 및 전시관 전시설계 용역 추진",
                "start": None,
                "end": None,
                "precision": "none",
                "open_ended": False,
                "label": "",
                "details": [
                    "공사내용 : 건물 외관 변경, 내진보강 및 내부 리모델링('18.1.~'19.3.)",
                    "전시설계 용역 : 전시 기본방향 확립, 전시 콘텐츠 기획 및 구성 등('18.2.~'18.7.)",
                ],
            },
            {
                "state": "done",
                "title": "전태일 노동복합시설 민간위탁기관 선정",
                "start": None,
                "end": None,
                "precision": "none",
                "open_ended": False,
                "label": "",
                "details": [
                    "민간위탁 적격자심의위원회 개최('18.4.) ⇒ 우선협상대상자 : 전태일재단",
                    "위탁사무 : 시설 관리 총괄 및 전태일 기념관 전시·운영 등",
                ],
            },
            # 추진계획
            {
                "state": "planned",
                "title": "전태일노동복합시설 민간위탁 협약체결",
                "start": date(2018, 8, 1),
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": ["전시관 자료수집, 차년도 전시 기획 준비, 시설홍보 등을 위한 준비단 운영"],
            },
            {
                "state": "planned",
                "title": "전시설계 공사 발주 및 추진",
                "start": date(2018, 8, 1),
                "end": None,
                "precision": "month",
                "open_ended": True,
                "label": "",
                "details": [],
            },
            {
                "state": "planned",
                "title": "리모델링 공사 및 전시품 제작·설치 완료",
                "start": None,
                "end": date(2019, 3, 31),
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
            {
                "state": "planned",
                "title": "전태일노동복합시설 개관",
                "start": date(2019, 3, 1),
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
        ],
    },
    {
        "objective": 2,
        "number": 4,
        "code": "P2-04",
        "title": "서울지역 노동단체 지원",
        "division": "LABOUR-POLICY",
        "purposes": [
            "취약근로자 권익 보호 등 근로복지 향상 및 노동인식 개선을 위한 노동복지 기관·시설 운영 및 노동단체 지원",
        ],
        "facts": [
            {
                "label": "근로자의 생활안정 및 복지증진을 위한 복지시설 운영 및 노동단체 지원",
                "value": "",
                "notes": [
                    "〈한국노총〉 근로자복지관 강당증축 및 노동조합교육 등 9개 사업 지원(2,496백만원)",
                    "〈민주노총〉 근로자복지관 이전추진 및 노동실태조사 등 7개 사업 지원(470백만원)",
                ],
            },
            {
                "label": "노사가 함께 참여하는 노사민정 아카데미 운영(상·하반기 연2회)",
                "value": "",
                "notes": [
                    "노동단체원 및 경총 추천 노무담당등과 함께 노동법·비정규직·단체교섭 등 "
                    "노사간 갈등분야의 집중 교육 및 토론",
                ],
            },
        ],
        # no 소요예산 is printed (only the two 지원 amounts above)
        "budget_million_won": None,
        "budget_note": "",
        "milestones": [
            {
                "state": "done",
                "title": "한국노총 서울지역본부 지원 보조금 6월까지 1,157백만원(51%) 교부",
                "start": None,
                "end": date(2018, 6, 30),  # "6월까지"
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": ["노동법률상담, 노동조합 교육, 근로자 자녀 장학금 지급 등 9개사업 추진 중"],
            },
            {
                "state": "done",
                "title": "'18. 상반기 제1기 서울시 노사민정 아카데미 운영(매주4회, 12시간)",
                "start": date(2018, 5, 10),
                "end": date(2018, 5, 31),
                "precision": "day",
                "open_ended": False,
                "label": "",
                "details": ["양대 노총 노조원, 회사대표, 임원, 인사담당자 등 총 84명 수료 완료"],
            },
            # 추진계획
            {
                "state": "planned",
                "title": "한국노총 서울지역본부 노동법률 지원 사업 등 9개 사업 추진 지속",
                "start": None,
                "end": None,
                "precision": "none",
                "open_ended": False,
                "label": "",
                "details": [
                    "취약계층 근로자의 노동법률 상담 등 사업추진 : '18.2월~",
                    "근로자 자녀 장학금 지급 개선 적용 및 한국장학재단 중복지원 검증 : 지속",
                ],
            },
            {
                "state": "planned",
                "title": "2018. 하반기 제2기 서울시 노사민정 아카데미 운영",
                "start": None,
                "end": None,
                "precision": "none",
                "open_ended": False,
                "label": "",
                "details": [
                    "노사민정협의회 실무위원회 협의 및 세부운영계획 수립 : '18. 9월",
                    "'18. 하반기 제2기 노사민정 아카데미 운영 : '18.10월",
                    "노동법·비정규직·단체교섭 등 노사간 갈등분야의 집중 교육 및 토론",
                ],
            },
            {
                "state": "planned",
                "title": "서울시 근로자복지관(한국노총) 강당 증축 추진",
                "start": None,
                "end": None,
                "precision": "none",
                "open_ended": False,
                "label": "",
                "details": [
                    "지명설계 공모심사 및 설계용역 추진 : '18. 7월까지",
                    "증축공사 발주 및 공사 착공 : '18. 8월 ~",
                ],
            },
        ],
    },
    {
        "objective": 2,
        "number": 5,
        "code": "P2-05",
        "title": "사각지대 노동자 보호 강화",
        "division": "LABOUR-POLICY",
        "purposes": [
            "사각지대에 놓인 특수고용형태종사자, 감정노동자 등 취약 노동자에 대한 권익구제 추진 및 노동환경 개선",
        ],
        "facts": [
            {
                "label": "특수고용형태 노동자의 권익개선을 위한 특화된 '休 서울노동자 쉼터' 운영",
                "value": "",
                "notes": [],
            },
            # 상암쉼터's 일평균 is printed "_" (opened '18.5월)
            {
                "label": "표",
                "value": "休 서울노동자 쉼터 현황(쉼터명, 규모, 운영인력, 주이용대상, 운영시간, 일평균, 비고)",
                "notes": [
                    "서초쉼터, 151㎡, 3명, 대리기사, 18:00~06:00, 70명, '16.3월 개소",
                    "북창쉼터, 300㎡, 3명, 퀵서비스노동자, 08:30~20:00, 57명, '17.6월 개소 ※ 장소 이전('18.4월)",
                    "합정쉼터, 165㎡, 5명, 이동노동자, 08:30~06:00, 48명, '17.11월 개소",
                    "상암쉼터, 250㎡, 3명, 미디어 노동자, 09:30~18:00, -, '18. 5월 개소",
                ],
            },
            {
                "label": "시 소속 감정노동 종사자의 피해예방을 위한 감정노동종사자 보호 대책 추진",
                "value": "",
                "notes": [],
            },
        ],
        "budget_million_won": None,
        "budget_note": "",
        "milestones": [
            {
                "state": "done",
                "title": "休서울노동자 쉼터 운영 활성화 및 신규 설치",
                "start": None,
                "end": None,
                "precision": "none",
                "open_ended": False,
                "label": "",
                "details": [
                    "(이용확대) 일평균 이용자수 약 38% 증가('17년 127명 → '18년 175명), 합정쉼터 주간운영",
                    "(운영지원) 假건물쉼터(장교)의 인근 건물이전 및 주차장 등 편의시설 확보",  # as printed
                    "(신규설치) 방송노동자 권익개선을 위한 「미디어노동자 쉼터」 신규 개소('18.5월)",
                ],
            },
            {
                "state": "done",
                "title": "지자체 최초 「서울시 감정 노동자 보호 가이드라인」 수립",
                "start": date(2018, 5, 1),
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": ["감정노동종사자 보호를 위해 의무적으로 시행해야 하는 제도와 절차 마련"],
            },
            # 추진계획
            {
                "state": "planned",
                "title": "노동권익센터 및 자치구 등을 통한 신규 쉼터 발굴",
                "start": None,
                "end": None,
                "precision": "none",
                "open_ended": False,
                "label": "계속",
                "details": ["수요자 설문조사 및 거버넌스 등 충분한 의견수렴을 통해 특화된 쉼터 조성"],
            },
            {
                "state": "planned",
                "title": "서울시 감정노동보호센터 발족",
                "start": date(2018, 8, 1),  # "'18년 8월중"
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
            {
                "state": "planned",
                "title": "서울시 감정노동보호 가이드라인 운영",
                "start": None,
                "end": None,
                "precision": "none",
                "open_ended": False,
                "label": "",
                "details": [
                    "(기관별) 감정노동보호 가이드라인 마련 (8월까지)",
                    "(시) 투자·출연기관별 가이드라인 이행실태 점검 (11월)",
                ],
            },
            {
                "state": "planned",
                "title": "민간부문 감정노동종사자 상담 및 치유프로그램 운영",
                "start": None,
                "end": date(2018, 12, 31),  # "'18. 12월까지"
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
        ],
    },
    {
        "objective": 2,
        "number": 6,
        "code": "P2-06",
        "title": "노동권익 보호체계 강화",  # the heading is printed only as a lone "6"
        "division": "LABOUR-POLICY",
        "purposes": [
            "노동상담 및 노무컨설팅, 근로기준 확보 등 전문적·포괄적인 노동권익 보호체계 구축을 통해 "
            "안정적인 노동기본권 보장",
        ],
        "facts": [
            {
                "label": "공공부문 노무담당 직원의 업무 전문성 향상을 위해 노동교육 추진",
                "value": "",
                "notes": ["시 투자 출연기관에서 민간위탁기관으로 노동교육을 확대, 노동인지적 행정문화 확산"],
            },
            {
                "label": "민간위탁, 공공조달, 시 발주 건설현장 등의 간접고용 근로자 노동권익 강화",
                "value": "",
                "notes": [
                    "시민명예 노동옴부즈만 확대(구별 1명→2명) 및 근로환경개선 컨설팅 진행",
                    "노동권리보호관 운영을 통한 취약근로자 대상 무료 노동상담 및 법률지원",
                ],
            },
            {
                "label": "마을노무사 운영을 통한 9인 이하 소규모사업장 노무컨설팅 지원(300개소)",
                "value": "",
                "notes": [],
            },
            {
                "label": "근로조건 자율개선사업 제외 사업장의 노무컨설팅으로 근로조건 침해예방",
                "value": "",
                "notes": [],
            },
        ],
        "budget_million_won": None,
        "budget_note": "",
        "milestones": [
            # heading lost: first list after 사업개요 = 추진현황
            {
                "state": "done",
                "title": "4급 이상 관리자 노동아카데미 운영 및 5급 이하 직원 대상 노동실무 교육 시행 (3회)",
                "start": None,
                "end": None,
                "precision": "none",
                "open_ended": False,
                "label": "",
                "details": [],
            },
            {
                "state": "done",
                "title": "시민명예 노동옴부즈만을 통한 무료노무상담 및 근로환경개선 컨설팅 추진",
                "start": None,
                "end": None,
                "precision": "none",
                "open_ended": False,
                "label": "",
                "details": ["('18.1~6월 실적) 무료노무상담 1,694건, 근로환경 컨설팅 120개소 완료"],
            },
            {
                "state": "done",
                "title": "컨설팅 수요 증가에 따른 마을노무사 추가 위촉(25명→ 50명)",
                "start": date(2018, 2, 1),
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
            {
                "state": "done",
                "title": "사건수행 증가 따른 노동권리보호관 추가 위촉(35명→ 50명)",
                "start": date(2018, 4, 1),
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
            # heading lost: second list = 추진계획
            {
                "state": "planned",
                "title": "시민명예노동옴부즈만 근로환경개선 컨설팅 추진",
                "start": None,
                "end": None,
                "precision": "none",
                "open_ended": False,
                "label": "지속",
                "details": ["1차(상반기) 컨설팅결과 지적사항 2차(하반기) 컨설팅 중점 지도 점검"],
            },
            {
                "state": "planned",
                "title": "시민명예노동옴부즈만 임기만료에 따른 재위촉",
                "start": date(2018, 7, 1),
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
            {
                "state": "planned",
                "title": "자치구 및 민간위탁기관 노무관리 담당자 교육(각1회)",
                "start": date(2018, 11, 1),
                "end": date(2018, 12, 31),
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
        ],
    },
    # ===================================== 3. 사회적경제 성과 가시화 =====================================
    {
        "objective": 3,
        "number": 1,
        "code": "P3-01",
        "title": "체계적인 종합지원으로 사회적경제기업 육성",
        "division": "SOCIAL-ECONOMY",
        "purposes": [
            "사회적경제기업 특성 및 이행단계별 맞춤형 지원을 통해 성장역량을 강화하고 "
            "지속가능한 사회적경제 생태계 구축",
        ],
        "facts": [
            {
                "label": "지원대상",
                "value": "(예비)사회적기업, 협동조합, 마을기업 등 사회적경제기업",
                "notes": [
                    "사회적경제기업('18.6월) : 총 4,199개(사회적기업 617개, 협동조합 3,265개, "
                    "마을기업 108개, 기타 209개)",
                ],
            },
            {
                "label": "사업내용 및 '18년 예산",
                "value": "",
                "notes": [
                    "① 기업 특성별 맞춤형 지원(재정지원, 사회적경제지원센터 운영 등): '18년 20,805백만원",
                    "사회적경제기업 발굴 및 육성 15,868백만원, 사회적경제지원센터 4,937백만원",
                    "② 사회적경제기업의 공공구매 활성화 및 인식제고 홍보: '18년 819백만원",
                    "공공구매 활성화 379백만원, 사회적경제 인식제고 및 성과관리 440백만원",
                ],
            },
        ],
        # The report prints the '18년 예산 of the two parts only, no programme total: no sum is made here.
        "budget_million_won": None,
        "budget_note": "'18년 예산 : ① 20,805백만원, ② 819백만원 (합계 미표기)",
        "milestones": [
            # 추진현황 is printed in two parts, "① 기업특성별 맞춤형 지원을 통한 사회적경제기업 육성" and
            # "② 사회적경제기업의 공공구매 활성화 및 인식제고 홍보"; their items (printed as headings) follow.
            {
                "state": "done",
                "title": "사회적기업 성장을 위한 재정지원",
                "start": None,
                "end": None,
                "precision": "none",
                "open_ended": False,
                "label": "",
                "details": [
                    "인건비 / 사회보험료 지원 : 1,208개 기업(3,992백만원) / 4,971명 (1,179백만원)",
                    "사업개발비 지원 : 111개 기업(2,400백만원)",
                    "마을기업 활성화를 위한 육성사업",
                    "예비 3개 기업, 총 23백만원 지원 / 신규 6개 기업, 총 218백만원 지원 / "
                    "2차년도 5개 기업 총 142백만원 지원",
                ],
            },
            {
                "state": "done",
                "title": "혁신형 사업 및 우수기업 육성 매출 및 고용확대 견인",
                "start": None,
                "end": None,
                "precision": "none",
                "open_ended": False,
                "label": "",
                "details": [
                    "사회적경제 방식으로 주거·돌봄 등 사회문제를 해결하는 혁신형 사업모델 지원 : "
                    "18개 기업, 총 633백만원",
                    "사회적경제 우수기업 지원(780백만원) 지속적 확대 : '17년 46개 → '18년 50개",
                ],
            },
            {
                "state": "done",
                "title": "서울시사회적경제지원센터 및 협동조합센터 운영",
                "start": None,
                "end": None,
                "precision": "none",
                "open_ended": False,
                "label": "",
                "details": [
                    "서울시사회적경제지원센터(서울혁신파크 1동1층, (사)서울사회적경제네트워크에 민간위탁)",
                    "경영지원(200건) 등 사회적경제 기업 성장 및 아카데미 교육 지원(8건) 등 으로 인재양성",
                    "마을기업 교육, 상암소셜박스 활성화 프로그램 운영(51회) 등 사회적경제 지속성장 기반 조성",
                    "뉴스레터 발행, 사회적경제 활성화 공동캠페인 시행 등으로 시민홍보 및 인식 제고",
                    "서울시협동조합지원센터(서울혁신파크 1동6층, 서울지역협동조합협의회에 민간위탁)",
                    "전화, 방문 및 맞춤상담 4,632건 제공(일평균 38.6건)",
                    "(예비)협동조합 및 조합원의 다양한 세분화된 교육 실시(10개과정, 1,277명)",
                    "설립전후 협동조합 요구에 기반한 맞춤형 경영지원 사업(창업코칭 27회, 성장 지원 33회 등)",
                ],
            },
            {
                "state": "done",
                "title": "공공구매 확대 1,000억원('17년 목표) → 1,300억원('18년 목표)",
                "start": None,
                "end": None,
                "precision": "none",
                "open_ended": False,
                "label": "",
                "details": [
                    "'18년도 공공구매 실적(5월말) : 349억원 (전년 동기대비 85억↑)",
                    "공공구매 유형 다변화 : 물품 중심 → 사회서비스용역(돌봄·도시재생)으로 확산",
                    # printed "함께누라몰"
                    "사회적경제 온라인 쇼핑몰(함께누리몰) 운영을 통한 사회적기업 판로확보 및 매출 증대",
                ],
            },
            {
                # heading printed "주간행사 추진 사회적경제 인지도 제고를 위한 시민참여형 행사 추진" (order garbled)
                "state": "done",
                "title": "주간행사 추진 : 사회적경제 인지도 제고를 위한 시민참여형 행사 추진",
                "start": date(2018, 7, 5),  # the 일시 line: 7. 5.(목) ~ 7. 7.(토)
                "end": date(2018, 7, 7),
                "precision": "day",
                "open_ended": False,
                "label": "",
                "details": [
                    "일시/장소 : 7. 5.(목) ~ 7. 7.(토) / 서울시청 및 덕수궁돌담길 ※ 서울시, "
                    "민간 4대부문(사회적기업, 협동조합, 마을기업, 자활기업) 공동개최",
                    "사회적경제 유공자표창 등 사회적경제 주간 기념식 개최",
                    "'일상에서 만나는 사회적경제' 주제로 15,000여명 시민참여 및 사회적경제 시민인지도 제고",
                ],
            },
            # heading lost: second list = 추진계획
            {
                "state": "planned",
                "title": "사회적경제기업 재정지원 공고·선정 및 보조금 지원",
                "start": date(2018, 2, 1),
                "end": date(2018, 12, 31),
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
            {
                "state": "planned",
                "title": "사회적경제 성장단계별 맞춤형 경영 지원",
                "start": date(2018, 2, 1),
                "end": None,
                "precision": "month",
                "open_ended": True,
                "label": "",
                "details": [],
            },
            {
                "state": "planned",
                "title": "사회적경제 온라인쇼핑몰 및 덕수궁 장터 활성화",
                "start": date(2018, 3, 1),
                "end": None,
                "precision": "month",
                "open_ended": True,
                "label": "",
                "details": [],
            },
            {
                "state": "planned",
                "title": "우수 사회적기업 공모·선정 및 지원",
                "start": date(2018, 9, 1),
                "end": date(2018, 12, 31),
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
        ],
    },
    {
        "objective": 3,
        "number": 2,
        "code": "P3-02",
        "title": "자치구 사회적경제 생태계 조성 지원",
        "division": "SOCIAL-ECONOMY",
        "purposes": [
            "자치구별 상황에 맞는 단계별 유형별 사회적경제 생태계를 조성하여 사회적경제기업 규모화 및 "
            "사회적경제의 지역자생력을 제고하고자 함",
        ],
        "facts": [
            {"label": "지원대상", "value": "사회적경제 생태계 지원 신청 자치구(공모·심사)", "notes": []},
            {
                "label": "사업내용 및 '18년 예산",
                "value": "",
                "notes": [
                    "자치구 「사회적경제 통합지원사업」 추진 : '18년 2,940백만원",
                    "사회적경제 활성화 공간 확충 : '18년 800백만원",
                    "사회적경제특구 운영: '18년 2,125백만원",
                ],
            },
        ],
        # As in P3-01: three printed '18년 예산 lines, no total; no sum is made here.
        "budget_million_won": None,
        "budget_note": "'18년 예산 : 2,940백만원, 800백만원, 2,125백만원 (합계 미표기)",
        "milestones": [
            # heading lost: first list after 사업개요 = 추진현황
            {
                "state": "done",
                "title": "자치구 「사회적경제 통합지원사업」 추진",
                "start": None,
                "end": None,
                "precision": "none",
                "open_ended": False,
                "label": "",
                "details": [
                    "'18년 총 21개구",
                    "자치구별 전략수립, 주체발굴, 협업사업 추진 등 사회적경제 생태계 기반 구축",
                    "민관거버넌스를 통한 자치구 사회적경제 통합 중간지원조직 구축 운영",
                ],
            },
            {
                "state": "done",
                "title": "사회적경제 활성화 공간 확충",
                "start": None,
                "end": None,
                "precision": "none",
                "open_ended": False,
                "label": "",
                "details": ["지역 사회적경제조직의 업무 및 협업, 주민공유공간 제공('18년 현재 12개소)"],
            },
            {
                "state": "done",
                "title": "지역의 인구 및 산업특성과 결합된 사업모델을 개발하는 「사회적경제특구」 운영",
                "start": None,
                "end": None,
                "precision": "none",
                "open_ended": False,
                "label": "",
                "details": [
                    "'18년 본사업 11개구",
                    "사업비 지원 : 사업 준비(6개월, 50백만원 내) → 본사업(3년, 500백만원)",
                    "'18년 상반기 중 특구 실적평가(현장점검) → 성과에 따른 차등지원 추진",
                ],
            },
            # heading lost: second list = 추진계획
            {
                "state": "planned",
                "title": "사업평가 자문회의 등을 통하여 일몰제 사업에 대한 대책 수립",
                "start": date(2018, 9, 1),
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": ["사회적경제 특구 3년차 (6개소), 자치구 사회적경제 통합지원센터 4년차 (8개소)"],
            },
            {
                "state": "planned",
                "title": "사회적경제 활성화 공간지원 사업 재공모",
                "start": date(2018, 10, 1),
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
        ],
    },
    {
        "objective": 3,
        "number": 3,
        "code": "P3-03",
        # body heading: "사회적금융 활성화를 위한 사회투자기금 운영"
        "title": "사회적경제 활성화를 위한 사회적투자기금 운영",
        "division": "SOCIAL-ECONOMY",
        "purposes": [
            "市와 민간 사회적금융기관이 공동으로 기금을 조성·운영하여 사회적경제 기업 등을 지원함으로써 "
            "좋은 일자리 및 사회적가치 창출",
        ],
        "facts": [
            {"label": "지원대상", "value": "사회적경제기업, 사회적가치 창출 프로젝트, 사회주택 등", "notes": []},
            {"label": "'18년 기금규모(市 출연금)", "value": "552억원", "notes": ["'18년 기금 투·융자사업비 140억원"]},
            {
                "label": "운용관리",
                "value": "시 직영 관리('17.4.1.~)",
                "notes": ["'18. 5월말 기준 채권잔액: 총 127건, 41,781백만원('18년 원금 회수액 2,020백만원)"],
            },
            {
                "label": "기금 융자 수행기관 공모",
                "value": "민간금융기관 자금 매칭을 통해 지원 규모 확대",
                "notes": [
                    "'18년 융자규모 총 130억원 (사회적경제기업 등 80억원, 사회주택 50억원)",
                    "상·하반기 총2회 공모 선정 → 수행기관을 통해 실제 융자하는 방식으로 운영",
                    # the diagram that follows, in one line; its "● 자" is read as "① 융자"
                    "市(시기금) → ① 융자(이자율 0%) → 수행기관(자체자금 매칭) → ② 실 융자(투자)(이자율 최대 3%) "
                    "→ 사회적경제 기업 등",
                ],
            },
        ],
        # no 소요예산 is printed; the fund size (552억원) is not a budget
        "budget_million_won": None,
        "budget_note": "",
        "milestones": [
            # heading lost: first list after 사업개요 = 추진현황
            {
                "state": "done",
                "title": "임팩트 투자조합 조성을 위한 기금 출자안 시의회 동의",
                "start": date(2018, 4, 9),
                "end": None,
                "precision": "day",
                "open_ended": False,
                "label": "",
                "details": [],
            },
            {
                "state": "done",
                "title": "사회투자기금 상반기 융자, 비융자사업 수행기관 선정",
                "start": date(2018, 5, 18),
                "end": date(2018, 5, 31),
                "precision": "day",
                "open_ended": False,
                "label": "",
                "details": ["6개 수행기관, 40억원 지원 결정"],  # printed at the top level; the result of the selection
            },
            {
                "state": "done",
                "title": "사회투자기금 채권관리 및 원리금 회수",
                "start": None,
                "end": None,
                "precision": "none",
                "open_ended": False,
                "label": "",
                # printed at the top level; read as the two sub-items of 채권관리
                "details": [
                    "상환유예 및 이행연기 특약 심의위원회 개최(매월 정례화)",
                    "원리금 상환고지(월 2회 이상) 및 미납·연체고지(매월 실시)",
                ],
            },
            # 향후계획
            {
                "state": "planned",
                "title": "임팩트투자조합 운용사 공모·선정",
                "start": date(2018, 8, 1),  # "'18. 8월 중"
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
            {
                "state": "planned",
                "title": "'18년 하반기 사회적금융 수행기관 공모·선정",
                "start": date(2018, 9, 1),  # "'18. 9월 중"
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
        ],
    },
    {
        "objective": 3,
        "number": 4,
        "code": "P3-04",
        "title": "사회성과보상사업(SIB) 활성화",
        "division": "SOCIAL-ECONOMY",
        "purposes": [
            "공공 정책 집행의 효율성 제고 및 사회투자 확산을 위해, 사업추진 성과에 따라 예산을 집행하는 "
            "사회성과보상사업 활성화 지원",
        ],
        "facts": [
            {
                "label": "사업내용",
                "value": "민간이 선투자로 취약계층에 대한 복지·교육 등 공공사업을 수행하고, "
                "사업종료 후 성과목표 달성시 투자자에게 성과 보상",
                "notes": [],
            },
            {"label": "'18년 예산", "value": "405백만원", "notes": []},
        ],
        "budget_million_won": 405,
        "budget_note": "",
        "milestones": [
            {
                "state": "done",
                "title": "신규사업 발굴을 위한 모의크라우드 펀딩대회 개최",
                "start": date(2017, 12, 1),
                "end": date(2018, 4, 30),
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [
                    "14개 제안사업 중 8개 선정(1.27.), 모의크라우드 펀딩대회 진행(2.20.~3.9.)",
                    "1,973명 참여, 총 211억원 모의금액 모집, 8개 제안사업 중 5개 사업 시상(4.2.)",
                ],
            },
            {
                "state": "done",
                "title": "추진체계 및 시스템 정비를 위한 「사회성과보상사업 운영 조례」 개정",
                "start": date(2018, 5, 3),  # printed "(18.5.3.)"
                "end": None,
                "precision": "day",
                "open_ended": False,
                "label": "",
                "details": ["사업 발굴·기획·평가지표 수립 등 서울연구원의 전문적 업무분야 수행근거 마련"],
            },
            {
                "state": "done",
                "title": "사회성과보상사업 후속사업 준비 및 지방정부협의회 운영",
                "start": None,
                "end": None,
                "precision": "none",
                "open_ended": False,
                "label": "",
                "details": [
                    "제2호사업 기획을 위한 '청년실업 해결을 위한 SIB 사업모델 개발 용역' 추진(3~7월)",
                    "2018년 사회성과보상사업 지방정부협의회 제1차 총회 개최(1.26.)",
                    # printed "화원현황 … 18개 지지체 및 행정인전부"
                    "'18.6월 회원현황: 서울시(의장도시), 성남시, 수원시, 인천남구, 노원구 등 18개 지자체 및 행정안전부",
                ],
            },
            # heading lost: second list = 추진계획
            {
                "state": "planned",
                "title": "사회성과보상사업 후속사업 착수",
                "start": None,
                "end": None,
                "precision": "none",
                "open_ended": False,
                "label": "",
                "details": [
                    "2호 사업 추진계획 수립 및 사회성과보상사업심의위원회 심의·의결(7월)",
                    "시의회 동의안 제출 및 후속사업 운영기관 선정·공모(8월~)",
                ],
            },
        ],
    },
    {
        "objective": 3,
        "number": 5,
        "code": "P3-05",
        "title": "소셜벤처 지원체계 구축",
        "division": "SOCIAL-ECONOMY",
        "purposes": [
            "소셜벤처 허브센터 조성 및 민간 전문지원기관(액셀러레이터) 협력사업을 통해 "
            "기술혁신기반의 사회적경제조직 신규 육성",
        ],
        "facts": [
            {
                "label": "추진근거",
                "value": "서울특별시 사회적경제 기본조례 제15조 및 제16조",
                "notes": [
                    "소셜벤처 : 기술·경영혁신 등 모험적 방법으로 기업을 경영하면서 사회적 가치와 경제적 이익을 "
                    "동시에 추구하는 기업모델",
                ],
            },
            {"label": "지원대상 및 방법", "value": "자치구(허브센터) 및 민간단체 공모·선정", "notes": []},
            {"label": "'18년 예산", "value": "1,600백만원", "notes": []},
        ],
        "budget_million_won": 1600,
        "budget_note": "",
        "milestones": [
            # heading lost: first list after 사업개요 = 추진현황 (the 허브센터 item reads partly as a plan:
            # its 공모 is in '18. 8월; kept "done" by position)
            {
                "state": "done",
                "title": "「소셜벤처 허브센터」 신규 조성·운영",
                "start": None,
                "end": None,
                "precision": "none",
                "open_ended": False,
                "label": "",
                "details": [
                    "'18년 600백만원",
                    "소셜벤처 기업간 연대 및 유기적 협력을 위한 거점공간 조성, 전문기관에 위탁·운영",
                    "사무공간, 인큐베이팅 룸, 공동회의실, 교육장, 네트워킹 공간 등으로 활용",
                    "'18. 8월 자치구 공모를 통해 사업비 지원",
                ],
            },
            {
                "state": "done",
                "title": "「민관협력사업」 확대를 통해 소셜벤처 육성",
                "start": None,
                "end": None,
                "precision": "none",
                "open_ended": False,
                "label": "",
                "details": [
                    "'18년 1,000백만원",
                    "액셀러레이팅 프로그램(투자, 보육, 멘토링 등) 운영 전문지원기관 공모, 5개기관 선정",
                    "보육프로그램 : 사업모델 및 기술·제품 개발 지원, 멘토링 및 투자유치, 마케팅 등",
                    "SK와 공동으로 소셜벤처가 창출한 사회성과 측정, 보상 지원",
                    "사회적경제기업 사회성과 측정 및 보상을 위한 협약체결(市-SK, '18.4.3.)",
                ],
            },
            # heading lost: second list = 추진계획
            {
                "state": "planned",
                "title": "소셜벤처 액셀러레이팅 프로그램 운영",
                "start": date(2018, 5, 1),
                "end": date(2018, 12, 31),
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
            {
                "state": "planned",
                "title": "사업수행 점검 및 중간평가 시행",
                "start": date(2018, 8, 1),
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": [],
            },
            {
                "state": "planned",
                "title": "소셜벤처 허브센터 공모계획 수립 및 선정·사업비 교부",
                "start": date(2018, 8, 1),
                "end": None,
                "precision": "month",
                "open_ended": True,
                "label": "",
                "details": [],
            },
        ],
    },
    {
        "objective": 3,
        "number": 6,
        "code": "P3-06",
        "title": "공정무역 도시, 서울 추진",
        "division": "SOCIAL-ECONOMY",
        "purposes": ["공정무역 캠페인, 인식개선 및 제품 판매 확대 등을 통해 공정무역 도시 구현"],
        "facts": [
            {"label": "사업기간", "value": "2013년 ~ 계속", "notes": []},
            {"label": "지원대상 및 선정방법", "value": "자치구 및 민간단체 공모·선정", "notes": []},
            {"label": "소요예산", "value": "691백만원", "notes": []},
        ],
        "budget_million_won": 691,
        "budget_note": "",
        "milestones": [
            {
                "state": "done",
                "title": "자치구 공정무역 특화사업 공모 선정(7개 자치구, 150백만원)",
                "start": date(2018, 4, 1),
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": ["공정무역 단체, 기업 등과 협력하여 대시민 공정무역 교육·홍보·판매 등 추진"],
            },
            {
                "state": "done",
                "title": "공정무역 캠페인, 교육연구 등 지원사업 공모 선정(6개 단체, 230백만원)",
                "start": date(2018, 4, 1),
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": ["4개 분야 : 캠페인, 연구분석, 커뮤니티, 제품홍보 및 판로지원"],
            },
            {
                "state": "done",
                "title": "「세계 공정무역의 날」(5월 둘째 토요일) 한국 페스티벌 개최",
                "start": date(2018, 5, 12),
                "end": date(2018, 5, 13),
                "precision": "day",
                "open_ended": False,
                "label": "",
                "details": ["개막행사, 공정무역 장터, 전시체험 및 캠페인 통해 공정무역 인식확대 추진"],
            },
            {
                "state": "done",
                "title": "「공정무역도시, 서울」 5개 기준 달성을 통한 인증 획득",
                "start": date(2018, 6, 11),
                "end": None,
                "precision": "day",
                "open_ended": False,
                "label": "",
                "details": [
                    "5개 기준 : 공정무역 지원조례 제정 및 위원회 구성·운영, 제품 판매처 확보 및 지역과 "
                    "생활공간에서의 공정무역 공동체 선언, 캠페인·홍보 등을 통한 시민참여",
                ],
            },
            {
                "state": "done",  # under 추진현황, dated '18. 7.7
                "title": "공정무역도시 서울 인증달성 기념행사 개최",
                "start": date(2018, 7, 7),
                "end": None,
                "precision": "day",
                "open_ended": False,
                "label": "",
                "details": ["인증서 전달식, 공정무역 포럼 및 공정무역도시 서울의 활동 사례 공유 등"],
            },
            # heading lost: second list = 추진계획
            {
                "state": "planned",
                "title": "공정무역 민간단체 지원사업 추가 공모 추진",
                "start": date(2018, 7, 1),
                "end": date(2018, 8, 31),
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": ["모집분야 : 연구분석, 커뮤니티, 제품홍보 및 판로지원"],
            },
            {
                "state": "planned",
                "title": "공정무역 제품 확대 위한 서울시 공공시설 내 공정무역 자판기 설치",
                "start": date(2018, 7, 1),
                "end": None,
                "precision": "month",
                "open_ended": True,
                "label": "",
                "details": ["시청 본청사, 도서관 등 유동인구가 많은 곳에 공정무역 제품 자판기 시범설치·운영"],
            },
        ],
    },
    {
        "objective": 3,
        "number": 7,
        "code": "P3-07",
        "title": "국제사회적경제 연대 활성화로 서울시 국제 위상 제고",
        "division": "SOCIAL-ECONOMY",
        "purposes": [
            "UN 등 국제기구, 세계도시와의 다양한 협력 및 네트워크를 통해 사회연대 경제의 국제수준 향상과 "
            "사회적경제 분야 서울시 위상제고 및 역할강화",
        ],
        "facts": [
            {
                "label": "국제사회적경제협의체, GSEF(Global Social Economy Forum)",
                "value": "",
                "notes": [
                    "2014.11.17. 설립, 서울시 의장도시, 회원 도시·단체 43개('18.6월 기준)",
                    "사무국 조직 : 5명(1국 2팀)",
                ],
            },
            {
                "label": "사업내용",
                "value": "",
                "notes": [
                    "GSEF 운영 활성화 및 국제기구·단체와의 연대·협업으로 사회적경제 경험 공유",
                    "사회연대경제 확산을 위한 국제 네트워크 구축 및 협력사업 발굴 추진",
                ],
            },
            {"label": "소요예산", "value": "893백만원", "notes": []},
        ],
        "budget_million_won": 893,
        "budget_note": "",
        "milestones": [
            {
                "state": "done",
                "title": "UN 등 국제회의 참석을 통한 네트워크 확대 통해 회원 유치 및 협력 강화",
                "start": None,
                "end": None,
                "precision": "none",
                "open_ended": False,
                "label": "",
                # printed "세계지방정부약합 회의."
                "details": ["1월 세계지방정부연합 회의, 5월 UN지속개발사무소 국제포럼, 6월 유럽 사회적경제협의회 등"],
            },
            {
                "state": "done",
                "title": "사회적경제 국제지식전수센터(CITIES) 서울 워크숍 개최(서울)",
                "start": date(2018, 4, 1),
                "end": None,
                "precision": "month",
                "open_ended": False,
                "label": "",
                "details": ["사회적 금융기관 실무자를 위한 퀘백 금융 전문가들의 사회적경제 조직분석 기법 사례 소개"],
            },
            {
                # printed "제5차 이사이 정책대화" and "상기포르"
                "state": "done",
                "title": "사회적금융 정책 공유 및 협력을 위한 제5차 아시아 정책대화 개최(서울)",
                "start": date(2018, 7, 5),
                "end": date(2018, 7, 6),
                "precision": "day",
                "open_ended": False,
                "label": "",
                "details": ["싱가포르, 홍콩, 일본 등 20여개 도시·단체의 정책담당자, 사회적경제 실천가 50여 명 참석"],
            },
            # heading lost: second list = 추진계획
            {
                "state": "planned",
                "title": "GSEF 2018 포럼 및 제3차 회원 총회 개최(스페인 빌바오)",
                "start": date(2018, 10, 1),
                "end": date(2018, 10, 3),
                "precision": "day",
                "open_ended": False,
                "label": "",
                "details": ["2년마다 개최되는 국제포럼으로 국내외 300여개 도시·단체에서 1,500여명 참석 예상"],
            },
            {
                "state": "planned",
                "title": "대륙별 정책대화 개최, 국제포럼 참석 통한 사회적경제 정책공유 및 협력 지속 추진",
                "start": None,
                "end": None,
                "precision": "none",
                "open_ended": False,
                "label": "",
                "details": ["UN 고위급 정치포럼 부대행사 개최(7.17.), 정책 대화(아프리카 10월, 유럽 11월) 개최"],
            },
        ],
    },
]
