/* net.c — the simulated network: loopback TCP for package net.
 *
 * Nothing is sent yet, so no delivery is ever scheduled.
 */
#include "machine_internal.h"

void net_deliver(Machine *m, int64_t token)
{
    (void)m;
    (void)token;
}
