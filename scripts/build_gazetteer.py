#!/usr/bin/env python3
"""Compile the newsdex place gazetteer from GeoNames dumps.

Usage:
    python3 scripts/build_gazetteer.py [GEONAMES_DIR] [OUTPUT]

GEONAMES_DIR defaults to ../shared/data/gazetteer/geonames_geobank (relative to
the repository root) and must hold cities15000.txt, regionInfo.tsv and
countryInfo.tsv. OUTPUT defaults to data/gazetteer.tsv.gz.

The output is a gzipped, tab-separated text file, one record per line; the
first field names the record type:

    O  code  name                                   continent
    K  iso2  name  continent  currency  population  aliases   country
    R  key   name  population  aliases                        admin1 region ("CC.code")
    T  name  country  admin1  population  flag  alternates  aliases  names   city
    D  demonym  iso2                                          demonym

Aliases and alternates are separated by "|". Aliases are curated names (ranked
like the main name); alternates are GeoNames alternate names (ranked lower). A region's population is the sum
of the populations of the GeoNames cities (>= 15,000 inhabitants) it contains,
an underestimate that is only used to rank same-name candidates. The city flag
is "C" for a national capital, "A" for a first-level admin seat, "-" otherwise.
A city's "names" is how many alternate names GeoNames lists for it (in any
language), a rough measure of how widely known the city is: Venice, Italy has
66, Venice, California 15.
Rows are sorted so the output is reproducible.

Place data: GeoNames (https://www.geonames.org/), licensed CC BY 4.0.
"""

import gzip
import os
import sys
import unicodedata

CONTINENTS = [
    ("AF", "Africa"),
    ("AN", "Antarctica"),
    ("AS", "Asia"),
    ("EU", "Europe"),
    ("NA", "North America"),
    ("OC", "Oceania"),
    ("SA", "South America"),
]

# Canonical English names where the GeoNames country name reads oddly in a facet.
COUNTRY_RENAMES = {
    "NL": "Netherlands",
    "PS": "Palestinian Territories",
    "TL": "East Timor",
}

