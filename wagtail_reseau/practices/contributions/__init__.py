"""What members send in about practices: proposals of new practices (a public
form that becomes a draft page in the moderation workflow) and the reuse log
("We did it too"). Personal data: a sub-app with its own label,
``reseau_contributions``, and its own migrations."""
