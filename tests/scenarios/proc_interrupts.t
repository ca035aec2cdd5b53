#!/bin/bash
# SPDX-License-Identifier: MIT
#
# proc_interrupts.t - /proc/interrupts, /proc/stat and /proc/irq/N/spurious
# as a Linux tool sees them, and the shell's cat, ls and "echo > FILE".
#
# /proc/interrupts is read three times, with other commands between. Every
# line must have Linux's exact column layout (kernel/irq/proc.c: "%*d:",
# " %10u" per CPU, " ", " %8s" chip, " %*lu" hwirq, "-%-8s" flow, "  "
# names; x86 rows "%*s:" ... "   Description", ERR/MIS one column), the
# header one "CPU%-8d" per CPU, the x86 rows Linux's order. Counts never go
# backwards, and the timer's grow. util-linux lsirq, given the captured
# file in place of /proc/interrupts (a bind mount inside "unshare -m"),
# must list every row with the totals and names we compute from it.
# /proc/stat's intr line, read between the two copies, must hold each
# IRQ's count between its two /proc/interrupts counts, and its total must
# exceed the per-IRQ sum by exactly the arch counters (bracketed the same
# way). A second boot with -smp 2 checks the layout with one count column
# per CPU the kernel set up.

. "$(dirname "$0")/lib.sh"
need_kernel
plan 35

# Lines of a command's output that the kernel log did not interleave.
out_of() { cmd_output "$1" | grep -avE "$TS_RE"; }

# check_layout TEXT - prints every line that breaks Linux's layout, and
# checks the header, the order of the arch rows and of the IRQ numbers.
check_layout() {
	perl -e '
	my @l = split /\n/, do { local $/; <STDIN> };
	my $hdr = shift(@l) // "";
	my @cpus = $hdr =~ /CPU(\d+)/g;
	my $n = @cpus;
	my ($lead) = $hdr =~ /^( *)/;
	my $prec = length($lead) - 8;
	my $want = (" " x ($prec + 8)) . join("", map { sprintf "CPU%-8d", $_ } 0 .. $n - 1);
	print "header: \x27$hdr\x27\n" if $hdr ne $want || $prec < 3 || !$n;
	# A right-aligned number of width $w (or wider: never truncated).
	sub num { my $w = shift; "(?:" . join("|", map { " {" . ($w - $_) . "}\\d{$_}" } 1 .. $w - 1) . "|\\d{$w,})" }
	my $f = "(?:" . join("|", map { " {" . (11 - $_) . "}\\d{$_}" } 1 .. 10) . ")";
	my $chip = "(?:" . join("|", map { " {" . (8 - $_) . "}[^ ]{$_}" } 1 .. 8) . "|[^ ]{9,})";
	my $flow = "(?:-(?:" . join("|", map { "[^ ]{$_} {" . (8 - $_) . "}" } 1 .. 7) . "|[^ ]{8,}))";
	# hwirq: a number for controllers with an irq_domain, else blanks
	# (the 8259: Linux leaves the column empty for XT-PIC lines).
	my ($irqn, $hw) = (num($prec), "(?:" . num($prec) . "| {$prec})");
	my %desc = (NMI => "Non-maskable interrupts", LOC => "Local timer interrupts",
		SPU => "Spurious interrupts", PMI => "Performance monitoring interrupts",
		IWI => "IRQ work interrupts", RTR => "APIC ICR read retries",
		RES => "Rescheduling interrupts", CAL => "Function call interrupts",
		TLB => "TLB shootdowns", TRM => "Thermal event interrupts",
		THR => "Threshold APIC interrupts", DFR => "Deferred Error APIC interrupts",
		MCE => "Machine check exceptions", MCP => "Machine check polls");
	my (@arch, $last) = ();
	$last = -1;
	for (@l) {
		if (/^ *(\d+):/) {
			print "IRQ $1 after IRQ $last\n" if $1 <= $last || @arch;
			$last = $1;
			print "bad: \x27$_\x27\n" unless /^$irqn:(?:$f){$n}  $chip $hw$flow?  \S(?:.*\S)?$/;
		} elsif (/^ *([A-Z]{3}):/ && $desc{$1}) {
			push @arch, $1;
			my $s = (" " x ($prec - 3)) . $1;
			print "bad: \x27$_\x27\n" unless $_ eq $s . ":" . substr($_, $prec + 1, 11 * $n) . "   $desc{$1}"
				&& substr($_, $prec + 1, 11 * $n) =~ /^(?:$f){$n}$/;
		} elsif (/^ *(ERR|MIS):/) {
			push @arch, $1;
			print "bad: \x27$_\x27\n" unless /^ {@{[$prec - 3]}}(ERR|MIS):$f$/;
		} else {
			print "unknown line: \x27$_\x27\n";
		}
	}
	my $order = join " ", @arch;
	print "arch rows: $order\n" if $order ne "NMI LOC SPU PMI IWI RTR RES CAL TLB TRM THR DFR MCE MCP ERR MIS";
	' <<< "$1"
}

