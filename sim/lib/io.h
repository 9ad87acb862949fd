/* io.h — what the files of the simulated operating system share: the
 * machine's files and sockets (io_state.c), their error values
 * (io_errors.c), the cost of each system call (io_costs.c), package os
 * (os_file.c), the loopback network (net.c), bufio (bufio.c) and the
 * dispatch of OP_LIB's IoFn (io_exec.c).  Internal to sim/.
 *
 * A descriptor (IoFd) is what a program's *os.File, net.Conn and
 * net.Listener hold: a V_INT, its number, as Unix numbers them (0, 1, 2
 * are os.Stdin, os.Stdout, os.Stderr, which have no IoFd; the first file
 * opened is 3).  Numbers are never reused, so a closed one still names its
 * IoFd and says "file already closed".
 */
#ifndef INTERLEAVE_IO_H
#define INTERLEAVE_IO_H

#include <stdbool.h>
#include <stdint.h>
#include "machine_internal.h"
#include "fsimage.h"
#include "lib_data.h"

/* ---- the state (io_state.c) --------------------------------------------------------- */

/* A file or directory this machine created, changed, opened or removed.
 * Files of the image that it never touched are read from the image. */
typedef struct IoNode {
    char *path;                 /* cleaned, relative (fsimage.h)                */
    bool removed;               /* a tombstone: hides the image's entry; open
                                   descriptors still read and write the data   */
    bool is_dir;
    int base;                   /* the image entry whose bytes these still are
                                   (nothing written yet), -1: data is its own  */
    uint8_t *data; int64_t len, cap;
} IoNode;

/* Bytes on their way to one end of a connection: sent at `when` minus the
 * latency, readable from `when`; ends at `end` in the receiver's buffer; a
 * `fin` segment is the sender's Close (EOF once read up to it). */
typedef struct IoSeg {
    int64_t when;
    int64_t end;
    bool fin;
} IoSeg;

typedef enum IoFdKind { IOFD_FILE = 1, IOFD_LISTENER, IOFD_CONN } IoFdKind;

typedef struct IoFd {
    IoFdKind kind;
    bool closed;
    /* IOFD_FILE */
    int node;                   /* IoState.nodes index                           */
    int name;                   /* the name given to Open, a string index        */
    int64_t off;
    bool rd, wr;
    /* IOFD_LISTENER */
    int port;
    bool any;                   /* listening on every address (":8080"): "[::]" */
    int *backlog; int nbacklog, backlog_cap;   /* connections to Accept, FIFO    */
    /* IOFD_CONN */
    int peer;                   /* the other end's descriptor                    */
    int lport, rport;           /* its ports (both on 127.0.0.1)                 */
    int listener;               /* the server end: the listener it came from, 0  */
    bool established;           /* the handshake is over                         */
    bool wclosed;               /* CloseWrite: FIN sent, reading goes on         */
    bool eof;                   /* the peer's FIN was read up to                 */
    bool rst;                   /* a Write after the peer's Close drew an RST: the
                                   next Write is EPIPE ("broken pipe")           */
    uint8_t *buf; int64_t head, ready, len, cap;  /* bytes sent to this end:
                                   [head, ready) readable, [ready, len) in flight */
    IoSeg *segs; int nsegs, segs_cap;   /* in flight, by time                    */
} IoFd;

/* Go's sentinel errors, made on first use (one object each, so == works). */
typedef enum IoSentinel {
    IOS_EOF, IOS_UNEXPECTEDEOF, IOS_NOTEXIST, IOS_EXIST, IOS_CLOSED, IOS_PERMISSION,
    IOS_NETCLOSED, IOS__COUNT
} IoSentinel;

typedef struct IoState {
    IoNode *nodes; int nnodes, nodes_cap;
    IoFd *fds; int nfds, fds_cap;          /* descriptor d is fds[d - IO_FIRST_FD] */
    int64_t sentinel[IOS__COUNT];          /* the object's address, 0: not made yet */
    int next_port;                         /* the next ephemeral port              */
} IoState;

#define IO_FIRST_FD 3

/* The machine's state, made on first use. */
IoState *io_state(Machine *m);
/* Descriptor d, NULL when it is not one (0, 1, 2, or never opened). */
IoFd *io_fd(Machine *m, int64_t d);
/* A new descriptor of this kind; returns its number (the pointer moves). */
int io_fd_new(Machine *m, IoFdKind kind);

/* ---- the file set (io_state.c) -------------------------------------------------------- */

/* Clean a program's name as Go's path.Clean (relative to the program's
 * directory, "" for the directory itself) into out; false when it is
 * absolute or leaves the directory. */
bool io_path_clean(const char *name, size_t n, char *out, size_t outn);
/* The node of a cleaned path, made from the image on first use; -1 when
 * there is no such file or directory. */
int io_node_find(Machine *m, const char *path);
/* Does the directory holding `path` exist? */
bool io_parent_exists(Machine *m, const char *path);
/* A new empty file at path (an existing one's name now names it); its index. */
int io_node_create(Machine *m, const char *path);
/* The bytes of node k, to read (not to keep: they may move). */
const uint8_t *io_node_bytes(Machine *m, int k, int64_t *len);
/* Make node k's bytes its own and at least `len` long; returns them. */
uint8_t *io_node_writable(Machine *m, int k, int64_t len);
/* Has a live node or image entry a name below `dir`? */
bool io_dir_has_entries(Machine *m, const char *dir);

