#include "jit-runtime.h"

#include "dsl-runtime.h"

uint64_t jit_div_s64(uint64_t a, uint64_t b) { return (uint64_t)DSL_DIV((int64_t)a, (int64_t)b); }
uint64_t jit_div_u64(uint64_t a, uint64_t b) { return DSL_DIV(a, b); }
uint64_t jit_rem_s64(uint64_t a, uint64_t b) { return (uint64_t)DSL_REM((int64_t)a, (int64_t)b); }
uint64_t jit_rem_u64(uint64_t a, uint64_t b) { return DSL_REM(a, b); }
