"""Loading: a file a salesperson brings (CSV, TSV, TXT, XLSX, Parquet; an account list or order
lines) becomes the canonical accounts table of ``workbook.schema``, or an ``AccountDataError``
listing every problem.

>>> from workbook.loading import load, load_accounts, LoadResult, UploadedFile
"""

from workbook.loading.loader import load, load_accounts
from workbook.loading.result import LoadResult
from workbook.loading.source import UploadedFile

__all__ = ["LoadResult", "UploadedFile", "load", "load_accounts"]
