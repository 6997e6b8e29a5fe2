"""The bulk-transfer file and the bank's result file: written and read back the same, every record 120 bytes of
CP949, the trailer's control total; a damaged file is refused with the record named."""

from __future__ import annotations

import io
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from iljari.core.bankfile import (
    RECORD_BYTES,
    RESULT_REASONS,
    BankFileError,
    TransferFile,
    TransferHeader,
    TransferLine,
    fit_text,
    transfer_file_read,
    transfer_file_write,
    transfer_result_write,
    transfer_sheet,
)
from iljari.core.banks import BANKS, account_check, account_masked

HEADER = TransferHeader("1234567890", date(2018, 7, 10), "020", "1005001234567", "서울특별시 일자리정책과")
HANGUL = st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)
NAME_CHARS = st.one_of(HANGUL, st.sampled_from("ABCxyz() .-"))


@st.composite
def lines(draw):
    count = draw(st.integers(min_value=1, max_value=30))
    references = draw(
        st.lists(st.from_regex(r"[A-Z0-9]{1,20}", fullmatch=True), min_size=count, max_size=count, unique=True)
    )
    made = []
    for reference in references:
        bank = draw(st.sampled_from(BANKS))
        length = draw(st.sampled_from(bank.lengths))
        account = draw(st.from_regex(rf"[0-9]{{{length}}}", fullmatch=True))
        holder = draw(st.text(NAME_CHARS, min_size=1, max_size=14).filter(lambda t: t.strip()))
        memo = draw(st.text(NAME_CHARS, max_size=10))
        amount = draw(st.integers(min_value=1, max_value=10**12))
        made.append(TransferLine(bank.code, account, holder, amount, memo, reference))
    return made


def _as_kept(line: TransferLine) -> TransferLine:
    return TransferLine(
        line.bank_code, line.account, fit_text(line.holder, 20), line.amount, fit_text(line.memo, 16), line.reference
    )


@settings(max_examples=60, deadline=None)
@given(lines())
def test_a_request_file_reads_back_as_the_lines_it_was_written_from(written):
    data = transfer_file_write(header=HEADER, lines=written)
    records = data.split(b"\r\n")
    assert records[-1] == b""
    assert all(len(record) == RECORD_BYTES for record in records[:-1])
    assert len(records) - 1 == len(written) + 2
    read = transfer_file_read(data)
    assert read == TransferFile(
        TransferHeader(HEADER.payer_code, HEADER.transfer_day, HEADER.bank_code, HEADER.account, "서울특별시 일자리정"),
        [_as_kept(line) for line in written],
        None,
    )
    assert read.total == sum(line.amount for line in written)


@settings(max_examples=60, deadline=None)
@given(lines(), st.data())
def test_a_result_file_says_which_lines_were_paid_and_why_the_others_failed(written, data):
    failing = data.draw(st.lists(st.sampled_from([line.reference for line in written]), unique=True))
    codes = {reference: data.draw(st.sampled_from(sorted(set(RESULT_REASONS) - {"0000"}))) for reference in failing}
    read = transfer_file_read(transfer_result_write(header=HEADER, lines=written, failed=codes))
    assert [result.line for result in read.results] == [_as_kept(line) for line in written]
    for result in read.results:
        assert result.paid is (result.line.reference not in codes)
        if not result.paid:
            assert result.reason_code == codes[result.line.reference]
            assert result.reason == RESULT_REASONS[codes[result.line.reference]]


def test_the_fields_sit_at_their_documented_byte_positions():
    line = TransferLine("004", "123456789012", "홍길동", 1_234_560, "7월 급여", "P00000001")
    data = transfer_file_write(header=HEADER, lines=[line])
    header, record, trailer = data.split(b"\r\n")[:3]
    assert header[:1] == b"H" and header[8:18] == b"1234567890" and header[18:26] == b"20180710"
    assert header[26:29] == b"020" and header[65:66] == b"S"
    assert record[:8] == b"D0000001" and record[8:11] == b"004" and record[11:27] == b"123456789012    "
    assert record[27:40] == b"0000001234560"
    assert record[40:60] == "홍길동".encode("cp949") + b" " * 14  # three syllables: six bytes
    assert record[76:96] == b"P00000001" + b" " * 11
    assert trailer[:15] == b"T99999990000001" and trailer[15:28] == b"0000001234560"


def test_a_name_longer_than_its_field_is_cut_at_a_whole_syllable():
    assert fit_text("가나다라마바사아자차카", 20) == "가나다라마바사아자차"
    assert fit_text("A가나다라마바사아자차", 20) == "A가나다라마바사아자"  # 19 bytes: the next syllable would not fit


def _damaged(data: bytes, at: int, new: bytes) -> bytes:
    return data[:at] + new + data[at + len(new) :]


