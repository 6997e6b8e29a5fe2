"""`iljari keys status|rotate|fingerprints`: how many encrypted values and blind indexes are under the newest key;
re-encrypt the values and recompute the indexes under it in batches, with the site running (core.keys); the
fingerprints of the configured keys, to match against a backup's manifest or the copy kept in the safe."""

from django.core.management.base import BaseCommand

from iljari.core.keys import blind_index_status, blind_indexes_rotate, key_fingerprints, key_status, keys_rotate


class Command(BaseCommand):
    help = (
        "개인정보 암호화 키와 검색 색인 키: 키별 현황(status), 가장 새 키로 다시 암호화하고 색인을 다시 계산"
        "(rotate, 서비스 중단 없이 나눠서), 키 지문(fingerprints: 백업과 맞춰 보기 위한 것, 키 자체는 아님)."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["status", "rotate", "fingerprints"])
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, action, batch_size, **options):
        if batch_size < 1:
            self.stderr.write("--batch-size는 1 이상이어야 합니다.")
            raise SystemExit(2)
        if action == "fingerprints":
            for name, prints in key_fingerprints().items():
                named = [f"{p} ({'현재' if i == 0 else '이전'})" for i, p in enumerate(prints)]
                self.stdout.write(f"{name}: {', '.join(named)}")
            return
        if action == "status":
            statuses = [(s, "") for s in key_status() + blind_index_status()]
        else:
            encrypted = keys_rotate(
                batch_size=batch_size,
                on_batch=lambda s: self.stdout.write(f"{s.label}: {s.total:,}건 확인, {s.rotated:,}건 다시 암호화"),
            )
            indexes = blind_indexes_rotate(
                batch_size=batch_size,
                on_batch=lambda s: self.stdout.write(f"{s.label}: {s.total:,}건 확인, {s.rotated:,}건 다시 계산"),
            )
            statuses = [(s, "다시 암호화") for s in encrypted] + [(s, "다시 계산") for s in indexes]
        unreadable = 0
        for s, verb in statuses:
            self.stdout.write(
                f"{s.label}: 전체 {s.total:,}건 · 새 키 {s.current:,}건 · 이전 키 {s.older:,}건 · "
                f"읽을 수 없음 {s.unreadable:,}건" + (f" · 이번에 {verb} {s.rotated:,}건" if action == "rotate" else "")
            )
            unreadable += s.unreadable
        if unreadable:
            self.stdout.write(
                f"설정된 어느 키로도 읽을 수 없는 값이 {unreadable:,}건 있습니다. 이전 키를 지우지 마십시오."
            )
            raise SystemExit(1)
        if action == "rotate":
            self.stdout.write(
                "모든 값이 가장 새 키로 암호화되고 검색 색인도 새 키로 계산되어 있습니다. "
                "이제 이전 키를 설정에서 뺄 수 있습니다."
            )
