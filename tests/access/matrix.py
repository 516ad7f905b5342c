"""Running one row of the access matrix: a route, named with an object of each side, requested by every persona.

A row is (kwargs, home GET, other GET, home POST, other POST): kwargs like "pk=decision item_pk=shared.item
kind:zip" (`key=attribute` of the side's objects or of `shared`, `key:literal`), then the status each persona gets,
in the order of PERSONAS, as a string of codes. Side "home" is inside the home department's scope (Sở Nội vụ), side
"other" outside it (Sở Tài chính). An anonymous visitor is sent to log in everywhere but on the public pages.
"""

from django.db import transaction
from django.urls import reverse

PERSONAS = ("administrator", "unit_head", "clerk", "inspector", "council_member", "secretary", "staff", "outsider")
SIDES = ("home", "other")
PUBLIC = {"emulation:notice_body"}
# Who is outside each side's unit scope: no page they may open names the side's person (but the public notices,
# which publish signed decisions with their recipients, as the law requires).
OUTSIDE = {"home": ("outsider",), "other": ("unit_head", "clerk", "staff")}


def kwargs_for(world, spec: str, side: str) -> dict:
    kwargs = {}
    for token in spec.split():
        if ":" in token and "=" not in token:
            key, value = token.split(":", 1)
            kwargs[key] = value
            continue
        key, path = token.split("=")
        thing = world
        for part in (path if path.startswith("shared.") else f"{side}.{path}").split("."):
            thing = getattr(thing, part)
        kwargs[key] = thing if isinstance(thing, str) else thing.pk
    return kwargs


def request(client, method: str, url: str) -> int:
    with transaction.atomic():  # whatever an allowed request changes is undone before the next one
        response = getattr(client, method)(url, {})
        transaction.set_rollback(True)
    return response


def outcome(response) -> str:
    """The status code, or "nil" for a 200 with an empty body (a fragment that shows nothing to this persona)."""
    empty = not response.streaming and not response.content
    return "nil" if response.status_code == 200 and empty else str(response.status_code)


def names_the_person(response, person) -> bool:
    page = response.status_code == 200 and not response.streaming
    return page and person.full_name in response.content.decode(errors="replace")


def observe(world, name: str, spec: str, leaks: list | None = None) -> tuple[str, str, str, str]:
    """The statuses the personas get, in the row's order: home GET, other GET, home POST, other POST. A page an
    outsider of the side opens that names the side's person is added to `leaks`."""
    urls = {side: reverse(name, kwargs=kwargs_for(world, spec, side)) for side in SIDES}
    row = []
    for method in ("get", "post"):
        for side in SIDES:
            codes = []
            for persona in PERSONAS:
                response = request(world.clients[persona], method, urls[side])
                codes.append(outcome(response))
                if (
                    persona in OUTSIDE[side]
                    and name not in PUBLIC
                    and names_the_person(response, getattr(world, side).person)
                ):
                    (leaks if leaks is not None else []).append((persona, method, side))
            row.append(" ".join(codes))
    return tuple(row)


def anonymous_open_doors(world, name: str, spec: str) -> list:
    """The requests of an anonymous visitor not answered as they should: login page (405 for a wrong method),
    the public pages open."""
    login, open_doors = reverse("account_login"), []
    for side in SIDES:
        url = reverse(name, kwargs=kwargs_for(world, spec, side))
        for method in ("get", "post"):
            response = request(world.clients["anonymous"], method, url)
            if name in PUBLIC and method == "get":
                as_expected = response.status_code == 200
            else:
                as_expected = response.status_code == 405 or (
                    response.status_code == 302 and response["Location"].startswith(login)
                )
            if not as_expected:
                open_doors.append((side, method, response.status_code))
    return open_doors


def check(world, name: str, row: tuple) -> None:
    spec, *expected = row
    leaks = []
    observed = observe(world, name, spec, leaks)
    labels = ("home GET", "other GET", "home POST", "other POST")
    wrong = {
        label: f"got {got} expected {want}"
        for label, got, want in zip(labels, observed, expected, strict=True)
        if got != want
    }
    assert not wrong, f"{name} ({' '.join(PERSONAS)}): {wrong}"
    assert not leaks, f"{name}: a persona outside the side's scope sees its person's name: {leaks}"
    assert not anonymous_open_doors(world, name, spec)
