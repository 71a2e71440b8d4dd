"""France's official geography (regions, départements, communes of the Code
officiel géographique) loaded into the ``Territory`` vocabulary:
``sources`` reads the data, ``plan`` turns it into the wanted territories,
``loader`` brings the database in line with them (``reseau_load_geography``)."""
