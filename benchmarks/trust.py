"""Decisions that hold in the wild: what the bot answers about claims its base has not checked.

    .venv/bin/python -m benchmarks.trust [--data ../shared/bench] [--semantic] [--split dev]
        [--protocols out-of-base,written,small-bases,near-misses] [--json FILE]

Three protocols, each run with the bot's matcher and shipped thresholds (``--semantic``: with
the optional embeddings, vectors from ``benchmarks.embed_quality``'s cache):

- **out of base**: the built-in claim base (the Myanmar fact-checks) asked every query of the
  train and dev splits of both collections, less those that mention Myanmar or Burma. None of
  them is about a claim the base holds: every answer is a false verdict given to a real person,
  and every suggestion is noise.
- **written out of base**: ``benchmarks/data/out_of_base_written.tsv``, 80 messages in Chinese,
  Burmese and Russian about other things (rumours about health, prices, the weather, other
  countries, other news from Myanmar: an earthquake, schools, the internet), written for this:
  the real traffic above is English only. Every answer is a false verdict, every suggestion
  noise. ``--written benchmarks/data/out_of_base_written_blind.tsv``: 240 more, in all four
  languages, written blind.
- **small bases**: from each collection, claim bases of 10, 100 and 1,000 claims are drawn
  (seeded, several draws each): the relevant claims of some queries of the split ("in base"),
  filled up with other claims at random, never a claim relevant to the same number of other
  queries ("out of base") or a near-duplicate copy of one. At full size the split-half protocol
  of :mod:`benchmarks.decisions`. Reports answer precision (an answer is right when its claim is
  relevant, or a copy of a relevant claim), coverage (right answers to in-base queries over
  in-base queries) and the suggest rate, over all queries and over out-of-base ones; and the
  wrong verdicts: wrong answers less those that check the same statement as a relevant claim
  with the same verdict label (:meth:`Claims.same_check`). And the precision as a person reads
  the answers: the judgements name one check a query, where PolitiFact checked a repeated line
  again and again; each wrong answer read so far is in ``benchmarks/data/answers_read.tsv``,
  "the asked statement" (the answer checks what the query states: counted right) or "another
  claim". A wrong answer nobody has read yet counts wrong, and is listed to be read.
- **near misses**: ``benchmarks/data/near_misses.tsv``, questions in English, Burmese, Chinese
  and Russian about the built-in base: (a) its claims paraphrased, with typos, negated — to be
  answered with that claim; (b) the same kind of claim about another country, leader,
  election, year or event — never to be answered; (c) another claim about the same place and
  people ("Did the Myanmar military kill protesters?"), which the base has not checked either
  — never to be answered, and not always kept from it yet (docs/benchmarks.md). Other sets
  with ``--near-misses``: ``near_misses_unseen.tsv``, ``near_misses_probe.tsv``,
  ``near_misses_probe_other.tsv``, ``near_misses_short_names.tsv`` (countries by their short
  names, "U.S.", "美大选"), ``near_misses_platforms.tsv`` (rumours seen on Facebook, Telegram…),
  ``near_misses_actors.tsv`` (another doer in the claim's place, "are myanmar soldiers paid
  terrorists?"), ``near_misses_my_requests.tsv`` (Burmese requests: "please check whether…",
  "is this news true?"), ``near_misses_same_place.tsv`` (English: another event in the same
  place, and rewordings in words the claims' context lacks), ``near_misses_my_names.tsv``
  (Burmese: another payer, speaker, doer, year or event beside the claim's place, where no
  capital marks the name). For the negated questions
  answered, how many replies carry the note that the verdict is about the claim as quoted (a negated
  question answered without it gives the claim's verdict to a reader saying its opposite; a
  rhetorical "weren't they…?" needs none).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from adapters.cli.evaluate import load_qrels, load_queries
from benchmarks.common import SPLITS, bench_dir
from benchmarks.decisions import fold, protocol_results, summarise
from knowledge.archive import import_tsv
from knowledge.matching import Matcher, MatchResult, MatchSettings, SemanticIndex
from knowledge.matching.decide import same_statement
from knowledge.models import Decision
from knowledge.store import ClaimBase

NEAR_MISSES = Path(__file__).resolve().parent / "data" / "near_misses.tsv"
# Written before any matcher ran on them, most by a hand that never saw the matcher; kept apart
# from NEAR_MISSES, whose questions were written beside the rules (docs/benchmarks.md, "Unseen
# questions"). Run with --near-misses.
UNSEEN_NEAR_MISSES = NEAR_MISSES.with_name("near_misses_unseen.tsv")
PROBE_NEAR_MISSES = NEAR_MISSES.with_name("near_misses_probe.tsv")  # English (a) and (c)
PROBE_OTHER_NEAR_MISSES = NEAR_MISSES.with_name("near_misses_probe_other.tsv")  # my, zh, ru
# (b) only: countries by their short names ("U.S.", "uk", "美大选") and places only the claims'
# setting names; written beside the rules that read them (docs/benchmarks.md).
SHORT_NAMES = NEAR_MISSES.with_name("near_misses_short_names.tsv")
MY_REQUESTS = NEAR_MISSES.with_name("near_misses_my_requests.tsv")  # Burmese requests
# English: another event, act or actor in the same place (c: census, strike, monks paid) and
# rewordings in words the claims' context lacks (a); written to test a rule before it was built
# (docs/benchmarks.md, "Another subject in the claim's place").
SAME_PLACE = NEAR_MISSES.with_name("near_misses_same_place.tsv")
# English and Russian, typed in small letters: the built-in claims with another payer, place,
# year or event put in (b), or another event or actor in Myanmar (c); written after the
# plurals of names were read, to find what still gets a verdict (docs/benchmarks.md, "Other
# payers and events, typed in small letters").
PAYERS_EVENTS = NEAR_MISSES.with_name("near_misses_payers_events.tsv")
# All four languages: another doer in Myanmar in the claim's place (c: soldiers, police,
# monks, journalists "paid terrorists"), and the claim's doer in other words (a:
# "demonstrators"); written before any rule for them (docs/benchmarks.md, "Another doer or
# deed in the claim's place").
ACTORS = NEAR_MISSES.with_name("near_misses_actors.tsv")
# All four languages, 40 each: rewordings (a), another place, person, year, number or event
# (b), another claim about Myanmar (c); written by a hand that saw neither the code nor the
# other sets, and run once before any rule changed. Two rules were then built for what it
# showed, so it is blind no more for those (docs/benchmarks.md, "A blind probe in four
# languages"). Eight of its (c) questions asked what the base does check (the opposition's
# "foreign intervention", the protesters "damaging the image" abroad: the claims' aliases and
# the claimant's own words): moved to (a) once its first run answered them with those checks.
BLIND = NEAR_MISSES.with_name("near_misses_blind.tsv")
# A second such probe, written after the rules the first one led to, by another hand that saw
# neither the code nor any set (docs/benchmarks.md, "A second blind probe"); run once, then the
# rules of that section were built for what it showed.
BLIND_SECOND = NEAR_MISSES.with_name("near_misses_blind2.tsv")
# Two more, each by a hand that saw neither the code nor any set, each in a style of its own:
# what arrives in chat groups (forwarded posts, text off screenshots, captions, mixed
# languages), and short questions typed on a phone (slang, chat shorthand, no punctuation).
# Run once as they came; the rules of docs/benchmarks.md, "Forwarded posts and phone-typed
# questions", were then built for what they showed.
BLIND_FORWARDED = NEAR_MISSES.with_name("near_misses_blind3.tsv")
BLIND_TYPED = NEAR_MISSES.with_name("near_misses_blind4.tsv")
# A fifth, by another such hand: 40 a language, most of them (22) the claims' own words with
# another payer, speaker, country, year or event put in, 10 rewordings, 8 other claims about
# Myanmar; run once as it came (docs/benchmarks.md, "A fifth blind probe").
BLIND_FIFTH = NEAR_MISSES.with_name("near_misses_blind5.tsv")
# A sixth, by another such hand: per language 8 rewordings in the asker's own words, 16 with one
# detail changed (payer, speaker, country, year, event, amount), 16 other claims about Myanmar
# worded with the claims' own words; run once as it came (docs/benchmarks.md, "A sixth blind
# probe").
BLIND_SIXTH = NEAR_MISSES.with_name("near_misses_blind6.tsv")
# A seventh, by another blind hand: chat as people mix it, 40 a language (18 (a), 12 (b), 10
# (c)): Burmese with English words, Chinese with Latin names and Cantonese, Russian in Latin
# letters, "@factbot", voice-to-text run-ons (docs/benchmarks.md, "A seventh blind probe").
BLIND_SEVENTH = NEAR_MISSES.with_name("near_misses_blind7.tsv")
# An eighth: careful askers (journalists, researchers, moderators), 40 a language (16 (a), 12
# (b), 12 (c)), the (c) mostly the fact-check article's own details that are not the claim
# checked (docs/benchmarks.md, "An eighth blind probe").
BLIND_EIGHTH = NEAR_MISSES.with_name("near_misses_blind8.tsv")
# A ninth, Burmese only: 40 rewordings (10 a claim), 24 (b), 16 (c), a third of them with the
# words run together as many Burmese writers type (docs/benchmarks.md, "A ninth blind probe").
BLIND_NINTH = NEAR_MISSES.with_name("near_misses_blind9.tsv")
# A tenth, Burmese only: 36 rewordings (9 a claim) that add words of their own (adverbs,
# requests, who forwarded it, negations, a fifth run together), 24 (b) and 12 (c) with the
# difference added beside the claim's words (docs/benchmarks.md, "Burmese words looked up in
# a dictionary").
BLIND_TENTH = NEAR_MISSES.with_name("near_misses_blind10.tsv")
# An eleventh, Chinese only: 36 rewordings (9 a claim) in synonyms of the claims' wording, short,
# long, negated, forwarded, in traditional characters; 24 (b), 12 (c) close to a claim's wording
# with another doer, deed or event (docs/benchmarks.md, "Answered by meaning").
BLIND_ELEVENTH = NEAR_MISSES.with_name("near_misses_blind11.tsv")
# A twelfth, Burmese only: 36 rewordings (9 a claim) in synonyms, with an aside of the asker's,
# negated or reordered; 24 (b); 12 (c) with another deed, doer or cause (docs/benchmarks.md,
# "Burmese words in place of the claim's").
BLIND_TWELFTH = NEAR_MISSES.with_name("near_misses_blind12.tsv")
# A thirteenth, Burmese only: 36 rewordings (9 a claim) with another verb, another noun, an aside
# or a negation, some run together or misspelt; 24 (b); 12 (c) with another deed, doer or cause.
BLIND_THIRTEENTH = NEAR_MISSES.with_name("near_misses_blind13.tsv")
# A fourteenth, Burmese only: 36 rewordings (9 a claim), most in other nouns of the same meaning
# (money, protesters, the public, violence, vote rigging, fear), some with another verb, an aside,
# a negation, English mixed in or run together; 24 (b); 12 (c) close to a claim's words
# (docs/benchmarks.md, "Words of when, and who sent it").
BLIND_FOURTEENTH = NEAR_MISSES.with_name("near_misses_blind14.tsv")
# A fifteenth, Burmese only: 36 rewordings (9 a claim) as people send them in a group (asides,
# who forwarded it, requests, English mixed in, run together, typos); 24 (b); 12 (c) (docs/
# benchmarks.md, "Words of when, and who sent it").
BLIND_FIFTEENTH = NEAR_MISSES.with_name("near_misses_blind15.tsv")
# A sixteenth, Burmese only: 36 rewordings (9 a claim) in the written language and quoting it
# (headlines, state media, careful askers: "…ဟု ပြောကြားခဲ့သည်", "မှန်ကန်ပါသလော"), some with a
# typo; 24 (b); 12 (c) (docs/benchmarks.md, "The written language, and the claimant's titles").
BLIND_SIXTEENTH = NEAR_MISSES.with_name("near_misses_blind16.tsv")
# A seventeenth, in the four languages: people who half remember what they heard ("didn't some
# general say…", voice-message transcripts, mixed languages, typos), 18 rewordings, 12 (b) and
# 6 (c) a language (docs/benchmarks.md, "Half remembered, in four languages").
BLIND_SEVENTEENTH = NEAR_MISSES.with_name("near_misses_blind17.tsv")
# An eighteenth, Burmese only: 36 rewordings (9 a claim) in everyday chat Burmese (English words
# mixed in, tone marks left off, who sent it, the asker's own opinion); 24 (b); 12 (c)
# (docs/benchmarks.md, "Asides, endings typed in haste, another speaker, and a page's name").
BLIND_EIGHTEENTH = NEAR_MISSES.with_name("near_misses_blind18.tsv")
# A nineteenth, in the four languages: forwarded posts retold or quoted with a question (a
# headline, a page's name, hashtags), 18 rewordings, 12 (b) and 6 (c) a language (the same
# section).
BLIND_NINETEENTH = NEAR_MISSES.with_name("near_misses_blind19.tsv")
# A twentieth, Burmese typed in Latin letters ("sandapya thu twy ka pike san yu tl tae"): 72
# rewordings (18 a claim), 48 (b), 24 (c) (docs/benchmarks.md, "Burmese typed in Latin letters").
BLIND_TWENTIETH = NEAR_MISSES.with_name("near_misses_blind20.tsv")
# A twenty-first, the same, by another hand, written after the first reading of such text: many
# writers, abbreviations ("ssp", "hmn lr"), English clauses mixed in (the same section).
BLIND_TWENTY_FIRST = NEAR_MISSES.with_name("near_misses_blind21.tsv")
# A twenty-second, the same, written after the second round: messages to the bot in Telegram
# groups and Messenger, English words and quotations mixed in (the same section).
BLIND_TWENTY_SECOND = NEAR_MISSES.with_name("near_misses_blind22.tsv")
# A twenty-third, the same, written after the third round: half its writers mixing in many
# English words ("protesters twy ka money yu p attack lote tar") (the same section).
BLIND_TWENTY_THIRD = NEAR_MISSES.with_name("near_misses_blind23.tsv")
# A twenty-fourth, the same, written after every change, to measure them (the same section).
BLIND_TWENTY_FOURTH = NEAR_MISSES.with_name("near_misses_blind24.tsv")
# A twenty-fifth, Burmese in its own script: 72 rewordings (18 a claim: paraphrased, in haste,
# negated, forwarded), 36 (b), 36 (c) close to the claims' words (another cause, another doer,
# another detail), written to measure the reading of what tells candidates apart
# (docs/benchmarks.md, "What tells Burmese candidates apart").
BLIND_TWENTY_FIFTH = NEAR_MISSES.with_name("near_misses_blind25.tsv")
# A twenty-sixth, the same shape: rewordings in the asker's own verbs, adverbs and asides, some
# formal, some run together (docs/benchmarks.md, "An adverb, or the claim's own verb").
BLIND_TWENTY_SIXTH = NEAR_MISSES.with_name("near_misses_blind26.tsv")
# A twenty-seventh, in the four languages again: 18 rewordings (paraphrased, negated, typed in
# haste, forwarded, short, mixed with English or slang), 9 (b) and 9 (c) a language, written
# after the Burmese probes (docs/benchmarks.md, "Four languages again, and whom the doers act on").
BLIND_TWENTY_SEVENTH = NEAR_MISSES.with_name("near_misses_blind27.tsv")
# A twenty-eighth, in the four languages: 12 (c) a language putting someone else where a
# claim has its doer (whom it acts on, the claimant's side, another), and 12 rewordings whose
# doer is described otherwise, written late, left out, or after what is done to
# (docs/benchmarks.md, "Four languages again, and whom the doers act on").
BLIND_TWENTY_EIGHTH = NEAR_MISSES.with_name("near_misses_blind28.tsv")
# A twenty-ninth, in the four languages: 12 (c) a language where a claim's own doers do
# something else, and 12 rewordings saying what they do in other words (docs/benchmarks.md,
# "Other deeds of the claim's doers").
BLIND_TWENTY_NINTH = NEAR_MISSES.with_name("near_misses_blind29.tsv")
# A thirtieth, in the four languages: long messages (forwarded posts, screenshot text, news
# paragraphs, voice-note transcripts), 12 a language retelling a claim, 12 about another
# claim of the same subject in the claims' words (docs/benchmarks.md, "Long posts").
BLIND_THIRTIETH = NEAR_MISSES.with_name("near_misses_blind30.tsv")
# A thirty-first, in the four languages: 12 a language naming who made a claim, as people do,
# with it; 12 with him or his side as who does what a claim says (docs/benchmarks.md, "Who
# made the claim, as who does it").
BLIND_THIRTY_FIRST = NEAR_MISSES.with_name("near_misses_blind31.tsv")
# A thirty-second, in the four languages, written after this session's readings to measure
# them on fresh questions: 12 rewordings of every form, 6 (b) and 6 (c) a language
# (docs/benchmarks.md, "A thirty-second blind probe").
BLIND_THIRTY_SECOND = NEAR_MISSES.with_name("near_misses_blind32.tsv")
# A thirty-third, as people write in chat, mostly Burmese: 48 rewordings, 24 (b) and 24 (c) in
# Burmese (chat and formal registers, typing slips, greetings, who forwarded it, English mixed
# in, long posts); 8, 4 and 4 in each other language (docs/benchmarks.md, "Burmese as it is
# typed").
BLIND_THIRTY_THIRD = NEAR_MISSES.with_name("near_misses_blind33.tsv")
# A thirty-fourth, Burmese only, written after this session's readings by a varied cast (a
# grandmother, a monk, a student, a factory worker, a journalist, the diaspora): 48 rewordings,
# 24 (b), 24 (c) (docs/benchmarks.md, "Burmese as it is typed").
BLIND_THIRTY_FOURTH = NEAR_MISSES.with_name("near_misses_blind34.tsv")
# A thirty-fifth, in the four languages, as the issue words its third protocol (a later
# session): 30 rewordings (paraphrased, with typos, negated, forwarded, mixed), 15 about
# another country, leader, election, year or event, 15 other claims about Myanmar, a language
# (docs/benchmarks.md, "A thirty-fifth blind probe").
BLIND_THIRTY_FIFTH = NEAR_MISSES.with_name("near_misses_blind35.tsv")
# A thirty-sixth, in the shape again (a later session): 30 rewordings of nine forms,
# 15 (b) of five kinds (another place, person, year, event, election) and 15 (c) a language,
# some close to the claims' words (docs/benchmarks.md, "A thirty-sixth blind probe").
BLIND_THIRTY_SIXTH = NEAR_MISSES.with_name("near_misses_blind36.tsv")
# A thirty-seventh, in the same shape, as people who saw the rumour somewhere write (a relative
# forwarding it, a pasted quote, a reply to a friend), its (b) close to the claims' words with one
# detail changed and its (c) reusing them to say something else (docs/benchmarks.md, "A
# thirty-seventh blind probe").
BLIND_THIRTY_SEVENTH = NEAR_MISSES.with_name("near_misses_blind37.tsv")
# A thirty-eighth, in the same shape, as replies in a group chat or a comment thread: what a
# relative, a channel or a clip said, quoted or half-remembered, with the asker's doubt, emoji,
# hashtags and mentions (docs/benchmarks.md, "A thirty-eighth blind probe").
BLIND_THIRTY_EIGHTH = NEAR_MISSES.with_name("near_misses_blind38.tsv")
# A thirty-ninth, in the same shape, as people type in a hurry or forward the news: keywords,
# headlines, hashtags, a bare statement, a source tag, voice-to-text run on, the claim among
# chatter (docs/benchmarks.md, "A thirty-ninth blind probe").
BLIND_THIRTY_NINTH = NEAR_MISSES.with_name("near_misses_blind39.tsv")
# A fortieth, in the same shape, as people far from the news or outside Myanmar write: old and
# misspelt names ("Burma", "Rangoon", "Ming Aung Lang"), the leader described vaguely ("that
# general who went to Moscow"), students, expats, diaspora, second-language writers
# (docs/benchmarks.md, "A fortieth blind probe").
BLIND_FORTIETH = NEAR_MISSES.with_name("near_misses_blind40.tsv")
# A forty-first, in the same shape, as people who take a side write: the junta's supporters
# asserting the claim and wanting it confirmed, its opponents mocking it (sarcasm, rhetorical
# questions), loaded words ("so-called protesters", "rioters", "the regime"), relatives who
# disagree (docs/benchmarks.md, "A forty-first blind probe").
BLIND_FORTY_FIRST = NEAR_MISSES.with_name("near_misses_blind41.tsv")
# A forty-second, in the same shape, as rumours arrive from screenshots and links: text read off
# a screenshot (the app's buttons, times and counts, OCR slips), a link with its preview's title
# or only a comment, captions, news tickers, pasted comment threads; one English (c) was the
# escalation check's alias and moved to (a) (docs/benchmarks.md, "A forty-second blind probe").
BLIND_FORTY_SECOND = NEAR_MISSES.with_name("near_misses_blind42.tsv")
# A forty-third, in the same shape, as messages arrive through a translator or across scripts:
# machine translation's oddities, the leader's and places' names as transliteration spells them,
# a quote in one language asked about in another, traditional Chinese; one English and one
# Chinese (c) said what the escalation check's alias says and moved to (a) (docs/benchmarks.md,
# "A forty-third blind probe: through a translator").
BLIND_FORTY_THIRD = NEAR_MISSES.with_name("near_misses_blind43.tsv")
# A forty-fourth, in the same shape, every message with dates, times and numbers as people
# write them (a post's date, "24.06.21", "June '21", Burmese digits, Chinese numerals, the
# Myanmar calendar, sums, counts, shares), its (b) often differing by a year or a figure alone
# (docs/benchmarks.md, "A forty-fourth blind probe: dates and numbers").
BLIND_FORTY_FOURTH = NEAR_MISSES.with_name("near_misses_blind44.tsv")
# A forty-fifth, in the same shape, written as people write in a language not their first:
# English by Burmese, Chinese and Russian speakers, Burmese by speakers of Shan, Kachin, Karen
# and Chinese, Chinese by Burmese Chinese and learners, Russian by Central Asians and students;
# one (c) in each language said what the escalation check's alias says and moved to (a)
# (docs/benchmarks.md, "A forty-fifth blind probe: in a second language").
BLIND_FORTY_FIFTH = NEAR_MISSES.with_name("near_misses_blind45.tsv")
# A forty-sixth, in the same shape, dictated by voice (speech-to-text, as a phone writes it):
# no punctuation, fillers ("um", "ဟို", "那个", "это самое"), names misheard ("min along line",
# "me and mar"), Chinese homophones, numbers as words; four (c) said the fear check's own second
# sentence (the government's image, harmed on purpose) and moved to (a) (docs/benchmarks.md,
# "A forty-sixth blind probe: dictated").
BLIND_FORTY_SIXTH = NEAR_MISSES.with_name("near_misses_blind46.tsv")
# A forty-seventh, in the same shape, written as the young write online: slang, memes and
# emoji ("ngl", "кринж", "真的假的", "😭"), sarcasm, a post on TikTok or Douyin; one (c) in
# each language said what the escalation check's alias says (foreign intervention) and moved
# to (a) (docs/benchmarks.md, "A forty-seventh blind probe: young and online").
BLIND_FORTY_SEVENTH = NEAR_MISSES.with_name("near_misses_blind47.tsv")
# A forty-eighth, in the same shape, written the long way round: two to five sentences of the
# asker's own story first (a teacher, a shop owner, a worker abroad, a family argument), the
# question buried in the middle or at the end; one (c) in each language said what the
# escalation check's alias says (foreign intervention) and moved to (a) (docs/benchmarks.md,
# "A forty-eighth blind probe: the long way round").
BLIND_FORTY_EIGHTH = NEAR_MISSES.with_name("near_misses_blind48.tsv")
# A forty-ninth, in the same shape, in regional voices: Singaporean, Indian, Nigerian and
# Filipino English, Hong Kong Cantonese and Taiwanese Chinese, Russian from Ukraine, Belarus,
# Kazakhstan and abroad, Burmese from the states and regions and from migrant workers; no (c)
# said what a claim's alias says (docs/benchmarks.md, "A forty-ninth blind probe: regional
# voices").
BLIND_FORTY_NINTH = NEAR_MISSES.with_name("near_misses_blind49.tsv")
# A fiftieth, in the same shape, in keywords and headlines: words typed as into a search box,
# pasted headlines, hashtags, quoted fragments with "true?" or "fake?", telegraphic lines
# with no verb; no (c) said what a claim's alias says (docs/benchmarks.md, "A fiftieth blind
# probe: keywords and headlines").
BLIND_FIFTIETH = NEAR_MISSES.with_name("near_misses_blind50.tsv")
# A fifty-first, in the same shape, asking the bot to check: "can you check this: …", "is
# there any evidence that …", "has anyone fact-checked …", "confirm or debunk: …", "is it
# propaganda that …", a relative's word to verify, a doubt; no (c) said what a claim's alias
# says (docs/benchmarks.md, "A fifty-first blind probe: asking the bot to check").
BLIND_FIFTY_FIRST = NEAR_MISSES.with_name("near_misses_blind51.tsv")
# A fifty-second, in the same shape, asserted, not asked: the claim stated as a fact or as its
# opposite, with a dare ("prove me wrong"), a sneer ("the usual junta line"), a hedge ("I read
# that…") or "true or false"; no (c) said what a claim's alias says (docs/benchmarks.md, "A
# fifty-second blind probe: asserted, not asked").
BLIND_FIFTY_SECOND = NEAR_MISSES.with_name("near_misses_blind52.tsv")
# A fifty-third, in the same shape, in the formal and written register: newswire, report and
# official-letter style ("Is there any substance to the allegation that…", Burmese "…သည်
# မှန်ကန်ပါသလော", "…一事是否属实", "Соответствует ли действительности…"); one English (c)
# said what the escalation check's alias says and was moved to the rewordings (docs/benchmarks.md,
# "A fifty-third blind probe: the formal and written register").
BLIND_FIFTY_THIRD = NEAR_MISSES.with_name("near_misses_blind53.tsv")
# A fifty-fourth, in the same shape, by comparison: the claim asked beside another country,
# leader or election ("Like they said about Hong Kong, are the Myanmar protesters just
# paid?"), and the same claim about the other one with Myanmar as the comparison ("After
# Myanmar, was the 2020 Belarus election rigged as well?") (docs/benchmarks.md, "A
# fifty-fourth blind probe: by comparison").
BLIND_FIFTY_FOURTH = NEAR_MISSES.with_name("near_misses_blind54.tsv")
# A fifty-fifth, in the same shape, in plain words: the claims described by people who do not
# use the news's words ("the army boss", "the people marching got cash to go out", "the vote
# count was faked", "makes our country look bad to other countries"), a worried grandparent,
# a child, a farmer, typos and all (docs/benchmarks.md, "A fifty-fifth blind probe: in plain
# words").
BLIND_FIFTY_FIFTH = NEAR_MISSES.with_name("near_misses_blind55.tsv")
# A fifty-sixth, in the same shape, half-remembered: the claims asked by people who only half
# remember who said it, to whom, where and when ("some general, the army chief I think?", "on
# a Russian channel or some such"), and the same kind of claim remembered with one detail that
# puts it elsewhere (another leader, election, year or outlet) (docs/benchmarks.md, "A
# fifty-sixth blind probe: half-remembered").
BLIND_FIFTY_SIXTH = NEAR_MISSES.with_name("near_misses_blind56.tsv")
# A fifty-seventh, in the same shape, taken for granted: questions that assume a claim and ask
# who, why, how much or how ("Who is paying the Myanmar protesters?", "How many votes were faked
# in the Myanmar election?"), the same of another country or election, and of other things
# with a payer named (docs/benchmarks.md, "A fifty-seventh blind probe: taken for granted").
BLIND_FIFTY_SEVENTH = NEAR_MISSES.with_name("near_misses_blind57.tsv")
# A fifty-eighth, in the same shape, in sarcasm, irony and rhetorical questions: the claims
# echoed with scorn for the general or for the protesters ("Oh sure, the Myanmar protesters are
# all paid terrorists, right? 🙄", "ага, конечно", "呵呵"), the same of other countries and
# leaders, and other Myanmar claims mocked (docs/benchmarks.md, "A fifty-eighth blind probe:
# sarcasm").
BLIND_FIFTY_EIGHTH = NEAR_MISSES.with_name("near_misses_blind58.tsv")
# A fifty-ninth, in the same shape, in what-ifs, conditions and suppositions ("If the Myanmar
# protesters were really paid, wouldn't someone have found the money by now?", "假如…",
# "Допустим…", "…ဆိုရင်"); one Russian (c) said what the escalation check's alias says (foreign
# intervention) and moved to (a) (docs/benchmarks.md, "A fifty-ninth blind probe: what-ifs").
BLIND_FIFTY_NINTH = NEAR_MISSES.with_name("near_misses_blind59.tsv")
# A sixtieth, in the same shape, with personal stakes: asked by people whose son, sister,
# student or neighbour marched, struck, fled or was shot, a voter of 2020, a shopkeeper, a
# soldier's wife ("My brother marched every day in Yangon and never got a kyat — is the
# general really saying they were paid?"), the same of other countries, and other Myanmar
# claims (docs/benchmarks.md, "A sixtieth blind probe: personal stakes").
BLIND_SIXTIETH = NEAR_MISSES.with_name("near_misses_blind60.tsv")
# A sixty-first, in the same shape, retold second-hand: the claims as they reach people after
# several mouths, loosely worded, with hearsay ("the word going round is that…", "говорят, что
# вроде как…", "据说…", "…တဲ့"), the same of other countries, and retellings grown into claims
# never made (a payer named, a sum, a new deed) (docs/benchmarks.md, "A sixty-first blind
# probe: retold").
BLIND_SIXTY_FIRST = NEAR_MISSES.with_name("near_misses_blind61.tsv")
# A sixty-second, in the same shape, looking back years later: anniversaries, "back in 2021
# the general said…", "is it still considered false?", a history essay, an old clip seen only
# now ("当年…", "Оглядываясь назад…", "ဟိုတုန်းက…"); one English, one Chinese and one Russian
# (c) said what the escalation check's alias says and were moved to the rewordings
# (docs/benchmarks.md, "A sixty-second blind probe: looking back").
BLIND_SIXTY_SECOND = NEAR_MISSES.with_name("near_misses_blind62.tsv")
# A sixty-third, in the same shape, from the towns: asked from (or about) a town, township,
# state or region of Myanmar, or a city of its diaspora ("here in Monywa…", "my aunt in
# Myitkyina says…", "我在蒙育瓦…", "Пишу из Давэя.", "မုံရွာမှာ…"), the same of other countries'
# towns, and other Myanmar claims placed in its towns (docs/benchmarks.md, "A sixty-third
# blind probe: from the towns").
BLIND_SIXTY_THIRD = NEAR_MISSES.with_name("near_misses_blind63.tsv")
# A sixty-fourth, in the same shape, where people are: the writer, a relative, the protesters
# or an event placed in a named town, township or region of Myanmar, spelt the many ways people
# spell them ("my cousin in Mawlamyine says…", "Moulmein uncle forwarded this…", "в Мандалае
# говорят…", "我在腊戍…", "ပြင်ဦးလွင်မှာ…"); the same of other countries' towns; other Myanmar claims
# placed in its towns. Written after the towns of the claim's country were read
# (docs/benchmarks.md, "A sixty-fourth blind probe: where people are").
BLIND_SIXTY_FOURTH = NEAR_MISSES.with_name("near_misses_blind64.tsv")
# All four languages, issue-shaped, "news from home": people in Myanmar and abroad relay what
# they heard in their town, township, region or state, named as locals write it in their own
# script ("လှိုင်သာယာက အဒေါ်…", "我姨妈在仰光莱达雅…", "Тётя из Хлайнтхайи…"); the same of other
# countries; other Myanmar claims in its towns. Written while the towns in Chinese and Burmese
# were read (docs/benchmarks.md, "A sixty-fifth blind probe: news from home").
BLIND_SIXTY_FIFTH = NEAR_MISSES.with_name("near_misses_blind65.tsv")
# All four languages, issue-shaped, "the family chat": relatives and friends pass the rumour on,
# named by what they are to the writer and often where they live ("my aunt in Hlaing Tharyar
# forwarded…", "莱达雅的姑姑在家族群里转的…", "Тётя из Хлайнтайи скинула…"); the same of other
# countries; other Myanmar claims passed on so. Written after the towns in Chinese and Burmese
# and the Chinese family's words were read, as a held-out measure of them (docs/benchmarks.md,
# "A sixty-sixth blind probe: the family chat").
BLIND_SIXTY_SIXTH = NEAR_MISSES.with_name("near_misses_blind66.tsv")
# All four languages, issue-shaped, "where he said it": the claims asked about naming, or half
# remembering, where they were said (Sputnik, Russian state TV, the Moscow conference, a quote
# card, state TV re-airing the interview); the same of other leaders' interviews; other things
# said on that trip. Written after Chinese read how a message reached the asker and where the
# claim was made, as a held-out measure of that (docs/benchmarks.md, "A sixty-seventh blind
# probe: where he said it").
BLIND_SIXTY_SEVENTH = NEAR_MISSES.with_name("near_misses_blind67.tsv")
# All four languages, issue-shaped, "at the tea shop and the market": the claims asked about
# naming where, and from whom, the asker heard them in everyday life (the tea shop, the market,
# the bus stop, the clinic, a wedding, a monk, a trishaw driver, a colleague); the same of other
# countries, leaders and years; other rumours of the same time. Written before this session's
# first step, measured after its first two, as a held-out measure of them (docs/benchmarks.md,
# "A sixty-eighth blind probe: at the tea shop and the market").
BLIND_SIXTY_EIGHTH = NEAR_MISSES.with_name("near_misses_blind68.tsv")
# All four languages, issue-shaped, "while the power was out": the claims retold with the moment
# the asker heard them (cooking, queueing for fuel, a night shift, a power cut), from someone
# who retold them later in the sentence, with a rough time; the same of other countries,
# leaders and years; other rumours of the same time. Written before this session's first step,
# measured after its first steps, as a held-out measure of them (docs/benchmarks.md, "A
# sixty-ninth blind probe: while the power was out").
BLIND_SIXTY_NINTH = NEAR_MISSES.with_name("near_misses_blind69.tsv")
# All four languages, issue-shaped, "who told me, by their job": the claims retold from someone
# named by trade or role rather than by name (a bus conductor, a taxi driver, a nurse, a barber,
# a retired officer, an abbot, a village head), often in small letters, the role right before
# a verb of saying; the same of other countries, leaders and years; other rumours so told.
# Written before this session's first step, measured at bbb068d and after the first step, as
# a held-out measure of it (docs/benchmarks.md, "A seventieth blind probe: who told me, by
# their job").
BLIND_SEVENTIETH = NEAR_MISSES.with_name("near_misses_blind70.tsv")
# A seventy-first in the shape, by a hand that saw only the fact-check and the four
# claims: settling an argument ("my uncle says…, my cousin says that's nonsense, who's
# right?"), bets on it, debates in class, at work, under a post; the same of other countries,
# leaders and elections; other rumours so argued. The prompt it was written from named the
# junta's spokesman as who made the claims (it was the junta's leader): a few messages name
# him. Written before this session's first step, measured at d7ba816 and after the steps, its
# misses read before the first (docs/benchmarks.md, "A seventy-first blind probe: settling an
# argument").
BLIND_SEVENTY_FIRST = NEAR_MISSES.with_name("near_misses_blind71.tsv")
# Burmese, 24 (b) and 3 (c) beside the claim's place or claimant ("Soros paid the Myanmar
# protesters?", "Zaw Min Tun says…", "Myanmar monks…"), 1 (a); written against a rule tried
# and not kept: Burmese pieces no capital marks as names let pass beside the claim's place
# (docs/benchmarks.md, "Burmese: a shared vowel sign, and names without capitals").
MY_NAMES = NEAR_MISSES.with_name("near_misses_my_names.tsv")
# Burmese, 26 (b) and 6 (c): names and other details added beside the claims' own words as a
# verb's phrase would be (bare, run together, marked, titled, after the claim's words), written
# against the reading that a verb's phrase added inside them is no name (docs/benchmarks.md,
# "A Burmese verb's phrase is no name").
MY_VERBS = NEAR_MISSES.with_name("near_misses_my_verbs.tsv")
# All four languages, 39 (c) with the claims' doers doing something else (protecting, helping,
# donating, looting, a recount) and 6 (a) saying the claims' deeds in words of their class;
# written by the session that built the reading, against it (docs/benchmarks.md, "Another
# deed of the claim's doers"); and 33 (c) and 6 (a) more since, against the readings of
# another deed beside whom the doers act on, another thing damaged, what is spread and
# another word in place of a Chinese word of a class.
OTHER_DEEDS = NEAR_MISSES.with_name("near_misses_other_deeds.tsv")
ABOUT_THE_BASE = re.compile(r"myanmar|burm", re.IGNORECASE)
# The protocol's wrong answers as a person read them (see the module's docstring).
ANSWERS_READ = NEAR_MISSES.with_name("answers_read.tsv")
WRITTEN_OUT_OF_BASE = NEAR_MISSES.with_name("out_of_base_written.tsv")
# 240 more, 60 a language, by a hand that saw neither the code nor any set: small talk, other
# news from Myanmar (conscription, the NUG's lottery, power cuts), other countries' protests and
# elections, health and money rumours, forwarded posts and links (docs/benchmarks.md, "A ninth
# blind probe: other subjects").
WRITTEN_BLIND = NEAR_MISSES.with_name("out_of_base_written_blind.tsv")
ASKED_STATEMENT = "the asked statement"
SIZES = (10, 100, 1000)
DRAWS = {10: 20, 100: 6, 1000: 2}

# A factory of semantic indexes for a base: (base, collection folder or None for the built-in
# base's questions) -> index.
IndexFactory = Callable[[ClaimBase, Path | None], SemanticIndex]


@dataclass(frozen=True, slots=True)
class Claims:
    """A collection's claims file: header and rows by id, near-duplicate groups."""

    header: str
    rows: dict[str, str]
    copies: dict[str, set[str]]

    @classmethod
    def read(cls, path: Path) -> Claims:
        lines = path.read_text(encoding="utf-8").splitlines()
        rows = {line.split("\t", 1)[0]: line for line in lines[1:] if line.strip()}
        groups: dict[str, set[str]] = defaultdict(set)
        for claim_id, line in rows.items():
            fields = line.split("\t")
            groups[fold(fields[1] if len(fields) > 1 else "")].add(claim_id)
        copies = {claim_id: group for group in groups.values() for claim_id in group}
        return cls(lines[0], rows, copies)

    def widened(self, ids: Iterable[str]) -> set[str]:
        return {c for claim_id in ids for c in self.copies.get(claim_id, {claim_id})}

    def same_check(self, answered: str, relevant: Iterable[str]) -> bool:
        """Whether the ``answered`` claim checks nearly the same statement as a ``relevant``
        one (:func:`knowledge.matching.decide.same_statement`), with the same verdict label:
        an archive's second check of a line a speaker repeated. Such an answer is counted
        wrong, as the judgements have it, but it gives the person the right verdict."""
        text, verdict = self._statement(answered)
        return bool(verdict) and any(
            (other := self._statement(claim_id))[1] == verdict and same_statement(text, other[0])
            for claim_id in relevant
        )

    def _statement(self, claim_id: str) -> tuple[str, str]:
        fields = self.rows.get(claim_id, "").split("\t")
        return (
            fields[1] if len(fields) > 1 else "",
            fields[4].strip().lower() if len(fields) > 4 else "",
        )

    def base(self, ids: Iterable[str], directory: str) -> ClaimBase:
        """A fresh claim base holding these claims (through the archive import)."""
        path = Path(directory) / "claims.tsv"
        path.write_text(
            "\n".join([self.header, *(self.rows[c] for c in sorted(ids))]) + "\n", "utf-8"
        )
        base = ClaimBase.open(Path(directory) / "base.db", seed=False)
        import_tsv(base, path)
        return base


