"""Written Cantonese read as Mandarin: its grammar words, a closed class, put as Mandarin's.

Hong Kong and Macau chat writes Cantonese as it is spoken: "敏昂萊話啲示威者係收咗錢先出嚟搞襲擊,
係唔係真㗎?" (Min Aung Hlaing says the demonstrators took money before they came out to attack:
is it true?). Its content words are the written language's ("示威者", "收錢", "襲擊"), but its
words of grammar are its own: "係" (is), "唔" (not), "咗" (done), "佢哋" (they), "嘅" (of),
"喺" (at), "嗰" (that), "冇" (have not), "乜嘢" (what), and the particles that end a sentence
("㗎", "喎"). jieba's dictionary is Mandarin's: it joins them to the words beside them ("係收"),
and the claims' texts hold none of them. Each is put as the Mandarin word it is
("係唔係" → "是不是", "收咗錢" → "收了錢"), before the text is simplified
(:func:`knowledge.matching.text.normalise`), so that a Cantonese question is read as its
Mandarin would be. Only words no Mandarin text writes so, or written so only in words kept
apart: "係" is "是" but in "關係" (relation), "話" (to say) is "說" but in "電話" (telephone)
and its kind.
"""

from __future__ import annotations

import re

# The grammar words, longest first where one holds another ("係唔係" before "唔係", "係").
_WORDS = (
    ("係唔係", "是不是"),
    ("係咪", "是不是"),
    ("唔係", "不是"),
    ("淨係", "只是"),
    ("佢哋", "他們"),
    ("我哋", "我們"),
    ("你哋", "你們"),
    ("乜嘢", "什麼"),
    ("咩嘢", "什麼"),
    ("點解", "為什麼"),
    ("仲有", "還有"),
    ("仲要", "還要"),
    ("而家", "現在"),
    ("喺度", "在這裡"),
    ("冇", "沒有"),
    ("咗", "了"),
    ("嘅", "的"),
    ("喺", "在"),
    ("嗰", "那"),
    ("佢", "他"),
    ("唔", "不"),
    ("啲", "那些"),
    ("嚟", "來"),
    ("咁", "這麼"),
    ("嘢", "東西"),
)
# Particles that end a sentence and say only how it is said
_PARTICLES = re.compile("[㗎喎囉嘞啩]")
# "係" (is), but in words of relation ("關係", "聯係", "干係", "維係")
_IS = re.compile("(?<![關联聯干維])係")
# "話" (says), but in the written language's words of speech ("電話", telephone; "說話", to
# speak; "話題", a topic; "對話", a dialogue; "實話", the truth; "這話", this remark…)
_SAYS = re.compile(
    "(?<![電說講對笑談童神白會閒廢情普粵國實真假謊壞好氣大句這那通發答問回傳插的])話(?![題語筒劇費說])"
)
# "咩" asking, at the end of a sentence ("真的咩?", really?)
_ASKS = re.compile(r"咩(?=[?？,，。!！\s]|$)")
# The characters of the class: a text holding none is no Cantonese (and read as it is).
_MARKS = re.compile("[係佢咗嘅喺嗰唔啲嚟冇乜嘢咁淨仲點而話咩㗎喎囉嘞啩]")


def as_mandarin(text: str) -> str:
    """``text`` with written Cantonese's grammar words put as Mandarin's (traditional
    characters, as Cantonese is written: simplify after)."""
    if not _MARKS.search(text):
        return text
    for cantonese, mandarin in _WORDS:
        text = text.replace(cantonese, mandarin)
    text = _ASKS.sub("嗎", text)
    text = _SAYS.sub("說", text)
    text = _IS.sub("是", text)
    return _PARTICLES.sub("", text)
