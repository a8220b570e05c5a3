"""The app refits the learner's FSRS parameters in the background, without being asked."""

from __future__ import annotations

import importlib.util
import time
from datetime import UTC, datetime
from pathlib import Path

from caucasusquiz.store.database import ProgressStore

HERE = Path(__file__).resolve().parent


def _add_history():
    spec = importlib.util.spec_from_file_location("refit_history", HERE.parent / "study" / "test_refit.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.add_history


async def test_parameters_are_refitted_at_launch_once_there_are_enough_reviews(
    app_factory, isolated_user_dirs
):
    store = ProgressStore.open(isolated_user_dirs / "progress.sqlite3")
    profile = store.profile("default", datetime(2025, 1, 1, tzinfo=UTC))
    _add_history()(store, profile.id, range(150))
    store.close()
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.opened.wait()
        deadline = time.monotonic() + 30
        while app.workspace.profile.fsrs_parameters is None and time.monotonic() < deadline:
            await pilot.pause()
            await app.workers.wait_for_complete()
        fitted = app.workspace.profile.fsrs_parameters
        assert fitted is not None  # the next session schedules with the learner's own parameters
    store = ProgressStore.open(isolated_user_dirs / "progress.sqlite3")
    try:
        assert store.parameters(profile.id) == fitted
    finally:
        store.close()


async def test_a_new_learner_keeps_the_default_parameters(app_factory, isolated_user_dirs):
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.opened.wait()
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert app.workspace.profile.fsrs_parameters is None
