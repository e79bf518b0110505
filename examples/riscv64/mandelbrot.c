/*
 * The Mandelbrot set in ASCII art: the whole set, then two zooms into its
 * boundary (Seahorse Valley and a spiral in Elephant Valley), each point
 * shaded by how many iterations of z = z^2 + c it takes to escape. The last
 * line is a checksum of all the iteration counts, so the picture can serve
 * as a test as well as a demo.
 *
 * Build: riscv64-linux-gnu-gcc -static -O2 -o mandelbrot mandelbrot.c
 * Run:   emu ./mandelbrot
 */
#include <stdint.h>
#include <stdio.h>

#define WIDTH 78
#define HEIGHT 36

struct view {
	const char *name;
	double center_x, center_y;
	double width; /* of the complex-plane window */
	int max_iterations;
};

static const struct view views[] = {
	{"the whole set", -0.6, 0.0, 3.4, 2000},
	{"Seahorse Valley", -0.7436, 0.1318, 0.03, 6000},
	{"a spiral in Elephant Valley", 0.2850, 0.0110, 0.012, 6000},
};

/* fast escape to slow escape; points inside the set are blank */
static const char shades[] = " .,:;-=+*oO#%@";

static int escape_time(double cx, double cy, int max_iterations)
{
	double x = 0, y = 0;
	int n = 0;
	while (n < max_iterations && x * x + y * y <= 4.0) {
		double next_x = x * x - y * y + cx;
		y = 2 * x * y + cy;
		x = next_x;
		n++;
	}
	return n;
}

static uint64_t render(const struct view *view)
{
	/* character cells are about twice as tall as they are wide */
	double step_x = view->width / WIDTH;
	double step_y = step_x * 2;
	double left = view->center_x - step_x * WIDTH / 2;
	double top = view->center_y + step_y * HEIGHT / 2;
	uint64_t checksum = 0;

	printf("%s (%d iterations at most)\n", view->name,
	       view->max_iterations);
	for (int row = 0; row < HEIGHT; row++) {
		char line[WIDTH + 1];
		for (int column = 0; column < WIDTH; column++) {
			int n = escape_time(left + step_x * column,
					    top - step_y * row,
					    view->max_iterations);
			checksum = checksum * 31 + (uint64_t)n;
			if (n == view->max_iterations) {
				line[column] = ' ';
			} else {
				/* a logarithmic ramp: each shade doubles n */
				int shade = 1;
				int last = (int)sizeof shades - 2;
				for (int bound = 4; bound <= n && shade < last;
				     bound *= 2)
					shade++;
				line[column] = shades[shade];
			}
		}
		line[WIDTH] = '\0';
		puts(line);
	}
	return checksum;
}

int main(void)
{
	uint64_t checksum = 0;
	for (size_t i = 0; i < sizeof views / sizeof views[0]; i++) {
		if (i > 0)
			putchar('\n');
		checksum ^= render(&views[i]) + i;
	}
	printf("\nchecksum %016llx\n", (unsigned long long)checksum);
	return 0;
}
