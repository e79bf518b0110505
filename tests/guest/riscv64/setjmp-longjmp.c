/*
 * setjmp/longjmp: a jump back from deep recursion (restoring sp and the
 * callee-saved registers, integer and floating), nested jump buffers where an
 * inner handler passes control to an outer one, longjmp(env, 0) arriving as
 * 1, and volatile locals keeping values changed after setjmp.
 */
#include <setjmp.h>
#include <stdio.h>

static jmp_buf outer, inner;
static int depth_reached;

static void recurse(int depth, jmp_buf *target, int value)
{
	volatile char frame[64];
	if (depth < 0)
		return; /* not reached: tells gcc the recursion is finite */
	if (depth == 0)
		longjmp(*target, value);
	frame[depth % 64] = (char)depth;
	depth_reached += frame[depth % 64] == (char)depth;
	recurse(depth - 1, target, value);
}

static int nested(int level)
{
	jmp_buf local;
	volatile int value = level * 100;
	int code = setjmp(local);
	if (code == 0) {
		if (level > 0)
			value += nested(level - 1);
		recurse(level * 10 + 1, &local, level + 1);
	}
	printf("  level %d caught %d, value %d\n", level, code, value);
	if (level == 2)
		longjmp(inner, 77); /* unwind past the remaining levels */
	return value;
}

int main(void)
{
	volatile int counter = 0;
	volatile double accumulator = 1.5;
	int code = setjmp(outer);
	printf("setjmp returned %d, counter %d, accumulator %g\n", code,
	       counter, accumulator);
	if (counter < 3) {
		counter++;
		accumulator *= 2;
		depth_reached = 0;
		recurse(1000 * counter, &outer, counter * 10);
	}
	printf("depth reached on the last jump: %d\n", depth_reached);

	code = setjmp(inner);
	if (code == 0) {
		printf("nested:\n");
		nested(4);
		printf("not reached\n");
	} else {
		printf("inner caught %d\n", code);
	}

	code = setjmp(outer);
	if (code == 0)
		longjmp(outer, 0);
	printf("longjmp(env, 0) arrives as %d\n", code);

	/* callee-saved registers survive a jump that skips their restoring */
	register long kept_a = 11, kept_b = 22;
	register double kept_f = 3.25;
	if (setjmp(outer) == 0) {
		recurse(50, &outer, 1);
	}
	printf("after jump: %ld %ld %g\n", kept_a, kept_b, kept_f);
	return 0;
}
