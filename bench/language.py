"""Language detection and typed answers on the team's labelled sets (tests/data/).

Prints, per language, for the tuning set and the held-out set: accuracy of langdetect alone
and of intake.language.detect (for texts of three words or more, and for all), and Dari vs
Persian on the texts a reader can tell apart; for intake.answers.interpret, read as the
conversation reads a reply (with the detected language's words): answers taken at once,
questions back offering the labelled answer, confident wrong answers (taken, not what the
label allows) and wrong offers (a question back offering only answers the label does not
allow); latency of detect and of interpret per call. Measures; asserts nothing.

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
SHOW_ERRORS = "--errors" in sys.argv  # the tuning set's misses; never the held-out set's
TUNING = (
    "language-samples.yaml",
    "language-samples-romanised.yaml",
    "language-samples-persian-dari.yaml",
    "typed-answers.yaml",
)


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
                if SHOW_ERRORS and name in TUNING and not ok:
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
    tell_file = TELL.get(name, "")
    marked = yaml.safe_load((DATA / tell_file).read_text(encoding="utf-8")) if tell_file else {}
    telling = [
        (x["text"], locale)
        for locale in ("fa", "fa_AF")
        for x in marked.get(locale, [])
        if x["tell"]
    ]
    if telling and "romanised" not in name:  # the annotation is of the Arabic-script texts
        right = sum(
            1 for text, locale in telling if (found := detect(text)) and found.locale == locale
        )
        print(
            f"Persian vs Dari, texts a reader can tell apart ({tell_file}): "
            f"{100 * right / len(telling):.0f}% of {len(telling)}"
        )
    print(
        f"detect: median {1000 * statistics.median(timings):.2f} ms, "
        f"p95 {1000 * sorted(timings)[int(0.95 * len(timings))]:.2f} ms per call"
    )


# Persian and Dari texts marked "a reader can tell them apart", per set of texts.
TELL = {
    "language-samples.yaml": "persian-dari-tell.yaml",
    "language-samples-heldout.yaml": "persian-dari-tell-heldout.yaml",
}


def bench_interpret(name: str) -> None:
    questionnaire = load_questionnaire(PROJECT_ROOT / "questionnaires" / "default.yaml")
    catalogs = Catalogs(PROJECT_ROOT / "locales")
    cases = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    print(f"== {name}")
    # per locale: n, taken right, asked back offering the right answer, confident wrong,
    # offered wrong, asked
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    timings: list[float] = []
    first: list[float] = []
    for case in cases:
        if case["question"] == "consent_answer":
            continue  # consent is given with its own buttons, never read from typed words
        question = questionnaire.question(case["question"])
        # As the conversation does (intake.replies): the detected language's words count too.
        found = detect(case["text"])
        also = [found.locale] if found and found.locale in catalogs.infos else []
        for timing in (first, timings):  # the first call builds the words of that question
            started = time.perf_counter()  # and language; a running server has them
            got = interpret(
                question,
                case["text"],
                case["locale"],
                catalogs=catalogs,
                typing=questionnaire.typing,
                also=also,
            )
            timing.append(time.perf_counter() - started)
        expect = case["expect"]
        row = stats[case["locale"]]
        asked = not got.clear or got.asks
        row[0] += 1
        if isinstance(expect, dict) and "no_match" in expect:
            # asked again, nothing offered (no answer, no number to confirm)
            nothing = not (got.candidates or getattr(got, "numbers", ()) or got.value is not None)
            taken, offered = False, asked and nothing
        elif isinstance(expect, dict):
            taken = False
            offers = {*got.candidates, *getattr(got, "numbers", ())}  # codes, or numbers
            offered = got.value is None and set(expect["ambiguous"]) <= offers
        else:
            taken = not asked and got.value == expect
            offered = asked and (
                got.value == expect
                or expect in got.candidates
                or expect in getattr(got, "numbers", ())
            )
        allowed = expect.get("ambiguous", []) if isinstance(expect, dict) else [expect]
        wrong = not asked and got.value not in allowed  # taken, and outside the label
        offers = [
            *got.candidates,
            *getattr(got, "numbers", ()),  # not in the code before 2026-11-23
            *([got.value] if asked and got.value is not None else []),
        ]
        offered_wrong = asked and bool(offers) and not offered
        row[1] += taken
        row[2] += offered
        row[3] += wrong
        row[4] += offered_wrong
        row[5] += asked
        if SHOW_ERRORS and name in TUNING and not (taken or offered):
            print(
                f"  interpret {case['locale']} {case['question']}: {case['text']!r} "
                f"expected {expect}, got {got.value} {got.candidates}"
                f"{' (to confirm)' if got.asks else ''}"
            )
    print(
        "taken: the labelled answer taken at once; asked back: a question back that offers the "
        "labelled answer (a 'did you mean', a number to confirm, or asking again when the label "
        "says nothing can be read); right: either; confident wrong: an answer taken that the "
        "label does not allow (one of an ambiguous pair is allowed); offered wrong: asked back "
        "offering only answers the label does not allow (one tap away from a wrong answer)"
    )
    print(
        f"{'lang':<6} {'n':>3} {'taken':>6} {'asked back':>11} {'right':>6} "
        f"{'confident wrong':>16} {'offered wrong':>14} {'asked':>6}"
    )
    for locale, (n, taken, offered, wrong, offered_wrong, asked) in stats.items():
        print(
            f"{locale:<6} {n:>3} {100 * taken / n:>5.0f}% {100 * offered / n:>10.0f}% "
            f"{100 * (taken + offered) / n:>5.0f}% {wrong:>16} {offered_wrong:>14} {asked:>6}"
        )
    print(
        f"interpret: median {1000 * statistics.median(timings):.2f} ms, "
        f"p95 {1000 * sorted(timings)[int(0.95 * len(timings))]:.2f} ms per call, "
        f"reading a reply a second time (its first reading, which may build the words of its "
        f"question and language: median "
        f"{1000 * statistics.median(first):.2f} ms, p95 "
        f"{1000 * sorted(first)[int(0.95 * len(first))]:.2f} ms)"
    )


if __name__ == "__main__":
    # The tuning set, then the held-out set (written apart from it, never used for tuning).
    bench_detection("language-samples.yaml")
    print()
    bench_detection("language-samples-heldout.yaml")
    print()
    bench_detection("language-samples-romanised.yaml")
    print()
    bench_detection("language-samples-romanised-heldout.yaml")
    print()
    bench_detection("language-samples-persian-dari.yaml")  # tuning: Persian and Dari only
    print()
    bench_interpret("typed-answers.yaml")
    print()
    bench_interpret("typed-answers-heldout.yaml")
    # The fourth held-out edition, written blind after the third had been measured often.
    print()
    bench_detection("language-samples-heldout-4.yaml")
    print()
    bench_interpret("typed-answers-heldout-4.yaml")
    # The fifth, written blind on 2026-11-23 after the fourth had been measured often.
    print()
    bench_detection("language-samples-heldout-5.yaml")
    print()
    bench_interpret("typed-answers-heldout-5.yaml")
    # The sixth, written blind on 2026-11-23 (a later session) after the fifth had been measured.
    print()
    bench_detection("language-samples-heldout-6.yaml")
    print()
    bench_interpret("typed-answers-heldout-6.yaml")
    # The seventh, written blind on 2026-11-23 (a third session) after the sixth had been measured.
    print()
    bench_detection("language-samples-heldout-7.yaml")
    print()
    bench_interpret("typed-answers-heldout-7.yaml")
    # The eighth, written blind on 2026-11-23 (a fourth session) after the seventh was measured.
    print()
    bench_detection("language-samples-heldout-8.yaml")
    print()
    bench_interpret("typed-answers-heldout-8.yaml")
    # The ninth, written blind on 2026-11-23 (a fifth session) after the eighth was measured.
    print()
    bench_detection("language-samples-heldout-9.yaml")
    print()
    bench_interpret("typed-answers-heldout-9.yaml")
