# SPDX-License-Identifier: MIT
#
# tests/scenarios/lib.sh - TAP helpers for the scenario tests (bash).
#
#   . "$(dirname "$0")/lib.sh"
#   plan 3
#   irqos_run --append 'loglevel=8' -- 'echo hi'
#   is "$RUN_STATUS" 0 'powered off cleanly'
#   is "$(cmd_output 1)" hi 'echo answers'
#   like "$RUN_LOG" '^Command line: loglevel=8$' 'cmdline logged'
#
# Checks: ok STATUS DESC (STATUS 0 passes), pass/fail DESC, is GOT WANT DESC,
# isnt GOT UNWANTED DESC, like TEXT ERE DESC / unlike TEXT ERE DESC (grep -E,
# true if any line matches), num_cmp A OP B DESC (numbers, also fractional;
# OP is one of < <= == != >= >), skip DESC REASON, diag/note MSG.
# plan N or skip_all REASON first, or done_testing at the end. The script's
# exit status is the number of failed checks (255 for a plan mismatch), as
# with Perl's Test::More, so prove reports both.
#
# A failing check prints the tail of the last transcript to stderr; every
# transcript is also kept in build/tests/scenarios/<test>-<n>.log.
#
# Environment: IRQOS_KERNEL, IRQOS_ISO (default build/irqos, build/irqos.iso),
# IRQOS_QEMU (or QEMU; default qemu-system-x86_64), IRQOS_LOGDIR.

IRQOS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
IRQOS_EXEC=$IRQOS_ROOT/tools/irqos-exec
IRQOS_KERNEL=${IRQOS_KERNEL:-$IRQOS_ROOT/build/irqos}
IRQOS_ISO=${IRQOS_ISO:-$IRQOS_ROOT/build/irqos.iso}
IRQOS_QEMU=${IRQOS_QEMU:-${QEMU:-qemu-system-x86_64}}
# Transcripts go next to the kernel being tested (build/tests/scenarios).
IRQOS_LOGDIR=${IRQOS_LOGDIR:-$(dirname "$IRQOS_KERNEL")/tests/scenarios}
TEST_NAME=$(basename "$0" .t)

PROMPT='irqos# '
# A printk timestamp at the start of a line, as an ERE.
TS_RE='^\[ *[0-9]+\.[0-9]{6}\] '

_tap_n=0
_tap_failed=0
_tap_planned=
_run_n=0
_run_tail_shown=
RUN_STATUS=
RUN_OUT=
RUN_ERR=
RUN_LOG=
RUN_FILE=

_tap_finish() {
	local rc=$_tap_failed
	if [ -z "$_tap_planned" ]; then
		echo "# no plan: the test script stopped early" >&2
		rc=255
	elif [ "$_tap_planned" != "$_tap_n" ] && [ "$_tap_planned" != skip ]; then
		echo "# planned $_tap_planned checks but ran $_tap_n" >&2
		rc=255
	fi
	[ "$rc" -gt 254 ] && rc=255
	exit "$rc"
}
trap _tap_finish EXIT

plan() { _tap_planned=$1; echo "1..$1"; }
skip_all() { _tap_planned=skip; echo "1..0 # SKIP $*"; exit 0; }
done_testing() { _tap_planned=$_tap_n; echo "1..$_tap_n"; }

diag() { local l; for l in "$@"; do printf '%s\n' "$l" | sed 's/^/# /' >&2; done; }
note() { local l; for l in "$@"; do printf '%s\n' "$l" | sed 's/^/# /'; done; }

# The tail of the last run, for failure diagnostics.
_run_tail() {
	[ -n "$RUN_FILE" ] && [ -z "$_run_tail_shown" ] || return 0
	_run_tail_shown=1
	diag "last run: status $RUN_STATUS, transcript $RUN_FILE; its tail:"
	tail -n 15 <<< "$RUN_OUT" | cat -v | sed 's/^/#     /' >&2
	[ -z "$RUN_ERR" ] || diag "stderr: $RUN_ERR"
}

