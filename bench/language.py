"""Language detection and typed answers on the team's labelled set (tests/data/).

Prints, per language: accuracy of langdetect alone and of intake.language.detect (for texts of
three words or more, and for all) on the tuning set and on the held-out set; accuracy of
intake.answers.interpret, its confident wrong answers (a value the label does not allow), and
latency per call. Measures; asserts nothing.

    .venv/bin/python bench/language.py [--errors]
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import defaultdict

import yaml
from langdetect import DetectorFactory, detect_langs
from langdetect.lang_detect_exception import LangDetectException

from intake.answers import interpret
from intake.i18n import Catalogs
from intake.language import detect
from intake.questionnaire import load_questionnaire
from intake.settings import PROJECT_ROOT

DATA = PROJECT_ROOT / "tests" / "data"
SHOW_ERRORS = "--errors" in sys.argv


def langdetect_alone(text: str) -> str | None:
    DetectorFactory.seed = 0
    try:
        return detect_langs(text)[0].lang
    except LangDetectException:
        return None


def bench_detection(name: str) -> None:
    samples = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    print(f"== {name}")
    rows = []
    timings = []
    for locale, texts in samples.items():
        long_ok = long_n = all_ok = raw_ok = none = 0
        for text in texts:
            started = time.perf_counter()
            found = detect(text)
            timings.append(time.perf_counter() - started)
            got = found.locale if found else None
            ok = got == locale
            all_ok += ok
            none += got is None
            raw_ok += langdetect_alone(text) == locale
            if len(text.split()) >= 3:
                long_n += 1
                long_ok += ok
                if SHOW_ERRORS and not ok:
                    print(f"  detect {locale}: {text!r} -> {found}")
        rows.append((locale, len(texts), raw_ok, all_ok, none, long_ok, long_n))
    print(
        f"{'lang':<6} {'n':>3} {'langdetect':>10} {'detect':>7} {'None':>5} "
        f"{'detect, 3+ words':>17}"
    )
    persian = [
        (text, locale)
        for locale in ("fa", "fa_AF")
        for text in samples.get(locale, [])
        if len(text.split()) >= 3
    ]
    either = sum(
        1 for text, _ in persian if (found := detect(text)) and found.locale in ("fa", "fa_AF")
    )
    for locale, n, raw_ok, all_ok, none, long_ok, long_n in rows:
        long_acc = f"{100 * long_ok / long_n:.0f}% of {long_n}" if long_n else "-"
        print(
            f"{locale:<6} {n:>3} {100 * raw_ok / n:>9.0f}% {100 * all_ok / n:>6.0f}% "
            f"{none:>5} {long_acc:>17}"
        )
    if persian:
        print(
            f"Persian or Dari (either accepted), 3+ words: {100 * either / len(persian):.0f}%"
            f" of {len(persian)}"
        )
    print(
        f"detect: median {1000 * statistics.median(timings):.2f} ms, "
        f"p95 {1000 * sorted(timings)[int(0.95 * len(timings))]:.2f} ms per call"
    )


def bench_interpret(name: str) -> None:
    questionnaire = load_questionnaire(PROJECT_ROOT / "questionnaires" / "default.yaml")
    catalogs = Catalogs(PROJECT_ROOT / "locales")
    cases = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    print(f"== {name}")
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # n, right, wrong, asked
    timings = []
    for case in cases:
        if case["question"] == "consent_answer":
            continue  # consent is given with its own buttons, never read from typed words
        question = questionnaire.question(case["question"])
        started = time.perf_counter()
        got = interpret(
            question, case["text"], case["locale"], catalogs=catalogs, typing=questionnaire.typing
        )
        timings.append(time.perf_counter() - started)
        expect = case["expect"]
        row = stats[case["locale"]]
        row[0] += 1
        if isinstance(expect, dict) and "no_match" in expect:
            right = got.value is None
        elif isinstance(expect, dict):
            right = got.value is None and set(expect["ambiguous"]) <= set(got.candidates)
        else:
            right = got.value == expect or (got.value is None and expect in got.candidates)
        allowed = expect.get("ambiguous", []) if isinstance(expect, dict) else [expect]
        wrong = got.value is not None and got.value not in allowed  # outside the label
        row[1] += right
        row[2] += wrong
        row[3] += got.value is None
        if SHOW_ERRORS and not right:
            print(
                f"  interpret {case['locale']} {case['question']}: {case['text']!r} "
                f"expected {expect}, got {got.value} {got.candidates}"
            )
    print(
        "right: the labelled answer, or asked back about it; confident wrong: an answer taken "
        "that the label does not allow (one of an ambiguous pair is allowed)"
    )
    print(f"{'lang':<6} {'n':>3} {'right':>6} {'confident wrong':>16} {'asked back':>11}")
    for locale, (n, right, wrong, asked) in stats.items():
        print(f"{locale:<6} {n:>3} {100 * right / n:>5.0f}% {wrong:>16} {asked:>11}")
    print(
        f"interpret: median {1000 * statistics.median(timings):.2f} ms, "
        f"p95 {1000 * sorted(timings)[int(0.95 * len(timings))]:.2f} ms per call"
    )


if __name__ == "__main__":
    # The tuning set, then the held-out set (written apart from it, never used for tuning).
    bench_detection("language-samples.yaml")
    print()
    bench_detection("language-samples-heldout.yaml")
    print()
    bench_interpret("typed-answers.yaml")
    print()
    bench_interpret("typed-answers-heldout.yaml")
