"""Every word list the judge uses, in one place.

* ``SPOKEN_FORMS``: how people say (or a recogniser writes) a term: "c python", "i o".
* ``THESAURUS``: words and phrases that mean the same for judging an answer: "execute" is
  "run", "rather than" is "instead", "RAM" is "memory". Both are folded onto their head word
  before anything is matched, in answers and in rubric ideas alike, so a rubric writes the head
  word once ("run") and hears every member ("executes", "is executed").
* The word lists of the rubric-free layer shapes (``rehearse.shapes``): what makes a sentence a
  worked example, a cost or a definition.

Rubrics add their own topic terms and mishearings in their ``[terms]`` table; those win over
these. Entries are plain words: they go through the same normalisation (stemming, numbers,
contractions) as the answer, so "runs", "running" and "ran"... need only "run" (irregular
forms such as "ran" are listed).
"""

from __future__ import annotations

# Spoken and written forms of one term.
SPOKEN_FORMS: dict[str, tuple[str, ...]] = {
    "io": ("i o", "input output", "eye oh", "i slash o"),
    "cpython": ("c python", "see python", "sea python", "cee python"),
    "cpu": ("c p u", "see pee you", "processor", "cpus"),  # ("cpus": no stem of its own)
    "api": ("a p i",),
    "threadsafe": ("thread safe",),
    "runtime": ("run time",),
    # (and as a recogniser hears "dict": "kwargs is a dick", "sorted dicks")
    "dictionary": ("dict", "dicts", "hash map", "hashmap", "dick", "dicks"),
    "bytecode": ("byte code", "bite code"),
    "traceback": ("stack trace", "stacktrace", "back trace"),
    # the names of two coding styles, not comparisons of anything
    "eafp": ("easier to ask forgiveness than permission",
             "easier to ask for forgiveness than permission",
             "easier to ask for forgiveness than it is to get permission",
             "easier to ask forgiveness than it is to get permission"),
    "lbyl": ("look before you leap",),
    # Exception classes are one word however they are written ("KeyError", "key error"), so
    # their parts ("key", "stop", "not found") never count as words of their own.
    "valueerror": ("value error",), "keyerror": ("key error",), "typeerror": ("type error",),
    "indexerror": ("index error",), "nameerror": ("name error",),
    "attributeerror": ("attribute error",), "importerror": ("import error",),
    "runtimeerror": ("runtime error", "run time error"), "oserror": ("os error",),
    "ioerror": ("io error", "i o error"),
    "zerodivisionerror": ("zero division error",), "stopiteration": ("stop iteration",),
    "filenotfounderror": ("file not found error",), "permissionerror": ("permission error",),
    "keyboardinterrupt": ("keyboard interrupt",), "notimplementederror": ("not implemented error",),
    "syntaxerror": ("syntax error",), "assertionerror": ("assertion error",),
}

