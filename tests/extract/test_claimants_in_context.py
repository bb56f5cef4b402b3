"""Who speaks for a figure when the sentence also names other bodies: cases met in real copy
(issue 10, claimants), written here in our own words."""

from __future__ import annotations

import pytest

import tollbook


def _sources(text: str) -> list[str | None]:
    return [c.source for c in tollbook.extract(text, published="2024-03-01")]


@pytest.mark.parametrize(("text", "source"), [
    # the body after "according to" must close that phrase, not sit in the next clause
    ("According to the latest tally, 310 people died in the Hamas attack.", None),
    ("According to the Gaza health ministry, 310 people died.", "Gaza Health Ministry"),
    # "official <demonym> data": that country's officials as the lexicon names them
    ("According to official Israeli figures, 310 people were killed.", "Israeli Prime Minister's Office"),
    ("According to official Moldovan data, 12 people died in the floods.", "Moldovan authorities"),
])
def test_according_to_names_the_body_of_its_own_phrase(text: str, source: str | None) -> None:
    assert _sources(text) == [source]


def test_a_body_naming_an_event_does_not_speak() -> None:
    assert _sources("The toll of the Hamas attack was revised to 1,150.") == [None]
    assert _sources("Hamas said 1,150 fighters were killed.") == ["Hamas"]


def test_a_role_word_used_as_an_adjective_is_no_speaker() -> None:
    (claim,) = tollbook.extract("The official estimate of the toll has been raised to 640.")
    assert claim.source is None and claim.measure == "killed" and claim.best == 640


def test_a_known_person_speaks_for_their_body() -> None:
    text = ("Wagner Group chief Yevgeny Prigozhin spoke on Telegram.\n\n"
            "The mercenary chief said 9,000 of his men were killed.")
    claims = tollbook.extract(text)
    assert [c.source for c in claims] == ["Wagner Group"]
    assert "Prigozhin" in (claims[0].sources[0].text or "")


@pytest.mark.parametrize("text", [
    "Chile revises down the death toll from the fires to 112.",  # the reporting country is no victim
    "The toll of the fires in southern Chile rose to 112.",  # a country named as the place is no victim
    "More than 300 killed in militant attack on Israel",  # the country attacked: its people died, not its forces
])
def test_a_country_reporting_or_hit_is_not_the_actor(text: str) -> None:
    assert [c.actor for c in tollbook.extract(text)] == [None]


def test_a_country_that_lost_troops_is_the_actor() -> None:
    assert [c.actor for c in tollbook.extract("Ukraine lost 300 soldiers near the town.")] == ["Ukrainian forces"]


@pytest.mark.parametrize(("text", "source"), [
    # a body used as a modifier ("Hamas-run") names who runs the speaker, not the speaker
    ("According to the Hamas-run health ministry, 210 people died.", "Gaza Health Ministry"),
    ("210 people died, according to the health ministry in the Hamas-run territory.", "Gaza Health Ministry"),
    # the subject of the verb speaks, not the party named at the start of what it says
    ("Israeli officials say Hamas fighters seized 40 hostages.", "Israeli Prime Minister's Office"),
    ("Forty hostages were seized, said Hamas.", "Hamas"),
    # a body named right before its losses is whose losses, not who put them at a figure
    ("A British adviser put Wagner losses at 30,000.", "anonymous"),
    ("Wagner said its losses had reached 20,000.", "Wagner Group"),
])
def test_the_speaker_not_the_party_spoken_of(text: str, source: str) -> None:
    assert _sources(text) == [source]


def test_a_cited_body_originates_and_the_citing_body_carries() -> None:
    (claim,) = tollbook.extract("OCHA said the toll kept rising, citing the World Health Organization as saying "
                                "that 3,100 people had died.")
    assert claim.source == "World Health Organization"
    assert [s.name for s in claim.sources][:2] == ["World Health Organization", "UN OCHA"]


def test_a_named_person_speaks_for_the_body_the_document_ties_them_to() -> None:
    text = ("Lior Haiat, a spokesman for Israel's foreign ministry, spoke on Friday.\n\n"
            "About 1,200 people were killed, Haiat said.")
    (claim,) = tollbook.extract(text)
    assert claim.source == "Israeli Foreign Ministry" and "Haiat" in (claim.sources[0].text or "")
    # two bodies for one person: no guess
    two = ("Lior Haiat, a spokesman for Israel's foreign ministry, spoke. Lior Haiat, an adviser at the IDF, also spoke.\n\n"
           "About 1,200 people were killed, Haiat said.")
    assert [c.source for c in tollbook.extract(two)] == ["Haiat"]


