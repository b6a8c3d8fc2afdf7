"""What the TAGS line of a cable may hold: the State Department's TAGS codes, country and
region digraphs, organisations, and the free-text tags and misspellings found in the release.

Data, not logic: ``tags.py`` reads TAGS lines with it. The subject codes come from the
TAGS handbook (four letters, first letter the area: A administration, B business,
C consular, E economic, K key issues, M military, O operations, P political, S social,
T technology); the digraphs are FIPS 10-4 country codes and the X regional codes.
"""

from __future__ import annotations

SUBJECT_CODES = frozenset(
    ["ABLD", "ABUD", "ACOA", "ADCO", "ADPM", "AEMR", "AFIN", "AFSI", "AFSN", "AGAO", "AINF", "AINR", "AINT", "AMED", "AMGT", "ANET", "AODE", "AORC", "AORG", "APCS", "APER", "ASCH", "ASEC", "ASIG", "ASUP", "ATRN", "AVIS", "BBSR", "BEXP", "BMGT", "BPRO", "BTIO", "BTRA", "CASC", "CFED", "CJAN", "CLMT", "CMGT", "CPAS", "CPUS", "CVIS", "EAGR", "EAID", "EAIR", "ECIN", "ECON", "ECPS", "EDUC", "EFIN", "EFIS", "EIND", "EINT", "EINV", "ELAB", "ELTN", "EMIN", "ENGR", "ENRG", "ENVR", "EPET", "ETRD", "ETRO", "ETTC", "EWWT", "EXIM", "KACT", "KAWC", "KBCT", "KBIO", "KBTS", "KCFE", "KCIP", "KCOM", "KCOR", "KCRM", "KCRS", "KDEM", "KDRG", "KFLO", "KFLU", "KFRD", "KFTFN", "KGCC", "KGHG", "KGIC", "KGIT", "KHDP", "KHIV", "KHLS", "KHUM", "KICA", "KICC", "KIDE", "KIPR", "KIRC", "KIRF", "KISL", "KJUS", "KLIG", "KMCA", "KMDR", "KMOC", "KMPI", "KMRS", "KNAR", "KNEI", "KNNP", "KNPP", "KNSD", "KNUC", "KNUP", "KOCI", "KOLY", "KOMC", "KPAI", "KPAL", "KPAO", "KPIR", "KPKO", "KPLS", "KPOA", "KPOW", "KPRP", "KPRV", "KRAD", "KRCM", "KREC", "KRFD", "KRVC", "KSAC", "KSCA", "KSCI", "KSEO", "KSEP", "KSPR", "KSRE", "KSTC", "KSTH", "KSUM", "KTBT", "KTDB", "KTER", "KTEX", "KTFN", "KTIA", "KTIP", "KTLA", "KTRD", "KUNR", "KVPR", "KWAC", "KWBG", "KWMN", "KWNM", "MARR", "MASS", "MCAP", "MNUC", "MOPS", "MPOS", "OEXC", "OEXP", "OFDP", "OIIP", "OPDC", "OPRC", "OREP", "OSCI", "OTRA", "OVIP", "PARM", "PBTS", "PGOV", "PHSA", "PHUM", "PINR", "PINS", "PINT", "PNAT", "PREF", "PREL", "PROP", "PTER", "SCUL", "SENV", "SMIG", "SNAR", "SOCI", "SPCE", "TBIO", "TINT", "TNGD", "TPHY", "TRGY", "TSPA", "TSPL"]
)

