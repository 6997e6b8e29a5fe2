from django.urls import path

from iljari.plan import views

app_name = "plan"

urlpatterns = [
    path("", views.plan_overview, name="overview"),
    path("years/<int:year>/", views.year_edit, name="year_edit"),
    path("programmes/new/", views.programme_new, name="programme_new"),
    path("programmes/export.xlsx", views.programme_export, name="programme_export"),
    path("programmes/import/", views.programme_import, name="programme_import"),
    path("programmes/<str:code>/", views.programme_detail, name="programme_detail"),
    path("milestones/", views.milestone_list, name="milestone_list"),
    path("programmes/<str:code>/edit/", views.programme_edit, name="programme_edit"),
    path("programmes/<str:code>/retire/", views.programme_retire, name="programme_retire"),
    path("programmes/<str:code>/blocks/new/", views.block_new, name="block_new"),
    path("blocks/<int:pk>/edit/", views.block_edit, name="block_edit"),
    path("blocks/<int:pk>/move/", views.block_move, name="block_move"),
    path("blocks/<int:pk>/delete/", views.block_delete, name="block_delete"),
    path("milestones/<int:pk>/done/", views.milestone_done, name="milestone_done"),
]
