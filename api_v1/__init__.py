"""Version 1 of the REST API: the routes of every domain app's api.py, in one URLconf (docs/api.md).

Kept outside helpdesk/ so the shared layer never imports a domain app; the root URLconf includes it by name.
"""
