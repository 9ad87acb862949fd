/* program.h — a compiled Go program: bytecode, constants, types, line table.
 *
 * Produced by compile_source() (sim/lang/compile.c), read by the VM, the disassembler
 * and every front end.  Immutable after compiling; many Machines share one.
 */
#ifndef INTERLEAVE_PROGRAM_H
#define INTERLEAVE_PROGRAM_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "value.h"

typedef enum Opcode {
#define OP(name, opnd, cost, meaning) OP_##name,
#include "opcodes.def"
#undef OP
    OP__COUNT
} Opcode;

typedef enum OperandKind { OPND_NONE, OPND_A, OPND_AB, OPND_AC, OPND_ABC } OperandKind;

extern const char *const opcode_names[OP__COUNT];
extern const uint8_t opcode_operands[OP__COUNT];   /* OperandKind */
extern const uint32_t opcode_costs[OP__COUNT];     /* virtual ps at nominal speed */
extern const char *const opcode_meanings[OP__COUNT];

typedef struct Instr {
    uint16_t op;   /* Opcode */
    uint16_t b;
    int32_t a;
    int32_t c;     /* a third operand, for the fused local instructions only */
} Instr;

/* A function body.  Frame layout: slots [0, nparams) are the arguments,
 * [nparams, nparams+ncaptures) the captured cell addresses (copied from the
 * closure at call time), the rest up to nslots are locals. */
typedef struct Proto {
    const char *name;     /* "main", "printSum", "main.func1" (Go's naming)   */
    int nparams;
    int ncaptures;
    int nslots;           /* all local slots, params and captures included      */
    int nresults;
    int code_start;       /* index of the first instruction in Program.code    */
    int code_end;         /* one past the last                                  */
    int line;             /* line of the func keyword                           */
    int recover_pc;       /* where a frame goes when a deferred call recovers its
                             panic: push the named results (or zeros), RET
                                                                    */
} Proto;

/* The fmt functions of OP_FMT's B operand. */
typedef enum FmtFunc {
    FMT_PRINT, FMT_SPRINTF, FMT_SPRINT, FMT_SPRINTLN, FMT_ERRORF, FMT_FPRINTF,
    FMT_FPRINTLN, FMT_FPRINT, FMT_ERRORS_NEW, FMT_BUILTIN_PRINTLN, FMT_BUILTIN_PRINT,
    FMT_SPREAD = 0x80,       /* or'd in: the last argument is a []any to spread (f(xs...)) */
    FMT_RESULTS = 0x100      /* or'd in: push (n int, err error) after printing */
} FmtFunc;

/* The library functions of OP_LIB's B operand (sim/lib/vm_lib.c):
 * rand.New and its *rand.Rand, errors.Is and errors.Unwrap. */
typedef enum LibFunc {
    LIB_RAND_NEWSOURCE, LIB_RAND_NEW, LIB_R_INTN, LIB_R_INT,
    LIB_ERRORS_IS, LIB_ERRORS_UNWRAP,
    LIB_BUF_WRITETO,         /* bytes.Buffer.WriteTo(w): its text to w, emptied */
    LIB_ERRORS_AS,           /* errors.As(err, &target): the chain's first of target's type */
    LIB__COUNT,
    LIB_IO = 32              /* + an IoFn (sim/lib_data.h): files, the network, bufio
                                (sim/lib/io_exec.c); B's low 8 bits hold it all */
} LibFunc;

/* The runtime types the library makes values of itself (Program.rt_io):
 * what net.Dial's net.Conn holds, the error types of package os and net. */
typedef enum IoRtype {
    IORT_FILE,               /* *os.File: an int, the descriptor (1 os.Stdout ...) */
    IORT_FILESTAT,           /* *os.fileStat (os.FileInfo): [name, size, is dir]   */
    IORT_TCPCONN,            /* *net.TCPConn: an int, the descriptor              */
    IORT_TCPLISTENER,        /* *net.TCPListener: an int, the descriptor          */
    IORT_TCPADDR,            /* *net.TCPAddr (net.Addr): [its text]               */
    IORT_PATHERROR,          /* *fs.PathError: [text, the error it wraps]         */
    IORT_OPERROR,            /* *net.OpError: [text, the error it wraps]          */
    IORT_ERRNO,              /* syscall.Errno: the text itself (a string)         */
    IORT_BUFREADER,          /* *bufio.Reader                                      */
    IORT_SCANNER,            /* *bufio.Scanner                                     */
    IORT_BUFWRITER,          /* *bufio.Writer                                      */
    IORT__COUNT
} IoRtype;

