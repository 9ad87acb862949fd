/* ast.h — the syntax tree of a Go file, as sim/parse*.c build it.
 *
 * Every node lives in one Arena that is freed after compiling, so nodes point
 * at each other freely and nothing is freed one by one.  Names and literals are
 * slices of the source.  The checker (sim/types*.c, sim/scope*.c) fills in the
 * fields marked "checker"; the code generator (sim/compile*.c) only reads them.
 * Types are parsed as expressions (Go's own parser does the same), so `*value`
 * is an EX_STAR and `sync.Mutex` an EX_SELECTOR.
 */
#ifndef INTERLEAVE_AST_H
#define INTERLEAVE_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "program.h"

/* ---- arena: bump allocation in chunks, freed all at once --------------- */
typedef struct ArenaChunk ArenaChunk;
typedef struct Arena { ArenaChunk *head; } Arena;

/* ---- diagnostics, collected by every pass ------------------------------ */
typedef struct DiagList {
    Diagnostic *d; int n, cap;
} DiagList;

struct Type;
struct Sym;
struct FuncInfo;
typedef struct Expr Expr;
typedef struct Stmt Stmt;
typedef struct FuncNode FuncNode;

/* A constant value: untyped or typed, folded at compile time. */
typedef enum ConstKind { CV_NONE, CV_INT, CV_BOOL, CV_STRING, CV_FLOAT,
                         CV_BIGINT   /* an untyped integer past int64: its value in f */ } ConstKind;
typedef struct ConstVal {
    ConstKind kind;
    int64_t i;             /* CV_INT, CV_BOOL                                 */
    const char *s; int slen;  /* CV_STRING: decoded bytes (arena)            */
    long double f;         /* CV_FLOAT: extended, so 0.1 + 0.2 folds to 0.3 as
                              Go's exact constants do                        */
} ConstVal;

typedef enum ExprKind {
    EX_BAD,
    EX_IDENT,        /* name                                                   */
    EX_INT,          /* lit; ival, overflow                                    */
    EX_STRING,       /* lit; sval/slen decoded                                 */
    EX_FUNCLIT,      /* fn                                                     */
    EX_COMPOSITE,    /* x{args}: x the type (may be NULL inside), args
                        elements (EX_KEYVALUE for key: value)                  */
    EX_KEYVALUE,     /* x: y                                                   */
    EX_PAREN,        /* (x)                                                    */
    EX_SELECTOR,     /* x.name                                                 */
    EX_CALL,         /* x(args)                                                */
    EX_STAR,         /* *x: dereference, or pointer type                       */
    EX_UNARY,        /* op x: + - ! ^ &                                        */
    EX_BINARY,       /* x op y                                                 */
    /* type-only forms */
    EX_STRUCTTYPE,   /* struct { fields }                                      */
    EX_FUNCTYPE,     /* func(params) results: fn (no body)                     */
    /* functions, methods, interfaces, control flow */
    EX_TYPEASSERT,   /* x.(y); y NULL for x.(type) in a type switch            */
    EX_IFACETYPE,    /* interface { methods }: fields are the methods, each
                        Field.type an EX_FUNCTYPE (embedded names: name NULL) */
    EX_CHANTYPE,     /* chan x, chan<- x, <-chan x: op is a ChanDir            */
    /* data */
    EX_FLOAT,        /* lit; fval                                              */
    EX_INDEX,        /* x[y]                                                   */
    EX_SLICEEXPR,    /* x[y:hi] or x[y:hi:max]; y, hi NULL when omitted        */
    EX_ARRAYTYPE,    /* [x]y, x NULL for a slice type []y; dots: [...]y        */
    EX_MAPTYPE       /* map[x]y                                                */
} ExprKind;

/* The direction of a channel type (Expr.op of an EX_CHANTYPE, Type.dir). */
typedef enum ChanDir { CHAN_BOTH = 0, CHAN_SEND = 1, CHAN_RECV = 2 } ChanDir;