@pytest.mark.parametrize(("text", "source", "words"), [
    # a country named as the subject of a verb of saying is its government, as the lexicon names it
    ("The toll rose on Friday after Turkey declared that 930 people died.", "Turkish government", "Turkey"),
    # ... but not a country inside a body's name
    ("At least 164 civilians were killed, the UN Human Rights Monitoring Mission in Ukraine said.",
     "UN Human Rights Monitoring Mission in Ukraine", None),
    # unnamed officials keep whose officials they are
    ("The toll kept growing, with officials in Chile and Peru saying 37 people were killed.", "anonymous",
     "officials in Chile and Peru"),
])
def test_places_and_officials_as_speakers(text: str, source: str, words: str | None) -> None:
    (claim,) = tollbook.extract(text)
    assert claim.source == source
    if words:
        assert claim.sources[0].text == words


def test_a_pronoun_confirming_points_back_to_the_body_before() -> None:
    text = ("In a statement, AFAD pointed out that 9,136 aftershocks were recorded. "
            "It confirmed that the number of people evacuated reached 528,146.")
    assert [c.source for c in tollbook.extract(text)] == ["AFAD"]


def test_a_modified_body_name_is_the_lexicon_body() -> None:
    assert _sources("According to the Hamas-controlled government's health ministry, 390 people died.") == \
        ["Gaza Health Ministry"]


def test_a_headline_label_and_a_leading_conjunction_are_no_names() -> None:
    assert _sources("Death toll in the valley floods rises to 45: Photos") == [None]
    (claim,) = tollbook.extract("But the government stopped counting at 64 dead, the report found.")
    assert not (claim.source or "").startswith("But ")



def test_a_body_before_according_to_is_not_its_subject() -> None:
    text = "Deaths from the attack by Hamas have reached 1,300, according to medical sources cited by the local press."
    (claim,) = tollbook.extract(text)
    assert claim.source == "anonymous" and claim.sources[0].text == "medical sources"


def test_a_list_inside_the_figures_clause_is_no_headline_tag() -> None:
    text = ("At least 190 people, including civilians, medics, and fighters, have been killed since March, "
            "according to Lebanese officials, and several thousand have been wounded.")
    claims = tollbook.extract(text)
    assert [c.sources[0].text for c in claims] == ["Lebanese officials", "Lebanese officials"]


def test_an_unnamed_office_holder_speaks_for_the_body_the_document_ties_them_to() -> None:
    text = ("Lebanon revises the toll of the port blast to 218\n\n"
            "The toll of the port blast was revised to 218 on Friday, a health ministry spokesman said.\n\n"
            "Rima Haddad, a spokesman for Lebanon's health ministry, said 23 people were still missing.")
    claims = tollbook.extract(text, published="2024-03-01")
    body = next(c for c in claims if c.section == "body" and c.best == 218)
    assert body.source == "Lebanese Health Ministry" and "Rima Haddad" in (body.sources[0].text or "")


@pytest.mark.parametrize(("text", "source"), [
    ("Israel revises down the toll of the attack to 1,150 - foreign ministry", "Israeli Foreign Ministry"),
    ("Turkey's quake toll rises to 900: Interior minister", "Turkish Interior Ministry"),
    ("Quake toll rises to 900, interior minister says", "anonymous"),  # no place named: whose office is unknown
])
def test_an_office_without_whose_is_that_of_the_one_place_named(text: str, source: str) -> None:
    assert _sources(text) == [source]


def test_a_named_speaker_in_a_role_speaks_for_the_body_that_role_was_credited_with() -> None:
    text = ("Israel revises the toll of the attack to 1,150\n\n"
            "Israel on Friday revised the toll of the attack to about 1,150, according to a foreign ministry spokesman.\n"
            "\"This is the updated number,\" ministry spokesman Dan Levi told reporters.\n"
            "Levi said 30 people were still missing.")
    claims = tollbook.extract(text, published="2024-03-01")
    missing = next(c for c in claims if c.best == 30)
    assert missing.source == "Israeli Foreign Ministry" and missing.sources[0].text == "Levi"


