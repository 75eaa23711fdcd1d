"""XLSX workbooks: the first sheet, read with python-calamine (decision 0013).

A workbook is a zip package; before calamine opens it, the package is checked so that a damaged
or hostile file cannot exhaust the server's memory:

- every XML part is decompressed once as a stream, with the total capped (a zip bomb stops at the
  cap, and a part whose size in the zip's directory is false fails its check);
- the cells every worksheet uses must fit in :data:`MAX_CELLS`: calamine allocates the rectangle
  from the first to the last cell with a value, so a cell at XFD1048576 would ask for 17 billion.
"""

import io
import re
import zipfile

from django.utils.translation import gettext as _
from python_calamine import CalamineWorkbook

from onderdak.core.formatting import localized_number
from onderdak.imports.files.columns import letter
from onderdak.imports.files.problems import Cell, ReadError

#: Decompressed XML of a workbook, at most: a 100,000-row count file has about 30 MB.
MAX_XML_BYTES = 200 * 1024 * 1024
#: Cells in the rectangle a worksheet uses, at most (100,000 rows of 50 columns).
MAX_CELLS = 5_000_000
WORKBOOK_PARTS = {"[Content_Types].xml", "xl/workbook.xml"}
WORKSHEET = re.compile(r"^xl/worksheets/[^/]+\.xml$")
#: The column letters of a cell reference, and the row number of a row or cell reference.
CELL_COLUMN = re.compile(rb'<(?:\w+:)?c\b[^>]*?\sr="([A-Z]{1,3})[0-9]')
ROW_NUMBER = re.compile(rb'\sr="[A-Z]{0,3}([0-9]{1,7})"')
CHUNK = 1024 * 1024
OVERLAP = 64  # bytes kept between chunks so a reference cut in two is still found


def read_rows(content: bytes) -> list[tuple[int, list[Cell]]]:
    """The first sheet's rows, numbered as in the spreadsheet (row 1 is the sheet's first)."""
    package = _package(content)
    _check_parts(package)
    sheet = CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_index(0)
    first_row = sheet.start[0] + 1 if sheet.start else 1
    return [(first_row + index, list(cells)) for index, cells in enumerate(sheet.to_python())]


def _package(content: bytes) -> zipfile.ZipFile:
    try:
        package = zipfile.ZipFile(io.BytesIO(content))
        names = set(package.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ReadError(_("The file looks like a zip archive but is damaged.")) from error
    if "mimetype" in names and b"opendocument" in _small(package, "mimetype"):
        raise ReadError(_("This is an OpenDocument spreadsheet (.ods). Save it as .xlsx or CSV."))
    if not names >= WORKBOOK_PARTS:
        raise ReadError(_("The file is a zip archive, not an Excel workbook (.xlsx)."))
    return package


def _small(package: zipfile.ZipFile, name: str) -> bytes:
    with package.open(name) as part:
        return part.read(200)


def _check_parts(package: zipfile.ZipFile) -> None:
    """Decompress every XML part once (capped) and measure the cells each worksheet uses."""
    budget = MAX_XML_BYTES
    for info in package.infolist():
        if not info.filename.endswith((".xml", ".rels")):
            continue
        if info.file_size > budget:
            raise ReadError(_("The workbook is too large once unpacked."))
        extent = _Extent() if WORKSHEET.match(info.filename) else None
        budget -= _stream(package, info, budget, extent)
        if extent is not None and extent.cells > MAX_CELLS:
            raise ReadError(
                _(
                    "A sheet uses cells up to row %(row)s and column %(column)s: that is more "
                    "than the %(limit)s cells allowed. Remove what lies outside the table."
                )
                % {
                    "row": extent.last_row,
                    "column": extent.last_column,
                    "limit": localized_number(MAX_CELLS, 0, grouped=True),
                }
            )


def _stream(package: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int, extent) -> int:
    """Read a part to its end (the zip module checks its size and CRC); the bytes read."""
    read, tail = 0, b""
    with package.open(info) as part:
        while chunk := part.read(CHUNK):
            read += len(chunk)
            if read > budget:
                raise ReadError(_("The workbook is too large once unpacked."))
            if extent is not None:
                extent.add(tail + chunk)
                tail = chunk[-OVERLAP:]
    return read


class _Extent:
    """The rectangle of cells a worksheet's XML refers to."""

    def __init__(self) -> None:
        self.first_row = self.first_col = 10**9
        self.last_row = self.last_col = 0

    def add(self, xml: bytes) -> None:
        """Widen the rectangle by the references in ``xml`` (collected by the regex engine, so a
        30 MB sheet is measured in a fraction of a second)."""
        rows = list(map(int, set(ROW_NUMBER.findall(xml))))
        if rows:
            self.first_row, self.last_row = min(self.first_row, *rows), max(self.last_row, *rows)
        for letters in set(CELL_COLUMN.findall(xml)):
            column = _column_number(letters)
            self.first_col, self.last_col = min(self.first_col, column), max(self.last_col, column)

    @property
    def last_column(self) -> str:
        return letter(max(self.last_col, 1) - 1)

    @property
    def cells(self) -> int:
        if not self.last_row:
            return 0
        columns = max(self.last_col - self.first_col + 1, 1) if self.last_col else 1
        return (self.last_row - self.first_row + 1) * columns


def _column_number(letters: bytes) -> int:
    number = 0
    for char in letters:
        number = number * 26 + char - 64
    return number
