"""The in-app class report (Ctrl+P → Class report) with nothing to report, and in a narrow window."""

from __future__ import annotations

from caucasusquiz.classroom.report import ClassReport
from caucasusquiz.classroom.report_layout import NOTHING_YET
from caucasusquiz.ui.screens.class_report import ClassReportScreen


async def laid_out(pilot, report: ClassReport | None = None) -> ClassReportScreen:
    if report is None:
        pilot.app.class_report()
    else:
        pilot.app.push_screen(ClassReportScreen(report))
    for _ in range(20):
        await pilot.pause()
        screen = pilot.app.screen
        if isinstance(screen, ClassReportScreen) and screen.width_laid_out:
            return screen
    raise AssertionError(type(pilot.app.screen).__name__)


async def test_with_nothing_to_report_the_report_says_so(app_factory):
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.opened.wait()
        screen = await laid_out(pilot, ClassReport([], [], []))
        assert str(screen.query_one("#class-report-text").render()) == NOTHING_YET


async def test_the_report_follows_the_window_when_it_narrows(app_factory):
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.opened.wait()
        screen = await laid_out(pilot)
        assert "Students" in str(screen.query_one("#class-report-text").render())
        await pilot.resize_terminal(60, 24)
        for _ in range(20):
            await pilot.pause()
            if screen.width_laid_out < 60:
                break
        lines = str(screen.query_one("#class-report-text").render()).splitlines()
        assert max(map(len, lines)) <= screen.width_laid_out < 60
        assert screen.query_one("#class-report").max_scroll_x == 0