/* ---- error values (io_errors.c) ------------------------------------------------------ */

/* The sentinel (io.EOF ...) as an error interface value. */
Value io_sentinel(Machine *m, IoSentinel s);
/* syscall.Errno with Go's text ("no such file or directory"). */
Value io_errno(Machine *m, const char *text);
/* *fs.PathError: "op name: err". */
Value io_path_error(Machine *m, const char *op, Value name, Value err);
/* *net.OpError: "op tcp [source->]addr: err", or "op tcp: err" when addr is
 * empty. */
Value io_op_error(Machine *m, const char *op, const char *source, const char *addr, Value err);
/* An errors.New-style error with this text (for messages without a type of
 * their own, as net's address errors). */
Value io_plain_error(Machine *m, const char *text);
/* (io_error_unwrap and io_error_is, for errors.Is: machine_internal.h) */
/* os.IsNotExist / os.IsExist. */
bool io_error_is_not_exist(Machine *m, Value e, bool exist);
/* Error() of an error value of ours, into buf. */
void io_error_text(const Machine *m, Value e, char *buf, size_t n);

/* ---- costs (io_costs.c) --------------------------------------------------------------- */

typedef enum IoCost {
    IOC_OPEN, IOC_CREATE, IOC_READ, IOC_WRITE, IOC_CLOSE, IOC_STAT, IOC_REMOVE,
    IOC_NET_LISTEN, IOC_NET_DIAL, IOC_NET_ACCEPT, IOC_NET_READ, IOC_NET_WRITE, IOC_NET_CLOSE,
    IOC_NET_LATENCY, IOC_NET_HANDSHAKE,
    IOC__COUNT
} IoCost;

/* Virtual ns of system call c moving `bytes` bytes (a latency for the last two). */
int64_t io_cost(IoCost c, int64_t bytes);

/* ---- the instructions (io_exec.c, os_file.c, net.c, bufio.c) --------------------------- */

/* What an IoFn did: finished (results pushed when asked; the goroutine may
 * be in a system call now); or parked on the network poller without
 * results: the instruction runs again when it is woken; or did part of
 * the work (io.Copy of what has arrived) and runs again when the system
 * call that did it returns. */
typedef enum IoResult { IO_DONE, IO_AGAIN, IO_RETRY } IoResult;

/* The running call: where results go and whether it may park. */
typedef struct IoCall {
    Machine *m;
    Goroutine *g;
    int core;
    bool push;                  /* the caller wants the results                  */
    bool may_park;              /* false for a deferred call: it cannot run again */
    int64_t cost;               /* system-call time so far (syscall_block at the end) */
} IoCall;

/* Push a result (when the caller wants them). */
void io_push(IoCall *c, Value v);
/* The bytes of a []byte (copied out: free them), and its length. */
uint8_t *io_bytes_of(const Machine *m, Value s, int64_t *n);
/* Copy n bytes into the []byte s from its start. */
void io_bytes_into(Machine *m, Value s, const uint8_t *b, int64_t n);
/* A new []byte holding b[0, n). */
Value io_new_bytes(Machine *m, const uint8_t *b, int64_t n);
/* A string value of b[0, n). */
Value io_new_string(Machine *m, const char *b, size_t n);
/* The dynamic descriptor behind an io.Reader / io.Writer value: a file
 * (*os.File, kind IOFD_FILE or 0 for os.Std*) or a connection; -1 if v is
 * neither. */
int64_t io_target(const Machine *m, Value v, IoFdKind *kind);
/* Park on the poller for key (IO_AGAIN), or, in a deferred call, give up. */
IoResult io_park(IoCall *c, int64_t key);

IoResult os_exec(IoCall *c, int fn, const Value *a, int n);
IoResult net_exec(IoCall *c, int fn, const Value *a, int n);
IoResult bufio_exec(IoCall *c, int fn, const Value *a, int n);
/* fmt.Fprint* to a *bufio.Writer w: buffered; false when w is not one. */
bool bufio_fprint(IoCall *c, Value w, const char *s, size_t n);

/* Read up to max bytes from descriptor d (a file or a connection) into out;
 * *got gets how many, *err the error (V_NIL none, io.EOF at the end).
 * IO_AGAIN: a connection with nothing to read yet (parked). */
IoResult os_read_fd(IoCall *c, int64_t d, uint8_t *out, int64_t max, int64_t *got, Value *err);
/* Write b[0, n) to descriptor d: the file, stdout / stderr, or a connection. */
Value os_write_fd(IoCall *c, int64_t d, const uint8_t *b, int64_t n, int64_t *wrote);
IoResult net_read(IoCall *c, int64_t d, uint8_t *out, int64_t max, int64_t *got, Value *err);
Value net_write(IoCall *c, int64_t d, const uint8_t *b, int64_t n, int64_t *wrote);

/* Poller keys: a descriptor and what its waiters wait for. */
#define IO_KEY_READ(d) ((int64_t)(d) * 4)
#define IO_KEY_CONNECT(d) ((int64_t)(d) * 4 + 1)

#endif
