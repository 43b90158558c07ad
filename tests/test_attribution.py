"""Who a clause is attributed to, read from real news sentences."""

from __future__ import annotations

from storyline.article.entities import Aliases, build_resolver
from storyline.article.mentions import find_mentions, sentences
from storyline.article.nlp import parse


def _mentions(text: str):
    doc = parse(text)
    return find_mentions("a.txt", doc, build_resolver(doc, sentences(doc), Aliases({})))


def _source_of(text: str, words: str):
    for m in _mentions(text):
        if words in m.text:
            return m.source
    raise AssertionError(f"no mention holds {words!r}: {[m.text for m in _mentions(text)]}")


def test_according_to_attributes_the_clause_to_the_outlet():
    text = "According to the Financial Times, the two firms are in the early discussions."
    assert _source_of(text, "early discussions") == "Financial Times"


def test_relative_clause_inherits_the_sentence_attribution():
    text = (
        "According to the Financial Times, the two firms are in the early discussions, "
        "which are being facilitated by the British government."
    )
    assert _source_of(text, "facilitated by the British government") == "Financial Times"


def test_unnamed_sources_telling_a_paper_are_the_source():
    text = (
        "There is no guarantee the talks will result in a deal, with unnamed sources previously "
        "telling the business newspaper the high energy and labour costs are potential "
        "sticking points."
    )
    assert _source_of(text, "sticking points") == "unnamed sources"


def test_announcing_plans_is_a_fact_not_an_attribution():
    text = "The carmaker has announced plans to establish a European headquarters in Liverpool."
    assert _source_of(text, "European headquarters") is None


def test_a_pronoun_source_points_back_to_the_person_named_before():
    text = (
        "According to David Bailey, a professor of economics, the deal is a pragmatic move. "
        "He also points out that growing brand recognition makes local production a logical step."
    )
    assert _source_of(text, "logical step") == "David Bailey"


def test_a_pronoun_source_never_points_to_a_name_later_in_its_sentence():
    text = (
        "On Tuesday, Mr. Carter held two testy news briefings. "
        "On Wednesday, he insisted he had done nothing wrong and marveled at what "
        "Maria Lopez had called a circus."
    )
    assert _source_of(text, "done nothing wrong") == "Carter"


def test_a_pronoun_before_any_name_takes_the_name_later_in_its_sentence():
    text = (
        "A day after telling reporters that he would not resign, Senator John Park said "
        "the committee had cleared him."
    )
    assert _source_of(text, "would not resign") == "John Park"


def test_she_does_not_continue_a_speaker_the_article_calls_mr():
    text = (
        "The message was sent to Ms. Lopez, a student in Denver. "
        "Mr. Carter said he did not know the student. "
        "She issued a statement over the weekend saying she had never met him."
    )
    assert _source_of(text, "never met him") == "Lopez"


def test_a_spokesperson_for_a_named_company_speaks_for_it():
    text = "A spokesperson for Google says the company cares deeply about the security of data."
    assert _source_of(text, "security of data") == "A spokesperson for Google"


def test_the_spokesperson_takes_up_the_spokesperson_named_before():
    text = (
        "A spokesperson for Google says the company cares deeply about the security of data. "
        '"We review all such requests carefully," the spokesperson said.'
    )
    assert _source_of(text, "review all such requests") == "A spokesperson for Google"


def test_even_he_is_the_person_he_stands_for():
    text = (
        "Paul Ryan criticised the law for cutting the program. "
        "But even he acknowledged that his own plan achieves savings in the long run."
    )
    assert _source_of(text, "achieves savings") == "Paul Ryan"


def test_a_report_named_by_its_outlet_is_the_outlet():
    text = (
        "Meanwhile, a Washington Post report said that the program scours nine "
        "major Internet companies for data."
    )
    assert _source_of(text, "scours nine") == "Washington Post"


def test_a_name_signing_off_a_quotation_after_a_dash_is_its_speaker():
    text = (
        "Readers shared their views on the debate.\n\n"
        "“He can’t even answer a question without scaring people. He is obsessed with "
        "walls.” ― Esther Tapia\n"
    )
    assert _source_of(text, "obsessed with walls") == "Esther Tapia"


