from django.urls import path

from iljari.frontline import views

app_name = "frontline"

urlpatterns = [
    path("frontline/", views.figures, name="figures"),
    path("frontline/consultations/", views.consultation_list, name="consultation_list"),
    path("frontline/consultations/new/", views.consultation_create, name="consultation_create"),
    path("frontline/consultations/<int:pk>/", views.consultation_detail, name="consultation_detail"),
    path("frontline/consultations/<int:pk>/outcome/", views.consultation_outcome, name="consultation_outcome"),
    path("frontline/consultations/<int:pk>/follow-ups/", views.follow_up_add, name="follow_up_add"),
    path(
        "frontline/consultations/<int:pk>/follow-ups/<int:follow_up_pk>/done/",
        views.follow_up_done,
        name="follow_up_done",
    ),
    path("frontline/cases/", views.case_list, name="case_list"),
    path("frontline/cases/new/", views.case_create, name="case_create"),
    path("frontline/cases/<int:pk>/", views.case_detail, name="case_detail"),
    path("frontline/cases/<int:pk>/steps/", views.case_step, name="case_step"),
    path("frontline/cases/<int:pk>/close/", views.case_close, name="case_close"),
    path("frontline/visits/", views.visit_list, name="visit_list"),
    path("frontline/visits/new/", views.visit_create, name="visit_create"),
    path("frontline/rooms/", views.room_list, name="room_list"),
    path("frontline/rooms/<str:code>/", views.room_detail, name="room_detail"),
    path("frontline/bookings/<int:pk>/attendance/", views.booking_attendance, name="booking_attendance"),
    path("frontline/programmes/", views.programme_list, name="programme_list"),
    path("frontline/programmes/<str:code>/", views.programme_detail, name="programme_detail"),
    path("frontline/sessions/<int:pk>/", views.session_detail, name="session_detail"),
    path(
        "frontline/registrations/<int:pk>/attendance/",
        views.registration_attendance,
        name="registration_attendance",
    ),
    path("frontline/shelters/", views.shelter_list, name="shelter_list"),
    path("frontline/shelters/<str:code>/", views.shelter_detail, name="shelter_detail"),
    path("frontline/public-sector/", views.public_sector, name="public_sector"),
    path("frontline/public-sector/screenings/", views.screening_request, name="screening_request"),
    path("frontline/public-sector/screenings/<int:pk>/decide/", views.screening_decide, name="screening_decide"),
    path("frontline/public-sector/conversions/", views.conversion_record, name="conversion_record"),
    path("portal/rooms/", views.portal_rooms, name="portal_rooms"),
    path("portal/rooms/<str:code>/", views.portal_room, name="portal_room"),
    path("portal/bookings/", views.portal_bookings, name="portal_bookings"),
    path("portal/bookings/<int:pk>/cancel/", views.portal_booking_cancel, name="portal_booking_cancel"),
    path("portal/programmes/", views.portal_programmes, name="portal_programmes"),
    path("portal/programmes/sessions/<int:pk>/register/", views.portal_register, name="portal_register"),
    path("portal/registrations/", views.portal_registrations, name="portal_registrations"),
    path("portal/registrations/<int:pk>/cancel/", views.portal_registration_cancel, name="portal_registration_cancel"),
    path("portal/registrations/<int:pk>/satisfaction/", views.portal_satisfaction, name="portal_satisfaction"),
    path("portal/certificates/<str:code>/", views.portal_certificate, name="portal_certificate"),
]
