#!/bin/sh
# test_backup.sh — `tandem backup` takes a consistent copy while the server is written to (every insight acknowledged
# before the backup started is in it, the copy passes the integrity checks) and refuses an existing file unless
# --force; `tandem restore` checks integrity and schema before replacing (a corrupt file, a file that is not a
# workspace, a newer schema: refused, the workspace unchanged) and brings back exactly what was backed up.
. "$(dirname "$0")/lib.sh"
make_demo
J="Content-Type: application/json"
PM="Authorization: Bearer $(token pm)"
count() { sqlite3 "$1" "SELECT (SELECT count(*) FROM insights) || ' ' || (SELECT count(*) FROM features) || ' ' ||
	(SELECT count(*) FROM audit) || ' ' || (SELECT count(*) FROM users)"; }

# --- a backup while four writers write through the API
start_server 20700
: > "$TMP/acked"
writer() {
	i=0
	while [ ! -f "$TMP/stop" ]; do
		i=$((i + 1))
		id=$(curl -s -X POST -H "$J" -H "$PM" -d "{\"text\":\"Backup load $1-$i: exports must finish before the board meets\",\"source\":\"interview\"}" \
			"$BASE/api/v1/insights" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{const j=JSON.parse(s);if(j.id)console.log(j.id)}catch(e){}})')
		[ -n "$id" ] && echo "$id" >> "$TMP/acked.$1"
	done
}
for w in 1 2 3 4; do writer "$w" & done
sleep 2
cat "$TMP"/acked.* > "$TMP/acked-before"
"$TANDEM" backup "$TMP/copy.db" --db "$DB" > "$TMP/out" 2> "$TMP/err"
expect "tandem backup under a write load: exit 0" 0 "$?"
sleep 1
touch "$TMP/stop"
wait_writers() { for _ in $(seq 50); do [ "$(jobs -p | wc -l)" -le 1 ] && return; sleep 0.1; done; }
wait_writers
check "... it says what it wrote and that it was checked" grep -q "^Backed up .* to .*copy.db (schema [0-9]*, .* MB, integrity checked)" "$TMP/out"
check "... the writers had written while it ran" test "$(wc -l < "$TMP/acked-before")" -ge 5
missing=0
for id in $(cat "$TMP/acked-before"); do
	[ "$(sqlite3 "$TMP/copy.db" "SELECT count(*) FROM insights WHERE id = $id")" = 1 ] || missing=$((missing + 1))
done
expect "... every insight acknowledged before the backup started is in the copy ($(wc -l < "$TMP/acked-before") of them)" 0 "$missing"
expect "... the copy passes SQLite's integrity check" ok "$(sqlite3 "$TMP/copy.db" "PRAGMA integrity_check")"
expect "... and the full-text index's" "" "$(sqlite3 "$TMP/copy.db" "INSERT INTO insights_fts(insights_fts) VALUES('integrity-check')" 2>&1)"
check "... no partial file is left beside it" sh -c "! ls '$TMP' | grep -q partial"
stop_server

# --- refusals
"$TANDEM" backup "$TMP/copy.db" --db "$DB" > /dev/null 2> "$TMP/err"
expect "a backup to a file that exists: exit 1" 1 "$?"
check "... saying so and naming --force" sh -c "grep -q 'exists' '$TMP/err' && grep -q -- '--force' '$TMP/err'"
"$TANDEM" backup "$TMP/copy.db" --force --db "$DB" > /dev/null 2>&1
expect "... with --force it is replaced: exit 0" 0 "$?"
expect "... and holds the workspace as it is now" "$(count "$DB")" "$(count "$TMP/copy.db")"
"$TANDEM" backup --db "$DB" > /dev/null 2>&1
expect "backup without a file: exit 2" 2 "$?"
"$TANDEM" backup "$TMP/nodir/x.db" --db "$DB" > /dev/null 2> "$TMP/err"
expect "a backup into a folder that does not exist: exit 1" 1 "$?"