/* Expression modes, as Go's type checker calls them (checker). */
typedef enum ExprMode {
    MODE_INVALID,    /* an error was already reported                          */
    MODE_NOVALUE,    /* a call of a function without results                   */
    MODE_VALUE,      /* a computed value                                       */
    MODE_VAR,        /* an addressable variable (or field of one)              */
    MODE_CONST,      /* cv holds the value                                     */
    MODE_TYPE,       /* a type: type                                           */
    MODE_PKG,        /* an imported package name (only valid before a dot)     */
    MODE_BUILTIN,    /* a predeclared function or a sync/fmt/time builtin      */
    MODE_NIL         /* the predeclared nil                                    */
} ExprMode;

/* A parameter, result or struct field: `name Type` (name NULL if absent). */
typedef struct Field {
    const char *name; int namelen;
    int line, col;
    Expr *type;
} Field;

struct Expr {
    ExprKind kind;
    int line, col;            /* where the expression starts                  */
    int op;                   /* TokenKind of EX_UNARY / EX_BINARY             */
    int op_line, op_col;      /* EX_BINARY: the operator; EX_SELECTOR: name;
                                 EX_KEYVALUE: the colon                        */
    Expr *x, *y;              /* operands / base / callee / element type       */
    const char *name; int namelen;  /* EX_IDENT, EX_SELECTOR                   */
    const char *lit; int litlen;    /* literal source text                     */
    int64_t ival; bool overflow;    /* EX_INT                                  */
    char *sval; int slen;           /* EX_STRING, decoded                      */
    Expr **args; int nargs;         /* EX_CALL, EX_COMPOSITE                   */
    int rparen_line, rparen_col;    /* EX_CALL: the closing parenthesis;
                                       EX_COMPOSITE: the closing brace          */
    FuncNode *fn;                   /* EX_FUNCLIT, EX_FUNCTYPE                 */
    Field *fields; int nfields;     /* EX_STRUCTTYPE                           */
    long double fval;               /* EX_FLOAT                                */
    Expr *hi, *max;                 /* EX_SLICEEXPR                            */
    bool is_rune;                   /* EX_INT: a rune literal 'x'              */
    bool dots;                      /* EX_ARRAYTYPE [...]T                     */

    /* checker */
    ExprMode mode;
    struct Type *type;
    ConstVal cv;
    struct Sym *sym;          /* EX_IDENT (and EX_SELECTOR of a package)       */
    int builtin;              /* MODE_BUILTIN: a Builtin (types.h)             */
    int field_off;            /* EX_SELECTOR of a field: slot offset           */
    bool through_ptr;         /* EX_SELECTOR: x is a pointer (auto-deref)      */
    bool commaok;             /* EX_TYPEASSERT: v, ok := x.(T)                  */
    struct Type *boxed;       /* the concrete type of a value implicitly
                                 converted to an interface (the compiler emits
                                 IFACE after the value)                         */
    struct Method *method;    /* EX_SELECTOR of a method (types.h)              */
    struct Type **path; int npath;  /* EX_SELECTOR: embedded fields walked to
                                 reach the field or method (promotion)          */
    bool comma_ok;            /* a receive <-ch giving (value, ok)             */
};

typedef enum StmtKind {
    ST_EMPTY,
    ST_EXPR,         /* x                                                      */
    ST_VAR,          /* var lhs... type = rhs...   (lhs are EX_IDENT)          */
    ST_CONST,        /* const lhs... type = rhs...                              */
    ST_TYPE,         /* type name type (only at package level)                 */
    ST_DEFINE,       /* lhs... := rhs...                                        */
    ST_ASSIGN,       /* lhs... op rhs...  (op TK_ASSIGN, TK_PLUS_ASSIGN, ...)  */
    ST_INCDEC,       /* x++ / x--  (op TK_INC / TK_DEC)                        */
    ST_BLOCK,        /* { body }                                               */
    ST_IF,           /* if init; cond { body } else els                         */
    ST_FOR,          /* for init; cond; post { body }                          */
    ST_BREAK, ST_CONTINUE,
    ST_RETURN,       /* return rhs...                                           */
    ST_GO, ST_DEFER, /* go x / defer x                                          */
    /* functions, methods, interfaces, control flow */
    ST_SWITCH,       /* switch init; x { body }: body are ST_CASE; x NULL: no tag.
                        A type switch has x an EX_TYPEASSERT without type and
                        lhs[0] the bound name (nlhs 0 if none)                */
    ST_CASE,         /* case rhs...: body  (nrhs 0: default)                   */
    ST_FALLTHROUGH,
    ST_SEND,         /* lhs[0] <- rhs[0]                                        */
    ST_RANGE,        /* for lhs... op range x { body }: op TK_DEFINE, TK_ASSIGN,
                        or 0 without iteration variables (channels: sim/lang/types_conc.c;
                        slices, arrays, strings, maps: sim/lang/scope_range.c)        */
    ST_SELECT        /* select { clauses }                                      */
} StmtKind;

