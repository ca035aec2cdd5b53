#!/bin/bash
# SPDX-License-Identifier: MIT
#
# softirqs.t - /proc/softirqs as Linux tools parse it (fs/proc/softirqs.c).
#
# With -smp 4 and -smp 1: "cat /proc/softirqs", "sleep 0.2" (a timer_list
# on CPU 0's wheel, run by TIMER_SOFTIRQ), "cat /proc/softirqs" again.
# Both copies must have Linux's layout byte for byte: a header of 20
# spaces and "CPU%-8d" per possible CPU, then the ten softirqs in Linux's
# order, each "%12s:" and " %10u" per CPU - parsed column by column. No
# count may go backwards between the copies, and CPU 0's TIMER count must
# grow across the sleep.
#
# Then "ps": exactly one ksoftirqd/N per CPU, on CPU N (it is bound there),
# SCHED_NORMAL ("TS") at nice 0 as in Linux, and none for a CPU that does
# not exist.

. "$(dirname "$0")/lib.sh"
need_kernel
plan 16

out_of() { cmd_output "$1" | grep -avE "$TS_RE"; }
# The file from its header on (a log line may precede it).
softirqs_of() { out_of "$1" | sed -n '/^ \{20\}CPU0/,$p'; }

# layout TEXT N - every line that breaks Linux's layout for N CPUs.
layout() {
	perl -e '
	my ($n, @l) = ($ARGV[0], split /\n/, do { local $/; <STDIN> });
	my $hdr = shift(@l) // "";
	my $want = (" " x 20) . join("", map { sprintf "CPU%-8d", $_ } 0 .. $n - 1);
	print "header: \x27$hdr\x27\n" if $hdr ne $want;
	my @names = qw(HI TIMER NET_TX NET_RX BLOCK IRQ_POLL TASKLET SCHED HRTIMER RCU);
	print "rows: ", scalar(@l), "\n" if @l != @names;
	my $f = "(?:" . join("|", map { " {" . (11 - $_) . "}\\d{$_}" } 1 .. 10) . ")";
	for my $i (0 .. $#l) {
		my $name = sprintf "%12s:", $names[$i] // "?";
		print "row: \x27$l[$i]\x27\n" unless $l[$i] =~ /^\Q$name\E(?:$f){$n}$/;
	}' "$2" <<< "$1"
}

# counts TEXT ROW - the per-CPU counts of a row, spaced.
counts() { awk -v r="$2:" '$1 == r { $1 = ""; sub(/^ /, ""); print }' <<< "$1"; }

# never_back A B - rows where a count of B is below A's.
never_back() {
	paste -d'|' <(sed 1d <<< "$1") <(sed 1d <<< "$2") | perl -ne '
	chomp; my ($a, $b) = split /\|/;
	my ($na, @x) = split " ", $a; my ($nb, @y) = split " ", $b;
	for (0 .. $#x) { print "$na CPU$_ $x[$_] -> $y[$_]\n" if $y[$_] < $x[$_] }'
}

# ksoftirqd_problems PS N - each way the ps listing breaks "one bound
# ksoftirqd/N per CPU, SCHED_NORMAL nice 0" for N CPUs; empty if none.
ksoftirqd_problems() {
	awk -v n="$2" '
	$1 == "PID" { hdr = 1; next }
	hdr && $NF ~ /^ksoftirqd\// {
		id = substr($NF, 11)
		seen[id]++
		if (id !~ /^[0-9]+$/ || id + 0 >= n) print "extra " $NF
		if ($2 != id) print $NF " on CPU " $2
		if ($4 != "TS" || $6 != "0") print $NF " class " $4 " nice " $6
	}
	END {
		if (!hdr) print "no ps header"
		for (c = 0; c < n; c++)
			if (seen[c] != 1) print "ksoftirqd/" c " listed " seen[c] + 0 " times"
	}' <<< "$1"
}

for smp in 4 1; do
	irqos_run --smp $smp -- 'cat /proc/softirqs' 'sleep 0.2' 'cat /proc/softirqs' 'ps'
	is "$RUN_STATUS" 0 "-smp $smp: boots and runs the commands"
	a=$(softirqs_of 1)
	b=$(softirqs_of 3)
	is "$(layout "$a" $smp)" "" "-smp $smp: first copy has Linux's layout"
	is "$(layout "$b" $smp)" "" "-smp $smp: second copy has Linux's layout"
	is "$(out_of 2)" "" "-smp $smp: sleep prints nothing"
	is "$(never_back "$a" "$b")" "" "-smp $smp: no count goes backwards"
	t0=$(counts "$a" TIMER | awk '{ print $1 }')
	t1=$(counts "$b" TIMER | awk '{ print $1 }')
	ok $(( ${t1:-0} > ${t0:-0} ? 0 : 1 )) "-smp $smp: CPU0's TIMER count grew across sleep ($t0 -> $t1)"
	p=$(out_of 4)
	like "$p" "ksoftirqd/0\$" "-smp $smp: ps lists ksoftirqd/0"
	is "$(ksoftirqd_problems "$p" $smp)" "" "-smp $smp: one ksoftirqd/N per CPU, bound to CPU N, TS nice 0"
done
