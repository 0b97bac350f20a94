"""``python -m workbook``: the command line (see ``workbook.cli``)."""

from workbook.cli import main

raise SystemExit(main())