# Hand-written aliases as news writes them; the Reuters-21578 topic tags
# ("west-germany", "ussr", "trinidad-tobago") are covered here too. Historical
# states map to their main present-day successor.
COUNTRY_ALIASES = {
    "US": ["U.S.", "US", "USA", "U.S.A.", "United States of America", "America",
           "the United States", "the U.S."],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain and Northern Ireland"],
    "NL": ["Holland", "The Netherlands"],
    "RU": ["Soviet Union", "USSR", "U.S.S.R.", "Russian Federation"],
    "DE": ["West Germany", "East Germany", "Federal Republic of Germany", "GDR", "FRG"],
    "CZ": ["Czech Republic", "Czechoslovakia"],
    "RS": ["Yugoslavia"],
    "CD": ["Zaire", "DR Congo", "DRC", "Congo-Kinshasa", "Democratic Republic of Congo"],
    "CG": ["Congo", "Congo-Brazzaville", "Republic of Congo"],
    "MM": ["Burma"],
    "KH": ["Kampuchea"],
    "SZ": ["Swaziland"],
    "TT": ["Trinidad-Tobago", "Trinidad"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "AG": ["Antigua"],
    "YE": ["Yemen Arab Republic", "Yemen Demo Republic", "North Yemen", "South Yemen"],
    "CI": ["Cote d'Ivoire", "Côte d'Ivoire"],
    "CV": ["Cape Verde"],
    "MK": ["Macedonia", "Former Yugoslav Republic of Macedonia"],
    "TL": ["Timor-Leste", "Timor Leste"],
    "VA": ["Vatican City", "Holy See"],
    "KR": ["Korea", "Republic of Korea", "ROK"],
    "KP": ["DPRK", "Democratic People's Republic of Korea"],
    "IR": ["Persia", "Islamic Republic of Iran"],
    "IQ": ["Kurdistan", "Iraqi Kurdistan", "Kurdistan Region"],
    "PS": ["Palestine", "Palestinian Territory", "West Bank", "Gaza Strip", "Gaza"],
    "VN": ["Viet Nam", "Republic of Vietnam", "South Vietnam", "North Vietnam"],
    "IE": ["Republic of Ireland", "Irish Republic", "Eire"],
    "LA": ["Lao"],
    "SY": ["Syrian Arab Republic"],
    "SA": ["KSA"],
    "BA": ["Bosnia", "Bosnia-Herzegovina"],
    "MO": ["Macau"],
    "HK": ["Hong Kong SAR"],
    "TW": ["Republic of China", "Formosa"],
    "CN": ["People's Republic of China", "PRC", "Mainland China"],
    "MD": ["Moldavia"],
    "BY": ["Byelorussia", "Belorussia"],
    "KG": ["Kirghizia"],
    "LK": ["Ceylon"],
    "BF": ["Upper Volta"],
    "BJ": ["Dahomey"],
    "ZW": ["Rhodesia"],
    "TZ": ["Tanganyika"],
    "TR": ["Turkiye", "Türkiye"],
    "GM": ["The Gambia"],
    "BS": ["The Bahamas"],
    "FM": ["Federated States of Micronesia"],
    "VI": ["US Virgin Islands"],
    "KN": ["St Kitts and Nevis", "St. Kitts and Nevis", "St Kitts"],
    "LC": ["St Lucia", "St. Lucia"],
    "VC": ["St Vincent", "St. Vincent", "Saint Vincent"],
}

# Curated city aliases, keyed by (GeoNames name, country code).
CITY_ALIASES = {
    ("New York City", "US"): ["New York", "NYC", "N.Y.C."],
    ("Washington", "US"): ["Washington, D.C.", "Washington DC"],
    ("Mumbai", "IN"): ["Bombay"],
    ("Kolkata", "IN"): ["Calcutta"],
    ("Chennai", "IN"): ["Madras"],
    ("Beijing", "CN"): ["Peking"],
    ("Guangzhou", "CN"): ["Canton"],
    ("Ho Chi Minh City", "VN"): ["Saigon"],
    ("Yangon", "MM"): ["Rangoon"],
    ("Kyiv", "UA"): ["Kiev"],
    ("Berlin", "DE"): ["West Berlin", "East Berlin"],
    ("Saint Petersburg", "RU"): ["Leningrad", "St Petersburg"],
    ("Kuwait City", "KW"): ["Kuwait"],
    ("Mexico City", "MX"): ["Mexico"],
    ("Panamá", "PA"): ["Panama City"],
    ("Guatemala City", "GT"): ["Guatemala"],
    ("Singapore", "SG"): ["Singapore City"],
    # British news writes these for Parliament and the civil service; GeoNames has
    # "Westminster" only as an alternate name, so Westminster, Colorado outranked it.
    ("City of Westminster", "GB"): ["Westminster", "Whitehall"],
}

# Names of regions that read oddly, and extra aliases for regions ("CC.code").
REGION_RENAMES = {
    "DE.03": "Bremen",
    "DE.16": "Berlin",
    "RU.66": "Saint Petersburg",
}
REGION_ALIASES = {
    "US.DC": ["Washington, D.C.", "Washington DC", "D.C."],
    "RU.66": ["St Petersburg", "St. Petersburg"],
}
# Newspaper abbreviations of US states ("Boston, Mass." is left out: "Mass", "Miss",
# "Wash", "Ind", "Del", "Ore" and "La" are ordinary words or other places).
US_STATE_ABBREVIATIONS = {
    "AL": "Ala.", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.", "CO": "Colo.", "CT": "Conn.",
    "FL": "Fla.", "GA": "Ga.", "IL": "Ill.", "KS": "Kan. Kans.", "KY": "Ky.", "MD": "Md.",
    "MI": "Mich.", "MN": "Minn.", "MT": "Mont.", "NE": "Neb. Nebr.", "NV": "Nev.",
    "NH": "N.H.", "NJ": "N.J.", "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.", "ND": "N.D.",
    "OK": "Okla.", "PA": "Pa. Penn.", "RI": "R.I.", "SC": "S.C.", "SD": "S.D.",
    "TN": "Tenn.", "TX": "Tex.", "VT": "Vt.", "VA": "Va.", "WV": "W.Va.", "WI": "Wis.",
    "WY": "Wyo.",
}
for _code, _abbrevs in US_STATE_ABBREVIATIONS.items():
    REGION_ALIASES.setdefault("US." + _code, []).extend(_abbrevs.split())

# Prefixes and suffixes stripped from region names to make an extra alias
# ("Krasnodar Krai" -> "Krasnodar", "City state Bremen" -> "Bremen").
REGION_PREFIXES = ["City state ", "State of ", "Muhafazat ", "City of ", "Republic of ",
                   "Province of ", "Region of ", "Municipality of ", "County of "]
REGION_SUFFIXES = [" Province", " Region", " Department", " Governorate", " Oblast", " oblast",
                   " Krai", " Kray", " Voivodeship", " State", " District", " County",
                   " Municipality", " Republic", " Prefecture", " Autonomous Region", " Oblast'"]

# A stripped region name made only of these words is not kept as an alias
# ("Central Region" -> "Central", "Free State" -> "Free" would match common words).
GENERIC_WORDS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "northeast", "northwest", "southeast", "southwest", "north-east", "north-west",
    "south-east", "south-west", "northeastern", "northwestern", "southeastern",
    "southwestern", "central", "centre", "center", "capital", "federal", "free",
    "island", "islands", "valley", "delta", "lake", "lakes", "maritime", "nord", "sud",
    "coast", "coastal", "river", "rivers", "upper", "lower", "middle", "greater",
    "littoral", "plateau", "highlands", "mountain", "mountains", "national", "special",
    "autonomous", "city", "state", "region", "province", "district", "of", "the", "and",
    "new", "great", "grand", "high", "inner", "outer", "interior", "orient", "oriental",
    "occidental", "metropolitan", "western area", "north central", "south central",
}


