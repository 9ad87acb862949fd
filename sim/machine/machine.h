/* machine.h — the simulated multi-core machine that runs a Program.
 *
 * A Machine is a value: machine_step() depends only on (program, config, seed,
 * schedule), never on wall-clock time, pointer order or global state.  Clients
 * (the TUI, the CLI, tests, history) read the structs below; only sim/ writes them.
 *
 * Go's G-M-P model: a Core is a P (GOMAXPROCS of them), a Thread is an M, a
 * Goroutine is a G.  Each thread has its own virtual clock and a frame is one
 * action of the thread whose clock is earliest (sim/machine/sched.c), so
 * parallelism is several goroutines running at the same virtual time and
 * concurrency on one core is alternation across frames.
 */
#ifndef INTERLEAVE_MACHINE_H
#define INTERLEAVE_MACHINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "program.h"
#include "value.h"

#define MACHINE_MAX_CORES 16

typedef enum Policy {
    POLICY_GO,      /* Go's scheduler: per-P run queues, runnext, global queue,
                       work stealing, threads (M) handed between Ps          */
    POLICY_SINGLE   /* one core, time-sliced (cores forced to 1)              */
} Policy;

/* Go's time slice: sysmon preempts a goroutine that has run this long
 * (runtime/proc.go forcePreemptNS, 10 ms). */
#define MACHINE_GO_TIME_SLICE 10000000

typedef struct MachineConfig {
    int cores;          /* GOMAXPROCS: 1..MACHINE_MAX_CORES                    */
    Policy policy;
    uint64_t seed;
    int64_t time_slice; /* virtual ns a goroutine runs before it is preempted:
                           Go's 10 ms unless a lesson shortens it             */
    int schedtrace_ms;  /* GODEBUG=schedtrace: sysmon writes Go's SCHED line
                           to stderr every this many ms of virtual time, 0 off */
    const struct FsImage *fs;   /* the program's directory (sim/lib/fsimage.h),
                                   borrowed and never written; NULL: empty     */
    int64_t race_exit_ns;       /* a -race build: when main returns, the race
                                   runtime's exit (racefini) takes this long
                                   while the other goroutines run on; 0 off  */
    int gogc;                   /* Go's GOGC: the heap may grow by this percent
                                   of what the last collection left before the
                                   next one (100); -1 never collect (GOGC=off) */
} MachineConfig;

/* What a -race binary's exit takes beyond a plain one's, measured with Go
 * 1.19 on the 2-core machine of tests/fidelity: 15.7-21.3 ms against
 * 2.4-3.1 ms from main's return to the process's end (5 runs each). */
#define MACHINE_RACE_EXIT_NS 15000000

/* Defaults used by every front end: 2 cores, go policy, seed 1, Go's slice. */
MachineConfig machine_config_default(void);
const char *policy_name(Policy p);
int policy_parse(const char *s, Policy *out);   /* 0 ok, -1 unknown */

typedef enum GState {
    G_RUNNABLE,   /* on a run queue (a core's runnext/local queue or the global one) */
    G_RUNNING,    /* executing on core `core`                                  */
    G_BLOCKED,    /* parked: see wait / wait_addr                              */
    G_SLEEPING,   /* parked on a timer until wake_time                         */
    G_SYSCALL,    /* in a blocking system call: its M is blocked with it        */
    G_DONE        /* returned                                                   */
} GState;

typedef enum WaitReason {
    WAIT_NONE,
    WAIT_MUTEX,       /* sync.Mutex.Lock: wait_addr is the mutex's address    */
    WAIT_WAITGROUP,   /* sync.WaitGroup.Wait: wait_addr is the WaitGroup's    */
    WAIT_SLEEP,       /* time.Sleep                                            */
    WAIT_CHAN_RECV,   /* <-ch: wait_addr is the channel's id (1 + chans index) */
    WAIT_CHAN_SEND,   /* ch <- v: wait_addr is the channel's id                */
    WAIT_CHAN_RECV_NIL, /* <-ch on a nil channel: forever (wait_addr 0)        */
    WAIT_CHAN_SEND_NIL, /* ch <- v on a nil channel: forever                    */
    WAIT_SELECT,      /* select: on every case's channel (wait_addr: the first
                         case's channel id, 0 when they are all nil)           */
    WAIT_SELECT_EMPTY,/* select {}: forever                                    */
    WAIT_RWMUTEX_R,   /* RWMutex.RLock: wait_addr is the RWMutex's address     */
    WAIT_RWMUTEX_W,   /* RWMutex.Lock (another writer, or readers to leave)    */
    WAIT_ONCE,        /* Once.Do while another goroutine runs f                */
    WAIT_COND,        /* Cond.Wait: wait_addr is the Cond's address            */
    WAIT_IO,          /* parked on the network poller: wait_addr is the poll
                         key (sim/machine/netpoll.c); it holds no M            */
    WAIT_SYSCALL      /* G_SYSCALL: in a blocking system call with its M      */
} WaitReason;