# Meaning-alike words and phrases, folded onto the head word. Keep groups general (a topic's
# own words go in its rubric's [terms]) and disjoint (a word belongs to one group).
THESAURUS: dict[str, tuple[str, ...]] = {
    # doing
    "run": ("execute", "ran"),
    "throw": ("threw", "thrown"),  # (irregular forms: the stemmer leaves them as they are)
    "catch": ("caught",),
    "hide": ("hid", "hidden"),
    "return": ("hand back", "hands back", "handed back", "give back", "gives back", "spit out",
               "spits out"),
    "store": ("keep", "save", "hold", "retain", "remember", "preserve", "maintain", "kept",
              "held"),
    "change": ("modify", "mutate", "alter", "edit", "update"),
    "pause": ("suspend", "freeze"),
    "retry": ("try again", "tries again", "tried again", "trying again"),
    "lose": ("lost",),
    "resume": ("continue", "pick up where it left off", "carry on"),
    "wait": ("block on", "blocked on", "waiting on", "idle"),
    "isolate": ("isolation", "separate", "sandbox", "self contained", "independent"),
    "conflict": ("clash", "incompatible", "incompatibility", "collide", "collision"),
    # "no problem" is a judgement that all is well, not a problem denied
    "fine": ("no problem", "not a problem", "no issue", "not an issue"),
    # comparing and choosing
    "instead": ("rather than", "prefer", "preferable", "in favour of", "in favor of",
                "favor", "favour", "opt for", "would rather"),
    "avoid": ("do not use", "do not bother with", "stay away from", "steer clear of",
              "should not use", "would not use", "never use", "refrain from", "not to use",
              "should not be used", "should never be used", "must not be used"),
    # ("cons", not "con": a recogniser's piece of "conda", "condition", "context")
    "downside": ("drawback", "disadvantage", "cons", "penalty", "pitfall", "caveat",
                 "gotcha", "catch is", "trade off", "tradeoff", "flip side", "weakness",
                 "weaknesses", "weak spot", "weak point",
                 # "it trades away parallelism for simplicity" (not "you trade stocks": the
                 # word is folded, and a trade of the world would be lost as a noun)
                 "trades away", "trade away", "trading away", "traded away"),
    "overhead": ("extra cost", "costly", "expensive"),
    "overuse": ("go overboard", "goes overboard", "going overboard", "overdo", "overdoing",
                "go crazy with", "going crazy with", "get carried away"),
    "speedup": ("speed up", "speeds up", "sped up", "speed", "faster", "quicker", "accelerate",
                "performance boost", "parallel speedup", "speed boost"),
    "slower": ("slow down", "slows down", "slow", "sluggish"),
    "harder": ("hard", "difficult", "tricky", "trickier", "awkward", "painful", "confusing",
               "messy", "challenging"),
    "readable": ("readability", "legible", "clear", "clearer", "clarity",
                 "easy to read", "easier to read", "easy to understand", "easier to understand"),
    "unreadable": ("hard to read", "harder to read", "less readable", "hard to understand",
                   "harder to understand", "obscure", "cryptic", "inscrutable", "can not read",
                   "could not read", "nobody can read", "nobody could read", "no one can read",
                   "no one could read"),
    # things
    "behaviour": ("behavior", "behaviours", "behaviors", "behave", "behaves", "behaving",
                  "functionality", "functionalities"),
    "memory": ("ram", "memory usage", "memory footprint"),
    # where an object lives, not how much it takes ("the memory address stays the same")
    "address": ("memory address", "memory addresses", "memory location", "memory locations"),
    "parallel": ("in parallel", "parallelism", "simultaneously", "at the same time",
                 "at same time",  # as typed in a hurry
                 "concurrently", "multiple cores", "multi core", "several cores",
                 "many cores", "multiple cpus", "several cpus", "many cpus", "multiple processors",
                 "several processors", "all cores", "all the cores", "all your cores"),
    "at a time": ("at any time", "at once", "at any one time", "at any given time",
                  "at any moment", "at any given moment", "at a given time", "at one time",
                  "at the same moment"),
    "cpu bound": ("cpu heavy", "cpu intensive", "compute bound", "compute heavy",
                  "computation heavy", "computationally heavy", "computationally intensive",
                  "processor bound", "number crunching", "heavy computation",
                  # as people say it: "doing a lot of calculating, like math stuff"
                  "a lot of calculating", "a lot of calculation", "a lot of calculations",
                  "lots of calculation", "lots of calculations", "heavy calculation",
                  "heavy calculations", "a lot of computation", "lots of computation",
                  "heavy math", "math stuff", "crunching numbers", "crunch numbers", "cpu work",
                  "cpu stuff"),
    "io bound": ("io heavy", "network bound", "io intensive", "disk bound", "waiting on io",
                 "io work", "io task", "io operations", "io operation", "io stuff",
                 "i o stuff", "i o work", "i o task", "i o tasks",
                 "io calls", "io call", "i o calls", "io wait", "io waits", "i o wait",
                 "i o bound"),  # "I/O bound": "I/O" is two words before it is "io"
    "lock": ("mutex", "mutual exclusion"),
    "argument": ("parameter", "param", "params"),
    # "you don't know how many ...": no denial, an amount unknown
    "unknown number": ("do not know how many", "not know how many", "not sure how many",
                       "do not know in advance how many", "not known how many",
                       "no idea how many"),
    "immutable": ("unchangeable", "read only", "cannot be changed", "can not be changed",
                  "frozen", "unmutable", "un mutable", "non mutable", "nonmutable", "inmutable"),
    "hashable": ("hash", "hashed"),
    "lazy": ("lazily", "on demand", "on the fly", "as needed", "when needed", "as you go",
             "one item at a time", "one value at a time", "one by one"),
}

