"""Reads of contracts, scoped to the user."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from haven.contracts.models import Contract, ContractQuerySet


def contracts_visible_to(user: Any) -> ContractQuerySet:
    return Contract.objects.visible_to(user).select_related("commissioner", "provider")


def contract_for_user(user: Any, *, slug: str) -> Contract:
    """The contract if this user may see it, else 404 (its existence is not revealed)."""
    contract = contracts_visible_to(user).filter(slug=slug).first()
    if contract is None:
        raise Http404("No such contract")
    return contract