def test_what_a_speaker_says_she_was_not_aware_of_is_still_hers():
    text = (
        "She said she wasn't aware of a stronger backlash against her from those "
        "controversies because of her race."
    )
    assert _source_of(text, "stronger backlash") == "She"


def test_a_clause_before_a_colon_is_not_what_the_speaker_says():
    text = (
        "The news set off another round of partisan fireworks on Friday: Republicans said "
        "they are increasingly convinced the department mishandled the investigation."
    )
    assert _source_of(text, "round of partisan fireworks") is None
    assert _source_of(text, "mishandled the investigation") == "Republicans"


def test_a_poll_named_in_a_fronted_phrase_is_the_source_of_its_clause():
    text = "In the latest national poll, Clinton led Trump by 5 percentage points among voters."
    assert _source_of(text, "led Trump") == "the latest national poll"


def test_a_statement_in_a_fronted_phrase_leaves_the_speaker_the_source():
    text = "In a statement, the company said the plant would close by the end of the year."
    assert _source_of(text, "plant would close") == "the company"


def test_a_photo_that_shows_something_is_no_source():
    text = "The photo in question showed a close-up shot of a man's bulging underwear."
    assert _source_of(text, "close-up shot") is None


def test_a_participle_set_off_in_a_speaker_is_a_claim_of_its_own():
    text = (
        "Senator John Park, facing a tough primary that threatens his seat, denied on "
        "Wednesday that he had taken the money."
    )
    texts = [m.text for m in _mentions(text)]
    assert any(t.startswith("facing a tough primary") for t in texts), texts


def test_i_inside_a_quotation_is_the_speaker_named_where_it_closes():
    text = (
        "But the president's campaign said the remark is a personal affront.\n\n"
        "\"I can't help but think that those remarks are well over the line. It's wrong. "
        "It's destructive,\" said Robert Gibbs, the president's former press secretary."
    )
    assert _source_of(text, "well over the line") == "Robert Gibbs"


def test_issuing_statements_saying_is_the_frame_not_a_claim():
    text = (
        "A number of the Internet companies issued statements Thursday night saying they "
        "only complied with government requests when legally bound."
    )
    (mention,) = _mentions(text)
    assert mention.source == "the Internet companies"


def test_visiting_a_school_saying_stays_a_claim_of_its_own():
    text = "The governor visited the school on Tuesday, saying the program had worked."
    assert _source_of(text, "visited the school") is None
    assert _source_of(text, "program had worked") == "The governor"


def test_then_added_with_a_colon_is_the_speakers():
    text = (
        "Senator John Park spoke for an hour. He paused, then added: “But I don’t know that. "
        "And I don’t want that to be the headline.”"
    )
    assert _source_of(text, "want that to be the headline") == "John Park"


def test_the_companies_in_the_plural_are_not_the_last_company_named():
    text = (
        "The companies in the program are Microsoft, Yahoo and Google, the Washington Post "
        "reports. A number of the Internet companies issued statements Thursday night "
        "saying they only complied with requests when legally bound."
    )
    assert _source_of(text, "only complied") == "the Internet companies"


def test_he_does_not_point_to_a_platform_named_as_a_thing():
    text = (
        "Senator John Park met reporters on Tuesday. A lewd photo had been sent from his "
        "Twitter account to a student, and it spread quickly on Twitter. "
        "He insisted that he had done nothing wrong."
    )
    assert _source_of(text, "done nothing wrong") == "John Park"


def test_she_takes_up_the_speaker_quoted_before_when_no_person_is_near():
    text = (
        "Mayor Ana Ferreira said the budget plan was sound. "
        "The council meets on Monday. The vote is expected to be close. "
        "Several members remain undecided. The budget runs to 400 pages. "
        '"The plan will pay for itself within three years," she said.'
    )
    assert _source_of(text, "pay for itself") == "Mayor Ana Ferreira"


def test_he_takes_up_a_person_named_in_full_whose_surname_the_model_leaves_untagged():
    from storyline.model import Article
    from storyline.pipeline import read_articles

    text = (
        "Representative Robert Hume answered questions on Tuesday from Luke Brannigan of "
        "MSNBC. Hume looked calm and rested throughout the exchange. He insisted that he "
        "wanted to move on from the incident."
    )
    (reading,) = read_articles([Article("a.txt", text, source="Daily Ledger")])
    (mention,) = [m for m in reading.mentions if "move on" in m.text]
    assert mention.source == "Robert Hume"


