"""Small helpers that keep chart data lean: only the columns drawn, floats rounded."""

from __future__ import annotations

import pandas as pd


def lean(frame: pd.DataFrame, columns: list[str], *, decimals: int = 5) -> pd.DataFrame:
    """Return only ``columns`` of ``frame``, floats rounded, as plain Python-friendly dtypes.

    Rounding to 5 decimals keeps a curve exact to the pixel and its JSON small.
    """
    out = frame.loc[:, columns].copy()
    for name in out.columns:
        if pd.api.types.is_float_dtype(out[name]):
            out[name] = out[name].round(decimals)
        elif pd.api.types.is_string_dtype(out[name]) or isinstance(
            out[name].dtype, pd.CategoricalDtype
        ):
            out[name] = out[name].astype(object)
    return out.reset_index(drop=True)
