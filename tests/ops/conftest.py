from tests.tickets.conftest import hw, make_ticket  # noqa: F401  (ticket fixtures shared with the tickets tests)
