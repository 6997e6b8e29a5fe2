"""The office's committees as the 2018 business report names them, with the meetings it prints.

Transcribed from the report (place in brackets):
- 기술교육원 통합운영위원회: "제2기 통합운영위원회 구성·운영 '18.3.29일자 구성(임기 2년) / 총 20명(위촉직 14명, 당연직
  6)" (Ⅲ 1-⑦ 추진현황). The report names no member: the loader generates placeholder members ("위촉위원 1" … "위촉위원
  14", "당연직 위원 1" … "당연직 위원 6"), each serving the 제2기 term from '18.3.29. for 2 years.
- 일자리위원회: "일자리위원회 운영" (Ⅰ 일자리정책담당관's functions): the committee only, no meeting printed.
- 노사민정협의회: "노사민정협의회 실무위원회 협의 및 세부운영계획 수립 : '18. 9월" (Ⅲ 2-④ 추진계획).
- 기간제근로자 채용 사전심사위원회: "제1차 사전심사위원회 개최 (9월)" (Ⅲ 2-① 추진계획).
- 상환유예 및 이행연기 특약 심의위원회: "개최(매월 정례화)" (Ⅲ 3-③): the committee only — the report prints no
  meeting date or count, and the fund demo holds no deferment.
- 사회성과보상사업심의위원회: "2호 사업 추진계획 수립 및 사회성과보상사업심의위원회 심의·의결(7월)" (Ⅲ 3-④).
- 사회성과보상사업 지방정부협의회: "제1차 총회 개최(1.26.)" and "※ '18.6월 회원현황 : 서울시(의장도시), 성남시, 수원시,
  인천남구, 노원구 등 18개 지자체 및 행정안전부" (Ⅲ 3-④). The members are the governments, each recorded by its name
  with its kind as the affiliation (지방자치단체 or 중앙행정기관); the report names five of the 18 local governments:
  the other 13 are placeholders ("회원 지자체 6" … "회원 지자체 18"). It gives no joining day: every member serves
  from the first general assembly ('18.1.26.), 서울시 as 의장도시 (위원장).
- 민간위탁 적격자심의위원회 (전태일 노동복합시설): "민간위탁 적격자심의위원회 개최('18.4.) ⇒ 우선협상대상자 :
  전태일재단" (Ⅲ 2-③). Its decision links the facility's 적격자심의위원회 renewal step (entrusted, round 1).
- 시-구 협력사업 총괄 평가위원회: "사업 총괄 평가위원회 개최('18. 4월) - 부진사업 지원 재검토 및 사업계획 수정·보완
  조치" and "우수사업 발표대회 및 총괄평가 위원회 개최 : '18. 12월" (Ⅲ 1-⑤). Its April decisions are the demo's
  district-project decisions ('18.4.20., districts_loader), each linked to its record.
- 청년일자리 민관협력사업 수행기관 선정 심사위원회: "수행기관 선정 심사위원회 개최 : '18. 7월" (Ⅲ 1-④ 향후계획).
- 좋은 일자리도시 국제포럼 조직위원회: "조직위원회 발족 및 운영 : '18.7월~" (Ⅲ 1-⑧): the committee only.

Where the report prints a month only, the meeting is dated the 1st of that month (the report prints no day) and its
title keeps the month as printed. A meeting after '18.6.30. (the report's as-of date) is 예정 (planned); one before it
is 개최 (held). The meeting numbers are the report's where it prints one (제1차), else 1 within the committee.
"""

from __future__ import annotations

ESTABLISHED_TRAINING_BOARD = (2018, 3, 29)

# 사회성과보상사업 지방정부협의회: (member, affiliation) as of '18.6월; the first is the chair (의장도시)
SIB_COUNCIL_SINCE = (2018, 1, 26)
LOCAL_GOVERNMENT = "지방자치단체"
CENTRAL_GOVERNMENT = "중앙행정기관"
SIB_COUNCIL_NAMED = ("서울특별시", "성남시", "수원시", "인천광역시 남구", "서울특별시 노원구")
SIB_COUNCIL_LOCAL_GOVERNMENTS = 18
SIB_COUNCIL_MEMBERS = (
    *((name, LOCAL_GOVERNMENT) for name in SIB_COUNCIL_NAMED),
    *(
        (f"회원 지자체 {n}", LOCAL_GOVERNMENT)
        for n in range(len(SIB_COUNCIL_NAMED) + 1, SIB_COUNCIL_LOCAL_GOVERNMENTS + 1)
    ),
    ("행정안전부", CENTRAL_GOVERNMENT),
)
TRAINING_BOARD_APPOINTED = 14
TRAINING_BOARD_EX_OFFICIO = 6