def test_an_office_named_with_its_complement_is_no_back_reference() -> None:
    text = ("A spokesman for the Israeli military said 12 soldiers were wounded.\n"
            "Over 900 people have died in Gaza, according to the health ministry in the Hamas-run territory.")
    claims = tollbook.extract(text, published="2024-03-01")
    assert next(c for c in claims if c.best == 900).source == "Gaza Health Ministry"


def test_a_statement_retold_after_this_was_reported_by_keeps_its_claimant() -> None:
    # Ukrainian copy names the source once, after the lead ("Про це повідомив X"); the paragraphs after
    # it retell X's statement until another body is named
    text = ("За минулу добу російська армія втратила ще 1 200 військових.\n"
            "/images/news/cover/1234.jpeg)\n"  # page furniture between does not cut the pointer off
            "Про це повідомляє Генеральний штаб ЗСУ.\n\n"
            "Сили оборони знищили ще шість танків і 14 артилерійських систем.\n\n"
            "Президент Володимир Зеленський у грудні заявив, що загинули 43 тисячі українських військових.")
    claims = tollbook.extract(text, published="2025-01-03")
    assert [(c.best, c.source) for c in claims] == [
        (1200, "General Staff of the Armed Forces of Ukraine"), (6, "General Staff of the Armed Forces of Ukraine"),
        (14, "General Staff of the Armed Forces of Ukraine"), (43000, "Office of the President of Ukraine")]


def test_the_statement_retold_ends_where_another_body_speaks() -> None:
    text = ("Overnight strikes killed 12 people in Kharkiv. This was reported by the regional governor Oleh Syniehubov.\n\n"
            "Police said 30 people were wounded.\n\n"
            "Another 4 people were injured in Izium.")
    sources = [c.source for c in tollbook.extract(text, published="2024-05-31")]
    assert sources[0] is not None and sources[1] is not None and sources[0] != sources[1]
    assert sources[2] is None  # not the governor's: the police spoke in between


def test_a_quotation_over_several_sentences_is_its_speakers() -> None:
    text = ("«За вчора росіяни втратили близько 900 військових. Наші втрати – 300 людей: 20 загиблих і 250 поранених. "
            "Приблизно один до трьох», — сказав Зеленський.")
    claims = tollbook.extract(text, published="2025-08-12")
    assert [c.best for c in claims][:4] == [900, 300, 20, 250]
    assert {c.source for c in claims[:4]} == {"Office of the President of Ukraine"}
    english = '"We lost 300 people yesterday. Another 40 are missing," the governor of Kharkiv said.'
    assert {c.source for c in tollbook.extract(english, published="2025-08-12")} != {None}


def test_a_nested_quote_does_not_close_the_quotation() -> None:
    text = "«Ми втратили 340 людей: 18 “двохсотих” і 243 “трьохсотих”. Це багато», — сказав Зеленський."
    claims = tollbook.extract(text, published="2025-08-12")
    assert [(c.best, c.measure) for c in claims] == [(340, "casualties"), (18, "killed"), (243, "wounded")]
    assert {c.source for c in claims} == {"Office of the President of Ukraine"}


@pytest.mark.parametrize("text", [
    "Погибших уже 21.\nРанения получили ещё 110 человек. Тяжёлыми остаются 30 раненых, "
    "сообщил губернатор Белгородской области Вячеслав Гладков.",
    "Загиблих уже 21.\nПоранення дістали ще 110 людей. Тяжкими залишаються 30 поранених, "
    "повідомив голова Харківської ОВА Олег Синєгубов.",
])
def test_in_ukrainian_and_russian_the_speaker_closing_a_paragraph_speaks_for_it(text: str) -> None:
    claims = tollbook.extract(text, published="2023-12-31")
    by_value = {c.best: c.source for c in claims}
    assert by_value[110] is not None and by_value[110] == by_value[30]  # the same paragraph
    assert by_value[21] is None  # the paragraph before names no one


def test_a_source_line_names_the_speaker_of_the_paragraph_before() -> None:
    text = ("Wagner losses near Bakhmut reach 30,000\n\n"
            "Since May as many as 30,000 Wagner men were killed or injured around Bakhmut.\n\n"
            "Source: Ian Stubbs, a military adviser to the UK delegation at the OSCE, in Vienna\n")
    claims = tollbook.extract(text, published="2023-03-01")
    # the body's figure, and the headline's through it
    assert [(c.section, c.source) for c in claims] == [("headline", "Ian Stubbs"), ("body", "Ian Stubbs")]
    # without the label the same line names no one: a name alone is not a speaker
    assert all(c.source is None for c in tollbook.extract(text.replace("Source: ", ""), published="2023-03-01"))


