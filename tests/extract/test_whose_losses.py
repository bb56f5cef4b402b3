"""Whose losses a figure counts when the sentence names only the side that inflicted them
(cases met in real General Staff reports, written here in our own words)."""

from __future__ import annotations

import pytest

import tollbook


@pytest.mark.parametrize("text", [
    "Russian forces lost 1,150 soldiers over the past day.\n\nUkrainian forces destroyed 4 tanks, 11 armoured vehicles and 19 artillery systems.",
    "За минулу добу російська армія втратила ще 1 150 військових.\n\nСили оборони знищили ще чотири танки, 11 бойових броньованих машин і 19 артилерійських систем.",
    "За прошедшие сутки российская армия потеряла еще 1 150 военных.\n\nСилы обороны уничтожили еще четыре танка, 11 боевых бронированных машин и 19 артиллерийских систем.",
])
def test_equipment_destroyed_by_the_subject_is_the_other_sides(text: str) -> None:
    claims = tollbook.extract(text, published="2024-10-09")
    equipment = [c for c in claims if c.measure == "destroyed"]
    assert [c.best for c in equipment] == [4, 11, 19]
    assert {c.actor for c in equipment} == {"Russian forces"}


def test_with_no_other_side_counted_the_owner_stays_unknown() -> None:
    claims = tollbook.extract("Ukrainian forces destroyed 4 tanks, 11 armoured vehicles.", published="2024-10-09")
    assert [c.actor for c in claims] == [None, None]


def test_a_heading_that_names_the_losers_still_owns_its_list() -> None:
    claims = tollbook.extract("Russian equipment destroyed since 24 February 2022: tanks 9,870 (+8), artillery systems 22,760 (+31).",
                              published="2025-02-03")
    assert {c.actor for c in claims} == {"Russian forces"}


@pytest.mark.parametrize(("text", "actors"), [
    # a people noun after "у" owns the losses; a country after "у/в" is a place
    ("За словами президента, у росіян тисяча втрат на добу.", ["Russian forces"]),
    ("По словам президента, у россиян тысяча потерь в сутки.", ["Russian forces"]),
    # the genitive after an attack is the attacker; a country after "по" is the target
    ("Через ракетний удар Росії по Одесі загинули 7 людей.", ["civilians"]),
    ("Після ракетної атаки по Україні загинули п'ятеро людей.", ["civilians"]),
    ("Из-за ракетного удара России по Одессе погибли 7 человек.", ["civilians"]),
    # "its own soldiers" is the clause's subject's, not the speaker's
    ("Генштаб ЗСУ: за добу армія РФ втратила 980 своїх солдатів.", ["Russian forces"]),
    # "we" is the speaker's side
    ("«Ми – 340 втрат за добу», — сказав Зеленський.", ["Ukrainian forces"]),
])
def test_whose_losses_in_ukrainian_and_russian(text: str, actors: list[str]) -> None:
    assert [c.actor for c in tollbook.extract(text, published="2025-08-12")] == actors


def test_a_tally_under_a_heading_with_no_party_is_the_statements_party() -> None:
    text = ("За минулу добу російська армія втратила ще 1 420 військових.\n\n"
            "Втрати в техніці також зросли:\n- танки — 9419 (+20);\n- артилерійські системи — 20760 (+24).")
    claims = tollbook.extract(text, published="2024-11-23")
    assert [c.best for c in claims] == [1420, 9419, 20, 20760, 24]
    assert {c.actor for c in claims} == {"Russian forces"}


@pytest.mark.parametrize(("text", "actor"), [
    ("По данным Минобороны России, противник потерял 319 танков.", "Ukrainian forces"),
    ("По данным Генштаба ВСУ, противник потерял за сутки 1 200 военных.", "Russian forces"),
    ("Такие данные приводит Министерство обороны России.\nВсего противник потерял 319 танков.", "Ukrainian forces"),
    ("Ukraine's General Staff said the enemy lost 1,200 soldiers over the past day.", "Russian forces"),
    ("Противник потерял 319 танков.", None),  # nobody speaks: whose enemy is not known
    ("The enemy lost 1,200 soldiers.", None),
])
def test_the_enemy_is_the_speakers_enemy(text: str, actor: str | None) -> None:
    assert [c.actor for c in tollbook.extract(text, published="2024-10-09")] == [actor]


