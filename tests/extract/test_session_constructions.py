"""Constructions met in real reporting, each written here in new words: a share whose base is given in
brackets, a headline rebuilt from a web address, an earlier report of no named source, buildings."""

from __future__ import annotations

import pytest

import tollbook
from tollbook.extract.attribution import attribute_sentence


def test_a_share_counts_against_the_base_its_brackets_give() -> None:
    text = "According to the agency, half of the missing fishermen (12 out of 24) were found dead on the shore."
    share = next(c for c in tollbook.extract(text, published="2025-01-27") if c.value_text == "half")
    assert (share.low, share.best, share.high) == (12, 12, 12)


def test_a_headline_rebuilt_from_an_address_keeps_its_trailing_source() -> None:
    slug = "9000 russian soldiers have died near avdiivka since october us intel"
    found = attribute_sentence(slug, slug)
    assert found is not None and found.claimant.name == "US intelligence"
    # punctuated copy needs its separator: a body's name at the end of a sentence is no tag
    assert attribute_sentence("Shelling killed 9 near the US embassy.", "shelling killed 9 near the us embassy.") is None


def test_an_earlier_report_of_no_named_source_is_not_carried_from_the_speaker_before() -> None:
    text = ("Пожар в торговом центре\n\n"
            "По словам губернатора Ивана Петрова, погибли 14 человек.\n\n"
            "До этого сообщалось о девяти погибших.")
    claims = tollbook.extract(text, published="2025-03-02", outlet="Тестовая газета", language="ru")
    earlier = next(c for c in claims if c.best == 9)
    assert earlier.attribution == "outlet" and earlier.date_end < "2025-03-02"


def test_buildings_damaged_are_counted_and_belong_to_no_party() -> None:
    text = "Russian shelling damaged 27 houses and two schools in Kharkiv, the regional governor said."
    claims = tollbook.extract(text, published="2025-01-27")
    assert [(c.best, c.measure, c.unit, c.actor) for c in claims] == [(27, "damaged", "building", None),
                                                                       (2, "damaged", "building", None)]


def test_the_regions_authorities_are_the_one_regional_administration_the_document_names() -> None:
    text = ("Обстрел Белгорода\n\n"
            "При обстреле Белгорода погибли пять человек. Об этом сообщили в пятницу власти региона.\n\n"
            "Вячеслав Гладков добавил, что ранены ещё 12 человек.")
    dead = next(c for c in tollbook.extract(text, published="2025-03-02", language="ru") if c.best == 5)
    assert dead.source == "Belgorod Oblast administration"


def test_a_paragraph_going_on_with_the_count_before_it_lends_it_its_speaker() -> None:
    text = ("Удар по городу\n\n"
            "Число погибших после удара по городу выросло до 19 человек.\n\n"
            "Еще 64 человека ранены, сообщил Вячеслав Гладков.")
    dead = next(c for c in tollbook.extract(text, published="2025-03-02", language="ru") if c.best == 19)
    assert dead.source == "Belgorod Oblast administration"


def test_a_round_headline_figure_retells_the_body_figure_it_rounds() -> None:
    text = ("Names of more than 41,000 dead soldiers confirmed\n\n"
            "Volunteers have confirmed the names of 41,288 soldiers killed since the war began, the Open Count "
            "project said on Friday.")
    head = next(c for c in tollbook.extract(text, published="2025-03-02") if c.section == "headline")
    assert head.attribution == "body" and head.source == next(
        c.source for c in tollbook.extract(text, published="2025-03-02") if c.best == 41288)


def test_people_are_not_damaged_and_a_compounds_last_noun_is_its_head() -> None:
    claims = tollbook.extract("The floods damaged 60 houses, home to 300 residents, and 12 civilian ferries.",
                              published="2025-01-27")
    assert [(c.best, c.measure, c.unit) for c in claims] == [(60, "damaged", "building"), (12, "damaged", "ship")]


def test_a_lists_last_item_keeps_the_lists_party_and_drowning_is_death() -> None:
    claims = tollbook.extract("По данным Минобороны России, ВСУ потеряли 31 самолет и 17 танков.",
                              published="2025-01-27", language="ru")
    assert [(c.best, c.actor) for c in claims] == [(31, "Ukrainian forces"), (17, "Ukrainian forces")]
    (drowned,) = tollbook.extract("Во время паводка утонули девять человек.", published="2025-01-27", language="ru")
    assert drowned.measure == "killed"


def test_a_body_read_from_the_text_is_the_one_the_lexicon_knows_and_keeps_its_spokesperson() -> None:
    text = ("Toll rises after the attack\n\n"
            "Gaza's Health Ministry reported on Monday that 310 people had been killed.\n\n"
            "Rami Haddad, the press officer of the Health Ministry, made the announcement at noon.\n\n"
            "He added that more than 90 people were still missing.")
    claims = tollbook.extract(text, published="2025-03-02")
    missing = next(c for c in claims if c.best == 90)
    assert missing.source == "Gaza Health Ministry" and "Rami Haddad" in (missing.sources[0].text or "")


def test_an_office_named_in_full_is_the_lexicons_office_of_the_documents_place() -> None:
    text = ("Storm toll in Puerto Rico unchanged\n\n"
            "The storm's death toll in Puerto Rico is now 48, the Department of Public Safety reported on Tuesday.")
    (claim,) = [c for c in tollbook.extract(text, published="2017-10-20") if c.section == "body"]
    assert claim.source == "Puerto Rico Department of Public Safety"


def test_a_governor_the_lexicon_does_not_know_speaks_for_the_government_of_the_place_they_govern() -> None:
    text = ("Storm toll review ordered\n\n"
            "Puerto Rico's governor has ordered a review of every death since the storm.\n\n"
            "The official death toll stands at 58, Gov. Alma Ferrer said on Monday.")
    (claim,) = [c for c in tollbook.extract(text, published="2017-12-18") if c.best == 58]
    assert claim.source == "Puerto Rico government" and claim.sources[0].text.startswith("Gov.")


def test_the_part_a_shares_brackets_give_counts_what_the_share_counts() -> None:
    text = ("By the agency's count, half of the dead hostages (9 out of 18) lost their lives in the first hours "
            "and were carried over the border.")
    claims = {c.value_text: c for c in tollbook.extract(text, published="2025-01-27")}
    # "hostages" alone would make the 9 captured: they are the half of the dead
    assert claims["half"].measure == "killed" and claims["9"].measure == "killed"


def test_a_noun_of_status_says_who_a_verb_of_loss_befell() -> None:
    def measure(text: str) -> str | None:
        return tollbook.extract(text, published="2025-01-27")[0].measure

    assert measure("Another 14 hostages were killed in the tunnels, the army said.") == "killed"
    assert measure("At least 9 prisoners died in the blaze at the camp.") == "killed"
    # with no verb of loss, or one told apart by a comma, the noun keeps its own measure
    assert measure("The militants still hold 60 hostages, the army said.") == "captured"
    assert measure("The 40 prisoners, who were wounded, were exchanged on Monday.") == "captured"