# ok STATUS DESC [DIAG...]
ok() {
	local status=$1 desc=$2
	shift 2
	_tap_n=$((_tap_n + 1))
	if [ "$status" = 0 ]; then
		echo "ok $_tap_n - $desc"
		return 0
	fi
	echo "not ok $_tap_n - $desc"
	_tap_failed=$((_tap_failed + 1))
	diag "  Failed test '$desc'" "$@"
	_run_tail
	return 1
}
pass() { ok 0 "$1"; }
fail() { local d=$1; shift; ok 1 "$d" "$@"; }
skip() { _tap_n=$((_tap_n + 1)); echo "ok $_tap_n - $1 # SKIP $2"; }

is() {
	if [ "$1" == "$2" ]; then ok 0 "$3"; else
		ok 1 "$3" "       got: '$1'" "  expected: '$2'"; fi
}
isnt() {
	if [ "$1" != "$2" ]; then ok 0 "$3"; else
		ok 1 "$3" "       got: '$1'" "  expected anything else"; fi
}
like() {
	if grep -aEq -- "$2" <<< "$1"; then ok 0 "$3"; else
		ok 1 "$3" "  no line matches /$2/"; fi
}
unlike() {
	local hit
	if hit=$(grep -aE -m1 -- "$2" <<< "$1"); then
		ok 1 "$3" "  a line matches /$2/:" "    $hit"
	else ok 0 "$3"; fi
}
num_cmp() {
	if awk -v a="$1" -v b="$3" -v op="$2" 'BEGIN {
		if (a !~ /^-?[0-9]+(\.[0-9]+)?$/ || b !~ /^-?[0-9]+(\.[0-9]+)?$/) exit 2
		a += 0; b += 0
		r = (op == "<") ? a < b : (op == "<=") ? a <= b : (op == "==") ? a == b : \
		    (op == "!=") ? a != b : (op == ">=") ? a >= b : (op == ">") ? a > b : -1
		exit (r == 1) ? 0 : 1 }'; then ok 0 "$4"
	else ok 1 "$4" "  '$1' $2 '$3' does not hold"; fi
}

_save_run() {
	_run_n=$((_run_n + 1))
	mkdir -p "$IRQOS_LOGDIR"
	RUN_FILE=$IRQOS_LOGDIR/$TEST_NAME-$_run_n.log
	_run_tail_shown=
	RUN_OUT=$(tr -d '\r' < "$1")
	RUN_ERR=$(cat "$2")
	RUN_LOG=$(strip_ts "$RUN_OUT")
	{ cat "$1"; printf '\n--- stderr ---\n%s\n--- status %s ---\n' \
		"$RUN_ERR" "$RUN_STATUS"; } > "$RUN_FILE"
	rm -f "$1" "$2"
}

# irqos_run [irqos-exec options] -- COMMAND...
# Runs tools/irqos-exec; sets RUN_STATUS (its exit status), RUN_OUT (the
# transcript without carriage returns), RUN_LOG (the same without printk
# timestamps) and RUN_ERR (its stderr: the reason for a failure).
irqos_run() {
	local out err
	out=$(mktemp) err=$(mktemp)
	"$IRQOS_EXEC" --qemu-binary "$IRQOS_QEMU" --kernel "$IRQOS_KERNEL" "$@" \
		> "$out" 2> "$err" < /dev/null
	RUN_STATUS=$?
	_save_run "$out" "$err"
	return 0
}

# irqos_qemu_run SECONDS [QEMU args...]
# Boots the kernel with the standard QEMU line plus the given arguments
# (e.g. -smp 4 -append '...') and waits for QEMU to exit on its own, for
# runs that never reach the shell (KUnit). Sets RUN_* like irqos_run;
# RUN_STATUS is QEMU's exit status, 124 if it was killed after SECONDS.
irqos_qemu_run() {
	local secs=$1 out err nic=(-nic none)
	shift
	# No NIC unless asked for, as irqos-exec: QEMU's default e1000 would
	# otherwise be bound by the driver and share IRQ 11 with edu.
	[[ " $* " == *" -nic "* || " $* " == *" -netdev "* ]] && nic=()
	out=$(mktemp) err=$(mktemp)
	timeout -k 5 "$secs" "$IRQOS_QEMU" -machine pc -accel tcg -m 256M "${nic[@]}" \
		-no-reboot -display none -serial stdio -monitor none \
		-device isa-debug-exit,iobase=0xf4,iosize=0x04 \
		-kernel "$IRQOS_KERNEL" "$@" > "$out" 2> "$err" < /dev/null
	RUN_STATUS=$?
	_save_run "$out" "$err"
	return 0
}

