"""The loader in a child process with a hard memory limit and a time limit per file.

A hostile file must not take the machine down with it, so the property tests feed their files to
a child process whose address space is capped (``resource.setrlimit(RLIMIT_AS)``) and wait a
bounded time for each answer. The child keeps running between files (importing pandas and
pyarrow once), and is started again after a file that killed it or ran out of time.

>>> with BoundedLoader() as loader:
...     loader.load("a.csv", b"Kunde;Omsetning\\nFjord AS;1 234,50\\n").kind
'loaded'
"""

from __future__ import annotations

import os
import pickle
import select
import struct
import subprocess
import sys
from dataclasses import dataclass

#: The child's address space: what it holds after importing the loader (about 1.7 GB of mostly
#: reserved, untouched memory on this machine) plus room for the files the tests make.
MEMORY_LIMIT = 3 * 1024**3
SECONDS = 30

_CHILD = r"""
import os, pickle, resource, struct, sys, traceback
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from workbook.errors import AccountDataError
from workbook.loading import UploadedFile, load
inp, out = sys.stdin.buffer, sys.stdout.buffer
def send(answer):
    blob = pickle.dumps(answer)
    out.write(struct.pack("<Q", len(blob)) + blob)
    out.flush()
send(("ready", None))
while True:
    head = inp.read(8)
    if len(head) < 8:
        break
    name, content, options = pickle.loads(inp.read(struct.unpack("<Q", head)[0]))
    try:
        result = load(UploadedFile(name, content), **options)
        result.to_dict()
        answer = ("loaded", len(result.accounts))
    except AccountDataError as err:
        problems = [(p.code, str(p)) for p in err.problems]
        answer = ("refused", problems) if problems else ("crashed", "no problems listed")
    except BaseException:
        answer = ("crashed", traceback.format_exc())
    send(answer)
"""


@dataclass(frozen=True)
class Outcome:
    """What loading one file gave: ``loaded`` (detail: the number of accounts), ``refused``
    (detail: (code, text) of each problem), ``crashed`` (another exception: its traceback),
    ``died`` (the process was killed: its exit status) or ``timeout``."""

    kind: str
    detail: object = None

    @property
    def acceptable(self) -> bool:
        """A load or an AccountDataError, as the loader promises; nothing else."""
        return self.kind in ("loaded", "refused")


class BoundedLoader:
    """Load files in a child process under ``memory`` bytes of address space and ``seconds``
    per file."""

    def __init__(self, memory: int = MEMORY_LIMIT, seconds: float = SECONDS):
        self.memory, self.seconds = memory, seconds
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> BoundedLoader:
        self._start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop()

    def load(self, name: str, content: bytes, **options) -> Outcome:
        """Return the outcome of loading ``content`` as a file called ``name``."""
        if self.process is None or self.process.poll() is not None:
            self._start()
        blob = pickle.dumps((name, content, options))
        try:
            self.process.stdin.write(struct.pack("<Q", len(blob)) + blob)
            self.process.stdin.flush()
        except BrokenPipeError:
            return self._died()
        answer = self._receive(self.seconds)
        if answer is None:
            if self.process.poll() is None:
                self._stop()
                return Outcome("timeout", self.seconds)
            return self._died()
        return Outcome(*answer)

    def _died(self) -> Outcome:
        status = self.process.wait()
        self.process = None
        return Outcome("died", status)

    def _receive(self, seconds: float):
        out = self.process.stdout
        head = self._read(out, 8, seconds)
        if head is None:
            return None
        body = self._read(out, struct.unpack("<Q", head)[0], seconds)
        return None if body is None else pickle.loads(body)

    @staticmethod
    def _read(stream, size: int, seconds: float) -> bytes | None:
        data = b""
        while len(data) < size:
            ready, _, _ = select.select([stream], [], [], seconds)
            if not ready:
                return None
            chunk = os.read(stream.fileno(), size - len(data))
            if not chunk:
                return None
            data += chunk
        return data

    def _start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(self.memory)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        if self._receive(120) != ("ready", None):
            self._stop()
            raise RuntimeError("the bounded loader did not start")

    def _stop(self) -> None:
        if self.process is not None:
            if self.process.poll() is None:
                self.process.kill()  # our own child, by its handle
            self.process.wait()
            self.process = None
