from django.urls import path

from iljari.messaging import views

app_name = "messaging"

urlpatterns = [
    path("messages/", views.message_list, name="message_list"),
    path("messages/export.xlsx", views.message_export, name="message_export"),
    path("messages/templates/", views.template_list, name="template_list"),
    path("messages/<int:pk>/", views.message_detail, name="message_detail"),
    path("messages/<int:pk>/retry/", views.message_retry, name="message_retry"),
    path("messages/<int:pk>/cancel/", views.message_cancel, name="message_cancel"),
]
