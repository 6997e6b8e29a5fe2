"""The demo's 공지사항 and 자주 묻는 질문: a few notices about the office's programmes (the open calls, the rooms, the
strong-SME platform, and one whose posting period has ended) and the FAQ a citizen or a company asks first. Idempotent:
a notice or a question already there (by its title) is left as it is."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone

from iljari.board import services as board
from iljari.board.models import FaqEntry, Notice

# (title, category, pinned, days ago posted, days it stays up or None, body)
NOTICES = [
    (
        "뉴딜일자리 참여자 모집 안내",
        "call",
        True,
        7,
        None,
        "서울시 뉴딜일자리 참여자를 모집합니다.\n\n"
        "만 18세 이상 39세 이하 서울 거주 청년이 대상이며, 생활임금(시급 9,220원)을 받고 최대 23개월 일합니다. "
        "모집공고에서 선발 구분(서울시 추진사업, 자치구 사업, 민간공모 사업)별 인원과 제출 서류를 확인한 뒤 "
        "온라인으로 신청하십시오.\n\n문의: 일자리정책과 뉴딜일자리팀 02-2133-5000",
    ),
    (
        "기술교육원 단기과정 훈련생 모집",
        "call",
        False,
        6,
        None,
        "동부·중부·북부·남부 기술교육원에서 단기과정 훈련생을 모집합니다. 교육비는 무료이며, 과정별 정원과 "
        "교육 기간은 모집공고에서 확인하십시오.\n\n문의: 각 기술교육원 교학과",
    ),
    (
        "서울형 강소기업 공모 안내",
        "call",
        False,
        5,
        None,
        "청년이 일하기 좋은 서울형 강소기업을 공모합니다. 선정 기업에는 근무환경 개선금과 청년 인턴 채용 "
        "지원 등이 주어지며, 선정 기업의 근무 조건과 탐방기사는 강소기업 통합정보 플랫폼에서 볼 수 있습니다."
        "\n\n신청은 기업·단체 담당자 계정으로 로그인하여 기업 공모에서 합니다.",
    ),
    (
        "청년일자리센터 스터디룸·상담실 예약 안내",
        "general",
        False,
        4,
        None,
        "청년일자리센터의 스터디룸과 면접 연습실은 1시간 단위로 예약합니다. 공간 예약 화면에서 주간 예약 "
        "현황을 보고, 로그인한 뒤 빈 시간을 예약하십시오. 휴관일과 공휴일에는 예약할 수 없습니다.",
    ),
    (
        "노동권리 상담(시민명예노동옴부즈만) 운영 안내",
        "general",
        False,
        3,
        None,
        "임금 체불, 부당 해고 등 노동 권리 침해를 겪은 시민은 시민명예노동옴부즈만에게 무료로 상담받을 수 "
        "있습니다. 상담은 평일 09:00~18:00에 받습니다.",
    ),
    (
        "시스템 점검 안내",
        "system",
        False,
        20,
        10,
        "시스템 점검으로 점검 시간 동안 신청과 예약이 잠시 멈춥니다. 이용에 불편을 드려 죄송합니다.",
    ),
]

FAQ = [
    (
        "calls",
        1,
        "모집공고는 로그인하지 않아도 볼 수 있나요?",
        "네. 모집공고 목록과 각 공고의 신청 자격, 제출 서류, 일정은 누구나 볼 수 있습니다. 신청하기를 누르면 "
        "로그인 화면으로 가고, 로그인하면 그 공고의 신청서로 돌아옵니다.",
    ),
    (
        "calls",
        2,
        "접수 마감이 '24:00까지'인 것은 무슨 뜻인가요?",
        "그날 자정까지 접수한다는 뜻입니다. 예를 들어 '1월 29일(금) 24:00까지'이면 1월 29일 밤 12시 전에 "
        "신청을 마쳐야 합니다.",
    ),
    (
        "calls",
        3,
        "여러 사업에 함께 신청할 수 있나요?",
        "신청은 할 수 있지만, 같은 기간에 두 직접일자리 사업에 참여할 수는 없습니다. 선발되면 한 사업을 고르고 "
        "나머지는 선발 포기하십시오.",
    ),
    (
        "account",
        1,
        "회원가입은 어떻게 하나요?",
        "로그인 화면의 시민 회원가입에서 본인 확인 코드를 받은 뒤 인적사항을 적고 계정을 만듭니다.",
    ),
    (
        "rooms",
        1,
        "공간 예약은 몇 시간까지 할 수 있나요?",
        "1시간 단위로, 한 사람이 하루 3시간까지 예약할 수 있습니다. 휴관일과 공휴일에는 예약할 수 없습니다.",
    ),
    (
        "enterprises",
        1,
        "서울형 강소기업 정보는 어디서 보나요?",
        "강소기업 통합정보 플랫폼에서 선정 기업의 근무 조건, 탐방기사, 후기를 로그인 없이 볼 수 있습니다.",
    ),
]


def load_board() -> None:
    now = timezone.now()
    today = timezone.make_aware(datetime.combine(timezone.localdate(), datetime.min.time()))
    existing = set(Notice.objects.values_list("title", flat=True))
    for title, category, pinned, ago, stays, body in NOTICES:
        if title in existing:
            continue
        posted = today - timedelta(days=ago) + timedelta(hours=9)
        board.notice_save(
            actor=None,
            title=title,
            body=body,
            category=category,
            pinned=pinned,
            posted_from=min(posted, now),
            posted_until=posted + timedelta(days=stays) if stays else None,
        )
    asked = set(FaqEntry.objects.values_list("question", flat=True))
    for category, order, question, answer in FAQ:
        if question not in asked:
            board.faq_save(actor=None, category=category, question=question, answer=answer, order=order)