# rows TEXT - "IRQ TOTAL NAME" per row, as lsirq computes them: the sum
# of the count columns, the rest with runs of spaces squeezed.
rows() {
	perl -ne '
		if ($. == 1) { $n = () = /CPU/g; next }
		chomp;
		next unless /^ *([^ :]+):(.*)$/;
		my ($irq, $rest, $t) = ($1, $2, 0);
		for (1 .. $n) {
			last if $rest eq "";
			$t += substr($rest, 0, 11);
			$rest = length($rest) > 11 ? substr($rest, 11) : "";
		}
		$rest =~ s/^\s+//; $rest =~ s/\s+/ /g; $rest =~ s/\s+$//;
		print "$irq $t", ($rest eq "" ? "" : " $rest"), "\n";' <<< "$1"
}

# "int 0x27" is a spurious 8259 IRQ 7, counted in ERR: it makes the arch
# part of /proc/stat's total non-zero, so that part is really checked.
# "sleep 0.1" arms a timer, so the TIMER softirq count is non-zero too.
irqos_run -- 'fault int 0x27' 'cat /proc/interrupts' 'echo between-1' 'sleep 0.1' \
	'cat /proc/stat' 'cat /proc/interrupts' 'ls /proc/irq' \
	'cat /proc/irq/0/spurious' 'cat /proc/irq/4/spurious' 'cat /proc/irq/8/spurious' \
	'cat /proc/nope' 'cat /proc/irq' 'echo 1 > /proc/interrupts' 'echo x >/proc/nope' \
	'ls /proc' 'ls /nope' 'cat /proc/interrupts'
is "$RUN_STATUS" 0 'every command answered, then poweroff'

A=$(out_of 2) S=$(out_of 5) B=$(out_of 6) L=$(out_of 17)
is "$(head -n 1 <<< "$A")" "           CPU0       " \
	'header: 11 spaces (prec 3 + 8), then "CPU0" padded to 11 (CPU%-8d)'
is "$(head -n 1 <<< "$B")" "$(head -n 1 <<< "$A")" '... the same on the second read'
is "$(check_layout "$A")" '' 'every line of the first read has Linux'"'"'s layout; arch rows in Linux'"'"'s order'
is "$(check_layout "$B")" '' '... and of the second read'
is "$(check_layout "$L")" '' '... and of the third read'
irqlines=$(grep -cE '^ *[0-9]+:' <<< "$A")
num_cmp "$irqlines" '>=' 1 "at least one IRQ with a handler is listed ($irqlines)"
is "$(cmd_output 3)" 'between-1' 'echo without a redirection still prints its words'

# Counts only go up, and the same lines with the same names stay listed.
ra=$(rows "$A") rb=$(rows "$B")
is "$(cut -d' ' -f1,3- <<< "$ra")" "$(cut -d' ' -f1,3- <<< "$rb")" 'the same rows and names in both reads'
bad=$(paste -d' ' <(awk '{ print $1, $2 }' <<< "$ra") <(awk '{ print $2 }' <<< "$rb") |
	awk '$3 < $2 { print "row " $1 ": " $2 " then " $3 }')
is "$bad" '' 'no count goes backwards between the reads'

