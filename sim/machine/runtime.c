/* runtime.c — the instructions of channels, sync.RWMutex/Once/Cond,
 * sync/atomic, package runtime and package time (opcodes.def) that take
 * their operands from the stack; vm.c pops them and calls rt_exec, which
 * works through sim/machine/chan.c, sim/machine/sync_rw.c and sim/machine/timer.c.
 *
 * sync/atomic: each function is one instruction, so one indivisible step,
 * which is all atomicity means on this machine (its memory is sequentially
 * consistent, see the README).  AddInt32 wraps around at 32 bits.
 *
 * runtime: Gosched puts the goroutine on the global run queue and frees its
 * core, as Go's goschedImpl.  GOMAXPROCS(n) reports and records a setting
 * but does not change the machine: the simulated cores are fixed when the
 * run starts (--cores, or the `c` key, which restarts the run), so that a
 * run's timeline always has the same lanes.  GOMAXPROCS(0) returns the
 * setting, which starts as the number of cores; NumCPU is the number of
 * cores.  NumGoroutine counts the goroutines that have not returned.  GC
 * asks the collector for a collection at the end of the frame (it runs
 * between frames, sim/machine/gc.c), so the next instruction sees it done,
 * as Go's runtime.GC returns after a full cycle; ReadMemStats writes the
 * collector's figures into a runtime.MemStats (sim/lib_data.h's fields).
 *
 * time: the clock is virtual.  time.Now() is the virtual time as Unix
 * nanoseconds from MACHINE_EPOCH_UNIX_NS (2009-11-10 23:00:00 UTC, the Go
 * playground's epoch), so a time.Time is an int on this machine: t.Sub(u)
 * and t.Add(d) are plain arithmetic, and only fmt tells it from an int.
 * time.After / Tick / NewTimer / NewTicker make a channel with a buffer of
 * one and a channel timer (sim/machine/timer.c) that sends the time on it when the
 * clock gets there — without blocking: a reader that is not keeping up
 * misses ticks, as in Go.  A *time.Timer (*time.Ticker) is an object of two
 * slots: C, and the id of its timer.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "duration.h"
#include "gc.h"
#include "lib_data.h"
#include "machine_internal.h"
#include "util.h"

static const char NIL_DEREF[] = "runtime error: invalid memory address or nil pointer dereference";

static bool ptr_ok(const Machine *m, Value p)
{
    return p.kind == V_PTR && (uint64_t)p.i < (uint64_t)m->nmem;
}

int rt_operands(int op, int a)
{
    switch (op) {
    case OP_MAKECHAN: case OP_RECV: case OP_CLOSE: case OP_CHANLEN: case OP_CHANCAP:
    case OP_RLOCK: case OP_RUNLOCK: case OP_WLOCK: case OP_WUNLOCK: case OP_ONCEEND:
    case OP_CONDWAIT: case OP_CONDSIGNAL: case OP_ATOMICLOAD: case OP_GOMAXPROCS:
    case OP_TIMER: case OP_TIMERSTOP: case OP_MEMSTATS:
        return 1;
    case OP_SEND: case OP_ATOMICADD: case OP_ATOMICSTORE: case OP_TIMERRESET:
        return 2;
    case OP_ATOMICCAS:
        return 3;
    case OP_GOSCHED: case OP_NUMGOROUTINE: case OP_NUMCPU: case OP_NOW: case OP_GC:
        return 0;
    case OP_DUR:
        return a == 0 ? 1 : 2;
    default:
        return -1;
    }
}

/* Go's Duration.Round (time/time.go), overflow cases included. */
static int64_t dur_round(int64_t d, int64_t m)
{
    if (m <= 0) return d;
    int64_t r = d % m;
    bool less_than_half = (uint64_t)(d < 0 ? -r : r) * 2 < (uint64_t)m;
    if (d < 0) {
        r = -r;
        if (less_than_half) return d + r;
        int64_t d1 = (int64_t)((uint64_t)d - (uint64_t)m + (uint64_t)r);
        return d1 < d ? d1 : INT64_MIN;
    }
    if (less_than_half) return d - r;
    int64_t d1 = (int64_t)((uint64_t)d + (uint64_t)m - (uint64_t)r);
    return d1 > d ? d1 : INT64_MAX;
}