# Demonyms and nationality adjectives by ISO2 code. Regular plurals ("Belgians")
# are handled at lookup time by dropping a final "s"; irregular ones are listed.
DEMONYMS = {
    "AF": "Afghan Afghani", "AL": "Albanian", "DZ": "Algerian", "AD": "Andorran",
    "AO": "Angolan", "AG": "Antiguan", "AR": "Argentine Argentinian Argentinean",
    "AM": "Armenian", "AU": "Australian Aussie", "AT": "Austrian", "AZ": "Azerbaijani Azeri",
    "BS": "Bahamian", "BH": "Bahraini", "BD": "Bangladeshi", "BB": "Barbadian Bajan",
    "BY": "Belarusian Belarussian Byelorussian", "BE": "Belgian", "BZ": "Belizean",
    "BJ": "Beninese", "BT": "Bhutanese", "BO": "Bolivian", "BA": "Bosnian",
    "BW": "Botswanan Motswana Batswana", "BR": "Brazilian", "BN": "Bruneian",
    "BG": "Bulgarian", "BF": "Burkinabe", "BI": "Burundian", "KH": "Cambodian Khmer",
    "CM": "Cameroonian", "CA": "Canadian", "CV": "Cape Verdean", "CF": "Central African",
    "TD": "Chadian", "CL": "Chilean", "CN": "Chinese", "CO": "Colombian", "KM": "Comoran Comorian",
    "CD": "Congolese Zairean Zairian", "CR": "Costa Rican", "CI": "Ivorian", "HR": "Croatian Croat",
    "CU": "Cuban", "CY": "Cypriot", "CZ": "Czech Czechoslovak Czechoslovakian",
    "DK": "Danish Dane", "DJ": "Djiboutian", "DM": "Dominican", "EC": "Ecuadorian Ecuadorean",
    "EG": "Egyptian", "SV": "Salvadoran Salvadorean", "GQ": "Equatorial Guinean Equatoguinean",
    "ER": "Eritrean", "EE": "Estonian", "ET": "Ethiopian", "FJ": "Fijian",
    "FI": "Finnish Finn", "FR": "French Frenchman Frenchmen Frenchwoman Frenchwomen",
    "GA": "Gabonese", "GM": "Gambian", "GE": "Georgian",
    "DE": "German West German East German", "GH": "Ghanaian", "GR": "Greek",
    "GD": "Grenadian", "GT": "Guatemalan", "GN": "Guinean", "GW": "Bissau-Guinean",
    "GY": "Guyanese", "HT": "Haitian", "HN": "Honduran", "HK": "Hongkonger",
    "HU": "Hungarian", "IS": "Icelandic Icelander", "IN": "Indian", "ID": "Indonesian",
    "IR": "Iranian Persian", "IQ": "Iraqi", "IE": "Irish Irishman Irishmen",
    "IL": "Israeli", "IT": "Italian", "JM": "Jamaican", "JP": "Japanese",
    "JO": "Jordanian", "KZ": "Kazakh Kazakhstani", "KE": "Kenyan", "KI": "I-Kiribati",
    "KP": "North Korean", "KR": "South Korean Korean", "XK": "Kosovar Kosovan",
    "KW": "Kuwaiti", "KG": "Kyrgyz Kirghiz", "LA": "Laotian Lao", "LV": "Latvian",
    "LB": "Lebanese", "LS": "Basotho Mosotho", "LR": "Liberian", "LY": "Libyan",
    "LI": "Liechtensteiner", "LT": "Lithuanian", "LU": "Luxembourgish Luxembourger",
    "MO": "Macanese", "MK": "Macedonian", "MG": "Malagasy Madagascan", "MW": "Malawian",
    "MY": "Malaysian", "MV": "Maldivian", "ML": "Malian", "MT": "Maltese",
    "MH": "Marshallese", "MR": "Mauritanian", "MU": "Mauritian", "MX": "Mexican",
    "FM": "Micronesian", "MD": "Moldovan Moldavian", "MC": "Monegasque Monacan",
    "MN": "Mongolian", "ME": "Montenegrin", "MA": "Moroccan", "MZ": "Mozambican",
    "MM": "Burmese Myanmarese", "NA": "Namibian", "NR": "Nauruan", "NP": "Nepalese Nepali",
    "NL": "Dutch Dutchman Dutchmen Netherlander", "NZ": "New Zealander Kiwi",
    "NI": "Nicaraguan", "NE": "Nigerien", "NG": "Nigerian", "NO": "Norwegian",
    "OM": "Omani", "PK": "Pakistani", "PW": "Palauan", "PS": "Palestinian",
    "PA": "Panamanian", "PG": "Papua New Guinean", "PY": "Paraguayan", "PE": "Peruvian",
    "PH": "Philippine Filipino Filipina", "PL": "Polish Pole", "PT": "Portuguese",
    "PR": "Puerto Rican", "QA": "Qatari", "RO": "Romanian Rumanian",
    "RU": "Russian Soviet", "RW": "Rwandan Rwandese", "KN": "Kittitian Nevisian",
    "LC": "Saint Lucian", "VC": "Vincentian", "WS": "Samoan", "SM": "Sammarinese",
    "ST": "Santomean", "SA": "Saudi Saudi Arabian", "SN": "Senegalese",
    "RS": "Serbian Serb Yugoslav Yugoslavian", "SC": "Seychellois", "SL": "Sierra Leonean",
    "SG": "Singaporean", "SK": "Slovak Slovakian", "SI": "Slovenian Slovene",
    "SB": "Solomon Islander", "SO": "Somali Somalian", "ZA": "South African",
    "SS": "South Sudanese", "ES": "Spanish Spaniard", "LK": "Sri Lankan", "SD": "Sudanese",
    "SR": "Surinamese", "SZ": "Swazi", "SE": "Swedish Swede", "CH": "Swiss",
    "SY": "Syrian", "TW": "Taiwanese", "TJ": "Tajik Tajikistani", "TZ": "Tanzanian",
    "TH": "Thai", "TL": "Timorese", "TG": "Togolese", "TO": "Tongan",
    "TT": "Trinidadian Tobagonian", "TN": "Tunisian", "TR": "Turkish Turk",
    "TM": "Turkmen", "TV": "Tuvaluan", "UG": "Ugandan", "UA": "Ukrainian",
    "AE": "Emirati", "GB": "British Briton English Englishman Englishmen Scottish Scot Scots Welsh Welshman",
    "US": "American", "UY": "Uruguayan", "UZ": "Uzbek Uzbekistani", "VU": "Ni-Vanuatu",
    "VE": "Venezuelan", "VN": "Vietnamese", "YE": "Yemeni Yemenite", "ZM": "Zambian",
    "ZW": "Zimbabwean", "GL": "Greenlandic Greenlander", "BM": "Bermudian",
    "KY": "Caymanian", "AW": "Aruban", "GU": "Guamanian",
}
# Multi-word demonyms inside the space-separated strings above.
MULTI_WORD = ["West German", "East German", "North Korean", "South Korean", "Costa Rican",
              "Cape Verdean", "Central African", "Equatorial Guinean", "New Zealander",
              "Papua New Guinean", "Puerto Rican", "Saint Lucian", "Saudi Arabian",
              "Sierra Leonean", "Solomon Islander", "South African", "South Sudanese",
              "Sri Lankan"]


