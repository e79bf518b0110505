/* Indirect-jump-heavy code: a bytecode interpreter dispatching through a
 * switch (a jump table) and through computed gotos, running a loop program
 * that sums, multiplies and branches; the JIT's indirect exits and jump
 * cache carry almost all of the control flow. */
#include <stdint.h>
#include <stdio.h>

enum op { PUSH, ADD, MUL, DUP, SWAP, DEC, JNZ, POP, XOR, HALT };

static const int64_t program[] = {
	PUSH, 0,      /* acc */
	PUSH, 20000,  /* counter */
	/* loop: */
	SWAP, PUSH, 3, MUL, PUSH, 7, ADD, PUSH, 0x5bd1e995, XOR, SWAP,
	DEC, DUP, JNZ, 4,
	POP, HALT,
};

static int64_t run_switch(void)
{
	int64_t stack[16];
	int sp = 0;
	size_t pc = 0;
	for (;;) {
		switch ((enum op)program[pc++]) {
		case PUSH: stack[sp++] = program[pc++]; break;
		case ADD: sp--; stack[sp - 1] += stack[sp]; break;
		case MUL: sp--; stack[sp - 1] *= stack[sp]; break;
		case XOR: sp--; stack[sp - 1] ^= stack[sp]; break;
		case DUP: stack[sp] = stack[sp - 1]; sp++; break;
		case SWAP: { int64_t t = stack[sp - 1]; stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = t; break; }
		case DEC: stack[sp - 1]--; break;
		case JNZ: { int64_t target = program[pc++]; if (stack[--sp]) pc = (size_t)target; break; }
		case POP: sp--; break;
		case HALT: return stack[sp - 1];
		}
	}
}

static int64_t run_threaded(void)
{
	static void *const labels[] = {&&push, &&add, &&mul, &&dup, &&swap, &&dec, &&jnz, &&pop, &&xor, &&halt};
	int64_t stack[16];
	int sp = 0;
	size_t pc = 0;
#define NEXT goto *labels[program[pc++]]
	NEXT;
push: stack[sp++] = program[pc++]; NEXT;
add: sp--; stack[sp - 1] += stack[sp]; NEXT;
mul: sp--; stack[sp - 1] *= stack[sp]; NEXT;
xor: sp--; stack[sp - 1] ^= stack[sp]; NEXT;
dup: stack[sp] = stack[sp - 1]; sp++; NEXT;
swap: { int64_t t = stack[sp - 1]; stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = t; } NEXT;
dec: stack[sp - 1]--; NEXT;
jnz: { int64_t target = program[pc++]; if (stack[--sp]) pc = (size_t)target; } NEXT;
pop: sp--; NEXT;
halt: return stack[sp - 1];
#undef NEXT
}

int main(void)
{
	int64_t a = run_switch(), b = run_threaded();
	printf("switch dispatch:   %lld\n", (long long)a);
	printf("computed gotos:    %lld\n", (long long)b);
	printf("same result: %s\n", a == b ? "yes" : "no");
	return 0;
}
