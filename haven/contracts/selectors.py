"""Reads of contracts, scoped to the user."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404

from haven.contracts.models import Contract, ContractQuerySet

if TYPE_CHECKING:  # a type only: contracts and accounts do not import each other (ADR 0009)
    from haven.accounts.signed_in import Viewer


def contracts_visible_to(user: Viewer) -> ContractQuerySet:
    return Contract.objects.visible_to(user).select_related("commissioner", "provider")


def contract_for_user(user: Viewer, *, slug: str) -> Contract:
    """The contract if this user may see it, else 404 (its existence is not revealed)."""
    contract = contracts_visible_to(user).filter(slug=slug).first()
    if contract is None:
        raise Http404("No such contract")
    return contract