COUNTRY_CODES = frozenset(
    ["AA", "AC", "AE", "AF", "AG", "AJ", "AL", "AM", "AN", "AO", "AQ", "AR", "AS", "AT", "AU", "AV", "AX", "AY", "BA", "BB", "BC", "BD", "BE", "BF", "BG", "BH", "BK", "BL", "BM", "BN", "BO", "BP", "BQ", "BR", "BS", "BT", "BU", "BV", "BX", "BY", "CA", "CB", "CD", "CE", "CF", "CG", "CH", "CI", "CJ", "CK", "CM", "CN", "CO", "CQ", "CR", "CS", "CT", "CU", "CV", "CW", "CY", "DA", "DJ", "DO", "DQ", "DR", "DX", "EC", "EG", "EI", "EK", "EN", "ER", "ES", "ET", "EZ", "FG", "FI", "FJ", "FK", "FM", "FO", "FP", "FQ", "FR", "FS", "GA", "GB", "GG", "GH", "GI", "GJ", "GK", "GL", "GM", "GP", "GQ", "GR", "GT", "GV", "GY", "GZ", "HA", "HK", "HM", "HO", "HQ", "HR", "HU", "IC", "ID", "IM", "IN", "IO", "IP", "IR", "IS", "IT", "IV", "IZ", "JA", "JE", "JM", "JN", "JO", "JQ", "JU", "KE", "KG", "KN", "KQ", "KR", "KS", "KT", "KU", "KV", "KZ", "LA", "LE", "LG", "LH", "LI", "LO", "LQ", "LS", "LT", "LU", "LY", "MA", "MB", "MC", "MD", "MF", "MG", "MH", "MI", "MJ", "MK", "ML", "MN", "MO", "MP", "MQ", "MR", "MT", "MU", "MV", "MX", "MY", "MZ", "NC", "NE", "NF", "NG", "NH", "NI", "NL", "NO", "NP", "NR", "NS", "NT", "NU", "NZ", "OD", "PA", "PC", "PE", "PF", "PG", "PK", "PL", "PM", "PO", "PP", "PS", "PU", "QA", "RE", "RI", "RM", "RN", "RO", "RP", "RQ", "RS", "RU", "RW", "SA", "SB", "SC", "SE", "SF", "SG", "SH", "SI", "SK", "SL", "SM", "SN", "SO", "SP", "ST", "SU", "SV", "SW", "SX", "SY", "SZ", "TD", "TE", "TH", "TI", "TK", "TL", "TN", "TO", "TP", "TS", "TT", "TU", "TV", "TW", "TX", "TZ", "UC", "UG", "UK", "UP", "UR", "US", "UV", "UY", "UZ", "VC", "VE", "VI", "VM", "VQ", "VT", "WA", "WE", "WF", "WI", "WQ", "WS", "WZ", "YI", "YM", "YO", "ZA", "ZI", "XA", "XB", "XC", "XD", "XE", "XF", "XG", "XH", "XI", "XJ", "XK", "XL", "XM", "XN", "XO", "XP", "XQ", "XR", "XS", "XT", "XU", "XV", "XW", "XX", "XY", "XZ"]
)

ORGANISATIONS = frozenset(
    ["UN", "UNGA", "UNSC", "UNHCR", "UNHRC", "UNESCO", "UNEP", "UNDP", "UNICEF", "UNMIK", "UNAUS", "UNO", "UNCHR", "UNODC", "UNIFIL", "UNAMA", "UNAMI", "UNMIS", "UNMEE", "UNOCI", "MONUC", "MINUSTAH", "IAEA", "NATO", "EU", "EUN", "OAS", "OSCE", "OECD", "OPEC", "OPCW", "ASEAN", "APEC", "APECO", "AU", "GCC", "WTO", "WTRO", "IMF", "IBRD", "IWC", "ICTY", "ICTR", "ICC", "ICJ", "CTBTO", "CWC", "BWC", "NPT", "NSG", "MTCR", "MTCRE", "FATF", "IO", "SADC", "ECOWAS", "CARICOM", "MERCOSUR", "OIC", "NAM", "IFAD", "WFP", "WHO", "ILO", "IOM", "FAO", "ASEM", "SAARC", "COE", "CDG", "NSSP", "NIPP", "TSA", "NASA", "OFDA", "OPIC", "SCO", "CIS", "CSTO", "BSEC", "SECI", "EBRD", "IADB", "ADB", "AFDB", "ICAO", "IMO", "ITU", "WIPO", "UPU", "WMO", "UNWTO", "ISAF", "FTAA", "CBW"]
)

