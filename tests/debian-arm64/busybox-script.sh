# Run by busybox.sh under busybox sh in an empty directory. Only applets
# the shell runs itself (no find -exec, xargs or env): QEMU cannot exec an
# arm64 program without binfmt_misc.
set -e
echo "== loops and arithmetic"
total=0
i=1
while [ $i -le 100 ]; do
	total=$((total + i * i))
	i=$((i + 1))
done
echo "sum of squares 1..100: $total"
for word in alpha beta gamma; do
	printf '%s has %d letters\n' "$word" "${#word}"
done
count_lines() { wc -l <"$1" | tr -d ' '; }
fib() { a=0; b=1; n=$1; while [ "$n" -gt 0 ]; do t=$((a + b)); a=$b; b=$t; n=$((n - 1)); done; echo $a; }
echo "fib 50: $(fib 50)"
echo "expr: $(expr 7 \* 6) $(expr length hello)"

echo "== text tools"
seq 1 200 | awk '{ s += $1; if ($1 % 7 == 0) m++ } END { print "awk sum", s, "multiples of 7", m }'
seq 1 20 | sed -n -e 's/^\(1\)\([0-9]\)$/teen \2/p' | tr '\n' ' '
echo
printf 'pear 3\napple 10\nfig 7\napple 2\npear 1\nkiwi 7\n' >fruit.txt
sort fruit.txt | uniq -c -w 4 | sed 's/^ *//'
sort -k2,2n -k1,1 fruit.txt | head -3 | cut -d' ' -f1 | tr 'a-z' 'A-Z'
awk '{ n[$1] += $2 } END { for (f in n) print f, n[f] }' fruit.txt | sort
echo "lines: $(count_lines fruit.txt)"
grep -c apple fruit.txt
sed -e '/fig/d' -e 's/\([a-z]*\) \([0-9]*\)/\2:\1/' fruit.txt | sort -t: -k1,1n | tr '\n' ',' 
echo

echo "== checksums and compression"
seq 1 5000 >numbers.txt
sha256sum numbers.txt
md5sum numbers.txt
gzip -9 -c numbers.txt >numbers.txt.gz
gunzip -c numbers.txt.gz | sha256sum
cp numbers.txt copy.txt
gzip copy.txt
test -f copy.txt.gz && test ! -f copy.txt && echo "gzip replaced the file"
gunzip copy.txt.gz
cmp numbers.txt copy.txt && echo "gzip round trip identical"
printf 'hello busybox\n' | sha256sum

echo "== find and tar"
mkdir -p tree/a/b tree/c
for f in tree/a/one tree/a/b/two tree/c/three tree/top; do echo "$f" >"$f"; done
find tree -type f | sort
find tree -name 't*' -type f | sort | tr '\n' ' '
echo
find tree -type d | sort | wc -l | tr -d ' '
tar -cf tree.tar tree
tar -tf tree.tar | sort
mkdir unpacked
tar -xf tree.tar -C unpacked
cat unpacked/tree/a/b/two
tar -czf tree.tgz tree
tar -tzf tree.tgz | grep -c three
rm -r tree
tar -xzf tree.tgz
find tree -type f | sort | while read -r f; do cat "$f"; done | sha256sum

echo "== pipes and subshells"
echo "one two three four" | tr ' ' '\n' | while read -r w; do echo "${#w}:$w"; done | sort -n | tail -1
result=$( (echo a; echo b; echo c) | (read -r x; read -r y; echo "$y$x") )
echo "subshell: $result"
seq 1 1000 | awk 'NR % 100 == 0' | paste -s -d+ - | tee sum.txt
echo "$(cat sum.txt)" | sed 's/+/ + /g' | awk '{ s = 0; for (i = 1; i <= NF; i += 2) s += $i; print "total", s }'
echo "done"