# strip_ts TEXT - TEXT without printk timestamps at the starts of lines.
strip_ts() { sed -E "s/$TS_RE//" <<< "$1"; }

# cmd_output N [TEXT] - what the Nth command typed into the shell printed:
# the text after its echoed command line up to the next prompt, without the
# trailing newline. TEXT defaults to $RUN_OUT. Command 0 is the boot log.
cmd_output() {
	N=$1 perl -0777 -ne '
		my @s = split /(?:^|(?<=\n))\Q'"$PROMPT"'\E/, $_, -1;
		exit 1 if $ENV{N} >= @s;
		my $t = $s[$ENV{N}];
		$t =~ s/\A[^\n]*(?:\n|\z)// if $ENV{N} > 0;
		$t =~ s/\n\z//;
		print $t;' <<< "${2-$RUN_OUT}"
}

# ifconfig_field N FIELD - one value from command N's "ifconfig IF" output
# (one interface): flags (the decimal flags word), rxp/txp (packets),
# rxd/txd (RX/TX dropped), irqs (device interrupts), tmo (tx_timeout),
# wdt (the tx watchdog period, ms).
ifconfig_field() {
	local o; o=$(cmd_output "$1")
	case $2 in
	flags) sed -nE 's/^[a-z0-9]+: flags=([0-9]+)<.*$/\1/p' <<< "$o" ;;
	rxp)   sed -nE 's/^        RX packets ([0-9]+) .*/\1/p' <<< "$o" ;;
	txp)   sed -nE 's/^        TX packets ([0-9]+) .*/\1/p' <<< "$o" ;;
	rxd)   sed -nE 's/^        RX errors [0-9]+  dropped ([0-9]+) .*/\1/p' <<< "$o" ;;
	txd)   sed -nE 's/^        TX errors [0-9]+  dropped ([0-9]+) .*/\1/p' <<< "$o" ;;
	irqs)  sed -nE 's/^        device interrupt [0-9]+  interrupts ([0-9]+)$/\1/p' <<< "$o" ;;
	tmo)   sed -nE 's/^        tx watchdog [0-9]+ ms  tx_timeout ([0-9]+)$/\1/p' <<< "$o" ;;
	wdt)   sed -nE 's/^        tx watchdog ([0-9]+) ms .*/\1/p' <<< "$o" ;;
	*)     echo "ifconfig_field: unknown field $2" >&2; return 2 ;;
	esac
}

# cmd_echo N - the line the shell echoed for the Nth command, with its line
# editing (backspaces) applied the way a terminal would show it.
cmd_echo() {
	N=$1 perl -0777 -ne '
		my @s = split /(?:^|(?<=\n))\Q'"$PROMPT"'\E/, $_, -1;
		exit 1 if $ENV{N} >= @s || $ENV{N} < 1;
		my ($l) = $s[$ENV{N}] =~ /\A([^\n]*)/;
		my ($col, @c) = (0);
		for my $ch (split //, $l) {
			if ($ch eq "\b") { $col-- if $col > 0; next }
			$c[$col++] = $ch;
		}
		my $t = join "", map { defined ? $_ : " " } @c;
		$t =~ s/ +\z//;
		print $t;' <<< "$RUN_OUT"
}

