"""SYNTHETIC AKN4UN documents for the reader's unit tests: laid out as the UN's files are (the elements and
attributes of ``../shared/data/akn``), but the words are invented and are no real resolution's text."""

from __future__ import annotations

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"


def document(
    body: str,
    *,
    preamble: str = "",
    meta_extra: str = "",
    language: str = "eng",
    root: str = "statement",
    cover: str = "",
    conclusions: str = "",
    attachments: str = "",
    preface: str = "",
) -> bytes:
    """A whole SYNTHETIC AKN4UN file around ``body`` (the mainBody's content)."""
    preface = preface or (
        '<p><docNumber>99/7.</docNumber><docTitle><span class="bold">Synthetic widgets</span></docTitle></p>'
    )
    cover = cover or (
        '<p class="upperRight"><docNumber refersTo="#symbol">A/RES/99/7</docNumber></p>'
        '<p><docDate date="2044-12-09" refersTo="#dateOfIssuance">9 December 2044</docDate></p>'
        '<p><session value="99">Ninety-ninth session</session></p>'
        '<p><inline title="12 (b)" name="agenda item">Agenda item 12 (b)</inline></p>'
        "<p><docTitle>Resolution adopted by the General Assembly on 7 December 2044</docTitle></p>"
        '<p xml:space="preserve"><docProponent refersTo="#firstCommittee">[on the report of the First '
        'Committee (<inline name="originating document">A/99/400, para. 9</inline>)]</docProponent></p>'
    )
    conclusions = conclusions or (
        '<p><event refersTo="#adoption"><location title="41st">41st plenary meeting</location><eol/>'
        '<docDate date="2044-12-07">7 December 2044</docDate></event></p>'
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="{NS}" xmlns:akn4un="http://un.org/akn4un">
  <!--SYNTHETIC: invented words in the UN's AKN4UN layout-->
  <{root} name="resolution">
    <meta>
      <identification source="#DGACM">
        <FRBRWork>
          <FRBRthis value="/akn/un/statement/deliberation/unga/2044-12-07/99-7/!main/"/>
          <FRBRuri value="/akn/un/statement/deliberation/unga/2044-12-07/99-7/"/>
          <FRBRdate date="2044-12-07" name="adoption"/>
          <FRBRauthor href="ga" as="author"/>
          <FRBRcountry value="un"/>
        </FRBRWork>
        <FRBRExpression>
          <FRBRthis value="/akn/un/statement/deliberation/unga/2044-12-07/99-7/{language}@!main/"/>
          <FRBRuri value="/akn/un/statement/deliberation/unga/2044-12-07/99-7/{language}@/"/>
          <FRBRdate date="2044-12-09" name="publication"/>
          <FRBRauthor href="ga" as="issuer"/>
          <FRBRlanguage language="{language}"/>
        </FRBRExpression>
      </identification>
      {meta_extra}
    </meta>
    <coverPage>{cover}</coverPage>
    <preface>{preface}</preface>
    <preamble>
      <formula name="enactingFormula"><p><span class="italic">The General Assembly</span>,</p></formula>
      {preamble}
    </preamble>
    <mainBody>{body}</mainBody>
    <conclusions>{conclusions}</conclusions>
    {attachments}
  </{root}>
</akomaNtoso>""".encode()


def container(opener: str, rest: str) -> str:
    """A preambular paragraph: its italic opener, then the rest."""
    return (
        f'<container name="{opener}"><p xml:space="preserve">\t<span class="italic">{opener}</span>{rest}</p>'
        "</container>"
    )


def paragraph(number: str, verb: str, rest: str) -> str:
    """An operative paragraph: its number (or none), its italic verb, then the rest."""
    num = f"<num>{number}</num>" if number else ""
    return (
        f'<paragraph class="MercuryDocument">{num}<content><p xml:space="preserve">\t'
        f'<span class="italic">{verb}</span>{rest}</p></content></paragraph>'
    )
