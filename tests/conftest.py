"""Settings for the whole test suite."""

from hypothesis import HealthCheck, settings

# The machine is shared and noisy: no test may fail on how long one example took.
settings.register_profile("workbook", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("workbook")


def pytest_ignore_collect(collection_path, config):
    """Do not collect conftest files as doctest modules (they are loaded as plugins anyway).

    With ``--doctest-modules``, two ``conftest.py`` in sibling test folders would otherwise be
    imported under the same module name and clash.
    """
    return True if collection_path.name == "conftest.py" else None
