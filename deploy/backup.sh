#!/bin/sh
# The backup task (deploy/task.sh backup): `flask backup` into a new dated folder under BACKUP_ROOT, then remove
# backups older than BACKUP_KEEP_DAYS. Copy BACKUP_ROOT elsewhere too (another machine): a backup on the
# database's own disk is no backup.
set -eu
root="${BACKUP_ROOT:-/var/backups/buurtkaart}"
keep="${BACKUP_KEEP_DAYS:-14}"
${FLASK:-.venv/bin/flask} --app wsgi backup "$root/$(date -u +%Y-%m-%dT%H%M%SZ)"
find "$root" -mindepth 1 -maxdepth 1 -type d -name '20*' -mtime +"$keep" -exec rm -rf {} +
