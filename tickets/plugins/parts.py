"""Where the spare-parts app plugs in: the parts of a ticket for letters, and their cost.

The parts app registers providers at start-up (in its AppConfig.ready):

    register_parts_provider(lines=my_lines, costs=my_costs, waiting_parts=my_names)

`lines(ticket)` returns PartLine items; `costs(ticket_ids)` returns {ticket_id: Decimal};
`waiting_parts(ticket)` returns the names (no prices, no people) of the parts the ticket still waits
for, for the public tracking page. With no provider registered a ticket has no parts, no parts cost
and waits for nothing.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class PartLine:
    description: str
    quantity: Decimal | int = 1
    unit: str = ""
    cost: Decimal | None = None


_line_providers: list[Callable] = []
_cost_providers: list[Callable] = []
_waiting_providers: list[Callable] = []


def register_parts_provider(
    *, lines: Callable | None = None, costs: Callable | None = None, waiting_parts: Callable | None = None
) -> None:
    if lines is not None and lines not in _line_providers:
        _line_providers.append(lines)
    if costs is not None and costs not in _cost_providers:
        _cost_providers.append(costs)
    if waiting_parts is not None and waiting_parts not in _waiting_providers:
        _waiting_providers.append(waiting_parts)


def unregister_parts_provider(
    *, lines: Callable | None = None, costs: Callable | None = None, waiting_parts: Callable | None = None
) -> None:
    if lines in _line_providers:
        _line_providers.remove(lines)
    if costs in _cost_providers:
        _cost_providers.remove(costs)
    if waiting_parts in _waiting_providers:
        _waiting_providers.remove(waiting_parts)


def ticket_parts_lines(ticket) -> list[PartLine]:
    """The parts used on `ticket`, from every registered provider ([] until a parts app registers)."""
    result: list[PartLine] = []
    for provider in _line_providers:
        result.extend(provider(ticket))
    return result


def tickets_parts_cost(ticket_ids: Iterable[int]) -> dict[int, Decimal]:
    """Parts cost per ticket id, for many tickets at once."""
    ids = list(ticket_ids)
    total: dict[int, Decimal] = {}
    for provider in _cost_providers:
        for ticket_id, cost in provider(ids).items():
            total[ticket_id] = total.get(ticket_id, Decimal(0)) + Decimal(cost or 0)
    return total


def ticket_waiting_part_names(ticket) -> list[str]:
    """Names of the parts `ticket` still waits for (no prices), from every registered provider."""
    result: list[str] = []
    for provider in _waiting_providers:
        result.extend(str(name) for name in provider(ticket))
    return result
