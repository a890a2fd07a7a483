#!/bin/sh
# Restores a backup made by deploy/backup.sh. Stop Duban first (systemctl stop duban) and start it after.
#
#   deploy/restore.sh FILE
#
# A .pgdump goes into the database DATABASE_URL names, replacing what it holds (pg_restore --clean); a .sqlite
# is checked and copied to DUBAN_SQLITE_PATH (default duban.sqlite), the file it replaces kept beside it as
# .before-restore.
set -eu

file=${1:?usage: deploy/restore.sh FILE}
[ -f "$file" ] || { echo "restore: no backup at $file" >&2; exit 1; }

case "$file" in
*.pgdump)
    [ -n "${DATABASE_URL:-}" ] || { echo "restore: set DATABASE_URL to the database to restore into" >&2; exit 1; }
    pg_restore --clean --if-exists --no-owner --exit-on-error --dbname="$DATABASE_URL" "$file"
    ;;
*.sqlite)
    db=${DUBAN_SQLITE_PATH:-duban.sqlite}
    check=$(sqlite3 "$file" "PRAGMA integrity_check;")
    [ "$check" = "ok" ] || { echo "restore: $file failed its integrity check: $check" >&2; exit 1; }
    if [ -f "$db" ]; then mv "$db" "$db.before-restore"; fi
    rm -f "$db-wal" "$db-shm"
    cp "$file" "$db.partial"
    mv "$db.partial" "$db"
    ;;
*)
    echo "restore: $file is neither a .pgdump nor a .sqlite backup" >&2
    exit 1
    ;;
esac
echo "restored $file"
