"""The message templates: one Django template file per event under messaging/templates/messaging/events/, its first
line the subject and the rest the body, in Korean. Listed on the staff page 알림 종류 (/messages/templates/).

Contract:
- MessageTemplate(code, label, event, required, secrets)   `required`: a notice the law or the programme's rules
  require (a selection result): sent by the first channel the person consented to, 보류 when none; `secrets`:
  the context keys a sensitive message never stores (a one-time code)
- TEMPLATES: {code: MessageTemplate}; template_get(code) -> MessageTemplate (KeyError for an unknown code)
- template_render(template, context) -> (subject, body)
- template_text(template) -> str     the template as the staff page shows it: each value to fill named in Korean
  ({받는 사람}, {모집공고}…), never by its code
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.template.loader import get_template


@dataclass(frozen=True)
class MessageTemplate:
    code: str
    label: str
    event: str
    required: bool = False
    secrets: tuple[str, ...] = ()

    @property
    def path(self) -> str:
        return f"messaging/events/{self.code}.txt"


TEMPLATES = {
    t.code: t
    for t in (
        MessageTemplate("application_submitted", "신청 접수", "모집공고에 신청을 접수했을 때"),
        MessageTemplate(
            "application_ineligible", "자격 미충족", "자격 확인에서 자격을 갖추지 못했을 때", required=True
        ),
        MessageTemplate("selection_selected", "선발 결과: 선발", "선발 결과를 확정했을 때(선발)", required=True),
        MessageTemplate("selection_waitlisted", "선발 결과: 예비", "선발 결과를 확정했을 때(예비 선발)", required=True),
        MessageTemplate(
            "selection_not_selected", "선발 결과: 미선발", "선발 결과를 확정했을 때(미선발)", required=True
        ),
        MessageTemplate("waitlist_promoted", "예비 선발 승격", "예비 순번에서 선발로 올라갔을 때", required=True),
        MessageTemplate("booking_confirmed", "공간 예약 확정", "공간 예약이 확정되었을 때"),
        MessageTemplate("booking_cancelled", "공간 예약 취소", "공간 예약을 취소했을 때"),
        MessageTemplate("booking_reminder", "공간 예약 하루 전 안내", "예약한 날 하루 전(매일 정해진 시각)"),
        MessageTemplate("programme_registered", "프로그램 신청 완료", "프로그램 회차에 신청했을 때"),
        MessageTemplate("fund_repayment_due", "기금 상환 예정 안내", "상환 예정 통지서를 발급했을 때", required=True),
        MessageTemplate("fund_repayment_overdue", "기금 연체 안내", "연체 통지서를 발급했을 때", required=True),
        MessageTemplate("approval_next", "결재 차례 안내", "결재선에서 내 차례가 되었을 때"),
        MessageTemplate("one_time_code", "인증번호", "인증번호를 보낼 때(내용은 남기지 않음)", secrets=("code",)),
    )
}


def template_get(code: str) -> MessageTemplate:
    return TEMPLATES[code]


def template_render(template: MessageTemplate, context: dict, *, compiled=None) -> tuple[str, str]:
    """`compiled`: the template already loaded (`get_template(template.path)`), for a batch."""
    text = (compiled or get_template(template.path)).render(context).strip()
    subject, _, body = text.partition("\n")
    return subject.strip()[:200], body.strip()


PLACEHOLDERS = {
    "name": "받는 사람",
    "call": "모집공고",
    "at": "접수 일시",
    "number": "번호",
    "reasons": "사유",
    "rank": "예비 순번",
    "room": "공간",
    "day": "날짜",
    "hours": "시간",
    "programme": "프로그램",
    "session": "회차",
    "organisation": "기관",
    "loan": "융자번호",
    "amount": "금액",
    "due": "납기",
    "title": "결재 제목",
    "url": "결재 문서 주소",
    "code": "인증번호",
    "minutes": "유효 시간(분)",
}
_VALUE = re.compile(r"{{\s*(\w+)\s*}}")
_TAG = re.compile(r"{%.*?%}")


def template_text(template: MessageTemplate) -> str:
    source = get_template(template.path).template.source
    text = _TAG.sub("", source).strip()
    return _VALUE.sub(lambda m: "{" + PLACEHOLDERS.get(m.group(1), "값") + "}", text)
