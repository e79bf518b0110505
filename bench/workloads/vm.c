/* vm: a switch-dispatched stack bytecode interpreter running a program that
 * sieves the primes below 65536 again and again, folding each count into a
 * running total: dispatch, indirect branches and the VM's memory traffic. */
#include "bench.h"

#define SIEVE_LIMIT 65536
#define REPEATS     BENCH_SIZE(260, 12)

enum opcode { PUSH, LOAD, STORE, INC, ADD, MUL, LT, JZ, JMP, MLOAD, MSTORE, HALT };

struct assembler {
    int64_t code[256];
    int length;
};

static void emit(struct assembler *as, int64_t op)
{
    as->code[as->length++] = op;
}

static void emit_arg(struct assembler *as, int64_t op, int64_t arg)
{
    emit(as, op);
    emit(as, arg);
}

/* a forward jump: returns where to patch the target in */
static int emit_jump(struct assembler *as, int64_t op)
{
    emit_arg(as, op, -1);
    return as->length - 1;
}

static void patch_here(struct assembler *as, int at)
{
    as->code[at] = as->length;
}

enum local { REP, I, J, COUNT, TOTAL };

static void assemble(struct assembler *as)
{
    as->length = 0;
    emit_arg(as, PUSH, 0);
    emit_arg(as, STORE, REP);
    int rep_loop = as->length;
    emit_arg(as, LOAD, REP);
    emit_arg(as, PUSH, REPEATS);
    emit(as, LT);
    int to_end = emit_jump(as, JZ);
    /* for (i = 0; i < limit; i++) mem[i] = 1; */
    emit_arg(as, PUSH, 0);
    emit_arg(as, STORE, I);
    int clear_loop = as->length;
    emit_arg(as, LOAD, I);
    emit_arg(as, PUSH, SIEVE_LIMIT);
    emit(as, LT);
    int clear_done = emit_jump(as, JZ);
    emit_arg(as, PUSH, 1);
    emit_arg(as, LOAD, I);
    emit(as, MSTORE);
    emit_arg(as, INC, I);
    emit_arg(as, JMP, clear_loop);
    patch_here(as, clear_done);
    /* count = 0; for (i = 2; i < limit; i++) if (mem[i]) { count++; cross out i*i, i*i+i... } */
    emit_arg(as, PUSH, 0);
    emit_arg(as, STORE, COUNT);
    emit_arg(as, PUSH, 2);
    emit_arg(as, STORE, I);
    int outer_loop = as->length;
    emit_arg(as, LOAD, I);
    emit_arg(as, PUSH, SIEVE_LIMIT);
    emit(as, LT);
    int outer_done = emit_jump(as, JZ);
    emit_arg(as, LOAD, I);
    emit(as, MLOAD);
    int composite = emit_jump(as, JZ);
    emit_arg(as, INC, COUNT);
    emit_arg(as, LOAD, I);
    emit_arg(as, LOAD, I);
    emit(as, MUL);
    emit_arg(as, STORE, J);
    int inner_loop = as->length;
    emit_arg(as, LOAD, J);
    emit_arg(as, PUSH, SIEVE_LIMIT);
    emit(as, LT);
    int inner_done = emit_jump(as, JZ);
    emit_arg(as, PUSH, 0);
    emit_arg(as, LOAD, J);
    emit(as, MSTORE);
    emit_arg(as, LOAD, J);
    emit_arg(as, LOAD, I);
    emit(as, ADD);
    emit_arg(as, STORE, J);
    emit_arg(as, JMP, inner_loop);
    patch_here(as, inner_done);
    patch_here(as, composite);
    emit_arg(as, INC, I);
    emit_arg(as, JMP, outer_loop);
    patch_here(as, outer_done);
    /* total = total * 31 + count + rep; rep++ */
    emit_arg(as, LOAD, TOTAL);
    emit_arg(as, PUSH, 31);
    emit(as, MUL);
    emit_arg(as, LOAD, COUNT);
    emit(as, ADD);
    emit_arg(as, LOAD, REP);
    emit(as, ADD);
    emit_arg(as, STORE, TOTAL);
    emit_arg(as, INC, REP);
    emit_arg(as, JMP, rep_loop);
    patch_here(as, to_end);
    emit_arg(as, LOAD, TOTAL);
    emit(as, HALT);
}

static int64_t memory[SIEVE_LIMIT];

static int64_t run(const int64_t *code, uint64_t *steps)
{
    int64_t stack[64], locals[8] = {0};
    int sp = 0;
    long pc = 0;
    uint64_t executed = 0;
    for (;;) {
        executed++;
        int64_t a, b;
        switch (code[pc++]) {
        case PUSH: stack[sp++] = code[pc++]; break;
        case LOAD: stack[sp++] = locals[code[pc++]]; break;
        case STORE: locals[code[pc++]] = stack[--sp]; break;
        case INC: locals[code[pc++]]++; break;
        case ADD:
            b = stack[--sp];
            a = stack[--sp];
            stack[sp++] = (int64_t)((uint64_t)a + (uint64_t)b);
            break;
        case MUL:
            b = stack[--sp];
            a = stack[--sp];
            stack[sp++] = (int64_t)((uint64_t)a * (uint64_t)b);
            break;
        case LT:
            b = stack[--sp];
            a = stack[--sp];
            stack[sp++] = a < b;
            break;
        case JZ:
            a = stack[--sp];
            pc = a == 0 ? code[pc] : pc + 1;
            break;
        case JMP: pc = code[pc]; break;
        case MLOAD:
            a = stack[--sp];
            stack[sp++] = memory[a];
            break;
        case MSTORE:
            a = stack[--sp];
            b = stack[--sp];
            memory[a] = b;
            break;
        case HALT: *steps = executed; return stack[sp - 1];
        default: printf("vm: bad opcode at %ld\n", pc - 1); exit(1);
        }
    }
}

int main(void)
{
    static struct assembler as;
    assemble(&as);
    uint64_t steps = 0;
    int64_t total = run(as.code, &steps);
    return bench_check("vm", bench_mix((uint64_t)total, steps),
                       BENCH_SIZE(0x3610577493699b5full, 0xd0a85befd37763f8ull));
}
