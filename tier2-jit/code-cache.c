#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "codegen.h"
#include "cpu.h"
#include "guest-memory.h"
#include "x86-encode.h"

/* The trampoline into JIT code: save the callee-saved registers, set up the
 * fixed ones (rbx = cpu, r12 = guest_base, r13 = temporaries), jump to the
 * code; the epilogue undoes it and returns the exit code in rax. */
static void write_trampoline(struct jit_cache *cache)
{
    struct x86_buffer x = {cache->base, cache->base, cache->end, false};
    static const enum x86_reg saved[] = {RBX, RBP, R12, R13, R14, R15};
    for (size_t i = 0; i < sizeof saved / sizeof saved[0]; i++)
        x86_push(&x, saved[i]);
    x86_alu_ri(&x, ALU_SUB, RSP, 8); /* 16-byte alignment at calls */
    x86_mov_rr(&x, RBX, RDI);
    x86_mov_imm(&x, R12, (uint64_t)(uintptr_t)guest_base);
    x86_load(&x, R13, RDI, (int32_t)offsetof(struct cpu, jit), 64, false);
    x86_jmp_reg(&x, RSI);
    cache->epilogue = x.at;
    x86_alu_ri(&x, ALU_ADD, RSP, 8);
    for (size_t i = sizeof saved / sizeof saved[0]; i-- > 0;)
        x86_pop(&x, saved[i]);
    x86_ret(&x);
    cache->enter = (uintptr_t(*)(struct cpu *, const void *))(void *)cache->base;
    while ((uintptr_t)x.at % 8)
        x86_byte(&x, 0xcc);
    cache->access_limits = (const uint64_t *)(void *)x.at;
    for (int bytes = 1; bytes <= 8; bytes *= 2)
        x86_u64(&x, GUEST_SPACE_SIZE - (uint64_t)bytes);
    x86_u64(&x, GUEST_SPACE_SIZE - 1); /* [JIT_BASE_LIMIT] */
    cache->at = x.at;
}

bool jit_cache_init(struct jit_cache *cache, size_t size)
{
    void *memory = mmap(NULL, size, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (memory == MAP_FAILED)
        return false;
    cache->base = memory;
    cache->size = size;
    jit_cache_reset(cache);
    return true;
}

void jit_cache_free(struct jit_cache *cache)
{
    free(cache->sites);
    cache->sites = NULL;
    munmap(cache->base, cache->size);
    cache->base = cache->at = cache->end = NULL;
}

void jit_cache_reset(struct jit_cache *cache)
{
    cache->site_count = 0;
    cache->translations = 0;
    cache->end = cache->base + cache->size;
    cache->exits_end = (struct jit_exit *)(void *)cache->end;
    write_trampoline(cache);
}

struct jit_exit *jit_cache_alloc_exit(struct jit_cache *cache)
{
    struct jit_exit *exit = cache->exits_end - 1;
    if ((uint8_t *)exit < cache->at + 64)
        return NULL;
    cache->exits_end = exit;
    cache->end = (uint8_t *)exit;
    return exit;
}

const struct jit_fault_site *jit_cache_find_site(const struct jit_cache *cache, uintptr_t rip)
{
    size_t low = 0, high = cache->site_count;
    while (low < high) { /* the last site starting at or before rip */
        size_t mid = (low + high) / 2;
        if (cache->sites[mid].start <= rip)
            low = mid + 1;
        else
            high = mid;
    }
    if (low == 0)
        return NULL;
    const struct jit_fault_site *site = &cache->sites[low - 1];
    return rip < site->end ? site : NULL;
}
