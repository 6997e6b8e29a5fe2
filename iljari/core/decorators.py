"""View decorators over iljari.core.access, for views that are not ours to edit (the API docs)."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login

from iljari.core.access import access_office_view, require


def office_page(view):
    """Logged-in office users only: others are sent to log in, or refused with 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        require(access_office_view(request.user))
        return view(request, *args, **kwargs)

    return wrapper
