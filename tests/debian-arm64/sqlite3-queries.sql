.mode list
.separator " | "
CREATE TABLE authors (id INTEGER PRIMARY KEY, name TEXT NOT NULL, born INTEGER);
CREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER REFERENCES authors(id), title TEXT, year INTEGER, pages INTEGER, price REAL);
INSERT INTO authors (name, born) VALUES ('Knuth', 1938), ('Kernighan', 1942), ('Ritchie', 1941), ('Hopper', 1906);
INSERT INTO books (author_id, title, year, pages, price) VALUES
  (1, 'Fundamental Algorithms', 1968, 650, 79.99),
  (1, 'Seminumerical Algorithms', 1969, 762, 84.50),
  (1, 'Sorting and Searching', 1973, 780, 84.50),
  (2, 'The C Programming Language', 1978, 272, 45.00),
  (3, 'The C Programming Language', 1978, 272, 45.00),
  (2, 'The Practice of Programming', 1999, 288, 39.95),
  (2, 'The Go Programming Language', 2015, 380, 42.25);
CREATE INDEX books_by_year ON books(year);
SELECT count(*), sum(pages), round(avg(price), 3), min(year), max(year) FROM books;
SELECT a.name, count(b.id) AS n, sum(b.pages) FROM authors a LEFT JOIN books b ON b.author_id = a.id GROUP BY a.id ORDER BY n DESC, a.name;
SELECT title, year FROM books WHERE year BETWEEN 1970 AND 2000 ORDER BY year, title;
SELECT DISTINCT title FROM books WHERE title LIKE '%Programming%' ORDER BY title;
WITH RECURSIVE counter(n, fact) AS (SELECT 1, 1 UNION ALL SELECT n + 1, fact * (n + 1) FROM counter WHERE n < 20) SELECT n, fact FROM counter WHERE n % 5 = 0;
SELECT upper(name), length(name), substr(name, 2, 3), replace(name, 'e', '3'), born % 100 FROM authors ORDER BY born;
BEGIN;
DELETE FROM books WHERE author_id = 1;
SELECT count(*) FROM books;
ROLLBACK;
SELECT count(*) FROM books;
UPDATE books SET price = price * 1.1 WHERE year < 1975;
SELECT title, printf('%.2f', price) FROM books WHERE author_id = 1 ORDER BY id;
SELECT typeof(1), typeof(1.5), typeof('x'), typeof(NULL), 7 / 2, 7 / 2.0, 1 << 40, hex('emu'), -7 % 3;
SELECT group_concat(name, ',') FROM (SELECT name FROM authors ORDER BY name);
PRAGMA integrity_check;
