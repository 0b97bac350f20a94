"""What every kernel and every report run imports stays cheap: jsonschema (under Altair and
nbformat) does not compile its IRI grammar, and validation still catches a wrong chart."""

from __future__ import annotations

import json
import subprocess
import sys

CHECK = """
import json, sys
import altair as alt
import workbook.charts, nbformat
try:
    alt.Chart().mark_point(size="big").to_dict()
    caught = False
except alt.utils.schemapi.SchemaValidationError:
    caught = True
print(json.dumps({"iri_grammar": sys.modules.get("rfc3987_syntax") is not None, "caught": caught}))
"""


def test_the_iri_grammar_is_not_compiled_and_charts_are_still_validated():
    # "import workbook" must come first, as in every notebook and in the command line
    code = "import workbook\n" + CHECK
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"iri_grammar": False, "caught": True}