def test_english_keeps_a_later_speaker_to_its_own_sentence() -> None:
    text = "Another 110 people were injured. Police in Kharkiv said 3 officers were hurt."
    claims = tollbook.extract(text, published="2023-12-31")
    assert claims[0].source is None and claims[1].source is not None


def test_a_headline_naming_its_source_speaks_for_the_body() -> None:
    text = ("МЧС России: за неделю при пожарах погибли 75 человек\n\n"
            "травмы получили 300 человек;")
    claims = tollbook.extract(text, published="2024-04-20")
    assert {c.source for c in claims} == {"Russian Emergencies Ministry"}


@pytest.mark.parametrize(("headline", "source"), [
    ("За добу окупанти втратили 1 300 солдатів і 15 танків — Генштаб", "General Staff of the Armed Forces of Ukraine"),
    ("Від початку війни росіяни вбили 300 дітей - Офіс генпрокурора", "Ukrainian Prosecutor General's Office"),
    ("Russia lost 1,200 soldiers in a day - General Staff", "General Staff of the Armed Forces of Ukraine"),
])
def test_a_headline_tag_in_any_language_names_the_source(headline: str, source: str) -> None:
    claims = tollbook.extract(headline + "\n\nТекст.\n", published="2024-11-23")
    assert claims and {c.source for c in claims} == {source}


@pytest.mark.parametrize(("text", "sources"), [
    # Ukrainian and Russian copy name the source once, in the lead; it goes on speaking ...
    ("ЗСУ тричі намагалися атакувати, повідомили в Міноборони Росії.\nЗа добу ЗСУ втратили до 200 бійців.",
     ["Russian Ministry of Defence"]),
    ("ВСУ трижды пытались атаковать, сообщили в Минобороны России.\nЗа сутки ВСУ потеряли до 200 бойцов.",
     ["Russian Ministry of Defence"]),
    # ... until the article turns to its own background
    ("ВСУ трижды пытались атаковать, сообщили в Минобороны России.\nРанее сообщалось, что ВСУ потеряли свыше 50 тысяч военных.",
     [None]),
    # English paragraphs name their own speakers (measured on the real stories)
    ("Ukraine's forces made five counter-attacks, Russia's defence ministry said.\n\nUkraine lost 230 soldiers over the day.", [None]),
])
def test_the_lead_speaker_goes_on_in_ukrainian_and_russian_only(text: str, sources: list[str | None]) -> None:
    assert _sources(text) == sources


def test_according_to_him_as_an_agency_relays_it() -> None:
    text = ("Министр обороны Сергей Шойгу заявил о потерях противника.\n"
            "По его словам, передает ТАСС, за месяц уничтожено свыше 15 тыс. украинских военных.")
    (claim,) = tollbook.extract(text, published="2023-02-01")
    assert claim.source == "Russian Ministry of Defence"
    assert [s.name for s in claim.sources][:2] == ["Russian Ministry of Defence", "TASS"]  # the agency carried it


def test_a_second_speaker_after_and_speaks_for_the_second_figure() -> None:
    text = "A Gaza civil defence chief said 280 people died and a health ministry official said 470 died."
    first, second = tollbook.extract(text, published="2023-10-18")
    assert first.source == "Gaza Civil Defence"
    assert second.source != "Gaza Civil Defence" and "health ministry" in (second.sources[0].text or "").lower()


def test_placed_the_toll_at_attributes_and_the_researchers_are_no_office_referred_back() -> None:
    text = ("Authorities in Puerto Rico put the official death toll at 64 at the time.\n\n"
            "A university team estimated 4,000 excess deaths. "
            "The researchers said the real toll was probably above 4,500.")
    claims = tollbook.extract(text, published="2018-05-29")
    assert claims[0].source == "Puerto Rico government"
    assert claims[-1].source != "Puerto Rico government"  # "the researchers" are not the government named before