# Words that flip a claim.
NEGATIONS = frozenset({"not", "no", "never", "without", "nor", "neither", "none"})
# Too much of a thing: "don't overuse it" warns against it and denies no limit.
EXCESS = ("overuse", "abuse", "misuse")

# --- layer shapes (rehearse.shapes) -----------------------------------------------------------

# A sentence that introduces a concrete scenario.
EXAMPLE_MARKERS = (
    "for example", "for instance", "e g", "eg", "ex", "counter example", "say you", "let us say",
    "say we", "suppose",
    "imagine", "picture", "we used", "i used", "we use", "i use", "in my last project",
    "in my project", "in a project", "in one project", "at work", "at my job", "at my last job",
    "in production", "real world", "use case", "example of", "in practice", "real life",
    "scenario", "a good example", "best example", "greatest example", "great example",
    "classic example",
    "a common example", "a typical example", "a practical example", "consider", "like when", "like if",
    "say i",  # not "if you have ...": a condition, not a scenario
    "i have used", "we have used", "i have been using", "we have been using",
    "used for", "use cases", "useful for", "commonly used", "good for",
    # a story from the speaker's own work (besides "I"/"we" and a past tense: STORY_SUBJECTS)
    "i had", "we had", "i needed", "we needed", "i wrote", "we wrote", "i built", "we built",
    "i have been working", "we have been working", "i have worked on",
    "we have worked on", "i have worked with", "we have worked with", "i am working on",
    "we are working on", "my team", "our team", "our codebase",
    "our service", "at my company", "at our company", "at my last company", "in my company",
    "in our company", "in my job", "in my work", "at my work", "real case",
    "i once", "we once", "i remember", "last week", "last year", "recently we", "recently i",
    "i got a", "we got a", "i have got a", "we have got a",
    # an experience recalled: "we ran into it when our service ...", "it came in handy for ..."
    "we ran into", "i ran into", "came in handy", "comes in handy",
    "helped me", "helped us", "saved me", "saved us", "bit us", "bit me", "the way i have used",
    "where i have used",
    # what the speaker did or ran into, in a past tense of its own: "we hit the limit"
    "i have implemented", "we have implemented", "i ran", "we ran", "i hit", "we hit",
    # a story announced: "so, quick story", "funny story, at my internship ..."
    "quick story", "short story", "funny story", "true story", "war story", "my internship",
    "my first internship", "at one point",
    # the job or project it happened in, however it is named
    "at an old job", "at my old job", "at a previous job", "at my previous job", "at my current job",
    "at my old company", "at my previous company", "at a previous company", "at a startup",
    "in a side project", "in my side project", "on a side project", "on my side project",
    "in a previous project", "in my previous project", "in a previous role", "in my last role",
    "i actually used", "we actually used",
    # when it happened, and how it was learnt: "years ago on a CentOS box ...", "I learned this
    # the hard way. I was deploying a client's site ..."
    "years ago", "a while back", "a while ago", "some time ago", "back when", "the hard way",
    "early in my career",
    "earlier in my career", "in my lab", "in our lab", "for my thesis", "in my thesis",
)
# What the speaker did, told as a story: "I" or "we" and a past tense ("we switched the importer
# to a generator", "I was reading the code and saw ...": "-ed", or "was/were ...-ing"), unless
# the verb tells what the speaker thought or said, not did ("I wanted", "we were wondering").
STORY_SUBJECTS = frozenset({"i", "we"})
NOT_STORY_VERBS = frozenset("""
    wanted wished liked loved hated preferred assumed expected guessed wondered believed imagined
    supposed figured mentioned explained described talked asked answered learned called named
    thinking wondering hoping saying talking going asking guessing kidding
    """.split())