# Alternate names are kept only for cities at least this big, and only in ASCII:
# English exonyms ("Bombay", "Peking", "Cologne") are ASCII, and folding makes
# "Köln" find "Koln".
MIN_ALT_POPULATION = 100_000
# Prefixes of GeoNames alternates that are descriptions in other languages.
ALT_PREFIXES = ("Lungsod ng ", "Dakbayan sa ", "Gemeente ", "Comune di ", "Municipio ",
                "Ciudad de ", "Cidade de ", "Ville de ", "Stadt ", "Kota ", "Thanh pho ")


def split_demonyms(text):
    """Split a space-separated demonym string, keeping listed multi-word demonyms whole."""
    out = []
    for mw in MULTI_WORD:
        if mw in text:
            out.append(mw)
            text = text.replace(mw, " ")
    out.extend(text.split())
    return out


def latin1_or_ascii(name, ascii_name):
    """The name as written if it only uses Latin-1 characters, else the ASCII form."""
    if all(ord(c) < 0x100 for c in name):
        return name
    return ascii_name or name


def is_latin_letter(c):
    if c.isascii():
        return c.isalpha()
    if not c.isalpha():
        return False
    return "LATIN" in unicodedata.name(c, "")


def useful_alternate(alt):
    """Alternate city names kept: Latin-script, capitalised, not codes or transliterations."""
    if len(alt) < 3 or len(alt) > 40:
        return False
    if not alt[0].isupper():
        return False
    if alt.isupper():  # airport and other codes ("ALV", "NYC")
        return False
    if alt.startswith(ALT_PREFIXES):
        return False
    for c in alt:
        if c in " -'.’" or is_latin_letter(c):
            continue
        return False
    # Words after the first must be capitalised or short particles ("la", "de").
    for word in alt.replace("-", " ").split()[1:]:
        if word[0].islower() and len(word) > 3:
            return False
    return True


