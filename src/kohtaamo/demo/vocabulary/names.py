"""First and last names common in Finland, Finland-Swedish names, and names of
foreign guests who prefer English."""

from __future__ import annotations

FINNISH_WOMEN = (
    "Aino", "Anna", "Anne", "Anni", "Anu", "Eeva", "Eija", "Elina", "Ella", "Emilia",
    "Emma", "Hanna", "Heidi", "Helena", "Helmi", "Iida", "Jenna", "Johanna", "Julia",
    "Kaisa", "Katja", "Kirsi", "Laura", "Leena", "Liisa", "Maarit", "Maria", "Merja",
    "Mervi", "Milla", "Minna", "Noora", "Outi", "Paula", "Päivi", "Riikka", "Sanna",
    "Sari", "Satu", "Sofia", "Suvi", "Tiina", "Tuula", "Veera", "Venla", "Anna-Liisa",
    "Marja-Leena", "Aada", "Elli", "Kati",
)  # fmt: skip

FINNISH_MEN = (
    "Aki", "Aleksi", "Antti", "Ari", "Eero", "Eetu", "Eino", "Elias", "Esa", "Hannu",
    "Harri", "Heikki", "Ilkka", "Jani", "Jari", "Jarmo", "Joni", "Joonas", "Juha",
    "Juho", "Jukka", "Jussi", "Kalle", "Kari", "Lauri", "Leevi", "Markku", "Markus",
    "Matti", "Mikko", "Niko", "Olli", "Onni", "Oskari", "Pasi", "Pekka", "Pentti",
    "Petri", "Riku", "Sami", "Santeri", "Seppo", "Teemu", "Timo", "Toni", "Tuomas",
    "Veikko", "Ville", "Juha-Pekka", "Vesa",
)  # fmt: skip

FINNISH_SURNAMES = (
    "Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine",
    "Heikkinen", "Koskinen", "Järvinen", "Lehtonen", "Lehtinen", "Saarinen", "Salminen",
    "Heinonen", "Niemi", "Heikkilä", "Kinnunen", "Salonen", "Turunen", "Salo",
    "Laitinen", "Tuominen", "Rantanen", "Karjalainen", "Jokinen", "Mattila",
    "Savolainen", "Lahtinen", "Ahonen", "Hiltunen", "Leinonen", "Hirvonen", "Kallio",
    "Miettinen", "Pitkänen", "Aaltonen", "Manninen", "Hakala", "Anttila", "Väisänen",
    "Leppänen", "Koivisto", "Kokkonen", "Ojala", "Räsänen", "Peltonen", "Laaksonen",
    "Partanen", "Seppälä", "Kärkkäinen", "Vainio", "Lehto", "Kettunen", "Toivonen",
    "Huttunen", "Pesonen", "Rautio", "Ikonen", "Nurmi", "Halonen", "Kemppainen",
    "Tikkanen", "Honkanen", "Mustonen", "Pulkkinen", "Keränen", "Moilanen", "Niskanen",
    "Eskelinen", "Haapala", "Rissanen", "Oksanen", "Hyvönen", "Lappalainen", "Peltola",
)  # fmt: skip

SWEDISH_WOMEN = (
    "Annika", "Astrid", "Camilla", "Christina", "Ebba", "Elin", "Emelie", "Ida",
    "Ingrid", "Johanna", "Linnea", "Maria", "Matilda", "Saga", "Sara", "Stina",
    "Ulrika", "Wilma", "Jessica", "Malin",
)  # fmt: skip

SWEDISH_MEN = (
    "Anders", "Axel", "Björn", "Christian", "Erik", "Fredrik", "Gustav", "Henrik",
    "Jesper", "Johan", "Jonas", "Kim", "Lars", "Magnus", "Mats", "Mikael", "Niklas",
    "Oskar", "Patrik", "Rasmus", "Stefan", "Tobias", "Viktor", "Max",
)  # fmt: skip

SWEDISH_SURNAMES = (
    "Lindholm", "Lindqvist", "Sjöberg", "Nyström", "Holmström", "Forsman", "Granström",
    "Backman", "Blomqvist", "Björklund", "Eriksson", "Johansson", "Karlsson", "Lindberg",
    "Lundqvist", "Nordström", "Sundström", "Wikström", "Grönroos", "Westerlund", "Åberg",
    "Ekholm", "Holmberg", "Sandberg", "Strandberg", "Fagerström", "Enqvist", "Öhman",
    "Söderholm", "Wahlroos",
)  # fmt: skip

INTERNATIONAL_FIRST = (
    "Emily", "Olivia", "Sophie", "Charlotte", "Hannah", "Lucy", "Sarah", "Chloe",
    "Elena", "Camille", "Yuki", "Aisha", "James", "Thomas", "Daniel", "Michael",
    "David", "Oliver", "Lukas", "Hiroshi", "Marco", "Pierre", "Ben", "Mark", "Raj",
    "Mateo", "Jan", "Sven", "Liam", "Noah",
)  # fmt: skip

INTERNATIONAL_SURNAMES = (
    "Smith", "Johnson", "Brown", "Taylor", "Wilson", "Clarke", "Evans", "Walker",
    "Wright", "Hughes", "Müller", "Schmidt", "Wagner", "Becker", "Rossi", "Bianchi",
    "Dubois", "Martin", "Tanaka", "Sato", "García", "Fernández", "Kowalski", "Nowak",
    "Patel", "O'Brien", "Murphy", "Jansen", "de Vries", "Novak",
)  # fmt: skip

# Domains reserved for examples (RFC 2606): believable, and never deliverable.
CUSTOMER_EMAIL_DOMAINS = (
    "posti.example",
    "sahkoposti.example",
    "kotiposti.example",
    "example.com",
    "example.net",
    "example.org",
)

FINNISH_MOBILE_PREFIXES = ("40", "41", "44", "45", "46", "50")