typedef struct Frame {
    int proto;
    int pc;           /* next instruction to execute                          */
    int base;         /* stack index of slot 0                                 */
    int ndefers_at_entry;
    int deferred;     /* 1: a deferred call run by RET; its results are dropped;
                         2: one run by a panic (sim/machine/panic.c)        */
    int defer_owner;  /* deferred == 2: depth of the frame that deferred it    */
} Frame;

typedef struct Defer {
    int frame_depth;  /* frame that registered it                              */
    int op;           /* 0: call a function value; else builtin Opcode         */
    int nargs;
    int args_at;      /* index into Goroutine.defer_vals of fn (op == 0) or arg 0 */
} Defer;

typedef struct Goroutine {
    int id;                 /* 1 = main, then 2, 3, ... in creation order      */
    GState state;
    WaitReason wait;
    int64_t wait_addr;      /* address of the mutex / WaitGroup waited for     */
    int64_t wake_time;      /* G_SLEEPING: virtual ns                          */
    int core;               /* G_RUNNING: the core; else -1                    */
    int last_core;          /* core it last ran on, -1 if never                */
    int created_by;         /* goroutine id that ran the go statement, 0 main  */
    int created_line;       /* line of that go statement                        */

    Frame *frames; int nframes, frames_cap;
    Value *stack;  int sp, stack_cap;
    Defer *defers; int ndefers, defers_cap;
    Value *defer_vals; int ndefer_vals, defer_vals_cap;

    uint64_t steps;         /* instructions executed                           */
    int thread;             /* G_RUNNING or G_SYSCALL: the M it is on, else -1 */
    int created_pc;         /* pc of the go statement (names "created by")     */
    /* panics (sim/machine/panic.c): Go's _panic chain, innermost last */
    int unwinding;          /* 1: the next step runs the panic's next deferred call */
    int npanics;
    int panic_pc;           /* the instruction that raised the latest panic    */
    Value panicv[8];
    uint8_t panic_recovered[8];
    /* fmt (sim/lib/vm_fmt.c): String()/Error() results of struct
     * fields, by the field's address, for the print instruction running */
    int nfmt;
    int fmt_frame;          /* frame depth of the print that filled the cache:
                               prints inside a String() method leave it alone */
    int64_t fmt_addr[16];
    int fmt_type[16];       /* the field's layout: a struct and its first field share an address */
    Value fmt_val[16];
    int last_pc;            /* instruction it executed last (where it blocked) */
    /* sync.Mutex.Lock's slow path (lockSlow's locals, kept across its turns) */
    int64_t lock_since;     /* waitStartTime + 1, 0: not waited yet            */
    uint8_t lock_flags;     /* LOCK_AWOKE, LOCK_STARVING, LOCK_SEMA_WOKEN ... */
    uint8_t lock_iter;      /* spins so far                                    */
    int closed_wake;        /* woken from a blocked send (or a select's send
                               case) by close: its SEND / SELECT, rewound,
                               executes again and panics as Go's does         */
} Goroutine;

/* sync.Mutex as Go's sync/mutex.go: see sim/machine/sync.c. */
typedef struct Mutex {
    int64_t addr;           /* where the sync.Mutex lives in mem (for naming)  */
    int owner;              /* the goroutine that holds it, 0 unlocked (Go's
                               mutexLocked; Go does not record who)            */
    bool woken;             /* mutexWoken: a spinning or woken goroutine is
                               about to try, so Unlock wakes nobody            */
    bool starving;          /* mutexStarving: Unlock hands it to the first
                               waiter; newcomers queue behind                  */
    int counted;            /* the waiters Go's state counts (>> mutexWaiterShift) */
    int *waiters; int nwaiters, waiters_cap;   /* its semaphore's queue, next first */
    uint64_t acquisitions, contentions;
} Mutex;

