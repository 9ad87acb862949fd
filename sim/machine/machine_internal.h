/* machine_internal.h — what the parts of the simulated machine share.
 *
 * machine.h is the public face (clients read the structs); this header is how
 * the VM (vm.c), the scheduler (sched.c, runq.c, syscall.c, sysmon.c,
 * netpoll.c), the sync objects (sync.c,
 * sync_rw.c), the channels (chan.c), the timer queue (timer.c), the runtime,
 * atomic and time instructions (runtime.c), the formatter (format.c) and
 * machine.c call each other.
 * Nothing outside sim/ includes it.
 */
#ifndef INTERLEAVE_MACHINE_INTERNAL_H
#define INTERLEAVE_MACHINE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "machine.h"

/* The deepest call stack a goroutine may reach before Go's "stack overflow". */
#define MACHINE_MAX_FRAMES 10000

static inline Goroutine *machine_g(Machine *m, int id) { return &m->gs[id - 1]; }

/* ---- machine.c: memory, strings, events, endings ---------------------------- */

/* Append n bytes to a growable char buffer (stdout_buf, stderr_buf, strdata). */
void buf_append(char **buf, uint32_t *len, uint32_t *cap, const char *s, size_t n);

/* A new event of this frame, zeroed but for kind, g and core. */
Event *machine_emit(Machine *m, EventKind kind, int g, int core);
/* Name a run of elems values of layout `type` at base (a slice's backing
 * array made by make): its slots read "forks[1]" in the panes. */
void machine_name_array(Machine *m, int64_t base, int64_t elems, int esz, int type, int name);
/* A happens-before note of this frame (HbNote): release or acquire key. */
void machine_hb(Machine *m, HbKind kind, int g, uint64_t key);
/* vm_exec: the instruction read or wrote shared slots [addr, addr+n). */
static inline void machine_access(Machine *m, int64_t addr, int32_t n, bool write, bool atomic)
{
    if (m->naccesses < MACHINE_MAX_ACCESSES) m->accesses[m->naccesses++] = (MemAccess){addr, n, write, atomic};
}

/* Allocate nslots zeroed (V_NIL) slots as a block of layout `type` (negative:
 * none) made under the string `name` (-1: anonymous); returns its base.  A
 * free block of that size is reused (sim/machine/gc.c). */
int64_t machine_alloc(Machine *m, int nslots, int type, int name);

/* Intern a runtime string (concatenation); returns its index in m->strings. */
int machine_add_string(Machine *m, const char *s, size_t n);

/* The concatenation of two strings (ADD); returns the new string's index. */
int machine_concat(Machine *m, Value a, Value b);

/* Output of the program (fmt): appended to stdout_buf with an EV_OUTPUT. */
void machine_output(Machine *m, int g, int core, uint32_t from);

/* The program ends.  machine_fail: Go's "panic: msg" (is_panic) or "fatal
 * error: msg" raised by goroutine g (0: none, as for a deadlock), with Go's
 * traceback on stderr_buf; status M_PANIC or M_DEADLOCK, exit code 2. */
void machine_fail(Machine *m, MachineStatus st, int g, bool is_panic, const char *msg);
void machine_exit(Machine *m, int g, int core);

/* ---- gc.c: the collector (see gc.h) --------------------------------------------- */

/* A slot counts as one Go word. */
#define GC_WORD 8
/* What a string of len bytes counts: its bytes, rounded up to words. */
static inline uint64_t gc_string_bytes(uint32_t len) { return ((uint64_t)len + GC_WORD - 1) & ~(uint64_t)(GC_WORD - 1); }
/* After the globals and the program's strings: the heap starts empty. */
void gc_init(Machine *m);
/* A free block of nslots to reuse (its index in blocks), -1 none. */
int64_t gc_take_free(Machine *m, int64_t nslots);
/* bytes more of heap (object: one more heap object, else a zero-size
 * block's record, which counts for the pacing only). */
void gc_count_alloc(Machine *m, bool object, uint64_t bytes);
/* The end of a frame: collect if the heap reached its goal or runtime.GC
 * asked. */
void gc_end_frame(Machine *m);
/* The blocks, free lists and free string indices agree (SIM_PARANOID: after
 * every collection). */
void gc_check_invariants(const Machine *m);

/* ---- vm.c: one instruction ---------------------------------------------------- */

