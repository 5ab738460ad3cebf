"""The list a plug-in point keeps what the apps register in (reminder sources, transition guards, repair
openers …): in registration order, each once."""


class Registered(list):
    """``register_x`` is ``add``, ``unregister_x`` is ``discard``; readers iterate it (or a copy of it)."""

    def add(self, item) -> None:
        if item not in self:
            self.append(item)

    def discard(self, item) -> None:
        if item in self:
            self.remove(item)