FREE_WORDS = frozenset(
    ["POL", "MIL", "ECONOMIC", "POLITICAL", "LABOR", "TERRORISM", "COUNTERTERRORISM", "CT", "SIPRNET", "ENERGY", "ENVIRONMENT", "AVIANFLU", "HIV", "AIDS", "TRADE", "ELECTIONS", "MEDIA", "CORRUPTION", "NARCOTICS", "IRAQ", "IRAN", "AFGHANISTAN", "PAKISTAN", "GOI", "GOJ", "GOM", "GOT", "CTM", "CONS", "PAK", "SYR", "POV", "PLN", "ELN", "FARC", "NI", "ZANU-PF"]
)
"""Single free-text words seen as tags of their own; a run of them is split word by word."""

PHRASES = frozenset(
    {
        "HUMAN RIGHTS",
        "COUNTERTERRORISM",
        "ECONOMY AND FINANCE",
        "ECONOMIC AFFAIRS",
        "POLITICAL AFFAIRS",
        "ISRAELI PALESTINIAN AFFAIRS",
        "GAZA DISENGAGEMENT",
        "DOMESTIC POLITICS",
        "MEDIA REACTION",
        "MEDIA REACTION REPORT",
        "COUNTRY CLEARANCE",
        "MEETINGS WITH AMBASSADOR",
        "TRAFFICKING IN PERSONS",
        "AVIAN FLU",
        "AVIAN INFLUENZA",
        "ARMS CONTROL",
        "NONPROLIFERATION",
        "FOREIGN POLICY",
        "NEW ZEALAND",
        "SOUTH AFRICA",
        "SAUDI ARABIA",
        "UNITED KINGDOM",
        "UNITED STATES",
        "SOUTH KOREA",
        "NORTH KOREA",
        "SRI LANKA",
        "COSTA RICA",
        "EL SALVADOR",
        "CZECH REPUBLIC",
        "DOMINICAN REPUBLIC",
        "BURKINA FASO",
        "SIERRA LEONE",
        "HONG KONG",
        "WEST BANK",
    }
)
"""Multi-word free-text tags of the release, matched before leftover words are grouped."""

REWRITES: dict[str, str] = {
    "COUNTER TERRORISM": "COUNTERTERRORISM",
    "COUNTER-TERRORISM": "COUNTERTERRORISM",
    "MOPPS": "MOPS",
    "UNDESCO": "UNESCO",
    "PARMS": "PARM",
    "PHUMN": "PHUM",
    "PRELL": "PREL",
    "PGOVV": "PGOV",
    "PTERR": "PTER",
    "ECONN": "ECON",
    "EFINN": "EFIN",
    "SNARR": "SNAR",
    "ASECKHLS": "ASEC KHLS",
    "OPRCKMDR": "OPRC KMDR",
    "KTFIN": "KTFN",
    "KCRIM": "KCRM",
    "KCRMN": "KCRM",
    "ENERG": "ENRG",
}
"""Known misspellings and variant spellings, as written -> as the handbook spells them."""

PERSONS: dict[str, str] = {
    name.replace(",", "").replace(".", ""): name
    for name in (
        "CLINTON, HILLARY",
        "STEINBERG, JAMES B.",
        "BIDEN, JOSEPH",
        "OBAMA, BARACK",
        "BUSH, GEORGE W.",
        "CHENEY, RICHARD",
        "RICE, CONDOLEEZZA",
        "POWELL, COLIN",
        "GATES, ROBERT",
        "RUMSFELD, DONALD",
        "MULLEN, MICHAEL",
        "PETRAEUS, DAVID",
        "HOLBROOKE, RICHARD",
        "MITCHELL, GEORGE",
        "KERRY, JOHN",
        "PELOSI, NANCY",
        "NEGROPONTE, JOHN",
        "BURNS, NICHOLAS",
        "BURNS, WILLIAM J.",
        "HILL, CHRISTOPHER",
        "FRIED, DANIEL",
        "GORDON, PHILIP",
        "SHANNON, THOMAS",
        "ZOELLICK, ROBERT",
        "HUGHES, KAREN",
        "LEW, JACOB",
        "GEITHNER, TIMOTHY",
        "PAULSON, HENRY",
        "NAPOLITANO, JANET",
        "HOLDER, ERIC",
        "JONES, JAMES L.",
        "LUGAR, RICHARD",
        "MCCAIN, JOHN",
        "LIEBERMAN, JOSEPH",
        "REID, HARRY",
    )
}
"""Persons tagged in the release, by their name without punctuation -> the release's form."""