@dataclass
class Tally:
    """Decisions over a set of queries, in base and out of base."""

    inside: int = 0
    outside: int = 0
    answers: int = 0
    right: int = 0
    covered: int = 0
    suggested: int = 0
    suggested_outside: int = 0
    same_check: int = 0  # wrong answers that check the same statement with the same verdict
    read_right: int = 0  # wrong answers read as checks of the asked statement (ANSWERS_READ)
    unread: list[tuple[str, str]] = field(default_factory=list)  # (query id, answered claim)

    def add(
        self,
        result: MatchResult,
        relevant: set[str],
        in_base: bool,
        claims: Claims | None = None,
        reading: tuple[str, Readings] | None = None,
    ) -> None:
        """``reading``: the query's id and the answers read (:func:`answers_read`)."""
        if in_base:
            self.inside += 1
        else:
            self.outside += 1
        if result.decision == Decision.ANSWER:
            self.answers += 1
            answered = result.matches[0].claim_id
            if answered in relevant:
                self.right += 1
                self.covered += in_base
            else:
                if claims is not None and claims.same_check(answered, relevant):
                    self.same_check += 1
                if reading is not None:
                    qid, read = reading
                    asked = read.get((qid, answered))  # True: the asked statement
                    self.read_right += asked is True
                    if asked is None:
                        self.unread.append((qid, answered))
        elif result.decision == Decision.SUGGEST:
            self.suggested += 1
            self.suggested_outside += not in_base

    def summary(self) -> dict[str, Any]:
        total = self.inside + self.outside
        return {
            "queries": total,
            "answers": self.answers,
            "precision": self.right / self.answers if self.answers else 1.0,
            "precision_read": (
                (self.right + self.read_right) / self.answers if self.answers else 1.0
            ),
            "unread": sorted(set(self.unread)),
            "coverage": self.covered / self.inside if self.inside else 0.0,
            "suggest_rate": self.suggested / total if total else 0.0,
            "suggest_rate_out": self.suggested_outside / self.outside if self.outside else 0.0,
            "wrong_verdicts": self.answers - self.right - self.same_check,
        }