/* Execute the next instruction of running goroutine g on core `core`; returns
 * its cost in virtual ps (opcodes.def).  g may leave G_RUNNING (blocked, sleeping, done) and
 * the machine may stop (exit, panic). */
int vm_exec(Machine *m, Goroutine *g, int core);

/* Set up a new goroutine: frame for the function value `fn` with args
 * (copied), state G_RUNNABLE, not yet on a run queue.  Returns its id. */
int vm_new_goroutine(Machine *m, Value fn, const Value *args, int nargs);

/* Push a frame calling the function value at stack[sp-argc-1] with the argc
 * values above it (CALL's semantics).  Returns false when the machine failed
 * (nil function, stack overflow). */
bool vm_call(Machine *m, Goroutine *g, int argc, int deferred);

/* Execute up to `max` plain instructions of running goroutine g (no events,
 * no scheduling effect: arithmetic, locals, loads and stores, jumps) as
 * consecutive frames of its thread, whose clock (ps) is *clock: each costs
 * its opcodes.def cost at `speed` (timing.h).  Stops at any other
 * instruction, at a failure to come (it is left to vm_exec), before an
 * instruction that would start at or after `until` or end at or after
 * `slice_end` (its time slice: the preemption is vm_exec's caller's).
 * Updates pc, stack, *clock, *last (the start of the last instruction run)
 * and step counters (not Machine.frame: each instruction is one frame, the
 * caller counts them); returns the count. */
uint64_t vm_run_plain(Machine *m, Goroutine *g, uint64_t max, int64_t *clock, int64_t until,
                      int64_t slice_end, uint32_t speed, int64_t *last);

/* ---- vm_iface.c, panic.c, vm_fmt.c ---------------------------------- */

bool vm_values_equal(const Machine *m, Value a, Value b);
/* A builtin operation (LOCK ... PRINTLN) as DEFER runs it. */
bool vm_exec_builtin(Machine *m, Goroutine *g, int core, int op, const Value *args, int n);
/* The receiver for method me of interface value v (deref: *T holding a
 * method of T); false when it panicked (nil). */
bool vm_receiver(Machine *m, Goroutine *g, Value v, bool deref, Value *out);
/* IFACE ASSERT CALLI BIND COPY CLONE STRUCTEQ; returns the cost. */
int vm_iface_op(Machine *m, Goroutine *g, int core, const Instr in);
/* A new object of layout `type` copied from mem[from]; returns its base. */
int64_t vm_clone(Machine *m, int type, int64_t from);
/* v as an interface value of dynamic type `type` (a struct is copied; a
 * kind that uses aux itself goes in a V_BOX, value.h). */
Value vm_box(Machine *m, Value v, int type);
/* The value an interface holds, as its kind has it (out of its box). */
Value vm_unbox(const Machine *m, Value v);
/* Interface equality: the same dynamic type, then equal values. */
bool vm_iface_equal(const Machine *m, Value a, Value b);
/* The method `name` of dynamic type `type` (NULL if not in its method set);
 * *deref: a *T holds a method declared on T. */
const RtMethod *vm_find_method(const Machine *m, int type, const char *name, bool *deref);
/* PANIC RECOVER EXIT at pc. */
void panic_op(Machine *m, Goroutine *g, int core, int pc, const Instr in);
/* A step of a goroutine that is unwinding a panic: the next deferred call,
 * or the crash.  Returns the cost. */
int panic_step(Machine *m, Goroutine *g, int core);
/* RET of a frame that a panic (deferred 2) or fmt (3, 4) called. */
int panic_frame_return(Machine *m, Goroutine *g, int core, int nresults);
/* Start a panic with value v on g (runtime errors come here too). */
void panic_start(Machine *m, Goroutine *g, Value v);
/* Start the call of v's Error() or String() method as a frame marked `how`
 * (3 fmt, 4 crash) whose result goes to defer_owner = `slot`.  Returns 1
 * when a call started, 0 when v has none, -1 when the method is builtin and
 * *done got the text, 2 when it panicked (a nil receiver). */
int panic_call_method(Machine *m, Goroutine *g, Value v, int how, int slot, Value *done);
/* OP_LIB (sim/lib/vm_lib.c). */
void lib_op(Machine *m, Goroutine *g, int core, const Instr in);
/* Library function fnb (LibFunc, maybe | FMT_RESULTS) over args[0..n),
 * popped already; pushes its results when `push` (a deferred call drops them). */
