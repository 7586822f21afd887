"""The agenda documents' files beside an exchange file: only those the documents name,
checked by their SHA-256 on export and on import, and never a half-done import."""

from __future__ import annotations

import json
import stat
from datetime import date

import pytest

from clerkdesk.domain.agenda import AgendaItem, ItemDocument
from clerkdesk.domain.meetings import london_datetime
from clerkdesk.errors import ClerkError
from clerkdesk.services.exchange_export import write_export
from clerkdesk.services.exchange_files import files_folder
from clerkdesk.services.exchange_import import (
    ImportProblems,
    import_document,
    parse_document,
    store_contents,
)
from clerkdesk.services.registry import Services
from clerkdesk.store.agenda_repo import AgendaRepository
from clerkdesk.store.files import FileStore


@pytest.fixture
def target(tmp_path):
    opened = Services.open(tmp_path / "target.sqlite", create=True)
    yield opened
    opened.close()


@pytest.fixture
def council(make, services):
    """An agenda item with a PDF and a Word document, and a stored file no document names."""
    meeting = make.meeting(make.committee(), london_datetime(date(2019, 7, 9), 14))
    repository = AgendaRepository(services.store.db)
    item_id = repository.insert_item(AgendaItem(None, meeting.id, "Budget"))
    files = FileStore.beside(services.store.path)
    files.add_bytes(b"a file left over from a deleted document", "pdf")
    for title, content, media in (("Report", b"%PDF report", "pdf"),
                                  ("Appendix", b"PK appendix", "docx")):
        repository.insert_document(ItemDocument(
            None, item_id, title, files.add_bytes(content, media), f"{title}.{media}", media,
            added_at=london_datetime(date(2019, 6, 28), 10)))
    return services


def names(folder) -> set[str]:
    return {path.name for path in folder.iterdir()}


def document_names(path) -> set[str]:
    document = json.loads(path.read_text(encoding="utf-8"))
    return {f"{d['sha256']}.{d['media']}" for d in document["item_documents"]}


def stored(services, document_id: int):
    document = AgendaRepository(services.store.db).get_document(document_id)
    path = FileStore.beside(services.store.path).path_for(document.sha256, document.media)
    path.chmod(stat.S_IRUSR | stat.S_IWUSR)  # the store keeps files read-only
    return path


def test_export_copies_exactly_the_files_the_documents_name(council, tmp_path):
    result = write_export(council, tmp_path / "export.json")
    assert result.files_folder == tmp_path / "export-files"
    assert names(result.files_folder) == document_names(tmp_path / "export.json")
    assert result.file_count == 2


def test_a_later_export_removes_files_no_longer_named_and_nothing_else(council, tmp_path):
    path = tmp_path / "export.json"
    write_export(council, path)
    (tmp_path / "export-files" / "README.txt").write_text("the clerk's own note")
    AgendaRepository(council.store.db).delete_document(1)
    write_export(council, path)
    assert names(tmp_path / "export-files") == document_names(path) | {"README.txt"}
    AgendaRepository(council.store.db).delete_document(2)
    write_export(council, path)
    assert names(tmp_path / "export-files") == {"README.txt"}
    (tmp_path / "export-files" / "README.txt").unlink()
    write_export(council, path)
    assert not (tmp_path / "export-files").exists()  # emptied by export: removed


def test_export_refuses_a_changed_stored_file_and_leaves_the_last_export(council, tmp_path):
    path = tmp_path / "export.json"
    write_export(council, path)
    before = path.read_bytes(), names(tmp_path / "export-files")
    stored(council, 2).write_bytes(b"PK edited in place")
    (tmp_path / "export-files" / next(iter(names(tmp_path / "export-files")))).unlink()
    with pytest.raises(ClerkError) as caught:
        write_export(council, path)
    assert f"$.item_documents[1] 'Appendix': the file {stored(council, 2)} has been changed" \
        in caught.value.message
    assert caught.value.message.startswith("Nothing was exported")
    assert path.read_bytes() == before[0]
    # The one good file put back by this export is taken out again: the folder is as it was.
    assert names(tmp_path / "export-files") < before[1]


def test_export_will_not_write_into_the_databases_own_store(council, tmp_path):
    # The database is council.sqlite: its documents are in council-files beside it.
    with pytest.raises(ClerkError, match=r"council-files beside council\.json is where "
                                         r"ClerkDesk keeps the documents of council\.sqlite"):
        write_export(council, council.store.path.with_name("council.json"))
    assert not council.store.path.with_name("council.json").exists()


def test_import_copies_the_files_into_the_new_database_store(council, target, tmp_path):
    write_export(council, tmp_path / "export.json")
    document = json.loads((tmp_path / "export.json").read_text(encoding="utf-8"))
    import_document(target, document, files=files_folder(tmp_path / "export.json"))
    store = FileStore.beside(target.store.path)
    assert {(d.sha256, d.media) for item in target.agenda.items(1) for d in item.documents} \
        == {tuple(name.split(".")) for name in document_names(tmp_path / "export.json")}
    assert all(store.verify(*name.split(".")) for name in document_names(
        tmp_path / "export.json"))


def test_a_document_without_its_folder_of_files_is_refused(council, target, tmp_path):
    write_export(council, tmp_path / "export.json")
    document = json.loads((tmp_path / "export.json").read_text(encoding="utf-8"))
    with pytest.raises(ImportProblems) as caught:
        import_document(target, document)
    report, appendix = (f"{d['sha256']}.{d['media']}" for d in document["item_documents"])
    assert caught.value.problems == [
        f"$.item_documents[0].sha256: the file {report} is missing (no folder of files came "
        "with it)",
        f"$.item_documents[1].sha256: the file {appendix} is missing (no folder of files came "
        "with it)",
    ]


def test_a_file_changed_after_the_check_undoes_the_import(council, target, tmp_path):
    path = tmp_path / "export.json"
    write_export(council, path)
    contents = parse_document(json.loads(path.read_text(encoding="utf-8")), "export.json",
                              files_folder(path))
    next(iter(contents.files.values())).write_bytes(b"changed while importing")
    with pytest.raises(ClerkError, match="changed while it was being imported"):
        store_contents(target, contents, "export.json")
    db = target.store.db
    assert db["item_documents"].count == 0 and db["meetings"].count == 0