# The tick grows between the reads: LOC, the local APIC timer, which takes
# over from the PIT (IRQ 0's count then freezes, as on Linux), or IRQ 0.
l1=$(awk '$1 == "LOC" { print $2 }' <<< "$ra") l2=$(awk '$1 == "LOC" { print $2 }' <<< "$rb")
if [ "${l2:-0}" -gt 0 ]; then
	num_cmp "$l2" '>' "$l1" "LOC (the local APIC timer tick) counts grow ($l1 -> $l2)"
elif grep -qE '^ +0:.* timer$' <<< "$A"; then
	t1=$(awk '$1 == "0" { print $2 }' <<< "$ra") t2=$(awk '$1 == "0" { print $2 }' <<< "$rb")
	num_cmp "$t2" '>' "$t1" "IRQ 0 timer counts grow ($t1 -> $t2)"
else
	skip 'IRQ 0 timer counts grow' 'no "timer" on IRQ 0 yet (the PIT driver has not requested it)'
fi

# util-linux lsirq parses the captured file as if it were /proc/interrupts.
cap=$(mktemp)
printf '%s\n' "$A" > "$cap"
if ! command -v lsirq > /dev/null; then
	skip 'lsirq lists our rows with our totals' 'lsirq (util-linux >= 2.34) is not installed'
	skip 'lsirq sees every IRQ line' 'lsirq is not installed'
elif ! why=$(unshare -m true 2>&1); then
	skip 'lsirq lists our rows with our totals' "unshare -m is not permitted here: $why"
	skip 'lsirq sees every IRQ line' 'unshare -m is not permitted here'
else
	ls_out=$(unshare -m sh -c 'mount --bind "$1" /proc/interrupts || exit 99; lsirq -P' sh "$cap" 2>&1)
	if [ $? = 99 ]; then
		skip 'lsirq lists our rows with our totals' "cannot bind-mount over /proc/interrupts: $ls_out"
		skip 'lsirq sees every IRQ line' 'no bind mount'
	else
		got=$(perl -ne 'print "$1 $2 $3\n" if /^IRQ="([^"]*)" TOTAL="(\d+)" NAME="([^"]*)"$/' <<< "$ls_out" |
			sed 's/ $//' | sort)
		is "$got" "$(sort <<< "$ra")" 'lsirq lists our rows with our totals and names'
		is "$(grep -cE '^[0-9]+ ' <<< "$got")" "$irqlines" "lsirq sees every IRQ line ($irqlines)"
	fi
fi
rm -f "$cap"

