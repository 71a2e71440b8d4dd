"""Suggested data·inclusion mappings for the network's terms, by their names:
the thematiques of a domain of action, the publics of an audience
(``manage.py reseau_map_datainclusion --suggest``; the demo applies them).

A term matches a rule when one of the rule's words starts a word of one of its
names (every translation, folded: "Santé" and "sante" alike); a name equal to a
schema label matches that value. Terms an editor mapped are left alone unless
asked. Internal subjects of a federation (governance, employer duties,
fundraising...) get nothing: they are not services to the public."""

import re
import unicodedata
from collections import defaultdict

from ...taxonomy.datainclusion import ALL_PUBLICS, PUBLICS, THEMATIQUES

THEMATIQUE_RULES = (
    (("sante mentale", "mental health"), ["sante--sante-mentale"]),
    (("addiction",), ["sante--addictions"]),
    (("sante", "soins", "health"), ["sante--acces-aux-soins"]),
    (("acces aux droits", "droits", "rights"),
     ["difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits"]),
    (("ecoute et orientation", "aller vers", "outreach", "referral", "demarches"),
     ["difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"]),
    (("discrimination",),
     ["difficultes-administratives-ou-juridiques--connaitre-ses-droits-face-a-une-discrimination"]),
    (("inclusion numerique", "numerique", "digital"),
     ["numerique--maitriser-les-fondamentaux-du-numerique", "numerique--acceder-a-des-services-en-ligne"]),
    (("precarite energetique", "fuel poverty"), ["logement-hebergement--se-maintenir-dans-le-logement"]),
    (("logement", "habitat", "hebergement", "housing"),
     ["logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement"]),
    (("petite enfance", "garde d", "early childhood", "childcare"), ["famille--garde-denfants"]),
    (("parentalite", "famille", "familial", "scolarite", "parenting", "famil", "homework"),
     ["famille--soutien-a-la-parentalite-et-a-leducation"]),
    (("aidant", "carer"), ["famille--soutien-aidants"]),
    (("apprentissage du francais", "francais", "alphabetisation", "learning french", "literacy"),
     ["lecture-ecriture-calcul--maitriser-le-francais"]),
    (("alimentation", "food"), ["equipement-et-alimentation--alimentation"]),
    (("mobilite", "mobility"), ["mobilite--etre-accompagne-dans-son-parcours-mobilite"]),
    (("budget", "endettement", "surendettement", "debt"),
     ["difficultes-financieres--ameliorer-sa-gestion-budgetaire"]),
    (("insertion professionnelle", "recherche d emploi", "emploi", "employment", "jobseek"),
     ["trouver-un-emploi--repondre-a-des-offres-demploi"]),
    (("benevolat", "vie associative", "engagement", "citoyen", "participation", "pouvoir d agir",
      "initiatives", "volunteer", "citizen", "empowerment", "associative"),
     ["remobilisation--benevolat-action-citoyenne"]),
    (("lien social", "cohesion", "vivre ensemble", "jardins partages", "interculturalite", "intergeneration",
      "social ties", "community garden", "intercultural"),
     ["remobilisation--lien-social"]),
    (("culture", "sport", "loisir", "vacances", "sorties", "holiday", "leisure", "outing"),
     ["remobilisation--activites-sportives-et-culturelles"]),
    (("bien etre", "confiance en soi", "well being", "wellbeing"), ["remobilisation--bien-etre-confiance-en-soi"]),
)  # fmt: skip

PUBLIC_RULES = (
    (("tout public", "tous publics", "grand public", "habitants", "general public", "residents"), [ALL_PUBLICS]),
    (("jeune", "adolescent", "young", "youth", "teenager"), ["jeunes"]),
    (("famille", "parent", "enfant", "famil", "children"), ["familles"]),
    (("femme", "women"), ["femmes"]),
    (("senior", "personnes agees", "retraite", "older people", "elderly"), ["seniors"]),
    (("handicap", "disab"), ["personnes-en-situation-de-handicap"]),
    (("demandeurs d emploi", "chomeur", "jobseeker", "unemployed"), ["demandeurs-emploi"]),
    (("etudiant", "student"), ["etudiants"]),
    (("exile", "migrant", "refugie", "demandeurs d asile", "refugee", "asylum"), ["personnes-exilees"]),
    (("qpv", "quartiers prioritaires", "priority neighbourhood"), ["residents-qpv-frr"]),
    (("salarie", "actifs", "staff", "employee"), ["actifs"]),
)  # fmt: skip


def fold(text):
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(char for char in text if not unicodedata.combining(char)).lower()
    return " ".join(re.findall(r"[a-z0-9]+", text))


def _matches(text, words):
    return any(re.search(rf"(^| ){re.escape(fold(word))}", text) for word in words)


def suggest(names, rules, labels):
    """The values the rules (or an exact label) give for a term with these names, in rule order."""
    text = " | ".join(fold(name) for name in names)
    by_label = {fold(label): value for value, label in labels}
    values = [by_label[fold(name)] for name in names if fold(name) in by_label]
    for words, rule_values in rules:
        if _matches(text, words):
            values.extend(rule_values)
    values = list(dict.fromkeys(values))
    if ALL_PUBLICS in values and len(values) > 1:
        values = [ALL_PUBLICS]  # someone for everyone is for everyone
    return values


def _groups(model):
    """Terms of ``model`` by translation key (every language's version of one term)."""
    groups = defaultdict(list)
    for term in model.objects.select_related("locale").order_by("locale__language_code", "pk"):
        groups[term.translation_key].append(term)
    return groups.values()


def proposals(overwrite=False):
    """``(model, terms, field, current, suggested)`` for every term group whose
    suggestion differs from what it has (only unmapped ones unless ``overwrite``)."""
    from ...taxonomy.models import Audience, DomainOfAction

    kinds = (
        (DomainOfAction, "datainclusion_thematiques", THEMATIQUE_RULES, THEMATIQUES),
        (Audience, "datainclusion_publics", PUBLIC_RULES, PUBLICS),
    )
    for model, field, rules, labels in kinds:
        for terms in _groups(model):
            current = list(getattr(terms[0], field) or [])
            if current and not overwrite:
                continue
            suggested = suggest([term.name for term in terms], rules, labels)
            if suggested and suggested != current:
                yield model, terms, field, current, suggested


def apply(proposal):
    """Write one proposal on every translation of the term (a synchronised field)."""
    model, terms, field, _current, suggested = proposal
    model.objects.filter(translation_key=terms[0].translation_key).update(**{field: suggested})
