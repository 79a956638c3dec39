"""A SYNTHETIC series in the UN's six languages, written by hand (invented text, not real resolutions,
not UN translations) for the golden files of every language (tests/test_render_languages_golden.py).

Three yearly versions of a "synthetic widgets" resolution, A/RES/90/7 (2035) -> 91/7 (2036) -> 92/7
(2037): sessions and years no real resolution has. The same invented content in each language, written
with that language's forms so every language rule is exercised: the dates ("4 décembre 2030", "4 de
diciembre de 2030", "4 декабря 2030 года", "4 كانون الأول/ديسمبر 2030", "2030年12月4日"), the session
ordinals in words, the cited symbols (85/10, A/92/150) among Arabic and Chinese words, French
non-breaking spaces and guillemets. Between the versions: the lineage paragraph recites its predecessor,
a number of States grows, "Invites" becomes "Urges" (strengthened; each language's verbs are phrases
of ``languages/openers.json``, derived from the UN's texts, none invented), the session ordinals move on,
a preambular paragraph is deleted and another added, an operative paragraph is inserted (renumbering the
one after it).
"""

from __future__ import annotations

from dataclasses import dataclass

from resdiff.model import Clause, Resolution


@dataclass(frozen=True)
class _Words:
    """One language's pieces of the synthetic text."""

    title: str
    recital: tuple[str, str, str]  # PP1 in each version
    states: str  # PP2, "{n}" the number of States
    stressing: str  # PP3 of the first two versions
    noting: str  # PP3 of the last version
    invites: tuple[str, str]  # OP1: verb, rest
    urges: tuple[str, str]
    requests: tuple[str, str]  # "{session}" the ordinal
    decides: tuple[str, str]
    encourages: tuple[str, str]
    sessions: tuple[str, str, str]  # the ordinals of the 91st, 92nd and 93rd sessions


