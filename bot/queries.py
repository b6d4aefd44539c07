"""Named queries from ``queries/*.sql``, each passed once through one sqlglot gate.

A query file starts with a comment header::

    -- title: Figure in context
    -- answers: what it answers
    -- params: indicator (indicators.id), area (areas.id)

The gate accepts exactly one read-only SELECT over known tables, with no table functions, calling only
known functions (an allow-list), whose columns all resolve against the database schema. Values reach the SQL only as bound ``$name``
parameters; user words never become SQL text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # sqlglot is imported when a query is gated, not when a gated query is only read back
    from sqlglot import exp

FORBIDDEN_NODES = ("Insert", "Update", "Delete", "Create", "Drop", "Alter", "Merge", "Command", "Copy", "Pragma",
                   "Set", "Use", "Attach", "Detach", "Transaction", "Commit", "Rollback", "Into", "LoadData",
                   "Export", "Install", "Describe", "Summarize", "Grant", "TruncateTable", "Cache", "Uncache",
                   "Refresh")


@lru_cache(maxsize=1)
def _forbidden() -> tuple:
    from sqlglot import exp

    return tuple(getattr(exp, name) for name in FORBIDDEN_NODES if hasattr(exp, name))
# The functions a query may call, by sqlglot's name for them: pure arithmetic, text, aggregates and
# windows. Anything else (read_ndjson_objects, parquet_schema, which_secret, a new DuckDB function that
# reaches files or settings) is refused by default: the gate allows known functions, it does not deny
# known-bad ones.
ALLOWED_FUNCTIONS = frozenset({
    "and", "or", "xor", "case", "if", "coalesce", "nullif", "cast", "try_cast", "greatest", "least",
    "abs", "round", "floor", "ceil", "sign", "power", "sqrt", "ln", "exp", "mod",
    "lower", "upper", "trim", "length", "concat", "concat_ws", "replace", "substring", "starts_with",
    "regexp_like", "split", "array_contains", "explode",
    "count", "sum", "avg", "min", "max", "any_value", "logical_or", "logical_and", "group_concat", "array_agg",
    "row_number", "rank", "dense_rank", "lag", "lead", "first_value", "last_value",
    "extract", "time_to_str", "timestamp_trunc",
})
HEADER = re.compile(r"^--\s*(title|answers|params):\s*(.*)$")


class QueryRejected(ValueError):
    """A SQL text that does not pass the gate; the message says why."""


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    answers: str
    params: tuple[str, ...]
    sql: str


def gate(sql: str, schema: dict[str, dict[str, str]]) -> exp.Query:
    """Refuse anything but one read-only SELECT over the schema's tables; return the parsed query.

    >>> gate("SELECT id FROM areas", {"areas": {"id": "VARCHAR"}}).sql()
    'SELECT id FROM areas'
    """
    import sqlglot
    from sqlglot import exp
    from sqlglot.errors import SqlglotError
    from sqlglot.optimizer.qualify import qualify

    FORBIDDEN = _forbidden()
    try:
        statements = [s for s in sqlglot.parse(sql, read="duckdb") if s is not None]
    except SqlglotError as exc:
        raise QueryRejected(f"does not parse: {str(exc).splitlines()[0]}") from None
    if len(statements) != 1:
        raise QueryRejected(f"{len(statements)} statements: exactly one is allowed")
    tree = statements[0]
    if not isinstance(tree, exp.Query):
        raise QueryRejected(f"a {type(tree).__name__} statement: only SELECT queries are allowed")
    for node in tree.walk():
        if isinstance(node, FORBIDDEN):
            raise QueryRejected(f"contains {type(node).__name__}: only reading is allowed")
        if isinstance(node, exp.Func):
            name = (node.name if isinstance(node, exp.Anonymous) else node.sql_name()).lower()
            if name not in ALLOWED_FUNCTIONS:
                raise QueryRejected(f"calls {name}(): only the functions in queries.ALLOWED_FUNCTIONS are allowed "
                                    "(nothing that reaches files, settings or other databases)")
    ctes = {cte.alias_or_name for cte in tree.find_all(exp.CTE)}
    for table in tree.find_all(exp.Table):
        if not table.name or isinstance(table.this, (exp.Func, exp.Anonymous)) or table.args.get("db"):
            raise QueryRejected(f"reads '{table.sql(dialect='duckdb')}': only the bot's own tables are allowed")
        if table.name not in ctes and table.name not in schema:
            raise QueryRejected(f"reads unknown table '{table.name}'")
    try:
        qualify(tree.copy(), schema=schema, dialect="duckdb", validate_qualify_columns=True,
                quote_identifiers=False)
    except SqlglotError as exc:
        raise QueryRejected(f"does not resolve against the schema: {str(exc).splitlines()[0]}") from None
    return tree


def parse_header(text: str, name: str) -> tuple[str, str, tuple[str, ...]]:
    fields = {}
    for line in text.splitlines():
        match = HEADER.match(line.strip())
        if match:
            fields[match.group(1)] = match.group(2).strip()
        elif line.strip() and not line.strip().startswith("--"):
            break
    missing = [f for f in ("title", "answers", "params") if f not in fields]
    if missing:
        raise QueryRejected(f"{name}.sql: the comment header lacks '{missing[0]}:'")
    # "indicator (indicators.id), until (a date, YYYY-MM-DD)": the names outside the parentheses
    params = () if fields["params"].lower() == "none" else tuple(
        re.findall(r"(\w+)\s*(?:\([^)]*\))?\s*(?:,|$)", fields["params"]))
    return fields["title"], fields["answers"], params


def load_queries(directory: Path, schema: dict[str, dict[str, str]]) -> dict[str, NamedQuery]:
    """Load and gate every query file once; raise QueryRejected naming the file at fault."""
    from sqlglot import exp

    queries = {}
    for path in sorted(Path(directory).glob("*.sql")):
        text = path.read_text(encoding="utf-8")
        title, answers, params = parse_header(text, path.stem)
        try:
            tree = gate(text, schema)
        except QueryRejected as exc:
            raise QueryRejected(f"{path.name}: {exc}") from None
        used = {p.name for p in tree.find_all(exp.Placeholder)} | {
            p.name for p in tree.find_all(exp.Parameter)}
        if used != set(params):
            raise QueryRejected(f"{path.name}: uses parameters {sorted(used)} but its header lists {sorted(params)}")
        queries[path.stem] = NamedQuery(path.stem, title, answers, params, text)
    return queries


def schema_of(con) -> dict[str, dict[str, str]]:
    """The database's tables and columns, as sqlglot's qualify step wants them."""
    schema: dict[str, dict[str, str]] = {}
    for table, column, dtype in con.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = 'main' ORDER BY table_name, ordinal_position").fetchall():
        schema.setdefault(table, {})[column] = dtype
    return schema
