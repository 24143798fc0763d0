# Russian typography (docs: ../shared/TERMINOLOGY.md): a non-breaking space before «г.» keeps the
# year and its abbreviation on one line, and a day takes the month in the genitive («20 апреля»,
# not Django's «20 Апрель»). Everything else comes from Django's Russian formats.
DATE_FORMAT = "j E Y\u00a0г."
DATETIME_FORMAT = "j E Y\u00a0г. G:i"
YEAR_MONTH_FORMAT = "F Y\u00a0г."
MONTH_DAY_FORMAT = "j E"
