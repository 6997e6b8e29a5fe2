from django.urls import path

from iljari.approvals import views

app_name = "approvals"

urlpatterns = [
    path("approvals/", views.box, name="box"),
    path("approvals/rules/", views.rules, name="rules"),
    path("approvals/rules/<int:pk>/delete/", views.rule_delete, name="rule_delete"),
    path("approvals/new/<str:act>/<path:key>/", views.draft, name="draft"),
    path("approvals/<int:pk>/", views.request_detail, name="request_detail"),
    path("approvals/<int:pk>/approve/", views.request_approve, name="request_approve"),
    path("approvals/<int:pk>/reject/", views.request_reject, name="request_reject"),
    path("approvals/<int:pk>/recall/", views.request_recall, name="request_recall"),
]
