#!/bin/sh
# Debian's python3 (arm64, dynamically linked) with -L over the sysroot:
# a -c one-liner with json, hashlib and zlib, and a script with arithmetic
# (big integers, floats, fractions), strings and data structures.
# shellcheck source-path=SCRIPTDIR source=compare-runs.sh
. "$(dirname "$0")/compare-runs.sh"
overall=0
run_program python3-c "" /dev/null /usr/bin/python3 -c "
import json, hashlib, zlib
data = {'name': 'emu', 'numbers': list(range(10)), 'nested': {'pi': 3.14159, 'ok': True}}
text = json.dumps(data, sort_keys=True)
print(text)
print(json.loads(text)['nested'])
print(hashlib.sha256(text.encode()).hexdigest())
print(hashlib.md5(b'abc').hexdigest(), hashlib.sha1(b'abc').hexdigest())
packed = zlib.compress(text.encode() * 50, 9)
print(len(packed), zlib.crc32(packed), zlib.decompress(packed) == text.encode() * 50)
" || overall=1
run_program python3-script python3-script.py /dev/null /usr/bin/python3 python3-script.py || overall=1
exit "$overall"
