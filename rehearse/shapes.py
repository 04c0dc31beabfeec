"""Layer shapes that need no rubric: what code, a worked example, a trade-off and a definition
look like, whatever the topic.

An answer is cut into units (``segment``): sentences of prose, and lines of code (what a ```
fence holds is code; a "## title" or a short line with no full stop is a heading). A shape is
looked for only in units about the topic (the unit, or one within NEIGHBOURS units of it, names
one of the rubric's ``topic`` terms; a block of code counts as one unit, a heading as none) and
only when the answer names the topic at least twice (a mishearing from ``[terms]`` counts half;
a rubric idea heard names it where the idea starts; named once, only code or the term defined
in that sentence, a plain cost in it or the next, and an example told in the sentences around
it count): without that gate, "for example", "but" or "slower" in an
answer about something else would cover layers of every topic. A section under a heading
that names the topic is about it. Code needs no nearby mention in an answer that names the
topic three times: a snippet far down ("here is one I wrote: ...") shows that topic's code.

* code: written code (a call with arguments, ``def f(``, ``lambda x:``, ``[... for ... in ...]``,
  ``import``, an assignment, a REPL or shell prompt, ``python -m ...``) or code said aloud
  ("lambda x colon", "open paren" and "open parent", "int of text", "pip freeze", "at log calls
  above def add").
* example: a marker ("for example", "say you", "we used", "in my last project", "I"/"we" and a
  past tense: "we switched the importer") in the unit or
  the one before, with a real-world noun (request, file, database, user, log...); a real
  product named as an instance ("libraries like Tenacity", "such as Django"); or, with no
  marker, three different real-world nouns in units about the topic, or records written out in
  its code (two dicts with named fields: ``{"title": ..., "due": ...}``). An answer that names
  its topic three times or more may open with the story that leads to it ("picture a website
  ...").
  A condition ("if you have an application") is not a scenario.
* trade_off: a cost or limit (downside, overhead, slower, harder to debug, avoid, only once), a
  good quality denied ("not very efficient"), a comparison with an evaluative word
  ("instead ... readable", "than ... memory"; "... instead. It's faster") or a hedge ("but",
  "however") with one, an advantage over an alternative, or two measurements of one kind
  ("8 MB" and "200 bytes"), or advice against it with a reason ("never catch them all,
  because it can ..."). Not the trouble the topic is then said to solve ("... Virtual
  environments solve this problem"), nor a cost spared ("would otherwise take ...").
* concept: a topic term that the question names being defined: "a generator is a ...", "the
  GIL lets ..." (not a neighbour: "a thread is ..." answers no question about the GIL).

The word lists live in ``rehearse.thesaurus``.
"""

from __future__ import annotations

import bisect
import builtins
import copy
import functools
import re
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from . import thesaurus
from .rubric import SHAPES
from .text import EXCESS, NEGATIONS, Token, is_content, tokenize

MIN_TOPIC_MENTIONS = 1.5  # how surely an answer must name the topic before any shape counts
NEIGHBOURS = 5  # a shape counts this many sentences away from one that names the topic
DICTATED_WORDS = 6  # at most this long, a sentence may be one line of code dictated
STORY_MENTIONS = 3  # an answer this sure of its topic may open with the scenario that motivates it
MAX_UNIT_WORDS = 40  # an unpunctuated stretch of speech is cut into units of this many words


@dataclass(frozen=True, slots=True)
class Unit:
    """A sentence of prose or a line of code: ``text[start:end]``."""

    start: int
    end: int
    code: bool  # holds code (a line of code, or a sentence with code in it or said aloud)
    prose: bool = True  # holds prose (False for a line of code)
    heading: bool = False  # a title line ("2.4.3 Cons"): no sentence of its own for the gate
    runs_on: bool = False  # cut only by MAX_UNIT_WORDS: the sentence goes on in the next unit
    # code read out piece by piece, a comma between pieces ("Def decorator, funct, DEF wrapper,
    # print before calling the function, return wrapper"): a claim in words stays in one piece
    dictated: bool = False


# --- segmentation -------------------------------------------------------------------------------

# What follows "pip install" in a sentence that only names the command: "if you pip install
# while you're there", "pip install it globally".
_NOT_A_PACKAGE = (r"(?!(it|them|while|and|or|the|a|an|into|in|to|things|stuff|packages|something"
                  r"|everything|anything|nothing|that|this|there|when|if|so|but|on|with|from|for|any|all"
                  r"|your|whatever|libraries|dependencies|modules"
                  r"|locally|globally)\b)")

# as a recogniser writes them: "paren", "parent", "OpenPeringue", "close-per-end", "bracket"
_BRACKET = (r"(par[ae]n\w*|parent\w*|pe?r[ie]n\w*|per\s*end\w*|brack\w*|brace\w*|curly\w*"
            r"|square\s+br\w*)")

# (a decorator named at the start of a sentence is no line of code: "@my_decorator syntax is
# used to apply it")
_NAMED_IN_PROSE = r"(?!\s+[a-z]+\s+[a-z]+\s+[a-z]+\b)"
# (nor is a person addressed in a thread: "@mumrah: thank you", "@tfmorris + @hornc?")
_A_MENTION_ENDS = r"\s*[:?+]"
_NOT_A_MENTION = rf"(?!{_A_MENTION_ENDS})"
_NOT_KEYWORD = r"(?!(?:for|in|if|else|not|and|or|is|lambda|await|yield|from|as)\b)"
# what cannot follow "def," in a def read aloud: "def, class, and import are statements"
_KEYWORD_OR_AND = (r"(class|lambda|return|yield|import|async|await|and|or|in|if|for|with|try"
                   r"|while|def)\b")
# What follows "at" when it is English, not a decorator's name: "at the top", "at least", "at
# runtime", "put at risk", "add at index", "at once", "the at sign above it".
NOT_AT_A_NAME = (r"(?!(the|a|an|this|that|these|those|each|every|my|your|our|its|it|least|most"
                  r"|all|once|some|any|home|work|run|runtime|compile|import|scale|first|last"
                  r"|times|risk|will|random|hand|length|best|worst|one|two|three|sign|symbol"
                  r"|signs|symbols)\b)")
# what follows "dot" when the speaker went on in English: "at Stripe dot, uh, well, he ..."
NOT_AFTER_DOT = r"(?!(well|so|and|but|or|then|now|yeah|okay|ok|anyway|i|he|she|we|they)\b)"
_NUMBER = r"zero|one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand"  # said
_SYMBOL_NAME = r"paren\w*|bracket\w*|brace\w*|comma|colon"
_TLD = r"com|org|net|edu|gov|dev|io|co|uk|me|so|ai|de|fr"  # where a web address ends
# what follows "def" when it is talk about one, not one read out
_NOT_A_DEF_NAME = (r"(the|a|an|of|and|to|is|was|in|by|then|line|lines|plus|signature|header"
                   r"|contains?|has|have|uses?|needs?|with|without|that|which|statements?"
                   r"|keywords?|functions?|blocks?|body)\b")
_BUILTIN_NAMES = "|".join(n for n in dir(builtins) if n.islower() and not n.startswith("_"))
_CODE_LINE_PATTERNS = (
    r"^\s*(>>>|\.\.\.\s|\$ |In \[\d+\]:|Out\[\d+\]:)",
    # an item indexed, an expression compared, written inside a sentence: "we go t[0]", "if x % 2
    # == 1" (not a footnote "[1]", nor "Python 3 == great")
    r"(?<![\w.])[a-z_]\w*\[-?\d+\]", r"\b[a-z_]\w*\s*[%*+/-]\s*\d+\s*==\s*\d+",
    r"\bdef\s+\w+\s*\(",
    r"\bclass\s+[A-Za-z_]\w*(\([^)\n]*\))?\s*:",
    # (on one line, not a note's label: "lambda expressions:")
    # (its parameters are names, starred or with a default, between commas: not words that run
    # on to the colon, "assigning a lambda to a variable: 1.", nor a note's label, "lambda:
    # Python provides ...")
    r"\blambda\b(?![ \t]+(?:functions?|expressions?)[ \t]*:)"
    r"(?:[ \t]+\*{0,2}[A-Za-z_]\w*(?:[ \t]*=[ \t]*[\w.'\"-]+)?"
    r"(?:[ \t]*,[ \t]*\*{0,2}[A-Za-z_]\w*(?:[ \t]*=[ \t]*[\w.'\"-]+)?)*)?[ \t]*:"
    r"(?![ \t]+[A-Z][a-z]+[ \t]+[a-z]+[ \t]+[a-z]+)",
    r"^\s*@[A-Za-z_][\w.]*+" + _NOT_A_MENTION + _NAMED_IN_PROSE,
    # (a loop's header opens its line: not "Common uses for decorators in Python include:")
    r"^\s*for\s+\w+(\s*,\s*\w+)*\s+in\s+[^\n:]+:\s*$",
    # ... or holds its body on the same line: "for shape in shapes: print(shape.area())"
    r"^\s*for\s+\w+(\s*,\s*\w+)*\s+in\s+[\w.()]+:\s*[\w.]+(\(|\s*[+-]?=)",
    # (a call or an index inside it too: "[line.strip() for line in lines]"; not a remark in
    # brackets: "(for example in web apps)")
    r"[\[({](?:[^\[\](){}\n]|\([^()\n]*\)|\[[^\[\]\n]*\])*?\bfor\s+(?!example\b|instance\b)\w+"
    r"(?:[^\[\](){}\n]|\([^()\n]*\)|\[[^\[\]\n]*\])*?\bin\b"
    r"(?:[^\[\](){}\n]|\([^()\n]*\)|\[[^\[\]\n]*\])*[\])}]",
    r"^\s*(import\s+[\w.]+|from\s+[\w.]+\s+import\s)",
    r"^\s*[A-Za-z_][\w.\[\]'\"]*(\[[^\]\n]*\])?\s*(=|\+=|-=)\s*[^=\s]",  # (visits[(p, d)] += 1)
    # a call, not a word glued to a remark in brackets: "resizing(changing the number of ...)"
    # (nor an acronym spelled out: "GIL(Global Interpreter Lock)", nor big-O: "in O(1) time")
    r"(?<![\w.])(?![A-Z]{2,}\((?:[A-Z][a-z']*[\s-]+)+[A-Z][a-z']*\))(?!O\()"
    # (nor a plural put in brackets: "whichever version(s) you have"; but "len(s)" is a call;
    # nor an acronym put after its word: "each process has a key resource(GIL)", "the Global
    # Interpreter Lock(GIL)")
    r"(?!(?!(?:" + _BUILTIN_NAMES + r")\()[A-Za-z][a-z]+\((?:s|es|ies|[A-Z]{2,5}s?)\))"
    # (nor words side by side, which no call has: "LBYL style(Look Before You Leap)")
    r"[A-Za-z_][\w.]*\((?![^()'\"\n]*(?:\b[a-z]+\s+){4}[a-z])(?![^()'\"\n]*\b" + _NOT_KEYWORD
    + r"[A-Za-z]+[ \t]+" + _NOT_KEYWORD + r"[A-Za-z]+\b)[^()\n]*[^()\s][^()\n]*\)",
    # super().__init__(, "yield line.strip()" (a call only named in prose, "a call to
    # requests.get()", is no code: it names a function, as "select()" would)
    r"\b[A-Za-z_]\w*\(\)\.[A-Za-z_]\w*\(|\b(?:yield|return|raise|await)\s+[\w.]+\.\w+\(\)",
    r"^\s*(return|yield|raise)(\s+\w+)?\s*$|^\s*(return|yield|raise)\b.*([()\[\]=+*/%]|\.\w)",
    # (not a note's label: "except: catches the error raised in the try block", "except block:
    # If an exception occurs ...")
    r"^\s*(try\s*|finally\s*|else\s*|except\b[^\n]*):(?!\s*[A-Za-z][a-z]*\s+(?:[a-z]+\s+){2}[a-z])"
    r"|^\s*(with|if|elif|while)\s[^\n]+:\s*$",
    r"\w\(\s*\*{1,2}\w+",  # (a starred name put in brackets is only named: "one star (*arg)")
    r",\s*\*{1,2}\w+\s*[,)]",
    # (not words quoted in a sentence: '("Precancerous", "NMSC", and "Melanoma")')
    r"\[\s*['\"\d-][^\]\n]*,[^\]\n]*\]|\(\s*['\"\d-](?![^)\n]*['\"],?\s+(?:and|or)\s+['\"])[^)\n]*,"
    r"[^)\n]*\)",  # [1, 2], (1, 'a')
    r"\{\s*['\"\w]+\s*:\s*[^}\n]+\}",
    r"\b(python(?:3(?:\.\d+)?)?|py)\s*-m\s+\w+"
    r"|\bpip\s?3?\s+(freeze\b|install\s+" + _NOT_A_PACKAGE + r"[\w.=-])"
    r"|\bsource\s+\S*activate\b"
    # (not a verb of a sentence: "tools like Poetry or pipenv create and manage one for you")
    r"|[/\\](bin|[Ss]cripts)[/\\]activate\b"
    r"|\b(conda|poetry|pipenv)\s+(create|install|add|shell|run)\b(?!\s+(and|or)\b)",
    r"^\s*(Traceback \(most recent|\w+Error:)",
    r"(?<![\w.-])[A-Za-z][\w.-]*(==|>=|<=|~=)\d",  # a pinned requirement: django==4.2
    r"\bDef[A-Z][a-z]",  # a recogniser's "DefGen", "def gen()" said in one breath
)