def test_a_headline_printed_twice_is_read_from_its_printed_copy() -> None:
    """The address's copy has lost the colon and capitals that name the source ("Kiev: ...")."""
    text = ("kyiv 300 russian troops killed near the river every day\n\n"
            "Kyiv: \"300 Russian troops killed near the river every day\"\n\n"
            "About 300 Russian troops are killed every day near the river, Ukraine's defence minister said.\n")
    head = [c for c in tollbook.extract(text, published="2025-01-27") if c.section == "headline"]
    assert len(head) == 1 and head[0].quote.startswith("Kyiv:")


def test_a_study_is_credited_to_the_body_that_made_it() -> None:
    def source(sentence: str) -> str | None:
        (claim,) = tollbook.extract("Flood deaths studied\n\n" + sentence, published="2019-03-01", outlet="Test Wire")
        return claim.source

    # the verb may be far from the makers' name, past another verb of the study
    assert source("Scientists at the Lowland Institute of Hydrology, in a door-to-door survey of the valley, "
                  "counted 1,210 excess deaths after the flood.") == "Lowland Institute of Hydrology"
    assert source("A Brennan University study estimated that 860 people died in the flood.") == "Brennan University"
    assert source("Brennan University's report found 860 flood deaths.") == "Brennan University"
    # initials inside a name do not end the sentence that names it
    assert source("Researchers at the J.K. Moss School of Public Health found 1,210 excess deaths.") \
        == "J.K. Moss School of Public Health"
    # a study with no maker named, or a place's or a people's, credits no one new
    assert source("A Puerto Rico study found 860 deaths in the flood.") == "Test Wire"
    assert source("A British study found 860 deaths in the flood.") == "Test Wire"


def test_a_government_named_short_or_by_a_verb_of_revision_is_the_government() -> None:
    def source(sentence: str) -> str | None:
        (claim,) = tollbook.extract("Toll revised\n\n" + sentence, published="2023-11-11", outlet="Test Wire")
        return claim.source

    assert source("The govt of Israel said on Friday that 1,150 people had been killed.") == "Israeli Prime Minister's Office"
    assert source("Israel lowered the toll of the attack to 1,150 on Friday.") == "Israeli Prime Minister's Office"


def test_another_count_goes_on_with_the_account_of_the_sentence_before() -> None:
    text = ("Ferry sinks off the coast\n\n"
            "A coast guard spokesperson said on Monday that 31 passengers had drowned. Another 64 were reported "
            "missing.\n\n"
            "Rescue boats searched the bay through the night. Another 12 were reported missing later.")
    claims = {c.best: c for c in tollbook.extract(text, published="2024-05-07", outlet="Test Wire")}
    assert claims[64].source == claims[31].source == "anonymous" and "coast guard" in claims[64].sources[0].text
    # in a paragraph of its own, with no account before it, the figure is the outlet's
    assert claims[12].source == "Test Wire"


def test_the_figure_a_revision_leaves_behind_is_dated_before_the_day_it_was_revised() -> None:
    text = ("Toll of the market bombing revised\n\n"
            "The interior ministry on Thursday revised the toll of the March 3 bombing from about 90 to 76 people.")
    claims = {c.best: c for c in tollbook.extract(text, published="2024-03-15")}
    # the event's date opens both periods; the day of the revision (Thursday 14 March) closes the new figure,
    # the day before it the old one
    assert claims[76].date_end == "2024-03-14" and claims[90].date_end == "2024-03-13"


def test_words_of_loss_in_an_opening_clause_of_concession_do_not_measure_the_main_clause() -> None:
    def measures(sentence: str) -> dict[str, str | None]:
        return {c.value_text: c.measure for c in tollbook.extract(sentence, published="2018-06-02")}

    assert "thousands" not in measures("While the toll of the dead is still argued over, thousands of families "
                                       "are rebuilding their homes.")
    # the main clause's own words of loss still count, and so do a figure and its verb inside the opening clause
    assert measures("Although the toll is still being counted, the agency said 2,000 people died.") == {"2,000": "killed"}
    assert measures("While 30 were killed in the storm, the town's harbour stood.") == {"30": "killed"}


def test_households_surveyed_are_no_count_of_the_dead() -> None:
    text = "Surveyors did not count the dead but visited 3,299 households picked at random on the island."
    assert tollbook.extract(text, published="2018-06-02") == []
    assert tollbook.extract("The team interviewed thousands of households after the flood killed many.",
                            published="2018-06-02") == []


def test_an_address_ending_in_two_parties_names_its_topic_not_its_source() -> None:
    slug = "dozens killed in market blast as protests spread israel hamas"
    assert attribute_sentence(slug, slug) is None
    tagged = "russia lost 300 troops near the river ukraine general staff"
    found = attribute_sentence(tagged, tagged)
    assert found is not None and found.claimant.name == "General Staff of the Armed Forces of Ukraine"


def test_people_of_two_states_named_together_give_the_count_no_one_country() -> None:
    claims = tollbook.extract("The clashes left 300 Israelis and Palestinians dead, medics said.", published="2023-10-08")
    assert [(c.actor, c.actor_country) for c in claims] == [("civilians", None)]
    claims = tollbook.extract("The clashes left 300 Palestinians dead, medics said.", published="2023-10-08")
    assert [(c.actor, c.actor_country) for c in claims] == [("civilians", "PSE")]


def test_a_diplomat_or_adviser_named_again_by_role_is_the_one_named_before() -> None:
    text = ("Losses near the river\n\n"
            "Source: Alan Wyke, an adviser to Britain's mission at the OSCE, at a forum in Vienna\n\n"
            "Details: According to the UK diplomat, Russia is losing over 600 personnel for every kilometre it gains.")
    (claim,) = tollbook.extract(text, published="2023-03-16", outlet="Test Wire")
    assert claim.source == "Alan Wyke"


def test_western_intelligence_is_one_originator_and_can_tag_a_title() -> None:
    found = attribute_sentence("Russia has lost up to 9,000 convicts near the river – Western intelligence",
                               "russia has lost up to 9,000 convicts near the river – western intelligence")
    assert found is not None and found.claimant.name == "Western intelligence"
    said = "Western intelligence estimates the losses at 9,000."
    assert attribute_sentence(said, said.lower()).claimant.name == "Western intelligence"


def test_a_study_word_inside_a_bodys_name_is_no_study() -> None:
    said = "In May the army lost 900 soldiers a week, the Institute for the Study of Conflict estimated."
    found = attribute_sentence(said, said.lower())
    assert found is None or "Conflict" != found.claimant.name


