// SPDX-License-Identifier: MIT
/*
 * The e1000's missed packet counter (MPC) folded into rx_missed_errors,
 * which /proc/net/dev shows in eth0's "drop" column (rx_dropped +
 * rx_missed_errors, as Linux does).
 *
 * MPC counts frames the NIC discarded because the receive ring had no
 * free descriptor: real losses, below the driver, that no other counter
 * sees. The 82540EM manual says MPC clears when read, so each read is
 * the count since the previous one. QEMU's e1000 (hw/net/e1000.c, as in
 * the 7.2 this project tests on) reads MPC without clearing it: every
 * read returns the total since reset. The driver used to add that total
 * on every NAPI poll, counting the same losses again and again - a
 * 20000-datagram flood over user networking showed hundreds of thousands
 * of "missed" frames. So the first time MPC reads non-zero it is read a
 * second time at once: the same value again means a running total (from
 * then on the growth since the last read is counted), anything else a
 * clearing register (both reads are counted).
 *
 * Why QEMU misses frames at all, and only on user networking: with a tap
 * backend QEMU stops reading the tap while the e1000 cannot receive
 * (e1000_can_receive()), so the frames wait in the host's tap queue, or
 * are dropped there and counted in the tap's tx_dropped - MPC stays 0.
 * Slirp's frames instead wait in QEMU's packet queue for the NIC; when
 * the driver hands descriptors back (a write to RDT) QEMU flushes that
 * whole queue into the ring without asking whether there is room, and
 * each frame that no longer fits is refused by e1000_receive_iov(),
 * counted in MPC and freed by the queue - not retried later. So they are
 * losses, each counted once. tests/scenarios/net_udp.t checks that eth0's
 * received plus missed frames never exceed what the host sent.
 */
#include <linux/kernel.h>
#include <linux/netdevice.h>

#include "e1000.h"

/**
 * e1000_update_missed - add the frames the NIC missed since the last call
 * @a: the adapter; called from its NAPI poll, so never concurrently
 *
 * Adds to @a->netdev->stats.rx_missed_errors. Works for an MPC that
 * clears on read (the hardware) and one that does not (QEMU).
 */
void e1000_update_missed(struct e1000_adapter *a)
{
	u32 mpc = e1000_rd(a, E1000_MPC), again;

	if (!mpc)
		return;
	if (!a->mpc_probed) {
		a->mpc_probed = true;
		again = e1000_rd(a, E1000_MPC);
		a->mpc_running_total = again == mpc;
		if (!a->mpc_running_total)
			mpc += again;
	}
	if (a->mpc_running_total) {
		u32 total = mpc;

		mpc = total - a->mpc_last;  /* u32 arithmetic: right across a wrap */
		a->mpc_last = total;
	}
	a->netdev->stats.rx_missed_errors += mpc;
}