# Code said aloud (as a recogniser writes it; hyphens count as spaces).
_SPOKEN_STRONG_PATTERNS = (
    # "open paren ... close paren", and how a recogniser writes it: "open parent", "OpenPeringue",
    # "close-per-end"; with more code around it (not "you hit open parenthesis in the IDE")
    r"\b(open|left|opening)\s*" + _BRACKET + r".{0,60}?\b(close|closed|right|closing|comma|colon"
    r"|star|equals)\b",
    r"\b(open|left|opening|comma|star|colon|def|print|return|equals)\b.{0,60}?"
    r"\b(close|closed|right|closing)\s*" + _BRACKET,
    # a subscript said: "my dict, square bracket, the key, close square bracket"
    r"\b\w+,?\s+(square\s+)?bracket\b.{0,60}?\bclose\s*(square\s+)?" + _BRACKET,
    # an import said: "from functools import wraps" (not "from the shop, import ...")
    r"\bfrom\s+(?!(the|a|an|this|that|my|your|our|their|its)\b)[a-z_][\w.]*\s+import\s+\w+",
    r"\blambda[\s,]+\w+([\s,]+(comma[\s,]+)?\w+)*?[\s,]+colon\b",
    r"\bequals\s+lambda\b",
    # the syntax read out: "lambda arguments colon expression", its colon lost: "lambda
    # parameters, expression"
    # (its "(s)" read out too: "lambda argument s colon expression")
    r"\blambda\s+(lambda\s+)?(parameters?|arguments?|args|params?)(\s+s)?[\s,:]+(colon\s+)?"
    r"(expression|expr)\b",
    # "if name equals equals main", "if dunder name double equals dunder main"
    r"\bif\s+(dunder\s+)?name\s+(equals\s+equals|double\s+equals|is\s+equal\s+to)\s+"
    r"(dunder\s+)?main\b",
    r"\bdef\s+\w+\s+(open|paren|taking|takes|that takes|of|with|colon)\b",
    r"\breturns?\s+\w+\s+(times|plus|minus|divided by|star|squared)\s+\w+",
    r"\b\w+\s+colon\s+\w+\s+(times|plus|minus|squared)\b",
    r"\byield\s+\w+\s+(times|plus|minus|squared)\b",
    # ("python3m venv"; "python dash MVNV", as a recogniser writes "-m venv" run together)
    r"\bpython\s+(dash|minus)\s+m(\b|venv\b|pip\b|vn?v\b)|\bpython\s*3?\s*m\s+(venv|pip)\b",
    r"\buv\s+(venv|pip\s+install|add|sync)\b",  # the uv tool's commands: "uv venv", "uv add"
    r"\bpython,?\s+(3|three),?\s+m,?\s+(venv|vend|vent)\b",  # "python, 3, m, vend"
    r"\bpip([ex]|\s?3)?\s+(freeze\b|(install|uninstall|upgrade)\s+" + _NOT_A_PACKAGE + r"[\w-])",
    # "print of star args" (not "think of star args", "a kind of star args")
    r"\b(?!(think|thinking|kind|sort|type|types|lot|lots|use|instead|because|out|one|all|some"
    r"|any|each|both|none|most|part|full|number|top|made|idea|concept|notion)\b)\w+\s+of\s+"
    r"(star|star\s+star|double\s+star)\s+\w+",
    r"\b(bash|dollar)\s+(percent|sign|prompt)\b|\bslash\s+bin\s+slash\b",
    # a decorator said aloud: "at log calls above def add", "at app dot route"
    r"\bat\s+" + NOT_AT_A_NAME + r"\w+(\s+\w+){0,2}\s+(above|on\s+top\s+of|over)\s+"
    r"(the\s+|a\s+|each\s+|every\s+|my\s+)?(def|function|method|view|class|func)",
    # (" .don't": a stray dot a recogniser left before a contraction, not an attribute)
    # (not a web address: "the docs at docs.python.org", "notes at notion dot so")
    r"\bat\s+" + NOT_AT_A_NAME + r"(?!\S*\.(" + _TLD + r")\b)(?!(\w+\s+dot\s+)+(" + _TLD
    + r")\b)\w+\s*(\s+dot\s+|\.)" + NOT_AFTER_DOT + r"[a-z_]\w*(?![\w'])"
    # "you can just write at xfail.", "put at property on the method" (the name ends the clause
    # or sits on something: not "add at index zero", "put at risk the release")
    r"|\b(write|put|add|stick)\s+at\s+" + NOT_AT_A_NAME + r"[a-z_]\w*"
    r"(?=\s*([.,;!?]|$)|\s+(on|above|over)\b)",
    r"\bdash\s+m\s+(v\s*e\s*n\s*v|venv)\b",
    # "except connection error as e", "... as err", "... as value_error" (not "the except
    # statement works as follows", "the except clauses specify", heard "accept clause as specify")
    r"\b(except|accept)\s+\w+(\s+\w+)?\s+as\s+(e|ex|exc|err|error|exception|problem|[a-z]\d?"
    r"|[a-z]+_[a-z_]+|[a-z]*(err|error|exc))\b",
    r"\b(exception|error)\s+as\s+(e|err|exc|ex)\b",  # "except Exception as e", half heard
    r"\b\w+\s+comma\s+\w+\s+(is\s+equal\s+to|equals)\s+\w+",  # "x comma y equals y comma x"
    # "put functools dot wraps on the wrapper"
    r"\b(put|stick|add|apply|use)\s+(an?\s+)?(at\s+)?\w+(\.|\s+dot\s+)\w+\s+on\s+(the|a|your|each"
    r"|every)\s+(wrapper|function|method|view|class)",
    r"\b(minus|dash)\s+(minus|dash)\s+[a-z]\w+",  # "python minus minus version"
    # an unpacking dictated: "we can say star star md", "you type ** config" (not a name for
    # the construct: "you write star star kwargs")
    r"\b(say|says|type|types|write|writes|do)\s+(star\s+star|double\s+star|\*\*)\s*"
    r"(?!(kwargs?|args|kw|kwarks|quarks|the|a|an|and|or|to|for|in|on)\b)[a-z_]\w*",
    r"\b(bin|been|ben|slash|scripts)\s+((back)?slash\s+)?activate\b",  # "venv slash activate"
    # "lambda c goes to c dot" (not "a lambda function returns the value")
    r"\blambda[\s,]+(?!(function|functions|expression|expressions|that|which|just|always)\b)\w+"
    r"[\s,]+(goes\s+to|maps\s+to|returns)\s+\w+",
    r"\bat\s+" + NOT_AT_A_NAME + r"\w+\s+on\s+(a|the|your|that|this|each|every)\s+"
    r"(function|method|def)\b",  # "an at jit on a function"
    # "try except colon", and the idiom said whole: "try except pass" (heard "try accept past")
    r"\b(try|tri)\s+(except|accept)\s+(colon|pass|past)\b",
    # ... and its lines read out, a recogniser's commas for the line breaks: "Try, print hello
    # except, print something went wrong", "try, extract data, except, skip this one" (not "try,
    # if you can, to accept the defaults")
    r"\btry[,.]\s+([\w.]+[,.]?\s+){1,6}?(except|accept)[,.]"
    # ... or its skeleton: "try statements except exception name" (not "try and except", "try
    # slash except", "try block, except block")
    r"|\btry,?\s+(?!(and|or|to|slash|the|a|an|block|blocks|clause|clauses|statement|except"
    r"|accept)\b)"
    r"\w+,?\s+(except|accept)\s+(?!(for|that|when|if|the|a|an|block|blocks|clause|clauses)\b)\w+",
    # the comprehension's syntax read out: "expression for item in iterable", "in" heard "and"
    r"\bexpression\s+for\s+\w+\s+(in|and)\s+\w+",
    # "def __init__(self)" as a recogniser hears it: "deaf in itself", "def in it, self"
    r"\b(def|deaf|deft),?\s+in\s?it,?\s*self\b",
    # "for i in range ten", "for i and range ten", "for Iron Range ten" (not "for a range of",
    # "good for long range forecasts")
    r"\bfor\s+(?!(a|an|the|this|that|each|every|any|some|my|your|our|its|their|whole|full)\b)"
    r"\w+(\s+(in|and)\s+range\b|\s+range\s+(\d|" + _NUMBER + r"))",
    # "lambda x, x times x", "lambda x one divided by cost of x", "lambda x, x not equal to
    # zero" (its parameter said again: the body begins)
    r"\blambda\s+(?!(function|functions|expression|expressions|is|are|was|can|will|has|and|or"
    r"|that|which|just|always)\b)(?P<param>\w+)\s*,?\s+((\w+\s+)?(times|plus|minus|asterisk"
    r"|star|divided|squared|mod)\b|(?P=param)\b)",
    # "except OS error", "except file not found error" (not "except for this error", "the
    # except block handles the error")
    r"\b(except|accept)\s+(?!(for|that|when|if|the|a|an|in|on|this|any)\b)((?!(the|a|an|and|or"
    r"|to|is|will|can|block|blocks|clause|clauses|handler|handles|handle|catches|catch)\b)\w+\s+)"
    r"{0,3}?\w*error\b",
    r"\bwith\s+open\s+(?!source\b)[^.;]{0,40}?(?<!such)\s+as\s+\w+",  # "with open the file as f"
    r"\bself\s+dot\s+\w+",
    # a built-in called aloud: "you call next of gen", "calling sorted of names"
    # (not "they call list of values a column": a name given)
    r"\b(call|calls|calling)\s+(next|iter|len|sorted|enumerate|zip|map|filter|print|open"
    r"|isinstance|super)\s+of\s+(?!(the|a|an|it|them|this|that|these|those)\b)\w+",
    r"\braise\s+(a\s+)?(?!(an|the|this|that|any|some|error)\b)\w+\s?error\b",  # "raise value error"
    # "Def, area, base, height.": a recogniser's commas for pauses (not a list of keywords:
    # "def, class, and import are statements")
    r"\bdef,\s*(?!" + _KEYWORD_OR_AND + r")\w+,\s*(?!" + _KEYWORD_OR_AND + r")\w+",
    r"\b\w+\s+dot\s+(append|get|items|keys|values|join|split|format|read|write|close)\b",
    r"\b\w+\.\w+\s*==?\s*[\w'\"\[(]",  # "they say self.years = age" read from the screen
    # "expressions like list1 = empty brackets", "x = 5" (a name that looks like one: not a
    # note's "multithreading = one thread takes control")
    # (a snake_case one also typed without spaces: "result_rows= [ ]")
    r"(?<![?&/.=])\b([a-z]{1,2}\s=\s|[a-z]+(_\w*|\d+)\s?=\s?)(?!=)[\w'\"\[({-]",
    # keyword arguments as typed: "extra=3, level=9", "name='Matt'" (not "version=2 of the API")
    # (not an attribute of a tag of HTML: <span style='color: blue'>)
    r"(?<![\w?&/.=-])(?!(style|href|src|alt|align)=)[a-z_]\w*=(\w+,\s*[a-z_]\w*=|['\"])",
    r"\b[a-z][ \t]+\*[ \t]+[a-z]\b",  # "the x * x operation"
    r"\b\w+\s+equals\s+(true|false|none|\d+|quote|lambda|open|" + _NUMBER + r")\b",  # "x equals 0"
    r"\b\w+\s+equals\s+\w+,\s*(\d|" + _NUMBER + r")",  # "record equals goog, 100, 490"
    # symbols dictated one after another: "parenthesis, star, comma" (not "star star kwargs"),
    # or around one name: "parentheses, email, comma" (not "brackets and commas")
    r"\b(" + _SYMBOL_NAME + r")[\s,]+((?!(and|or|the|a|an|with|without|of|in|to)\b)\w+[\s,]+)?("
    + _SYMBOL_NAME + r"|star|asterisk)\b",
    # an index said: "t bracket two", "row bracket zero" (not "the bracket one uses")
    r"\b(?!(the|a|an|square|curly|round|open|close|closing|opening)\b)[a-z_]\w*\s+(square\s+)?"
    r"bracket\s+(\d+|minus\s+\w+|" + _NUMBER + r")\b",
    # a comprehension said: "parties x for x in names" (not "translated word for word in the
    # docs"), and "in" heard as "and" after a short loop variable: "x for x and items" (not
    # "point for point and line for line"), or a longer one over its plural: "num for num and
    # numbers" (not "item for item and then", "bit for bit and byte"); the loop variable may
    # open an expression: "x times two for x in nums", "line dot strip for line and lines"
    r"\b(?!word\b)([a-z]\w*)(?:,?\s+\w+){0,3}?\s+for\s+\1\s+in\s+(?!(the|a|an|this|that|my|your"
    r"|our)\b)\w+"
    r"|\b([a-z]{1,2})(?:,?\s+\w+){0,3}?\s+for\s+\3\s+and\s+(?!(the|a|an|this|that|my|your|our)\b)\w+"
    r"|\b([a-z]{3,})(?:,?\s+\w+){0,3}?\s+for\s+\5\s+and\s+\5\w*",
    # a def, then what a body or a signature holds: "Def run self", "def name, args" (not "a def
    # contains yield", "write a def, then yield", "in the def line, args come first")
    r"\bdef[,\s]+(?!" + _NOT_A_DEF_NAME + r")\w+[,\s]+(print|return|yield|self|pass|args)\b",
    # ... and as a recogniser hears it, a comma after the name: "deaf gen, yield one", "death
    # bar, print hello" (not "death by print statements", "fell on deaf ears, return values")
    r"(?<!\bon\s)(?<!\bby\s)(?<!\bto\s)(?<!\bof\s)(?<!\ba\s)(?<!\bthe\s)(?<!\bwas\s)"
    r"\b(deaf|death|deft)[,\s]+(?!" + _NOT_A_DEF_NAME + r")\w+,\s*(print|return|yield|self|pass"
    r"|args)\b",
    # a def with a star parameter, its name said in words: "death my sum asterisk args"
    # (a recogniser's commas for pauses: "death rapper self, asterisk args", "dev, print
    # arguments, asterisk, args"; and kwargs as it mishears it: "quarks", "corks")
    r"\b(def|deaf|death|deft|dev(?=,)),?\s+(\w+,?\s+){1,2}(star|asterisk),?\s+((star|asterisk),?\s+)?"
    r"(args|kwargs|arcs|kw\s?args|quarks|quargs|kwarks|corks|corgs|cords|quartz)\b",
    # a name assigned aloud: "citations equals my paper", "raw tags equals python, java" (not
    # "that equals the sum", "the total equals fun": prose; "name equals something" said of a
    # placeholder)
    r"(?<!\bthat\s)(?<!\bwhich\s)(?<!\bwhat\s)(?<!\bit\s)(?<!\bthis\s)(?<!\bthe\s)"
    r"(?<!\ba\s)(?<!\ban\s)"
    # (a recogniser's comma for a pause after it: "attempts equals, three")
    r"\b(?!(it|this|that|which|what|one|two|three|not|equals)\b)[a-z_]\w*\s+equals,?\s+"
    r"(?!(the|a|an|to|one|two|something|this|that|it|whatever|equals|you|another)\b)\w+",
    # a def read out as a recogniser writes it: "def __init__(self" heard as "definite self",
    # "def read_file" glued into "Defread", "def log" into "DEFLOG" (not a word of English that
    # opens with "def": "default", "defined", "defer", "defensive", "deft", "defy" ...)
    r"\bdefinite,?\s+self\b|\bdef(?!ault|in|er|en|eat|ect|ic|lat|lect|orm|raud|rost|unct|use|ac"
    r"|y\b|ied|ies|iant|t\b|s\b|tly\b|tness\b)[a-z]{2,}\b",
    # a lecturer reading the board: "L1 is equal to bacon, eggs", "if I do L1.append juice",
    # "d.speak" (a short name as code names one; not "e.g.", "i.e.", "x.com")
    r"\b([a-z]|[a-z]{1,2}\d)\s+is\s+equal\s+to\s+(?!(the|a|an|that|this|it)\b)\w+",
    r"(?<![\w.])([a-z]|[a-z]{1,2}\d)\.(?!(" + _TLD + r"|py|txt)\b)[a-z_]{3,}\b",
)
_SPOKEN_WEAK_PATTERNS = (
    r"\b\w+\s+equals\s+\w+", r"\bcolon\b", r"\bat\s+sign\b",
    r"\bfor\s+(each\s+|every\s+)?\w+\s+in\s+\w+",
    # (not English's "the return value", "print the report", nor the verb of a sentence:
    # "methods that return list of results", "it has to yield control")
    r"(?<!\bthat\s)(?<!\bwhich\s)(?<!\bto\s)(?<!\bwill\s)(?<!\bcan\s)(?<!\bwould\s)"
    r"(?<!\bshould\s)(?<!\bmust\s)(?<!\bthey\s)(?<!\bit\s)"
    r"\b(return|yield)\s+(?!(value|values|type|types|statement|statements|keyword)\b)\w+",
    r"\bdef\s+(?!(keyword|keywords|statement|statements)\b)\w+",  # (not "the def keyword")
    r"\bimport\s+\w+",
    r"\bdot\s+\w+", r"\b(star\s+star|double\s+star|double\s+asterisk|star|asterisk)\s+\w+",
    # "print of x", "len of items" (not "a set of data": that is English)
    r"\b(print|int|str|len|open|range|sorted|max|min|sum|list|dict|tuple|next|iter|map"
    r"|filter|zip|enumerate|isinstance|float|super)\s+of\s+\w+",
    r"\bclass\s+(?!(would|will|is|are|was|has|have|can|could|should|that|which|of|to|and|or"
    r"|in|for|with|the|a|an|it|too|into|object|objects|attribute|attributes|method|methods"
    r"|variable|variables|parenthes\w*|definition|definitions|name|names|body|level|hierarchy"
    r"|instance|instances|itself|inherits|declaration|statement|keyword|header|headers)\b)\w+",
    # "class Foo" (not "a full class would be", "the child class parentheses")
    r"(\bcolon|[:,])\s*pass\b\s*([.,;]|$)",
    # "tup at index minus one" (not "the first element is at index zero")
    r"\b(?!(element|elements|item|items|value|values|one|is|are|be|it|stored|found|start|starts"
    r"|begin|begins)\b)\w+\s+at\s+index\s+(-\s*|minus\s+|negative\s+)?(\d+|" + _NUMBER + r")\b",
    r"\bdunder\s+\w+",
    r"\bprint\s+(?!(the|a|an|out|it|them|this|that|some|something|statement|statements"
    r"|function|functions)\b)\w+",
    # punctuation named is one sign, however many are named ("the lists with parens ... that
    # orphaned comma" talks about syntax)
    r"\b(paren|parens|parenthesis|parentheses|bracket|brackets|brace|braces|comma)\b",
    r"\b\w+\s+(times|plus|minus|divided\s+by|mod)\s+(\d+|" + _NUMBER + r")\b",  # "n times 2"
    # "x asterisk x" read out (not "asterisk asterisk kwargs": that only names it, nor "the single
    # asterisk form", nor a word of the sentence before it: "you could have written asterisk var")
    r"\b(?!(asterisk|and|or|the|a|an|single|double|one|two|triple|written|write|writes|use|uses"
    r"|using|used|with|of|is|are|was|then|put|add|called|named|type|typed|say|said|to|by|for|in"
    r"|as|also|just|its)\b)\w+\s+asterisk\s+"
    r"(?!(asterisk|args|kwargs|arcs)\b)\w+",
)

# What each spoken pattern cannot match without (a pattern that opens with \b or \w is tried
# at every character; a substring test is not): "a b; c" is (a or b) and c.
_STRONG_GATES = (
    "open left", "clos right", "bracket; close", "import", "lambda; colon", "lambda; equals", "lambda; expr",
    "if; name; main",
    "def", "return", "colon",
    "yield", "python", "uv", "python; venv vend vent", "pip", "star; of", "bash dollar slash",
    "at; above top over", "at",
    "dash", "except accept; as", "as", "comma", "on", "minus dash", "say type write do; star *",
    "activate", "lambda",
    "at; on", "except accept", "try; except accept", "expression; for; in and",
    "def deaf deft; self", "range", "lambda", "except accept; error", "with; open", "self",
    "call; of", "raise", "def",
    "dot", "=", "=", "=", "*", "equals", "equals", "paren bracket brace comma colon", "bracket",
    "for; in and",
    "def; print return yield self pass args", "deaf death deft; print return yield self pass args",
    "def deaf death deft dev; star asterisk",
    "equals", "def", "equal", ".",
)
_WEAK_GATES = (
    "equals", "colon", "at; sign", "for; in", "return yield", "def", "import", "dot",
    "star asterisk", "of", "class", "pass", "index", "dunder", "print",
    "paren bracket brace comma",
    "times plus minus divided mod", "asterisk",
)
# ... and what a line of code cannot be without.
_LINE_GATE = (*"()[]{}=@$:>*", "...", "import", "return", "yield", "raise", "-m", "pip",
              "activate", "conda", "poetry", "pipenv", "Traceback", "Def")

Gated = tuple[tuple[frozenset[str], ...], str]


def _gated(gates: Sequence[str], patterns: Sequence[str]) -> tuple[Gated, ...]:
    return tuple((tuple(frozenset(group.split()) for group in gate.split(";")), pattern)
                 for gate, pattern in zip(gates, patterns, strict=True))


@dataclass(frozen=True)
class _CodePatterns:
    strong: tuple[Gated, ...]
    weak: tuple[Gated, ...]
    gate_words: tuple[str, ...]  # every word of every gate

    def present(self, text: str) -> frozenset[str]:
        return frozenset(word for word in self.gate_words if word in text)

    def first_strong(self, present: frozenset[str], *texts: str) -> re.Match[str] | None:
        """The first strong sign of spoken code found in any of ``texts`` (forms of one sentence
        whose gate words are ``present``), or None."""
        for pattern in self.opened(self.strong, present):
            for text in texts:
                if (found := pattern.search(text)) is not None:
                    return found
        return None

    @staticmethod
    def opened(gated: tuple[Gated, ...], present: frozenset[str]) -> Iterator[re.Pattern[str]]:
        """The patterns of ``gated`` whose gates are open, in order: each group of a gate has a
        word in ``present`` (the gate words in the text). A pattern is compiled the first time
        its gate opens: most answers open a quarter of them, and compiling them all would cost
        a one-off command (``rehearse gil --transcript F``) a tenth of its time."""
        for gate, pattern in gated:
            for group in gate:
                if present.isdisjoint(group):
                    break
            else:
                yield _regex(pattern)


@functools.cache
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


@functools.cache
def _code() -> _CodePatterns:
    """The code patterns and their gates (commands that score nothing never pay)."""
    strong = _gated(_STRONG_GATES, _SPOKEN_STRONG_PATTERNS)
    weak = _gated(_WEAK_GATES, _SPOKEN_WEAK_PATTERNS)
    words = sorted({word for gate, _ in (*strong, *weak) for group in gate for word in group})
    return _CodePatterns(strong, weak, tuple(words))


@functools.cache
def _line_patterns() -> re.Pattern[str]:
    """What a line of code looks like, compiled the first time a line passes _LINE_GATE."""
    return re.compile("|".join(f"(?:{p})" for p in _CODE_LINE_PATTERNS), re.M)


_SPOKEN_URL = re.compile(r"\bhttps?\s*,?\s+colon\s+slash\s+slash\b.*")
_AT_SIGN = re.compile(r"(?<![\w.`/:])@(?=[a-z_])(?![\w.]+" + _A_MENTION_ENDS + ")")


def _line_of_code(text: str) -> bool:
    return any(mark in text for mark in _LINE_GATE) and bool(_line_patterns().search(text))


def _code_span(text: str) -> tuple[int, int] | None:
    """Where in a sentence its code is: the first written code, or else the first strong sign
    of code said aloud ("... you'd use multiprocessing, from multiprocessing import Pool"), so
    the evidence quotes the code, not the words before it. None when neither is found."""
    if any(mark in text for mark in _LINE_GATE):
        written = _line_patterns().search(text)
        if written is not None and written.end() > written.start():
            return written.span()
    quoted = _quoted_code(text)
    if quoted is not None:
        return quoted
    said = text.lower().replace("-", " ")  # (the same length: spans stay the text's)
    code = _code()
    found = code.first_strong(code.present(said), said)
    return None if found is None else found.span()


def in_code(text: str, unit: Unit, at: int) -> bool:
    """Whether the character at ``at`` of ``text``, in ``unit``, is in code: a line of code,
    or the code in a sentence ("we sort them with key=lambda row: row[1]"; not its other words,
    nor a comment: "return n + 10  # as complicated as you want")."""
    if not unit.code:
        return False
    said = text[unit.start:unit.end]
    comment = comment_start(said)
    if comment is not None and at >= unit.start + comment:
        return False
    if not unit.prose or _DICTATED_LINE.match(said):
        return True  # (a line of code dictated: "Def even numbers limit.")
    span = _code_span(said)
    return span is not None and unit.start + span[0] <= at < unit.start + span[1]


def looks_like_code(text: str) -> bool:
    """Whether a line or a sentence is (written or spoken) code."""
    return _code_signs(text) >= 2


def _code_signs(text: str) -> int:
    """How surely a line or a sentence is code: 2 for a line of code or a strong sign of code
    said aloud, else how many weak signs it holds ("x equals y", "def name", "print x")."""
    if _line_of_code(text) or _quoted_code(text) is not None:
        return 2
    code = _code()
    # "we add @login_required on any view": a recogniser writes the "at" said as "@" (not in
    # an address or a link, nor a name in markdown's backticks: "`@functools.wraps`")
    spoken = _AT_SIGN.sub(" at ", text.lower().replace("-", " "))
    # a web address read out is no code: "https colon slash slash github dot com slash ..."
    spoken = _SPOKEN_URL.sub(" ", spoken)
    present = code.present(spoken)
    # (also without the commas a recogniser puts between words dictated one at a time, in a
    # run of three or more short pieces: "source, venv, slash, activate", "the file, except,
    # ValueError, as e"; not "try and except, error messages go to the log"; a weak sign stays
    # as heard: "asterisk, asterisk, kwargs" only names them)
    bare = _DICTATED_RUN.sub(_undictated, spoken)
    if code.first_strong(present, spoken, bare) is not None:
        return 2
    found = 0
    for pattern in code.opened(code.weak, present):
        found += bool(pattern.search(spoken))
        if found >= 2:
            return 2
    return found