GIVEN_NAMES = frozenset(
    ["AARON", "ABDUL", "ABDULLAH", "ADAM", "AHMED", "AHMAD", "ALAN", "ALBERT", "ALEJANDRO", "ALEX", "ALEXANDER", "ALFRED", "ALI", "ALICE", "ALLEN", "ALVARO", "AMY", "ANA", "ANDREA", "ANDREW", "ANGELA", "ANN", "ANNA", "ANNE", "ANTHONY", "ANTONIO", "ARTHUR", "ASHTON", "AVIGDOR", "BARACK", "BARBARA", "BASHAR", "BEN", "BENJAMIN", "BERNARD", "BETTY", "BILL", "BOB", "BORIS", "BRIAN", "BRUCE", "CARL", "CARLOS", "CAROL", "CAROLINE", "CATHERINE", "CHARLES", "CHEN", "CHRIS", "CHRISTIAN", "CHRISTINE", "CHRISTOPHER", "CLAUDE", "CONDOLEEZZA", "COLIN", "CRAIG", "DANIEL", "DAVID", "DEBORAH", "DENIS", "DENNIS", "DIANE", "DICK", "DMITRY", "DONALD", "DOUGLAS", "EDUARDO", "EDWARD", "EHUD", "ELIZABETH", "EMMANUEL", "ERIC", "ERNESTO", "EVO", "FELIPE", "FERNANDO", "FIDEL", "FRANCIS", "FRANCISCO", "FRANCOIS", "FRANK", "FRED", "FREDERICK", "GARY", "GENE", "GEORGE", "GERALD", "GERARD", "GERHARD", "GLORIA", "GORDON", "GREGORY", "GUIDO", "GUILLERMO", "HAMID", "HANS", "HARRY", "HASSAN", "HECTOR", "HELEN", "HENRY", "HILLARY", "HOSNI", "HU", "HUGO", "HUSSEIN", "IGOR", "IVAN", "JACK", "JACOB", "JAIME", "JAMES", "JAN", "JANE", "JANET", "JAVIER", "JEAN", "JEFFREY", "JENNIFER", "JERRY", "JESSICA", "JIM", "JOAN", "JOE", "JOHN", "JON", "JORGE", "JOSE", "JOSEPH", "JUAN", "JUDITH", "JULIA", "JULIE", "KAREN", "KARL", "KATHLEEN", "KEITH", "KENNETH", "KEVIN", "KIM", "KOFI", "LARRY", "LAURA", "LEE", "LEON", "LINDA", "LISA", "LOUIS", "LUIS", "LULA", "MAHMOUD", "MANUEL", "MARCO", "MARGARET", "MARIA", "MARIE", "MARK", "MARTIN", "MARY", "MATTHEW", "MICHAEL", "MICHEL", "MICHELLE", "MIGUEL", "MOHAMMED", "MOHAMMAD", "MUHAMMAD", "NANCY", "NICHOLAS", "NICOLAS", "NOURI", "OMAR", "OSCAR", "PATRICIA", "PATRICK", "PAUL", "PEDRO", "PERVEZ", "PETER", "PHILIP", "PHILIPPE", "PIERRE", "RAFAEL", "RAUL", "RAYMOND", "RICARDO", "RICHARD", "ROBERT", "ROGER", "RONALD", "SAAD", "SALEH", "SAMUEL", "SANDRA", "SARAH", "SERGEI", "SERGEY", "SILVIO", "STEPHEN", "STEVEN", "SUSAN", "TAREK", "THOMAS", "TIMOTHY", "TONY", "VICTOR", "VLADIMIR", "WALTER", "WAYNE", "WILLIAM", "XAVIER", "YASSER", "YOUSSEF", "YURI"]
)
"""Common given names: ``ROOD JOHN`` in a TAGS line, with no OVIP before it, is a person too."""
