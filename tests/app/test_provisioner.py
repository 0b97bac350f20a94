"""The app's kernel provisioner: pool kernels take turns to start, and a failed start gives its
turn back (else every later visitor would wait for the pool for ever)."""

from __future__ import annotations

import asyncio

import pytest
from jupyter_client.kernelspec import KernelSpec

from workbook.app import provisioner
from workbook.app.provisioner import ForkedKernel, ForkProvisioner, ForkServerClient

COMMAND = ["python", "-m", provisioner.KERNEL_MODULE, "-f", "kernel.json"]
PREHEAT = {"VOILA_PREHEAT": "True"}


class GarbledServer:
    """A fork server whose first answer cannot be read, and which forks nothing after it."""

    def __init__(self):
        self.asked = 0

    async def start_kernel(self, argv, env, cwd):
        self.asked += 1
        if self.asked == 1:
            raise ValueError("not a JSON answer")
        return ForkedKernel(pid=1, connection=None)


@pytest.fixture()
def garbled(monkeypatch):
    server = GarbledServer()

    async def shared(_spec_env, _log):
        return server

    monkeypatch.setattr(ForkServerClient, "shared", shared)
    monkeypatch.setattr(ForkProvisioner, "_warming", None)
    monkeypatch.setattr(provisioner, "until_settled", lambda _pid: asyncio.sleep(0))
    return server


def provisioner_of_a_pool_kernel() -> ForkProvisioner:
    return ForkProvisioner(kernel_id="k", kernel_spec=KernelSpec(argv=COMMAND, env={}))


def test_a_pool_kernel_whose_start_failed_lets_the_next_one_start(garbled):
    async def two_starts():
        first = provisioner_of_a_pool_kernel()
        with pytest.raises(ValueError):
            await first.launch_kernel(COMMAND, env=PREHEAT)
        second = provisioner_of_a_pool_kernel()
        # the second waits for its turn: without the first's given back it would wait for ever
        await asyncio.wait_for(second.launch_kernel(COMMAND, env=PREHEAT), timeout=30)
        return second

    second = asyncio.run(two_starts())
    assert second.pid == 1 and garbled.asked == 2
