/*
 * Float and double arithmetic and conversions, printed exactly with %.17g /
 * %.9g and %a: the four operations, sqrt and fma on ordinary values,
 * overflow to infinity, gradual underflow through the subnormals, NaN and
 * infinity propagation, float <-> double and int <-> float conversions, and
 * the libm functions built on them. Out-of-range float -> int conversions are
 * undefined in C, so those run as fcvt through inline asm, which saturates
 * (NaN converts to the largest integer).
 */
#include <float.h>
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

static void print_double(const char *label, double x)
{
	printf("%-22s %.17g %a %016" PRIx64 "\n", label, x, x, double_bits(x));
}

static void print_float(const char *label, float x)
{
	printf("%-22s %.9g %a %08" PRIx32 "\n", label, x, x, float_bits(x));
}

#define FCVT(instruction, source_type, value)                                  \
	({                                                                     \
		int64_t result_;                                               \
		source_type source_ = (value);                                 \
		__asm__(instruction " %0, %1, rtz"                             \
			: "=r"(result_)                                        \
			: "f"(source_));                                       \
		result_;                                                       \
	})

int main(void)
{
	volatile double one = 1.0, three = 3.0, ten = 10.0, tiny = DBL_MIN;
	volatile double zero = 0.0, huge = DBL_MAX, minus_two = -2.0;
	volatile float onef = 1.0f, threef = 3.0f, tinyf = FLT_MIN;

	print_double("1/3", one / three);
	print_double("2/3", (one + one) / three);
	print_double("0.1*3", one / ten * three);
	print_double("1e16+1", 1e16 * one + one);
	print_double("sqrt(2)", sqrt(one + one));
	print_double("sqrt(-2)", sqrt(minus_two));
	print_double("fma(1/3,3,-1)", fma(one / three, three, -one));
	volatile double product = one / three * three; /* rounds to 1 */
	print_double("(1/3*3)-1", product - one);
	print_double("DBL_MAX*10", huge * ten);
	print_double("-DBL_MAX*10", -huge * ten);
	print_double("1/0", one / zero);
	print_double("-1/0", -one / zero);
	print_double("inf-inf", one / zero - one / zero);
	print_double("0*inf", zero * (one / zero));
	print_double("DBL_MIN/2", tiny / 2);
	print_double("DBL_MIN/2^52", tiny / 4503599627370496.0);
	print_double("DBL_MIN/2^53", tiny / 9007199254740992.0);
	print_double("DBL_MIN*0.75/2^51", tiny * 0.75 / 2251799813685248.0);
	print_double("subnormal*2^60", tiny / 1024 * 1152921504606846976.0);
	print_double("-0.0*1", -zero * one);
	print_double("0-0", zero - zero);
	print_double("-0-0", -zero - zero);
	print_double("nextafter(1,2)", nextafter(one, 2.0));
	print_double("DBL_EPSILON", DBL_EPSILON);

	print_float("1f/3f", onef / threef);
	print_float("sqrtf(2)", sqrtf(onef + onef));
	print_float("FLT_MAX*2", FLT_MAX * (onef + onef));
	print_float("FLT_MIN/2^23", tinyf / 8388608.0f);
	print_float("FLT_MIN/2^24", tinyf / 16777216.0f);
	print_float("(float)(1/3)", (float)(one / three));
	print_float("(float)1e39", (float)(1e39 * one));
	print_float("(float)1e-46", (float)(1e-46 * one));
	print_float("(float)DBL_MIN", (float)tiny);
	print_double("(double)(1f/3f)", (double)(onef / threef));
	print_double("(double)FLT_MAX", (double)FLT_MAX);
	print_float("fmaf", fmaf(onef / threef, threef, -onef));

	/* int <-> floating conversions inside the range: defined in C */
	volatile int64_t big = INT64_MAX, small = INT64_MIN;
	volatile uint64_t ubig = UINT64_MAX;
	volatile int32_t negative = -7;
	print_double("(double)INT64_MAX", (double)big);
	print_double("(double)INT64_MIN", (double)small);
	print_double("(double)UINT64_MAX", (double)ubig);
	volatile int64_t odd = 9007199254740993; /* 2^53 + 1: rounds to even */
	print_double("(double)(2^53+1)", (double)odd);
	print_float("(float)INT64_MAX", (float)big);
	print_float("(float)16777217", (float)(int32_t)(16777217 * (big > 0)));
	print_float("(float)-7", (float)negative);
	volatile double values[] = {2.5, -2.5, 3.7,	  -3.7,
				    0.5, -0.5, 1e15 + 0.5};
	for (unsigned i = 0; i < sizeof values / sizeof values[0]; i++) {
		double x = values[i];
		printf("%-8g trunc %" PRId64 " unsigned %" PRIu64
		       " (int)float %d "
		       "lrint %ld llround %lld rint %.17g floor %.17g ceil "
		       "%.17g "
		       "round %.17g\n",
		       x, (int64_t)x, x >= 0 ? (uint64_t)x : 0,
		       fabs(x) < 1e9 ? (int)(float)x : 0, lrint(x), llround(x),
		       rint(x), floor(x), ceil(x), round(x));
	}

	/* classification and comparison */
	volatile double nan_value = zero / zero;
	printf("isnan %d isinf %d isfinite %d signbit(-0) %d nan==nan %d "
	       "nan<1 %d nan!=nan %d\n",
	       isnan(nan_value), isinf(one / zero), isfinite(huge),
	       signbit(-zero) != 0, nan_value == nan_value, nan_value < one,
	       nan_value != nan_value);
	printf("fpclassify: %d %d %d %d %d\n", fpclassify(nan_value) == FP_NAN,
	       fpclassify(one / zero) == FP_INFINITE,
	       fpclassify(tiny / 2) == FP_SUBNORMAL,
	       fpclassify(zero) == FP_ZERO, fpclassify(one) == FP_NORMAL);
	printf("fmax(nan,1) %g fmin(-0,0) %g copysign(3,-0) %g\n",
	       fmax(nan_value, one), fmin(-zero, zero), copysign(three, -zero));

	/* libm */
	print_double("exp(1)", exp(one));
	print_double("log(10)", log(ten));
	print_double("pow(2,0.5)", pow(2.0, 0.5 * one));
	print_double("sin(1)", sin(one));
	print_double("cos(1)", cos(one));
	print_double("atan2(1,-1)", atan2(one, -one));
	print_double("ldexp(1,-1074)", ldexp(one, -1074));
	print_double("frexp mantissa", frexp(3.0 * one, &(int){0}));
	print_double("fmod(10,3)", fmod(ten, three));
	print_double("remainder(10,3)", remainder(ten, three));
	print_float("expf(1)", expf(onef));
	print_float("logf(3)", logf(threef));

#if defined(__riscv)
	/* fcvt saturates out-of-range values; NaN gives the largest value */
	volatile double dsource[] = {
		3e9,  -3e9,	 1e19,	     -1e19,	  1.8e19,      -1.0,
		-0.9, nan_value, one / zero, -one / zero, 4294967295.5};
	for (unsigned i = 0; i < sizeof dsource / sizeof dsource[0]; i++) {
		double x = dsource[i];
		printf("fcvt %-10g w %" PRId64 " wu %" PRId64 " l %" PRId64
		       " lu %" PRIu64 "\n",
		       x, FCVT("fcvt.w.d", double, x),
		       FCVT("fcvt.wu.d", double, x),
		       FCVT("fcvt.l.d", double, x),
		       (uint64_t)FCVT("fcvt.lu.d", double, x));
	}
	volatile float fsource[] = {3e9f, -3e9f, 1e19f, -1e19f, 2e19f, -1.0f};
	for (unsigned i = 0; i < sizeof fsource / sizeof fsource[0]; i++) {
		float x = fsource[i];
		printf("fcvt %-10g w.s %" PRId64 " wu.s %" PRId64
		       " l.s %" PRId64 " lu.s %" PRIu64 "\n",
		       x, FCVT("fcvt.w.s", float, x),
		       FCVT("fcvt.wu.s", float, x), FCVT("fcvt.l.s", float, x),
		       (uint64_t)FCVT("fcvt.lu.s", float, x));
	}
	/* RISC-V operations produce the canonical NaN, positive */
	print_double("0/0 (canonical NaN)", nan_value);
	print_float("0f/0f (canonical NaN)", (float)zero / (float)zero);
#endif
	return 0;
}
