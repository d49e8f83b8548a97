"""Every message the check can print, explained for contributors.

The Bijdragen page shows this catalogue (``<!-- gids:meldingen -->``): per
message a real example line, what it means and what to do, in plain Dutch
(B1). The messages are those of the check of the content (``load_guide``:
``make check`` and the build) and those of ``make check-history``, which the
pipeline runs on every merge request. ``tests/unit/test_messages.py`` breaks
a guide in every way these checks know and asserts that each resulting line
is explained here, and that each entry here is produced by at least one of
those breakages.

A line and an entry match when their keys match and their messages have the
same *shape*: the same words once the values that differ from case to case
(quoted values, numbers, file paths, lists of names, and a few values the
validator prints without quotes) are replaced by placeholders. See ``shape``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import schema
from .problems import Problem


@dataclass(frozen=True)
class Message:
    """One kind of message, with a real example line."""

    #: The key as printed (``principles``, ``history.version``). Where the key
    #: itself varies: ``(sleutel)`` stands for any key, ``## (kopje)`` for any
    #: ``##`` heading of a dilemma.
    key: str
    #: A full line exactly as the check prints it: ``bestand:regel: sleutel: melding``.
    example: str
    #: What it means, in plain Dutch.
    meaning: str
    #: What to do about it, in plain Dutch.
    fix: str
    #: The group it is listed under on the Bijdragen page (one of ``GROUPS``).
    group: str

    def key_pattern(self) -> re.Pattern[str]:
        pattern = re.escape(self.key)
        pattern = pattern.replace(re.escape("(sleutel)"), ".+").replace(re.escape("(kopje)"), ".+")
        return re.compile(pattern)

    @property
    def generic(self) -> bool:
        """Whether the key is a placeholder rather than one fixed key."""
        return "(" in self.key

    def explains(self, problem: Problem) -> bool:
        """Whether this entry is the explanation of ``problem``."""
        example = parse_line(self.example)
        return bool(self.key_pattern().fullmatch(problem.key)) and shape(example.message) == shape(problem.message)


FILE = "Het bestand"
KEYS = "De sleutels"
REFERENCES = "Namen en links"
TEXT = "De tekst"
VERSIONS = "Versies en uitgaven"
TRIANGLE = "De driehoek en de spanningen"
HISTORY_CHECK = "Notities en oude adressen"
SAFETY = "Code in de tekst"
#: The groups, in the order the Bijdragen page shows them.
GROUPS: tuple[str, ...] = (FILE, KEYS, REFERENCES, TEXT, SAFETY, VERSIONS, HISTORY_CHECK, TRIANGLE)

_MAX = schema.DESCRIPTION_MAX_LENGTH
_SECTIONS = " - ".join(f"## {s.heading}" for s in schema.SECTIONS)

CATALOGUE: tuple[Message, ...] = (
    # --- the file as a whole -------------------------------------------------
    Message(
        "bestand",
        "principles/voorbeeld.md:12: bestand: dit bestand is niet als UTF-8 opgeslagen; sla het op als UTF-8 "
        "(in de meeste editors: 'Opslaan als' en dan codering UTF-8)",
        "Het bestand is opgeslagen op een andere manier dan de gids verwacht (niet als UTF-8). "
        "Letters als é en ë komen dan niet goed over. Het regelnummer wijst naar de eerste plek waar het misgaat.",
        "In de webeditor van GitLab gaat dit vanzelf goed. Werk je op je eigen computer? "
        "Sla het bestand dan opnieuw op en kies als codering UTF-8. Kijk daarna of letters als é en ë nog kloppen.",
        FILE,
    ),
    Message(
        "bestand",
        "dilemmas/voorbeeld.md:1: bestand: dit is een snelkoppeling (symbolische link) naar een ander bestand; de gids "
        "leest alleen gewone bestanden in de repository: zet de tekst zelf hier neer",
        "Op deze plek staat geen echt bestand, maar een verwijzing naar een bestand ergens anders. De gids leest "
        "zo'n verwijzing niet: anders kan tekst van buiten de gids op de site komen.",
        "Haal de snelkoppeling weg en zet een gewoon bestand met de tekst op deze plek.",
        FILE,
    ),
    Message(
        "bestand",
        "dilemmas/voorbeeld.md:1: bestand: dit is geen gewoon bestand (maar bijvoorbeeld een pipe of apparaat); zet "
        "hier een gewoon tekstbestand neer",
        "Op deze plek staat iets dat geen gewoon tekstbestand is. De gids kan het niet lezen.",
        "Haal het weg en zet een gewoon tekstbestand op deze plek.",
        FILE,
    ),
    Message(
        "bestand",
        "dilemmas/voorbeeld.md:1: bestand: dit is een map, geen bestand; geef de map een naam zonder .md",
        "Een map heeft een naam die eindigt op `.md`. Zo heten alleen de bestanden van de gids.",
        "Geef de map een andere naam, of zet de bestanden direct in de map `dilemmas/` of `principles/`.",
        FILE,
    ),
    Message(
        "bestand",
        "dilemmas/voorbeeld.md:1: bestand: dit bestand is groter dan 1 MB; een pagina van de gids is veel korter",
        "Het bestand is veel groter dan een pagina van de gids ooit is. Misschien is er per ongeluk iets anders "
        "in geplakt.",
        "Kijk wat er in het bestand staat en haal weg wat er niet bij hoort.",
        FILE,
    ),
    Message(
        "(sleutel)",
        "dilemmas/voorbeeld.md:7: tekst: hier staat een onzichtbaar stuurteken (U+0007); haal het weg, bijvoorbeeld "
        "door de regel opnieuw te typen",
        "Op deze regel staat een teken dat je niet ziet, maar dat de website kan breken. Zo'n teken komt vaak mee "
        "als je tekst uit een ander programma plakt.",
        "Typ de regel opnieuw, of plak de tekst eerst in een gewone teksteditor (zoals Kladblok) en kopieer hem daarna.",
        FILE,
    ),
    Message(
        "bestand",
        "dilemmas/voorbeeld.md:30: bestand: en nog 12 andere meldingen in dit bestand; los eerst deze op, dan "
        "volgen de andere",
        "Dit bestand heeft zo veel fouten dat ze niet allemaal worden getoond. Vaak hebben ze één oorzaak.",
        "Los de eerste meldingen op en controleer opnieuw. Of begin opnieuw met het sjabloon.",
        FILE,
    ),
    Message(
        "front matter",
        "principles/voorbeeld.md:1: front matter: het bestand moet beginnen met een regel '---', "
        "dan de sleutels (zoals title:), en dan weer een regel '---'",
        "Bovenaan het bestand ontbreken de sleutels. Of de eerste regel is niet precies drie streepjes.",
        "Zet op regel 1 alleen `---`. Daaronder komen de sleutels, zoals `title:` en `description:`. "
        "Sluit af met nog een regel `---`. Boven de eerste `---` mag niets staan, ook geen lege regel. "
        "Het sjabloon laat zien hoe het moet.",
        FILE,
    ),
    Message(
        "front matter",
        "dilemmas/voorbeeld.md:1: front matter: de sleutels bovenaan worden niet afgesloten; "
        "zet een regel '---' onder de laatste sleutel",
        "Het bestand begint goed met `---`, maar de tweede regel `---` ontbreekt. "
        "Daardoor is niet duidelijk waar de sleutels ophouden en de tekst begint.",
        "Zet een regel met alleen `---` direct onder de laatste sleutel. Laat daarna een lege regel open en begin dan de tekst.",
        FILE,
    ),
    Message(
        "front matter",
        "dilemmas/voorbeeld.md:3: front matter: de sleutels bovenaan zijn hier niet goed opgeschreven; "
        "schrijf elke sleutel als 'sleutel: waarde', en zet tekst met een dubbele punt of een [ "
        "tussen aanhalingstekens",
        "De sleutels bovenaan zijn niet goed te lezen. Vaak staat er een dubbele punt in de tekst, "
        "of springt een regel niet goed in. Soms zit de fout op de regel erboven.",
        "Kijk naar deze regel en de regel erboven. Staat er een dubbele punt in de tekst? "
        'Zet de hele tekst dan tussen dubbele aanhalingstekens, zoals `description: "Eerst dit: dan dat."`. '
        "Begin de regels van een lijst allemaal met evenveel spaties. Sluit elke `[` af met een `]`.",
        FILE,
    ),
    Message(
        "front matter",
        "dilemmas/voorbeeld.md:4: front matter: gebruik geen ankers (&naam) in de sleutels; schrijf de waarde gewoon uit",
        "YAML kent ankers (`&naam`) en verwijzingen (`*naam`) om een waarde te herhalen. De gids gebruikt ze niet: "
        "een paar regels kunnen zo een enorme hoeveelheid tekst worden.",
        "Haal `&naam` weg en schrijf de waarde overal gewoon uit.",
        FILE,
    ),
    Message(
        "front matter",
        "dilemmas/voorbeeld.md:5: front matter: gebruik geen verwijzingen (*naam) in de sleutels; schrijf de waarde gewoon uit",
        "Hier staat een verwijzing (`*naam`) naar een waarde elders. De gids gebruikt geen verwijzingen.",
        "Zet op deze plek de waarde zelf.",
        FILE,
    ),
    Message(
        "front matter",
        "dilemmas/voorbeeld.md:3: front matter: gebruik geen YAML-labels (zoals !tekst of !!int) in de sleutels; "
        "schrijf alleen de waarde",
        "Voor een waarde staat een label dat met `!` begint. De gids leest alleen gewone waarden.",
        "Haal het label weg. Moet tekst met een `!` beginnen? Zet de tekst dan tussen aanhalingstekens.",
        FILE,
    ),
    Message(
        "front matter",
        "dilemmas/voorbeeld.md:6: front matter: gebruik geen '<<:' in de sleutels; schrijf elke sleutel zelf uit",
        "`<<:` voegt in YAML sleutels van elders samen. De gids gebruikt dat niet.",
        "Schrijf elke sleutel met zijn waarde zelf uit.",
        FILE,
    ),
    Message(
        "front matter",
        "dilemmas/voorbeeld.md:4: front matter: de sleutels zijn hier te diep genest (meer dan 8 niveaus); een "
        "sleutel van de gids is nooit zo diep",
        "Hier staan lijsten in lijsten (of groepen in groepen), dieper dan een sleutel van de gids ooit gaat.",
        "Kijk naar het sjabloon en schrijf de sleutel zoals daar. Vaak staat er een `[` of `{` te veel.",
        FILE,
    ),
    Message(
        "front matter",
        "dilemmas/voorbeeld.md:2: front matter: de sleutels bovenaan zijn samen langer dan 100.000 tekens; zet lange "
        "tekst onder de sleutels, in de tekst van de pagina",
        "Tussen de twee regels `---` staat veel meer dan de sleutels van een pagina.",
        "Houd de sleutels kort. De tekst van de pagina komt onder de tweede regel `---`.",
        FILE,
    ),
    Message(
        "front matter",
        "principles/voorbeeld.md:2: front matter: hier horen sleutels met een waarde, zoals 'title: Mijn titel'",
        "Tussen de twee regels `---` staat wel iets, maar geen sleutels. Er staat bijvoorbeeld alleen een lijst of een zin.",
        "Schrijf elke regel als `sleutel: waarde`, zoals `title: Luister naar burgers`. Neem het sjabloon als voorbeeld.",
        FILE,
    ),
    Message(
        "bestandsnaam",
        "principles/Luister_Naar_Burgers.md:1: bestandsnaam: 'Luister_Naar_Burgers' is geen geldige naam: "
        "alleen kleine letters a-z, cijfers en losse streepjes, 3 tot 60 tekens, bijvoorbeeld loyale-tegenspraak",
        "De naam van het bestand wordt het adres op de site. Daarom mag de naam alleen kleine letters, cijfers en streepjes hebben.",
        "Geef het bestand een andere naam, zoals `luister-naar-burgers.md`. Gebruik geen hoofdletters, spaties, "
        "liggende streepjes (_) of letters als é. In de webeditor pas je de naam aan in het vak boven de tekst.",
        FILE,
    ),
    Message(
        "(sleutel)",
        "dilemmas/index.md:1: bestandsnaam: 'index' is gereserveerd voor de lijstpagina; kies een andere naam",
        "De naam `index` is al in gebruik: zo heet de pagina met de lijst van alle dilemma's of principes. "
        "Dat geldt voor de naam van een bestand, en ook voor een oude naam bij `aliases`.",
        "Kies een naam die zegt waar het over gaat, zoals `regel-of-maatwerk.md` (bij `aliases` zonder `.md`).",
        FILE,
    ),
    Message(
        "bestand",
        "dilemmas/concepten/voorbeeld.md:1: bestand: zet dit bestand direct in de map dilemmas/, niet in een map daarbinnen",
        "Het bestand staat in een map binnen de map `dilemmas/` of `principles/`. "
        "De gids leest alleen bestanden die direct in die map staan.",
        "Verplaats het bestand naar de map zelf: `dilemmas/voorbeeld.md` in plaats van `dilemmas/concepten/voorbeeld.md`. "
        "In de webeditor doe je dat door het stuk `concepten/` uit de naam van het bestand te halen.",
        FILE,
    ),
    # --- the keys ---------------------------------------------------------------
    Message(
        "(sleutel)",
        "dilemmas/voorbeeld.md:9: title: deze sleutel staat twee keer in het bestand (ook op regel 2); laat er één staan",
        "Dezelfde sleutel staat twee keer bovenaan het bestand. De gids weet dan niet welke hij moet gebruiken.",
        "Kijk op beide regels welke tekst de goede is. Haal de andere regel weg.",
        KEYS,
    ),
    Message(
        "(sleutel)",
        "dilemmas/voorbeeld.md:4: principels: 'principels' is geen sleutel van een dilemma. Bedoel je 'principles'?",
        "Deze sleutel kent de gids niet. Meestal is het een tikfout. "
        "De melding noemt de sleutel die je waarschijnlijk bedoelde.",
        "Verbeter de naam van de sleutel, hier `principles` in plaats van `principels`. "
        "Alle sleutels staan in de tabellen op deze pagina.",
        KEYS,
    ),
    Message(
        "(sleutel)",
        "principles/voorbeeld.md:5: auteur: 'auteur' is geen sleutel van een principe. "
        "Mogelijke sleutels: title, description, order, tags, aliases, history.",
        "Deze sleutel bestaat niet in de gids. Hij lijkt ook niet op een sleutel die wel bestaat. "
        "De melding noemt alle sleutels die hier mogen.",
        "Haal de regel weg, of kies een van de genoemde sleutels. Wil je iets kwijt dat nergens past, "
        "zoals wie de tekst schreef? Zet het dan in je voorstel (het merge request), niet in het bestand.",
        KEYS,
    ),
    Message(
        "(sleutel)",
        "principles/voorbeeld.md:1: title: deze sleutel ontbreekt; een principe heeft hier nodig: het principe, kort (tekst)",
        "Een verplichte sleutel staat er niet. Na 'heeft hier nodig' staat wat erin hoort. "
        "Tussen haakjes staat wat voor waarde het is.",
        "Zet de sleutel erbij, tussen de twee regels `---`, bijvoorbeeld `title: Luister naar burgers`. "
        "Welke sleutels verplicht zijn, zie je in de tabellen op deze pagina (kolom 'verplicht').",
        KEYS,
    ),
    Message(
        "(sleutel)",
        "dilemmas/voorbeeld.md:5: tensions: deze sleutel is leeg; een dilemma heeft hier nodig: "
        "waar het dilemma op de driehoek ligt (lijst van spanningen, minstens één: "
        "professie-politiek, professie-maatschappij, politiek-maatschappij)",
        "De sleutel staat er wel, maar er staat niets achter de dubbele punt. Deze sleutel is verplicht.",
        "Vul de sleutel in. Wat erin hoort, staat in de melding. Bijvoorbeeld: `tensions: [professie-politiek]`.",
        KEYS,
    ),
    Message(
        "(sleutel)",
        "dilemmas/voorbeeld.md:8: source: hier hoort tekst, maar er staat het getal 2019; zet de tekst tussen aanhalingstekens",
        "Hier hoort tekst. Maar wat er staat, leest de gids als iets anders: een getal, een datum, een lijst, "
        "of ja of nee (true of false).",
        'Zet de waarde tussen dubbele aanhalingstekens, zoals `source: "2019"`. Dan leest de gids het als tekst.',
        KEYS,
    ),
    Message(
        "(sleutel)",
        "principles/voorbeeld.md:2: title: is leeg; vul hier tekst in",
        'Achter de sleutel staan alleen lege aanhalingstekens (`""`) of spaties.',
        "Schrijf de tekst tussen de aanhalingstekens. Of haal de aanhalingstekens weg en schrijf de tekst direct na de dubbele punt.",
        KEYS,
    ),
    Message(
        "(sleutel)",
        f"dilemmas/voorbeeld.md:3: description: is 236 tekens lang; maak de tekst korter, hoogstens {_MAX} tekens",
        "De tekst is te lang. Een beschrijving staat in lijsten, in zoekresultaten en bij links. "
        "Daar moet je hem in één keer kunnen lezen.",
        f"Maak er één korte zin van, van hoogstens {_MAX} tekens. Spaties tellen mee. Meer uitleg hoort in de tekst zelf.",
        KEYS,
    ),
    Message(
        "order",
        "principles/voorbeeld.md:4: order: hier hoort een heel getal, zoals 3, maar er staat 'derde'",
        "`order` bepaalt de plaats van het principe in de lijst. Daarvoor is een heel getal nodig, in cijfers.",
        "Schrijf een getal zonder aanhalingstekens, zoals `order: 3`. Of haal de regel weg.",
        KEYS,
    ),
    Message(
        "(sleutel)",
        "principles/voorbeeld.md:5: tags: hier hoort een lijst, zoals [een, twee], maar er staat 'vertrouwen'",
        "Deze sleutel verwacht een lijst, ook als er maar één ding in staat.",
        "Zet de waarde tussen vierkante haken, zoals `tags: [vertrouwen]`. Meer dan één? "
        "Zet er komma's tussen: `tags: [vertrouwen, burgers]`.",
        KEYS,
    ),
    Message(
        "(sleutel)",
        "dilemmas/voorbeeld.md:4: principles: noem er minstens één",
        "De lijst is leeg (`[]`). Een dilemma hoort bij minstens één principe en bij minstens één spanning.",
        "Zet minstens één naam tussen de haken, zoals `principles: [loyale-tegenspraak]`.",
        KEYS,
    ),
    Message(
        "(sleutel)",
        "dilemmas/voorbeeld.md:4: principles: 'loyale-tegenspraak' staat twee keer in de lijst (ook op regel 4)",
        "Dezelfde naam staat twee keer in één lijst.",
        "Haal er één weg.",
        KEYS,
    ),
    Message(
        "tensions",
        "dilemmas/voorbeeld.md:5: tensions: 'professie-samenleving' kan hier niet; "
        "kies uit: professie-politiek, professie-maatschappij, politiek-maatschappij",
        "Er zijn maar drie spanningen: de drie zijden van de driehoek. Hun namen liggen vast. "
        "Let op: de driehoek zegt maatschappij, niet samenleving.",
        "Kies een of meer van de drie namen uit de melding en schrijf ze precies zo. "
        "Welke spanning past, lees je op de pagina De driehoek.",
        KEYS,
    ),
    Message(
        "domains",
        "dilemmas/voorbeeld.md:6: domains: 'handhaving' kan hier niet; kies uit: beleid, uitvoering, toezicht",
        "`domains` zegt in welk soort werk het dilemma speelt. Daarvoor zijn maar drie woorden afgesproken.",
        "Kies uit `beleid`, `uitvoering` en `toezicht`. Wil je een ander woord kwijt? Zet het dan bij `tags`.",
        KEYS,
    ),
    # --- names and links ----------------------------------------------------------
    Message(
        "principles",
        "dilemmas/voorbeeld.md:4: principles: 'loyale-tegenspraakk' is geen bekend principe. Bedoel je 'loyale-tegenspraak'?",
        "Er is geen principe met deze naam. Waarschijnlijk zit er een tikfout in.",
        "Neem de naam over die de melding voorstelt. De naam van een principe is de naam van het bestand "
        "in de map `principles/`, zonder `.md`.",
        REFERENCES,
    ),
    Message(
        "principles",
        "dilemmas/voorbeeld.md:4: principles: 'vertrouwen' is geen bekend principe; "
        "gebruik de bestandsnaam (zonder .md) van een bestand in de map principles/",
        "Er is geen principe met deze naam, en ook geen dat erop lijkt. "
        "Misschien schreef je de titel van het principe, of een deel ervan.",
        "Zoek het principe op de pagina Principes en kijk naar het adres. "
        "Bij `/principes/werk-vanuit-vertrouwen/` is de naam `werk-vanuit-vertrouwen`. "
        "Is het een nieuw principe? Stel dat dan eerst apart voor.",
        REFERENCES,
    ),
    Message(
        "principles",
        "dilemmas/voorbeeld.md:4: principles: 'tegenspraak' is de oude naam van 'loyale-tegenspraak'; gebruik 'loyale-tegenspraak'",
        "Het principe heeft een nieuwe naam gekregen. De oude naam werkt nog als adres op de site, maar niet in deze lijst.",
        "Vervang de oude naam door de nieuwe naam uit de melding.",
        REFERENCES,
    ),
    Message(
        "(sleutel)",
        "principles/voorbeeld.md:6: aliases: 'Oude Naam' is geen geldige naam: alleen kleine letters a-z, "
        "cijfers en losse streepjes, 3 tot 60 tekens, bijvoorbeeld loyale-tegenspraak",
        "Dit is geen naam van een bestand. Zo'n naam heeft alleen kleine letters, cijfers en streepjes, "
        "net als het adres van een pagina.",
        "Schrijf de naam zoals de bestandsnaam, zonder `.md`, bijvoorbeeld `oude-naam`.",
        REFERENCES,
    ),
    Message(
        "aliases",
        "principles/voorbeeld.md:6: aliases: 'voorbeeld' is de huidige naam van dit bestand; noem hier alleen eerdere namen",
        "In `aliases` staan de oude namen van een bestand. De naam die het bestand nu heeft, hoort daar niet bij.",
        "Haal deze naam weg uit `aliases`. Blijft de lijst leeg? Haal dan de hele regel `aliases` weg.",
        REFERENCES,
    ),
    Message(
        "aliases",
        "principles/voorbeeld.md:6: aliases: 'luister-naar-burgers' wordt al gebruikt door het bestand "
        "principles/luister-naar-burgers.md; een naam mag maar bij één bestand horen",
        "Een ander bestand heeft deze naam al. Een adres kan maar naar één pagina leiden.",
        "Haal de naam weg uit `aliases`. Wilde je naar dat andere principe verwijzen? Zet dan een link in de tekst.",
        REFERENCES,
    ),
    Message(
        "aliases",
        "principles/voorbeeld.md:6: aliases: 'tegenspraak' wordt al gebruikt door principles/loyale-tegenspraak.md (regel 5); "
        "een naam mag maar bij één bestand horen",
        "Een ander bestand noemt deze oude naam ook al bij `aliases`. Een oud adres kan maar naar één pagina doorsturen.",
        "Zoek uit welk bestand vroeger echt zo heette. Laat de naam alleen bij dat bestand staan.",
        REFERENCES,
    ),
    Message(
        "link",
        "dilemmas/voorbeeld.md:23: link: de link '../principles/loyale-tegenspraakk.md' werkt niet: "
        "dat bestand bestaat niet. Bedoel je '../principles/loyale-tegenspraak.md'?",
        "Er is geen bestand met deze naam. Waarschijnlijk zit er een tikfout in de link.",
        "Verbeter alleen de naam en laat de map ervoor staan: `[tekst](../principles/loyale-tegenspraak.md)`.",
        REFERENCES,
    ),
    Message(
        "link",
        "dilemmas/voorbeeld.md:23: link: de link '../principles/tegenspraak.md' werkt niet: "
        "'tegenspraak' is de oude naam van 'loyale-tegenspraak'; link naar '../principles/loyale-tegenspraak.md'",
        "De link gebruikt een oude naam van een bestand.",
        "Vervang de oude naam door de nieuwe en laat de map ervoor staan: `../principles/loyale-tegenspraak.md`.",
        REFERENCES,
    ),
    Message(
        "link",
        "dilemmas/voorbeeld.md:23: link: de link 'loyale-tegenspraak.md' werkt niet: dat bestand bestaat niet in de map dilemmas/",
        "De link zoekt in de verkeerde map. Een link met alleen een bestandsnaam zoekt in de map van het bestand zelf.",
        "Zet de goede map voor de naam. Van een dilemma naar een principe: `../principles/naam.md`. "
        "Van een principe naar een dilemma: `../dilemmas/naam.md`. Naar een ander dilemma: `naam.md`.",
        REFERENCES,
    ),
    Message(
        "link",
        "dilemmas/voorbeeld.md:23: link: de link '../docs/versies.md' werkt niet: "
        "een link naar een principe of dilemma schrijf je als ../principles/naam.md of ../dilemmas/naam.md",
        "Vanuit een principe of dilemma kun je zo alleen linken naar een ander principe of dilemma.",
        "Wil je naar een principe of dilemma? Schrijf de link zoals in de melding. "
        "Wil je naar een andere pagina van de gids? Gebruik dan het volledige adres, dat begint met https://.",
        REFERENCES,
    ),
    Message(
        "link",
        "docs/over.md:12: link: de link 'spanningen/indx.md' werkt niet: die pagina bestaat niet. Bedoel je 'spanningen/index.md'?",
        "Deze link op een gewone pagina wijst naar een pagina die niet bestaat. Waarschijnlijk zit er een tikfout in.",
        "Neem de naam over die de melding voorstelt.",
        REFERENCES,
    ),
    Message(
        "link",
        "docs/over.md:12: link: de link 'uitleg/driehoek.md' werkt niet: die pagina bestaat niet",
        "Deze link op een gewone pagina wijst naar een pagina die niet bestaat, en ook niet naar een die erop lijkt.",
        "Een link vanaf een pagina in de map `docs/` wijst naar een bestand, niet naar een adres. "
        "Naar een dilemma: `dilemmas/naam.md`. Naar een principe: `principles/naam.md`. "
        "Naar een andere pagina: de naam van het bestand, zoals `versies.md`.",
        REFERENCES,
    ),
    # --- the text ------------------------------------------------------------------
    Message(
        "tekst",
        "principles/voorbeeld.md:11: tekst: de tekst onder de sleutels is leeg; een principe heeft tekst nodig",
        "Onder de tweede regel `---` staat geen tekst.",
        "Schrijf de tekst onder de tweede `---`. Bij een principe zijn twee tot vier korte alinea's genoeg. "
        "Een dilemma heeft de vier vaste kopjes, met tekst eronder.",
        TEXT,
    ),
    Message(
        "kopje",
        "principles/voorbeeld.md:12: kopje: '# Luister naar burgers' is een titel, en de titel staat al bij 'title'; "
        "gebruik ## voor kopjes in de tekst",
        "Een kopje met één hekje (`#`) is de titel van de pagina. Die titel maakt de gids zelf, uit `title`.",
        "Haal de regel weg als hij hetzelfde zegt als `title`. Is het een tussenkopje? Zet er dan twee hekjes voor: `## Waarom dit telt`.",
        TEXT,
    ),
    Message(
        "kopje",
        "principles/voorbeeld.md:14: kopje: zet een spatie na de hekjes: '## Waarom dit telt'",
        "Na de hekjes van een kopje staat geen spatie. Dan ziet niet elk programma de regel als kopje.",
        "Zet een spatie tussen de hekjes en de tekst, zoals de melding laat zien.",
        TEXT,
    ),
    Message(
        "## (kopje)",
        "dilemmas/voorbeeld.md:33: ## Handelingsperspectief: dit kopje ontbreekt; "
        "zet '## Handelingsperspectief' na '## Gespreksvragen'",
        "Een dilemma heeft altijd vier kopjes. Dit kopje ontbreekt.",
        "Zet het kopje op de plek die de melding noemt, precies zo geschreven, met tekst eronder.",
        TEXT,
    ),
    Message(
        "## (kopje)",
        "dilemmas/voorbeeld.md:15: ## Situatie: dit kopje ontbreekt; zet '## Situatie' bovenaan de tekst",
        "Het eerste kopje van een dilemma ontbreekt.",
        "Begin de tekst onder de tweede `---` met `## Situatie`. Beschrijf daaronder de casus.",
        TEXT,
    ),
    Message(
        "## (kopje)",
        f"dilemmas/voorbeeld.md:21: ## Spaning: dit kopje is niet goed geschreven. Bedoel je '## Spanning'? "
        f"De kopjes van een dilemma zijn: {_SECTIONS}",
        "Dit kopje is geen van de vier vaste kopjes. Het lijkt wel op een ervan. Misschien zit er een tikfout in, "
        "of heb je het kopje een andere naam gegeven.",
        "Schrijf het kopje zoals de melding voorstelt. Trainers linken naar deze kopjes, daarom liggen ze vast.",
        TEXT,
    ),
    Message(
        "## (kopje)",
        f"dilemmas/voorbeeld.md:39: ## Bronnen: dit kopje hoort niet in een dilemma; een dilemma heeft precies deze kopjes: "
        f"{_SECTIONS}. Gebruik ### voor een kopje binnen een deel.",
        "Een dilemma heeft precies vier kopjes met twee hekjes. Dit is een vijfde.",
        "Wil je een kopje binnen een deel? Zet er dan drie hekjes voor: `### Bronnen`. "
        "Gaat het om de bron van de casus? Zet die dan bij `source` bovenaan.",
        TEXT,
    ),
    Message(
        "## (kopje)",
        f"dilemmas/voorbeeld.md:21: ## Gespreksvragen: dit kopje staat niet op zijn plaats; de volgorde is: {_SECTIONS}",
        "De vier kopjes staan er wel, maar niet in de goede volgorde.",
        "Zet de delen in de volgorde uit de melding. Verplaats steeds het kopje samen met de tekst eronder.",
        TEXT,
    ),
    Message(
        "## (kopje)",
        "dilemmas/voorbeeld.md:39: ## Spanning: dit kopje staat twee keer in het dilemma (ook op regel 21); laat er één staan",
        "Hetzelfde kopje staat twee keer in het dilemma.",
        "Voeg de twee delen samen onder één kopje. Haal het andere kopje weg.",
        TEXT,
    ),
    Message(
        "## (kopje)",
        "dilemmas/voorbeeld.md:33: ## Handelingsperspectief: dit deel is leeg; schrijf er tekst onder",
        "Onder dit kopje staat geen tekst.",
        "Schrijf tekst onder het kopje. Weet je nog niet wat? Vraag in je voorstel om hulp.",
        TEXT,
    ),
    Message(
        "tekst",
        "dilemmas/voorbeeld.md:15: tekst: hier staat tekst vóór '## Situatie'; begin de tekst met '## Situatie' "
        "(de korte samenvatting hoort bij description:)",
        "Er staat tekst boven het eerste kopje. Een dilemma begint altijd met `## Situatie`.",
        "Is het een korte samenvatting? Zet die dan bij `description` bovenaan. Hoort de tekst bij de casus? "
        "Zet hem dan onder `## Situatie`.",
        TEXT,
    ),
    # --- history and releases ------------------------------------------------------
    Message(
        "history",
        "dilemmas/voorbeeld.md:9: history: hier hoort een lijst van wijzigingen, maar er staat 'Voorbeeld toegevoegd.'",
        "Achter `history:` staat direct een zin. Maar `history` is een lijst met wijzigingen, elk met een `note`.",
        "Zet de zin op een nieuwe regel onder `history:`. Begin die regel met twee spaties, een streepje en `note:`, "
        "zoals in het voorbeeld bij Wijzigingen bijhouden.",
        VERSIONS,
    ),
    Message(
        "(sleutel)",
        "dilemmas/voorbeeld.md:10: history: wijziging 1 moet sleutels hebben, zoals '- note: Voorbeeld uit de uitvoering toegevoegd.'",
        "Een regel in de lijst heeft geen sleutel. Het getal zegt om welke regel van de lijst het gaat.",
        "Zet `note:` tussen het streepje en de zin: `- note: Voorbeeld toegevoegd.`",
        VERSIONS,
    ),
    Message(
        "(sleutel)",
        'dilemmas/voorbeeld.md:10: history.version: zet het versienummer tussen aanhalingstekens, zoals "1.0"',
        "Een versienummer zonder aanhalingstekens leest de gids als getal. Dan wordt 1.10 hetzelfde als 1.1.",
        'Zet het nummer tussen dubbele aanhalingstekens: `version: "1.0"`. Gaat het om een nieuwe wijziging? '
        "Laat `version` dan helemaal weg.",
        VERSIONS,
    ),
    Message(
        "(sleutel)",
        "dilemmas/voorbeeld.md:10: history.version: hier hoort een versienummer zoals \"1.0\", maar er staat 'eerste'",
        "Een versienummer bestaat uit cijfers en punten, zoals 1.0 of 1.1.",
        "Laat `version` weg bij een nieuwe wijziging. Het versienummer komt er vanzelf bij als de redactie een versie uitbrengt.",
        VERSIONS,
    ),
    Message(
        "history.version",
        "dilemmas/voorbeeld.md:10: history.version: '1.1' is geen uitgave van de gids (uitgaven: 1.0); "
        "laat version weg voor een wijziging die nog niet is uitgebracht",
        "Deze versie van de gids bestaat (nog) niet. Tussen haakjes staan de versies die wel bestaan.",
        "Haal de regel met `version` weg. Je wijziging hoort dan bij de volgende versie. "
        "Het nummer komt er vanzelf bij als die versie uitkomt.",
        VERSIONS,
    ),
    Message(
        "(sleutel)",
        "dilemmas/voorbeeld.md:11: history.date: hier hoort een datum als 2024-06-01, maar er staat '22 november 2026'",
        "Een datum schrijf je in cijfers: eerst het jaar, dan de maand, dan de dag.",
        "Schrijf de datum als `2026-11-22`. Bij een nieuwe wijziging mag je de datum ook weglaten.",
        VERSIONS,
    ),
    Message(
        "releases.version",
        "docs/versies.md:9: releases.version: versie 1.1 staat twee keer in de lijst (ook op regel 5)",
        "Op de pagina Versies staat dezelfde uitgave twee keer.",
        "Haal een van de twee weg. Brengt de redactie een versie uit? Gebruik dan `make release`: dat voorkomt deze fout.",
        VERSIONS,
    ),
    Message(
        "(sleutel)",
        "docs/versies.md:5: upcoming.removed: noem wat er weg is met precies één sleutel: 'principle' of 'dilemma'",
        "Bij een verwijdering staat niet wat er weg is, of er staan twee dingen tegelijk.",
        "Begin elke verwijdering met `- principle: naam` of `- dilemma: naam`. Gaan er twee weg? Maak dan twee verwijderingen.",
        VERSIONS,
    ),
    Message(
        "(sleutel)",
        "docs/versies.md:5: dilemma: 'regel-of-maatwerk' staat als verwijderd, maar het bestand dilemmas/regel-of-maatwerk.md bestaat nog",
        "De pagina Versies zegt dat dit dilemma of principe weg is, maar het bestand is er nog.",
        "Haal het bestand weg, in hetzelfde voorstel. Of haal de verwijdering weg als het bestand moet blijven.",
        VERSIONS,
    ),
    Message(
        "(sleutel)",
        "docs/versies.md:5: principle: 'tegenspraak' staat als verwijderd, maar is een oude naam van 'loyale-tegenspraak'",
        "Deze naam staat bij `aliases` van een ander bestand. Het oude adres stuurt dus al door naar dat bestand.",
        "Haal de verwijdering weg. Of haal de naam weg bij `aliases` van het andere bestand, als het echt iets anders was.",
        VERSIONS,
    ),
    Message(
        "(sleutel)",
        "docs/versies.md:14: dilemma: 'oud-dilemma' staat al als verwijderd in versie 1.0",
        "Dit dilemma of principe is al eerder weggehaald. Die verwijdering staat al op de pagina Versies.",
        "Haal de tweede verwijdering weg.",
        VERSIONS,
    ),
    Message(
        "replaced_by",
        "docs/versies.md:5: replaced_by: 'regel-of-maatwerkk' is geen bestaand dilemma. Bedoel je 'regel-of-maatwerk'?",
        "Bij `replaced_by` staat een naam die niet bestaat. Waarschijnlijk zit er een tikfout in.",
        "Neem de naam over die de melding voorstelt.",
        VERSIONS,
    ),
    Message(
        "replaced_by",
        "docs/versies.md:5: replaced_by: 'nieuw-dilemma' is geen bestaand dilemma. Kijk in de map dilemmas/.",
        "Bij `replaced_by` staat een naam die niet bestaat, en ook geen die erop lijkt.",
        "Schrijf de naam van het bestand dat ervoor in de plaats kwam, zonder `.md`. Kwam er niets voor in de plaats? "
        "Haal de regel `replaced_by` dan weg.",
        VERSIONS,
    ),
    Message(
        "upcoming",
        "docs/versies.md:4: upcoming: hier horen sleutels, zoals 'removed:', maar er staat 'oud-dilemma'",
        "Onder `upcoming:` hoort de sleutel `removed:`, met daaronder de lijst van wat er weg is.",
        "Schrijf het zoals in het voorbeeld bij Een nieuwe naam geven of weghalen.",
        VERSIONS,
    ),
    Message(
        "bestand",
        "docs/versies.md:1: bestand: de pagina met de versies van de gids ontbreekt",
        "Het bestand `docs/versies.md` is weg. Daarin staan alle uitgaven van de gids.",
        "Zet het bestand terug. Vraag de redactie om hulp.",
        VERSIONS,
    ),
    # --- make check-history: what changed since the last release ------------------
    Message(
        "history",
        "waarschuwing: dilemmas/voorbeeld.md:9: history: gewijzigd sinds versie 1.0 zonder notitie. "
        "Telt de wijziging voor lezers, voeg dan een regel toe onder history: met alleen een note (zonder version). "
        "Een tikfout verbeteren heeft geen notitie nodig.",
        "Dit is een waarschuwing, geen fout: je voorstel kan gewoon door. Je hebt het bestand veranderd "
        "sinds de laatste versie van de gids, maar er staat geen nieuwe notitie bij `history`. "
        "Lezers zien je wijziging dan niet op de pagina Versies.",
        "Was het een echte wijziging, zoals een nieuw voorbeeld of een andere gespreksvraag? "
        "Zet dan onder `history:` een regel `- note:` met in één zin wat er veranderde. "
        "Was het alleen een tikfout? Dan hoef je niets te doen.",
        HISTORY_CHECK,
    ),
    Message(
        "history",
        "waarschuwing: dilemmas/voorbeeld.md:1: history: nieuw sinds versie 1.0 zonder notitie. "
        "Voeg een regel toe onder history: met alleen een note (zonder version), "
        "dan zien lezers in de lijst met wijzigingen dat dit dilemma nieuw is.",
        "Dit is een waarschuwing, geen fout. Je nieuwe dilemma of principe heeft geen notitie bij `history`. "
        "Dan staat het niet als nieuw op de pagina Versies.",
        "Zet onderaan de sleutels `history:`, met daaronder `- note: Nieuw dilemma.` (of `Nieuw principe.`). "
        "In het sjabloon staan die regels al.",
        HISTORY_CHECK,
    ),
    Message(
        "history",
        "waarschuwing: dilemmas/voorbeeld.md:9: history: hernoemd sinds versie 1.0 (de oude naam was oud-voorbeeld) "
        "zonder notitie. Telt de wijziging voor lezers, voeg dan een regel toe onder history: met alleen een note "
        "(zonder version). Een tikfout verbeteren heeft geen notitie nodig.",
        "Dit is een waarschuwing, geen fout. Het bestand heeft een nieuwe naam gekregen, "
        "maar er staat geen notitie bij `history`.",
        "Zet onder `history:` een regel zoals `- note: Nieuwe naam, zodat die beter bij de titel past.`",
        HISTORY_CHECK,
    ),
    Message(
        "bestand",
        "fout: dilemmas/oud-voorbeeld.md:1: bestand: dit dilemma is weggehaald sinds versie 1.0, "
        "maar dan werkt het adres /dilemmas/oud-voorbeeld/ niet meer. Heeft het een nieuwe naam gekregen? "
        "Zet dan 'oud-voorbeeld' onder aliases: in het nieuwe bestand. Is het echt weg? "
        "Zet het dan in docs/versies.md onder upcoming: en removed: als '- dilemma: oud-voorbeeld' "
        "met een reason: die zegt waarom.",
        "Het bestand is weg of heeft een andere naam. Mensen hebben links naar het oude adres bewaard. "
        "Die links zouden dan niet meer werken.",
        "Heeft het bestand een nieuwe naam? Zet de oude naam dan bij `aliases` in het nieuwe bestand. "
        "Is het echt weg? Schrijf dat dan op in `docs/versies.md`, zoals bij Een nieuwe naam geven of weghalen.",
        HISTORY_CHECK,
    ),
    # --- the triangle ----------------------------------------------------------------
    Message(
        "bestand",
        "docs/spanningen/professie-politiek.md:1: bestand: de pagina over de spanning professie-politiek ontbreekt",
        "Elke spanning van de driehoek heeft een eigen pagina. Deze pagina is weg of heeft een andere naam gekregen.",
        "Zet het bestand terug onder de naam uit de melding. De namen van de spanningen liggen vast.",
        TRIANGLE,
    ),
    Message(
        "bestand",
        "docs/spanningen/index.md:1: bestand: de pagina over de driehoek ontbreekt",
        "De pagina over de driehoek is weg of heeft een andere naam gekregen.",
        "Zet het bestand `docs/spanningen/index.md` terug. Vraag de redactie om hulp.",
        TRIANGLE,
    ),
    Message(
        "bestandsnaam",
        "docs/spanningen/politiek-samenleving.md:1: bestandsnaam: 'politiek-samenleving' is geen spanning van de driehoek. "
        "Bedoel je 'politiek-maatschappij'? De spanningen heten: professie-politiek, professie-maatschappij, politiek-maatschappij",
        "In de map `docs/spanningen/` staat een bestand met een naam die geen spanning is. Waarschijnlijk een tikfout.",
        "Geef het bestand de naam die de melding voorstelt. Er zijn precies drie spanningen; hun namen liggen vast.",
        TRIANGLE,
    ),
    Message(
        "bestandsnaam",
        "docs/spanningen/burger-en-overheid.md:1: bestandsnaam: 'burger-en-overheid' is geen spanning van de driehoek. "
        "De spanningen heten: professie-politiek, professie-maatschappij, politiek-maatschappij",
        "In de map `docs/spanningen/` mogen alleen de pagina's van de drie spanningen staan, en de pagina over de driehoek.",
        "Zet de tekst op de pagina van een van de drie spanningen, of op een andere pagina. Haal dit bestand weg.",
        TRIANGLE,
    ),
    Message(
        "corners",
        "docs/spanningen/index.md:5: corners: de naam ontbreekt voor: politiek",
        "Bij `corners` staan de namen van de drie hoeken van de driehoek. De naam van deze hoek ontbreekt.",
        "Zet de hoek terug op een eigen regel onder `corners:`, met twee spaties ervoor: `politiek: Politiek en minister`.",
        TRIANGLE,
    ),
    Message(
        "corners",
        "docs/spanningen/index.md:4: corners: hier hoort voor elke hoek een naam (professie, politiek, maatschappij)",
        "Bij `corners` hoort voor elke hoek een regel met een naam, niet een lijst of een zin.",
        "Zet onder `corners:` drie regels, elk met twee spaties ervoor: `professie:`, `politiek:` en `maatschappij:`, met de naam erachter.",
        TRIANGLE,
    ),
    Message(
        "corners",
        "docs/spanningen/index.md:5: corners: onbekende hoek burger; de hoeken heten professie, politiek, maatschappij",
        "De driehoek heeft drie hoeken, met vaste namen. Deze hoek bestaat niet.",
        "Haal de regel weg. Wil je een hoek anders noemen? Verander dan de tekst achter de dubbele punt, niet het woord ervoor.",
        TRIANGLE,
    ),
    Message(
        "(sleutel)",
        "dilemmas/voorbeeld.md:14: ## Situatie: '<script>' is niet toegestaan in de tekst van de gids; "
        "gebruik gewone tekst en markdown",
        "In de tekst staat HTML-code die iets laat draaien of iets van buiten de gids insluit, zoals een script, "
        "een iframe, een formulier of een tekening (svg). De gids is een website van de overheid: die code mag er "
        "niet in. Na de dubbele punt staat in welk deel van de tekst het staat.",
        "Haal de code weg. Schrijf gewone tekst; voor vet, lijstjes en links is er markdown (zie hierboven).",
        SAFETY,
    ),
    Message(
        "(sleutel)",
        "dilemmas/voorbeeld.md:14: ## Situatie: het HTML-attribuut 'onerror' is niet toegestaan: het laat code "
        "draaien; haal het weg",
        "In een stukje HTML, of in opmaak tussen { }, staat een attribuut dat met 'on' begint. Zo'n attribuut laat "
        "code draaien als iemand de pagina bekijkt.",
        "Haal het stukje HTML of de opmaak tussen { } weg en schrijf gewone tekst, of gebruik markdown voor een "
        "link of een afbeelding.",
        SAFETY,
    ),
    Message(
        "(sleutel)",
        "dilemmas/voorbeeld.md:14: ## Situatie: het HTML-attribuut 'style' is niet toegestaan: de opmaak komt van "
        "de gids zelf; haal het weg",
        "In een stukje HTML, of in opmaak tussen { }, staat een eigen opmaak (style). De gids heeft één opmaak, "
        "die voor iedereen goed leesbaar is.",
        "Haal het attribuut weg. Wil je iets nadruk geven? Gebruik dan **vet** of *schuin*.",
        SAFETY,
    ),
    Message(
        "(sleutel)",
        "dilemmas/voorbeeld.md:14: ## Situatie: het HTML-attribuut 'target' is niet toegestaan bij <a>; haal het weg",
        "In een stukje HTML, of in opmaak tussen { }, staat een attribuut dat de gids niet gebruikt.",
        "Haal het attribuut weg. Gewone markdown heeft het niet nodig.",
        SAFETY,
    ),
    Message(
        "(sleutel)",
        "dilemmas/voorbeeld.md:14: ## Situatie: een adres dat begint met 'javascript:' is niet toegestaan; gebruik "
        "een gewoon webadres (https://...) of een link naar een ander bestand van de gids",
        "Een link of afbeelding wijst naar een adres dat code laat draaien of inhoud insluit "
        "(zoals javascript:, vbscript:, data: of file:). Dat geldt ook voor een link die onderaan de tekst staat "
        "([naam]: adres) en voor een adres in HTML-code.",
        "Link naar een gewone webpagina (https://...), een e-mailadres (mailto:...) of naar een principe of dilemma, "
        "zoals `../principles/naam.md`.",
        SAFETY,
    ),
    Message(
        "(sleutel)",
        "dilemmas/voorbeeld.md:14: ## Situatie: de naam '__search' (id) is van de gids zelf; kies een andere naam",
        "Met opmaak als `{: #naam }` geef je een stuk tekst een naam. Namen die met een liggend streepje (_) "
        "beginnen, gebruikt de website zelf.",
        "Kies een naam met alleen kleine letters, cijfers en streepjes, zoals `{: #mijn-voorbeeld }`.",
        SAFETY,
    ),
    Message(
        "(sleutel)",
        "dilemmas/voorbeeld.md:3: description: hier hoort gewone tekst, zonder HTML-code zoals <...>; "
        "gebruik gewone tekst en markdown",
        "Bovenaan, bij een sleutel zoals title of description, staat HTML-code. Die tekst wordt altijd als gewone tekst getoond.",
        "Haal de code tussen de punthaken (`<` en `>`) weg en schrijf gewone tekst.",
        SAFETY,
    ),
    Message(
        "(sleutel)",
        "dilemmas/voorbeeld.md:2: title: hier staat een HTML-code voor een teken (zoals &amp;); schrijf het teken "
        "zelf, zoals & of é",
        "Bovenaan, bij een sleutel zoals title of description, staat een code voor een teken, zoals `&amp;` of "
        "`&eacute;`. Die tekst wordt op sommige plekken als code getoond en op andere als teken.",
        "Schrijf het teken zelf: `&` in plaats van `&amp;`, `é` in plaats van `&eacute;`.",
        SAFETY,
    ),
    Message(
        "corners",
        "docs/spanningen/index.md:5: corners: de naam van politiek moet tekst zijn",
        "Achter deze hoek staat geen naam.",
        "Schrijf de naam achter de dubbele punt, zoals `politiek: Politiek en minister`.",
        TRIANGLE,
    ),
)


# --- matching lines to entries ------------------------------------------------------

#: ``make check-history`` puts ``waarschuwing:`` or ``fout:`` before its lines.
_LINE = re.compile(r"^(?:(?:waarschuwing|fout): )?(?P<path>[^:]+):(?P<line>\d+): (?P<key>.+?): (?P<message>.+)$")


def parse_line(line: str) -> Problem:
    """Read a line as the check prints it (``bestand:regel: sleutel: melding``,
    perhaps after ``waarschuwing:`` or ``fout:``)."""
    match = _LINE.match(line)
    if not match:
        raise ValueError(f"not a message line: {line!r}")
    return Problem(match["path"], int(match["line"]), match["key"], match["message"])


#: Values that differ from case to case, in the order they are replaced.
_PLACEHOLDERS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), placeholder)
    for pattern, placeholder in (
        # What schema.describe_value says was found instead.
        (
            r"(?<=er staat )(?:niets|een lijst|een groep sleutels|een ja/nee-waarde \(zo leest YAML woorden als yes, no, true en false\)"
            r"|het getal \S+?|de datum \S+?|'[^']*')(?=;|$)",
            "<waarde>",
        ),
        # The kind of thing a schema describes, and what a required key holds.
        (r"(?<=sleutel van een )[\w ]+?(?=\.)", "<soort>"),
        (r"(?<=een )[\w ]+?(?= heeft (?:hier|tekst) nodig)", "<soort>"),
        (r"(?<=heeft hier nodig: ).*\)$", "<uitleg>"),
        (r"(?<=hier hoort een lijst van )\w+", "<soort>"),
        (r"^\w+(?= \d+ moet sleutels hebben)", "<soort>"),
        (r"(?<=geen bestaand )\w+", "<soort>"),
        # Names printed without quotes.
        (r"(?<=de pagina over de spanning )[\w-]+", "<naam>"),
        (r"(?<=de naam van )[\w-]+(?= moet)", "<naam>"),
        (r"(?<=onbekende hoek )[^;]+", "<lijst>"),
        (r"(?<=de oude naam was )[\w-]+", "<naam>"),
        (r"(?<=^dit )\w+(?= is weggehaald)", "<soort>"),
        (r"(?<=dat dit )\w+(?= nieuw is)", "<soort>"),
        # Quoted values.
        (r"'[^']*'", "'…'"),
        (r'"[^"]*"', '"…"'),
        # A list of names after a colon, up to the end or a closing bracket.
        (r"(?<=: )(?:[\w.-]+(?:, [\w.-]+)*|nog geen)(?=\.?$|\))", "<lijst>"),
        # File paths and file names.
        (r"[\w.-]*(?:/[\w.-]*)+", "<pad>"),
        (r"[\w-]+\.md\b", "<pad>"),
        # Numbers: line numbers, lengths, versions.
        (r"\d+(?:\.\d+)*", "<getal>"),
    )
)


def shape(message: str) -> str:
    """A message with every value that varies replaced by a placeholder."""
    for pattern, placeholder in _PLACEHOLDERS:
        message = pattern.sub(placeholder, message)
    return message


def explain(problem: Problem | str) -> Message | None:
    """The catalogue entry that explains a problem (or a printed line).

    An entry for one fixed key comes before an entry for any key.
    """
    if isinstance(problem, str):
        problem = parse_line(problem)
    matches = [m for m in CATALOGUE if m.explains(problem)]
    matches.sort(key=lambda m: m.generic)
    return matches[0] if matches else None


# --- the Bijdragen page ----------------------------------------------------------------


def markdown() -> str:
    """The catalogue as markdown: per group a ``###`` heading, per message the
    example line, what it means and what to do.

    It ends with an empty line, so that whatever follows the marker on the
    page starts a block of its own."""
    parts = []
    for group in GROUPS:
        parts.append(f"### {group}")
        for message in CATALOGUE:
            if message.group != group:
                continue
            parts.append(f"`{message.example}`")
            parts.append(f"**Wat betekent dit?** {message.meaning}")
            parts.append(f"**Wat doe je?** {message.fix}")
    return "\n\n".join(parts) + "\n"
