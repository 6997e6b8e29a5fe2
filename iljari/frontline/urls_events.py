"""The events and campaigns pages' URLs (frontline/views/events.py), added to frontline/urls.py's namespace."""

from django.urls import path

from iljari.frontline.views import events as views

urlpatterns = [
    path("frontline/events/", views.event_list, name="event_list"),
    path("frontline/events/export.xlsx", views.event_export, name="event_export"),
    path("frontline/events/new/", views.event_create, name="event_create"),
    path("frontline/events/documents/<int:pk>/", views.event_document, name="event_document"),
    path("frontline/events/<str:code>/", views.event_detail, name="event_detail"),
    path("frontline/events/<str:code>/edit/", views.event_edit, name="event_edit"),
    path("frontline/events/<str:code>/tallies/", views.event_tally_add, name="event_tally_add"),
    path("frontline/events/<str:code>/committees/", views.event_committee_add, name="event_committee_add"),
    path("frontline/events/<str:code>/guests/", views.event_guest_add, name="event_guest_add"),
    path("frontline/events/<str:code>/visits/", views.event_visit_add, name="event_visit_add"),
    path("frontline/events/<str:code>/documents/", views.event_document_add, name="event_document_add"),
    path("frontline/events/<str:code>/entries/", views.event_entry_add, name="event_entry_add"),
    path(
        "frontline/events/<str:code>/entries/<int:pk>/advance/", views.event_entry_advance, name="event_entry_advance"
    ),
]
