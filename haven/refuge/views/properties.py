"""Service managers keep their properties, rooms and voids (issue 13 item 1). These pages show
no one's data: names of properties (never addresses) and rooms."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from haven.accounts.signed_in import staff_user
from haven.casework.views.rendering import render_page
from haven.refuge.forms import PropertyForm, RoomForm, VoidForm, yes
from haven.refuge.models import Property, Room
from haven.refuge.selectors import (
    contracts_of_organisation,
    managed_organisations,
    managed_properties,
    property_for_manager,
    room_of,
)
from haven.refuge.services import property_save, room_save, room_void_record

type View = Callable[..., HttpResponse]


def keeps_properties(view: View) -> View:
    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm("refuge.manage_properties"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@keeps_properties
def property_list(request: HttpRequest) -> HttpResponse:
    properties = managed_properties(request.user).prefetch_related("rooms", "contracts")
    return render_page(request, "refuge/property_list.html", {"properties": properties})


def _property_form(
    request: HttpRequest, refuge_property: Property | None
) -> tuple[PropertyForm, list[Any]]:
    organisations = (
        [refuge_property.organisation] if refuge_property else managed_organisations(request.user)
    )
    contracts = [c for o in organisations for c in contracts_of_organisation(o)]
    initial: dict[str, Any] = {}
    if refuge_property is not None:
        initial = {
            "name": refuge_property.name,
            "kind": refuge_property.kind,
            "takes": refuge_property.takes,
            "area_label": refuge_property.area_label,
            "in_commissioner_area": "yes" if refuge_property.in_commissioner_area else "no",
            "contracts": [str(c.pk) for c in refuge_property.contracts.all()],
        }
    form = PropertyForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        organisations=organisations,
        contracts=contracts,
    )
    return form, organisations


def _save_property(
    request: HttpRequest, refuge_property: Property | None
) -> HttpResponse | PropertyForm:
    form, organisations = _property_form(request, refuge_property)
    if request.method == "POST" and form.is_valid() and organisations:
        data = form.cleaned_data
        chosen = [
            o
            for o in organisations
            if str(o.pk) == data.get("organisation", str(organisations[0].pk))
        ]
        if not chosen:
            form.add_error("organisation", "Select the provider")
            return form
        contracts = [
            c for c in contracts_of_organisation(chosen[0]) if str(c.pk) in data["contracts"]
        ]
        saved: list[Property] = []
        if form.saved_by(
            lambda: saved.append(
                property_save(
                    organisation=chosen[0],
                    saved_by=staff_user(request),
                    name=data["name"],
                    kind=data["kind"],
                    takes=data["takes"],
                    area_label=data["area_label"],
                    in_commissioner_area=yes(data["in_commissioner_area"]),
                    contracts=contracts,
                    refuge_property=refuge_property,
                )
            )
        ):
            messages.success(request, "Property saved")
            return redirect("refuge:property", saved[0].pk)
    return form


@keeps_properties
def property_add(request: HttpRequest) -> HttpResponse:
    result = _save_property(request, None)
    if isinstance(result, HttpResponse):
        return result
    return render_page(
        request, "refuge/property_form.html", {"form": result, "title": "Add a property"}
    )


@keeps_properties
def property_detail(request: HttpRequest, property_id: Any) -> HttpResponse:
    refuge_property = property_for_manager(request.user, property_id)
    result = _save_property(request, refuge_property)
    if isinstance(result, HttpResponse):
        return result
    return render_page(
        request,
        "refuge/property_detail.html",
        {"form": result, "property": refuge_property, "rooms": refuge_property.rooms.all()},
    )


def _room_form(request: HttpRequest, room: Room | None) -> RoomForm:
    initial: dict[str, Any] = {"bedrooms": 1, "features": ["children_allowed"]}
    if room is not None:
        features = ["accessible", "pets_allowed", "children_allowed"]
        initial = {
            "name": room.name,
            "bedrooms": room.bedrooms,
            "features": [f for f in features if getattr(room, f)],
        }
    return RoomForm(request.POST if request.method == "POST" else None, initial=initial)


@keeps_properties
def room_edit(request: HttpRequest, property_id: Any, room_id: Any = None) -> HttpResponse:
    refuge_property = property_for_manager(request.user, property_id)
    room = room_of(refuge_property, room_id) if room_id else None
    form = _room_form(request, room)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: room_save(
                refuge_property=refuge_property,
                saved_by=staff_user(request),
                name=data["name"],
                bedrooms=data["bedrooms"],
                accessible="accessible" in data["features"],
                pets_allowed="pets_allowed" in data["features"],
                children_allowed="children_allowed" in data["features"],
                room=room,
            )
        ):
            messages.success(request, "Room saved")
            return redirect("refuge:property", refuge_property.pk)
    title = f"Change {room.name}" if room else "Add a room"
    return render_page(
        request,
        "refuge/room_form.html",
        {"form": form, "property": refuge_property, "title": title},
    )


@keeps_properties
def void_add(request: HttpRequest, property_id: Any, room_id: Any) -> HttpResponse:
    refuge_property = property_for_manager(request.user, property_id)
    room = room_of(refuge_property, room_id)
    form = VoidForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: room_void_record(
                room=room,
                recorded_by=staff_user(request),
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                reason=data["reason"],
            )
        ):
            messages.success(request, "Void recorded")
            return redirect("refuge:property", refuge_property.pk)
    return render_page(
        request,
        "refuge/room_form.html",
        {
            "form": form,
            "property": refuge_property,
            "title": f"Take {room.name} out of use",
            "voids": room.voids.all()[:10],
        },
    )
