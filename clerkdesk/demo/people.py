"""The demo council's people: fictional names, realistic shapes (domain.md §11)."""

from __future__ import annotations

from clerkdesk.domain.people import Person, PersonKind

# (title, forenames, surname, group, division). Fictional; any likeness is chance.
COUNCILLORS = [
    ("Councillor", "Simone", "Ashworth", "Conservative", "Abbey"),
    ("Councillor", "Daniel", "Barraclough", "Liberal Democrat", "Bourn"),
    ("Councillor", "Priya", "Chandran", "Labour", "Castle"),
    ("Councillor", "Geoffrey", "Dunmore", "Conservative", "Chatteris"),
    ("Councillor", "Helen", "Eastwood", "Independent", "Duxford"),
    ("Councillor", "Marcus", "Fairbairn", "Conservative", "Ely North"),
    ("Councillor", "Olu", "Adebayo", "Labour", "Arbury"),
    ("Councillor", "Rachel", "Greenslade", "Green", "Fulbourn"),
    ("Councillor", "Thomas", "Hargreaves", "Conservative", "Gamlingay"),
    ("Councillor", "Imogen", "Ives", "Liberal Democrat", "Hardwick"),
    ("Councillor", "Kwame", "Jessop", "Labour", "King's Hedges"),
    ("Councillor", "Lorna", "Kettleby", "Conservative", "Littleport"),
    ("Councillor", "Aidan", "Lockhart", "Liberal Democrat", "Linton"),
    ("Councillor", "Bethan", "Morcambe", "Conservative", "March North"),
    ("Councillor", "Cyril", "Nettleton", "Conservative", "March South"),
    ("Councillor", "Deborah", "Oakes", "Labour", "Newnham"),
    ("Councillor", "Edward", "Pemberton", "Conservative", "Ramsey"),
    ("Councillor", "Farah", "Qureshi", "Liberal Democrat", "Romsey"),
    ("Councillor", "Gordon", "Ravensworth", "Conservative", "Sawston"),
    ("Councillor", "Hannah", "Sturgeon", "Independent", "Soham North"),
    ("Councillor", "Ian", "Thistlewood", "Conservative", "Soham South"),
    ("Councillor", "Joanna", "Underhill", "Labour", "Petersfield"),
    ("Councillor", "Keith", "Vickery", "Conservative", "St Ives North"),
    ("Councillor", "Lucy", "Whitlock", "Liberal Democrat", "St Neots East"),
    ("Councillor", "Martin", "Yardley", "Conservative", "Whittlesey North"),
    ("Councillor", "Nadia", "Zielinski", "Green", "Trumpington"),
    ("Councillor", "Oliver", "Ambrose-Smith", "Conservative", "Yaxley"),
    ("Councillor", "Patricia", "Blythe", "Liberal Democrat", "Waterbeach"),
    ("Councillor", "Rupert", "Coldwell", "Conservative", "Wisbech East"),
    ("Councillor", "Sunita", "Dhillon", "Labour", "Chesterton"),
    ("Councillor", "Trevor", "Elsworth", "Conservative", "Wisbech West"),
    ("Councillor", "Ursula", "Fenwick", "Independent", "Woodditton"),
    ("Councillor", "Victor", "Goodliffe", "Liberal Democrat", "Papworth"),
    ("Councillor", "Wendy", "Holloway", "Conservative", "Huntingdon North"),
    ("Councillor", "Xavier", "Inglis", "Labour", "Queen Edith's"),
    ("Councillor", "Yvonne", "Jarrold", "Conservative", "Huntingdon West"),
    ("Councillor", "Zachary", "Kimber", "Liberal Democrat", "Cottenham"),
    ("Councillor", "Alison", "Lambourne", "Conservative", "Brampton"),
    ("Councillor", "Bernard", "Mottram", "Conservative", "Burwell"),
    ("Councillor", "Catherine", "Newbold", "Liberal Democrat", "Histon"),
    ("Councillor", "Dominic", "Orchard", "Labour", "Market"),
    ("Councillor", "Elaine", "Prentice", "Conservative", "Godmanchester"),
]

# (title, forenames, surname, represents-style note used by the demo memberships)
CO_OPTEES = [
    ("Revd", "Andrew", "Ridgeway"),  # Church of England diocesan
    ("Mr", "Paolo", "Rossetti"),  # Roman Catholic diocesan
    ("Mrs", "Polly", "Standish"),  # parent governor (primary)
    ("Mr", "Femi", "Okonjo"),  # parent governor (secondary)
    ("Mr", "Alistair", "Kingswood"),  # independent co-opted member (non-voting)
    ("Mrs", "Sameena", "Aziz-Malik"),  # Muslim community (non-voting)
    ("Parish Councillor", "Judith", "Goodhew"),  # rural parishes (non-voting)
    ("Parish Councillor", "June", "Bullimore"),  # named substitute for Goodhew
]

# (title, forenames, surname, post, telephone)
OFFICERS = [
    ("Ms", "Fiona", "McAllister", "Monitoring Officer", "01223 699000"),
    ("Mrs", "Richenda", "Greenhalgh", "Democratic Services Officer", "01223 699171"),
    ("Mr", "Jonathan", "Prest", "Democratic Services Officer", "01223 699172"),
    ("Ms", "Paulina", "Fordham", "Senior Democratic Services Officer", "01223 699173"),
    ("Mrs", "Wendy", "Ogden-Wells", "Executive Director, People and Communities", "01223 699200"),
    ("Ms", "Helena", "Carrick", "Head of Service – Children's Commissioning", "01223 699201"),
    ("Mr", "Martin", "Wadebridge", "Strategic Finance Business Partner", "01223 699202"),
    ("Mr", "Jon", "Llewellyn", "Service Director – Education", "01223 699203"),
    ("Ms", "Clare", "Buckland", "Strategic Education Place Planning Manager", "01223 699204"),
    ("Mr", "Oliver", "Hayling", "Service Director – Adults and Safeguarding", "01223 699205"),
    ("Ms", "Sarah", "Ferrand", "Assistant Director – Highways", "01223 699206"),
]


def _email(forenames: str, surname: str) -> str:
    local = f"{forenames}.{surname}".replace(" ", "").replace("'", "")
    return f"{local}@fenshire.gov.uk"


def demo_people() -> list[Person]:
    people = [
        Person(None, PersonKind.COUNCILLOR, forenames, surname, title,
               political_group=group, ward=division, email=_email(forenames, surname))
        for title, forenames, surname, group, division in COUNCILLORS
    ]
    people += [
        Person(None, PersonKind.CO_OPTEE, forenames, surname, title)
        for title, forenames, surname in CO_OPTEES
    ]
    people += [
        Person(None, PersonKind.OFFICER, forenames, surname, title, post=post,
               email=_email(forenames, surname), telephone=telephone)
        for title, forenames, surname, post, telephone in OFFICERS
    ]
    return people
