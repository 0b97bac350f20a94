"""Report runs: the report notebooks executed with papermill, exported as offline HTML.

- :mod:`workbook.report.runner`: one report per owner (or for the whole file) plus the team
  overview, run in parallel, each written under a temporary name and renamed when complete.
- :mod:`workbook.report.kernels`: a kernel kept for the reports one worker writes in turn,
  cleared between two reports.
- :mod:`workbook.report.cluster`: the same reports as tasks on a Dask cluster (an optional extra).
- :mod:`workbook.report.html`: a standalone HTML file without code that loads nothing from
  anywhere (no script, stylesheet, font or image from outside the file).
- :mod:`workbook.report.manifest`: what was run, on which file, with which versions, and how it
  went.
- :mod:`workbook.report.sections`: the plain-words text and tables the notebooks show.

Only this package imports papermill, and only inside the functions that run notebooks, so the
notebooks can import :mod:`workbook.report.sections` without paying for it.
"""