_COMMA = re.compile(r"\s*,\s*")
_DICTATED_RUN = re.compile(r"\b\w+(?:\s+\w+)?(?:\s*,\s*\w+(?:\s+\w+)?){2,}")


def _read_out(run: re.Match[str]) -> bool:
    """Whether a run of comma-separated pieces is dictation: a third of the pieces one word at
    least ("source, venv, slash, activate", "the file, except, ValueError, as e"; not a list of
    phrases: "from work, import scripts, that kind")."""
    pieces = _COMMA.split(run.group())
    return 3 * sum(len(piece.split()) == 1 for piece in pieces) >= len(pieces)


def _undictated(run: re.Match[str]) -> str:
    """A run of comma-separated pieces without its commas when it is dictation."""
    return _COMMA.sub(" ", run.group()) if _read_out(run) else run.group()


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+")
_ACRONYM = re.compile(r"\b(?:[a-z]\.){2,}$")  # "i.o.", "a.p.i." (lowered)
_ABBREVIATIONS = ("e.g.", "i.e.", "vs.", "etc.", "eg.", "ie.", "cf.", "mr.", "dr.", "approx.")
_PROMPTS = r">>>|\$ |In \["
_PROMPT = re.compile(rf"^\s*({_PROMPTS})")
_CODE_ONLY = re.compile(rf"^\s*({_PROMPTS}|[\w.]+\(|@[\w.]++{_NAMED_IN_PROSE}|def \w+\("
                        r"|class \w+[(:]|try:|except\b.*:$|finally:|for .*:$|if .*:$|while .*:$"
                        r"|with .*:$)")
_SYMBOL = re.compile(r"[()\[\]{}=<>_*+/%@#\"]")


def _words_in_a_row(n: int) -> re.Pattern[str]:
    """``n`` words in a row, as a sentence has them (an acronym is a word: "one CPU is busy")."""
    return re.compile(r"(?:\b[A-Za-z][A-Za-z']*[,;]?\s+){" + str(n - 1) + r"}[A-Za-z][A-Za-z']*\b")


_PLAIN_RUN = _words_in_a_row(5)  # five: a sentence, not a line of code


# a block's keyword that opens a line and words after it: "finally: the block that always runs"
_GLOSSED = re.compile(r"^\s*(try|finally)\s*:\s*(?=[A-Za-z])")
# a sentence ends and prose goes on: "@decorator runs at definition time. The returned ..."
_SENTENCE_GOES_ON = re.compile(r"[a-z)][.!?]\s+[A-Z][a-z]*\s")


_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")


def says_in_words(text: str) -> bool:
    """Whether ``text`` holds a run of plain words, as a sentence does (not code's output)."""
    return _PLAIN_RUN.search(text) is not None


def remarks_in_words(comment: str) -> bool:
    """Whether a code comment says something in words: a sentence, or a short remark that opens
    in words and holds no data ("# tuples are immutable (cannot change...)"; not the output it
    prints: "# keyword args: {'key': 'word'}")."""
    return says_in_words(comment) or (_THREE_WORDS.match(comment.lstrip("#").lstrip()) is not None
                                      and not _DATA.search(comment))


def _inside_a_literal(before: str) -> bool:
    """Whether the end of ``before`` is inside a string or an open bracket:
    'print("Saved. Now the file is closed")'."""
    return in_quotes(before) or before.count("(") > before.count(")")


def in_quotes(before: str) -> bool:
    """Whether the end of ``before`` (a line of code up to a point) is inside a string."""
    quotes = _APOSTROPHE.sub("", before).count("'")
    return before.count('"') % 2 == 1 or quotes % 2 == 1


def in_a_string(before: str) -> bool:
    """Whether the end of ``before`` (a sentence or line up to a point) is inside a string
    literal of code written there ('labels = ["ready for use in production"]'), not prose."""
    return _OPENS_A_STRING.search(before) is not None and in_quotes(before)


_HASH = re.compile(r"(?<!\S)#")


def comment_start(line: str) -> int | None:
    """Where the comment of a line of code starts: a ``#`` outside a string
    ("tags = [t.strip('#') for t in raw]  # clean them" has one, at its second ``#``)."""
    return next((m.start() for m in _HASH.finditer(line) if not in_quotes(line[:m.start()])),
                None)


def _quoted_code(text: str) -> tuple[int, int] | None:
    """Where a sentence quotes a line of code in markdown's backticks (the span inside them):
    "use ``except Exception:`` instead" (not a name quoted: "`args`", "the `print()` call")."""
    if "`" not in text:
        return None
    for quoted in _QUOTED.finditer(text):
        group = 1 if quoted.group(1) is not None else 2
        inside = quoted.group(group)
        # (a keyword or a name alone is named, not shown: "the `yield` keyword", "`@wraps`")
        if (" " in inside.strip() or _SYNTAX.search(inside)) and not _PLAIN_RUN.search(inside) \
                and _line_of_code(inside):
            return quoted.span(group)
    return None


_QUOTED = re.compile(r"``([^`\n]+)``|`([^`\n]+)`")  # (reStructuredText doubles the backticks)
_SYNTAX = re.compile(r"[()\[\]{}=:]")
_THREE_WORDS = _words_in_a_row(3)
_DATA = re.compile(r"[=\[\]{}'\"<>]|\d")  # what a comment that shows output holds


def _is_code_line(line: str) -> bool:
    """A line of code, not a line of (hard-wrapped) prose that mentions some code."""
    if "`" in line:
        # code quoted in markdown's backticks is mentioned in a sentence: "This means that
        # `iter(gen) == gen`, and you can" (not "`x = 1`" alone: a line of code quoted)
        outside = _QUOTED.sub(" ", line)
        if outside != line and _THREE_WORDS.search(outside):
            return False
    if _CODE_ONLY.match(line):
        glossed = _GLOSSED.match(line)
        if glossed is not None and _PLAIN_RUN.search(line, glossed.end()):
            return False  # a note's label: "try: The block of code that might raise an error."
        # (not a note that opens with code and goes on in sentences of prose)
        goes_on = _SENTENCE_GOES_ON.search(line)
        return _PROMPT.match(line) is not None or goes_on is None \
            or _inside_a_literal(line[:goes_on.start()]) or not _PLAIN_RUN.search(line)
    # (the cheap test first: a transcript is often one long line of prose)
    dense = len(_SYMBOL.findall(line)) >= 0.12 * len(line)
    return (dense or not _PLAIN_RUN.search(line)) and _line_of_code(line)


def segment(text: str) -> list[Unit]:
    """Cut ``text`` into sentences of prose and lines of code (spans into ``text``)."""
    units: list[Unit] = []
    pos = 0
    para_start: int | None = None
    para_end = 0
    prev_line = ""
    prev_code = False
    fenced = False  # inside a ``` block of code

    def flush() -> None:
        nonlocal para_start
        if para_start is not None:
            units.extend(_sentences(text, para_start, para_end))
        para_start = None

    for line in text.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        body = line.strip()
        if not body:
            flush()
            prev_line = ""
            continue  # a blank line inside code keeps prev_code
        if _FENCE.match(body):  # markup, not a sentence: what it fences is code
            flush()
            fenced, prev_line = not fenced, ""
            prev_code = prev_code and fenced  # a closed block ends the snippet
            continue
        lead = start + len(line) - len(line.lstrip())
        end = lead + len(body)
        # the body of a def, a loop, a with...; a comment inside a snippet
        indented = (line[:1] in " \t" or body.startswith("#") or fenced) and (prev_code or fenced)
        if indented and not fenced and body[:1] != "#" and _PLAIN_RUN.search(body) \
                and not _is_code_line(body):
            indented = False  # an indented bullet or docstring sentence after a snippet is prose
        if fenced and _FENCED_PROSE.match(body) and not _is_code_line(body):
            indented = False  # sentences a learner put in a fence ("Wildcard arguments allow ...")
        if indented or _is_code_line(body):
            flush()
            # a comment in a snippet that says something in words is a sentence of prose, and
            # one hard-wrapped over several comment lines is one sentence ("# ... is better" /
            # "# than adding ...", "# threads are CPU-bound, e.g.," / "# a program that ...")
            comment = body.startswith("#") and _PLAIN_RUN.search(body)
            last = units[-1] if units else None
            if comment and last is not None and last.prose and not last.heading \
                    and text[last.start:last.start + 1] == "#" \
                    and (_continues(prev_line, body) or prev_line.rstrip()[-1:] in (",", "(")):
                units[-1] = replace(last, end=end,
                                    code=looks_like_code(text[last.start:end].replace("#", " ")))
            else:
                units.append(Unit(lead, end, looks_like_code(body[1:]), True) if comment
                             else Unit(lead, end, True, False))
            prev_line, prev_code = line, True
            continue
        prev_code = False
        wrapped = para_start is not None and (_continues(prev_line, body)
                                              or prev_line.rstrip()[-1:] in (",", "("))
        if not wrapped:
            flush()
            para_start = lead
        para_end = end
        prev_line = line
    flush()
    return [replace(u, heading=True) if _is_heading(text[u.start:u.end], u)
            and not _a_comment_by_code(text, units, i) else u for i, u in enumerate(units)]


def _a_comment_by_code(text: str, units: Sequence[Unit], i: int) -> bool:
    """Whether a short "# ..." line right above a line of code is the code's comment, not a
    title: "# Imagine reading a huge file" on the line before "for line in get_lines(path):"
    (a title has a blank line or a ``` fence after it)."""
    if not text.startswith("# ", units[i].start) or i + 1 >= len(units):
        return False
    after = units[i + 1]
    gap = text[units[i].end:after.start]
    return after.code and not after.prose and gap.count("\n") == 1 and not gap.strip()


def _continues(prev_line: str, body: str) -> bool:
    """Whether the line ``body`` goes on with the sentence of ``prev_line``: that one ends in a
    letter or digit and this one starts in lower case (prose hard-wrapped in comment lines too:
    "# ... used to refer to" / "# one of two ...")."""
    if body[:1] == prev_line.lstrip()[:1] == "#":
        body = body.lstrip("#").lstrip()
    # (or a line cut after a word no sentence ends on, though a name opens the next one:
    # "# Lambdas cannot use the" / "# Python statements ...")
    last = prev_line.rstrip().rsplit(None, 1)[-1].lower() if prev_line.strip() else ""
    return prev_line.rstrip()[-1:].isalnum() and (body[:1].islower() or last in _NO_LAST_WORD)


_NO_LAST_WORD = frozenset("""a an the to of in on for with and or but that which is are be can can't
    cannot not by from as than its their your this these those into""".split())


def _heading_level(body: str) -> int:
    """A markdown heading's level ("### Title": 3); 7 for a heading of another kind."""
    hashes = len(body.lstrip()) - len(body.lstrip().lstrip("#"))
    return hashes if 1 <= hashes <= 6 and body.lstrip()[hashes:hashes + 1] == " " else 7


_BULLET = re.compile(r"^\s*([-*\u2022+]|\d+[.)])\s")


def is_bullet(text: str, unit: Unit) -> bool:
    """Whether a unit is an item of a list: "- Are lazy evaluated", "2) Use a tuple"."""
    return _BULLET.match(text[unit.start:unit.end]) is not None


_MARKDOWN_TITLE = re.compile(r"^\s*#{2,6}\s")
_FENCE = re.compile(r"^\s*(```|~~~)")
_FENCED_PROSE = re.compile(r"^[A-Z][a-z']*(?:,?\s+[A-Za-z][a-z']*){7,}[^()\[\]{}=<>#\"]*\.$")


def _is_heading(body: str, unit: Unit) -> bool:
    """A title line ("2.4.3 Cons", "### Best practices:"); a bullet of a list is no title."""
    if unit.code:
        return False
    if _MARKDOWN_TITLE.match(body):
        return len(body.split()) <= 12
    return len(body.split()) <= 6 and body[-1:] not in ".!?:;,)" and not _BULLET.match(body)


def _sentences(text: str, start: int, end: int) -> list[Unit]:
    chunks: list[tuple[Unit, int]] = []  # each unit, and its signs of code (see _code_signs)
    cut = start
    for m in _SENTENCE_END.finditer(text, start, end):
        before = text[max(start, m.start() - 6):m.start()].lower()
        if before.endswith(_ABBREVIATIONS) or m.start() - cut < 3 \
                or (_ACRONYM.search(before) and text[m.end():m.end() + 1].islower()):
            continue  # (nor "blocking I.O. releases the GIL": letters with dots, then more)
        chunks.extend(_chunks(text, cut, m.start()))
        cut = m.end()
    if cut < end:
        chunks.extend(_chunks(text, cut, end))
    out = [u for u, _ in chunks]
    # code dictated line by line, each line a sentence of its own ("Def wrapper. Print
    # before. Return result."): one sign of code in each of two short sentences in a row, one
    # of them opening as a line of code does (not two remarks: "Yield keeps state. Return stops
    # iteration.", "Star args collects positional arguments. Double star kwargs ...")
    short = [len(text[u.start:u.end].split()) <= DICTATED_WORDS for u in out]
    signs = [n if ok else 0 for (_, n), ok in zip(chunks, short, strict=True)]
    opens = [ok and _DICTATED_LINE.match(text, u.start, u.end) is not None
             for u, ok in zip(out, short, strict=True)]

    def dictated(i: int, j: int) -> bool:
        return 0 <= j < len(out) and signs[j] >= 1 and (opens[i] or opens[j])

    return [replace(u, code=True) if n == 1 and (dictated(i, i - 1) or dictated(i, i + 1)) else u
            for i, (u, n) in enumerate(zip(out, signs, strict=True))]


_WORD = re.compile(r"\S+")
# a sentence said as a line of code: a keyword, then a name, not a verb or an article ("Print
# user logon", "Def get user profile"; not "Yield keeps state", "Print the report")
_DICTATED_LINE = re.compile(r"\s*(def|print|return|yield|class|import|raise)\s+"
                            r"(?!(the|a|an|this|that|it|is|are|will|would|can|could|should|may"
                            r"|might|must|just|also|always|never|only|then|now|not|cannot)\b)"
                            r"\w+(?<![^s]s)(?<!ing)(?<!ly)\b", re.I)


def _chunks(text: str, start: int, end: int) -> list[tuple[Unit, int]]:
    """A sentence, cut into pieces of MAX_UNIT_WORDS words when nothing else cuts it, each with
    its signs of code."""
    words = list(_WORD.finditer(text, start, end))
    units = []
    for i in range(0, len(words), MAX_UNIT_WORDS):
        piece = words[i:i + MAX_UNIT_WORDS]
        s, e = piece[0].start(), piece[-1].end()
        signs = _code_signs(text[s:e])
        units.append((Unit(s, e, signs >= 2, runs_on=i + MAX_UNIT_WORDS < len(words),
                           dictated=signs >= 2 and _dictated_share(text[s:e]) >= DICTATED_SHARE),
                      signs))
    return units


DICTATED_SHARE = 0.6  # of a sentence's characters in runs of pieces read out one at a time


def _dictated_share(text: str) -> float:
    """How much of ``text`` is runs of comma-separated pieces read out one at a time."""
    said = sum(len(run.group()) for run in _DICTATED_RUN.finditer(text) if _read_out(run))
    return said / max(1, len(text))


# --- word lists, in canonical form ---------------------------------------------------------------

def _forms(phrases: Iterable[str]) -> frozenset[tuple[str, ...]]:
    out = set()
    for phrase in phrases:
        words = tuple(t.text for t in tokenize(phrase))
        if words:
            out.add(words)
    return frozenset(out)


# Phrases by their first word, longest first: a search finds "limited to" before "limited",
# the same way on every run (a set's order changes from one run to the next), and looks only
# at the phrases that can start where it stands.
Phrases = Mapping[str, tuple[tuple[str, ...], ...]]


def _phrases(phrases: Iterable[str]) -> Phrases:
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for form in _forms(phrases):
        by_first.setdefault(form[0], []).append(form)
    return {first: tuple(sorted(forms, key=lambda form: (-len(form), form)))
            for first, forms in by_first.items()}


def _words(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w for words in _forms(words) for w in words if is_content(w) or len(words) == 1)


@dataclass(frozen=True)
class _Lists:
    """The thesaurus's shape word lists in canonical form (built on first use: commands that
    score nothing never pay for it)."""

    example_markers: Phrases
    announced: Phrases
    toys: frozenset[str]
    concrete: frozenset[str]
    tools: frozenset[str]
    cost: Phrases
    is_: frozenset[str]
    definition_starts: frozenset[str]
    compare: frozenset[str]
    evaluative: frozenset[str]
    hedges: Phrases
    reasons: Phrases
    prefer: frozenset[str]
    defining: frozenset[str]
    good: frozenset[str]
    not_names: frozenset[str]
    kinds_of_tool: frozenset[str]


@functools.cache
def _lists() -> _Lists:
    return _Lists(
        _phrases(thesaurus.EXAMPLE_MARKERS), _phrases(thesaurus.ANNOUNCED_EXAMPLES),
        _words(thesaurus.TOY_WORDS), _words(thesaurus.CONCRETE_NOUNS),
        _words(thesaurus.TOOL_NAMES),
        _phrases(thesaurus.COST_WORDS), _words(thesaurus.IS_WORDS),
        _words(thesaurus.DEFINITION_STARTS), _words(thesaurus.COMPARE_WORDS),
        _words(thesaurus.EVALUATIVE_WORDS), _phrases(thesaurus.HEDGES), _phrases(thesaurus.REASONS),
        _words(thesaurus.PREFER_WORDS), _words(thesaurus.DEFINING_WORDS),
        _words(thesaurus.GOOD_QUALITIES), _words(thesaurus.NOT_NAMES),
        _words(thesaurus.KINDS_OF_TOOL))


# what points at the code that follows ("the following will not work", "this below fails")
_SHOWN_BELOW = frozenset({"follow", "below"})
# what opens a sentence set in a real place: "In a game, ...", "At our company, ..."
_SETTING_ARTICLES = frozenset({"a", "an", "the", "my", "our", "your", "their", "this"})
# What any program's code handles, whatever it is for: a file opened, a message printed
_PLUMBING = frozenset({"file", "messag", "applic", "app", "request", "page", "color", "colour"})


def _a_real_thing(word: str) -> bool:
    """Whether ``word`` (a stem) names a real thing a case is about, not what any program
    handles: "price", "users", "sensor" (not "file", "message")."""
    return word in _lists().concrete and word not in _PLUMBING

_NEG = frozenset(NEGATIONS)
# what places a thing among others without saying what it is (stems): "a module in ...", "one
# of the main principles", "the reason people say ...", "the CPython thing that ..."
_PLACES = frozenset({"featur", "modul", "part", "principl", "pillar", "pattern", "reason",
                     "thing", "topic", "keyword", "term", "librari", "packag", "piec", "compon"})
_ONES = frozenset({"one", "1"})  # ("one" alone is read as the number)
# a warning's words, and what a warning says when it names no danger: "be careful when using
# them", "watch out with it" (stems)
_WARNINGS = frozenset({"careful", "mind", "watch", "caution"})
_WARNED_OF = frozenset({"use", "them", "it", "this", "these", "those", "when", "with", "about",
                        "while", "though", "realli", "veri", "alway", "also", "just", "should"})
