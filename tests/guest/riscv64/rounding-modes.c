/*
 * Rounding modes. With fesetround in each of the four C modes (the dynamic
 * frm field), the results of add, sub, mul, div, sqrt, fma, double -> float,
 * integer -> floating conversions and lrint/rint differ in their last bit as
 * IEEE 754 says. Then the static rm field: the same operations through inline
 * asm with each of rne, rtz, rdn, rup and rmm encoded in the instruction,
 * which must override frm (set here to a different mode on purpose).
 * Built with -frounding-math so the compiler neither folds nor moves the
 * operations across fesetround.
 */
#include <fenv.h>
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t double_bits(double x)
{
	uint64_t bits;
	memcpy(&bits, &x, sizeof bits);
	return bits;
}

static uint32_t float_bits(float x)
{
	uint32_t bits;
	memcpy(&bits, &x, sizeof bits);
	return bits;
}

static const struct {
	int mode;
	const char *name;
} modes[] = {
	{FE_TONEAREST, "to-nearest"},
	{FE_UPWARD, "upward"},
	{FE_DOWNWARD, "downward"},
	{FE_TOWARDZERO, "toward-zero"},
};

int main(void)
{
	volatile double one = 1.0, three = 3.0, two = 2.0, tenth = 0.1;
	volatile double small = 0x1p-60;
	volatile int64_t big = INT64_MAX - 1024;
	volatile int32_t odd = 16777217 + 2; /* between two floats, not a tie */
	volatile uint64_t ubig = UINT64_MAX;

	for (unsigned m = 0; m < sizeof modes / sizeof modes[0]; m++) {
		if (fesetround(modes[m].mode) != 0) {
			printf("fesetround(%s) failed\n", modes[m].name);
			return 1;
		}
		printf("%s: fegetround matches %d\n", modes[m].name,
		       fegetround() == modes[m].mode);
		printf("  1/3        %016" PRIx64 "\n",
		       double_bits(one / three));
		printf("  -1/3       %016" PRIx64 "\n",
		       double_bits(-one / three));
		printf("  1+2^-60    %016" PRIx64 "\n",
		       double_bits(one + small));
		printf("  -1-2^-60   %016" PRIx64 "\n",
		       double_bits(-one - small));
		printf("  1-2^-60    %016" PRIx64 "\n",
		       double_bits(one - small));
		printf("  0.1*3      %016" PRIx64 "\n",
		       double_bits(tenth * three));
		printf("  sqrt(2)    %016" PRIx64 "\n", double_bits(sqrt(two)));
		printf("  sqrt(3)    %016" PRIx64 "\n",
		       double_bits(sqrt(three)));
		printf("  fma        %016" PRIx64 "\n",
		       double_bits(fma(tenth, three, small)));
		printf("  1-1        %016" PRIx64 "\n", double_bits(one - one));
		printf("  (float)0.1 %08" PRIx32 "\n",
		       float_bits((float)tenth));
		printf("  (float)-.1 %08" PRIx32 "\n",
		       float_bits((float)-tenth));
		printf("  1f/3f      %08" PRIx32 "\n",
		       float_bits((float)one / (float)three));
		printf("  sqrtf(2)   %08" PRIx32 "\n",
		       float_bits(sqrtf((float)two)));
		printf("  (double)%" PRId64 " %016" PRIx64 "\n", big,
		       double_bits((double)big));
		printf("  (double)-%" PRId64 " %016" PRIx64 "\n", big,
		       double_bits((double)-big));
		printf("  (double)UINT64_MAX %016" PRIx64 "\n",
		       double_bits((double)ubig));
		printf("  (float)%" PRId32 " %08" PRIx32 "\n", odd,
		       float_bits((float)odd));
		printf("  (float)-%" PRId32 " %08" PRIx32 "\n", odd,
		       float_bits((float)-odd));
		printf("  lrint    2.5 %ld -2.5 %ld 3.5 %ld -0.5 %ld 0.7 %ld\n",
		       lrint(2.5 * one), lrint(-2.5 * one), lrint(3.5 * one),
		       lrint(-0.5 * one), lrint(0.7 * one));
		printf("  rint     2.5 %g -2.5 %g -0.5 %g\n", rint(2.5 * one),
		       rint(-2.5 * one), rint(-0.5 * one));
		printf("  nearbyint 1.5 %g -1.5 %g\n", nearbyint(1.5 * one),
		       nearbyint(-1.5 * one));
		printf("  (long)2.7 %ld (truncates in every mode)\n",
		       (long)(2.7 * one));
	}
	fesetround(FE_TONEAREST);

#if defined(__riscv)
	/* static rounding modes; frm holds rdn to show they override it */
#define BINARY(op, rm, a, b)                                                   \
	({                                                                     \
		double result_;                                                \
		__asm__(op " %0, %1, %2, " rm                                  \
			: "=f"(result_)                                        \
			: "f"(a), "f"(b));                                     \
		double_bits(result_);                                          \
	})
#define UNARY_TO_INT(op, rm, a)                                                \
	({                                                                     \
		int64_t result_;                                               \
		__asm__(op " %0, %1, " rm : "=r"(result_) : "f"(a));           \
		result_;                                                       \
	})
#define TO_FLOAT(rm, a)                                                        \
	({                                                                     \
		float result_;                                                 \
		__asm__("fcvt.s.d %0, %1, " rm : "=f"(result_) : "f"(a));      \
		float_bits(result_);                                           \
	})
#define SQRT(rm, a)                                                            \
	({                                                                     \
		double result_;                                                \
		__asm__("fsqrt.d %0, %1, " rm : "=f"(result_) : "f"(a));       \
		double_bits(result_);                                          \
	})
#define COUNT(array) (sizeof array / sizeof array[0])
	/* computed with frm = rdn, printed with frm = rne (printf rounds too)
	 */
#define STATIC_MODE(rm)                                                        \
	do {                                                                   \
		fesetround(FE_DOWNWARD);                                       \
		uint64_t div = BINARY("fdiv.d", rm, one, three);               \
		uint64_t div_negative = BINARY("fdiv.d", rm, -one, three);     \
		uint64_t add = BINARY("fadd.d", rm, one, small);               \
		uint64_t sub = BINARY("fsub.d", rm, -one, small);              \
		uint64_t mul = BINARY("fmul.d", rm, tenth, three);             \
		uint64_t root = SQRT(rm, two);                                 \
		uint32_t narrow = TO_FLOAT(rm, tenth);                         \
		uint32_t narrow_negative = TO_FLOAT(rm, -tenth);               \
		int64_t longs[COUNT(ties)], words[COUNT(ties)];                \
		for (unsigned i = 0; i < COUNT(ties); i++) {                   \
			longs[i] = UNARY_TO_INT("fcvt.l.d", rm, ties[i]);      \
			words[i] = UNARY_TO_INT("fcvt.w.d", rm, ties[i]);      \
		}                                                              \
		fesetround(FE_TONEAREST);                                      \
		printf("static %s:\n", rm);                                    \
		printf("  fdiv.d 1/3 %016" PRIx64 " -1/3 %016" PRIx64 "\n",    \
		       div, div_negative);                                     \
		printf("  fadd.d 1+2^-60 %016" PRIx64                          \
		       " fsub.d -1-2^-60 %016" PRIx64 "\n",                    \
		       add, sub);                                              \
		printf("  fmul.d 0.1*3 %016" PRIx64 "\n", mul);                \
		printf("  fsqrt.d 2 %016" PRIx64 "\n", root);                  \
		printf("  fcvt.s.d 0.1 %08" PRIx32 " -0.1 %08" PRIx32 "\n",    \
		       narrow, narrow_negative);                               \
		printf("  fcvt.l.d");                                          \
		for (unsigned i = 0; i < COUNT(ties); i++)                     \
			printf(" %g:%" PRId64, ties[i], longs[i]);             \
		printf("\n  fcvt.w.d");                                        \
		for (unsigned i = 0; i < COUNT(ties); i++)                     \
			printf(" %g:%" PRId64, ties[i], words[i]);             \
		printf("\n");                                                  \
	} while (0)

	static const double ties[] = {2.5,  -2.5, 3.5,	-3.5, 0.5,
				      -0.5, 2.4,  -2.6, 0.0};
	STATIC_MODE("rne");
	STATIC_MODE("rtz");
	STATIC_MODE("rdn");
	STATIC_MODE("rup");
	STATIC_MODE("rmm");
	STATIC_MODE("dyn");
#endif
	return 0;
}