WORDS = {
    "en": _Words(
        title="Synthetic widgets convention",
        recital=(
            "Recalling its resolution 85/10 of 4 December 2030 on synthetic widgets,",
            "Recalling its resolutions 85/10 of 4 December 2030 and 90/7 of 4 December 2035 on synthetic "
            "widgets,",
            "Recalling its resolutions 85/10 of 4 December 2030, 90/7 of 4 December 2035 and 91/7 of "
            "3 December 2036 on synthetic widgets,",
        ),
        states="Noting that {n} States are parties to the Convention on Synthetic Widgets,",
        stressing="Stressing the role of civil society,",
        noting="Taking note of the report of the Secretary-General (A/92/150),",
        invites=("Invites", "all States to join the Convention;"),
        urges=("Urges", "all States to join the Convention;"),
        requests=("Requests", "the Secretary-General to submit a report to it at its {session} session;"),
        decides=(
            "Decides",
            "to include in the provisional agenda of its {session} session the item entitled "
            "“Synthetic widgets”.",
        ),
        encourages=("Encourages", "States to share information on synthetic widgets;"),
        sessions=("ninety-first", "ninety-second", "ninety-third"),
    ),
    "fr": _Words(
        title="Convention sur les gadgets synthétiques",
        recital=(
            "Rappelant sa résolution 85/10 du 4 décembre 2030 sur les gadgets synthétiques,",
            "Rappelant ses résolutions 85/10 du 4 décembre 2030 et 90/7 du 4 décembre 2035 sur les gadgets "
            "synthétiques,",
            "Rappelant ses résolutions 85/10 du 4 décembre 2030, 90/7 du 4 décembre 2035 et 91/7 du "
            "3 décembre 2036 sur les gadgets synthétiques,",
        ),
        states="Notant que {n} États sont parties à la Convention sur les gadgets synthétiques,",
        stressing="Soulignant le rôle de la société civile,",
        noting="Prenant note du rapport du Secrétaire général (A/92/150),",
        invites=("Invite", "tous les États à adhérer à la Convention\u00a0;"),
        urges=("Demande instamment", "à tous les États d’adhérer à la Convention\u00a0;"),
        requests=("Prie", "le Secrétaire général de lui présenter un rapport à sa {session} session\u00a0;"),
        decides=(
            "Décide",
            "d’inscrire à l’ordre du jour provisoire de sa {session} session la question intitulée "
            "«\u00a0Gadgets synthétiques\u00a0».",
        ),
        encourages=("Encourage", "les États à échanger des informations sur les gadgets synthétiques\u00a0;"),
        sessions=("quatre-vingt-onzième", "quatre-vingt-douzième", "quatre-vingt-treizième"),
    ),
    "es": _Words(
        title="Convención sobre los artefactos sintéticos",
        recital=(
            "Recordando su resolución 85/10, de 4 de diciembre de 2030, relativa a los artefactos "
            "sintéticos,",
            "Recordando sus resoluciones 85/10, de 4 de diciembre de 2030, y 90/7, de 4 de diciembre de "
            "2035, relativas a los artefactos sintéticos,",
            "Recordando sus resoluciones 85/10, de 4 de diciembre de 2030, 90/7, de 4 de diciembre de "
            "2035, y 91/7, de 3 de diciembre de 2036, relativas a los artefactos sintéticos,",
        ),
        states="Observando que {n} Estados son partes en la Convención sobre los Artefactos Sintéticos,",
        stressing="Destacando el papel de la sociedad civil,",
        noting="Tomando nota del informe del Secretario General (A/92/150),",
        invites=("Invita", "a todos los Estados a que se adhieran a la Convención;"),
        urges=("Insta", "a todos los Estados a que se adhieran a la Convención;"),
        requests=(
            "Solicita",
            "al Secretario General que le presente un informe en su {session} período de sesiones;",
        ),
        decides=(
            "Decide",
            "incluir en el programa provisional de su {session} período de sesiones el tema titulado "
            "“Artefactos sintéticos”.",
        ),
        encourages=(
            "Alienta",
            "a los Estados a que intercambien información sobre los artefactos sintéticos;",
        ),
        sessions=("nonagésimo primer", "nonagésimo segundo", "nonagésimo tercer"),
    ),
    "ru": _Words(
        title="Конвенция о синтетических устройствах",
        recital=(
            "ссылаясь на свою резолюцию 85/10 от 4 декабря 2030 года о синтетических устройствах,",
            "ссылаясь на свои резолюции 85/10 от 4 декабря 2030 года и 90/7 от 4 декабря 2035 года о "
            "синтетических устройствах,",
            "ссылаясь на свои резолюции 85/10 от 4 декабря 2030 года, 90/7 от 4 декабря 2035 года и 91/7 от "
            "3 декабря 2036 года о синтетических устройствах,",
        ),
        states="отмечая, что участниками Конвенции о синтетических устройствах являются {n} государств,",
        stressing="подчеркивая роль гражданского общества,",
        noting="принимая к сведению доклад Генерального секретаря (A/92/150),",
        invites=("предлагает", "всем государствам присоединиться к Конвенции;"),
        urges=("настоятельно призывает", "все государства присоединиться к Конвенции;"),
        requests=("просит", "Генерального секретаря представить ей доклад на ее {session} сессии;"),
        decides=(
            "постановляет",
            "включить в предварительную повестку дня своей {session} сессии пункт, озаглавленный "
            "«Синтетические устройства».",
        ),
        encourages=("рекомендует", "государствам обмениваться информацией о синтетических устройствах;"),
        sessions=("девяносто первой", "девяносто второй", "девяносто третьей"),
    ),
    "ar": _Words(
        title="اتفاقية الأدوات الاصطناعية",
        recital=(
            "إذ تشير إلى قرارها 85/10 المؤرخ 4 كانون الأول/ديسمبر 2030 بشأن الأدوات الاصطناعية،",
            "إذ تشير إلى قراريها 85/10 المؤرخ 4 كانون الأول/ديسمبر 2030 و 90/7 المؤرخ 4 كانون الأول/ديسمبر "
            "2035 بشأن الأدوات الاصطناعية،",
            "إذ تشير إلى قراراتها 85/10 المؤرخ 4 كانون الأول/ديسمبر 2030 و 90/7 المؤرخ 4 كانون الأول/ديسمبر "
            "2035 و 91/7 المؤرخ 3 كانون الأول/ديسمبر 2036 بشأن الأدوات الاصطناعية،",
        ),
        states="وإذ تلاحظ أن {n} دولة أطراف في اتفاقية الأدوات الاصطناعية،",
        stressing="وإذ تشدد على دور المجتمع المدني،",
        noting="وإذ تحيط علما بتقرير الأمين العام (A/92/150)،",
        invites=("تدعو", "جميع الدول إلى الانضمام إلى الاتفاقية؛"),
        urges=("تحث", "جميع الدول على الانضمام إلى الاتفاقية؛"),
        requests=("تطلب", "إلى الأمين العام أن يقدم إليها تقريرا في دورتها {session}؛"),
        decides=(
            "تقرر",
            "أن تدرج في جدول الأعمال المؤقت لدورتها {session} البند المعنون ”الأدوات الاصطناعية“.",
        ),
        encourages=("تشجع", "الدول على تبادل المعلومات بشأن الأدوات الاصطناعية؛"),
        sessions=("الحادية والتسعين", "الثانية والتسعين", "الثالثة والتسعين"),
    ),
    "zh": _Words(
        title="合成装置公约",
        recital=(
            "回顾其关于合成装置的2030年12月4日第85/10号决议，",
            "回顾其关于合成装置的2030年12月4日第85/10号和2035年12月4日第90/7号决议，",
            "回顾其关于合成装置的2030年12月4日第85/10号、2035年12月4日第90/7号和2036年12月3日第91/7号决议，",
        ),
        states="注意到已有{n}个国家成为《合成装置公约》缔约国，",
        stressing="强调民间社会的作用，",
        noting="注意到秘书长的报告(A/92/150)，",
        invites=("邀请", "所有国家加入《公约》；"),
        urges=("敦促", "所有国家加入《公约》；"),
        requests=("请", "秘书长向大会{session}届会议提交报告；"),
        decides=("决定", "将题为“合成装置”的项目列入大会{session}届会议临时议程。"),
        encourages=("鼓励", "各国交流关于合成装置的信息；"),
        sessions=("第九十一", "第九十二", "第九十三"),
    ),
}
LANGUAGES = tuple(WORDS)
_SYMBOLS = (
    ("A/RES/90/7", 90, "2035-12-04"),
    ("A/RES/91/7", 91, "2036-12-03"),
    ("A/RES/92/7", 92, "2037-12-01"),
)
_STATES = (119, 121, 124)