def test_a_demonym_before_weapons_owns_them_in_gold() -> None:
    from tollbook.extract import evaluate_real as er

    assert er.gold_actor("Ukrainian drones over Moscow") == ("Ukrainian forces", "state_forces")


@pytest.mark.parametrize("text", [
    "Syrskyi said that over this period the Russian army lost:\n\n  • 45 tanks;\n  • 256 armoured combat vehicles;\n  • 99 artillery systems.",
    "Сирський повідомив, що за цей період російська армія втратила:\n\n  • 45 танків;\n  • 256 бойових броньованих машин;\n  • 99 артилерійських систем.",
])
def test_a_bulleted_list_under_a_heading_of_losses_is_those_losses(text: str) -> None:
    claims = tollbook.extract(text, published="2024-10-26")
    assert [(c.best, c.measure, c.actor) for c in claims] == [
        (45, "destroyed", "Russian forces"), (256, "destroyed", "Russian forces"), (99, "destroyed", "Russian forces")]
    assert {c.source for c in claims} == {"Armed Forces of Ukraine"}  # the heading's speaker


def test_bullets_under_a_heading_with_no_loss_are_not_read() -> None:
    text = "The brigade received:\n\n  • 45 tanks;\n  • 256 armoured vehicles."
    assert [c.measure for c in tollbook.extract(text, published="2024-10-26")] in ([], ["deployed", "deployed"])


@pytest.mark.parametrize("text", [
    "Більшість постраждалих дітей у Київській - 64, Донецькій - 58, Харківській - 41.",
    "Most children were hurt in Kyiv region - 64, Donetsk - 58, Kharkiv - 41.",
])
def test_a_list_of_labelled_counts_shares_the_first_ones_measure(text: str) -> None:
    claims = tollbook.extract(text, published="2022-04-07")
    assert [c.best for c in claims] == [64, 58, 41]
    assert len({c.measure for c in claims}) == 1 and claims[0].measure is not None


@pytest.mark.parametrize(("text", "actors"), [
    # an item of a list is the first item's party, not that of a mention before the list
    ("Огнём группировки войск «Юг» уничтожены до 120 военнослужащих ВСУ, один танк, два пикапа.",
     ["Ukrainian forces"] * 3),
    # a belligerent's count of equipment destroyed with no owner named is of its enemy's
    ("В Минобороны России сообщили, что за день уничтожены три пикапа, одна боевая бронированная машина.",
     ["Ukrainian forces"] * 2),
    # an abbreviation in brackets after an agent is that agent; so is the party after a weapon
    ("В результате ракетного обстрела со стороны Вооруженных сил Украины (ВСУ) погибли два человека.", ["civilians"]),
    ("Один человек погиб из-за ударов дронов ВСУ по Курской области.", ["civilians"]),
    # a second party with its own noun after its figure stays its own
    ("Israeli forces killed 24 Palestinians and 3 Hamas fighters.", ["civilians", "Hamas"]),
])
def test_lists_glosses_and_the_speakers_enemy(text: str, actors: list[str]) -> None:
    assert [c.actor for c in tollbook.extract(text, published="2024-10-09")] == actors


@pytest.mark.parametrize("share", ["half of the dead were", "nearly half of those killed were"])
def test_a_share_of_the_dead_is_of_the_dead(share: str) -> None:
    text = ("Russia has suffered 100,000 casualties since December, including 20,000 dead, the White House said.\n\n"
            f"A spokesman said {share} Wagner fighters.")
    claims = tollbook.extract(text, published="2023-05-01")
    by_id = {c.claim_id: c for c in claims}
    (part,) = [c for c in claims if c.fraction is not None]
    assert by_id[part.derived_from].best == 20000 and part.best == 10000 and part.measure == "killed"


