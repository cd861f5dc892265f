-- The README's example table: `./cairn migrate run --dir examples/db/migration` applies this to the database of
-- `./cairn serve` (data/cairn.db by default), so that the README's curl examples have rows to show.
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  email VARCHAR(255) UNIQUE,
  age INTEGER
);

INSERT INTO users (name, email, age) VALUES ('Ada', 'ada@example.com', 36);
INSERT INTO users (name, email, age) VALUES ('Alan', 'alan@example.com', 41);
INSERT INTO users (name, email, age) VALUES ('Grace', 'grace@example.com', 29);
