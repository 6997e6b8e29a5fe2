"""Expressions over the named series, for the validation rules of kind "formula" (식).

A side of a formula rule is an arithmetic expression:
- terms: `<series>[<subject>]` (one subject of a series: `budget.spent[JOBS-POLICY]`, `jobs.target.group[youth]`,
  `budget.current_budget[]` the total), `<series>` alone (the sum of its subjects, or its total where it has only
  the total), `figure:<key>` (a figure printed in a programme's text), `reported:<series>[<subject>]`;
- numbers (`100`, `0.5`), the operators + − × ÷ (also written - * /), unary minus, parentheses.
A name runs on over letters, digits and `_ . : -`, so a minus after a name is written with a space before it
(`figure:a - figure:b`).

The text is read by a small tokenizer and a recursive-descent parser into a tree (never `eval`): nothing but the
grammar above can run. `expression_parse` raises ExpressionError (a Korean message) for what it cannot read;
`expression_refs` lists the names a tree uses, for the checks (unknown series, a divisor that can be zero) in
services/validation.py; `expression_value` evaluates a tree with the values a resolver gives (None: a value is
missing, or a divisor is zero).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

MAX_LENGTH = 300  # ValidationRule.left_series / right_series
MAX_DEPTH = 30  # nested parentheses and unary minus: deeper is refused, never a RecursionError

FIGURE = "figure:"
REPORTED = "reported:"
OPERATORS = {"+": "+", "-": "-", "−": "-", "*": "*", "×": "*", "/": "/", "÷": "/"}
SIGNS = {"+": "+", "-": "−", "*": "×", "/": "÷"}


class ExpressionError(ValueError):
    """An expression that cannot be read; the message is Korean and says where."""


@dataclass(frozen=True)
class Number:
    value: Decimal


@dataclass(frozen=True)
class Ref:
    code: str  # figure:<key>, or a series code (reported:<series> included)
    subject: str | None = None  # None: a figure, or a whole series (summed)

    @property
    def is_figure(self) -> bool:
        return self.code.startswith(FIGURE)

    @property
    def text(self) -> str:
        return self.code if self.subject is None else f"{self.code}[{self.subject}]"


@dataclass(frozen=True)
class Negative:
    operand: Node


@dataclass(frozen=True)
class Binary:
    operator: str  # + - * /
    left: Node
    right: Node


Node = Number | Ref | Negative | Binary

_TOKEN = re.compile(
    r"\s*(?:"
    r"(?P<number>\d+(?:\.\d+)?)(?![\w.:])"
    r"|(?P<name>[A-Za-z][A-Za-z0-9_.:\-]*)(?:\[(?P<subject>[^\[\]]*)\])?"
    r"|(?P<operator>[-+*/−×÷])"
    r"|(?P<paren>[()])"
    r")"
)


@dataclass(frozen=True)
class _Token:
    kind: str  # number, name, operator, paren, end
    text: str
    position: int  # 1-based character position, for the message
    subject: str | None = None


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    position = 0
    while position < len(text):
        if text[position:].strip() == "":
            break
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            start = position + len(text[position:]) - len(text[position:].lstrip())
            raise ExpressionError(f"식의 {start + 1}번째 글자에 쓸 수 없는 문자가 있습니다: {text[start]}")
        kind = match.lastgroup if match.lastgroup != "subject" else "name"
        start = match.start(kind)
        tokens.append(_Token(kind, match.group(kind), start + 1, match.group("subject")))
        position = match.end()
    tokens.append(_Token("end", "", len(text) + 1))
    return tokens


class _Parser:
    """expression := term (('+' | '-') term)*; term := factor (('*' | '/') factor)*;
    factor := '-' factor | number | name | '(' expression ')'."""

    def __init__(self, text: str):
        self.tokens = _tokens(text)
        self.index = 0

    @property
    def token(self) -> _Token:
        return self.tokens[self.index]

    def advance(self) -> _Token:
        token = self.token
        self.index += 1
        return token

    def expression(self, depth: int) -> Node:
        node = self.term(depth)
        while self.token.kind == "operator" and OPERATORS[self.token.text] in "+-":
            operator = OPERATORS[self.advance().text]
            node = Binary(operator, node, self.term(depth))
        return node

    def term(self, depth: int) -> Node:
        node = self.factor(depth)
        while self.token.kind == "operator" and OPERATORS[self.token.text] in "*/":
            operator = OPERATORS[self.advance().text]
            node = Binary(operator, node, self.factor(depth))
        return node

    def factor(self, depth: int) -> Node:
        if depth > MAX_DEPTH:
            raise ExpressionError(f"괄호나 부호가 너무 깊게 겹쳐 있습니다({MAX_DEPTH}단계까지).")
        token = self.token
        if token.kind == "operator" and OPERATORS[token.text] == "-":
            self.advance()
            return Negative(self.factor(depth + 1))
        if token.kind == "number":
            self.advance()
            return Number(Decimal(token.text))  # the pattern admits digits and one point only
        if token.kind == "name":
            self.advance()
            if token.text.startswith(FIGURE):
                if token.subject is not None:
                    raise ExpressionError(f"본문 수치 {token.text} 뒤에는 [대상]을 붙이지 않습니다.")
                if len(token.text) == len(FIGURE):
                    raise ExpressionError("figure: 뒤에 수치의 키를 적어야 합니다.")
            return Ref(token.text, token.subject)
        if token.kind == "paren" and token.text == "(":
            self.advance()
            node = self.expression(depth + 1)
            if not (self.token.kind == "paren" and self.token.text == ")"):
                raise ExpressionError(f"{token.position}번째 글자에서 연 괄호가 닫히지 않았습니다.")
            self.advance()
            return node
        if token.kind == "end":
            raise ExpressionError("식이 끝나기 전에 항이 하나 더 있어야 합니다.")
        raise ExpressionError(f"{token.position}번째 글자 '{token.text}' 자리에는 항(계열, 수치, 수)이 와야 합니다.")


def expression_parse(text: str) -> Node:
    """The tree of an expression; ExpressionError (Korean) for an empty, too long or unreadable one."""
    text = (text or "").strip()
    if not text:
        raise ExpressionError("식을 입력하십시오.")
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"식은 {MAX_LENGTH}자까지 쓸 수 있습니다.")
    parser = _Parser(text)
    node = parser.expression(0)
    token = parser.token
    if token.kind != "end":
        if token.kind == "paren" and token.text == ")":
            raise ExpressionError(f"{token.position}번째 글자의 닫는 괄호에 짝이 없습니다.")
        raise ExpressionError(f"{token.position}번째 글자 '{token.text}' 앞에 + − × ÷ 중 하나가 와야 합니다.")
    return node


def expression_refs(node: Node) -> Iterator[Ref]:
    """Every name the expression uses, in order."""
    if isinstance(node, Ref):
        yield node
    elif isinstance(node, Negative):
        yield from expression_refs(node.operand)
    elif isinstance(node, Binary):
        yield from expression_refs(node.left)
        yield from expression_refs(node.right)


def expression_divisors(node: Node) -> Iterator[Node]:
    """Every right-hand side of a division in the expression."""
    if isinstance(node, Negative):
        yield from expression_divisors(node.operand)
    elif isinstance(node, Binary):
        if node.operator == "/":
            yield node.right
        yield from expression_divisors(node.left)
        yield from expression_divisors(node.right)


def expression_has_division(node: Node) -> bool:
    return next(expression_divisors(node), None) is not None


def expression_value(node: Node, resolve: Callable[[Ref], Decimal | None]) -> Decimal | None:
    """The expression's value with each name's value from `resolve`; None when a value is missing or a divisor is
    zero (the rule's "값이 없을 때" decides what that means)."""
    if isinstance(node, Number):
        return node.value
    if isinstance(node, Ref):
        return resolve(node)
    if isinstance(node, Negative):
        value = expression_value(node.operand, resolve)
        return None if value is None else -value
    left = expression_value(node.left, resolve)
    right = expression_value(node.right, resolve)
    if left is None or right is None:
        return None
    if node.operator == "+":
        return left + right
    if node.operator == "-":
        return left - right
    if node.operator == "*":
        return left * right
    if right == 0:
        return None
    return left / right


def expression_text(node: Node, names: Callable[[Ref], str] = lambda ref: ref.text, *, top: bool = True) -> str:
    """The expression written back with the signs + − × ÷ (each name through `names`: its Korean label)."""
    if isinstance(node, Number):
        return format(node.value.normalize(), "f")
    if isinstance(node, Ref):
        return names(node)
    if isinstance(node, Negative):
        return f"−{expression_text(node.operand, names, top=False)}"
    text = (
        f"{expression_text(node.left, names, top=False)} {SIGNS[node.operator]} "
        f"{expression_text(node.right, names, top=False)}"
    )
    return text if top else f"({text})"