def test_materiel_counted_without_its_kind_is_equipment_destroyed_not_people() -> None:
    for text, language in (("Artillery knocked out 14 pieces of military equipment near Izium in a day.", "en"),
                           ("За добу знищено 14 одиниць техніки ворога.", "uk"),
                           ("За сутки уничтожено 14 единиц военной техники.", "ru")):
        claim = next(c for c in tollbook.extract(text, published="2025-02-10", language=language) if c.best == 14)
        assert (claim.measure, claim.unit) == ("destroyed", "equipment"), text
    people = next(c for c in tollbook.extract("Artillery killed 14 soldiers near Izium.", published="2025-02-10"))
    assert people.unit == "personnel"


def test_a_headline_part_named_without_commas_leaves_the_whole_its_verb() -> None:
    claims = tollbook.extract("Seven miners including three rescuers die in Donbas pit blast", published="2025-02-10")
    assert [(c.best, c.measure) for c in claims] == [(7, "killed"), (3, "killed")]
    assert claims[1].derived_from == claims[0].claim_id  # the part is of the whole


def test_a_verb_before_a_comma_belongs_to_the_phrase_before_it() -> None:
    # (the medic and the farmer are counts of one of their own)
    claims = tollbook.extract("Medic wounded, three marines killed near Krynky", published="2025-02-10")
    assert [(c.best, c.measure) for c in claims] == [(1, "wounded"), (3, "killed")]
    claims = tollbook.extract("Farmer killed, four more wounded by mine in Kherson region", published="2025-02-10")
    assert [(c.best, c.measure) for c in claims] == [(1, "killed"), (4, "wounded")]
    # with no verb of its own after the comma, the figure keeps the one before
    claims = tollbook.extract("Ten people were wounded, three of them critically.", published="2025-02-10")
    assert [(c.best, c.measure) for c in claims] == [(10, "wounded"), (3, "wounded")]


def test_a_sentence_printed_twice_on_a_page_states_its_figures_once() -> None:
    lede = "The regional health office said on Sunday that 312 people had died in the floods since Thursday."
    text = f"Floods in the valley\n\n{lede}\n\nRoads remain closed.\n\n{lede} Of these, a third were children."
    claims = tollbook.extract(text, published="2025-05-04")
    assert [c.best for c in claims if c.fraction is None] == [312]
    share = next(c for c in claims if c.fraction is not None)
    assert share.derived_from == claims[0].claim_id  # the share of the second printing is of the one kept
    # one sentence naming the same figure twice is two figures, and a short sentence repeated is two reports
    twice = tollbook.extract("Tally\n\n41,002: the number of people killed in the region now stands at 41,002, "
                             "the ministry said.", published="2025-05-04")
    assert [c.best for c in twice] == [41002, 41002]
    short = tollbook.extract("Tally\n\nTwo people died.\n\nTwo people died.", published="2025-05-04")
    assert len(short) == 2


def test_an_office_described_by_a_relative_clause_still_speaks_for_its_own_clause() -> None:
    text = ("The interior ministry, which answers to the de facto authorities, said 41 people had drowned, "
            "while the Libyan Red Crescent, whose teams reached the coast first, said 60 had died.")
    claims = tollbook.extract(text, published="2023-09-12")
    by_value = {c.best: c for c in claims}
    assert by_value[60].source == "Libyan Red Crescent"
    assert by_value[41].source != "Libyan Red Crescent" and "interior ministry" in by_value[41].sources[0].text


def test_a_spokesman_named_after_his_office_is_kept_beside_the_body_the_document_tells() -> None:
    text = ("Israel counts its dead\n\n"
            "Fighting went on near the Gaza border on Tuesday, and Israel said more troops were moving south.\n\n"
            "Eight gunmen were shot dead overnight, according to the army's spokesman , Avi Levinson.\n\n"
            "The spokesman later said families of 150 soldiers killed in action had been told.")
    claims = tollbook.extract(text, published="2023-10-12")
    for c in claims:
        assert c.source == "Israel Defense Forces", (c.value_text, c.source)
        assert "Avi Levinson" in c.sources[0].text and "." not in c.sources[0].text


def test_and_according_to_opens_a_clause_with_its_own_speaker() -> None:
    cases = (("The Pentagon estimated that Russia had lost 7,000 troops near Avdiivka and according to "
              "Ukrainian intelligence more than 2,000 of them died.", "en", "US Department of Defense",
              "Ukrainian Defence Intelligence (HUR)"),
             ("Міністерство оборони заявило, що загинули 12 людей і за даними ДСНС ще 40 дістали поранення.", "uk",
              "Ukrainian Ministry of Defence", "State Emergency Service of Ukraine"),
             ("Минобороны сообщило, что погибли 12 человек и по данным МЧС ещё 40 были ранены.", "ru",
              "Russian Ministry of Defence", "Russian Emergencies Ministry"))
    for text, language, first, second in cases:
        claims = tollbook.extract(text, published="2024-02-20", language=language)
        assert [c.source for c in claims] == [first, second], text


def test_remains_of_people_found_are_deaths_and_remains_of_buildings_count_nothing() -> None:
    found = tollbook.extract("Forensic teams dug up the remains of at least 23 people beside the collapsed mine.",
                             published="2024-03-01")
    assert [(c.low, c.measure) for c in found] == [(23, "killed")]
    assert tollbook.extract("Volunteers cleared the remains of 4 buildings.", published="2024-03-01") == []


def test_destroyed_and_damaged_counted_together_are_damaged() -> None:
    for text, language in (("Officials said 3,110 homes were destroyed or badly damaged by the storm.", "en"),
                           ("У громаді 57 будинків зруйновано або пошкоджено.", "uk"),
                           ("В посёлке 57 домов разрушены или повреждены.", "ru")):
        claims = tollbook.extract(text, published="2023-02-12", language=language)
        assert [(c.measure, c.unit) for c in claims] == [("damaged", "building")], text
    assert tollbook.extract("Shelling destroyed 5 tanks.", published="2023-02-12")[0].measure == "destroyed"


def test_a_figure_opening_a_reported_clause_takes_the_verb_after_its_people() -> None:
    text = ("With hundreds of villagers injured since dawn, the governor said 40 local men, including "
            "teachers and farmers, were thought to have been abducted by the militia.")
    claims = tollbook.extract(text, published="2024-05-02")
    assert [(c.best, c.measure) for c in claims if c.qualifier != "vague"] == [(40, "captured")]
    # a verb before the figure with no verb of saying between them still counts it
    claims = tollbook.extract("The shelling injured 40 local men, including teachers.", published="2024-05-02")
    assert [(c.best, c.measure) for c in claims] == [(40, "wounded")]


