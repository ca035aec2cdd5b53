// SPDX-License-Identifier: MIT
/*
 * The "e1000" shell command: the driver's view of each adapter - its
 * model (82540EM or 82574L), ring indices as the device and the driver
 * see them, the interrupt mask, interrupt counters - and the interrupt
 * throttle ("e1000 itr N").
 *
 * "e1000 txhang" is fault injection, like Linux's drivers/misc/lkdtm: it
 * clears TCTL.EN on eth0 so the transmitter stops walking its ring, the
 * way a wedged transmitter does; the transmit watchdog then detects the
 * stopped queue and the driver resets the adapter. The third line of
 * "e1000" counts the timeouts, resets and injections.
 * Reading registers here has no side effects (ICR is never read).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/shell.h>

#include "e1000.h"

static void e1000_show(struct e1000_adapter *a)
{
	shell_printf("%s: %s %s irq %d%s itr %u/s status %#x ims %#x polling %d\n",
		     a->netdev->name, pci_name(a->pdev), a->info->name, a->irq,
		     a->msi ? " (MSI)" : "",
		     a->itr, e1000_rd(a, E1000_STATUS), e1000_rd(a, E1000_IMS),
		     READ_ONCE(a->polling));
	shell_printf("  rx: RDH %u RDT %u next %u  tx: TDH %u TDT %u use %u clean %u free %u\n",
		     e1000_rd(a, E1000_RDH), e1000_rd(a, E1000_RDT), a->rx_next,
		     e1000_rd(a, E1000_TDH), e1000_rd(a, E1000_TDT), a->tx_use, a->tx_clean,
		     e1000_tx_free(a));
	shell_printf("  irqs %lu irq_none %lu lsc %lu rxo %lu rx_no_buffer %lu tx_busy %lu icr_seen %#x\n",
		     READ_ONCE(a->irqs), READ_ONCE(a->irq_none), a->lsc, a->rxo, a->rx_no_buffer,
		     a->tx_busy, a->icr_seen);
	shell_printf("  tx_timeout %lu resets %lu txhang %lu tctl %#x\n",
		     READ_ONCE(a->tx_timeout_count), READ_ONCE(a->resets), READ_ONCE(a->txhang),
		     e1000_rd(a, E1000_TCTL));
}

static int do_e1000(int argc, char **argv)
{
	struct e1000_adapter *a;
	unsigned long v;
	unsigned int i;

	if (!e1000_get(0)) {
		shell_printf("e1000: no adapter (boot QEMU with -device e1000 or e1000e)\n");
		return -ENODEV;
	}
	if (argc == 1) {
		for (i = 0; (a = e1000_get(i)); i++)
			e1000_show(a);
		return 0;
	}
	if (argc == 3 && !strcmp(argv[1], "itr")) {
		if (kstrtoul(argv[2], 0, &v) || v > 100000 || e1000_set_itr(e1000_get(0), v)) {
			shell_printf("e1000: itr must be 0 or 100..100000 interrupts/s (-EINVAL)\n");
			return -EINVAL;
		}
		shell_printf("e1000: %s: itr %lu/s (ITR register %u)\n", e1000_get(0)->netdev->name,
			     v, e1000_rd(e1000_get(0), E1000_ITR));
		return 0;
	}
	if (argc == 2 && !strcmp(argv[1], "txhang")) {
		a = e1000_get(0);
		if (!netif_running(a->netdev)) {
			shell_printf("e1000: %s is down: nothing to hang (-ENETDOWN)\n", a->netdev->name);
			return -ENETDOWN;
		}
		e1000_inject_txhang(a);
		shell_printf("e1000: %s: transmitter stopped (TCTL.EN cleared); the watchdog resets it after %lu ms\n",
			     a->netdev->name, jiffies_to_msecs(a->netdev->watchdog_timeo));
		return 0;
	}
	shell_printf("usage: e1000 [itr N | txhang]\n");
	return -EINVAL;
}
DEFINE_SHELL_CMD(e1000, "[itr N | txhang]",
		 "e1000 adapters: rings, interrupt mask and counters; set ITR; txhang: stop the transmitter (fault injection)",
		 do_e1000);