typedef struct WaitGroup {
    int64_t addr;
    int64_t counter;
    int *waiters; int nwaiters, waiters_cap;
} WaitGroup;

/* sync.RWMutex as Go's rwmutex.go: readers share it; a writer first takes
 * the writers' Mutex w, then announces itself and waits for the readers
 * inside to leave, and meanwhile new readers queue: a waiting writer blocks
 * new readers (sim/machine/sync_rw.c). */
typedef struct RWMutex {
    int64_t addr;
    int readers;            /* readers inside (RLock'd, not yet RUnlock'd)      */
    int writer;             /* the writer that has announced itself, 0 none    */
    bool writer_waiting;    /* ... and waits for the readers inside to leave    */
    int *rwaiters; int nrwaiters, rwaiters_cap;   /* readers queued, FIFO      */
    Mutex w;                /* Go's rw.w: the writers queue in its semaphore    */
} RWMutex;

/* sync.Once: done after f returned; `running` calls f now; others wait. */
typedef struct Once {
    int64_t addr;
    bool done;
    int running;            /* goroutine inside Do's f, 0 none                  */
    int *waiters; int nwaiters, waiters_cap;
} Once;

/* sync.Cond's notify list: Wait queues (FIFO tickets), Signal wakes the
 * oldest, Broadcast all. */
typedef struct Cond {
    int64_t addr;           /* the Cond object (its L is mem[addr])             */
    int *waiters; int nwaiters, waiters_cap;
    uint64_t signals;
} Cond;

typedef struct SyncObj {
    SyncKind kind;
    union { Mutex mu; WaitGroup wg; RWMutex rw; Once once; Cond cond; } u;
} SyncObj;

/* A goroutine waiting on a channel (Go's sudog): in the channel's recvq or
 * sendq, FIFO. */
typedef struct Sudog {
    int g;
    int sel;                /* select case index, -1: a plain send / receive   */
    int want_ok;            /* receive: the goroutine also wants ok            */
    Value elem;             /* send: the value to deliver                       */
} Sudog;

typedef struct WaitQ {
    Sudog *q; int n, cap;
} WaitQ;

/* A channel (Go's hchan, runtime/chan.go): a ring buffer of cap values, the
 * goroutines blocked receiving and sending, closed.  See sim/machine/chan.c. */
typedef struct Chan {
    int id;                 /* 1 + its index in Machine.chans                   */
    int name;               /* string index of what it was made into ("results",
                               "time.After"), -1 unknown                        */
    int elem_type;          /* Program.types index of the element type, -1      */
    Value zero;             /* the element type's zero value                    */
    int64_t cap;            /* buffer size (0: unbuffered)                      */
    Value *buf; int64_t head, len;   /* the ring: len values from head          */
    bool closed;
    WaitQ recvq, sendq;
    int made_by;            /* goroutine that made it                           */
    int timer;              /* made by time.After / Tick / NewTimer / NewTicker
                               (1..4, sim/machine/runtime.c), 0 by make               */
    uint64_t sends, recvs;  /* completed operations                            */
} Chan;

/* A run queue of goroutine ids (ring buffer). */
typedef struct RunQueue {
    int *ids; int head, len, cap;
} RunQueue;

/* What a core (P) is doing; see the essay atop sim/machine/sched.c. */
typedef enum CoreState {
    CORE_IDLE,          /* on the idle list (Go's pidle), no M                 */
    CORE_RUNNING,       /* held by an M that runs a G or looks for one         */
    CORE_SYSCALL        /* its M is in a system call; sysmon may take it back
                           and hand it to another M (Go's _Psyscall)           */
} CoreState;

typedef struct Core {
    int id;
    CoreState state;
    int thread;         /* the M that holds it (or is waking with it, or is in
                           a system call that left it), -1 none               */
    int g;              /* goroutine its M runs, 0 none                         */
    int runnext;        /* goroutine id to run next, 0 none (Go's p.runnext)   */
    RunQueue local;     /* Go's p.runq                                         */
    uint32_t schedtick; /* Go's p.schedtick: picks that started a new slice    */
    uint32_t syscalltick; /* Go's p.syscalltick: system calls begun on it      */
    int64_t slice_start;/* virtual ns the running goroutine's slice began      */
    uint64_t idle_seq;  /* when it went idle: the latest is taken first        */
    /* sysmon's last look at it (Go's p.sysmontick) */
    uint32_t seen_schedtick, seen_syscalltick;
    int64_t seen_schedwhen, seen_syscallwhen;
    bool preempt;       /* sysmon asked its goroutine to stop (preemptone)     */
} Core;