void lib_exec(Machine *m, Goroutine *g, int core, int fnb, const Value *args, int n, bool push);
/* fmt function fn (FmtFunc, maybe | FMT_RESULTS) over args[0..n); pushes
 * its results when `push` (a deferred call drops them). */
void fmt_apply(Machine *m, Goroutine *g, int core, int fn, const Value *args, int n, bool push);
/* OP_FMT at pc. */
void fmt_op(Machine *m, Goroutine *g, int core, int pc, const Instr in);
/* Before printing the top n values: call the first String()/Error() method
 * fmt would call (printf: args[0] is the format).  True when a call was
 * started (the instruction at pc runs again after it). */
bool fmt_call_methods(Machine *m, Goroutine *g, int pc, int n, bool printf);
/* Push v on g's operand stack (growing it): how a waker hands a parked
 * goroutine the results of its receive or select. */
void vm_push(Goroutine *g, Value v);

/* ---- sched.c: goroutines on threads on cores ------------------------------- */

/* Go's ready(): g becomes runnable, woken by goroutine `waker` (0: a timer or
 * the network) on core `core` (-1: none, then the global queue).  See the
 * essay in sched.c for where it goes. */
void sched_ready(Machine *m, int g, int waker, int core);
/* Go's gopark: running goroutine g blocks (G_BLOCKED) for `why` on the
 * object at addr (a sync object's slot, a channel id, a poll key), with its
 * EV_GO_BLOCK; its thread looks for other work after this step. */
void sched_park(Machine *m, Goroutine *g, int core, WaitReason why, int64_t addr);
/* A new goroutine from a go statement on core `core` (Go's newproc). */
void sched_newproc(Machine *m, int g, int core);
/* One frame: the thread whose clock is earliest acts (or the network). */
void sched_step(Machine *m);
/* machine_run's fast path: frames of plain instructions back to back, the
 * rest by sched_step; returns how many ran. */
uint64_t sched_run(Machine *m, uint64_t max);
/* Threads, Ps and queues as machine_new builds them. */
void sched_init(Machine *m);
void sched_check_invariants(const Machine *m);
/* Frame-seeded randomness for decisions outside the scheduler (select's
 * choice among ready cases): splitmix64 over (frame, salt) keyed by the seed,
 * as the scheduler's own draws.  Salts from SCHED_SALT_USER up are free. */
#define SCHED_SALT_USER 0x1000
uint64_t sched_random(const Machine *m, uint64_t salt);
/* runtime.Gosched: running goroutine g on core `core` yields; it goes to the
 * global run queue tail (Go's goschedImpl). */
void sched_gosched(Machine *m, Goroutine *g, int core);
/* The pieces of Go's scheduler that syscall.c, netpoll.c and sysmon.c use:
 * idle Ps, starting and parking threads, handing a P off, running a G. */
int sched_npidle(const Machine *m);
Core *sched_pidleget(Machine *m);
void sched_acquire(Thread *t, Core *c);
void sched_stopm(Machine *m, Thread *t);
void sched_startm(Machine *m, Core *c, bool spinning);
void sched_wakep(Machine *m);
void sched_handoffp(Machine *m, Core *c);
void sched_execute(Machine *m, Thread *t, int g, bool inherit);
Thread *sched_newm(Machine *m);
/* Go's time slice is sysmon's to end (every look, once forcePreemptNS has
 * passed since it saw the P's schedtick change); a lesson's shorter slice
 * ends exactly, checked after each instruction. */
bool sched_sysmon_preempts(const Machine *m);

/* ---- runq.c: run queues ------------------------------------------------------- */

int runq_at(const RunQueue *q, int k);
void runq_grow(RunQueue *q);
void runq_push_tail(RunQueue *q, int g);
void runq_push_head(RunQueue *q, int g);
int runq_pop_head(RunQueue *q);
bool runq_remove(RunQueue *q, int g);
bool runq_has(const RunQueue *q, int g);
void runq_init_local(Core *c);
/* Go's runqput (next: into runnext, kicking the old one to the tail). */
void runqput(Machine *m, Core *c, int g, bool next);
/* Go's runqget: runnext (*inherit: the slice goes on) or the queue head. */
int runqget(Core *c, bool *inherit);
bool runq_empty(const Core *c);
/* Go's globrunqget: one G, and a fair batch (at most max, 0 any) to c. */
int globrunqget(Machine *m, Core *c, int max);
/* Go's runqsteal: half of victim's local queue, from its head; the last one
 * taken is returned (it runs first), the others go to thief's queue. */
