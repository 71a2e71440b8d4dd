"""The default vocabulary of the network, as plain data.

``manage.py reseau_load_vocabulary`` loads it into the database; a federation
then edits, completes or translates the terms in the admin ("Network" menu).

Every term is a dict with:

* ``slug``: stable ASCII identifier, shared by every translation of the term and
  used in addresses and search filters. Never change a published slug.
* ``names``: the name of the term by language code (``fr`` and ``en``).
* ``descriptions`` (optional): a short explanation by language code.
* ``children`` (optional, trees only): the sub-terms, same shape.

Territories also carry ``kind`` (a ``Territory.Kind`` value) and ``code``;
organisation types carry ``code`` and ``datainclusion`` (whether the code comes
from the data·inclusion typology or is a local code of this package).

The data was drawn from the field: federal projects of social-centre
federations, catalogues of good practices, training offers. Plain data only:
no model imports here, so the module can be read by tests, documentation or
another loader without Django being set up.
"""

#: Language of the reference names; used when a site's language has no names here.
SOURCE_LANGUAGE = "fr"

#: Languages for which every term below has a name.
LANGUAGES = ("fr", "en")


def _term(slug, fr, en, children=None, description_fr="", description_en="", **extra):
    term = {"slug": slug, "names": {"fr": fr, "en": en}}
    if description_fr or description_en:
        term["descriptions"] = {"fr": description_fr, "en": description_en}
    if children:
        term["children"] = children
    term.update(extra)
    return term


# ---------------------------------------------------------------------------
# Domains of action (a tree: domain > sub-domain)
# ---------------------------------------------------------------------------