# one way measured against another: "6x faster", "three times slower", "half the memory"
_RATIO = re.compile(r"\b(\d+(\.\d+)?\s*(x|×|times)|twice|(" + _NUMBER + r")\s+times|half)\s+"
                    r"(as\s+\w+|faster|slower|quicker|smaller|larger|bigger|less|more"
                    r"|the\s+(memory|time|speed))\b", re.I)
_COPULAS = frozenset({"is", "are", "was", "were", "be"})
_NUMBER_WORDS = frozenset(_NUMBER.split("|"))
_PURPOSE = frozenset({"order", "as", "help", "helps"})  # "in order to", "so as to", "helps to"
# "best to avoid", "reasons to avoid", "try to avoid": advice against (stems)
_ADVISED = frozenset({"best", "better", "reason", "wise", "idea", "want", "tri", "prefer",
                      "recommend", "need", "import", "good", "smart", "advis", "rule", "like",
                      "tend", "practic"})


_TROUBLE = frozenset({"conflict", "error", "bug", "problem", "issu", "duplic", "repetit", "mess",
                      "crash", "leak", "race", "deadlock", "pollut", "breakag", "break", "mistak"})


def _kept_off(words: Sequence[str], at: int) -> int:
    """Where a trouble kept off at ``words[at]`` stops being named: ``_KEPT_OFF`` words on, or at
    a contrast ("helps avoid conflicts but is slower": the slowness is a cost of its own)."""
    end = min(len(words), at + 1 + _KEPT_OFF)
    return next((i for i in range(at + 1, end) if words[i] in _CONTRASTS), end)


def _a_purpose(words: Sequence[str], at: int) -> bool:
    """ "To avoid conflicts, ...", "helps avoid conflicts", "a way to avoid conflicting
    versions": what something is for. "The reasons to avoid it", "best to avoid it" are advice
    against it."""
    if words[at] != "avoid":
        return False
    if not at:
        # "Avoid (package) conflicts" in a list of what it gives (not "Avoid bare except: it
        # hides bugs", the trouble it makes)
        return not _TROUBLE.isdisjoint(words[1:3])
    if not _TROUBLE.isdisjoint(words[at + 1:_kept_off(words, at)]):
        return True
    before = words[at - 1]
    if before == "to":  # "add a timeout to avoid hanging" (not "it is best to avoid it")
        # ("handle it to avoid a crash": the thing done, then what for)
        done = at >= 3 and words[at - 2] in ("it", "them") and is_content(words[at - 3]) \
            and words[at - 3] not in _ADVISED
        return at == 1 or words[at - 2] in _PURPOSE or done or (
            is_content(words[at - 2]) and words[at - 2] not in _ADVISED
            and _BE.isdisjoint(words[max(0, at - 5):at - 1]))  # "is a habit to avoid"
    return before in _PURPOSE


# "This is enforced by the GIL": the mechanism behind what the sentences before it describe
# (stems; not "caused by": a trouble's cause is no definition)
_DONE_BY = frozenset({"enforc", "handl", "manag", "guarante", "ensur", "control", "implement",
                      "impos"})
# "What is a generator?", "## What exactly are Python decorators?" (up to the term; then its "?")
_ASKS_WHAT = re.compile(r"\bwhat(\s+is|\s+are|'s|\s+exactly\s+(is|are))\s+(an?\s+|the\s+)?"
                        r"(python\s+)?$", re.IGNORECASE)
_ASKED = re.compile(r"(\s*\(\w+\))?\s*\?")  # "What is the Global Interpreter Lock (GIL)?"
_ANSWER_UNITS = 3  # the answer to it is told within this many units (bullets count one each)
_ANSWER_WORDS = 4  # ... in at least this many content words
# how a sentence after the question starts when it puts the answer off: "Let me show you"
_NOT_ANSWERS = (["let"], ["i"], ["here"], ["look"], ["see"], ["good"], ["great"], ["hmm"])
_DETERMINERS = frozenset({"a", "an", "the", "each", "every", "this", "that", "python"})
_ARTICLES = frozenset({"a", "an", "the", "some", "any", "each", "everi", "this", "that", "these",
                       "those", "certain", "mani"})
# as said, not stemmed: "a limitation of lambdas" is a cost, "a limited number" describes
_ADJECTIVES = frozenset("""
    complex complicated expensive verbose fragile brittle unpredictable surprising dangerous
    inefficient heavier bloated limited unreadable wasteful unnecessary lighter cheaper improper
    inappropriate boilerplate slow""".split())
_BE = frozenset({"is", "are", "be", "was", "were", "been", "becom", "get", "make"})
_JUDGED_AS = (["lead", "to"], ["led", "to"], ["result", "in"], ["up", "with"], ["make", "for"])
_DEGREE = frozenset({"more", "most", "veri", "realli", "quit", "rather", "fairli"})


# advice against, with its reason: "you never want to handle all exceptions, because it can
# ...", "don't commit the venv folder, otherwise ..." (not "don't worry, because ...", "you
# don't really need locks, because": no advice against it)
_ADVICE_AGAINST = re.compile(
    r"(^|[.!?:;]\s+|\b(?:you|we|i|one)\s+(?:should\s+)?)(never|don'?t|do\s+not|should\s+not"
    r"|shouldn'?t|try\s+not\s+to)\s+(?!(?:(?:really|actually|even|necessarily)\s+)?(?:worry|forget|need|have|know"
    r"|care|mind|matter|see|think)\b)(?:\w+[,']?\s+){0,7}?"
    r"(?:because|since|otherwise|or\s+else|as\s+it|it\s+(?:can|could|will|may|might))\b",
    re.IGNORECASE)
# "can be a little hard to understand in the beginning", "isn't simple at first", "at first
# glance it's not easy to picture": a newcomer's learning curve, no cost of using the thing
# (not "it looks simple at first, but ...": what is easy at first is a cost's set-up)
_HARD = (r"(?:\b(?:hard|difficult|confus\w*|tricky|intimidat\w*|daunting|weird|strange|odd|scary"
         r"|magic\w*|overwhelm\w*|complicated|complex|tough|obscure|cryptic|unintuitive"
         r"|counter-?intuitive|puzzl\w*)|(?:\bnot|n't)\s+(?:\w+\s+)?(?:simple|easy|obvious))")
_EARLY = r"(?:at first|in the beginning|at the beginning|initially|at the start|to begin with)"
_AT_FIRST = re.compile(rf"{_HARD}\W+(?:\w+\W+){{0,3}}?{_EARLY}\b"
                       rf"|\b{_EARLY}(?: glance| sight)?\W+(?:\w+\W+){{0,3}}?{_HARD}\b",
                       re.IGNORECASE)
# a caveat labelled as one: "Warning: ...", "- Caution: ..." (not "warnings: the module")
_WARNED = re.compile(r"[\W_]*(?:warning|caution|gotcha|pitfall|caveat)\s*:\s+\w", re.IGNORECASE)
# what it suits and, at once, what it does not: "threads are great when you're waiting, not
# when you're crunching", "classes are fine for the interface, not for inner loops"
_SUITED_NOT = re.compile(
    r"\b(fine|good|great|ok|okay|useful|ideal|perfect|handy|nice|suited|meant)\s+(?:for|when|in|if)"
    r"\b[^.;:!?]{1,60}?,?\s+(?:but\s+)?not\s+(?:for|when|in|if)\b", re.IGNORECASE)
# who may reach a member, encapsulation's rule (stems): "can only be accessed through the class"
_REACHED = (["access"], ["reach"], ["chang"], ["set"], ["read"], ["call"], ["pass"])
_BY_WAY_OF = (["through"], ["within"], ["insid"], ["from"], ["by"], ["via"], ["in"])
# a limit as what a thing does, not what it costs: "@login_required restricts access to the
# view", "limit routes to logged-in users" ("limited", "a restriction" are costs)
_DOING_NOT_COST = frozenset({"restrict", "restricts", "restricting", "limit", "limits",
                             "limiting"})
# ... what access control restricts (stems): "restricts access", "limit how often", "limit
# routes", "restrict who can call it" (not "restrict you", "limits their use")
_LIMITED_THINGS = frozenset({"access", "how", "who", "what", "which", "rout", "user", "call",
                             "request", "view", "entri", "endpoint", "rate"})
_ACCESS_KINDS = frozenset({"direct", "extern", "outsid", "public", "unauthor", "read", "write",
                           "full", "certain", "the", "its", "their"})  # (stems)
# a dict with two named fields at least: a record ("name": ..., "age": ...)
_RECORD = re.compile(r"""\{\s*["']([A-Za-z_]\w+)["']\s*:[^{}\n]*?,\s*["']([A-Za-z_]\w+)["']\s*:""")
_TOY_KEYS = frozenset({"key", "value", "foo", "bar", "baz", "one", "two", "three", "apple",
                       "banana", "orange"})
BUILTINS = frozenset(dir(builtins))  # (a name Python gives, not one of the answer)
_LOOP = re.compile(r"\bfor\s+([A-Za-z_]\w*)\s+in\s+([A-Za-z_]\w*)\b")  # for user in users
# a dotted name in prose: "cosinor.fit_group()", "billing.retry_charge"
_DOTTED_NAME = re.compile(r"(?<![\w.])[a-z][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)+(?:\(\))?(?![\w.])")
# ... that is no project of the speaker's: the standard library, a builtin, the instance, a toy
_NOT_A_PROJECT = frozenset(sys.stdlib_module_names) | BUILTINS | {
    "self", "cls", "foo", "bar", "baz", "my", "func", "function", "example", "test", "x", "y",
    "e", "i", "etc", "some", "name", "obj", "np", "pd", "os", "sys"}
_WEB_ADDRESS = re.compile(rf"\.({_TLD})$")  # "realpython.com": a site, no project's code
_EXTENSION = re.compile(r"\.(py|pyc|txt|toml|json|ya?ml|cfg|ini|md|csv|log|sh|bat|exe|html?|js"
                        r"|ipynb)\b")


def _a_project_name(name: str) -> bool:
    """Whether a dotted name is a project's own ("cosinor.fit_group()"), not the standard
    library's ("functools.wraps", "sys.prefix"), a builtin's ("list.sort()"), the instance's
    ("self.count"), a toy's ("foo_bar.baz") or a file's ("shared.py")."""
    parts = re.split(r"[._]", name.removesuffix("()"))
    return name.split(".")[0] not in _NOT_A_PROJECT and _NOT_A_PROJECT.isdisjoint(parts) \
        and not _EXTENSION.search(name) and not _WEB_ADDRESS.search(name)


_IDENTIFIER = re.compile(r"\w+")
# what can be done only once to a generator (stems): iterated, consumed, used, looped over
_GONE_THROUGH = frozenset({"iter", "consum", "use", "loop", "over", "through", "travers", "run",
                           "walk", "work", "immut"})
_HOSTS = frozenset({"github"})  # where code is kept ("clone it from GitHub"), no setting of use
_CLASS_OF_ERROR = ("Error", "Exception", "Exit", "Interrupt", "Warning", "Iteration")
_NOT_AN_INSTANCE = frozenset({"i", "we", "you", "they", "peopl", "would", "do", "not", "realli",
                              "class", "subclass", "object", "type", "languag", "anim", "shape"})
# A verb that takes a quality away: "hurts readability", "sacrifices flexibility" (stems)
_HARMS = frozenset({"hurt", "sacrific", "lose", "lost", "harm", "damag", "kill", "ruin"})
_WH = frozenset({"what", "how", "whi"})  # "isn't clear what they do": understanding, not quality
# a problem met, not had: "when the program encounters a problem", "consider a problem in which"
_MET = frozenset({"encount", "consid"})
_MEETS = frozenset({"hit", "into", "face", "met", "meet", "across", "experi", "experienc",
                    "against"})  # ... after "when": "when you hit a problem" (not "it will hit a problem")
_WHEN = frozenset({"when", "whenev", "if", "onc", "until"})
_CONTRASTS = frozenset({"but", "howev", "though", "although", "yet", "while", "wherea"})
_CLAUSE_BREAKS = _CONTRASTS | {"and", "so", "which"}  # where a reason for the topic stops
_NEEDED = frozenset({"necessari", "need", "requir", "exist", "introduc", "invent", "add"})
_MERITS = frozenset({"advantag", "benefit", "edg", "gain"})  # stems: "an edge over"
# A quantity measured, as a benchmark prints it or a comment notes it: "120 bytes", "8MB",
# "5.9 s", "1,048,576 bytes"; memory in group 2, time in group 3.
_MEASURE = re.compile(
    r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)\s*(?:(bytes?|[kmg]i?b|kilobytes?|megabytes?|gigabytes?)"
    r"|(ms|msec|milliseconds?|µs|microseconds?|ns|nanoseconds?|s|secs?|seconds?|minutes?|mins?))"
    r"(?![\w.]\w)", re.IGNORECASE)
# ... and a quantity set, not measured: "a timeout of 5 seconds", "sleep 1 s", "retry after 30 s"
# (a setting named in code too: "SWITCH_INTERVAL = 5e-3  # 5 milliseconds")
_A_SETTING = re.compile(r"(?:\b|(?<=_))(time\s?outs?|delays?|sleeps?|wait|waits|interval|every|after|ttl"
                        r"|expir\w*|retry|retries|backoff|cache\w*\s+for)\b\W*(\w+\W+){0,2}$",
                        re.IGNORECASE)
_MODALS = frozenset({"would", "could", "might", "will", "may"})
_SOLVES = frozenset({"solv", "fix", "address", "tackl", "remedi", "cure"})
_ABSTRACT_TREES = frozenset({"inherit", "class", "deep", "type", "hierarchi", "call"})  # (stems)
_OPENS_A_STRING = re.compile(r"""([=(,\[]|\bin|\breturn)\s*["']""")  # = "...", in "...
_SPARED = frozenset({"without", "instead", "avoid", "never", "not"})  # a load spared
# troubles pointed back at and what spares them: "these issues may be avoided by ...", "it
# helps with a number of issues:" (stems)
_POINTING = frozenset({"this", "these", "those", "such"})
_TROUBLES = frozenset({"problem", "issu", "conflict", "troubl"})
_SPARED_BY = _SOLVES | {"help", "avoid", "prevent"}
_EXACTLY = frozenset({"exact", "precis", "just"})  # "a venv fixes exactly this" (stems)
_SPEAKERS = frozenset({"i", "we", "you", "can", "could"})
_BACK = frozenset({"this", "that", "these", "those", "it", "them", "the", "both", "all"})
_MOTIVES = frozenset({"if", "without", "otherwis"}) | _SOLVES
_CONDITIONS = _WHEN | {"unless"}  # "if you lose the connection": a loss met, not had


def _a_motive(words: Sequence[str], span: tuple[int, int]) -> bool:
    """A problem the topic solves or meets, not one it has: "without it we would hit a problem",
    "it solves the problem of ...", "the problem without virtual environments: conflicts", "an
    exception is raised when the program encounters a problem" (only for "problem" and "issue":
    "if you use threads for CPU-bound work it is slower" is a cost all the same), and a cost
    after "would otherwise" or "without ... would": "what would otherwise take lots of
    boilerplate" is a cost spared (but "only when the data is big, otherwise it is extra
    complexity" is one had), and a cost that says why the topic is there: "the lock is
    necessary because memory management is not thread-safe"."""
    said = words[span[0]:span[1] + 1]
    because = next((i for i in range(span[0]) if words[i] in ("becaus", "sinc")), None)
    if because is not None and not _NEEDED.isdisjoint(words[max(0, because - 2):because]) \
            and _CLAUSE_BREAKS.isdisjoint(words[because:span[0]]):
        return True  # "the lock is necessary because memory management is not thread-safe"
    spared = next((i for i in range(1, span[0]) if words[i] == "otherwis"), None)
    if spared is not None and words[spared - 1] in _MODALS:
        return True  # "what would otherwise take lots of boilerplate": a cost spared
    without = next((i for i in range(span[0]) if words[i] == "without"), None)
    if without is not None and not _MODALS.isdisjoint(words[without:span[0]]):
        return True  # "without the decorator, each view would be twice as long": spared too
    if not any(w.startswith(("problem", "issu")) for w in said):
        return False
    before = words[max(0, span[0] - 2):span[0]]
    return not _MOTIVES.isdisjoint(words[:span[0]]) or "without" in words[span[1] + 1:span[1] + 3] \
        or not _MET.isdisjoint(before) or not _WHEN.isdisjoint(before) \
        or (not _MEETS.isdisjoint(before) and not _WHEN.isdisjoint(words[:span[0]]))


def _describes_a_thing(words: Sequence[str], at: int, said: str) -> bool:
    """A cost adjective (``said``, as spoken) before the noun it qualifies describes what the
    sentence is about, not a cost of the topic: "some complex object", "an expensive
    computation", "to debug complex programs" (but "a bare except is a dangerous habit" and "it
    gets complicated" are judgements)."""
    if said.lower() not in _ADJECTIVES:
        return False
    # a noun right after it (not an adverb: "it gets complicated quickly", stem "quickli")
    attributive = at + 1 < len(words) and is_content(words[at + 1]) \
        and not words[at + 1].endswith("li")
    degree = at >= 2 and words[at - 1] in _DEGREE
    if degree:  # "the more complex setup", "a very expensive call"
        at -= 1
    if at == 0 or (words[at - 1] not in _ARTICLES
                   and not (degree and words[at - 1] in ("of", "for"))):
        if not attributive or (at and words[at - 1] in _BE):
            return False  # (also "cache the results of really slow database lookups")
    # "a lambda is an expensive habit", "it leads to a very fragile design" judge it
    return not (at >= 2 and (words[at - 2] in _BE or words[max(0, at - 3):at - 1] in _JUDGED_AS))


def _find(words: Sequence[str], forms: Phrases, lo: int, hi: int) -> int | None:
    """Position of the first of ``forms`` starting in ``words[lo:hi]``, else None."""
    found = _find_span(words, forms, lo, hi)
    return found[0] if found else None


def _find_span(words: Sequence[str], forms: Phrases, lo: int, hi: int) -> tuple[int, int] | None:
    """First and last position of the first of ``forms`` starting in ``words[lo:hi]``."""
    return next(_find_spans(words, forms, lo, hi), None)


def _find_spans(words: Sequence[str], forms: Phrases, lo: int = 0,
                hi: int | None = None) -> Iterator[tuple[int, int]]:
    """First and last position of every one of ``forms`` starting in ``words[lo:hi]`` (at one
    position, the longest first)."""
    for i in range(lo, len(words) if hi is None else hi):
        for form in forms.get(words[i], ()):
            if tuple(words[i:i + len(form)]) == form:
                yield i, i + len(form) - 1


@dataclass(frozen=True, slots=True)
class Found:
    """A shape found in the answer: which layer, why, and the token span that shows it."""

    layer: str
    why: str
    first: int  # token positions, inclusive
    last: int