def test_a_count_of_the_hurt_that_is_killed_plus_wounded_is_casualties() -> None:
    text = ("Від початку війни постраждали понад 464 дитини.\n"
            "Загинули 167 дітей, понад 297 дістали поранення.")
    assert [(c.best, c.measure) for c in tollbook.extract(text, published="2022-04-07")] == [
        (464, "casualties"), (167, "killed"), (297, "wounded")]


@pytest.mark.parametrize(("text", "measure"), [
    # the parts add up to 140: more than the 90 wounded, at most the 50 + 90 hurt in all
    ("Загинули 50 дітей, ще 90 дістали поранень.\nНайбільше дітей постраждало в Київській - 60, "
     "Донецькій - 45, Харківській - 35, Сумській - 5 областях.", "casualties"),
    # the parts add up to 75, within the wounded: they are the wounded by place
    ("Загинули 50 дітей, ще 90 дістали поранень.\nНайбільше дітей постраждало в Київській - 35, "
     "Донецькій - 25, Харківській - 15, Сумській - 5 областях.", "wounded"),
])
def test_a_list_of_the_hurt_by_place_is_read_against_the_totals(text: str, measure: str) -> None:
    claims = tollbook.extract(text, published="2022-07-08")
    assert [c.measure for c in claims[2:5]] == [measure] * 3
    assert [(c.best, c.measure) for c in claims[:2]] == [(50, "killed"), (90, "wounded")]


def test_small_counts_that_add_up_by_chance_stay_wounded() -> None:
    text = "Two sailors were killed and three were injured. Five crew members were injured in a second strike."
    assert [c.measure for c in tollbook.extract(text, published="2024-03-01")] == ["killed", "wounded", "wounded"]


@pytest.mark.parametrize(("text", "actors"), [
    # people named just before the figure, no party about: theirs
    ("Більшість постраждалих дітей у Київській - 64, Донецькій - 58.", ["civilians", "civilians"]),
    # "we" in a quotation is the speaker's side, when the article named the speaker before
    ("Президент Володимир Зеленський заявив про втрати сторін.\n«Росіяни втратили 968 військових. Ми – 340 втрат за добу», — сказав він.",
     ["Russian forces", "Ukrainian forces"]),
])
def test_people_just_before_and_we_in_a_quotation(text: str, actors: list[str]) -> None:
    assert [c.actor for c in tollbook.extract(text, published="2025-08-12")] == actors


def test_a_measure_taken_from_another_figure_fits_the_unit() -> None:
    text = "С начала месяца ВСУ потеряли свыше 40 тысяч военнослужащих, в том числе 20 самолетов и 30 танков."
    assert [(c.best, c.measure) for c in tollbook.extract(text, published="2023-08-01")] == [
        (40000, "casualties"), (20, "destroyed"), (30, "destroyed")]


@pytest.mark.parametrize("text", [
    "Як каже президент, співвідношення втрат – 1 до 3 на користь України.",
    "Відтоді співвідношення втрат становить 4 або навіть 5 до 1 на нашу користь.",
    "Соотношение потерь – 1 к 3 в пользу Украины.",
])
def test_a_ratio_of_two_figures_is_no_count(text: str) -> None:
    assert tollbook.extract(text, published="2025-08-12") == []


def test_a_count_after_a_ratio_word_still_counts() -> None:
    claims = tollbook.extract("Співвідношення: загинули 5 людей, до 3 поранені.", published="2025-08-12")
    assert [c.best for c in claims] == [5, 3]


@pytest.mark.parametrize(("text", "figures"), [
    ("Досі ніхто не знає, скільки тисяч мирних жителів загинуло.", []),
    ("Загиблих у боях – кілька десятків тисяч, поранених у боях – кілька сотень тисяч.",
     [(36000, 99999, "vague"), (200000, 999999, "vague")]),
    ("Погибли несколько десятков тысяч человек.", [(36000, 99999, "vague")]),
    ("Загинули 5 тисяч людей.", [(5000, 5000, "exact")]),
])
def test_scale_words_alone_and_vague_thousands(text: str, figures: list) -> None:
    assert [(c.low, c.high, c.qualifier) for c in tollbook.extract(text, published="2025-01-01")] == figures


