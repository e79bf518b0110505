/* A block's plugin operations go with the block (block-cache.c frees them). */
#include <stdlib.h>

#include "plugin.h"

void plugin_block_ops_free(struct plugin_block_ops *ops)
{
    if (!ops)
        return;
    free(ops->exec.ops);
    for (uint32_t i = 0; i < ops->insn_count; i++) {
        free(ops->insns[i].exec.ops);
        free(ops->insns[i].mem.ops);
    }
    free(ops);
}
