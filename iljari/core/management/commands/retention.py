"""`iljari retention run|rules`: destroy or anonymise the personal records whose retention period has ended, and
write the destruction register (core.retention); list the periods. Scheduled daily (docs/security.md)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from iljari.core.retention import retention_rules, retention_run


class Command(BaseCommand):
    help = "보유기간이 지난 개인정보를 파기·익명화하고 파기 대장에 남깁니다(run). 보유기간 목록(rules)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["run", "rules"])

    def handle(self, *args, action, **options):
        if action == "rules":
            for view in retention_rules():
                self.stdout.write(f"{view.kind.label}: {view.kind.basis} {view.rule.years}년 — {view.kind.method}")
            return
        records = retention_run()
        if not records:
            self.stdout.write("보유기간이 지난 개인정보가 없습니다.")
            return
        for record in records:
            self.stdout.write(
                f"{timezone.localtime(record.at):%Y-%m-%d %H:%M} {record.rule_label}: {record.records:,}건 파기, "
                f"{record.people:,}명 익명화, 파일 {record.files:,}개 삭제 "
                f"(보유기간 {record.years}년, 파기 대장 #{record.pk})"
            )