# A collection's answers read: (query id, answered claim) -> read as the asked statement.
Readings = dict[tuple[str, str], bool]


def answers_read(collection: str, split: str, path: Path = ANSWERS_READ) -> Readings:
    """The wrong answers of ``collection``'s ``split`` that a person has read, and whether
    each answered claim checks the statement the query makes."""
    with path.open(encoding="utf-8", newline="") as file:
        return {
            (row["qid"], row["answered"]): row["reading"] == ASKED_STATEMENT
            for row in csv.DictReader(file, delimiter="\t")
            if row["collection"] == collection and row["split"] == split
        }


def judged(data: Path, split: str) -> tuple[list[tuple[str, str]], dict[str, set[str]]]:
    queries = load_queries(data / f"queries.{split}.tsv")
    qrels = load_qrels(data / f"qrels.{split}.tsv")
    return [(qid, text) for qid, text in queries if qrels.get(qid)], qrels


def draw(
    claims: Claims, queries: list[tuple[str, str]], qrels: dict[str, set[str]], size: int, seed: int
) -> tuple[set[str], list[tuple[str, str]], list[tuple[str, str]]]:
    """A base of ``size`` claims, the queries whose relevant claims are in it, and as many
    whose relevant claims (and their copies) are not."""
    rng = random.Random(seed)
    order = queries[:]
    rng.shuffle(order)
    most = min(size // 2, len(queries) // 2)
    base: set[str] = set()
    inside: list[tuple[str, str]] = []
    rest: list[tuple[str, str]] = []
    for qid, text in order:
        relevant = claims.widened(qrels[qid])
        if len(inside) < most and len(base | relevant) <= size // 2 + 1:
            base |= relevant
            inside.append((qid, text))
        else:
            rest.append((qid, text))
    outside = [q for q in rest if not claims.widened(qrels[q[0]]) & base][: len(inside)]
    banned = base | claims.widened(c for qid, _ in outside for c in qrels[qid])
    others = [c for c in claims.rows if c not in banned]
    base |= set(rng.sample(others, max(0, size - len(base))))
    return base, inside, outside


def small_bases(
    data: Path, split: str, settings: MatchSettings, semantic: IndexFactory | None
) -> dict[str, dict[str, Any]]:
    claims = Claims.read(data / "vclaims.tsv")
    queries, qrels = judged(data, split)
    read = answers_read(data.name, split)
    found: dict[str, dict[str, Any]] = {}
    for size in SIZES:
        tally = Tally()
        for seed in range(DRAWS[size]):
            ids, inside, outside = draw(claims, queries, qrels, size, seed)
            with tempfile.TemporaryDirectory() as directory:
                base = claims.base(ids, directory)
                matcher = Matcher(base, settings, semantic(base, data) if semantic else None)
                for group, in_base in ((inside, True), (outside, False)):
                    for qid, text in group:
                        relevant = claims.widened(qrels[qid])
                        tally.add(matcher.match(text), relevant, in_base, claims, (qid, read))
                base.close()
        found[str(size)] = tally.summary()
    with tempfile.TemporaryDirectory() as directory:
        rows = protocol_results(data, split, settings, directory, semantic)
    full = summarise(rows)
    answered = [r for r in rows if r.result.decision == Decision.ANSWER]
    wrong = [r for r in answered if not r.right]
    readings = [read.get((r.qid, r.result.matches[0].claim_id)) for r in wrong]
    found["all"] = {
        "queries": full["queries"],
        "answers": full["answers"],
        "precision": full["precision"],
        "precision_read": (
            (len(answered) - len(wrong) + readings.count(True)) / len(answered) if answered else 1.0
        ),
        "unread": sorted(
            {
                (r.qid, r.result.matches[0].claim_id)
                for r, v in zip(wrong, readings, strict=True)
                if v is None
            }
        ),
        "coverage": full["coverage"],
        "suggest_rate": full["suggest_rate"],
        "suggest_rate_out": full["suggest_rate_out"],
        "wrong_verdicts": sum(
            not claims.same_check(r.result.matches[0].claim_id, qrels[r.qid]) for r in wrong
        ),
    }
    return found


def builtin_base(directory: str) -> ClaimBase:
    return ClaimBase.open(Path(directory) / "builtin.db", seed=True)


@contextmanager
def builtin_matcher(settings: MatchSettings, semantic: IndexFactory | None) -> Iterator[Matcher]:
    """A matcher of a new built-in base (with its semantic index, ``semantic``), in a folder
    of its own that is gone afterwards."""
    with tempfile.TemporaryDirectory() as directory:
        base = builtin_base(directory)
        try:
            yield Matcher(base, settings, semantic(base, None) if semantic else None)
        finally:
            base.close()


def out_of_base(
    folder: Path, settings: MatchSettings, semantic: IndexFactory | None
) -> dict[str, Any]:
    """The built-in base asked every train and dev query that is not about Myanmar."""
    counts: Counter[str] = Counter()
    answered: list[tuple[str, str, str]] = []
    suggested: list[tuple[str, str, float]] = []
    with tempfile.TemporaryDirectory() as directory:
        base = builtin_base(directory)
        for name in SPLITS:
            data = folder / name
            matcher = Matcher(base, settings, semantic(base, data) if semantic else None)
            for split in ("train", "dev"):
                for _, text in load_queries(data / f"queries.{split}.tsv"):
                    if ABOUT_THE_BASE.search(text):
                        counts["left out"] += 1
                        continue
                    result = matcher.match(text)
                    counts[str(result.decision)] += 1
                    counts["queries"] += 1
                    if result.decision == Decision.ANSWER:
                        answered.append((text, result.matches[0].claim_id, name))
                    elif result.decision == Decision.SUGGEST:
                        best = result.matches[0]
                        suggested.append((text, best.claim_id, best.score))
        base.close()
    total = counts["queries"] or 1
    return {
        "queries": counts["queries"],
        "left_out": counts["left out"],
        "answers": counts["answer"],
        "suggestions": counts["suggest"],
        "answer_rate": counts["answer"] / total,
        "suggest_rate": counts["suggest"] / total,
        "answered": answered,
        "suggested": suggested,
    }


def written_out_of_base(
    settings: MatchSettings, semantic: IndexFactory | None, path: Path = WRITTEN_OUT_OF_BASE
) -> dict[str, Any]:
    """The built-in base asked the written messages about other things, by language: how
    many got an answer (each a false verdict) or a suggestion (noise), and which."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [(row["lang"], row["text"]) for row in csv.DictReader(handle, delimiter="\t")]
    tallies: dict[str, Counter[str]] = defaultdict(Counter)
    offered: list[tuple[str, str, str, str]] = []
    with builtin_matcher(settings, semantic) as matcher:
        for lang, text in rows:
            result = matcher.match(text)
            tallies[lang]["messages"] += 1
            tallies[lang][str(result.decision)] += 1
            if result.matches:
                offered.append((lang, str(result.decision), result.matches[0].claim_id, text))
    return {"tallies": {k: dict(v) for k, v in sorted(tallies.items())}, "offered": offered}


@dataclass(frozen=True, slots=True)
class NearMiss:
    group: str  # "a": the claim, reworded; "b": a claim like it about something else; "c":
    # another claim about the same place and people (its "claim" is the check it is closest to)
    kind: str
    lang: str
    claim: str
    text: str


def read_near_misses(path: Path = NEAR_MISSES) -> list[NearMiss]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            NearMiss(row["group"], row["kind"], row["lang"], row["claim"], row["text"])
            for row in csv.DictReader(handle, delimiter="\t")
        ]


def near_misses(
    settings: MatchSettings,
    semantic: IndexFactory | None,
    path: Path = NEAR_MISSES,
    small_letters: bool = False,
) -> dict[str, Any]:
    """Each near-miss question against the built-in base: for (a), answered with its claim,
    with another, suggested (its claim first) or not; for (b), answered, suggested or not.
    With ``small_letters``, the questions of the languages written with case (English,
    Russian) typed all in small letters, as many people type in a chat: no capital shows a
    name."""
    rows = read_near_misses(path)
    if small_letters:
        rows = [
            replace(row, text=row.text.lower())
            for row in rows
            if any(c.isupper() for c in row.text)
        ]
    tallies: dict[str, Counter[str]] = defaultdict(Counter)
    wrong: list[tuple[str, str, str, str]] = []
    with builtin_matcher(settings, semantic) as matcher:
        for row in rows:
            result = matcher.match(row.text)
            top = result.matches[0].claim_id if result.matches else ""
            key = f"{row.group} {row.lang}"
            tallies[key]["questions"] += 1
            if row.group == "a":
                if result.decision == Decision.ANSWER:
                    outcome = "right" if top == row.claim else "wrong"
                elif result.decision == Decision.SUGGEST:
                    outcome = "suggested right" if top == row.claim else "suggested other"
                else:
                    outcome = "none"
            else:
                outcome = str(result.decision)
            tallies[key][outcome] += 1
            if row.kind == "negated" and result.decision == Decision.ANSWER:
                # Answered with its claim's verdict: does the reply say that the verdict is
                # about the claim as quoted, where the question says its opposite?
                tallies[key]["negated answered"] += 1
                tallies[key]["negated noted"] += result.matches[0].negation_mismatch
            if outcome in ("wrong", "answer") or (row.group == "a" and outcome != "right"):
                wrong.append((row.group, row.lang, row.text, f"{outcome} {top}".strip()))
    return {"tallies": {k: dict(v) for k, v in sorted(tallies.items())}, "misses": wrong}


def semantic_factory(cache: str | None) -> IndexFactory:
    """Semantic indexes through the vector cache of ``benchmarks.embed_quality``: a
    collection's claims and questions from its cache, the built-in base's claims and the
    near-miss questions embedded by the model."""
    from benchmarks import vectors
    from knowledge.matching import embeddings

    folder = Path(cache) if cache else vectors.DEFAULT_CACHE
    model = vectors.load_model()
    recipe = embeddings.DEFAULT_RECIPE
    caches: dict[Path, tuple[Any, Any]] = {}

    def build(base: ClaimBase, data: Path | None) -> SemanticIndex:
        if data is None:
            index = embeddings.VectorIndex(base, model, recipe=recipe)
            index.sync()
            return index
        if data not in caches:
            key = vectors.cache_key(data, model)
            caches[data] = (
                vectors.CachedEmbedder(model, folder / f"{key}-{recipe}"),
                vectors.CachedEmbedder(model, folder / f"{key}-queries"),
            )
        passages, questions = caches[data]
        index = embeddings.VectorIndex(
            base, vectors.QueryThrough(questions, passages), recipe=recipe
        )
        index.sync()
        return index

    return build


def report(results: dict[str, Any], split: str) -> str:
    lines: list[str] = []
    if "out_of_base" in results:
        r = results["out_of_base"]
        lines += [
            "### Out of base (built-in base, every train and dev query not about Myanmar)",
            "| queries | answers | suggestions | suggest rate |",
            "|---|---|---|---|",
            f"| {r['queries']} | {r['answers']} | {r['suggestions']} | {r['suggest_rate']:.3f} |",
            "",
        ]
        for text, claim, name in r["answered"][:10]:
            lines.append(f"- answered ({name}): {text[:100]!r} → {claim}")
        if r["answered"]:
            lines.append("")
    if "written" in results:
        lines += [
            "### Written out of base (built-in base; messages in other languages about "
            "other things)",
            "| language | messages | answers | suggestions |",
            "|---|---|---|---|",
        ]
        for lang, t in results["written"]["tallies"].items():
            lines.append(
                f"| {lang} | {t['messages']} | {t.get('answer', 0)} | {t.get('suggest', 0)} |"
            )
        lines.append("")
        for lang, decision, claim, text in results["written"]["offered"]:
            lines.append(f"- {decision} ({lang}): {text[:80]!r} → {claim}")
        if results["written"]["offered"]:
            lines.append("")
    if "small_bases" in results:
        lines += [
            f"### Small bases ({split})",
            "| collection | claims | queries | answers | precision | precision, answers read "
            "| coverage | suggest rate | suggest rate out of base | wrong verdicts |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        unread: list[str] = []
        for name, sizes in results["small_bases"].items():
            for size, r in sizes.items():
                lines.append(
                    f"| {name} | {size} | {r['queries']} | {r['answers']} | {r['precision']:.3f} "
                    f"| {r['precision_read']:.3f} | {r['coverage']:.3f} | {r['suggest_rate']:.3f} "
                    f"| {r['suggest_rate_out']:.3f} | {r['wrong_verdicts']} |"
                )
                unread += [f"- {name} {split} {qid} → {claim}" for qid, claim in r["unread"]]
        lines.append("")
        if unread:  # each to be read, and added to ANSWERS_READ
            lines += ["Wrong answers nobody has read (counted wrong):", *sorted(set(unread)), ""]
    for key, title in (
        ("near_misses", "Near misses (built-in base)"),
        ("small_letters", "Near misses typed in small letters (English, Russian)"),
    ):
        if key not in results:
            continue
        r = results[key]
        lines += [
            f"### {title}",
            "| group | language | questions | answered right | answered wrong | answered "
            "| suggested (right first) | none | negated, answered (with the note) |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for key, t in r["tallies"].items():
            group, lang = key.split()
            offered = (
                t.get("suggested right", 0) + t.get("suggested other", 0) + t.get("suggest", 0)
            )
            lines.append(
                f"| {group} | {lang} | {t['questions']} | {t.get('right', 0)} "
                f"| {t.get('wrong', 0)} | {t.get('answer', 0)} "
                f"| {offered} ({t.get('suggested right', 0)}) | {t.get('none', 0)} "
                f"| {t.get('negated answered', 0)} ({t.get('negated noted', 0)}) |"
            )
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="benchmark folder (default: ../shared/bench)")
    parser.add_argument("--split", default="dev", help="query split of the small bases")
    parser.add_argument("--semantic", action="store_true", help="with the optional embeddings")
    parser.add_argument("--cache", help="vector cache folder (benchmarks.embed_quality's)")
    parser.add_argument(
        "--protocols",
        default="out-of-base,written,small-bases,near-misses,small-letters",
        help="comma-separated: out-of-base, written (out of base, written in other "
        "languages), small-bases, near-misses, small-letters (the near misses typed in small "
        "letters)",
    )
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--misses", action="store_true", help="list every near miss")
    parser.add_argument(
        "--near-misses",
        type=Path,
        default=NEAR_MISSES,
        help="a near-miss set of your own, in the columns of benchmarks/data/near_misses.tsv",
    )
    parser.add_argument(
        "--written",
        type=Path,
        default=WRITTEN_OUT_OF_BASE,
        help="messages about other things (columns lang, text), for the written protocol",
    )
    args = parser.parse_args(argv)
    protocols = set(args.protocols.split(","))
    settings = MatchSettings()
    semantic = semantic_factory(args.cache) if args.semantic else None
    results: dict[str, Any] = {}
    if "near-misses" in protocols:
        results["near_misses"] = near_misses(settings, semantic, args.near_misses)
    if "small-letters" in protocols:
        results["small_letters"] = near_misses(
            settings, semantic, args.near_misses, small_letters=True
        )
    if "written" in protocols:
        results["written"] = written_out_of_base(settings, semantic, args.written)
    local = {"near-misses", "small-letters", "written"}
    folder = bench_dir(args.data) if protocols - local else None
    if folder is not None and "out-of-base" in protocols:
        results["out_of_base"] = out_of_base(folder, settings, semantic)
    if folder is not None and "small-bases" in protocols:
        results["small_bases"] = {
            name: small_bases(folder / name, args.split, settings, semantic) for name in SPLITS
        }
    print(f"matcher: {'words and embeddings' if semantic else 'words only'}")
    print(report(results, args.split))
    if args.misses and "near_misses" in results:
        for group, lang, text, outcome in results["near_misses"]["misses"]:
            print(f"  {group} {lang} {outcome:40} {text}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
