/* types.h — the type checker, as the code generator sees it.
 *
 * The checker walks the syntax tree once, resolves every name to a Sym, gives
 * every expression a mode, a type and (for constants) a value, records which
 * local variables closures capture and whose address is taken, and reports
 * errors in Go 1.19's words.  sim/compile*.c then only reads the annotations.
 * Everything is allocated in the compile arena.  The checker's own files
 * (types*.c, scope*.c) share more through sim/lang/check.h.
 */
#ifndef INTERLEAVE_TYPES_H
#define INTERLEAVE_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "ast.h"

typedef enum TypeKind {
    TY_INVALID,
    TY_INT, TY_BOOL, TY_STRING,          /* (time.Duration is a named TY_INT)   */
    TY_UNTYPED_INT, TY_UNTYPED_BOOL, TY_UNTYPED_STRING, TY_UNTYPED_NIL,
    TY_MUTEX, TY_WAITGROUP,              /* sync.Mutex, sync.WaitGroup; also
                                            sync.RWMutex and sync.Once, kept
                                            like a Mutex (Type.sync_kind)      */
    TY_STRUCT, TY_PTR, TY_FUNC,
    TY_TUPLE,                            /* results of a multi-value call       */
    TY_CHAN,                             /* chan elem, with a direction (dir)   */
    /* data: sim/lang/types_data.c */
    TY_SLICE, TY_ARRAY, TY_MAP,          /* elem; TY_ARRAY len; TY_MAP key      */
    TY_FLOAT,                            /* float64, float32 (numkind)          */
    TY_UNTYPED_FLOAT,
    TY_STRBUF,                           /* strings.Builder, bytes.Buffer       */
    /* functions, methods, interfaces, control flow */
    TY_IFACE                             /* interface { methods }: methods      */
} TypeKind;

struct FuncInfo;

/* A method of a named type (declared with a receiver) or of an interface. */
typedef struct Method {
    const char *name; int namelen;
    struct Type *sig;         /* without the receiver                           */
    bool ptr_recv;            /* declared on *T                                 */
    struct Sym *fn;           /* the method's function (NULL in an interface)   */
    bool wrapper;             /* generated for a method promoted from an embedded
                                 field: only dynamic dispatch uses it           */
    int lib;                  /* a library type's method (os.File.Read): its
                                 builtin (BI_LIB + row, types_io.c), 0 none     */
} Method;

typedef struct Type Type;

/* Limits that keep a hostile program from exhausting the compiler: no struct
 * type takes more memory slots than TYPES_MAX_SLOTS (a flattened struct of
 * structs grows exponentially with its source), and the globals together no
 * more than TYPES_MAX_GLOBAL_SLOTS.  Real programs stay far below both. */
#define TYPES_MAX_SLOTS 4096
#define TYPES_MAX_GLOBAL_SLOTS 16384

typedef struct TField {
    const char *name; int namelen;
    Type *type;
    int off;                  /* first slot of the field in the flattened struct */
    bool embedded;            /* an embedded field: its name is its type's      */
} TField;

struct Type {
    TypeKind kind;
    const char *name;         /* named types: "int", "value", "time.Duration"  */
    Type *elem;               /* TY_PTR, TY_CHAN                                */
    int dir;                  /* TY_CHAN: a ChanDir                             */
    int sync_kind;            /* TY_MUTEX / TY_WAITGROUP: the SyncKind of its slot */
    Type *ptr;                /* the pointer type to this one, once made        */
    TField *fields; int nfields;          /* TY_STRUCT                          */
    Type **params; int nparams;           /* TY_FUNC                            */
    Type **results; int nresults;         /* TY_FUNC, TY_TUPLE                  */
    int nslots;               /* memory slots a value takes (structs flattened),
                                 at most TYPES_MAX_SLOTS                        */
    int state;                /* named types: 0 unresolved, 1 resolving, 2 done */
    int layout;               /* compile: index into Program.types, -1 none     */
    Method *methods; int nmethods, methods_cap;  /* named types, TY_IFACE      */
    bool user;                /* declared in package main (%T says main.T)      */
    bool variadic;            /* TY_FUNC: the last parameter is ...T            */
    /* data */
    Type *key;                /* TY_MAP                                         */
    int64_t len;              /* TY_ARRAY                                       */
    int numkind;              /* TY_INT, TY_FLOAT: NumKind (value.h): int8 ...  */
    Type *slice_of;           /* the []T of this T, once made                   */
};

