/* machine.h — the simulated multi-core machine that runs a Program.
 *
 * A Machine is a value: machine_step() depends only on (program, config, seed,
 * schedule), never on wall-clock time, pointer order or global state.  Clients
 * (the TUI, the CLI, tests, history) read the structs below; only sim/ writes them.
 *
 * Go's G-M-P model: a Core is a P (GOMAXPROCS of them), a Thread is an M, a
 * Goroutine is a G.  In one frame every busy core executes one instruction of its
 * goroutine, so parallelism is several goroutines advancing in one frame and
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
                       work stealing, preemption after the quantum            */
    POLICY_SINGLE   /* one core, time-sliced (cores forced to 1)              */
} Policy;

typedef struct MachineConfig {
    int cores;          /* 1..MACHINE_MAX_CORES                                */
    Policy policy;
    uint64_t seed;
    int quantum;        /* steps a goroutine runs before it is preempted       */
    const struct FsImage *fs;   /* the program's directory (sim/lib/fsimage.h),
                                   borrowed and never written; NULL: empty     */
} MachineConfig;

/* Defaults used by every front end: 2 cores, go policy, seed 1, quantum 10. */
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
    WAIT_IO           /* parked on the network poller: wait_addr is the poll
                         key (sim/machine/netpoll.c); it holds no M            */
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
    int slice_used;         /* steps in the current time slice                 */
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
    int closed_wake;        /* woken from a blocked send (or a select's send
                               case) by close: its SEND / SELECT, rewound,
                               executes again and panics as Go's does         */
} Goroutine;

typedef struct Mutex {
    int64_t addr;           /* where the sync.Mutex lives in mem (for naming)  */
    int owner;              /* goroutine id, 0 when unlocked                   */
    int *waiters; int nwaiters, waiters_cap;   /* goroutine ids, FIFO order    */
    uint64_t acquisitions, contentions;
} Mutex;

typedef struct WaitGroup {
    int64_t addr;
    int64_t counter;
    int *waiters; int nwaiters, waiters_cap;
} WaitGroup;

/* sync.RWMutex (Go's rwmutex.go, as its observable behaviour): readers share
 * it; a writer first takes the writer lock (writers queue FIFO for it), then
 * waits for the readers inside to leave, and meanwhile new readers queue:
 * a waiting writer blocks new readers. */
typedef struct RWMutex {
    int64_t addr;
    int readers;            /* readers inside (RLock'd, not yet RUnlock'd)      */
    int writer;             /* goroutine holding the writer lock, 0 none         */
    bool writer_waiting;    /* writer holds the lock but waits for readers      */
    int *rwaiters; int nrwaiters, rwaiters_cap;   /* readers queued, FIFO      */
    int *wwaiters; int nwwaiters, wwaiters_cap;   /* writers queued, FIFO      */
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
    CORE_RUNNING,       /* g != 0: executes one instruction per frame          */
    CORE_SPINNING,      /* its M is awake without a G: looks for work at once  */
    CORE_WAKING,        /* woken for the G in runnext; its M runs it after
                           wake_frames more frames                             */
    CORE_PARKED         /* idle, its M asleep until wakep() hands it a G       */
} CoreState;

typedef struct Core {
    int id;
    int g;              /* running goroutine id, 0 when idle                   */
    int runnext;        /* goroutine id to run next, 0 none (Go's p.runnext)   */
    RunQueue local;     /* Go's p.runq                                         */
    int thread;         /* the Thread (M) bound to this core                   */
    CoreState state;
    int wake_frames;    /* CORE_WAKING: busy frames until its M runs           */
    uint64_t woken_frame; /* CORE_WAKING: the frame wakep() woke it in         */
    int64_t wake_at;    /* CORE_WAKING: when its M would be up were the machine
                           idle (decides a race with a timer)                  */
    uint32_t schedtick; /* Go's p.schedtick: picks that started a new slice    */
    int slice;          /* steps run in the current time slice                 */
    uint64_t park_seq;  /* when it parked: the latest is woken first           */
} Core;

typedef struct Thread {
    int id;             /* M1, M2, ...                                          */
    int core;           /* bound core, -1 none                                  */
    int g;              /* goroutine it runs, 0 none                            */
} Thread;