# /proc/stat: one "intr" line; each IRQ between its two /proc/interrupts
# counts; the total is the fields' sum plus the arch counters Linux adds
# (every x86 row but TLB, DFR and MIS), which lie between A's and B's.
is "$(grep -cvE '^(intr|softirq) ' <<< "$S")" 0 '/proc/stat has only lines irqos can fill: intr, softirq'
sirq=$(grep -a '^softirq ' <<< "$S")
awk '{ s = 0; for (i = 3; i <= NF; i++) s += $i; exit !(NF == 12 && s == $2 && $4 > 0) }' <<< "$sirq"
ok $? "/proc/stat softirq line: total, then the ten softirqs (TIMER > 0 after a sleep), total = their sum ($sirq)"
read -r -a intr <<< "$(grep '^intr ' <<< "$S")"
nf=$((${#intr[@]} - 2))
maxirq=$(awk '$1 ~ /^[0-9]+$/ && $1 > m { m = $1 } END { print m + 0 }' <<< "$ra")
num_cmp "$nf" '>' "$maxirq" "intr has a field for every IRQ number ($nf fields)"
bad= sum=0
for ((i = 0; i < nf; i++)); do
	v=${intr[i + 2]}
	[[ $v =~ ^[0-9]+$ ]] || { bad+=" field $i='$v'"; continue; }
	sum=$((sum + v))
	lo=$(awk -v i="$i" '$1 == i { print $2 }' <<< "$ra") hi=$(awk -v i="$i" '$1 == i { print $2 }' <<< "$rb")
	if [ -n "$lo" ] && { [ "$v" -lt "$lo" ] || [ "$v" -gt "$hi" ]; }; then
		bad+=" IRQ $i: $lo <= $v <= $hi fails"
	fi
done
is "$bad" '' 'every IRQ in /proc/stat lies between its two /proc/interrupts counts'
arch_sum() { awk '$1 ~ /^(NMI|LOC|SPU|PMI|IWI|RTR|RES|CAL|TRM|THR|MCE|MCP|ERR)$/ { s += $2 } END { print s + 0 }' <<< "$1"; }
extra=$((intr[1] - sum))
num_cmp "$extra" '>=' "$(arch_sum "$ra")" "intr total - sum of fields ($extra) >= arch counters before"
num_cmp "$extra" '<=' "$(arch_sum "$rb")" '... and <= arch counters after'

# /proc/irq: a directory for every listed IRQ; spurious in Linux's format.
irqdirs=$(out_of 7)
miss=
for n in $(awk '$1 ~ /^[0-9]+$/ { print $1 }' <<< "$ra"); do
	grep -qx "$n" <<< "$irqdirs" || miss+=" $n"
done
is "$miss" '' 'every IRQ in /proc/interrupts has /proc/irq/N'
for c in 8 9 10; do
	n=$(cmd_echo "$c" | sed -E 's|.*/proc/irq/([0-9]+)/spurious|\1|')
	sp=$(out_of "$c")
	if ! grep -qx "$n" <<< "$irqdirs"; then
		skip "/proc/irq/$n/spurious format" "IRQ $n has no /proc/irq entry on this machine"
		skip "/proc/irq/$n/spurious values" "no /proc/irq/$n"
		continue
	fi
	like "$(tr '\n' '|' <<< "$sp")" '^count [0-9]+\|unhandled [0-9]+\|last_unhandled [0-9]+ ms\|$' \
		"/proc/irq/$n/spurious: count/unhandled/last_unhandled ms, three lines"
	cnt=$(awk '$1 == "count" { print $2 }' <<< "$sp")
	unh=$(awk '$1 == "unhandled" { print $2 }' <<< "$sp")
	last=$(awk '$1 == "last_unhandled" { print $2 }' <<< "$sp")
	tot=$(awk -v n="$n" '$1 == n { print $2 }' <<< "$(rows "$L")")
	if [ -z "$tot" ]; then
		ok $(( unh > cnt )) "/proc/irq/$n/spurious: unhandled ($unh) <= count ($cnt)"
	elif [ "$tot" = 0 ]; then
		is "$cnt $unh $last" '0 0 0' "/proc/irq/$n/spurious: a line without interrupts has all zeros"
	else
		ok $(( unh > cnt || cnt > tot )) "/proc/irq/$n/spurious: unhandled ($unh) <= count ($cnt) <= interrupts ($tot)"
	fi
done

# The shell's file commands and their coreutils/bash messages.
is "$(out_of 11)" 'cat: /proc/nope: No such file or directory' 'cat of a missing file'
is "$(out_of 12)" 'cat: /proc/irq: Is a directory' 'cat of a directory'
is "$(out_of 13)" 'sh: echo: write error: Input/output error' \
	'echo > a file without a write method: write error EIO, as Linux gives root'
is "$(out_of 14)" 'sh: /proc/nope: No such file or directory' 'echo > a missing file: the redirection fails'
pl=$(out_of 15)
is "$(grep -xE 'interrupts|irq|stat' <<< "$pl" | tr '\n' ' ')" 'interrupts irq stat ' \
	'ls /proc lists interrupts, irq, stat (in byte order)'
is "$(out_of 16)" "ls: cannot access '/nope': No such file or directory" 'ls of a missing path'

# Two CPUs: the header gets a column per CPU and every row a count each.
irqos_run --smp 2 -- 'cat /proc/interrupts'
is "$RUN_STATUS" 0 '-smp 2: answered and powered off'
C=$(out_of 1)
ncpu=$(head -n 1 <<< "$C" | grep -o CPU | wc -l)
percpu=$(sed -nE 's/^percpu: ([0-9]+) CPU area.*/\1/p' <<< "$RUN_LOG" | head -n 1)
if [ -n "$percpu" ]; then
	is "$ncpu" "$percpu" "-smp 2: one CPU column per CPU the kernel set up ($percpu)"
else
	skip '-smp 2: one CPU column per CPU the kernel set up' 'no "percpu: N CPU area(s)" boot line'
fi
is "$(check_layout "$C")" '' "-smp 2: every line has the layout with $ncpu count column(s)"
