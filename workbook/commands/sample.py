"""``python -m workbook sample``: write the synthetic sample data files."""

from __future__ import annotations

from workbook import formatting as fmt
from workbook import paths, sample
from workbook.i18n import ngettext


def run(args) -> int:
    out = args.out or paths.DATA_DIR
    out.mkdir(parents=True, exist_ok=True)
    files = {
        "sample_accounts.csv": (sample.sample_accounts(), dict(sep=",", encoding="utf-8")),
        "sample_team.csv": (sample.sample_team(), dict(sep=",", encoding="utf-8")),
        # As Excel writes "CSV UTF-8" on a Norwegian machine: BOM, semicolons, Windows line ends.
        "sample_orders_nb.csv": (
            sample.norwegian_orders(sample.sample_orders()),
            dict(sep=";", encoding="utf-8-sig", lineterminator="\r\n"),
        ),
    }
    for name, (frame, options) in files.items():
        frame.to_csv(out / name, index=False, **options)
        print(
            ngettext("wrote {file} ({n} row)", "wrote {file} ({n} rows)", len(frame)).format(
                file=out / name, n=fmt.number(len(frame))
            )
        )
    return 0