@pytest.mark.parametrize(("text", "value", "previous"), [
    ("Officials now count 2,975 dead, up from 64, the governor said.", 64, True),
    ("Officials now count 2,975 dead, up from 64, the governor said.", 2975, False),
    ("The ministry now puts the toll at about 1,200, down from a previous estimate of 1,400.", 1400, True),
    ("Israel previously said 1,400 people died in the attack.", 1400, True),
    # a revision's own words: the figure it revised from is the earlier one, the one it revised to is not
    ("Initially, the authorities counted 64 deaths.", 64, True),
    # ("down" is no verb of destroying here)
    ("The ministry revised the death toll down from 1,400 to about 1,200.", 1400, True),
    ("The ministry revised the death toll down from 1,400 to about 1,200.", 1200, False),
    ("The agency, which had earlier reported 11,300 deaths, said its estimate now stood at between 4,000 and 11,300.", 4000, False),
])
def test_a_figure_given_as_an_earlier_one_is_as_of_before_the_report(text: str, value: int, previous: bool) -> None:
    claim = next(c for c in tollbook.extract(text, published="2023-11-10") if value in (c.best, c.low))
    assert (claim.date_end == "2023-11-09") is previous and claim.date_start is None


def test_a_revision_told_on_a_day_puts_the_old_figure_before_that_day() -> None:
    claims = {c.best: c for c in tollbook.extract(
        "On Wednesday the ministry revised the death toll down from 1,400 to 1,200.", published="2023-11-10")}
    assert claims[1400].date_end == "2023-11-07" and claims[1200].date_end == "2023-11-08"
    assert {c.measure for c in claims.values()} == {"killed"}
    # the date of the event named is not the figure's: "the Oct. 7 attack" leaves the old figure before the report
    claims = {c.best: c for c in tollbook.extract(
        "The death toll of the Oct. 7 attack was revised to 1,200 from an earlier estimate of 1,400.", published="2023-11-10")}
    assert claims[1400].date_end == "2023-11-09" and claims[1200].date_end == "2023-11-10"


def test_an_aside_names_its_own_report() -> None:
    text = ("The UN office put the dead at 3,958, citing the World Health Organization (revising its count down "
            "from an earlier report that gave 11,300 as dead, which it had attributed to the Libyan Red Crescent).")
    claims = {c.best: c for c in tollbook.extract(text, published="2023-09-17")}
    assert claims[3958].source == "World Health Organization"
    assert claims[11300].source != "World Health Organization" and claims[11300].date_end == "2023-09-16"


def test_a_russian_speaker_may_stand_well_after_the_verb() -> None:
    text = 'Поиски четырёх пропавших без вести жителей продолжаются, сообщили "Интерфаксу" в Главном управлении МЧС по области.'
    assert _sources(text) == ["Russian Emergencies Ministry"]


def test_whoever_keeps_the_count_speaks_for_it() -> None:
    text = ('Журналисты подтвердили гибель 70 000 российских военных. '
            'Этот подсчет ведут "Медиазона" и Русская служба Би-би-си.')
    assert _sources(text) == ["Mediazona"]


def test_a_place_of_a_country_is_no_person_holding_a_role() -> None:
    text = ("Toll in Libya's Derna may climb to 20,000, mayor says\n\n"
            "The toll may climb to 20,000 in the city, the mayor said.\n"
            "\"As many as 20,000 may have died,\" Mayor Abdulmenam al-Ghaithi said.")
    assert set(_sources(text)) == {"Abdulmenam al-Ghaithi"}


def test_the_countrys_office_is_that_of_the_one_country_named() -> None:
    text = "Besides the 12,000 dead in Turkey, the country's disaster management agency said 60,000 people were hurt."
    assert set(_sources(text)) == {"AFAD"}
    # named so, it is no back-reference to the speaker before
    before = "Rescuers found two bodies in a collapsed block, the DHA news agency reported.\n\n"
    assert _sources(before + text)[1:] == ["AFAD", "AFAD"]


def test_the_person_after_a_bodys_name_is_kept_in_its_words() -> None:
    text = "Зниклими безвісти вважаються понад 20 тисяч людей. Про це повідомив заступник міністра внутрішніх справ Леонід Тимченко."
    (claim,) = tollbook.extract(text, published="2023-10-05")
    assert claim.source == "Ukrainian Interior Ministry" and "Леонід Тимченко" in (claim.sources[0].text or "")