int runqsteal(Core *thief, Core *victim);

/* ---- syscall.c, sysmon.c, netpoll.c (the runtime's side) -------------------------- */

/* Thread t's goroutine has just entered a system call (syscall_block):
 * the thread blocks with it, its P is left for sysmon. */
void syscall_enter(Machine *m, Thread *t);
/* Thread t's system call returns. */
void syscall_exit(Machine *m, Thread *t);
/* A look of sysmon's (thread t). */
void sysmon_tick(Machine *m, Thread *t);
/* A system call started or ended: wake sysmon if it sleeps for idleness. */
void sysmon_wake(Machine *m);
/* The kernel's event: every network delivery due now. */
void netpoll_deliver_due(Machine *m);
/* Goroutines parked on the poller (Go's netpollWaiters). */
int netpoll_waiters(const Machine *m);
/* netpoll(0) by a thread on P c: one ready goroutine to run (0 none), the
 * others queued (injectglist). */
int netpoll_take(Machine *m, Core *c);
/* sysmon's netpoll(0): every ready goroutine queued, no P at hand. */
void netpoll_inject(Machine *m);
/* Thread t blocks in the poller until deadline_ps (INT64_MAX: until a
 * delivery). */
void netpoll_block(Machine *m, Thread *t, int64_t deadline_ps);
/* The polling thread t returns from epoll_wait. */
void netpoll_wakeup(Machine *m, Thread *t);
/* A timer due at `when` was added (Go's wakeNetPoller). */
void netpoll_timer_added(Machine *m, int64_t when);

/* ---- sync.c: sync.Mutex and sync.WaitGroup ------------------------------------ */

/* Mutex.Lock: SYNC_DONE (g holds it), SYNC_AGAIN (g spins: LOCK runs again
 * at once) or SYNC_PARKED (g waits: LOCK runs again when it is woken); the
 * machine may have failed.  `again_ok` false (a deferred Lock, which cannot
 * run again): a waiter is handed the mutex by Unlock instead. */
enum { SYNC_DONE, SYNC_AGAIN, SYNC_PARKED };
int sync_lock(Machine *m, Goroutine *g, int core, int64_t addr, bool again_ok);
/* The same on a Mutex that is part of another object (an RWMutex's w):
 * waiters park with `why` at mu->addr; `events`: the lock's own events. */
int sync_mutex_lock(Machine *m, Mutex *mu, Goroutine *g, int core, bool again_ok, WaitReason why, bool events);
/* Unlock of a held mutex; false when g yielded its core (starvation mode). */
bool sync_mutex_unlock(Machine *m, Mutex *mu, Goroutine *g, int core, bool events);
/* The cost of one spin (procyield(30)), ps. */
#define SYNC_SPIN_PS 500000
/* Each returns true when g may go on, false when it blocked or the machine
 * failed (check m->status). */
bool sync_unlock(Machine *m, Goroutine *g, int core, int64_t addr);
bool sync_wg_add(Machine *m, Goroutine *g, int core, int64_t addr, int64_t delta);
bool sync_wg_wait(Machine *m, Goroutine *g, int core, int64_t addr);
void sync_check_invariants(const Machine *m);

/* ---- sync_rw.c: sync.RWMutex, sync.Once, sync.Cond ------------------------------ */

bool sync_rlock(Machine *m, Goroutine *g, int core, int64_t addr);
bool sync_runlock(Machine *m, Goroutine *g, int core, int64_t addr);
/* RWMutex.Lock: as sync_lock (SYNC_DONE, SYNC_AGAIN, SYNC_PARKED). */
int sync_wlock(Machine *m, Goroutine *g, int core, int64_t addr, bool again_ok);
bool sync_wunlock(Machine *m, Goroutine *g, int core, int64_t addr);
/* Once.Do's entry: pushes true when g must call f now (then sync_once_end),
 * false when f has run; blocks while another goroutine runs f (woken with
 * false pushed). */
bool sync_once_begin(Machine *m, Goroutine *g, int core, int64_t addr);
bool sync_once_end(Machine *m, Goroutine *g, int core, int64_t addr);
/* Cond.Wait's first half: join the notify list, unlock c.L, park.  (The
 * code after it locks c.L again.)  cond is the Cond object's address. */
bool sync_cond_wait(Machine *m, Goroutine *g, int core, int64_t cond);
bool sync_cond_signal(Machine *m, Goroutine *g, int core, int64_t cond, bool all);
/* The shared part of sync.c: the sync object at addr (made on first use);
 * NULL after a failure. */
