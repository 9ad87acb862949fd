/* lib_data.h — the library functions of the data slice, as one table each:
 * package strings (STRFN), math/rand (RANDFN), the methods of
 * strings.Builder / bytes.Buffer (STRBUF), and files, the network and bufio
 * (IoFn, OP_LIB), and the fields of runtime.MemStats.  sim/lang/types_lib.c,
 * types_io.c and types_conc.c check calls against
 * these signatures, the VM files run them.  Internal to sim/. */
#ifndef INTERLEAVE_LIB_DATA_H
#define INTERLEAVE_LIB_DATA_H

struct LibFn { const char *name, *sig; };

typedef enum StrFn {
    SF_CONTAINS, SF_CONTAINSRUNE, SF_COUNT, SF_EQUALFOLD, SF_FIELDS, SF_HASPREFIX, SF_HASSUFFIX,
    SF_INDEX, SF_INDEXBYTE, SF_JOIN, SF_LASTINDEX, SF_REPEAT, SF_REPLACE, SF_REPLACEALL,
    SF_SPLIT, SF_TOLOWER, SF_TOUPPER, SF_TRIM, SF_TRIMLEFT, SF_TRIMPREFIX, SF_TRIMRIGHT,
    SF_TRIMSPACE, SF_TRIMSUFFIX,
    SF_SORTINTS, SF_SORTSTRINGS, SF_SORTFLOATS,   /* package sort (the same instruction) */
    SF_ITOA, SF_FORMATINT, SF_QUOTE, SF_FORMATBOOL, /* package strconv */
    SF__COUNT
} StrFn;

/* Signatures: 's' string, 'i' int, '6' int64, 'r' rune, 'b' byte, 'B' bool,
 * 'S' []string, 'I' []int, 'F' []float64; result after the colon (none:
 * nothing). */
static const struct LibFn strings_fns[SF__COUNT] = {
    {"Contains", "ss:B"}, {"ContainsRune", "sr:B"}, {"Count", "ss:i"}, {"EqualFold", "ss:B"},
    {"Fields", "s:S"}, {"HasPrefix", "ss:B"}, {"HasSuffix", "ss:B"}, {"Index", "ss:i"},
    {"IndexByte", "sb:i"}, {"Join", "Ss:s"}, {"LastIndex", "ss:i"}, {"Repeat", "si:s"},
    {"Replace", "sssi:s"}, {"ReplaceAll", "sss:s"}, {"Split", "ss:S"}, {"ToLower", "s:s"},
    {"ToUpper", "s:s"}, {"Trim", "ss:s"}, {"TrimLeft", "ss:s"}, {"TrimPrefix", "ss:s"},
    {"TrimRight", "ss:s"}, {"TrimSpace", "s:s"}, {"TrimSuffix", "ss:s"},
    {"Ints", "I:"}, {"Strings", "S:"}, {"Float64s", "F:"},
    {"Itoa", "i:s"}, {"FormatInt", "6i:s"}, {"Quote", "s:s"}, {"FormatBool", "B:s"},
};


typedef enum RandFn { RF_INTN, RF_INT, RF_INT63, RF_INT31N, RF_FLOAT64, RF_PERM, RF_SEED, RF__COUNT } RandFn;

static const struct LibFn rand_fns[RF__COUNT] = {
    {"Intn", "i:i"}, {"Int", ":i"}, {"Int63", ":I"}, {"Int31n", "3:3"}, {"Float64", ":f"},
    {"Perm", "i:S"}, {"Seed", "I:"},
};


typedef enum BufMethod {
    BM_WRITESTRING, BM_WRITEBYTE, BM_WRITERUNE, BM_WRITE, BM_STRING, BM_LEN, BM_RESET,
    BM_NEWBUFFERSTRING, BM_NEWBUFFER, BM__COUNT
} BufMethod;