/* Builtin operations, reached as predeclared names or package members. */
typedef enum Builtin {
    BI_NONE,
    BI_PRINTLN, BI_PRINTF,                 /* fmt                              */
    BI_SLEEP,                              /* time                             */
    BI_LOCK, BI_UNLOCK,                    /* sync.Mutex methods               */
    BI_WGADD, BI_WGDONE, BI_WGWAIT,        /* sync.WaitGroup methods           */
    BI_NEW,                                /* new(T)                           */
    BI_UNSUPPORTED,                        /* panic, append ...: an error      */
    /* channels, RWMutex/Once/Cond, sync/atomic, runtime, time: checked in
     * sim/lang/types_conc.c, compiled in sim/lang/compile_conc.c */
    BI_MAKE, BI_CLOSE, BI_LEN, BI_CAP,
    BI_RLOCK, BI_RUNLOCK, BI_WLOCK, BI_WUNLOCK, BI_ONCEDO,
    BI_NEWCOND, BI_CONDWAIT, BI_CONDSIGNAL, BI_CONDBROADCAST,
    BI_ATOMIC_ADD32, BI_ATOMIC_ADD64, BI_ATOMIC_LOAD32, BI_ATOMIC_LOAD64,
    BI_ATOMIC_STORE32, BI_ATOMIC_STORE64, BI_ATOMIC_CAS32, BI_ATOMIC_CAS64,
    BI_GOSCHED, BI_GOMAXPROCS, BI_NUMGOROUTINE, BI_NUMCPU, BI_GC, BI_READMEMSTATS,
    BI_NOW, BI_SINCE, BI_UNTIL, BI_AFTER, BI_TICK, BI_NEWTIMER, BI_NEWTICKER,
    BI_TIMER_STOP, BI_TIMER_RESET, BI_TICKER_STOP, BI_TICKER_RESET,
    BI_DUR_STRING, BI_DUR_ROUND, BI_DUR_TRUNCATE, BI_DUR_NS, BI_DUR_US, BI_DUR_MS,
    BI_DUR_SECONDS, BI_DUR_MINUTES, BI_DUR_HOURS,   /* float64 (with floats) */
    BI_TIME_SUB, BI_TIME_ADD, BI_TIME_BEFORE, BI_TIME_AFTER, BI_TIME_EQUAL,
    BI__CONC_END,
    /* data: sim/lang/types_builtin.c, types_data.c, strings_pkg.c ...;
     * make, len and cap of slices, maps and strings are checked there too */
    BI_APPEND, BI_COPY, BI_DELETE,
    BI_STRFN,                              /* strings.X: sim/lib/strings_pkg.c     */
    BI_RANDFN,                             /* math/rand.X: sim/lib/rand_pkg.c      */
    BI_PRINT, BI_PRINTLN_RT,               /* the builtins print and println   */
    BI_STRBUF,                             /* Builder/Buffer methods: strbuf.c */
    /* functions, methods, interfaces, control flow */
    BI_PANIC, BI_RECOVER, BI_EXIT,         /* panic, recover, os.Exit           */
    BI_ERRORS_NEW, BI_ERRORF, BI_SPRINTF, BI_SPRINT, BI_SPRINTLN,
    BI_FMT_PRINT, BI_FPRINTF, BI_FPRINTLN, BI_FPRINT,
    BI_LIB = 1000                          /* + a library row (types_lib_func.c) */
} Builtin;

/* The types of packages os, io, net and bufio (Checker.t_io, types_io.c):
 * the library's concrete types first, then those a program names only. */
typedef enum IoType {
    IOT_FILE, IOT_FILESTAT, IOT_TCPCONN, IOT_TCPLISTENER, IOT_TCPADDR,
    IOT_BUFREADER, IOT_SCANNER, IOT_BUFWRITER,
    IOT_FILEMODE, IOT_FILEINFO, IOT_READER, IOT_WRITER, IOT_CLOSER, IOT_READWRITER,
    IOT_READCLOSER, IOT_WRITECLOSER, IOT_READWRITECLOSER, IOT_CONN, IOT_LISTENER, IOT_ADDR,
    IOT__COUNT
} IoType;

typedef enum SymKind { SYM_VAR, SYM_CONST, SYM_TYPE, SYM_FUNC, SYM_PKG, SYM_BUILTIN, SYM_NIL } SymKind;

typedef struct FuncInfo FuncInfo;