/* What an OS thread (M) is doing.  Every state but TH_IDLE has a time at
 * which the thread acts next (Thread.clock); see sim/machine/sched.c. */
typedef enum ThreadState {
    TH_IDLE,            /* parked on the idle list (Go's stopm): no P, no G    */
    TH_WAKING,          /* woken (or just created) to take P `core`            */
    TH_SCHED,           /* holds a P, looks for a goroutine (findRunnable)     */
    TH_RUNNING,         /* holds a P, runs goroutine g                          */
    TH_SYSCALL,         /* in a system call with g; returns at clock           */
    TH_POLLING,         /* blocked in the network poller, no P, until clock or
                           a network event (Go's netpoll(delay))               */
    TH_SYSMON           /* the system monitor: no P, wakes at clock            */
} ThreadState;

typedef struct Thread {
    int id;             /* M0 is the main thread, then M1, M2 ... by creation  */
    ThreadState state;
    int core;           /* the P it holds, takes (TH_WAKING) or left in a
                           system call (TH_SYSCALL); -1 none                   */
    int g;              /* goroutine it runs or is in a system call with       */
    bool spinning;      /* looking for work to steal (Go's m.spinning)          */
    int steal_from;     /* TH_SCHED after backing off from a running P's
                           runnext: that P, -1 none                            */
    int64_t clock;      /* picoseconds: when it acts next                       */
    uint64_t idle_seq;  /* when it went idle: the latest is woken first        */
} Thread;

/* An allocation: a run of slots in mem (a variable, a struct, a closure
 * record, a slice's array, a map's storage), with the source name it was
 * made under.  Machine.blocks holds one per allocation in address order; a
 * pointer into a block keeps all of it alive (sim/machine/reach.c), and the
 * collector (sim/machine/gc.c) frees whole blocks and reuses them for
 * allocations of the same size.  A zero-size allocation (&struct{}{}) is a
 * block of no slots at the address the next one gets. */
typedef struct Block {
    int64_t base;       /* address of slot 0                                    */
    int32_t nslots;
    int32_t type;       /* index into Program.types; negative: none (a closure
                           record, a box, a map's storage, the globals), and
                           BLOCK_FREE for a block the collector freed         */
    int32_t name;       /* string index of the variable's name, -1 anonymous   */
    int32_t elems;      /* an array of elems values of `type` ("forks[1]"), 0:
                           one value                                          */
} Block;
#define BLOCK_FREE (-3)

/* Slots [addr, addr + n) of mem. */
typedef struct MemRange { int64_t addr, n; } MemRange;

/* Free blocks of one size, as the collector's last sweep left them:
 * GcState.free[next, end) are their indices in Machine.blocks, lowest
 * address first. */
typedef struct GcClass { int64_t nslots, next, end; } GcClass;

/* The collector's state (sim/machine/gc.c).  Sizes are Go bytes: a slot
 * counts 8 (one word: an int, a pointer), a string its length rounded up to
 * 8; the globals and the program's constant strings are not heap. */
typedef struct GcState {
    uint64_t live;          /* heap bytes allocated and not freed (HeapAlloc)   */
    uint64_t goal;          /* collect when live reaches it (Go's heap goal)   */
    uint64_t marked_heap;   /* live after the last collection (heapMarked)     */
    uint64_t total;         /* heap bytes ever allocated (TotalAlloc)          */
    uint64_t mallocs, frees;/* heap objects allocated, freed                   */
    uint32_t cycles;        /* collections so far (NumGC)                      */
    uint32_t forced;        /* ... by runtime.GC (NumForcedGC)                 */
    bool requested;         /* runtime.GC ran this frame: collect at its end   */
    int64_t last_ns;        /* virtual time of the last collection, -1 none    */
    uint64_t marked, swept; /* slots marked and blocks swept, over all cycles:
                               the collector's work                           */
    int64_t *free; int64_t nfree, free_cap;   /* free blocks, by class        */
    GcClass *classes; int nclasses, classes_cap;   /* by nslots               */
    int *free_strs; int nfree_strs, free_strs_cap;   /* free indices of
                               Machine.strings, the lowest last (taken first) */
} GcState;

