"""Demo content of the example site, as plain data.

Everything here is fictional: the "Trait d'Union" network, its federations,
centres, people, addresses, phone numbers (in the ranges reserved for fiction)
and SIRET numbers (Luhn-valid, made up). The texts are reworded from the
source documents of the project (forum reports, federal projects, catalogues
of good practices) to show each content type as a federation would fill it.

References between objects use slugs (vocabulary terms, pages) or names
(people). Dates are given relative to the day the demo is loaded
(``"days": -40`` is forty days ago) so that there are always past and upcoming
forums and training sessions.
"""

# ---------------------------------------------------------------------------
# Small helpers to write rich text and StreamField data
# ---------------------------------------------------------------------------


def p(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def ul(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def ol(*items):
    return "<ol>" + "".join(f"<li>{item}</li>" for item in items) + "</ol>"


def link(url, title, description=""):
    return {"type": "link", "value": {"url": url, "title": title, "description": description}}


def paragraph(html):
    return {"type": "paragraph", "value": html}


def heading(text):
    return {"type": "heading", "value": text}


def quote(text, source=""):
    return {"type": "quote", "value": {"text": text, "source": source}}


def perspective(title, sub_points, text=""):
    return {"type": "perspective", "value": {"title": title, "text": text, "sub_points": list(sub_points)}}


def agenda(time, title, description="", speaker=""):
    return {
        "type": "item",
        "value": {"time": time, "title": title, "description": description, "speaker": speaker},
    }


def objectives(*items):
    return [{"type": "objective", "value": item} for item in items]


SITE = "https://trait-d-union.example.org"

# ---------------------------------------------------------------------------
# Territories added by the demo under the default regions
# ---------------------------------------------------------------------------


def _dept(slug, fr, code, communes=(), en=None):
    return {
        "slug": slug,
        "names": {"fr": fr, "en": en or fr},
        "kind": "department",
        "code": code,
        "children": [
            {"slug": c_slug, "names": {"fr": c_name, "en": c_name}, "kind": "commune", "code": c_code}
            for c_slug, c_name, c_code in communes
        ],
    }


#: Départements and communes, by the slug of their region (real INSEE codes).
TERRITORIES = {
    "occitanie": [
        _dept(
            "haute-garonne",
            "Haute-Garonne",
            "31",
            [("toulouse", "Toulouse", "31555"), ("colomiers", "Colomiers", "31149")],
        ),
        _dept("tarn", "Tarn", "81", [("albi", "Albi", "81004"), ("castres", "Castres", "81065")]),
    ],
    "hauts-de-france": [
        _dept(
            "nord",
            "Nord",
            "59",
            [
                ("lille", "Lille", "59350"),
                ("roubaix", "Roubaix", "59512"),
                ("tourcoing", "Tourcoing", "59599"),
            ],
        ),
        _dept("somme", "Somme", "80", [("amiens", "Amiens", "80021")]),
    ],
    "nouvelle-aquitaine": [
        _dept(
            "gironde", "Gironde", "33", [("bordeaux", "Bordeaux", "33063"), ("merignac", "Mérignac", "33281")]
        ),
        _dept("charente", "Charente", "16", [("angouleme", "Angoulême", "16015")]),
    ],
    "auvergne-rhone-alpes": [
        _dept("drome", "Drôme", "26", [("valence", "Valence", "26362")]),
    ],
    "ile-de-france": [
        _dept("paris", "Paris", "75"),
    ],
}

# ---------------------------------------------------------------------------
# Home page and index pages
# ---------------------------------------------------------------------------

#: The title given to the Wagtail "Welcome" page, which becomes the home page.
HOME_TITLE = "Réseau Trait d'Union des centres sociaux"
#: Titles of the default page created by Wagtail's migrations, replaced by HOME_TITLE.
WAGTAIL_WELCOME_TITLES = ("Welcome to your new Wagtail site!",)

INDEXES = {
    "organisations": {
        "slug": "annuaire-du-reseau",
        "title": "Annuaire du réseau",
        "intro": p(
            "Les fédérations, centres sociaux, espaces de vie sociale et associations du réseau "
            "Trait d'Union : qui fait quoi, où, et comment les joindre. Un répertoire vivant pour "
            "rendre le réseau lisible et faciliter les échanges entre structures."
        ),
    },
    "forums": {
        "slug": "forums-et-ateliers",
        "title": "Forums et ateliers",
        "intro": p(
            "Des temps de rencontre ouverts aux habitants comme aux bénévoles et salariés des structures, "
            "avec à chaque séance une personne experte et un intervenant de terrain. Après chaque forum, "
            "un compte rendu en retrace les perspectives."
        ),
    },
    "trainings": {
        "slug": "formations",
        "title": "Formations",
        "intro": p(
            "Des capsules de formation courtes et concrètes pour les bénévoles, les salariés, les "
            "administrateurs, les partenaires et les élus locaux : qualité, leadership, collecte de fonds, "
            "nouveaux modèles de gestion, égalité."
        ),
    },
    "practices": {
        "slug": "bonnes-pratiques",
        "title": "Bonnes pratiques",
        "intro": p(
            "Un catalogue d'expériences menées dans le réseau, classées par domaine d'action et par "
            "territoire : quoi, qui, pourquoi, comment, et les outils pour les reprendre chez vous. "
            "Votre structure a mené une action qui pourrait inspirer d'autres ? Partagez-la !"
        ),
    },
    "mentoring": {
        "slug": "parrainage-entre-structures",
        "title": "Parrainage entre structures",
        "intro": p(
            "Une structure expérimentée accompagne une autre structure du réseau sur une question précise. "
            "Consultez les propositions de parrainage et les demandes d'accompagnement en cours."
        ),
    },
    "news": {
        "slug": "actualites",
        "title": "Actualités et initiatives d'habitants",
        "intro": p(
            "La vie du réseau et les initiatives portées par les habitants avec l'appui des centres sociaux : "
            "les rendre visibles, les suivre dans la durée et donner envie de les reprendre ailleurs."
        ),
    },
}

# ---------------------------------------------------------------------------
# Directory of organisations
# ---------------------------------------------------------------------------

WEEKDAYS_9_TO_5 = [(day, "09:00", "12:30") for day in range(5)] + [
    (day, "14:00", "17:30") for day in range(5)
]

ORGANISATIONS = [
    {
        "slug": "federation-nationale-trait-d-union",
        "title": "Fédération nationale Trait d'Union",
        "organisation_type": "federation",
        "network_level": "national",
        "parent_organisation": None,
        "summary": (
            "Tête de réseau nationale des centres sociaux et espaces de vie sociale adhérents : "
            "représentation, formation, centre de ressources et animation de la vie fédérale."
        ),
        "description": p(
            "La fédération nationale rassemble les unions régionales et les fédérations départementales "
            "du réseau Trait d'Union. Elle porte la parole des centres auprès des pouvoirs publics et "
            "des partenaires nationaux, coordonne l'observatoire des centres sociaux et met à disposition "
            "des outils, des formations et un catalogue de bonnes pratiques.",
            "Ses valeurs de référence : la dignité humaine, la solidarité et la démocratie.",
        ),
        "street_address": "18 passage des Coopérateurs",
        "postcode": "75011",
        "commune": "Paris",
        "insee_code": "75056",
        "latitude": "48.858900",
        "longitude": "2.380100",
        "phone": "01 99 00 12 34",
        "email": "contact@trait-d-union.example.org",
        "website": SITE + "/",
        "siret": "40433218100027",
        "opening_hours": WEEKDAYS_9_TO_5,
        "opening_hours_note": "Fermé la première quinzaine d'août.",
        "premises_accessibility": ["step_free", "accessible_toilets", "hearing_loop"],
        "accessibility_notes": "Ascenseur jusqu'au 3e étage ; boucle magnétique à l'accueil et en salle de réunion.",
        "domains": ["partenariats", "qualite", "impact-social"],
        "territories": ["france"],
        "audiences": ["administrateurs", "directions", "partenaires"],
    },
    {
        "slug": "union-regionale-occitanie",
        "title": "Union régionale Trait d'Union Occitanie",
        "organisation_type": "federation",
        "network_level": "regional",
        "parent_organisation": "federation-nationale-trait-d-union",
        "summary": (
            "Fait vivre le réseau à l'échelle de l'Occitanie : rencontres interdépartementales, "
            "formation des acteurs et appui aux initiatives collectives des habitants."
        ),
        "description": p(
            "L'union régionale soutient le développement d'une vie fédérale dans chaque département, "
            "apporte des ressources nouvelles aux centres et à leurs partenaires, et accompagne la création "
            "de centres sociaux et d'espaces de vie sociale dans les territoires qui en sont dépourvus."
        ),
        "street_address": "5 allée des Tisserands",
        "postcode": "31000",
        "commune": "Toulouse",
        "insee_code": "31555",
        "latitude": "43.604700",
        "longitude": "1.444200",
        "phone": "05 36 49 10 20",
        "email": "occitanie@trait-d-union.example.org",
        "website": SITE + "/occitanie/",
        "siret": "49600133000018",
        "opening_hours": [(day, "09:00", "17:00") for day in range(4)],
        "opening_hours_note": "Sur rendez-vous le vendredi.",
        "premises_accessibility": ["step_free", "accessible_toilets"],
        "domains": ["participation-des-habitants", "partenariats", "pouvoir-d-agir"],
        "territories": ["occitanie"],
        "audiences": ["administrateurs", "salaries", "elus-locaux"],
    },
    {
        "slug": "union-regionale-hauts-de-france",
        "title": "Union régionale Trait d'Union Hauts-de-France",
        "organisation_type": "federation",
        "network_level": "regional",
        "parent_organisation": "federation-nationale-trait-d-union",
        "summary": (
            "Coordonne les fédérations départementales des Hauts-de-France et porte une offre régionale "
            "de formation pour les bénévoles, les salariés et les élus."
        ),
        "description": p(
            "L'union régionale organise chaque année des rencontres régionales, anime des groupes d'échange "
            "entre directions et soutient les démarches d'observation partagée des centres."
        ),
        "street_address": "9 rue du Beffroi-Neuf",
        "postcode": "80000",
        "commune": "Amiens",
        "insee_code": "80021",
        "latitude": "49.894100",
        "longitude": "2.295800",
        "phone": "03 53 20 10 20",
        "email": "hautsdefrance@trait-d-union.example.org",
        "website": SITE + "/hauts-de-france/",
        "siret": "48386379100016",
        "opening_hours": [(day, "09:00", "12:00") for day in range(5)]
        + [(day, "13:30", "17:00") for day in range(4)],
        "premises_accessibility": ["step_free", "accessible_parking"],
        "domains": ["leadership", "qualite", "partenariats"],
        "territories": ["hauts-de-france"],
        "audiences": ["benevoles", "salaries", "elus-locaux"],
    },
    {
        "slug": "federation-haute-garonne",
        "title": "Fédération Trait d'Union de Haute-Garonne",
        "organisation_type": "federation",
        "network_level": "departmental",
        "parent_organisation": "union-regionale-occitanie",
        "summary": "Réseau de proximité des centres sociaux et EVS de Haute-Garonne : appui direct aux centres, formation, coopération avec les collectivités.",
        "description": p(
            "La fédération accompagne le renouvellement des projets sociaux, les changements de gestionnaire "
            "et la formation des administrateurs. Elle élabore avec les communes et l'intercommunalité des "
            "pactes de coopération pour conforter l'action des centres."
        ),
        "street_address": "22 avenue des Écoles-Nouvelles",
        "postcode": "31500",
        "commune": "Toulouse",
        "insee_code": "31555",
        "latitude": "43.615000",
        "longitude": "1.452000",
        "phone": "05 36 49 11 22",
        "email": "haute-garonne@trait-d-union.example.org",
        "website": SITE + "/haute-garonne/",
        "siret": "70265423700024",
        "opening_hours": WEEKDAYS_9_TO_5,
        "premises_accessibility": ["step_free", "accessible_toilets", "easy_read"],
        "domains": ["gouvernance", "collectivites-locales", "benevolat"],
        "territories": ["haute-garonne"],
        "audiences": ["administrateurs", "benevoles", "elus-locaux"],
    },
    {
        "slug": "federation-nord",
        "title": "Fédération Trait d'Union du Nord",
        "organisation_type": "federation",
        "network_level": "departmental",
        "parent_organisation": "union-regionale-hauts-de-france",
        "summary": "Anime le réseau des centres sociaux du Nord et des ateliers d'échange de pratiques sur le logement, la santé et les vacances.",
        "description": p(
            "La fédération du Nord réunit une trentaine de structures. Elle organise des ateliers d'échange "
            "de pratiques sur les questions sociales qui traversent les territoires et soutient les comités "
            "d'usagers."
        ),
        "street_address": "3 rue des Filatures",
        "postcode": "59000",
        "commune": "Lille",
        "insee_code": "59350",
        "latitude": "50.633000",
        "longitude": "3.062000",
        "phone": "03 53 20 11 59",
        "email": "nord@trait-d-union.example.org",
        "website": SITE + "/nord/",
        "siret": "71161559100015",
        "opening_hours": WEEKDAYS_9_TO_5,
        "premises_accessibility": ["step_free", "accessible_toilets", "hearing_loop", "accessible_parking"],
        "domains": ["logement", "sante", "vacances-et-loisirs"],
        "territories": ["nord"],
        "audiences": ["salaries", "directions", "partenaires"],
    },
    # Member organisations.
    {
        "slug": "centre-social-l-arbre-a-palabres",
        "title": "Centre social L'Arbre à palabres",
        "organisation_type": "centre-social",
        "network_level": "member",
        "parent_organisation": "federation-haute-garonne",
        "summary": "Centre social associatif d'un quartier nord de Toulouse : accueil, familles, jeunesse et projets d'habitants.",
        "description": p(
            "Agréé par la Caf, le centre social accueille chaque semaine près de 400 habitants. Il anime un "
            "conseil des familles, un accompagnement à la scolarité, des ateliers sociolinguistiques et un "
            "point d'accès aux démarches en ligne.",
            "Les habitants siègent au conseil d'administration et pilotent plusieurs commissions.",
        ),
        "street_address": "41 rue des Mésanges",
        "postcode": "31200",
        "commune": "Toulouse",
        "insee_code": "31555",
        "latitude": "43.638000",
        "longitude": "1.438000",
        "phone": "05 36 49 20 41",
        "email": "accueil@arbre-a-palabres.example.org",
        "website": "https://arbre-a-palabres.example.org/",
        "siret": "70781618700017",
        "opening_hours": [(day, "09:00", "12:00") for day in range(5)]
        + [(day, "14:00", "19:00") for day in range(5)]
        + [(5, "09:30", "12:30")],
        "opening_hours_note": "Horaires réduits pendant les vacances scolaires d'été.",
        "premises_accessibility": ["step_free", "accessible_toilets", "hearing_loop", "easy_read"],
        "accessibility_notes": "Plain-pied ; documents d'accueil en facile à lire et à comprendre.",
        "domains": [
            "participation-des-habitants",
            "fonction-accueil",
            "parentalite-et-famille",
            "apprentissage-du-francais",
        ],
        "territories": ["toulouse"],
        "audiences": ["habitants", "familles", "jeunes"],
    },
    {
        "slug": "espace-de-vie-sociale-la-passerelle",
        "title": "Espace de vie sociale La Passerelle",
        "organisation_type": "espace-de-vie-sociale",
        "network_level": "member",
        "parent_organisation": "federation-haute-garonne",
        "summary": "Petite association animée par des bénévoles : café des parents, sorties familiales et jardin partagé.",
        "description": p(
            "Créé il y a cinq ans à l'initiative d'un groupe de parents, l'espace de vie sociale fonctionne "
            "avec une coordinatrice à mi-temps et une vingtaine de bénévoles. Il réfléchit aujourd'hui à "
            "son évolution vers un centre social."
        ),
        "street_address": "2 place des Fontaines",
        "postcode": "31770",
        "commune": "Colomiers",
        "insee_code": "31149",
        "latitude": "43.611500",
        "longitude": "1.336000",
        "phone": "05 36 49 20 77",
        "email": "bonjour@la-passerelle.example.org",
        "siret": "79593103900023",
        "opening_hours": [
            (1, "14:00", "18:00"),
            (2, "09:00", "12:00"),
            (2, "14:00", "18:00"),
            (4, "14:00", "18:00"),
        ],
        "premises_accessibility": ["step_free"],
        "domains": ["parentalite-et-famille", "sorties-familiales", "benevolat"],
        "territories": ["colomiers"],
        "audiences": ["familles", "benevoles"],
    },
    {
        "slug": "centre-socioculturel-du-castelviel",
        "title": "Centre socioculturel du Castelviel",
        "organisation_type": "centre-socioculturel",
        "network_level": "member",
        "parent_organisation": "union-regionale-occitanie",
        "summary": "Centre socioculturel en gestion municipale : vacances familiales, activités seniors et animations de quartier.",
        "description": p(
            "Géré par la commune, le centre associe les habitants à la construction de son projet grâce à un "
            "comité d'usagers. Il est reconnu pour son accompagnement des départs en vacances des familles."
        ),
        "street_address": "10 rue des Tanneurs",
        "postcode": "81000",
        "commune": "Albi",
        "insee_code": "81004",
        "latitude": "43.929000",
        "longitude": "2.140000",
        "phone": "05 36 49 30 81",
        "email": "castelviel@mairie-albi.example.org",
        "siret": "71316475400010",
        "opening_hours": WEEKDAYS_9_TO_5,
        "premises_accessibility": ["step_free", "accessible_toilets", "accessible_parking"],
        "domains": ["vacances-et-loisirs", "comites-d-usagers", "prevention-perte-d-autonomie"],
        "territories": ["albi"],
        "audiences": ["familles", "seniors"],
    },
    {
        "slug": "maison-de-quartier-des-trois-ponts",
        "title": "Maison de quartier des Trois-Ponts",
        "organisation_type": "maison-de-quartier",
        "network_level": "member",
        "parent_organisation": "federation-nord",
        "summary": "Maison de quartier au cœur d'un quartier prioritaire de Roubaix : santé, logement et coopération entre associations.",
        "description": p(
            "La maison de quartier anime une plateforme qui réunit les associations du quartier, des ateliers "
            "santé portés par des habitants-relais et une permanence logement."
        ),
        "street_address": "60 rue des Peigneurs",
        "postcode": "59100",
        "commune": "Roubaix",
        "insee_code": "59512",
        "latitude": "50.680000",
        "longitude": "3.202000",
        "phone": "03 53 20 21 59",
        "email": "accueil@trois-ponts.example.org",
        "siret": "55534192400010",
        "opening_hours": WEEKDAYS_9_TO_5 + [(5, "10:00", "12:00")],
        "premises_accessibility": ["step_free", "accessible_toilets", "sign_language"],
        "accessibility_notes": "Accueil en langue des signes française le mardi après-midi.",
        "domains": ["sante", "logement", "cooperation-entre-structures"],
        "territories": ["roubaix"],
        "audiences": ["habitants", "partenaires"],
    },
    {
        "slug": "centre-social-mosaique",
        "title": "Centre social Mosaïque",
        "organisation_type": "centre-social",
        "network_level": "member",
        "parent_organisation": "federation-nord",
        "summary": "Centre social de Lille-Fives : conseil des familles, conseil des jeunes et accueil repensé avec les habitants.",
        "description": p(
            "Le centre social a fait de la participation son fil rouge : conseil des familles, conseil des jeunes, "
            "diagnostic participatif pour le renouvellement de son projet social."
        ),
        "street_address": "118 rue des Chênes",
        "postcode": "59800",
        "commune": "Lille",
        "insee_code": "59350",
        "latitude": "50.629000",
        "longitude": "3.090000",
        "phone": "03 53 20 22 80",
        "email": "contact@mosaique-fives.example.org",
        "website": "https://mosaique-fives.example.org/",
        "siret": "52764835600022",
        "opening_hours": [(day, "08:30", "12:00") for day in range(5)]
        + [(day, "13:30", "18:30") for day in range(5)],
        "premises_accessibility": ["step_free", "accessible_toilets", "hearing_loop", "easy_read"],
        "domains": [
            "participation-des-habitants",
            "conseils-citoyens",
            "jeunesse",
            "soutien-a-la-parentalite",
        ],
        "territories": ["lille"],
        "audiences": ["familles", "jeunes", "habitants"],
    },
    {
        "slug": "mjc-la-fabrique",
        "title": "MJC La Fabrique",
        "organisation_type": "maison-des-jeunes-et-de-la-culture",
        "network_level": "member",
        "parent_organisation": "federation-nord",
        "summary": "Maison des jeunes et de la culture de Tourcoing : ateliers numériques, pratiques culturelles et engagement des jeunes.",
        "description": p(
            "La MJC propose un espace public numérique, des ateliers de création et un accompagnement "
            "des projets de jeunes. Elle tient une permanence d'aide aux démarches en ligne."
        ),
        "street_address": "25 boulevard des Ateliers",
        "postcode": "59200",
        "commune": "Tourcoing",
        "insee_code": "59599",
        "latitude": "50.724000",
        "longitude": "3.160000",
        "phone": "03 53 20 23 59",
        "email": "mjc@la-fabrique.example.org",
        "website": "https://la-fabrique.example.org/",
        "siret": "43056413800013",
        "opening_hours": [(day, "13:30", "19:00") for day in range(5)]
        + [(2, "09:30", "12:00"), (5, "10:00", "17:00")],
        "premises_accessibility": ["step_free", "accessible_toilets"],
        "domains": ["numerique", "inclusion-numerique", "engagement-des-jeunes"],
        "territories": ["tourcoing"],
        "audiences": ["jeunes", "seniors", "habitants"],
    },
    {
        "slug": "association-les-jardins-du-partage",
        "title": "Association Les Jardins du partage",
        "organisation_type": "association",
        "network_level": "member",
        "parent_organisation": "union-regionale-hauts-de-france",
        "summary": "Jeune association amiénoise : jardin partagé, cuisine solidaire et ateliers d'alimentation durable.",
        "description": p(
            "Fondée par des habitants, l'association cultive un jardin partagé de 2 000 m² et anime une cuisine "
            "solidaire. Elle cherche à structurer son bénévolat et sa gouvernance."
        ),
        "street_address": "7 chemin des Hortillons",
        "postcode": "80000",
        "commune": "Amiens",
        "insee_code": "80021",
        "latitude": "49.899000",
        "longitude": "2.310000",
        "phone": "03 53 20 24 80",
        "email": "jardins@jardins-du-partage.example.org",
        "siret": "73767242800015",
        "opening_hours": [(2, "14:00", "18:00"), (5, "09:00", "12:00")],
        "opening_hours_note": "Jardin ouvert à tous les samedis matin.",
        "premises_accessibility": ["step_free", "accessible_parking"],
        "domains": ["transition-ecologique", "jardins-partages", "alimentation-durable"],
        "territories": ["amiens"],
        "audiences": ["habitants", "familles", "benevoles"],
    },
    {
        "slug": "tiers-lieu-la-ruche-solidaire",
        "title": "Tiers-lieu La Ruche solidaire",
        "organisation_type": "tiers-lieu",
        "network_level": "member",
        "parent_organisation": "federation-nationale-trait-d-union",
        "summary": "Tiers-lieu associatif de Mérignac : coworking solidaire, atelier de réparation et local jeunes financé par les habitants.",
        "description": p(
            "La Ruche solidaire mêle espace de travail partagé, ressourcerie et café associatif. Elle a financé "
            "l'équipement de son local jeunes par une campagne de financement participatif."
        ),
        "street_address": "14 rue des Vignerons",
        "postcode": "33700",
        "commune": "Mérignac",
        "insee_code": "33281",
        "latitude": "44.839000",
        "longitude": "-0.644000",
        "phone": "05 36 49 40 33",
        "email": "bonjour@la-ruche-solidaire.example.org",
        "website": "https://la-ruche-solidaire.example.org/",
        "siret": "58849696800029",
        "opening_hours": [(day, "09:00", "18:00") for day in range(1, 6)],
        "premises_accessibility": ["step_free", "accessible_toilets"],
        "domains": ["entrepreneuriat-social", "financement-participatif", "transition-ecologique"],
        "territories": ["merignac"],
        "audiences": ["jeunes", "habitants"],
    },
    {
        "slug": "centre-social-des-quais",
        "title": "Centre social des Quais",
        "organisation_type": "centre-social",
        "network_level": "member",
        "parent_organisation": "federation-nationale-trait-d-union",
        "summary": "Centre social de la rive droite bordelaise : permanences logement, accès aux droits et actions seniors.",
        "description": p(
            "Le centre social tient des permanences logement avec les bailleurs sociaux, accompagne l'accès aux "
            "droits et anime un réseau de visiteurs bénévoles auprès des personnes âgées isolées."
        ),
        "street_address": "31 quai des Gabariers",
        "postcode": "33100",
        "commune": "Bordeaux",
        "insee_code": "33063",
        "latitude": "44.842000",
        "longitude": "-0.560000",
        "phone": "05 36 49 41 33",
        "email": "accueil@cs-des-quais.example.org",
        "siret": "73287101700016",
        "opening_hours": WEEKDAYS_9_TO_5,
        "premises_accessibility": ["step_free", "accessible_toilets", "hearing_loop"],
        "domains": ["logement", "acces-au-logement", "acces-aux-droits"],
        "territories": ["bordeaux"],
        "audiences": ["habitants", "seniors"],
    },
    {
        "slug": "centre-social-du-plateau",
        "title": "Centre social du Plateau",
        "organisation_type": "centre-social",
        "network_level": "member",
        "parent_organisation": "federation-nationale-trait-d-union",
        "summary": "Centre social d'Angoulême engagé dans l'observatoire des centres sociaux et l'accueil de la petite enfance.",
        "description": p(
            "Le centre social associe les parents à la vie de son lieu d'accueil petite enfance et participe "
            "chaque année au recueil des données de l'observatoire des centres sociaux."
        ),
        "street_address": "4 rue des Remparts-Verts",
        "postcode": "16000",
        "commune": "Angoulême",
        "insee_code": "16015",
        "latitude": "45.648400",
        "longitude": "0.156200",
        "phone": "05 36 49 42 16",
        "email": "contact@cs-plateau.example.org",
        "siret": "52691669700018",
        "opening_hours": WEEKDAYS_9_TO_5,
        "premises_accessibility": ["step_free", "accessible_toilets"],
        "domains": ["petite-enfance", "observation-sociale", "participation-des-habitants"],
        "territories": ["angouleme"],
        "audiences": ["familles", "enfants"],
    },
]

# ---------------------------------------------------------------------------
# People: experts, speakers and trainers (all fictional)
# ---------------------------------------------------------------------------

PEOPLE = [
    {
        "name": "Claire Dubreuil",
        "job_title": "Chargée de mission participation des habitants",
        "organisation": "federation-nationale-trait-d-union",
        "biography": "Ancienne directrice de centre social, elle accompagne les fédérations dans leurs démarches participatives.",
    },
    {
        "name": "Hélène Prat",
        "job_title": "Coordinatrice de l'observatoire des centres sociaux",
        "organisation": "federation-nationale-trait-d-union",
        "biography": "Statisticienne de formation, elle anime le recueil et la lecture partagée des données des centres.",
    },
    {
        "name": "Karim Benali",
        "job_title": "Directeur",
        "organisation": "centre-social-l-arbre-a-palabres",
        "biography": "Il dirige le centre social depuis huit ans et a lancé son conseil des familles.",
    },
    {
        "name": "Sophie Marchand",
        "job_title": "Sociologue, chercheuse associée en économie sociale",
        "organisation": None,
        "biography": "Ses travaux portent sur l'innovation sociale et les modèles socio-économiques des associations.",
    },
    {
        "name": "Julien Ferrand",
        "job_title": "Délégué fédéral",
        "organisation": "federation-haute-garonne",
        "biography": "Il accompagne les centres de Haute-Garonne dans le renouvellement de leurs projets sociaux.",
    },
    {
        "name": "Aïcha Diallo",
        "job_title": "Présidente du conseil des familles",
        "organisation": "centre-social-mosaique",
        "biography": "Habitante de Fives, mère de trois enfants, elle anime le conseil des familles du centre social.",
    },
    {
        "name": "Marc Lemoine",
        "job_title": "Consultant en collecte de fonds et mécénat",
        "organisation": None,
        "biography": "Il forme depuis quinze ans les petites associations à la diversification de leurs ressources.",
    },
    {
        "name": "Nathalie Roux",
        "job_title": "Formatrice en égalité femmes-hommes",
        "organisation": None,
        "biography": "Elle accompagne les structures de l'action sociale dans l'intégration de l'approche de genre.",
    },
    {
        "name": "Thomas Garnier",
        "job_title": "Animateur multimédia",
        "organisation": "mjc-la-fabrique",
        "biography": "Il anime l'espace public numérique de la MJC et les ateliers d'aide aux démarches en ligne.",
    },
    {
        "name": "Élodie Vasseur",
        "job_title": "Déléguée régionale",
        "organisation": "union-regionale-hauts-de-france",
        "biography": "Elle coordonne l'offre régionale de formation et les rencontres des directions.",
    },
    {
        "name": "Yannick Le Goff",
        "job_title": "Formateur qualité et évaluation",
        "organisation": "federation-nationale-trait-d-union",
        "biography": "Il a conçu la grille d'auto-évaluation des projets sociaux utilisée dans le réseau.",
    },
    {
        "name": "Samia Haddad",
        "job_title": "Directrice",
        "organisation": "maison-de-quartier-des-trois-ponts",
        "biography": "Elle a lancé la plateforme de coopération des associations du quartier.",
    },
    {
        "name": "Lucie Moreau",
        "job_title": "Médecin de santé publique",
        "organisation": None,
        "biography": "Elle travaille sur les inégalités sociales de santé et la prévention en milieu urbain.",
    },
]

# ---------------------------------------------------------------------------
# Forums and workshops
# ---------------------------------------------------------------------------

FORUMS = [
    {
        "slug": "participation-et-partenariats-a-la-loupe",
        "title": "Participation et partenariats à la loupe : lecture partagée des données de l'observatoire",
        "kind": "workshop",
        "summary": (
            "Une demi-journée pour analyser, entre centres sociaux, les données de l'observatoire sous l'angle "
            "de la participation des habitants et de l'animation des partenariats."
        ),
        "description": p(
            "Organisée avec la Caf et l'union régionale, cette rencontre réunit les représentants des centres "
            "sociaux charentais autour des chiffres de l'observatoire des centres sociaux. Deux questions "
            "guident les échanges : comment les habitants prennent-ils part à la vie des centres ? Comment "
            "les centres animent-ils leurs partenariats ?"
        ),
        "start": {"days": -95, "time": "09:30"},
        "end": {"days": -95, "time": "12:30"},
        "attendance_mode": "in_person",
        "venue_name": "Centre social du Plateau",
        "venue_address": "4 rue des Remparts-Verts, 16000 Angoulême",
        "organiser": "federation-nationale-trait-d-union",
        "open_to_public": False,
        "registration_required": True,
        "registration_opens": {"days": -130, "time": "09:00"},
        "registration_closes": {"days": -97, "time": "18:00"},
        "capacity": 20,
        "agenda": [
            agenda("09:30", "Accueil et café"),
            agenda(
                "09:45",
                "Ce que disent les données de l'observatoire",
                "Présentation des chiffres départementaux.",
                "Hélène Prat",
            ),
            agenda(
                "10:30",
                "Ateliers en petits groupes",
                "Un groupe sur la participation, un groupe sur les partenariats.",
            ),
            agenda("11:45", "Mise en commun et perspectives", speaker="Claire Dubreuil"),
        ],
        "contributors": [
            ("Hélène Prat", "expert", "Lecture des données de l'observatoire"),
            ("Claire Dubreuil", "moderator", "Animation des ateliers et synthèse"),
        ],
        "accessibility_services": ["step_free"],
        "accessibility_contact": "accessibilite@trait-d-union.example.org",
        "report_summary": p(
            "Dix-sept représentants de centres sociaux ont croisé les données de l'observatoire avec leur "
            "expérience du terrain. Participation des habitants et animation des partenariats sont deux piliers "
            "du projet d'un centre social tel que le définit le cadre national de l'animation de la vie sociale : "
            "les échanges ont permis de dégager des perspectives pour chacun d'eux."
        ),
        "perspectives": [
            perspective(
                "Participation : se donner les moyens d'accompagner les projets d'habitants",
                [
                    "Ouvrir des lieux d'accueil chaleureux et aller à la rencontre des habitants là où ils sont.",
                    "Réorienter des dispositifs existants vers une logique participative, ce qui suppose un travail avec les partenaires.",
                    "Faire reconnaître par les partenaires que cette mission demande du temps.",
                ],
            ),
            perspective(
                "Participation : se former",
                [
                    "Former les équipes salariées au sens premier de la mission d'un centre social.",
                    "Interroger la place que prennent aujourd'hui les formations diplômantes.",
                ],
            ),
            perspective(
                "Participation : élargir les espaces où les habitants prennent part",
                [
                    "Inventer ou réinventer des formes de participation ouvertes à tous.",
                    "Exemples dans le réseau : un lieu d'accueil petite enfance co-animé avec les parents, un conseil des familles et un conseil des jeunes.",
                ],
                text="<p>Voir la fiche <b>Un conseil des familles pour co-construire les activités</b> dans le catalogue des bonnes pratiques.</p>",
            ),
            perspective(
                "Partenariats : construire une relation d'égal à égal avec les financeurs",
                [
                    "Agir collectivement avec les partenaires financeurs pour bâtir de véritables coopérations.",
                    "Porter des actions en commun plutôt que centre par centre.",
                ],
            ),
            perspective(
                "Partenariats : privilégier les conventions pluriannuelles et multi-partenariales",
                [
                    "S'appuyer sur les textes qui encouragent les conventions pluriannuelles d'objectifs avec les associations."
                ],
            ),
            perspective(
                "Partenariats : garder des marges pour innover et expérimenter",
                [
                    "Trouver des objets communs avec les partenaires et les associer dès la conception des projets."
                ],
            ),
        ],
        "attendee_count": 17,
        "participating_organisations": ["centre-social-du-plateau", "federation-nationale-trait-d-union"],
        "report_documents": [
            link(
                SITE + "/ressources/synthese-participation-partenariats.pdf",
                "Synthèse de la demi-journée",
                "Les perspectives et les chiffres clés, en quatre pages.",
            ),
            link(
                SITE + "/observatoire/",
                "L'observatoire des centres sociaux",
                "Les données du réseau, département par département.",
            ),
        ],
        "tags": ["observatoire", "participation", "partenariat"],
        "domains": ["participation-des-habitants", "partenariats", "observation-sociale"],
        "territories": ["charente"],
        "audiences": ["salaries", "directions", "administrateurs"],
    },
    {
        "slug": "approche-de-genre-dans-nos-actions",
        "title": "Approche de genre : intégrer l'égalité femmes-hommes dans nos actions",
        "kind": "forum",
        "summary": "Un forum ouvert pour regarder nos activités avec les lunettes du genre et partager des manières de faire plus égalitaires.",
        "description": p(
            "Qui fréquente nos activités, à quelles heures, pour faire quoi ? Ce forum croise l'apport d'une "
            "formatrice spécialisée et le témoignage d'habitantes engagées pour faire de l'égalité femmes-hommes "
            "une dimension ordinaire des projets sociaux."
        ),
        "start": {"days": -40, "time": "14:00"},
        "end": {"days": -40, "time": "17:30"},
        "attendance_mode": "in_person",
        "venue_name": "Centre social L'Arbre à palabres",
        "venue_address": "41 rue des Mésanges, 31200 Toulouse",
        "organiser": "federation-haute-garonne",
        "open_to_public": True,
        "registration_required": True,
        "registration_opens": {"days": -80, "time": "09:00"},
        "registration_closes": {"days": -42, "time": "18:00"},
        "capacity": 40,
        "agenda": [
            agenda("14:00", "Ouverture", speaker="Julien Ferrand"),
            agenda("14:15", "Le genre, de quoi parle-t-on ?", "Repères et idées reçues.", "Nathalie Roux"),
            agenda("15:00", "Témoignage : des mères au conseil des familles", speaker="Aïcha Diallo"),
            agenda("15:45", "Ateliers d'échange de pratiques"),
            agenda("17:00", "Perspectives"),
        ],
        "contributors": [
            ("Nathalie Roux", "expert", "L'approche de genre dans les projets sociaux"),
            ("Aïcha Diallo", "speaker", "Prendre sa place au conseil des familles"),
            ("Julien Ferrand", "moderator", ""),
        ],
        "accessibility_services": ["childcare", "step_free", "easy_read"],
        "accessibility_contact": "05 36 49 11 22",
        "report_summary": p(
            "Trente-quatre participantes et participants, bénévoles, salariés et habitants, ont échangé sur la "
            "place des femmes et des hommes dans les activités. Trois pistes de travail ont émergé."
        ),
        "perspectives": [
            perspective(
                "Observer qui fréquente nos activités",
                [
                    "Compter les participations par genre et par âge.",
                    "Repérer les créneaux où les femmes, ou les hommes, sont absents.",
                ],
            ),
            perspective(
                "Adapter l'organisation",
                ["Proposer une garde d'enfants pendant les activités.", "Varier les horaires et les lieux."],
            ),
            perspective(
                "Former les équipes",
                [
                    "Inscrire l'approche de genre au plan de formation.",
                    "Partager des outils d'auto-diagnostic entre structures.",
                ],
            ),
        ],
        "attendee_count": 34,
        "participating_organisations": [
            "centre-social-l-arbre-a-palabres",
            "espace-de-vie-sociale-la-passerelle",
            "centre-social-mosaique",
        ],
        "report_documents": [
            link(
                SITE + "/ressources/autodiagnostic-egalite.pdf",
                "Outil d'auto-diagnostic égalité",
                "Une grille de questions à se poser en équipe.",
            ),
        ],
        "tags": ["égalité", "genre"],
        "domains": ["egalite", "egalite-femmes-hommes"],
        "territories": ["haute-garonne", "toulouse"],
        "audiences": ["salaries", "benevoles", "habitants"],
    },
    {
        "slug": "accessibilite-des-activites",
        "title": "Accessibilité des activités : accueillir chacun avec ses besoins",
        "kind": "forum",
        "summary": "Comment rendre nos lieux, nos activités et nos documents accessibles aux personnes handicapées et à tous les publics ?",
        "description": p(
            "Forum co-construit avec des associations de personnes handicapées : diagnostic des lieux, "
            "communication en facile à lire et à comprendre, accueil en langue des signes."
        ),
        "start": {"days": -150, "time": "09:30"},
        "end": {"days": -150, "time": "16:30"},
        "attendance_mode": "in_person",
        "venue_name": "Centre social Mosaïque",
        "venue_address": "118 rue des Chênes, 59800 Lille",
        "organiser": "federation-nord",
        "open_to_public": True,
        "registration_required": True,
        "capacity": 50,
        "agenda": [
            agenda("09:30", "Accueil"),
            agenda("10:00", "L'accessibilité, bien plus qu'une rampe", speaker="Sophie Marchand"),
            agenda("11:00", "Retour d'expérience : l'accueil en langue des signes", speaker="Samia Haddad"),
            agenda("14:00", "Ateliers : lieux, documents, activités"),
        ],
        "contributors": [
            ("Sophie Marchand", "expert", "Accessibilité et participation sociale"),
            ("Samia Haddad", "speaker", "Un accueil en langue des signes à la maison de quartier"),
        ],
        "accessibility_services": [
            "sign_interpretation",
            "live_captions",
            "hearing_loop",
            "step_free",
            "easy_read",
        ],
        "accessibility_contact": "nord@trait-d-union.example.org",
        "report_summary": p(
            "Vingt-huit participants ont dressé la liste des adaptations simples à mettre en place dès la rentrée."
        ),
        "perspectives": [
            perspective(
                "Faire un diagnostic de nos lieux avec les personnes concernées",
                [
                    "Inviter une association de personnes handicapées à visiter les locaux.",
                    "Prioriser les travaux avec le gestionnaire du bâtiment.",
                ],
            ),
            perspective(
                "Rendre l'information accessible",
                [
                    "Rédiger les documents d'inscription en facile à lire et à comprendre.",
                    "Sous-titrer les vidéos du centre.",
                ],
            ),
        ],
        "attendee_count": 28,
        "participating_organisations": [
            "centre-social-mosaique",
            "maison-de-quartier-des-trois-ponts",
            "mjc-la-fabrique",
        ],
        "tags": ["accessibilité", "handicap"],
        "domains": ["accessibilite", "handicap", "facile-a-lire"],
        "territories": ["nord", "lille"],
        "audiences": ["salaries", "benevoles", "personnes-en-situation-de-handicap"],
    },
    {
        "slug": "innovation-sociale-et-entrepreneuriat-social",
        "title": "Innovation sociale et entrepreneuriat social : des idées aux projets",
        "kind": "forum",
        "summary": "Comment une idée née d'un groupe d'habitants devient-elle une activité durable ? Regards croisés d'une chercheuse et d'un directeur de centre.",
        "description": p(
            "Ce forum ouvert à tous explore les chemins de l'innovation sociale : repérer les besoins non couverts, "
            "expérimenter, trouver un modèle économique, s'allier avec les acteurs de l'économie sociale et solidaire."
        ),
        "start": {"days": 21, "time": "14:00"},
        "end": {"days": 21, "time": "17:30"},
        "attendance_mode": "hybrid",
        "venue_name": "Union régionale Trait d'Union Occitanie",
        "venue_address": "5 allée des Tisserands, 31000 Toulouse",
        "online_url": "https://visio.example.org/innovation-sociale",
        "organiser": "union-regionale-occitanie",
        "open_to_public": True,
        "registration_required": True,
        "registration_opens": {"days": -14, "time": "09:00"},
        "registration_closes": {"days": 19, "time": "18:00"},
        "capacity": 60,
        "waiting_list": True,
        "agenda": [
            agenda("14:00", "Accueil et présentation des participants"),
            agenda("14:20", "Innovation sociale : de quoi parle-t-on ?", speaker="Sophie Marchand"),
            agenda(
                "15:00",
                "Du repair café à l'atelier d'insertion : l'histoire d'un projet",
                speaker="Karim Benali",
            ),
            agenda("15:45", "Ateliers : mon idée, mon premier pas"),
            agenda("17:00", "Mise en réseau et suites"),
        ],
        "contributors": [
            ("Sophie Marchand", "expert", "Les ressorts de l'innovation sociale"),
            ("Karim Benali", "speaker", "Transformer une initiative d'habitants en activité durable"),
        ],
        "accessibility_services": ["live_captions", "step_free"],
        "accessibility_contact": "occitanie@trait-d-union.example.org",
        "tags": ["innovation", "ESS"],
        "domains": ["innovation-sociale", "entrepreneuriat-social", "economie-sociale-et-solidaire"],
        "territories": ["occitanie", "toulouse"],
        "audiences": ["tout-public", "habitants", "salaries"],
    },
    {
        "slug": "logement-et-sante-nouvelles-precarites",
        "title": "Logement et santé : les centres sociaux face aux nouvelles précarités",
        "kind": "workshop",
        "summary": "Atelier d'échange de pratiques entre équipes : repérer les situations, orienter, agir collectivement avec les partenaires.",
        "description": p(
            "Logements indignes, précarité énergétique, renoncement aux soins : les équipes d'accueil y sont "
            "confrontées chaque jour. L'atelier met en commun les pratiques et les partenariats qui fonctionnent."
        ),
        "start": {"days": 49, "time": "09:30"},
        "end": {"days": 49, "time": "16:00"},
        "attendance_mode": "in_person",
        "venue_name": "Maison de quartier des Trois-Ponts",
        "venue_address": "60 rue des Peigneurs, 59100 Roubaix",
        "organiser": "federation-nord",
        "open_to_public": False,
        "registration_required": True,
        "registration_opens": {"days": -7, "time": "09:00"},
        "registration_closes": {"days": 45, "time": "18:00"},
        "capacity": 25,
        "waiting_list": True,
        "agenda": [
            agenda("09:30", "Tour de table : les situations rencontrées"),
            agenda("10:15", "Inégalités sociales de santé : repères", speaker="Lucie Moreau"),
            agenda("11:15", "La permanence logement de la maison de quartier", speaker="Samia Haddad"),
            agenda(
                "14:00", "Construire une réponse collective avec les partenaires", speaker="Élodie Vasseur"
            ),
        ],
        "contributors": [
            ("Lucie Moreau", "expert", "Inégalités sociales de santé"),
            ("Samia Haddad", "speaker", "Une permanence logement de quartier"),
            ("Élodie Vasseur", "moderator", ""),
        ],
        "accessibility_services": ["step_free", "hearing_loop"],
        "accessibility_contact": "nord@trait-d-union.example.org",
        "tags": ["précarité", "logement", "santé"],
        "domains": ["logement", "precarite-energetique", "sante", "acces-aux-droits"],
        "territories": ["nord", "roubaix"],
        "audiences": ["salaries", "travailleurs-sociaux", "partenaires"],
    },
    {
        "slug": "diversite-culturelle-et-vivre-ensemble",
        "title": "Diversité culturelle et vivre-ensemble : échanges de bonnes pratiques",
        "kind": "forum",
        "summary": "Un forum en ligne pour partager des manières d'accueillir la diversité des cultures et des langues dans nos structures.",
        "description": p(
            "Ateliers sociolinguistiques, fêtes de quartier, repas partagés, médiation interculturelle : des "
            "structures du réseau présentent ce qu'elles font, ce qui marche et ce qui coince."
        ),
        "start": {"days": 84, "time": "18:00"},
        "end": {"days": 84, "time": "20:00"},
        "attendance_mode": "online",
        "online_url": "https://visio.example.org/diversite-culturelle",
        "organiser": "federation-nationale-trait-d-union",
        "open_to_public": True,
        "registration_required": True,
        "registration_opens": {"days": 0, "time": "09:00"},
        "registration_closes": {"days": 83, "time": "12:00"},
        "agenda": [
            agenda("18:00", "Introduction", speaker="Claire Dubreuil"),
            agenda("18:15", "Trois expériences du réseau"),
            agenda("19:15", "Questions et échanges"),
        ],
        "contributors": [
            ("Claire Dubreuil", "moderator", ""),
            ("Sophie Marchand", "expert", "Diversité culturelle et cohésion sociale"),
        ],
        "accessibility_services": ["live_captions", "translation"],
        "accessibility_contact": "accessibilite@trait-d-union.example.org",
        "tags": ["interculturalité", "vivre-ensemble"],
        "domains": ["diversite-culturelle", "interculturalite", "cohesion-sociale"],
        "territories": ["france"],
        "audiences": ["tout-public", "benevoles", "salaries"],
    },
]

# ---------------------------------------------------------------------------
# Training capsules
# ---------------------------------------------------------------------------

TRAININGS = [
    {
        "slug": "demarche-qualite-projet-social",
        "title": "Démarche qualité : évaluer et améliorer son projet social",
        "summary": "Deux jours pour construire une démarche d'évaluation continue de son projet social, avec une grille d'auto-évaluation éprouvée dans le réseau.",
        "description": p(
            "La capsule alterne apports, travail sur les documents de votre structure et échanges entre pairs. "
            "Chaque participant repart avec un plan d'amélioration pour l'année."
        ),
        "learning_objectives": objectives(
            "Situer la démarche qualité dans le pilotage d'un projet social",
            "Utiliser une grille d'auto-évaluation avec l'équipe et les administrateurs",
            "Choisir des indicateurs simples et partagés",
            "Construire un plan d'amélioration continue",
        ),
        "training_format": "blended",
        "pacing": "mixed",
        "duration_hours": "14.0",
        "workload": "Deux jours en présentiel et deux heures de travail personnel entre les deux",
        "prerequisites": "Participer au pilotage du projet social de sa structure.",
        "cost": "Gratuit pour les structures adhérentes ; 240 € pour les autres",
        "provider": "federation-nationale-trait-d-union",
        "trainers": ["Yannick Le Goff"],
        "sessions": [
            {
                "start": {"days": -70, "time": "09:30"},
                "end": {"days": -69, "time": "17:00"},
                "place": "Paris, siège de la fédération nationale",
                "capacity": 16,
            },
            {
                "start": {"days": 35, "time": "09:30"},
                "end": {"days": 36, "time": "17:00"},
                "place": "Toulouse, union régionale Occitanie",
                "capacity": 16,
                "registration_url": SITE + "/formations/qualite/inscription",
            },
            {
                "start": {"days": 100, "time": "09:30"},
                "end": {"days": 101, "time": "12:30"},
                "place": "En ligne",
                "capacity": 20,
            },
        ],
        "materials": [
            link(SITE + "/ressources/grille-auto-evaluation.pdf", "Grille d'auto-évaluation du projet social")
        ],
        "tags": ["qualité", "évaluation"],
        "domains": ["qualite", "evaluation", "amelioration-continue"],
        "territories": ["france"],
        "audiences": ["directions", "salaries", "administrateurs"],
    },
    {
        "slug": "leadership-animation-d-equipes",
        "title": "Leadership et animation d'équipes bénévoles et salariées",
        "summary": "Mobiliser, coordonner et reconnaître des équipes mixtes de bénévoles et de salariés.",
        "description": p(
            "Comment faire équipe quand les uns sont salariés et les autres bénévoles ? La formation aborde la "
            "posture, la délégation, la conduite de réunion et la prévention des tensions."
        ),
        "learning_objectives": objectives(
            "Clarifier les rôles entre bénévoles, salariés et administrateurs",
            "Animer une réunion participative",
            "Déléguer et reconnaître l'engagement",
        ),
        "training_format": "in_person",
        "pacing": "synchronous",
        "duration_hours": "12.0",
        "workload": "Deux journées de six heures à trois semaines d'intervalle",
        "prerequisites": "",
        "cost": "60 € par personne, pris en charge pour les bénévoles",
        "provider": "union-regionale-hauts-de-france",
        "trainers": ["Élodie Vasseur"],
        "sessions": [
            {
                "start": {"days": -30, "time": "09:00"},
                "end": {"days": -30, "time": "16:00"},
                "place": "Amiens, union régionale",
                "capacity": 14,
            },
            {
                "start": {"days": 60, "time": "09:00"},
                "end": {"days": 60, "time": "16:00"},
                "place": "Lille, fédération du Nord",
                "capacity": 14,
            },
        ],
        "tags": ["leadership", "bénévolat"],
        "domains": ["leadership", "animation-d-equipe", "benevolat"],
        "territories": ["hauts-de-france"],
        "audiences": ["benevoles", "salaries", "administrateurs"],
    },
    {
        "slug": "collecte-de-fonds-et-mecenat",
        "title": "Collecte de fonds et mécénat pour les associations de proximité",
        "summary": "Trois modules en ligne pour diversifier ses ressources : dons, mécénat d'entreprise, financement participatif.",
        "description": p(
            "Une formation à suivre à son rythme, avec des exemples tirés du réseau et une classe virtuelle "
            "de questions-réponses en fin de parcours."
        ),
        "learning_objectives": objectives(
            "Identifier les sources de financement privées adaptées à son projet",
            "Rédiger un argumentaire de mécénat",
            "Préparer une campagne de financement participatif",
        ),
        "training_format": "online",
        "pacing": "asynchronous",
        "duration_hours": "6.0",
        "workload": "Trois modules d'environ deux heures, sur quatre semaines",
        "prerequisites": "Avoir un projet précis à financer.",
        "cost": "Gratuit pour les structures adhérentes",
        "provider": "federation-nationale-trait-d-union",
        "trainers": ["Marc Lemoine"],
        "sessions": [
            {
                "start": {"days": -120, "time": "10:00"},
                "end": {"days": -92, "time": "18:00"},
                "place": "En ligne",
                "capacity": 40,
            },
            {
                "start": {"days": 14, "time": "10:00"},
                "end": {"days": 42, "time": "18:00"},
                "place": "En ligne",
                "capacity": 40,
                "registration_url": SITE + "/formations/collecte/inscription",
            },
        ],
        "materials": [
            link(SITE + "/ressources/guide-mecenat.pdf", "Guide du mécénat pour les petites associations"),
            link(SITE + "/ressources/modele-budget-campagne.ods", "Modèle de budget de campagne"),
        ],
        "tags": ["financement", "mécénat"],
        "domains": ["collecte-de-fonds", "mecenat", "financement-participatif"],
        "territories": ["france"],
        "audiences": ["benevoles", "administrateurs", "directions"],
    },
    {
        "slug": "nouveaux-modeles-de-gestion",
        "title": "Nouveaux modèles de gestion : mutualiser et diversifier ses ressources",
        "summary": "Comprendre les modèles socio-économiques des centres sociaux et explorer la mutualisation entre structures.",
        "description": p(
            "Avec le recul des financements publics, les structures repensent leur modèle : mutualisation de "
            "fonctions support, coopération entre centres, partenariats nouveaux. Une formation pour y voir clair "
            "et préparer les décisions."
        ),
        "learning_objectives": objectives(
            "Lire le modèle socio-économique de sa structure",
            "Identifier ce qui peut être mutualisé avec d'autres structures",
            "Préparer une décision avec le conseil d'administration et les partenaires",
        ),
        "training_format": "in_person",
        "pacing": "synchronous",
        "duration_hours": "10.5",
        "workload": "Trois demi-journées",
        "prerequisites": "Être administrateur, direction ou élu d'une commune gestionnaire.",
        "cost": "Gratuit pour les structures adhérentes",
        "provider": "union-regionale-occitanie",
        "trainers": ["Julien Ferrand", "Sophie Marchand"],
        "sessions": [
            {
                "start": {"days": -200, "time": "09:00"},
                "end": {"days": -200, "time": "12:30"},
                "place": "Toulouse",
                "capacity": 18,
            },
            {
                "start": {"days": 28, "time": "09:00"},
                "end": {"days": 28, "time": "12:30"},
                "place": "Albi, centre socioculturel du Castelviel",
                "capacity": 18,
            },
        ],
        "tags": ["gestion", "mutualisation"],
        "domains": ["nouveaux-modeles-de-gestion", "modeles-socio-economiques", "mutualisation"],
        "territories": ["occitanie"],
        "audiences": ["directions", "administrateurs", "elus-locaux"],
    },
    {
        "slug": "egalite-femmes-hommes-approche-de-genre",
        "title": "Égalité femmes-hommes : intégrer l'approche de genre dans nos projets",
        "summary": "Une journée pour repérer les inégalités dans nos activités et adopter des pratiques plus égalitaires.",
        "description": p(
            "Suite du forum sur l'approche de genre, cette capsule donne des outils concrets : auto-diagnostic, "
            "communication non sexiste, organisation des activités."
        ),
        "learning_objectives": objectives(
            "Connaître les notions clés de l'approche de genre",
            "Réaliser l'auto-diagnostic de sa structure",
            "Adopter une communication non sexiste",
        ),
        "training_format": "blended",
        "pacing": "synchronous",
        "duration_hours": "7.0",
        "workload": "Une journée, ou deux demi-journées en ligne",
        "prerequisites": "",
        "cost": "Gratuit",
        "provider": "federation-haute-garonne",
        "trainers": ["Nathalie Roux"],
        "sessions": [
            {
                "start": {"days": -10, "time": "09:00"},
                "end": {"days": -10, "time": "17:00"},
                "place": "Toulouse, centre social L'Arbre à palabres",
                "capacity": 20,
            },
            {
                "start": {"days": 75, "time": "09:30"},
                "end": {"days": 75, "time": "12:30"},
                "place": "En ligne",
                "capacity": 25,
            },
        ],
        "materials": [
            link(
                SITE + "/ressources/guide-communication-non-sexiste.pdf", "Guide de communication non sexiste"
            )
        ],
        "tags": ["égalité", "genre"],
        "domains": ["egalite", "egalite-femmes-hommes"],
        "territories": ["haute-garonne"],
        "audiences": ["salaries", "benevoles", "elus-locaux", "partenaires"],
    },
]

# ---------------------------------------------------------------------------
# Good practices
# ---------------------------------------------------------------------------

PRACTICES = [
    {
        "slug": "plateforme-de-cooperation-des-associations",
        "title": "Une plateforme pour faire coopérer les associations d'un quartier",
        "summary": (
            "Pour créer du lien entre les acteurs sociaux du quartier et faire remonter les difficultés du terrain "
            "vers les élus, la maison de quartier anime une plateforme de coopération inter-associative."
        ),
        "what": p(
            "Une plateforme qui aide les associations du quartier à se connaître, à travailler ensemble et à "
            "porter leurs constats auprès de la municipalité, grâce à un comité de pilotage et trois groupes de travail."
        ),
        "who": p(
            "Une soixantaine d'associations y participent. La plateforme est animée par la maison de quartier, "
            "avec le soutien du service cohésion sociale de la ville."
        ),
        "why": p(
            "Plus les associations sont nombreuses sur un territoire, plus il est difficile de coordonner leurs "
            "actions. La plateforme renforce les synergies et informe les élus des difficultés rencontrées."
        ),
        "how": p(
            "Trois groupes de travail se réunissent tout au long de l'année : logement, lien social, échanges et "
            "travail en réseau. Un comité de pilotage d'une quinzaine de membres élus pour trois ans, dont des "
            "représentants de la ville et de la Caf, fixe les priorités.",
            "Chaque année, un bilan social public présente les conclusions des groupes et propose des pistes de "
            "travail aux élus. Tous les deux ans, un festival des associations ouvre la plateforme au grand public.",
        ),
        "lead_organisation": "maison-de-quartier-des-trois-ponts",
        "partner_organisations": ["federation-nord"],
        "other_partners": "Ville de Roubaix, service cohésion sociale\nCaisse d'allocations familiales du Nord",
        "public_reach": 1,
        "recurrence": 3,
        "results": p(
            "Un bilan social annuel repris par la ville dans ses priorités ; une quinzaine d'actions communes par an."
        ),
        "transferability": p(
            "Reproductible partout où plusieurs associations agissent sur un même quartier. Il faut une structure "
            "animatrice reconnue et un appui de la commune."
        ),
        "lessons_learned": p("Limiter le nombre de groupes de travail pour ne pas épuiser les bénévoles."),
        "resources": [
            link(
                SITE + "/ressources/charte-plateforme.pdf",
                "Charte de la plateforme",
                "Le texte qui engage les associations membres.",
            ),
            link(SITE + "/ressources/bilan-social.pdf", "Exemple de bilan social annuel"),
        ],
        "start_date": "2016-09-01",
        "maturity": "established",
        "contact_name": "Samia Haddad",
        "contact_email": "accueil@trois-ponts.example.org",
        "licence": "CC-BY-SA-4.0",
        "tags": ["coopération", "vie associative", "cohésion sociale"],
        "domains": ["bien-etre-et-societe", "cohesion-sociale", "cooperation-entre-structures"],
        "territories": ["roubaix"],
        "audiences": ["partenaires", "elus-locaux", "benevoles"],
        "translation": {
            "title": "A platform for associations of a neighbourhood to cooperate",
            "slug": "platform-for-cooperation-between-associations",
            "summary": (
                "To bring the neighbourhood's social actors together and pass on difficulties on the ground to "
                "elected officials, the neighbourhood centre runs a platform for cooperation between associations."
            ),
            "what": p(
                "A platform that helps the neighbourhood's associations get to know each other, work together and "
                "bring their findings to the municipality, through a steering committee and three working groups."
            ),
            "who": p(
                "About sixty associations take part. The platform is run by the neighbourhood centre, with the "
                "support of the city's social cohesion department."
            ),
            "why": p(
                "The more associations there are in an area, the harder it is to coordinate their actions. The "
                "platform strengthens synergies and informs elected officials of the difficulties encountered."
            ),
            "how": p(
                "Three working groups meet throughout the year: housing, social ties, exchanges and networking. A "
                "steering committee of about fifteen members elected for three years, including representatives of "
                "the city and the family allowance fund, sets the priorities.",
                "Each year, a public social review presents the groups' conclusions and suggests avenues of work to "
                "elected officials. Every two years, an associations' festival opens the platform to the general public.",
            ),
            "other_partners": "City of Roubaix, social cohesion department\nFamily allowance fund of the Nord département",
            "results": p(
                "A yearly social review taken up by the city in its priorities; about fifteen joint actions a year."
            ),
            "transferability": p(
                "Can be reproduced wherever several associations work in the same neighbourhood. It needs a "
                "recognised organisation to run it and the support of the municipality."
            ),
            "lessons_learned": p("Keep the number of working groups low so as not to exhaust volunteers."),
            "resources": [
                {
                    "title": "Charter of the platform",
                    "description": "The text that commits the member associations.",
                },
                {"title": "Example of a yearly social review", "description": ""},
            ],
        },
    },
    {
        "slug": "conseil-des-familles",
        "title": "Un conseil des familles pour co-construire les activités",
        "summary": "Des parents se réunissent chaque mois pour proposer, décider et évaluer les activités familles du centre social.",
        "what": p(
            "Une instance de participation ouverte à toutes les familles adhérentes, qui propose et évalue le programme des activités familles."
        ),
        "who": p("Une quinzaine de parents, accompagnés par la référente familles du centre social."),
        "why": p(
            "Passer d'activités conçues pour les familles à des activités conçues avec elles, et donner aux parents une place dans la gouvernance."
        ),
        "how": p(
            "Le conseil se réunit un soir par mois, avec une garde d'enfants. Il dispose d'un petit budget annuel "
            "qu'il répartit entre les projets. Deux de ses membres siègent au conseil d'administration."
        ),
        "lead_organisation": "centre-social-mosaique",
        "partner_organisations": [],
        "other_partners": "Caisse d'allocations familiales",
        "public_reach": 2,
        "recurrence": 4,
        "results": p(
            "Deux tiers des sorties familiales sont désormais proposées par les parents ; trois parents sont devenus administrateurs."
        ),
        "transferability": p(
            "Demande une référente familles disponible en soirée et un budget dédié, même modeste."
        ),
        "resources": [
            link(
                SITE + "/ressources/reglement-conseil-des-familles.pdf",
                "Règlement intérieur du conseil des familles",
            )
        ],
        "start_date": "2019-01-15",
        "maturity": "spread",
        "contact_name": "Aïcha Diallo",
        "contact_email": "contact@mosaique-fives.example.org",
        "tags": ["parentalité", "participation"],
        "domains": ["participation-des-habitants", "soutien-a-la-parentalite", "gouvernance"],
        "territories": ["lille"],
        "audiences": ["familles", "habitants"],
        "translation": {
            "title": "A families' council to build activities together",
            "slug": "families-council",
            "summary": "Parents meet every month to suggest, decide on and evaluate the social centre's family activities.",
            "what": p(
                "A participation body open to all member families, which proposes and evaluates the programme of family activities."
            ),
            "who": p("About fifteen parents, supported by the social centre's family officer."),
            "why": p(
                "Moving from activities designed for families to activities designed with them, and giving parents a place in governance."
            ),
            "how": p(
                "The council meets one evening a month, with childcare. It has a small yearly budget that it shares "
                "between projects. Two of its members sit on the board."
            ),
            "other_partners": "Family allowance fund",
            "results": p(
                "Two thirds of family outings are now proposed by parents; three parents have become board members."
            ),
            "transferability": p(
                "Requires a family officer available in the evening and a dedicated budget, even a modest one."
            ),
            "resources": [{"title": "Rules of the families' council", "description": ""}],
        },
    },
    {
        "slug": "accueil-repense-pour-ecouter-et-orienter",
        "title": "Un accueil repensé pour écouter et orienter",
        "summary": "Le centre social a réaménagé son accueil et formé toute l'équipe pour que chaque personne soit écoutée, orientée et, si possible, accompagnée.",
        "what": p(
            "Un espace d'accueil convivial, un temps d'écoute sans rendez-vous et une fiche de suivi partagée entre les salariés."
        ),
        "who": p("L'équipe salariée, des bénévoles d'accueil et les habitants consultés pour l'aménagement."),
        "why": p(
            "Face à la dématérialisation des services publics, beaucoup de personnes attendent une écoute humaine et une orientation fiable."
        ),
        "how": ul(
            "Réaménagement de l'accueil avec les habitants : coin enfants, café, confidentialité.",
            "Formation de toute l'équipe à l'accueil global.",
            "Réunion mensuelle pour analyser les demandes et en tirer des actions collectives.",
        ),
        "lead_organisation": "centre-social-l-arbre-a-palabres",
        "partner_organisations": ["federation-haute-garonne"],
        "public_reach": 3,
        "recurrence": 4,
        "resources": [
            link(SITE + "/ressources/fiche-accueil-global.pdf", "Fiche méthode : l'accueil global")
        ],
        "start_date": "2021-03-01",
        "maturity": "established",
        "tags": ["accueil", "accès aux droits"],
        "domains": ["fonction-accueil", "ecoute-et-orientation", "acces-aux-droits"],
        "territories": ["toulouse"],
        "audiences": ["habitants", "salaries"],
    },
    {
        "slug": "departs-en-vacances-accompagnes",
        "title": "Des départs en vacances accompagnés pour les familles qui ne partent jamais",
        "summary": "Le centre socioculturel accompagne chaque année une vingtaine de familles dans la préparation de leurs premières vacances.",
        "what": p(
            "Un accompagnement collectif, de l'idée de départ au retour : budget, choix du séjour, transport, aides financières."
        ),
        "who": p("Le secteur familles du centre, avec la Caf et une association de tourisme social."),
        "why": p(
            "Partir en vacances renforce les liens familiaux et la confiance en soi ; beaucoup de familles n'en ont jamais eu l'occasion."
        ),
        "how": p(
            "D'octobre à juin, les familles se retrouvent une fois par mois pour construire leur projet et "
            "constituer une épargne. Un bilan collectif est organisé à la rentrée."
        ),
        "lead_organisation": "centre-socioculturel-du-castelviel",
        "other_partners": "Caisse d'allocations familiales du Tarn\nAssociation régionale de tourisme social",
        "public_reach": 2,
        "recurrence": 3,
        "resources": [
            link(
                SITE + "/ressources/carnet-de-preparation-vacances.pdf", "Carnet de préparation des vacances"
            )
        ],
        "start_date": "2014-10-01",
        "maturity": "established",
        "tags": ["vacances", "familles"],
        "domains": ["vacances-et-loisirs", "departs-en-vacances", "parentalite-et-famille"],
        "territories": ["albi"],
        "audiences": ["familles"],
    },
    {
        "slug": "ateliers-sante-habitants-relais",
        "title": "Des ateliers santé animés par des habitants-relais",
        "summary": "Des habitants formés relaient les messages de prévention auprès de leurs voisins, dans leur langue et avec leurs mots.",
        "what": p(
            "Des ateliers de prévention (alimentation, sommeil, dépistages) co-animés par des habitants-relais et des professionnels de santé."
        ),
        "who": p(
            "Huit habitants-relais formés, la maison de quartier, un centre de santé et l'assurance maladie."
        ),
        "why": p(
            "Les messages de prévention touchent peu les personnes les plus éloignées du soin ; des pairs sont mieux entendus."
        ),
        "how": p(
            "Chaque habitant-relais suit une formation de trente heures, puis co-anime un atelier par mois avec un professionnel."
        ),
        "lead_organisation": "maison-de-quartier-des-trois-ponts",
        "other_partners": "Centre de santé du quartier\nCaisse primaire d'assurance maladie",
        "public_reach": 3,
        "recurrence": 4,
        "resources": [link(SITE + "/ressources/kit-atelier-sante.zip", "Kit d'animation des ateliers santé")],
        "start_date": "2020-02-01",
        "maturity": "established",
        "tags": ["santé", "prévention", "pairs"],
        "domains": ["sante", "prevention", "pouvoir-d-agir"],
        "territories": ["roubaix"],
        "audiences": ["habitants", "familles"],
    },
    {
        "slug": "permanences-logement-et-mediation",
        "title": "Permanences logement et médiation avec les bailleurs",
        "summary": "Une permanence hebdomadaire aide les locataires à faire valoir leurs droits et à dialoguer avec les bailleurs sociaux.",
        "what": p(
            "Une permanence d'information et de médiation sur le logement : impayés, travaux, demandes de logement social."
        ),
        "who": p("Le centre social, une juriste bénévole et les bailleurs sociaux du quartier."),
        "why": p(
            "Les problèmes de logement sont la première demande à l'accueil ; les locataires se sentent démunis face aux démarches."
        ),
        "how": p(
            "Chaque jeudi après-midi, sans rendez-vous. Une rencontre trimestrielle avec les bailleurs permet de traiter les situations collectives."
        ),
        "lead_organisation": "centre-social-des-quais",
        "other_partners": "Bailleurs sociaux du quartier\nAgence départementale d'information sur le logement",
        "public_reach": 2,
        "recurrence": 4,
        "start_date": "2018-09-01",
        "maturity": "established",
        "tags": ["logement", "accès aux droits"],
        "domains": ["logement", "acces-au-logement", "acces-aux-droits"],
        "territories": ["bordeaux"],
        "audiences": ["habitants", "familles"],
    },
    {
        "slug": "co-presidence-et-gouvernance-collegiale",
        "title": "Co-présidence et gouvernance collégiale dans un espace de vie sociale",
        "summary": "Pour partager les responsabilités et renouveler ses instances, l'association est passée à une co-présidence à trois.",
        "what": p(
            "Une gouvernance collégiale : trois co-présidents et des binômes bénévoles-salariée pour chaque commission."
        ),
        "who": p(
            "Le conseil d'administration de l'espace de vie sociale, accompagné par la fédération départementale."
        ),
        "why": p(
            "Personne ne voulait plus porter seul la présidence ; la collégialité rend l'engagement plus accessible."
        ),
        "how": ol(
            "Six mois de réflexion avec la fédération sur les rôles et les mandats.",
            "Modification des statuts en assemblée générale.",
            "Bilan après un an et ajustement du règlement intérieur.",
        ),
        "lead_organisation": "espace-de-vie-sociale-la-passerelle",
        "partner_organisations": ["federation-haute-garonne"],
        "public_reach": 1,
        "recurrence": 4,
        "resources": [
            link(SITE + "/ressources/statuts-co-presidence.odt", "Exemple de statuts avec co-présidence")
        ],
        "start_date": "2022-06-01",
        "maturity": "pilot",
        "tags": ["gouvernance", "bénévolat"],
        "domains": ["gouvernance", "gouvernance-partagee", "vie-associative"],
        "territories": ["colomiers"],
        "audiences": ["administrateurs", "benevoles"],
    },
    {
        "slug": "mesurer-l-impact-social-avec-les-habitants",
        "title": "Mesurer l'impact social avec les habitants",
        "summary": "Une démarche départementale co-portée avec la Caf pour qualifier et rendre visibles les effets des centres sociaux.",
        "what": p(
            "Une méthode de mesure de l'impact social partagée entre centres, construite avec les habitants, les équipes et les partenaires."
        ),
        "who": p("Douze centres sociaux de la Drôme, la fédération nationale et la Caf."),
        "why": p(
            "Appuyer les décisions politiques et techniques, créer de nouvelles coopérations sur les territoires "
            "et démontrer la pertinence des centres sociaux."
        ),
        "how": p(
            "Ateliers de définition des effets attendus, collecte de récits d'habitants, indicateurs communs, restitution publique."
        ),
        "lead_organisation": "federation-nationale-trait-d-union",
        "other_partners": "Caisse d'allocations familiales de la Drôme",
        "public_reach": 4,
        "recurrence": 2,
        "resources": [
            link(SITE + "/ressources/guide-mesure-impact.pdf", "Guide de la mesure d'impact social")
        ],
        "start_date": "2018-01-01",
        "maturity": "spread",
        "tags": ["impact", "évaluation"],
        "domains": ["impact-social", "mesure-d-impact", "evaluation"],
        "territories": ["drome", "valence"],
        "audiences": ["directions", "partenaires", "habitants"],
    },
    {
        "slug": "ateliers-numeriques-demarches-en-ligne",
        "title": "Des ateliers numériques pour les démarches en ligne",
        "summary": "La MJC accompagne les habitants pas à pas vers l'autonomie dans leurs démarches administratives en ligne.",
        "what": p(
            "Des ateliers collectifs et une permanence individuelle pour apprendre à utiliser les services en ligne."
        ),
        "who": p("L'animateur multimédia de la MJC, des jeunes en service civique et des bénévoles."),
        "why": p(
            "La dématérialisation des démarches éloigne de leurs droits les personnes peu à l'aise avec le numérique."
        ),
        "how": p(
            "Cycles de six ateliers en petit groupe, prêt de matériel, permanence hebdomadaire sans rendez-vous."
        ),
        "lead_organisation": "mjc-la-fabrique",
        "public_reach": 3,
        "recurrence": 4,
        "resources": [
            link(
                SITE + "/ressources/parcours-ateliers-numeriques.pdf", "Parcours type des ateliers numériques"
            )
        ],
        "start_date": "2020-10-01",
        "maturity": "established",
        "tags": ["numérique", "démarches"],
        "domains": ["numerique", "inclusion-numerique", "demarches-en-ligne"],
        "territories": ["tourcoing"],
        "audiences": ["seniors", "habitants"],
    },
    {
        "slug": "jardin-partage-et-cuisine-solidaire",
        "title": "Un jardin partagé et une cuisine solidaire",
        "summary": "Les légumes du jardin partagé sont cuisinés chaque semaine lors d'un repas solidaire ouvert à tous.",
        "what": p(
            "Un jardin cultivé par des habitants et un repas hebdomadaire à prix libre préparé avec la récolte."
        ),
        "who": p("L'association, une trentaine de jardiniers bénévoles et un cuisinier en insertion."),
        "why": p("Favoriser une alimentation durable et accessible, créer du lien entre voisins."),
        "how": p(
            "Le jardin est ouvert le samedi matin ; la cuisine solidaire a lieu le mercredi midi dans une salle prêtée par la commune."
        ),
        "lead_organisation": "association-les-jardins-du-partage",
        "partner_organisations": ["union-regionale-hauts-de-france"],
        "public_reach": 2,
        "recurrence": 4,
        "start_date": "2021-04-01",
        "maturity": "pilot",
        "tags": ["alimentation", "jardin"],
        "domains": ["transition-ecologique", "jardins-partages", "alimentation-durable"],
        "territories": ["amiens"],
        "audiences": ["habitants", "familles"],
    },
    {
        "slug": "financement-participatif-local-jeunes",
        "title": "Une campagne de financement participatif pour équiper un local jeunes",
        "summary": "Des jeunes ont mené eux-mêmes une campagne de dons en ligne pour équiper leur local.",
        "what": p(
            "Une campagne de financement participatif conçue, filmée et animée par un groupe de jeunes."
        ),
        "who": p("Dix jeunes de 15 à 19 ans, accompagnés par l'animateur jeunesse du tiers-lieu."),
        "why": p(
            "Financer un projet que les financeurs habituels ne couvraient pas, et rendre les jeunes acteurs de bout en bout."
        ),
        "how": p(
            "Deux mois de préparation, six semaines de campagne, des contreparties fabriquées à l'atelier du tiers-lieu."
        ),
        "lead_organisation": "tiers-lieu-la-ruche-solidaire",
        "public_reach": 2,
        "recurrence": 1,
        "results": p("Objectif dépassé : 148 donateurs, dont une majorité d'habitants du quartier."),
        "start_date": "2023-02-01",
        "maturity": "pilot",
        "tags": ["financement", "jeunesse"],
        "domains": ["collecte-de-fonds", "financement-participatif", "engagement-des-jeunes"],
        "territories": ["merignac"],
        "audiences": ["jeunes"],
    },
    {
        "slug": "ateliers-sociolinguistiques",
        "title": "Des ateliers sociolinguistiques pour apprendre le français au quotidien",
        "summary": "Apprendre le français à partir des situations de la vie quotidienne : école, santé, transports, démarches.",
        "what": p(
            "Des ateliers de français centrés sur l'autonomie dans la vie sociale, avec des sorties dans le quartier."
        ),
        "who": p("Des bénévoles formés, une coordinatrice salariée et une cinquantaine d'apprenants."),
        "why": p(
            "Maîtriser la langue est une condition de l'accès aux droits et de la participation à la vie du quartier."
        ),
        "how": p(
            "Deux ateliers par semaine, des visites de l'école, de la médiathèque et du centre de santé, une fête de fin d'année."
        ),
        "lead_organisation": "centre-social-l-arbre-a-palabres",
        "public_reach": 2,
        "recurrence": 4,
        "start_date": "2017-09-01",
        "maturity": "established",
        "tags": ["français", "interculturalité"],
        "domains": ["diversite-culturelle", "apprentissage-du-francais", "interculturalite"],
        "territories": ["toulouse"],
        "audiences": ["habitants", "femmes"],
    },
    {
        "slug": "sport-mixte-pour-les-jeunes-filles",
        "title": "Des activités sportives mixtes pour que les filles restent",
        "summary": "En changeant les horaires, les activités et la communication, le centre a fait revenir les adolescentes dans ses activités sportives.",
        "what": p(
            "Une offre sportive repensée avec les jeunes : créneaux mixtes, activités choisies ensemble, animatrices et animateurs en binôme."
        ),
        "who": p("Le secteur jeunesse du centre social et un club sportif de quartier."),
        "why": p("Au-delà de 12 ans, les filles désertaient les activités sportives du centre."),
        "how": p(
            "Enquête auprès des jeunes, essai de nouvelles activités, communication sans stéréotypes, bilan avec les familles."
        ),
        "lead_organisation": "centre-social-du-plateau",
        "public_reach": 2,
        "recurrence": 4,
        "start_date": "2022-09-01",
        "maturity": "pilot",
        "tags": ["égalité", "jeunesse", "sport"],
        "domains": ["egalite-femmes-hommes", "jeunesse"],
        "territories": ["angouleme"],
        "audiences": ["jeunes", "femmes"],
    },
]

#: A good practice that stays an unpublished draft (tests check that drafts never leak).
DRAFT_PRACTICE = {
    "slug": "brouillon-pratique-non-publiee",
    "title": "BROUILLON – Pratique en cours de rédaction (non publiée)",
    "summary": "Brouillon de démonstration : cette fiche n'est pas publiée et ne doit apparaître nulle part sur le site public.",
    "what": p("Texte provisoire, en attente de relecture par la fédération."),
    "lead_organisation": "espace-de-vie-sociale-la-passerelle",
    "public_reach": 1,
    "recurrence": 1,
    "maturity": "idea",
    "tags": ["brouillon"],
    "domains": ["innovation-sociale"],
    "territories": ["colomiers"],
    "audiences": ["habitants"],
}

# ---------------------------------------------------------------------------
# Mentoring
# ---------------------------------------------------------------------------

MENTORING = [
    {
        "slug": "accompagner-le-renouvellement-d-un-projet-social",
        "title": "Accompagner le renouvellement d'un projet social",
        "direction": "offer",
        "organisation": "centre-social-l-arbre-a-palabres",
        "summary": "Notre centre a renouvelé son projet social avec un diagnostic participatif : nous partageons notre méthode et nos outils.",
        "description": p(
            "Deux ou trois rencontres avec votre équipe et vos administrateurs, puis un appui à distance pendant la démarche."
        ),
        "experience": p(
            "Diagnostic participatif mené avec 250 habitants, comité de pilotage mixte, agrément obtenu sans réserve."
        ),
        "mentoring_format": "both",
        "availability": "Une demi-journée par mois",
        "available_from": {"days": -30},
        "available_until": {"days": 300},
        "status": "open",
        "contact_name": "Karim Benali",
        "contact_email": "accueil@arbre-a-palabres.example.org",
        "contact_phone": "05 36 49 20 41",
        "domains": ["participation-des-habitants", "diagnostic-participatif", "qualite"],
        "territories": ["occitanie"],
        "audiences": ["directions", "administrateurs"],
    },
    {
        "slug": "mettre-en-place-un-conseil-des-familles",
        "title": "Mettre en place un conseil des familles",
        "direction": "offer",
        "organisation": "centre-social-mosaique",
        "summary": "Des parents et la référente familles du centre Mosaïque présentent leur conseil des familles et aident à en créer un.",
        "description": p(
            "Invitation à assister à une séance du conseil, puis échanges avec les parents et la référente familles."
        ),
        "experience": p("Conseil des familles actif depuis cinq ans, avec un budget participatif annuel."),
        "mentoring_format": "in_person",
        "availability": "Un soir par mois",
        "status": "open",
        "contact_name": "Aïcha Diallo",
        "contact_email": "contact@mosaique-fives.example.org",
        "domains": ["participation-des-habitants", "soutien-a-la-parentalite"],
        "territories": ["hauts-de-france"],
        "audiences": ["familles", "salaries"],
    },
    {
        "slug": "lancer-une-campagne-de-financement-participatif",
        "title": "Lancer une campagne de financement participatif",
        "direction": "offer",
        "organisation": "tiers-lieu-la-ruche-solidaire",
        "summary": "Le tiers-lieu partage son expérience d'une campagne de dons menée par des jeunes.",
        "description": p(
            "Un appui à distance pour préparer la campagne : objectif, vidéo, contreparties, communication."
        ),
        "experience": p("Une campagne réussie en 2023, dépassant son objectif avec 148 donateurs."),
        "mentoring_format": "remote",
        "availability": "Deux visioconférences d'une heure par mois",
        "status": "matched",
        "contact_name": "Équipe jeunesse",
        "contact_email": "bonjour@la-ruche-solidaire.example.org",
        "domains": ["collecte-de-fonds", "financement-participatif"],
        "territories": ["france"],
        "audiences": ["jeunes", "salaries"],
    },
    {
        "slug": "preparer-le-passage-d-evs-a-centre-social",
        "title": "Préparer le passage d'espace de vie sociale à centre social",
        "direction": "request",
        "organisation": "espace-de-vie-sociale-la-passerelle",
        "summary": "Notre espace de vie sociale souhaite devenir centre social : nous cherchons une structure qui a vécu ce changement.",
        "description": p(
            "Nous aimerions comprendre les étapes, le calendrier et les conséquences pour l'équipe et les bénévoles."
        ),
        "experience": p(
            "Besoin : un regard extérieur sur notre projet, nos moyens humains et notre budget prévisionnel."
        ),
        "mentoring_format": "both",
        "availability": "À partir de la rentrée",
        "available_from": {"days": 20},
        "status": "open",
        "contact_name": "Coordinatrice de La Passerelle",
        "contact_email": "bonjour@la-passerelle.example.org",
        "domains": ["gouvernance", "qualite", "nouveaux-modeles-de-gestion"],
        "territories": ["haute-garonne"],
        "audiences": ["administrateurs", "benevoles"],
    },
    {
        "slug": "structurer-le-benevolat-d-une-jeune-association",
        "title": "Structurer le bénévolat et la gouvernance d'une jeune association",
        "direction": "request",
        "organisation": "association-les-jardins-du-partage",
        "summary": "Notre association grandit vite : nous cherchons de l'aide pour organiser l'accueil des bénévoles et répartir les responsabilités.",
        "description": p(
            "Un accompagnement sur quelques mois, idéalement par une association de taille comparable."
        ),
        "experience": p(
            "Besoin : un livret d'accueil des bénévoles, des rôles clairs au bureau, une assemblée générale plus vivante."
        ),
        "mentoring_format": "both",
        "availability": "Soirs et samedis",
        "status": "open",
        "contact_name": "Bureau de l'association",
        "contact_email": "jardins@jardins-du-partage.example.org",
        "domains": ["benevolat", "vie-associative", "gouvernance"],
        "territories": ["somme"],
        "audiences": ["benevoles", "administrateurs"],
    },
]

# ---------------------------------------------------------------------------
# Federal project
# ---------------------------------------------------------------------------

FEDERAL_PROJECT = {
    "slug": "projet-federal-2024-2028",
    "title": "Projet fédéral 2024-2028",
    "period_start": 2024,
    "period_end": 2028,
    "intro": p(
        "Développer les territoires et le pouvoir d'agir des habitants : le projet fédéral fixe pour cinq ans "
        "les priorités communes du réseau, adoptées par l'assemblée générale après un an de concertation avec "
        "les centres, leurs bénévoles et leurs partenaires."
    ),
    "principles": p("Nos actions se réfèrent aux valeurs des centres sociaux et socioculturels :")
    + ul("la dignité humaine ;", "la solidarité ;", "la démocratie.")
    + p("Notre ambition pour les territoires :")
    + ul(
        "des territoires où il fait bon vivre ensemble ;",
        "des projets sociaux de qualité, ancrés dans les réalités vécues par les personnes ;",
        "des acteurs valorisés, mis en réseau et formés ;",
        "des innovations, des ressources nouvelles et des partenariats de qualité.",
    ),
    "axes": [
        {
            "slug": "impact-social",
            "title": "Impact social",
            "summary": "Qualifier, documenter et rendre visible ce que les centres sociaux apportent à leurs territoires.",
            "global_context": p(
                "Les acteurs de l'économie sociale et solidaire évoluent dans un environnement en pleine mutation, "
                "qui les pousse à innover dans leurs pratiques et leurs partenariats, et à repenser leurs modèles "
                "socio-économiques alors que les financements publics reculent et que de nouveaux partenaires apparaissent."
            ),
            "stakes": p(
                "Les centres sociaux et les espaces de vie sociale veulent mieux maîtriser la portée et la "
                "pertinence de leurs actions. Une mesure partagée de l'impact social est le moyen le plus sûr de "
                "qualifier et de rendre visible leur investissement sur un territoire."
            ),
            "previous_actions": p(
                "Cette dimension n'avait pas encore été travaillée collectivement à l'échelle du réseau."
            ),
            "operational_objectives": objectives(
                "Faire de la mesure d'impact un outil d'aide à la décision politique et technique",
                "Susciter de nouvelles coopérations et synergies territoriales",
                "Démontrer la pertinence des fondamentaux des centres sociaux auprès des partenaires",
            ),
            "projects": [
                {
                    "title": "Diffusion d'une démarche de mesure de l'impact social de la coopération",
                    "description": "Outils et accompagnement proposés aux centres volontaires.",
                    "start_year": 2017,
                    "end_year": None,
                    "status": "in_progress",
                },
                {
                    "title": "Démarche départementale de mesure d'impact co-portée avec la Caf de la Drôme",
                    "description": "Douze centres engagés, restitution publique chaque année.",
                    "start_year": 2018,
                    "end_year": None,
                    "status": "in_progress",
                },
                {
                    "title": "Intégration de l'impact dans un cluster d'innovation responsable",
                    "description": "",
                    "start_year": 2017,
                    "end_year": 2023,
                    "status": "done",
                },
            ],
            "avenues_for_action": ul(
                "S'engager dans une démarche de chaîne de valeur avec un réseau national de la vie associative.",
                "Mesurer l'impact social de la fédération elle-même.",
            ),
            "domains": ["impact-social", "mesure-d-impact"],
            "territories": ["france"],
            "audiences": ["directions", "partenaires"],
        },
        {
            "slug": "gouvernance-partagee",
            "title": "Gouvernance partagée",
            "summary": "Développer une gouvernance partagée et vivante des projets sociaux, à l'heure où les formes d'engagement changent.",
            "global_context": p(
                "Les manières de s'engager, bénévolement ou en militant, évoluent sur le fond comme sur la forme. "
                "Le renouvellement des instances interroge les structures, et les modèles de gouvernance se "
                "diversifient : collégialité, co-présidence."
            ),
            "stakes": p(
                "Trouver des réponses à la tension vécue dans les structures en inventant des formes de pilotage qui soient :"
            )
            + ul(
                "transversales et partagées par tous ceux qui concourent au projet, malgré les difficultés de mobilisation, et socialement mixtes ;",
                "ouvertes à la place des salariés, avec des postures et des mandats clarifiés.",
            ),
            "previous_actions": ul(
                "Rencontres sur la gouvernance collégiale.",
                "Accompagnement de co-présidences dans les associations membres.",
                "Soutien à la place des habitants dans les centres en gestion municipale.",
            ),
            "operational_objectives": objectives(
                "Développer une gouvernance partagée et dynamique de nos projets"
            ),
            "projects": [
                {
                    "title": "Expérimentation d'une nouvelle gouvernance fédérale",
                    "description": "",
                    "start_year": 2024,
                    "end_year": None,
                    "status": "in_progress",
                },
                {
                    "title": "Formation-action « Gouvernance, engagement et travail associé »",
                    "description": "Avec une fédération voisine.",
                    "start_year": 2024,
                    "end_year": 2025,
                    "status": "done",
                },
            ],
            "avenues_for_action": ul(
                "Des formations-actions avec les structures du réseau.",
                "L'accompagnement des structures qui s'interrogent sur leur gouvernance.",
            ),
            "domains": ["gouvernance", "gouvernance-partagee", "benevolat"],
            "territories": ["france"],
            "audiences": ["administrateurs", "benevoles", "salaries"],
        },
        {
            "slug": "fonction-accueil",
            "title": "Fonction accueil",
            "summary": "Faire de l'accueil une fonction transversale, humaine et collective, et pas seulement l'entrée de la structure.",
            "global_context": p(
                "L'accueil est parfois déconnecté du reste des services, tandis que celui des institutions se "
                "dématérialise. Les publics attendent d'être écoutés, orientés et pris en compte."
            ),
            "stakes": p(
                "Les centres sociaux privilégient la relation humaine, prolongent l'accueil par un accompagnement "
                "ou une orientation, et donnent autant que possible une dimension collective aux questions posées."
            ),
            "previous_actions": ul(
                "Création d'une commission accueil, puis partenariat avec la Caf.",
                "Relais d'un appel à projets pour améliorer la qualité des accueils.",
            ),
            "operational_objectives": objectives(
                "Traiter l'accueil de manière transversale",
                "Améliorer l'écoute et la capacité de réponse des structures",
                "Développer la participation des habitants",
                "Former et accompagner les équipes à l'accueil global",
            ),
            "projects": [
                {
                    "title": "Commission accueil avec la Caf",
                    "description": "",
                    "start_year": 2024,
                    "end_year": None,
                    "status": "in_progress",
                },
                {
                    "title": "Réaménagement des accueils de structures volontaires",
                    "description": "Plus de convivialité, de confort et d'ergonomie.",
                    "start_year": 2025,
                    "end_year": 2027,
                    "status": "planned",
                },
            ],
            "avenues_for_action": p(
                "Partager les réaménagements réussis dans le catalogue des bonnes pratiques."
            ),
            "domains": ["fonction-accueil", "ecoute-et-orientation"],
            "territories": ["france"],
            "audiences": ["salaries", "benevoles"],
        },
        {
            "slug": "pouvoir-d-agir-des-habitants",
            "title": "Pouvoir d'agir des habitants et réseau de proximité",
            "summary": "Un centre de ressources pour appuyer les initiatives collectives des habitants et des réseaux de coopération dans chaque département.",
            "global_context": p(
                "Les centres repèrent chaque jour des envies et des initiatives d'habitants, mais manquent souvent "
                "de temps et d'outils pour les accompagner, les faire connaître et les transmettre."
            ),
            "stakes": p(
                "Rendre le réseau lisible, rendre visibles les initiatives des habitants et développer les échanges entre centres."
            ),
            "previous_actions": p(
                "Temps forts départementaux et premières formations au développement du pouvoir d'agir."
            ),
            "operational_objectives": objectives(
                "Accompagner cent initiatives d'habitants significatives : les rendre visibles, les suivre et les capitaliser",
                "Créer un annuaire dynamique des centres sociaux",
                "Animer des ateliers d'échange de pratiques sur le logement, la santé et les vacances",
                "Proposer une offre de formation aux bénévoles, salariés, partenaires et élus locaux",
            ),
            "projects": [
                {
                    "title": "Annuaire dynamique du réseau",
                    "description": "En ligne sur ce site.",
                    "start_year": 2024,
                    "end_year": 2024,
                    "status": "done",
                },
                {
                    "title": "Blog des initiatives d'habitants",
                    "description": "Rubrique « Actualités et initiatives d'habitants ».",
                    "start_year": 2024,
                    "end_year": None,
                    "status": "in_progress",
                },
                {
                    "title": "Ateliers d'échange de pratiques",
                    "description": "Logement, santé, vacances.",
                    "start_year": 2025,
                    "end_year": 2028,
                    "status": "planned",
                },
            ],
            "avenues_for_action": ul(
                "Développer des partenariats avec des associations ressources.",
                "Expérimenter des diagnostics participatifs dans les territoires dépourvus de centre social.",
            ),
            "domains": ["participation-des-habitants", "pouvoir-d-agir", "initiatives-habitants"],
            "territories": ["occitanie", "hauts-de-france"],
            "audiences": ["habitants", "benevoles", "elus-locaux"],
        },
    ],
}

# ---------------------------------------------------------------------------
# News and residents' initiatives
# ---------------------------------------------------------------------------

NEWS = [
    {
        "slug": "une-bricotheque-de-quartier",
        "title": "Des habitants ouvrent une bricothèque de quartier",
        "kind": "residents_initiative",
        "days": -6,
        "author_name": "Équipe du centre social Mosaïque",
        "organisation": "centre-social-mosaique",
        "intro": "Perceuses, échelles, ponceuses : à Fives, un groupe de voisins prête désormais ses outils à tout le quartier.",
        "body": [
            paragraph(
                p(
                    "Tout est parti d'une discussion au café des habitants : pourquoi chacun achèterait-il une perceuse dont il se sert deux fois par an ?"
                )
            ),
            heading("Un local et des règles simples"),
            paragraph(
                p(
                    "Le centre social a prêté un local ; les habitants ont rédigé eux-mêmes la charte de prêt. Une adhésion symbolique ouvre l'accès aux outils."
                )
            ),
            quote(
                "On se rend service et on se parle : la bricothèque, c'est aussi un lieu de rencontre.",
                "Un bénévole de la bricothèque",
            ),
        ],
        "tags": ["initiative", "entraide"],
        "domains": ["initiatives-habitants", "lien-social"],
        "territories": ["lille"],
        "audiences": ["habitants"],
    },
    {
        "slug": "une-fresque-participative-aux-trois-ponts",
        "title": "Une fresque participative pour le quartier des Trois-Ponts",
        "kind": "residents_initiative",
        "days": -20,
        "author_name": "Maison de quartier des Trois-Ponts",
        "organisation": "maison-de-quartier-des-trois-ponts",
        "intro": "Enfants, parents et aînés ont imaginé ensemble la fresque qui habille désormais le mur du square.",
        "body": [
            paragraph(
                p(
                    "Quatre ateliers de dessin, un vote des habitants et deux week-ends de peinture : le projet a mobilisé plus de cent personnes."
                )
            ),
            paragraph(
                p(
                    "La maison de quartier a accompagné le groupe dans ses démarches auprès du bailleur et de la ville."
                )
            ),
        ],
        "tags": ["initiative", "culture"],
        "domains": ["initiatives-habitants", "cohesion-sociale"],
        "territories": ["roubaix"],
        "audiences": ["habitants", "enfants", "seniors"],
    },
    {
        "slug": "des-sorties-familiales-a-petit-prix",
        "title": "Un collectif de parents organise des sorties familiales à petit prix",
        "kind": "residents_initiative",
        "days": -33,
        "author_name": "Espace de vie sociale La Passerelle",
        "organisation": "espace-de-vie-sociale-la-passerelle",
        "intro": "Covoiturage, pique-niques et tarifs de groupe : des parents de Colomiers ont inventé leurs propres sorties.",
        "body": [
            paragraph(
                p(
                    "Le collectif propose une sortie par mois ; les familles choisissent la destination lors du café des parents."
                )
            )
        ],
        "tags": ["initiative", "familles"],
        "domains": ["sorties-familiales", "initiatives-habitants"],
        "territories": ["colomiers"],
        "audiences": ["familles"],
    },
    {
        "slug": "des-jeunes-lancent-un-repair-cafe",
        "title": "Des jeunes lancent un repair café au centre social",
        "kind": "residents_initiative",
        "days": -48,
        "author_name": "Centre social L'Arbre à palabres",
        "organisation": "centre-social-l-arbre-a-palabres",
        "intro": "Chaque premier samedi du mois, des jeunes réparent gratuitement petits appareils et vélos avec des bénévoles retraités.",
        "body": [
            paragraph(
                p("Le projet réunit deux générations autour d'un même objectif : réparer plutôt que jeter.")
            ),
            quote(
                "J'ai appris à souder avec un ancien électricien, et maintenant c'est moi qui montre aux autres.",
                "Inès, 17 ans",
            ),
        ],
        "tags": ["initiative", "jeunesse", "réemploi"],
        "domains": ["engagement-des-jeunes", "transition-ecologique"],
        "territories": ["toulouse"],
        "audiences": ["jeunes", "seniors"],
    },
    {
        "slug": "cent-initiatives-d-habitants",
        "title": "Cent initiatives d'habitants à faire connaître d'ici 2028",
        "kind": "news",
        "days": -60,
        "author_name": "Fédération nationale Trait d'Union",
        "organisation": "federation-nationale-trait-d-union",
        "intro": "Le projet fédéral s'engage à accompagner cent initiatives significatives d'habitants : les rendre visibles, les suivre et les transmettre.",
        "body": [
            paragraph(
                p(
                    "Chaque initiative repérée par un centre fera l'objet d'un article dans cette rubrique, puis d'un suivi "
                    "dans la durée. L'objectif : capitaliser, innover et permettre à d'autres de s'en inspirer."
                )
            ),
            heading("Comment proposer une initiative ?"),
            paragraph(
                p(
                    "Parlez-en à votre centre social ou à votre fédération départementale : ils vous aideront à la présenter."
                )
            ),
        ],
        "tags": ["projet fédéral", "initiatives"],
        "domains": ["initiatives-habitants", "pouvoir-d-agir"],
        "territories": ["france"],
        "audiences": ["habitants", "salaries"],
    },
    {
        "slug": "un-annuaire-pour-rendre-le-reseau-lisible",
        "title": "Un annuaire en ligne pour rendre le réseau lisible",
        "kind": "news",
        "days": -75,
        "author_name": "Fédération nationale Trait d'Union",
        "organisation": "federation-nationale-trait-d-union",
        "intro": "Fédérations, centres sociaux, espaces de vie sociale et associations membres sont désormais réunis dans un annuaire en ligne.",
        "body": [
            paragraph(
                p(
                    "Adresses, horaires, accessibilité, domaines d'action : chaque structure tient sa fiche à jour."
                )
            )
        ],
        "tags": ["annuaire", "réseau"],
        "domains": ["cooperation-entre-structures"],
        "territories": ["france"],
        "audiences": ["partenaires", "tout-public"],
    },
    {
        "slug": "nouvelle-offre-de-formations",
        "title": "Une nouvelle offre de formations pour les bénévoles, les salariés et les élus",
        "kind": "news",
        "days": -12,
        "author_name": "Fédération nationale Trait d'Union",
        "organisation": "federation-nationale-trait-d-union",
        "intro": "Qualité, leadership, collecte de fonds, nouveaux modèles de gestion, égalité : cinq capsules ouvrent leurs inscriptions.",
        "body": [
            paragraph(
                p(
                    "Les capsules sont courtes, concrètes et proposées en présentiel comme en ligne. Consultez la rubrique Formations."
                )
            )
        ],
        "tags": ["formation"],
        "domains": ["qualite", "leadership", "collecte-de-fonds"],
        "territories": ["france"],
        "audiences": ["benevoles", "salaries", "elus-locaux"],
    },
    {
        "slug": "retour-sur-participation-et-partenariats",
        "title": "Participation et partenariats à la loupe : retour sur notre demi-journée d'échanges",
        "kind": "forum_report",
        "forum": "participation-et-partenariats-a-la-loupe",
        "days": -90,
        "author_name": "Claire Dubreuil",
        "organisation": "federation-nationale-trait-d-union",
        "intro": "Dix-sept représentants de centres sociaux ont lu ensemble les données de l'observatoire. Voici les perspectives qu'ils en ont tirées.",
        "body": [
            paragraph(
                p(
                    "Organisée avec la Caf et l'union régionale, la rencontre a permis de croiser les chiffres de "
                    "l'observatoire avec l'expérience des équipes, autour de deux piliers du projet des centres : la "
                    "participation des habitants et l'animation des partenariats."
                )
            ),
            heading("Côté participation"),
            paragraph(
                ol(
                    "Se donner les moyens d'accompagner les projets d'habitants.",
                    "Se former, et former les équipes au sens premier de notre mission.",
                    "Élargir les espaces de participation, en inventant des formes ouvertes.",
                )
            ),
            heading("Côté partenariats"),
            paragraph(
                ol(
                    "Construire une relation d'égal à égal avec les financeurs.",
                    "Privilégier les conventions pluriannuelles et multi-partenariales.",
                    "Garder des marges pour innover et expérimenter ensemble.",
                )
            ),
            paragraph(p("Le compte rendu complet et les documents sont disponibles sur la page du forum.")),
        ],
        "tags": ["observatoire", "compte rendu"],
        "domains": ["participation-des-habitants", "partenariats"],
        "territories": ["charente"],
        "audiences": ["salaries", "directions", "partenaires"],
    },
]

# ---------------------------------------------------------------------------
# English translations of a few pages (the rest of the English site falls back
# to French content where it is not translated)
# ---------------------------------------------------------------------------

HOME_TRANSLATION = {"title": "Trait d'Union network of social centres"}

PRACTICES_INDEX_TRANSLATION = {
    "title": "Good practices",
    "slug": "good-practices",
    "intro": p(
        "A catalogue of experiences from the network, sorted by domain of action and by area: what, who, why, "
        "how, and the tools to take them up in your own organisation. Has your organisation done something that "
        "could inspire others? Share it!"
    ),
}


CATALOGUE_INTRO = (
    "<p>Cherchez parmi les bonnes pratiques, les structures, les forums, les formations, "
    "le parrainage, le projet fédéral et les actualités du réseau, puis affinez par domaine "
    "d'action, territoire, public ou année.</p>"
)
PRACTICES_CATALOGUE_INTRO = (
    "<p>Les bonnes pratiques proposées par les structures du réseau, à reprendre chez vous : "
    "filtrez par domaine d'action et par territoire.</p>"
)


# -- The network's home page: its welcome text (the other blocks need none) ------------
HOME_WELCOME = p(
    "Trait d'Union relie les centres sociaux et espaces de vie sociale de la région : ils partagent "
    "leurs bonnes pratiques, se forment ensemble et se retrouvent en forums.",
    "Votre structure a mené une action qui pourrait inspirer d'autres ? Proposez-la comme bonne pratique.",
)
HOME_WELCOME_EN = p(
    "Trait d'Union links the social centres and community spaces of the region: they share their good "
    "practices, train together and meet at forums.",
    "Has your organisation done something that could inspire others? Propose it as a good practice.",
)
