"""The bank's bulk-transfer file (대량이체 의뢰 파일) and its result file (처리 결과 파일): fixed-width records of
120 bytes in CP949 (EUC-KR's superset: every Hangul syllable), each ended by CR LF — one header record (H), one
data record (D) per payee, one trailer record (T) with the count and the control total. The bank answers with the
same file, each data record marked paid (Y) or failed (N) with a reason code, and a trailer of paid and failed
counts and amounts. The layout, field by field, is in docs/payroll-transfer.md and in HEADER, DATA and TRAILER
below (one table both the writer and the reader use).

Text fields are left-aligned and padded with spaces, cut at a whole character when longer than their width
(a holder's name of more than ten Hangul syllables keeps its first ten: banks compare the first characters);
numbers are right-aligned and padded with zeros; account numbers are left-aligned digits.

Contract:
- TransferHeader(payer_code, transfer_day, bank_code, account, payer_name)
- TransferLine(bank_code, account, holder, amount, memo, reference)   reference: our key of the line (ASCII,
      at most 20 characters, unique in the file), which the result file carries back
- LineResult(line, paid, reason_code, reason)                           reason in Korean (RESULT_REASONS)
- TransferFile(header, lines, results | None, total, count)             what the reader found
- transfer_file_write(*, header, lines) -> bytes                        BankFileError for a line no bank accepts
- transfer_result_write(*, header, lines, failed: {reference: code}) -> bytes   the bank's answer (tests, demo)
- transfer_file_read(data: bytes) -> TransferFile                      BankFileError naming the record and the field
- transfer_sheet(*, header, lines, title, results=None) -> bytes        the same lines as xlsx
- fit_text(text, width) -> str                                          the text as a field of `width` bytes keeps it
- RESULT_REASONS: {code: Korean reason}; reason_text(code) -> str

Depends on core.banks, core.errors, core.formats, core.xlsx.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from iljari.core.banks import account_masked, bank_get, bank_name
from iljari.core.errors import ValidationFailed
from iljari.core.formats import screen_date
from iljari.core.xlsx import xlsx_stream

ENCODING = "cp949"
RECORD_BYTES = 120
NEWLINE = b"\r\n"
MAX_AMOUNT = 10**13 - 1  # thirteen digits
MAX_LINES = 9_999_999  # seven digits

PAID, FAILED = "Y", "N"
RESULT_REASONS: dict[str, str] = {
    "0000": "정상 입금",
    "0011": "계좌번호 없음",
    "0012": "예금주 불일치",
    "0013": "해지된 계좌",
    "0014": "거래 중지 계좌(압류·지급정지·사고 신고)",
    "0015": "휴면 계좌",
    "0016": "입금 한도 초과",
    "0017": "은행 코드 오류",
    "0018": "출금 계좌 잔액 부족",
    "0019": "입금할 수 없는 계좌(외화·법인 전용 등)",
    "0099": "기타 은행 사유(은행에 문의)",
}


class BankFileError(ValidationFailed):
    default_message = "은행 파일을 읽을 수 없습니다."


def reason_text(code: str) -> str:
    return RESULT_REASONS.get(code, f"은행 사유 코드 {code}(사유표에 없음: 은행에 문의)")


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    start: int  # 1-based byte position, as bank layouts are printed
    width: int
    kind: str  # "fixed" (a constant), "text" (CP949, left), "number" (zeros, right), "code" (ASCII, left, spaces)
    value: str = ""

    @property
    def end(self) -> int:
        return self.start + self.width - 1


def _layout(*fields: Field) -> tuple[Field, ...]:
    position = 1
    for field in fields:
        assert field.start == position, (field.name, field.start, position)  # noqa: S101 - a layout typo
        position += field.width
    assert position == RECORD_BYTES + 1, position  # noqa: S101
    return fields


HEADER = _layout(
    Field("kind", "구분(H)", 1, 1, "fixed", "H"),
    Field("serial", "일련번호(0000000)", 2, 7, "fixed", "0000000"),
    Field("payer_code", "이용기관 코드", 9, 10, "code"),
    Field("transfer_day", "이체일(YYYYMMDD)", 19, 8, "number"),
    Field("bank_code", "출금 은행 코드", 27, 3, "number"),
    Field("account", "출금 계좌번호", 30, 16, "code"),
    Field("payer_name", "출금 예금주(지급 기관)", 46, 20, "text"),
    Field("file_kind", "파일 구분(S 의뢰, R 결과)", 66, 1, "text"),
    Field("filler", "공란", 67, 54, "fixed", " " * 54),
)
DATA = _layout(
    Field("kind", "구분(D)", 1, 1, "fixed", "D"),
    Field("serial", "일련번호", 2, 7, "number"),
    Field("bank_code", "입금 은행 코드", 9, 3, "number"),
    Field("account", "입금 계좌번호", 12, 16, "code"),
    Field("amount", "이체 금액(원)", 28, 13, "number"),
    Field("holder", "예금주", 41, 20, "text"),
    Field("memo", "적요(받는 통장 표시)", 61, 16, "text"),
    Field("reference", "관리번호", 77, 20, "code"),
    Field("result", "처리 결과(Y 입금, N 불능, 의뢰 때 공란)", 97, 1, "text"),
    Field("reason_code", "불능 사유 코드(입금 0000)", 98, 4, "code"),
    Field("filler", "공란", 102, 19, "fixed", " " * 19),
)
TRAILER = _layout(
    Field("kind", "구분(T)", 1, 1, "fixed", "T"),
    Field("serial", "일련번호(9999999)", 2, 7, "fixed", "9999999"),
    Field("count", "총 건수", 9, 7, "number"),
    Field("total", "총 금액(원)", 16, 13, "number"),
    Field("paid_count", "입금 건수(결과 파일)", 29, 7, "code"),
    Field("paid_total", "입금 금액(결과 파일)", 36, 13, "code"),
    Field("failed_count", "불능 건수(결과 파일)", 49, 7, "code"),
    Field("failed_total", "불능 금액(결과 파일)", 56, 13, "code"),
    Field("filler", "공란", 69, 52, "fixed", " " * 52),
)
LAYOUTS = {"H": HEADER, "D": DATA, "T": TRAILER}


@dataclass(frozen=True)
class TransferHeader:
    payer_code: str
    transfer_day: date
    bank_code: str
    account: str
    payer_name: str


@dataclass(frozen=True)
class TransferLine:
    bank_code: str
    account: str
    holder: str
    amount: int
    memo: str
    reference: str


@dataclass(frozen=True)
class LineResult:
    line: TransferLine
    paid: bool
    reason_code: str

    @property
    def reason(self) -> str:
        return "" if self.paid else reason_text(self.reason_code)


@dataclass(frozen=True)
class TransferFile:
    header: TransferHeader
    lines: list[TransferLine]
    results: list[LineResult] | None  # None: a request file (nothing processed yet)

    @property
    def total(self) -> int:
        return sum(line.amount for line in self.lines)

    @property
    def count(self) -> int:
        return len(self.lines)


# --- writing ----------------------------------------------------------------------------------------------------


def _encodable(text: str) -> bytes:
    if any(ch < " " or ch == "\x7f" for ch in text):
        raise UnicodeEncodeError(ENCODING, text, 0, 1, "control character")
    return text.encode(ENCODING)


def fit_text(text: str, width: int) -> str:
    """The longest start of the text (trimmed) whose CP949 bytes fit in `width`: what the field keeps."""
    kept, used = [], 0
    for ch in (text or "").strip():
        size = len(_encodable(ch))
        if used + size > width:
            break
        kept.append(ch)
        used += size
    return "".join(kept).rstrip()


def _cell(field: Field, value) -> bytes:
    if field.kind == "fixed":
        return field.value.encode("ascii")
    if field.kind == "number":
        return str(int(value)).rjust(field.width, "0").encode("ascii")
    if field.kind == "code":
        return str(value or "").ljust(field.width).encode("ascii")
    encoded = _encodable(fit_text(str(value or ""), field.width))
    return encoded + b" " * (field.width - len(encoded))


def _record(layout: tuple[Field, ...], values: dict) -> bytes:
    record = b"".join(_cell(field, values.get(field.name)) for field in layout)
    assert len(record) == RECORD_BYTES  # noqa: S101 - a field's writer broke its width
    return record + NEWLINE


def _problem(where: str, message: str) -> BankFileError:
    return BankFileError(f"{where}: {message}", field_errors={"file": [f"{where}: {message}"]})


def _text_ok(where: str, label: str, text: str) -> None:
    try:
        _encodable(text or "")
    except UnicodeEncodeError as exc:
        raise _problem(where, f"{label}에 은행 파일(CP949)에 쓸 수 없는 글자가 있습니다.") from exc


def _header_check(header: TransferHeader) -> None:
    where = "머리 레코드"
    if bank_get(header.bank_code) is None:
        raise _problem(where, "출금 은행 코드가 은행 코드표에 없습니다.")
    for label, value, width in (("이용기관 코드", header.payer_code, 10), ("출금 계좌번호", header.account, 16)):
        if not value or not value.isascii() or not value.isdecimal() or len(value) > width:
            raise _problem(where, f"{label}는 숫자 {width}자리 이내여야 합니다.")
    _text_ok(where, "지급 기관 이름", header.payer_name)


def _line_check(position: int, line: TransferLine, seen: set[str]) -> None:
    where = f"{position}번째 줄"
    if bank_get(line.bank_code) is None:
        raise _problem(where, "은행 코드가 은행 코드표에 없습니다.")
    if not line.account or not line.account.isascii() or not line.account.isdecimal() or len(line.account) > 16:
        raise _problem(where, "계좌번호는 숫자 16자리 이내여야 합니다.")
    if not isinstance(line.amount, int) or not 0 < line.amount <= MAX_AMOUNT:
        raise _problem(where, "이체 금액은 1원 이상 13자리 이내의 정수여야 합니다.")
    reference = line.reference or ""
    if not reference or not reference.isascii() or not reference.isalnum() or len(reference) > 20:
        raise _problem(where, "관리번호는 영문·숫자 20자 이내여야 합니다.")
    if reference in seen:
        raise _problem(where, "관리번호가 앞줄과 겹칩니다.")
    seen.add(reference)
    _text_ok(where, "예금주", line.holder)
    _text_ok(where, "적요", line.memo)
    if not fit_text(line.holder, 20):
        raise _problem(where, "예금주가 비어 있습니다.")


def _write(header: TransferHeader, lines: list[TransferLine], failed: dict[str, str] | None) -> bytes:
    _header_check(header)
    if len(lines) > MAX_LINES:
        raise _problem("파일", f"한 파일에 {MAX_LINES:,}건까지 쓸 수 있습니다.")
    seen: set[str] = set()
    for position, line in enumerate(lines, 1):
        _line_check(position, line, seen)
    if failed is not None and set(failed) - seen:
        raise _problem("결과", "의뢰 파일에 없는 관리번호의 결과가 있습니다.")
    head = {
        "payer_code": header.payer_code,
        "transfer_day": header.transfer_day.strftime("%Y%m%d"),
        "bank_code": header.bank_code,
        "account": header.account,
        "payer_name": header.payer_name,
        "file_kind": "S" if failed is None else "R",
    }
    parts = [_record(HEADER, head)]
    paid_count = paid_total = failed_count = failed_total = 0
    for serial, line in enumerate(lines, 1):
        values = {
            "serial": serial,
            "bank_code": line.bank_code,
            "account": line.account,
            "amount": line.amount,
            "holder": line.holder,
            "memo": line.memo,
            "reference": line.reference,
        }
        if failed is not None:
            code = failed.get(line.reference)
            values["result"], values["reason_code"] = (PAID, "0000") if code is None else (FAILED, code)
            if code is None:
                paid_count, paid_total = paid_count + 1, paid_total + line.amount
            else:
                failed_count, failed_total = failed_count + 1, failed_total + line.amount
        parts.append(_record(DATA, values))
    tail = {"count": len(lines), "total": sum(line.amount for line in lines)}
    if failed is not None:
        tail |= {
            "paid_count": str(paid_count).rjust(7, "0"),
            "paid_total": str(paid_total).rjust(13, "0"),
            "failed_count": str(failed_count).rjust(7, "0"),
            "failed_total": str(failed_total).rjust(13, "0"),
        }
    parts.append(_record(TRAILER, tail))
    return b"".join(parts)


def transfer_file_write(*, header: TransferHeader, lines: list[TransferLine]) -> bytes:
    return _write(header, list(lines), None)


def transfer_result_write(*, header: TransferHeader, lines: list[TransferLine], failed: dict[str, str]) -> bytes:
    """The result file the bank sends back for these lines: each paid, but those in `failed` (reference → reason
    code, e.g. "0011")."""
    for code in failed.values():
        if len(code) != 4 or not code.isdecimal() or code == "0000":
            raise _problem("결과", "불능 사유 코드는 0000이 아닌 숫자 4자리입니다.")
    return _write(header, list(lines), dict(failed))


# --- reading ----------------------------------------------------------------------------------------------------


def _fields(layout: tuple[Field, ...], record: bytes, where: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for field in layout:
        raw = record[field.start - 1 : field.end]
        if field.kind == "text":
            try:
                values[field.name] = raw.decode(ENCODING).rstrip()
            except UnicodeDecodeError as exc:
                raise _problem(
                    where, f"{field.label} 칸({field.start}~{field.end}바이트)의 글자를 읽을 수 없습니다."
                ) from exc
            continue
        try:
            text = raw.decode("ascii")
        except UnicodeDecodeError as exc:
            raise _problem(
                where, f"{field.label} 칸({field.start}~{field.end}바이트)에 숫자가 아닌 값이 있습니다."
            ) from exc
        if field.kind == "fixed" and text != field.value:
            raise _problem(where, f"{field.label} 칸({field.start}~{field.end}바이트)이 형식과 다릅니다.")
        if field.kind == "number" and not (text.isdecimal() and len(text) == field.width):
            raise _problem(
                where, f"{field.label} 칸({field.start}~{field.end}바이트)은 숫자 {field.width}자리여야 합니다."
            )
        if field.kind == "code":
            text = text.rstrip()
            if text and not (text.isalnum() and " " not in text):
                raise _problem(where, f"{field.label} 칸({field.start}~{field.end}바이트)의 값이 올바르지 않습니다.")
        values[field.name] = text
    return values


def _records(data: bytes) -> list[bytes]:
    if not data:
        raise _problem("파일", "빈 파일입니다.")
    records = data.split(NEWLINE)
    if records[-1] == b"":
        records.pop()
    for number, record in enumerate(records, 1):
        if len(record) != RECORD_BYTES:
            raise _problem(
                f"{number}번째 레코드",
                f"길이가 {len(record)}바이트입니다. 레코드마다 {RECORD_BYTES}바이트와 줄바꿈(CR LF)이어야 합니다.",
            )
    return records


def transfer_file_read(data: bytes) -> TransferFile:
    """A request or result file, every record and the trailer's totals checked; nothing is half-read."""
    records = _records(data)
    kinds = [record[:1] for record in records]
    if kinds[0] != b"H" or kinds[-1] != b"T" or len(records) < 2 or set(kinds[1:-1]) - {b"D"}:
        raise _problem("파일", "머리 레코드(H) 하나, 자료 레코드(D), 끝 레코드(T) 하나의 순서여야 합니다.")
    head = _fields(HEADER, records[0], "머리 레코드")
    try:
        day = datetime.strptime(head["transfer_day"], "%Y%m%d").date()  # noqa: DTZ007 - a calendar day
    except ValueError as exc:
        raise _problem("머리 레코드", "이체일이 올바른 날짜가 아닙니다.") from exc
    if head["file_kind"] not in ("S", "R"):
        raise _problem("머리 레코드", "파일 구분은 S(의뢰) 또는 R(결과)이어야 합니다.")
    result_file = head["file_kind"] == "R"
    header = TransferHeader(head["payer_code"], day, head["bank_code"], head["account"], head["payer_name"])
    lines: list[TransferLine] = []
    results: list[LineResult] = []
    seen: set[str] = set()
    for serial, record in enumerate(records[1:-1], 1):
        where = f"{serial}번째 자료 레코드"
        values = _fields(DATA, record, where)
        if int(values["serial"]) != serial:
            raise _problem(where, "일련번호가 차례대로가 아닙니다.")
        line = TransferLine(
            values["bank_code"],
            values["account"],
            values["holder"],
            int(values["amount"]),
            values["memo"],
            values["reference"],
        )
        try:
            _line_check(serial, line, seen)
        except BankFileError as exc:
            raise _problem(where, exc.message.split(": ", 1)[-1]) from exc
        lines.append(line)
        result, code = values["result"], values["reason_code"]
        if not result_file:
            if result or code:
                raise _problem(where, "의뢰 파일(S)에는 처리 결과가 없어야 합니다.")
            continue
        if result == PAID and code == "0000":
            results.append(LineResult(line, True, code))
        elif result == FAILED and len(code) == 4 and code.isdecimal() and code != "0000":
            results.append(LineResult(line, False, code))
        else:
            raise _problem(where, "처리 결과는 Y(입금, 사유 0000) 또는 N(불능, 사유 코드 4자리)이어야 합니다.")
    tail = _fields(TRAILER, records[-1], "끝 레코드")
    if int(tail["count"]) != len(lines):
        raise _problem("끝 레코드", f"총 건수 {int(tail['count']):,}건이 자료 레코드 {len(lines):,}건과 다릅니다.")
    total = sum(line.amount for line in lines)
    if int(tail["total"]) != total:
        raise _problem("끝 레코드", f"총 금액 {int(tail['total']):,}원이 자료 레코드의 합계 {total:,}원과 다릅니다.")
    if result_file:
        paid = [r.line.amount for r in results if r.paid]
        failed = [r.line.amount for r in results if not r.paid]
        expected = {
            "paid_count": len(paid),
            "paid_total": sum(paid),
            "failed_count": len(failed),
            "failed_total": sum(failed),
        }
        for name, value in expected.items():
            text = tail[name]
            if not text.isdecimal() or int(text) != value:
                label = next(field.label for field in TRAILER if field.name == name)
                raise _problem("끝 레코드", f"{label}이 자료 레코드와 맞지 않습니다.")
    return TransferFile(header, lines, results if result_file else None)