DOMAINS_OF_ACTION = [
    _term(
        "participation-des-habitants",
        "Participation des habitants",
        "Residents' participation",
        description_fr="Associer les habitants aux projets, aux décisions et à la vie des structures.",
        description_en="Involving residents in projects, decisions and the life of organisations.",
        children=[
            _term("conseils-citoyens", "Conseils citoyens", "Citizens' councils"),
            _term("initiatives-habitants", "Initiatives d'habitants", "Residents' initiatives"),
            _term("pouvoir-d-agir", "Développement du pouvoir d'agir", "Empowerment"),
            _term("diagnostic-participatif", "Diagnostics participatifs", "Participatory assessments"),
            _term("comites-d-usagers", "Comités d'usagers", "User committees"),
        ],
    ),
    _term(
        "gouvernance",
        "Gouvernance",
        "Governance",
        description_fr="Pilotage des projets sociaux, instances, engagement bénévole et vie associative.",
        description_en="Steering social projects, boards, volunteering and associative life.",
        children=[
            _term("vie-associative", "Vie associative", "Associative life"),
            _term("benevolat", "Bénévolat", "Volunteering"),
            _term(
                "gouvernance-partagee",
                "Gouvernance partagée et collégiale",
                "Shared and collegial governance",
            ),
            _term("fonction-employeur", "Fonction employeur", "Employer responsibilities"),
        ],
    ),
    _term(
        "impact-social",
        "Impact social",
        "Social impact",
        description_fr="Qualifier, documenter et rendre visibles les effets des actions sur un territoire.",
        description_en="Qualifying, documenting and showing the effects of actions on an area.",
        children=[
            _term("mesure-d-impact", "Mesure de l'impact social", "Social impact measurement"),
            _term("observation-sociale", "Observation sociale", "Social observatory"),
        ],
    ),
    _term(
        "fonction-accueil",
        "Fonction accueil",
        "Reception function",
        description_fr="Accueillir, écouter, orienter et accompagner les personnes.",
        description_en="Welcoming, listening to, referring and supporting people.",
        children=[
            _term("ecoute-et-orientation", "Écoute et orientation", "Listening and referral"),
            _term("aller-vers", "Aller vers", "Outreach"),
        ],
    ),
    _term(
        "egalite",
        "Égalité",
        "Equality",
        children=[
            _term(
                "egalite-femmes-hommes",
                "Égalité femmes-hommes et approche de genre",
                "Gender equality and gender mainstreaming",
            ),
            _term(
                "lutte-contre-les-discriminations",
                "Lutte contre les discriminations",
                "Fighting discrimination",
            ),
        ],
    ),
    _term(
        "innovation-sociale",
        "Innovation sociale",
        "Social innovation",
        children=[
            _term("experimentation", "Expérimentation", "Experimentation"),
        ],
    ),
    _term(
        "entrepreneuriat-social",
        "Entrepreneuriat social",
        "Social entrepreneurship",
        children=[
            _term(
                "economie-sociale-et-solidaire",
                "Économie sociale et solidaire",
                "Social and solidarity economy",
            ),
        ],
    ),
    _term(
        "accessibilite",
        "Accessibilité",
        "Accessibility",
        description_fr="Rendre les lieux, les activités et l'information accessibles à tous.",
        description_en="Making premises, activities and information accessible to all.",
        children=[
            _term("handicap", "Inclusion des personnes handicapées", "Inclusion of disabled people"),
            _term("facile-a-lire", "Facile à lire et à comprendre", "Easy to read and understand"),
        ],
    ),
    _term(
        "diversite-culturelle",
        "Diversité culturelle",
        "Cultural diversity",
        children=[
            _term("interculturalite", "Interculturalité", "Intercultural dialogue"),
            _term("apprentissage-du-francais", "Apprentissage du français", "Learning French"),
        ],
    ),
    _term(
        "logement",
        "Logement",
        "Housing",
        children=[
            _term("acces-au-logement", "Accès au logement", "Access to housing"),
            _term("precarite-energetique", "Précarité énergétique", "Fuel poverty"),
        ],
    ),
    _term(
        "sante",
        "Santé",
        "Health",
        children=[
            _term("prevention", "Prévention", "Prevention"),
            _term("acces-aux-droits", "Accès aux droits et aux soins", "Access to rights and care"),
            _term("sante-mentale", "Santé mentale", "Mental health"),
            _term(
                "prevention-perte-d-autonomie",
                "Prévention de la perte d'autonomie",
                "Preventing loss of independence",
            ),
        ],
    ),
    _term(
        "vacances-et-loisirs",
        "Vacances et loisirs",
        "Holidays and leisure",
        children=[
            _term("departs-en-vacances", "Départs en vacances", "Going on holiday"),
            _term("sorties-familiales", "Sorties familiales", "Family outings"),
        ],
    ),
    _term(
        "bien-etre-et-societe",
        "Bien-être et société",
        "Well-being and society",
        children=[
            _term("lien-social", "Lien social", "Social ties"),
            _term("cohesion-sociale", "Cohésion sociale", "Social cohesion"),
        ],
    ),
    _term(
        "collecte-de-fonds",
        "Collecte de fonds",
        "Fundraising",
        children=[
            _term("mecenat", "Mécénat et partenariats privés", "Corporate sponsorship"),
            _term("financement-participatif", "Financement participatif", "Crowdfunding"),
        ],
    ),
    _term(
        "leadership",
        "Leadership",
        "Leadership",
        children=[
            _term("animation-d-equipe", "Animation d'équipe", "Leading teams"),
        ],
    ),
    _term(
        "qualite",
        "Qualité",
        "Quality",
        children=[
            _term("evaluation", "Évaluation", "Evaluation"),
            _term("amelioration-continue", "Amélioration continue", "Continuous improvement"),
        ],
    ),
    _term(
        "nouveaux-modeles-de-gestion",
        "Nouveaux modèles de gestion",
        "New management models",
        children=[
            _term("modeles-socio-economiques", "Modèles socio-économiques", "Socio-economic models"),
            _term("mutualisation", "Mutualisation", "Pooling resources"),
        ],
    ),
    _term(
        "parentalite-et-famille",
        "Parentalité et famille",
        "Parenting and family",
        children=[
            _term("soutien-a-la-parentalite", "Soutien à la parentalité", "Parenting support"),
            _term("petite-enfance", "Petite enfance", "Early childhood"),
        ],
    ),
    _term(
        "jeunesse",
        "Jeunesse",
        "Youth",
        children=[
            _term("accompagnement-a-la-scolarite", "Accompagnement à la scolarité", "Homework support"),
            _term("engagement-des-jeunes", "Engagement des jeunes", "Youth engagement"),
        ],
    ),
    _term(
        "numerique",
        "Numérique",
        "Digital",
        children=[
            _term("inclusion-numerique", "Inclusion numérique", "Digital inclusion"),
            _term(
                "demarches-en-ligne",
                "Démarches administratives en ligne",
                "Online administrative procedures",
            ),
        ],
    ),
    _term(
        "transition-ecologique",
        "Transition écologique",
        "Ecological transition",
        children=[
            _term("alimentation-durable", "Alimentation durable", "Sustainable food"),
            _term("jardins-partages", "Jardins partagés", "Community gardens"),
            _term("mobilite", "Mobilité", "Mobility"),
        ],
    ),
    _term(
        "partenariats",
        "Partenariats",
        "Partnerships",
        children=[
            _term(
                "cooperation-entre-structures",
                "Coopération entre structures",
                "Cooperation between organisations",
            ),
            _term(
                "partenaires-financeurs",
                "Relations avec les partenaires financeurs",
                "Relations with funding partners",
            ),
            _term(
                "collectivites-locales",
                "Coopération avec les collectivités locales",
                "Cooperation with local authorities",
            ),
        ],
    ),
]


