"""Referral files written by hand, in shapes the generator (generate.py) does not make: other
column orders, extra columns, headers in other cases and spacing, Windows-1252 text, Excel
dates as serial numbers and as dd/mm/yyyy text, blank trailing rows. Synthetic people only."""

from __future__ import annotations

# Columns reordered, one extra column ("Officer collar no"), headers in capitals and with stray
# spaces and underscores, a BOM, a blank row in the middle and two at the end.
POLICE_REORDERED = (
    "\ufeffSURNAME ,  forename,Crime_Reference,Officer collar no,DATE REFERRED,date of birth,"
    "Contact  Method,Risk,Postcode\r\n"
    "Example,Alex,LP/261206/0001,PC1234,06/12/2026 09:15,17/05/1990,Mobile Telephone,High,LE1 1AA\r\n"
    "Sample,Jo,LP/261206/0002,PC4321,06/12/2026 10:40,01/02/1985,post,standard,LE11 2BB\r\n"
    ",,,,,,,,\r\n"
    "Test,Sam,LP/261206/0003,PC9999,06/12/2026 11:05,03/03/1970,SMS text,Medium,LE10 3CC\r\n"
    ",,,,,,,,\r\n"
    "\r\n"
).encode("utf-8")

# Windows-1252: accented names and a pound sign in the offence, as Excel saves "CSV" in the UK.
POLICE_CP1252 = (
    "Crime reference,Date referred,Forename,Surname,Date of birth,Contact method,Offence\r\n"
    "LP/261205/0101,05/12/2026 14:00,Zoë,Ó Súilleabháin,12/12/1988,Email,Fraud (£250 taken)\r\n"
    "LP/261205/0102,05/12/2026 15:30,José,Müller-Lüdenscheidt,30/06/1975,Home Telephone,Theft\r\n"
).encode("cp1252")

# One bad row among good ones: an unknown contact method, a future date, a blank surname, a
# duplicated crime reference with different details, and an exact repeat of a row.
POLICE_SOME_BAD = (
    b"Crime reference,Date referred,Forename,Surname,Date of birth,Contact method\n"
    b"LP/1,06/12/2026 09:00,Alex,Example,17/05/1990,Mobile Telephone\n"  # row 2: good
    b"LP/2,06/12/2026 09:00,Jo,Sample,01/02/1985,Carrier pigeon\n"  # row 3: method
    b"LP/3,06/12/2027 09:00,Sam,Test,03/03/1970,Email\n"  # row 4: future
    b"LP/4,06/12/2026 09:00,Kim,,03/03/1970,Email\n"  # row 5: blank surname
    b"LP/1,06/12/2026 09:00,Alex,Other,17/05/1990,Post\n"  # row 6: LP/1 differs
    b"LP/5,06/12/2026 09:30,Lee,Person,04/04/1964,Post\n"  # row 7: good
    b"LP/5,06/12/2026 09:30,Lee,Person,04/04/1964,Post\n"  # row 8: exact repeat of row 7
    b"LP/6,31/02/2026 09:00,Ash,Person,04/04/1964,Post\n"  # row 9: no 31 February
)

# No "Contact method" column: the file is refused naming it.
POLICE_NO_METHOD = (
    b"Crime reference,Date referred,Forename,Surname\nLP/9,06/12/2026 09:00,Alex,Example\n"
)

SENTINEL = (
    b"Case ID,Referred on,First name,Surname,Victim DOB,Postcode,Council,Preferred contact,"
    b"Consent,Referrer,Incident type\n"
    b"SEN-0001,04/12/2026,Robin,Example,1979-08-09,LE15 6AA,Rutland,Home visit,Y,PC Smith,Noise\n"
    b"SEN-0002,05/12/2026 16:45,Chris,Sample,1991-01-31,LE4 7BB,Leicester,Text,yes,PC Jones,Threats\n"
)
