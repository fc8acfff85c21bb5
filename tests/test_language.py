"""Language detection: the locales langdetect lacks, Dari and Persian, and when to say None."""

from __future__ import annotations

import pytest

from intake.language import detect, same_language, undecided
from intake.replies import suggestion, text_language


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("ኣነ ጽቡቕ እየ፣ የቐንየለይ", "ti"),
        ("እኔ ደህና ነኝ፣ አመሰግናለሁ", "am"),
        ("زه ښه یم، مننه. ډاکټر ته ځم", "ps"),
        ("من باشم، سوپاس. ئێستا لە ماڵەوەم", "ckb"),
        ("Ez baş im, spas. Ez bi kurmancî diaxivim", "ku"),
        ("Waxaan ahay nin caafimaad qaba, mahadsanid", "so"),
        ("مرحبا، أنا بخير والحمد لله", "ar"),
        ("Мені потрібен перекладач, будь ласка", "uk"),
        ("Мне нужен переводчик, пожалуйста", "ru"),
        ("Jag mår bra, tack. Jag behöver en tolk", "sv"),
        ("I need an interpreter, please", "en"),
        ("Ich brauche einen Dolmetscher, bitte", "de"),
    ],
)
def test_detects_languages_langdetect_does_not_know_and_those_it_does(text, locale) -> None:
    found = detect(text)
    assert found is not None and found.locale == locale, found


def test_dari_and_persian_by_their_own_words() -> None:
    assert detect("من خوب استم، تشکر. نمی‌فامم").locale == "fa_AF"
    assert detect("من خوبم، ممنون. نمی‌دونم چی بگم").locale == "fa"


def test_dari_or_persian_without_markers_gives_both() -> None:
    found = detect("شب‌ها خواب ندارم")
    assert found is not None and {found.locale, *dict(found.alternatives)} >= {"fa", "fa_AF"}
    assert {found.locale, *undecided(found)} == {"fa", "fa_AF"}


def test_tehran_and_kabul_colloquial_forms_tell_persian_from_dari() -> None:
    assert detect("نمی‌تونم شبا بخوابم").locale == "fa"  # -ون- forms, شبا
    assert detect("خونه‌مون کوچیکه").locale == "fa"  # the ending -مون
    assert detect("دیروز به دواخانه رفتم و دوا گرفتم").locale == "fa_AF"  # Afghan words
    assert detect("کار نکدم، مریض اس").locale == "fa_AF"  # Kabuli کد- and اس
    dari = detect("من خوب استم، تشکر")
    assert dari is not None and undecided(dari) == ()  # nothing to ask about


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("ez nexwes im, serê min dieşe", "ku"),  # with Kurmanji letters
        ("ez nexwes im, zike min dieshe", "ku"),  # without them, as on most phones
        ("dermane min xelas bu, ez dixwazim biçim doktor", "ku"),
        ("zimane swedi gelek zehmet e", "ku"),  # langdetect has no Kurmanji: Dutch, here
        ("vad betyder ordet remiss?", "sv"),  # langdetect: Danish
        ("Мени погано, потрибен ликар", "uk"),  # Ukrainian typed with the Russian и
        ("Ночью не могу уснуть, нужно лекарство", "ru"),
        ("we live in a small flat in Malmö with my brother", "en"),  # not Kurmanji's "in", "we"
    ],
)
def test_kurmanji_without_its_letters_swedish_and_ukrainian_as_typed(text, locale) -> None:
    found = detect(text)
    assert found is not None and found.locale == locale, found


@pytest.mark.parametrize(
    ("text", "not_locale"),
    [
        ("kar yok", "ku"),  # Turkish; kar (work) is Persian, Dari, Pashto and Sorani too
        ("man dar swed kar peyda nakardam", "ku"),
        ("basha ba xwa", "so"),  # romanised Sorani writes "xw" too
        ("Jeg har vondt i magen og trenger lege", "sv"),  # Norwegian: jeg, trenger
    ],
)
def test_shared_words_are_not_taken_for_kurmanji_or_swedish(text, not_locale) -> None:
    found = detect(text)
    assert found is None or found.locale != not_locale, found


def test_persian_by_tehran_forms_dari_says_otherwise() -> None:
    assert detect("پسرم مریضه، چیکار کنم؟").locale == "fa"
    assert detect("همش سرم درد میکنه، قرص خوردم").locale == "fa"
    assert detect("من ۳۴ سالمه و دوتا بچه دارم").locale == "fa"  # I am 34 (Dari: ساله استم)
    assert detect("بهم گفت فردا بیا").locale == "fa"  # to me (Dari: به مه, برم)
    assert detect("من باردارم، باید کجا ثبت نام کنم").locale == "fa"  # pregnant (Dari: حامله)


def test_a_letter_held_for_feeling_is_read_once() -> None:
    assert detect("مرسییییی، خیلی لطف کردین").locale == "fa"  # as "مرسی" (thanks)


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("salam, khoobam merci, nemidoonam", "fa"),
        ("man khob astom tashakor", "fa_AF"),
        ("shu ya3ni hal so2al?", "ar"),
        ("za kha yam manana", "ps"),
        ("selam, kemey aleka, dehan do", "ti"),
        ("endemin neh, dehna neh", "am"),
        ("supas, bashm, nazanm", "ckb"),
        ("kurrakam tay haya", "ckb"),  # Sorani's -akam (my)
        ("dilem dard mekona", "fa_AF"),
        ("waan fiicanahay, mahadsanid", "so"),
    ],
)
def test_languages_of_other_scripts_typed_in_latin_letters(text, locale) -> None:
    found = detect(text)
    assert found is not None and found.locale == locale, found