typedef struct StrRef { uint32_t off, len; } StrRef;

/* A pending timer; the timer queue orders by (when, seq).  Either a sleeping
 * goroutine's (g) or a channel timer's (time.After, NewTimer, Tick,
 * NewTicker: at `when` it sends the time on chan, without blocking, and a
 * ticker comes back `period` later). */
typedef struct Timer {
    int64_t when;       /* virtual ns                                           */
    uint64_t seq;       /* creation order: breaks ties                          */
    int g;              /* sleeping goroutine, 0 for a channel timer           */
    int chan;           /* channel id to send on, 0 for a sleep                 */
    int64_t period;     /* ticker period, 0 one-shot                            */
    int64_t id;         /* channel timer's id (time.Timer.Stop finds it)        */
    int64_t net;        /* a network event's token (netpoll_at), 0 none         */
} Timer;

typedef enum EventKind {
    EV_GO_CREATE,    /* g created other_g (at line)                           */
    EV_GO_START,     /* g starts running on core, on thread aux               */
    EV_GO_PREEMPT,   /* g's time slice ran out on core                         */
    EV_GO_BLOCK,     /* g blocked (wait reason, addr)                          */
    EV_GO_WAKE,      /* g became runnable again (woken by other_g, 0 = timer, or
                        the poller: wait WAIT_IO)                               */
    EV_GO_DONE,      /* g returned                                             */
    EV_LOCK_ACQUIRE, /* g acquired mutex addr                                  */
    EV_LOCK_RELEASE, /* g released mutex addr, waking other_g (0 nobody); aux 1:
                        handed to it (starvation mode)                       */
    EV_LOCK_CONTEND, /* g found mutex addr held by other_g and queued          */
    EV_OUTPUT,       /* g wrote text: out_off/out_len into stdout_buf          */
    EV_FATAL,        /* the program ended with a fatal error or panic          */
    EV_EXIT,         /* main returned: the program ended                       */
    EV_CHAN_SEND,    /* g sent on channel addr (an id): into the buffer, or
                        handed to the blocked receiver other_g                 */
    EV_CHAN_RECV,    /* g received from channel addr: from the buffer, or
                        from the blocked sender other_g; aux 1: the channel
                        was closed and empty (zero value, ok false); aux 2:
                        handed over by a timer (time.After, Tick, ...)        */
    EV_CHAN_CLOSE,   /* g closed channel addr                                  */
    EV_SYNC,         /* g did something to the RWMutex / Once / Cond at addr:
                        aux is a SyncOp (see sim/machine/event_text.c)                 */
    EV_SYSCALL,      /* g entered (aux 0) or returned from (aux 1) a system
                        call, on core (the P its thread left or takes)      */
    EV_HANDOFF,      /* sysmon took core from thread aux, blocked in a
                        system call, for another thread (or the idle list)  */
    EV_THREAD_NEW    /* a new OS thread, aux (its id), to run on core       */
} EventKind;

/* Event.aux of an EV_SYNC. */
typedef enum SyncOp {
    SYNC_OP_RLOCK = 1, SYNC_OP_RUNLOCK, SYNC_OP_WLOCK, SYNC_OP_WUNLOCK,
    SYNC_OP_ONCE_RUN, SYNC_OP_ONCE_DONE, SYNC_OP_COND_WAIT, SYNC_OP_COND_SIGNAL,
    SYNC_OP_COND_BROADCAST
} SyncOp;

typedef struct Event {
    EventKind kind;
    int g, other_g, core, line;
    WaitReason wait;
    int64_t addr;
    uint32_t out_off, out_len;
    int aux;
} Event;

/* What one core did in the last frame (the one that acted; the others' g is 0). */
typedef struct CoreStep {
    int g;              /* goroutine that executed, 0 = the core was idle      */
    int pc;             /* the instruction executed                             */
} CoreStep;

/* A shared-memory access of the last frame's instruction: slots [addr,
 * addr+n) of m->mem read or written (a map: the slot of its header, standing
 * for the whole table, as Go's race detector sees a map).  Recorded by
 * vm_exec only (machine_step), for the analyses; machine_run's fast path
 * does not. */
