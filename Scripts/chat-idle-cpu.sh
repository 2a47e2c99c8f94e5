#!/usr/bin/env bash
# The chat screen's CPU while one reply is in flight (issue 17): runs `waymark chat` in a
# private tmux server against the fake OpenAI-compatible server (modes quiet: silent 10 s,
# steady: 20 deltas a second for 10 s), sends one message and reads the process's user+sys
# time from /proc over 8 s of the reply. The whole process counts: transport, safeguard and
# the screen's 10 Hz spinner redraws. Needs Linux, tmux and python3.
# Usage: Scripts/chat-idle-cpu.sh [WAYMARK_BINARY]   (default: .build/debug/waymark)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-.build/debug/waymark}"
work="$(mktemp -d)"
socket="waymark-idle-cpu-$$"
server_pid=""
cleanup() {
    tmux -L "$socket" kill-server 2>/dev/null || true
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
export HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
# The server exits when its stdin (this script's end of the coprocess pipe) closes.
coproc SERVER { exec python3 Tests/OpenAIResponderTests/Fixtures/fake_openai_server.py; }
server_pid=$SERVER_PID
read -r _ port _ <&"${SERVER[0]}"
ticks=$(getconf CLK_TCK)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

for mode in quiet steady; do
    target=$([ "$mode" = quiet ] && echo 0.02 || echo 0.05)
    tmux -L "$socket" new-session -d -x 100 -y 30 \
        "TERM=xterm-256color exec $bin chat --no-intro --backend openai --base-url http://127.0.0.1:$port/$mode/v1 --model bench"
    pid=""
    for _ in $(seq 1 100); do
        pid=$(tmux -L "$socket" list-panes -F '#{pane_pid}' 2>/dev/null | head -1)
        if [ -n "$pid" ] && tmux -L "$socket" capture-pane -p | grep -q "Type a message"; then break; fi
        sleep 0.1
    done
    sleep 2  # the safeguard finishes loading
    tmux -L "$socket" send-keys "hello, are you there?" Enter
    sleep 1.5  # the message is assessed and the request sent
    before=$(cpu_ticks "$pid")
    start=$(date +%s.%N)
    sleep 8
    after=$(cpu_ticks "$pid")
    end=$(date +%s.%N)
    python3 -c "
per = ($after - $before) / $ticks / ($end - $start)
print('chat screen, %-6s %.3f CPU s/s  (target <= %s) %s' % ('$mode:', per, '$target', 'ok' if per <= $target else 'MISSED'))"
    tmux -L "$socket" kill-server 2>/dev/null || true
done