def test_a_label_before_a_colon_is_not_the_speaker():
    text = (
        "That proposal went nowhere.\n\nUPDATE: AARP CEO A. Barry Rand said in a statement, "
        '"It has always been our position that Social Security should be strengthened."'
    )
    assert _source_of(text, "always been our position") == "A. Barry Rand"


def test_lets_inside_a_quotation_is_the_speaker():
    text = (
        "Senator Tom Reed spoke on Sunday. \"But let's assume maybe that didn't work. "
        'I think there should be some punishment," Reed said.'
    )
    assert _source_of(text, "assume maybe") == "Reed"


def test_a_phrase_set_off_by_a_comma_is_not_part_of_the_source():
    text = (
        "The figure comes from a projection. As such, independent analysts have "
        "disputed the campaign's account of the cuts."
    )
    assert _source_of(text, "account of the cuts") == "independent analysts"


def test_said_at_the_end_attributes_the_quote():
    text = "The plant will close by the end of the year, a company spokeswoman said."
    assert _source_of(text, "plant will close") == "a company spokeswoman"


def test_nobody_confirming_is_the_article_own_denial():
    text = "Neither company has confirmed that production in the UK will happen."
    m = next(m for m in _mentions(text) if "production" in m.text)
    assert (m.source, m.certainty) == (None, "negated")


def test_questions_are_not_claims():
    assert _mentions("What role, if any, might the carmaker play in all this?") == ()


def test_a_quotation_running_on_keeps_its_speaker():
    text = (
        "“We will keep the plant open,” the chief executive, Maria Lopez, said on Tuesday. "
        "“Our workers have nothing to fear from this deal.”"
    )
    assert _source_of(text, "nothing to fear") == "Maria Lopez"


def _dossier_sources(text: str) -> dict[str, str | None]:
    from storyline.model import Article
    from storyline.pipeline import analyze_articles

    dossier = analyze_articles([Article("a.txt", text)])
    return {m.text: m.source for c in dossier.claims for m in c.mentions}


def test_a_lede_restated_on_a_source_word_relays_that_source():
    text = (
        "Acme Motors is in discussions with Zenith Cars about building Zenith vehicles "
        "at one of its plants.\n"
        "According to the Financial Times, the two firms are in the early discussions."
    )
    sources = _dossier_sources(text)
    lede = next(t for t in sources if t.startswith("Acme Motors is in discussions"))
    assert sources[lede] == "Financial Times"


def test_a_fact_followed_by_a_comment_on_it_stays_in_the_article_voice():
    text = (
        "Acme Motors cut 500 jobs at its plant in Leeds on Monday.\n"
        "A spokesman said the cuts were needed to protect the business."
    )
    sources = _dossier_sources(text)
    fact = next(t for t in sources if t.startswith("Acme Motors cut 500 jobs"))
    assert sources[fact] is None


def test_a_first_person_frame_in_a_quote_is_the_quoted_speaker():
    text = "The senator said: “I believe the deal is dead.”"
    assert _source_of(text, "deal is dead") == "The senator"


def test_a_pronoun_frame_inside_a_report_is_the_reporter():
    text = "The senator said she believes the bill will pass."
    assert _source_of(text, "bill will pass") == "The senator"


def test_you_is_no_source():
    text = "“You know the deal is dead,” the senator said."
    assert _source_of(text, "deal is dead") == "the senator"


def test_a_quotation_keeps_its_speaker_past_its_first_sentence():
    text = (
        "Mr. Lopez said the plant would close. "
        "“We have no choice. The market has moved against us.”"
    )
    assert _source_of(text, "market has moved") == "Lopez"


def test_a_quotation_takes_the_speaker_named_where_it_closes():
    text = (
        "The chief executive, Maria Lopez, said the plant would close. "
        "“We have no choice. The market has moved against us,” said Ann Wu, the finance chief."
    )
    assert _source_of(text, "no choice") == "Ann Wu"


def test_a_speaker_introduced_with_a_colon_keeps_the_quotation():
    text = (
        "Mayor Jane Smith spoke on Monday. Smith said:\n"
        "“The city has never been in better shape than it is today.”"
    )
    assert _source_of(text, "better shape") == "Smith"