/* A heap object: a named run of slots in mem (a variable, a struct, a closure). */
typedef struct Object {
    int64_t base;       /* address of slot 0                                    */
    int32_t nslots;
    int32_t type;       /* index into Program.types, -1 for a closure record   */
    int32_t name;       /* string index of the variable's name, -1 anonymous   */
} Object;

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
    EV_GO_START,     /* g starts running on core                              */
    EV_GO_PREEMPT,   /* g's time slice ran out on core                         */
    EV_GO_BLOCK,     /* g blocked (wait reason, addr)                          */
    EV_GO_WAKE,      /* g became runnable again (woken by other_g, 0 = timer)  */
    EV_GO_DONE,      /* g returned                                             */
    EV_LOCK_ACQUIRE, /* g acquired mutex addr                                  */
    EV_LOCK_RELEASE, /* g released mutex addr (handed to other_g, 0 = nobody)  */
    EV_LOCK_CONTEND, /* g found mutex addr held by other_g and queued          */
    EV_OUTPUT,       /* g wrote text: out_off/out_len into stdout_buf          */
    EV_TIME_JUMP,    /* every core idle: clock jumped to the next timer        */
    EV_FATAL,        /* the program ended with a fatal error or panic          */
    EV_EXIT,         /* main returned: the program ended                       */
    EV_CHAN_SEND,    /* g sent on channel addr (an id): into the buffer, or
                        handed to the blocked receiver other_g                 */
    EV_CHAN_RECV,    /* g received from channel addr: from the buffer, or
                        from the blocked sender other_g; aux 1: the channel
                        was closed and empty (zero value, ok false); aux 2:
                        handed over by a timer (time.After, Tick, ...)        */
    EV_CHAN_CLOSE,   /* g closed channel addr                                  */
    EV_SYNC          /* g did something to the RWMutex / Once / Cond at addr:
                        aux is a SyncOp (see sim/machine/event_text.c)                 */
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

/* What one core did in the last frame. */
typedef struct CoreStep {
    int g;              /* goroutine that executed, 0 = the core was idle      */
    int pc;             /* the instruction executed                             */
} CoreStep;

typedef enum MachineStatus {
    M_RUNNING,          /* can step                                             */
    M_EXITED,           /* main returned: exit_code 0                           */
    M_DEADLOCK,         /* all goroutines asleep: exit_code 2                   */
    M_PANIC,            /* runtime panic or fatal error: exit_code 2            */
    M_SCHEDULE_ERROR    /* a forced pick named a goroutine that cannot run      */
} MachineStatus;

/* A schedule: the goroutine chosen at each pick (each time a core takes a
 * goroutine to run), in order.  Picks past the end follow the policy.
 * Text form: goroutine ids separated by '.', e.g. "1.2.1.3". */
typedef struct Schedule {
    int32_t *picks; int n, cap;
} Schedule;

typedef struct Machine {
    const Program *prog;        /* borrowed                                    */
    MachineConfig cfg;
    const Schedule *schedule;   /* borrowed, may be NULL                       */
    uint64_t rng[2];            /* seeded PRNG key: frame f draws splitmix64 of
                                   (rng, f) — see sched.c                      */

    uint64_t frame;             /* frames executed                             */
    int64_t now;                /* virtual time, ns                            */
    uint64_t npicks;            /* picks made so far                           */
    MachineStatus status;
    int exit_code;

    Value *mem; int64_t nmem, mem_cap;       /* globals first, then the heap   */
    Object *objects; int nobjects, objects_cap;
    char *strdata; uint32_t strdata_len, strdata_cap;
    StrRef *strings; int nstrings, strings_cap;  /* program constants first   */

    Goroutine *gs; int ngs, gs_cap;   /* gs[id-1] is goroutine id              */
    Core cores[MACHINE_MAX_CORES]; int ncores;
    Thread threads[MACHINE_MAX_CORES]; int nthreads;
    RunQueue global;
    SyncObj *syncs; int nsyncs, syncs_cap;

    CoreStep last[MACHINE_MAX_CORES];  /* what each core did in the last frame */
    Event *events; int nevents, events_cap;   /* events of the last frame       */

    char *stdout_buf; uint32_t stdout_len, stdout_cap;   /* all output so far  */
    char *stderr_buf; uint32_t stderr_len, stderr_cap;   /* fatal errors etc.  */
    int fatal_g;                /* goroutine that panicked, 0 none             */
    char fatal_msg[160];        /* "all goroutines are asleep - deadlock!", ... */
    bool fatal_is_panic;        /* Go printed "panic: " (else "fatal error: ")  */

    uint64_t instructions;      /* total instructions executed                 */

    Timer *timers; int ntimers, timers_cap;  /* sleep queue: a binary min-heap
                                                on (when, seq), sim/machine/timer.c   */
    uint64_t timer_seq;         /* next Timer.seq                               */
    uint64_t park_seq;          /* next Core.park_seq                           */
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
/* Use `s` (borrowed) for forced picks; NULL for the policy alone. */
void machine_set_schedule(Machine *m, const Schedule *s);

/* Execute one frame.  Returns the new status.  Calling it when status is not
 * M_RUNNING does nothing.  The frame's events are in m->events. */
MachineStatus machine_step(Machine *m);
/* Step until not running or `max_frames` frames executed; returns status. */
MachineStatus machine_run(Machine *m, uint64_t max_frames);

/* Lookups for display. */
const Goroutine *machine_goroutine(const Machine *m, int id);   /* NULL if none */
int machine_goroutine_line(const Machine *m, const Goroutine *g); /* current source line, 0 if done */
const char *machine_goroutine_func(const Machine *m, const Goroutine *g); /* function name */
/* "b.mu", "wg", "a", or "0x1c" when unnamed; returns buf. */
const char *machine_addr_name(const Machine *m, int64_t addr, char *buf, size_t n);
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
int schedule_parse(Schedule *s, const char *text);   /* 0 ok, -1 bad text    */
/* Write the text form; returns the length it needs (like snprintf). */
size_t schedule_format(const Schedule *s, char *buf, size_t n);

#endif
