"""One module per sub-command of ``python -m workbook``, each with ``run(args) -> int``."""
