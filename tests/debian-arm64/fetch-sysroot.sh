#!/bin/sh
# Fetch Debian's own arm64 builds of the programs the tests in this folder
# run (busybox-static, python3, sqlite3, lua5.4) with their library
# dependencies, and unpack them into one sysroot.
#
# Usage: fetch-sysroot.sh SYSROOT
#   SYSROOT   directory to fill (created); the .debs are kept in SYSROOT.debs
# Idempotent: a complete sysroot for the same package list is left alone;
# concurrent calls wait for one another (flock).
# Needs root the first time (dpkg --add-architecture, apt-get update).
# Exit status: 0 ready, 1 error, 77 skip (apt cannot download: no network,
# not root, or no arm64 packages in the configured archive).

set -u
test $# -eq 1 || { echo "usage: $0 SYSROOT" >&2; exit 1; }
sysroot=$1
debs=$sysroot.debs
stamp=$sysroot/.fetched

programs="busybox-static python3 sqlite3 lua5.4"

skip() {
	echo "SKIP: $*"
	exit 77
}

if test -f "$stamp" && test "$(cat "$stamp")" = "$programs"; then
	exit 0
fi

# The tests run in parallel and all start here: one fetches, the others
# wait for it and find the stamp.
mkdir -p "$(dirname "$sysroot")" || exit 1
if command -v flock >/dev/null 2>&1; then
	exec 9>"$sysroot.lock"
	flock 9
	if test -f "$stamp" && test "$(cat "$stamp")" = "$programs"; then
		exit 0
	fi
fi

if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg >/dev/null 2>&1; then
	skip "no apt-get/dpkg here"
fi

# apt-cache knows arm64 packages once the architecture is added and the
# package lists are fetched.
have_lists() {
	apt-cache show busybox-static:arm64 >/dev/null 2>&1
}
if ! have_lists; then
	test "$(id -u)" = 0 || skip "arm64 package lists are missing and adding them needs root"
	dpkg --print-foreign-architectures | grep -qx arm64 || dpkg --add-architecture arm64 ||
		skip "dpkg --add-architecture arm64 failed"
	apt-get update -q >/dev/null 2>&1
	# apt's unprivileged sandbox user cannot run gpgv in some containers
	have_lists || apt-get update -q -o APT::Sandbox::User=root >/dev/null 2>&1
	have_lists || skip "apt-get update fetched no arm64 package lists (no network?)"
fi

# The programs and every package they depend on, for arm64 (apt-cache
# prints arm64 packages with the :arm64 suffix; <virtual> ones are left
# out, and so are the packaging tools dpkg pulls in).
# shellcheck disable=SC2046 # one word per program
packages=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
	--no-replaces --no-enhances $(for p in $programs; do echo "$p:arm64"; done) 2>/dev/null |
	grep -E '^[a-z0-9][^ <>]*:arm64$' | grep -vE '^(dpkg|tar|install-info|perl[a-z0-9.-]*):' | sort -u)
test -n "$packages" || skip "apt-cache found no arm64 dependencies"

rm -rf "$debs"
mkdir -p "$debs" || exit 1
# shellcheck disable=SC2086 # one word per package
(cd "$debs" && apt-get download -q $packages >/dev/null 2>&1) ||
	(cd "$debs" && apt-get download -q -o APT::Sandbox::User=root $packages >/dev/null 2>&1) ||
	skip "apt-get download failed (no network?)"

rm -rf "$sysroot"
mkdir -p "$sysroot" || exit 1
for deb in "$debs"/*.deb; do
	dpkg -x "$deb" "$sysroot" || { echo "dpkg -x $deb failed" >&2; exit 1; }
done
echo "$programs" >"$stamp"