# A speaker announcing a real case ("the best example I know is ...", "the use case I was
# thinking of is ..."): an example on the speaker's own word, unless a toy follows.
ANNOUNCED_EXAMPLES = (
    "real example", "real world example", "real life example", "greatest example", "best example",
    "good example", "great example", "classic example", "typical example", "practical example",
    "common example", "use case", "use cases",
)
# What toy examples are made of: arithmetic and the textbook classes.
TOY_WORDS = frozenset("""
    number numbers integer integers digit digits square squares squared squaring double doubling
    even odd fibonacci factorial prime primes sum add adding multiply hello foo bar baz spam eggs
    dog dogs cat cats animal animals duck ducks shape shapes circle rectangle triangle car cars
    vehicle vehicles
    """.split())
# Real-world things a concrete scenario is about (generic programming words are not here:
# list, function, value, data, item, element, variable, object, number).
CONCRETE_NOUNS = frozenset("""
    request requests response url urls web website webpage page pages scraper scrape
    application applications app apps
    crawler download upload server service services endpoint endpoints route routes api client
    database db sql query queries table row rows record records csv json xml yaml log logs logger
    transaction transactions gigabyte gigabytes terabyte terabytes megabyte megabytes gb tb
    laptop laptops
    logging file files disk image images photo photos video audio pixel
    pixels thumbnail network socket connection connections email emails message messages user
    users customer customers account accounts login password session cookie token auth
    authentication permission permissions admin payment payments invoice price
    prices product products cart shop stock stocks portfolio trade trades bank balance salary
    employee employees student students grade grades score scores book books movie
    movies song songs weather temperature coordinate coordinates latitude longitude
    date dates phone city cities country countries
    config configuration cache caching report reports dashboard sensor
    sensors notification notifications queue worker workers
    pipeline pipelines batch spreadsheet excel deployment deploy production
    team teammate
    teammates metrics analytics inventory profile profiles
    rgb color colour colours
    colors game player players card cards deck rate rates currency usd eur
    formatter formatters linter linters editor editors browser browsers
    tree trees
    debugging profiling monitoring plugin plugins retry retries
    benchmark benchmarks
    simulation simulations instrument instruments spectrometer microscope genome genomes patient
    patients hospital clinic lab laboratory survey surveys shipment shipments warehouse
    warehouses delivery deliveries booking bookings reservation reservations ticket tickets
    checkout billing subscription subscriptions refund refunds supplier suppliers vendor vendors
    webhook webhooks cron microservice microservices enemy enemies zombie zombies sprite sprites
    leaderboard villager villagers monster monsters device devices firmware robot robots camera
    cameras printer printers drone drones ticker tickers backtest backtesting loan loans
    mortgage tax taxes homework podcast podcasts tweet tweets chat satellite climate forecast
    forecasts hotel hotels flight flights airline airport recipe recipes restaurant
    capital capitals population gene genes protein proteins dna hero heroes warrior warriors
    wizard wizards mage mages atm revenue sales discount discounts coupon coupons promo promos
    promotion promotions commerce ecommerce
    filename filenames payload payloads chart charts
    gui ubuntu backup backups
    """.split())
# Named tools and services: a real setting when said in prose ("we ran Dask on four threads"),
# not in a command ("pip install pandas"). Not NumPy or SciPy: what numeric code runs on, no setting.
TOOL_NAMES = frozenset("""
    django flask fastapi pandas dask dasc spark aws s3 docker kubernetes redis postgres
    postgresql mysql sqlite kafka celery boto stripe paypal github slack matplotlib sqlalchemy
    pytest scrapy airflow tensorflow pytorch keras sklearn selenium pydantic
    typer numba cython spacy hypothesis httpx aiohttp tornado jupyter ipython prefect playwright
    bandit polars seaborn streamlit gunicorn uvicorn starlette werkzeug jinja sentry nginx
    elasticsearch mongodb boto3 beautifulsoup blender pygame tkinter pyqt opencv huggingface
    langchain openai
    """.split())
# "libraries like tenacity": a named tool even when a recogniser writes it in lower case.
KINDS_OF_TOOL = frozenset("""
    libraries library tools tool frameworks framework packages package modules services projects
    companies apps products platforms databases
    """.split())
