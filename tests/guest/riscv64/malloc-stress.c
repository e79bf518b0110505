/*
 * malloc stress: thousands of blocks of many sizes (zero bytes up to
 * 384 KiB, so both brk and mmap-backed allocations), filled with a
 * per-block pattern, grown and shrunk with realloc, freed in random order by
 * a fixed-seed PRNG, with calloc checked for zeroed memory. Every block's
 * contents are verified before it is freed and folded into a checksum, so
 * lost writes, overlapping blocks or a broken realloc copy show up.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS 2048
#define ROUNDS 20000

struct block {
	unsigned char *data;
	size_t size;
	unsigned char seed;
};

static struct block blocks[SLOTS];
static uint64_t random_state = 12345;
static uint64_t checksum = 0xcbf29ce484222325;
static unsigned corrupted, allocations, reallocations, frees;

static uint32_t next_random(void)
{
	random_state ^= random_state << 13;
	random_state ^= random_state >> 7;
	random_state ^= random_state << 17;
	return (uint32_t)random_state;
}

static size_t random_size(void)
{
	uint32_t r = next_random();
	switch (r % 64) {
	case 0:
	case 1:
	case 2:
	case 3:
		return 0;
	case 4:
		return 131072 + r % 262144; /* large: mmap */
	case 5:
	case 6:
	case 7:
	case 8:
	case 9:
	case 10:
		return 1024 + r % 16384;
	default:
		return 1 + r % 256;
	}
}

static void fill(struct block *block, size_t from)
{
	for (size_t i = from; i < block->size; i++)
		block->data[i] = (unsigned char)(block->seed + i * 7);
}

/* verify the pattern; fold a sample of it into the checksum */
static void verify(const struct block *block)
{
	for (size_t i = 0; i < block->size; i++) {
		if (block->data[i] != (unsigned char)(block->seed + i * 7)) {
			corrupted++;
			break;
		}
	}
	size_t step = block->size / 16 + 1;
	for (size_t i = 0; i < block->size; i += step)
		checksum = (checksum ^ block->data[i]) * 0x100000001b3;
	checksum = (checksum ^ block->size) * 0x100000001b3;
}

int main(void)
{
	for (unsigned round = 0; round < ROUNDS; round++) {
		struct block *block = &blocks[next_random() % SLOTS];
		if (block->data == NULL) {
			block->size = random_size();
			block->seed = (unsigned char)next_random();
			if (next_random() % 4 == 0) {
				block->data = calloc(1, block->size);
				for (size_t i = 0; i < block->size; i++)
					corrupted += block->data[i] != 0;
			} else {
				block->data = malloc(block->size);
			}
			if (block->data == NULL && block->size != 0) {
				printf("allocation of %zu bytes failed\n",
				       block->size);
				return 1;
			}
			if (block->data == NULL)
				block->data =
					malloc(1); /* malloc(0) may be NULL */
			fill(block, 0);
			allocations++;
		} else if (next_random() % 3 == 0) {
			verify(block);
			size_t new_size = random_size() + 1;
			unsigned char *data = realloc(block->data, new_size);
			if (data == NULL) {
				printf("realloc to %zu bytes failed\n",
				       new_size);
				return 1;
			}
			size_t kept =
				block->size < new_size ? block->size : new_size;
			block->data = data;
			block->size = kept;
			verify(block); /* the kept prefix survived the move */
			block->size = new_size;
			fill(block, kept);
			reallocations++;
		} else {
			verify(block);
			free(block->data);
			block->data = NULL;
			frees++;
		}
	}
	size_t live = 0;
	for (unsigned i = 0; i < SLOTS; i++) {
		if (blocks[i].data) {
			verify(&blocks[i]);
			live += blocks[i].size;
			free(blocks[i].data);
		}
	}
	printf("allocations %u reallocations %u frees %u\n", allocations,
	       reallocations, frees);
	printf("live bytes at the end %zu\n", live);
	printf("corrupted blocks %u\n", corrupted);
	printf("checksum %016" PRIx64 "\n", checksum);

	/* alignment guarantees */
	int misaligned = 0;
	for (size_t size = 1; size < 200; size += 7) {
		void *p = malloc(size);
		misaligned += ((uintptr_t)p % 16) != 0;
		void *q = aligned_alloc(4096, size);
		misaligned += ((uintptr_t)q % 4096) != 0;
		free(p);
		free(q);
	}
	printf("misaligned allocations %d\n", misaligned);
	return corrupted != 0;
}
