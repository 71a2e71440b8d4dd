"""Small synthetic official lists in Etalab's shape, for the geography tests
(no download: real codes for a few, made-up ones to reach thousands)."""

import copy
import json


def geography(communes_per_department=3, departments=("31", "59")):
    """Two regions, their départements and ``communes_per_department`` communes each
    (the first ones real: Toulouse, Colomiers...; then made-up ``Commune n``)."""
    regions = [
        {"code": "76", "nom": "Occitanie", "zone": "metro"},
        {"code": "32", "nom": "Hauts-de-France", "zone": "metro"},
        {"code": "975", "nom": "Saint-Pierre-et-Miquelon", "zone": "com"},
        {"code": "94", "nom": "Corse", "zone": "metro"},
    ]
    names = {"31": ("Haute-Garonne", "76"), "59": ("Nord", "32"), "09": ("Ariège", "76"), "2A": ("Corse-du-Sud", "94")}
    names.update({code: (f"Département {code}", "76") for code in departments if code not in names})
    departements = [{"code": code, "nom": names[code][0], "region": names[code][1]} for code in departments]
    departements.append({"code": "975", "nom": "Saint-Pierre-et-Miquelon", "region": "975", "zone": "com"})
    real = {
        "31": [
            ("31555", "Toulouse", ["31000", "31100", "31200", "31300", "31400", "31500"]),
            ("31149", "Colomiers", ["31770"]),
            ("31069", "Blagnac", ["31700"]),
        ],
        "59": [
            ("59350", "Lille", ["59000", "59160", "59260", "59777", "59800"]),
            ("59512", "Roubaix", ["59100"]),
            ("59599", "Tourcoing", ["59200"]),
        ],
        "09": [("09122", "Foix", ["09000"]), ("09225", "Pamiers", ["09100"])],
        "2A": [("2A004", "Ajaccio", ["20000", "20090"])],
    }
    communes = []
    for code in departments:
        region = names[code][1]
        known = real.get(code, [])
        for index in range(communes_per_department):
            if index < len(known):
                commune_code, name, postcodes = known[index]
            else:
                commune_code, name, postcodes = (
                    f"{code}{index + 500:03d}",
                    f"Commune {code} n°{index}",
                    [f"{code}{index % 90:03d}"],
                )
            communes.append(
                {
                    "code": commune_code,
                    "nom": name,
                    "type": "commune-actuelle",
                    "departement": code,
                    "region": region,
                    "codesPostaux": postcodes,
                }
            )
    communes.append(
        {
            "code": "97502",
            "nom": "Saint-Pierre",
            "type": "commune-actuelle",
            "departement": "975",
            "region": "975",
            "codesPostaux": ["97500"],
        }
    )
    return {"regions": regions, "departements": departements, "communes": communes}


def changed(data):
    """A next year's list: Toulouse renamed, Colomiers merged into Blagnac (a
    commune déléguée now), Roubaix's code changed, Tourcoing with a new postcode."""
    data = copy.deepcopy(data)
    communes = {row["code"]: row for row in data["communes"]}
    communes["31555"]["nom"] = "Toulouse-la-Rose"
    blagnac = communes["31069"]
    blagnac["nom"] = "Blagnac-Colomiers"
    blagnac["anciensCodes"] = ["31149"]
    del communes["31149"]
    roubaix = communes.pop("59512")
    roubaix["code"] = "59999"
    roubaix["anciensCodes"] = ["59512"]
    communes["59999"] = roubaix
    communes["59599"]["codesPostaux"] = ["59200", "59201"]
    data["communes"] = list(communes.values()) + [
        {
            "code": "31149",
            "nom": "Colomiers",
            "type": "commune-deleguee",
            "chefLieu": "31069",
            "departement": "31",
            "region": "76",
        },
    ]
    return data


def write(tmp_path, data, name="geography.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path