def test_a_line_that_only_names_the_speaker_speaks_for_the_paragraph_before() -> None:
    text = ("Ракетний удар по Дніпру\n\n"
            "У місті вже 18 постраждалих.\n\n"
            "– заявив Лисак.\n\n"
            "Рятувальники працюють на місці.")
    (claim,) = tollbook.extract(text, published="2024-10-26")
    assert claim.source == "Dnipropetrovsk Regional Military Administration"


def test_an_office_and_its_holder_side_by_side_are_one_speaker() -> None:
    text = ("На пресконференції президент України Володимир Зеленський "
            "назвав кількість загиблих військових — 31 тисяча.")
    assert _sources(text) == ["Office of the President of Ukraine"]


def test_a_pointer_opening_its_paragraph_points_at_the_paragraph_of_figures_before() -> None:
    text = ("Уночі під час гасіння пожежі загинули двоє рятувальників. Вони працювали під вогнем ворога.\n\n"
            "Сумну новину підтвердили в ДСНС України.\n")
    (claim,) = tollbook.extract(text, published="2025-06-06")
    assert claim.source == "State Emergency Service of Ukraine"


@pytest.mark.parametrize(("text", "source"), [
    # an abbreviation glossed inside the body's name does not hide the body
    ("Українська армія за добу втратила понад 300 військових. Про це повідомило Міністерство оборони (МО) Росії.",
     "Russian Ministry of Defence"),
    ("Украинская армия за сутки потеряла более 300 военных. Об этом сообщило Министерство обороны (МО) России.",
     "Russian Ministry of Defence"),
    ("Загинули троє людей, повідомив голова Донецької ОДА (ОВА) Вадим Петренко.", "Donetsk Regional Military Administration"),
    # the old name of the administration, in any case: "ОДА" is an abbreviation, not the noun "ода"
    ("Загинули троє людей, повідомили в Донецькій ОДА.", "Donetsk Regional Military Administration"),
])
def test_a_glossed_or_abbreviated_name_is_the_lexicon_body(text: str, source: str) -> None:
    assert [c.source for c in tollbook.extract(text, published="2024-08-20")] == [source]


@pytest.mark.parametrize(("text", "source"), [
    # the outlet's own verb of retelling at the end says nothing of which of two bodies spoke first
    ("Загинули дев'ятеро людей. Дані оприлюднили начальник КМВА Сергій Попко і мер Віталій Кличко, пише УНН.",
     "Kyiv City Military Administration"),
    ("Погибли девять человек. Об этом сообщили глава КГВА Сергей Попко и мэр Виталий Кличко, пишет УНН.",
     "Kyiv City Military Administration"),
])
def test_an_outlets_closing_verb_does_not_choose_the_speaker(text: str, source: str) -> None:
    assert [c.source for c in tollbook.extract(text, published="2024-08-20")] == [source]


@pytest.mark.parametrize(("text", "source"), [
    # a person the lexicon does not know, after the verb behind the words of their office, or before it
    ("Загинули п'ятеро людей, повідомив радник громади Остап Гребінь.", "Остап Гребінь"),
    ("Погибли пять человек, сообщил глава района Пётр Сорокин.", "Пётр Сорокин"),
    ("Пётр Сорокин сообщил о гибели пяти человек.", "Пётр Сорокин"),
    # capitalised words after "що" are what was said, not who said it
    ("Загинули п'ятеро людей, повідомили, що Сили Оборони відбили атаку.", None),
    # a sentence's capital on a word for an office or for the authorities begins no name: the authorities
    # speak, unnamed, kept with their words
    ("Власти Чили сообщили о гибели пяти человек.", "anonymous"),
])
def test_an_unknown_person_named_by_the_verb_speaks(text: str, source: str | None) -> None:
    assert [c.source for c in tollbook.extract(text, published="2024-08-20")][:1] == [source]


def test_the_defence_ministry_by_its_usual_periphrasis() -> None:
    text = "Москва вернула из плена 120 военных. В оборонном ведомстве уточнили, что Киеву передали 120 пленных."
    assert [c.source for c in tollbook.extract(text, published="2024-08-20")][-1:] == ["Russian Ministry of Defence"]


def test_a_figure_repeated_further_down_keeps_the_claimant_given_with_it() -> None:
    text = ("Floods in the province\n\n"
            "The floods have killed 212 people in the province, the provincial health ministry said.\n\n"
            "Roads remain cut off in the north.\n\n"
            "Besides the 212 dead, 640 people were injured.\n")
    claims = tollbook.extract(text, published="2024-05-10")
    by_start = sorted(claims, key=lambda c: c.start)
    assert [c.best for c in by_start] == [212, 212, 640]
    assert by_start[1].source == by_start[0].source is not None and by_start[1].attribution == "body"
    assert by_start[2].source is None  # another figure of that sentence is not a repeat