typedef struct MemAccess {
    int64_t addr;
    int32_t n;
    bool write;
    bool atomic;        /* sync/atomic: never races with another atomic access */
} MemAccess;
#define MACHINE_MAX_ACCESSES 2

/* A happens-before edge of the Go memory model, as the runtime makes it: a
 * goroutine releases what it did so far into a synchronisation key, and a
 * later acquire of the key by another goroutine orders it after.  Keys name
 * a sync object (a WaitGroup, a Once, an atomic word), one message of a
 * channel, ... (hb_key). */
typedef enum HbKind {
    HB_RELEASE,
    HB_ACQUIRE,
    HB_RELEASE_STORE    /* a release that replaces what the key held: an atomic
                           Store, after which a load is ordered after it, not
                           after other goroutines' earlier stores (as Go's race
                           runtime has it, and C++'s release sequences) */
} HbKind;
typedef enum HbKeyKind {
    HBK_GO = 1,         /* the go statement that made goroutine `id`            */
    HBK_WAITGROUP,      /* Add/Done before Wait returns (id: its address)       */
    HBK_ONCE,           /* f's return before every Do returns                   */
    HBK_ATOMIC,         /* a sync/atomic Store, Add, CAS before later ones on the word */
    HBK_CHAN_MSG,       /* send #seq before receive #seq completes (id: chan)  */
    HBK_CHAN_ACK,       /* unbuffered: receive #seq before send #seq completes */
    HBK_CHAN_SLOT,      /* receive #seq before send #seq+cap completes          */
    HBK_CHAN_CLOSE      /* close before a receive that sees it                  */
} HbKeyKind;
typedef struct HbNote {
    HbKind kind;
    int g;              /* 0: a timer (no goroutine)                             */
    uint64_t key;
} HbNote;
/* kind in the top 8 bits; id (an address or a channel id) and seq below. */
static inline uint64_t hb_key(HbKeyKind kind, int64_t id, uint64_t seq)
{
    return ((uint64_t)kind << 56) ^ (((uint64_t)id & 0xffffffffffffULL) ^ (seq << 24));
}

typedef enum MachineStatus {
    M_RUNNING,          /* can step                                             */
    M_EXITED,           /* main returned: exit_code 0                           */
    M_DEADLOCK,         /* all goroutines asleep: exit_code 2                   */
    M_PANIC,            /* runtime panic or fatal error: exit_code 2            */
    M_SCHEDULE_ERROR,   /* a forced step named a goroutine that cannot run      */
    M_HANG              /* nothing can happen any more, yet Go does not call it
                           a deadlock (a goroutine waits for the network, and
                           nothing is on its way): Go would hang; exit_code 3 */
} MachineStatus;

/* A schedule: the goroutine that executes at each goroutine step (each frame
 * in which some goroutine runs an instruction), in order; steps past the end
 * follow the machine's own timing.  Text form: runs of goroutine ids
 * separated by '.', a run of k steps of G written "GxK": "1x12.2x3.1" is
 * twelve steps of G1, three of G2, one of G1; "2/1": a step of G2 whose
 * select takes its first case if that case is ready (see
 * sim/machine/schedule.c). */
typedef struct Schedule {
    int32_t *picks; int n, cap;     /* picks[i]: the goroutine of step i        */
    int32_t *sel;                   /* NULL, or (cap entries) sel[i]: 1 + the
                                       case a select at step i polls first,
                                       0 its own random order                */
} Schedule;

