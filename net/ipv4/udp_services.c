// SPDX-License-Identifier: MIT
/*
 * Two classic UDP services as kernel threads, and the `udp` shell command
 * that starts and stops them:
 *
 *	udp echo start [PORT]   echo every datagram back to its sender (port 7)
 *	udp sink start PORT     count datagrams and bytes, send nothing
 *	udp sink                the sinks' totals and the rate since last asked
 *	udp stop echo|sink [PORT]
 *	udp send ADDR PORT TEXT send TEXT in one datagram from the shell and
 *	                        print the reply, if one comes within a second
 *
 * Each service thread sleeps in kernel_recvfrom() - it is the task at the
 * end of the receive path that the NET_RX softirq wakes. Stopping shuts
 * the socket down (which wakes the thread) and then kthread_stop()s it.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/kthread.h>
#include <linux/jiffies.h>
#include <linux/mutex.h>
#include <linux/shell.h>
#include <linux/in.h>
#include <linux/net.h>
#include <net/sock.h>
#include <net/ip.h>

#define UDP_SERVICES_MAX 4
#define UDP_SERVICE_BUF  2048

enum udp_service_kind { UDP_ECHO, UDP_SINK };

struct udp_service {
	bool used;
	enum udp_service_kind kind;
	u16 port;
	struct socket *sock;
	struct task_struct *task;
	unsigned long packets, bytes, send_errors;
	unsigned long last_packets, last_bytes, last_jiffies;  /* for the rate */
};

static struct udp_service services[UDP_SERVICES_MAX];
static DEFINE_MUTEX(services_lock);

static int udp_service_thread(void *data)
{
	struct udp_service *s = data;
	struct sock *sk = s->sock->sk;
	u8 *buf = kmalloc(UDP_SERVICE_BUF, GFP_KERNEL);
	__be32 saddr;
	u16 sport;
	long n;

	while (!kthread_should_stop()) {
		if (!buf || (READ_ONCE(sk->sk_shutdown) & RCV_SHUTDOWN)) {
			schedule_timeout_interruptible(HZ / 10);
			continue;
		}
		n = kernel_recvfrom(s->sock, buf, UDP_SERVICE_BUF, &saddr, &sport,
				    0, MAX_SCHEDULE_TIMEOUT);
		if (n < 0 || (READ_ONCE(sk->sk_shutdown) & RCV_SHUTDOWN))
			continue;
		WRITE_ONCE(s->packets, s->packets + 1);
		WRITE_ONCE(s->bytes, s->bytes + (unsigned long)n);
		if (s->kind == UDP_ECHO &&
		    kernel_sendto(s->sock, buf, (size_t)n, saddr, sport) < 0)
			s->send_errors++;
	}
	kfree(buf);
	return 0;
}

static int udp_service_start(enum udp_service_kind kind, u16 port)
{
	struct udp_service *s = NULL;
	int ret;

	for (int i = 0; i < UDP_SERVICES_MAX; i++)
		if (!services[i].used) {
			s = &services[i];
			break;
		}
	if (!s)
		return -EBUSY;
	memset(s, 0, sizeof(*s));
	ret = sock_create_kern(SOCK_DGRAM, &s->sock);
	if (ret)
		return ret;
	ret = kernel_bind(s->sock, 0, port);
	if (ret) {
		sock_release(s->sock);
		return ret;
	}
	s->kind = kind;
	s->port = port;
	s->last_jiffies = jiffies;
	s->task = kthread_run(udp_service_thread, s, "udp_%s/%u",
			      kind == UDP_ECHO ? "echo" : "sink", port);
	if (IS_ERR(s->task)) {
		sock_release(s->sock);
		return (int)PTR_ERR(s->task);
	}
	s->used = true;
	return 0;
}

static void udp_service_stop(struct udp_service *s)
{
	kernel_sock_shutdown(s->sock, SHUTDOWN_MASK);
	kthread_stop(s->task);
	sock_release(s->sock);
	s->used = false;
}

static void udp_sink_report(void)
{
	for (int i = 0; i < UDP_SERVICES_MAX; i++) {
		struct udp_service *s = &services[i];
		unsigned long now = jiffies, ms, p, b;

		if (!s->used || s->kind != UDP_SINK)
			continue;
		p = READ_ONCE(s->packets);
		b = READ_ONCE(s->bytes);
		ms = jiffies_to_msecs(now - s->last_jiffies);
		if (!ms)
			ms = 1;
		shell_printf("sink port %u: %lu datagrams %lu bytes drops %lu; last %lu ms: %lu datagrams/s %lu bytes/s\n",
			     s->port, p, b, READ_ONCE(s->sock->sk->sk_drops), ms,
			     (p - s->last_packets) * 1000 / ms,
			     (b - s->last_bytes) * 1000 / ms);
		s->last_packets = p;
		s->last_bytes = b;
		s->last_jiffies = now;
	}
}