@pytest.mark.parametrize("text", [
    "Число погибших достигло 21 человека.\nРанения получили ещё 110 человек. Тяжёлыми остаются 30 раненых.",
    "At least 21 people were killed in the strike. Another 110 were injured, and 30 of the wounded are in a serious condition.",
])
def test_people_counted_by_a_word_of_loss_alone_are_the_paragraphs_civilians(text: str) -> None:
    assert {c.actor for c in tollbook.extract(text, published="2023-12-31")} == {"civilians"}


def test_soldiers_are_not_made_civilians_by_the_figure_before() -> None:
    claims = tollbook.extract("Twelve civilians were killed. Officials said 40 soldiers died.", published="2023-12-31")
    assert [c.actor for c in claims] == ["civilians", None]  # soldiers of no named side: not civilians


@pytest.mark.parametrize(("text", "measures"), [
    ("Серед них безповоротні – понад 20 тисяч, санітарні (поранені та хворі) – понад 30 тисяч, полонені – близько 800.",
     ["killed", "wounded", "captured"]),
    ("Casualties so far: killed – 12, wounded – 40, missing – 3.", ["killed", "wounded", "missing"]),
])
def test_a_labels_figure_after_its_dash_is_that_labels(text: str, measures: list[str]) -> None:
    assert [c.measure for c in tollbook.extract(text, published="2025-03-22")] == measures


@pytest.mark.parametrize(("text", "actors"), [
    # a rank or kind of soldier with no party named is the party the document counts
    ("Журналисты подсчитали гибель 5 000 российских военных.\n\nБольше всего среди погибших мобилизованных – 900 человек.",
     ["Russian forces", "Russian forces"]),
    ("Журналисты подсчитали гибель 5 000 российских военных.\n\nСреди погибших по меньшей мере три генерала и 12 полковников.",
     ["Russian forces"] * 3),
    # with no armed party counted before, people stay people
    ("Спасатели сообщили, что больше всего среди погибших мобилизованных – 900 человек.", ["civilians"]),
])
def test_soldiers_of_no_named_party_are_the_documents_party(text: str, actors: list[str]) -> None:
    assert [c.actor for c in tollbook.extract(text, published="2023-08-01")] == actors


@pytest.mark.parametrize(("text", "measure"), [
    # the figure is the clause's subject; its verb comes after a long description of its people
    ("By official counts, over 12,000 volunteers recruited in the eastern provinces for the militia have been "
     "killed or injured since the spring.", "casualties"),
    # another clause ("and") comes first: the verb is not this figure's, its own is (recruited: deployed)
    ("Some 12,000 volunteers were recruited in the eastern provinces for the militia, and many of their "
     "relatives have been killed.", "deployed"),
])
def test_a_subjects_verb_past_a_long_description(text: str, measure: str | None) -> None:
    claims = tollbook.extract(text, published="2024-05-01")
    assert [c.measure for c in claims] == ([measure] if measure else [])


@pytest.mark.parametrize(("text", "measure"), [
    # the noun of destroying, of people, hides whether they were killed: casualties, ambiguous
    ("В Минобороны заявили об уничтожении более 200 военных противника за сутки.", "casualties"),
    ("Генштаб повідомив про знищення 900 окупантів за добу.", "casualties"),
    # of equipment it is destroyed
    ("В Минобороны заявили об уничтожении трёх танков за сутки.", "destroyed"),
])
def test_the_noun_of_destroying_people_is_ambiguous(text: str, measure: str) -> None:
    assert [c.measure for c in tollbook.extract(text, published="2024-05-01")] == [measure]