typedef struct Machine {
    const Program *prog;        /* borrowed                                    */
    MachineConfig cfg;
    const Schedule *schedule;   /* borrowed, may be NULL                       */
    uint64_t rng[2];            /* seeded PRNG key: frame f draws splitmix64 of
                                   (rng, f) — see sched.c                      */

    uint64_t frame;             /* frames executed: one per step of one thread */
    int64_t now;                /* virtual time of the last frame, ns          */
    int64_t now_ps;             /* ... in picoseconds (the threads' clocks)    */
    uint64_t npicks;            /* picks made so far                           */
    uint64_t nforced;           /* schedule entries used so far                */
    int64_t forced_step;        /* the entry this frame's goroutine step used,
                                   -1 none (a select reads its case there)     */
    int acted;                  /* the thread that acted in the last frame, -1 */
    MachineStatus status;
    int exit_code;

    Value *mem; int64_t nmem, mem_cap;       /* globals first, then the heap   */
    Block *blocks; int64_t nblocks, blocks_cap;  /* every allocation (the globals
                                   are block 0), in address order: what the
                                   collector marks and frees as one piece
                                   (sim/machine/reach.c, gc.c) and what names
                                   an address (machine_addr_name)            */
    GcState gc;
    MemRange *freed; int nfreed, freed_cap;   /* blocks the collector freed at
                                   the end of the last frame, in address order,
                                   adjacent ones as one range: the analyses
                                   forget what they knew of them             */
    char *strdata; uint32_t strdata_len, strdata_cap;
    StrRef *strings; int nstrings, strings_cap;  /* program constants first   */

    Goroutine *gs; int ngs, gs_cap;   /* gs[id-1] is goroutine id              */
    Core cores[MACHINE_MAX_CORES]; int ncores;
    Thread *threads; int nthreads, threads_cap;   /* every M ever made         */
    RunQueue global;
    int nmspinning;             /* threads spinning (Go's sched.nmspinning)    */
    uint64_t idle_seq;          /* next Core/Thread.idle_seq                   */
    int poller;                 /* the thread in TH_POLLING, -1 none           */
    int sysmon;                 /* the sysmon thread                            */
    int sysmon_idle;            /* sysmon's cycles without a retake            */
    int64_t sysmon_delay;       /* its sleep, µs (20 .. 10,000)                 */
    int64_t lastpoll;           /* ns the network was last polled, 0: a thread
                                   is blocked in the poller (sched.lastpoll)  */
    int64_t poll_until;         /* the blocked poller's timer, ns, 0 none      */
    RunQueue pollready;         /* goroutines the network made ready that no
                                   thread has polled yet (still G_BLOCKED)    */
    int64_t charge_ps;          /* what waking another thread cost the thread
                                   acting now (a futex wake), added to its clock */
    bool netpoll_inited;        /* the first timer set the poller up          */
    bool sysmon_waiting;        /* sysmon sleeps while every P is idle        */
    bool race_exiting;          /* main returned; the race runtime's exit runs */
    bool sysmon_woken;          /* ... and a system call woke it early        */
    int64_t trace_start;        /* ns of the first SCHED line, -1 none yet     */
    int64_t lasttrace;          /* ns of the last SCHED line                   */
    SyncObj *syncs; int nsyncs, syncs_cap;

    CoreStep last[MACHINE_MAX_CORES];  /* what each core did in the last frame */
    Event *events; int nevents, events_cap;   /* events of the last frame       */
    MemAccess accesses[MACHINE_MAX_ACCESSES]; int naccesses;  /* ... its memory
                                   accesses (machine_step only)                */
    HbNote *hb; int nhb, hb_cap;  /* ... its happens-before notes, in order  */

    char *stdout_buf; uint32_t stdout_len, stdout_cap;   /* all output so far  */
    char *stderr_buf; uint32_t stderr_len, stderr_cap;   /* fatal errors etc.  */
    int fatal_g;                /* goroutine that panicked, 0 none             */
    char fatal_msg[160];        /* "all goroutines are asleep - deadlock!", ... */
    bool fatal_is_panic;        /* Go printed "panic: " (else "fatal error: ")  */

    uint64_t instructions;      /* total instructions executed                 */

    Timer *timers; int ntimers, timers_cap;  /* sleep queue: a binary min-heap
                                                on (when, seq), sim/machine/timer.c   */
    Timer *netevs; int nnetevs, netevs_cap;  /* the network's deliveries, the
                                                same kind of heap            */
    uint64_t timer_seq;         /* next Timer.seq                               */
    int fmt_g;                  /* goroutine whose fmt field cache applies while
                                   formatting (0 none)              */
    Chan *chans; int nchans, chans_cap;  /* channels, in creation order        */
    int64_t timer_ids;          /* channel timers made so far (Timer.id)        */
    int gomaxprocs;             /* what runtime.GOMAXPROCS reports (the cores
                                   stay as configured; see sim/machine/runtime.c)      */
    struct IoState *io;         /* files and sockets (sim/lib/io_state.c), made
                                   on first use; NULL until then                */
} Machine;

