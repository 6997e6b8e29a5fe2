"""The acts that need an approval line (결재), registered by the apps that own them in their AppConfig.ready.

Contract:
- Act(code, label, get, key, describe, url, gate, run, effect, done, *, amount=None, check=None, scope=None,
      default_position=Position.HEAD)
    code      stable string "intake.call_publish"
    label     what the act is, in Korean: "모집공고 게시"
    get(key) -> target                the record (or a small object naming it) from the request's target_key;
                                      NotFound when it is gone
    key(target) -> str                the target's key (≤ 120 characters)
    describe(target) -> str           the title of the request: "2018 서울형 뉴딜일자리 3차 모집 게시"
    url(target) -> str                the target's own page
    gate(user, target) -> bool        may this user draft, review or approve the act on this target (its scope)
    run(target, *, approved_by, request)   the act itself, called once, on the final approval, inside the approval's
                                      transaction: if it raises, nothing of the approval is written
    effect    what happens on the final approval, said after a draft: "공고가 게시됩니다"
    done      what happened, said after a final approval: "공고를 게시했습니다"
    amount(target) -> int | None      the amount in 원 the 전결 rules read (None: the act has none)
    check(target) -> None             refuses (ValidationFailed) a target that cannot be drafted now
    scope(target) -> (division path, district id | None)   whose request it is (approvals' read scope)
    summary(target) -> str            the target's summary on the request page
    default_position                  the final approver's position where no 전결 rule matches
- register(act); act_get(code) -> Act (NotFound); act_list() -> list[Act] (by label)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from iljari.core.errors import NotFound
from iljari.core.roles import Position


@dataclass(frozen=True)
class Act:
    code: str
    label: str
    get: Callable[[str], object]
    key: Callable[[object], str]
    describe: Callable[[object], str]
    url: Callable[[object], str]
    gate: Callable[[object, object], bool]
    run: Callable[..., object]
    effect: str
    done: str
    amount: Callable[[object], int | None] | None = None
    check: Callable[[object], None] | None = None
    scope: Callable[[object], tuple[str, int | None]] | None = None
    summary: Callable[[object], str] | None = None
    default_position: str = Position.HEAD

    def amount_of(self, target) -> int | None:
        return self.amount(target) if self.amount is not None else None

    def scope_of(self, target) -> tuple[str, int | None]:
        return self.scope(target) if self.scope is not None else ("", None)

    def summary_of(self, target) -> str:
        return self.summary(target) if self.summary is not None else ""


_ACTS: dict[str, Act] = {}


def register(act: Act) -> None:
    """Register (or replace) an act; called from an AppConfig.ready."""
    _ACTS[act.code] = act


def act_get(code: str) -> Act:
    act = _ACTS.get(code)
    if act is None:
        raise NotFound("알 수 없는 결재 종류입니다.")
    return act


def act_list() -> list[Act]:
    return sorted(_ACTS.values(), key=lambda act: act.label)


def act_label(code: str) -> str:
    act = _ACTS.get(code)
    return act.label if act is not None else code
