from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "iljari.people"
    label = "people"
    verbose_name = "사람"

    def ready(self) -> None:
        # deferred: models (and the modules that import them) load only once the app registry is ready
        from iljari.core.accesslog import access_log_subject_register
        from iljari.core.history import track
        from iljari.core.keys import blind_index_register
        from iljari.people.keys import LABEL, rrn_index_rotate, rrn_index_status
        from iljari.people.models import Consent, PayAccount, Person
        from iljari.people.selectors import person_subjects_describe

        # The resident number and its index never enter the change history, not even masked.
        track(Person, exclude=("rrn", "rrn_index"))
        track(Consent)
        track(PayAccount, exclude=("number",))  # the account number never enters the change history
        blind_index_register(LABEL, status=rrn_index_status, rotate=rrn_index_rotate)
        access_log_subject_register("people.person", label="개인", describe=person_subjects_describe)