/* Argument kinds: 's' string, 'b' byte, 'r' rune, 'B' []byte; result after ':'. */
static const struct LibFn buf_methods[BM__COUNT] = {
    {"WriteString", "s:"}, {"WriteByte", "b:"}, {"WriteRune", "r:"}, {"Write", "B:"},
    {"String", ":s"}, {"Len", ":i"}, {"Reset", ":"}, {"NewBufferString", "s:P"}, {"NewBuffer", "B:P"},
};


/* Files (package os), io, the loopback network (package net) and bufio: OP_LIB
 * with B = LIB_IO + IoFn, run by sim/lib/io_exec.c, checked by
 * sim/lang/types_io.c.  `owner` is the package of a function or value, or
 * "*T" for a method of the library type *T.  Signature letters: s string,
 * B []byte, y byte, i int, 6 int64, b bool, e error, M os.FileMode,
 * F *os.File, I os.FileInfo, C net.Conn, L net.Listener, A net.Addr,
 * R io.Reader, W io.Writer, r *bufio.Reader, S *bufio.Scanner,
 * w *bufio.Writer; results after '>'.  "=e" is a value, not a function
 * (io.EOF). */
typedef enum IoFn {
    IO_OS_READFILE, IO_OS_WRITEFILE, IO_OS_OPEN, IO_OS_CREATE, IO_OS_REMOVE, IO_OS_STAT,
    IO_OS_ISNOTEXIST, IO_OS_ISEXIST, IO_OS_ERRNOTEXIST, IO_OS_ERREXIST, IO_OS_ERRCLOSED,
    IO_OS_ERRPERMISSION,
    IO_F_READ, IO_F_WRITE, IO_F_WRITESTRING, IO_F_CLOSE, IO_F_NAME, IO_F_STAT,
    IO_FI_NAME, IO_FI_SIZE, IO_FI_ISDIR,
    IO_EOF, IO_ERRUNEXPECTEDEOF, IO_READALL, IO_COPY, IO_WRITESTRING,
    IO_NET_LISTEN, IO_NET_DIAL, IO_NET_ERRCLOSED,
    IO_L_ACCEPT, IO_L_CLOSE, IO_L_ADDR,
    IO_C_READ, IO_C_WRITE, IO_C_CLOSE, IO_C_LOCALADDR, IO_C_REMOTEADDR, IO_C_CLOSEWRITE,
    IO_A_STRING, IO_A_NETWORK,
    IO_BUFIO_NEWREADER, IO_BUFIO_NEWSCANNER, IO_BUFIO_NEWWRITER,
    IO_BR_READSTRING, IO_BS_SCAN, IO_BS_TEXT, IO_BS_ERR, IO_BW_WRITESTRING, IO_BW_FLUSH,
    IO_BW_WRITE, IO_BR_READ,
    IO__COUNT
} IoFn;

struct IoRow { const char *owner, *name, *sig; };