def fold(s):
    """A loose comparison key (the Rust side has its own normaliser)."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return "".join(c for c in s.lower() if c.isalnum())


def clean(s):
    return s.replace("\t", " ").replace("|", " ").strip()


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        root, "..", "shared", "data", "gazetteer", "geonames_geobank")
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "data", "gazetteer.tsv.gz")

    lines = []
    for code, name in CONTINENTS:
        lines.append(["O", code, name])

    countries = {}
    with open(os.path.join(src, "countryInfo.tsv"), encoding="utf-8") as f:
        for row in f:
            if row.startswith("#") or not row.strip():
                continue
            cols = row.rstrip("\n").split("\t")
            iso, name, pop, cont, cur = cols[0], cols[4], cols[7], cols[8], cols[10]
            if iso in ("CS", "AN"):  # dissolved: Serbia and Montenegro, Netherlands Antilles
                continue
            name = COUNTRY_RENAMES.get(iso, name)
            countries[iso] = name
            aliases = [a for a in COUNTRY_ALIASES.get(iso, []) if fold(a) != fold(name)]
            lines.append(["K", iso, clean(name), cont, cur, str(int(pop or 0)), "|".join(aliases)])

    # Cities first, to estimate region populations.
    cities = []
    region_pop = {}
    with open(os.path.join(src, "cities15000.txt"), encoding="utf-8") as f:
        for row in f:
            cols = row.rstrip("\n").split("\t")
            if len(cols) < 19:
                continue
            name, ascii_name, alts = cols[1], cols[2], cols[3]
            fcode, cc, admin1, pop = cols[7], cols[8], cols[10], int(cols[14] or 0)
            if cc not in countries:
                continue
            display = latin1_or_ascii(name, ascii_name)
            seen = {fold(display), fold(name), fold(ascii_name)}
            kept = []
            if ascii_name and fold(ascii_name) != fold(display) and useful_alternate(ascii_name):
                kept.append(ascii_name)
            if pop >= MIN_ALT_POPULATION:
                for alt in alts.split(","):
                    alt = alt.strip()
                    key = fold(alt)
                    if not key or key in seen or not alt.isascii() or not useful_alternate(alt):
                        continue
                    seen.add(key)
                    kept.append(alt)
            flag = "C" if fcode == "PPLC" else "A" if fcode == "PPLA" else "-"
            key = f"{cc}.{admin1}" if admin1 else ""
            region_pop[key] = region_pop.get(key, 0) + pop
            names = len([a for a in alts.split(",") if a.strip()])
            cities.append([clean(display), cc, admin1, pop, flag, "|".join(clean(a) for a in kept),
                           "", name, names])

    # Curated aliases go to the most populous city of that name and country.
    for (name, cc), aliases in CITY_ALIASES.items():
        matches = [c for c in cities if c[7] == name and c[1] == cc]
        if not matches:
            sys.exit(f"curated alias target not found: {name}, {cc}")
        city = max(matches, key=lambda c: c[3])
        city[6] = "|".join(a for a in aliases if fold(a) != fold(city[0]))
        folded = {fold(a) for a in aliases}
        city[5] = "|".join(a for a in city[5].split("|") if a and fold(a) not in folded)

    with open(os.path.join(src, "regionInfo.tsv"), encoding="utf-8") as f:
        for row in f:
            if row.startswith("#") or not row.strip():
                continue
            cols = row.rstrip("\n").split("\t")
            key, name, ascii_name = cols[0], cols[1], cols[2]
            if key.split(".")[0] not in countries:
                continue
            display = REGION_RENAMES.get(key, latin1_or_ascii(name, ascii_name))
            aliases = list(REGION_ALIASES.get(key, []))
            for form in (name, ascii_name):
                short = form
                for p in REGION_PREFIXES:
                    if short.startswith(p):
                        short = short[len(p):]
                for s in REGION_SUFFIXES:
                    if short.endswith(s):
                        short = short[: -len(s)]
                words = short.lower().replace("-", " ").split()
                if short != form and words and not all(w in GENERIC_WORDS for w in words):
                    aliases.append(short)
                aliases.append(form)
            kept, seen = [], {fold(display)}
            for a in aliases:
                if fold(a) and fold(a) not in seen:
                    seen.add(fold(a))
                    kept.append(clean(a))
            lines.append(["R", key, clean(display), str(region_pop.get(key, 0)), "|".join(kept)])

    for c in cities:
        lines.append(["T", c[0], c[1], c[2], str(c[3]), c[4], c[5], c[6], str(c[8])])

    for iso, words in DEMONYMS.items():
        if iso not in countries:
            continue
        for w in split_demonyms(words):
            lines.append(["D", w, iso])

    order = {"O": 0, "K": 1, "R": 2, "T": 3, "D": 4}
    lines.sort(key=lambda l: (order[l[0]], l[1:]))
    text = "".join("\t".join(l) + "\n" for l in lines).encode("utf-8")
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "wb") as f:
        # mtime=0 keeps the compressed bytes identical across rebuilds.
        with gzip.GzipFile(fileobj=f, mode="wb", compresslevel=9, mtime=0, filename="") as gz:
            gz.write(text)
    print(f"{out}: {len(lines)} records, {len(text)} bytes raw, {os.path.getsize(out)} bytes gzipped")


if __name__ == "__main__":
    main()
