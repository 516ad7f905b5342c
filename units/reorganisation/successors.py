"""Checking a unit's successors as an administrator sets them by hand (unit form, unit import).

Rules
-----
- A unit may name several successors (a split): the first is `successor`, the others `further_successors`.
- A unit is never its own successor; every successor must exist; no chain of successors may come back to where it
  started (A → B → A), since a unit's history follows its successors.
"""

import re

from django.utils.translation import gettext as _

from units.models import Unit

SEPARATORS = re.compile(r"[;,\s]+")


def split_codes(text: str) -> list[str]:
    """Codes written in one cell, separated by ';', ',' or spaces, in order and without repeats."""
    return list(dict.fromkeys(code for code in SEPARATORS.split(text or "") if code))


def successor_graph() -> dict[int, set[int]]:
    """Every unit's successors (first and further), by key, as stored: two queries."""
    graph: dict[int, set[int]] = {}
    for pk, successor in Unit.objects.filter(successor__isnull=False).values_list("pk", "successor_id"):
        graph.setdefault(pk, set()).add(successor)
    through = Unit.further_successors.through.objects.values_list("from_unit_id", "to_unit_id")
    for pk, successor in through:
        graph.setdefault(pk, set()).add(successor)
    return graph


def find_cycles(graph: dict) -> list[list]:
    """The cycles of a directed graph {node: successors}, each as the list of its nodes (first node repeated last)."""
    state: dict = {}  # node -> "open" while on the current path, "done" once all it reaches is explored
    cycles = []
    for start in graph:
        if start in state:
            continue
        path, stack = [start], [iter(graph.get(start, ()))]
        state[start] = "open"
        while stack:
            node = next(stack[-1], None)
            if node is None:
                state[path.pop()] = "done"
                stack.pop()
            elif state.get(node) == "open":
                cycles.append([*path[path.index(node) :], node])
            elif node not in state:
                state[node] = "open"
                path.append(node)
                stack.append(iter(graph.get(node, ())))
    return cycles


def successor_errors(unit: Unit | None, successors: list[Unit]) -> list[str]:
    """Why `successors` cannot be the successors of `unit` (None: a unit not yet saved, which nothing leads to)."""
    if unit is None or unit.pk is None:
        return []
    graph = successor_graph()
    graph[unit.pk] = {other.pk for other in successors}
    for cycle in find_cycles(graph):
        if unit.pk in cycle:
            start = cycle.index(unit.pk)
            cycle = [*cycle[start:-1], *cycle[:start], unit.pk]  # told from the unit being edited
            names = dict(Unit.objects.filter(pk__in=cycle).values_list("pk", "name"))
            chain = " → ".join(names[pk] for pk in cycle)
            return [_("Chuỗi đơn vị kế thừa quay vòng: %(chain)s.") % {"chain": chain}]
    return []
