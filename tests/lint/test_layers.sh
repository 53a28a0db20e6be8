# test_layers.sh — the layers as docs/ARCHITECTURE.md draws them: includes only point down, no SQL text or
# database call in the faces (src/web, src/api, src/cli), and SQLite's dialect only in the SQLite backend (files
# whose names contain "sqlite"). Read from the source, so a new file is checked the day it is added.
cd "$(dirname "$0")/../.." || exit 1
PASS=0
FAIL=0
ok() { PASS=$((PASS + 1)); echo "ok   $1"; }
not_ok() { FAIL=$((FAIL + 1)); echo "FAIL $1"; }
# none NAME PATTERN DIR...: passes when no line of the C files under DIR matches the extended regex PATTERN
none() {
	_name=$1 _pat=$2
	shift 2
	_hits=$(grep -rnE --include='*.c' --include='*.h' "$_pat" "$@")
	if [ -z "$_hits" ]; then ok "$_name"; else not_ok "$_name"; echo "$_hits" | head -20; fi
}

none "platform knows nothing of Tandem (includes no layer above it)" \
	'#include "(model|domain|app|api|web|server|cli)/' src/platform
none "the model includes no domain, app or face" '#include "(domain|app|api|web|server|cli)/' src/model
none "the domain includes no app or face" '#include "(app|api|web|server|cli)/' src/domain
none "app includes no face and not the composition root (the app ↔ web cycle is gone)" \
	'#include "(api|web|server|cli)/' src/app
none "api and web include neither each other nor the composition root" '#include "(web|server|cli)/' src/api
none "web includes neither api nor the composition root" '#include "(api|server|cli)/' src/web
none "no SQL text in the faces" '"[^"]*\b(SELECT|INSERT INTO|UPDATE [a-z_]+ SET|DELETE FROM|PRAGMA|CREATE TABLE)\b' \
	src/web src/api src/cli
none "no database statement in the faces (they call the model)" \
	'\bdb_(q|run|int|prepare|step|col_[a-z]+|exec|last_id|changes)\(' src/web src/api src/cli

none "no named statement run in the faces either" '\bquery_(q|run|int|sql)\(' src/web src/api src/cli

# literals FILE...: the string literals of each line (comments and character constants left out) as FILE:LINE: text
literals() {
	awk 'FNR == 1 { cmt = 0 }
	{
		out = ""; s = $0; n = length(s); str = 0
		for (i = 1; i <= n; i++) {
			c = substr(s, i, 1)
			if (cmt) {
				if (c == "*" && substr(s, i + 1, 1) == "/") { cmt = 0; i++ }
			} else if (str) {
				if (c == "\\") { out = out substr(s, i, 2); i++ }
				else if (c == "\"") { str = 0; out = out " " }
				else out = out c
			} else if (c == "\"") str = 1
			else if (c == "\047") {
				for (i++; i <= n && substr(s, i, 1) != "\047"; i++) if (substr(s, i, 1) == "\\") i++
			} else if (c == "/" && substr(s, i + 1, 1) == "*") { cmt = 1; i++ }
			else if (c == "/" && substr(s, i + 1, 1) == "/") break
		}
		if (out != "") print FILENAME ":" FNR ": " out
	}' "$@"
}
# The SQLite backend is the files whose names contain "sqlite" (src/platform/db_sqlite*.c, src/model/*_sqlite.c);
# every other file asks db.h for the dialect (db_sql_*, db_fts_word, db_bulk) or runs a named statement
# (model/queries.h). Checked in the string literals only: C code may say json_object() (Jansson) or date().
PORTABLE_LITERALS=$(literals $(find src -name '*.[ch]' ! -name '*sqlite*' | sort))
# dialect NAME PATTERN [EXCEPT]: passes when no string literal outside the backend matches the extended regex
# PATTERN (lines matching EXCEPT, an extended regex over FILE:LINE: text, are let through)
dialect() {
	_hits=$(echo "$PORTABLE_LITERALS" | grep -E "$2" | grep -vE "${3:-^$}")
	if [ -z "$_hits" ]; then ok "$1"; else not_ok "$1"; echo "$_hits" | head -20; fi
}
dialect "full-text search (FTS5 MATCH, bm25, snippet, rank, rowid, the *_fts tables) only in the SQLite backend" \
	'\bMATCH\b|\bbm25\(|\bsnippet\(|\bhighlight\(|\brank\b|\browid\b|\b(FROM|JOIN|INTO|UPDATE) +[a-z_]*_fts\b'
dialect "SQLite's JSON functions (json_each, json_group_array, json_object, json_extract …) only in the backend" \
	'\bjson_[a-z_]+\(|\bjson\('
dialect "upserts (INSERT OR …, ON CONFLICT, REPLACE INTO) only in the SQLite backend" \
	'\bINSERT +OR\b|\bON +CONFLICT\b|\bREPLACE +INTO\b|\bexcluded\.'
dialect "COLLATE (NOCASE) only in the SQLite backend (db_sql_order_nocase)" '\bCOLLATE\b'
dialect "numbered parameters (?1, ?NNN) only in the SQLite backend: plain ? elsewhere" '\?[0-9]|\?%[0-9]*l*[di]'
# migrate.c keeps its one look at sqlite_master until the migrations move to migrations/sqlite/ with it
dialect "PRAGMA, sqlite_master, pragma_table_info only in the SQLite backend" \
	'\bPRAGMA\b|\bpragma_[a-z_]+\(|\bsqlite_[a-z_]+' '^src/platform/migrate\.c:[0-9]+: SELECT count\(\*\) FROM sqlite_master'
dialect "SQLite's date and string functions (date(), strftime(), char(), substr(?, …)) only in the backend" \
	'\b(date|time|datetime|julianday|strftime|unixepoch)\(|\bsubstr\(\?|\bchar\('
dialect "other SQLite-only SQL (two-argument max/min, LIKE, GLOB, ifnull, iif, instr, printf, LIMIT -1 …) only in the backend" \
	'\b(max|min)\([^(),]*,|\bLIKE\b|\bGLOB\b|\b(ifnull|iif|instr|printf|total|group_concat|typeof|last_insert_rowid|changes)\(|\bLIMIT +-'

# A newcomer finds every source file in docs/ARCHITECTURE.md's tables, with what it is for.
_undocumented=$(for f in $(find src -name '*.c' | sort); do
	_b=$(basename "$f" .c)
	grep -q "\`$_b[.\`/]" docs/ARCHITECTURE.md || echo "$f"
done)
if [ -z "$_undocumented" ]; then ok "every source file is named in docs/ARCHITECTURE.md"; else
	not_ok "every source file is named in docs/ARCHITECTURE.md"
	echo "$_undocumented"
fi

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
