"""New-user trial 8 (everyday use in a small terminal): the flows it found broken, driven by Pilot."""

from __future__ import annotations

from textual import events

from .test_flows import SIZE, content, reviews, start_review


async def test_a_rating_key_in_the_same_read_as_enter_rates_and_is_not_typed(
    app_factory, clock, isolated_user_dirs
):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await start_review(pilot)
        await pilot.press(*"woodrow wilson")
        clock.mono += 20
        # Enter and 3 queued before either is handled, as from one terminal read (laggy SSH).
        app.post_message(events.Key("enter", "\r"))
        app.post_message(events.Key("3", "3"))
        for _ in range(4):
            await pilot.pause()
        assert "Freedom Support Act" in content(app, "#prompt")  # rated: the next card is shown
    assert reviews(isolated_user_dirs) == [("wilson-1919", 3, "right")]
