"""Korean particles that follow the word before them (은/는, 을/를, 로/으로), so a message never shows "은(는)".

Contract:
- topic_particle(text) -> "은" | "는"           (은(는) where the text does not end in Hangul)
- object_particle(text) -> "을" | "를"          (을(를) likewise)
- direction_particle(text) -> "으로" | "로"     (ㄹ takes 로)

Depends on nothing, so `core.figures` (below `core.formats`) can use it.
"""

from __future__ import annotations

__all__ = ["direction_particle", "object_particle", "topic_particle"]


def _final_consonant(text: str) -> int | None:
    """The final consonant index of the text's last Hangul syllable (0: none), None when it does not end in one."""
    if text and "가" <= text[-1] <= "힣":
        return (ord(text[-1]) - ord("가")) % 28
    return None


def topic_particle(text: str) -> str:
    """은 or 는 after the text: 금액은, 연도는, 인원·건수는 (은(는) where it does not end in Hangul)."""
    final = _final_consonant(text)
    return "은(는)" if final is None else ("은" if final else "는")


def object_particle(text: str) -> str:
    """을 or 를 after the text: 203,895개를, 10,774명을 (을(를) where it does not end in Hangul)."""
    final = _final_consonant(text)
    return "을(를)" if final is None else ("을" if final else "를")


def direction_particle(text: str) -> str:
    """로 or 으로 after the text: 51.0%로, 203천개로, 1,300억원으로 (ㄹ takes 로)."""
    final = _final_consonant(text)
    if final is None:
        return "로"
    return "으로" if final and final != 8 else "로"
