"""Where other apps plug into the ticket — all plug-in points in one place, one registration style.

Each plug-in point is a module here with a ``register_<thing>(...)`` / ``unregister_<thing>(...)`` pair
that the contributing app calls from its ``AppConfig.ready()`` (never at import time), and a reader the
ticket code calls; with nothing registered the ticket works on its own. The ticket never imports the
apps that plug in (the import-layer test, tests/helpdesk/test_import_layers.py, keeps it so).

- :mod:`tickets.plugins.sections` — extra sections on the ticket page (``register_detail_section``).
- :mod:`tickets.plugins.parts` — a ticket's parts for letters, their cost, the parts it waits for
  (``register_parts_provider``).
- :mod:`tickets.plugins.guides` — the category's troubleshooting guide on the repair form and the guides a
  technician picks from (``register_guide_provider``).
- :mod:`tickets.plugins.guards` — vetoes on a ticket's status change (``register_transition_guard``).
- :mod:`tickets.plugins.asset_section` — the other direction: the ticket's repair history, which
  ``tickets.apps`` registers on the asset page (``assets.sections.register_asset_section``).

Dashboard widgets and report sections are product-wide, not ticket plug-ins: they register with
:mod:`helpdesk.dashboard` the same way.
"""