def test_a_relative_pronoun_source_is_named_by_its_noun():
    text = "The agency cited a study by Senator Jane Smith, who said the program had failed."
    assert _source_of(text, "program had failed") == "Jane Smith"


def test_a_quotation_takes_the_speaker_of_the_tag_after_it():
    text = "“We will never surrender to these people!” the senator said. The crowd cheered."
    assert _source_of(text, "never surrender") == "the senator"


def test_a_quotation_after_a_tag_keeps_the_tagged_speaker():
    text = (
        "“We will never surrender to these people!” the senator said. "
        "“We will win this state and every state after it.”"
    )
    assert _source_of(text, "every state after it") == "the senator"


def test_a_part_of_a_group_speaks_for_the_group():
    text = (
        "A number of the banks issued statements on Thursday saying they only "
        "complied with court orders."
    )
    assert _source_of(text, "complied with court orders") == "the banks"


def test_responding_by_noting_attributes_what_is_noted():
    text = (
        "The mayor's team has responded by noting that the council took more than "
        "$7 million out of the pension fund."
    )
    assert _source_of(text, "took more than") == "The mayor's team"


def test_reportedly_passes_a_claim_on_from_unnamed_reports():
    text = "The new phones can reportedly be unlocked with a photograph of their owner."
    (m,) = [m for m in _mentions(text) if "unlocked" in m.text]
    assert (m.source, m.source_kind, m.certainty) == ("reports", "reports", "hedged")


def test_declining_to_say_whether_leaves_the_question_open():
    (m,) = _mentions("The company declined to say whether the plant would close.")
    assert (m.source, m.certainty) == ("The company", "hedged")


def test_not_saying_whether_is_no_denial():
    (m,) = _mentions("Officials would not say whether the suspect had been released.")
    assert m.certainty == "hedged"


def test_refusing_to_say_that_asserts_nothing():
    (m,) = _mentions("The minister refused to say that the talks had failed.")
    assert (m.source, m.certainty) == ("The minister", "hedged")


def test_not_being_sure_that_something_is_not_so_leaves_it_open():
    text = "Mayor Ann Lee said she could not be sure that she is not the person in the photo."
    (m,) = [m for m in _mentions(text) if "person in the photo" in m.text]
    assert m.certainty == "hedged"


def test_wanting_is_stated_as_a_fact_about_who_wants():
    (m,) = [
        m for m in _mentions("The senator wants to make changes to the pension fund.") if m.source
    ]
    assert (m.source, m.certainty) == ("The senator", "certain")


def test_hoping_still_leaves_the_hope_open():
    (m,) = [
        m for m in _mentions("The senator hopes to make changes to the pension fund.") if m.source
    ]
    assert (m.source, m.certainty) == ("The senator", "hedged")


def test_a_clause_the_tagger_reads_as_an_adverb_is_still_quoted():
    # spaCy tags "comply" in "we only ever comply" as an adverb
    text = (
        "A bank spokesperson said the bank releases records only under a court order.\n\n"
        "“In addition we only ever comply with orders for requests about specific "
        "accounts or identifiers,” the spokesperson said."
    )
    assert _source_of(text, "specific accounts") == "A bank spokesperson"


def test_taking_to_calling_something_names_the_one_who_calls_it():
    text = (
        "Senator Ann Ruiz spoke on Monday. Her office initially said the account was "
        "“obviously hacked,” but the senator has since taken to calling the leak a “prank.”"
    )
    assert _source_of(text, "prank") == "Ann Ruiz"


def test_a_title_with_adjectives_and_a_relative_clause_takes_up_the_person():
    text = (
        "Representative Tom Hale said on Monday that his account had been hacked. "
        "On Tuesday, the colorful and sometimes combative congressman who represents "
        "parts of Ohio declined to comment, and insisted that the inquiry was over."
    )
    assert _source_of(text, "inquiry was over") == "Tom Hale"


def test_the_one_spoken_to_is_not_who_he_is():
    text = (
        "Mayor Ann Ruiz said the bridge would reopen in June.\n\n"
        "“The bridge is safe,” he told the station's Peter Stone. "
        "“Is it ready? It will be ready soon,” he said."
    )
    assert _source_of(text, "bridge is safe") != "Peter Stone"
    assert _source_of(text, "ready soon") != "Peter Stone"


