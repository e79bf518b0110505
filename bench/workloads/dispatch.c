/* dispatch: "virtual" calls through per-class tables of function pointers
 * (the C shape of C++ vtables), over an array of shapes of four classes in
 * random order, so the indirect-call target changes from call to call.
 * Fixed-point integer arithmetic keeps the result exact. */
#include "bench.h"

#define SHAPES 4096
#define ROUNDS BENCH_SIZE(24000, 800)

struct shape;
struct shape_class {
    int64_t (*area)(const struct shape *);
    int64_t (*perimeter)(const struct shape *);
    void (*scale)(struct shape *, int64_t);
};

struct shape {
    const struct shape_class *class;
    int64_t a, b;
};

static int64_t square_area(const struct shape *s)
{
    return s->a * s->a;
}
static int64_t square_perimeter(const struct shape *s)
{
    return 4 * s->a;
}
static int64_t rectangle_area(const struct shape *s)
{
    return s->a * s->b;
}
static int64_t rectangle_perimeter(const struct shape *s)
{
    return 2 * (s->a + s->b);
}
static int64_t circle_area(const struct shape *s)
{
    return 355 * s->a * s->a / 113;
}
static int64_t circle_perimeter(const struct shape *s)
{
    return 710 * s->a / 113;
}
static int64_t triangle_area(const struct shape *s)
{
    return s->a * s->b / 2;
}
static int64_t triangle_perimeter(const struct shape *s)
{
    return s->a + s->b + (s->a + s->b) * 7 / 10;
}

static void scale_both(struct shape *s, int64_t factor)
{
    s->a = (s->a * factor >> 8) % 1000 + 1;
    s->b = (s->b * factor >> 8) % 1000 + 1;
}

static void scale_first(struct shape *s, int64_t factor)
{
    s->a = (s->a * factor >> 8) % 1000 + 1;
}

static const struct shape_class classes[4] = {
    {square_area, square_perimeter, scale_first},
    {rectangle_area, rectangle_perimeter, scale_both},
    {circle_area, circle_perimeter, scale_first},
    {triangle_area, triangle_perimeter, scale_both},
};

static struct shape shapes[SHAPES];

int main(void)
{
    uint64_t rng = 23;
    for (int i = 0; i < SHAPES; i++) {
        uint64_t r = bench_next(&rng);
        shapes[i].class = &classes[r % 4];
        shapes[i].a = (int64_t)((r >> 8) % 1000) + 1;
        shapes[i].b = (int64_t)((r >> 24) % 1000) + 1;
    }
    uint64_t result = 0;
    for (int round = 0; round < ROUNDS; round++) {
        int64_t total_area = 0, total_perimeter = 0;
        for (int i = 0; i < SHAPES; i++) {
            struct shape *s = &shapes[i];
            total_area += s->class->area(s);
            total_perimeter += s->class->perimeter(s);
            s->class->scale(s, 255 + (round & 3));
        }
        result = bench_mix(result, (uint64_t)total_area ^ (uint64_t)total_perimeter << 32);
    }
    return bench_check("dispatch", result, BENCH_SIZE(0x55a2c1073bf9e89cull, 0xe8c214c1e3c4c0aeull));
}