typedef struct Sym {
    SymKind kind;
    const char *name; int namelen;
    int line, col;            /* where it is declared (0 for predeclared)       */
    Type *type;
    ConstVal cv;              /* SYM_CONST                                      */
    int builtin;              /* SYM_BUILTIN: Builtin                           */
    int pkg;                  /* SYM_PKG: index into File.imports              */
    bool global;              /* declared at package level                      */
    bool used, captured, addr_taken, is_param, is_iota;
    FuncInfo *owner;          /* SYM_VAR local: the declaring function          */
    Stmt *spec;               /* package-level var/const/type: its spec        */
    Decl *decl;               /* package-level func                             */
    int state;                /* package level: 0 unresolved, 1 resolving, 2 done */
    int slot;                 /* compile: local slot / first global slot        */
    int proto;                /* compile: SYM_FUNC's proto                      */
} Sym;

struct FuncInfo {
    const char *name;         /* "main", "printSum", "main.func1"              */
    FuncInfo *parent;         /* enclosing function of a literal               */
    FuncNode *node;
    Type *sig;
    Sym **params; int nparams;
    Sym **results; int nresults;          /* named results (NULL entries if not) */
    Sym **captures; int ncaptures, capcap;  /* outer variables, first use order */
    int nlits;                /* literals numbered so far (for their names)    */
    int proto;                /* compile                                       */
};

typedef struct Scope {
    struct Scope *parent;
    Sym **syms; int n, cap;
    bool func_top;            /* the outermost scope of a function body        */
    /* A scope past SCOPE_INDEX_FROM names (a package of many functions) is
     * also found by hash: index[h] = 1 + the syms position, 0 empty; a
     * power-of-two table kept under half full. */
    int *index; int index_cap;
} Scope;
#define SCOPE_INDEX_FROM 16

typedef struct Checker {
    Arena *arena;
    DiagList *diags;
    File *file;
    Scope *universe, *pkg, *scope;
    FuncInfo *fn;             /* function being checked; NULL at package level */
    int loops;                /* enclosing for loops in the current function   */
    int64_t iota; bool in_const;
    int nglobal_lits;
    int depth;                /* nested checks in progress (see scope_enter)   */
    bool too_deep;            /* scope_enter has reported                      */
    Type *t_invalid, *t_int, *t_bool, *t_string, *t_duration;
    Type *t_uint, *t_ubool, *t_ustring, *t_unil;   /* untyped                  */
    Type *t_mutex, *t_wg;
    Type *t_error, *t_any, *t_stringer, *t_file;  /* error, interface{}, fmt.Stringer, *os.File */
    Type *t_writer;                          /* io.Writer               */
    Type *t_source, *t_rand;                 /* rand.Source, rand.Rand              */
    int switches;             /* enclosing switch statements (break targets)   */
    Stmt *labels[32]; int nlabels;  /* enclosing labelled statements            */
    bool label_used[32];
    bool type_switch_clause;  /* checking the body of a type switch's clause   */
    Stmt *fallthrough_ok;     /* the clause where fallthrough may end          */
    Type *t_rwmutex, *t_once, *t_cond, *t_time, *t_timer, *t_ticker;  /* types_conc.c */
    Type *t_memstats;
    int selects;              /* enclosing selects in the current function      */
    Type *t_num[NK_FLOAT32 + 1];   /* int, int8 ... float32       */
    Type *t_ufloat;                /* untyped float                           */
    Type *t_byte, *t_rune;         /* aliases of uint8 and int32, by name     */
    Type *t_urune;                 /* untyped rune: a TY_UNTYPED_INT that defaults to rune */
    Type *t_builder, *t_buffer;    /* strings.Builder, bytes.Buffer, once used */
    Type **t_io;                   /* IoType: os, io, net, bufio, once used (types_io.c) */
    const char *assign_ctx;        /* types_assign's context, for constant overflow messages;
                                      TYPES_OPERAND_CTX: an operand of a binary operator */
    /* results for the code generator */
    Sym **globals; int nglobals, globals_cap;      /* in initialisation order  */
    Stmt **global_inits; int ninits, inits_cap;    /* var specs, same order    */
    Sym **funcs; int nfuncs, funcs_cap;            /* top-level funcs, source order */
    Sym *main_fn;
    Sym **init_fns; int ninit_fns, init_fns_cap;   /* func init() in order      */
} Checker;

/* Checker.assign_ctx while a binary operator converts an untyped constant
 * operand: Go then says "1.5 (untyped float constant) truncated to int". */
extern const char TYPES_OPERAND_CTX[];