# Capitalised words that name no real-world setting: the language, its kin, its types, its
# editors (an IDE that supports a thing is no use of it), the speaker.
NOT_NAMES = frozenset("""
    python pythons cpython pypy jython java javascript ruby rust go perl haskell lisp kotlin
    scala swift julia guido english true false none i yeah okay right well so and but or if then
    list lists tuple tuples dict dicts dictionary dictionaries string strings set sets
    pycharm thonny vscode spyder idle
    this that these those it
    """.split())
# A cost, a limit or a reason not to.
COST_WORDS = (
    "downside", "overhead", "slower", "harder", "unreadable", "avoid", "limitation", "limited",
    "undesirable", "inconvenient", "at the cost of", "at the expense of", "pointless",
    "bad habit", "asking for trouble", "wrong choice",
    "bottleneck", "bloat", "complex", "complexity", "complicated", "error prone", "risk",
    "beware", "danger", "dangerous", "hide bugs", "hides bugs", "hide errors",
    "hides errors", "hiding bugs", "hide the error", "swallow", "swallows",
    "only once", "is consumed", "been consumed", "gets consumed",
    "get consumed", "time consuming", "memory consuming", "expensive",
    "penalty", "waste", "wasteful", "unpredictable", "surprising", "fragile",
    "brittle", "verbose", "boilerplate", "the catch", "too many", "too much",
    "too long", "too large", "too big", "abuse", "overuse", "misuse", "pollute", "clutter",
    "not thread safe", "race condition", "deadlock", "use carefully", "used carefully", "use it carefully",
    "use them carefully", "sparingly", "judiciously",
    "with care", "with caution", "caution", "not recommended", "not a recommended", "discouraged",
    "deprecated", "not very nice", "not nice", "no good reason", "not any good reason",
    "not really any good reason",
    "trap", "common mistake", "easy to miss", "easy to forget", "inefficient", "less efficient",
    "less performant", "not performant", "not as performant", "cannot test", "memory leak",
    "leaks memory", "extra memory", "extra bytes", "quadratic", "subtle bugs", "weird bugs",
    "nasty bugs", "bad in", "fills the disk",
    "not efficient", "heavier", "bloated", "worse", "can only", "only works", "not suitable",
    "not meant for", "not intended for", "be careful", "be mindful", "watch out", "thing to watch",
    "things to watch",
    "something to watch", "does not cover", "do not cover", "does nothing for", "does nothing to",
    "did nothing to", "catches people", "trips people up", "trips you up", "trip you up", "trips up",
    "trip up", "tripped up", "bit us",
    "bit me",
    "bites you", "bite you", "the problem is",
    "the issue is", "when not to", "not ideal", "not a good idea", "not the best", "bad idea",
    "bad practice", "anti pattern", "antipattern", "code smell", "overkill", "unnecessary",
    "restriction", "restrictions", "restricted", "more memory", "less memory",
    "more efficient", "cheaper", "lighter",
    "a lot of memory", "lots of memory", "memory problem", "memory problems", "memory issue",
    "memory issues", "extra work", "more work", "extra step", "extra steps", "extra level",
    "inconsistent", "unreliable", "unmaintainable", "hack", "hacky", "not work", "takes longer",
    "take longer", "more time",
    "longer time",
    "but only", "limited to", "out of memory", "run out of memory", "memoryerror",
    "everything into memory", "all into memory", "whole file into memory",
    "entire file into memory",
    # as people say it out loud
    "a problem", "some problems", "big problem", "real problem", "the problem", "problems with",
    "problematic", "an issue", "issues with",
    "frustrating", "painful", "a pain", "annoying", "confusing", "tricky", "gotcha", "gotchas",
    "pitfall", "pitfalls", "learning curve", "headache", "footgun",
    "careful that", "careful not", "careful when", "bit careful", "little careful",
    "very careful", "really careful", "super careful", "slow", "hold back", "holds back",
    "get in the way", "gets in the way",
    "not in production", "not for production", "no bueno", "unwieldy", "you better",
    "you would better", "you had better", "ugly", "corrupt",
    # (not "unexpected" alone: "exceptions are unexpected events")
    "unexpected keyword argument", "unexpected behavior", "unexpected behaviour",
    "unexpected results", "unexpected side effects", "behaves unexpectedly", "cause unexpected",
    "causes unexpected", "lead to unexpected", "leads to unexpected", "gives an unexpected",
    "give an unexpected", "get an unexpected", "gets an unexpected",
    "strange behavior", "strange behaviors", "weird behavior", "weird behaviors", "odd behavior",
    "behave strangely", "behaves strangely", "behave oddly", "behaves oddly", "behave weirdly",
    "corrupted", "corrupts", "corrupting", "a lot of work", "lots of work", "tedious",
    "cumbersome", "clunky", "a mess", "a nightmare", "improper", "inappropriate", "take forever",
    "takes forever",
    "took forever", "sacrifice", "sacrifices", "sacrificing", "lacks", "lacking",
    "unintended side effect", "unintended consequence", "terrible idea", "ceremony",
    # a price named: "it is not free", "the price you pay", "eats a lot of disk" (not "the price
    # is stored as a float")
    "not free", "at a price", "price you pay", "price to pay", "can bite",
    "source of bugs", "causes bugs", "leads to bugs",
    "buys you nothing", "buys nothing", "gains you nothing", "a lot of disk", "lots of disk",
    "more disk", "disk space", "can not replace", "can not substitute", "clumsy", "unsafe",
    "starves", "starvation", "latency spikes", "extra function call", "an extra call",
    "only pays off", "only worth it", "breaks existing", "can break your",
    "could break your", "will break your", "might break your",
    # a verdict with no cost noun: "bad for long logic", "doesn't scale", "won't help"
    "bad for", "not good for", "not great for", "not good when", "not great when",
    "does not scale", "do not scale", "will not scale", "not scale well", "will not help",
    "does not help", "no way to", "you lose", "you will lose", "you would lose",
    "we lose", "lost its", "loses its", "lose its", "lost our", "lost their", "has lost",
    "have lost",
    # as people say it in conversation: "the only problem you run into", "not a huge fan of"
    "only problem is", "only problem you", "only problem with", "one problem", "causes trouble",
    "cause trouble", "causes problems", "cause problems",
    "hides a lot", "hiding a lot", "hide a lot", "redundant",
    "what i do not like", "what i do not love", "the thing i do not like",
    # a warning given by the speaker (not a tool's: "mypy could warn about this")
    "i warn", "we warn", "i would warn", "warn people", "warn readers", "warn against",
    # found out late: "errors appear only at runtime", "you only find out from the crash"
    "only at runtime", "only at run time", "only find out",
    "falls down", "falls apart", "out of hand", "not a fan", "not a big fan", "not a huge fan",
    "not much of a fan",
    # a failure nobody sees
    "silent failure", "silent failures", "fails silently", "fail silently", "silently fail",
    "silently fails", "silently ignored", "silently ignores", "silently swallowed",
    "distasteful",
    # a harm said as a verb or an effect
    "hinder", "hinders", "hindering", "hamper", "hampers", "hurts", "negative impact",
    "negative performance impact", "performance hit",
    "is lost", "are lost", "gets lost", "get lost", "to a minimum",
    # a cost measured: "takes almost twice the amount of time", "three times as long"
    "twice as long", "twice the time", "twice the amount of time", "twice as much time",
    "twice as much memory", "twice the memory", "times as long", "times longer",
    "times the memory", "times more memory", "times as much memory",
    # a limit on what it may hold: "the body has to be a single expression"
    "has to be a single", "have to be a single", "must be a single", "has to be one line",
    "must be one line", "has to be a one liner", "must be a one liner", "must fit on one line",
    # when to use it, and so when not to: "tuples should only be used when ..."
    "be used only when", "only use it when", "only use them when",
    "only be used when", "should only be used", "only use it if", "only use them if",
    # a cost said as a price ("the price is that the jumps are harder to see"; not a price
    # stored: "the price is a float")
    "the price is that", "the price you pay", "a price to pay", "the price to pay",
    # code that nobody can follow (nobody can read it: "unreadable", as the thesaurus folds it)
    "nobody can follow", "nobody could follow", "no one can follow", "no one could follow",
    "nobody can understand", "nobody could understand", "nobody could figure out",
    "nobody can figure out", "nobody could tell", "nobody can tell",
    # what can be used only once, said in other words
    "only one time", "one pass only", "only one pass", "a single pass", "is one shot",
    "are one shot", "it is one shot", "they are one shot",
    # a cost told as the other side of a good one: "that's the good part; the bad part is ..."
    "the bad part", "the worst part", "a compromise", "do not help", "do not really help",
    "does not really help",
    # where it turned: "then it went bad", "where it goes wrong the other way" (not "things that
    # go wrong", what exceptions are)
    "it went bad", "it went wrong", "it goes wrong", "it goes bad", "it went south",
    "it went sideways", "that went wrong",
)
# Keywords that are also English connectives, and the words that follow them in the English
# sense (beside a comma): "except for long lists", "finally we shipped it".
CONNECTIVES: dict[str, frozenset[str]] = {
    "except": frozenset({"for", "that", "when", "if", "where", "to", "in", "on", "by"}),
    "finally": frozenset({"i", "we", "you", "they", "it", "the", "a", "an", "got", "get", "found",
                          "realiz", "decid", "made"}),  # (stems, as tokens hold them)
}