def test_a_range_writes_its_thousands_once_for_both_ends() -> None:
    claims = tollbook.extract("Since spring, between 20 - 30,000 troops have been killed and wounded.", published="2023-03-15")
    assert [(c.low, c.high) for c in claims] == [(20000, 30000)]
    small = tollbook.extract("Between 2 and 3 people died.", published="2023-03-15")
    assert [(c.low, c.high) for c in small] == [(2, 3)]
    wide = tollbook.extract("From 300 to 1,000 people died.", published="2023-03-15")  # not 300,000
    assert [(c.low, c.high) for c in wide] == [(300, 1000)]


def test_soldiers_counted_within_a_peoples_toll_are_that_states_forces() -> None:
    claims = tollbook.extract("At least 2,900 Ukrainians have died there, including 1,100 soldiers.", published="2023-03-15")
    assert [(c.best if c.best else c.low, c.actor) for c in claims] == [(2900, None), (1100, "Ukrainian forces")]


def test_people_who_counted_beside_the_speaker_are_not_the_dead() -> None:
    text = ("Подсчёт потерь\n\nИсследователи ищут сведения о погибших российских военных. "
            "Совместно с волонтерами редакция нашла 3 405 имен погибших.")
    claim = tollbook.extract(text, published="2023-05-02", language="ru")[0]
    assert claim.actor == "Russian forces"
    # people named as the dead right before the figure still are
    assert tollbook.extract("The number of people killed could rise above 10,000.", published="2023-05-02")[0].actor == "civilians"


def test_a_sentence_that_opens_as_parts_of_the_last_figure() -> None:
    text = "Title\n\nThe strike on the market killed 17 people on Sunday. Among them, four children."
    claims = tollbook.extract(text, published="2024-01-02")
    assert [(c.best, c.measure, c.derived_from is not None) for c in claims] == [(17, "killed", False), (4, "killed", True)]
    ru = tollbook.extract("Заголовок\n\nПри обстреле погибли 14 человек. В их числе двое детей.", published="2024-01-02",
                          language="ru")
    assert [(c.best, c.measure) for c in ru] == [(14, "killed"), (2, "killed")]
    # parts that name their own measures keep them
    uk = tollbook.extract("Заголовок\n\nВорог втратив 9 300 осіб. Із них безповоротні втрати склали 3 100 осіб, "
                          "санітарні — 6 000 осіб та полонені — 200 осіб.", published="2024-01-02", language="uk")
    assert [(c.best, c.measure) for c in uk] == [(9300, "casualties"), (3100, "killed"), (6000, "wounded"), (200, "captured")]


def test_ages_listed_with_one_word_of_years_are_no_counts() -> None:
    for text, language in (("T\n\nThe blast killed 9 people. Sadly, among them, two boys aged 6 and 11 years.", "en"),
                           ("Т\n\nПогибли 9 человек. К сожалению, среди них два мальчика 6, 9 и 11 лет.", "ru"),
                           ("Т\n\nЗагинули 9 людей. На жаль, серед них двоє хлопців 6, 9 та 11 років.", "uk")):
        claims = tollbook.extract(text, published="2024-01-02", language=language)
        assert [(c.best, c.measure) for c in claims] == [(9, "killed"), (2, "killed")], text


def test_a_day_of_telling_yields_to_the_span_the_figure_covers() -> None:
    text = ("Epidemiologists published a review on June 3 estimating 1,210 residents died of the outbreak "
            "from Jan. 5 to March 30, 2024.")
    claim = tollbook.extract(text, published="2024-06-10")[0]
    assert (claim.date_start, claim.date_end) == ("2024-01-05", "2024-03-30")
    # with no span, the day named stays the figure's
    single = tollbook.extract("Officials said on June 3 that 1,210 residents had died.", published="2024-06-10")[0]
    assert single.date_end == "2024-06-03"


def test_a_lower_bound_before_a_list_of_one_measure_bounds_every_item() -> None:
    claims = tollbook.extract("Shelling damaged at least 30 apartment blocks, 344 flats and three houses.", published="2024-01-02")
    assert [(c.low, c.high, c.qualifier) for c in claims] == [(30, None, "at_least"), (344, None, "at_least"),
                                                               (3, None, "at_least")]
    ru = tollbook.extract("Разрушены как минимум 12 домов, 40 квартир.", published="2024-01-02", language="ru")
    assert [c.high for c in ru] == [None, None]
    # a part told with its own verb, or a figure with a verb of its own, keeps its exact value
    part = tollbook.extract("At least 30 people were killed, 12 in Kharkiv.", published="2024-01-02")
    assert [c.high for c in part] == [None, 12]
    own = tollbook.extract("The war uprooted more than 5.1 million people, and 2.2 million refugees are in Jordan.",
                           published="2024-01-02")
    assert own[-1].high == 2_200_000


def test_the_party_that_attacked_civilians_is_not_the_victim_of_the_next_sentence() -> None:
    uk = ("Обстріл\n\nУдень ворог обстріляв мирних жителів Курахового біля пункту видачі води. "
          "Внаслідок удару – 3 загиблих і 7 поранених.")
    assert [c.actor for c in tollbook.extract(uk, published="2024-04-06", language="uk")] == ["civilians", "civilians"]
    en = "Shelling\n\nRussian forces shelled residents queuing for bread in Kurakhove. 3 dead and 7 wounded were counted."
    assert [c.actor for c in tollbook.extract(en, published="2024-04-06")] == ["civilians", "civilians"]
    # a party named with no attack on civilians is still carried
    army = "Fighting\n\nRussian troops pushed towards Kurakhove. 300 were killed in a week."
    assert [c.actor for c in tollbook.extract(army, published="2024-04-06")] == ["Russian forces"]


def test_people_of_no_party_in_a_count_of_one_armys_dead_are_that_armys() -> None:
    text = ("Счёт потерь\n\nЖурналисты установили имена 51 000 российских военных, погибших в Украине.\n\n"
            "По данным министерства, озвученным весной, погибли 6 100 человек.")
    claims = tollbook.extract(text, published="2024-05-02", language="ru")
    assert [c.actor for c in claims] == ["Russian forces", "Russian forces"]
    # civilians named as such stay civilians
    mixed = ("Обмін\n\nДодому повернулися 150 військових. Із ними повертаються цивільні – 12 наших людей.")
    assert [c.actor for c in tollbook.extract(mixed, published="2024-05-02", language="uk")][-1] == "civilians"


def test_the_wounded_who_died_are_dead() -> None:
    for text, language in (("Ещё один раненый умер в больнице.", "ru"), ("Ще двоє поранених померли вночі.", "uk"),
                           ("Two of the injured died in hospital.", "en")):
        assert [c.measure for c in tollbook.extract(text, published="2024-01-01", language=language)] == ["killed"], text
    # wounded taken to hospital, and a death told in its own clause
    claims = tollbook.extract("12 injured were taken to hospital, where 3 died.", published="2024-01-01")
    assert [(c.best, c.measure) for c in claims] == [(12, "wounded"), (3, "killed")]


