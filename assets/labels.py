"""Label stock for the asset QR label sheets: A4 pages cut into a grid of labels.

Every label is placed at an absolute position computed here (millimetres from the
page's top-left corner), so the PDF and the HTML preview show the same grid and no
label can be pushed off the page by text or float layout.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

A4_WIDTH_MM = 210.0
A4_HEIGHT_MM = 297.0


@dataclass(frozen=True)
class LabelStock:
    key: str
    name: str
    columns: int
    rows: int
    width: float  # one label, mm
    height: float
    top: float  # page margin above the first row, mm
    left: float  # page margin left of the first column, mm
    gap_x: float = 0.0  # space between columns, mm
    gap_y: float = 0.0  # space between rows, mm

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    @property
    def qr_size(self) -> float:
        """QR square: the label height less a quiet margin, at most half the label width."""
        return round(min(self.height - 6.0, self.width / 2 - 2.0), 1)

    def position(self, index: int) -> tuple[float, float]:
        """(left, top) in mm of the label at ``index`` (0-based) on its page."""
        row, column = divmod(index, self.columns)
        return (round(self.left + column * (self.width + self.gap_x), 2),
                round(self.top + row * (self.height + self.gap_y), 2))

    def fits(self) -> bool:
        right = self.left + self.columns * self.width + (self.columns - 1) * self.gap_x
        bottom = self.top + self.rows * self.height + (self.rows - 1) * self.gap_y
        return right <= A4_WIDTH_MM and bottom <= A4_HEIGHT_MM


STOCKS = {stock.key: stock for stock in (
    # A4 24 labels 70 × 36 mm: 4.5 mm margins above and below (common Thai stock "A4 24 ดวง").
    LabelStock("a4-3x8", _("A4 24 ดวง (3 × 8, 70 × 36 มม.)"), 3, 8, 70.0, 36.0, top=4.5, left=0.0),
    # A4 21 labels 63.5 × 38.1 mm with 2.5 mm column gaps (Avery L7160 layout).
    LabelStock("a4-3x7", _("A4 21 ดวง (3 × 7, 63.5 × 38.1 มม.)"), 3, 7, 63.5, 38.1,
               top=15.15, left=7.25, gap_x=2.5),
    # A4 14 labels 99.1 × 38.1 mm (Avery L7163 layout).
    LabelStock("a4-2x7", _("A4 14 ดวง (2 × 7, 99.1 × 38.1 มม.)"), 2, 7, 99.1, 38.1,
               top=15.15, left=4.65, gap_x=2.5),
)}
DEFAULT_STOCK = "a4-3x8"
STOCK_CHOICES = [(stock.key, stock.name) for stock in STOCKS.values()]


def stock_for(key: str | None) -> LabelStock:
    return STOCKS.get(key or DEFAULT_STOCK, STOCKS[DEFAULT_STOCK])


def label_sheets(items: list, stock: LabelStock) -> list[list[dict]]:
    """Cut ``items`` into pages; each label carries its item and its position on the page."""
    sheets = []
    for start in range(0, len(items), stock.per_page):
        page = []
        for index, item in enumerate(items[start:start + stock.per_page]):
            left, top = stock.position(index)
            page.append({**item, "left": left, "top": top})
        sheets.append(page)
    return sheets