# ---------------------------------------------------------------------------
# Audiences
# ---------------------------------------------------------------------------

AUDIENCES = [
    _term("tout-public", "Tout public", "General public"),
    _term("habitants", "Habitants", "Residents"),
    _term("benevoles", "Bénévoles", "Volunteers"),
    _term("salaries", "Salariés", "Staff"),
    _term(
        "administrateurs",
        "Administrateurs et membres de conseil d'administration",
        "Board members",
    ),
    _term("directions", "Directions de structures", "Managers of organisations"),
    _term("elus-locaux", "Élus locaux", "Local elected officials"),
    _term("partenaires", "Partenaires", "Partners"),
    _term("travailleurs-sociaux", "Travailleurs sociaux", "Social workers"),
    _term("enfants", "Enfants", "Children"),
    _term("jeunes", "Jeunes", "Young people"),
    _term("familles", "Familles", "Families"),
    _term("femmes", "Femmes", "Women"),
    _term("seniors", "Seniors", "Older people"),
    _term(
        "personnes-en-situation-de-handicap",
        "Personnes en situation de handicap",
        "Disabled people",
    ),
]


# ---------------------------------------------------------------------------
# Organisation types (data·inclusion structure typology)
# ---------------------------------------------------------------------------
# Codes follow the data·inclusion "typologies de structures" referential
# (https://www.data.inclusion.beta.gouv.fr/). "FED" is NOT a data·inclusion
# code: it is local to this package, for federations and unions of the network
# (the closest data·inclusion codes would be ASSO or FAIS).

ORGANISATION_TYPES = [
    _term("centre-social", "Centre social", "Social centre", code="CS", datainclusion=True),
    _term(
        "centre-socioculturel",
        "Centre socioculturel",
        "Socio-cultural centre",
        code="CSC",
        datainclusion=True,
    ),
    _term(
        "espace-de-vie-sociale",
        "Espace de vie sociale",
        "Community life space",
        code="EVS",
        datainclusion=True,
    ),
    _term("association", "Association", "Association", code="ASSO", datainclusion=True),
    _term(
        "maison-des-jeunes-et-de-la-culture",
        "Maison des jeunes et de la culture",
        "Youth and culture centre (MJC)",
        code="MJC",
        datainclusion=True,
    ),
    _term("maison-de-quartier", "Maison de quartier", "Neighbourhood centre", code="MQ", datainclusion=True),
    _term(
        "centre-communal-d-action-sociale",
        "Centre communal d'action sociale",
        "Municipal social action centre (CCAS)",
        code="CCAS",
        datainclusion=True,
    ),
    _term(
        "centre-intercommunal-d-action-sociale",
        "Centre intercommunal d'action sociale",
        "Intermunicipal social action centre (CIAS)",
        code="CIAS",
        datainclusion=True,
    ),
    _term("municipalite", "Municipalité", "Municipality", code="MUNI", datainclusion=True),
    _term(
        "tiers-lieu",
        "Tiers-lieu et coworking",
        "Third place and coworking space",
        code="TIERS_LIEUX",
        datainclusion=True,
    ),
    _term(
        "caisse-d-allocations-familiales",
        "Caisse d'allocations familiales",
        "Family allowance fund (CAF)",
        code="CAF",
        datainclusion=True,
    ),
    _term(
        "federation",
        "Fédération ou union du réseau",
        "Federation or union of the network",
        code="FED",
        datainclusion=False,
        description_fr=(
            "Code local à wagtail-reseau, absent de la typologie data·inclusion : "
            "fédérations nationales, régionales et départementales du réseau."
        ),
        description_en=(
            "Local wagtail-reseau code, not part of the data·inclusion typology: "
            "national, regional and departmental federations of the network."
        ),
    ),
    _term("autre", "Autre", "Other", code="Autre", datainclusion=True),
]