def test_a_lede_without_a_claimant_is_the_figure_the_next_paragraph_credits() -> None:
    text = ("Strikes across the country\n\n"
            "Russian strikes on 8 July killed 31 people, and 125 were injured.\n\n"
            "On 8 July 31 people died in the strikes, the State Emergency Service of Ukraine said.\n")
    claims = tollbook.extract(text, published="2024-07-08")
    killed = [c for c in claims if c.best == 31]
    assert [c.source for c in killed] == ["State Emergency Service of Ukraine"] * 2
    assert [c.attribution for c in killed] == ["body", "explicit"]
    assert next(c for c in claims if c.best == 125).source is None  # no twin: no claimant


def test_a_total_of_two_places_counts_what_its_parts_count_and_is_neither_place() -> None:
    claims = tollbook.extract("Officials confirmed 9,210 deaths in Turkey and another 2,004 in Syria, bringing the "
                              "total to 11,214, a grim loss of life.", published="2023-02-09")
    total = next(c for c in claims if c.best == 11214)
    assert total.measure == "killed" and total.place is None
    assert {c.place for c in claims if c.best != 11214} == {"Turkey", "Syria"}


def test_an_office_without_whose_in_a_report_from_one_place_is_that_places() -> None:
    text = "Blast at Gaza hospital\n\nA blast hit a hospital in Gaza City. The dead numbered 480, a health ministry official told reporters.\n"
    assert _sources(text) == ["Gaza Health Ministry"]
    # the lexicon's name may put the place before the office without a possessive ("Gaza health authorities")
    text = "Blast at Gaza hospital\n\nHealth authorities put the number the blast killed at 480.\n"
    assert _sources(text) == ["Gaza Health Ministry"]
    # two places at the top: no guess between their ministries
    text = "Israel and Gaza count the dead\n\nThe dead numbered 480, a health ministry official told reporters.\n"
    assert _sources(text) == ["anonymous"]
    # "officials" alone in a report that names two places: either's, so no one's
    text = "Storm deaths in Puerto Rico, a U.S. territory\n\nOfficials said 82 people died a day after the storm.\n"
    assert _sources(text) == ["anonymous"]



def test_climbed_past_is_a_lower_bound() -> None:
    claims = tollbook.extract("The health ministry said the toll had climbed past 1,200.", published="2023-02-08")
    assert [(c.low, c.high) for c in claims] == [(1200, None)]


@pytest.mark.parametrize(("text", "source"), [
    # a verb of counting speaks as a verb of saying does
    ("In the first days, authorities counted 64 deaths.", "anonymous"),
    ("Police counted 14 bodies in the river.", "anonymous"),
    # a country that "recorded" casualties had them; it did not speak
    ("Myanmar recorded over 1,000 casualties last year.", None),
])
def test_verbs_of_counting_and_of_having(text: str, source: str | None) -> None:
    assert _sources(text) == [source]


def test_an_office_refers_back_only_to_a_body_of_its_kind() -> None:
    text = ("Cholera and floods\n\n"
            "The World Health Organization said 410 people had died of cholera in the region. "
            "The government in the east put the number of flood deaths at 3,100.\n\n"
            "The ministry said 212 people had died in the floods.\n")
    claims = {c.best: c for c in tollbook.extract(text, published="2023-09-17")}
    assert claims[410].source == "World Health Organization"
    # "the government" and "the ministry" are not the WHO named before
    assert claims[3100].source == claims[212].source == "anonymous"


def test_a_clause_after_a_dash_names_its_own_speaker() -> None:
    text = ("Hospital blast in Gaza\n\n"
            "US intelligence estimated that 100 to 300 people were killed, according to a paper a news agency saw -- "
            "a count well under the 480 deaths which health authorities of the Hamas-run territory had described.\n")
    claims = {c.best: c for c in tollbook.extract(text, published="2023-10-19")}
    assert claims[200].source == "US intelligence"
    assert claims[480].source == "Gaza Health Ministry"
    assert claims[480].sources[0].text.startswith("health authorities")  # the words from a word's start
