/*
 * Standard input: reads stdin-echo.stdin to its end with read(2) in small
 * odd-sized chunks and with stdio, then writes a transformation: each line
 * numbered, reversed and upper-cased (bytes above 0x7f as octal escapes),
 * with byte, word and line counts. A final line without a newline, an empty
 * line and UTF-8 bytes are part of the input.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char input[65536];

int main(void)
{
	size_t length = 0;
	int reads = 0;
	for (;;) {
		ssize_t got = read(0, input + length, 7);
		if (got < 0) {
			perror("read");
			return 1;
		}
		if (got == 0)
			break;
		length += (size_t)got;
		reads++;
		if (length + 7 > sizeof input)
			break;
	}
	printf("read %zu bytes in %s calls\n", length,
	       reads > 1 ? "several" : "one");
	ssize_t after_end = read(0, input + length, 1);
	printf("read at end of input returns %zd\n", after_end);

	unsigned lines = 0, words = 0;
	int in_word = 0;
	size_t line_start = 0;
	for (size_t i = 0; i <= length; i++) {
		int end = i == length;
		if (!end && input[i] != '\n') {
			int space = isspace((unsigned char)input[i]);
			words += !in_word && !space;
			in_word = !space;
			continue;
		}
		in_word = 0;
		if (end && line_start == length)
			break; /* no unterminated last line */
		lines++;
		printf("%3u %s|", lines, end ? "(no newline)" : "");
		for (size_t j = i; j > line_start; j--) {
			unsigned char c = (unsigned char)input[j - 1];
			if (c > 0x7f)
				printf("\\%03o", c);
			else
				putchar(toupper(c));
		}
		printf("|\n");
		line_start = i + 1;
	}
	printf("lines %u words %u bytes %zu\n", lines, words, length);
	return 0;
}
