"""bandit (the SW 개발보안 가이드's static checks for Python) finds nothing unexplained in the project's code: every
exclusion and skip is explained in pyproject.toml's [tool.bandit], every single line by its `# nosec <id>  # why`."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_bandit_reports_no_finding():
    result = subprocess.run(
        [sys.executable, "-m", "bandit", "-q", "-c", "pyproject.toml", "-r", "iljari", "-f", "json"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    report = json.loads(result.stdout)
    findings = [f"{r['filename']}:{r['line_number']} {r['test_id']} {r['issue_text']}" for r in report["results"]]
    assert findings == [] and result.returncode == 0
    assert report["metrics"]["_totals"]["loc"] > 10_000  # it really read the code
