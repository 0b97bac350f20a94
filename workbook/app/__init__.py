"""Serving the Voilà app: the launcher (``python -m workbook.app``), its server and configuration.

- ``server``: Voilà's application with the room view's trainer's page (``make app ROOM=name``).
- ``voila.json``: the hardened configuration (no tracebacks to viewers, no data files served,
  idle kernels culled, a preheated kernel, an execution timeout, an upload limit).
- ``jupyter/voila/templates/workbook``: the page template (Voilà's own, without CDN links).
"""

from pathlib import Path

APP_DIR = Path(__file__).resolve().parent
TEMPLATES_ROOT = APP_DIR / "jupyter"
CONFIG_FILE = APP_DIR / "voila.json"
