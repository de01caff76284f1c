"""TinyDB under the store: a reload forgets stale query results, id indexes and next doc ids."""

from __future__ import annotations

from tinydb import Query

from branchtui.storage.tinydb_backend import BranchDB


def _members(*names: str, start: int = 1) -> dict:
    return {
        "members": {str(i): {"id": f"m{i}", "name": n} for i, n in enumerate(names, start=start)}
    }


def test_reload_clears_query_cache_index_and_next_doc_id() -> None:
    db = BranchDB()
    db.reload(_members("张三"))
    table = db.records("members")
    zhang = Query().name == "张三"
    assert len(table.search(zhang)) == 1  # now cached by TinyDB
    table.add({"id": "new", "name": "李四"})  # next doc id is now remembered as 3

    # Another session wrote: two members, doc ids 1 and 5.
    db.reload({"members": {"1": {"id": "m1", "name": "张三"}, "5": {"id": "m5", "name": "张三"}}})
    assert len(table.search(zhang)) == 2
    assert table.find("new") is None and table.find("m5") == {"id": "m5", "name": "张三"}
    table.add({"id": "m6", "name": "王五"})
    assert sorted(db.data["members"], key=int) == ["1", "5", "6"]  # not 3: the next id was reset


def test_records_are_found_replaced_and_dropped_by_our_id() -> None:
    db = BranchDB()
    db.reload(_members("张三", "李四"))
    table = db.records("members")
    table.replace({"id": "m2", "name": "李四", "phone": "138"})
    assert table.find("m2") == {"id": "m2", "name": "李四", "phone": "138"}
    assert table.drop("m1") and not table.drop("m1")
    assert list(db.data["members"]) == ["2"]
    assert db.loaded.dirty