def test_a_list_of_labelled_counts_with_their_noun_shares_the_first_ones_measure() -> None:
    text = ("Среди погибших больше всего добровольцев – 5 100 человек, на втором месте мобилизованные – "
            "3 900 человек, затем контрактники – 2 700 человек.")
    assert [(c.best, c.measure) for c in tollbook.extract(text, published="2024-05-01")] == [
        (5100, "killed"), (3900, "killed"), (2700, "killed")]


@pytest.mark.parametrize(("text", "measure"), [
    # people coming home in a report of an exchange of prisoners: prisoners of war, freed
    ("После переговоров домой вернулись 90 российских военнослужащих. Это уже пятый обмен пленными в этом году.",
     ["captured"]),
    ("Додому повернулися 95 українських захисників. Це вже п'ятий обмін полоненими цього року.", ["captured"]),
    ("In the swap, 90 servicemen came home. It was the fifth prisoner exchange this year.", ["captured"]),
    # with no captivity spoken of, people coming home are no claim
    ("Домой вернулись 90 российских туристов из Египта.", []),
])
def test_people_freed_in_an_exchange_are_prisoners_of_war(text: str, measure: list[str]) -> None:
    assert [c.measure for c in tollbook.extract(text, published="2024-05-01")] == measure


@pytest.mark.parametrize("text", [
    # a number word in capitals inside ordinary text is an abbreviation ("СТО", a service station)
    "Вогнем пошкоджено приватний будинок, СТО та автомийку.",
    # the hour of a report is no count
    "Даних про загиблих на 8 ранку поки немає.",
    "Данных о погибших на 9 утра нет.",
])
def test_no_count_in_an_abbreviation_or_an_hour(text: str) -> None:
    assert [c.value_text for c in tollbook.extract(text, published="2024-05-31")] == []


def test_wire_copy_in_capitals_keeps_its_number_words() -> None:
    assert [c.best for c in tollbook.extract("THREE PEOPLE WERE KILLED IN THE ATTACK.", published="2024-05-31")] == [3]


def test_a_sentence_opening_as_a_part_of_the_last_figure_takes_its_party() -> None:
    text = ("Вчора окупанти вбили 5 мешканців області. Ще 14 людей дістали поранення.\n"
            "Зокрема, 8 отримали поранення у Краматорську, 4 — у Слов'янську.")
    claims = tollbook.extract(text, published="2024-04-03")
    assert [(c.best, c.measure, c.actor) for c in claims[2:]] == [(8, "wounded", "civilians"), (4, "wounded", "civilians")]
    assert all(c.derived_from == claims[1].claim_id for c in claims[2:])


@pytest.mark.parametrize("text", ["На месте удара 18 пострадавших.", "На місці удару 18 постраждалих."])
def test_the_hurt_counted_by_their_own_noun_are_civilians(text: str) -> None:
    assert [(c.best, c.measure, c.actor) for c in tollbook.extract(text, published="2024-05-01")] == [
        (18, "wounded", "civilians")]


@pytest.mark.parametrize("text", [
    # the party in the instrumental before the verb did the destroying; the maker of a vehicle does not own it
    "Российскими войсками уничтожены четыре бронемашины.",
    "Уничтожены две боевые машины пехоты Bradley производства США.",
])
def test_the_doer_in_the_instrumental_and_the_maker_own_nothing(text: str) -> None:
    claims = tollbook.extract(text, published="2024-08-20")
    assert claims and all(c.actor not in ("Russian forces", "US forces") for c in claims)


@pytest.mark.parametrize(("text", "actor"), [
    # a people's dead in a disaster are its civilians, not its army
    ("Last year 7,913 Russians died in fires across the country.", "civilians"),
    ("В прошлом году при пожарах погибли 7913 россиян.", "civilians"),
    # the same people in war reporting stay with their forces
    ("Ukraine says 300 Russians were killed near Bakhmut.", "Russian forces"),
])
def test_a_peoples_dead_in_a_disaster_are_its_civilians(text: str, actor: str) -> None:
    assert [c.actor for c in tollbook.extract(text, published="2019-01-15")] == [actor]