static int parse_port(const char *str, u16 *port)
{
	unsigned long v;

	if (kstrtoul(str, 10, &v) || !v || v > 65535)
		return -EINVAL;
	*port = (u16)v;
	return 0;
}

/*
 * udp send: one datagram from a fresh kernel socket on an ephemeral port,
 * then wait up to a second for one answer on that socket (an echo service
 * - ours through lo, or one on the wire - sends it back there).
 */
static int udp_send_once(int argc, char **argv)
{
	char text[256], reply[256], from[16];
	struct socket *sock;
	size_t len = 0;
	__be32 daddr, saddr;
	u16 port, sport;
	long n;
	int ret;

	if (argc < 5 || inet_parse_addr(argv[2], &daddr) || parse_port(argv[3], &port)) {
		shell_printf("usage: udp send ADDR PORT TEXT (ADDR a dotted quad, PORT 1..65535)\n");
		return -EINVAL;
	}
	for (int i = 4; i < argc; i++) {
		size_t w = strlen(argv[i]);

		if (len + w + 1 >= sizeof(text)) {
			shell_printf("udp send: TEXT longer than %zu bytes\n", sizeof(text) - 1);
			return -EMSGSIZE;
		}
		if (i > 4)
			text[len++] = ' ';
		memcpy(text + len, argv[i], w);
		len += w;
	}
	text[len] = 0;
	ret = sock_create_kern(SOCK_DGRAM, &sock);
	if (ret) {
		shell_printf("udp send: no socket: error %d\n", ret);
		return ret;
	}
	ret = kernel_sendto(sock, text, len, daddr, port);
	if (ret < 0) {
		shell_printf("udp send: error %d%s\n", ret,
			     ret == -ENETUNREACH ? " (Network is unreachable)" :
			     ret == -ENETDOWN ? " (Network is down)" : "");
		sock_release(sock);
		return ret;
	}
	shell_printf("sent %zu bytes to %s:%u\n", len, argv[2], port);
	n = kernel_recvfrom(sock, reply, sizeof(reply) - 1, &saddr, &sport, 0, HZ);
	if (n >= 0) {
		reply[n] = 0;
		shell_printf("reply from %s:%u: %s\n", ip_ntoa(saddr, from), sport, reply);
	} else {
		shell_printf("no reply within 1 s\n");
	}
	sock_release(sock);
	return 0;
}

static int do_udp(int argc, char **argv)
{
	enum udp_service_kind kind;
	u16 port = 0;
	int ret = 0;

	if (argc >= 2 && !strcmp(argv[1], "send"))
		return udp_send_once(argc, argv);
	if (argc < 2 || (strcmp(argv[1], "echo") && strcmp(argv[1], "sink") &&
			 strcmp(argv[1], "stop")))
		goto usage;
	mutex_lock(&services_lock);
	if (!strcmp(argv[1], "sink") && argc == 2) {
		udp_sink_report();
	} else if (!strcmp(argv[1], "stop")) {
		bool any = false;

		if (argc < 3 || (argc > 3 && parse_port(argv[3], &port))) {
			mutex_unlock(&services_lock);
			goto usage;
		}
		kind = !strcmp(argv[2], "echo") ? UDP_ECHO : UDP_SINK;
		for (int i = 0; i < UDP_SERVICES_MAX; i++) {
			struct udp_service *s = &services[i];

			if (s->used && s->kind == kind && (!port || s->port == port)) {
				shell_printf("udp %s port %u stopped: %lu datagrams %lu bytes\n",
					     argv[2], s->port, s->packets, s->bytes);
				udp_service_stop(s);
				any = true;
			}
		}
		if (!any)
			ret = -ENOENT;
	} else if (argc >= 3 && !strcmp(argv[2], "start")) {
		kind = !strcmp(argv[1], "echo") ? UDP_ECHO : UDP_SINK;
		if (argc > 3 ? parse_port(argv[3], &port) : kind == UDP_SINK) {
			mutex_unlock(&services_lock);
			goto usage;
		}
		if (!port)
			port = 7;
		ret = udp_service_start(kind, port);
		if (!ret)
			shell_printf("udp %s listening on port %u\n", argv[1], port);
	} else {
		mutex_unlock(&services_lock);
		goto usage;
	}
	mutex_unlock(&services_lock);
	if (ret)
		shell_printf("udp: error %d\n", ret);
	return ret;
usage:
	shell_printf("usage: udp echo start [PORT] | udp sink start PORT | udp sink | udp stop echo|sink [PORT] | udp send ADDR PORT TEXT\n");
	return -EINVAL;
}
DEFINE_SHELL_CMD(udp, "echo start [PORT] | sink start PORT | sink | stop echo|sink [PORT] | send ADDR PORT TEXT",
		 "UDP echo / sink services (kernel threads in recvfrom); send one datagram", do_udp);