class Shapes:
    """The units of one answer, which of them are about the topic, and the shapes found there."""

    def __init__(self, text: str, tokens: Sequence[Token], units: Sequence[Unit],
                 unit_of: Sequence[int],
                 topic_hits: Sequence[tuple[int, int]], named: float | None = None,
                 asked: Sequence[tuple[int, int]] | None = None, about: bool = False) -> None:
        self.text = text
        self.tokens = tokens
        self.units = units
        self.unit_of = unit_of
        self.spans: list[tuple[int, int]] = []  # first and last+1 token of each unit
        pos = 0
        for u in range(len(self.units)):
            first = pos
            while pos < len(tokens) and self.unit_of[pos] == u:
                pos += 1
            self.spans.append((first, pos))
        self.topic_hits = sorted(topic_hits)
        # where the terms that the question names are said (what a definition defines)
        self.asked = self.topic_hits if asked is None else sorted(asked)
        self.named = len(self.topic_hits) if named is None else named  # how surely (see gate)
        self.about = about  # named or not, its words are the topic's (rehearse.affinity)
        hits = [0] * len(self.units)
        for first, _ in self.topic_hits:
            hits[self.unit_of[first]] += 1
        self.hits = hits
        self.relevant = self._relevant(hits)

    def _relevant(self, hits: list[int]) -> list[bool]:
        """Units within NEIGHBOURS sentences of one that names the topic. Consecutive code lines
        count as one sentence; headings ("2.4.3 Cons") count as none."""
        blocks: list[list[int]] = []
        for i, unit in enumerate(self.units):
            if unit.heading:
                if hits[i] and blocks:
                    blocks[-1].append(i)  # a heading that names the topic tops its section
                continue
            if unit.code and blocks and self.units[blocks[-1][-1]].code and blocks[-1][-1] == i - 1:
                blocks[-1].append(i)
            else:
                blocks.append([i])
        named = [any(hits[i] for i in block) for block in blocks]
        relevant = [False] * len(self.units)
        for b, block in enumerate(blocks):
            near = any(named[max(0, b - NEIGHBOURS):b + NEIGHBOURS + 1])
            for i in block:
                relevant[i] = near
        # a section under a heading that names the topic ("### Lambda best practices") is
        # about it down to the next heading, or for a markdown heading, down to the next one of
        # its level or above ("#### Operators" under "### args and kwargs" is part of it)
        section: int | None = None  # the level of the heading that opened it (7: no markdown)
        for i, unit in enumerate(self.units):
            if unit.heading:
                level = _heading_level(self.text[unit.start:unit.end])
                if section is None or section == 7 or level <= section:
                    section = level if hits[i] else None
            elif section is not None:
                relevant[i] = True
        return relevant

    def find(self, layer: str, skip: Iterable[int] = ()) -> Found | None:
        """The first ``layer`` shape in a unit about the topic (not in ``skip``), or None."""
        if layer not in SHAPES:
            return None
        if self.about and layer in ("example", "trade_off"):
            # An answer about its topic by its words, though it hardly names it, tells its cases
            # and costs in every sentence, as one that names it throughout. Not its code (code
            # shown is the topic's only where a rubric idea says so: a thread started is no GIL
            # code) nor a definition (what is defined is a term said).
            whole = copy.copy(self)
            whole.about = False
            whole.named = max(self.named, STORY_MENTIONS)
            whole.relevant = [True] * len(self.units)
            return whole.find(layer, skip)
        if not self.named:
            return None
        if self.named < MIN_TOPIC_MENTIONS:
            # Named once: only code that uses the topic's own construct ("star args" in it), the
            # term defined in its own sentence ("a decorator is basically a shell around ..."),
            # a plain cost said of it ("a lambda is limited to one expression") there or in the
            # next sentence, or a case told around it ("what if I stored the tree as a tuple of
            # three ...": the sentence that names it, the one before or the one after), with a
            # marker ("we had a log file ...") or without one. A comparison ("always better than
            # loops") needs a surer topic.
            naming = {u for u, n in enumerate(self.hits) if n}
            near = naming if layer in ("code", "concept") else naming | {u + 1 for u in naming}
            far = self._all_but(near, skip)
            if layer == "example":
                told = self._all_but(near | {u - 1 for u in naming}, skip)
                return self._example(told) or self._solved_case(frozenset(skip))
            if layer == "trade_off":
                return self._trade_off(far, costs_only=True)
            return self._code(far) if layer == "code" else self._concept(far, plain=True)
        found: Found | None = getattr(self, "_" + layer)(frozenset(skip))
        return found

    def _all_but(self, keep: set[int], skip: Iterable[int]) -> frozenset[int]:
        """The units to skip: ``skip`` and every unit not in ``keep``."""
        return frozenset({*skip, *(u for u in range(len(self.units)) if u not in keep)})

    def _words(self, u: int) -> list[str]:
        first, last = self.spans[u]
        return [t.text for t in self.tokens[first:last]]

    def _code(self, skip: frozenset[int]) -> Found | None:
        # an answer that names its topic three times is about it down to its last snippet;
        # named twice in passing, only code near a mention is the topic's
        anywhere = self.named >= STORY_MENTIONS
        for u, unit in enumerate(self.units):
            first, last = self.spans[u]
            if unit.code and (anywhere or self.relevant[u]) and last > first and u not in skip:
                span = _code_span(self.text[unit.start:unit.end]) if unit.prose else None
                if span is not None:  # a sentence with code in it: quote the code
                    inside = [p for p in range(first, last)
                              if self.tokens[p].end > unit.start + span[0]
                              and self.tokens[p].start < unit.start + span[1]]
                    if inside:
                        return Found("code", "code", inside[0], inside[-1])
                return Found("code", "code", first, last - 1)
        return None

    def _example(self, skip: frozenset[int]) -> Found | None:
        W = _lists()  # noqa: N806
        nouns: dict[str, int] = {}
        in_code: set[str] = set()  # ... of them, the ones named in code
        # A story told before the topic is named ("picture a checkout page ... and that is where
        # X comes in") is about the topic when the rest of the answer plainly is.
        opening = next((u for u, n in enumerate(self.hits) if n), 0) \
            if self.named >= STORY_MENTIONS else 0
        opened = False  # the sentence before opens this one: "For example:", "### Example 1"
        for u in range(len(self.units)):
            # the items of a list opened by "This can be used for:" are all opened by it
            opened = self._opens_example(u - 1) or (opened and is_bullet(self.text, self.units[u]))
            if not (self.relevant[u] or u < opening) or u in skip:
                continue
            words = self._words(u)
            first = self.spans[u][0]
            announced = None if self.units[u].code else self._announced(words)
            if announced is not None:
                return Found("example", "example", first + announced[0], first + announced[1])
            marked = next((span for span in _find_spans(words, W.example_markers)
                           if self._marks_a_case(words, first, span[0])), None) \
                or (None if self.units[u].code else self._story_told(u))
            if marked and self._how_learnt(u):
                marked = None  # "funny story, I learned decorators from a YouTube video"
            marker = marked[0] if marked else (0 if opened else None)
            # "e.g." opens what follows it ("a user may mistype a key, e.g. colr=3" gives no
            # case); other markers may look back: "a log file, for instance", "our login page,
            # imagine it gets hit a million times"
            since = marked[0] if marked and (words[marked[0]:marked[0] + 2] == ["e", "g"]
                                             or words[marked[0]] == "ex") else 0
            named = self._named_instance(u)
            if named is None and self.hits[u] and not self.units[u].code:
                named = self._tool_at_work(u)
            if named is not None:
                return Found("example", "a named tool", named[0], named[1])
            setting = None if self.units[u].code or marked else self._set_in(words, first)
            if setting is not None:  # "In a game, every enemy type has an update method"
                return Found("example", "example", first + setting[0], first + setting[1])
            handled = self._real_things_handled(u) if self.units[u].code else None
            if handled is not None:  # "[u.name for u in users if u.is_active]"
                return Found("example", "example", handled, handled)
            had = None if self.units[u].code else self._had_a_thing(words, first)
            if had is not None:  # "We had a Python script that runs the migrations"
                return Found("example", "example", first + had[0], first + had[1])
            if marker is not None and not self.units[u].code:
                ident = _DOTTED_NAME.search(self.text, self.units[u].start, self.units[u].end)
                if ident is not None and _a_project_name(ident.group()):
                    # "For example, cosinor.fit_group() calls ...": a real project's own name
                    inside = [p for p in range(first, self.spans[u][1])
                              if ident.start() < self.tokens[p].end
                              and self.tokens[p].start < ident.end()]
                    if inside:
                        return Found("example", "example", min(first + marker, inside[0]),
                                     max(first + marker, inside[-1]))
            for i, word in enumerate(words):
                if self._glued(first + i):
                    continue  # part of a path: "/home/user", "$USER", "user=..."
                if word == "tree" and i and words[i - 1] in _ABSTRACT_TREES:
                    continue  # "deep inheritance trees get brittle": a class hierarchy
                if not self.units[u].prose and self._in_a_name(first + i):
                    # a piece of a name in code ("user_id", "send_email(") is no case by a
                    # marker, but what the code's names are about adds up ("account_balance",
                    # "send_email", "request_timeout": a bank, mail, a web service)
                    if word in W.concrete:
                        nouns.setdefault(word, first + i)
                        in_code.add(word)
                        if opened and u and self.units[u - 1].heading:  # "### Example use
                            # case" over "def get_user_info(): ...": the case the code is named
                            # after (not "for example:" over "def log_event(...)", a skeleton)
                            return Found("example", "example", first + i, first + i)
                    continue
                if word in W.concrete or (word in W.tools and not self.units[u].code):
                    nouns.setdefault(word, first + i)
                    # ... and so do the things the code handles, named on their own ("for user
                    # in users", "price"), but not what any program handles (a file, a message)
                    if not self.units[u].prose and _a_real_thing(word):
                        in_code.add(word)
                    # (a marker is no case of its own: "in production" alone names none)
                    in_marker = marked is not None and marked[0] <= i <= marked[1]
                    if marker is not None and i >= since and not in_marker:
                        lo, hi = sorted((first + marker, first + i))
                        return Found("example", "example", lo, hi)
        if len(nouns) >= 3 or len(in_code) >= 2:
            at = sorted(nouns.values())
            return Found("example", "concrete nouns", at[0], at[0])
        return self._records(skip) or self._solved_case(skip)

    def _real_things_handled(self, u: int) -> int | None:
        """Where a line of code goes through real things and picks or keys each one by what it
        is: "[u for u in users if u.is_active]", "{user.id: user for user in users}", "[i for i
        in students if i >= 60]" (not "for n in numbers", nor what any program goes through:
        "for line in lines", nor a check that each is there: "if user is not None"). The token
        of the things, or None."""
        unit = self.units[u]
        said = self.text[unit.start:unit.end]
        comment = comment_start(said)
        code = said if comment is None else said[:comment]
        for loop in _LOOP.finditer(code):
            name, things = loop.group(1, 2)
            stems = [t.text for t in tokenize(things)]
            if len(stems) != 1 or not _a_real_thing(stems[0]):
                continue
            # (filtered by what each is, or keyed by it: not "if user is not None")
            if re.search(rf"\bif\s+(not\s+)?{name}\.[A-Za-z_]|\bif\s+{name}\s*([<>!=]=|[<>]|in\b)"
                         rf"|\{{\s*{name}\.\w+\s*:", code):
                return bisect.bisect_left(self._starts, unit.start + loop.start(2))
        return None

    def _records(self, skip: frozenset[int]) -> Found | None:
        """Records of real things written out as data: two dicts or more with named fields in
        the code about the topic (``{"name": "Ali", "active": True}``, ``{"sku": ..., "price":
        ...}``; not ``{"a": 1, "b": 2}``, nor output in a comment). The first is the evidence."""
        found: list[re.Match[str]] = []
        for u, unit in enumerate(self.units):
            if not unit.code or not self.relevant[u] or u in skip:
                continue
            comment = comment_start(self.text[unit.start:unit.end])
            end = unit.end if comment is None else unit.start + comment
            found.extend(m for m in _RECORD.finditer(self.text, unit.start, end)
                         if _TOY_KEYS.isdisjoint(k.lower() for k in m.group(1, 2)))
        if len(found) < 2:
            return None
        close = self.text.find("}", found[0].end())  # (the first record, to its brace)
        return Found("example", "records", bisect.bisect_left(self._starts, found[0].start()),
                     bisect.bisect_left(self._starts, close if close >= 0 else found[0].end()) - 1)

    @functools.cached_property
    def _starts(self) -> list[int]:
        """Where each token starts in the text (to find the token of a character)."""
        return [t.start for t in self.tokens]

    def _solved_case(self, skip: frozenset[int]) -> Found | None:
        """A real-world trouble told in the sentences right before one that names the topic as
        its fix: "upgrading NumPy broke our web app ... venv fixes this by ..." is the case the
        topic is for, with no "for example" said."""
        W = _lists()  # noqa: N806
        for s in self._solutions():
            for u in range(max(0, s - 3), s):
                unit = self.units[u]
                if u in skip or not unit.prose or unit.code or unit.heading:
                    continue
                first, last = self.spans[u]
                for p in range(first, last):
                    if (self.tokens[p].text in W.concrete or self.tokens[p].text in W.tools) \
                            and not self._glued(p) and not self._in_a_name(p):
                        return Found("example", "a case it solves", p, p)
        return None

    def _had_a_thing(self, words: Sequence[str], first: int) -> tuple[int, int] | None:
        """Where the speaker tells a thing they had at work: "we had a loop over grid cells",
        "At work, we had two programs", "I had a ListingScraper class" (not "we had to", "if I
        had a function like this", "I had some idea", "the args we had before"); ``words`` are
        those of the sentence starting at token ``first``."""
        for i in range(len(words) - 2):
            if words[i] not in _STORYTELLERS or words[i + 1] != "had":
                continue
            if i and words[i - 1] not in _OPENERS and words[i - 1] not in ("then", "also") \
                    and not any(c in self._gap_before(first + i) for c in ",;:"):
                continue  # inside a clause: "if I had", "whether we had", "the args we had"
            det = words[i + 2]
            if det not in _HAD_DETERMINERS and not det.isdigit():
                continue
            noun = next((j for j in range(i + 3, min(len(words), i + 7))
                         if is_content(words[j]) and words[j] not in _SOFT_HAD), None)
            if noun is not None and words[noun] not in _ABSTRACT_HAD:
                return i, noun
        return None

    def _how_learnt(self, u: int) -> bool:
        """Whether unit ``u`` tells how the speaker came to know the topic ("I learned
        decorators from a video", "I first saw generators in a talk"), which is no use of it."""
        first, last = self.spans[u]
        starts = {f for f, _ in self.topic_hits}
        return any((self.tokens[p].text in _CAME_TO_KNOW
                    and not starts.isdisjoint(range(p + 1, min(last, p + 4))))
                   # "one thing I remember from reading about it is ..."
                   or (self._said(p).lower().startswith("remember") and any(
                       self.tokens[q].text in _READ_ABOUT for q in range(p + 1, min(last, p + 5))))
                   for p in range(first, last))

    def _story_told(self, u: int) -> tuple[int, int] | None:
        """Where unit ``u`` tells what the speaker did, as a story ("we switched the importer",
        "I was reading the code and saw ..."): "I"/"we" and a verb in a past tense, "-ed" or
        "was/were ...-ing" (not what the speaker thought: "I wanted", "we were wondering"). The
        span is relative to the unit, as ``_find_spans`` gives it."""
        first, last = self.spans[u]
        for p in range(first, last - 1):
            if self.tokens[p].text not in thesaurus.STORY_SUBJECTS:
                continue
            verb = self._said(p + 1).lower()
            if verb in ("was", "were") and p + 2 < last:
                verb = self._said(p + 2).lower()
                if verb.endswith("ing") and len(verb) > 5 and verb not in thesaurus.NOT_STORY_VERBS:
                    return p - first, p + 2 - first
            elif verb.endswith("ed") and len(verb) > 4 and verb not in thesaurus.NOT_STORY_VERBS:
                return p - first, p + 1 - first
        return None

    def _set_in(self, words: Sequence[str], first: int) -> tuple[int, int] | None:
        """Where a sentence that opens in a real setting names it: "In a game, every enemy
        ...", "On Ubuntu, pip refuses ..." (not "In a list, ...", "In a file, ...")."""
        W = _lists()  # noqa: N806
        if words[:1] not in (["in"], ["on"], ["at"]) or len(words) < 2 \
                or (words[1] not in _SETTING_ARTICLES and words[1] not in W.concrete):
            return None  # (not "In fact, the users ...", "In doing a benchmark ...")
        for i in range(1, min(4, len(words))):
            if _a_real_thing(words[i]) and not self._in_a_name(first + i):
                return 0, i
        return None

    def _marks_a_case(self, words: Sequence[str], first: int, at: int) -> bool:
        """Whether the example marker at ``words[at]`` opens a case, not a word of another
        sense: "I'd say you don't need to", "which is to say", "is generally considered good",
        "what they're supposed to do", "what you want to use for each" (but "Consider a shop",
        "Now suppose you ...", "it is used for caching")."""
        said = self._said(first + at).lower()
        if words[at] == "ex":  # a note's "Ex: a chess engine's table ...", not "ex-colleague"
            return at == 0
        if words[at] == "say":
            return at == 0 or words[at - 1] not in ("would", "to")
        if words[at] in _ASKED_TO:  # "Suppose you run a shop", "Alright, imagine": an imperative
            return said in _ASKED_TO[words[at]] and (at == 0 or words[at - 1] not in _NOT_ASKING)
        if words[at:at + 2] == ["use", "for"]:
            return said == "used"
        return True

    @staticmethod
    def _announced(words: Sequence[str]) -> tuple[int, int] | None:
        """An example announced and then given: "The greatest example I know of is exception
        hierarchies", "So the use case I had in mind is ..." (not "A classic example is squaring
        numbers", "A good example is this one", "I can't think of a good example", "There are
        many use cases")."""
        W = _lists()  # noqa: N806
        span = _find_span(words, W.announced, 0, len(words))
        if span is None or not _NEG.isdisjoint(words[max(0, span[0] - 4):span[0]]):
            return None
        # (the copula of the case, not of a pronoun: "depends on your use case and what you're
        # trying to achieve" announces nothing)
        copula = next((i for i in range(span[1] + 1, min(len(words), span[1] + 7))
                       if words[i] in _COPULAS and words[i - 1] not in _SUBJECTS), None)
        if copula is None:
            return None
        given = words[copula + 1:]
        if any(w.isdigit() or w in _NUMBER_WORDS or w in W.toys for w in given):
            return None  # toy arithmetic: "yields 1, 2 and 3", "squaring numbers"
        return span if sum(is_content(w) for w in given) >= 2 else None

    def _a_remark(self, u: int) -> bool:
        """Whether the line of code ``u`` is a comment in words, all of it: "# Using map and a
        lambda works, but it is less readable"."""
        line = self.text[self.units[u].start:self.units[u].end].lstrip()
        return line.startswith("#") and remarks_in_words(line)

    def learning_curves(self) -> frozenset[int]:
        """The sentences that call the thing hard only at first: no trade-off is told there."""
        return frozenset(u for u, unit in enumerate(self.units)
                         if _AT_FIRST.search(self.text, unit.start, unit.end))

    def _troubles_listed(self, u: int) -> bool:
        """Whether unit ``u`` is an item of a list opened as the troubles the topic spares:
        "This helps with a number of issues:", "It solves these problems:"."""
        if not is_bullet(self.text, self.units[u]):
            return False
        opener = u - 1
        while opener >= 0 and is_bullet(self.text, self.units[opener]):
            opener -= 1
        if opener < 0:
            return False
        unit = self.units[opener]
        words = self._words(opener)
        return self.text[unit.start:unit.end].rstrip().endswith(":") \
            and not _SPARED_BY.isdisjoint(words) and not _TROUBLES.isdisjoint(words)

    def _opens_example(self, u: int) -> bool:
        """Whether unit ``u`` opens the next one as an example: a marker that ends its sentence
        ("For example:", "Real life examples include:"; not "e.g.", nor a marker inside a
        sentence: "a property, used for computed attributes."), or a title that says it is one
        ("### Example 1", "Use cases")."""
        if u < 0 or self.units[u].code:
            return False
        W = _lists()  # noqa: N806
        words = self._words(u)
        if self.units[u].heading:
            return "exampl" in words or _find(words, W.example_markers, 0, len(words)) is not None
        opener = _find_span(words, W.example_markers, max(0, len(words) - 4), len(words))
        unit = self.units[u]
        return opener is not None and words[opener[0]:opener[0] + 2] != ["e", "g"] and (
            opener[1] >= len(words) - 2 or words[-1] in _LEADS_ON
            or self.text[unit.start:unit.end].rstrip().endswith(":"))

    def _in_a_title(self, pos: int) -> bool:
        """Whether token ``pos`` opens a capitalised name in mid-sentence ("Beautiful Soup",
        "Clean Code"): a name, not a quality (not a heading's "Not Very Readable")."""
        after = pos + 1
        return pos != self.spans[self.unit_of[pos]][0] and after < len(self.tokens) \
            and self.unit_of[after] == self.unit_of[pos] and self._said(pos).istitle() \
            and self._said(after).istitle()

    def _said(self, pos: int) -> str:
        """Token ``pos`` as written in the answer (case and all, before any folding)."""
        return self.text[self.tokens[pos].start:self.tokens[pos].end]

    def _clause_mark(self, words: Sequence[str], first: int, at: int) -> bool:
        """Whether a "," or ";" stands between ``words[at]`` and the negation just before it
        (the sentence starts at token ``first``): "tuples cannot change, they safely hold ..."
        denies no safety (but "honestly, not very readable" does deny it)."""
        neg = next((j for j in range(at - 1, max(-1, at - 4), -1) if words[j] in _NEG), None)
        return neg is not None and any(c in self._gap_before(first + j)
                                       for j in range(neg + 1, at + 1) for c in ",;")

    def _too_qualifies(self, pos: int) -> bool:
        """Whether "too" at token ``pos`` qualifies the word after it ("too clever", "too, uh,
        clever": a filler between), not "also" ending a clause ("positional ones too, except
        ...")."""
        gap = self._gap_after(pos)
        return "," not in gap or any(c.isalpha() for c in gap)

    def _gap_after(self, pos: int) -> str:
        """What is written between token ``pos`` and the one after it."""
        end = self.tokens[pos + 1].start if pos + 1 < len(self.tokens) else len(self.text)
        return self.text[self.tokens[pos].end:end].strip()

    def _gap_before(self, pos: int) -> str:
        """What is written between token ``pos`` and the one before it (spaces, punctuation)."""
        return self.text[self.tokens[pos - 1].end:self.tokens[pos].start] if pos else ""

    def _in_a_name(self, pos: int) -> bool:
        """Whether a word is a piece of an identifier: glued to a neighbour by "_" or by a change
        of case ("slow_query", "hardDisk", "LimitOrder")."""
        token = self.tokens[pos]
        word = self.text[token.start:token.end]
        before = self.text[max(0, token.start - 2):token.start]
        after = self.text[token.end:token.end + 2]
        # "_" glues only between letters or digits (not markdown's "_expensive_")
        return (before[-1:] == "_" and before[:1].isalnum()) \
            or (after[:1] == "_" and after[1:].isalnum()) \
            or (before[-1:].islower() and word[:1].isupper()) \
            or (word[-1:].islower() and after[:1].isupper())

    def _whole_name(self, pos: int) -> str:
        """The identifier that token ``pos`` starts, as written ("BrokenPipeError", which the
        tokenizer cuts into words)."""
        found = _IDENTIFIER.match(self.text, self.tokens[pos].start)
        return found.group() if found else ""

    def _a_file(self, pos: int) -> bool:
        """Whether a word is a file's name: "shared.py", "settings.toml"."""
        end = self.tokens[pos].end
        return bool(_EXTENSION.match(self.text, end))

    def _glued(self, pos: int) -> bool:
        """Whether a word is written glued to a path or code symbol ("/home/user", "$USER")."""
        token = self.tokens[pos]
        before = self.text[token.start - 1:token.start] if token.start else ""
        after = self.text[token.end:token.end + 1]
        return bool(before and before in "/\\$=") or bool(after and after in "/\\=")

    def _named_instance(self, u: int) -> tuple[int, int] | None:
        """A real product named as an instance in prose: "libraries like Tenacity", "frameworks
        such as Django" (not a language: "languages like Java", nor a name in backticks:
        "exits like `SystemExit`" is an identifier of the code)."""
        if self.units[u].code:
            return None
        W = _lists()  # noqa: N806
        first, last = self.spans[u]
        for p in range(first, last - 1):
            word = self.tokens[p].text
            if word == "like" or (word == "such" and self.tokens[p + 1].text == "as"):
                name = p + 1 if word == "like" else p + 2
                if name >= last:
                    continue
                token = self.tokens[name]
                said = self._said(name)
                # a recogniser often writes the name in lower case: "libraries like tenacity"
                kind = p > first and self.tokens[p - 1].text in W.kinds_of_tool
                # in backticks, an identifier of the code ("exits like `SystemExit`") unless a
                # kind of tool or a known one names it ("libraries like `tenacity`")
                quoted = "`" in self._gap_before(name) and not kind and token.text not in W.tools
                if any(c in self._gap_before(name) for c in ".:!?\n") or quoted \
                        or token.text in W.not_names or len(said) < 3 \
                        or self._whole_name(name).endswith(_CLASS_OF_ERROR) \
                        or self._a_file(name) or self._a_topic_term(name) \
                        or self._whole_name(name).lower() in sys.stdlib_module_names \
                        or self._whole_name(name) in BUILTINS:
                    continue  # (nor an exception class, "like SystemExit", nor "like shared.py",
                    # nor Python's own modules and builtins: "libraries like multiprocessing",
                    # "like pydoc", "tools like map, filter and sorted")
                capitalised = said[:1].isupper() and not said.isupper() \
                    and any(c.islower() for c in said)
                # "I like Mondays" is a verb; "subclasses like Dog" are the textbook toys
                toy = p == first or self.tokens[p - 1].text in _NOT_AN_INSTANCE
                if (kind and is_content(token.text)) or token.text in W.tools \
                        or (capitalised and not toy):
                    return p, name
        return None

    def _tool_at_work(self, u: int) -> tuple[int, int] | None:
        """A known tool said in a sentence that names the topic: "Numba's jit decorator compiles
        the function", "Django is full of mixins", "don't put the virtualenv where Bandit scans"
        (a real setting the topic is used in; not a piece of a name or a path)."""
        W = _lists()  # noqa: N806
        first, last = self.spans[u]
        for p in range(first, last):
            if self.tokens[p].text in W.tools and self.tokens[p].text not in _HOSTS \
                    and not self._glued(p) and not self._in_a_name(p) and not self._a_topic_term(p):
                return p, p
        return None

    def _a_topic_term(self, pos: int) -> bool:
        """Whether token ``pos`` is part of a term of the topic ("tools like virtualenv" in an
        answer about virtual environments names the topic itself, not an instance of it)."""
        return any(first <= pos <= last for first, last in self.topic_hits)

    def _solutions(self) -> list[int]:
        """Sentences that name the topic as the answer to a problem told before them:
        "Virtual environments solve this problem by ...", "a venv fixes that"."""
        found = []
        for u, unit in enumerate(self.units):
            if not (unit.prose and self.hits[u]):
                continue
            words = self._words(u)
            first = self.spans[u][0]
            named_at = min(p - first for p, _ in self.topic_hits if self.unit_of[p] == u)
            for i, word in enumerate(words[:-1]):
                # "Virtual environments solve this problem", "a venv fixes that" (not "solve
                # this problem of clashing versions": that one is told here; nor "you can fix
                # that by using a list": the speaker's way round a cost)
                back = i + 2 if words[i + 1] in _EXACTLY and i + 2 < len(words) else i + 1
                # ("To solve this, we use virtual environments": the fix named after it)
                leads = i == 1 and words[0] == "to"
                if word in _SOLVES and words[back] in _BACK and (named_at < i or leads) \
                        and _SPEAKERS.isdisjoint(words[max(0, i - 3):i]):
                    k = back + 2 if words[back + 1:back + 2] in (["problem"], ["issu"]) else back + 1
                    if words[k:k + 1] != ["of"]:
                        found.append(u)
                        break
        return found

    def _trade_off(self, skip: frozenset[int], costs_only: bool = False) -> Found | None:
        W = _lists()  # noqa: N806
        solutions = self._solutions()
        asked = {self.unit_of[first] for first, _ in self.asked}  # "a venv is slow to set up"
        for u, unit in enumerate(self.units):
            if not (unit.prose or self._a_remark(u)) or not self.relevant[u] or u in skip:
                continue
            if u not in asked and any(u < s <= u + 3 for s in solutions):
                continue  # the trouble that the topic then solves, not a cost of it
            if self._troubles_listed(u):
                continue  # "This helps with a number of issues: - messy system installs"
            words = self._words(u)
            first = self.spans[u][0]
            kept_off = -1  # a trouble kept off reaches this far: "to avoid it being hit by ..."
            # "Without venvs, every package goes global. That soon becomes a problem." tells why
            # to use the topic: the sentence's cost words are no costs of it
            # (not a piece of a name: "a custom exception `TooManyCalls`")
            costs = [cost for cost in _find_spans(words, W.cost)
                     if not self._in_code_said(u, first + cost[0])
                     and not self._in_a_name(first + cost[0])]
            for cost in [] if costs and self._after_without(u) else costs:
                if cost[0] <= kept_off:
                    continue  # "reduces the risk of deploying unnecessary packages"
                if _a_purpose(words, cost[0]) or self._said(first + cost[0]).lower() == "avoids":
                    # ("Avoids loading everything into memory": what the topic spares)
                    kept_off = _kept_off(words, cost[1])
                    continue  # "To avoid conflicts, ...": what it is for, not a cost
                if self._no_cost_said(words, first, cost):
                    continue
                if _kept_from(words, cost[0]):
                    continue  # "a lock to prevent threads from corrupting it": kept off
                if not _negated(words, cost[0], _PREVENTS, words[cost[0]] not in EXCESS) \
                        and not _none_met(words, cost[0]):
                    return Found("trade_off", "cost", first + cost[0], first + cost[1])
                if _negated(words, cost[0], _PREVENTS, negations=False):
                    kept_off = _kept_off(words, cost[1])
            if _WARNED.match(self.text, unit.start, unit.end):
                # "Warning: call to __init__ of the super class is missed": a caveat labelled
                return Found("trade_off", "cost", first, first)
            advice = _ADVICE_AGAINST.search(self.text[unit.start:unit.end])
            if advice is not None:  # "you never want to catch them all, because it can ..."
                at = bisect.bisect_left(self._starts, unit.start + advice.start(2))
                return Found("trade_off", "when not to", at, min(self.spans[u][1] - 1, at + 8))
            suited = _SUITED_NOT.search(self.text, unit.start, unit.end)
            if suited is not None:  # "great for I/O, not for number crunching"
                at = bisect.bisect_left(self._starts, suited.start(1))
                end = bisect.bisect_left(self._starts, suited.end()) - 1
                return Found("trade_off", "when not to", at, min(self.spans[u][1] - 1, end))
            only = self._used_only_when(words, first)
            if only is not None:  # "I use them only when ...", "I'd only use kwargs if ..."
                return Found("trade_off", "when not to", first + only[0], first + only[1])
            too = next((i for i, w in enumerate(words[:-1]) if w == "too"
                        and is_content(words[i + 1]) and not _negated(words, i)
                        and not self._in_a_name(first + i)  # "`TooManyRequests`"
                        and (i == 0 or words[i - 1] not in _TALKED_OF)
                        # "checks if the temperature is too high": a test on the data
                        and _CHECKED.isdisjoint(words[max(0, i - 6):i])
                        and self._too_qualifies(first + i)), None)
            if too is not None:  # "a full class would be too heavyweight", "too clever"
                return Found("trade_off", "cost", first + too, first + too + 1)
            denied = next((i for i, w in enumerate(words) if w in W.good
                           and _denied(words, i) and not self._clause_mark(words, first, i)
                           and not self._in_a_title(first + i)  # "not installing Beautiful Soup"
                           and _WH.isdisjoint(words[i + 1:i + 2])
                           # "useful if you can't predict how many": a case, not a cost
                           and _CONDITIONS.isdisjoint(words[max(0, i - 5):i])), None)
            if denied is not None:  # "not a very efficient way", "it does hurt readability"
                start = _far_denial(words, denied)
                return Found("trade_off", "quality denied",
                             first + (max(0, denied - 3) if start is None else start),
                             first + denied)
            if costs_only:
                continue
            ratio = _RATIO.search(self.text, unit.start, unit.end)
            if ratio is not None:  # "a process pool was about 6x faster": two ways measured
                at = bisect.bisect_left(self._starts, ratio.start())
                end = max(at, bisect.bisect_left(self._starts, ratio.end()) - 1)
                # (not a world without the topic, as a cost's: "without the decorator, every
                # view would be twice as long")
                if not self._after_without(u) and not _a_motive(words, (at - first, end - first)):
                    return Found("trade_off", "comparison", at, end)
            # "several advantages over a central install", "the benefit over a list is ..."
            over = next((i for i, w in enumerate(words[:-1]) if w in _MERITS
                         and words[i + 1] == "over" and not _negated(words, i)), None)
            if over is not None:
                return Found("trade_off", "comparison", first + over, first + over + 1)
            # "better" and "worse" are both: a judgement between two ways
            # ("it isn't clear what they do" is about understanding, not a quality)
            # (nor is a manner: "unless it is explicitly released", "so the program runs
            # slowly"; "more efficiently" compares)
            evaluative = next((i for i, w in enumerate(words) if w in W.evaluative
                               and _WH.isdisjoint(words[i + 1:i + 2])
                               and not (self._said(first + i).lower().endswith("ly")
                                        and _DEGREE.isdisjoint(words[i - 1:i]))), None)
            pivot = next((i for i, w in enumerate(words) if w in W.compare), None)
            if pivot is None:
                pivot = _find(words, W.hedges, 0, len(words))
                if pivot is not None and "also" in words[pivot + 1:pivot + 3]:
                    pivot = None  # "..., but it also runs code of its own": one more thing
                if pivot is not None and self._quoted(first + pivot):
                    # 'it solves the "X needs 1.x but Y needs 4.x" dilemma': a quote's hedge
                    pivot = None
                if pivot is not None and words[pivot] == "onli":
                    # "computes each value only when asked": a judgement must follow the hedge
                    evaluative = next((i for i, w in enumerate(words)
                                       if i > pivot and w in W.evaluative), None)
            if pivot is not None and evaluative is None:
                # "use a tuple instead, because ...": an alternative with a reason
                evaluative = _find(words, W.reasons, pivot + 1, len(words)) \
                    if words[pivot] in W.prefer else None
            if pivot is not None and pivot == evaluative and not any(
                    w in W.compare for i, w in enumerate(words) if i != pivot) \
                    and _ALTERNATIVES.isdisjoint(words[pivot + 1:pivot + 2]):
                # "it would work better if ...": no second way to compare; "it performs better
                # because ..." gives the reason a comparison gives (not "better known as")
                reason = _find(words, W.reasons, pivot + 1, min(len(words), pivot + 6))
                learnt = not _LEARNT.isdisjoint(words[max(0, pivot - 4):pivot])
                evaluative = None if learnt or words[pivot + 1:pivot + 2] == ["known"] else reason
            if pivot is not None and evaluative is not None \
                    and not self._praised_twice(words, pivot, evaluative):
                lo, hi = sorted((pivot, evaluative))
                return Found("trade_off", "comparison", first + lo, first + hi)
            if pivot is not None and u + 1 < len(self.units) and self.units[u + 1].prose \
                    and u + 1 not in skip:
                found = self._compared_after(words, first, pivot, evaluative, u + 1)
                if found is not None:
                    return found
        return None if costs_only else self._measured(skip)

    @staticmethod
    def _praised_twice(words: Sequence[str], pivot: int, evaluative: int) -> bool:
        """Whether "X, but Y" only praises twice: "Simple, but useful", "clean but very
        readable" (no cost on either side of the "but")."""
        W = _lists()  # noqa: N806
        after = words[pivot + 1:]
        return words[pivot] == "but" and evaluative < pivot and words[evaluative] in W.good \
            and any(w in W.good for w in after) \
            and all(w in W.good or w in _DEGREE or not is_content(w) for w in after)

    def _compared_after(self, words: Sequence[str], first: int, pivot: int,
                        evaluative: int | None, after_u: int) -> Found | None:
        """A comparison pivoting at ``words[pivot]`` (the sentence starts at token ``first``)
        that goes on in the next sentence, unit ``after_u``."""
        W = _lists()  # noqa: N806
        after = self._words(after_u)
        after_first = self.spans[after_u][0]
        if not after:
            return None
        if evaluative is None and words[pivot] in W.compare \
                and _find(after, W.reasons, 0, 1) == 0:
            # its reason cut off into a sentence of its own, as a recogniser often writes it:
            # "This one is slightly preferred. Because it is the one we use."
            return Found("trade_off", "comparison", first + pivot, after_first)
        if words[pivot] in W.prefer:
            # the alternative, then what it does better: "instead of a lambda I'd use
            # itemgetter. It's faster, because it's written in C."
            better = next((i for i, w in enumerate(after) if w in W.evaluative), None)
            if after[:1] in (["it"], ["that"], ["this"]) and better is not None \
                    and not _negated(after, better):
                return Found("trade_off", "comparison", first + pivot, after_first + better)
        if evaluative is None and words[pivot] in W.compare:
            # the other way told, then which is better: "The alternative would be to check
            # first. Catching the error is usually simpler."
            better = next((i for i, w in enumerate(after) if w in W.evaluative
                           and self._comparative(after_first + i) and not _negated(after, i)),
                          None)
            if better is not None:
                return Found("trade_off", "comparison", first + pivot, after_first + better)
        return None

    def _comparative(self, pos: int) -> bool:
        """Whether the quality at token ``pos`` is said as a comparison: "simpler", "more
        readable", "less safe" (not "simple", "readable")."""
        return self._said(pos).lower().endswith("er") \
            or (pos > 0 and self._said(pos - 1).lower() in ("more", "less"))

    def _measured(self, skip: frozenset[int]) -> Found | None:
        """Two different measures of one kind (memory or time) in units about the topic: what a
        benchmark shows ("# 8 MB" for the list, "# 200 bytes" for the generator; "took 5.9 s"
        with threads, "3 s" without). The closest such pair is the evidence."""
        seen: dict[bool, list[tuple[str, int]]] = {True: [], False: []}  # memory? -> (value, at)
        best: tuple[int, int] | None = None
        starts = self._starts
        for u, unit in enumerate(self.units):
            if not self.relevant[u] or u in skip:
                continue
            for m in _MEASURE.finditer(self.text, unit.start, unit.end):
                if _A_SETTING.search(self.text, max(unit.start, m.start() - 40), m.start()):
                    continue
                at = min(bisect.bisect_left(starts, m.start()), len(starts) - 1)
                end = max(at, bisect.bisect_left(starts, m.end()) - 1)  # through "bytes", "s"
                value = m.group(1).replace(",", "")
                kind = seen[m.group(2) is not None]
                for other, was in kind:
                    if other != value and (best is None or end - was < best[1] - best[0]):
                        best = (was, end)
                kind.append((value, at))
        return None if best is None else Found("trade_off", "measured comparison", *best)

    def _used_only_when(self, words: Sequence[str], first: int) -> tuple[int, int] | None:
        """Span of "use it only when", "only use kwargs if": when to use the topic, and so
        when not to. What is used is a pronoun or the topic ("the generator only uses memory
        when asked" tells how it works; "not only when" widens)."""
        for i, word in enumerate(words):
            if word != "onli" or words[i - 1:i] == ["not"]:
                continue
            if words[i + 1:i + 2] == ["use"] and self._said(first + i + 1).lower() == "use":
                used = i + 2  # "only use them when", "only use a lambda if"
            elif words[i + 1:i + 2] in (["when"], ["if"]) and i >= 2 \
                    and self._said(first + i - 2).lower() == "use":
                used = i - 1  # "use this only when"
            else:
                continue
            if used >= len(words):
                continue
            said = self._said(first + used).lower()
            named = said in ("it", "them", "this", "these", "those") or any(
                self._a_topic_term(first + p) for p in range(used, min(used + 2, len(words))))
            condition = next((p for p in range(i + 1, min(len(words), used + 4))
                              if words[p] in ("when", "if")), None)
            if named and condition is not None:
                return min(i, used - 1), condition
        return None

    def _in_code_said(self, u: int, pos: int) -> bool:
        """Whether token ``pos`` of unit ``u`` is part of code in it, a name said aloud ("def
        even numbers limit": a parameter) rather than a word of the sentence."""
        return in_code(self.text, self.units[u], self.tokens[pos].start)

    def _limit_as_doing(self, pos: int) -> bool:
        """Whether the cost word at ``pos`` is "restrict" or "limit" said as what something does
        to whom ("restricts access to the view", "limit routes to logged-in users"), not as a
        limit it has or puts on you ("the limit", "can restrict you", "limited", "a restriction")."""
        said = self._said(pos).lower()
        if said not in _DOING_NOT_COST:
            return False
        # (one word may qualify what is limited: "restricts direct access to its attributes",
        # "restricting the access of the methods")
        after = [self.tokens[p].text for p in range(pos + 1, min(pos + 3, len(self.tokens)))
                 if self.unit_of[p] == self.unit_of[pos]]
        if after[:1] and after[0] in _LIMITED_THINGS:
            return True
        return len(after) > 1 and after[0] in _ACCESS_KINDS and after[1] in _LIMITED_THINGS

    def _no_cost_said(self, words: Sequence[str], first: int, cost: tuple[int, int]) -> bool:
        """A cost word (``words[cost[0]:cost[1] + 1]`` of the sentence starting at token
        ``first``) that states no cost of the topic."""
        at, end = cost
        said = self._said(first + at)
        before = words[at - 1] if at else ""
        return (self._limit_as_doing(first + at)  # "it restricts access to logged-in users"
                # "up to a specified limit", "a purchase limit", "lets you limit the params": a
                # bound or a doing (not "The limit: one expression", "the limit is ...";
                # "limited", "its limits", "it limits you to" are costs)
                or (said.lower() == "limit" and self._gap_after(first + end)[:1] != ":"
                    and words[end + 1:end + 2] not in (["is"], ["here"]))
                # "installed only once per project", "do the lookup only once": how often a
                # thing is done, not that it can be gone through once ("iterated only once")
                or (words[at:end + 1] == ["onli", "onc"]
                    and _GONE_THROUGH.isdisjoint(words[max(0, at - 4):at]))
                or _a_motive(words, cost)  # "if we upgrade Django we will hit a problem": why to
                # "interface with some complex object", "cache an expensive call"
                or _describes_a_thing(words, at, said)
                # "I avoided them for years": a story, not a reason to
                or (said.lower() == "avoided" and before in _STORYTELLERS)
                # "I've never used finally": the speaker's past, not advice never to
                or (said.lower().split() == ["never", "used"]
                    and not _PAST.isdisjoint(words[max(0, at - 3):at]))
                or before in _FILED  # "he filed an issue against PyPy": a ticket
                # part of a name: "hard_worker_pool", "LimitOrder", "the `hardDisk` class"
                or any(self._in_a_name(p) for p in range(first + at, first + end + 1))
                # "we'll talk about the pros and cons" (not "Pros and cons: ...")
                or (words[max(0, at - 2):at] in _ANNOUNCED
                    and self._gap_after(first + end)[:1] != ":")
                or words[end + 1:end + 2] == ["equal"]  # "cost equals sum of ...": a name
                # "if you lose the connection, ...": a condition; "you lose nothing"
                or (words[at] in ("you", "we") and (before in _CONDITIONS
                                                    or words[end + 1:end + 2] == ["noth"]))
                # "there is no way to explain X without Y": about telling, not using
                or (words[at:end + 1] == ["no", "way", "to"]
                    and words[end + 1:end + 2] in (["explain"], ["tell"], ["say"], ["describ"]))
                or (at == 0 and words[0] == "do")  # "Do not scale the image": an instruction
                # "a hard drive", "a hard link": a thing named, no difficulty
                or (self._said(first + end).lower() == "hard"
                    and words[end + 1:end + 2] in _HARD_THINGS)
                # "with a venv you don't bother with sudo pip anymore": a chore it spares
                or (said.lower().replace("'", " ").startswith(("don t bother", "do not bother"))
                    and "anymor" in words[end + 1:end + 10])
                # "encapsulation is used to restrict access": what it is for
                or (words[max(0, at - 2):at] in _FOR_IT)
                # "we don't have to say too much there", "don't worry too much": talk, no excess
                or (words[at] == "too" and before in _TALKED_OF)
                # "this answer doesn't cover exception groups": the talk's own limit
                or (words[end:end + 1] == ["cover"] and not _TALKS.isdisjoint(words[max(0, at - 3):at]))
                # "you should be careful when using them": a warning that says nothing of what
                # to watch for (but "be careful with mutable defaults, they're shared" does)
                or (not _WARNINGS.isdisjoint(words[at:end + 1])
                    and sum(is_content(w) and w not in _WARNED_OF for w in words[end + 1:]) < 2)
                # "unread messages": a word of its own that stems as "unreadable" does
                or said.lower() == "unread"
                # "abstraction: hiding the complexity", "complexity hiding": kept in hand (not
                # "hidden jumps, hard")
                or (words[at] == "complex" and "hide" in words[max(0, at - 2):at + 2])
                # "On the flip side, a list you can change": a contrast, no cost
                or (said.lower().startswith("flip") and words[max(0, at - 2):at] == ["on", "the"])
                # "To my surprise, it was easy", "Surprisingly, it was easy": the speaker's
                # surprise, no cost (but "it behaves surprisingly when ..." is one)
                # ("the most surprisingly effective way": praise made stronger, no cost)
                or (words[at] == "surpris" and (words[max(0, at - 2):at] in _TO_MY or (
                    at == 0 and self._gap_after(first + at)[:1] == ",")
                    or (said.lower() == "surprisingly" and end == at and at + 1 < len(words)
                        and (words[at + 1] in _lists().good or words[at + 1] in _PRAISED))))
                # "rate limiting on the public API": a feature, no limitation
                or (words[at] == "limit" and before == "rate")
                # "try catch is useful when ...": the construct, not "the catch is"
                or (said.lower().startswith("catch") and before == "tri")
                # "the problem they solve", "the issue it fixes": what the topic is for
                or (words[end] in ("problem", "issu")
                    and not _SOLVES.isdisjoint(words[end + 1:end + 4]))
                # "aster-risk args", "funcaster-risk": a recogniser's "asterisk", no risk
                or (words[at] == "risk" and at > 0
                    and self._said(first + at - 1).lower().endswith("ster"))
                # "uppercase them, but only for words longer than three letters": a condition
                or (words[at:end + 1] == ["but", "onli"]
                    and words[end + 1:end + 2] in (["for"], ["when"], ["if"], ["where"]))
                # "without loading the entire file into memory": a load spared
                or ("memori" in words[at:end + 1]
                    and not _SPARED.isdisjoint(words[max(0, at - 4):at]))
                # a word in a string of the code ("six impossible things" in a sample sentence)
                or self._in_a_string(first + at)
                # "These issues may be avoided by ...": troubles the topic spares
                or (words[at] == "avoid" and any(
                    words[i] in _POINTING and words[i + 1] in _TROUBLES
                    for i in range(max(0, at - 6), at - 1)))
                # "The following will not work:" over a snippet that fails: a demo, no cost
                or (words[end:end + 1] == ["work"]
                    and not _SHOWN_BELOW.isdisjoint(words[max(0, at - 3):at]))
                # "private members can only be accessed through the class", "you can only
                # change it through deposit()", "keyword-only arguments can only be passed by
                # name": who may reach it and how, the rule it makes (not "it can only be used
                # once")
                or (words[at:end + 1] == ["can", "onli"] and self._reached_only_by(words, end + 1)))

    @staticmethod
    def _reached_only_by(words: Sequence[str], at: int) -> bool:
        """Whether ``words[at:]`` say a way in after "can only": "(be) accessed through", "change
        it via"."""
        at += words[at:at + 1] == ["be"]
        if words[at:at + 1] not in _REACHED:
            return False
        at += 1 + (words[at + 1:at + 2] in (["it"], ["them"]))
        return words[at:at + 1] in _BY_WAY_OF

    def _quoted(self, pos: int) -> bool:
        """Whether token ``pos`` is inside double quotes in its sentence: words quoted, not
        the speaker's own."""
        before = self.text[self.units[self.unit_of[pos]].start:self.tokens[pos].start]
        return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")

    def _in_a_string(self, pos: int) -> bool:
        """Whether token ``pos`` is inside a string literal of code written in the sentence
        ('words = "six impossible things before breakfast".split()'), not a word of prose."""
        return in_a_string(self.text[self.units[self.unit_of[pos]].start:self.tokens[pos].start])

    def _after_without(self, u: int) -> bool:
        """Whether unit ``u`` goes on about a world without the topic, told by the sentence
        before it and not naming the topic itself: "Without virtual environments, every package
        goes into one global install. This seems fine at first, but it quickly becomes a
        problem" is why to use them, no cost of theirs."""
        if u == 0 or self.hits[u] or self.units[u - 1].code \
                or self.tokens[self.spans[u][0]].text in _CONTRASTS:
            return False  # ("But you can only iterate over it once": back to the topic)
        first, last = self.spans[u - 1]
        at = first
        while at < last and self.tokens[at].text in _OPENERS:
            at += 1
        return at < last and self.tokens[at].text == "without" \
            and any(at < f <= at + 4 for f, _ in self.topic_hits)

    def _the_subject(self, u: int, first: int, last: int) -> bool:
        """Whether the topic term at tokens ``first..last`` is what its sentence is about."""
        start, end = self.spans[u]
        before = self.tokens[first - 1].text if first else ""
        if not self.units[u].prose or before in ("and", "or"):
            return False  # code, or one of a list: "inheritance and encapsulation are ..."
        lead = first - 1
        while lead > start and self.tokens[lead].text in ("a", "an", "the"):
            lead -= 1
        if lead >= start and self.tokens[lead].text in _PREPOSITIONS:
            # a thing's part: "apply with a lambda is a loop", "a list of tuples is" (unless a
            # relative clause defines it: "we lean on decorators, which are ...")
            return self._relative_after(last, end)
        if lead >= start and lead < first - 1 and self.tokens[lead].text in _HEADS:
            return False  # in a clause about another noun: "the sole benefit a lambda can offer"
        if first - start <= 5 \
                and next(_find_spans([t.text for t in self.tokens[start:first]], _lists().cost), None):
            return False  # the cost it is said to have: "the downside is each venv takes space"
        if last + 1 < end and self.tokens[last + 1].text in ("call", "name") \
                and self._said(last + 1).lower() in ("called", "named"):
            return False  # one named: "create a virtual environment called interview_env"
        if first > start and len(brand := self._said(first - 1)) > 1 and brand.isupper() \
                and self._gap_before(first) == " ":
            return False  # another thing of the same name: "AWS Lambda runs my code"
        if last + 1 < end and "," in self._gap_before(last + 1) and (
                "," in self._gap_before(first)
                or (self.tokens[last + 1].text not in _RELATIVE
                    and any(t.text in ("and", "or") for t in self.tokens[last + 2:min(end, last + 5)]))):
            # one of a list: "wrappers, decorators, pass-through helpers", "decorators,
            # generators and context managers are ..."
            return False
        # not "the strategy should yield a better return" (but "In object-oriented languages,
        # encapsulation is ..." is the subject), unless a relative clause defines it: "there's
        # this concept of kwargs in Python, which is basically ..."
        return first - start <= 3 or before in _DETERMINERS or "," in self._gap_before(first) \
            or self._relative_after(last, end)

    def _what_it_is_for(self, u: int, first: int, last: int) -> bool:
        """"... and that's what try and except are for", "that's all a virtual environment really
        is doing": the sentences before said what it is."""
        start, end = self.spans[u]
        before = [t.text for t in self.tokens[max(start, first - 7):first]]
        after = [t.text for t in self.tokens[last + 1:min(end, last + 5)]
                 if t.text not in ("realli", "actual", "basic", "just")]
        cleft = any(before[i:i + 2] in (["that", "is"], ["this", "is"])
                    and ("what" in before[i + 2:i + 4] or "all" in before[i + 2:i + 3])
                    for i in range(len(before) - 2))
        return cleft and after[:1] in (["is"], ["are"], ["do"], ["doe"]) \
            and after[1:2] in (["for"], ["do"])

    def _question_answered(self, u: int, first: int, last: int) -> int | None:
        """Where the answer ends when the term is asked about and the next units answer it:
        "## What are exceptions?" over "- Runtime errors - Interrupt normal flow", "So what is a
        generator? It's a function that ..." (not "What is a generator? I don't remember", "...?
        Let me show you"), or None."""
        start, end = self.units[u].start, self.units[u].end
        if not (_ASKS_WHAT.search(self.text, start, self.tokens[first].start)
                and _ASKED.match(self.text, self.tokens[last].end, end)):
            return None
        content = 0
        for v in range(u + 1, min(len(self.units), u + 1 + _ANSWER_UNITS)):
            if self.units[v].heading or not self.units[v].prose:
                return None
            words = self._words(v)
            if v == u + 1 and (words[:1] in _NOT_ANSWERS or not NEGATIONS.isdisjoint(words[:5])):
                return None
            content += sum(is_content(w) for w in words)
            if content >= _ANSWER_WORDS:
                return self.spans[v][1] - 1
        return None

    def _lead_in(self, start: int, first: int) -> list[str]:
        """The (up to four) words before the term at ``first`` in the sentence starting at
        ``start``, without the determiners right before it: "what we call (a)", "think of (the)"."""
        before = [t.text for t in self.tokens[max(start, first - 4):first]]
        while before and before[-1] in _DETERMINERS:
            before.pop()
        return before

    def _thought_of_as(self, u: int, first: int, last: int) -> bool:
        """ "You can think of a generator as a function that remembers where it stopped", "I
        think of a generator like the ticket machine at a deli counter": the term, thought of as
        what follows "as" or "like" (three content words of it at least)."""
        start, end = self.spans[u]
        before = self._lead_in(start, first)
        if before[-2:] != ["think", "of"] or last + 1 >= end \
                or self.tokens[last + 1].text not in ("as", "like"):
            return False
        # what it is thought of as, up to the clause's end ("as a last resort, honestly, ..."
        # is too short to say what it is; "as something you'll see" names no kind)
        clause = next((p for p in range(last + 3, end) if self._gap_before(p).strip()
                       # (a relative clause goes on: "as a function, that takes another")
                       and not (self._gap_before(p).strip() == ","
                                and self.tokens[p].text in _RELATIVE)), end)
        rest = [t.text for t in self.tokens[last + 2:clause]]
        return sum(is_content(w) for w in rest) >= 3 and _NOT_KINDS.isdisjoint(rest[:2])

    def _named_after_it(self, u: int, first: int, last: int) -> bool:
        """A sentence that names what the sentences before it explained: "That's what we call a
        virtual environment.", "This is called a generator.", "... is known as a decorator.",
        "That is enforced by the GIL."."""
        start, end = self.spans[u]
        if last + 1 != end or u == 0:
            return False  # the term ends the sentence, and something came before it
        before = self._lead_in(start, first)
        return before[-3:] == ["what", "we", "call"] or before[-2:] in (
            ["is", "call"], ["are", "call"], ["known", "as"]) or (
            before[-1:] == ["by"] and before[-3:-2] in (["is"], ["are"])
            and before[-2] in _DONE_BY and first - start <= 5
            and self.tokens[start].text in ("this", "that", "it"))

    def _relative_after(self, last: int, end: int) -> bool:
        """A relative pronoun right after the term, or after "in <word>": "kwargs in Python,
        which is ...", "a venv that we can use to ..." (not "... arc because that says")."""
        after = [t.text for t in self.tokens[last + 1:min(end, last + 4)]]
        return (len(after) > 0 and after[0] in _RELATIVE) \
            or (after[:1] == ["in"] and len(after) == 3 and after[2] in _RELATIVE)

    def _kind_that(self, p: int, end: int) -> bool:
        """A kind of thing and a relative clause that says which: "(exceptions are) errors
        that occur while the program runs", "(lambdas are) small functions which ..."."""
        words = [t.text for t in self.tokens[p:min(end, p + 5)]]
        for i, word in enumerate(words[1:-1], 1):
            if word in _RELATIVE:
                # "... that I avoid", "... that people overuse": an opinion, not a kind; "is
                # annoying, which is why": a quality, then a remark on it
                return words[i + 1] not in _WHOSE and "," not in self._gap_before(p + i) \
                    and all(is_content(w) and w not in _DEGREE and w not in _NOT_KINDS
                            for w in words[:i])
        return False

    def _one_of_them(self, first: int) -> bool:
        """Whether the term at ``first`` names one instance, not the kind: "this generator
        function", "our decorator", "the @tracer decorator", "the `cache` decorator"."""
        if not first or self.unit_of[first - 1] != self.unit_of[first]:
            return False  # (a word that ends the sentence before says nothing of this one)
        before = self.tokens[first - 1]
        glued = self.text[before.start - 1:before.start] if before.start else ""
        # "this" points at one thing in the middle of a sentence ("when you have this tuple
        # passed around"), but opens a general one in speech ("so this virtual environment is
        # basically a folder")
        pointed = before.text == "this" and any(
            t.text not in _OPENERS for t in self.tokens[self.spans[self.unit_of[first]][0]:first - 1])
        return pointed or before.text in ("these", "those", "our", "my") \
            or glued in ("@", "`", ".", "_") or self._gap_before(first) in ("`", "` ", "_")

    def _only_picked_out(self, start: int, end: int) -> bool:
        """Whether "X is ..." from token ``start`` only picks X out among others, saying nothing
        of what it does: "one of those features that look scary", "one of the big ones people
        ask about", "the one with two stars", "the things with the at symbol on top"."""
        words = [t.text for t in self.tokens[start:end]]
        while words and words[0] in SOFTENERS:
            words = words[1:]
        if words[:1] and words[0] in _ONES and words[1:2] == ["of"]:
            return words[2:3] == ["those"] or not _ONES.isdisjoint(words[2:7])
        return words[:1] == ["the"] and (not _ONES.isdisjoint(words[1:4]) or words[1:2] == ["thing"])

    def _only_placed(self, start: int, end: int) -> bool:
        """Whether "X is ..." from token ``start`` only says where X belongs, not what it is or
        does: "a module in the standard library", "one of the main principles of OOP", "a
        design pattern from the Gang of Four book", "the reason people say Python is slow",
        "the CPython thing that always comes up" (but "the principle of bundling data with
        ...", "a feature that lets you ..." say what)."""
        W = _lists()  # noqa: N806
        at = start
        if self.tokens[at].text in _ONES and at + 1 < end and self.tokens[at + 1].text == "of":
            at += 2  # "one of the main principles"
        while at < end and (self.tokens[at].text in ("a", "an", "the")
                            or self._said(at).lower() in SOFTENERS):
            at += 1
        head = next((h for h in range(at, min(end, at + 3)) if self.tokens[h].text in _PLACES),
                    None)
        if head is None or any(c in self._gap_before(p) for p in range(at + 1, head + 1)
                               for c in ",;:."):
            return False
        if head + 2 < end and self.tokens[head + 1].text in ("of", "for") \
                and self._said(head + 2).lower().endswith("ing"):
            return False  # "the principle of bundling data ...": what it is
        for p in range(head + 1, end):
            if any(c in self._gap_before(p) for c in ";.!?"):
                break
            if self.tokens[p].text in W.defining:
                return False  # "a feature that lets you wrap ..."
        return True

    def _only_judged(self, start: int, end: int) -> bool:
        """Whether "X is a ..." from token ``start`` only judges X ("decorators are a useful but
        flawed feature", "lambdas are a handy shortcut for callbacks", "the GIL is a really
        important concept", "a lambda is actually pretty slow on big frames"): a kind praised or
        faulted with nothing said in that clause of what it does (but "a powerful feature that
        lets you wrap ..." does)."""
        W = _lists()  # noqa: N806
        opening = [t.text for t in self.tokens[start:min(end, start + 2)]]
        if len(opening) == 2 and opening[0] in _SUBJECTS and opening[1] in _COPULAS:
            start += 2  # said over: "the GIL is, uh, it's a really important ..."
        while start < end and self.tokens[start].text in _HOW_OFTEN:
            start += 1
        at = start + 1 if start < end and self.tokens[start].text in ("a", "an", "the") else start
        while at < end and (self.tokens[at].text in _DEGREE or self._said(at).lower() in SOFTENERS
                            or self.tokens[at].text in _BY_HOW_MUCH):
            at += 1
            if self.tokens[at - 1].text == "bit" and at < end and self.tokens[at].text == "of":
                at += 2 if at + 1 < end and self.tokens[at + 1].text in ("a", "an") else 1
        if at >= end or not (self._said(at).lower() in _JUDGEMENTS
                             or self.tokens[at].text in W.evaluative or self._compares(at, end)):
            return False
        for p in range(at + 1, end):
            # another clause: "a powerful feature, um, they're used a lot" (but "a nice, short
            # hand to replace ..." lists two qualities)
            if (p > at + 1 and any(c in self._gap_before(p) for c in ",;:.")) \
                    or self.tokens[p].text in _SUBJECTS:
                return True
            if self.tokens[p].text in W.defining and p - 1 > at \
                    and self.tokens[p - 1].text in _LINKS:
                return False  # "... that lets you wrap", "... for wrapping a function"
        return True

    def _compares(self, at: int, end: int) -> bool:
        """Whether token ``at`` opens a comparison ("less robust than a def", "more readable
        than a loop"), not "more or less a function", "more like a record"."""
        return self.tokens[at].text in ("less", "more") and at + 1 < end \
            and self.tokens[at + 1].text not in ("or", "like", "than", "of")

    def _concept(self, skip: frozenset[int], plain: bool = False) -> Found | None:
        """A topic term defined ("X is a ...", "X lets you ...", "X, what it does is ..."); with
        ``plain``, only "X is ...", "X means ..." and the question put and answered ("What's a
        generator? It's a function that ..."): a mechanism verb ("a decorator edits the source")
        is trusted only from an answer that names its topic more than once."""
        W = _lists()  # noqa: N806
        tokens = self.tokens
        for first, last in self.asked:
            u = self.unit_of[first]
            if u in skip:
                continue
            if self._named_after_it(u, first, last):
                return Found("concept", "named after", self.spans[u][0], last)
            if not plain and self._what_it_is_for(u, first, last):
                return Found("concept", "what it is for", self.spans[u][0], last)
            answered = self._question_answered(u, first, last)
            if answered is not None:
                return Found("concept", "question answered", first, answered)
            if self._thought_of_as(u, first, last):  # (as sure as "X is a ...")
                return Found("concept", "definition", first, min(self.spans[u][1] - 1, last + 6))
            if not self._the_subject(u, first, last) or self._one_of_them(first):
                continue
            end = self.spans[u + 1 if self.units[u].runs_on else u][1]
            between = 0
            after_stopword = False
            both = next((hit for hit in self.asked if hit[0] == last + 2), None)
            listed = any(self.spans[u][0] <= f < first for f, _ in self.asked)
            if both is not None and tokens[last + 1].text in ("and", "or") and not listed:
                # "args and kwargs allow ...": both are the topic (not the last two of a list:
                # "inheritance, polymorphism and encapsulation are the three pillars")
                last = both[1]
            later = {f for f, _ in self.topic_hits if f > last}
            # where a word right after the name stands: "a decorator to ...", and past a noun
            # said with it, "the lambda function to ..."
            right_after = last + 2 if last + 1 < end and tokens[last + 1].text in _KIND_NOUNS \
                else last + 1
            for p in range(last + 1, min(end, last + 6)):
                word = tokens[p].text
                # "list comprehensions and Python provide ...": "in Python" misheard (not
                # "venvs and Python versions are ...")
                heard_in = word == "and" and p + 2 < end and tokens[p + 1].text == "python" \
                    and (tokens[p + 2].text == "are" or tokens[p + 2].text in W.defining)
                if word in NEGATIONS or (word in ("and", "or") and not heard_in) or p in later \
                        or (word in _SUBJECTS and p == last + 1 and self._gap_before(p) == " "):
                    # "X does not ...", "X and Y are ...": not a definition of X; "when you
                    # stack decorators, the route() decorator is ...": the later one is the
                    # subject; "the decorator I use most is ...": one of them
                    break
                gap = self._gap_before(p)
                if any(c in gap for c in ";!?#") or ("," in gap and word == "but") \
                        or ("." in gap and len(tokens[p - 1].text) > 1):
                    break  # "a tuple. It's ...", "a decorator, but ...": another clause (but
                    # "decorators, e.g. @property, are ..." goes on)
                if word in _OTHER_SUBJECTS and p + 1 < end \
                        and (tokens[p + 1].text in W.defining or tokens[p + 1].text in W.is_
                             or tokens[p + 1].text == "can"):
                    break  # "it's the GIL, so we switched to processes": another subject's verb
                    # ("the decorated function, we can see that ...": another subject's power)
                if self._said(p).lower() in ("remember", "note") and p + 1 < end \
                        and tokens[p + 1].text in ("that", "to"):
                    break  # "always remember that ...": a reminder, not what X does
                if gap == " " and (p == last + 1 and word in _ONE_OF_KIND
                                   or p == right_after and word == "to"):
                    # "a decorator that can print the arguments", "a decorator to time a
                    # function", "decorate your functions to ...": one such thing, not the kind
                    break
                if word in _MEANS and p + 1 < end and tokens[p + 1].text in _SUBJECTS \
                        and self._gap_before(p + 1) == " ":
                    break  # "a lambda means we can drop the def": what follows, not what it is
                if word in W.is_ and p + 2 < end and tokens[p + 1].text == "defin" \
                        and tokens[p + 2].text in _WHERE_PUT:
                    break  # "the exception class is defined below": where, not what it is
                able = word == "can" and p + 1 < end and tokens[p + 1].text not in _NOT_ABLE
                defines = word in _MEANS if plain else word in W.defining or able
                if defines and p == last + 1 and p + 1 < end and tokens[p + 1].text in W.is_ \
                        and self._gap_before(p + 1) == " " and tokens[p].text not in ("do", "doe"):
                    # "except blocks are ...": a noun, the verb is yet to come (but "what a
                    # decorator does is ...")
                    defines = False
                if defines or (word in W.is_ and p + 1 < end
                               and (tokens[p + 1].text in W.definition_starts
                                    or self._kind_that(p + 1, end))
                               # "used to ...", "used for ...", not "used quite a lot"
                               and (tokens[p + 1].text != "use" or p + 2 < end
                                    and tokens[p + 2].text in _USED_HOW)):
                    rest = [t.text for t in tokens[p + 1:end]]
                    if not defines and (self._only_judged(p + 1, end)
                                        or self._only_picked_out(p + 1, end)
                                        or self._only_placed(p + 1, end)):
                        break
                    # (a placeholder says nothing: "it's the, um, global something lock")
                    if sum(is_content(w) and w not in _PLACEHOLDERS for w in rest) >= 3 \
                            and not _negated(rest[:2], 2) and not self._in_code_said(u, p):
                        # (not code read out: "ExceptionHandlingTry, something except, ...")
                        return Found("concept", "definition", first, min(end - 1, p + 6))
                    break
                if is_content(word):
                    # "exception handling is ...", "the GIL in CPython is ..." pass; a longer
                    # run of words is about something else.
                    between += 1
                    if between > 2 or (between == 2 and not after_stopword):
                        break
                else:
                    after_stopword = True
        return None