def test_according_to_stays_the_source_of_its_clause_inside_another_frame():
    text = (
        "Democrats are deflecting the attacks by pointing out that the budget plan "
        "includes similar savings, according to the Congressional Budget Office."
    )
    assert _source_of(text, "similar savings") == "Congressional Budget Office"


def test_a_quotation_introduced_by_a_colon_is_the_subjects():
    text = (
        "Four years ago, Senator Ann Ruiz used the same language against her opponent:\n\n"
        "“How would your pension fare under this plan? His plan would cut the fund by "
        "$80 billion.”"
    )
    assert _source_of(text, "cut the fund") == "Ann Ruiz"


def test_a_report_in_a_fronted_phrase_is_a_claim_of_its_own_source():
    text = (
        "On top of a Guardian newspaper report that revealed how the agency was collecting "
        "phone records, The Washington Post reported Thursday that the agency had tapped "
        "into the servers of nine companies."
    )
    assert _source_of(text, "collecting phone records") == "Guardian"
    assert not [m for m in _mentions(text) if m.text.startswith("On top of")]


def test_reporting_of_something_is_the_outlets():
    text = (
        "The Guardian reported Wednesday that the agency had obtained a court order, while "
        "The Washington Post reported Thursday of the existence of a program called PRISM."
    )
    assert _source_of(text, "existence of a program") == "Washington Post"


def test_a_web_address_is_an_outlet_even_with_its_owner_before_it():
    text = "Breitbart's BigGovernment.com first reported that the photo was sent to a student."
    (m,) = [m for m in _mentions(text) if "sent to a student" in m.text]
    assert (m.source, m.source_kind) == ("BigGovernment.com", "outlet")


def test_the_site_is_the_web_address_named_before():
    text = (
        "The photo was first reported Saturday by BigGovernment.com, a website run by a "
        "commentator. The site said the photo was sent to a college student."
    )
    assert _source_of(text, "college student") == "BigGovernment.com"


def test_saying_after_the_content_clause_is_still_the_first_speaker():
    # the parser hangs "saying" on "obtain", inside what Lee insisted
    text = (
        "Mr. Lee also insisted that the agency “does not unilaterally obtain information "
        "from the servers” of telephone providers, saying that information is turned over "
        "only under court order."
    )
    assert _source_of(text, "court order") == "Lee"


def test_the_former_official_takes_up_a_former_prosecutor_described_before():
    text = (
        "A former state fraud prosecutor said it would cost little to open an inquiry. "
        "The former official said the message had been sent from a library computer."
    )
    assert _source_of(text, "library computer") == "A former state fraud prosecutor"


def test_the_letter_is_the_one_who_sent_it():
    text = (
        "In identical letters sent on Oct. 19, Deputy Minister Ana Cruz told the two "
        "committees that the program was lawful. The letter said the committees had "
        "been briefed on the program."
    )
    assert _source_of(text, "been briefed") == "Ana Cruz"


def test_the_ad_is_the_campaign_that_ran_it():
    text = (
        "The Lopez campaign retorted with an ad of its own on Tuesday. The ad says the "
        "mayor has cut $7 million from the library budget."
    )
    assert _source_of(text, "library budget") == "The Lopez campaign"


def test_the_magazine_is_the_magazine_named_before():
    text = (
        "Critics attacked a cover of Newsweek magazine on Monday. "
        "The magazine said the photo was one of dozens taken that day."
    )
    assert _source_of(text, "one of dozens") == "Newsweek"


def test_the_letter_signed_by_a_group_is_the_groups():
    text = (
        "The latest criticism comes in a letter signed by nearly 90 faculty members. "
        "The letter says the budget would cut programs for the poor."
    )
    assert _source_of(text, "programs for the poor") == "nearly 90 faculty members"


def test_a_poll_someone_placed_second_in_is_not_theirs():
    text = (
        "Mr. Lopez, who placed second in a recent poll of likely candidates, said he would "
        "decide by June. The poll said the governor leads the field with 21 percent."
    )
    assert _source_of(text, "leads the field") != "Lopez"


def test_a_state_abbreviation_before_a_title_does_not_end_the_sentence():
    text = (
        "Prominent Republicans are calling for Ariz. Gov. Jan Brewer to veto a bill "
        "that would allow businesses to deny service."
    )
    doc = parse(text)
    assert len(list(doc.sents)) == 1
