"""Serving the Voilà app: the launcher (``python -m workbook.app``), its server and configuration.

- ``server``: Voilà's application with the room view's trainer's page (``make app ROOM=name``).
- ``voila.json``: the hardened configuration (no tracebacks to viewers, no data files served,
  idle kernels culled, a preheated kernel, an execution timeout, an upload limit).
- ``jupyter/voila/templates/workbook``: the page template (Voilà's own, without CDN links).
- ``kernelspec/kernels/python3``: the app server's kernels (``kernel``, ``forkserver``,
  ``provisioner``): forks of one process that imported everything, each with a memory limit.
"""

from pathlib import Path

APP_DIR = Path(__file__).resolve().parent
TEMPLATES_ROOT = APP_DIR / "jupyter"
#: A Jupyter data folder holding only the app's kernel spec (on the app server's JUPYTER_PATH).
KERNELS_ROOT = APP_DIR / "kernelspec"
KERNEL_SPEC = KERNELS_ROOT / "kernels" / "python3" / "kernel.json"
CONFIG_FILE = APP_DIR / "voila.json"