# What makes "instead" a reasoned choice: "use a list instead, because it can grow".
REASONS = ("because", "since", "so that", "which means", "as it", "as they", "due to", "to achieve",
           "in order to")
# Words that pick one of two ways, so a reason alone completes the comparison ("use a tuple
# instead, because ...", "a with statement beats a finally, since ...") ...
PREFER_WORDS = ("instead", "beats", "outperforms")
# ... and every word that says which of two ways is better, and why.
COMPARE_WORDS = frozenset("""
    better worse versus vs compared compare whereas unlike alternative alternatively than
    """.split()) | frozenset(PREFER_WORDS)
EVALUATIVE_WORDS = frozenset("""
    speedup slower readable unreadable memory efficient inefficient safe safer safety simple
    simpler explicit implicit clean cleaner concise fast quick overhead flexible
    flexibility reusable reuse predictable harder easier easy clarity
    scalable throughput latency cost better worse secure
    beautiful elegant nicer convenient ugly messy robust benefit advantage
    """.split())
# A quality denied is a cost: "not very efficient", "no longer readable", "never safe".
GOOD_QUALITIES = frozenset("""
    efficient readable safe simple fast quick flexible reusable predictable easy clean scalable
    portable reliable robust intuitive obvious practical ideal lightweight movable
    benefit benefits gain gains advantage improvement speedup help helps possible
    beautiful useful helpful worth transparent cheap
    debuggable debuggability testable testability
    """.split())
