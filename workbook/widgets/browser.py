"""What the participant's own browser does for the workbook: keep their answers, and save files.

Two small widgets with their JavaScript inline (no file is fetched from anywhere):

- :class:`BrowserStore` keeps a participant's answers and settings in their browser's
  ``localStorage``, under a key made from their file, so a reload or a dropped connection loses
  nothing and the server keeps nothing;
- :class:`DownloadButton` is a button that builds a file in the kernel's memory when pressed and
  hands it to the browser as a download (nothing is written to the server's disk).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable

import anywidget
import traitlets

log = logging.getLogger("workbook")

#: Every key the workbook keeps in a browser starts with this.
STORAGE_PREFIX = "account-focus-workbook:"

_STORE_JS = """
const PREFIX = "@PREFIX@";
function render({ model, el }) {
  el.style.display = "none";
  model.on("msg:custom", (msg) => {
    try {
      if (msg.op === "read") {
        model.send({ op: "loaded", key: msg.key,
                     value: window.localStorage.getItem(PREFIX + msg.key) || "" });
      } else if (msg.op === "write") {
        window.localStorage.setItem(PREFIX + msg.key, msg.value);
      } else if (msg.op === "remove") {
        window.localStorage.removeItem(PREFIX + msg.key);
      }
    } catch (error) {  // storage switched off (private mode): the workbook works without it
      model.send({ op: "unavailable", reason: String(error) });
    }
  });
  model.send({ op: "ready", search: window.location.search });
}
export default { render };
""".replace("@PREFIX@", STORAGE_PREFIX)

_DOWNLOAD_JS = """
function render({ model, el }) {
  const button = document.createElement("button");
  button.className = "jupyter-button widget-button mod-primary wb-download";
  button.type = "button";
  const label = () => { button.textContent = "\\u2B07 " + model.get("label"); };
  label();
  model.on("change:label", label);
  button.addEventListener("click", () => {
    button.disabled = true;
    model.send({ op: "build" });
  });
  model.on("msg:custom", (msg, buffers) => {
    button.disabled = false;
    if (msg.op !== "file") return;
    const blob = new Blob([buffers[0]], { type: msg.mime });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = msg.name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  });
  el.appendChild(button);
}
export default { render };
"""

MIME_TYPES = {
    ".csv": "text/csv",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".ics": "text/calendar",
    ".md": "text/markdown",
    ".html": "text/html",
}


def fingerprint(content: bytes | str) -> str:
    """Return a short key for a file's content: the same file gives the same key.

    Examples
    --------
    >>> fingerprint(b"Kunde;Omsetning\\n"), fingerprint("sample")
    ('3af055565c02dea5', 'sample')
    """
    if isinstance(content, str):
        return content
    return hashlib.sha256(content).hexdigest()[:16]


class BrowserStore(anywidget.AnyWidget):
    """A participant's answers and settings, kept in their own browser under a key.

    Display it once in the page (it shows nothing). ``load(key, on_loaded)`` asks the browser
    for what it kept under ``key`` and calls ``on_loaded(state)`` with the dict (empty when
    nothing was kept); ``save(state)`` keeps a dict; ``forget()`` removes it. Until the browser
    has answered for a key, ``save`` keeps nothing, so a fresh page never overwrites what a
    participant kept before.
    """

    _esm = _STORE_JS

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.key = ""
        self.ready = False
        self.available = True
        self._answered = False
        self._on_loaded: Callable[[dict], None] | None = None
        self.on_msg(self._message)

    def load(self, key: str, on_loaded: Callable[[dict], None]) -> None:
        """Start keeping under ``key``; ``on_loaded`` receives what the browser kept there."""
        self.key, self._on_loaded, self._answered = key, on_loaded, False
        if self.ready:
            self.send({"op": "read", "key": key})

    def save(self, state: dict) -> None:
        """Keep ``state`` (plain data) in the browser under the current key."""
        if self.key and self._answered and self.ready:
            self.send({"op": "write", "key": self.key, "value": json.dumps(state)})

    def forget(self) -> None:
        """Remove what is kept under the current key."""
        if self.key and self.ready:
            self.send({"op": "remove", "key": self.key})

    def _message(self, _widget, content: dict, _buffers) -> None:
        op = content.get("op")
        if op == "ready":
            self.ready = True
            if self.key:
                self.send({"op": "read", "key": self.key})
        elif op == "loaded" and content.get("key") == self.key:
            self._answered = True
            try:
                state = json.loads(content.get("value") or "{}")
            except ValueError:
                state = {}
            if self._on_loaded is not None:
                self._on_loaded(state if isinstance(state, dict) else {})
        elif op == "unavailable":
            self.available = False
            log.info("the browser keeps nothing: %s", content.get("reason"))


class DownloadButton(anywidget.AnyWidget):
    """A button that builds a file when pressed and saves it in the browser.

    Parameters
    ----------
    label : str
        What the button says, e.g. "Download my plan (HTML)".
    filename : callable
        Returns the file's name (asked for at each press).
    build : callable
        Returns the file's bytes (built at each press, so it is never stale).
    on_error : callable, optional
        Called with the exception when building fails (e.g. a panel's message area).
    """

    _esm = _DOWNLOAD_JS
    label = traitlets.Unicode("").tag(sync=True)

    def __init__(
        self,
        label: str,
        filename: Callable[[], str],
        build: Callable[[], bytes],
        on_error: Callable[[BaseException], None] | None = None,
    ):
        super().__init__(label=label)
        self.filename, self.build, self.on_error = filename, build, on_error
        self.on_msg(self._message)

    def content(self) -> tuple[str, bytes]:
        """Return the file's name and bytes, as a press would build them."""
        return self.filename(), self.build()

    def _message(self, _widget, content: dict, _buffers) -> None:
        if content.get("op") != "build":
            return
        try:
            name, data = self.content()
        except Exception as error:  # shown to the person, never a traceback
            self.send({"op": "failed"})
            if self.on_error is not None:
                self.on_error(error)
            else:
                log.exception("a download could not be built", exc_info=error)
            return
        mime = MIME_TYPES.get(name[name.rfind(".") :].lower(), "application/octet-stream")
        self.send({"op": "file", "name": name, "mime": mime}, buffers=[data])