def test_a_file_whose_control_total_does_not_match_is_refused():
    data = transfer_file_write(header=HEADER, lines=[TransferLine("004", "123456789012", "홍길동", 1000, "", "A1")])
    trailer_at = 2 * (RECORD_BYTES + 2)
    with pytest.raises(BankFileError, match="총 금액 1,001원이 자료 레코드의 합계 1,000원과 다릅니다"):
        transfer_file_read(_damaged(data, trailer_at + 15, b"0000000001001"))
    with pytest.raises(BankFileError, match="총 건수 2건"):
        transfer_file_read(_damaged(data, trailer_at + 8, b"0000002"))


def test_a_result_file_whose_paid_total_does_not_match_is_refused():
    written = [TransferLine("004", "123456789012", "홍길동", 1000, "", "A1")]
    data = transfer_result_write(header=HEADER, lines=written, failed={})
    trailer_at = 2 * (RECORD_BYTES + 2)
    with pytest.raises(BankFileError, match="입금 금액"):
        transfer_file_read(_damaged(data, trailer_at + 35, b"0000000000999"))


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda d: d[:-3], "길이가"),
        (lambda d: d.replace(b"\r\n", b"\n"), "길이가"),
        (lambda d: b"", "빈 파일"),
        (lambda d: _damaged(d, RECORD_BYTES + 2 + 27, b"00000000012x4"), "이체 금액\\(원\\) 칸\\(28~40바이트\\)"),
        (lambda d: _damaged(d, RECORD_BYTES + 2 + 1, b"0000009"), "일련번호가 차례대로가 아닙니다"),
        (lambda d: _damaged(d, RECORD_BYTES + 2 + 8, b"999"), "은행 코드표에 없습니다"),
        (lambda d: _damaged(d, RECORD_BYTES + 2 + 96, b"Y0000"), "의뢰 파일\\(S\\)에는 처리 결과가 없어야"),
        (lambda d: _damaged(d, 18, b"20181340"), "이체일"),
        (lambda d: _damaged(d, RECORD_BYTES + 2 + 40, b"\xff\xff"), "예금주 칸"),
    ],
)
def test_a_damaged_file_is_refused_naming_the_record(damage, message):
    data = transfer_file_write(header=HEADER, lines=[TransferLine("004", "123456789012", "홍길동", 1234, "", "A1")])
    with pytest.raises(BankFileError, match=message):
        transfer_file_read(damage(data))


def test_a_line_no_bank_would_accept_is_not_written():
    good = TransferLine("004", "123456789012", "홍길동", 1000, "", "A1")
    for bad, message in [
        (TransferLine("004", "123456789012", "홍길동", 0, "", "A2"), "1원 이상"),
        (TransferLine("004", "12345678901a", "홍길동", 10, "", "A2"), "계좌번호"),
        (TransferLine("004", "123456789012", "홍길동", 10, "", "A1"), "관리번호가 앞줄과 겹칩니다"),
        (TransferLine("004", "123456789012", "홍\u00e9", 10, "", "A2"), "CP949"),
        (TransferLine("004", "123456789012", "홍\n동", 10, "", "A2"), "CP949"),
        (TransferLine("004", "123456789012", "   ", 10, "", "A2"), "예금주가 비어"),
    ]:
        with pytest.raises(BankFileError, match=message):
            transfer_file_write(header=HEADER, lines=[good, bad])


def test_the_sheet_holds_the_same_lines_and_the_control_total():
    written = [
        TransferLine("004", "012345678901", "홍길동", 1_234_560, "7월 급여", "A1"),
        TransferLine("090", "3333012345678", "김철수", 100, "7월 급여", "A2"),
    ]
    result = transfer_file_read(transfer_result_write(header=HEADER, lines=written, failed={"A2": "0012"}))
    data = transfer_sheet(header=HEADER, lines=written, title="7월 급여 이체", results=result.results)
    rows = list(load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))
    assert "2건 · 합계 1,234,660원" in rows[1][0]
    assert rows[3] == (1, "004", "국민은행", "012345678901", "홍길동", 1_234_560, "7월 급여", "A1", "입금", None)
    assert rows[4][8:] == ("불능", "예금주 불일치")


def test_an_account_number_must_have_a_length_its_bank_issues():
    assert account_check("004", "123-456-789012") == "123456789012"
    assert account_check("090", "3333 01 2345678") == "3333012345678"
    with pytest.raises(ValueError, match="국민은행 계좌번호는 12·14자리입니다. 입력한 번호는 13자리입니다."):
        account_check("004", "1234567890123")
    with pytest.raises(ValueError, match="은행을 목록에서"):
        account_check("999", "123456789012")
    with pytest.raises(ValueError, match="숫자로만"):
        account_check("004", "12345678901O")


def test_an_account_number_on_screen_shows_only_its_ends():
    assert account_masked("12345677890") == "123-****-7890"
    assert account_masked("3333012345678") == "333-******-5678"
    assert account_masked("") == "-"
