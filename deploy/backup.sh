#!/bin/sh
# Backs up Duban's database into a directory and checks the copy before saying it is done.
#
#   deploy/backup.sh DIR
#
# With DATABASE_URL set: pg_dump in its custom format (consistent while Duban runs), listed back by pg_restore.
# Otherwise the SQLite file DUBAN_SQLITE_PATH (default duban.sqlite): sqlite3's online .backup, which copies
# a consistent state while Duban keeps writing, then PRAGMA integrity_check on the copy.
# Prints the backup's path. Keep several days' backups, and copy them off the machine.
set -eu

dir=${1:?usage: deploy/backup.sh DIR}
mkdir -p "$dir"
stamp=$(date +%Y%m%d-%H%M%S)

if [ -n "${DATABASE_URL:-}" ]; then
    out="$dir/duban-$stamp.pgdump"
    pg_dump --format=custom --no-owner --file="$out.partial" "$DATABASE_URL"
    pg_restore --list "$out.partial" >/dev/null
    mv "$out.partial" "$out"
else
    db=${DUBAN_SQLITE_PATH:-duban.sqlite}
    [ -f "$db" ] || { echo "backup: no SQLite database at $db" >&2; exit 1; }
    out="$dir/duban-$stamp.sqlite"
    sqlite3 "$db" ".backup '$out.partial'"
    check=$(sqlite3 "$out.partial" "PRAGMA integrity_check;")
    [ "$check" = "ok" ] || { echo "backup: the copy of $db failed its integrity check: $check" >&2; exit 1; }
    mv "$out.partial" "$out"
fi
echo "$out"