/* The virtual clock's epoch: time.Now() at t=0 is 2009-11-10 23:00:00 UTC (the
 * Go playground's), as Unix nanoseconds. */
#define MACHINE_EPOCH_UNIX_NS 1257894000000000000LL

/* Build a machine ready to run main (after global initialisation).  The program
 * must have compiled (ndiags == 0).  Returns NULL on bad config (cores < 1 ...). */
Machine *machine_new(const Program *p, const MachineConfig *cfg);
void machine_free(Machine *m);
/* Deep copy: the copy steps exactly as the original would. */
Machine *machine_clone(const Machine *m);
/* Overwrite dst with a deep copy of src, reusing dst's buffers. */
void machine_copy(Machine *dst, const Machine *src);
/* Use `s` (borrowed) to force the goroutine of each goroutine step; NULL for
 * the machine's own timing. */
void machine_set_schedule(Machine *m, const Schedule *s);

/* Execute one frame.  Returns the new status.  Calling it when status is not
 * M_RUNNING does nothing.  The frame's events are in m->events. */
MachineStatus machine_step(Machine *m);
/* Step until not running or `max_frames` frames executed; returns status. */
MachineStatus machine_run(Machine *m, uint64_t max_frames);
/* Is the next frame a goroutine step, one a schedule's pick would decide
 * (the earliest action is some goroutine's instruction, not a thread's look
 * for work, a timer, sysmon or the network)?  False once the machine has
 * stopped.  The explorer (sim/explore) steps the other frames by the
 * machine's own timing and branches at these. */
bool machine_next_is_goroutine_step(const Machine *m);

/* Lookups for display. */
const Goroutine *machine_goroutine(const Machine *m, int id);   /* NULL if none */
int machine_goroutine_line(const Machine *m, const Goroutine *g); /* current source line, 0 if done */
const char *machine_goroutine_func(const Machine *m, const Goroutine *g); /* function name */
/* "b.mu", "wg", "a", or "0x1c" when unnamed; returns buf. */
const char *machine_addr_name(const Machine *m, int64_t addr, char *buf, size_t n);
/* The block (index in m->blocks) that holds addr, -1 none. */
int64_t machine_block_of(const Machine *m, int64_t addr);
/* Slots [*lo, *hi) of block b. */
void machine_block_extent(const Machine *m, int64_t b, int64_t *lo, int64_t *hi);
/* Is addr in a block the collector freed at the end of the last frame
 * (m->freed)? */
bool machine_was_freed(const Machine *m, int64_t addr);
const char *machine_string(const Machine *m, Value v, uint32_t *len);   /* V_STR */
const Mutex *machine_mutex_at(const Machine *m, int64_t addr);         /* NULL unused */
/* The sync object (any kind) whose slot is at addr, NULL unused. */
const SyncObj *machine_sync_at(const Machine *m, int64_t addr);
/* The channel with this id (Chan.id), NULL if none. */
const Chan *machine_chan(const Machine *m, int64_t id);
/* A value as fmt's %v prints it ("42", "hi", "true"); returns buf. */
const char *machine_value_text(const Machine *m, Value v, char *buf, size_t n);
/* "results", "time.After", or "chan 3"; returns buf. */
const char *machine_chan_name(const Machine *m, int64_t id, char *buf, size_t n);
const char *state_name(GState s);           /* "running", "runnable", ...      */
const char *wait_reason_name(WaitReason w); /* "semacquire", "sleep", ... (Go's) */
const char *event_kind_name(EventKind k);

/* Go's fatal error text for the machine's ending (stderr of `go run`):
 *   fatal error: all goroutines are asleep - deadlock!
 *
 *   goroutine 1 [semacquire]:
 *   main.main()
 *   	deadlock.go:35
 *   ...                                                                         */
void machine_write_fatal(const Machine *m, FILE *out);

/* Schedules. */
void schedule_init(Schedule *s);
void schedule_fini(Schedule *s);
void schedule_push(Schedule *s, int g);
/* Step i's select polls case c (0-based, source order) first. */
void schedule_set_select(Schedule *s, int i, int c);
int schedule_parse(Schedule *s, const char *text);   /* 0 ok, -1 bad text    */
/* Write the text form; returns the length it needs (like snprintf). */
size_t schedule_format(const Schedule *s, char *buf, size_t n);

#endif