# --- restore
WANT=$(count "$TMP/copy.db")
"$TANDEM" restore "$TMP/copy.db" --db "$TMP/new.db" > "$TMP/out" 2> "$TMP/err"
expect "tandem restore into a new file: exit 0" 0 "$?"
expect "... the same objects, audit trail and people" "$WANT" "$(count "$TMP/new.db")"
expect "... its integrity check passes" ok "$(sqlite3 "$TMP/new.db" "PRAGMA integrity_check")"
"$TANDEM" list goals --db "$TMP/new.db" > "$TMP/goals" 2>&1
check "... and Tandem reads it (tandem list goals)" grep -q "Agency self-serve activation" "$TMP/goals"
# replace a workspace that has changed since
"$TANDEM" add goals title="Written after the backup" metric=x unit=x target=1 --db "$DB" > /dev/null 2>&1
expect "a goal written after the backup" 1 "$(sqlite3 "$DB" "SELECT count(*) FROM goals WHERE title = 'Written after the backup'")"
"$TANDEM" restore "$TMP/copy.db" --db "$DB" > "$TMP/out" 2> "$TMP/err"
expect "restore over the workspace itself: exit 0" 0 "$?"
check "... saying what it replaced" contains "$TMP/out" "replaced"
expect "... what was written after the backup is gone, the rest as backed up" "0 $WANT" \
	"$(sqlite3 "$DB" "SELECT count(*) FROM goals WHERE title = 'Written after the backup'") $(count "$DB")"

BEFORE=$(count "$TMP/new.db")
printf 'not a database at all, just words\n' > "$TMP/words.db"
"$TANDEM" restore "$TMP/words.db" --db "$TMP/new.db" > /dev/null 2> "$TMP/err"
expect "restore from a file that is not a database: exit 1" 1 "$?"
check "... saying so" grep -q "not a Tandem database" "$TMP/err"
sqlite3 "$TMP/other.db" "CREATE TABLE t(x); INSERT INTO t VALUES (1);"
"$TANDEM" restore "$TMP/other.db" --db "$TMP/new.db" > /dev/null 2> "$TMP/err"
expect "restore from an SQLite file that is not a workspace: exit 1" 1 "$?"
check "... saying so" grep -q "not a Tandem workspace" "$TMP/err"
cp "$TMP/copy.db" "$TMP/newer.db"
sqlite3 "$TMP/newer.db" "INSERT INTO schema_version VALUES (999, '2030-01-01T00:00:00Z')"
"$TANDEM" restore "$TMP/newer.db" --db "$TMP/new.db" > /dev/null 2> "$TMP/err"
expect "restore from a newer schema: exit 1" 1 "$?"
check "... naming both versions" sh -c "grep -q 'schema 999' '$TMP/err' && grep -q 'knows' '$TMP/err'"
cp "$TMP/copy.db" "$TMP/corrupt.db"
PAGES=$(sqlite3 "$TMP/corrupt.db" "PRAGMA page_count")
dd if=/dev/urandom of="$TMP/corrupt.db" bs=4096 seek=$((PAGES / 2)) count=3 conv=notrunc 2>/dev/null
"$TANDEM" restore "$TMP/corrupt.db" --db "$TMP/new.db" > /dev/null 2> "$TMP/err"
expect "restore from a corrupt file: exit 1" 1 "$?"
check "... saying it is corrupt" grep -qi "corrupt" "$TMP/err"
expect "... after every refusal the workspace is unchanged" "$BEFORE" "$(count "$TMP/new.db")"
"$TANDEM" restore "$TMP/missing.db" --db "$TMP/new.db" > /dev/null 2> "$TMP/err"
expect "restore from a file that does not exist: exit 1" 1 "$?"
check "... no restore file is left beside the workspace" sh -c "! ls '$TMP' | grep -q 'restore-'"
finish
