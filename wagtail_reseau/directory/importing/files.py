"""Reading an uploaded spreadsheet: shared with the practices' import
(``core/importing/files.py``)."""

from ...core.importing.files import (  # noqa: F401 (re-exported)
    CSV_ENCODINGS,
    XLSX_MAGIC,
    ImportFileError,
    detect_format,
    read_csv,
    read_dataset,
    read_xlsx,
)