# ---------------------------------------------------------------------------
# Territories: France and its regions (INSEE codes, 2016 regions)
# ---------------------------------------------------------------------------
# A country's code is its ISO 3166-1 code; regions carry their INSEE code
# (Code officiel géographique). Départements, intercommunalities and communes
# are added by each federation.


def _region(slug, fr, en, code):
    return _term(slug, fr, en, kind="region", code=code)


TERRITORIES = [
    _term(
        "france",
        "France",
        "France",
        kind="country",
        code="FR",
        children=[
            # The 13 metropolitan regions.
            _region("auvergne-rhone-alpes", "Auvergne-Rhône-Alpes", "Auvergne-Rhône-Alpes", "84"),
            _region("bourgogne-franche-comte", "Bourgogne-Franche-Comté", "Bourgogne-Franche-Comté", "27"),
            _region("bretagne", "Bretagne", "Brittany", "53"),
            _region("centre-val-de-loire", "Centre-Val de Loire", "Centre-Val de Loire", "24"),
            _region("corse", "Corse", "Corsica", "94"),
            _region("grand-est", "Grand Est", "Grand Est", "44"),
            _region("hauts-de-france", "Hauts-de-France", "Hauts-de-France", "32"),
            _region("ile-de-france", "Île-de-France", "Île-de-France", "11"),
            _region("normandie", "Normandie", "Normandy", "28"),
            _region("nouvelle-aquitaine", "Nouvelle-Aquitaine", "Nouvelle-Aquitaine", "75"),
            _region("occitanie", "Occitanie", "Occitania", "76"),
            _region("pays-de-la-loire", "Pays de la Loire", "Pays de la Loire", "52"),
            _region(
                "provence-alpes-cote-d-azur",
                "Provence-Alpes-Côte d'Azur",
                "Provence-Alpes-Côte d'Azur",
                "93",
            ),
            # The 5 overseas regions.
            _region("guadeloupe", "Guadeloupe", "Guadeloupe", "01"),
            _region("martinique", "Martinique", "Martinique", "02"),
            _region("guyane", "Guyane", "French Guiana", "03"),
            _region("la-reunion", "La Réunion", "Réunion", "04"),
            _region("mayotte", "Mayotte", "Mayotte", "06"),
        ],
    ),
]


#: Every default vocabulary, by the name used in ``WAGTAIL_RESEAU_VOCABULARIES``.
DEFAULT_VOCABULARY = {
    "domain": DOMAINS_OF_ACTION,
    "territory": TERRITORIES,
    "audience": AUDIENCES,
    "organisation_type": ORGANISATION_TYPES,
}


def walk(terms, parent_slug=None):
    """Yield ``(term, parent_slug)`` for a list of terms, parents before children."""
    for term in terms:
        yield term, parent_slug
        yield from walk(term.get("children", ()), term["slug"])


def name_for(term, language_code, key="names"):
    """The name (or description, with ``key="descriptions"``) of a term in a
    language, or ``None`` if the vocabulary has none. ``fr-ca`` falls back to ``fr``."""
    values = term.get(key, {})
    language_code = (language_code or "").lower()
    if language_code in values:
        return values[language_code]
    return values.get(language_code.split("-")[0].split("_")[0])
