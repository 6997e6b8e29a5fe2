from django.urls import path

from iljari.plan import views

app_name = "plan"

urlpatterns = [
    path("", views.plan_overview, name="overview"),
    path("programmes/<str:code>/", views.programme_detail, name="programme_detail"),
    path("milestones/", views.milestone_list, name="milestone_list"),
    path("milestones/<int:pk>/done/", views.milestone_done, name="milestone_done"),
]
