"""The language rules (``resdiff.languages``): codes, dates, words per script, verbs, numbers and the
REF and corpus-name rules, on short SYNTHETIC phrases written in each language's own forms (not
resolution text)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resdiff import languages
from resdiff.errors import RefError
from resdiff.languages import dates, verbs, words
from resdiff.redline import citations, numbers, redline, tags_of
from resdiff.refs import language_of_file_name, parse_ref, safe_name, symbol_of_file_name
from resdiff.summary import value_updates, verb_direction


@pytest.mark.parametrize(
    ("value", "expected"),
    [("fr", "fr"), ("fra", "fr"), ("FRE", "fr"), ("Français", "fr"), ("F", "fr"), ("zho", "zh"),
     ("中文", "zh"), ("العربية", "ar"), ("eng", "en"), ("xx", None), (None, None)],
)  # fmt: skip
def test_a_language_is_known_however_a_source_spells_it(value: str | None, expected: str | None) -> None:
    assert languages.code(value) == expected


def test_the_job_number_and_the_script_say_the_language() -> None:
    assert languages.from_job_number("25-19990 (F)\n*2519990*") == "fr"
    assert languages.from_job_number("25-19990 (C) 051225") == "zh"
    assert languages.from_job_number("no job number here") is None
    assert languages.from_script("تحث جميع الدول") == "ar"
    assert languages.from_script("敦促所有国家 A/80/534") == "zh"
    assert languages.from_script("настоятельно призывает") == "ru"
    assert languages.from_script("Urges all States") is None  # Latin: English, French or Spanish
    assert languages.direction("ar") == "rtl"
    assert languages.direction("zh") == languages.direction(None) == "ltr"


@pytest.mark.parametrize(
    ("language", "text", "iso"),
    [
        ("en", "of 4 December 2017", "2017-12-04"),
        ("fr", "du 1er décembre 2025", "2025-12-01"),
        ("fr", "du 4 décembre 2017", "2017-12-04"),
        ("es", "de 1 de diciembre de 2025", "2025-12-01"),
        ("ru", "от 1 декабря 2025 года", "2025-12-01"),
        ("ar", "المؤرخ 1 كانون الأول/ديسمبر 2025", "2025-12-01"),
        ("ar", "المؤرخ 5 كانون الأول/ ديسمبر 2016", "2016-12-05"),  # a space after the slash
        ("ar", "المؤرخ 2 كـانون اﻷول/ديسمبر 2008", "2008-12-02"),  # a tatweel, the lam-alef ligature
        ("zh", "2025年12月1日第80/52号决议", "2025-12-01"),
    ],
)
def test_dates_are_read_as_each_language_prints_them(language: str, text: str, iso: str) -> None:
    assert [found for _, _, found in dates.find_dates(text, language)] == [iso]


def test_a_month_is_read_in_any_russian_case_and_english_may_stays_a_verb() -> None:
    assert dates.month_number("декабре", "ru") == dates.month_number("декабрь", "ru") == 12
    assert dates.month_number("марта", "ru") == 3 and dates.month_number("мая", "ru") == 5
    assert dates.find_dates("States may 4 May 2020", "en") == [(11, 21, "2020-05-04")]
    assert not numbers("States may decide", "en")


def test_french_words_keep_their_elisions_guillemets_and_the_spaces_before_punctuation() -> None:
    tokens = words.tokens("l’Assemblée qu’il «\u00a0texte\u00a0» :", "fr")
    assert [token for _, token, _ in tokens] == ["l’", "Assemblée", "qu’", "il", "«\u00a0", "texte", "»", ":"]
    assert tokens[6] == ("\u00a0", "»", "")  # the space before a closing guillemet travels with it
    old = "Rappelle que l’Assemblée a décidé de le faire\u202f:"
    new = "Rappelle que cette Assemblée a décidé de le faire\u202f;"
    assert redline(old, new, "fr") == (
        (0, "Rappelle que "), (-1, "l’"), (1, "cette "),
        (0, "Assemblée a décidé de le faire\u202f"), (-1, ":"), (1, ";"),
    )  # fmt: skip


def test_arabic_words_keep_their_marks_and_joiners() -> None:
    assert words.words("وإذ تسلِّم بأهمية", "ar") == ["وإذ", "تسلِّم", "بأهمية"]
    assert words.words("می\u200cخواهد", "ar") == ["می\u200cخواهد"]  # ZWNJ inside a word
    diff = redline("قرارها 63/71 المؤرخ", "قرارها 64/71 المؤرخ", "ar")
    assert diff == ((0, "قرارها "), (-1, "63/71"), (1, "64/71"), (0, " المؤرخ"))


def test_chinese_is_segmented_into_words_and_symbols_stay_whole() -> None:
    tokens = [token for _, token, _ in words.tokens("回顾第63/71号决议", "zh")]
    assert tokens == ["回顾", "第", "63/71", "号", "决议"]
    diff = redline("邀请所有国家", "再次邀请所有国家", "zh")
    assert diff == ((1, "再次"), (0, "邀请所有国家"))  # whole words, never a character of one
    assert citations("第63/71号决议和A/80/534，第7段") == {"63/71": 1, "A/80/534": 1}


@given(st.text(alphabet="回顾第号决议集束弹药公约年月日 0123456789/A,，。《》", max_size=40))
def test_chinese_tokens_rebuild_the_text(text: str) -> None:
    assert "".join(words.pieces(text, "zh")) == text


@pytest.mark.parametrize(
    ("language", "text", "found"),
    [
        ("fr", "la treizième Assemblée", {"treizième"}),
        ("fr", "quatre-vingt-unième session", {"quatre-vingt-unième"}),
        ("es", "el vigésimo período", {"vigésimo"}),
        ("zh", "第十三届会议", {"第十三届"}),
        ("ru", "в декабре 2024 года", {"декабре", "2024"}),
    ],
)
def test_number_words_count_as_numbers_in_their_language(language: str, text: str, found: set[str]) -> None:
    assert set(numbers(text, language)) == found


def test_a_chinese_session_ordinal_cut_by_the_segmenter_is_still_a_number() -> None:
    """rjieba cuts "第九十一届" into "第九" and "十一届": the numeral with its measure word counts."""
    diff = redline("请秘书长向大会第九十一届会议提交报告；", "请秘书长向大会第九十三届会议提交报告；", "zh")
    assert "numbers" in tags_of(diff, None, None, "zh")
    assert not numbers("大会一致通过", "zh")  # a numeral inside a word ("一致", unanimous) is none


def test_a_date_update_in_french_is_one_value() -> None:
    diff = redline("du 2 décembre 2024", "du 1er décembre 2025", "fr")
    assert [u.label for u in value_updates(diff, "fr")] == ["2 décembre 2024 → 1er décembre 2025"]
    diff = redline("2024年12月2日", "2025年12月1日", "zh")
    assert [u.label for u in value_updates(diff, "zh")] == ["2024年12月2日 → 2025年12月1日"]


def test_verbs_of_every_language_come_from_the_real_openers() -> None:
    for language in ("fr", "es", "ru", "ar", "zh"):
        table = verbs.operative(language)
        assert len(table) > 50, language  # derived from the AKN4UN texts, not written by hand
        assert all(english for english in table.values()), language  # each paired with its English verb
    assert verbs.english("Prie également", "fr") == "Also requests"
    assert verbs.core("Prie également", "fr") == verbs.core("Prie", "fr") == "requests"
    assert verbs.derive("Invite tous les États", "fr") == "Invite"
    assert verbs.derive("Lorsque les États", "fr") is None


def test_strength_in_another_language_is_the_strength_of_its_english_verb() -> None:
    # "Invites" < "Urges" (exhortation); Chinese: 邀请 renders Invites, 敦促 Urges
    assert verb_direction("邀请", "敦促", "zh") == "strengthened"
    assert verb_direction("Insta", "Invita", "es") == "weakened"
    assert verb_direction("Prie", "Prie également", "fr") == "changed"  # not a verb change at all:
    assert tags_of(((0, "x"),), "Prie", "Prie également", "fr") == ()  # "also" only links
    assert verb_direction("未知的短语", "敦促", "zh") == "changed"  # a phrase no text had: unknown


def test_a_ref_names_a_language_that_no_revision_can_be_taken_for() -> None:
    assert parse_ref("80/52@fr").language == "fr" and parse_ref("80/52@fr").rev is None
    ref = parse_ref("80/52@fr@HEAD~1")
    assert (ref.language, ref.rev) == ("fr", "HEAD~1")
    assert parse_ref("80/52@HEAD~1").language is None
    ref = parse_ref("cluster-munitions@2025@zh")
    assert (ref.series, ref.year, ref.language) == ("cluster-munitions", 2025, "zh")
    assert parse_ref("cluster-munitions@ar").language == "ar"
    assert parse_ref("80/52@heads/fr").rev == "heads/fr"  # a branch named like a language
    with pytest.raises(RefError):
        parse_ref("80/52@fr@")


def test_corpus_names_put_each_language_beside_the_english_file() -> None:
    assert safe_name("A/RES/80/52") == safe_name("A/RES/80/52", "en") == "A_RES_80_52.txt"
    assert safe_name("A/RES/80/52", "zh") == "A_RES_80_52.zh.txt"
    assert symbol_of_file_name("A_RES_80_52.zh.txt") == "A/RES/80/52"
    assert language_of_file_name("A_RES_80_52.zh.txt") == "zh"
    assert language_of_file_name("A_RES_80_52.txt") is None
    assert symbol_of_file_name("A_RES_80_52.en.txt") is None  # English keeps its own name
    assert symbol_of_file_name("A_RES_80_52.xx.txt") is None
