"""Korean particles that follow the word before them (은/는, 을/를, 로/으로), so a message never shows "은(는)".

Contract:
- topic_particle(text) -> "은" | "는"           (은(는) where the text does not end in Hangul)
- subject_particle(text) -> "이" | "가"         (이(가) likewise)
- object_particle(text) -> "을" | "를"          (을(를) likewise)
- direction_particle(text) -> "으로" | "로"     (ㄹ takes 로; (으)로 likewise)
- with_topic / with_subject / with_object / with_direction(text) -> str   the text followed by its particle

Depends on nothing, so `core.figures` (below `core.formats`) can use it.
"""

from __future__ import annotations

__all__ = [
    "direction_particle",
    "object_particle",
    "subject_particle",
    "topic_particle",
    "with_direction",
    "with_object",
    "with_subject",
    "with_topic",
]


# the final consonant of each digit as it is read (영 일 이 삼 사 오 육 칠 팔 구): ㅇ 21, ㄹ 8, ㅁ 16, ㄱ 1, none 0
_DIGIT_FINALS = {"0": 21, "1": 8, "2": 0, "3": 16, "4": 0, "5": 0, "6": 1, "7": 8, "8": 8, "9": 0, "%": 0}  # % 퍼센트
_CLOSING = "'\")]」』 "


def _final_consonant(text: str) -> int | None:
    """The final consonant index (0: none) of the text's last syllable as it is read — a Hangul syllable, a digit or
    %, past closing quotes and brackets — None when the text ends in none of them (a Latin letter, a symbol)."""
    text = text.rstrip(_CLOSING)
    if not text:
        return None
    last = text[-1]
    if "가" <= last <= "힣":
        return (ord(last) - ord("가")) % 28
    return _DIGIT_FINALS.get(last)


def topic_particle(text: str) -> str:
    """은 or 는 after the text: 금액은, 연도는, 인원·건수는 (은(는) where it does not end in Hangul)."""
    final = _final_consonant(text)
    return "은(는)" if final is None else ("은" if final else "는")


def subject_particle(text: str) -> str:
    """이 or 가 after the text: 파일이, 기록 #12가 (이(가) where it does not end in Hangul or a digit)."""
    final = _final_consonant(text)
    return "이(가)" if final is None else ("이" if final else "가")


def object_particle(text: str) -> str:
    """을 or 를 after the text: 203,895개를, 10,774명을 (을(를) where it does not end in Hangul)."""
    final = _final_consonant(text)
    return "을(를)" if final is None else ("을" if final else "를")


def direction_particle(text: str) -> str:
    """로 or 으로 after the text: 51.0%로, 203천개로, 1,300억원으로 (ㄹ takes 로)."""
    final = _final_consonant(text)
    if final is None:
        return "(으)로"
    return "으로" if final and final != 8 else "로"


def with_topic(text) -> str:
    """The text with its 은/는: `f"{with_topic(label)} 숫자여야 합니다."`."""
    return f"{text}{topic_particle(str(text))}"


def with_subject(text) -> str:
    """The text with its 이/가."""
    return f"{text}{subject_particle(str(text))}"


def with_object(text) -> str:
    """The text with its 을/를."""
    return f"{text}{object_particle(str(text))}"


def with_direction(text) -> str:
    """The text with its 로/으로."""
    return f"{text}{direction_particle(str(text))}"