/* What a runtime type is (TypeLayout.kind). */
typedef enum RtKind {
    RT_OTHER, RT_INT, RT_BOOL, RT_STRING, RT_STRUCT, RT_PTR, RT_FUNC, RT_IFACE, RT_SYNC,
    RT_SLICE, RT_ARRAY       /* elem: the element's layout                      */
} RtKind;

/* A method in a type's method table: what dynamic dispatch looks up. */
typedef struct RtMethod {
    const char *name;
    int proto;               /* the method's function (receiver first); -1 in an interface */
    int ptr_recv;            /* declared on *T                                  */
    int lib;                 /* a library method (proto -1): 1 + its LibFunc,
                                which CALLI runs in place (sim/machine/vm_iface.c) */
} RtMethod;

/* The memory layout of a type: a struct is flattened into slots (a nested
 * struct field takes as many slots as its type).  Scalars take one slot.
 * It doubles as the runtime type: an interface value carries
 * 1 + its dynamic type's index in Value.aux (see value.h). */
typedef struct TypeLayout {
    const char *name;        /* "value", "int", "sync.Mutex", ...              */
    int nslots;
    Value *zero;             /* nslots zero values (V_SYNC with aux set for
                                sync.Mutex / sync.WaitGroup slots)             */
    const char **slot_name;  /* nslots field paths: "mu", "value", "inner.x";
                                "" for a scalar type                           */
    /* runtime type */
    int kind;                /* RtKind                                         */
    const char *goname;      /* as %T prints it: "main.Point", "*main.Point", "int" */
    int elem;                /* RT_PTR: the pointee's layout; RT_SLICE, RT_ARRAY:
                                the element's; else -1                          */
    RtMethod *methods; int nmethods;   /* named types; RT_IFACE: the required names */
    const char **field_name; int *field_type; int *field_off; int nfields;   /* RT_STRUCT */
    int named;               /* a defined type (%v of main.Code(3) in panics)   */
} TypeLayout;

typedef struct Diagnostic {
    int line, col;           /* 1-based */
    char msg[200];
} Diagnostic;

typedef struct Program {
    const char *filename;    /* as given, used in diagnostics and tracebacks   */
    char *source;            /* owned copy, NUL-terminated                     */
    int nlines;
    int *line_start;         /* byte offset of each line (0-based index)       */

    Instr *code;             /* every function's code, concatenated            */
    int32_t *code_line;      /* source line of each instruction (1-based)      */
    int32_t *code_col;       /* source column of each instruction (1-based)    */
    int ncode;

    Value *consts;  int nconsts;        /* V_INT constants too big for OP_INT  */
    char **strings; int *string_len; int nstrings;   /* string constants       */
    Proto *protos;  int nprotos;
    TypeLayout *types; int ntypes;

    int main_proto;          /* func main                                      */
    int init_proto;          /* initialises globals, runs before main; -1 none */
    int nglobals;            /* global slots (shared memory at mem[0..nglobals)) */
    const char **global_name;/* nglobals: "wg", "a.mu", ... for display         */

    Diagnostic *diags; int ndiags;      /* non-empty: the program did not compile */
    int rt_errstring;        /* layout of *errors.errorString (errors.New)     */
    int rt_runtime_error;    /* layout of runtime.Error (a recovered runtime panic) */
    int rt_wrap_error;       /* layout of *fmt.wrapError (Errorf with %w)       */
    int rt_io[IORT__COUNT];  /* the library's own runtime types (IoRtype), -1
                                when the program does not use their package     */
} Program;

/* Compile Go source.  Always returns a Program; when ndiags > 0 it holds only the
 * diagnostics (sorted by position, at most 10) and must not be run. */
Program *compile_source(const char *filename, const char *source, size_t len);
void program_free(Program *p);

/* Print one diagnostic compiler-style:
 *   file:line:col: error: message
 *       the source line
 *       ^                                                                     */
void program_print_diagnostic(const Program *p, const Diagnostic *d, FILE *out);

/* The text of source line `line` (1-based) without its newline; *len gets its
 * length.  Returns "" for a line out of range. */
const char *program_line_text(const Program *p, int line, int *len);

/* Which function contains instruction pc (-1 if none). */
int program_proto_at(const Program *p, int pc);

/* Disassembler (clox's shape): print instruction pc as one line
 *   "  12  L7  LOADREF 0"  and return the next pc.  disasm_instr writes the
 * instruction alone ("LOADREF 0", "STR 2 \"sum=%v\\n\"") into buf. */
int disasm_print(const Program *p, int pc, FILE *out);
void disasm_instr(const Program *p, int pc, char *buf, size_t n);
void disasm_program(const Program *p, FILE *out);
/* sim/lang/disasm_data.c: the note of a data instruction ("2.5", "nil", "[]int"). */
void disasm_data_note(const Program *p, Instr in, char *note, size_t n);

#endif