_PLACEHOLDERS = frozenset({"someth", "whatev"})  # (stems)
# "X can take any number of ..." says what X does; "X can be handy", "X can help" judge it
_NOT_ABLE = frozenset({"be", "help", "make", "get", "seem", "look", "feel", "sound", "becom",
                       "amount", "grow", "consum", "cost", "eat", "occupi",  # its size
                       "realli", "also", "still", "sometim", "often", "lead", "caus", "hurt",
                       "harder", "slow", "not", "never", "onli", "easili", "quick", "go"})
_OPENERS = frozenset({"so", "and", "but", "well", "now", "okay", "ok", "basic", "then", "right",
                      "yeah", "actual"})  # what may come before a sentence's subject
_RELATIVE = frozenset({"which", "that", "who"})
# what right after the topic's name makes it one thing of the kind ("a decorator that caches
# ..."; but "decorators, which ...", "kwargs which allows ..." may say what the kind does) or
# the verb told to the reader ("decorate your functions")
_ONE_OF_KIND = frozenset({"that", "your", "my", "our", "their"})
# what the topic's name may be said with, as one name ("the lambda function to create ...") (stems)
_KIND_NOUNS = frozenset({"function", "express", "object", "method", "statement", "block", "keyword"})
# nouns that a clause about the topic may qualify: "the one benefit a lambda can offer" (stems)
_HEADS = frozenset({"benefit", "advantag", "thing", "featur", "job", "everyth", "someth", "anyth",
                    "noth"})