/* time.After / Tick / NewTimer / NewTicker with duration d. */
static bool make_timer(Machine *m, Goroutine *g, int kind, int layout, int64_t d)
{
    bool ticker = kind == 1 || kind == 3;
    if (kind == 3 && d <= 0) {
        machine_fail(m, M_PANIC, g->id, true, "non-positive interval for NewTicker");
        return false;
    }
    if (kind == 1 && d <= 0) {          /* time.Tick returns nil then */
        vm_push(g, value_nil());
        return true;
    }
    Value ch = chan_make(m, g->id, -1, -1, 1);
    m->chans[ch.i - 1].timer = kind + 1;
    int64_t id = timer_add_chan(m, (int)ch.i, m->now + (d > 0 ? d : 0), ticker ? d : 0);
    if (kind < 2) {
        vm_push(g, ch);
        return true;
    }
    int64_t obj = machine_alloc(m, 2, layout, -1);
    m->mem[obj] = ch;
    m->mem[obj + 1] = value_int(id);
    vm_push(g, value_make(V_PTR, 0, obj));
    return true;
}

/* runtime.ReadMemStats(p): the collector's figures into the MemStats at p. */
static bool read_memstats(Machine *m, Goroutine *g, int64_t p)
{
    if ((uint64_t)p + MS__COUNT > (uint64_t)m->nmem) {
        machine_fail(m, M_PANIC, g->id, true, NIL_DEREF);
        return false;
    }
    GcMemStats st;
    gc_memstats(m, &st);
    uint64_t u[MS__COUNT] = {0};
    u[MS_ALLOC] = u[MS_HEAPALLOC] = st.heap_alloc;
    u[MS_TOTALALLOC] = st.total_alloc;
    u[MS_SYS] = st.sys;
    u[MS_MALLOCS] = st.mallocs;
    u[MS_FREES] = st.frees;
    u[MS_HEAPSYS] = st.heap_sys;
    u[MS_HEAPIDLE] = st.heap_idle;
    u[MS_HEAPINUSE] = st.heap_inuse;
    u[MS_HEAPOBJECTS] = st.heap_objects;
    u[MS_STACKINUSE] = u[MS_STACKSYS] = st.stack_inuse;
    u[MS_NEXTGC] = st.next_gc;
    u[MS_LASTGC] = st.last_gc;
    u[MS_NUMGC] = st.num_gc;
    u[MS_NUMFORCEDGC] = st.num_forced_gc;
    u[MS_ENABLEGC] = 1;                  /* Go's is true even with GOGC=off */
    for (int i = 0; i < MS__COUNT; i++) {
        char k = memstats_fields[i].sig[0];
        Value v = k == 'f' ? value_float(0) : k == 'b' ? value_bool(u[i] != 0) : value_int((int64_t)u[i]);
        if (k == 'u') v.aux = NK_UINT64;
        else if (k == '3') v.aux = NK_UINT32;
        m->mem[p + i] = v;
    }
    machine_access(m, p, MS__COUNT, true, false);
    return true;
}

/* Stop (reset < 0) or Reset(d) the Timer / Ticker object at p. */
static bool timer_ctl(Machine *m, Goroutine *g, Value p, int64_t reset)
{
    if (!ptr_ok(m, p) || (uint64_t)p.i + 1 >= (uint64_t)m->nmem) {
        machine_fail(m, M_PANIC, g->id, true, NIL_DEREF);
        return false;
    }
    Value ch = m->mem[p.i];
    int64_t id = m->mem[p.i + 1].i;
    bool was = timer_stop(m, id);
    if (reset >= 0 && ch.kind == V_CHAN && ch.i >= 1 && ch.i <= m->nchans) {
        bool ticker = m->chans[ch.i - 1].timer == CHAN_TIMER_TICKER;
        if (ticker && reset <= 0) {
            machine_fail(m, M_PANIC, g->id, true, "non-positive interval for Ticker.Reset");
            return false;
        }
        timer_add_chan_id(m, id, (int)ch.i, m->now + reset, ticker ? reset : 0);
    }
    vm_push(g, value_bool(was));
    return true;
}

