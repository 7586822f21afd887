from __future__ import annotations

import pytest

from tests.readonly import read_only_database


@pytest.fixture
def read_only_db(tmp_path):
    with read_only_database(tmp_path) as path:
        yield path