def test_latin_letters_without_somali_words_are_not_confidently_somali() -> None:
    """langdetect calls much romanised text Somali; Somali is offered to participants, so it
    needs a Somali word."""
    for text in ("khuday pa aman", "kaka, chi gap as?", "sebeytey hmmti iya"):
        found = detect(text)
        assert found is None or found.locale != "so" or found.confidence < 0.75, (text, found)


@pytest.mark.parametrize(
    ("text", "not_locale"),
    [
        ("دیر شد", "ps"),  # "it got late": دیر is ډېر (Pashto "very") typed on a Persian keyboard
        ("سری بعد", "ps"),
        ("دهانم درد میکند", "ckb"),  # دهان (mouth) is no Sorani ده- verb
        ("I am from Afghanistan, Kabul", "fa_AF"),  # a place says nothing about the language
        ("Hi, I am Dara", "fa_AF"),
        ("I went to school until 7th grade", "ar"),  # 7th is no Arabizi
        ("I take 5mg every morning", "ar"),
    ],
)
def test_look_alike_evidence_does_not_mislead(text, not_locale) -> None:
    found = detect(text)
    assert found is None or found.locale != not_locale, found


def test_somali_with_inshallah_is_still_somali() -> None:
    assert detect("Inshallah waan iman doonaa").locale == "so"
    assert detect("Hada waan fiicanahay").locale == "so"


def test_swedish_names_in_a_sentence_do_not_decide_the_language() -> None:
    assert detect("وصلتني رسالة من Försäkringskassan وما فهمت شي").locale == "ar"
    assert detect("ካብ Försäkringskassan ደብዳቤ መጺኡኒ ግን ኣይተረድኣንን").locale == "ti"


@pytest.mark.parametrize("text", ["ok", "سلام", "12", "?!", "", "hej hallo привет مرحبا"])
def test_too_short_or_too_mixed_is_none(text) -> None:
    assert detect(text) is None


def test_deterministic() -> None:
    text = "Necesito un intérprete por favor"
    assert len({detect(text) for _ in range(5)}) == 1


def test_the_participants_own_choice_wins_between_close_languages() -> None:
    assert same_language("fa", "fa_AF") and not same_language("fa", "ps")
    dari_words = detect("من خوب استم، تشکر")
    assert text_language(dari_words, "fa") == "fa"  # chose Persian: their choice wins
    assert text_language(detect("أنا بخير والحمد لله كثيرا"), "fa") == "ar"
    assert text_language(None, "ti") == "ti"


def test_offer_to_switch_only_when_sure_supported_and_different() -> None:
    supported = {"ar", "sv", "en", "ti"}
    arabic = detect("أنا بخير والحمد لله كثيرا")
    assert suggestion(arabic, "sv", "أنا بخير والحمد لله كثيرا", supported) == "ar"
    assert suggestion(arabic, "ar", "أنا بخير", supported) is None
    assert suggestion(arabic, "sv", "بخير", supported) is None  # one word
    german = detect("Ich brauche einen Dolmetscher, bitte")
    assert suggestion(german, "sv", "Ich brauche einen Dolmetscher", supported) is None


@pytest.mark.parametrize("text", ["I am tired", "i am blind", "my back hurts every night"])
def test_short_everyday_english_is_english(text) -> None:
    """ "I am tired" was Swedish: langdetect's Danish or Norwegian, folded into Swedish, against
    English words too few to outweigh it."""
    found = detect(text)
    assert found is not None and found.locale == "en", found


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("Мий син не хоче до школи", "uk"),  # Ukrainian on a Russian keyboard: и for і
        ("в мене тиск високий, пю таблетки", "uk"),
        ("لور می غواری چه شوونزی ته لاره شی", "ps"),  # Pashto on a Persian keyboard
        ("زما ماشوم ناروغ دی", "ps"),  # langdetect's "Persian" beside two Pashto-only words
        ("د شپی ویریژم او خوب می نه رازی", "ps"),
        ("randevu kenge ye?", "ku"),  # Kurmanji, not Turkish
    ],
)
def test_the_longer_word_lists_tell_close_languages_apart(text, locale) -> None:
    """intake/data/language-words.yaml: words the close language does not write, also in the
    spellings another keyboard gives."""
    found = detect(text)
    assert found is not None and found.locale == locale, found


@pytest.mark.parametrize(
    "text",
    ["ده سال است که میخوام خوب شم", "ملا گفت ده روز صبر کن", "ته دلم درد میکنه ده روزه"],
)
def test_persian_words_that_are_also_short_pashto_words_stay_persian(text) -> None:
    """ده (ten), شم, ته, ملا (mullah) are Persian too: no Pashto-only evidence."""
    found = detect(text)
    assert found is not None and found.locale in ("fa", "fa_AF"), found


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("shoharam hanooz kar peyda nakarde", "fa"),  # was Swedish; Persian or Dari
        ("yih min malet new?", "am"),
    ],
)
def test_romanised_word_lists(text, locale) -> None:
    """intake/data/language-words.yaml's ``romanised``: languages of other scripts typed in
    Latin letters."""
    found = detect(text)
    assert found is not None and same_language(found.locale, locale), found