# code, name, kind, division, programme, legal basis, appointed seats, ex-officio seats, term (months), cadence,
# established on
COMMITTEES = (
    ("JOBS-COMMITTEE", "서울시 일자리위원회", "advisory", "JOBS-POLICY", None, "", None, None, None, "", None),
    (
        "TRAINING-BOARD",
        "기술교육원 통합운영위원회",
        "operation",
        "JOBS-POLICY",
        "P1-07",
        "기술교육원의 통합적인 관리(제2기)",
        TRAINING_BOARD_APPOINTED,
        TRAINING_BOARD_EX_OFFICIO,
        24,
        "",
        ESTABLISHED_TRAINING_BOARD,
    ),
    ("LMG-COUNCIL", "서울시 노사민정협의회", "consultation", "LABOUR-POLICY", "P2-04", "", None, None, None, "", None),
    (
        "SIB-COMMITTEE",
        "사회성과보상사업심의위원회",
        "deliberation",
        "SOCIAL-ECONOMY",
        "P3-04",
        "서울특별시 사회성과보상사업 운영 조례",
        None,
        None,
        None,
        "",
        None,
    ),
    (
        "SIB-LOCAL-COUNCIL",
        "사회성과보상사업 지방정부협의회",
        "consultation",
        "SOCIAL-ECONOMY",
        "P3-04",
        "",
        None,
        None,
        None,
        "",
        None,
    ),
    (
        "JEONTAEIL-ENTRUST",
        "전태일 노동복합시설 민간위탁 적격자심의위원회",
        "selection",
        "LABOUR-POLICY",
        "P2-03",
        "",
        None,
        None,
        None,
        "",
        None,
    ),
    (
        "DISTRICT-EVALUATION",
        "시-구 협력 일자리사업 총괄 평가위원회",
        "selection",
        "JOBS-POLICY",
        "P1-05",
        "",
        None,
        None,
        None,
        "",
        None,
    ),
    (
        "YOUTH-PARTNER-SELECTION",
        "청년일자리 민관협력사업 수행기관 선정 심사위원회",
        "selection",
        "JOBS-POLICY",
        "P1-04",
        "",
        None,
        None,
        None,
        "",
        None,
    ),
    (
        "FORUM-ORGANISING",
        "좋은 일자리도시 국제포럼 조직위원회",
        "operation",
        "JOBS-POLICY",
        "P1-08",
        "",
        None,
        None,
        None,
        "",
        None,
    ),
)

# The meetings the report prints: committee code, number, day (the 1st where only a month is printed), state, title
# as printed, agenda items (title, kind, (result, text) or None).
MEETINGS = (
    (
        "LMG-COUNCIL",
        1,
        (2018, 9, 1),
        "planned",
        "노사민정협의회 실무위원회 협의('18. 9월)",
        (("2018 하반기 제2기 서울시 노사민정 아카데미 세부운영계획", "deliberation", None),),
    ),
    (
        "FIXED-TERM-SCREENING",
        1,
        (2018, 9, 1),
        "planned",
        "제1차 사전심사위원회(9월)",
        (("기간제근로자 채용사유, 인원, 기간, 예산 등의 적정성 심사", "deliberation", None),),
    ),
    (
        "SIB-COMMITTEE",
        1,
        (2018, 7, 1),
        "planned",
        "사회성과보상사업심의위원회 심의·의결(7월)",
        (("사회성과보상사업 2호 사업 추진계획", "resolution", None),),
    ),
    ("SIB-LOCAL-COUNCIL", 1, (2018, 1, 26), "held", "2018년 사회성과보상사업 지방정부협의회 제1차 총회(1.26.)", ()),
    (
        "JEONTAEIL-ENTRUST",
        1,
        (2018, 4, 1),
        "held",
        "민간위탁 적격자심의위원회('18.4.)",
        (
            (
                "전태일 노동복합시설 민간위탁기관 선정",
                "resolution",
                ("approved", "우선협상대상자 : 전태일재단", ("entrusted.renewal_step", "JEONTAEIL", 3)),
            ),
        ),
    ),
    ("DISTRICT-EVALUATION", 1, (2018, 4, 20), "held", "사업 총괄 평가위원회('18. 4월)", ()),
    ("DISTRICT-EVALUATION", 2, (2018, 12, 1), "planned", "우수사업 발표대회 및 총괄평가 위원회('18. 12월)", ()),
    (
        "YOUTH-PARTNER-SELECTION",
        1,
        (2018, 7, 1),
        "planned",
        "수행기관 선정 심사위원회('18. 7월)",
        (("청년일자리 민관협력사업 수행기관 선정", "deliberation", None),),
    ),
)