def test_as_many_as_n_or_more_is_at_least_n() -> None:
    claim = tollbook.extract("The mayor said as many as 900 or more may have drowned.", published="2024-01-01")[0]
    assert (claim.low, claim.high, claim.value_text) == (900, None, "as many as 900 or more")
    assert tollbook.extract("As many as 900 people may have drowned.", published="2024-01-01")[0].low is None


def test_may_after_a_figure_is_a_month_only_for_a_day() -> None:
    assert [c.best for c in tollbook.extract("As many as 900 people may have drowned.", published="2024-06-01")] == [900]
    assert [c.best for c in tollbook.extract("Officials fear 12 may have died.", published="2024-06-01")] == [12]
    assert [c.best for c in tollbook.extract("On 12 May, 40 people died.", published="2024-06-01")] == [40]


def test_an_event_that_killed_people_counts_them() -> None:
    claims = tollbook.extract("Police investigate the blast that killed 14 people at the market.", published="2024-06-01")
    assert [(c.best, c.measure) for c in claims] == [(14, "killed")]
    # the event's own verb of striking is still no loss: "the storms that hit 12 towns"
    assert tollbook.extract("The storms that hit 12 towns were the worst in years.", published="2024-06-01") == []


def test_buildings_destroyed_in_russian_and_ukrainian() -> None:
    ru = tollbook.extract("Разрушены 12 домов, частично разрушены ещё 5.", published="2024-01-02", language="ru")
    assert [(c.best, c.measure, c.unit) for c in ru][0] == (12, "destroyed", "building")
    uk = tollbook.extract("Зруйновано 12 будинків.", published="2024-01-02", language="uk")
    assert [(c.best, c.measure, c.unit) for c in uk] == [(12, "destroyed", "building")]


def test_a_part_named_before_its_whole_shares_the_wholes_verb() -> None:
    for text, language in (("Three medics were among the 40 people killed in the strike.", "en"),
                           ("Трое медиков оказались среди 40 погибших.", "ru"),
                           ("Троє медиків опинилися серед 40 загиблих.", "uk")):
        claims = tollbook.extract(text, published="2024-01-01", language=language)
        assert [(c.best, c.measure) for c in claims] == [(3, "killed"), (40, "killed")], text
    # two figures joined by "and" still have a verb each
    both = tollbook.extract("Two soldiers were wounded and 15 civilians were killed.", published="2024-01-01")
    assert [(c.best, c.measure) for c in both] == [(2, "wounded"), (15, "killed")]


def test_a_word_of_loss_inside_the_whole_describes_the_whole_not_the_part() -> None:
    text = ("Divers said 14 of the missing fishermen had drowned near the reef. "
            "Three of the injured workers were later discharged.")
    claims = tollbook.extract(text, published="2025-05-04")
    assert [(c.best, c.measure) for c in claims if c.best == 14] == [(14, "killed")]
    # with no verb of loss after the whole, the whole's word is still the figure's measure
    assert [(c.best, c.measure) for c in claims if c.best == 3] == [(3, "wounded")]


def test_the_minister_is_the_minister_named_not_the_prime_minister() -> None:
    text = ("Prime Minister Ivo Marek said the storm had left hundreds homeless.\n\n"
            "Interior minister of the coastal province, Dana Kovac, gave a toll of 31 on Tuesday.\n\n"
            "The minister added that nine people were killed in the port.")
    nine = next(c for c in tollbook.extract(text, published="2025-03-11") if c.best == 9)
    assert nine.source == "Dana Kovac"
    alone = ("Prime Minister Ivo Marek spoke to reporters.\n\n"
             "The minister added that nine people were killed in the port.")
    nine = next(c for c in tollbook.extract(alone, published="2025-03-11") if c.best == 9)
    assert nine.source != "Ivo Marek"
    from tollbook.extract.speakers import named_for_role

    assert named_for_role("Dana Kovac, the deputy minister, spoke first.", "minister") is None
    assert named_for_role("Dana Kovac, the interior minister, spoke first.", "minister").person == "Dana Kovac"


def test_a_state_named_in_the_headline_yields_to_the_office_the_body_names() -> None:
    text = ("Turkey raises quake toll to 9,057\n\n"
            "The toll stood at 9,057 on Wednesday evening, Turkey's disaster agency AFAD said in a statement.")
    claims = tollbook.extract(text, published="2023-02-08", outlet="Test Wire")
    headline = next(c for c in claims if c.section == "headline")
    assert headline.source == "AFAD" and headline.attribution == "body"
    # an office of another country does not stand for the state the headline names
    text = ("Turkey raises quake toll to 9,057\n\n"
            "The toll stood at 9,057 on Wednesday evening, the UN's humanitarian office OCHA said.")
    headline = next(c for c in tollbook.extract(text, published="2023-02-08", outlet="Test Wire")
                    if c.section == "headline")
    assert headline.source == "Turkish government"


def test_an_unnamed_official_a_paper_cites_originates_the_figure_the_paper_carries() -> None:
    sentence = "Nine miners died in the flood, the New York Times reported, citing a spokesman for the provincial police."
    found = attribute_sentence(sentence, sentence.lower())
    assert found is not None and found.claimant.kind == "anonymous" and "spokesman" in found.text
    assert [s.name for s in found.intermediaries] == ["The New York Times"]
    # "citing" with no one after it cites a reason, not a source
    sentence = "The mine closed 9 shafts, citing rising costs."
    assert attribute_sentence(sentence, sentence.lower()) is None


def test_a_paper_citing_an_unnamed_official_carries_the_officials_figure_in_russian() -> None:
    text = ("Наводнение на острове\n\n"
            "Число погибших выросло до 31, еще 12 человек пропали без вести. Об этом во вторник, 4 марта, "
            "написало агентство Reuters со ссылкой на чиновника районной администрации.")
    claims = tollbook.extract(text, published="2025-03-04", outlet="Тестовая лента", language="ru")
    assert [(c.best, [s.name for s in c.sources][:2]) for c in claims] == \
        [(31, ["anonymous", "Reuters"]), (12, ["anonymous", "Reuters"])]
    assert claims[0].sources[0].text == "чиновника районной администрации"


def test_two_speakers_named_together_each_keep_the_figure_one_of_them_gives_again() -> None:
    text = ("Удар по столиці\n\n"
            "Семеро людей загинули, а 25 звернулися по допомогу, повідомили начальник КМВА Тимур Ткаченко "
            "та міський голова Віталій Кличко.\n\n"
            "«По допомогу звернулися 25 людей», — написав Кличко.")
    claims = tollbook.extract(text, published="2025-08-28", outlet="Тестова стрічка", language="uk")
    first = {c.best: c.source for c in claims if c.start < text.index("«")}
    assert first == {7: "Kyiv City Military Administration", 25: "Kyiv City State Administration"}


