"""Open data: the directory as data·inclusion structures and services (schema
v1, JSON and CSV) and as Open Referral HSDS organizations (JSON); a quality
score per structure. Only live, public pages leave the site. See docs/opendata.md."""
