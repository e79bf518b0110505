/* Zero-copy pipe calls: tee duplicates a pipe's data into a second pipe,
 * splice moves it into a file at an offset (which is updated) and back out,
 * vmsplice feeds user buffers into a pipe and reads them out again, and
 * sync_file_range flushes the file; bad offset pointers are EFAULT. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

static void show(const char *what, long result)
{
    if (result < 0)
        printf("%s: -1 %s\n", what, strerror(errno));
    else
        printf("%s: %ld\n", what, result);
}

static void drain(const char *what, int fd)
{
    char buffer[64] = {0};
    ssize_t size = read(fd, buffer, sizeof buffer - 1);
    printf("%s: %zd \"%s\"\n", what, size, size > 0 ? buffer : "");
}

int main(void)
{
    int first[2], second[2];
    pipe(first);
    pipe(second);
    write(first[1], "hello splice", 12);
    show("tee", tee(first[0], second[1], 100, 0));
    drain("the copy", second[0]);

    char path[] = "/tmp/emu-splice-XXXXXX";
    int file = mkstemp(path);
    unlink(path);
    write(file, "0123456789", 10);
    loff_t offset = 4;
    show("splice pipe to file at offset 4", splice(first[0], NULL, file, &offset, 5, 0));
    printf("offset after: %lld\n", (long long)offset);
    char content[32] = {0};
    pread(file, content, sizeof content - 1, 0);
    printf("file: %s\n", content);
    drain("left in the pipe", first[0]);

    offset = 2;
    show("splice file at offset 2 to pipe", splice(file, &offset, first[1], NULL, 6, 0));
    printf("offset after: %lld\n", (long long)offset);
    drain("the pipe", first[0]);
    offset = 0;
    show("splice with a bad offset pointer", splice(file, (loff_t *)8, first[1], NULL, 6, 0));

    char part1[] = "vm", part2[] = "splice";
    struct iovec in[2] = {{part1, 2}, {part2, 6}};
    show("vmsplice into the pipe", vmsplice(first[1], in, 2, 0));
    char out_buffer[16] = {0};
    struct iovec out = {out_buffer, sizeof out_buffer - 1};
    show("vmsplice out of the pipe", vmsplice(first[0], &out, 1, 0));
    printf("read back: %s\n", out_buffer);
    struct iovec bad = {(void *)8, 4};
    show("vmsplice from a bad buffer", vmsplice(first[1], &bad, 1, 0));

    show("sync_file_range", sync_file_range(file, 0, 0, SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER));
    show("sync_file_range on a pipe", sync_file_range(first[0], 0, 0, SYNC_FILE_RANGE_WRITE));
    return 0;
}