SyncObj *sync_obj(Machine *m, Goroutine *g, int64_t addr, SyncKind kind);
void sync_enqueue(int **q, int *n, int *cap, int g);
/* Where a sync object's V_SYNC slot is in mem; move it there (the
 * collector, when only a copy of the slot lives). */
int64_t sync_slot(const SyncObj *s);
void sync_set_slot(SyncObj *s, int64_t slot);
/* Free a sync object's wait queues (machine.c). */
void sync_obj_free(SyncObj *s);

/* ---- chan.c: channels and select ----------------------------------------------- */

/* make(chan T, size): a new channel (Value V_CHAN); elem_type is the
 * Program.types index of T, name a string index or -1. */
Value chan_make(Machine *m, int made_by, int elem_type, int name, int64_t size);
/* Each returns true when g may go on, false when it blocked or the machine
 * failed.  A receive pushes the value (and ok when want_ok) on g's stack,
 * now or when it is woken. */
bool chan_send(Machine *m, Goroutine *g, int core, Value ch, Value v);
bool chan_recv(Machine *m, Goroutine *g, int core, Value ch, bool want_ok);
bool chan_close(Machine *m, Goroutine *g, int core, Value ch);
int64_t chan_len(const Machine *m, Value ch);
int64_t chan_cap(const Machine *m, Value ch);
/* chan_make's `timer` kinds (Chan.timer): which time function made it. */
enum { CHAN_TIMER_AFTER = 1, CHAN_TIMER_TICK, CHAN_TIMER_TIMER, CHAN_TIMER_TICKER };
/* select with ncases cases whose operands are ops[] (per case in source
 * order: the channel, and the value for a send case — bit i of send_mask).
 * On completion g's pc is the chosen case's entry of the jump table that
 * follows the SELECT at `pc` (entry ncases: default), and a receive case has
 * pushed its value and ok.  Blocks when nothing is ready and there is no
 * default. */
bool chan_select(Machine *m, Goroutine *g, int core, int pc, const Value *ops, int ncases,
                 uint32_t send_mask, bool has_default);
/* A channel timer fires, run by a thread on P `core`: send the time (a
 * Unix-ns V_INT) without blocking. */
void chan_timer_send(Machine *m, int chan, int64_t when, int core);
void chan_check_invariants(const Machine *m);
/* The channel wait queues a blocked goroutine is in (for the invariants). */
int chan_queues_holding(const Machine *m, int g);
void chan_free_all(Machine *m);
void chan_copy_all(Machine *dst, const Machine *src, Chan *old, int old_n, int old_cap);

/* ---- timer.c: the sleep queue ------------------------------------------------- */

void timer_add(Machine *m, int g, int64_t when);
/* A channel timer on channel id `chan` (period > 0: a ticker); returns its id. */
int64_t timer_add_chan(Machine *m, int chan, int64_t when, int64_t period);
/* Re-arm a channel timer under the same id. */
void timer_add_chan_id(Machine *m, int64_t id, int chan, int64_t when, int64_t period);
/* A network delivery: at `when` the machine calls net_deliver(m, token). */
void timer_add_net(Machine *m, int64_t when, int64_t token);
/* The earliest delivery's time, INT64_MAX none; pop one due at `now` (its
 * token, 0 none). */
int64_t timer_next_net(const Machine *m);
int64_t timer_pop_net(Machine *m, int64_t now);
/* Remove the channel timer with this id; false when it is not pending. */
bool timer_stop(Machine *m, int64_t id);
/* The earliest wake time, INT64_MAX when no timer is pending. */
int64_t timer_next(const Machine *m);
/* Remove the earliest timer due at `now` into *out; false when none is due. */
bool timer_pop(Machine *m, int64_t now, Timer *out);
/* Remove and return the goroutine of the earliest timer due at `now`, 0 none
 * (or a channel timer's 0). */
int timer_pop_due(Machine *m, int64_t now);
void timer_check_invariants(const Machine *m);

/* ---- syscall.c, netpoll.c: system calls and the network poller ---------------- */

/* Running goroutine g enters a blocking system call (a file read, a write)
 * that takes `ns` of virtual time; whatever it returns must be on its stack
 * already.  Its M blocks with it (Go's entersyscall); the call returns at
 * now + ns (exitsyscall).  Returns false: g does not go on in this step. */
