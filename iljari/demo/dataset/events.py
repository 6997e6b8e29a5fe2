"""The 2018 report's events and campaigns, transcribed (docs/events.md; loaded by iljari/demo/events_loader.py).

From the report:
- Ⅲ 1-② (P1-02) "특성화고 직업 멘토스쿨 운영 : 3회 450명" — among the 추진현황 of the first half ('18.6.30.). The
  report gives no dates, places or split of the 450: the demo holds the three sessions on days of its own, one in
  each of April, May and June (before 6.30.), with 150 attending students each (450 ÷ 3, deterministic; the
  students are named 학생-001 …, not people of the register).
- Ⅲ 1-① (P1-01) "일자리 미스매칭 해소 위한 청년 참여 기업탐방 프로그램 시범운영('18.6월)" and "청년 참여 기업탐방 및
  「통합정보 플랫폼」구축·운영 : '18.7월~ — 우수기업 탐방기사(인터뷰) 「강소기업 통합정보 플랫폼」 게재". No count,
  no company: the pilot (June) and the tours from July are events without visits.
- Ⅲ 1-④ (P1-04) "'18년 청년 일자리 아이디어 발굴 및 일자리해커톤 개최 : '18.11월"; the 2017 contest's 43 우수제안
  are the note of the event (the 2017 entries themselves are not in the demo).
- Ⅲ 1-⑧ (P1-08) 2018년 좋은 일자리도시 국제포럼: '18.12.11.~12., 서울시청 다목적홀, 1,000명 (ILO, OECD, EU, 해외 도시
  시장, 노동전문가 및 노동조합, 시민); 기획자문단 ('18.5월~), 조직위원회 ('18.7월~); 해외도시정부 초청 '18.7월~;
  국제포럼백서 '18.12월 (not yet issued: no document in the demo). Its five sessions are frontline's programme
  FORUM-2018 (iljari/demo/dataset/frontline.py), linked, not copied. A month without a day is held as its 1st.
- Ⅲ 3-① (P3-01) 사회적경제 주간: 7.5.(목) ~ 7.7.(토), 서울시청 및 덕수궁돌담길, 서울시와 민간 4대부문 공동개최,
  "15,000여명 시민참여". Only the total is printed: the demo tallies it as 5,000 a day over the three days at the
  one place the report names (an estimate: "여명"), which adds up to 15,000.
- Ⅲ 3-④ (P3-04) "신규사업 발굴을 위한 모의크라우드 펀딩대회 개최('17.12월 ~ '18.4월) — 14개 제안사업 중 8개
  선정(1.27.), 모의크라우드 펀딩대회 진행(2.20.~3.9.) — 1.973명 참여. 총 211억원 모의금액 모집. 8개 제안사업 중
  5개 사업 시상(4.2.)". The event runs from '17.12.1. (a month without a day: its 1st) to '18.4.30. (the last day
  of '18.4월: the awards of 4.2. fall inside it), counted by tallies. The report names no proposal, proposer or
  proposal day, nor how the 211억원 split: the demo holds 14 entries "제안사업 1" … "제안사업 14", all proposed on
  the event's first day; 1–8 selected on '18.1.27. and 1–5 awarded on '18.4.2. (which five is the demo's); the
  211억원 split equally over the eight that went to the crowdfunding round (2,637,500,000원 each, which adds up to
  exactly 211억원); the 1,973 participants as one tally on the round's last day ('18.3.9.).
- Ⅲ 3-⑥ (P3-06) 「세계 공정무역의 날」 한국 페스티벌 '18.5.12~5.13; 공정무역도시 서울 인증달성 기념행사 '18.7.7.
  No count is printed for either.
"""

from datetime import date

AS_OF = date(2018, 6, 30)