# --- the same lines as a sheet ------------------------------------------------------------------------------------


def transfer_sheet(*, header: TransferHeader, lines: list[TransferLine], title: str, results=None) -> bytes:
    """The file's lines as xlsx, for reading and for banks that take a sheet: the full account numbers (the file
    carries them too; its download is access-logged), the control total in the note."""
    lines = list(lines)
    by_reference = {result.line.reference: result for result in results or []}
    headers = [
        ("순번", "int"),
        ("은행 코드", "text"),
        ("은행", "text"),
        ("계좌번호", "text"),
        ("예금주", "text"),
        ("금액(원)", "int"),
        ("적요", "text"),
        ("관리번호", "text"),
    ]
    if results is not None:
        headers += [("처리 결과", "text"), ("불능 사유", "text")]

    def rows():
        for serial, line in enumerate(lines, 1):
            row = [
                serial,
                line.bank_code,
                bank_name(line.bank_code),
                line.account,
                fit_text(line.holder, 20),
                line.amount,
                fit_text(line.memo, 16),
                line.reference,
            ]
            if results is not None:
                result = by_reference.get(line.reference)
                row += ["입금" if result and result.paid else "불능", result.reason if result else ""]
            yield row

    note = (
        f"이체일 {screen_date(header.transfer_day)} · 출금 {bank_name(header.bank_code)} "
        f"{account_masked(header.account)} · {len(lines):,}건 · 합계 {sum(line.amount for line in lines):,}원"
    )
    return xlsx_stream(title=title, headers=headers, rows=rows(), note=note)