def test_a_body_citing_another_at_the_sentences_start_carries_its_figure() -> None:
    sentence = "Citing the WHO, OCHA said 2,200 people had been injured in the quake and its aftershocks."
    found = attribute_sentence(sentence, sentence.lower())
    assert found is not None and found.claimant.name == "World Health Organization"
    assert [s.name for s in found.intermediaries] == ["UN OCHA"]


@pytest.mark.parametrize("text", [
    "Clerks checked 40 documents, including the death certificates of the victims.",
    "Cremation is approved after a review of several documents such as the death summary.",
])
def test_papers_counted_beside_a_word_of_death_are_no_count_of_the_dead(text: str) -> None:
    assert tollbook.extract(text, published="2017-10-28") == []


def test_a_body_named_in_the_possessive_is_named_without_it() -> None:
    for sentence, name in [("Doubts grew over the Department of Civil Defence's count of the dead.", "Department of Civil Defence"),
                           ("Doubts grew over the Bureau of Vital Records' count of the dead.", "Bureau of Vital Records")]:
        found = attribute_sentence(sentence, sentence.lower())
        assert found is not None and found.claimant.name == name and sentence[found.start:found.end] == name


def test_a_person_named_with_an_office_keeps_their_name_when_the_office_is_the_documents_place() -> None:
    text = ("Puerto Rico storm toll unchanged\n\n"
            "The island's count has not moved in weeks.\n\n"
            "Ana Rivera, secretary at the Department of Public Safety keeps saying that the storm killed 64 people.")
    claim = tollbook.extract(text, published="2018-05-01", outlet="Test Wire")[-1]
    assert claim.source == "Puerto Rico Department of Public Safety" and "Ana Rivera" in claim.sources[0].text


def test_according_to_vouches_for_the_whole_sentence_and_its_name_may_close_with_a_comma() -> None:
    sentence = ("The ministry confirmed that 41 of the missing sailors had died, according to a navy spokesman, "
                "Ivan Petrov, speaking on Friday.")
    found = attribute_sentence(sentence, sentence.lower())
    assert found is not None and found.claimant.person == "Ivan Petrov" and "navy spokesman" in found.text


@pytest.mark.parametrize(("text", "lang", "words"), [
    # Ukrainian and Russian offices and unnamed sources, with a verb of saying or a cue
    ("После оползня погибли 14 человек, по словам местных врачей.", "ru", "врачей"),
    ("Как сообщили спасатели, из-под завалов извлекли тела 6 человек.", "ru", "спасатели"),
    ("В Сумах загинули 8 людей, розповів представник міської влади.", "uk", "представник міської влади"),
    # estimates and data that name no one
    ("About 3,000 fighters were killed in the battle, according to some Turkish estimates.", "en", "some Turkish estimates"),
    ("Some 40 miners died in the collapse, according to unofficial figures.", "en", "unofficial figures"),
    ("За неофіційними підрахунками, у селі загинули 11 людей.", "uk", "неофіційними підрахунками"),
    ("По неофициальным оценкам, в плену находятся 300 человек.", "ru", "неофициальным оценкам"),
])
def test_an_unnamed_source_is_anonymous_with_its_words(text: str, lang: str, words: str) -> None:
    claim = tollbook.extract(text, published="2025-01-27", outlet="Test Wire", language=lang)[0]
    assert claim.sources[0].kind == "anonymous" and claim.sources[0].text == words


def test_a_countrys_military_that_suffers_losses_is_their_party_not_a_speaker() -> None:
    claim = tollbook.extract("Russia's military has suffered 12,000 casualties near Avdiivka this winter.",
                             published="2024-02-01")[0]
    assert claim.actor == "Russian forces"


def test_a_state_disputing_a_figure_is_not_whose_dead_the_next_figure_counts() -> None:
    text = "Israel disputes that account. A monitoring group put the death toll at 150."
    assert [c.actor for c in tollbook.extract(text, published="2023-10-20")] == [None]


def test_soldiers_in_a_list_after_a_peoples_civilians_are_that_peoples_forces() -> None:
    text = ("The raid killed 56 people: 41 Ukrainian civilians, among them 6 children, 12 members of the security "
            "forces and 3 foreign journalists.")
    claims = tollbook.extract(text, published="2024-05-01")
    assert [(c.best, c.actor) for c in claims if c.best != 56] == \
        [(41, "civilians"), (6, "civilians"), (12, "Ukrainian forces"), (3, "civilians")]


def test_a_disasters_toll_told_days_later_runs_from_the_disaster_to_the_telling() -> None:
    text = "Some 9,000 were hurt when the quake struck the province early on Monday."
    claim = tollbook.extract(text, published="2023-02-09")[0]  # a Thursday
    assert (claim.date_start, claim.date_end) == ("2023-02-06", "2023-02-09")
    text = "The city counted 48 dead after the cyclone tore through the coast on 20 September."
    claim = tollbook.extract(text, published="2023-10-30")[0]
    assert (claim.date_start, claim.date_end) == ("2023-09-20", "2023-10-30")


def test_a_peoples_dead_in_a_disaster_carry_no_army_into_the_next_sentence() -> None:
    text = ("В прошлом году из-за пожаров погибли 7 100 россиян. Годом ранее было 6 950 погибших.")
    claims = tollbook.extract(text, published="2019-04-16", language="ru")
    assert [(c.best, c.actor) for c in claims] == [(7100, "civilians"), (6950, "civilians")]


def test_figures_after_one_that_add_up_to_it_are_its_parts() -> None:
    claims = tollbook.extract("The blast killed 120 people: 80 residents, 25 soldiers and 15 police officers.",
                              published="2024-05-01")
    whole = claims[0]
    assert [c.derived_from for c in claims[1:]] == [whole.claim_id] * 3
    # figures that do not add up are figures of their own
    claims = tollbook.extract("The blast killed 120 people: 80 residents, 25 soldiers and 11 police officers.",
                              published="2024-05-01")
    assert [c.derived_from for c in claims[1:]] == [None] * 3


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia lost 4,000 in a single week near Avdiivka.", ("casualties", "Russian forces")),
    ("The brigade lost 40 soldiers in the assault.", ("casualties", None)),
    ("The army lost 9 tanks near the river.", ("destroyed", None)),
    ("A 2,000-strong battalion crossed the border.", ("strength", None)),
])
def test_a_word_of_loss_with_a_party_or_a_noun_still_counts(text: str, expected: tuple) -> None:
    assert [(c.measure, c.actor) for c in tollbook.extract(text, published="2024-01-01")] == [expected]


