"""The signed-in member of staff, typed for the services (``login_required`` has already run)."""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from haven.accounts.models import User


def staff_user(request: HttpRequest) -> User:
    """``request.user`` as the User the services record as the actor (never anonymous)."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user


type Viewer = User | AnonymousUser
"""Whom a read is for: selectors and access scopes take anyone and show an anonymous user nothing."""
