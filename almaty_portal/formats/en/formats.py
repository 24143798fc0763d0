# UN usage: "17 November 2016", not the American "Nov. 17, 2016".
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d/m/Y"