def test_a_noun_that_counts_nothing_opens_no_gate_but_a_part_of_a_figure_does(monkeypatch: pytest.MonkeyPatch) -> None:
    from tollbook.extract import pipeline

    parsed: list[str] = []
    real = pipeline.parse_quantities
    monkeypatch.setattr(pipeline, "parse_quantities", lambda s: parsed.append(s) or real(s))
    assert tollbook.extract("The index rose 40 points in 3 years, its best run in 12 months.", published="2024-01-01") == []
    assert parsed == []
    claims = tollbook.extract("The war has killed 41,000 soldiers. More than 1,100 of them were under 20 years old.",
                              published="2024-01-01")
    assert [c.best for c in claims] == [41000, 1100] and claims[1].derived_from == claims[0].claim_id


def test_a_speaker_in_a_clause_that_hangs_on_the_figures_gives_only_its_own_figure() -> None:
    text = ("The combined toll of the two floods passed 3,000 on Sunday after Pakistan said 2,260 people had died "
            "in its provinces.")
    claims = tollbook.extract(text, published="2022-09-04", outlet="Test Wire")
    assert [(c.best or c.low, c.source) for c in claims] == [(3000, "Test Wire"), (2260, claims[1].source)]
    assert claims[1].source != "Test Wire"


def test_official_figures_of_no_named_country_keep_the_place_counted() -> None:
    text = "Fighting has killed 95 people in Israel and 160 in Mozambique, according to official figures."
    claims = tollbook.extract(text, published="2023-03-15", outlet="Test Wire")
    # no body is named: unnamed, with the place whose officials they are in the words
    assert [c.source for c in claims] == ["anonymous", "anonymous"]
    assert [c.sources[0].text for c in claims] == ["according to official figures (Israel)",
                                                    "according to official figures (Mozambique)"]
    # with no place, nobody in particular
    claim = tollbook.extract("At least 300 people died, according to official figures.", published="2023-03-15")[0]
    assert claim.sources[0].kind == "anonymous" and claim.sources[0].text == "according to official figures"


@pytest.mark.parametrize(("text", "place"), [
    ("The Centro de Estudios Sociales reported that 120 people died in the fire.", None),
    ("Floods killed 30 people in Rio de Janeiro on Monday.", "BR-RJ"),
])
def test_a_place_name_that_goes_on_after_de_is_a_longer_name(text: str, place: str | None) -> None:
    assert tollbook.extract(text, published="2024-01-01")[0].place_code == place


def test_parts_given_in_the_next_sentence_that_add_up_take_the_wholes_party() -> None:
    text = ("The overnight strikes killed 27 people across the country and injured 90. "
            "So far 19 dead have been counted in Odesa and 8 dead in Mykolaiv.")
    claims = tollbook.extract(text, published="2024-07-08")
    whole = next(c for c in claims if c.best == 27)
    parts = [c for c in claims if c.best in (19, 8)]
    assert [(c.derived_from, c.actor) for c in parts] == [(whole.claim_id, whole.actor)] * 2 and whole.actor == "civilians"


def test_an_unnamed_source_vouched_for_by_a_carrier_speaks_for_its_paragraph() -> None:
    text = ("Storm toll climbs\n\n"
            "The toll from the storm has risen to more than 60, Kyodo News reported, citing hospital officials. "
            "As many as 410 people have been hurt, many of them badly.")
    hurt = next(c for c in tollbook.extract(text, published="2024-05-02", outlet="Example Wire") if c.best == 410)
    assert hurt.source == "anonymous" and [s.name for s in hurt.sources[1:]] == ["Kyodo News", "Example Wire"]


def test_a_state_agency_named_in_a_paragraph_does_not_speak_for_victims_across_the_border() -> None:
    text = ("Floods spread\n\n"
            "At least 240 people died in Turkey, the country's disaster agency said. "
            "Across the border in Syria, at least 95 were reported dead.")
    claims = tollbook.extract(text, published="2024-05-02", outlet="Example Wire")
    turkey, syria = (next(c for c in claims if c.best == n or c.low == n) for n in (240, 95))
    assert turkey.source == "AFAD" and syria.source == "Example Wire"
    # a general staff's count of the enemy's dead on the enemy's soil stays its word
    text = ("Ukraine's General Staff said 30 soldiers were killed in Donetsk. "
            "In the Kursk region, 200 North Korean soldiers were killed.")
    claims = tollbook.extract(text, published="2024-12-20", outlet="Example Wire")
    assert {c.source for c in claims} == {"General Staff of the Armed Forces of Ukraine"}


def test_a_figure_the_words_point_back_at_keeps_its_claimant_whatever_the_day() -> None:
    text = ("Toll revised\n\n"
            "On Tuesday the city government revised the toll of the blast to about 300 people, its spokesman said.\n\n"
            "Of the 300 deaths, 41 were firefighters.")
    claims = tollbook.extract(text, published="2024-06-07", outlet="Example Wire")
    first, again = (c for c in claims if c.best == 300)
    assert first.date_end != again.date_end and again.source == first.source != "Example Wire"
    # a figure that does not point back ("300 deaths were counted on Friday") stays the outlet's
    text = text.replace("Of the 300 deaths, 41 were firefighters.", "Another count on Friday gave 300 deaths.")
    later = [c for c in tollbook.extract(text, published="2024-06-07", outlet="Example Wire") if c.best == 300][-1]
    assert later.source == "Example Wire"


def test_a_projection_reaching_a_figure_is_its_ceiling_and_one_surpassing_it_its_floor() -> None:
    claims = tollbook.extract("Officials warned the toll could reach 9,000. A relief agency said the toll might rise to or "
                              "surpass 12,000.", published="2024-05-02")
    ceiling, floor = claims
    assert (ceiling.low, ceiling.high, ceiling.modality) == (None, 9000, "hypothetical")
    assert (floor.low, floor.high) == (12000, None)


def test_a_sentence_whose_figures_count_nothing_still_names_the_paragraphs_speaker() -> None:
    # the first sentence's figure counts nothing we record, so it is not read in full, but its speaker
    # still speaks for the figure after it, as a sentence read in full would
    text = ("Crush at the festival\n\n"
            "The World Health Organization said 40,000 people attended the festival on Saturday. "
            "Twelve people were injured in a crush at the gates.")
    claims = tollbook.extract(text, published="2024-05-02", outlet="Example Wire")
    assert [(c.best, c.measure, c.source) for c in claims] == [(12, "wounded", "World Health Organization")]


def test_a_word_of_hitting_counts_things_damaged_and_a_list_of_parts_shares_its_verb() -> None:
    text = ("Итоги недели\n\n"
            "По данным ведомства, уничтожены более 900 единиц техники. В частности, были поражены четыре танка, "
            "12 гаубиц и одна РСЗО.")
    claims = tollbook.extract(text, published="2024-06-07", outlet="Тестовая газета", language="ru")
    assert [(c.best if c.best is not None else c.low, c.measure) for c in claims] == [
        (900, "destroyed"), (4, "damaged"), (12, "damaged"), (1, "damaged")]
    # a word that is only ever destruction keeps it, for every item
    text = text.replace("были поражены", "были уничтожены")
    assert {c.measure for c in tollbook.extract(text, published="2024-06-07", language="ru")} == {"destroyed"}


