/* Every F/D helper the oracle checks, as X(helper suffix, operand shape,
 * RISC-V mnemonic).  Shared by the riscv64 oracle and the host checker so
 * both number the operations alike. */
#define FP_ORACLE_OPS(X) \
    X(add_s, FP2, "fadd.s") \
    X(sub_s, FP2, "fsub.s") \
    X(mul_s, FP2, "fmul.s") \
    X(div_s, FP2, "fdiv.s") \
    X(sqrt_s, FP1, "fsqrt.s") \
    X(madd_s, FP3, "fmadd.s") \
    X(msub_s, FP3, "fmsub.s") \
    X(nmsub_s, FP3, "fnmsub.s") \
    X(nmadd_s, FP3, "fnmadd.s") \
    X(min_s, FP2_NO_RM, "fmin.s") \
    X(max_s, FP2_NO_RM, "fmax.s") \
    X(eq_s, INT_FROM_FP2, "feq.s") \
    X(lt_s, INT_FROM_FP2, "flt.s") \
    X(le_s, INT_FROM_FP2, "fle.s") \
    X(class_s, CLASS, "fclass.s") \
    X(cvt_w_s, INT_FROM_FP, "fcvt.w.s") \
    X(cvt_wu_s, INT_FROM_FP, "fcvt.wu.s") \
    X(cvt_l_s, INT_FROM_FP, "fcvt.l.s") \
    X(cvt_lu_s, INT_FROM_FP, "fcvt.lu.s") \
    X(cvt_s_w, FP_FROM_INT, "fcvt.s.w") \
    X(cvt_s_wu, FP_FROM_INT, "fcvt.s.wu") \
    X(cvt_s_l, FP_FROM_INT, "fcvt.s.l") \
    X(cvt_s_lu, FP_FROM_INT, "fcvt.s.lu") \
    X(add_d, FP2, "fadd.d") \
    X(sub_d, FP2, "fsub.d") \
    X(mul_d, FP2, "fmul.d") \
    X(div_d, FP2, "fdiv.d") \
    X(sqrt_d, FP1, "fsqrt.d") \
    X(madd_d, FP3, "fmadd.d") \
    X(msub_d, FP3, "fmsub.d") \
    X(nmsub_d, FP3, "fnmsub.d") \
    X(nmadd_d, FP3, "fnmadd.d") \
    X(min_d, FP2_NO_RM, "fmin.d") \
    X(max_d, FP2_NO_RM, "fmax.d") \
    X(eq_d, INT_FROM_FP2, "feq.d") \
    X(lt_d, INT_FROM_FP2, "flt.d") \
    X(le_d, INT_FROM_FP2, "fle.d") \
    X(class_d, CLASS, "fclass.d") \
    X(cvt_w_d, INT_FROM_FP, "fcvt.w.d") \
    X(cvt_wu_d, INT_FROM_FP, "fcvt.wu.d") \
    X(cvt_l_d, INT_FROM_FP, "fcvt.l.d") \
    X(cvt_lu_d, INT_FROM_FP, "fcvt.lu.d") \
    X(cvt_d_w, FP_FROM_INT, "fcvt.d.w") \
    X(cvt_d_wu, FP_FROM_INT, "fcvt.d.wu") \
    X(cvt_d_l, FP_FROM_INT, "fcvt.d.l") \
    X(cvt_d_lu, FP_FROM_INT, "fcvt.d.lu") \
    X(cvt_s_d, FP1, "fcvt.s.d") \
    X(cvt_d_s, FP1, "fcvt.d.s") \

/* One case: the checker writes these, the oracle reads them. */
struct oracle_case {
    uint32_t op;
    uint32_t rm;
    uint64_t a, b, c;
};

/* The oracle's answer to one case. */
struct oracle_answer {
    uint64_t result;
    uint64_t fflags;
};