/* A clause of a select: `case comm:` (comm an ST_SEND, an ST_EXPR receive, or
 * an ST_DEFINE / ST_ASSIGN whose one right side is a receive) or `default:`
 * (comm NULL), and its statements. */
typedef struct Clause {
    int line, col;            /* the case / default keyword                     */
    Stmt *comm;
    Stmt **body; int nbody;
} Clause;

struct Stmt {
    StmtKind kind;
    int line, col;
    int op;
    int op_line, op_col;      /* ST_DEFINE / ST_ASSIGN / ST_INCDEC / ST_SEND: op */
    Expr **lhs; int nlhs;
    Expr **rhs; int nrhs;
    Expr *type;               /* ST_VAR, ST_CONST, ST_TYPE                     */
    Expr *x;                  /* ST_EXPR, ST_GO, ST_DEFER, ST_INCDEC            */
    Stmt *init, *post;        /* ST_IF, ST_FOR                                  */
    Expr *cond;
    Stmt **body; int nbody;   /* ST_BLOCK, ST_IF, ST_FOR                        */
    int end_line, end_col;    /* the closing brace of body                      */
    Stmt *els;                /* ST_IF: ST_IF or ST_BLOCK, NULL if none         */
    Clause *clauses; int nclauses;   /* ST_SELECT                               */

    const char *label; int labellen;  /* ST_FOR / ST_SWITCH: its label;
                                 ST_BREAK / ST_CONTINUE: the target (NULL none) */
    int label_line, label_col;  /* where the label is declared                 */

    /* checker */
    struct Sym **syms;        /* ST_VAR / ST_DEFINE / ST_CONST: the declared
                                 variable per lhs (NULL: `_` or not new);
                                 package-level ST_TYPE: the type's one Sym     */
    int64_t iota;             /* ST_CONST: its index in the const group          */
};

struct FuncNode {
    int line, col;            /* the func keyword                               */
    Field *params; int nparams;
    Field *results; int nresults;
    Stmt *body;               /* ST_BLOCK                                        */
    struct FuncInfo *info;    /* checker                                         */
    Field *recv;              /* a method's receiver, NULL for a function       */
    bool variadic;            /* the last parameter is ...T                      */
};

typedef enum DeclKind { DECL_FUNC, DECL_VAR, DECL_CONST, DECL_TYPE } DeclKind;

typedef struct Decl {
    DeclKind kind;
    int line, col;
    const char *name; int namelen;   /* DECL_FUNC, DECL_TYPE                    */
    int name_line, name_col;
    FuncNode *fn;                    /* DECL_FUNC                                */
    Stmt *spec;                      /* DECL_VAR / DECL_CONST / DECL_TYPE        */
} Decl;

typedef struct Import {
    const char *path; int pathlen;   /* decoded, without quotes                 */
    const char *alias; int aliaslen; /* NULL if none                            */
    int line, col;                   /* the spec (its alias, else its path)      */
    bool used;                       /* checker                                  */
} Import;

typedef struct File {
    Import *imports; int nimports;
    Decl **decls; int ndecls;
    int pkg_line, pkg_col;
    const char *pkg_name; int pkg_namelen;
} File;

/* Go's rendering of an expression in messages: "v1.value + v2.value"
 * (sim/lang/ast_print.c). */
void ast_expr_string(const Expr *e, char *buf, size_t n);

#endif