# the imperative forms that open a case ("Consider a shop ...", "Imagine reading a 10GB file")
_ASKED_TO = {"consid": ("consider",), "suppos": ("suppose", "supposing"),
             "imagin": ("imagine",), "pictur": ("picture",)}
# what before it makes it a statement or a noun: "I suppose", "is considered", "can imagine",
# "the big picture"
_NOT_ASKING = frozenset({"i", "you", "we", "they", "he", "she", "it", "is", "are", "was", "were",
                         "be", "been", "can", "could", "would", "should", "might", "may", "must",
                         "will", "do", "doe", "did", "not", "to", "the", "a", "big", "whole"})
_WHOSE = frozenset({"i", "we", "you", "they", "he", "she", "peopl"})
# "a really handy shortcut", "a useful but flawed feature": a judgement, not what it is
_JUDGEMENTS = frozenset({"useful", "handy", "great", "powerful", "nice", "neat", "cool", "flawed",
                         "good", "bad", "terrible", "awesome", "convenient", "helpful", "popular",
                         "common", "controversial", "confusing", "elegant", "beautiful", "ugly",
                         "important", "critical", "crucial", "essential", "fundamental",
                         "advanced", "interesting", "tricky", "pythonic", "idiomatic", "famous", "best",
                         "beloved", "underrated", "overrated", "ideal", "perfect"})
