"""Rebuild static/fonts/Sarabun-*.ttf from the @fontsource/sarabun npm package.

WeasyPrint corrupts a PDF when several @font-face rules share one family with
unicode-range, so the Thai and Latin subsets are merged into one TTF per weight.
Needs the dev requirements (fontTools, brotli).
"""

import logging
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

WEIGHTS = {400: "Regular", 700: "Bold"}
SUBSETS = ("thai", "latin")


class Command(BaseCommand):
    help = "Merge the Thai and Latin Sarabun subsets into one TTF per weight."
    # A build tool: it must run even while the project's URLs/models are incomplete.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument("package_dir", help="unpacked @fontsource/sarabun package folder")

    def handle(self, *args, package_dir, **options):
        from fontTools.merge import Merger
        from fontTools.ttLib import TTFont

        # fontTools logs every merged table at INFO, which the root logger shows.
        logging.getLogger("fontTools").setLevel(logging.WARNING)

        files = Path(package_dir) / "files"
        sources = {
            (subset, weight): files / f"sarabun-{subset}-{weight}-normal.woff2"
            for weight in WEIGHTS
            for subset in SUBSETS
        }
        missing = [str(path) for path in sources.values() if not path.is_file()]
        if missing:
            raise CommandError("missing font files: " + ", ".join(missing))

        out_dir = Path(settings.BASE_DIR) / "static" / "fonts"
        out_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as tmp:
            for weight, name in WEIGHTS.items():
                parts = []
                for subset in SUBSETS:
                    font = TTFont(sources[subset, weight])
                    font.flavor = None  # woff2 -> plain TrueType
                    path = Path(tmp) / f"{subset}-{weight}.ttf"
                    font.save(path)
                    parts.append(str(path))
                # Thai first: its name/OS2 tables win, and cmap conflicts
                # (space, punctuation) resolve to the Thai subset's glyphs.
                merged = Merger().merge(parts)
                names = merged["name"]
                names.setName("Sarabun", 1, 3, 1, 0x409)
                names.setName(name, 2, 3, 1, 0x409)
                names.setName(f"Sarabun {name}", 4, 3, 1, 0x409)
                names.setName(f"Sarabun-{name}", 6, 3, 1, 0x409)
                cmap = merged.getBestCmap()
                if ord("ก") not in cmap or ord("A") not in cmap:
                    raise CommandError(f"merged {name} font lacks Thai or Latin glyphs")
                target = out_dir / f"Sarabun-{name}.ttf"
                merged.save(target)
                self.stdout.write(f"wrote {target} ({len(cmap)} code points)")