bool syscall_block(Machine *m, Goroutine *g, int core, int64_t ns);
/* Running goroutine g parks on the network poller until netpoll_wake(key):
 * G_BLOCKED, WAIT_IO, holding no M (Go's netpollblock / gopark).  `key`
 * names what it waits for (a socket and a direction), chosen by the caller. */
void netpoll_wait(Machine *m, Goroutine *g, int core, int64_t key);
/* Every goroutine parked on `key` becomes runnable (the poller found the
 * socket ready); returns how many. */
int netpoll_wake(Machine *m, int64_t key);
/* At virtual time `when`, the machine calls net_deliver(m, token): how the
 * simulated network delivers what was sent (token != 0, the caller's). */
void netpoll_at(Machine *m, int64_t when, int64_t token);
/* Provided by the network (sim/lib/net.c): a netpoll_at event is due. */
void net_deliver(Machine *m, int64_t token);

/* ---- sim/lib/io_*.c, net.c, bufio.c: files, the network, bufio ---------------- */

/* The machine's files and sockets (Machine.io): freed, and deep-copied into
 * a fresh state (reuse is freed; NULL copies as NULL). */
void io_state_free(struct IoState *s);
struct IoState *io_state_copy(struct IoState *reuse, const struct IoState *src);
/* What the files and sockets keep alive for the collector: the sentinel
 * errors' objects (addr) and the names files were opened with (str). */
void io_state_roots(const struct IoState *s, void (*addr)(void *ctx, int64_t a),
                    void (*str)(void *ctx, int64_t i), void *ctx);
/* OP_LIB's io function fnb (LIB_IO + IoFn, maybe | FMT_RESULTS) over the n
 * operands at ops (copied first; io.Copy may update its running total
 * there).  True when it is done: its results are pushed when `push`, and g
 * may be in a system call now.  False when the instruction must run again:
 * g parked on the poller (or is in a system call that did part of the
 * work); the caller puts the operands back and rewinds g's pc.  A deferred
 * call passes may_park false and is always done. */
bool io_exec(Machine *m, Goroutine *g, int core, int fnb, Value *ops, int n, bool push, bool may_park);
/* fmt.Fprint* to w, formatted as s[0, n): true when w is a file or a
 * connection and the write was done (results pushed when `results`). */
bool io_fprint(Machine *m, Goroutine *g, int core, Value w, const char *s, size_t n, bool results);
/* The error e wraps, for errors.Is / Unwrap / As (*fs.PathError,
 * *net.OpError); false when it is not one of those. */
bool io_error_unwrap(const Machine *m, Value e, Value *next);
/* syscall.Errno's Is(target) (ENOENT is os.ErrNotExist ...). */
bool io_error_is(Machine *m, Value e, Value target);

/* ---- runtime.c: runtime, sync/atomic and time builtins ------------------------- */

/* The instructions of channels, RWMutex/Once/Cond, sync/atomic, runtime and
 * time that take their operands from the stack: op with its operands a and b
 * (a deferred call has a = b = 0), args the n popped operands in push order.
 * Results are pushed (vm_push).  Returns false when g cannot go on (blocked,
 * or the machine failed).  ONCEBEGIN and SELECT are vm.c's own. */
bool rt_exec(Machine *m, Goroutine *g, int core, int op, int a, int b, const Value *args, int n);
/* How many operands rt_exec's op pops (-1: not one of its ops). */
int rt_operands(int op, int a);

/* ---- format.c: fmt -------------------------------------------------------------- */

/* fmt.Printf(args[0], args[1..n)) and fmt.Println(args[0..n)), appended to
 * stdout_buf. */
void format_printf(Machine *m, const Value *args, int n);
void format_println(Machine *m, const Value *args, int n);
/* The text a String()/Error() method gave for the struct field of layout
 * `type` at addr (vm_fmt.c's pre-pass), NULL if none. */
const Value *fmt_cached(const Machine *m, int64_t addr, int type);
/* Format args[0..n) as fmt does in `style`, appended to (buf, len, cap). */
enum { FORMAT_PRINTF, FORMAT_PRINTLN, FORMAT_PRINT, FORMAT_CONCAT };
void format_to(const Machine *m, int style, const Value *args, int n, char **buf, uint32_t *len, uint32_t *cap);
/* One value as %v prints it, appended to (buf, len, cap). */
void format_value(const Machine *m, Value v, char **buf, uint32_t *len, uint32_t *cap);

#endif
