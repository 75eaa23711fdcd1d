"""A file's bytes to a table: CSV or XLSX, recognised by content, never by the name's extension."""

from django.utils.translation import gettext as _

from onderdak.imports.files import csvfiles, xlsxfiles
from onderdak.imports.files.problems import Cell, ReadError, Table

OLD_EXCEL = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the OLE2 container of .xls files
ZIP = b"PK\x03\x04"


def read_table(content: bytes, *, max_bytes: int) -> Table:
    """The first sheet of an XLSX workbook, or a CSV file, as a :class:`Table`.

    Raises :class:`ReadError` for anything that is not such a file, or is empty or too large.
    Any unexpected failure of a reader (a damaged file can surprise a parser) becomes a
    ``ReadError`` as well, so a caller only ever sees that.
    """
    if len(content) > max_bytes:
        raise ReadError(
            _("The file is larger than %(limit)s MB; split it or leave out empty rows.")
            % {"limit": megabytes(max_bytes)}
        )
    if not content.strip():
        raise ReadError(_("The file is empty."))
    if content.startswith(OLD_EXCEL):
        raise ReadError(_("This is an old Excel file (.xls). Save it as .xlsx or as CSV."))
    try:
        rows = (
            xlsxfiles.read_rows(content) if content.startswith(ZIP) else csvfiles.read_rows(content)
        )
        return table(rows)
    except ReadError:
        raise
    except Exception as error:  # a damaged file: reported, never a crash
        raise ReadError(_("The file could not be read; it may be damaged.")) from error


def megabytes(size: int) -> str:
    """A size in whole megabytes (MiB), as limits are configured."""
    return f"{size / (1024 * 1024):.0f}"


def table(rows: list[tuple[int, list[Cell]]]) -> Table:
    """The first non-blank row is the header; blank rows are left out."""
    filled = [(number, cells) for number, cells in rows if any(not blank(c) for c in cells)]
    if not filled:
        raise ReadError(_("The file is empty."))
    (header_row, header), *data = filled
    if not data:
        raise ReadError(_("The file has a header but no rows with data."))
    return Table(header=header, header_row=header_row, rows=data)


def blank(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())
