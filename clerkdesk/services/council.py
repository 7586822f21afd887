"""The council profile and its municipal years."""

from __future__ import annotations

from pathlib import Path

from clerkdesk.documents.styles import copy_style_for_editing
from clerkdesk.domain.council import CouncilProfile
from clerkdesk.errors import ClerkError
from clerkdesk.services.base import Service
from clerkdesk.store.council_repo import CouncilRepository
from clerkdesk.store.files import FileStore


class CouncilService(Service):
    """The council profile, and the folder of its own edited templates.

    The folder lives with the database's documents (``<db name>-files/templates``), so a
    council's edited front sheets and standard wording travel with its data.
    """

    def __init__(self, store):
        super().__init__(store)
        self.repo = CouncilRepository(self.db)

    def get(self) -> CouncilProfile:
        council = self.repo.get()
        if council is None:
            raise ClerkError(
                "This database has no council profile yet: open Council settings and enter "
                "the council's name."
            )
        return council

    def get_or_none(self) -> CouncilProfile | None:
        return self.repo.get()

    def save(self, council: CouncilProfile) -> CouncilProfile:
        council.validate()
        with self._change("save", "council") as record:
            self.repo.save(council)
            record(1, council.name)
        return self.get()

    def template_folder(self) -> Path:
        return FileStore.beside(self.store.path).root / "templates"

    def template_override(self) -> Path | None:
        """The council's template folder when it has one, for the renderers to try first."""
        folder = self.template_folder()
        return folder if folder.is_dir() else None

    def copy_templates_for_editing(self, style: str | None = None) -> list[Path]:
        """Copy the shipped templates of the council's style into its own folder."""
        style = style or self.get().document_style
        copies = copy_style_for_editing(style, self.template_folder())
        with self._change("copy templates", "council") as record:
            record(1, f"{style} templates copied to {self.template_folder()}")
        return copies
