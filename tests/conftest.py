"""Settings for the whole test suite."""

import pytest
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


@pytest.fixture(autouse=True)
def _english_again():
    """Every test starts in English and leaves it so (a test may switch the language)."""
    from workbook import i18n

    i18n.set_language(i18n.DEFAULT_LANGUAGE)
    yield
    i18n.set_language(i18n.DEFAULT_LANGUAGE)
