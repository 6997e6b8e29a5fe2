"""The citizen's messages under /portal/."""

from django.urls import path

from iljari.messaging import views

app_name = "messaging_portal"

urlpatterns = [
    path("portal/messages/", views.my_messages, name="my_messages"),
]