static const struct IoRow io_rows[IO__COUNT] = {
    {"os", "ReadFile", "s>Be"}, {"os", "WriteFile", "sBM>e"}, {"os", "Open", "s>Fe"},
    {"os", "Create", "s>Fe"}, {"os", "Remove", "s>e"}, {"os", "Stat", "s>Ie"},
    {"os", "IsNotExist", "e>b"}, {"os", "IsExist", "e>b"}, {"os", "ErrNotExist", "=e"},
    {"os", "ErrExist", "=e"}, {"os", "ErrClosed", "=e"}, {"os", "ErrPermission", "=e"},
    {"*os.File", "Read", "B>ie"}, {"*os.File", "Write", "B>ie"}, {"*os.File", "WriteString", "s>ie"},
    {"*os.File", "Close", ">e"}, {"*os.File", "Name", ">s"}, {"*os.File", "Stat", ">Ie"},
    {"*os.fileStat", "Name", ">s"}, {"*os.fileStat", "Size", ">6"}, {"*os.fileStat", "IsDir", ">b"},
    {"io", "EOF", "=e"}, {"io", "ErrUnexpectedEOF", "=e"}, {"io", "ReadAll", "R>Be"},
    {"io", "Copy", "WR>6e"}, {"io", "WriteString", "Ws>ie"},
    {"net", "Listen", "ss>Le"}, {"net", "Dial", "ss>Ce"}, {"net", "ErrClosed", "=e"},
    {"*net.TCPListener", "Accept", ">Ce"}, {"*net.TCPListener", "Close", ">e"},
    {"*net.TCPListener", "Addr", ">A"},
    {"*net.TCPConn", "Read", "B>ie"}, {"*net.TCPConn", "Write", "B>ie"}, {"*net.TCPConn", "Close", ">e"},
    {"*net.TCPConn", "LocalAddr", ">A"}, {"*net.TCPConn", "RemoteAddr", ">A"},
    {"*net.TCPConn", "CloseWrite", ">e"},
    {"*net.TCPAddr", "String", ">s"}, {"*net.TCPAddr", "Network", ">s"},
    {"bufio", "NewReader", "R>r"}, {"bufio", "NewScanner", "R>S"}, {"bufio", "NewWriter", "W>w"},
    {"*bufio.Reader", "ReadString", "y>se"}, {"*bufio.Scanner", "Scan", ">b"},
    {"*bufio.Scanner", "Text", ">s"}, {"*bufio.Scanner", "Err", ">e"},
    {"*bufio.Writer", "WriteString", "s>ie"}, {"*bufio.Writer", "Flush", ">e"},
    {"*bufio.Writer", "Write", "B>ie"}, {"*bufio.Reader", "Read", "B>ie"},
};


/* runtime.MemStats: the fields runtime.ReadMemStats fills (OP_MEMSTATS,
 * sim/machine/runtime.c, from the collector's figures), one slot each in
 * Go's order.  Kinds: 'u' uint64, '3' uint32, 'f' float64, 'b' bool.  Go's
 * arrays (PauseNs, PauseEnd, BySize) are not modelled. */
typedef enum MemStatsField {
    MS_ALLOC, MS_TOTALALLOC, MS_SYS, MS_LOOKUPS, MS_MALLOCS, MS_FREES, MS_HEAPALLOC, MS_HEAPSYS,
    MS_HEAPIDLE, MS_HEAPINUSE, MS_HEAPRELEASED, MS_HEAPOBJECTS, MS_STACKINUSE, MS_STACKSYS,
    MS_MSPANINUSE, MS_MSPANSYS, MS_MCACHEINUSE, MS_MCACHESYS, MS_BUCKHASHSYS, MS_GCSYS, MS_OTHERSYS,
    MS_NEXTGC, MS_LASTGC, MS_PAUSETOTALNS, MS_NUMGC, MS_NUMFORCEDGC, MS_GCCPUFRACTION, MS_ENABLEGC,
    MS_DEBUGGC, MS__COUNT
} MemStatsField;

static const struct LibFn memstats_fields[MS__COUNT] = {
    {"Alloc", "u"}, {"TotalAlloc", "u"}, {"Sys", "u"}, {"Lookups", "u"}, {"Mallocs", "u"},
    {"Frees", "u"}, {"HeapAlloc", "u"}, {"HeapSys", "u"}, {"HeapIdle", "u"}, {"HeapInuse", "u"},
    {"HeapReleased", "u"}, {"HeapObjects", "u"}, {"StackInuse", "u"}, {"StackSys", "u"},
    {"MSpanInuse", "u"}, {"MSpanSys", "u"}, {"MCacheInuse", "u"}, {"MCacheSys", "u"},
    {"BuckHashSys", "u"}, {"GCSys", "u"}, {"OtherSys", "u"}, {"NextGC", "u"}, {"LastGC", "u"},
    {"PauseTotalNs", "u"}, {"NumGC", "3"}, {"NumForcedGC", "3"}, {"GCCPUFraction", "f"},
    {"EnableGC", "b"}, {"DebugGC", "b"},
};

#endif