bool rt_exec(Machine *m, Goroutine *g, int core, int op, int a, int b, const Value *args, int n)
{
    (void)n;
    switch (op) {
    /* channels */
    case OP_MAKECHAN:
        if (args[0].i < 0) {
            machine_fail(m, M_PANIC, g->id, true, "makechan: size out of range");
            return false;
        }
        vm_push(g, chan_make(m, g->id, a, b > 0 ? b : -1, args[0].i));
        return true;
    case OP_SEND: return chan_send(m, g, core, args[0], args[1]);
    case OP_RECV: return chan_recv(m, g, core, args[0], a == 1);
    case OP_CLOSE: return chan_close(m, g, core, args[0]);
    case OP_CHANLEN: vm_push(g, value_int(chan_len(m, args[0]))); return true;
    case OP_CHANCAP: vm_push(g, value_int(chan_cap(m, args[0]))); return true;
    default: break;
    }
    /* everything else works on an address, or on none */
    bool addr_op = op != OP_GOSCHED && op != OP_GOMAXPROCS && op != OP_NUMGOROUTINE &&
                   op != OP_NUMCPU && op != OP_GC && op != OP_NOW && op != OP_TIMER && op != OP_DUR &&
                   op != OP_TIMERSTOP && op != OP_TIMERRESET;
    if (addr_op && !ptr_ok(m, args[0])) {
        machine_fail(m, M_PANIC, g->id, true, NIL_DEREF);
        return false;
    }
    int64_t p = args[0].i;
    switch (op) {
    case OP_RLOCK: return sync_rlock(m, g, core, p);
    case OP_RUNLOCK: return sync_runlock(m, g, core, p);
    case OP_WLOCK: return sync_wlock(m, g, core, p, false) == SYNC_DONE;   /* a deferred Lock */
    case OP_WUNLOCK: return sync_wunlock(m, g, core, p);
    case OP_ONCEEND: return sync_once_end(m, g, core, p);
    case OP_CONDWAIT: return sync_cond_wait(m, g, core, p);
    case OP_CONDSIGNAL: return sync_cond_signal(m, g, core, p, a == 1);
    case OP_ATOMICADD: case OP_ATOMICLOAD: case OP_ATOMICSTORE: case OP_ATOMICCAS: {
        /* Go's memory model: an atomic operation is ordered after those whose
         * effect it observes.  So, as in Go's race runtime, a Load acquires
         * and publishes nothing, a Store publishes (replacing what earlier
         * stores published) without acquiring, an Add or a CAS that swaps
         * does both, and a CAS that fails only acquires. */
        uint64_t key = hb_key(HBK_ATOMIC, p, 0);
        machine_access(m, p, 1, op != OP_ATOMICLOAD, true);
        if (op == OP_ATOMICSTORE) {
            machine_hb(m, HB_RELEASE_STORE, g->id, key);
            break;
        }
        machine_hb(m, HB_ACQUIRE, g->id, key);
        if (op == OP_ATOMICADD || (op == OP_ATOMICCAS && m->mem[p].i == args[1].i))
            machine_hb(m, HB_RELEASE, g->id, key);
        break;
    }
    default: break;
    }
    switch (op) {
    case OP_ATOMICADD: {
        int64_t v = (int64_t)((uint64_t)m->mem[p].i + (uint64_t)args[1].i);
        if (a == 32) v = (int32_t)(uint32_t)v;
        m->mem[p] = value_int(v);
        vm_push(g, value_int(v));
        return true;
    }
    case OP_ATOMICLOAD: vm_push(g, m->mem[p]); return true;
    case OP_ATOMICSTORE: m->mem[p] = args[1]; return true;
    case OP_ATOMICCAS: {
        bool swap = m->mem[p].i == args[1].i;
        if (swap) m->mem[p] = args[2];
        vm_push(g, value_bool(swap));
        return true;
    }
    case OP_GOSCHED:
        sched_gosched(m, g, core);
        return false;
    case OP_GOMAXPROCS: {
        int prev = m->gomaxprocs;
        if (args[0].i > 0) m->gomaxprocs = args[0].i > 256 ? 256 : (int)args[0].i;
        vm_push(g, value_int(prev));
        return true;
    }
    case OP_NUMGOROUTINE: {
        int live = 0;
        for (int i = 0; i < m->ngs; i++) live += m->gs[i].state != G_DONE;
        vm_push(g, value_int(live));
        return true;
    }
    case OP_NUMCPU: vm_push(g, value_int(m->ncores)); return true;
    case OP_GC: m->gc.requested = true; return true;
    case OP_MEMSTATS: return read_memstats(m, g, p);
    case OP_NOW: vm_push(g, value_int(MACHINE_EPOCH_UNIX_NS + m->now)); return true;
    case OP_TIMER: return make_timer(m, g, a, b, args[0].i);
    case OP_TIMERSTOP: return timer_ctl(m, g, args[0], -1);
    case OP_TIMERRESET: return timer_ctl(m, g, args[0], args[1].i > 0 ? args[1].i : 0);
    case OP_DUR:
        if (a == 0) {
            char buf[64];
            size_t len = duration_format(args[0].i, buf, sizeof buf);
            vm_push(g, value_make(V_STR, 0, machine_add_string(m, buf, len)));
        } else if (a == 1) {
            vm_push(g, value_int(dur_round(args[0].i, args[1].i)));
        } else {
            int64_t d = args[0].i, mm = args[1].i;
            vm_push(g, value_int(mm <= 0 ? d : d - d % mm));
        }
        return true;
    default:
        machine_fail(m, M_PANIC, g->id, false, "interleave: bad bytecode: unknown runtime operation");
        return false;
    }
}
