/* lib_data.h — the library functions of the data slice, as one table each:
 * package strings (STRFN), math/rand (RANDFN), and the methods of
 * strings.Builder / bytes.Buffer (STRBUF).  sim/lang/types_lib.c checks calls
 * against these signatures, the VM files run them.  Internal to sim/. */
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


#endif
