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

. "$(dirname "$0")/lib.sh"
need_kernel
plan 12

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

for smp in 4 1; do
	irqos_run --smp $smp -- 'cat /proc/softirqs' 'sleep 0.2' 'cat /proc/softirqs'
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
done