def test_units_of_weaponry_are_equipment_lost() -> None:
    text = "Итоги\n\nЗа месяц армия потеряла около 800 военных и более 300 единиц различного вооружения."
    claims = tollbook.extract(text, published="2024-06-07", language="ru")
    assert [c.measure for c in claims] == ["casualties", "destroyed"]


def test_a_modal_inside_the_next_figures_words_is_that_figures_own() -> None:
    claims = tollbook.extract("Quake toll tops 3,000 and could hit 9,000, relief agency warns", published="2024-05-02")
    assert [(c.value_text, c.modality) for c in claims] == [("tops 3,000", "reported"), ("could hit 9,000", "hypothetical")]


def test_a_score_is_no_count_but_a_range_still_is() -> None:
    for text in ("The Hawks crushed the Owls 52-14 on Saturday.", "They avenged a 4-0 defeat at home.",
                 "The teams were tied at 98-98 before the break."):
        assert tollbook.extract(text, published="2024-01-01") == []
    ranged = tollbook.extract("Shelling killed 5-7 civilians in the village.", published="2024-01-01")
    assert [(c.low, c.high) for c in ranged] == [(5, 7)]


def test_dams_are_structures_a_disaster_destroys_and_a_flattened_home_is_destroyed() -> None:
    claims = tollbook.extract("The storm caused the destruction of three dams upstream. The quake flattened 120 homes.",
                              published="2024-05-02")
    assert [(c.best, c.measure, c.unit) for c in claims] == [(3, "destroyed", "building"), (120, "destroyed", "building")]


def test_a_figure_followed_by_more_adds_to_the_count_before_it() -> None:
    text = ("In addition to the 14 deaths confirmed on Monday, the island's safety secretary said there are five more: "
            "a driver swept off a bridge and four people buried by a landslide.")
    assert [(c.best, c.measure) for c in tollbook.extract(text, published="2024-05-02")][:2] == [(14, "killed"), (5, "killed")]
    # "more" that opens a phrase of its own adds nothing to the toll
    text = "The storm killed dozens of people and left thousands more in urgent need of shelter."
    assert [c.measure for c in tollbook.extract(text, published="2024-05-02")] == ["killed"]


def test_a_name_in_apposition_after_an_office_is_the_speaker() -> None:
    claims = tollbook.extract("Floods killed 23 people in the province, the interior minister, Rosa Ibarra, said on Monday.",
                              published="2024-05-02", outlet="Example Wire")
    assert [(c.best, c.source) for c in claims] == [(23, "Rosa Ibarra")]
    assert claims[0].sources[0].text == "the interior minister, Rosa Ibarra"


def test_wire_copy_in_capitals_names_no_acronym_that_is_a_word() -> None:
    # "IS" and "WHO" in capitals are the verb and the pronoun, not Islamic State and the World Health Organization
    text = ("THE ARMY SAID THE ATTACK, WHICH IS THE THIRD THIS MONTH, KILLED TWO SOLDIERS. "
            "THE MAYOR, WHO VISITED THE SITE, SAID 14 PEOPLE WERE WOUNDED.")
    claims = tollbook.extract(text, published="1989-11-02")
    assert [c.best for c in claims] == [2, 14]
    assert "Islamic State" not in {c.actor for c in claims}
    assert "World Health Organization" not in {c.source for c in claims}
    # in mixed case the acronyms still name them
    mixed = tollbook.extract("IS fighters killed 12 villagers, WHO said.", published="2016-05-02")
    assert mixed[0].source == "World Health Organization"


def test_fighters_of_no_named_party_are_the_party_the_document_counts() -> None:
    text = ("Militia losses mount\n\n"
            "Officials said more than 4,000 Wagner Group fighters were killed or wounded after May.\n\n"
            "The group has suffered heavy losses in recent weeks, a spokesman said, with around 900 fighters killed.")
    last = tollbook.extract(text, published="2023-02-18", outlet="Example Wire")[-1]
    assert (last.best, last.actor) == (900, "Wagner Group")


def test_a_body_named_in_capitals_starts_at_its_article() -> None:
    from tollbook.lexicons import fold

    sentence = "EARLIER IN THE DAY THE NATIONAL FIRE DEPARTMENT SAID 14 PEOPLE DIED IN THE BLAZE."
    found = attribute_sentence(sentence, fold(sentence))
    assert found is not None and found.claimant.name == "NATIONAL FIRE DEPARTMENT"
    sentence = "THE POLICE SAID 14 PEOPLE DIED IN THE BLAZE."
    found = attribute_sentence(sentence, fold(sentence))
    assert found is not None and found.claimant.kind == "anonymous" and found.text == "POLICE"


def test_a_plain_loss_is_deaths_where_the_document_gives_the_same_figure_as_dead() -> None:
    text = ("Militia losses\n\nThe group's founder said the Wagner Group lost 9,000 fighters in the battle. "
            "As many as 9,000 Wagner fighters died there, he said.")
    claims = tollbook.extract(text, published="2023-05-24", outlet="Example Wire")
    assert [c.measure for c in claims] == ["killed", "killed"]
    # with no such statement, "lost" stays casualties
    alone = tollbook.extract("The Wagner Group lost 9,000 fighters in the battle, its founder said.", published="2023-05-24")
    assert [c.measure for c in alone] == ["casualties"]


def test_one_person_counted_by_a_singular_noun_is_a_figure_of_one() -> None:
    cases = {
        "Medic killed, two more wounded by shelling near the front - army": [(1, "killed"), (2, "wounded")],
        "In the south, a woman was killed and a 12-year-old boy was injured by a drone.": [(1, "killed"), (1, "wounded")],
        "ONE SOLDIER AND A FARMER DIED IN THE AMBUSH.": [(1, "killed"), (1, "killed")],
    }
    for text, expected in cases.items():
        assert [(c.best, c.measure) for c in tollbook.extract(text, published="2024-05-02")] == expected, text
    soldier = tollbook.extract("Ukrainian soldier wounded, civilian killed near the front line", published="2024-05-02")
    assert [(c.value_text, c.actor) for c in soldier] == [("Ukrainian soldier", "Ukrainian forces"), ("civilian", "civilians")]
    # someone counted already, every member of a group, or a figure in the noun phrase: no new count of one
    for text in ("The teenager was killed when the roof fell.", "Every soldier was wounded in the drill.",
                 "The team lost a man to injury."):
        assert tollbook.extract(text, published="2024-05-02") == [], text