# Words a speaker softens or stresses a claim with, as said: "it's actually pretty slow", "a
# hugely important ...", "but basically they ..."
SOFTENERS = frozenset({"actually", "basically", "essentially", "simply", "just", "really",
                       "pretty", "super", "so", "hugely", "extremely", "incredibly", "truly",
                       "definitely"})
_BY_HOW_MUCH = frozenset({"bit", "littl", "lot", "much", "far", "way", "slight"})  # "a bit less ..."
# "bare excepts are almost always a terrible idea": how often the judgement holds (stems)
_HOW_OFTEN = frozenset({"almost", "alway", "usual", "often", "general", "sometim", "most", "near",
                        "probabl", "typic", "normal", "frequent"})
# "X is defined below": where X's code is, not what X is (stems)
_WHERE_PUT = frozenset({"below", "abov", "later", "here", "there", "earlier", "elsewher", "in",
                        "insid", "at", "on", "within"})
_SUBJECTS = frozenset({"it", "they", "you", "we", "i", "he", "she"})  # ... that open a clause
_OTHER_SUBJECTS = _SUBJECTS - {"it", "they"}  # (not "the GIL, it's a lock": the topic again)
_PREPOSITIONS = frozenset({"with", "of", "from", "by", "on", "into", "onto", "over", "under",
                           "without", "through", "via"})
_LINKS = frozenset({"that", "which", "to", "for", "who", "where"})  # "a tool that lets you ..."
_NOT_KINDS = frozenset({"someth", "anyth", "everyth", "topic", "question", "thing"})
_HARD_THINGS = (["drive"], ["disk"], ["copi"], ["link"], ["reset"], ["code"])  # (stems: "hard-coded")
_CHECKED = frozenset({"check", "whether", "detect", "alert", "alarm", "warn", "flag",
                      "filter"})  # (stems)
_READ_ABOUT = frozenset({"read", "tutori", "book", "video", "articl", "cours", "doc"})
_CAME_TO_KNOW = frozenset({"learn", "learnt", "heard", "saw", "watch", "discov", "taught"})
_TALKS = frozenset({"answer", "i", "we", "talk", "post", "articl", "tutori", "section",
                    "chapter", "video", "cours", "guid", "note"})  # (stems)
_TALKED_OF = frozenset({"say", "talk", "worri", "think", "explain", "into"})  # (stems)
_FOR_IT = (["use", "to"], ["meant", "to"], ["design", "to"], ["help", "to"])
_TO_MY = (["to", "my"], ["to", "our"])  # "to my surprise" ("surpris": the stem of both)
# what "surprisingly" makes stronger when it praises, besides the good qualities (stems):
# "surprisingly effective"
_PRAISED = frozenset({"effect", "power", "good", "great", "nice", "well", "eleg", "concis",
                      "handi", "straightforward", "use"})
_FILED = frozenset({"file", "open", "rais", "report", "creat", "submit", "log", "close", "fix"})
_KEPT_OFF = 5  # words after a trouble kept off that still name it ("avoid it being hit by races")
_STORYTELLERS = frozenset({"i", "we"})
_HAD_DETERMINERS = frozenset({"a", "an", "this", "these", "some", "sever", "dozen"})  # (and a number)
_SOFT_HAD = frozenset({"littl", "big", "huge", "small", "old", "new", "bunch", "couple", "lot",
                       "kind", "sort", "real", "realli", "pretti", "veri"})
_ABSTRACT_HAD = frozenset({"idea", "feel", "sens", "question", "look", "time", "chanc", "troubl",
                           "fun", "discuss", "convers", "talk", "debat", "go", "tri", "reason",
                           "thought", "doubt", "need", "hunch", "impress", "understand", "vagu",
                           "topic", "point", "function", "variabl", "list", "class", "onc",
                           "exercis", "assign", "homework", "lesson", "lectur", "cours", "quiz",
                           "exam"})  # (and a course's toys)
_PAST = frozenset({"have", "had", "i", "we", "ive"})  # "I've never used", "i never used"
_ANNOUNCED = [[good, "and"] for good in ("pros", "advantag", "benefit")]
# what ends a sentence that a list or a story follows ("Real life examples of it include.")
_LEADS_ON = frozenset({"includ", "are", "is", "follow", "this", "these", "like"})
_USED_HOW = frozenset({"to", "for", "when", "as", "by", "in", "with", "wherev", "whenev", "onli",
                       "main", "most", "primarili", "often", "common", "typic",
                       "usual"})  # (stems)
_MEANS = frozenset({"mean", "refer", "stand"})  # "X means ...", "X refers to", "X stands for"
_PREVENTS = frozenset({"prevent", "avoid", "stop", "reduc", "elimin", "minim", "protect", "remov",
                       "cut", "lower", "solv", "resolv", "fix", "recov",
                       # what a pillar does with it: "manages complexity", "abstracts it away"
                       "manag", "abstract"})


# "a better way would be ...": an alternative offered
_ALTERNATIVES = frozenset({"way", "approach", "option", "choic", "idea", "solut", "altern",
                           "practic", "design", "fit"})


# "I understand it better now because ...", "let me explain it better, since ...": the speaker
_LEARNT = frozenset({"understand", "explain", "know", "learn", "grasp", "rememb", "see"})
_SEEN = frozenset({"see", "saw", "seen", "find", "found", "notic", "think", "hit", "had", "ran",
                   "run", "encount", "experienc", "into", "of"})  # "never ran into any" (stems)
_AMOUNTS = frozenset({"see", "get", "gain", "notic", "go", "realli", "much", "lot", "ani", "real",
                      "big", "huge", "great", "signific", "noticeabl", "measur", "perform"})


def _none_met(words: Sequence[str], at: int) -> bool:
    """A cost at ``words[at]`` that the speaker says they never met: "I don't really see a
    downside", "we haven't hit any problems", "I can't think of a drawback"."""
    neg = next((j for j in range(at - 1, max(-1, at - 7), -1) if words[j] in _NEG), None)
    if neg is None:
        return False
    between = words[neg + 1:at]
    return not _SEEN.isdisjoint(between) and all(w in _SEEN or not is_content(w)
                                                 or w in _AMOUNTS for w in between)


def _far_denial(words: Sequence[str], at: int) -> int | None:
    """Where a negation further back denies the quality at ``words[at]`` across only an amount
    ("won't see much of an improvement", "do not get any real benefit"), or None."""
    neg = next((j for j in range(at - 4, max(-1, at - 9), -1) if words[j] in _NEG), None)
    if neg is None or words[neg] == "no" \
            or any(is_content(w) and w not in _AMOUNTS for w in words[neg + 1:at]):
        return None  # ("So no, you will get a big benefit": an answer, not a denial)
    return neg


def _denied(words: Sequence[str], at: int) -> bool:
    """A quality at ``words[at]`` said to be missing or harmed: "not a very efficient way",
    "does hurt readability", "non-portable" (but not "would not hurt readability")."""
    lo = max(0, at - 3)
    harm = next((j for j in range(lo, at) if words[j] in _HARMS), None)
    if harm is not None:
        return not _negated(words, harm)
    # ("not only efficient but also readable" denies nothing)
    return any(w in _NEG and words[j + 1] != "onli" for j, w in enumerate(words[lo:at], lo)) \
        or _far_denial(words, at) is not None or words[at - 1:at] == ["non"]  # "non-portable"


def _kept_from(words: Sequence[str], at: int) -> bool:
    """A cost kept off by a verb of preventing before "from": "a lock to prevent threads from
    corrupting it" (not after a negation, nor in a sentence with "only": "it does not, by
    itself, protect you from races", "it only protects the internals from corruption, not your
    data")."""
    if at < 2 or words[at - 1] != "from" or not _NEG.isdisjoint(words[:at]) or "onli" in words:
        return False
    return any(w in _PREVENTS for w in words[max(0, at - 7):at - 1])


def _negated(words: Sequence[str], at: int, also: frozenset[str] = frozenset(),
             negations: bool = True) -> bool:
    """A negation (or one of ``also``) just before ``words[at]``: "no overhead", "not slower";
    with ``_PREVENTS``, "prevents accidental misuse" (a cost kept away is a benefit)."""
    return any((negations and w in _NEG) or w in also for w in words[max(0, at - 2):at])
