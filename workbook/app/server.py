"""``python -m workbook.app.server ARGS``: Voilà's own command line, started a little faster.

The same as ``python -m voila ARGS``, without importing what the server never uses (see
``workbook.app.kernel.NOT_NEEDED``): about 1.6 CPU-seconds less at every start here. The page's
texts are passed as ``--VoilaConfiguration.resources={...}``, the form Voilà documents;
traitlets calls that form deprecated in favour of ``key=value`` pairs, which cannot carry them,
so the warning it prints at every start is left out.
"""

import warnings

from workbook.app.kernel import leave_out_unneeded


def main() -> None:
    leave_out_unneeded()
    warnings.filterwarnings("ignore", "--resources=", DeprecationWarning)
    from voila.app import main as voila

    voila()


if __name__ == "__main__":
    main()
