"""What `iljari demo` writes: the account table lines up in a terminal although Korean characters take two columns,
and each part of the dataset is reported (a bar on a terminal, one line per part otherwise)."""

import io

from iljari.demo.console import PartProgress, account_table, display_pad, display_width

ACCOUNTS = [
    {"role": "시스템관리자", "username": "admin", "password": "Demo!admin2018"},
    {"role": "시민", "username": "citizen", "password": "Demo!citizen2018"},
    {"role": "감사", "username": "auditor", "password": "Demo!auditor2018"},
    {"role": "기업·단체 담당자", "username": "company", "password": "Demo!company2018"},
]


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_korean_characters_count_two_columns():
    assert display_width("admin") == 5
    assert display_width("시민") == 4
    assert display_width("기업·단체") == 9  # the middle dot is one column
    assert display_pad("시민", 6) == "시민  "
    assert display_pad("시스템관리자", 4) == "시스템관리자"  # never cut


def test_the_account_table_lines_up_in_a_terminal():
    lines = account_table(ACCOUNTS)
    assert len(lines) == len(ACCOUNTS)
    for line, row in zip(lines, ACCOUNTS, strict=True):
        assert row["username"] in line and row["password"] in line
    # the username and the password start at the same terminal column on every line
    pairs = list(zip(lines, ACCOUNTS, strict=True))
    username_columns = {display_width(line[: line.index(row["username"])]) for line, row in pairs}
    password_columns = {display_width(line[: line.index(row["password"])]) for line, row in pairs}
    assert len(username_columns) == 1
    assert len(password_columns) == 1
    assert username_columns.pop() == 2 + display_width("기업·단체 담당자") + 2


def test_each_part_is_one_line_when_the_output_is_not_a_terminal():
    lines, pipe = [], io.StringIO()
    progress = PartProgress(lines.append, pipe)
    progress.start(0, 2, "2018 주요업무보고")
    progress.finish(1, 2, "2018 주요업무보고", 2.14)
    progress.start(1, 2, "보조금")
    progress.finish(2, 2, "보조금", 0.5)
    progress.close()
    assert lines == ["2018 주요업무보고 … 완료 (2.1초)", "보조금 … 완료 (0.5초)"]
    assert pipe.getvalue() == ""


def test_a_terminal_gets_a_bar_and_no_lines():
    lines, screen = [], Terminal()
    progress = PartProgress(lines.append, screen)
    progress.start(0, 2, "공공근로")
    progress.finish(1, 2, "공공근로", 3.0)
    progress.close()
    assert lines == []
    drawn = screen.getvalue()
    assert drawn.startswith("\r[")
    assert "0/2 공공근로" in drawn and "1/2 공공근로" in drawn
    assert drawn.endswith("\n")
