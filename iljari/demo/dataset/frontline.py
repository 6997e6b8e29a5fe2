"""Frontline services as the 2018 report prints them (Ⅰ-2 청년일자리센터, Ⅱ-1 비정규직의 정규직화, Ⅱ-2 노동시간 단축,
Ⅱ-4 노사민정 아카데미, Ⅱ-5 休 서울노동자 쉼터, Ⅱ-6 노동권익 보호체계, Ⅰ-8 좋은 일자리도시 국제포럼).

Only what the report prints is here; the loader makes the records (synthetic, see its docstring) whose counts give
back these figures as of '18.6.30.
"""

from datetime import date

AS_OF = date(2018, 6, 30)

# 청년일자리센터: 취업상담창구, 스터디룸 13, 멘토링실 5, 세미나실 1, 다목적홀; 평일 09~21시, 토요일 10~18시.
YOUTH_CENTRE = {
    "rooms": {"study": 13, "mentoring": 5, "seminar": 1, "hall": 1},
    "weekday": (9, 21),
    "saturday": (10, 18),
    "counselled": 13_869,  # 대면·온라인 상담
    "employed": 1_785,
    "programme_sessions": 205,  # 이력서·자소서 클리닉, 모의면접, 취업특강, 멘토링
    "programme_attendees": 2_000,
    "room_users": 22_253,
    "study_room_users": 14_310,
    "other_room_users": 7_943,  # 다목적홀 등 대관이용
}
# 「직무·기업분석 전문 상담창구」신설·운영 ('18, 6월) : 36명 참여 — one of the centre's counselling desks, held as
# the consultation topic 직무·기업분석: 36 of the 13,869 consultations (36 people), in June (the month opened; the
# days are the demo's, drawn among the June consultations). The topic is not used before the desk opened.
ANALYSIS_DESK = {"opened": date(2018, 6, 1), "people": 36}

# 노동권익: 시민명예노동옴부즈만 ('18.1~6월 실적), 마을노무사 (25명 → 50명, '18.2월),
# 노동권리보호관 (35명 → 50명, '18.4월).
OMBUDSMAN_CONSULTATIONS = 1_694
OMBUDSMAN_CONSULTINGS = 120
VILLAGE_LABOUR_ATTORNEYS = 50
LABOUR_RIGHTS_ADVOCATES = 50
OMBUDSMAN_INDICATOR = "IND-06"  # 시민명예노동옴부즈만 상담건수

# 노사민정 아카데미 제1기 ('18.5.10~31., 12시간): 84명 수료.
ACADEMY_COMPLETED = 84
ACADEMY_DAYS = [date(2018, 5, 10), date(2018, 5, 17), date(2018, 5, 24), date(2018, 5, 31)]

# 공무원 노동교육: "4급 이상 관리자 노동아카데미 운영 및 5급 이하 직원 대상 노동실무 교육 시행 (3회)".
# Only the 3 sessions are printed: no dates, capacities or attendance (the days below are the demo's own).
OFFICIALS_ACADEMY = {
    "title": "공무원 노동아카데미(4급 이상 관리자 · 5급 이하 노동실무)",
    "sessions": [
        (date(2018, 3, 22), "1회 4급 이상 관리자 노동아카데미"),
        (date(2018, 4, 26), "2회 5급 이하 직원 노동실무 교육"),
        (date(2018, 5, 24), "3회 5급 이하 직원 노동실무 교육"),
    ],
}

# 2018 좋은 일자리도시 국제포럼: '18.12.11.~12., 서울시청 다목적홀, 1,000명.
FORUM = {"days": (date(2018, 12, 11), date(2018, 12, 12)), "participants": 1_000}
FORUM_SESSIONS = [
    (date(2018, 12, 11), 10, "개막식"),
    (date(2018, 12, 11), 13, "세션 1 『더 좋은 일자리를 위한 실천들』"),
    (date(2018, 12, 11), 15, "세션 2 『노동의 미래와 유니온 시티』"),
    (date(2018, 12, 12), 10, "세션 3 『좋은 일자리를 위한 도시의 역할』"),
    (date(2018, 12, 12), 15, "폐막식"),
]

# 休 서울노동자 쉼터: code, name, size ㎡, staff, target workers, hours, opened, 2018 daily average (None: '-').
SHELTERS = [
    ("SEOCHO", "서초쉼터", 151, 3, "대리기사", ("18:00", "06:00"), date(2016, 3, 1), 70, "'16.3월 개소"),
    (
        "BUKCHANG",
        "북창쉼터",
        300,
        3,
        "퀵서비스노동자",
        ("08:30", "20:00"),
        date(2017, 6, 1),
        57,
        "'17.6월 개소 ※ 장소 이전('18.4월)",
    ),
    ("HAPJEONG", "합정쉼터", 165, 5, "이동노동자", ("08:30", "06:00"), date(2017, 11, 1), 48, "'17.11월 개소"),
    ("SANGAM", "상암쉼터", 250, 3, "미디어 노동자", ("09:30", "18:00"), date(2018, 5, 1), None, "'18. 5월 개소"),
]
SHELTER_DAILY_USERS = {2017: 127, 2018: 175}  # 일평균 이용자수 약 38% 증가

# 비정규직의 정규직화.
CONVERSIONS = [
    # kind, institution (org.Partner code or None), label, group, planned, done, done on
    ("indefinite", "SEOUL-METRO", "", "무기계약직", 1_285, 1_285, date(2018, 3, 1)),
    ("indefinite", None, "서울시설공단·서울주택도시공사 등", "잔여 무기계약직", 1_067, 0, None),
    # '18.2월 (the day is not printed: the last day of the month is recorded)
    ("fixed_term", None, "서울시 본청", "기간제 근로자", 107, 107, date(2018, 2, 28)),
    ("fixed_term", None, "투자기관", "기간제 근로자", 39, 39, date(2018, 2, 28)),
]
# Agreed, not yet done: "※ 6.29일 서울주택도시공사, 비정규직 임대주택관리원 384명을 정규직 전환하기로 노사합의".
# The report prints "비정규직" only (neither 무기계약직 nor 기간제 nor 용역): held as kind non_regular, so that it
# counts in none of the printed figures of a kind (the 1,067 잔여 무기계약직, the 146 기간제).
# kind, institution, label, group, planned, agreed on
AGREED_CONVERSIONS = [("non_regular", "SH", "", "임대주택관리원", 384, date(2018, 6, 29))]

# 서울형 노동시간 단축: 서울신용보증재단 2,275시간('15년) → 2,124시간('17년).
WORKING_HOURS = [("SEOUL-CREDIT", 2015, 2_275), ("SEOUL-CREDIT", 2017, 2_124)]
# 노동시간 단축 시범기관 이행실태 조사 ('18.1 ~ 2월; the end of the survey is recorded as the check's date).
HOURS_CHECKS = [
    ("SEOUL-CREDIT", date(2018, 2, 28), "PC-OFF제·근로시간 저축계좌제로 2년간 총 151시간 단축(2,275 → 2,124시간)"),
    ("SEOUL-MEDICAL", date(2018, 2, 28), "휴일근로 제로화 달성"),
]
