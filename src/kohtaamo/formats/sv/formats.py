# Django's Swedish formats are Sweden's (2026-11-23); Kohtaamo's Swedish
# readers are Finland-Swedish and write dates the Finnish way (23.11.2026).
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y \\k\\l. H.i"
TIME_FORMAT = "H.i"
SHORT_DATE_FORMAT = "j.n.Y"
SHORT_DATETIME_FORMAT = "j.n.Y H.i"
MONTH_DAY_FORMAT = "j F"
FIRST_DAY_OF_WEEK = 1  # Monday