/* ---- sim/types*.c: types, constants, expressions ---------------------------- */
void types_init(Checker *c);
void types_errorf(Checker *c, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
Type *types_new(Checker *c, TypeKind k, const char *name);
Type *types_ptr(Checker *c, Type *elem);
bool types_identical(const Type *a, const Type *b);
bool types_is_untyped(const Type *t);
bool types_is_integer(const Type *t);
bool types_is_bool(const Type *t);
bool types_is_string(const Type *t);
Type *types_default(Checker *c, Type *t);
/* "int", "*value", "func(int) string", "untyped int". */
void types_string(const Type *t, char *buf, size_t n);
/* "x (variable of type int)", "3 (untyped int constant)", "nil". */
void types_operand_string(const Expr *e, char *buf, size_t n);

/* chan elem with direction dir (a ChanDir). */
Type *types_chan(Checker *c, Type *elem, int dir);

/* Resolve a type expression; reports errors and returns t_invalid. */
Type *types_resolve(Checker *c, Expr *e);
Type *types_signature(Checker *c, FuncNode *fn);
/* Check an expression: any mode (a call may be NOVALUE or a TUPLE). */
void types_expr(Checker *c, Expr *e);
/* Check an expression that must be one value (reports and sets MODE_INVALID). */
void types_value(Checker *c, Expr *e);
/* The second half of types_value, for an expression already checked. */
void types_check_value(Checker *c, Expr *e);
/* An assignment target: a bare name is not a use of the variable. */
void types_lhs(Checker *c, Expr *e);
/* Can the checked value e be assigned to `target`?  Converts an untyped
 * constant; reports "cannot use ... in <context>" and returns false if not. */
bool types_assign(Checker *c, Expr *e, Type *target, const char *context);
/* Check a binary expression whose operands are already checked.  e->op may be
 * an assignment operator (TK_PLUS_ASSIGN ...) for `x += y`. */
void types_binary(Checker *c, Expr *e);
/* TK_PLUS for TK_PLUS_ASSIGN etc.; other kinds unchanged. */
int types_base_op(int op);

/* ---- sim/lang/types_method.c, sim/types_iface.c -------------------- */
/* The method `name` of t (or, through embedded fields, of a field of t); the
 * embedded fields walked go to path (NULL: not wanted). */
Method *types_find_method(Type *t, const char *name, int len, Type **path, int *npath);
/* Does t implement the interface iface?  If not, *missing names a method. */
bool types_implements(Type *t, Type *iface, const char **missing, int *missing_len);
bool types_is_iface(const Type *t);
/* Identical underlying types, one of them unnamed (assignability). */
bool types_same_underlying(const Type *a, const Type *b);
/* The LibFunc (program.h) of library builtin bi (sim/lang/types_lib_func.c). */
int types_lib_fn(int bi);
/* ---- sim/lang/types_io.c: files, the network, bufio ---------------------- */
/* The type IoType `which` (every one is made on first use). */
Type *types_io(Checker *c, int which);
/* Is builtin bi a row of sim/lib_data.h's IoFn table; a method of it? */
bool types_io_is_row(int bi);
bool types_io_is_method(int bi);
/* Its LibFunc (LIB_IO + the row). */
int types_io_fn(int bi);
/* How many zeros the call pushes after its arguments: state the instruction
 * keeps while it runs again (io.Copy's total so far). */
int types_io_hidden_operands(int bi);
/* ---- sim/lang/types_data.c, types_builtin.c: Go's data --------------- */
void types_data_init(Checker *c);
/* The slice type []elem (made once). */
Type *types_slice_of(Checker *c, Type *elem);
bool types_is_numeric(const Type *t);
bool types_is_float(const Type *t);
bool types_is_unsigned(const Type *t);
/* int8 ... uintptr, byte, rune, float32, float64 (not a type named after one). */
bool types_is_predeclared_num(const Type *t);
/* Go's size in bytes of a value of t (for append's growth rule). */
int64_t types_go_size(const Type *t);

/* ---- sim/scope*.c: scopes, declarations, statements ------------------------- */
Sym *scope_lookup(Checker *c, const char *name, int len);
/* A variable is referenced from the current function: records captures, and
 * counts as a use when `read` (assigning to x is not using it). */
void scope_use(Checker *c, Sym *s, bool read);
/* Check a function literal's body (the Expr is EX_FUNCLIT). */
void scope_func_lit(Checker *c, Expr *e);
/* Make sure a package-level name's declaration has been checked. */
void scope_resolve(Checker *c, Sym *s);
/* Check the whole file; false if any diagnostic was reported. */
bool scope_check_file(Checker *c, File *f);

#endif
