"""The council profile row and the municipal-year start dates."""

from __future__ import annotations

import json
from datetime import date

from sqlite_utils import Database

from clerkdesk.domain.council import CouncilProfile, StandardParagraphs


class CouncilRepository:
    def __init__(self, db: Database):
        self.db = db

    def get(self) -> CouncilProfile | None:
        rows = list(self.db["council"].rows_where("id = 1"))
        if not rows:
            return None
        data = rows[0]
        return CouncilProfile(
            name=data["name"],
            address=data["address"],
            website=data["website"],
            service_name=data["service_name"],
            monitoring_officer_name=data["monitoring_officer_name"],
            monitoring_officer_title=data["monitoring_officer_title"],
            paragraphs=StandardParagraphs(
                filming=data["filming"],
                public_speaking=data["public_speaking"],
                car_parking=data["car_parking"],
                access_contact=data["access_contact"],
            ),
            jurisdiction=data["jurisdiction"],
            deadline_rules=json.loads(data["deadline_rules"] or "{}"),
            municipal_year_starts=self.year_starts(),
            document_style=data["document_style"],
            declarations_guidance=data["declarations_guidance"],
        )

    def save(self, council: CouncilProfile) -> None:
        self.db["council"].upsert(
            {
                "id": 1,
                "name": council.name,
                "address": council.address,
                "website": council.website,
                "service_name": council.service_name,
                "monitoring_officer_name": council.monitoring_officer_name,
                "monitoring_officer_title": council.monitoring_officer_title,
                "filming": council.paragraphs.filming,
                "public_speaking": council.paragraphs.public_speaking,
                "car_parking": council.paragraphs.car_parking,
                "access_contact": council.paragraphs.access_contact,
                "jurisdiction": council.jurisdiction,
                "deadline_rules": json.dumps(council.deadline_rules, sort_keys=True),
                "document_style": council.document_style,
                "declarations_guidance": council.declarations_guidance,
            },
            pk="id",
        )
        self.db.execute("DELETE FROM municipal_years")
        for start in sorted(set(council.municipal_year_starts)):
            self.db["municipal_years"].insert({"start": start.isoformat()})

    def year_starts(self) -> tuple[date, ...]:
        rows = self.db.execute("SELECT start FROM municipal_years ORDER BY start").fetchall()
        return tuple(date.fromisoformat(row[0]) for row in rows)
