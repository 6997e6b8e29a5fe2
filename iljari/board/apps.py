from django.apps import AppConfig


class BoardConfig(AppConfig):
    name = "iljari.board"
    label = "board"
    verbose_name = "공지사항·자주 묻는 질문"

    def ready(self) -> None:
        # deferred: models load only once the app registry is ready
        from iljari.board.models import FaqEntry, Notice
        from iljari.core.history import track

        track(Notice)
        track(FaqEntry)