# code, kind, title, programme, division, organisers, starts, ends, place, capacity, state, counting, note
EVENTS = [
    (
        "MENTOR-SCHOOL-2018",
        "mentor_school",
        "특성화고 직업 멘토스쿨",
        "P1-02",
        "JOBS-POLICY",
        "",
        date(2018, 4, 18),
        date(2018, 6, 20),
        "",
        450,
        "done",
        "registrations",
        "3회 450명 (Ⅲ 1-② 추진현황). 회차의 날짜는 보고서에 없어 데모가 4·5·6월에 하나씩 둠.",
    ),
    (
        "COMPANY-TOUR-2018-PILOT",
        "company_tour",
        "청년 참여 기업탐방 프로그램 시범운영",
        "P1-01",
        "JOBS-POLICY",
        "",
        date(2018, 6, 1),
        date(2018, 6, 30),
        "",
        None,
        "done",
        "none",
        "일자리 미스매칭 해소 위한 청년 참여 기업탐방 프로그램 시범운영('18.6월)",
    ),
    (
        "COMPANY-TOUR-2018",
        "company_tour",
        "청년 참여 기업탐방",
        "P1-01",
        "JOBS-POLICY",
        "",
        date(2018, 7, 1),
        date(2018, 12, 31),
        "",
        None,
        "planned",
        "none",
        "우수기업 탐방기사(인터뷰) 「강소기업 통합정보 플랫폼」 게재 ('18.7월~)",
    ),
    (
        "JOB-HACKATHON-2018",
        "contest",
        "2018 청년 일자리 아이디어 발굴 및 일자리해커톤",
        "P1-04",
        "JOBS-POLICY",
        "",
        date(2018, 11, 1),
        date(2018, 11, 30),
        "",
        None,
        "planned",
        "none",
        "'18.11월 개최. '17년 청년일자리 아이디어 공모결과 우수제안(43개)은 '18년 지정공모로 사업화.",
    ),
    (
        "FORUM-2018",
        "forum",
        "2018년 좋은 일자리도시 국제포럼",
        "P1-08",
        "JOBS-POLICY",
        "서울특별시",
        date(2018, 12, 11),
        date(2018, 12, 12),
        "서울시청 다목적홀",
        1_000,
        "planned",
        "registrations",
        "International Forum on Transforming Cities for Decent Work. 주제: 일의 불평등과 유니온시티(Union City). "
        "참석: 국제노동기구(ILO), 경제협력개발기구(OECD), 유럽연합(EU), 해외 도시 시장, "
        "노동전문가 및 노동조합, 시민 등 1,000명. 감사서한 및 국제포럼백서(결과보고서) 발간 '18.12월.",
    ),
    (
        "SE-WEEK-2018",
        "week",
        "2018 사회적경제 주간",
        "P3-01",
        "SOCIAL-ECONOMY",
        "서울시, 민간 4대부문(사회적기업, 협동조합, 마을기업, 자활기업) 공동개최",
        date(2018, 7, 5),
        date(2018, 7, 7),
        "서울시청 및 덕수궁돌담길",
        None,
        "done",
        "tally",
        "'일상에서 만나는 사회적경제' 주제, 사회적경제 유공자표창 등 사회적경제 주간 기념식",
    ),
    (
        "SIB-CROWD-2018",
        "contest",
        "신규사업 발굴을 위한 모의크라우드 펀딩대회",
        "P3-04",
        "SOCIAL-ECONOMY",
        "",
        date(2017, 12, 1),
        date(2018, 4, 30),
        "",
        None,
        "done",
        "tally",
        "'17.12월 ~ '18.4월. 제안사업 선정(1.27.), 모의크라우드 펀딩대회 진행(2.20.~3.9.), 시상(4.2.).",
    ),
    (
        "FAIR-TRADE-DAY-2018",
        "festival",
        "「세계 공정무역의 날」 한국 페스티벌",
        "P3-06",
        "SOCIAL-ECONOMY",
        "",
        date(2018, 5, 12),
        date(2018, 5, 13),
        "",
        None,
        "done",
        "none",
        "개막행사, 공정무역 장터, 전시체험 및 캠페인 통해 공정무역 인식확대 추진",
    ),
    (
        "FAIR-TRADE-CITY-2018",
        "festival",
        "공정무역도시 서울 인증달성 기념행사",
        "P3-06",
        "SOCIAL-ECONOMY",
        "",
        date(2018, 7, 7),
        date(2018, 7, 7),
        "",
        None,
        "done",
        "none",
        "인증서 전달식, 공정무역 포럼 및 공정무역도시 서울의 활동 사례 공유 등",
    ),
]

# The 멘토스쿨's sessions: title, day (the demo's own), attending students (450 in all).
MENTOR_SESSIONS = [
    ("1회", date(2018, 4, 18), 150),
    ("2회", date(2018, 5, 16), 150),
    ("3회", date(2018, 6, 20), 150),
]
MENTOR_STUDENTS = 450

# The forum's committees: name, formed (the month the report prints, as its 1st), note.
FORUM_COMMITTEES = [
    ("좋은 일자리도시 국제포럼 기획자문단", date(2018, 5, 1), "'18.5월~ 구성 및 운영"),
    ("좋은 일자리도시 국제포럼 조직위원회", date(2018, 7, 1), "'18.7월~ 발족 및 운영"),
]

# The organisations the report names among the forum's participants: name, kind, affiliation.
FORUM_GUESTS = [
    ("국제노동기구(ILO)", "international", "International Labour Organization"),
    ("경제협력개발기구(OECD)", "international", "Organisation for Economic Co-operation and Development"),
    ("유럽연합(EU)", "international", "European Union"),
]

# The 사회적경제 주간's tallies: only the total (15,000여명) is printed; 5,000 a day over its three days.
WEEK_PARTICIPANTS = 15_000
WEEK_TALLIES = [
    (date(2018, 7, 5), "서울시청 및 덕수궁돌담길", 5_000),
    (date(2018, 7, 6), "서울시청 및 덕수궁돌담길", 5_000),
    (date(2018, 7, 7), "서울시청 및 덕수궁돌담길", 5_000),
]

# The SIB's 모의크라우드 펀딩대회 (SIB-CROWD-2018): 14 proposals, 8 selected (1.27.), 5 awarded (4.2.), 1,973
# participants and 211억원 pledged in the round (2.20.~3.9.). Names, the proposal day and the split are the demo's.
SIB_PROPOSALS = 14
SIB_SELECTED = 8
SIB_AWARDED = 5
SIB_PROPOSED_ON = date(2017, 12, 1)
SIB_SELECTED_ON = date(2018, 1, 27)
SIB_AWARDED_ON = date(2018, 4, 2)
SIB_PLEDGED = 21_100_000_000  # 211억원
SIB_PARTICIPANTS = 1_973
SIB_TALLY = (date(2018, 3, 9), "모의크라우드 펀딩대회(2.20.~3.9.)", SIB_PARTICIPANTS)
