# Sourced by ./mooc for `up` and `down`.
cmd_up() { echo "mooc up: not built yet" >&2; exit 1; }
cmd_down() { echo "mooc down: not built yet" >&2; exit 1; }
