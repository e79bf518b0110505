#!/bin/sh
# Syscalls qemu-riscv64 7.2 does not implement, so no guest test can take
# its output as the reference: openat2, fchmodat2 and mlock2 are compared
# with the same program built for the host (the host kernel's own answers);
# riscv_hwprobe's keys and process_vm_readv/writev (which reach only the
# calling process under emu) are checked against fixed expectations.
. "$(dirname "$0")/common.sh.inc"

build_guest portable <<'SOURCE'
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define FCHMODAT2_NUMBER 452 /* the same on every Linux arch */

static void show(const char *what, long result)
{
	if (result < 0)
		printf("%s: -1 %s\n", what, strerror(errno));
	else
		printf("%s: ok\n", what);
}

static long open2(int dirfd, const char *path, const void *how, size_t size)
{
	long fd = syscall(SYS_openat2, dirfd, path, how, size);
	int saved = errno;
	if (fd >= 0)
		close((int)fd);
	errno = saved;
	return fd;
}

int main(void)
{
	char directory[] = "/tmp/emu-newer-XXXXXX";
	if (!mkdtemp(directory))
		return 1;
	int dirfd = open(directory, O_DIRECTORY | O_RDONLY);
	close(openat(dirfd, "target", O_WRONLY | O_CREAT, 0600));
	symlinkat("target", dirfd, "link");

	struct open_how how = {.flags = O_RDONLY, .resolve = RESOLVE_NO_SYMLINKS};
	show("openat2 of the link, RESOLVE_NO_SYMLINKS", open2(dirfd, "link", &how, sizeof how));
	show("openat2 of the file, RESOLVE_NO_SYMLINKS", open2(dirfd, "target", &how, sizeof how));
	how.resolve = 0;
	show("openat2 of the link, no resolve flags", open2(dirfd, "link", &how, sizeof how));
	how.resolve = RESOLVE_BENEATH;
	show("openat2 of ../, RESOLVE_BENEATH", open2(dirfd, "../", &how, sizeof how));
	show("openat2 with a 16-byte open_how", open2(dirfd, "target", &how, 16));
	uint64_t longer[5] = {O_RDONLY, 0, 0, 0, 0};
	show("openat2 with a 40-byte open_how, zero tail", open2(dirfd, "target", longer, sizeof longer));
	longer[4] = 1;
	show("openat2 with a 40-byte open_how, nonzero tail", open2(dirfd, "target", longer, sizeof longer));
	how = (struct open_how){.flags = O_RDONLY, .mode = 0600};
	show("openat2 with a mode but no O_CREAT", open2(dirfd, "target", &how, sizeof how));
	how = (struct open_how){.flags = O_WRONLY | O_CREAT | O_EXCL, .mode = 0640};
	show("openat2 creating a file", open2(dirfd, "created", &how, sizeof how));
	struct stat state;
	fstatat(dirfd, "created", &state, 0);
	printf("created with mode %o\n", state.st_mode & 0777);
	show("openat2 with a bad open_how pointer", open2(dirfd, "target", (void *)8, sizeof how));

	long result = syscall(FCHMODAT2_NUMBER, dirfd, "target", 0604, AT_SYMLINK_NOFOLLOW);
	show("fchmodat2 AT_SYMLINK_NOFOLLOW of a file", result);
	fstatat(dirfd, "target", &state, 0);
	if (result == 0)
		printf("mode now %o\n", state.st_mode & 0777);
	show("fchmodat2 AT_SYMLINK_NOFOLLOW of a link", syscall(FCHMODAT2_NUMBER, dirfd, "link", 0600, AT_SYMLINK_NOFOLLOW));
	show("fchmodat2 with bad flags", syscall(FCHMODAT2_NUMBER, dirfd, "target", 0600, 0x80000));

	long page = sysconf(_SC_PAGESIZE);
	char *pages = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	show("mlock2 MLOCK_ONFAULT", syscall(SYS_mlock2, pages, page, MLOCK_ONFAULT));
	show("munlock", munlock(pages, page));
	show("mlock2 with bad flags", syscall(SYS_mlock2, pages, page, 0x100));
	munmap(pages + page, page);
	show("mlock2 over an unmapped page", syscall(SYS_mlock2, pages + page, page, 0));

	unlinkat(dirfd, "created", 0);
	unlinkat(dirfd, "link", 0);
	unlinkat(dirfd, "target", 0);
	rmdir(directory);
	return 0;
}
SOURCE
"$EMU" "$scratch/portable" >"$scratch/out" 2>"$scratch/err"
expect_status 0 $? "emu portable"
expect_in "$scratch/out" "^openat2 of the link, RESOLVE_NO_SYMLINKS: -1 Too many levels of symbolic links$" "openat2"
host_cc=${HOST_CC-cc}
if command -v "$host_cc" >/dev/null 2>&1; then
	"$host_cc" -O2 -o "$scratch/portable-host" "$scratch/portable.c" || fail "cannot compile the host program"
	"$scratch/portable-host" >"$scratch/host-out" || fail "the host program failed"
	diff -u "$scratch/host-out" "$scratch/out" >&2 || fail "emu differs from the host"