def _operative(key: str, verb_and_rest: tuple[str, str], session: str = "", space: str = " ") -> Clause:
    verb, rest = verb_and_rest
    return Clause(key, f"{verb}{space}{rest.format(session=session)}", verb=verb)


def synthetic_version(language: str, number: int) -> Resolution:
    """Version ``number`` (0, 1, 2) of the synthetic series in LANGUAGE."""
    words = WORDS[language]
    symbol, session, adopted = _SYMBOLS[number]
    ordinal = words.sessions[number]
    space = "" if language == "zh" else " "  # Chinese is written without spaces
    clauses = [
        Clause("PP1", words.recital[number]),
        Clause("PP2", words.states.format(n=_STATES[number])),
        Clause("PP3", words.noting if number == 2 else words.stressing),
        _operative("OP1", words.invites if number == 0 else words.urges, space=space),
        _operative("OP2", words.requests, ordinal, space),
    ]
    if number == 2:
        clauses.append(_operative("OP3", words.encourages, space=space))
    clauses.append(_operative("OP4" if number == 2 else "OP3", words.decides, ordinal, space))
    cites = tuple(f"A/RES/{s}" for s in ("85/10", "90/7", "91/7")[: number + 1])
    return Resolution(
        symbol=symbol,
        session=session,
        title=words.title,
        adopted=adopted,
        cites=cites,
        clauses=tuple(clauses),
        language=language,
    )


def synthetic_series(language: str) -> list[Resolution]:
    """The three versions in LANGUAGE, oldest first."""
    return [synthetic_version(language, number) for number in range(3)]
