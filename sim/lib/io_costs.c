/* io_costs.c — what each simulated system call costs in virtual time.
 *
 * One table: a fixed cost per call plus a cost per byte moved (in
 * picoseconds, so a bandwidth of GB/s stays an integer).  A library call
 * that enters the kernel (os.ReadFile, f.Read, conn.Write ...) blocks its
 * goroutine in a system call (syscall_block) for the sum of the calls real
 * Go's implementation makes: os.ReadFile is open + fstat + read + read (the
 * one that sees EOF) + close.  The two network latencies are not system
 * calls: they say when the bytes a Write sent become readable at the other
 * end, and when a Dial's handshake is over.
 *
 * Where the numbers come from (go1.19.8 linux/amd64 on the 2-core machine
 * of tests/fidelity; medians):
 *   tests/fidelity/syscall_handoff.dist, 20 runs with GOMAXPROCS=1:
 *     os.ReadFile 4 KiB: 7381 ns, 1 MiB: 240287 ns  -> 6.47 us + 0.223 ns/byte
 *     os.WriteFile 1 MiB: 1391443 ns                -> 1.32 ns/byte written
 *   tests/fidelity/echo_server.dist, 1000 runs with GOMAXPROCS=2:
 *     net.Dial on loopback: 42713 ns; a 16-byte round trip: 15623 ns
 * How a measured total splits among the calls inside it (open, fstat, read,
 * close; write, read and the latency) is ours: ESTIMATE marks such a share,
 * which a per-call measurement would replace.  PLACEHOLDER marks a cost with
 * no measurement behind it at all.  Running tests/fidelity/echo_server.go
 * in interleave prints the simulated dial and rtt to compare.
 */
#include "io.h"

typedef struct CostRow {
    int64_t fixed_ns;          /* per call                                          */
    int64_t ps_per_byte;       /* per byte moved, picoseconds                       */
} CostRow;

static const CostRow costs[IOC__COUNT] = {
    /* open(2) of an existing file: ReadFile's 6.5 us fixed part, less the rest */
    [IOC_OPEN] = {2500, 0},
    /* open(2) with O_CREAT|O_TRUNC (os.Create, os.WriteFile): a new or emptied
     * inode; ESTIMATE from WriteFile's fixed part being ~1.5x ReadFile's */
    [IOC_CREATE] = {4000, 0},
    /* read(2): 0.223 ns/byte is the slope of ReadFile between 4 KiB and 1 MiB
     * (page-cache copy, ~4.5 GB/s) */
    [IOC_READ] = {1200, 223},
    /* write(2): 1.32 ns/byte is WriteFile's 1 MiB time less its fixed part
     * (the page cache allocates as it goes, ~0.76 GB/s) */
    [IOC_WRITE] = {1200, 1321},
    /* close(2): ESTIMATE, part of ReadFile's fixed cost */
    [IOC_CLOSE] = {900, 0},
    /* stat(2) / fstat(2): ESTIMATE, part of ReadFile's fixed cost */
    [IOC_STAT] = {700, 0},
    /* unlink(2): PLACEHOLDER */
    [IOC_REMOVE] = {3000, 0},
    /* socket + setsockopt + bind + listen: PLACEHOLDER (not measured) */
    [IOC_NET_LISTEN] = {10000, 0},
    /* net.Dial's system calls (socket, setsockopts, connect returning
     * EINPROGRESS, getsockname, getpeername): with IOC_NET_HANDSHAKE, the
     * 42.7 us median of a loopback Dial (echo_server.dist, GOMAXPROCS=2);
     * the split between the two is ours */
    [IOC_NET_DIAL] = {10000, 0},
    /* accept4(2) of a queued connection: PLACEHOLDER (not measured) */
    [IOC_NET_ACCEPT] = {2000, 0},
    /* read(2) on a socket with data: ESTIMATE, part of the round trip below */
    [IOC_NET_READ] = {1000, 0},
    /* write(2) on a socket: ESTIMATE, part of the round trip below */
    [IOC_NET_WRITE] = {2000, 0},
    /* close(2) of a socket: PLACEHOLDER (not measured) */
    [IOC_NET_CLOSE] = {1500, 0},
    /* loopback, one way: from a Write to the bytes being readable at the
     * other end.  echo_server.dist's round trip (16 bytes there and back,
     * median 15.6 us at GOMAXPROCS=2, 13.4 us at 1) is 2 x (write + latency
     * + read) plus what the scheduler adds to bring the parked readers back
     * (a spinning thread's netpoll, a goroutine switch): chosen so that the
     * simulated echo_server.go's round trip has real Go's median */
    [IOC_NET_LATENCY] = {3300, 0},
    /* Dial: from connect(2) to the connection being established; the
     * dialer's wake-up and the accepting goroutine's are the scheduler's,
     * which brings the simulated Dial of echo_server.go to real Go's median;
     * see IOC_NET_DIAL */
    [IOC_NET_HANDSHAKE] = {16000, 0},
};

int64_t io_cost(IoCost c, int64_t bytes)
{
    if ((int)c < 0 || c >= IOC__COUNT) return 0;
    return costs[c].fixed_ns + (bytes > 0 ? bytes * costs[c].ps_per_byte / 1000 : 0);
}
