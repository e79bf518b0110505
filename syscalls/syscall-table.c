/* The asm-generic syscall table (include/uapi/asm-generic/unistd.h), shared
 * by riscv64 and aarch64: number, name, handler and how strace shows the
 * arguments.  Names without a handler are known but not implemented, so the
 * unimplemented log can say what the guest wanted. */
#include <errno.h>

#include "log.h"
#include "stats.h"
#include "syscalls.h"

#define ARGS(...) {__VA_ARGS__}
#define CALL(nr, name, count, kinds) [nr] = {nr, #name, sys_##name, count, kinds, RESULT_INT}
#define CALL_HEX(nr, name, count, kinds) [nr] = {nr, #name, sys_##name, count, kinds, RESULT_HEX}
#define CALL_NORETURN(nr, name, count, kinds) [nr] = {nr, #name, sys_##name, count, kinds, RESULT_NONE}
/* Answered with ENOSYS on purpose: the C libraries fall back without them. */
#define DECLINED(nr, name, count) [nr] = {nr, #name, sys_not_provided, count, ARGS(0), RESULT_INT}
#define NAME(nr, name) [nr] = {nr, #name, NULL, 0, ARGS(0), RESULT_INT}

static const struct syscall_entry syscall_table[] = {
    NAME(0, io_setup), NAME(1, io_destroy), NAME(2, io_submit), NAME(3, io_cancel), NAME(4, io_getevents),
    CALL(5, setxattr, 5, ARGS(ARG_PATH, ARG_PATH, ARG_HEX, ARG_UINT, ARG_HEX)), CALL(6, lsetxattr, 5, ARGS(ARG_PATH, ARG_PATH, ARG_HEX, ARG_UINT, ARG_HEX)), CALL(7, fsetxattr, 5, ARGS(ARG_FD, ARG_PATH, ARG_HEX, ARG_UINT, ARG_HEX)), CALL(8, getxattr, 4, ARGS(ARG_PATH, ARG_PATH, ARG_HEX, ARG_UINT)), CALL(9, lgetxattr, 4, ARGS(ARG_PATH, ARG_PATH, ARG_HEX, ARG_UINT)),
    CALL(10, fgetxattr, 4, ARGS(ARG_FD, ARG_PATH, ARG_HEX, ARG_UINT)), CALL(11, listxattr, 3, ARGS(ARG_PATH, ARG_HEX, ARG_UINT)), CALL(12, llistxattr, 3, ARGS(ARG_PATH, ARG_HEX, ARG_UINT)), CALL(13, flistxattr, 3, ARGS(ARG_FD, ARG_HEX, ARG_UINT)),
    CALL(14, removexattr, 2, ARGS(ARG_PATH, ARG_PATH)), CALL(15, lremovexattr, 2, ARGS(ARG_PATH, ARG_PATH)), CALL(16, fremovexattr, 2, ARGS(ARG_FD, ARG_PATH)),
    CALL(17, getcwd, 2, ARGS(ARG_HEX, ARG_UINT)),
    NAME(18, lookup_dcookie), CALL(19, eventfd2, 2, ARGS(ARG_UINT, ARG_OPEN_FLAGS)), CALL(20, epoll_create1, 1, ARGS(ARG_OPEN_FLAGS)), CALL(21, epoll_ctl, 4, ARGS(ARG_FD, ARG_INT, ARG_FD, ARG_HEX)),
    CALL(22, epoll_pwait, 6, ARGS(ARG_FD, ARG_HEX, ARG_INT, ARG_INT, ARG_HEX, ARG_UINT)),
    CALL(23, dup, 1, ARGS(ARG_FD)),
    CALL(24, dup3, 3, ARGS(ARG_FD, ARG_FD, ARG_OPEN_FLAGS)),
    CALL(25, fcntl, 3, ARGS(ARG_FD, ARG_INT, ARG_HEX)),
    CALL(26, inotify_init1, 1, ARGS(ARG_OPEN_FLAGS)), CALL(27, inotify_add_watch, 3, ARGS(ARG_FD, ARG_PATH, ARG_HEX)), CALL(28, inotify_rm_watch, 2, ARGS(ARG_FD, ARG_INT)),
    CALL(29, ioctl, 3, ARGS(ARG_FD, ARG_HEX, ARG_HEX)),
    NAME(30, ioprio_set), NAME(31, ioprio_get), CALL(32, flock, 2, ARGS(ARG_FD, ARG_INT)), CALL(33, mknodat, 4, ARGS(ARG_DIRFD, ARG_PATH, ARG_MODE, ARG_HEX)),
    CALL(34, mkdirat, 3, ARGS(ARG_DIRFD, ARG_PATH, ARG_MODE)),
    CALL(35, unlinkat, 3, ARGS(ARG_DIRFD, ARG_PATH, ARG_HEX)),
    CALL(36, symlinkat, 3, ARGS(ARG_PATH, ARG_DIRFD, ARG_PATH)), CALL(37, linkat, 5, ARGS(ARG_DIRFD, ARG_PATH, ARG_DIRFD, ARG_PATH, ARG_HEX)), CALL(38, renameat, 4, ARGS(ARG_DIRFD, ARG_PATH, ARG_DIRFD, ARG_PATH)), NAME(39, umount2), NAME(40, mount),
    NAME(41, pivot_root), NAME(42, nfsservctl), CALL(43, statfs, 2, ARGS(ARG_PATH, ARG_HEX)), CALL(44, fstatfs, 2, ARGS(ARG_FD, ARG_HEX)), CALL(45, truncate, 2, ARGS(ARG_PATH, ARG_INT)),
    CALL(46, ftruncate, 2, ARGS(ARG_FD, ARG_INT)),
    CALL(47, fallocate, 4, ARGS(ARG_FD, ARG_HEX, ARG_INT, ARG_INT)),
    CALL(48, faccessat, 3, ARGS(ARG_DIRFD, ARG_PATH, ARG_INT)),
    CALL(49, chdir, 1, ARGS(ARG_PATH)),
    CALL(50, fchdir, 1, ARGS(ARG_FD)),
    CALL(51, chroot, 1, ARGS(ARG_PATH)),
    CALL(52, fchmod, 2, ARGS(ARG_FD, ARG_MODE)),
    CALL(53, fchmodat, 3, ARGS(ARG_DIRFD, ARG_PATH, ARG_MODE)),
    CALL(54, fchownat, 5, ARGS(ARG_DIRFD, ARG_PATH, ARG_INT, ARG_INT, ARG_HEX)), CALL(55, fchown, 3, ARGS(ARG_FD, ARG_INT, ARG_INT)),
    CALL(56, openat, 4, ARGS(ARG_DIRFD, ARG_PATH, ARG_OPEN_FLAGS, ARG_MODE)),
    CALL(57, close, 1, ARGS(ARG_FD)),
    NAME(58, vhangup),
    CALL(59, pipe2, 2, ARGS(ARG_HEX, ARG_OPEN_FLAGS)),
    NAME(60, quotactl),
    CALL(61, getdents64, 3, ARGS(ARG_FD, ARG_HEX, ARG_UINT)),
    CALL(62, lseek, 3, ARGS(ARG_FD, ARG_INT, ARG_INT)),
    CALL(63, read, 3, ARGS(ARG_FD, ARG_HEX, ARG_UINT)),
    CALL(64, write, 3, ARGS(ARG_FD, ARG_WRITE_BUFFER, ARG_UINT)),
    CALL(65, readv, 3, ARGS(ARG_FD, ARG_HEX, ARG_INT)),
    CALL(66, writev, 3, ARGS(ARG_FD, ARG_HEX, ARG_INT)),
    CALL(67, pread64, 4, ARGS(ARG_FD, ARG_HEX, ARG_UINT, ARG_INT)),
    CALL(68, pwrite64, 4, ARGS(ARG_FD, ARG_WRITE_BUFFER, ARG_UINT, ARG_INT)),
    CALL(69, preadv, 4, ARGS(ARG_FD, ARG_HEX, ARG_INT, ARG_INT)), CALL(70, pwritev, 4, ARGS(ARG_FD, ARG_HEX, ARG_INT, ARG_INT)), CALL(71, sendfile, 4, ARGS(ARG_FD, ARG_FD, ARG_HEX, ARG_UINT)), CALL(72, pselect6, 6, ARGS(ARG_INT, ARG_HEX, ARG_HEX, ARG_HEX, ARG_HEX, ARG_HEX)), CALL(73, ppoll, 5, ARGS(ARG_HEX, ARG_UINT, ARG_HEX, ARG_HEX, ARG_UINT)),
    NAME(74, signalfd4), CALL(75, vmsplice, 4, ARGS(ARG_FD, ARG_HEX, ARG_UINT, ARG_HEX)), CALL(76, splice, 6, ARGS(ARG_FD, ARG_HEX, ARG_FD, ARG_HEX, ARG_UINT, ARG_HEX)), CALL(77, tee, 4, ARGS(ARG_FD, ARG_FD, ARG_UINT, ARG_HEX)),
    CALL(78, readlinkat, 4, ARGS(ARG_DIRFD, ARG_PATH, ARG_HEX, ARG_UINT)),
    CALL(79, newfstatat, 4, ARGS(ARG_DIRFD, ARG_PATH, ARG_HEX, ARG_HEX)),
    CALL(80, fstat, 2, ARGS(ARG_FD, ARG_HEX)),
    CALL(81, sync, 0, ARGS(0)),
    CALL(82, fsync, 1, ARGS(ARG_FD)),
    CALL(83, fdatasync, 1, ARGS(ARG_FD)),
    CALL(84, sync_file_range, 4, ARGS(ARG_FD, ARG_INT, ARG_INT, ARG_HEX)), CALL(85, timerfd_create, 2, ARGS(ARG_INT, ARG_OPEN_FLAGS)), CALL(86, timerfd_settime, 4, ARGS(ARG_FD, ARG_HEX, ARG_HEX, ARG_HEX)),
    CALL(87, timerfd_gettime, 2, ARGS(ARG_FD, ARG_HEX)), CALL(88, utimensat, 4, ARGS(ARG_DIRFD, ARG_PATH, ARG_HEX, ARG_HEX)), NAME(89, acct), CALL(90, capget, 2, ARGS(ARG_HEX, ARG_HEX)), CALL(91, capset, 2, ARGS(ARG_HEX, ARG_HEX)),
    CALL(92, personality, 1, ARGS(ARG_HEX)),
    CALL_NORETURN(93, exit, 1, ARGS(ARG_INT)),
    CALL_NORETURN(94, exit_group, 1, ARGS(ARG_INT)),
    CALL(95, waitid, 5, ARGS(ARG_INT, ARG_INT, ARG_HEX, ARG_HEX, ARG_HEX)),
    CALL(96, set_tid_address, 1, ARGS(ARG_HEX)),
    NAME(97, unshare),
    CALL(98, futex, 6, ARGS(ARG_HEX, ARG_INT, ARG_INT, ARG_HEX, ARG_HEX, ARG_INT)),
    CALL(99, set_robust_list, 2, ARGS(ARG_HEX, ARG_UINT)),
    CALL(100, get_robust_list, 3, ARGS(ARG_INT, ARG_HEX, ARG_HEX)),
    CALL(101, nanosleep, 2, ARGS(ARG_HEX, ARG_HEX)),
    CALL(102, getitimer, 2, ARGS(ARG_INT, ARG_HEX)), CALL(103, setitimer, 3, ARGS(ARG_INT, ARG_HEX, ARG_HEX)), NAME(104, kexec_load), NAME(105, init_module),
    NAME(106, delete_module), CALL(107, timer_create, 3, ARGS(ARG_INT, ARG_HEX, ARG_HEX)), CALL(108, timer_gettime, 2, ARGS(ARG_INT, ARG_HEX)),
    CALL(109, timer_getoverrun, 1, ARGS(ARG_INT)), CALL(110, timer_settime, 4, ARGS(ARG_INT, ARG_HEX, ARG_HEX, ARG_HEX)), CALL(111, timer_delete, 1, ARGS(ARG_INT)),
    CALL(112, clock_settime, 2, ARGS(ARG_INT, ARG_HEX)),
    CALL(113, clock_gettime, 2, ARGS(ARG_INT, ARG_HEX)),
    CALL(114, clock_getres, 2, ARGS(ARG_INT, ARG_HEX)),
    CALL(115, clock_nanosleep, 4, ARGS(ARG_INT, ARG_HEX, ARG_HEX, ARG_HEX)),
    CALL(116, syslog, 3, ARGS(ARG_INT, ARG_HEX, ARG_INT)), NAME(117, ptrace), CALL(118, sched_setparam, 2, ARGS(ARG_INT, ARG_HEX)), CALL(119, sched_setscheduler, 3, ARGS(ARG_INT, ARG_INT, ARG_HEX)),
    CALL(120, sched_getscheduler, 1, ARGS(ARG_INT)), CALL(121, sched_getparam, 2, ARGS(ARG_INT, ARG_HEX)), CALL(122, sched_setaffinity, 3, ARGS(ARG_INT, ARG_UINT, ARG_HEX)),
    CALL(123, sched_getaffinity, 3, ARGS(ARG_INT, ARG_UINT, ARG_HEX)),
    CALL(124, sched_yield, 0, ARGS(0)),
    CALL(125, sched_get_priority_max, 1, ARGS(ARG_INT)), CALL(126, sched_get_priority_min, 1, ARGS(ARG_INT)),
    CALL(127, sched_rr_get_interval, 2, ARGS(ARG_INT, ARG_HEX)), NAME(128, restart_syscall),
    CALL(129, kill, 2, ARGS(ARG_INT, ARG_SIGNAL)),
    CALL(130, tkill, 2, ARGS(ARG_INT, ARG_SIGNAL)),
    CALL(131, tgkill, 3, ARGS(ARG_INT, ARG_INT, ARG_SIGNAL)),
    CALL(132, sigaltstack, 2, ARGS(ARG_HEX, ARG_HEX)),
    CALL(133, rt_sigsuspend, 2, ARGS(ARG_HEX, ARG_UINT)),
    CALL(134, rt_sigaction, 4, ARGS(ARG_SIGNAL, ARG_HEX, ARG_HEX, ARG_UINT)),
    CALL(135, rt_sigprocmask, 4, ARGS(ARG_INT, ARG_HEX, ARG_HEX, ARG_UINT)),
    CALL(136, rt_sigpending, 2, ARGS(ARG_HEX, ARG_UINT)),
    CALL(137, rt_sigtimedwait, 4, ARGS(ARG_HEX, ARG_HEX, ARG_HEX, ARG_UINT)),
    CALL(138, rt_sigqueueinfo, 3, ARGS(ARG_INT, ARG_SIGNAL, ARG_HEX)),
    CALL_NORETURN(139, rt_sigreturn, 0, ARGS(0)),
    CALL(140, setpriority, 3, ARGS(ARG_INT, ARG_INT, ARG_INT)), CALL(141, getpriority, 2, ARGS(ARG_INT, ARG_INT)), NAME(142, reboot),
    CALL(143, setregid, 2, ARGS(ARG_INT, ARG_INT)), CALL(144, setgid, 1, ARGS(ARG_INT)), CALL(145, setreuid, 2, ARGS(ARG_INT, ARG_INT)), CALL(146, setuid, 1, ARGS(ARG_INT)), CALL(147, setresuid, 3, ARGS(ARG_INT, ARG_INT, ARG_INT)),
    CALL(148, getresuid, 3, ARGS(ARG_HEX, ARG_HEX, ARG_HEX)), CALL(149, setresgid, 3, ARGS(ARG_INT, ARG_INT, ARG_INT)), CALL(150, getresgid, 3, ARGS(ARG_HEX, ARG_HEX, ARG_HEX)), CALL(151, setfsuid, 1, ARGS(ARG_INT)),
    CALL(152, setfsgid, 1, ARGS(ARG_INT)),
    CALL(153, times, 1, ARGS(ARG_HEX)),
    CALL(154, setpgid, 2, ARGS(ARG_INT, ARG_INT)),
    CALL(155, getpgid, 1, ARGS(ARG_INT)),
    CALL(156, getsid, 1, ARGS(ARG_INT)),
    CALL(157, setsid, 0, ARGS(0)),
    CALL(158, getgroups, 2, ARGS(ARG_INT, ARG_HEX)),
    CALL(159, setgroups, 2, ARGS(ARG_INT, ARG_HEX)),
    CALL(160, uname, 1, ARGS(ARG_HEX)),
    CALL(161, sethostname, 2, ARGS(ARG_WRITE_BUFFER, ARG_UINT)), CALL(162, setdomainname, 2, ARGS(ARG_WRITE_BUFFER, ARG_UINT)),
    CALL(163, getrlimit, 2, ARGS(ARG_INT, ARG_HEX)),
    CALL(164, setrlimit, 2, ARGS(ARG_INT, ARG_HEX)),
    CALL(165, getrusage, 2, ARGS(ARG_INT, ARG_HEX)),
    CALL(166, umask, 1, ARGS(ARG_MODE)),
    CALL(167, prctl, 5, ARGS(ARG_INT, ARG_HEX, ARG_HEX, ARG_HEX, ARG_HEX)),
    CALL(168, getcpu, 3, ARGS(ARG_HEX, ARG_HEX, ARG_HEX)),
    CALL(169, gettimeofday, 2, ARGS(ARG_HEX, ARG_HEX)),
    CALL(170, settimeofday, 2, ARGS(ARG_HEX, ARG_HEX)), CALL(171, adjtimex, 1, ARGS(ARG_HEX)),
    CALL(172, getpid, 0, ARGS(0)),
    CALL(173, getppid, 0, ARGS(0)),
    CALL(174, getuid, 0, ARGS(0)),
    CALL(175, geteuid, 0, ARGS(0)),
    CALL(176, getgid, 0, ARGS(0)),
    CALL(177, getegid, 0, ARGS(0)),
    CALL(178, gettid, 0, ARGS(0)),
    CALL(179, sysinfo, 1, ARGS(ARG_HEX)),
    NAME(180, mq_open), NAME(181, mq_unlink), NAME(182, mq_timedsend), NAME(183, mq_timedreceive),
    NAME(184, mq_notify), NAME(185, mq_getsetattr), CALL(186, msgget, 2, ARGS(ARG_INT, ARG_HEX)), CALL(187, msgctl, 3, ARGS(ARG_INT, ARG_INT, ARG_HEX)),
    CALL(188, msgrcv, 5, ARGS(ARG_INT, ARG_HEX, ARG_UINT, ARG_INT, ARG_HEX)), CALL(189, msgsnd, 4, ARGS(ARG_INT, ARG_HEX, ARG_UINT, ARG_HEX)), CALL(190, semget, 3, ARGS(ARG_INT, ARG_INT, ARG_HEX)), CALL(191, semctl, 4, ARGS(ARG_INT, ARG_INT, ARG_INT, ARG_HEX)), CALL(192, semtimedop, 4, ARGS(ARG_INT, ARG_HEX, ARG_UINT, ARG_HEX)),
    CALL(193, semop, 3, ARGS(ARG_INT, ARG_HEX, ARG_UINT)), CALL(194, shmget, 3, ARGS(ARG_INT, ARG_UINT, ARG_HEX)), CALL(195, shmctl, 3, ARGS(ARG_INT, ARG_INT, ARG_HEX)), CALL_HEX(196, shmat, 3, ARGS(ARG_INT, ARG_HEX, ARG_HEX)), CALL(197, shmdt, 1, ARGS(ARG_HEX)),
    CALL(198, socket, 3, ARGS(ARG_INT, ARG_INT, ARG_INT)), CALL(199, socketpair, 4, ARGS(ARG_INT, ARG_INT, ARG_INT, ARG_HEX)), CALL(200, bind, 3, ARGS(ARG_FD, ARG_HEX, ARG_UINT)), CALL(201, listen, 2, ARGS(ARG_FD, ARG_INT)), CALL(202, accept, 3, ARGS(ARG_FD, ARG_HEX, ARG_HEX)),
    CALL(203, connect, 3, ARGS(ARG_FD, ARG_HEX, ARG_UINT)), CALL(204, getsockname, 3, ARGS(ARG_FD, ARG_HEX, ARG_HEX)), CALL(205, getpeername, 3, ARGS(ARG_FD, ARG_HEX, ARG_HEX)), CALL(206, sendto, 6, ARGS(ARG_FD, ARG_WRITE_BUFFER, ARG_UINT, ARG_HEX, ARG_HEX, ARG_UINT)),
    CALL(207, recvfrom, 6, ARGS(ARG_FD, ARG_HEX, ARG_UINT, ARG_HEX, ARG_HEX, ARG_HEX)), CALL(208, setsockopt, 5, ARGS(ARG_FD, ARG_INT, ARG_INT, ARG_HEX, ARG_UINT)), CALL(209, getsockopt, 5, ARGS(ARG_FD, ARG_INT, ARG_INT, ARG_HEX, ARG_HEX)), CALL(210, shutdown, 2, ARGS(ARG_FD, ARG_INT)),
    CALL(211, sendmsg, 3, ARGS(ARG_FD, ARG_HEX, ARG_HEX)), CALL(212, recvmsg, 3, ARGS(ARG_FD, ARG_HEX, ARG_HEX)), CALL(213, readahead, 3, ARGS(ARG_FD, ARG_INT, ARG_UINT)),
    CALL_HEX(214, brk, 1, ARGS(ARG_HEX)),
    CALL(215, munmap, 2, ARGS(ARG_HEX, ARG_UINT)),
    CALL_HEX(216, mremap, 5, ARGS(ARG_HEX, ARG_UINT, ARG_UINT, ARG_HEX, ARG_HEX)),
    NAME(217, add_key), NAME(218, request_key), NAME(219, keyctl),
    CALL(220, clone, 5, ARGS(ARG_HEX, ARG_HEX, ARG_HEX, ARG_HEX, ARG_HEX)),
    CALL(221, execve, 3, ARGS(ARG_PATH, ARG_HEX, ARG_HEX)),
    CALL_HEX(222, mmap, 6, ARGS(ARG_HEX, ARG_UINT, ARG_PROT, ARG_MMAP_FLAGS, ARG_FD, ARG_HEX)),
    CALL(223, fadvise64, 4, ARGS(ARG_FD, ARG_INT, ARG_INT, ARG_INT)), NAME(224, swapon), NAME(225, swapoff),
    CALL(226, mprotect, 3, ARGS(ARG_HEX, ARG_UINT, ARG_PROT)),
    CALL(227, msync, 3, ARGS(ARG_HEX, ARG_UINT, ARG_HEX)), CALL(228, mlock, 2, ARGS(ARG_HEX, ARG_UINT)), CALL(229, munlock, 2, ARGS(ARG_HEX, ARG_UINT)), CALL(230, mlockall, 1, ARGS(ARG_HEX)), CALL(231, munlockall, 0, ARGS(0)),
    CALL(232, mincore, 3, ARGS(ARG_HEX, ARG_UINT, ARG_HEX)),
    CALL(233, madvise, 3, ARGS(ARG_HEX, ARG_UINT, ARG_INT)),
    NAME(234, remap_file_pages), NAME(235, mbind), NAME(236, get_mempolicy), NAME(237, set_mempolicy),
    NAME(238, migrate_pages), NAME(239, move_pages),
    CALL(240, rt_tgsigqueueinfo, 4, ARGS(ARG_INT, ARG_INT, ARG_SIGNAL, ARG_HEX)),
    NAME(241, perf_event_open), CALL(242, accept4, 4, ARGS(ARG_FD, ARG_HEX, ARG_HEX, ARG_OPEN_FLAGS)), CALL(243, recvmmsg, 5, ARGS(ARG_FD, ARG_HEX, ARG_UINT, ARG_HEX, ARG_HEX)),
    CALL(258, riscv_hwprobe, 5, ARGS(ARG_HEX, ARG_UINT, ARG_UINT, ARG_HEX, ARG_HEX)),
    CALL(259, riscv_flush_icache, 3, ARGS(ARG_HEX, ARG_HEX, ARG_HEX)),
    CALL(260, wait4, 4, ARGS(ARG_INT, ARG_HEX, ARG_HEX, ARG_HEX)),
    CALL(261, prlimit64, 4, ARGS(ARG_INT, ARG_INT, ARG_HEX, ARG_HEX)),
    NAME(262, fanotify_init), NAME(263, fanotify_mark), NAME(264, name_to_handle_at),
    NAME(265, open_by_handle_at), CALL(266, clock_adjtime, 2, ARGS(ARG_INT, ARG_HEX)), CALL(267, syncfs, 1, ARGS(ARG_FD)), NAME(268, setns),
    CALL(269, sendmmsg, 4, ARGS(ARG_FD, ARG_HEX, ARG_UINT, ARG_HEX)), CALL(270, process_vm_readv, 6, ARGS(ARG_INT, ARG_HEX, ARG_UINT, ARG_HEX, ARG_UINT, ARG_HEX)), CALL(271, process_vm_writev, 6, ARGS(ARG_INT, ARG_HEX, ARG_UINT, ARG_HEX, ARG_UINT, ARG_HEX)), NAME(272, kcmp),
    NAME(273, finit_module), CALL(274, sched_setattr, 3, ARGS(ARG_INT, ARG_HEX, ARG_HEX)), CALL(275, sched_getattr, 4, ARGS(ARG_INT, ARG_HEX, ARG_UINT, ARG_HEX)),
    CALL(276, renameat2, 5, ARGS(ARG_DIRFD, ARG_PATH, ARG_DIRFD, ARG_PATH, ARG_HEX)),
    NAME(277, seccomp),
    CALL(278, getrandom, 3, ARGS(ARG_HEX, ARG_UINT, ARG_HEX)),
    CALL(279, memfd_create, 2, ARGS(ARG_PATH, ARG_HEX)), NAME(280, bpf),
    CALL(281, execveat, 5, ARGS(ARG_DIRFD, ARG_PATH, ARG_HEX, ARG_HEX, ARG_HEX)),
    NAME(282, userfaultfd),
    DECLINED(283, membarrier, 3),
    CALL(284, mlock2, 3, ARGS(ARG_HEX, ARG_UINT, ARG_HEX)), CALL(285, copy_file_range, 6, ARGS(ARG_FD, ARG_HEX, ARG_FD, ARG_HEX, ARG_UINT, ARG_HEX)), CALL(286, preadv2, 6, ARGS(ARG_FD, ARG_HEX, ARG_INT, ARG_INT, ARG_INT, ARG_HEX)), CALL(287, pwritev2, 6, ARGS(ARG_FD, ARG_HEX, ARG_INT, ARG_INT, ARG_INT, ARG_HEX)),
    NAME(288, pkey_mprotect), NAME(289, pkey_alloc), NAME(290, pkey_free),
    CALL(291, statx, 5, ARGS(ARG_DIRFD, ARG_PATH, ARG_HEX, ARG_HEX, ARG_HEX)),
    NAME(292, io_pgetevents),
    DECLINED(293, rseq, 4),
    NAME(294, kexec_file_load),
    CALL(424, pidfd_send_signal, 4, ARGS(ARG_FD, ARG_SIGNAL, ARG_HEX, ARG_HEX)), NAME(425, io_uring_setup), NAME(426, io_uring_enter),
    NAME(427, io_uring_register), NAME(428, open_tree), NAME(429, move_mount), NAME(430, fsopen),
    NAME(431, fsconfig), NAME(432, fsmount), NAME(433, fspick), CALL(434, pidfd_open, 2, ARGS(ARG_INT, ARG_HEX)),
    DECLINED(435, clone3, 2), /* the C libraries fall back to clone */
   
    CALL(436, close_range, 3, ARGS(ARG_UINT, ARG_UINT, ARG_HEX)), CALL(437, openat2, 4, ARGS(ARG_DIRFD, ARG_PATH, ARG_HEX, ARG_UINT)), CALL(438, pidfd_getfd, 3, ARGS(ARG_FD, ARG_FD, ARG_HEX)),
    CALL(439, faccessat2, 4, ARGS(ARG_DIRFD, ARG_PATH, ARG_INT, ARG_HEX)),
    NAME(440, process_madvise), CALL(441, epoll_pwait2, 6, ARGS(ARG_FD, ARG_HEX, ARG_INT, ARG_HEX, ARG_HEX, ARG_UINT)), NAME(442, mount_setattr),
    NAME(443, quotactl_fd), NAME(444, landlock_create_ruleset), NAME(445, landlock_add_rule),
    NAME(446, landlock_restrict_self), NAME(447, memfd_secret), NAME(448, process_mrelease),
    NAME(449, futex_waitv), NAME(450, set_mempolicy_home_node), NAME(451, cachestat),
    CALL(452, fchmodat2, 4, ARGS(ARG_DIRFD, ARG_PATH, ARG_MODE, ARG_HEX)), NAME(453, map_shadow_stack), NAME(454, futex_wake), NAME(455, futex_wait),
    NAME(456, futex_requeue),
};

#define SYSCALL_TABLE_SIZE (sizeof syscall_table / sizeof syscall_table[0])

const struct syscall_entry *syscall_lookup(uint64_t number)
{
    if (number >= SYSCALL_TABLE_SIZE || !syscall_table[number].name)
        return NULL;
    return &syscall_table[number];
}

int64_t syscall_dispatch(struct linux_process *process, uint64_t number, const uint64_t *args)
{
    emu_stats.syscalls++;
    const struct syscall_entry *entry = syscall_lookup(number);
    bool implemented = entry && entry->handler;
    /* Before the strace line, so the two never share a line. */
    if (!implemented && log_enabled(LOG_UNIMP))
        log_printf("Unsupported syscall: %llu%s%s%s\n", (unsigned long long)number, entry ? " (" : "",
                   entry ? entry->name : "", entry ? ")" : "");
    if (log_enabled(LOG_STRACE))
        strace_call(entry, number, args);
    int64_t result = implemented ? entry->handler(process, args) : -guest_errno_from_host(ENOSYS);
    if (log_enabled(LOG_STRACE))
        strace_result(entry, result);
    return result;
}
