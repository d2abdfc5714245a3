#!/bin/sh
# One scheduled task of Buurtkaart, by name: runs its command and records the run (exit status, seconds) with
# `flask ops record-run`, so /healthz and /metrics show when each timer last succeeded. Exits with the task's status.
#
#   deploy/task.sh NAME          (from deploy/systemd/buurtkaart-task@.service: NAME is the part after the @)
#
# Run in the checkout (WorkingDirectory) with the site's settings in the environment (EnvironmentFile).
# BACKUP_ROOT (default /var/backups/buurtkaart) and BACKUP_KEEP_DAYS (default 14) are for the backup task.
set -u
name="${1:?usage: deploy/task.sh NAME}"
flask="${FLASK:-.venv/bin/flask} --app wsgi"

case "$name" in
  mail-send-pending)      command="$flask mail send-pending" ;;
  voorelkaar-expire)      command="$flask voorelkaar expire" ;;
  privacy-purge)          command="$flask privacy purge" ;;
  kaart-remind-providers) command="$flask kaart remind-providers" ;;
  koppelingen-follow-up)  command="$flask koppelingen follow-up" ;;
  meldingen-send-digest)  command="$flask meldingen send-digest" ;;
  backup)                 command="deploy/backup.sh" ;;
  *) echo "deploy/task.sh: unknown task '$name'" >&2; exit 64 ;;
esac

started=$(date +%s%N)
$command
status=$?
elapsed=$(( ($(date +%s%N) - started) / 1000000 ))  # milliseconds
seconds="$((elapsed / 1000)).$(printf %03d $((elapsed % 1000)))"
$flask ops record-run "$name" --status "$status" --seconds "$seconds" || echo "deploy/task.sh: could not record the run of $name" >&2
exit "$status"
