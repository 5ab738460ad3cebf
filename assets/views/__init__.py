"""Views of the asset registry, by topic."""