# hex_lt A B - true if hex number A < hex number B (both without 0x).
hex_lt() { [ $((16#$1)) -lt $((16#$2)) ]; }

# need_kernel - stop the test, failed, if the kernel has not been built
# (make test always builds it first, so this is never a silent skip).
need_kernel() {
	if [ ! -f "$IRQOS_KERNEL" ]; then
		echo "Bail out! no $IRQOS_KERNEL (run make)"
		_tap_planned=skip _tap_failed=1
		exit 1
	fi
}

# check_fatal TEXT HEADER_ERE RIP_SYMBOL_ERE - the checks every fatal
# exception report shares (FATAL_CHECKS of them). TEXT is the console
# output of the faulting command without timestamps. Checks: the header
# line; "RIP: 0010:sym+0xoff/0xsize" with off < size; the register dump;
# a Call Trace with at least one symbolized frame; the panic line; the
# order header < RIP < Call Trace < panic; irqos-exec's status 1 and QEMU's
# exit status 65 (isa-debug-exit from panic()).
FATAL_CHECKS=9
check_fatal() {
	local text=$1 header=$2 sym=$3 rip off size missing r frames
	like "$text" "$header" "report header /$header/"

	rip=$(grep -aE -m1 '^RIP: 0010:' <<< "$text")
	if [[ $rip =~ ^RIP:\ 0010:($sym)\+0x([0-9a-f]+)/0x([0-9a-f]+) ]]; then
		pass "RIP is in $sym: ${rip#RIP: }"
		off=${BASH_REMATCH[-2]} size=${BASH_REMATCH[-1]}
		if hex_lt "$off" "$size"; then pass "RIP offset 0x$off < symbol size 0x$size"
		else fail "RIP offset 0x$off < symbol size 0x$size"; fi
	else
		fail "RIP is in /$sym/" "  RIP line: '$rip'"
		fail "RIP offset < symbol size (no parsable RIP line)"
	fi

	missing=
	grep -aEq '^RSP: 0018:[0-9a-f]{16} EFLAGS: [0-9a-f]{8}' <<< "$text" ||
		missing+=" RSP/EFLAGS"
	for r in RAX RBX RCX RDX RSI RDI RBP R08 R09 R10 R11 R12 R13 R14 R15; do
		grep -aEq "(^| )$r: [0-9a-f]{16}( |$)" <<< "$text" || missing+=" $r"
	done
	is "$missing" "" 'register dump has RSP, EFLAGS and all 15 GPRs'

	frames=$(awk '/^Call Trace:/ { t = 1; next } /^Kernel panic/ { t = 0 }
		t && /^ *(\? )?[A-Za-z_][A-Za-z0-9_.]*\+0x[0-9a-f]+\/0x[0-9a-f]+/' <<< "$text")
	isnt "$frames" "" 'Call Trace lists symbolized frames (name+0xoff/0xsize)'

	like "$text" '^Kernel panic - not syncing: Fatal exception' 'panic: Fatal exception'
	in_order "$text" "$header" '^RIP: 0010:' '^Call Trace:' '^Kernel panic - not syncing'
	is "$RUN_STATUS" 1 'irqos-exec reports a kernel panic (status 1)'
	like "$RUN_ERR" 'QEMU exit status 65' 'QEMU exited with status 65 (isa-debug-exit)'
}

# in_order TEXT ERE... - one check: each ERE matches a line after the line
# the previous one matched.
in_order() {
	local text=$1 re n last=0 where=
	shift
	for re in "$@"; do
		n=$(tail -n "+$((last + 1))" <<< "$text" | grep -anE -m1 -- "$re")
		n=${n%%:*}
		[ -z "$n" ] || n=$((n + last))
		if [ -z "$n" ]; then
			fail "report lines in order: $*" "  nothing matches /$re/ after line $last"
			return 1
		fi
		where+=" $n" last=$n
	done
	pass "report lines in order (lines$where)"
}

# tap_include PREFIX - re-emit the TAP on stdin (e.g. from tools/ktap2tap)
# as checks of this script, each description prefixed with PREFIX; its
# plan line is dropped, its "#" lines after a failure go to stderr.
# Sets TAP_INCLUDED to the number of checks it added. Feed it with < or
# <<<, not a pipe: a pipe would run it in a subshell and lose the counts.
tap_include() {
	local prefix=$1 line failing=0 desc
	TAP_INCLUDED=0
	while IFS= read -r line; do
		if [[ $line =~ ^(not\ )?ok\ [0-9]+(\ -)?\ ?(.*)$ ]]; then
			desc=$prefix${BASH_REMATCH[3]}
			TAP_INCLUDED=$((TAP_INCLUDED + 1))
			_tap_n=$((_tap_n + 1))
			if [ -n "${BASH_REMATCH[1]}" ]; then
				echo "not ok $_tap_n - $desc"
				_tap_failed=$((_tap_failed + 1))
				failing=1
			else
				echo "ok $_tap_n - $desc"
				failing=0
			fi
		elif [[ $line == '#'* ]]; then
			if [ "$failing" = 1 ]; then echo "$line" >&2; else echo "$line"; fi
		fi
	done
}
