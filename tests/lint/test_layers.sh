# test_layers.sh — the layers as docs/ARCHITECTURE.md draws them: includes only point down, and no SQL text or
# database call in the faces (src/web, src/api, src/cli). Read from the source, so a new file is checked the day it
# is added.
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

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
