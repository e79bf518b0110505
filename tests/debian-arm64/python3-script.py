# Run by python3.sh: arithmetic and strings.
import math
from fractions import Fraction
from decimal import Decimal, getcontext
from collections import Counter

print(2 ** 200)
print(math.factorial(30), math.comb(50, 25), math.gcd(2 ** 40 - 1, 3 ** 20 - 1))
print(7 // -2, 7 % -2, -7 // 2, divmod(-17, 5), pow(3, 1000, 1000007))
print(0.1 + 0.2, 1 / 3, 2 ** 0.5, math.sqrt(2), math.pi * 1e10, 1e308 * 10, float('nan') == float('nan'))
print(round(2.5), round(3.5), round(2.675, 2), math.floor(-2.5), math.ceil(-2.5), int(-2.9))
print(Fraction(1, 3) + Fraction(1, 6), sum(Fraction(1, n) for n in range(1, 21)))
getcontext().prec = 40
print(Decimal(1) / Decimal(7), Decimal(2).sqrt())
print(f"{1234567.891:,.2f} {255:#x} {255:08b} {3.14159:.3e} {-42:+d} {'x':>5}|")

text = "The quick brown fox jumps over the lazy dog " * 3
words = text.split()
print(len(text), len(words), Counter(words).most_common(3))
print(text.upper()[:20], text.title()[:20], text.replace("o", "0")[:20])
print("-".join(sorted(set(words), key=lambda w: (len(w), w))))
print(text[::-1][:25], text.find("fox"), text.rfind("fox"), text.count("the"))
print("ünïcödé".encode("utf-8"), "ünïcödé".upper(), len("ünïcödé".encode("utf-16-le")))
print(",".join(f"{c}{ord(c)}" for c in "emu"), "abc" < "abd", "Zebra".lower() < "apple")
table = {n: [d for d in range(1, n + 1) if n % d == 0] for n in (12, 28, 97)}
print(table)
primes = [n for n in range(2, 200) if all(n % p for p in range(2, int(n ** 0.5) + 1))]
print(len(primes), primes[-5:], sum(primes))
matrix = [[i * j for j in range(1, 5)] for i in range(1, 5)]
print([list(row) for row in zip(*matrix)][-1], sum(map(sum, matrix)))
print(sorted(["banana", "Apple", "cherry", "apple"]), sorted(["banana", "Apple", "cherry"], key=str.lower))
