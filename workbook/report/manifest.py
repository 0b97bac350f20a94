"""The manifest of a report run: what was run on which file, with which versions, and how it went.

``manifest.json`` holds everything; ``manifest.csv`` has one row per report for a spreadsheet
(owner names made formula-safe, as every table the workbook writes).
"""

from __future__ import annotations

import hashlib
import json
import platform
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

import pandas as pd

from workbook.spreadsheet import csv_bytes

#: The libraries whose versions decide what a report shows and how it is made.
LIBRARIES = (
    "pandas",
    "numpy",
    "pyarrow",
    "altair",
    "vl-convert-python",
    "papermill",
    "nbclient",
    "nbconvert",
    "nbformat",
    "ipykernel",
    "jupyter_client",
)

CSV_COLUMNS = [
    "kind",
    "owner",
    "status",
    "error",
    "input_file",
    "input_sha256",
    "parameters",
    "duration_s",
    "attempts",
    "notebook",
    "html",
    "workbook_version",
]


@dataclass
class ReportRecord:
    """One report of a run: whose, how it went, and where it is."""

    kind: str  # "owner", "file" (the whole file) or "team"
    owner: str
    status: str = "pending"  # "ok" or "failed"
    error: str = ""
    parameters: dict = field(default_factory=dict)
    duration_s: float = 0.0
    attempts: int = 0
    notebook: str | None = None
    html: str | None = None


def file_sha256(path: str | Path) -> str:
    """Return the SHA-256 of a file's bytes, read in blocks.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder, "accounts.csv")
    ...     _ = path.write_bytes(b"account,revenue\\nFjordbakeri AS,94000\\n")
    ...     file_sha256(path)[:16]
    'fd7b6db88e1523f1'
    """
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def versions() -> dict[str, str]:
    """Return the versions of Python, the workbook and the libraries a report depends on."""
    from workbook import __version__

    found = {"python": platform.python_version(), "workbook": __version__}
    for name in LIBRARIES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "not installed"
    return found


def build_manifest(
    records: list[ReportRecord],
    *,
    input_path: str | Path,
    input_sha256: str,
    parameters: dict,
    jobs: int,
    started: str,
    duration_s: float,
    cluster: dict | None = None,
) -> dict:
    """Return the manifest as plain data (what ``manifest.json`` holds).

    ``cluster`` (a run on a Dask cluster) holds the scheduler's address and each worker's
    versions; ``versions`` are always those of the machine that ran the command.
    """
    manifest = {
        "input_file": str(input_path),
        "input_sha256": input_sha256,
        "parameters": parameters,
        "jobs": jobs,
        "started": started,
        "duration_s": round(duration_s, 3),
        "ok": sum(r.status == "ok" for r in records),
        "failed": sum(r.status != "ok" for r in records),
        "versions": versions(),
        "reports": [asdict(r) for r in records],
    }
    if cluster is not None:
        manifest["cluster"] = cluster
    return manifest


def manifest_json(manifest: dict) -> bytes:
    """Return the manifest as UTF-8 JSON bytes."""
    return json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")


def manifest_csv(manifest: dict) -> bytes:
    """Return one CSV row per report (parameters as JSON text), safe to open in a spreadsheet.

    Examples
    --------
    >>> record = ReportRecord("owner", "=Ingrid Berg", "ok", parameters={"a": 0.3})
    >>> manifest = {"input_file": "team.csv", "input_sha256": "ab12",
    ...             "versions": {"workbook": "0.1.0"}, "reports": [asdict(record)]}
    >>> manifest_csv(manifest).decode("utf-8-sig").splitlines()[1]
    'owner,\\'=Ingrid Berg,ok,,team.csv,ab12,"{""a"": 0.3}",0.0,0,,,0.1.0'
    """
    rows = [
        {
            **report,
            "input_file": manifest["input_file"],
            "input_sha256": manifest["input_sha256"],
            "parameters": json.dumps(report["parameters"], ensure_ascii=False),
            "workbook_version": manifest["versions"]["workbook"],
        }
        for report in manifest["reports"]
    ]
    return csv_bytes(pd.DataFrame(rows, columns=CSV_COLUMNS))