fi

build_guest riscv_only <<'SOURCE'
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#define HWPROBE_NUMBER 258

struct pair {
	int64_t key;
	uint64_t value;
};

int main(void)
{
	struct pair pairs[7] = {{0, 9}, {1, 9}, {2, 9}, {3, 9}, {4, 9}, {5, 9}, {99, 9}};
	long result = syscall(HWPROBE_NUMBER, pairs, 7, 0, NULL, 0);
	printf("riscv_hwprobe: %ld\n", result);
	for (int i = 0; i < 7; i++)
		printf("key %lld value %#llx\n", (long long)pairs[i].key, (unsigned long long)pairs[i].value);
	result = syscall(HWPROBE_NUMBER, pairs, 1, 0, NULL, 1);
	printf("riscv_hwprobe with flags: %ld %s\n", result, strerror(errno));
	result = syscall(HWPROBE_NUMBER, (void *)8, 1, 0, NULL, 0);
	printf("riscv_hwprobe with a bad pointer: %ld %s\n", result, strerror(errno));

	char source[16] = "from the guest", target[16] = {0};
	struct iovec local = {target, sizeof source}, remote = {source, sizeof source};
	result = syscall(SYS_process_vm_readv, getpid(), &local, 1, &remote, 1, 0);
	printf("process_vm_readv of itself: %ld \"%s\"\n", result, target);
	char replacement[8] = "written";
	struct iovec from = {replacement, sizeof replacement}, to = {source, sizeof replacement};
	result = syscall(SYS_process_vm_writev, getpid(), &from, 1, &to, 1, 0);
	printf("process_vm_writev of itself: %ld \"%s\"\n", result, source);
	struct iovec bad = {(void *)8, 4};
	result = syscall(SYS_process_vm_readv, getpid(), &local, 1, &bad, 1, 0);
	printf("process_vm_readv from a bad address: %ld %s\n", result, strerror(errno));
	pid_t child = fork();
	if (child == 0) {
		pause();
		_exit(0);
	}
	result = syscall(SYS_process_vm_readv, child, &local, 1, &remote, 1, 0);
	printf("process_vm_readv of another process: %ld %s\n", result, strerror(errno));
	kill(child, 9);
	waitpid(child, NULL, 0);
	return 0;
}
SOURCE
"$EMU" "$scratch/riscv_only" >"$scratch/out" 2>"$scratch/err"
expect_status 0 $? "emu riscv_only"
cat >"$scratch/expected" <<'EXPECTED'
riscv_hwprobe: 0
key 0 value 0
key 1 value 0
key 2 value 0
key 3 value 0x1
key 4 value 0x3
key 5 value 0
key -1 value 0
riscv_hwprobe with flags: -1 Invalid argument
riscv_hwprobe with a bad pointer: -1 Bad address
process_vm_readv of itself: 16 "from the guest"
process_vm_writev of itself: 8 "written"
process_vm_readv from a bad address: -1 Bad address
process_vm_readv of another process: -1 Operation not permitted
EXPECTED
diff -u "$scratch/expected" "$scratch/out" >&2 || fail "riscv_hwprobe or process_vm_*"
exit 0
