"""``clerkdesk deadline ...``: the JSON contract, readable output and one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from clerkdesk.cli import main


def run_json(capsys, *args):
    assert main(["deadline", *args, "--json"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return json.loads(captured.out)


def test_clear_days_working_reading(capsys):
    out = run_json(capsys, "clear-days", "2019-07-09", "5")
    assert set(out) == {"date", "latest_working_day", "explanation"}
    assert out["date"] == "2019-07-01" and out["latest_working_day"] == "2019-07-01"
    assert "Latest publication date: Monday 1 July 2019" in out["explanation"]


def test_clear_days_calendar_reading(capsys):
    out = run_json(capsys, "clear-days", "2019-07-09", "5", "--calendar")
    assert out["date"] == "2019-07-03"


def test_clear_days_on_a_weekend_gives_the_despatch_working_day(capsys):
    out = run_json(capsys, "clear-days", "2020-05-26", "5")
    assert (out["date"], out["latest_working_day"]) == ("2020-05-17", "2020-05-15")


def test_working_days_after(capsys):
    out = run_json(capsys, "working-days-after", "2019-05-21", "10")
    assert set(out) == {"date", "explanation"}
    assert out["date"] == "2019-06-05"
    assert "bank holiday: Spring Bank Holiday" in out["explanation"]


def test_working_days_before_at_noon(capsys):
    out = run_json(capsys, "working-days-before", "2019-07-09", "3", "--at", "12:00")
    assert set(out) == {"date", "datetime", "explanation"}
    assert out["date"] == "2019-07-04"
    assert out["datetime"] == "2019-07-04T12:00:00+01:00"


def test_working_days_before_without_a_time_has_no_datetime(capsys):
    out = run_json(capsys, "working-days-before", "2016-03-08", "3")
    assert set(out) == {"date", "explanation"} and out["date"] == "2016-03-03"


def test_clear_days_after(capsys):
    out = run_json(capsys, "clear-days-after", "2021-07-02", "28")
    assert set(out) == {"date", "first_working_day", "explanation"}
    assert (out["date"], out["first_working_day"]) == ("2021-07-31", "2021-08-02")
    working = run_json(capsys, "clear-days-after", "2021-07-02", "3", "--working")
    assert (working["date"], working["first_working_day"]) == ("2021-07-08", "2021-07-08")


def test_without_json_prints_the_explanation(capsys):
    assert main(["deadline", "clear-days", "2019-07-09", "5"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Rule: 5 clear working days before the meeting\n")
    assert "Monday 8 July 2019: clear working day 5" in out
    assert not out.lstrip().startswith("{")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["clear-days", "2023-02-29", "5"], "'2023-02-29' is not a real date; use YYYY-MM-DD"),
        (["clear-days", "9/7/2019", "5"], "'9/7/2019' is not a real date"),
        (["clear-days", "2019-07-09", "-1"], "between 0 and 3660, not -1"),
        (["clear-days", "2019-07-09", "5000"], "between 0 and 3660, not 5000"),
        (["working-days-after", "2019-07-09", "0"], "between 1 and 3660, not 0"),
        (["working-days-before", "2019-07-09", "3", "--at", "12.00"], "not a time of day"),
        (["working-days-before", "2019-07-09", "3", "--at", "24:00"], "not a time of day"),
        (["clear-days-after", "1700-01-01", "5"], "outside the years"),
    ],
)
def test_bad_input_is_one_clear_line(capsys, args, message):
    assert main(["deadline", *args, "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("clerkdesk: ") and message in captured.err
    assert captured.err.count("\n") == 1


@pytest.mark.parametrize(
    "args",
    [
        ["clear-days", "2019-07-09", "5", "--bogus"],
        ["clear-days", "2019-07-09", "five"],
        ["clear-days", "2019-07-09"],
        ["no-such-command"],
        [],
    ],
)
def test_usage_errors_come_from_the_parser(capsys, args):
    assert main(["deadline", *args]) != 0
    err = capsys.readouterr().err
    assert err.startswith("clerkdesk: ") and "Traceback" not in err


def test_real_subprocess_run():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "clerkdesk", "deadline", "clear-days", "2019-07-09", "5", "--json"],
        capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["date"] == "2019-07-01" and out["latest_working_day"] == "2019-07-01"