HEDGES = ("but", "however", "though", "although", "unless", "only if", "only when", "only where",
          "the catch", "keep in mind", "be careful", "note that", "watch out", "on the other hand",
          "the problem", "the issue", "it depends", "not always",
          "not suitable", "not good", "not great", "not ideal", "not a good", "not the best")
# "X is a ...", "X lets you ...": a topic term being defined or its mechanism described.
DEFINING_WORDS = frozenset("""
    mean means meaning refer refers let lets allow allows enable enables provide provides
    create creates produce produces return returns take takes accept accepts collect collects
    store stores wrap wraps describe describes represent represents define defines contain
    contains ensure ensures prevent prevents pack packs unpack unpacks
    generate generates yield yields evaluate evaluates inherit inherits bundle bundles override
    overrides bind binds pause pauses guarantee guarantees protect protects does do
    runs executes releases holds acquires calls passes keeps saves remembers resumes
    modifies adds builds loads computes iterates catches handles raises stops isolates
    installs separates captures gathers maps filters applies extends reuses hides exposes
    restricts blocks switches shares tracks copies replaces decorates transforms
    alter alters modify augment augments enhance enhances
    """.split())
# "X is/are ..." is a definition only when followed by one of these ("a generator is a ...",
# "the GIL is basically a mutex"), not by an opinion ("lambdas are faster").
IS_WORDS = frozenset({"is", "are"})
DEFINITION_STARTS = frozenset("""
    a an the one basically just simply essentially actually really also called known used
    like when where how what defined created made similar special kind type way
    nothing function object class method tool feature construct mechanism syntax shortcut
    expression statement keyword block container sequence structure collection wrapper pattern
    technique
    """.split())
