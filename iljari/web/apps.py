from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "iljari.web"
    label = "web"
    verbose_name = "화면"
