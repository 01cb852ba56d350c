"""The signed-in member of staff, typed for the services (``login_required`` has already run)."""

from django.http import HttpRequest

from haven.accounts.models import User


def staff_user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user
